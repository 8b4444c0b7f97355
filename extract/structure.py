"""Case-level structure: how a case's places and bodies nest, read from names and the case's area.

A case is about one residential area, so the estates it names lie in that area,
the area lies in the sub-district, the sub-district in the district; a 街道 office
(…管理办) belongs to the sub-district's 办事处; a 支部 of an area belongs to that
area's 党总支; a body whose name starts with another body's name belongs to it (a college
to its university), and so does a company's, bank's or bureau's own party organisation.
Each rule is a function (mentions, area, subdistrict) -> relations, in RULES; the case rules, which read
more of the case (its text, lead, project and the relations found before them), take its CaseFacts, in CASE_RULES.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from extract.recognizers import HOST_RULE, HOSTS_OF_PARTY_BRANCHES
from extract.resolve import LEGAL_FORMS, company_core, place_stem
from graph.records import Mention, RelationMention
from ontology.vocabulary import load_vocabulary

TEAM_OWNERS = ("PropertyFirm", "PartnerUnit")  # 恒禧物业志愿者团队 is 恒禧物业's team
COUNTED_ESTATE = "enumeration:小区"  # 由A、B、C三个小区组成
ESTATE_ENDINGS = ("小区", "弄", "苑", "新村", "公寓", "广场", "花园一期", "花城", "宿舍")
PLACES_OF_PARTY_BODIES = ("村", "社区", "居民区", "街道", "镇", "乡")  # a place's party body belongs to no company
NOT_DISTRICTS = ("居民区", "小区", "社区", "片区", "街区", "园区", "校区", "开发区", "商务区")  # places ending in 区 that are not one
Found = list[tuple[str, Mention, Mention]]


def _first(mentions: list[Mention], type_name: str, name: str) -> Mention | None:
    return next((m for m in mentions if m.type == type_name and m.canonical == name), None)


def _firsts(mentions: list[Mention]) -> list[Mention]:
    seen, firsts = set(), []
    for m in mentions:
        if (m.type, m.canonical) not in seen:
            seen.add((m.type, m.canonical))
            firsts.append(m)
    return firsts


def places_nest(mentions: list[Mention], area: str, subdistrict: str) -> Found:
    """Estates lie in the case's area; the area in its sub-district; the sub-district in its district."""
    found: Found = []
    area_m = _first(mentions, "Community", area)
    sub_m = _first(mentions, "Community", subdistrict)
    districts = [m for m in _firsts(mentions) if m.type == "Community" and m.canonical.endswith("区")
                 and not m.canonical.endswith(NOT_DISTRICTS)]
    for m in _firsts(mentions):
        if m.type != "Community" or m is area_m:
            continue
        if area_m is not None and (m.canonical.endswith(ESTATE_ENDINGS) or m.evidence.rule == COUNTED_ESTATE):
            beside_area = next((e for e in mentions if e.canonical == m.canonical and _names_area(e, area)),
                               None)
            if beside_area is not None:
                found.append(("case:estate-in-area", beside_area, area_m))
    if area_m is not None and sub_m is not None:
        found.append(("case:area-in-subdistrict", area_m, sub_m))
    if sub_m is not None and len(districts) == 1:
        found.append(("case:subdistrict-in-district", sub_m, districts[0]))
    return found


def _names_area(estate: Mention, area: str) -> bool:
    """The sentence of this mention of an estate names the area too, or a body of it (松涛居委所辖青禾小区):
    a case names estates of other areas as well, and says which are its own beside the area's name."""
    return place_stem(area) in estate.evidence.sentence.replace(estate.text, "")


NUMBERED_BUILDING = re.compile(r"[0-9一二三四五六七八九十]+(?:号楼|[栋幢])$")
MIN_ESTATE_WORDS = 3  # characters of a building's estate words that, ending an estate's name, name that estate


def buildings_nest(mentions: list[Mention], area: str, subdistrict: str) -> Found:
    """A named building (金申城家园5号楼, 青禾小区26栋) belongs to the estate its name starts with (金申城家园小区), or
    whose name ends with the building's estate words (中信青禾小区)."""
    places = [m for m in _firsts(mentions) if m.type == "Community"]
    buildings = {m.canonical: match.start() for m in places if (match := NUMBERED_BUILDING.search(m.canonical))}
    found: Found = []
    for building in places:
        if building.canonical not in buildings:
            continue
        own = building.canonical[:buildings[building.canonical]].removesuffix("小区")
        estates = [p for p in places if p.canonical not in buildings and (
            building.canonical.startswith(p.canonical.removesuffix("小区"))
            or len(own) >= MIN_ESTATE_WORDS and p.canonical.removesuffix("小区").endswith(own))]
        if estates:
            found.append(("case:building-of-estate", building, max(estates, key=lambda p: len(p.canonical))))
    return found


def offices_nest(mentions: list[Mention], area: str, subdistrict: str) -> Found:
    """A sub-district's offices (…办) belong to its 办事处; a 支部 to the area's 党总支; X党委Y to X党委;
    a firm's or unit's team (恒禧物业志愿者团队) to it."""
    found: Found = []
    firsts = _firsts(mentions)
    office = _first(mentions, "GovernmentAgency", subdistrict + "办事处") if subdistrict else None
    area_party = next((m for m in firsts if m.type == "PartyOrganization" and area
                       and m.canonical == area + "党总支"), None)
    for m in firsts:
        if office is not None and m.type == "GovernmentAgency" and m is not office \
                and m.canonical.startswith(subdistrict) and m.canonical.endswith("办"):
            found.append(("case:office-of-subdistrict", m, office))
        if area_party is not None and m.type == "PartyOrganization" and m is not area_party \
                and m.canonical.endswith(("支部", "党小组")) and m.canonical.startswith(area.removesuffix("居民区")):
            found.append(("case:branch-of-area", m, area_party))
        for parent in firsts:
            if parent is not m and parent.type == m.type and m.canonical.startswith(parent.canonical) \
                    and (len(parent.canonical) >= 4 and m.type in ("PartyOrganization", "Committee")
                         or m.type in ("PartnerUnit", "GovernmentAgency") and parent.evidence.rule == HOST_RULE):
                found.append(("case:name-prefix", m, parent))
            elif m.type == "VolunteerTeam" and parent.type in TEAM_OWNERS and m.canonical.startswith(parent.canonical):
                found.append(("case:team-of-body", m, parent))
    return found


PARTY_BODY = re.compile(r"(?:机关)?(?:[第一二三四五六七八九十\d]+)?(?:党委|党总支|党支部|支部|党小组)$")


def _party_of(party: str, host: str) -> bool:
    """青禾物业公司党支部 is the party branch of 嘉兴市青禾物业有限公司, 房管局机关一支部 that of 房管局."""
    body = PARTY_BODY.sub("", party)
    if body == party or len(body) < 2:
        return False
    if LEGAL_FORMS.search(host) and not body.endswith(PLACES_OF_PARTY_BODIES):  # 鲁家村党委 is no 鲁家村强村公司's
        core = company_core(body)
        return len(core) >= 2 and core in company_core(host)
    return body == host


def branches_of_hosts(mentions: list[Mention], area: str, subdistrict: str) -> Found:
    """A company's, bank's or bureau's own party organisation belongs to it (the longest such host)."""
    firsts = _firsts(mentions)
    hosts = [m for m in firsts if m.type in HOSTS_OF_PARTY_BRANCHES]
    found: Found = []
    for party in (m for m in firsts if m.type == "PartyOrganization"):
        owners = [h for h in hosts if _party_of(party.canonical, h.canonical)]
        if owners:
            found.append(("case:branch-of-host", party, max(owners, key=lambda h: len(h.canonical))))
    return found


CO_BUILDING = re.compile(r"共建|结对|联建|区域化党建|党建联盟")
CO_BUILDING_REACH = 150  # characters: the two or three sentences either side of the cue


@dataclass(frozen=True)
class CaseFacts:
    """What the case rules read: the case's text and names, the relations found so far, and its chosen places,
    lead body and project."""

    text: str
    mentions: tuple[Mention, ...]
    relations: tuple[RelationMention, ...]
    lead: Mention | None
    focus: Mention | None
    estate: Mention | None
    area: Mention | None
    facility_endings: tuple[str, ...]


OFFICE_ENDINGS = ("办事处", "人民政府", "政府")


def _party_of_office(mentions: tuple[Mention, ...], lead: Mention | None) -> Mention | None:
    """A case led by an office (柏林街道办事处) co-builds through its place's party committee (柏林街道党工委),
    where the case names one: partners co-build with party bodies, not with offices."""
    if lead is None or lead.type != "GovernmentAgency" or not lead.canonical.endswith(OFFICE_ENDINGS):
        return lead
    place = next(lead.canonical.removesuffix(e) for e in OFFICE_ENDINGS if lead.canonical.endswith(e))
    return next((m for m in mentions if m.type == "PartyOrganization" and m.canonical.startswith(place)), lead)


def partners_co_build(case: CaseFacts) -> list[RelationMention]:
    """In a case that speaks of 共建/结对/区域化党建, the partner units named near the cue co-build with its lead body.

    A partner is counted where it is named on its own, not inside another's name (澄江大学 in 澄江大学…学院).
    """
    vocabulary = load_vocabulary()
    co_builds = vocabulary.relation("CO_BUILDS")
    mentions, lead = case.mentions, _party_of_office(case.mentions, case.lead)
    cues = [c.start() for c in CO_BUILDING.finditer(case.text)
            if not any(m.start <= c.start() < m.end and m.type == "Project" for m in mentions)]  # “双园共建”活动
    if lead is None or not cues:
        return []
    near = [m for m in mentions if m.type == "PartnerUnit" and any(abs(m.start - cue) <= CO_BUILDING_REACH for cue in cues)
            and not any(o.start <= m.start and m.end <= o.end and o.end - o.start > m.end - m.start for o in mentions)]
    return [RelationMention(type="CO_BUILDS", source=m, target=lead, evidence=replace(m.evidence, rule="case:co-builds"))
            for m in _firsts(near) if co_builds.allows(vocabulary.node(m.type), vocabulary.node(lead.type))]


AREA_SUBJECT = re.compile(r"(?:^|[，。；！？,;])(?:本|该)?(?:社区|居民区|村里|村)[^，。；！？,;]*$")  # 社区还建起了…: the area builds


def placed_facilities(case: CaseFacts) -> list[RelationMention]:
    """A facility the case builds and its sentences place nowhere is in the case's own estate, else its area; in
    the area when the bare 社区 or 村 builds it (社区还建起了青禾书屋). One built in a sentence that names a work of
    another kind is part of that work (“焕新”改造：路灯和道闸装了起来)."""
    placed = {r.source.canonical for r in case.relations if r.type == "LOCATED_IN"}
    found = []
    for m in _firsts(case.mentions):
        if (m.type != "Project" or not m.canonical.endswith(case.facility_endings) or m.canonical in placed
                or m.implicit):
            continue
        works = [w for w in case.mentions if w.type == "Project" and w.evidence.sentence == m.evidence.sentence
                 and not w.canonical.endswith(case.facility_endings) and not w.implicit
                 and not _listed_together(case.text, m, w)]
        if works:
            work = min(works, key=lambda w: abs(w.start - m.start))
            found.append(RelationMention(type="PART_OF", source=m, target=work,
                                         evidence=replace(m.evidence, rule="case:facility-of-work")))
            continue
        by_area = AREA_SUBJECT.search(case.text, max(0, m.start - 30), m.start)
        place = case.area if by_area and case.area is not None else case.estate or case.area
        if place is not None:
            found.append(RelationMention(type="LOCATED_IN", source=m, target=place,
                                         evidence=replace(m.evidence, rule="case:facility")))
    return found


def _listed_together(text: str, a: Mention, b: Mention) -> bool:
    """推动A、上线B: two works of one list, neither part of the other."""
    first, second = sorted((a, b), key=lambda m: m.start)
    return not re.search("[，,：:；;]", text[first.end:second.start])


def residents_take_part(case: CaseFacts) -> list[RelationMention]:
    """A person the case names and relates to nothing else, no body of their own nor a work they lead (居民李青说,
    楼组长王芳…), takes part in its project."""
    if case.focus is None:
        return []
    related = {r.source.canonical for r in case.relations if r.source.type == "Person"}
    return [RelationMention(type="PARTICIPATES_IN", source=m, target=case.focus,
                            evidence=replace(m.evidence, rule="case:resident"))
            for m in _firsts(case.mentions) if m.type == "Person" and m.canonical not in related]


Rule = Callable[[list[Mention], str, str], Found]
RULES: dict[str, Rule] = {"places": places_nest, "buildings": buildings_nest, "offices": offices_nest,
                          "hosts": branches_of_hosts}
# Case rules that read more than the case's names (its text, lead and project, the relations found before them),
# run in this order, each seeing what the ones before it found.
CASE_RULES: dict[str, Callable[[CaseFacts], list[RelationMention]]] = {
    "co_builds": partners_co_build, "facilities": placed_facilities, "residents": residents_take_part}


def structural_relations(mentions: list[Mention], area: str, subdistrict: str) -> list[RelationMention]:
    relations = []
    for rule in RULES.values():
        for rule_id, source, target in rule(mentions, area, subdistrict):
            relations.append(RelationMention(type="PART_OF", source=source, target=target,
                                             evidence=replace(source.evidence, rule=rule_id)))
    return relations


def case_relations(case: CaseFacts) -> list[RelationMention]:
    """What the case rules add to the relations already found, in the order they are registered."""
    found: list[RelationMention] = []
    for rule in CASE_RULES.values():
        found.extend(rule(replace(case, relations=case.relations + tuple(found))))
    return found
