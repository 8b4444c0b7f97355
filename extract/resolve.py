"""Resolve mentions to entities: canonical names, aliases, generic mentions.

Within a case, a short form (松韵党总支) joins the fullest form of the same type
(松韵居民区党总支) when the extra characters are only type words, and a project or
mechanism's short form (亲子楼, 党建+楼栋) joins the fuller one that keeps its head
(亲子文化楼, 党建+楼栋模式); a bare type word
(居委会, 物业, 党总支) joins the case's own body, or gets a derived name marked
implicit when the case never names it. Across cases, entities of the same
type and canonical name are one node.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Callable

from jieba import posseg

from extract import segment
from extract.amounts import chinese_number
from extract.lexicon import Lexicon, load_lexicon
from extract.recognizers import ACTING_AREA_RULE, BUILDING_NUMBER, CAMPAIGN_RULE, COMPANY_TYPES, HOST_RULE
from graph.records import Case, Mention
from loaders.places import NOT_DISTRICTS

QUOTE_CHARS = "“”‘’「」『』《》\"'"
NUMERALS = "一二三四五六七八九十两百千"
FILLER = set("居民区委会社党总支部街道办事处管理和与市容服务中心有限公司集团小组园")
ABBREVIATIONS = (("居委党", "居民区党"), ("居委会党", "居民区党"))


def quoted_short_name(text: str) -> str:
    """The quoted core of a name like “131弄、乐起来”平台 (an alias of it), else ''."""
    match = re.fullmatch(r"[“「『\"]([^”」』\"]{2,20})[”」』\"](?:[\u4e00-\u9fff]{1,4}|App|APP|app)", text)
    return match.group(1) if match else ""


def canonical_name(text: str) -> str:
    name = "".join(c for c in text if c not in QUOTE_CHARS and not c.isspace())
    for short, full in ABBREVIATIONS:
        name = name.replace(short, full)
    return name + "会" if name.endswith("居委") and len(name) > 2 else name


def _is_subsequence(short: str, long: str) -> bool:
    chars = iter(long)
    return all(c in chars for c in short)


REGISTERED_NAME = re.compile(r"^[\u4e00-\u9fff]{2,3}[省市](?=.{4,})|(?:股份)?有限(?:责任)?(?=公司$)")  # 江城市|…|有限|公司


def is_alias(short: str, long: str) -> bool:
    """True when ``short`` is a shortened form of ``long`` (same thing, fewer words); a company's registered
    name shortens without its city and its legal form (青松物业公司 of 江城市青松物业有限公司)."""
    if len(short) >= len(long) or len(short) < 3:
        return False
    if long.endswith("公司") and REGISTERED_NAME.search(long):
        core = REGISTERED_NAME.sub("", long)
        return short == core or is_alias(short, core) or _is_shortened(short, long)
    return _is_shortened(short, long) or _is_office_short_form(short, long)


def _is_office_short_form(short: str, long: str) -> bool:
    """区住建局 of 区住房和城乡建设局: the short form's words, written out, give the full name or a shortening of it."""
    for word, full in load_lexicon().office_short_forms.items():
        if word in short and full in long:
            written_out = short.replace(word, full, 1)
            return written_out == long or _is_shortened(written_out, long)
    return False


def _is_shortened(short: str, long: str) -> bool:
    if long.endswith(short) and len(short) >= 4 and not (short[0].isdigit() and long[-len(short) - 1].isdigit()):
        return True
    if long.startswith(short) and all(c in FILLER for c in long[len(short):]):
        return True
    head, tail = short[:2], short[2:]
    middle = long[len(head):len(long) - len(tail)] if len(tail) >= 2 else ""
    if long.startswith(head) and long.endswith(tail) and len(middle) >= 2 and not any(c.isdigit() for c in middle):
        return True
    if short[0] != long[0] or short[-1] != long[-1] or not _is_subsequence(short, long):
        return False
    extra = Counter(long) - Counter(short)
    return all(c in FILLER for c in extra.elements())


SEPARATORS = re.compile(r"[、，,·・\s]")


def differ_in_separators(one: str, other: str) -> bool:
    """Names written with different separators (131弄、乐起来 and 131弄，乐起来) are one name."""
    return SEPARATORS.sub("", one) == SEPARATORS.sub("", other)


WORK_WORDS = ("活动", "行动", "项目", "改造", "建设", "计划", "工程")
MIN_TAIL_STEM = 4  # characters of a work's stem that, ending a fuller work's stem, name that work (环境提升工程)


def project_stem(name: str) -> str:
    """A project's name without the words for the work done on it: 五楼平台改造, 洁净家园行动 → 五楼平台, 洁净家园."""
    while (word := next((w for w in WORK_WORDS if name.endswith(w) and len(name) > len(w) + 2), "")):
        name = name.removesuffix(word)
    return name


WAY_KIND_WORDS = ("服务", "工作")  # “青禾管家”服务模式: the kind of work a way's brand is for


def is_mechanism_short_form(short: str, long: str, lexicon: Lexicon) -> bool:
    """True when ``long`` is ``short`` with a mechanism's type word, perhaps after the kind of work: 党建+楼栋,
    党建+楼栋模式 and 党建+楼栋服务模式 name one way (not 青禾物业管理体系, a system of its own); or when ``short``
    is the words of ``long`` before its type word, after what it joins (三社联动 of …三社联动机制)."""
    rest = long[len(short):]
    type_word = lexicon.type_word_ending(rest)
    long_type_word = lexicon.type_word_ending(long)
    if len(short) >= 4 and lexicon.suffix_type.get(long_type_word) == "Mechanism" \
            and long.removesuffix(long_type_word).endswith(short):
        return True  # 三社联动 of “社区+社会组织+社工”三社联动机制: the way's own words, after what it joins
    return len(short) >= 3 and long.startswith(short) and lexicon.suffix_type.get(type_word) == "Mechanism" \
        and rest[:-len(type_word)] in ("", *WAY_KIND_WORDS)


def campaign_name(name: str, lexicon: Lexicon) -> str:
    """A campaign's project named with a work word (旧住房成套改造项目) is the campaign (两旧一村改造)."""
    forms = [name.removesuffix(word) for word in WORK_WORDS if name.endswith(word)]
    return next((lexicon.campaigns[form] for form in forms if form in lexicon.campaigns), name)


def is_project_short_form(short: str, long: str, lexicon: Lexicon) -> bool:
    """True when project names ``short`` and ``long`` (no shorter) name one thing.

    Projects are named freely, so a shorter mention keeps the thing's last word and
    either its first word (亲子楼 for 亲子文化楼, 美好家园项目 for 美好家园改造项目) or its
    whole tail (笑脸墙 for 最美最暖笑脸墙); or it names the same thing without the
    work done on it (五楼平台 for 五楼平台改造), or by its stem's tail with another work word (环境提升工程 for
    老旧小区环境提升项目), or as the work done at a place (柏定支路项目
    for 柏定支路睦邻街区), or in another word order (党群六个微空间 for 六个党群微空间).
    Numbers never drop out: 1号楼组 is not 13号楼组.
    """
    if len(short) < 3 or len(short) > len(long) or short == long:
        return False
    stem = project_stem(short)
    if stem == project_stem(long) or Counter(short) == Counter(long) and short[-1] == long[-1]:
        return True
    if stem != short and (len(stem) >= 3 and long.startswith(stem)
                          or len(stem) >= MIN_TAIL_STEM and project_stem(long).endswith(stem)):
        return True
    if len(short) == len(long) or short[-1] != long[-1] or not _is_subsequence(short, long):
        return False
    extra = Counter(long) - Counter(short)
    return not any(c.isdigit() or c in NUMERALS for c in extra.elements()) and (
        short[0] == long[0] or long.endswith(short))


LEGAL_FORMS = re.compile(r"(股份有限公司|有限责任公司|有限公司|公司|集团)$")
CITY_PREFIX = re.compile(r"^(上海|北京|天津|重庆|中国)(市)?")


def company_core(name: str) -> str:
    """A company's name without its city and legal form: 上海浦江物业管理有限公司 → 浦江物业管理."""
    return CITY_PREFIX.sub("", LEGAL_FORMS.sub("", name))


def is_company_short_form(short: str, long: str, lexicon: Lexicon) -> bool:
    """True when ``short`` is how reports name the company ``long`` for short: 浦江物业 for
    上海浦江物业管理有限公司, 华榕公司 for 华榕文化传播有限公司, 蓉城物业 for 成都蓉城物业服务有限公司."""
    if not LEGAL_FORMS.search(long):
        return False
    core, short_core = company_core(long), company_core(short)
    if len(short_core) < 2 or short == long:
        return False
    return core.startswith(short_core) or _brand_and_trade(short_core, core) or (
        len(short_core) >= MIN_CITYLESS_CORE and _opens_with_city(core) and core[CITY_LENGTH:].startswith(short_core))


TRADE_WORDS = ("物业",)
MIN_BRAND = 2


def _brand_and_trade(short_core: str, core: str) -> bool:
    """愿景物业 for 愿景明德物业管理: the brand's first characters, then the trade the name goes on to."""
    trade = next((t for t in TRADE_WORDS if short_core.endswith(t)), "")
    brand = short_core.removesuffix(trade)
    return bool(trade) and len(brand) >= MIN_BRAND and core.startswith(brand) and trade in core[len(brand):]


MIN_CITYLESS_CORE = 3
CITY_LENGTH = 2


def _opens_with_city(core: str) -> bool:
    """成都|蓉城物业服务: the company's name opens with its city (a place name in jieba's dictionary)."""
    return posseg.dt.word_tag_tab.get(core[:CITY_LENGTH]) == "ns"


SHORT_FORM_RULES = {"Project": is_project_short_form, "Mechanism": is_mechanism_short_form,
                    "PropertyFirm": is_company_short_form, "PartnerUnit": is_company_short_form}


ADDRESS = re.compile(r"^[\u4e00-\u9fff]{2,6}?[路街]\d+(?:-\d+)?[弄号]")


def address_aliases(names: set[str]) -> dict[str, str]:
    """Addressed forms of an estate are aliases of its name: 柏顺路68弄怡乐苑小区 → 怡乐苑.

    The bare address (柏顺路68弄, 柏顺路68弄小区) joins it too when it addresses one estate only.
    """
    aliases: dict[str, str] = {}
    by_address: dict[str, set[str]] = {}
    for name in names:
        match = ADDRESS.match(name)
        estate = name[match.end():].removesuffix("小区") if match else ""
        if len(estate) >= 2 and not estate.isdigit() and not estate.endswith(("居民区", "社区")):
            aliases[name] = estate
            lane = re.search(r"\d+(?:-\d+)?[弄号]$", match.group()).group()
            for address in (match.group(), lane):
                by_address.setdefault(address, set()).add(estate)
    for address, estates in by_address.items():
        if len(estates) == 1:
            for form in (address, address + "小区"):
                if form in names:
                    aliases[form] = next(iter(estates))
    return aliases


ADMINISTRATIVE_SUFFIX = re.compile(r"(?:省|市|区|县|自治州|州)$")


def abbreviated_chains(names: set[str]) -> dict[str, str]:
    """A headline's run of short place names is the last place: 兰州西固福利路街道 → 福利路街道 where the case
    also names 兰州市 and 西固区."""
    stems = {ADMINISTRATIVE_SUFFIX.sub("", name) for name in names
             if ADMINISTRATIVE_SUFFIX.search(name) and not name.endswith(NOT_DISTRICTS)}
    stems = {stem for stem in stems if len(stem) >= 2}
    aliases = {}
    for name in names:
        for place in names:
            prefix = name.removesuffix(place)
            if place != name and prefix != name and _made_of(prefix, stems):
                aliases[name] = place
                break
    return aliases


def _made_of(text: str, stems: set[str]) -> bool:
    """Whether ``text`` is a run of ``stems`` (兰州|西固)."""
    return not text or any(text.startswith(stem) and _made_of(text[len(stem):], stems) for stem in stems)


def regained_first_characters(text: str, mentions: list[Mention], types: tuple[str, ...],
                              names_more: Callable[[str, str], bool]) -> dict[str, str]:
    """A name cut after a one-character word takes it back when the case names the thing more fully:
    爱|博五村 for 爱华五村一号楼, 愿|景物业 for 北京愿景明德物业管理有限公司."""
    found = [m for m in mentions if m.type in types]
    names = {m.canonical for m in found}
    fuller = {}
    for mention in found:
        longer = text[mention.start - 1:mention.start] + mention.canonical
        if mention.start and longer != mention.canonical and any(names_more(longer, n) for n in names):
            fuller[mention.canonical] = longer
    return fuller


APPOSITION = re.compile(r"^[（(]$|^的$")


def apposed_places(text: str, mentions: list[Mention]) -> dict[str, str]:
    """An address beside an estate's name is another name of it: 第十四宿舍（政和路47弄）, 柳浦路357弄的师大公寓."""
    places = sorted((m for m in mentions if m.type == "Community"), key=lambda m: m.start)
    aliases = {}
    for first, second in zip(places, places[1:]):
        between = text[first.end:second.start]
        if not APPOSITION.match(between):
            continue
        address, estate = (second, first) if between != "的" else (first, second)
        if ADDRESS.fullmatch(address.canonical) and not ADDRESS.match(estate.canonical):
            aliases[address.canonical] = estate.canonical
    return aliases


DASH = re.compile(r"^[—–\-－]{1,2}$")


def apposed_firms(text: str, mentions: list[Mention]) -> dict[str, str]:
    """小区物业——鹏城物业服务中心: the estate's firm named by its kind, then by its own name, is that firm."""
    firms = sorted((m for m in mentions if m.type == "PropertyFirm"), key=lambda m: m.start)
    return {first.canonical: second.canonical for first, second in zip(firms, firms[1:])
            if first.canonical.endswith("物业") and DASH.match(text[first.end:second.start])}


def unique_tails(names: set[str]) -> dict[str, str]:
    """A team or unit named by its kind alone (舞蹈队, 文学院) is the case's one of that kind (楼栋舞蹈队,
    青山大学文学院)."""
    tails = {}
    for short in names:
        longer = [name for name in names if name.endswith(short) and name != short]
        if len(longer) == 1:
            tails[short] = longer[0]
    return tails


def cut_person_names(text: str, mentions: list[Mention]) -> dict[str, str]:
    """A name that jieba cut a character short wherever it stands (陈来|康站在, 陈来康说: 陈来康) is the full
    name the case gives too."""
    full = {m.canonical for m in mentions if m.type == "Person"}
    cut: dict[str, set[str]] = {}
    for m in mentions:
        if m.type == "Person":
            cut.setdefault(m.canonical, set()).add(m.canonical + text[m.end:m.end + 1])
    return {short: next(iter(longer)) for short, longer in cut.items()
            if len(longer) == 1 and next(iter(longer)) in full - {short}}


def apposed_ways(text: str, mentions: list[Mention]) -> dict[str, str]:
    """A quoted motto right before the way it names is another name of it:
    “党建引领、多方共治”的红心物业服务体系. So is a way whose name runs into the next one's:
    “需求清单、资源清单”两张清单 and 两张清单工作机制 are one mechanism."""
    ways = sorted((m for m in mentions if m.type == "Mechanism"), key=lambda m: m.start)
    return {first.canonical: second.canonical for first, second in zip(ways, ways[1:])
            if first.canonical != second.canonical
            and (text[first.start] in "“「『" and text[first.end:second.start] == "的"
                 or first.start < second.start < first.end < second.end)}


def titled_ways(case: Case, mentions: list[Mention], lexicon: Lexicon) -> dict[str, str]:
    """A quoted name that only the headline gives (“青禾管家”激活小区治理) and the text gives as a way's
    (推行“青禾管家”工作法, or the way itself: 推行“青禾管家”服务) names that way: a headline calls a method by
    its brand."""
    headline_end = len(case.title) if case.text.startswith(case.title) else 0
    ways = {m.canonical for m in mentions if m.type == "Mechanism"}
    projects: dict[str, list[Mention]] = {}
    for m in mentions:
        if m.type == "Project":
            projects.setdefault(m.canonical, []).append(m)
    found = {}
    for name, spots in projects.items():
        way = next((w for w in sorted(ways) if w == name or is_mechanism_short_form(name, w, lexicon)), "")
        if way and all(m.end <= headline_end and m.text[0] in "“「『" for m in spots):
            found[name] = way
    return found


def _retyped_work(mention: Mention, headline_ways: dict[str, str], teams: set[str]) -> Mention:
    """A project mention that names a way the headline calls by its brand, or a team the case names as people."""
    if mention.canonical in headline_ways:
        return replace(mention, type="Mechanism", canonical=headline_ways[mention.canonical])
    return replace(mention, type="VolunteerTeam") if mention.canonical in teams else mention


LANE = re.compile(r"^(?P<road>[\u4e00-\u9fff]{2,6}?[路街])?(?P<lane>\d+(?:-\d+)?[弄号])(?P<tail>小区)?$")


def listed_lanes(text: str, mentions: list[Mention]) -> dict[str, str]:
    """Lanes listed on one road share its name and the list's 小区: 国定路505弄、555弄小区 → 柏定路575弄小区."""
    places = sorted((m for m in mentions if m.type == "Community"), key=lambda m: m.start)
    runs: list[list[tuple[Mention, re.Match]]] = []
    for previous, place in zip([None, *places], places):
        match = LANE.match(place.canonical)
        if match is None:
            continue
        if runs and previous is not None and runs[-1][-1][0] is previous and text[previous.end:place.start] == "、" \
                and not match.group("road"):
            runs[-1].append((place, match))
        else:
            runs.append([(place, match)])
    names = {}
    for run in (r for r in runs if len(r) >= 2 and r[0][1].group("road")):
        road, tail = run[0][1].group("road"), run[-1][1].group("tail") or ""
        for place, match in run:
            names[place.canonical] = road + match.group("lane") + tail
    return names


ESTATE_ENDINGS = ("小区", "苑", "花园", "新村", "公寓", "花城", "家园")
PLATFORM_ENDINGS = ("议事堂", "议事会", "议事厅", "议事平台")
DOMINANT_ESTATE = 2


@dataclass(frozen=True)
class CaseContext:
    """The case's own places: where a bare 居委会 or 物业 belongs.

    ``estate`` is the housing estate the case keeps returning to, if any: an owners'
    committee and a property firm belong to an estate, not to the residential area.
    """

    area: str
    subdistrict: str
    estate: str = ""

    @property
    def area_stem(self) -> str:
        return self.area.removesuffix("居民区")

    @property
    def housing(self) -> str:
        """Whose a bare 业委会 or 物业 is: the estate, or a 居民区 (one estate or a few), never a 社区 of many."""
        return self.estate or ("" if self.area.endswith("社区") else self.area)


PHASE = re.compile(r"[一二三四五六七八九十\d]+期(?:小区)?$")  # 正馨花园一期: one estate built in phases


def case_context(case: Case, mentions: list[Mention]) -> CaseContext:
    places = Counter(m.canonical for m in mentions if m.type == "Community" and not m.implicit)
    areas = [name for name, _ in places.most_common() if name.endswith("居民区")]
    subdistricts = [name for name, _ in places.most_common() if name.endswith(("街道", "镇"))]
    area = next((a for a in areas if case.area and a.endswith(case.area)), areas[0] if areas else case.area)
    area = area or _neighbourhood(case, places)
    stem = area.removesuffix("居民区")
    committees = [m.canonical.removesuffix("居委会").removesuffix("居委") for m in mentions
                  if m.type == "Committee" and m.canonical.endswith(("居委会", "居委"))]
    longer = [c for c in committees if stem and c.endswith(stem) and len(c) > len(stem)]
    if longer:
        area = max(longer, key=len) + "居民区"
    phases = Counter()
    for name, n in places.items():
        phases[PHASE.sub("", name)] += n
    estates = [(name, n) for name, n in phases.most_common() if name.endswith(ESTATE_ENDINGS)]
    estate = ""
    if estates and estates[0][1] >= DOMINANT_ESTATE and (len(estates) == 1 or estates[0][1] > estates[1][1]):
        name = estates[0][0]
        stem = name.removesuffix("小区")
        core = re.sub(r"^.*(弄|号|镇|街道|区|路)", "", stem)  # 南湖路|翠竹小区: the estate without its address
        estate = name[len(stem) - len(core):] if len(core) >= 2 and not core.isdigit() else ""  # 小区 kept, as named
    subdistrict = case.subdistrict if case.subdistrict in subdistricts else next(
        (name for name in subdistricts if case.subdistrict.endswith(name)), case.subdistrict)  # 兰州西固|福利路街道
    return CaseContext(area=area, subdistrict=subdistrict or (subdistricts[0] if subdistricts else ""),
                       estate=estate)


OPENING = 400  # characters of a case where it says where it is


def _neighbourhood(case: Case, places: Counter) -> str:
    """Where the unit is the 社区 or, in the country, the 村, not the 居民区 (成都, 北京): the one named most, if
    the title names it, or the case's opening does and it is named twice or alone."""
    named = [name for name, _ in places.most_common() if name.endswith(("社区", "村"))]
    if not named:
        return ""
    opening = case.text[:OPENING]
    return named[0] if (named[0] in case.title + case.subtitle
                        or named[0] in opening and (case.text.count(named[0]) >= 2 or len(named) == 1)) else ""


AREA_WORDS = ("居民区", "社区", "村")


def place_stem(area: str) -> str:
    """An area's own name without its unit word (和平|居民区, 松涛|社区, 青禾|村)."""
    return next((area.removesuffix(word) for word in AREA_WORDS if area.endswith(word)), area)


def is_area_form(name: str, area: str) -> bool:
    """An addressed area's other forms: 沁江路131弄, 131弄小区, 131小区 for 沁江路131弄居民区."""
    stem = area.removesuffix("居民区")
    if name == area or not any(c.isdigit() for c in stem):
        return False
    core = name.removesuffix("小区").removesuffix("居民区")
    return len(core) >= 3 and (stem.endswith(core) or stem.endswith(core + "弄"))


AREA_BODIES = ("党总支", "党支部", "居委会", "业委会")


def area_body_name(name: str, area: str) -> str:
    """A body named after a short form of an addressed area is the area's: 131弄居民区党总支 → 沁江路131弄居民区党总支."""
    suffix = next((s for s in AREA_BODIES if name.endswith(s)), "")
    return area + suffix if suffix and is_area_form(name.removesuffix(suffix), area) else name


ORDINAL = re.compile(r"^第?([零〇一二两三四五六七八九十]+)(?=[\u4e00-\u9fff])")


def numbered_key(name: str) -> str:
    """A place name with its leading number in digits: 第十四宿舍 and 14宿舍 are one place."""
    return ORDINAL.sub(lambda m: str(chinese_number(m.group(1))), name)


def estate_forms(names: set[str]) -> dict[str, str]:
    """Short forms of places: 14宿舍 → 第十四宿舍, 金申城小区 → 金申城家园小区, 梅村 → 梅村小区."""
    aliases = {}
    for short in names:
        for long in names:
            if short == long:
                continue
            if short[:1].isdigit() and numbered_key(short) == numbered_key(long) or long == f"{short}小区":
                aliases[short] = long
            elif short.endswith("小区") and long.endswith("小区") and any(
                    long[:-2] == short[:-2] + ending for ending in ESTATE_ENDINGS if ending != "小区"):
                aliases[short] = long
    return aliases


BARE_BUILDING = re.compile(rf"^{BUILDING_NUMBER}号楼$")


def building_forms(names: set[str]) -> dict[str, str]:
    """A bare building number is the case's one named building with that number: 5号楼 → 金申城家园5号楼."""
    aliases = {}
    for bare in filter(BARE_BUILDING.match, names):
        named = [n for n in names if n.endswith(bare) and n != bare and not n[-len(bare) - 1].isdigit()]
        if len(named) == 1:
            aliases[bare] = named[0]
    return aliases


def _unnamed_building(mention: Mention) -> bool:
    """A bare building number that joined no named building says nothing about a place."""
    return mention.type == "Community" and bool(BARE_BUILDING.match(mention.canonical))


DISTRICT_BODIES = ("PartyOrganization", "GovernmentAgency")


def district_body_name(name: str, type_name: str, case: Case) -> str:
    """A district body named without its district (区委, 区水务局) takes the case's: 澄江区委; a street office
    named without its street (街道加梯办) takes the case's sub-district."""
    unit = case.district[-1:]  # 区 or 县
    if type_name in DISTRICT_BODIES and case.district and name.startswith(unit) and len(name) >= 2:
        return case.district.removesuffix(unit) + name
    if type_name == "GovernmentAgency" and case.subdistrict and name.startswith("街道") and len(name) > 3:
        return case.subdistrict + name.removeprefix("街道")
    return name


PLACED_PLATFORM = re.compile(r"[\u4e00-\u9fff]{2,6}?(?:社区|小区|居民区|村)(?=[\u4e00-\u9fff]{2})")


def local_platform_name(name: str, ctx: CaseContext) -> str:
    """A deliberation platform named by its brand alone (“千智汇”议事堂) is the case area's own; one named after
    its own area (松涛议事厅 of 松涛社区) or another place (松风社区邻里议事会) keeps its name."""
    if not ctx.area or not name.endswith(PLATFORM_ENDINGS) or name.startswith(place_stem(ctx.area)) \
            or PLACED_PLATFORM.match(name):
        return name
    for generic in ("居民区", "社区", "小区"):
        name = name.removeprefix(generic)
    return ctx.area + name


def _named(mentions: list[Mention], type_name: str, endings: tuple[str, ...], stem: str = "") -> str:
    names = Counter(m.canonical for m in mentions
                    if m.type == type_name and not m.implicit and m.canonical.endswith(endings)
                    and (not stem or m.canonical.startswith(stem)))
    return names.most_common(1)[0][0] if names else ""


@dataclass(frozen=True)
class GenericTarget:
    """The body a bare type word refers to; an implicit one also gets its other derived name as an alias."""

    name: str = ""
    implicit: bool = False
    alias: str = ""


def _derived(type_word: str, *owners: str) -> GenericTarget:
    """An implicit body named after the first owner (estate or area); the area's form is its alias."""
    names = [owner + type_word for owner in owners if owner]
    if not names:
        return GenericTarget()
    return GenericTarget(names[0], True, next((n for n in names[1:] if n != names[0]), ""))


# An estate's committees, by the marks of their bare type words (物管 before 业: 物业管理委员会 holds both): the name
# an implied one takes, and the forms a named one ends in.
ESTATE_COMMITTEES = {("物管", "物业管理"): ("物管会", ("物管会", "物业管理委员会")),
                     ("业",): ("业委会", ("业委会", "业主委员会"))}


TOWN_PARTY_COMMITTEES = ("镇党委", "乡党委")
STATION_ENDINGS = ("所", "队")  # an office posted to the place: 派出所, 司法所, 城管中队


def _case_town(word: str, ctx: CaseContext) -> str:
    """The case's town, where a bare 镇党委 or 乡政府 names its kind (镇, 乡); else ''."""
    return ctx.subdistrict if ctx.subdistrict.endswith(word[0]) else ""


def _generic_target(word: str, type_name: str, named: list[Mention], ctx: CaseContext) -> GenericTarget:
    """The body a bare type word refers to: the case's named one, else an implicit one, else none."""
    def pick(endings: tuple[str, ...], derived: GenericTarget, stem: str = "") -> GenericTarget:
        found = _named(named, type_name, endings, stem)
        return GenericTarget(found) if found else derived

    if type_name == "PartyOrganization":
        if "工委" in word:  # 街道党工委, or 街道工委 as some cities call it
            return pick(("党工委", "工委"), _derived("党工委", ctx.subdistrict))
        if word.endswith(TOWN_PARTY_COMMITTEES):  # 镇党委: the case's town's, where its town is one
            town = _case_town(word, ctx)
            return pick(("党委",), _derived("党委", town), town) if town else GenericTarget()
        if word.endswith("社区党委"):  # implied only where the case's unit is a 社区, not a street's 社区党委
            return pick(("社区党委",), _derived("党委", ctx.area if ctx.area.endswith("社区") else ""))
        branch = "党支部" if "党支部" in word else "党总支"  # an unnamed body is named as the text calls it
        return pick(("党总支", "党支部"), _derived(branch, ctx.area), ctx.area_stem)
    if type_name == "Committee":
        for marks, (own, forms) in ESTATE_COMMITTEES.items():
            if any(mark in word for mark in marks):
                owners = _derived(own, ctx.housing, ctx.area) if ctx.housing else GenericTarget()
                return pick(forms, owners)
        if "居委" in word:
            return pick(("居委会", "居委"), _derived("居委会", ctx.area_stem, ctx.area), ctx.area_stem)
        if "村委" in word:  # the village's committee: the case's unit is the village
            village = ctx.area if ctx.area.endswith("村") else ""
            return pick(("村委会", "村民委员会"), _derived("村委会", village), village)
        if word == "社区":
            return pick(("居委会",), _derived("居委会", ctx.area) if ctx.area.endswith("社区") else GenericTarget(),
                        ctx.area)
        return pick((word,), GenericTarget())  # 议事会: the case's named 加梯议事会; never implied
    if type_name in ("PropertyFirm", "VolunteerTeam"):
        bodies = {m.canonical for m in named if m.type == type_name and not m.implicit}
        if len(bodies) == 1:
            return GenericTarget(next(iter(bodies)))
        if bodies or type_name == "VolunteerTeam":  # a team is never implied by the area
            return GenericTarget()
        return _derived("物业", ctx.housing, ctx.area) if ctx.housing else GenericTarget()
    if type_name == "PartnerUnit":  # 合作社: the case's named cooperative, else its village's
        village = ctx.area if ctx.area.endswith("村") else ""
        return pick(("合作社",), _derived("合作社", village))
    if type_name == "GovernmentAgency":
        if word.endswith("政府"):  # 镇政府: the case's town's, where its town is one
            town = _case_town(word, ctx)
            return pick(("政府",), _derived("人民政府", town), town) if town else GenericTarget()
        if word.endswith(STATION_ENDINGS):  # 派出所: the case's one named station, else as the text calls it
            stations = {m.canonical for m in named if m.type == type_name and m.canonical.endswith(word)}
            return GenericTarget(stations.pop() if len(stations) == 1 else word)
        office = word.removeprefix("街道")
        if office.endswith(("办", "中心")) and ctx.subdistrict:
            return GenericTarget(ctx.subdistrict + office)
        return pick(("办事处",), _derived("办事处", ctx.subdistrict))
    return GenericTarget()


FOUNDING = re.compile(r"(?:成立|组建|组织|孵化|组成)了?(?:一支|一个)?$")
CLAUSE_BREAKS = "，,。；;！？"


FOUNDED = {"VolunteerTeam": lambda founder: founder.type in COMPANY_TYPES,
           "PartnerUnit": lambda founder: founder.type == "Community" and founder.canonical.endswith("村")}


def founded_body(mention: Mention, text: str, named: list[Mention]) -> GenericTarget | None:
    """An unnamed team a firm or unit sets up is named after it: 恒禧物业成立了一支志愿者团队 → 恒禧物业志愿者团队;
    so is a cooperative a village sets up: 青禾村成立了农民专业合作社 → 青禾村农民专业合作社."""
    if mention.type not in FOUNDED or not FOUNDING.search(text[max(0, mention.start - 6):mention.start]):
        return None
    clause_start = max(text.rfind(c, 0, mention.start) for c in CLAUSE_BREAKS) + 1
    founders = [m for m in named if clause_start <= m.start and m.end <= mention.start and not m.implicit]
    if not founders or not FOUNDED[mention.type](founders[-1]):
        return None
    return GenericTarget(founders[-1].canonical + mention.text, True)


PLACE_WORK = re.compile(r"(开展|进行|实施)了?[“「]?")


def placed_activities(text: str, mentions: list[Mention]) -> dict[str, str]:
    """An activity done to a named place is that place's: 对松韵路326弄小区开展“微更新” → 松韵路326弄小区微更新;
    so is a citywide programme right after a place's name (青禾小区|加装电梯 is 青禾小区加装电梯, not the city's)."""
    places = [m for m in mentions if m.type == "Community"]
    names = {}
    for project in (m for m in mentions if m.type == "Project"):
        place = next((p for p in places if p.end <= project.start and project.start - p.end <= 6
                      and (text[p.start - 1:p.start] == "对" and PLACE_WORK.fullmatch(text[p.end:project.start])
                           or p.end == project.start and project.evidence.rule == CAMPAIGN_RULE)), None)
        if place is not None and not project.canonical.startswith(place.canonical):
            names[project.canonical] = place.canonical + project.canonical
    return names


PLACE_MARKERS = "在于到从至的"  # 在六合场街道, 位于…的新虹街道: the place itself
AGENT_WORDS = ("将", "把", "对", "通过", "联合", "协同", "会同", "还", "也", "已", "先后", "积极", "主动",
               "着力", "分类", "按照", "以", "针对", "立足", "率先", "始终", "不断", "全面",
               "代表", "干部", "工作人员", "负责人")  # and its people: 青松街道代表


@lru_cache(maxsize=4)
def _helping_frame_after(words: tuple[str, ...]) -> re.Pattern:
    """The rest of a frame 在X(和Y)的…下 after its first body, read with the frame's words (the lexicon's under)."""
    alternatives = "|".join(sorted(map(re.escape, words), key=len, reverse=True))
    return re.compile(rf"(?:的|[和、与及][^，。；,;]{{2,12}}?的)?[\u4e00-\u9fff]{{0,4}}?(?:{alternatives})下")


def _acts(mention: Mention, text: str, lexicon: Lexicon) -> bool:
    if lexicon.starts_with_type_word(text[mention.end:]):
        return False  # 长乐街道|工委的指导下: the place of the body named with it
    if mention.start > 0 and text[mention.start - 1] in PLACE_MARKERS:  # 在X街道, unless 在 opens a helping frame
        words = tuple(word for row in lexicon.frames.get("under", {}).values() for word in row)
        return text[mention.start - 1] == "在" and bool(_helping_frame_after(words).match(text, mention.end))
    following = text[mention.end:mention.end + 6].lstrip("，, ")
    word = next(iter(segment.cut(following)), "")
    return (word.startswith(AGENT_WORDS) or posseg.dt.word_tag_tab.get(word, "").startswith("v")
            or text.startswith(("：", ":"), mention.end)  # 青松街道：“…”唱主角, a report's headline on what it does
            or following.startswith(lexicon.cue_rule_words))


def acting_office(mention: Mention, text: str, lexicon: Lexicon) -> Mention:
    """A sub-district that acts (六合场街道花费5600万…), helps (在X街道的指导下), heads its report (X街道：…) or sends
    its people is its office, not the place."""
    if mention.type != "Community" or not mention.canonical.endswith("街道") or not _acts(mention, text, lexicon):
        return mention
    return replace(mention, type="GovernmentAgency", canonical=mention.canonical + "办事处")


def _in_area_terms(mention: Mention, ctx: CaseContext) -> Mention:
    """Places and bodies named by a short form of the case's area, or by its platforms' short names, in full."""
    if mention.type == "Community" and is_area_form(mention.canonical, ctx.area):
        return replace(mention, canonical=ctx.area)
    if mention.type == "Committee":
        mention = replace(mention, canonical=local_platform_name(mention.canonical, ctx))
    if mention.type in ("PartyOrganization", "Committee"):
        mention = replace(mention, canonical=area_body_name(mention.canonical, ctx.area))
    if mention.type in VILLAGE_BODY_TYPES:
        mention = replace(mention, canonical=village_body_name(mention.canonical, ctx.area))
    return mention


VILLAGE_BODY_TYPES = ("PartyOrganization", "Committee", "PartnerUnit", "VolunteerTeam")


def village_body_name(name: str, area: str) -> str:
    """A body named after the bare word 村 is the case's village's: 村股份经济合作社 → 山前村股份经济合作社."""
    if not (area.endswith("村") and name.startswith("村")):
        return name
    words = segment.cut(name)
    return area + name[1:] if len(words) > 1 and words[0] == "村" else name


PARTY_BODIES = ("党总支", "党支部", "党委")


def unit_party_names(mentions: list[Mention], lexicon: Lexicon) -> dict[str, str]:
    """A party body named by its unit's kind (学校党支部, 物业党支部) is the party body of the one unit of that
    kind the case names: 北京市第十七中学党支部, 绿源物业党支部."""
    names = {}
    for body in {m.canonical for m in mentions if m.type == "PartyOrganization"}:
        suffix = next((s for s in PARTY_BODIES if body.endswith(s)), "")
        kind = body.removesuffix(suffix)
        endings = lexicon.unit_kinds.get(kind, ()) if suffix else ()
        unit_type = lexicon.type_by_ending(kind) if lexicon.type_by_ending(kind) in COMPANY_TYPES else "PartnerUnit"
        of_kind = list({m.canonical for m in mentions if m.type == unit_type and not m.implicit
                        and endings and m.canonical.endswith(endings)})
        if len(of_kind) == 1:
            names[body] = of_kind[0] + suffix
    return names


MIN_CAMPAIGN_MENTIONS = 2


def passing_campaigns(case: Case, mentions: list[Mention]) -> set[str]:
    """Citywide campaigns the case names only once and not in its title: context, not its work."""
    counts = Counter(m.canonical for m in mentions if m.evidence.rule == CAMPAIGN_RULE)
    title = case.title + case.subtitle
    return {name for name, count in counts.items() if count < MIN_CAMPAIGN_MENTIONS and not any(
        m.canonical == name and m.text in title for m in mentions)}


def resolve_case(case: Case, mentions: list[Mention], lexicon: Lexicon) -> list[Mention]:
    """Give every mention its canonical name; drop generic ones that point nowhere."""
    passing = passing_campaigns(case, mentions)
    named = [replace(m, canonical=m.canonical or canonical_name(m.text), short=quoted_short_name(m.text))
             for m in mentions if m.text not in lexicon.generic_mentions and m.canonical not in passing
             and m.evidence.rule != ACTING_AREA_RULE]
    activities = placed_activities(case.text, named)
    named = [replace(m, canonical=campaign_name(activities.get(m.canonical, m.canonical), lexicon))
             if m.type == "Project" else m for m in named]
    headline_ways = titled_ways(case, named, lexicon)
    teams = {m.canonical for m in named if m.type == "VolunteerTeam"}  # 配有专属“楼栋管家”: people, wherever named
    named = [_retyped_work(m, headline_ways, teams) if m.type == "Project" else m for m in named]
    firms = regained_first_characters(case.text, named, COMPANY_TYPES,
                                      lambda longer, n: is_company_short_form(longer, n, lexicon))
    named = [replace(m, canonical=firms.get(m.canonical, m.canonical)) if m.type in COMPANY_TYPES else m
             for m in named]
    by_type: dict[str, set[str]] = {}
    for m in named:
        by_type.setdefault(m.type, set()).add(m.canonical)
    hosts = {m.canonical for m in named if m.evidence.rule == HOST_RULE}  # 青禾集团 of 青禾集团置业公司: a body of its own
    fullest: dict[tuple[str, str], str] = {}
    for type_name, names in by_type.items():
        ordered = sorted(names, key=lambda name: (-len(name), name))
        short_form = SHORT_FORM_RULES.get(type_name, lambda *_: False)
        for position, short in enumerate(ordered):
            target = short if short in hosts else next(
                (long for long in ordered[:position] if is_alias(short, long)
                 or differ_in_separators(short, long) or short_form(short, long, lexicon)), short)
            fullest[(type_name, short)] = fullest.get((type_name, target), target)
    places = (address_aliases(by_type.get("Community", set())) | apposed_places(case.text, named)
              | abbreviated_chains(by_type.get("Community", set()))
              | listed_lanes(case.text, named) | estate_forms(by_type.get("Community", set()))
              | building_forms(by_type.get("Community", set()))
              | regained_first_characters(case.text, named, ("Community",), lambda longer, n: n.startswith(longer)))
    fullest = {key: places.get(name, name) if key[0] == "Community" else name for key, name in fullest.items()}
    fullest.update({("Community", name): places.get(estate, estate) for name, estate in places.items()})
    joined = {"VolunteerTeam": unique_tails(by_type.get("VolunteerTeam", set())),
              "PartnerUnit": unique_tails(by_type.get("PartnerUnit", set())),
              "PropertyFirm": apposed_firms(case.text, named),
              "Mechanism": apposed_ways(case.text, named),
              "PartyOrganization": unit_party_names(named, lexicon),
              "Person": cut_person_names(case.text, named)}
    for type_name, names in joined.items():
        for short, long in names.items():
            fullest[(type_name, short)] = fullest.get((type_name, long), long)
    named = [replace(m, canonical=district_body_name(fullest[(m.type, m.canonical)], m.type, case))
             for m in named]
    named = [m for m in named if not _unnamed_building(m)]
    ctx = case_context(case, named)
    named = [_in_area_terms(m, ctx) for m in named]
    resolved = [acting_office(m, case.text, lexicon) for m in named]
    for m in mentions:
        if m.evidence.rule == ACTING_AREA_RULE and ctx.area.endswith(m.text):
            resolved.append(replace(m, canonical=ctx.area))
        if m.text in lexicon.generic_mentions and m.evidence.rule != ACTING_AREA_RULE:
            type_name = lexicon.generic_mentions[m.text]
            target = founded_body(m, case.text, named) or _generic_target(m.text, type_name, named, ctx)
            if target.name:
                resolved.append(replace(m, type=type_name, canonical=target.name, implicit=target.implicit,
                                        short=target.alias))
    return sorted(resolved, key=lambda m: (m.start, -m.end))
