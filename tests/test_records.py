from graph.records import Document, Entity


def test_document_maps_normalised_spans_back_to_the_raw_text():
    doc = Document(id="d", path="d.txt", format="text", raw_text="a b\nc", text="abc", offsets=(0, 2, 4))
    assert doc.original_span(1, 3) == (2, 5)


def test_entity_keeps_aliases_and_cases_unique():
    entity = Entity(id="x", type="Committee", name="松韵居委会")
    for alias in ("松韵居委", "松韵居委", "松韵居委会"):
        entity.add_alias(alias)
    entity.add_case("c1")
    entity.add_case("c1")
    assert entity.aliases == ["松韵居委"]
    assert entity.cases == ["c1"]


def test_a_build_keeps_no_text_of_its_documents_but_evidence_into_them(examples_build):
    """Workers send the parent only what the graph keeps: memory grows with the facts, not the text."""
    assert all(not d.raw_text and not d.text and not d.offsets for d in examples_build.case_graph.documents)
    assert all(not c.text and c.title for c in examples_build.case_graph.cases)
    evidence = [e for entity in examples_build.case_graph.entities.values() for e in entity.evidence]
    assert evidence and all(e.sentence and e.end > e.start for e in evidence)
