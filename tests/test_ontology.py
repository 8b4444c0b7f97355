import re

import pytest
from rdflib import Graph, Namespace
from rdflib.collection import Collection

from ontology.vocabulary import SHAPES_FILE, UnknownTypeError, load_vocabulary
from tests.conftest import SHARED


def spec_types(section: str) -> set[str]:
    text = (SHARED / "ONTOLOGY.md").read_text(encoding="utf-8")
    part = text.split(section, 1)[1].split("\n## ", 1)[0]
    return set(re.findall(r"^\| `([A-Z_a-z]+)` \|", part, flags=re.M))


def test_every_node_type_of_the_spec_is_in_the_ontology():
    names = set(load_vocabulary().node_types)
    assert spec_types("## Node types") <= names
    assert len(spec_types("## Node types")) == 11


def test_every_relationship_type_of_the_spec_is_in_the_ontology():
    assert spec_types("## Relationship types") <= set(load_vocabulary().relation_types)
    assert len(spec_types("## Relationship types")) == 14


def test_types_have_chinese_labels_and_map_styles():
    vocabulary = load_vocabulary()
    assert vocabulary.node("PartyOrganization").label_zh == "党组织"
    assert vocabulary.relation("CO_BUILDS").label_zh == "共建"
    assert all(t.colour.startswith("#") and t.shape for t in vocabulary.node_types.values())


def test_unknown_type_fails_listing_the_valid_ones():
    with pytest.raises(UnknownTypeError, match="PartyOrganization"):
        load_vocabulary().node("Party")


def test_domain_and_range_are_enforced():
    v = load_vocabulary()
    assert v.relation("FUNDED").allows(v.node("PartnerUnit"), v.node("Project"))
    assert not v.relation("FUNDED").allows(v.node("Project"), v.node("PartnerUnit"))
    assert v.relation("CO_BUILDS").allows(v.node("Community"), v.node("PartnerUnit"))
    assert v.relation("USES_MECHANISM").allows(v.node("Community"), v.node("Mechanism"))  # a village acting
    assert not v.relation("LEADS").allows(v.node("Community"), v.node("Project"))


def test_shacl_domain_and_range_shapes_say_what_the_ontology_says():
    """shapes.ttl is written by hand beside casegraph.ttl: a widened domain must reach both."""
    shapes = Graph().parse(SHAPES_FILE, format="turtle")
    SH, CG = Namespace("http://www.w3.org/ns/shacl#"), Namespace("https://w3id.org/casegraph/ontology#")

    def classes(shape_name: str) -> set[str]:
        options = Collection(shapes, shapes.value(CG[shape_name], SH["or"]))
        return {str(shapes.value(option, SH["class"])).rsplit("#", 1)[1] for option in options}

    for relation in load_vocabulary().relation_types.values():
        if relation.structural:
            continue
        assert classes(f"{relation.name}DomainShape") == set(relation.domain), relation.name
        assert classes(f"{relation.name}RangeShape") == set(relation.range), relation.name


def test_shacl_shapes_parse():
    shapes = Graph().parse(SHAPES_FILE, format="turtle")
    assert len(shapes) > 100
