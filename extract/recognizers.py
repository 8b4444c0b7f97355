"""Entity recognisers: each finds spans of one kind in a sentence.

A recogniser takes a sentence and the lexicon and returns ``Span`` records; it
is registered in ``RECOGNIZERS`` (the one place a new rule is added). Names are
found from their structure — type suffix, quotes, role words, address shape —
never from a list of known names.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from functools import lru_cache

import ahocorasick
import jieba
from jieba import posseg

from extract import segment
from extract.lexicon import Lexicon, build_automaton
from extract.sentences import Sentence

jieba.setLogLevel(60)
PUNCT = set("，。、；：？！“”‘’（）《》「」『』【】—…·,.;:?!()[]<>\"' \t#*|/▲△▼▽■□●○◆◇★☆※→►▶•")
QUOTES = {"”": "“", "」": "「", "』": "『", "》": "《", "\"": "\""}
COMPANY_PARENTHESES = {"）": "（", ")": "("}
QUOTE_CHARS = "“”‘’「」『』《》\"'"
PLACE_TOKENS = ("街道", "镇", "区", "市", "县", "省")
DISTRICT_ENDINGS = ("区", "县", "市")  # districts, counties and cities
DIVISION_WORDS = (*DISTRICT_ENDINGS, "省")  # a division's own word: …市|党支部 names no body
FEE_PAYING_PLACES = ("居民区", "社区", "小区", "花园", "新村", "家园", "苑", "大厦")
STREET_WORDS = ("街道", "镇")
DIVISION_ENDINGS = (*DISTRICT_ENDINGS, "镇", "乡")  # divisions with a government of their own (石门镇|人民政府)
LEGAL_COMPANY_NAME = re.compile(r"(?:物业(?:服务|管理)?)?(?:集团)?(?:股份)?有限(?:责任)?公司")  # a registered name, place first
ROAD_WORDS = ("路", "东路", "西路", "南路", "北路", "中路", "街", "大街", "巷", "大道")
LANE_ENDINGS = ("里",)  # 春晖里, 幸福里: lanes and the estates named after them
TOWNSHIP, VILLAGE = "乡", "村"
ESTATE_CHARACTERS = ("苑", "园", "庭", "府")  # 安居|苑|小区: an estate's own one-character word
ESTATE_PLACE_WORDS = ("小区", "社区", "居民区")
BRANCH_SUFFIXES = ("支行", "分行", "分公司", "地区公司", "营业部", "营业厅", "分店", "门店")
COMPANY_TYPES = ("PartnerUnit", "PropertyFirm")
HOSTS_OF_PARTY_BRANCHES = {"PartnerUnit", "GovernmentAgency", "PropertyFirm"}
ALLIANCES = ("联盟", "协会", "商会", "联合会")  # bodies of members, named by the members' kind (物业联盟)
HOSTED_TYPES = ("PartyOrganization", "VolunteerTeam")  # named after their host body
AREA_OWNED_TYPES = ("VolunteerTeam", "Committee")  # named after their residential area (和平居民区志愿者服务队)
FIELDED_TYPES = ("GovernmentAgency", "PartyOrganization")  # named after fields of work (bureaus and their branches)
ORG_TYPES = {"PartyOrganization", "Committee", "PropertyFirm", "GovernmentAgency", "PartnerUnit", "VolunteerTeam"}
JOINABLE_IN_NAMES = {"居委", "居委会", "村委会", "区委", "市委", "县委", "省委", "州委", "街道", "镇", "居民区", "社区",
                     "大学", "学院", "小区", "弄", "号楼", "路", "支路", "新村", "村", "花园", "苑", "集团", "党委", "城管",
                     "青年", "老年", "少年", "离退休", "退休", "处级", "科级", "局级", "厅级"}  # ranks: 处级干部包联制度
PROJECT_VERBS = ("打造", "建成", "建设", "启动", "推进", "开展", "实施", "举办", "创建", "推出", "开设", "设立",
                 "改造", "完成", "建起", "搭建", "成立", "上线", "开通", "设置", "辟出", "认领", "推进了")
BUILDING_VERBS = ("建设", "打造", "建成", "建起", "修建", "新建", "搭建")
MECHANISM_VERBS = ("形成", "探索", "采取", "运用", "坚持", "实行", "推行", "采用", "总结出", "建立", "构建", "健全",
                   "完善", "创新", "依托", "借助", "按照", "用好", "落实", "通过", "助推", "践行", "深化", "推广")
WAY_AFTER = re.compile(r"的?[^，。；、“”]{0,8}?(?:模式|机制|工作法|流程)")  # “邻里自治”的工作模式, “一核多元”的网格化社区治理新模式
# 一户一…, 支部+物业, 党委—党小组—院委会: parts or levels joined
MECHANISM_SHAPE = re.compile(r"一户一|^[二三四五六七八九十两][\u4e00-\u9fff]{1,2}[二三四五六七八九十两][\u4e00-\u9fff]"  # 三联三评
                             r"|[\u4e00-\u9fff][+＋][\u4e00-\u9fff]|[\u4e00-\u9fff][—－→][\u4e00-\u9fff]")
SLOGAN_AFTER = ("的理念", "理念", "的精神", "精神", "的口号", "口号", "的原则", "原则", "的氛围", "的目标", "愿景",
                "的良好氛围", "的良性循环", "的局面", "的示范效应", "的表率作用", "的作用", "的决心",
                "的号召", "的要求", "的思想", "的共识")
NAME_BREAK = set("说表介告认指的在是和与等了也都就还对向为将把")


@dataclass(frozen=True)
class Span:
    """A recognised name: [start, end) in the sentence, its type and the rule."""

    start: int
    end: int
    type: str
    rule: str
    generic: bool = False
    role: str = ""
    name: str = ""


STOP_FLAGS = {"d", "p", "c", "r", "u", "ud", "uj", "ul", "uz", "ug", "uv", "y", "e", "o",
              "q", "mq", "f", "t", "tg", "ad", "dg", "rr", "rz"}
VERB_FLAGS = {"v", "vd", "vi", "vg"}
PHRASE_FLAGS = {"l", "i", "a", "s", "z"}
ESTATE_BODY_TYPES = ("Committee", "PropertyFirm", "PartyOrganization")
FIELD_FLAGS = ("n", "vn", "l")  # fields of work in a bureau's name: 绿化, 旅游, 自然资源
VERBS_ALLOWED_IN = {"Project", "Mechanism"}
ACTIVITY_SUFFIXES = ("项目", "计划", "活动", "行动", "整治", "改造", "工程", "建设", "平台")
WHOLE_OR_EACH = re.compile(r"(?:全[省市区县镇乡村国]?|各个?|整个|每个|一些|有些|许多|不少|所有|其他)$")  # 全省街道: no one place
VILLAGE_OR_NEIGHBOURHOOD = ("社区", "村")  # the own words of places named by one noun before them (老码头|村)
DESCRIBING_FLAGS = {"a", "b", "d", "m", "r"}  # 老, 主, 全, 本: words that describe a place, never name one
GENERIC_PLACE_WORDS = {"街区", "社区", "小区", "辖区", "城区", "园区", "片区", "景区", "校区", "地区", "全区", "全市", "都市",
                       "城市"}
COUNT_AFTER = re.compile(r"\s?[0-9一二三四五六七八九十两百]+\s?[个家支处座所](?=[，。、；,;]|$)")  # 摄影楼道3个，: a kind counted
HONOUR_BEFORE = re.compile(r"(?:评为|获评|荣获|授予|命名为|获得)[“「]?$")  # 被评为|省级文明村: an honour, no place
COUNT_BEFORE = re.compile(r"[0-9一二三四五六七八九十两几]+[个家所座支处条类]$")  # 梅村三个|小区: a count of a kind
COMPANY_KIND = "企业"
MIN_COMPANY_NAME = 2  # characters of a company's own name after the kind said before it
KIND_OPENERS = ("爱心企业", "爱心商户", "爱心商家", "爱心单位", "区属国企", "市属国企", "国企", "企业")  # what a company is, said before its name


def after_kind_opener(text: str, start: int, end: int) -> int:
    """辖区企业|青松建设集团, 爱心商户|瓯江超市, 专业餐饮企业|味之源餐饮有限公司: a company's kind said before its
    name is no part of it; but 企业 before its trade (青松企业|管理有限公司) is the name's."""
    start += len(next((k for k in KIND_OPENERS if text.startswith(k, start, end)), ""))
    tokens = tokenize(text)
    for token, following in zip(tokens, tokens[1:]):
        if start <= token.start and token.end <= end - MIN_COMPANY_NAME and token.word.endswith(COMPANY_KIND) \
                and following.flag not in VERB_FLAGS | {"vn"}:
            start = token.end
    return start


ARTICLES = ("一个", "一张", "一份", "一套", "一项")  # "a": a way is never named by one of these
LEADING_COUNT = re.compile(r"[0-9一二三四五六七八九十两几多]+\s?[个项家所座支处条批张份套]")
NUMERALS = "一二三四五六七八九十两"
OFFICE_BRANCH = re.compile(rf"机关(?:第?[{NUMERALS}\d]+)?")  # 财政局|机关一|支部: the branch of an office's staff
LIST_COUNT = re.compile(rf"[0-9{NUMERALS}]+[种类项大套]")  # “A”“B”三种模式: the kind a list is of
QUOTED_LIST_COUNT = re.compile(rf"[”」』]{LIST_COUNT.pattern}[\u4e00-\u9fff]{{0,4}}$")  # “A”“B”三种|治理|模式
COUNT_WORD = re.compile(rf"[0-9{NUMERALS}几多]+[个间座家所支处条项批台部栋幢场次套张块盏组]")
NUMBER_STEM = re.compile(r"^(?:[一二三四五六七八九十两几多\d]+(?:大|大?[个座家支条项位名场次批类号份套本块面间])"
                         r"|第[一二三四五六七八九十\d]+届)$")  # 3大类, 三大, 17号


def jieba_words() -> dict[str, int]:
    """jieba's dictionary (words and their prefixes, with frequencies). It loads on first use, so it is loaded
    here: asked before any cut it would be empty, and the first document of a process read differently."""
    jieba.dt.check_initialized()
    return jieba.dt.FREQ


def in_dictionary(word: str) -> bool:
    return bool(jieba_words().get(word))


def _is_boundary(word: str, flag: str, lexicon: Lexicon, type_name: str = "", adjacent: bool = True,
                 topic: bool = False) -> bool:
    """True when a token cannot be part of a name of ``type_name`` (it ends the name on the left).

    Project and mechanism names may hold verbs right before their type word
    (加装|电梯, 停放|登记|制度), but a verb left of a noun starts the clause, not the name.
    Mechanisms are ways of running bodies, so a body's type word further left is part of their name
    (物业|区域化|管理模式).
    """
    if word in PUNCT or all(c in PUNCT for c in word) or lexicon.is_stop(word):
        return True
    if TERM_OF_OFFICE.fullmatch(word) and type_name != "Project":
        return True  # 小区|第二届|业委会: a body's term is no part of its name, but 第二届|篮球赛 is the event's
    if type_name == "PropertyFirm" and lexicon.suffix_type.get(word) == "PartyOrganization":
        return True  # 联合党委|联合大厦物业: no firm is named after a party body
    if word in JOINABLE_IN_NAMES or re.fullmatch(r"[0-9A-Za-z]+|第.+|[一二三四五六七八九十\d]+期", word):
        return False  # 花园|一期|小区: an estate's phase is part of its name
    if flag == "s" and (type_name == "Community" or type_name in ESTATE_BODY_TYPES and word[0] in "东西南北"):
        return False  # 东方|新地|小区(业委会): a direction word in an estate's name, and in its bodies' names
    if flag == "f" and type_name == "PartnerUnit" and re.fullmatch(r"[东南西北][东南西北方]", word):
        return False  # 南方|建筑大学, 西北|医院: a region names an institution
    if re.fullmatch(r"\d+[年月日]", word):
        return True
    if type_name in HOSTED_TYPES and lexicon.suffix_type.get(word) in HOSTS_OF_PARTY_BRANCHES:
        return False  # 银行|党支部, 医院|志愿者服务队: a company's or an office's own party organisation or team
    if not in_dictionary(word):
        return lexicon.suffix_type.get(word[:1]) in ORG_TYPES  # 农业农村|局将|青禾村: a body's type word, glued on
    if flag in STOP_FLAGS or flag in PHRASE_FLAGS and len(word) > 2 and word[-2:] in lexicon.left_stop_words:
        return True  # 积极|参与: a set phrase ending in a verb that opens a clause
    if type_name in FIELDED_TYPES and flag in FIELD_FLAGS and word not in lexicon.suffix_type:
        return False  # 自然资源|局(党支部): a bureau's field of work
    if type_name == "GovernmentAgency" and flag in VERB_FLAGS and adjacent:
        return False  # 医疗|保障|局, 市场|监督|管理局: a bureau named by its task
    if flag == "l" and len(word) == 3 and type_name == "VolunteerTeam":
        return False  # 夕阳红|志愿者服务队: a team named by a set phrase
    if flag in VERB_FLAGS or flag in PHRASE_FLAGS:
        return not topic and (type_name not in VERBS_ALLOWED_IN or (not adjacent and flag in VERB_FLAGS))
    names_body = lexicon.suffix_type.get(word) in ORG_TYPES or (
        type_name == "Project" and len(word) > 2 and lexicon.type_by_ending(word) in ORG_TYPES)  # 管理局|出资建设|书屋
    return names_body and not ((topic or type_name == "Mechanism") and not adjacent)


@dataclass(frozen=True)
class Token:
    start: int
    end: int
    word: str
    flag: str


@lru_cache(maxsize=4096)
def tokenize(text: str) -> tuple[Token, ...]:
    """jieba tokens of a sentence with their dictionary part of speech ('x' for guessed words).

    One segmentation per sentence, shared by the recognisers (with HMM, so unknown
    names stay whole); the part of speech is a dictionary look-up, which is all the
    boundary rules need.
    """
    tags = posseg.dt.word_tag_tab
    tokens, position = [], 0
    for word in segment.cut(text):
        if word == "里" and tokens and tokens[-1].word in DIRECTIONS:  # 松园|北里|社区: a place's part, not "inside"
            tokens[-1] = Token(tokens[-1].start, position + 1, tokens[-1].word + word, "x")
            position += 1
            continue
        pieces = _unglued(word, tags)
        if tokens and tokens[-1].flag == "ns" and len(word) >= 3 and word[0] in RURAL_TOWNS and word not in tags:
            pieces = (word[0], word[1:])  # 三阳|乡柳溪|村: the town's type word, glued to the village after it
        for piece in pieces:
            flag = "p" if word in BY_WAY_OF_DIVISION and piece == word[0] else _place_tag(piece, tags)
            tokens.append(Token(position, position + len(piece), piece, flag))
            position += len(piece)
    return tuple(tokens)


def _place_tag(word: str, tags: dict[str, str]) -> str:
    """A word's part of speech; a direction and a landform (南岸, 北麓), which jieba tags as a direction or a
    locality, is a place's name ("ns") as 河西 is: 南岸|社区."""
    if len(word) == 2 and word[0] in DIRECTIONS and word[1] in LANDFORMS:
        return "ns"
    return tags.get(word, "x")


DIRECTIONS = ("东", "南", "西", "北", "中")
LANDFORMS = "岸麓"  # after a direction, a place's name (南岸, 北麓)
FAMILY = "家"  # 王家村, 马家湾: a family's place
MEASURE_WORDS = ("个", "位", "名", "家", "支", "所")  # 3名|党员; but 名苑 is an estate's word
TERM_OF_OFFICE = re.compile(r"第.+届")  # 第二届: a body's term of office, or an event's edition
DIRECTION_PARTS = tuple(direction + "里" for direction in DIRECTIONS)  # 北里, 西里: quarters of a place
GLUED_PREPOSITIONS = "由在把被将与从对于让给"  # the segmenter's guess glues them to a name after or before them
GLUED_VERBS = "到向"  # 副局长李青到|小区: a name the segmenter's guess glued to the verb after it
VERB_RESULTS = "到进入在强好"  # 建到|小区, 建强|支部: a verb and its result, which the segmenter guesses as one word
DIVISION_CHARACTERS = "区市县镇乡"  # the type words of divisions, which a guessed word may glue to a preposition
BY_WAY_OF_DIVISION = ("经区", "经市", "经县")  # dictionary words that here are 经 and a division: 经|区住建局批准


def _unglued(word: str, tags: dict[str, str]) -> tuple[str, ...]:
    """A word the segmenter only guessed that glues a preposition or a verb to a name (会议由青禾|路社区,
    李青到|小区), or a one-character verb to its result (把支部建|到小区, 建|强支部), is the two words, as is
    经 before a division (经|区住建局); any other word is itself."""
    if word in BY_WAY_OF_DIVISION:
        return word[0], word[1]
    if word in tags:
        return (word,)
    if len(word) == 2 and word[0] in GLUED_PREPOSITIONS and word[1] in DIVISION_CHARACTERS:
        return word[0], word[1]  # 推送给|区城管执法局: jieba guessed 给区
    if len(word) == 2 and word[1] in VERB_RESULTS and tags.get(word[0]) in VERB_FLAGS:
        return word[0], word[1]
    if len(word) < 3:
        return (word,)
    if word[0] in GLUED_PREPOSITIONS:
        return word[0], word[1:]
    if word[-1] in GLUED_PREPOSITIONS + GLUED_VERBS:
        return word[:-1], word[-1]
    return (word,)


def _tokens_before(tokens: tuple[Token, ...], text: str, position: int, cut_is_name: bool = False,
                   place: bool = False) -> list[Token]:
    """Tokens left of ``position``; one that straddles it is cut there (a cut proper name stays a name part, and so
    does any cut word when ``cut_is_name``: 青|松|花苑, where jieba read 松花 and 松 alone is a verb). Before a
    place's type word, two characters or more cut from a word jieba read with it, no word of their own, are the
    place's name (下坪|村)."""
    left = []
    for token in tokens:
        if token.end <= position:
            left.append(token)
        elif token.start < position:
            word = text[token.start:position]
            flag = token.flag if token.flag in PROPER_FLAGS or cut_is_name else posseg.dt.word_tag_tab.get(word, "x")
            flag = "ns" if place and len(word) >= 2 and not in_dictionary(word) else flag
            left.append(Token(token.start, position, word, flag))
            break
        else:
            break
    return left


MAX_SINGLE_CHARACTERS = 3  # characters of a name the segmenter may cut one by one (黔|安, 望|湖)


def _single_characters(left: list[Token], index: int, lexicon: Lexicon) -> int:
    """How many one-character tokens, none a function word, end at ``index`` one after the other."""
    run = 0
    while run < MAX_SINGLE_CHARACTERS and index - run >= 0:
        token = left[index - run]
        if (len(token.word) != 1 or not CJK_WORD.fullmatch(token.word) or token.flag in STOP_FLAGS
                or token.word in NAME_BREAK or token.word in GLUED_PREPOSITIONS or lexicon.is_stop(token.word)
                or run and token.end != left[index - run + 1].start or not run and token.flag in DESCRIBING_FLAGS):
            break  # 出|好|物业: a word that describes the kind ends no name
        run += 1
    return run


REGISTERED_ORGANISATION = re.compile(r"(?:社会工作|社工|公益)服务(?:中心|社)|公益发展中心")  # a social organisation's
REGISTERED_FIRM = re.compile(r"物业[\u4e00-\u9fff]{0,4}有限(?:责任)?公司")  # 物业服务有限公司: a registered name's form


BODY_KINDS = ("党组织", "组织", "企业", "单位")  # what a listed party is, when no type word names it


def _lists_bodies(inner: str, lexicon: Lexicon) -> bool:
    """社区党组织、业委会、物业企业: a quoted list of bodies, each named by its kind."""
    items = inner.split("、")
    return len(items) > 1 and all(lexicon.type_by_ending(item) in ORG_TYPES or item in lexicon.generic_mentions
                                  or item.endswith(BODY_KINDS) for item in items)


def left_extend(text: str, suffix_start: int, lexicon: Lexicon, type_name: str = "",
                tokens: tuple[Token, ...] | None = None) -> int:
    """Start of the name whose type suffix begins at ``suffix_start``.

    Walks jieba tokens leftwards. Words jieba only guessed (not in its dictionary)
    are name parts; dictionary words end the name when they are function words,
    verbs or set phrases (by part of speech), another body's type word, or a
    larger place already named ("六合场街道|松韵居民区"), unless the name is only a kind of institution
    (长宁区妇幼保健院). A quoted part (“琪园”模式)
    is taken whole; of quoted parts in a row (“商议”“决议”“五议”闭环) only the last
    names the thing, the others list its parts. A quoted slogan (“一核多方，协同共治”)
    before a name is not part of it. A quoted single character stresses a word inside a descriptive name
    (社区文明养宠“微”治理平台): the words before it, verbs too, are the name's. A group named by its task
    keeps the verbs that open it (加装电梯|工作小组).
    """
    limit = lexicon.max_name_length
    verbs_ok = type_name == "Mechanism" or text.startswith(ACTIVITY_SUFFIXES, suffix_start)
    topic = text.startswith(lexicon.topic_suffixes, suffix_start)
    branch = text.startswith(BRANCH_SUFFIXES, suffix_start)
    registered = (type_name == "PropertyFirm" and bool(REGISTERED_FIRM.match(text, suffix_start))
                  or type_name == "PartnerUnit" and bool(LEGAL_COMPANY_NAME.match(text, suffix_start)
                                                         or REGISTERED_ORGANISATION.match(text, suffix_start)))
    alliance = text.startswith(ALLIANCES, suffix_start)
    place_word = type_name == "Community" and text[suffix_start:suffix_start + 2] in lexicon.suffix_type
    left = _tokens_before(tokens if tokens is not None else tokenize(text), text, suffix_start,
                          cut_is_name=place_word, place=type_name == "Community")
    start = suffix_start
    after_host: int | None = None  # where the name starts after the host of two fields (X学院|A与B|学院)
    taken: list[tuple[str, str]] = []
    index = len(left) - 1
    while index >= 0:
        token = left[index]
        if token.word in COMPANY_PARENTHESES and token.end == start and type_name in COMPANY_TYPES:
            opening = text.rfind(COMPANY_PARENTHESES[token.word], max(0, token.start - 5), token.start)
            if opening < 0 or not re.fullmatch(r"[\u4e00-\u9fff]{1,4}", text[opening + 1:token.start]):
                return start
            start = opening  # 青禾置业（集团）有限公司, 松涛建设（上海）有限公司: the group or region is the name's
            taken.append((text[opening:token.end], "x"))
            while index >= 0 and left[index].start >= opening:
                index -= 1
            continue
        if token.word in QUOTES:
            opening = text.rfind(QUOTES[token.word], 0, token.start)
            inner = text[opening + 1:token.start]
            if opening < 0 or not inner or any(c in "。！？；" for c in inner) or suffix_start - opening > limit + 4:
                return start
            if taken and (any(c in "，," for c in inner) or _named_after_place(type_name, taken, lexicon)):
                return start
            if _lists_bodies(inner, lexicon):
                return start  # “居委会、业委会、物业企业”三方联席会议: the bodies it joins, listed before it
            taken.append((text[opening:token.end], "x"))
            start = opening
            topic = topic or len(inner) == 1  # 小区停车“微”治理平台: a quoted modifier inside a descriptive name
            while index >= 0 and left[index].start >= opening:
                index -= 1
            if index >= 0 and (left[index].word in QUOTES or lexicon.type_by_ending(text[:opening]) in ORG_TYPES):
                return start  # 居委会、业委会、物业|“三方共商”议事机制: the bodies it joins, listed before it
            continue
        if suffix_start - token.start > limit:
            return after_host if after_host is not None else start  # a host cut short: its part alone
        if _opens_abbreviation(left, index):
            return token.start
        host = _host_of_two_fields(left, index, taken, lexicon)
        if host >= 0:
            start = after_host = left[host + 1].start
            taken.extend((t.word, t.flag) for t in reversed(left[host + 1:index + 1]))
            index = host
            continue
        if _place_opens_institution(left, index, taken, type_name):
            start = left[index - 1].start
            taken.extend([(token.word, token.flag), (left[index - 1].word, left[index - 1].flag)])
            index -= 2
            continue
        if registered and not taken and len(token.word) == 2 and token.flag in VERB_FLAGS \
                and not lexicon.is_stop(token.word):
            # 安居|物业服务有限公司, 电梯安装|有限公司: a registered firm's own word or trade, though jieba tags it a verb
            start = token.start
            taken.append((token.word, "nz"))
            index -= 1
            continue
        run = _single_characters(left, index, lexicon) if type_name in COMPANY_TYPES and not taken else 0
        if run >= 2:
            start = left[index - run + 1].start  # 黔|安|物业服务有限公司, 望|湖|农贸市场: a name cut into characters
            taken.append((text[start:token.end], "nz"))
            index -= run
            continue
        if (_word_names_firm(left, index, taken, type_name)
                or _adjective_opens_name(left, index, taken, lexicon, type_name)):
            return token.start
        if alliance and not taken and lexicon.suffix_type.get(token.word) in COMPANY_TYPES:
            start = token.start  # 青松物业|联盟: the kind of its members names an alliance
            taken.append((token.word, "n"))
            index -= 1
            continue
        if branch and lexicon.suffix_type.get(token.word) in COMPANY_TYPES:
            start = token.start  # 农商银行|枫泾|支行, 青禾物业|南城|分公司: a branch carries its company's name
            taken.append((token.word, token.flag))
            index -= 1
            continue
        if taken and (taken[-1][0] in ROAD_WORDS or _names_estate(left, index, text)) \
                and len(token.word) > 1 and token.flag not in STOP_FLAGS \
                and not lexicon.is_stop(token.word) and not lexicon.suffix_type.get(token.word):
            start = token.start  # 团结|路|26号院, 建设|路|小学, 丰收|苑|小区: a road or an estate is named by any
            # word, a verb too
            taken.append((token.word, "ns"))  # a place name's word now, which no verb trimming drops
            index -= 1
            continue
        if taken and taken[-1][0] == "村" and _names_village(token, lexicon):
            start = token.start  # 山下|村|党支部: a village named by a place word
            taken.append((token.word, "ns"))
            index -= 1
            continue
        if _is_town_of_government(left, index, taken, type_name, lexicon):
            start = token.start  # 白鹤|镇|人民政府, 青|山镇|人民政府: a town jieba does not know, whose government it is
            taken.append((token.word, "ns"))
            index -= 1
            continue
        if token.word in FIELD_HOSTS and type_name in DIVISION_BODIES and index > 0 \
                and not text.startswith(TOWN_WORDS, suffix_start) and not _names_a_place(taken, lexicon) \
                and _names_division(left[index - 1], token, lexicon):
            start = left[index - 1].start  # 松涛|区|民政局: a district jieba does not know, cut off its 区
            taken.extend([(token.word, "ns"), (left[index - 1].word, "ns")])
            index -= 2
            continue
        if token.word in LANE_ENDINGS and index > 0 and _names_lane(left[index - 1], token, lexicon):
            start = left[index - 1].start  # 春晖|里|社区: a lane's name ends in 里, though jieba reads "inside"
            taken.extend([(token.word, "ns"), (left[index - 1].word, "ns")])
            index -= 2
            continue
        if (type_name == "Community" and not taken and token.word == FAMILY and token.end == suffix_start
                and index > 0 and left[index - 1].word in lexicon.surnames):
            return left[index - 1].start  # 马|家|村: a village named after a family, though 家 counts elsewhere
        if (type_name == "Community" and token.word in lexicon.surnames and len(taken) == 1
                and suffix_start - token.end == 1):
            return token.start  # 段|庄村, 张|楼村: a village named by a family and one place word, its surname a count word too
        if COUNT_WORD.fullmatch(token.word) and taken and type_name != "Mechanism":
            break  # 建起一间|青松书屋: a count of the thing; but “党群”六个微空间, 四张清单工作机制 are named by theirs
        if _quality_names_place(left, index, taken, lexicon, type_name):
            return token.start  # 幸福|社区|党委: a quality that names no body of its own names the 社区 whose body it is
        verb_run = all(flag in VERB_FLAGS for _, flag in taken)  # only verbs taken so far: still "adjacent"
        if type_name == "Project" and taken and not verb_run and token.word in BUILDING_VERBS and index > 0 \
                and (left[index - 1].flag in VERB_FLAGS or lexicon.type_by_ending(left[index - 1].word) == "Community"):
            break  # 大溪村建设|村民议事长廊: a place building what is named after it, though jieba reads a noun
        if _is_boundary(token.word, token.flag, lexicon, type_name,
                        adjacent=verb_run and (verbs_ok or topic or type_name == "GovernmentAgency"),
                        topic=topic):
            break
        if lexicon.suffix_type.get(token.word) == "Mechanism" and type_name != "Mechanism":
            break
        lead_in = glued_stop_prefix(token, lexicon)
        if lead_in == len(token.word) or (lead_in and not taken and len(token.word) - lead_in == 1):
            break  # 做实|党工委: one character left after the verb is the verb's, not a name
        if lead_in:
            start = token.start + lead_in
            taken.append((token.word[lead_in:], "x"))
            break
        if type_name == "Community" and token.word == "社区" and suffix_start - start >= 2:
            break  # 青松社区|翠湖小区: an estate inside a 社区 is a place of its own
        if _ends_place_before(left, index, suffix_start):
            return token.start + 1
        if (type_name == "Community" and token.flag == "ns" and suffix_start - start >= 2
                and text[suffix_start:suffix_start + 1] in "区县"):
            break
        if (type_name == "Community" and text[suffix_start:suffix_start + 1] in "市省" and len(taken) == 1
                and taken[0][1] == "ns" and suffix_start - start >= 2):
            break  # 企业|嘉兴市: a city or province is named by one place word
        if type_name in AREA_OWNED_TYPES and token.word == "居民区" and index > 0 \
                and not _is_boundary(left[index - 1].word, left[index - 1].flag, lexicon):
            start = token.start  # 和平居民区|志愿者服务队, 和平居民区|自治委员会: an area's own team or committee
            taken.append((token.word, token.flag))
            index -= 1
            continue
        if (_names_bureau(type_name, taken, lexicon) and token.word.endswith(DIVISION_ENDINGS) and len(token.word) > 2
                and token.word not in GENERIC_PLACE_WORDS):
            return token.start  # 金山区|民政局(党支部), 石门镇|人民政府: a division's own bureau, or its branch
        if _township_of_village(token, text, suffix_start) and type_name not in COMPANY_TYPES and taken:
            return start  # 河西乡|李家庄村(党支部): a village's name starts after its township, which jieba knows
        if token.word.endswith(PLACE_TOKENS) and token.word not in GENERIC_PLACE_WORDS and suffix_start - start >= 2 \
                and not (type_name in ("PartnerUnit", "GovernmentAgency") and all(_is_kind_word(w, f) for w, f in taken)) \
                and not (type_name != "Community" and all(w in GENERIC_PLACE_WORDS for w, _ in taken)):  # 南桥镇|社区|党群服务中心
            if token.flag == "ns" and LEGAL_COMPANY_NAME.match(text, suffix_start):
                return token.start  # 嘉兴市|青禾|物业有限公司: a registered company name opens with its city
            before = left[index - 1] if index else None
            if token.word in PLACE_TOKENS and (before is None or _is_boundary(before.word, before.flag, lexicon)):
                return token.start
            return start
        start = token.start
        taken.append((token.word, token.flag))
        index -= 1
    return start if topic else _trim_verbs(start, taken)


LOCAL_NAME_WORDS = ("居民区", "街道", "居委会", "居委", "物业")  # local places and bodies, named by a short proper name
ENCLOSING_PLACES = ("镇", "乡", "街道", "区", "县")  # right after one of these, what comes before the type word is a name
LOCAL_NAME_FLAGS = {"x", "a", "i", "l", "s", "f", "zg", "ns", "nz", "nr", "nt", "nrt"}  # guessed, adjective, set
# phrase, place or direction word, proper name
MAX_LOCAL_STEM = 4


def _local_stem_start(text: str, suffix_start: int, tokens: tuple[Token, ...], lexicon: Lexicon) -> int:
    """A local place or body has a name of its own, even one made of words that end other names
    (高|行居民区, 中里, 和谐, 共和|新, 东方物业, 中|房物业): the shortest run of such words before its type
    word that is two characters long and not only function words (在|本居民区 names none); right after the larger
    place it lies in, even one opening with a verb (浦东新区|为民居民区)."""
    left = _tokens_before(tokens, text, suffix_start)
    start, named = suffix_start, False
    for index in range(len(left) - 1, -1, -1):
        token = left[index]
        if not re.match(r"[\u4e00-\u9fff]", token.word) or token.word in lexicon.suffix_type \
                or token.flag.startswith("u") or token.word in lexicon.negations or token.flag in ("p", "c"):
            break  # 最大|的|物业公司, 建设局|对|物业: a particle or preposition ends the phrase before the name;
            # 小区|没有|物业 names none
        after_place = index > 0 and left[index - 1].word.endswith(ENCLOSING_PLACES)  # 浦东新区|为民|居民区
        if posseg.dt.word_tag_tab.get(token.word[0]) in VERB_FLAGS and (len(token.word) == 1 or token.flag == "x") \
                and not after_place:
            break  # 插|上|居委会: a verb and what follows it are the verb's phrase
        if len(token.word) > 1 and (token.flag not in LOCAL_NAME_FLAGS and not after_place
                                    or token.word in lexicon.generic_heads):
            break
        if token.flag == "x" and posseg.dt.word_tag_tab.get(token.word[-1]) == "p":
            break  # 治理中为|物业: a preposition jieba glued on opens what follows, no name
        start = token.start
        named = named or not (lexicon.is_stop(token.word) or token.word in lexicon.generic_heads)
        if suffix_start - start >= 2:
            return start if named and suffix_start - start <= MAX_LOCAL_STEM else suffix_start
    return suffix_start


def _names_village(word: Token, lexicon: Lexicon) -> bool:
    """A two-character place word (山下, 河东) right before 村 is the village's name."""
    return (word.flag == "s" and len(word.word) == 2 and not lexicon.is_stop(word.word)
            and word.word not in lexicon.generic_heads)


def _township_of_village(token: Token, text: str, suffix_start: int) -> bool:
    """A township (河西乡, which jieba tags a place, or 东风|乡) before the words of a village's name."""
    township = token.word == TOWNSHIP or token.word.endswith(TOWNSHIP) and token.flag == "ns"
    return township and VILLAGE in text[token.end:suffix_start + len(VILLAGE)]


def _names_estate(left: list[Token], index: int, text: str) -> bool:
    """The token after ``index`` is an estate's one-character word right before its place word (丰收|苑|小区)."""
    after = left[index + 1] if index + 1 < len(left) else None
    return after is not None and after.word in ESTATE_CHARACTERS and text.startswith(ESTATE_PLACE_WORDS, after.end)


def _names_lane(word: Token, ending: Token, lexicon: Lexicon) -> bool:
    """A proper or plain noun right before 里 names a lane (春晖|里), unless it is a type or generic word (小区|里)."""
    return (word.end == ending.start and len(word.word) >= 2 and word.flag in PROPER_FLAGS | {"x", "n"}
            and word.word not in lexicon.suffix_type and word.word not in lexicon.generic_heads
            and not lexicon.is_stop(word.word))


def _names_bureau(type_name: str, taken: list[tuple[str, str]], lexicon: Lexicon) -> bool:
    """The name taken so far is a bureau's, or that of a body hosted by a bureau (民政局|党支部)."""
    if type_name == "GovernmentAgency":
        return bool(taken)
    return type_name in HOSTED_TYPES and any(lexicon.type_by_ending(word) == "GovernmentAgency" for word, _ in taken)


def _named_after_place(type_name: str, taken: list[tuple[str, str]], lexicon: Lexicon) -> bool:
    """A place or office, or a body named after a place (“每月一题”|柳荫街道, “每月一题”|松涛街道党工委): quoted words
    before it open no part of its name, unlike a kind's (“红马甲”巡逻队, “红心”党员巡逻队)."""
    return type_name in ("Community", "GovernmentAgency") or any(
        lexicon.suffix_type.get(word) == "Community" for word, _ in taken)


def _word_names_firm(left: list[Token], index: int, taken: list[tuple[str, str]], type_name: str) -> bool:
    """A two-character word alone between a list mark and 物业 is the firm's name (、安居|物业), verb or not;
    after a comma, or a heading's number (二、引入|物业), it is the clause's verb (，推动|物业参加)."""
    token = left[index]
    return (type_name == "PropertyFirm" and not taken and len(token.word) == 2
            and token.flag in VERB_FLAGS | PHRASE_FLAGS and index > 0 and left[index - 1].word == "、"
            and not (index > 1 and re.fullmatch(rf"[{NUMERALS}\d]+", left[index - 2].word)))


RURAL_TOWNS = ("镇", "乡")
TOWN_WORDS = (*RURAL_TOWNS, "街道")
DISTRICT_AFTER_CITY = re.compile(r"(?<=[市州])[\u4e00-\u9fff]{2}$")
AFTER_COUNTY = r"(?:(?<=[县市旗])|(?<=(?<![社小辖园片街校景城])区))"  # not 社区|上报街道
TOWN_AFTER_COUNTY = re.compile(rf"{AFTER_COUNTY}[\u4e00-\u9fff]{{2}}$")
DIRECTION_AFTER_COUNTY = re.compile(rf"{AFTER_COUNTY}[东南西北]$")


def _characters_after(division: re.Pattern, text: str, start: int, suffix_start: int) -> int:
    """Right after a larger division, the characters ``division`` counts before a place's type word are its name,
    however jieba cut them (松阳县|古|市镇: 古市镇 with TOWN_AFTER_COUNTY, 杭州市|上|城区: 上城区 with
    DISTRICT_AFTER_CITY)."""
    match = division.search(text, 0, suffix_start)
    return match.start() if match else start


THREE_CHARACTERS_AFTER_COUNTY = re.compile(rf"{AFTER_COUNTY}[\u4e00-\u9fff]{{3}}$")


def _one_character_cut_off(text: str, start: int, suffix_start: int, lexicon: Lexicon) -> int:
    """Right after a larger division, a character jieba read as a word of its own, no function word, opens the
    name of the street or town after it (南明区|花|果园街道)."""
    opened = _characters_after(THREE_CHARACTERS_AFTER_COUNTY, text, start, suffix_start)
    return opened if not lexicon.is_stop(text[opened]) else start


TWO_CHARACTER_TOWN = re.compile(rf"[\u4e00-\u9fff]{{2}}(?:{'|'.join(TOWN_WORDS)})")


def _direction_opening_town(text: str, start: int, end: int) -> int:
    """Right after a county or district, a direction opens the name of the street or town after it (槐荫区|西|市场街道),
    and of its bodies."""
    if TWO_CHARACTER_TOWN.match(text, start, end) and DIRECTION_AFTER_COUNTY.search(text, 0, start):
        return start - 1
    return start


def _ends_common_word(text: str, suffix_start: int, suffix: str, lexicon: Lexicon) -> bool:
    """The type word ends a common word (山村, 城镇, 城区), unless a place name ends right before it: 青山|村,
    石城|镇 and 东城|区 are places. After a division's own word (…市|党支部) it is never a body's name."""
    word = next((w for w in lexicon.not_after.get(suffix, ()) if text.endswith(w, 0, suffix_start)), "")
    place = text[max(0, suffix_start - len(word) - 1):suffix_start]
    if suffix in TOWN_WORDS and TOWN_AFTER_COUNTY.search(text, 0, suffix_start):
        return False  # 松阳县|古市镇: a town's name right after its county
    stem = text[suffix_start - 2:suffix_start]
    if suffix == "区" and DISTRICT_AFTER_CITY.search(text, 0, suffix_start) \
            and not (in_dictionary(stem) and _kind_of_place(stem + suffix)):
        return False  # 泉州市|鲤城区, 杭州市|上城区: a district's name right after its city (not 泉州市|老城区)
    return bool(word) and (word in DIVISION_WORDS or posseg.dt.word_tag_tab.get(place) != "ns"
                           or _word_after_region(text, suffix_start - len(word), suffix_start + len(suffix)))


REGION_WORDS = ("山区", "城市")  # a region's mountains, its cities


def _word_after_region(text: str, start: int, end: int) -> bool:
    """jieba reads the type word with the character before it as a common word after a region's name (黔南|山区,
    城东|城市运营集团), not a district named by one character more (中|山区, of 大连中山区)."""
    tokens = tokenize(text)
    return any(token.start == start and token.end == end and token.word in REGION_WORDS
               and index > 0 and len(tokens[index - 1].word) >= 2 for index, token in enumerate(tokens))


QUALITY_FLAGS = ("a", "an", "vn", "b")  # 幸福, 团结, 胜利, 新兴: words that name many a 社区 or 村


def _quality_names_place(left: list[Token], index: int, taken: list[tuple[str, str]], lexicon: Lexicon,
                         type_name: str) -> bool:
    """A quality opening a clause right before 社区 or 村 in a local body's name is the place's name
    (幸福|社区|居委会): a quality alone (建设|幸福社区) is a slogan, but a slogan has no committee."""
    return (type_name in ESTATE_BODY_TYPES and len(taken) == 1 and taken[0][0] in VILLAGE_OR_NEIGHBOURHOOD
            and _quality_opens(left, index, lexicon))


def _quality_opens(left: list[Token], index: int, lexicon: Lexicon) -> bool:
    """A two-character quality (幸福, 胜利), no generic one (文明), that opens its clause."""
    token = left[index]
    return (len(token.word) == 2 and token.flag in QUALITY_FLAGS and token.word not in lexicon.generic_heads
            and (index == 0 or _is_boundary(left[index - 1].word, left[index - 1].flag, lexicon)))


def _adjective_opens_name(left: list[Token], index: int, taken: list[tuple[str, str]], lexicon: Lexicon,
                          type_name: str = "") -> bool:
    """A lone adjective opening a clause (or right after the larger place) before a proper name, or before a
    place's own word, is the name's first word (由|新|长宁|物业, 老|渡口|村, 街道|近|春园|社区)."""
    token = left[index]
    return (len(token.word) == 1 and token.flag == "a" and bool(taken)
            and (taken[-1][1] in PROPER_FLAGS or _names_place(taken, type_name, lexicon))
            and (index == 0 or _is_boundary(left[index - 1].word, left[index - 1].flag, lexicon)
                 or left[index - 1].word.endswith(ENCLOSING_PLACES)))


def _names_place(taken: list[tuple[str, str]], type_name: str, lexicon: Lexicon) -> bool:
    """The words taken so far are a place's own name: one specific noun before 社区 or 村."""
    word, flag = taken[-1]
    place = type_name == "Community" if len(taken) == 1 else taken[-2][0] in VILLAGE_OR_NEIGHBOURHOOD
    return place and flag == "n" and len(word) == 2 and word not in lexicon.generic_heads


def _place_opens_institution(left: list[Token], index: int, taken: list[tuple[str, str]], type_name: str) -> bool:
    """A verb right after a place name is inside an institution's name (上海|应用|技术大学)."""
    return (type_name == "PartnerUnit" and bool(taken) and left[index].flag in VERB_FLAGS and index > 0
            and left[index - 1].flag == "ns")


def _is_kind_word(word: str, flag: str) -> bool:
    """A dictionary word that is no place or organisation name (慈善, 妇幼保健; jieba may tag them as names of people)."""
    return in_dictionary(word) and flag not in ("ns", "nt", "nz")


def _opens_abbreviation(left: list[Token], index: int) -> bool:
    """A lone position word opening a clause is the first character of an abbreviation (；上|理工设计团队)."""
    token = left[index]
    return len(token.word) == 1 and token.flag == "f" and (index == 0 or left[index - 1].word in PUNCT)


FIELD_HOSTS = ("区", "市", "县", "省", "州", "旗")  # 区园林和市容管理局, 县文化和旅游局
FIELD_HOST_ENDINGS = ("大学", "学院")  # 澄江大学国际关系与公共事务学院
MAX_FIELD_WORDS = 2


def _is_field_word(token: Token, lexicon: Lexicon) -> bool:
    """A field of work or a task (绿化, 住房|保障) as it stands in a body's name."""
    return (token.flag in FIELD_FLAGS or token.flag in VERB_FLAGS) and in_dictionary(token.word) \
        and token.word not in lexicon.suffix_type and lexicon.type_by_ending(token.word) not in ORG_TYPES


DIVISION_BODIES = ("GovernmentAgency", "PartyOrganization")  # offices and committees named after their division
CJK_WORD = re.compile(r"[\u4e00-\u9fff]+")


def _names_a_place(taken: list[tuple[str, str]], lexicon: Lexicon) -> bool:
    """The words of a name taken so far hold a smaller place (青石县|南岭镇党委 is the town's, named by the town)."""
    return any(lexicon.type_by_ending(word) == "Community" for word, _ in taken)


def _is_town_of_government(left: list[Token], index: int, taken: list[tuple[str, str]], type_name: str,
                           lexicon: Lexicon) -> bool:
    """A lone 镇 or 乡, or a two-character word ending in one, right before (人民)政府, after a word that names
    it: the town's name, which goes on to the left."""
    token = left[index]
    town = token.word in RURAL_TOWNS and index > 0 and _names_division(left[index - 1], token, lexicon) \
        or len(token.word) == 2 and token.word.endswith(RURAL_TOWNS) and token.flag == "ns"
    return type_name == "GovernmentAgency" and town and all(word == "人民" for word, _ in taken)


def _names_division(name: Token, host: Token, lexicon: Lexicon) -> bool:
    """A word right before a lone 区/县/市 names that division (松涛|区, 青石|县), unless it is a function or common
    word of the sentence (辖|区 is one word; 各|区 names none)."""
    return (name.end == host.start and len(name.word) >= 2 and bool(CJK_WORD.fullmatch(name.word))
            and name.flag not in STOP_FLAGS and name.flag not in VERB_FLAGS and not lexicon.is_stop(name.word)
            and name.word not in lexicon.generic_heads and not lexicon.suffix_type.get(name.word)
            and name.word + host.word not in GENERIC_PLACE_WORDS)


def _host_of_two_fields(left: list[Token], index: int, taken: list[tuple[str, str]], lexicon: Lexicon) -> int:
    """Index of the host when a 和/与 joins two fields of work inside one body's name (区|住房|保障|和|房屋|管理局); else -1.

    Only when the fields are plain words right after a district or university that
    owns the name; otherwise the conjunction lists two bodies and ends the name.
    """
    if left[index].word not in ("和", "与") or not taken or taken[-1][1] not in FIELD_FLAGS:
        return -1
    position = index - 1
    while position >= 0 and index - position <= MAX_FIELD_WORDS and _is_field_word(left[position], lexicon):
        position -= 1
    host = left[position].word if 0 <= position < index - 1 else ""
    return position if host.endswith(FIELD_HOSTS) and len(host) <= 4 or host.endswith(FIELD_HOST_ENDINGS) else -1


QUOTED_WHOLE = re.compile(r"[“「『\"][^”」』\"]+[”」』\"]")  # “丑小鸭”小区: a figure of speech, not a place
GLUE_CHARS = "在及为的是把被对由"
CONJUNCTIONS = ("和", "与", "及")
PLACE_END_CHARS = "镇县省"


def _ends_place_before(left: list[Token], index: int, suffix_start: int) -> bool:
    """A guessed word opening with the end of a place name before it (莘庄|镇春申|府邸小区, 江北|区青松|街道):
    the name starts after it."""
    token, before = left[index], left[index - 1] if index else None
    if before is None or in_dictionary(token.word) or suffix_start - token.start <= 2 \
            or before.flag in STOP_FLAGS or not CJK_WORD.fullmatch(before.word):
        return False  # 由|县公安|局: no place before the glued 县, which opens the name
    return token.word[0] in PLACE_END_CHARS or token.word[0] in DISTRICT_ENDINGS and before.flag == "ns"


POSITION_WORDS = ("上", "下", "中", "前", "后", "内", "外")
VILLAGE_WORDS = ("村", *RURAL_TOWNS)


def glued_stop_prefix(token: Token, lexicon: Lexicon) -> int:
    """Length of the function words or verbs jieba glued to the front of a word it only guessed (由|沪华)."""
    if in_dictionary(token.word) or token.flag in PROPER_FLAGS:
        return 0
    if len(token.word) > 2 and posseg.dt.word_tag_tab.get(token.word[0]) in VERB_FLAGS \
            and token.word[1:] in lexicon.generic_heads:
        return len(token.word)  # 管出|老旧|小区 cut as 出老旧: a verb and a generic word, no name
    lead_in = _stop_prefix(token.word, lexicon)
    if token.word[:lead_in] in MEASURE_WORDS and lexicon.suffix_type.get(token.word[lead_in:]) == "Community":
        return 0  # 锦华|名苑|小区: an estate's word, opening on what is a measure word elsewhere
    if token.word[:lead_in] in POSITION_WORDS and token.word.endswith(VILLAGE_WORDS) and len(token.word) >= 3:
        return 0  # 上湾村, 下坪村: a village named from its position, not 上 glued to 湾村
    return lead_in


def _stop_prefix(word: str, lexicon: Lexicon) -> int:
    """Length of function words or verbs glued to the front of a guessed word (之|普善, 所辖|政立路, 选在|上海).

    The whole word when it is only function words (内有, 对来).
    """
    cut = 0
    while True:
        size = next((n for n in (2, 1) if len(word) - cut >= n and lexicon.is_stop(word[cut:cut + n])), 0)
        if not size:
            break
        cut += size
    glue = max(word.rfind(c, cut) for c in GLUE_CHARS)
    return glue + 1 if glue > 0 else cut


def _trim_verbs(start: int, taken: list[tuple[str, str]]) -> int:
    """Drop verbs and adverbs from the left end of a name (运作|项目 is no name)."""
    for word, flag in reversed(taken):
        if flag not in VERB_FLAGS | {"d", "ad", "vn"} or word in JOINABLE_IN_NAMES or not in_dictionary(word):
            break
        start += len(word)
    return start


def _strip_quotes(text: str) -> str:
    return "".join(c for c in text if c not in QUOTE_CHARS).strip()


def _inside_quotes(text: str, start: int, end: int) -> bool:
    """True when [start, end) ends inside a quotation that opened before it: “无违村居”."""
    opening = max(text.rfind(q, 0, start + 1) for q in "“「『")
    if opening < 0:
        return False
    closing = min((i for i in (text.find(q, opening) for q in "”」』") if i >= 0), default=-1)
    return closing >= end


def _covered_by_longer(text: str, end: int, suffix: str, longest: dict[int, str], lexicon: Lexicon) -> bool:
    """True when a longer type word found further on takes in this one: it ends with the same word, or starts
    where it starts and names the same type (志愿者队 of 志愿者队伍)."""
    start = end - len(suffix)
    for e, s in longest.items():
        if e <= end:
            continue
        if e - len(s) < end and text[e - len(s):e].endswith(suffix) and e - len(s) <= start:
            return True
        if e - len(s) == start and lexicon.suffix_type[s] == lexicon.suffix_type[suffix]:
            return True
    return False


def suffix_spans(sentence: Sentence, lexicon: Lexicon) -> list[Span]:
    """Names ending in a type word: 松韵居民区党总支, 区园林市容局, 进福物业.

    A place's 委员会 (花溪开发区委员会, like 区委) is its party committee.
    """
    text = sentence.text
    tokens = tokenize(text)
    former_ends = {t.end for t in tokens if t.word in lexicon.former_words}
    longest: dict[int, str] = {}
    for end_index, suffix in lexicon.automaton.iter(text):
        end = end_index + 1
        if len(suffix) > len(longest.get(end, "")):
            longest[end] = suffix
    spans = []
    for end, suffix in sorted(longest.items()):
        type_name = lexicon.suffix_type[suffix]
        following = text[end:end + 4]
        common_word = any(following.startswith(w) for w in lexicon.not_before.get(suffix, ()))
        if COUNT_AFTER.match(text, end) or common_word and type_name != "PropertyFirm":
            continue
        if _covered_by_longer(text, end, suffix, longest, lexicon):
            continue
        suffix_start = end - len(suffix)
        if _inside_quotes(text, suffix_start, end) or _ends_common_word(text, suffix_start, suffix, lexicon) \
                or suffix_start in former_ends:
            continue  # 原|物业公司: the firm before, unnamed
        start = _listed_item_start(text, left_extend(text, suffix_start, lexicon, type_name, tokens), suffix_start,
                                   type_name, tokens, lexicon)
        if type_name in HOSTED_TYPES:
            start = min([start] + [host.start for host in spans if host.type in HOSTS_OF_PARTY_BRANCHES and (
                host.end == suffix_start or OFFICE_BRANCH.fullmatch(text, host.end, suffix_start))])
            # 安居物业有限公司|党支部, 青石县财政局|机关|党支部: the host's whole name
        if type_name == "Community":
            start = _after_enclosing_place(text, start, end, PLACE_ENCLOSURES)
            if suffix_start - start < 2 and suffix in TOWN_WORDS:
                start = _characters_after(TOWN_AFTER_COUNTY, text, start, suffix_start)
            elif suffix_start - start == 2 and suffix in TOWN_WORDS:
                start = _one_character_cut_off(text, start, suffix_start, lexicon)
            elif suffix_start - start < 2 and suffix == "区" and not _kind_of_place(text[suffix_start - 2:end]):
                start = _characters_after(DISTRICT_AFTER_CITY, text, start, suffix_start)
        else:  # a body's name: its place ends at its type word
            start = _after_enclosing_place(text, start, suffix_start)
            if suffix_start - start < 2 and suffix.startswith(TOWN_WORDS):
                start = _characters_after(TOWN_AFTER_COUNTY, text, start, suffix_start)  # 松阳县|古市镇党委
        start = _direction_opening_town(text, start, end)
        if suffix == "小区":
            start = min(start, _start_after_place(text, suffix_start, NEIGHBOURHOOD_STEM, lexicon))
        local_at = min((at for word in LOCAL_NAME_WORDS if (at := text.find(word, start, end)) >= 0), default=-1)
        if 0 <= local_at and local_at - start < 2 and re.fullmatch(r"[\u4e00-\u9fff]*", text[start:local_at]):
            start = _local_stem_start(text, local_at, tokens, lexicon)
        count = LEADING_COUNT.match(text, start, suffix_start - 2)
        if type_name in COMPANY_TYPES:
            start = after_kind_opener(text, start, suffix_start)
        if count and (type_name == "Project" or type_name == "Mechanism" and count.group() in ARTICLES):
            start = count.end()  # 启动三个|老街巷改造项目, 一张|“微实事”清单: no part of the name; but 四张清单工作机制
        stem = _strip_quotes(text[start:suffix_start])
        if common_word and (not stem or stem in lexicon.generic_heads or _is_common_word(stem)
                            or stem.endswith(FEE_PAYING_PLACES + TOWN_WORDS + DISTRICT_ENDINGS)
                            or lexicon.type_by_ending(stem) in ORG_TYPES):
            continue  # 物业管理, 小区物业费, 街道物业管理办公室, 市住建局物业科; but 由东华物业管理: a named firm
        if len(stem) < 2 and (len(suffix) == 1 or type_name in ("Community", "Project") and stem
                              and not _word_into_suffix(tokens, start, suffix_start)) \
                or stem.endswith(CONJUNCTIONS):  # 党和政府: a list of two, no name
            continue
        if type_name == "Community" and COUNT_BEFORE.search(stem) and not NUMBER_STEM.match(stem):
            continue
        if type_name == "Community" and HONOUR_BEFORE.search(text, 0, start):
            continue
        if QUOTED_LIST_COUNT.search(text, start, suffix_start):
            continue  # “A”“B”三种治理模式: the kind the quoted names are of, no name of its own
        if type_name == "Community" and QUOTED_WHOLE.fullmatch(text[start:suffix_start]):
            continue
        if type_name == "PropertyFirm" and text[start] in "“「『\"":  # “拼购”物业: a figure of speech
            continue
        if suffix in BRANCH_SUFFIXES and _names_property_firm(stem, lexicon):
            type_name = "PropertyFirm"  # 青禾物业管理有限公司南城分公司: a property firm's branch manages estates too
        if suffix == "委员会" and stem.endswith(PLACE_TOKENS):
            type_name = "PartyOrganization"
        elif suffix == "委员会":
            start, type_name = _district_commission(text, suffix_start, lexicon, tokens) or (start, type_name)
            stem = text[start:suffix_start]
        if not stem and suffix in lexicon.standalone_names:
            spans.append(Span(suffix_start, end, type_name, f"standalone:{suffix}"))
            continue
        street_office = type_name == "GovernmentAgency" and stem in STREET_WORDS and text[start:end] not in \
            lexicon.generic_mentions  # 街道市场监管所: the case's street's own office
        generic = not street_office and (not stem or bool(NUMBER_STEM.match(stem)) or stem in lexicon.generic_heads
                   or all(token in lexicon.generic_heads for token in segment.cut(stem))
                   or suffix in lexicon.kind_suffixes and _is_common_word(text[start:suffix_start]))
        if generic:
            word = text[start:end] if text[start:end] in lexicon.generic_mentions else suffix
            if word not in lexicon.generic_mentions or WHOLE_OR_EACH.search(text, 0, end - len(word)) \
                    or text.endswith(lexicon.negations, 0, end - len(word)):
                continue  # 全街道, 各居委: the whole place or every body, not the case's own; 没有物业: none
            start = end - len(word)
        spans.append(Span(start, end, type_name, f"suffix:{suffix}", generic=generic))
        host_pattern = HOSTS.get(type_name)
        host = host_pattern.match(text[:end], start) if host_pattern and not generic else None
        if host and host.end() < end:
            spans.append(Span(start, host.end(), type_name, HOST_RULE))
    return spans


def _word_into_suffix(tokens: tuple[Token, ...], start: int, suffix_start: int) -> bool:
    """The one-character stem and the type word's first character are one word to jieba (桂|花苑: 桂花), and the
    stem no verb (梳理出|小区, which jieba guessed as 出小)."""
    return any(t.start == start < suffix_start < t.end and posseg.dt.word_tag_tab.get(t.word[0]) not in VERB_FLAGS
               for t in tokens)


MAX_LISTED_STEM = 4  # characters of a listed name's stem that jieba may have cut into single characters


def _listed_item_start(text: str, start: int, suffix_start: int, type_name: str, tokens: tuple[Token, ...],
                       lexicon: Lexicon) -> int:
    """An item of a list of names of one type runs from the list mark (青松大酒店、禾|都|大酒店) where jieba cut
    its rare name into single characters, one of them a function word that stopped the name short."""
    item_start = text.rfind("、", max(0, suffix_start - MAX_LISTED_STEM - 1), suffix_start) + 1
    if not 0 < item_start < start or suffix_start - item_start < 2 \
            or not re.fullmatch(r"[\u4e00-\u9fff]+", text[item_start:suffix_start]) \
            or lexicon.type_by_ending(text[:item_start - 1]) != type_name:
        return start
    words = [t.word for t in tokens if item_start <= t.start < suffix_start]
    return item_start if all(len(w) == 1 and w not in CONJUNCTIONS for w in words) else start


def _names_property_firm(stem: str, lexicon: Lexicon) -> bool:
    """The company a branch belongs to is a property firm: its name holds a property firm's type word."""
    return any(word in stem for word, type_name in lexicon.suffix_type.items() if type_name == "PropertyFirm")


def _district_commission(text: str, suffix_start: int, lexicon: Lexicon,
                         tokens: tuple[Token, ...]) -> tuple[int, str] | None:
    """Start of a district's commission named by its fields (徐汇区建设和管理委员会, 区交通委员会), else None."""
    start = left_extend(text, suffix_start, lexicon, "GovernmentAgency", tokens)
    first = next((t for t in tokens if t.start >= start), None)
    if first is None or first.start >= suffix_start:
        return None
    district = first.word in DISTRICT_ENDINGS or (len(first.word) <= 4 and first.word.endswith(DISTRICT_ENDINGS)
                                                    and not _is_common_word(first.word))  # not 居民区, 开发区
    return (start, "GovernmentAgency") if district else None


HOST_RULE = "host"  # a body named at the head of another's name: 师大 of 师大外语学院
UNIVERSITY_HOST = re.compile(r"(?:[\u4e00-\u9fff]{2,6}?大学|[\u4e00-\u9fff]大)(?=[\u4e00-\u9fff]{1,12}(?:学院|研究院|研究所|工作室)$)"
                             r"|[\u4e00-\u9fff]{2,10}?集团(?=[\u4e00-\u9fff]{2,8}公司$)")  # …集团|青禾置业公司: its group
PARTY_HOST = re.compile(r"[\u4e00-\u9fff]{2,10}?(?:党委|党工委|党总支)(?=[\u4e00-\u9fff]{1,6}(?:支部|党小组)$)")
BUREAU_HOST = re.compile(r"[\u4e00-\u9fff]{2,10}?(?:分局|局)(?=[\u4e00-\u9fff]{2,6}(?:派出所|所|中队|大队|支队)$)")
HOSTS = {"PartnerUnit": UNIVERSITY_HOST, "PartyOrganization": PARTY_HOST,  # 师大外语学院 → 师大; X党委第三支部 → X党委
         "GovernmentAgency": BUREAU_HOST}  # 浦东公安分局洋泾派出所 → 浦东公安分局


PROJECT_AFTER = ("项目", "活动", "计划", "行动", "平台", "的建设", "建设", "App", "APP", "小程序", "公众号", "微信公众号",
                 "品牌", "系列")
PROJECT_WORD_AFTER = re.compile(r"[\u4e00-\u9fff]{0,2}?(?:项目|活动|计划|行动|工程)")

GOAL_VERBS = ("实现", "做到", "达到", "确保")
# An honour conferred (获评“文明社区”“示范小区”): titles of merit, not names of things, however they end.
HONOURED = re.compile(r"(?:获评|荣获|评为|获得|授予|命名为|入选)(?:[“「『][^“”「」『』]{2,24}[”」』][、和与及]?)*$")
PEOPLE_BEFORE = re.compile(r"(?:(?:配有|配备|招募|选派|选聘)了?(?:专属|专职)?|[0-9一二三四五六七八九十百]+余?名)$")
GENERATION = re.compile(r"^[0-9零〇一二三四五六七八九]0后$")


PROPER_FLAGS = {"ns", "nz", "nr", "nt", "nrt"}


def _is_common_word(stem: str) -> bool:
    """One everyday dictionary word, not a proper name (音响, 户外; not 赛林 or 彩虹)."""
    return in_dictionary(stem) and posseg.dt.word_tag_tab.get(stem, "x") not in PROPER_FLAGS


def _first_word_flag(text: str) -> str:
    """Part of speech of the longest dictionary word that starts ``text`` ('' when none does)."""
    word = next((text[:n] for n in range(min(4, len(text)), 1, -1) if in_dictionary(text[:n])), "")
    return posseg.dt.word_tag_tab.get(word, "") if word else ""


@lru_cache(maxsize=8)
def _alternation(words: tuple[str, ...]) -> str:
    """A regular expression matching any of ``words``, the longest first."""
    return "|".join(sorted(map(re.escape, words), key=len, reverse=True))


@lru_cache(maxsize=4)
def _body_list(words: tuple[str, ...]) -> re.Pattern:
    """A list of bare body words ending right before a quote: 居委会、业委会、物业“四轮驱动”."""
    word = _alternation(words)
    return re.compile(f"(?:{word})(?:[、和与及](?:{word}))+$")


def _quoted_type(inner: str, before: str, after: str, lexicon: Lexicon) -> str:
    """The type a quoted name has from its own ending and the words around it, or '' for a slogan."""
    if (GENERATION.match(inner) or inner in lexicon.generic_slogans or "的" in inner or inner[0] in "把让使将"
            or _lists_bodies(inner, lexicon)
            or len(inner) == 2 and (inner in lexicon.project_endings or inner in lexicon.suffix_type)  # 变成“工程”
            or len(inner) == 2 and posseg.dt.word_tag_tab.get(inner[0]) == "v"  # “晒课”: an activity
            or (posseg.dt.word_tag_tab.get(inner) in ("i", "l") and inner[0] not in NUMERALS
                or before.endswith(GOAL_VERBS)) and not WAY_AFTER.match(after)):
        return ""  # a set phrase or a goal (做到“小事不出楼”) is a slogan, unless it names a way: “先易后难”的模式
    if PEOPLE_BEFORE.search(before):
        return "VolunteerTeam"  # 每栋楼配有专属“楼栋管家”, 招募了36名“巷道管家”: people serving under one name
    inner_suffix = lexicon.type_word_ending(inner[1:])
    if inner_suffix and lexicon.suffix_type[inner_suffix] != "Community" and not MECHANISM_SHAPE.search(inner):
        type_name = lexicon.suffix_type[inner_suffix]
        stem = inner[:-len(inner_suffix)]  # “积分超市”, “爱心银行”, “道德银行”: a figure of speech for a project
        figure = type_name == "PartnerUnit" and (_is_common_word(stem)
                                                 or stem in lexicon.not_after.get(inner_suffix, ()))
        if type_name == "PropertyFirm":  # “贴心物业”: a way of running estates, unless a project word follows
            return "Project" if PROJECT_WORD_AFTER.match(after) else "Mechanism"
        return "Project" if figure else type_name
    if "·" in inner:
        return "Project"
    if PROJECT_WORD_AFTER.match(after):
        return "Project"  # 开展“双园共建”活动, “小小楼组一片天，唤醒邻里共同体”自治项目
    names_a_way = bool(WAY_AFTER.match(after))
    if _first_word_flag(after).startswith("n") and not names_a_way and not after.startswith(PROJECT_AFTER):
        return ""
    practised = before.endswith(MECHANISM_VERBS) and not after.startswith("的")  # 坚持“收支公开，账目透明”：
    if re.search("[，,]", inner) and not names_a_way and not practised:
        return ""
    framed = before.endswith("以") and after.startswith("为")
    if framed and len(inner) <= 3:
        return ""
    own_project = any(inner.endswith(e) for e in lexicon.project_endings if len(e) >= 2)
    verb_cued = before.endswith(MECHANISM_VERBS) and len(inner) >= 4 and not own_project \
        and not after.startswith(PROJECT_AFTER)  # 通过“青禾智治”App: a means, not a way
    names_the_bodies = bool(_body_list(tuple(lexicon.generic_mentions)).search(before))
    if (MECHANISM_SHAPE.search(inner) or verb_cued or framed or names_a_way or names_the_bodies
            or inner.endswith(lexicon.mechanism_endings)):
        return "Mechanism"
    if (before.endswith(PROJECT_VERBS) or before[:-1].endswith(PROJECT_VERBS) and before[-1:] in "为成"
            or after.startswith(PROJECT_AFTER)
            or inner.endswith(lexicon.project_endings)):
        return "Project"
    return ""


def quoted_spans(sentence: Sentence, lexicon: Lexicon) -> list[Span]:
    """Quoted names standing alone: 打造“琪园” (project), 运用“四轮驱动” (mechanism).

    A quoted run of clauses is a slogan unless a project or way word follows it
    (“线下分组，线上协作，最后复盘”的工作模式)."""
    text = sentence.text
    spans = []
    for match in QUOTED.finditer(text):
        inner = match.group(1)
        if inner in lexicon.campaigns:
            continue
        run_end = match.end()
        while following := QUOTED_ITEM_AFTER.match(text, run_end):
            run_end = following.end()  # “A”“B”“C”三种模式: every item is read by what follows the list
        after = text[run_end:run_end + 14]
        before = text[max(0, match.start() - 12):match.start()].removesuffix("了")
        full = FULL_NAME_AFTER.match(text, match.end())
        if any(c in "。！？；" for c in inner) or after.startswith(SLOGAN_AFTER) \
                or HONOURED.search(text, 0, match.start()) or full and lexicon.type_by_ending(full.group(1)):
            continue  # “弄管会”（弄堂管理委员会）: the short name of the body named in brackets, typed by that name
        if lexicon.starts_with_type_word(after) or re.match(r"[\u4e00-\u9fff]", after[:1] or " ") \
                and lexicon.automaton.exists(after[:2]):
            continue
        commas = len(re.findall("[，,]", inner))
        names_a_thing = PROJECT_WORD_AFTER.match(after) or WAY_AFTER.match(after)
        practised_list = (bool(PARALLEL_PARTS.fullmatch(inner)) and before.endswith(MECHANISM_VERBS)
                          and (not after or after[0] in "，。；,;"))  # not 构建“…”的新格局: a goal
        if len(inner) > MAX_QUOTED_NAME and not WAY_AFTER.match(after) and not practised_list:
            continue  # “支部带头议、物业跟着改、居民一起评”的模式 names a way; a long quotation alone does not
        if (commas > 1 or len(inner) > 12 and commas) and not names_a_thing:
            continue
        type_name = _quoted_type(inner, before, after, lexicon)
        app = APP_AFTER.match(text, match.end()) if type_name == "Project" else None  # “青禾智治”App: the app's name
        if type_name:
            spans.append(Span(match.start(), app.end() if app else match.end(), type_name,
                              f"quoted:{type_name.lower()}"))
    return spans


APP_AFTER = re.compile(r"App|APP|app|小程序")
QUOTED = re.compile(r"[“「『‘]([^“”「」『』‘’]{2,24})[”」』’]")  # ‘…’: a name quoted inside a quotation
MAX_QUOTED_NAME = 16  # characters of a quoted name; a longer quoted run is a way of working only when one follows
PARALLEL_PARTS = re.compile(r"[^、，,]{2,6}(?:、[^、，,]{2,6}){2,5}")  # 实行“一站式接收、一揽子调处、全链条解决”: a way
QUOTED_ITEM_AFTER = re.compile(r"[、和与及]?[“「『]([^“”「」『』]{2,16})[”」』]")  # the next item of a quoted list


def document_quoted_types(sentences: list[Sentence], lexicon: Lexicon) -> dict[str, str]:
    """Quoted names a document types as a project or mechanism somewhere: the type it gives them most."""
    votes: dict[str, Counter] = {}
    for sentence in sentences:
        for span in quoted_spans(sentence, lexicon):
            if span.type in ("Project", "Mechanism"):
                inner = sentence.text[span.start + 1:span.end - 1]
                votes.setdefault(inner, Counter())[span.type] += 1
    return {inner: counts.most_common(1)[0][0] for inner, counts in votes.items()}


def document_typed(sentence: Sentence, spans: list[Span], known: dict[str, str], lexicon: Lexicon) -> list[Span]:
    """A quoted name typed only by the words around it keeps the type the document gives it most
    (加强“四轮驱动”建设 is the document's mechanism); one whose own ending types it (“先来先停方案”) keeps that."""
    endings = (*lexicon.project_endings, *lexicon.mechanism_endings, *lexicon.suffix_type)

    def retyped(span: Span) -> Span:
        inner = sentence.text[span.start + 1:span.end - 1]
        type_name = known.get(inner) if span.rule.startswith("quoted") and not inner.endswith(endings) else None
        return replace(span, type=type_name, rule=f"quoted:{type_name.lower()}") if type_name else span
    return [retyped(span) for span in spans]


def known_quoted_spans(sentence: Sentence, known: dict[str, str], found: list[Span]) -> list[Span]:
    """Quoted names with no cue of their own here that the document types elsewhere (one sense per document)."""
    spans = []
    for match in QUOTED.finditer(sentence.text):
        type_name = known.get(match.group(1))
        if type_name and not any(s.start <= match.start() and match.end() <= s.end for s in found):
            spans.append(Span(match.start(), match.end(), type_name, "quoted:document"))
    return spans


AGAIN_TYPES = ("PartyOrganization", "Committee", "GovernmentAgency", "PartnerUnit", "PropertyFirm", "VolunteerTeam",
               "Person")
MIN_AGAIN = 3


@dataclass(frozen=True)
class CaseNames:
    """Names the case gives its bodies somewhere, with the span that typed them, and an automaton that finds
    them all in one pass over a sentence."""

    typed: dict[str, Span]
    automaton: ahocorasick.Automaton | None


# Short names a text gives a body: after it (X（简称“Y”）), or before it with its full name in brackets
# (“弄管会”（弄堂管理委员会）, a quote that FULL_NAME_AFTER keeps from being typed on its own).
SHORT_NAME_GIVEN = re.compile(r"[（(](?:以下)?简称[:：]?[“「]?([^“”「」（）()]{2,10})[”」]?[）)]")
SHORT_NAME_BEFORE = re.compile(r"[“「]([^“”「」（）()]{2,10})[”」][（(]$")
FULL_NAME_AFTER = re.compile(r"[（(]([\u4e00-\u9fff]{2,20})[）)]")


def case_names(sentences: list[Sentence], found: dict[int, list[Span]]) -> CaseNames:
    """The case's typed names, and the short names the text gives them, each found again wherever it recurs."""
    typed: dict[str, Span] = {}
    for sentence in sentences:
        for span in found[sentence.start]:
            surface = sentence.text[span.start:span.end]
            if (span.type in AGAIN_TYPES or span.type == "Community" and surface.endswith(VILLAGE_OR_NEIGHBOURHOOD)) \
                    and not span.generic and len(surface) >= MIN_AGAIN:
                typed.setdefault(surface, span)
            closed = sentence.text[span.end:span.end + 1] in "）)"
            short = SHORT_NAME_GIVEN.match(sentence.text, span.end) or (
                SHORT_NAME_BEFORE.search(sentence.text, 0, span.start) if closed else None)
            if short and span.type != "Person" and not span.generic:  # the short name it is given names it again
                typed.setdefault(short.group(1), replace(span, name=span.name or _strip_quotes(surface)))
    return CaseNames(typed, build_automaton(typed) if typed else None)


def named_again_spans(sentence: Sentence, names: CaseNames, found: list[Span]) -> list[Span]:
    """A body named where the words around it hid it from the rules (会同区旧改办、卫千辛集团) is still that body."""
    if names.automaton is None:
        return []
    ends: dict[str, list[int]] = {}
    for end_index, name in names.automaton.iter(sentence.text):
        ends.setdefault(name, []).append(end_index + 1)
    spans: list[Span] = []
    for name in (n for n in names.typed if n in ends):
        typed = names.typed[name]
        for end in ends[name]:
            start = end - len(name)
            if not any(s.start < end and start < s.end for s in found + spans):
                spans.append(Span(start, end, typed.type, "named-again", name=typed.name))
    return spans


SPEECH_VERBS = ("说", "表示", "介绍", "告诉", "笑着")


def _person_name(text: str, start: int, lexicon: Lexicon) -> int:
    """End of a person's name starting at ``start`` (surname + 1-2 characters), or start."""
    surname = next((s for s in lexicon.double_surnames if text.startswith(s, start)), "")
    if not surname and start < len(text) and text[start] in lexicon.surnames:
        surname = text[start]
    if not surname:
        return start
    end = start + len(surname)
    given = 0
    while end < len(text) and given < 2 and re.match(r"[\u4e00-\u9fff]", text[end]) and text[end] not in NAME_BREAK:
        end += 1
        given += 1
    if given == 0:
        return start
    if given == 2 and (text.startswith(SPEECH_VERBS, end) or _takes_post_at(text, end)):
        return end  # 黄德明|说, 王秀珍|任主任: the verb after the name, though 明说 and 珍任 are words too
    if given == 2 and (posseg.dt.word_tag_tab.get(text[end - 1:end + 1]) in VERB_FLAGS
                       or text[end - 1] in GLUED_VERBS):
        return end - 1  # 王强|参与, 李青|到小区: the last character starts the verb
    following = text[end:end + 2]
    if given == 2 and following[:1] and following[:1] not in NAME_BREAK and following[:1] not in PUNCT \
            and not following.startswith(("说", "表", "介", "告")):
        tokens = segment.cut(text[start:end + 2])
        if tokens and len(tokens[0]) in (2, 3) and text.startswith(tokens[0], start):
            end = start + len(tokens[0])
    return end


def person_spans(sentence: Sentence, lexicon: Lexicon) -> list[Span]:
    """People named after their role: 书记叶利, 总经理王治兵, 设计师欧阳峰."""
    text = sentence.text
    spans = []
    for match in re.finditer(_alternation(lexicon.roles), text):
        start = match.end()
        if start < len(text) and text[start] in "、，" or TAKES_A_POST.match(text, start):
            continue  # 书记任召集人: the role's holder takes another, unnamed
        end = _person_name(text, start, lexicon)
        name = text[start:end]
        common_word = any(not posseg.dt.word_tag_tab.get(part, "nr").startswith(("nr", "ns"))
                          for part in (name[:2], name))  # 李强: a name jieba knows (nrfg) is still a name
        if (end - start >= 2 and not lexicon.automaton.exists(name) and not common_word
                and not lexicon.is_form_of_address(name)):
            spans.append(Span(start, end, "Person", f"role:{match.group()}", role=match.group()))
    return spans


def _is_full_name(word: str, lexicon: Lexicon) -> bool:
    surname = next((s for s in lexicon.double_surnames if word.startswith(s)), word[:1])
    return surname in lexicon.surnames or surname in lexicon.double_surnames and 1 <= len(word) - len(surname) <= 2


def named_person_spans(sentence: Sentence, lexicon: Lexicon) -> list[Span]:
    """People by their full name before a title or an action: 辛岚老师, 谢勇与公司协商, 居民后学兵.

    The name must be a word jieba does not know (or knows as a person's name),
    two or three characters long and starting with a surname.
    """
    text = sentence.text
    spans = []
    tokens = tokenize(text)
    for index, token in enumerate(tokens):
        if not (2 <= len(token.word) <= 4 and (token.flag == "x" or token.flag.startswith("nr"))
                and _is_full_name(token.word, lexicon)
                and not lexicon.is_form_of_address(token.word)) or TAKES_A_POST.match(text, token.start):
            continue
        following = text[token.end:token.end + 3]
        before = tokens[index - 1].word if index else ""
        if following.startswith(lexicon.person_titles):
            spans.append(Span(token.start, token.end, "Person", "name:title"))
        elif following.startswith(lexicon.person_verbs) or SPOKEN_IN_A_MANNER.match(text, token.end) \
                or _role_in_brackets(lexicon.roles).match(text, token.end) \
                or before in lexicon.person_contexts \
                or before == "的" and token.flag == "x" and COMING_FROM.search(text, 0, token.start):
            end = _person_name(text, token.start, lexicon)
            end = end if end > token.end and _takes_post_at(text, end) else token.end  # 陈秀|珍任|主任
            spans.append(Span(token.start, end, "Person", "name:context"))
    return spans + _split_name_spans(text, tokens, spans, lexicon) + _named_after_context(text, tokens, spans, lexicon)


NAME_DOTS = "·•・"
TRANSLITERATED_NAME = re.compile(rf"[\u4e00-\u9fff]{{2,8}}(?:[{NAME_DOTS}][\u4e00-\u9fff]{{2,8}})+")  # 阿依古丽·买买提


def transliterated_person_spans(sentence: Sentence, lexicon: Lexicon) -> list[Span]:
    """People named by a transliterated name, given name and father's name joined by a dot (书记艾力·买买提,
    居民热依汗·吐尔逊说), which no surname list holds: after a role or a word for a person, or before what
    people do. The name starts after that word and ends before the verb; names of things joined by a dot
    (青年党员课堂·书香驿站) are none."""
    text = sentence.text
    openers = (*lexicon.roles, *lexicon.person_contexts)
    doings = (*lexicon.person_verbs, *lexicon.person_titles)
    spans = []
    for match in TRANSLITERATED_NAME.finditer(text):
        first_dot = match.start() + re.search(f"[{NAME_DOTS}]", match.group()).start()
        last_dot = match.start() + max(match.group().rfind(dot) for dot in NAME_DOTS)
        opened, word = max(((at + len(w), w) for w in openers if (at := text.rfind(w, match.start(), first_dot)) >= 0),
                           default=(-1, ""))
        start = opened if opened > 0 else match.start()
        end = next((k for k in range(last_dot + 3, match.end()) if text.startswith(doings, k)), match.end())
        things = any(lexicon.type_word_ending(part) or part.endswith(tuple(lexicon.project_endings))
                     for part in re.split(f"[{NAME_DOTS}]", text[start:end]))
        if (opened > 0 or text.startswith(doings, end)) and first_dot - start >= 2 and not things:
            role = word if word in lexicon.roles else ""  # a role's holder, as person_spans reads the role
            spans.append(Span(start, end, "Person", f"role:{role}" if role else "transliterated", role=role))
    return spans


def _split_name_spans(text: str, tokens: tuple[Token, ...], found: list[Span], lexicon: Lexicon) -> list[Span]:
    """A full name jieba cut after its surname (李|明远|说), right before an action or a title: a person."""
    spans = []
    for token in tokens:
        if len(token.word) != 1 or token.flag != "nr" or token.word not in lexicon.surnames \
                or any(s.start <= token.start < s.end for s in found):
            continue
        end = _person_name(text, token.start, lexicon)
        name = text[token.start:end]
        if 2 <= len(name) <= 3 and not in_dictionary(name) and not lexicon.is_form_of_address(name) \
                and not name[1:].startswith(lexicon.roles) \
                and text.startswith((*lexicon.person_verbs, *lexicon.person_titles), end):  # not 王主任|说
            spans.append(Span(token.start, end, "Person", "name:context"))
    return spans


@lru_cache(maxsize=4)
def _role_in_brackets(roles: tuple[str, ...]) -> re.Pattern:
    """A role in brackets right after a name (刘芳（青松社区党委书记）：): an interview's speaker."""
    return re.compile(rf"[（(][^（）()]{{0,20}}?(?:{'|'.join(map(re.escape, roles))})[）)]")


TAKES_A_POST = re.compile(r"任[\u4e00-\u9fff]{0,6}?(?:长|员|管家|书记|主任|顾问|召集人|负责人|联络人|带头人)(?=[，。；、,;]|$)")
# 党员任楼院管家, 书记任召集人: 任 serves
SERVING_VERBS = ("担任", "出任", "兼任", "现任", "接任", "继任")


def _takes_post_at(text: str, end: int) -> bool:
    """A post taken right at ``end`` (王秀珍|任主任), not the second half of a verb the name's last character begins
    (李刚|担任队长 is no 李刚担)."""
    return bool(TAKES_A_POST.match(text, end)) and not text.startswith(SERVING_VERBS, end - 1)


SPOKEN_IN_A_MANNER = re.compile(r"[\u4e00-\u9fff]{1,3}地(?:说|表示|介绍|告诉|回忆)")  # 青松乐呵呵地说, 高兴地告诉记者
COMING_FROM = re.compile(r"来自[^，。；！？]{2,20}的$")  # 来自花溪时代社区的|李明


def _named_after_context(text: str, tokens: tuple[Token, ...], found: list[Span], lexicon: Lexicon) -> list[Span]:
    """A full name right after 居民/党员… that ends at a punctuation mark or an action, however jieba cut it
    (居民|后|学兵，, 党员|王|秀英|带头)."""
    spans = []
    for token in tokens:
        if token.word not in lexicon.person_contexts or any(s.start == token.end for s in found) \
                or TAKES_A_POST.match(text, token.end):
            continue
        end = _person_name(text, token.end, lexicon)
        ends = text[end:end + 1] in PUNCT or text.startswith(lexicon.person_verbs, end) \
            or _takes_post_at(text, end)  # 党员王秀珍任主任: the name ends where its post begins
        if 2 <= end - token.end <= 3 and ends and not in_dictionary(text[token.end:end]) \
                and not text.startswith(lexicon.person_titles, token.end + 1) \
                and not lexicon.is_form_of_address(text[token.end:end]):  # 居民李大爷, 居民陈伯: forms of address
            spans.append(Span(token.end, end, "Person", "name:context"))
    return spans


ENUMERATION = re.compile(r"(?P<items>(?:[“”「」\w]{2,10}、)+[“”「」\w]{2,10}?)(?:这|那)?"  # A、B、C这三个小区
                         r"(?:等(?P<count>[一二三四五六七八九十两多\d]+[个项类种支批])?|(?<!等)(?P<bare_count>[一二三四五六七八九十两\d]+[个家所]))"
                         r"(?P<head>[\u4e00-\u9fff]{0,6})")
ENUMERATED_TYPES = ("Project",)
COUNTED_TYPES = ("Community",)  # 由A、B、C三个小区组成: places only when counted, never after 等 alone
HEAD_JOINED = re.compile(r"(?<=\w)[和与及同]")
ITEM_COUNT = re.compile(rf"[{NUMERALS}\d]+[个家所]")
MAX_LIST_HEAD = 6  # characters of the head after a list's count (三个|社区)


def _enumerations(text: str) -> Iterator[re.Match]:
    """The lists of a sentence; one whose items hold a count ends at that count (A、B四个社区和学校、银行等力量:
    the list is A、B, counted)."""
    for match in ENUMERATION.finditer(text):
        count = ITEM_COUNT.search(match.group("items"))
        counted = count and ENUMERATION.match(text, match.start(), match.start("items") + count.end() + MAX_LIST_HEAD)
        yield counted or match


def _type_word_head(words: str, lexicon: Lexicon) -> tuple[str, str]:
    """The longest start of ``words`` ending in a type suffix (主题楼道 of 主题楼道在小区里), and that suffix."""
    for end in range(len(words), 0, -1):
        suffix = lexicon.type_word_ending(words[:end])
        if suffix:
            return words[:end], suffix
    return "", ""


def _counted_place_word(words: str, lexicon: Lexicon) -> str:
    """The longest start of ``words`` that is a place word of the proposers (社区 of 社区举办), or ''."""
    return next((words[:end] for end in range(len(words), 1, -1)
                 if lexicon.proposal_type.get(words[:end]) in COUNTED_TYPES), "")


def _is_item_name(name: str, type_name: str, lexicon: Lexicon) -> bool:
    """No function word inside a listed name; a place may end in one (幸福里)."""
    words = segment.cut(name)
    if type_name in COUNTED_TYPES:
        words = words[:-1]
    return not any(lexicon.is_stop(word) for word in words)


def _first_item_start(text: str, position: int, item: str, type_name: str, lexicon: Lexicon) -> int:
    """Where the first item of a list begins inside the words matched before it (即|微团队, 居民区由|阳光家园,
    完成了|路灯更换)."""
    lead_in = _stop_prefix(item, lexicon)
    start = max(lead_in, left_extend(text, position + len(item), lexicon, type_name) - position)
    return start if start < len(item) else max(lead_in, item.rfind("了") + 1)  # 完成了|路灯更换: a verbal item


HAS_BEFORE = re.compile(r"(?:有|配备了?|配置了?|配有|添置了?|购置了?)$")  # what a place has, before a list


def enumeration_spans(sentence: Sentence, lexicon: Lexicon) -> list[Span]:
    """Items of a list that ends in a type word take its type: 亲子楼、摄影楼等主题楼道, 微文化、微故事等六个项目,
    A、B、C三个小区; so do those of a list ending in a kind of work or facility (书屋、驿站等公共设施).

    After a bare type word (亲子、敬老等楼道) the items are only modifiers, not names.
    """
    spans = []
    for match in _enumerations(sentence.text):
        words = HEAD_JOINED.split(match.group("head"), maxsplit=1)[0]  # 四个社区|和学校: the list's head ends at 和
        head, suffix = _type_word_head(words, lexicon)
        type_name = lexicon.suffix_type.get(suffix)
        place_word = _counted_place_word(words, lexicon) if match.group("bare_count") else ""
        if len(place_word) > len(suffix):  # A、B两个社区: a place word that only proposes names places when counted
            head = suffix = place_word
            type_name = lexicon.proposal_type[place_word]
        kind = "" if type_name or match.group("bare_count") else next(
            (k for k in lexicon.project_kinds if words.startswith(k)), "")
        if kind:  # 路灯更换、围墙修缮等一批改造: the kind is no type word, and needs no count
            head, suffix, type_name = kind, kind, "Project"
        if match.group("bare_count"):
            if type_name not in COUNTED_TYPES or head != suffix:
                continue
        elif type_name not in ENUMERATED_TYPES or head == suffix and not match.group("count") and not kind:
            continue
        rule = f"enumeration:{suffix}" if match.group("bare_count") else "enumeration"
        position = match.start("items")
        for index, item in enumerate(match.group("items").split("、")):
            quoted = re.search(r"[“「]([^”」]+)[”」]", item)
            lead_in = _first_item_start(sentence.text, position, item, type_name, lexicon) if index == 0 else 0
            if index == 0 and kind and HAS_BEFORE.search(sentence.text, 0, position + lead_in):
                break  # 周边有菜场、学校等公共设施, 配备了灶台、冰箱等设施: what the place has, not work done
            start, end = quoted.span(1) if quoted else (lead_in, len(item))
            name = item[start:end]
            if 2 <= len(name) <= 8 and _is_item_name(name, type_name, lexicon):
                spans.append(Span(position + start, position + end, type_name, rule))
            position += len(item) + 1
    return spans


BUILDING_NUMBER = r"[0-9一二三四五六七八九十]{1,3}"
BUILDING = re.compile(rf"(?:{BUILDING_NUMBER}号、)*{BUILDING_NUMBER}号楼(?![组道层])")
HOSTED_BLOCK = re.compile(rf"(?<![0-9]){BUILDING_NUMBER}[栋幢](?![楼房])")  # 青禾小区26栋; a bare 27栋 is a count


def building_spans(sentence: Sentence, lexicon: Lexicon) -> list[Span]:
    """Numbered buildings: 爱华五村一号楼, 青禾小区26栋; each of 金申城家园5号、13号楼; a bare 5号楼 (resolution
    joins it to a named building of the case or drops it)."""
    text = sentence.text
    spans = []
    for match in HOSTED_BLOCK.finditer(text):
        host_start = _estate_start(text, match.start(), lexicon)
        if host_start < match.start():
            spans.append(Span(host_start, match.end(), "Community", "building"))
    for match in BUILDING.finditer(text):
        host_start = _estate_start(text, match.start(), lexicon)
        estate = text[host_start:match.start()]
        items = list(re.finditer(rf"({BUILDING_NUMBER})号", match.group()))
        for k, item in enumerate(items):
            start = host_start if k == 0 else match.start() + item.start()
            end = match.end() if k == len(items) - 1 else match.start() + item.end()
            spans.append(Span(start, end, "Community", "building", name=f"{estate}{item.group(1)}号楼"))
    return spans


def _estate_start(text: str, at: int, lexicon: Lexicon) -> int:
    """Where the estate named right before a building's number begins (青禾小区|26栋), or ``at`` when none is."""
    host = next((h for h in lexicon.building_hosts if text.endswith(h, 0, at)), "")
    start = left_extend(text, at - len(host), lexicon, "Community") if host else at
    return start if host and start < at - len(host) else at


CAMPAIGN_RULE = "campaign"
CAMPAIGN_WORK_WORDS = ("项目", "工程")  # 垃圾分类工程: the campaign itself, called so in the text


def _work_word_after(text: str, end: int) -> str:
    """The word calling the campaign ending at ``end`` a project or a work, if one follows it."""
    return next((w for w in CAMPAIGN_WORK_WORDS if text.startswith(w, end)), "")


def _longest_forms(automaton: ahocorasick.Automaton, text: str) -> dict[int, str]:
    """The longest of an automaton's words ending at each position of the text, by that end."""
    found: dict[int, str] = {}
    for end_index, form in automaton.iter(text):
        if len(form) > len(found.get(end_index + 1, "")):
            found[end_index + 1] = form
    return found


def campaign_spans(sentence: Sentence, lexicon: Lexicon) -> list[Span]:
    """Citywide programmes named in any of their forms (加梯, 电梯加装 → 加装电梯), longest form first."""
    found = _longest_forms(lexicon.campaign_automaton, sentence.text)
    spans = [Span(end - len(form), end + len(_work_word_after(sentence.text, end)), "Project", CAMPAIGN_RULE,
                  name=lexicon.campaigns[form]) for end, form in found.items()]
    return [s for s in spans if not any(o is not s and o.start <= s.start and o.end >= s.end for o in spans)]


FIELD_WAY_RULE = "field-way"


def field_way_spans(sentence: Sentence, lexicon: Lexicon) -> list[Span]:
    """Ways of governing known across the field, named bare (召开联席会议), with a mechanism's type word right after them
    (联席会议制度): mechanisms, unless a longer name holds them or they only describe the noun after them
    (党建联建单位, 红色物业企业)."""
    text = sentence.text
    spans = [Span(end - len(word), end + len(_mechanism_word_at(text, end, lexicon)), "Mechanism", FIELD_WAY_RULE)
             for end, word in _longest_forms(lexicon.field_way_automaton, text).items()]
    return [s for s in spans if not _kind_of_quoted(text, s) and not _describes_noun_after(text, s)]


def _describes_noun_after(text: str, span: Span) -> bool:
    """党建联建|单位: the way only says what kind of thing the noun after it is."""
    return _first_word_flag(text[span.end:span.end + 4]).startswith(("n", "vn", "j"))


def _kind_of_quoted(text: str, span: Span) -> bool:
    """“支部领着干、居民商量干”的联席会议机制: the kind the quoted way is of, named by the quoted words."""
    quote_end = max(text.rfind(mark, 0, span.start) for mark in "”」』") + 1
    way = WAY_AFTER.match(text, quote_end) if quote_end else None
    return way is not None and way.end() >= span.end


def _mechanism_word_at(text: str, start: int, lexicon: Lexicon) -> str:
    return max((w for w, t in lexicon.suffix_type.items() if t == "Mechanism" and text.startswith(w, start)),
               key=len, default="")


NEIGHBOURHOOD = re.compile(r"社区|街区")


def neighbourhood_spans(sentence: Sentence, lexicon: Lexicon) -> list[Span]:
    """A 社区 or 街区 named by a proper name and more words is a place: 花溪时代社区, 安澜汽车俱乐部街区.

    社区 is mostly a common noun (熟人社区, 和谐社区); only a stem that opens with a
    proper name or a word jieba does not know, and goes on, names one (玉林|东路|社区).
    """
    text = sentence.text
    tokens = tokenize(text)
    spans = []
    for match in NEIGHBOURHOOD.finditer(text):
        if any(text.startswith(w, match.end()) for w in lexicon.not_before.get("社区", ())) \
                and not _opens_local_body(text, match.end(), lexicon):
            continue
        start = _after_enclosing_place(text, min(left_extend(text, match.start(), lexicon, "Community", tokens),
                                                 _start_after_place(text, match.start(), STREET_STEM, lexicon)),
                                       match.end())
        left = _tokens_before(tokens, text, match.start())
        body_named = _opens_local_body(text, match.end(), lexicon)  # 新华社区|党委: the body's place
        quality = body_named and bool(left) and start >= left[-1].start and _quality_opens(left, len(left) - 1, lexicon)
        start = left[-1].start if quality else start  # 幸福|社区|党委
        stem = tokenize(text[start:match.start()])
        if COUNT_BEFORE.search(text, start, match.start()):
            continue  # 青湖、松湖两个社区: a count of places, no name
        placed = (_within_street(text, start) or _within_division(tokens, start)
                  or _listed_neighbourhood(text, start, match.end()) or body_named
                  or _acting_neighbourhood(text, start, match.end(), stem, tokens, lexicon))
        named = quality or _names_neighbourhood(stem, lexicon) or placed and _plain_stem(stem, lexicon)
        if named and not _inside_quotes(text, start, match.end()):
            spans.append(Span(start, match.end(), "Community", "neighbourhood"))
    return spans


STREET_BEFORE_NEIGHBOURHOOD = re.compile(r"街道(?=[\u4e00-\u9fff\d]{2,8}?(?:社区|居民区|村|苑)$)")  # 长安街道|翠湖社区, |桂花苑
DIVISION_BEFORE_STREET = re.compile(r"(?<=[\u4e00-\u9fff]{2}[市区县])(?=[\u4e00-\u9fff]{2,5}?(?:街道|镇|乡)$)")  # 南城区|长安街道
PLACE_ENCLOSURES = re.compile(f"{STREET_BEFORE_NEIGHBOURHOOD.pattern}|{DIVISION_BEFORE_STREET.pattern}")


def _after_enclosing_place(text: str, start: int, end: int,
                           enclosing: re.Pattern = STREET_BEFORE_NEIGHBOURHOOD) -> int:
    """A neighbourhood's name, or its body's, starts after the street around it (长安街道|翠湖社区党委), and a
    street's after its district (南城区|长安街道), however jieba cut the larger place's name (长安街|道, 市南|城区)."""
    places = list(enclosing.finditer(text, start, end))
    return places[-1].end() if places else start


def _within_street(text: str, start: int) -> bool:
    """A 社区 right after its street's name (明光街道|广场|社区) is a street's 社区."""
    return text[max(0, start - 2):start] == "街道"


STREET_STEM = re.compile(r"街道([\u4e00-\u9fff]{2,4})$")  # 青松街道|杏树下|社区
NEIGHBOURHOOD_STEM = re.compile(r"(?:街道|社区|居民区)((?:(?!街道|社区|居民区)[\u4e00-\u9fff\d]){2,6})$")  # 橙园社区|河桥一号还建|小区


def _start_after_place(text: str, position: int, place_stem: re.Pattern, lexicon: Lexicon) -> int:
    """Start of the words between a named place's type word and ``position``, when they open on a noun (or a
    direction before one) and hold no type word: the place inside it is named by all of them, even by one a left
    stop would cut (青松街道|杏树下|社区, 橙园社区|河桥一号还建|小区, 胜利街道|西|交通巷|社区), where 所有 or 党工委
    names none; else ``position``."""
    match = place_stem.search(text, max(0, position - 9), position)
    if not match:
        return position
    stem = tokenize(match.group(1))
    opens_name = stem[0].flag.startswith(("n", "x")) or stem[0].flag == "f" and len(stem) > 1  # 西|交通巷
    named = opens_name and not any(
        lexicon.suffix_type.get(t.word) or t.word in lexicon.left_stop_words for t in stem)
    return match.start(1) if named else position


LISTED_NEIGHBOURHOOD_AFTER = re.compile(r"[、和与及][\u4e00-\u9fff]{2,4}社区")


def _within_division(tokens: tuple[Token, ...], start: int) -> bool:
    """A 社区 right after its district's or city's name (青山区|青松|社区) is a district's 社区."""
    before = next((t for t in tokens if t.end == start), None)
    return (before is not None and before.word.endswith(DISTRICT_ENDINGS) and len(before.word) >= 3
            and before.word not in GENERIC_PLACE_WORDS and not _kind_of_place(before.word))


def _listed_neighbourhood(text: str, start: int, end: int) -> bool:
    """A 社区 listed with another (桃园社区、天宫社区和…)."""
    return text[start - 1:start] == "、" or bool(LISTED_NEIGHBOURHOOD_AFTER.match(text, end))


ACTOR_OPENERS = "，。；：,;:向为与和到"  # where a clause, or the phrase of an action's party, opens
ACTING_LEAD_INS = ("还", "也", "又", "先后", "积极", "主动", "与", "同")  # 桃源社区还与…: words before the act


def _acting_neighbourhood(text: str, start: int, end: int, stem: tuple[Token, ...], tokens: tuple[Token, ...],
                          lexicon: Lexicon) -> bool:
    """A 社区 named by one noun that opens a clause, or follows 向/为/与, right before a verb (or an adverb or
    preposition before one) acts or is acted for, or names a work of its own after it, so it is a place of its
    own (桃源社区依托…, 桃源社区还与…, 向桃源社区捐赠, 石门社区“四点半课堂”), or is where a clause happens
    (在桃源社区，…), not a quality (建设和谐社区) or its people."""
    following = next((t for t in tokens if t.start == end), None)
    scene = text[start - 1:start] == "在" and text[end:end + 1] in "，,"  # 在桃源社区，…: where the clause happens
    return (len(stem) == 1 and len(stem[0].word) == 2 and stem[0].flag in ("n", "nr", "ns", "nz", "x")
            and stem[0].word not in lexicon.person_contexts and stem[0].word not in lexicon.generic_heads
            and following is not None and (scene or (start == 0 or text[start - 1] in ACTOR_OPENERS) and (
                following.flag == "v" or following.word in ACTING_LEAD_INS or following.word in QUOTES.values())))


ORDINAL_WORD = re.compile(r"第[一二三四五六七八九十]+")


def _plain_stem(stem: tuple[Token, ...], lexicon: Lexicon) -> bool:
    """A street's or a listed 社区 is named by whatever stem, common words too (广场社区), if it is two to four
    characters of nouns and names, numbered or not (和平里|第二|社区): no verb, function word or generic quality
    (走进|社区, 文明|社区)."""
    if len(stem) > 1 and ORDINAL_WORD.fullmatch(stem[-1].word):
        stem = stem[:-1]
    return 2 <= sum(len(t.word) for t in stem) <= 4 and not _generic(stem, lexicon) and not any(
        t.flag.startswith(("v", "p", "c", "u", "r", "m", "b")) for t in stem)


def _generic(stem: tuple[Token, ...], lexicon: Lexicon) -> bool:
    """Only generic words (文明, 智慧): a quality, no name."""
    return all(t.word in lexicon.generic_heads for t in stem)


LOCAL_BODY_TYPES = ("PartyOrganization", "Committee", "PropertyFirm")


def _opens_local_body(text: str, position: int, lexicon: Lexicon) -> bool:
    """A body's type word follows (玉林东路社区|党委, |居委会): the 社区 before it is the body's place."""
    return any(lexicon.suffix_type.get(text[position:position + n]) in LOCAL_BODY_TYPES for n in range(2, 5))


NO_NAME_FLAGS = ("p", "c", "u", "r", "m", "q")  # function words, pronouns, numerals and measures name no road (这条|路)


def _names_neighbourhood(stem: tuple[Token, ...], lexicon: Lexicon) -> bool:
    """A proper name, or a guessed word and more, before 社区 (玉林|东路, 桂溪, 花溪|时代); no body's or title's name."""
    if not stem or stem[-1].word.endswith(PLACE_TOKENS) or _generic(stem, lexicon) \
            or any(lexicon.suffix_type.get(t.word) or t.flag in ("nz", "nt") for t in stem):
        return False  # 莘庄镇|社区 is the town; 文明|社区 a quality
    if len(stem) >= 2 and stem[-1].word in ROAD_WORDS and not any(t.flag.startswith(NO_NAME_FLAGS) for t in stem):
        return True  # 团结|路|社区: named after its road, whatever the road's own words
    if len(stem) == 2 and stem[-1].word in ESTATE_CHARACTERS and len(stem[0].word) == 2 \
            and not stem[0].flag.startswith(NO_NAME_FLAGS):
        return True  # 安居|园|社区: named after its estate, whatever the estate's own word
    if len(stem) >= 2 and stem[-1].word in DIRECTION_PARTS:
        return True  # 佳禾|北里|社区: a quarter of a named place, whatever the name's own words
    guessed = stem[0].flag == "x" and not in_dictionary(stem[0].word)
    if len(stem) == 1:
        return (guessed or stem[0].flag in ("nr", "ns")) and len(stem[0].word) >= 2
    return guessed or stem[0].flag in PROPER_FLAGS


def city_spans(sentence: Sentence, lexicon: Lexicon) -> list[Span]:
    """A city named without 市 right before its district is a place: 上海|嘉定区, 江苏|昆山市."""
    tokens = tokenize(sentence.text)
    return [Span(city.start, city.end, "Community", "city") for city, district in zip(tokens, tokens[1:])
            if city.flag == "ns" and len(city.word) == 2 and not city.word.endswith(DISTRICT_ENDINGS)
            and district.flag == "ns" and len(district.word) >= 3 and district.word.endswith(DISTRICT_ENDINGS)]


def district_spans(sentence: Sentence, lexicon: Lexicon) -> list[Span]:
    """A district, county or city jieba knows as one place word is named by it (綦江区|青杉街道, 丰都县|鹿鸣镇):
    the type word 区 inside it has no words of its own before it."""
    text, tokens = sentence.text, tokenize(sentence.text)
    spans = [Span(t.start, t.end, "Community", "district") for t in tokens
             if (t.flag == "ns" and t.word.endswith(DISTRICT_ENDINGS) or _guessed_county(t)) and len(t.word) >= 3
             and (not _kind_of_place(t.word) or text.endswith("市", 0, t.start))]  # 青山市新城区: the city's district
    return spans + [Span(place.start, unit.end, "Community", "district") for place, unit in zip(tokens, tokens[1:])
                    if unit.word == "县" and (place.flag == "ns" and len(place.word) >= 2
                                             or place.flag in GUESSED_NAME_FLAGS and len(place.word) == 2)]
    # 云岭|县, 云岩|县: a place word, or one jieba guessed, and 县


GUESSED_NAME_FLAGS = ("nr", "nrt", "nz", "x")


def _guessed_county(token: Token) -> bool:
    """A county jieba guessed as a person's or another name (来凤县): no common word ends in 县."""
    return token.flag in GUESSED_NAME_FLAGS and token.word.endswith("县") and not token.word.endswith("自治县")


def _kind_of_place(word: str) -> bool:
    """A generic place word, bare or described (老城区, 主城区), not a district that ends like one (东城区)."""
    generic = next((g for g in GENERIC_PLACE_WORDS if word.endswith(g)), "")
    return bool(generic) and posseg.dt.word_tag_tab.get(word[:-len(generic)], "a") in DESCRIBING_FLAGS


PROGRAMME = re.compile(r"(?:推进|推动|进行了?|开展|实施|启动|结合)(?P<name>[\u4e00-\u9fff]{2,10}?(?:建设|行动))")


def programme_spans(sentence: Sentence, lexicon: Lexicon) -> list[Span]:
    """A build-up or drive the case pushes forward is a programme: 推进主题自治楼栋建设, 进行了红色引领规范化建设,
    开展楼道清理行动.

    建设 or 行动 alone names no programme (基层建设, 楼组建设 are everywhere); only after a verb
    of carrying out, and with a stem that is not only generic words.
    """
    spans = []
    for match in PROGRAMME.finditer(sentence.text):
        stem = match.group("name").removesuffix("建设").removesuffix("行动")
        if any(c in GLUE_CHARS for c in stem) or all(t in lexicon.generic_heads for t in segment.cut(stem)) \
                or lexicon.automaton.exists(stem) or _is_common_word(stem):
            continue
        spans.append(Span(match.start("name"), match.end("name"), "Project", "programme"))
    return spans


FUNDED_WORK = re.compile(r"(?:资金|经费|款|元)[^。；;]{0,12}?[，,]?(?:专项|全部|主要)?用于(?P<name>[\u4e00-\u9fff]{2,12}?"
                         r"(?:改造|整治|修缮|更新|修剪|安装|维修|建设|提升|美化|绿化))(?![\u4e00-\u9fff])")


def funded_work_spans(sentence: Sentence, lexicon: Lexicon) -> list[Span]:
    """Work that money is given for is a project, however plainly named: 捐赠资金10万元，用于院落公共空间改造.
    Two works joined (路面修缮和车棚改造) are left to the case's own project."""
    return [Span(m.start("name"), m.end("name"), "Project", "funded-work") for m in FUNDED_WORK.finditer(sentence.text)
            if not any(c in GLUE_CHARS + "和与及、" for c in m.group("name"))]


BOOK_TITLE = re.compile(r"《([^《》\n]{2,24})》")


def agreement_spans(sentence: Sentence, lexicon: Lexicon) -> list[Span]:
    """An agreement or compact in book-title marks is a mechanism the parties govern by: 签订《青松社区共驻共建协议书》.
    Laws and rules (《物业管理条例》) are not the case's own."""
    return [Span(m.start(1), m.end(1), "Mechanism", "agreement") for m in BOOK_TITLE.finditer(sentence.text)
            if m.group(1).endswith(lexicon.agreement_endings)]


JOINT_ACTION_RULE = "joint-action"


def joint_action_spans(sentence: Sentence, lexicon: Lexicon) -> list[Span]:
    """A way of working named by how many parties or levels act together, and how: 四方联动, 两级协同, 六社联动."""
    pattern = _joint_action(lexicon.joint_parties, lexicon.joint_actions)
    return [Span(m.start(), m.end(), "Mechanism", JOINT_ACTION_RULE) for m in pattern.finditer(sentence.text)]


def quoted_head_spans(sentence: Sentence, lexicon: Lexicon) -> list[Span]:
    """A quoted name and the short phrase right after it ending in a head word are one name, typed by the head:
    推行“四方共议”小区议事协调机制, 实施“老街新貌”改造工程; fields of work right before the quote open it
    (党建引领“五方联动”协同机制), and so is a quoted chain of bodies (“街道党工委—社区党委—楼栋党小组”三级组织体系).
    With 的 between (“邻里自治”的模式), or a list quoted, they stay apart."""
    spans = []
    for match in _quoted_head(tuple(lexicon.quoted_head_type)).finditer(sentence.text):
        quoted = QUOTED.match(sentence.text, match.start())
        if quoted and lexicon.type_by_ending(quoted.group(1)) in ACTING_BODIES:
            continue  # “街坊议事厅”先后商议巷道改造: a body named in quotes acts; the phrase is what it does
        head, end = match.group("head"), match.end()
        while following := next((h for h in lexicon.quoted_head_type if sentence.text.startswith(h, end)), ""):
            head, end = following, end + len(following)  # “四不管”小区改造|工程: the last head names it
        type_name = lexicon.quoted_head_type[head]
        start = _fields_start(sentence.text, match.start(), lexicon.quoted_head_fields)
        spans.append(Span(start, end, type_name, f"quoted-head:{type_name.lower()}"))
    return spans


def _fields_start(text: str, start: int, fields: tuple[str, ...]) -> int:
    """Where the fields of work written right before ``start`` begin (党建引领|城市更新|“五全”工作法)."""
    while field := next((f for f in fields if text.endswith(f, 0, start)), None):
        start -= len(field)
    return start


@lru_cache(maxsize=4)
def _quoted_head(heads: tuple[str, ...]) -> re.Pattern:
    phrase = "[^" + "".join(map(re.escape, sorted(NAME_BREAK | HEAD_PHRASE_BREAK | PUNCT))) + "]"
    return re.compile(rf"[“「][^“”「」、，。；！？]{{2,{MAX_QUOTED_WAY}}}[”」](?!{LIST_COUNT.pattern})"
                      rf"{phrase}{{0,{MAX_HEAD_PHRASE}}}?(?P<head>{_alternation(heads)})")


MAX_HEAD_PHRASE = 8  # characters between a quoted name and its head word: “四方共议”|小区议事协调|机制
ACTING_BODIES = ("Committee", "PartyOrganization", "GovernmentAgency", "VolunteerTeam")
MAX_QUOTED_WAY = 32  # a quoted chain of bodies before a head word: “街道党工委+社区党委+楼栋党小组+物业公司”联合治理模式
HEAD_PHRASE_BREAK = set("到让使被从给这")  # “三套车”到现场查看工程: a clause; “X”这一模式: X alone is the name


@lru_cache(maxsize=None)
def _joint_action(parties: tuple[str, ...], actions: tuple[str, ...]) -> re.Pattern:
    return re.compile(rf"(?<![{NUMERALS}])[{NUMERALS}]+(?:{'|'.join(parties)})(?:{'|'.join(actions)})")


LONG_NAME_OPENERS = "开展|实施|启动|推出|打造|创建|发起|举办|成立|组建|孵化"
LONG_NAME_TYPES = {"项目": "Project", "计划": "Project", "活动": "Project", "行动": "Project", "工程": "Project",
                   "队伍": "VolunteerTeam", "团队": "VolunteerTeam", "志愿者队": "VolunteerTeam", "服务队": "VolunteerTeam"}
LONG_NAME_WORDS = sorted(LONG_NAME_TYPES, key=len, reverse=True)
LONG_NAME = re.compile(rf"(?:{LONG_NAME_OPENERS})了?(?P<name>[\u4e00-\u9fff]{{8,18}}?"
                       rf"(?:{'|'.join(LONG_NAME_WORDS)}))(?![\u4e00-\u9fff])")
LONG_NAME_BREAKS = set(GLUE_CHARS + "了和与及并等")


def long_name_spans(sentence: Sentence, lexicon: Lexicon) -> list[Span]:
    """A long descriptive name set up by a verb, verbs and all: 开展反诈风险防范日公益示范点创建项目,
    成立反诈风险防范公益基金青年志愿者队伍. Its words are too many and too verb-like for the left walk;
    the verb before it and the type word after it bound it instead."""
    spans = []
    for match in LONG_NAME.finditer(sentence.text):
        name = match.group("name")
        type_word = next(w for w in LONG_NAME_WORDS if name.endswith(w))
        if LONG_NAME_BREAKS & set(name) or all(t in lexicon.generic_heads for t in segment.cut(name[:-len(type_word)])):
            continue
        spans.append(Span(match.start("name"), match.end("name"), LONG_NAME_TYPES[type_word], "long-name"))
    return spans


STREET_OFFICE = re.compile(r"(?:街道|镇|(?<![辖社小])区)(?:[\u4e00-\u9fff]{2,3}(?<![主承协])办(?![理法事公学好成实])"
                           r"|[\u4e00-\u9fff]{2,4}?办公室)")  # not 辖区居民办实事, nor 社区党委主办 (an organiser)


def office_spans(sentence: Sentence, lexicon: Lexicon) -> list[Span]:
    """An office of a street, town or district named by its task: 街道加梯办, 区文明办, 镇城市管理办公室."""
    return [Span(m.start(), m.end(), "GovernmentAgency", "office") for m in STREET_OFFICE.finditer(sentence.text)
            if not any(c in GLUE_CHARS for c in m.group())]


ACTING_AREA_RULE = "acting-area"
ACTING_AREA = re.compile(r"(?:^|(?<=[，。；,;]))(?:本|该)?(?P<word>居民区|社区)(?=(?:还|也|又|先后|积极|主动|随后|同时|专门|"
                         r"已经|已|率先|再|进一步|认真|及时|持续|着力|全力|第一时间)?(?:组建|成立|推出|建立|打造|开展|推行|探索|引入|启动|搭建|形成|创新|"
                         r"实施|制定|牵头|发起|联合|携手|邀请|动员|发动|组织|运用|借助|通过|坚持|落实|联系|孵化|培育|设立|举办))")


def acting_area_spans(sentence: Sentence, lexicon: Lexicon) -> list[Span]:
    """A bare 居民区 or 社区 opening a clause and acting (居民区还组建了…): the case's own area, which stands for its
    lead body in the relation rules."""
    return [Span(m.start("word"), m.end("word"), "Community", ACTING_AREA_RULE, generic=True)
            for m in ACTING_AREA.finditer(sentence.text)]


NEIGHBOURHOOD_BESIDE_STREET = re.compile(r"(?<=街道[、和与及])社区(?=[、和与及，,]|的?(?:指导|支持|帮助|协调|推动|监督)|"
                                         r"(?:共同|携手|联合|配合|一起))")


def neighbourhood_beside_street_spans(sentence: Sentence, lexicon: Lexicon) -> list[Span]:
    """A bare 社区 acting beside the street (街道、社区和物业共同监督): the neighbourhood's committee, where the
    case's unit is a 社区."""
    return [Span(m.start(), m.end(), "Committee", "beside-street", generic=True)
            for m in NEIGHBOURHOOD_BESIDE_STREET.finditer(sentence.text)]


Recognizer = Callable[[Sentence, Lexicon], list[Span]]

RECOGNIZERS: dict[str, Recognizer] = {
    "suffix": suffix_spans,
    "quoted": quoted_spans,
    "person": person_spans,
    "named_person": named_person_spans,
    "transliterated_person": transliterated_person_spans,
    "campaign": campaign_spans,
    "field_way": field_way_spans,
    "programme": programme_spans,
    "neighbourhood": neighbourhood_spans,
    "city": city_spans,
    "district": district_spans,
    "building": building_spans,
    "enumeration": enumeration_spans,
    "office": office_spans,
    "long_name": long_name_spans,
    "funded_work": funded_work_spans,
    "agreement": agreement_spans,
    "joint_action": joint_action_spans,
    "quoted_head": quoted_head_spans,
    "acting_area": acting_area_spans,
    "neighbourhood_beside_street": neighbourhood_beside_street_spans,
}


COLUMN_MARKS = "｜|丨／/"


def _after_column_mark(span: Span, text: str) -> Span:
    """访谈｜桂园社区: a headline's column mark, which jieba may glue to the name after it, opens no name."""
    start = span.start
    while start < span.end - 1 and text[start] in COLUMN_MARKS:
        start += 1
    return replace(span, start=start) if start != span.start else span


def recognize(sentence: Sentence, lexicon: Lexicon) -> list[Span]:
    """All spans of a sentence; where spans of a type share their end or their start, the longest wins.

    A project named inside a mechanism's or a body's name is part of that name (“1+1+N”楼组|管理模式,
    7栋楼道|议事会), and a person's name that ends on another name's type word is that name (牛家村与…: no person).
    """
    spans = [_after_column_mark(span, sentence.text)
             for recognizer in RECOGNIZERS.values() for span in recognizer(sentence, lexicon)]
    kept: dict[tuple[int, str], Span] = {}
    for span in spans:
        key = (span.end, span.type)
        if key not in kept or span.end - span.start > kept[key].end - kept[key].start or span.rule == HOST_RULE:
            kept[key] = span
    covered = [s for s in kept.values() if s.rule.startswith(("quoted", CAMPAIGN_RULE, FIELD_WAY_RULE)) or s.generic]
    for span in covered:
        if any(o is not span and o.start <= span.start and o.end >= span.end for o in kept.values()):
            del kept[(span.end, span.type)]
    nested = {id(s) for s in kept.values() for longer in kept.values() if longer is not s and s.rule != HOST_RULE
              and (longer.type == s.type and longer.start == s.start and longer.end > s.end
                   or s.type == "Project" and longer.type in ("Mechanism", *ORG_TYPES) and longer.start <= s.start
                   and s.end < longer.end
                   or s.type == "Person" and longer.type != "Person" and longer.start <= s.start
                   and s.end == longer.end)}
    return sorted((s for s in kept.values() if id(s) not in nested), key=lambda s: (s.start, -s.end))
