"""Relationship rules: cue words in a sentence between resolved mentions.

Each rule is a function (sentence, mentions, context) -> RelationMention list,
registered in ``RULES``. Every relation the rules propose is checked against
the ontology's domain and range before it is kept.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from functools import cache
from itertools import chain

from extract.amounts import amount_given_by, parse_amount
from extract.lexicon import load_lexicon
from extract.recognizers import JOINT_ACTION_RULE, ORG_TYPES, tokenize
from extract.resolve import ESTATE_ENDINGS
from extract.sentences import Sentence
from graph.records import Mention, RelationMention
from ontology.vocabulary import load_vocabulary

COORDINATION = re.compile(r"^(?:[、和与及跟同,，]?|以及|还有|(?:还|也|又|先后|分别|积极|主动)[与同跟])"
                          r"(?:(?:辖区|共建|驻区)?单位|辖区企业)?$")  # A与辖区单位B: B named by its role


UPKEEP_WORDS = "管理|维护|维保|运维|运营|养护|保洁"
UPKEEP = rf"[^，。；,;]{{0,12}}?(?:{UPKEEP_WORDS})"  # 负责X的日常管理: X is managed, not built
DESIGN_WORDS = "设计|规划"
DESIGN_WORK = rf"[^，。；,;]{{0,12}}?(?:{DESIGN_WORDS})"  # 负责X的整体设计: X is designed, not built
DESIGN = re.compile(DESIGN_WORDS)


@dataclass(frozen=True)
class CueRule:
    """Subject before the cue, object after it: a row of the lexicon's ``cue_rules``."""

    id: str
    type: str
    words: tuple[str, ...]
    cue: re.Pattern

    @property
    def description(self) -> str:
        return f"{self.type} cued by {', '.join(self.words[:6])}{' …' if len(self.words) > 6 else ''}."


RESPONSIBILITY = {  # 负责 (承担) by the work after it: 负责日常管理 manages, 负责整体设计 designs, other work is done
    "IMPLEMENTS": rf"负责(?!{UPKEEP}|{DESIGN_WORK})",
    "DESIGNED": rf"负责(?={DESIGN_WORK})",
    "MANAGES": rf"(?:负责|承担)(?={UPKEEP})",
}


@cache
def cue_rules() -> dict[str, CueRule]:
    """The lexicon's cue rules by id, each compiled once."""
    rules = {}
    for rule_id, (rel_type, words) in load_lexicon().cue_rules.items():
        alternatives = sorted(map(re.escape, words), key=len, reverse=True)
        if rel_type in RESPONSIBILITY:
            alternatives.append(RESPONSIBILITY[rel_type])
        rules[rule_id] = CueRule(f"cue:{rule_id}", rel_type, words, re.compile("|".join(alternatives)))
    return rules


@dataclass(frozen=True)
class FrameShape:
    """How a frame reads (在X的…下) and its pattern: <inside> names the bodies it relates, {words} takes its words."""

    form: str
    pattern: str


FRAME_SHAPES = {  # the shape of each frame of the lexicon's ``frames``
    "under": FrameShape("在X的…下", r"在(?P<inside>[^，。；,;]{{2,40}}?)(?:的[\u4e00-\u9fff]{{0,4}}?)?(?P<word>{words})下"),
    "through": FrameShape("经过X的…", r"经过(?P<inside>[^，。；,;]{{2,40}}?)(?:的[\u4e00-\u9fff]{{0,4}}?)?(?P<word>{words})"),
    "got": FrameShape("得到X的…", r"(?:获得|得到|受到)了?(?P<inside>.{{2,30}}?)等?(?:多方)?的?(?:大力)?(?P<word>{words})"),
    "with": FrameShape("与X…", r"(?:与|和|同|通过)(?P<inside>[^，。；,;]{{2,30}}?)等?(?:一起|一道|共同)?(?P<word>{words})"),
    "toward": FrameShape("对X进行…", r"对(?P<inside>[^，。；,;]{{2,20}}?)(?:的|(?:进行|开展|给予|提供|实施)了?)"
                                   r"(?:[\u4e00-\u9fff]{{0,4}}?)(?P<word>{words})(?:和(?P<also>{words}))?"),
    "according": FrameShape("按照X的…", r"(?:按照|根据|遵照|落实)(?P<inside>[^。；;]{{2,40}}?)的?(?P<word>{words})"),
    "aim": FrameShape("为…X，Y", r"(?:^|[，,；;])\s*为了?(?P<word>{words})(?P<inside>[^，。；,;]{{2,30}}?)(?:后|之后|工作)?[，,]"),
    "joining": FrameShape("在…X后，Y", r"(?:^|[，,；;])\s*在(?P<word>{words})了?(?P<inside>[^，。；,;]{{2,30}}?)"
                                     r"(?:后|之后|工作)?[，,]"),
    "by": FrameShape("由X…", r"由(?P<inside>[^，。；,;]{{2,30}}?)(?P<word>{words})(?!设计|规划|施工|承建|建设|实施)"),
    "by_all": FrameShape("由A、B共同…", r"由(?P<inside>[^，。；,;]{{2,30}}?)(?:共同|一起|联合)?(?P<word>{words})"),
}


@dataclass(frozen=True)
class FrameRule:
    """The words of one frame that read one relation type: a row of the lexicon's ``frames``."""

    frame: str
    type: str
    words: tuple[str, ...]

    @property
    def id(self) -> str:
        return f"{self.frame}_{self.type.lower()}"

    @property
    def description(self) -> str:
        return f"{self.type} read in {FRAME_SHAPES[self.frame].form} from {', '.join(self.words)}."


@cache
def frame_rules() -> dict[str, FrameRule]:
    """The lexicon's frames, one rule per frame and relation type (under_guides: 在X的指导下 …)."""
    rules = [FrameRule(frame, rel_type, words)
             for frame, rows in load_lexicon().frames.items() for rel_type, words in rows.items()]
    return {rule.id: rule for rule in rules}


@cache
def _frame_words(name: str) -> str:
    """All the frame's words as one alternation, longest first."""
    words = dict.fromkeys(word for rule in frame_rules().values() if rule.frame == name for word in rule.words)
    return "|".join(sorted(map(re.escape, words), key=len, reverse=True))


@cache
def frame(name: str) -> re.Pattern:
    """The frame's shape filled with all its words."""
    return re.compile(FRAME_SHAPES[name].pattern.format(words=_frame_words(name)))


@cache
def frame_type(name: str, word: str) -> str:
    """The relation type a word of the frame reads."""
    return next(rule.type for rule in frame_rules().values() if rule.frame == name and word in rule.words)


def _frame_relations(name: str, text: str) -> Iterable[tuple[re.Match, str, str]]:
    """Each match of the frame in ``text``, with its word's relation type and evidence rule id."""
    for match in frame(name).finditer(text):
        yield match, frame_type(name, match.group("word")), f"{name}:{match.group('word')}"


WORK_AFTER_AGENT = re.compile(r"(?:负责|统一|共同|进行|投资)?(设计|规划|施工|承建|建设|实施)")
WORK_TYPES = {"设计": "DESIGNED", "规划": "DESIGNED"}
WORK_BEFORE_AGENT = re.compile(r"(设计|规划|施工|承建|建设|实施)(?:工作|任务|方案)?由$")  # 施工由X承担
TAKES_ON_WORK = re.compile(r"(?:负责|统一|共同)?(?:承担|完成|负责)")
HELPERS_AFTER_LEAD = re.compile(r"[，,]([^，,。；;]{2,30}?)(?:积极|主动|全力|协同|共同)?(?:配合|协助|支持)[，,。；;]")  # 由X牵头，A、B积极配合
SUBJECT_BEFORE_FRAME = re.compile(r"(?:还|也|始终|一直|积极|主动|坚持)?")  # 青禾村党支部始终在X的指导下
LED_BODIES = ("PartyOrganization", "Committee")  # bodies a higher one leads by guiding them
OWN_COMMITTEES = ("居委会", "居民委员会", "业委会", "业主委员会")  # the three carriages act of their own
LED_TOPICS = ("Project", "Committee", "VolunteerTeam")  # “一盏灯”项目由X牵头: the work named before 由 is led
GENERIC_PLACES = ("小区", "居民区", "社区")  # 小区由X负责管理: the case's own place
MANAGED_BY = re.compile(rf"由(?![于此])([^，。；,;]{{2,30}}?)((?:负责|统一|自行|共同)[^，。；,;]{{0,4}}?)?(?:{UPKEEP_WORDS})")
LOCATED = re.compile(r"位于|坐落于|地处|同在|同处")
BELONGS = re.compile(r"隶属于?|归属于?")
LOCATED_OF = re.compile(r"^[\u4e00-\u9fff]{0,4}的$")  # 位于虹湾商务区核心区的新虹街道
WITHIN = re.compile(r"辖区内?的?|所辖的?|下辖|管辖|下设")
IN_THE_TOWN = re.compile(r"(镇|乡|街道)(?:里|内)的?")  # 镇里的A村, 街道内A居民区: the case's town, by its type word alone
RAISES_MONEY = re.compile(r"(筹集|筹措|出资|捐赠|捐款|资助|众筹|赞助|承担)了?[^，。；,;]{0,6}(资金|经费|费用|款)|投资建设")


@dataclass(frozen=True)
class SentenceContext:
    sentence: Sentence
    mentions: list[Mention]
    lead: Mention | None
    focus: Mention | None = None
    area: Mention | None = None
    previous: tuple[Mention, ...] = ()
    estate: Mention | None = None
    town: Mention | None = None  # the case's sub-district or town
    carried: Mention | None = None  # the subject a sentence after a semicolon carries on from the one before
    area_body: Mention | None = None  # the body the case's area acts through: its party organisation or committee


def _allowed(rel_type: str, source: Mention, target: Mention) -> bool:
    vocabulary = load_vocabulary()
    return (source.canonical != target.canonical
            and vocabulary.relation(rel_type).allows(vocabulary.node(source.type), vocabulary.node(target.type)))


def _coordinated(first: Mention, second: Mention, text: str) -> bool:
    """Two mentions listed together (A、B和C); a place right before a body is its address, not a list item."""
    gap = text[first.end:second.start].strip()
    return bool(COORDINATION.match(gap)) and not (not gap and first.type == "Community")


def _group_before(mentions: list[Mention], index: int, text: str) -> list[Mention]:
    """The mention at ``index`` and those coordinated with it just before (A、B和C); a member's address is no
    member of its own (A和青松街道|B党委: A and B)."""
    group = [mentions[index]]
    leftmost = mentions[index]
    j = index - 1
    while j >= 0:
        if _addresses(mentions[j], leftmost, text):
            leftmost = mentions[j]
        elif _coordinated(mentions[j], leftmost, text):
            group.append(mentions[j])
            leftmost = mentions[j]
        else:
            break
        j -= 1
    return group


def _addresses(place: Mention, body: Mention, text: str) -> bool:
    """A place named right before a body is the body's address (青松街道|松涛社区党委)."""
    return place.type == "Community" and body.type != "Community" and place.end == body.start


def _group_after(mentions: list[Mention], index: int, text: str) -> list[Mention]:
    group = [mentions[index]]
    j = index + 1
    while j < len(mentions) and _coordinated(group[-1], mentions[j], text):
        group.append(mentions[j])
        j += 1
    return group


def _outermost(mentions: list[Mention]) -> list[Mention]:
    """Drop mentions nested inside another (the 居民区 of 居民区党总支)."""
    return [m for m in mentions if not any(o is not m and o.start <= m.start and o.end >= m.end
                                           and (o.end - o.start) > (m.end - m.start) for o in mentions)]


def _addressed(mentions: list[Mention], index: int, text: str) -> int:
    """The name a chain of places before it addresses (丰都县|鹿鸣镇, 青松街道|和平居民区党总支, 位于城东区的|松涛镇):
    the subject."""
    while index + 1 < len(mentions) and mentions[index].type == "Community" \
            and (mentions[index + 1].start == mentions[index].end or _located_address(mentions, index, text)):
        index += 1
    return index


def _located_address(mentions: list[Mention], index: int, text: str) -> bool:
    """位于城东区的松涛镇, 同在城东区的松涛镇: the place says where the name after it is."""
    place, named = mentions[index], mentions[index + 1]
    clause_start = _clause_bounds(text, place.start, place.end)[0]
    return bool(LOCATED.search(text, clause_start, place.start) and LOCATED_OF.match(text[place.end:named.start]))


def _pairs(rel_type: str, subjects: Iterable[Mention], objects: Iterable[Mention]):
    for s in subjects:
        for o in objects:
            if _allowed(rel_type, s, o):
                yield s, o


HELPER_FRAMES = ("under", "through", "got", "with")  # 在X的支持下, 得到X支持: X helps, not the subject
FRAMES = (*HELPER_FRAMES, "by", "by_all", "toward", "according")  # read by their own rules, not by the cue rules


def _spans(text: str, patterns: Iterable[re.Pattern]) -> list[tuple[int, int]]:
    return [m.span() for pattern in patterns for m in pattern.finditer(text)]


def _frame_spans(text: str, names: tuple[str, ...]) -> list[tuple[int, int]]:
    """Where the frames named match in ``text``."""
    return _spans(text, map(frame, names))


def _named_frame_spans(text: str, names: tuple[str, ...], mentions: list[Mention]) -> list[tuple[int, int]]:
    """Where the frames named match in ``text`` around a body: one naming none (由企业出资) is left to the cues."""
    return [m.span() for name in names for m in frame(name).finditer(text)
            if any(m.start("inside") <= x.start and x.end <= m.end("inside") for x in mentions)]


DISPOSAL_MARKERS = ("将", "把")  # 将秧田村列为试点: the area is what is acted on, not the actor


def _area_as_its_body(mentions: list[Mention], ctx: SentenceContext) -> list[Mention]:
    """"国定一居民区成立了…": the case's own area acting stands for its own body (its party organisation or
    committee), not for a lead body of a larger place; the area acted on (将X列为…) stays the place."""
    if ctx.area is None or ctx.area_body is None:
        return mentions
    text = ctx.sentence.text
    return [replace(ctx.area_body, start=m.start, end=m.end)
            if m.type == "Community" and m.canonical == ctx.area.canonical
            and not text.endswith(DISPOSAL_MARKERS, 0, m.start) else m for m in mentions]


COMPANION = re.compile(r"(联合|携同|会同|协同|携手|邀请|动员|发动|召集)了?(辖区|共建|区域化党建)?(内的?)?(单位)?$")


def _companion_leader(mentions: list[Mention], group: list[Mention], text: str) -> list[Mention]:
    """居委联合物业和业委会牵头…: the body before 联合 acts; the ones it brought along take part."""
    first = min(group, key=lambda m: m.start)
    earlier = [i for i, m in enumerate(mentions) if m.end <= first.start]
    if earlier and _addresses(mentions[earlier[-1]], first, text):
        first = mentions[earlier.pop()]  # 联合珠江区|来穗局: the place is the brought body's address
    if not earlier:
        return []
    between = text[mentions[earlier[-1]].end:first.start]
    if not COMPANION.search(between) or any(c in between for c in "，。；,;"):
        return []
    return _group_before(mentions, earlier[-1], text)


JOINED_WITH = re.compile(r"(?:^|[，,])(?:并|还|又|也)?(?:与|和|同)$")
TOGETHER = re.compile(r"(?:共同|一起|一道)")


def _joined_by_opener(subjects: list[Mention], mentions: list[Mention], text: str, cue_start: int,
                      ctx: SentenceContext) -> list[Mention]:
    """瑞禾银行…，并与青松集团共同捐资…: the body the sentence opens with acts with the ones it joined."""
    first = min(subjects, key=lambda m: m.start)
    if not (JOINED_WITH.search(text, 0, first.start) and TOGETHER.fullmatch(text, max(s.end for s in subjects),
                                                                             cue_start)):
        return []
    opener = next((m for m in mentions if m.start == 0 and m.type in ORG_TYPES), ctx.carried)
    return [opener] if opener is not None and opener not in subjects else []


def _brought_along(subjects: list[Mention], text: str) -> bool:
    """会同A、B召开…, with no one named before 会同: A and B are brought along by the unnamed lead; they take part."""
    first = min(subjects, key=lambda m: m.start)
    clause_start = _clause_bounds(text, first.start, first.end)[0]
    return bool(COMPANION.search(text[clause_start:first.start]))


def _funded_project(mentions: list[Mention], before: list[int], ctx: SentenceContext) -> list[Mention]:
    """Money given with no project after the cue goes to the project named earlier in the sentence
    (“睦邻小院”总投资50万元，由X出资), else to the case's project, if the case has named it by then."""
    earlier = [mentions[i] for i in before if mentions[i].type == "Project"]
    named_by_now = ctx.focus is not None and ctx.focus.start < ctx.sentence.start + len(ctx.sentence.text)
    return earlier[-1:] or ([ctx.focus] if named_by_now else [])  # not a work the case names only later


COMPOSED_OF = re.compile(r"由[^，。；,;]{2,30}?组成")  # 由A、B组成的小组: its members, who lead nothing by it
SET_UP = ("Project", "VolunteerTeam")  # what bodies set up, no partner of theirs (孵化出X团队, 携手组成小分队)
FOUNDED_BEFORE = re.compile(r"(?:成立|组建|组成|设立)了?[“「『]?$")  # 成立了“青松公益联盟”: a council set up too


PARTNER_ROLE = re.compile(r"单位|伙伴|对象")
BEFORE_A_WAY = re.compile(r"(?:[、和与及][\u4e00-\u9fff]{2,6})?等?[“「『]?")  # …业委会、物业服务企业“三方…”


def _parties_of_ways(mentions: list[Mention], text: str) -> list[tuple[int, int]]:
    """建立了居委会、业委会、物业“三方联席”制度: the bodies named right before a way are its parties, which
    use it (the mechanism rules read that), not what the cue before them acts on."""
    spans = []
    for index, way in enumerate(mentions):
        body = index - 1
        if way.type == "Mechanism" and body >= 0 and mentions[body].type in ORG_TYPES \
                and BEFORE_A_WAY.fullmatch(text, mentions[body].end, way.start):
            spans.append((min(m.start for m in _group_before(mentions, body, text)), way.start))
    return spans


def _names_a_partner(text: str, position: int, mentions: list[Mention]) -> bool:
    """辖区共建单位青松公司: a partner's role before its name, which the case rules read; A、B是共建单位 still
    relates A and B."""
    role = PARTNER_ROLE.match(text, position)
    return role is not None and any(m.start == role.end() for m in mentions)


def _names_the_cue(mention: Mention, rule: CueRule) -> bool:
    """A way of co-building (签订“党建结对联建”协议) still cues co-building; an activity's name (“双园共建”活动) does not."""
    return rule.type == "CO_BUILDS" and mention.type == "Mechanism"


def cue_relations(ctx: SentenceContext) -> list[tuple[str, str, Mention, Mention]]:
    """A cue word of a relation type (牵头, 指导, 支持, 参与, 出资 …) between the bodies before it and what
    follows in its clause relates them: 居民区党总支牵头成立自治小组 (LEADS)."""
    text = ctx.sentence.text
    mentions = _area_as_its_body(_outermost(ctx.mentions), ctx)
    # 成立了由A、B组成的X, 建立了A、B“三方”制度: X or the way is what is set up, A and B its members or parties
    members = _spans(text, (COMPOSED_OF,)) + _parties_of_ways(mentions, text)
    frames = _named_frame_spans(text, FRAMES, mentions) + members
    helpers = _frame_spans(text, HELPER_FRAMES)
    speakers = _spans(text, (SPEAKER,))
    titles = _spans(text, (BOOK_TITLE,))
    found = []
    for rule in cue_rules().values():
        for cue in rule.cue.finditer(text):
            if any(start <= cue.start() < end for start, end in frames + titles) or any(
                    m.start <= cue.start() < m.end and not _names_the_cue(m, rule) for m in mentions) \
                    or rule.type == "CO_BUILDS" and _names_a_partner(text, cue.end(), mentions):
                continue
            before = [i for i, m in enumerate(mentions) if m.end <= cue.start()
                      and not any(start <= m.start < end for start, end in helpers)]
            after = [i for i, m in enumerate(mentions) if m.start >= cue.end()
                     and not any(start <= m.start < end for start, end in members)]
            clause = _clause_bounds(text, cue.start(), cue.end())
            if rule.type == "CO_BUILDS":  # A和B携手组成小分队, A与B签订共建协议，走进物业: A and B co-build
                after = [k for k in after if mentions[k].type not in SET_UP and mentions[k].end <= clause[1]]
            if not before or not (after or rule.type in ("FUNDED", "CO_BUILDS")):
                continue
            names_money = rule.type == "FUNDED" and (
                parse_amount(text) is not None or RAISES_MONEY.search(text, *clause) is not None)
            funded = _funded_project(mentions, before, ctx) if names_money else []
            targets = [mentions[k] for k in after] + funded or (
                _group_before(mentions, before[-1], text) if rule.type == "CO_BUILDS" else [])
            companions = _group_before(mentions, before[-1], text)
            leader = _companion_leader(mentions, companions, text)
            brought = not leader and _brought_along(companions, text)
            rule_id, rel_type = ("cue:companions", "PARTICIPATES_IN") if brought else (rule.id, rule.type)
            if brought:
                subjects = companions
            else:
                subjects = leader or next((_group_before(mentions, i, text) for i in reversed(before)
                                           if any(_allowed(rule.type, mentions[i], t) for t in targets)), [])
            if not subjects:
                continue
            subjects = _spoken_for(subjects, mentions, [(a, b) for a, b in speakers if b <= cue.start()])
            subjects += _joined_by_opener(subjects, mentions, text, cue.start(), ctx)
            if rel_type in ("CO_BUILDS", "GUIDES", "SUPPORTS"):
                after = [k for k in after if mentions[k].end <= clause[1]]
            actors = subjects + companions if leader else subjects  # 青松社区联合派出所开展X: those brought along
            after = _before_a_doer(after, mentions, actors, rel_type, ctx)  # take part, though a place leads nothing
            objects = next((_group_after(mentions, k, text) for k in after
                            if any(_allowed(rel_type, s, mentions[k]) for s in actors)), [])
            if not objects and funded:
                objects = funded
            if not objects and rel_type == "CO_BUILDS":
                objects = subjects
            if leader:
                found.extend(("cue:companions", "PARTICIPATES_IN", s, o) for s, o in
                             _pairs("PARTICIPATES_IN", companions, objects))
                found.extend(("cue:companions", "CO_BUILDS", s, o) for s, o in
                             _pairs("CO_BUILDS", [c for c in companions if c.type == "PartnerUnit"], leader))
            found.extend((rule_id, rel_type, s, o) for s, o in _pairs(rel_type, subjects, objects))
    return found


def _before_a_doer(after: list[int], mentions: list[Mention], subjects: list[Mention], rel_type: str,
                   ctx: SentenceContext) -> list[int]:
    """推动物业参加业委会例会: the first body after the cue is what it acts on; one it cannot relate to ends the
    search (it does the next thing itself). A place (对X小区进行改造) only tells where."""
    places = {(m.start, m.end) for m in ctx.mentions if m.type == "Community"}
    for n, k in enumerate(after):
        if any(_allowed(rel_type, s, mentions[k]) for s in subjects):
            return after
        if (mentions[k].start, mentions[k].end) not in places:
            return after[:n]
    return after


def _spoken_for(subjects: list[Mention], mentions: list[Mention], speaker_spans: list[tuple[int, int]]) -> list[Mention]:
    """松涛社区党委书记李静介绍，社区牵头…: one who tells of the work speaks for the body named with their title."""
    spoken = []
    for subject in subjects:
        span = next(((start, end) for start, end in speaker_spans if start <= subject.start < end), None)
        bodies = [m for m in mentions if m.type in ORG_TYPES and span[0] <= m.start and m.end <= subject.start] \
            if span and subject.type == "Person" else []
        spoken.append(bodies[-1] if bodies else subject)
    return spoken


def _inside(match: re.Match, ctx: SentenceContext) -> list[Mention]:
    """The bodies named inside a frame (the X of 在X的支持下)."""
    return [m for m in _outermost(ctx.mentions) if match.start("inside") <= m.start and m.end <= match.end("inside")]


@cache
def _word_joining_helpers(name: str) -> re.Pattern:
    """The frame's word closing one helper's part before the next helper's (在A的指导|和B的支持下)."""
    return re.compile(f"的(?P<word>{_frame_words(name)})(?:和|与|及|、)")


def _helpers_each_by_their_word(ctx: SentenceContext) -> Iterator[tuple[re.Match, str, str, list[Mention]]]:
    """The helpers of 在X的…下 and 经过X的…, each with the frame word that follows it: 在A的指导和B的支持下 has A
    guide and B support."""
    for name in ("under", "through"):
        for match, rel_type, rule_id in _frame_relations(name, ctx.sentence.text):
            inside, start = _inside(match, ctx), match.start("inside")
            for part in _word_joining_helpers(name).finditer(ctx.sentence.text, start, match.end("inside")):
                helpers = [m for m in inside if start <= m.start and m.end <= part.start()]
                word = part.group("word")
                yield match, frame_type(name, word), f"{name}:{word}", helpers
                start = part.end()
            yield match, rel_type, rule_id, [m for m in inside if m.start >= start]


def under_relations(ctx: SentenceContext) -> list[tuple[str, str, Mention, Mention]]:
    """在X的支持下 (经过X的努力) … Y: X supports (guides, takes part in) Y, the first project or team set up
    after and those listed with it (…完成了A、B等一批改造), else the case's project; 在X的带领下，A和B…: X
    guides the party bodies and councils A and B that act; 由X牵头 (X leads the work
    named right before 由, else what its clause names); 得到X支持,
    与X通力合作 and 通过X等齐心协力 (X supports the project); Y对X的指导
    (Y对X进行指导); 按照X的要求: X guides the project named there or after, else the case's; 由X设计/施工: X designs
    or carries out the project named before, else the case's; Y由X负责管理 (小区由X负责管理:
    X manages the case's estate, else its area)."""
    text = ctx.sentence.text
    found = []
    for match, rel_type, rule_id, inside in _helpers_each_by_their_word(ctx):
        later = [m for m in _outermost(ctx.mentions) if m.start >= match.end()]
        opening = [m for m in _area_as_its_body(_outermost(ctx.mentions), ctx) if m.end <= match.start()
                   and SUBJECT_BEFORE_FRAME.fullmatch(text, m.end, match.start())][-1:]  # X在Y的指导下: Y guides X
        subject = next((o for o in opening + later[:1] if rel_type == "GUIDES" and o.type != "Project"
                        and any(_allowed(rel_type, s, o) for s in inside)), None)
        set_up = next((i for i, o in enumerate(later) if o.type in SET_UP
                       or o.type == "Committee" and FOUNDED_BEFORE.search(text, 0, o.start)), None)
        target = subject or (later[set_up] if set_up is not None else ctx.focus) or next(
            (o for o in later if any(_allowed(rel_type, s, o) for s in inside)), None)
        if target is None:
            continue
        targets = _group_after(later, set_up, text) if target is not subject and set_up is not None else [target]
        found.extend((rule_id, rel_type, s, o) for s, o in _pairs(rel_type, inside, targets))
        if rel_type == "LEADS" and later and text[match.end():later[0].start] in ("", "，", ","):
            led = [o for o in _group_after(later, 0, text) if o.type in LED_BODIES
                   and not o.canonical.endswith(OWN_COMMITTEES)]  # 在X的带领下，A和B…: X guides A and B, which act
            found.extend((rule_id, "GUIDES", s, o) for s, o in _pairs("GUIDES", inside, led))
    for match, rel_type, rule_id in _frame_relations("with", text):
        target = next((m for m in _outermost(ctx.mentions) if m.type == "Project"), ctx.focus)
        if target is not None:
            found.extend((rule_id, rel_type, s, o) for s, o in _pairs(rel_type, _inside(match, ctx), [target]))
    for match, rel_type, rule_id in _frame_relations("got", text):
        earlier = [m for m in _outermost(ctx.mentions) if m.end <= match.start() and m.type == "Project"]
        target = earlier[-1] if earlier else ctx.focus
        if target is not None:
            found.extend((rule_id, rel_type, s, o) for s, o in _pairs(rel_type, _inside(match, ctx), [target]))
    for match in frame("toward").finditer(text):
        earlier = [m for m in _outermost(ctx.mentions) if m.end <= match.start()]
        subject = earlier[-1] if earlier else ctx.lead
        for word in filter(None, (match.group("word"), match.group("also"))):
            rel_type = frame_type("toward", word)
            found.extend((f"toward:{word}", rel_type, s, o) for s, o in _pairs(rel_type, [subject] if subject else [],
                                                                               _inside(match, ctx)))
    for match, rel_type, rule_id in _frame_relations("according", text):
        project = next((m for m in _outermost(ctx.mentions)
                        if m.type == "Project" and m.start >= match.start("inside")), ctx.focus)
        if project is not None:
            found.extend((rule_id, rel_type, s, o) for s, o in _pairs(rel_type, _inside(match, ctx), [project]))
    for match, rel_type, rule_id in _frame_relations("by", text):
        clause_end = _clause_bounds(text, match.start(), match.end())[1]
        later = [m for m in _outermost(ctx.mentions) if m.start >= match.end()]
        topic = [m for m in _outermost(ctx.mentions) if m.type in LED_TOPICS and m.end <= match.start()
                 and text[m.end:match.start()] in ("", "，", ",")]  # 成立了青禾理事会，由X牵头: X leads it
        objects = (topic or [m for m in later if m.end <= clause_end][:2]
                   or [m for m in later if m.type == "Project"][:1] or ([ctx.focus] if ctx.focus else []))
        found.extend((rule_id, rel_type, s, o) for s, o in _pairs(rel_type, _inside(match, ctx), objects))
        helping = HELPERS_AFTER_LEAD.match(text, clause_end)
        if helping:
            helpers = [m for m in _outermost(ctx.mentions) if helping.start(1) <= m.start and m.end <= helping.end(1)]
            found.extend(("by:leads-helped", "SUPPORTS", s, o) for s, o in _pairs("SUPPORTS", helpers, objects))
    for match, rel_type, rule_id in _frame_relations("by_all", text):  # “邻里厨房”项目由A、B共同参与: each takes part
        clause_start = _clause_bounds(text, match.start(), match.end())[0]
        project = [m for m in _outermost(ctx.mentions) if clause_start <= m.start and m.end <= match.start()
                   and m.type == "Project"][-1:]
        if not project and rel_type == "FUNDED":  # 由企业出资…落实生态园的建设: the work named after, else the case's
            project = [m for m in _outermost(ctx.mentions) if m.start >= match.end() and m.type == "Project"][:1] \
                or ([ctx.focus] if ctx.focus else [])
        found.extend((rule_id, rel_type, s, o) for s, o in _pairs(rel_type, _inside(match, ctx), project))
    found.extend(agent_work_relations(ctx))
    for match in MANAGED_BY.finditer(text):
        inside = [m for m in _outermost(ctx.mentions) if match.start(1) <= m.start and m.end <= match.end(1)]
        if match.group(2) is None and not any(m.end == match.end(1) for m in inside):
            continue  # 由东华物业管理 names the manager; in 由居委会开展垃圾分类管理 the work is another's
        clause_start = _clause_bounds(text, match.start(), match.end())[0]
        managed = [m for m in _outermost(ctx.mentions) if clause_start <= m.start and m.end <= match.start()][-1:]
        place = ctx.estate or ctx.area
        if not managed:
            place_named = place is not None and text[clause_start:match.start()].endswith(GENERIC_PLACES)
            managed = [place] if place_named else [ctx.focus] if ctx.focus else []
        found.extend(("by:manages", "MANAGES", s, o) for s, o in _pairs("MANAGES", inside, managed))
    return found


def agent_work_relations(ctx: SentenceContext) -> list[tuple[str, str, Mention, Mention]]:
    """Design or building work by a named agent: 项目由X设计, 由X负责施工, 施工由X承担 (the project named before,
    else the case's); X为Y项目设计 (Y)."""
    text = ctx.sentence.text
    mentions = _outermost(ctx.mentions)
    found = []
    for index, agent in enumerate(mentions):
        group = _group_after(mentions, index, text)
        if index and _coordinated(mentions[index - 1], agent, text):
            continue  # inside a group already read from its first member
        work = WORK_AFTER_AGENT.match(text, group[-1].end)
        work_named_before = WORK_BEFORE_AGENT.search(text, max(0, agent.start - 8), agent.start)
        if not work and work_named_before and TAKES_ON_WORK.match(text, group[-1].end):
            work = work_named_before
        if text[agent.start - 1:agent.start] == "由" and work:
            earlier = [m for m in mentions if m.end < agent.start and m.type == "Project"]
            target = earlier[-1] if earlier else ctx.focus
        elif text.startswith("为", group[-1].end) and index + len(group) < len(mentions):
            target = mentions[index + len(group)]
            work = WORK_AFTER_AGENT.match(text, target.end)
            target = target if target.start == group[-1].end + 1 and target.type == "Project" else None
        else:
            continue
        if work and target is not None:
            rel_type = WORK_TYPES.get(work.group(1), "IMPLEMENTS")
            found.extend((f"agent:{work.group(1)}", rel_type, s, target) for s in group if _allowed(rel_type, s, target))
    return found


def aim_relations(ctx: SentenceContext) -> list[tuple[str, str, Mention, Mention]]:
    """为助力X，Y…: Y supports X; 在加入X后，Y…: Y takes part in X. Y is the first body after the frame."""
    found = []
    mentions = _outermost(ctx.mentions)
    for match, rel_type, rule_id in chain(_frame_relations("aim", ctx.sentence.text),
                                          _frame_relations("joining", ctx.sentence.text)):
        targets = _inside(match, ctx)[:1]
        actors = [m for m in mentions if m.start >= match.end() and m.type in FOCUS_ACTORS][:1]
        found.extend((rule_id, rel_type, a, t) for a, t in _pairs(rel_type, actors, targets))
    return found


FOR_WHOM = re.compile(r"为([^，。；,;为]{1,20}?)(?:免费|无偿|义务|专门)?(提供|安装|捐赠|赠送|送上|开展|举办|挑选|进行|开设|开辟)")
ADVICE = re.compile(r"指导|咨询|支持|帮助|便利|保障|快捷通道")
FUNDS = re.compile(r"资金|经费|资助|补贴|补助")
CONTRIBUTORS = ("PartnerUnit", "VolunteerTeam", "Person", "PropertyFirm", "GovernmentAgency")


def benefit_relations(ctx: SentenceContext) -> list[tuple[str, str, Mention, Mention]]:
    """X为Y提供/安装/进行…: an outside contributor takes part in the project Y (or the one named between, or the
    case's), designs it when what it gives is a design (为X提供设计方案), funds it when what it gives is money
    (为项目提供资金支持), or supports it when what it gives is advice,
    help or an easier way (为街区进行理论指导, 为项目开辟快捷通道); it supports a body Y."""
    text = ctx.sentence.text
    mentions = _outermost(ctx.mentions)
    found = []
    for match in FOR_WHOM.finditer(text):
        clause_start, clause_end = _clause_bounds(text, match.start(), match.end())
        before = [m for m in mentions if clause_start <= m.start and m.end <= match.start()]
        actors = [m for m in (_group_after(before, 0, text) if before else []) if m.type in CONTRIBUTORS]  # A、B为…
        inside = [m for m in mentions if match.start(1) <= m.start and m.end <= match.end(1)]
        projects = [m for m in inside if m.type == "Project"] or [m for m in before[1:] if m.type == "Project"] or (
            [ctx.focus] if ctx.focus and not inside else [])
        if DESIGN.search(text, match.end(), clause_end):
            rule_id, rel_type = "for:designs", "DESIGNED"
        elif FUNDS.search(text, match.end(), clause_end):
            rule_id, rel_type = "for:funds", "FUNDED"
        elif ADVICE.search(text, match.end(), clause_end):
            rule_id, rel_type = "for:advises", "SUPPORTS"
        else:
            rule_id, rel_type = "for:takes-part", "PARTICIPATES_IN"
        found.extend((rule_id, rel_type, a, p) for a, p in _pairs(rel_type, actors, projects))
        found.extend(("for:supports", "SUPPORTS", a, b) for a, b in
                     _pairs("SUPPORTS", actors, [m for m in inside if m.type != "Project"]))
    return found


FIRM_KIND = r"(?:物业服务企业|物业服务公司|物业管理公司|物业公司)?"  # 小区的物业服务企业X: what X is, said before its name
FIRM_NAMED = rf"(?:的{FIRM_KIND}[—–\-－]*|的?物业(?:服务)?(?:企业|公司)?[—–\-－]+)"
# 小区的物业公司(——)X, 小区物业(企业)——X: what X is, then its name
FIRM_AT = re.compile(rf"^(?:[，,]?(?:小区|社区))?(?:里|内|中)?{FIRM_NAMED}$")
FIRM_OF_THE_ESTATE = re.compile(rf"(?:^|[^\u4e00-\u9fff]|联系|通知|找|请)小区(?:里|内|中)?{FIRM_NAMED}$")
FIRM_ENTERS = re.compile(r"^[^，。；,;]{0,12}?(进入|进驻|入驻|接管|管理)(了)?(小区)?")
FIRM_WINS = re.compile(r"(?:以[^，。；,;]{1,10})?(?:成功|最终)?中标")  # X物业(以最高分)中标: chosen by the estate's tender
FIRM_SERVING = re.compile(r"(?:承接|负责|提供)(?:本|该)?小区(?:的)?物业(?:服务|管理)(?:工作)?的$")  # 承接小区物业服务的X
FIRM_MANAGES_AT = re.compile(r"^在$")
FIRM_HIRED = re.compile(rf"(?:聘请|选聘|聘用|引进|引入)了?(?:新的|一家)?{FIRM_KIND}[—–\-－]*$")  # 小区聘请了X物业


def firm_relations(ctx: SentenceContext) -> list[tuple[str, str, Mention, Mention]]:
    """Y小区里的X物业, X物业在Y有现场管理, X物业进入小区, Y小区聘请了X物业: the property firm manages that estate
    (the place of the hiring clause, else the estate the sentence names before); the bare 小区的物业公司X or
    小区选聘了X, X物业中标, 承接小区物业服务的X: the case's estate, else its area."""
    text = ctx.sentence.text
    mentions = _outermost(ctx.mentions)
    found = []
    for i, firm in enumerate(mentions):
        if firm.type != "PropertyFirm":
            continue
        before = mentions[i - 1] if i else None
        after = mentions[i + 1] if i + 1 < len(mentions) else None
        if before is not None and before.type == "Community" and FIRM_AT.match(text[before.end:firm.start]):
            found.append(("firm:of-estate", "MANAGES", firm, before))
        elif ctx.estate is not None and FIRM_OF_THE_ESTATE.search(text, max(0, firm.start - 12), firm.start):
            found.append(("firm:of-estate", "MANAGES", firm, ctx.estate))
        if (after is not None and after.type == "Community" and FIRM_MANAGES_AT.match(text[firm.end:after.start])
                and "管理" in text[after.end:_clause_bounds(text, after.end, after.end)[1]]):
            found.append(("firm:manages-at", "MANAGES", firm, after))
        run_estate = ctx.estate or ctx.area  # the case's estate, else its area
        enters = FIRM_ENTERS.match(text[firm.end:])
        if enters and after is not None and after.type == "Community" and after.start == firm.end + enters.end():
            found.append(("firm:enters", "MANAGES", firm, after))  # X物业进驻福润小区: the estate it names
        elif enters and enters.group(3) and run_estate is not None:
            found.append(("firm:enters", "MANAGES", firm, run_estate))
        if run_estate is not None and FIRM_WINS.match(text, firm.end):
            found.append(("firm:wins-tender", "MANAGES", firm, run_estate))
        elif run_estate is not None and FIRM_SERVING.search(text, 0, firm.start):
            found.append(("firm:serves", "MANAGES", firm, run_estate))
        clause_start = _clause_bounds(text, firm.start, firm.end)[0]
        if FIRM_HIRED.search(text, clause_start, firm.start):
            places = [m for m in reversed(mentions[:i]) if m.type == "Community"]
            hirer = next((m for m in places if m.start >= clause_start or m.canonical.endswith(ESTATE_ENDINGS)),
                         ctx.estate or ctx.area)
            if hirer is not None:
                found.append(("firm:hired", "MANAGES", firm, hirer))
    return found


LOCATABLE = ("Project", "VolunteerTeam", "PartnerUnit")
HELD_AT = re.compile(r"(?:等[\u4e00-\u9fff]{0,6})?(?:也|都|均|还|已)?(?:在|落户|落地)")  # 公开课在X街区内
IN_AREA = re.compile(r"(辖区|小区|社区)(内的?|里的?|单位|的)$")
AREA_UNITS_AFTER = re.compile(r"(?:[、和与及][^，。；、]{2,20}?)*等?[0-9一二三四五六七八九十多余]*家?(?:驻区|辖区|驻社区)"
                              r"(?:单位|企事业单位|企业)")  # A、B等驻区单位: each is in the case's area
ESTATE_SUBJECT = re.compile(r"小区(?![\u4e00-\u9fff]{0,2}(?:党|业|物业|居))")  # 小区先后完成了A、B: the case's estate does it


def located_relations(ctx: SentenceContext) -> list[tuple[str, str, Mention, Mention]]:
    """A project named after a place (青禾小区加装电梯) is located there, as is a project or team named after
    a place in the same sentence, or held at a place of its clause (公开课在X街区内上演); a project, team or
    partner introduced as 辖区单位/辖区内的, or a partner listed as one of 驻区单位, is located in the case's
    area; works of a clause whose subject is the bare 小区 (小区先后完成了A、B等改造) are in the case's estate.

    A partner after a place is mostly where its people live or work (居民大多是X公司的退休员工), not where it is.
    """
    text = ctx.sentence.text
    mentions = _outermost(ctx.mentions)
    found = []
    for i, m in enumerate(mentions):
        if m.type not in LOCATABLE:
            continue
        places = [p for p in mentions[:i] if p.type == "Community" and not _qualifies_next(p, mentions, m)
                  and not _labels_report(text, p)]
        clause_end = _clause_bounds(text, m.start, m.end)[1]
        held_at = [p for p in mentions[i + 1:] if p.type == "Community" and p.end <= clause_end][:1] \
            if HELD_AT.match(text, m.end) else []
        listed_from = _group_before(mentions, i, text)[-1]  # 辖区内的A、B和C: the list's first item
        named_after = [p for p in ctx.mentions if p.type == "Community" and p.start == m.start and p.end < m.end] \
            if m.type == "Project" else []
        if named_after:
            found.append(("place:in-name", "LOCATED_IN", m, max(named_after, key=lambda p: p.end)))
        elif held_at:
            found.append(("place:held-at", "LOCATED_IN", m, held_at[0]))
        elif ctx.area is not None and (IN_AREA.search(text[max(0, listed_from.start - 5):listed_from.start])
                                       or m.type == "PartnerUnit" and AREA_UNITS_AFTER.match(text, m.end)):
            found.append(("place:in-area", "LOCATED_IN", m, ctx.area))
        elif places and m.type != "PartnerUnit":
            found.append(("place:named-before", "LOCATED_IN", m, places[-1]))
        elif m.type == "Project" and ctx.estate is not None \
                and ESTATE_SUBJECT.match(text, _clause_bounds(text, m.start, m.end)[0]):
            found.append(("place:estate-does", "LOCATED_IN", m, ctx.estate))
    return found


def _labels_report(text: str, place: Mention) -> bool:
    """青山区：“…”试点: a place before a colon labels the report; it neither places nor does what follows."""
    return text.startswith(("：", ":"), place.end)


def _qualifies_next(place: Mention, mentions: list[Mention], located: Mention) -> bool:
    """A place written right before another name is that name's (青松开发区|松涛中心党委, 青山区|松风街道),
    not the place of what the sentence goes on to do."""
    return any(n.start == place.end and n is not located for n in mentions)


@dataclass(frozen=True)
class FocusCue:
    """A cue whose actors (before it or after it in its clause) act on the case's project."""

    type: str
    cue: re.Pattern
    side: str


FOCUS_CUES = [
    FocusCue("DESIGNED", DESIGN, "before"),
    FocusCue("IMPLEMENTS", re.compile(r"施工|粉刷|彩绘|安装|承建|负责对|负责.{0,6}工作"), "before"),
    FocusCue("MANAGES", re.compile(rf"(?:负责|承担)(?={UPKEEP})"), "before"),
    FocusCue("PARTICIPATES_IN", re.compile(r"参与|参加|认领|加入"), "before"),
    FocusCue("PARTICIPATES_IN", re.compile(r"协同|会同|携同|联合|邀请|发动|动员|引入|联动"), "after"),
    FocusCue("SUPPORTS", re.compile(r"协助|助力|帮助|支持"), "before"),
    FocusCue("GUIDES", re.compile(r"指导|督导"), "before"),
]
JOINED_HERE = 4  # 参与共建, 参加其中: a short tail; 参与讨论停车难题 names what is joined, not the case's project
FOCUS_ACTORS = ("PartnerUnit", "GovernmentAgency", "Committee", "VolunteerTeam", "PropertyFirm", "PartyOrganization",
                "Person")


def _clause_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    clause_start = max(text.rfind(p, 0, start) for p in "，,；;") + 1
    clause_end = min((i for i in (text.find(p, end) for p in "，,；;") if i >= 0), default=len(text))
    return clause_start, clause_end


QUOTED_SPEECH = re.compile(r"[：:][“「『][^”」』]*(?:[”」』]|$)")  # 她说：“大家一起设计…”: what one says, not what one does


def focus_relations(ctx: SentenceContext) -> list[tuple[str, str, Mention, Mention]]:
    """A body that designs, builds, joins or helps, in a clause naming no project, does so in the project named
    earlier in the sentence, else in the case's project. What someone says (：“…”) is no act.

    Only the body right before a helping word (物业协助清理…) helps the project: 配合 and helping words
    further off mostly help another body. Cues inside frames (在X的支持下) are read by their own rules.
    """
    projects = [m for m in ctx.mentions if m.type == "Project"]
    if ctx.focus is None and not projects:
        return []
    text = ctx.sentence.text
    frames = _frame_spans(text, FRAMES) + [m.span() for m in QUOTED_SPEECH.finditer(text)]
    found = []
    acted: set[str] = set()
    for rule in FOCUS_CUES:
        cue = next((c for c in rule.cue.finditer(text) if not any(s <= c.start() < e for s, e in frames)
                    and not any(m.start <= c.start() < m.end for m in ctx.mentions)), None)
        if cue is None:
            continue
        clause_start, clause_end = _clause_bounds(text, cue.start(), cue.end())
        if any(clause_start <= m.start < clause_end for m in projects):
            continue
        target = next((m for m in reversed(projects) if m.end <= clause_start), None if projects else ctx.focus)
        if target is None:
            continue
        if rule.type == "PARTICIPATES_IN" and rule.side == "before" and clause_end - cue.end() > JOINED_HERE:
            continue
        window = (clause_start, cue.start()) if rule.side == "before" else (cue.end(), clause_end)
        candidates = [m for m in _outermost(ctx.mentions) if m.type in FOCUS_ACTORS
                      and (ctx.lead is None or m.canonical != ctx.lead.canonical)]
        actors = [m for m in candidates if window[0] <= m.start and m.end <= window[1]]
        if not actors and rule.side == "before":
            actors = [m for m in candidates[:1] if m.start == 0]
        found.extend((f"focus:{rule.type.lower()}", rule.type, a, target) for a in actors
                     if _allowed(rule.type, a, target) and a.canonical not in acted)
        acted.update(a.canonical for a in actors)
    return found


STATIONED = re.compile(r"驻(?:村|社区)(?:第一|工作队)?$")  # 驻村第一书记: of the place, not of who sent them
SERVES_AS = re.compile(r"^(?:担任|出任|兼任|现任|任|[（(])$")  # 刘芳（青松社区党委书记）: an interview's speaker too
SERVES_AS_RULE = "serves-as:"
EARLIER_TITLE_RULE = "title:"  # a title listed before the one right before the name
SERVES_AS_BARE_ROLE = re.compile(r"(?:担任|出任|兼任|任)([\u4e00-\u9fff]{2,4}?)(?=[，,。；;、]|$)")  # 由X担任团长


MAX_BODY_WORD = 5  # characters of a bare body's type word before a title (党支部, 居委会)


def member_relations(ctx: SentenceContext) -> list[tuple[str, str, Mention, Mention]]:
    """书记 X after an organisation's name: X is a member of it (role on the relation); so is X in X担任Y书记, and in
    Y成立…，由X担任团长 (the body named last before X)."""
    found = []
    text = ctx.sentence.text
    mentions = _outermost(ctx.mentions)
    lexicon = load_lexicon()
    roles = lexicon.roles
    for person, org in zip(mentions, mentions[1:]):
        role = next((r for r in roles if text.startswith(r, org.end)), "")
        if person.type == "Person" and role and SERVES_AS.match(text[person.end:org.start]) \
                and _allowed("MEMBER_OF", person, org):
            found.append((SERVES_AS_RULE + role, "MEMBER_OF", person, org))
    for index, person in enumerate(mentions):
        serves = SERVES_AS_BARE_ROLE.match(text, person.end)
        role = serves.group(1) if serves and serves.group(1) in roles else ""
        bodies = [m for m in mentions[:index] if m.type in ORG_TYPES and text[m.end:person.start] not in roles]
        # 成立了X，由社区党委书记Y担任主任: X, not the body of Y's title
        if person.type == "Person" and role and bodies and _allowed("MEMBER_OF", person, bodies[-1]):
            found.append((SERVES_AS_RULE + role, "MEMBER_OF", person, bodies[-1]))
    for person in ctx.mentions:
        if person.type != "Person" or not person.evidence.rule.startswith("role:"):
            continue
        role_start = person.start - len(person.evidence.rule.removeprefix("role:"))
        orgs = [m for m in ctx.mentions if m.type != "Person" and role_start - 2 <= m.end <= role_start]
        named = max(orgs, key=lambda m: m.end - m.start, default=None)
        org = named
        unnamed_body = lexicon.type_word_ending(text[max(0, role_start - MAX_BODY_WORD):role_start])
        if org is None and STATIONED.search(text, 0, role_start):
            org = ctx.area_body  # 驻村第一书记: sent to serve the village's own body
        elif org is None and ctx.lead is not None and person.evidence.rule.endswith("书记") \
                and ctx.lead.canonical.endswith(unnamed_body):
            org = ctx.lead  # 党支部书记X: the case's lead's; but 镇党委副书记X serves another, unnamed body
        if org is not None and _allowed("MEMBER_OF", person, org):
            found.append(("role:member", "MEMBER_OF", person, org))
        title_start = named.start if named is not None else role_start - len(unnamed_body)  # A主任、党支部|书记X
        found.extend((EARLIER_TITLE_RULE + role, "MEMBER_OF", person, earlier)
                     for earlier, role in _titles_before(title_start, ctx, roles)
                     if _allowed("MEMBER_OF", person, earlier))
    return found


def _titles_before(start: int, ctx: SentenceContext, roles: tuple[str, ...]) -> list[tuple[Mention, str]]:
    """The bodies and roles of a person's earlier titles, listed before the title that starts at ``start``
    (X党支部书记、业委会主任李某; X镇党委副书记、镇长李某)."""
    bodies = []
    text = ctx.sentence.text
    while text[start - 1:start] == "、":
        role = next((r for r in roles if text.endswith(r, 0, start - 1)), "")  # roles come longest first
        if not role:
            break
        start = start - 1 - len(role)
        org = max((m for m in ctx.mentions if m.type != "Person" and start - 2 <= m.end <= start),
                  key=lambda m: m.end - m.start, default=None)
        if org is None:
            break
        bodies.append((org, role))
        start = org.start
    return bodies


def place_relations(ctx: SentenceContext) -> list[tuple[str, str, Mention, Mention]]:
    """六合场街道松韵居民区: the inner place is part of the outer; X位于Y; X辖区的Y (下辖A、B和C); X隶属于Y;
    镇里的A村: A is part of the town named last, else of the case's."""
    text = ctx.sentence.text
    mentions = ctx.mentions
    found = []
    for a in mentions:
        for b in mentions:
            if a.type == "Community" and b.start == a.end and b.type == "Community":
                found.append(("place:adjacent", "PART_OF", b, a))
    for cue in BELONGS.finditer(text):
        clause_start, clause_end = _clause_bounds(text, cue.start(), cue.end())
        before = [m for m in _outermost(mentions) if clause_start <= m.start and m.end <= cue.start()][-1:]
        after = [m for m in _outermost(mentions) if cue.end() <= m.start and m.end <= clause_end][:1]
        found.extend(("place:belongs", "PART_OF", s, o) for s, o in _pairs("PART_OF", before, after))
    for cue in LOCATED.finditer(text):
        clause_start, clause_end = _clause_bounds(text, cue.start(), cue.end())
        before = [m for m in _outermost(mentions) if clause_start <= m.start and m.end <= cue.start()]
        after = [m for m in mentions if cue.end() <= m.start and m.end <= clause_end and m.type == "Community"]
        if after and not before:
            before = [m for m in _outermost(mentions) if m.start > after[0].end
                      and LOCATED_OF.match(text[after[0].end:m.start])][:1]
        if before and after:
            subject, place = before[-1], after[0]
            while inner := next((m for m in after if m.start == place.end), None):
                place = inner  # 位于青山市|松涛区|和平街道: in the innermost place
            rel_type = "PART_OF" if subject.type == "Community" else "LOCATED_IN"
            if _allowed(rel_type, subject, place):
                found.append(("place:located", rel_type, subject, place))
    for cue in WITHIN.finditer(text):
        before = [m for m in mentions if m.end <= cue.start() and m.end >= cue.start() - 1]
        outer = _outermost(mentions)
        first = next((i for i, m in enumerate(outer) if m.start >= cue.end()), None)
        after = _group_after(outer, first, text) if first is not None else []
        for place in before:
            for inner in after:
                rel_type = "PART_OF" if inner.type == place.type == "Community" else "LOCATED_IN"
                if place.type == "Community" and _allowed(rel_type, inner, place):
                    found.append(("place:within", rel_type, inner, place))
    for cue in IN_THE_TOWN.finditer(text):
        town = next((m for m in reversed(mentions) if m.end <= cue.start() and m.type == "Community"
                     and m.canonical.endswith(cue.group(1))), ctx.town)
        places = [m for m in mentions if m.type == "Community" and m.start >= cue.end()]
        after = _group_after(places, 0, text) if places and places[0].start == cue.end() else []
        if town is not None and town.canonical.endswith(cue.group(1)):
            found.extend(("place:in-the-town", "PART_OF", inner, town) for inner in after
                         if _allowed("PART_OF", inner, town))
    return found


CONTAINS = ("搭载", "集成", "涵盖")  # 平台还搭载了A、B: the whole is its clause's subject
LIST_CUE = re.compile(r"[，,：:]?(即|例如|比如|包括|分别是|其中有|搭载了?|集成了?|涵盖了?)")
EXAMPLE_CUES = ("例如", "比如")  # examples, each with its own description: every one of the whole's type counts


PARTNER_OF = re.compile(r"是([^，。；,;]{2,30}?)的(?:[\u4e00-\u9fff]{0,4}?)(?:共建|结对|联建)(?:单位|伙伴|对象)")


def partner_relations(ctx: SentenceContext) -> list[tuple[str, str, Mention, Mention]]:
    """A是B的共建单位: A and B co-build."""
    mentions = _outermost(ctx.mentions)
    found = []
    for match in PARTNER_OF.finditer(ctx.sentence.text):
        partners = [m for m in mentions if m.end <= match.start()][-1:]
        hosts = [m for m in mentions if match.start(1) <= m.start and m.end <= match.end(1)]
        found.extend(("partner:of", "CO_BUILDS", a, b) for a, b in _pairs("CO_BUILDS", partners, hosts))
        found.extend(("partner:of", "CO_BUILDS", b, a) for a, b in _pairs("CO_BUILDS", hosts, partners))
    return found


def list_relations(ctx: SentenceContext) -> list[tuple[str, str, Mention, Mention]]:
    """X，即/例如/搭载了 A、B、C: the members are part of X (X may be named in the sentence before, when nothing
    is named before the cue in its clause: 平台还搭载了A、B); A、B、C的X: likewise."""
    text = ctx.sentence.text
    mentions = _outermost(ctx.mentions)
    found = []
    for cue in LIST_CUE.finditer(text):
        wholes = ("Project", "Mechanism")
        clause_start = _clause_bounds(text, cue.start(), cue.end())[0]
        before = [m for m in mentions if m.end <= cue.start() and m.type in wholes
                  and (m.start >= clause_start or not cue.group(1).startswith(CONTAINS))]
        if not before and not any(clause_start <= m.start < cue.start() for m in mentions):
            before = [m for m in ctx.previous if m.type in wholes]
        after = [i for i, m in enumerate(mentions) if m.start >= cue.end()]
        if not before or not after:
            continue
        whole = before[-1]
        examples = [mentions[i] for i in after] if cue.group(1) in EXAMPLE_CUES else []
        for member in examples or _group_after(mentions, after[0], text):
            if member.type == whole.type:
                found.append(("list:members", "PART_OF", member, whole))
    for i, m in enumerate(mentions):
        if i + 1 < len(mentions) and m.type == "Project":
            group = _group_before(mentions, i, text)
            nxt = mentions[i + 1]
            between = re.sub(r"[（(][^）)]*[）)]", "", text[m.end:nxt.start])
            if len(group) >= 2 and between == "的" and nxt.type == m.type:
                found.extend(("list:of", "PART_OF", member, nxt) for member in group)
    return found


HIERARCHY_DASH = re.compile(r"^[—\-–－]{1,2}$")


def hierarchy_relations(ctx: SentenceContext) -> list[tuple[str, str, Mention, Mention]]:
    """社区党总支—片区党支部—楼栋党小组: each level is part of the one before it."""
    mentions = _outermost(ctx.mentions)
    found = []
    for upper, lower in zip(mentions, mentions[1:]):
        if (upper.type == lower.type and HIERARCHY_DASH.match(ctx.sentence.text[upper.end:lower.start])
                and _allowed("PART_OF", lower, upper)):
            found.append(("hierarchy:dash", "PART_OF", lower, upper))
    return found


BOOK_TITLE = re.compile(r"《[^》]{1,40}》")  # 根据《物业管理条例》: a cue word in a title cues nothing
SPEAKER = re.compile(r"(?:^|(?<=[，,]))[^，。；,;：:“”]{2,40}?(?:介绍|表示|说|指出|谈到|坦言|告诉记者)道?[：:，,]")  # (会议最后，)主任李静介绍，…


USE_PARTICLES = ("了", "的", "出", "起")


def _uses_right_before(gap: str) -> bool:
    """The words between a body and a mechanism are one verb of using (X推行的“…”模式, X同时建立…机制)."""
    words = [t for t in tokenize(gap.rstrip("“「『《")) if t.flag != "d" and t.word not in USE_PARTICLES]
    return len(words) == 1 and _is_use_word(words[0].word)


def _adopted_in_clause(text: str, clause_start: int, mechanism: Mention) -> bool:
    """The clause adopts the mechanism with no subject of its own (建立“一楼一长”, 通过…加强…“四轮驱动”): a verb of
    using stands before it in its clause. A mechanism only spoken of (“松涛模式”把…, 说起“…”) shows no user."""
    return any(_is_use_word(t.word) for t in tokenize(text[clause_start:mechanism.start]))


def _is_use_word(word: str) -> bool:
    """A word of using a way: the lexicon's USES_MECHANISM cue words."""
    return "USES_MECHANISM" in load_lexicon().cued_relations.get(word, ())


JOINED_RIGHT_BEFORE = re.compile(r"(?:[、和与及][^，。；、]{0,6})?(?:则|共同|一起)?")  # A、B和C四方联动: each acts in it
RURAL_TOWNS = ("镇", "乡")  # a rural report's town acts as itself (镇里推行…), not through a named body


def mechanism_relations(ctx: SentenceContext) -> list[tuple[str, str, Mention, Mention]]:
    """A mechanism is used by a body written right before a verb of using it (X推行的“…”模式); else by the
    subject of its clause, else by the sentence's subject before it (not by a
    helper: 在X的领导下, nor by one who tells of it when the sentence names another: 居委会主任李静介绍，议事会…),
    else by the case's estate when the bare 小区 opens its clause (小区实行“…”), else by the subject a sentence
    cut at a semicolon carries on (X推行A；同时推出B: mechanism:carried), else by a rural case's town
    (mechanism:town), else, where a verb of using stands before it in its clause (建立“一楼一长”), by the case's
    lead body (rule mechanism:lead, a guess the model weighs apart); the case's area stands for its lead body.

    Bodies named right before it (居委会、业委会、物业“四轮驱动”) are what it joins, not its users; but bodies
    listed right before an unquoted joint action (业委会和物业两方联动) each act in it (mechanism:joint).
    """
    text = ctx.sentence.text
    found = []
    outer = _area_as_its_body(_outermost(ctx.mentions), ctx)
    helper_spans = _frame_spans(text, HELPER_FRAMES)
    speaker_spans = _spans(text, (SPEAKER,))

    def users_outside(spans: list[tuple[int, int]], mechanism: Mention) -> list[int]:
        return [i for i, m in enumerate(outer) if m.end <= mechanism.start and _allowed("USES_MECHANISM", m, mechanism)
                and not any(start <= m.start < end for start, end in spans)]

    for mechanism in ctx.mentions:
        if mechanism.type != "Mechanism":
            continue
        # only the nearest name before it: a farther one has that name in between, never a verb alone
        doer = next((m for m in reversed(outer) if m.end <= mechanism.start), None)
        if doer is not None and mechanism.evidence.rule == JOINT_ACTION_RULE \
                and JOINED_RIGHT_BEFORE.fullmatch(text[doer.end:mechanism.start]):
            joined = _group_before(outer, outer.index(doer), text)
            found.extend(("mechanism:joint", "USES_MECHANISM", m, mechanism) for m in joined
                         if _allowed("USES_MECHANISM", m, mechanism))
            continue
        if (doer is not None and _uses_right_before(text[doer.end:mechanism.start])
                and _allowed("USES_MECHANISM", doer, mechanism)):
            found.append(("mechanism:doer", "USES_MECHANISM", doer, mechanism))
            continue
        users = users_outside(helper_spans + speaker_spans, mechanism) or users_outside(helper_spans, mechanism)
        clause_start = _clause_bounds(text, mechanism.start, mechanism.end)[0]
        users = [i for i in users if outer[i].start >= clause_start] or users
        group = [m for m in _group_after(outer, _addressed(outer, users[0], text), text)
                 if m.end <= mechanism.start and not (m.type == "Community" and _labels_report(text, m))] \
            if users else []  # 青松街道：“…”机制唱主角: the street's office at work; a district or city labels it
        rule = "mechanism:user"
        if not group or group[-1].end == mechanism.start:
            if ctx.estate is not None and ESTATE_SUBJECT.match(text, clause_start):
                group, rule = [ctx.estate], "mechanism:estate-does"
            elif ctx.carried is not None and _allowed("USES_MECHANISM", ctx.carried, mechanism):
                group, rule = [ctx.carried], "mechanism:carried"
            elif ctx.town is not None and ctx.town.canonical.endswith(RURAL_TOWNS):
                group, rule = [ctx.town], "mechanism:town"
            elif ctx.lead is not None and _adopted_in_clause(text, clause_start, mechanism):
                group, rule = [ctx.lead], "mechanism:lead"
        found.extend((rule, "USES_MECHANISM", user, mechanism) for user in group
                     if _allowed("USES_MECHANISM", user, mechanism))
    return found


DOER_OF = {"IMPLEMENTS": re.compile(r"(?:施工|承建|进行|实施|负责)了?$"), "DESIGNED": re.compile(r"(?:设计|规划)了?$"),
           "PARTICIPATES_IN": re.compile(r"(?:参与|参加|认领)了?$"), "FUNDED": re.compile(r"(?:出资|资助|捐建)了?$")}


ROLE_IN = {"LEADS": "发起人|发起者|牵头人|牵头单位|负责人|创始人|带头人", "DESIGNED": "设计者|设计师|设计方|设计单位",
           "IMPLEMENTS": "施工方|施工单位|承建方|承建单位|建设者", "FUNDED": "出资方|出资人|捐赠者|捐赠方|赞助方",
           "PARTICIPATES_IN": "参与者|参与方|参与单位"}
IS_ROLE_IN = re.compile(r"(?:是|为|作为|担任)$")
ROLE_NAMED = {rel_type: re.compile(f"的?(?:{roles})") for rel_type, roles in ROLE_IN.items()}  # 项目的|施工方
NAMED_AS = re.compile("是|为")  # 项目的施工方|为|X


def _role_in(ctx: SentenceContext, mentions: list[Mention]) -> list[tuple[str, str, Mention, Mention]]:
    """X是“邻里花园”项目的发起人, “邻里花园”项目的施工方为X: X's role in a project is a relation to it."""
    text = ctx.sentence.text
    found = []
    for i, project in enumerate(mentions):
        if project.type != "Project":
            continue
        doer_before = mentions[i - 1] if i and IS_ROLE_IN.search(text, 0, project.start) else None
        doer_after = mentions[i + 1] if i + 1 < len(mentions) else None
        for rel_type, role_named in ROLE_NAMED.items():
            role = role_named.match(text, project.end)
            if role is None:
                continue
            named_after = doer_after is not None and NAMED_AS.fullmatch(text, role.end(), doer_after.start)
            doer = doer_before or (doer_after if named_after else None)  # 项目的施工单位为X
            if doer is not None and _allowed(rel_type, doer, project):
                found.append((f"role-in:{rel_type.lower()}", rel_type, doer, project))
    return found


def relative_relations(ctx: SentenceContext) -> list[tuple[str, str, Mention, Mention]]:
    """进行美好街区改造项目的同创建设集团: a body described by what it does to a project does it; so is one
    named as its doer (X是Y项目的发起人)."""
    text = ctx.sentence.text
    mentions = _outermost(ctx.mentions)
    found = _role_in(ctx, mentions)
    for project, doer in zip(mentions, mentions[1:]):
        if project.type != "Project" or text[project.end:doer.start] != "的":
            continue
        found.extend((f"relative:{rel_type.lower()}", rel_type, doer, project) for rel_type, verb in DOER_OF.items()
                     if verb.search(text, 0, project.start) and _allowed(rel_type, doer, project))
    return found


Rule = Callable[[SentenceContext], list[tuple[str, str, Mention, Mention]]]

RULES: dict[str, Rule] = {
    "cue": cue_relations,
    "under": under_relations,
    "aim": aim_relations,
    "benefit": benefit_relations,
    "firm": firm_relations,
    "member": member_relations,
    "place": place_relations,
    "list": list_relations,
    "hierarchy": hierarchy_relations,
    "partner": partner_relations,
    "mechanism": mechanism_relations,
    "focus": focus_relations,
    "located": located_relations,
    "relative": relative_relations,
}


def extract_relations(ctx: SentenceContext, evidence_for: Callable[[str], object]) -> list[RelationMention]:
    """Every relation the rules find in one sentence, with evidence naming the rule."""
    relations = []
    seen = set()
    for rule in RULES.values():
        for rule_id, rel_type, source, target in rule(ctx):
            key = (rel_type, source.canonical, target.canonical)
            if key in seen:
                continue
            seen.add(key)
            named_role = next((rule_id.removeprefix(p) for p in (SERVES_AS_RULE, EARLIER_TITLE_RULE)
                               if rule_id.startswith(p)), "")
            role = (named_role or source.evidence.rule.removeprefix("role:")) if rel_type == "MEMBER_OF" else ""
            relations.append(RelationMention(
                type=rel_type, source=source, target=target, evidence=evidence_for(rule_id),
                amount=amount_given_by(ctx.sentence.text, source.start) if rel_type == "FUNDED" else None,
                role=role))
    return relations
