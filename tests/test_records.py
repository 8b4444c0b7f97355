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
