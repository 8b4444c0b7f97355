import json
import subprocess
import sys

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from loaders.encoding import decode_text
from loaders.errors import ReadError
from loaders.load import load_documents, read_document, split_cases
from loaders.normalize import normalize_text
from loaders.places import district_names, locate_case, subject_names
from loaders.readers.html import parse_html
from loaders.splitter import split_spans
from casegraph import api
from tests.conftest import CORPUS, GOLD, ROOT

CASE_TEXT = "和平居民区党总支牵头成立自治小组。居委会参与。"


def test_utf8_bom_and_gb18030_are_detected(tmp_path):
    for name, data in [("bom.txt", b"\xef\xbb\xbf" + CASE_TEXT.encode()), ("gb.txt", CASE_TEXT.encode("gb18030")),
                       ("utf8.md", CASE_TEXT.encode())]:
        path = tmp_path / name
        path.write_bytes(data)
        assert read_document(path, name).text == CASE_TEXT


TRADITIONAL_PAGE = ("<html><head><meta charset=\"big5\"><title>青竹村的共富工坊</title></head><body>"
                    "<h1>青竹村的共富工坊</h1><p>青竹村黨支部牽頭成立合作社，村民在家門口就業。</p></body></html>")


def test_a_web_page_is_read_in_the_charset_it_declares(tmp_path):
    path = tmp_path / "page.html"
    path.write_bytes(TRADITIONAL_PAGE.encode("big5"))
    assert "青竹村党支部牵头成立合作社" in read_document(path, "page").text


@pytest.mark.parametrize("text, codec", [("青竹村黨支部牽頭成立合作社，村民在家門口就業。", "big5"),
                                         ("青竹村党支部牵头成立合作社，村民在家门口就业。", "gb18030")])
def test_chinese_text_without_a_declared_charset_is_read_in_the_codec_it_reads_as_words_in(text, codec):
    assert decode_text(text.encode(codec)).text == text


def test_unknown_encoding_and_binary_are_refused():
    with pytest.raises(ReadError, match="encoding"):
        decode_text("café naïve".encode("latin-1"))
    with pytest.raises(ReadError, match="binary"):
        decode_text(b"\x00\x01\x02PK\x03\x04" * 10)


def test_traditional_is_simplified_and_offsets_point_back():
    raw = "楊浦區江浦路街道 金申城居民區黨總支，牽頭成立自治小組。"
    text, offsets = normalize_text(raw)
    assert text == "杨浦区江浦路街道金申城居民区党总支，牵头成立自治小组。"
    assert raw[offsets[text.index("金")]] == "金"


def test_the_space_between_a_headlines_parts_is_kept_and_letter_spacing_is_not():
    text, _ = normalize_text("旧楼添新梯　青松里居民告别爬楼\n\n社 区 治 理\n\n老楼居民盼了多年的电梯终于装上了。\n")
    assert text.splitlines()[0] == "旧楼添新梯　青松里居民告别爬楼"
    assert "社区治理" in text


def test_pdf_broken_lines_are_joined_but_headings_kept():
    body = ("长青路第二居民区党总支辖区的延平东路147弄小区建造于1975年，共有居民三百余户，"
            "楼道环境一度十分杂乱。居民区党总支牵头召开议事会，听取居民意见，商定楼道清理方案，"
            "党员骨干带头清理杂物，居民纷纷参与，楼道面貌焕然一新。")
    lines = [body[i:i + 14] for i in range(0, len(body), 14)]
    raw = "\n打造“谊邻清风弄”\n“小楼道”变成大家园\n\n" + "\n".join(lines) + "\n"
    text, _ = normalize_text(raw)
    assert text.split("\n")[0] == "打造“谊邻清风弄”"
    assert "长青路第二居民区党总支辖区的延平东路147弄小区建造于1975年" in text


@pytest.mark.parametrize("raw, mended", [
    # a ragged column broken inside a number is joined, a contents line is not
    ("青禾社区召开加装电梯意见征询会\n\n4月2日，青禾路18\n号院活动室里坐满了人，\n居民们商量加装电梯的具体方\n"
     "案，物业公司和社区工作人员一\n起听取大家的意见和建议。去年启动的3个\n楼道改造项目相继完工。\n\n目录\n一、基本情况..... 1\n二、主要做法..... 3\n",
     ["青禾路18号院活动室里坐满了人，居民们商量", "启动的3个楼道改造项目", "基本情况..... 1\n二、主要做法"]),
    # a line opening on a number and its measure word carries on the line before
    ("青禾社区推进老旧小区改造\n\n此轮改造覆盖青松苑、翠竹新村、和平东路\n215 弄、长青路 88 号等小区，居民纷纷\n"
     "点赞。青松公司党支部为此捐资\n20 万元，支持加装电梯。\n",
     ["和平东路215弄、长青路88号", "捐资20万元"]),
    # a word a justified column broke is joined again
    ("青禾社区推进旧房改造\n\n项目一启动，青松置业便把党建引\n领旧改摆在首要位置，把支部建\n在项目上作为推动工程的抓手\n"
     "下午，区民政\n局、青松置业有限公司、松涛居\n民区和青禾幼儿园是四家联建单\n位，改造工程覆\n盖松涛新村等小区。\n",
     ["下午，区民政局、青松置业有限公司", "改造工程覆盖松涛新村"]),
])
def test_lines_a_layout_broke_are_mended(raw, mended):
    text, _ = normalize_text(raw)
    assert [m for m in mended if m not in text] == [], text


def test_a_pdfs_running_header_and_page_marks_are_dropped_but_a_title_they_repeat_is_kept():
    page = "青禾社区党委牵头成立加梯议事会，邀请居民代表共同商议方案，先后召开协调会八次。\n"
    raw = ("桂湖区社区治理案例汇编\n\n" + page + "[图片]\n桂湖区社区治理案例汇编\n第 2 页 共 3 页\n" + page
           + "桂湖区社区治理案例汇编\n3/3\n主办单位：桂湖区人民政府办公室\n桂ICP备12345678号\n")
    text, _ = normalize_text(raw)
    assert text.startswith("桂湖区社区治理案例汇编") and text.count("案例汇编") == 1, text
    assert [f for f in ("页", "3/3", "图片", "主办", "ICP") if f in text] == [], text


def test_a_collections_name_printed_beside_each_pages_number_is_no_title_of_the_case_it_heads():
    page = "青禾社区党委牵头成立加梯议事会，邀请居民代表共同商议方案，\n先后召开协调会八次。\n"
    raw = ("— 7 —\n桂湖区社区治理案例汇编\n“加梯议事会”议出幸福梯\n" + page + "— 8 —\n桂湖区社区治理案例汇编\n" + page
           + "— 9 —\n")
    text, _ = normalize_text(raw)
    assert text.startswith("“加梯议事会”议出幸福梯\n") and "汇编" not in text and "—" not in text, text


def test_a_wechat_articles_numbered_short_sections_are_one_case_and_its_follow_prompt_is_furniture():
    raw = ("党建引领“三个一”　打造幸福小区\n\n👆点击蓝字关注我们\n\n近年来，青禾区柳营街道青竹社区探索形成了“三个一”模式。\n\n"
           "01\n建强一个支部\n\n青竹社区在青竹花园小区成立党支部，由老党员担任书记。\n\n"
           "02\n搭建一个平台\n\n青竹花园小区搭建“青竹议事厅”，每月议事一次。\n\n喜欢就点个“在看”吧\n")
    text, _ = normalize_text(raw)
    assert "蓝字" not in text and "在看" not in text and "\n\n建强一个支部\n\n青竹社区在" in text, text
    assert [span.title for span in split_spans(text)] == ["党建引领“三个一”　打造幸福小区"]


def test_a_section_heading_each_case_of_a_collection_repeats_is_kept():
    case = "【主要做法】\n青禾社区党委牵头成立加梯议事会，邀请居民代表共同商议方案。\n一、经验启示\n居民参与是关键。\n"
    text, _ = normalize_text("桂湖区社区治理案例汇编\n\n" + case * 3)
    assert text.count("【主要做法】") == 3 and text.count("一、经验启示") == 3, text


@pytest.mark.parametrize("name, text", [
    ("copied.txt", "首页 > 新闻中心 > 基层动态\n\n青松社区：议事会议出加梯方案\n\n" + CASE_TEXT + "\n\n【打印】【关闭】\n"),
    ("run-in.md", "首页>>工作动态>>正文\n青松社区：议事会议出加梯方案\n" + CASE_TEXT + "\n"),
])
def test_a_copied_pages_headline_names_the_case_never_its_breadcrumb_or_file_name(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    cases = load_documents([path]).cases
    assert [c.title for c in cases] == ["青松社区：议事会议出加梯方案"]
    assert [f for f in ("首页", "打印", "关闭") if f in cases[0].text] == [], cases[0].text


def test_html_main_text_without_navigation_or_scripts():
    raw = parse_html("<html><head><title>t</title><script>alert(1)</script></head><body><nav>首页 导航</nav>"
                     "<article><h1>党建引领自治</h1><p>金申城居民区党总支牵头。</p></article>"
                     "<footer>版权所有</footer></body></html>")
    assert "导航" not in raw.text and "alert" not in raw.text and "版权" not in raw.text
    assert raw.title == "党建引领自治" and "金申城居民区党总支牵头" in raw.text


GOVERNMENT_PAGE = """<html><head><title>青松社区：议事会议出加梯方案_桂湖区人民政府</title></head><body>
<div class="top"><h1 class="logo">桂湖区人民政府</h1><ul><li><a href="/">首页</a></li><li><a href="/gk">政务公开</a></li></ul></div>
<div class="location">您的位置：<a href="/">首页</a> &gt; 工作动态</div>
<div class="tit">青松社区：议事会议出加梯方案</div>
<div class="TRS_Editor"><p>青松社区党委牵头成立加梯议事会，邀请居民代表共同商议方案。</p>
<p>在街道办事处的支持下，青松小区首台电梯于6月投入使用。</p></div>
<div class="prev">上一篇：<a href="/1">和平社区召开楼组长会议</a></div>
<div><h3>相关新闻</h3><ul><li><a href="/2">阳光小区成立业主委员会</a></li><li><a href="/3">东湖社区启动楼道美化项目</a></li></ul></div>
<div class="footer">主办：桂湖区人民政府办公室</div></body></html>"""

LINE_BROKEN_PAGE = """<html><head><title>星河社区：议事会里议出幸福账_桂湖区民政局</title></head><body><h1>桂湖区民政局</h1>
<table><tr><td><a href="/">首页</a> <a href="/a">机构概况</a> <a href="/b">通知公告</a> <a href="/c">办事指南</a></td></tr>
<tr><td><div id="zoom">今年以来，星河社区党委牵头成立楼道议事会。<br>在社区党委指导下，议事会先后解决停车难等问题十余个。<br></div></td></tr>
<tr><td>上一篇：<a href="/p">青松社区开展趣味运动会</a></td></tr></table><p>版权所有：桂湖区民政局</p></body></html>"""


@pytest.mark.parametrize("markup, headline, sentences, furniture", [
    (GOVERNMENT_PAGE, "青松社区：议事会议出加梯方案",
     ["青松社区党委牵头成立加梯议事会", "青松小区首台电梯于6月投入使用"],
     ["桂湖区人民政府", "政务公开", "和平社区", "阳光小区", "东湖社区"]),
    (LINE_BROKEN_PAGE, "星河社区：议事会里议出幸福账",
     ["星河社区党委牵头成立楼道议事会", "议事会先后解决停车难"],
     ["桂湖区民政局", "机构概况", "青松社区"]),
])
def test_a_short_article_is_found_among_a_sites_menus_and_link_lists(markup, headline, sentences, furniture):
    """The headline is the one the page's <title> repeats, never the site's logo; menus, 上一篇 and 相关新闻 go."""
    raw = parse_html(markup)
    assert raw.title == headline
    assert all(s in raw.text for s in sentences), raw.text
    assert [f for f in furniture if f in raw.text] == [], raw.text


def test_a_headline_marked_by_its_class_names_the_case_where_the_page_title_is_the_sites():
    raw = parse_html("<html><head><title>桂湖区民政局</title></head><body><div class='logo'>桂湖区民政局</div>"
                     "<div class='article-title'>星河社区：议事会里议出幸福账</div><div class='content'><p>"
                     "今年以来，星河社区党委牵头成立楼道议事会，居民有事一起商量，先后解决停车难等问题十余个。</p></div>"
                     "</body></html>")
    assert raw.title == "星河社区：议事会里议出幸福账"


def test_a_headline_with_its_own_dash_is_kept_whole():
    raw = parse_html("<html><head><title>打造微花园——星河社区党委案例_桂湖区人民政府</title></head><body>"
                     "<h1>打造微花园——星河社区党委案例</h1><div class='content'><p>今年以来，星河社区党委牵头把"
                     "废弃平台改造成微花园，居民有了休憩的好去处，楼组长们轮流养护花草。</p></div></body></html>")
    assert raw.title == "打造微花园——星河社区党委案例"


WECHAT_ARTICLE = """<html><head><title>小区议事会：把烦心事变成暖心事</title></head><body>
<div id="page-content"><h1 class="rich_media_title">小区议事会：把烦心事变成暖心事</h1>
<div class="rich_media_meta_list"><span>原创</span><a id="js_name">青禾街道</a><em>2023-05-06 09:00</em></div>
<div class="rich_media_content" id="js_content"><section><span>今年以来，翠竹社区党委牵头成立小区议事会，</span>\
<span>每月召开一次会议。</span></section><section><span>议事会先后解决停车难等问题十余个。</span></section></div>
<div class="rich_media_tool"><a>阅读原文</a><span>阅读 1234</span></div></div>
<div class="qr_code_pc"><p>微信扫一扫<br>关注该公众号</p></div></body></html>"""


def test_a_wechat_articles_sections_are_its_text_and_its_account_and_counters_are_not():
    raw = parse_html(WECHAT_ARTICLE)
    assert "翠竹社区党委牵头成立小区议事会，每月召开一次会议" in raw.text and "议事会先后解决停车难" in raw.text
    assert [f for f in ("青禾街道", "原创", "阅读", "公众号") if f in raw.text] == [], raw.text


def test_an_article_written_as_one_div_a_paragraph_is_read_whole():
    raw = parse_html("<html><head><title>松林社区议事厅议出好日子-桂湖区政府网</title></head><body>"
                     "<div class='bt'>松林社区议事厅议出好日子</div><div class='TRS_Editor'>"
                     "<div>今年以来，桂湖区松林街道松林社区党委依托议事厅，推动解决居民急难愁盼问题32件。</div>"
                     "<div>议事厅由社区党委牵头，邀请居民代表、物业企业和辖区单位共同参与，每月召开一次议事会。</div>"
                     "<div>在议事会上，居民反映小区路灯损坏问题，社区当即联系物业进行维修，三天内全部修复。</div>"
                     "</div></body></html>")
    assert all(s in raw.text for s in ("推动解决居民急难愁盼问题32件", "每月召开一次议事会", "三天内全部修复")), raw.text


def test_an_article_written_as_one_div_around_each_paragraph_is_read_whole():
    paragraphs = ("今年以来，桂湖区松林街道松林社区党委依托议事厅，推动解决居民急难愁盼问题32件。",
                  "议事厅由社区党委牵头，邀请居民代表、物业企业和辖区单位共同参与，每月召开一次议事会。",
                  "在议事会上，居民反映小区路灯损坏问题，社区当即联系物业进行维修，三天内全部修复。")
    raw = parse_html("<html><body><div class='content'>" + "".join(f"<div><p>{p}</p></div>" for p in paragraphs)
                     + "</div></body></html>")
    assert all(p in raw.text for p in paragraphs), raw.text


def test_an_article_of_lines_in_font_tags_is_found_beside_a_box_of_news():
    lines = ("今年以来，桂湖区松林街道松林社区党委依托议事厅，推动解决居民急难愁盼问题32件。",
             "议事厅由社区党委牵头，邀请居民代表、物业企业和辖区单位共同参与，每月召开一次议事会。",
             "在议事会上，居民反映小区路灯损坏问题，社区当即联系物业进行维修，三天内全部修复。")
    box = "<div class='hot'><p>热点：青山区召开基层治理推进会，总结推广各街道经验做法，部署下一阶段重点工作。</p></div>"
    raw = parse_html("<html><body><div class='zoom'>" + "<br>".join(f"<font size=3>{line}</font>" for line in lines)
                     + "</div>" + box + "</body></html>")
    assert all(line in raw.text for line in lines) and "热点" not in raw.text, raw.text


PARAGRAPHS = ("今年以来，桂湖区松林街道松林社区党委依托议事厅，推动解决居民急难愁盼问题32件。",
              "议事厅由社区党委牵头，邀请居民代表、物业企业和辖区单位共同参与，每月召开一次议事会。",
              "在议事会上，居民反映小区路灯损坏问题，社区当即联系物业进行维修，三天内全部修复。")


def test_an_article_laid_out_as_table_rows_is_read_whole():
    raw = parse_html("<html><body><table>" + "".join(f"<tr><td>{p}</td></tr>" for p in PARAGRAPHS)
                     + "</table></body></html>")
    assert all(p in raw.text for p in PARAGRAPHS), raw.text


def test_an_article_holding_a_long_table_keeps_its_paragraphs():
    rows = "".join(f"<tr><td>{i}</td><td>松林社区第{i}号楼加装电梯及配套设施改造工程，由青禾建设公司承建，预计年底完工交付。"
                   "</td></tr>" for i in range(6))
    raw = parse_html(f"<html><body><div><p>{PARAGRAPHS[0]}</p><table>{rows}</table><p>{PARAGRAPHS[1]}</p>"
                     f"<p>{PARAGRAPHS[2]}</p></div></body></html>")
    assert all(p in raw.text for p in PARAGRAPHS) and "第3号楼" in raw.text, raw.text


def test_paragraphs_written_in_the_body_beside_a_table_of_data_are_the_article_and_its_cells_stay_apart():
    rows = "".join(f"<tr><td>{i}</td><td>{unit}</td><td>{work}</td></tr>"
                   for i, (unit, work) in enumerate([("松林小学", "四点半课堂"), ("青禾物业管理有限公司", "楼道刷新")], 1))
    raw = parse_html(f"<html><body><h1>议事厅工作纪实</h1><p>{PARAGRAPHS[0]}</p><table><tr><th>序号</th><th>单位</th>"
                     f"<th>项目</th></tr>{rows}</table><p>{PARAGRAPHS[1]}</p></body></html>")
    text, _ = normalize_text(raw.text)
    assert PARAGRAPHS[0] in text and PARAGRAPHS[1] in text, text
    assert "1，松林小学，四点半课堂。" in text and "序号，单位，项目。" in text, text


def test_an_article_whose_paragraphs_each_have_a_div_of_their_own_is_read_whole():
    raw = parse_html("<html><body><div class='articleTitle'>议事厅议出好办法</div>"
                     + "".join(f"<div class='p'>{p}</div>" for p in PARAGRAPHS) + "</body></html>")
    assert all(p in raw.text for p in PARAGRAPHS), raw.text


def test_a_box_of_news_beside_the_article_is_no_part_of_it():
    box = "推荐：青山区召开基层治理推进会，总结推广各街道经验做法，部署下一阶段重点工作任务。"
    raw = parse_html("<html><body><div class='wrap'><div class='content'>" + "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
                     + f"</div><div class='right'><p>{box}</p></div></div></body></html>")
    assert all(p in raw.text for p in PARAGRAPHS) and box not in raw.text, raw.text


def test_a_page_saved_as_shtml_is_read_as_a_web_page(tmp_path):
    path = tmp_path / "article.shtml"
    path.write_text(GOVERNMENT_PAGE, encoding="utf-8")
    assert [c.title for c in load_documents([path]).cases] == ["青松社区：议事会议出加梯方案"]


def _single_file_page(parts: list[tuple[bytes, str, str]]) -> bytes:
    """A page saved as one file, as browsers write it: a multipart/related MIME message of the page and its images."""
    from email.message import EmailMessage

    message = EmailMessage()
    message.make_related()
    for content, maintype, subtype in parts:
        message.add_related(content, maintype=maintype, subtype=subtype, cte="quoted-printable",
                            params={"charset": "gb18030"} if maintype == "text" else {})
    return bytes(message)


def test_a_page_saved_as_one_file_is_read_as_its_web_page(tmp_path):
    path = tmp_path / "article.mhtml"
    path.write_bytes(_single_file_page([(GOVERNMENT_PAGE.encode("gb18030"), "text", "html"),
                                        (b"\x89PNG\r\n", "image", "png")]))
    [case] = load_documents([path]).cases
    assert case.title == "青松社区：议事会议出加梯方案" and "议事会" in case.text


def test_a_page_saved_as_one_file_without_its_page_is_a_clear_problem(tmp_path):
    path = tmp_path / "broken.mht"
    path.write_bytes(_single_file_page([(b"\x89PNG\r\n", "image", "png")]))
    result = load_documents([path])
    assert not result.cases and [str(p) for p in result.problems] == [f"{path}: saved page holds no HTML part"]


def test_the_headline_is_the_heading_of_the_longer_title_part_where_the_site_name_comes_first():
    raw = parse_html("<html><head><title>桂湖区民政局 - 星河社区：议事会里议出幸福账</title></head><body>"
                     "<h1>桂湖区民政局</h1><div><h2>星河社区：议事会里议出幸福账</h2><p>今年以来，星河社区党委牵头成立"
                     "楼道议事会，居民有事一起商量，先后解决停车难等问题十余个。</p></div></body></html>")
    assert raw.title == "星河社区：议事会里议出幸福账"


def test_a_headline_marked_by_its_class_names_the_case_where_the_page_title_is_the_site_and_its_section():
    raw = parse_html("<html><head><title>桂湖区民政局--工作动态</title></head><body><table>"
                     "<tr><td class='logo'>桂湖区民政局</td></tr><tr><td class='title'>老楼装上新电梯 居民出行一键直达</td></tr>"
                     "<tr><td class='content'>近日，星河社区翠屏新村12栋的电梯正式投入使用，居民们纷纷点赞，"
                     "社区党委书记介绍，下一步还将推进更多楼栋加装电梯。</td></tr></table></body></html>")
    assert raw.title == "老楼装上新电梯 居民出行一键直达"


def test_a_name_linked_inside_a_paragraph_stays_in_its_sentence():
    raw = parse_html("<html><body><div><p>今年以来，<span><a href='/x'>青松社区</a></span>党委牵头成立加梯议事会，"
                     "邀请居民代表共同商议方案，先后召开协调会8次，居民满意度明显提升。</p></div></body></html>")
    assert "今年以来，青松社区党委牵头成立加梯议事会" in raw.text


def test_docx_headings_become_cases(tmp_path):
    import docx

    document = docx.Document()
    for title in ("共建睦邻花园", "加装电梯暖人心"):
        document.add_heading(title, level=1)
        document.add_paragraph("——示范街道和平居民区党总支案例")
        document.add_paragraph(CASE_TEXT * 3)
    path = tmp_path / "cases.docx"
    document.save(path)
    result = load_documents([path])
    assert [c.title for c in result.cases] == ["共建睦邻花园", "加装电梯暖人心"]


def test_titles_set_in_bold_in_a_word_file_open_its_cases_and_a_bold_section_heading_does_not(tmp_path):
    import docx

    document = docx.Document()
    cases = (("松林社区：议事厅议出好日子", "今年以来，松林社区党委依托议事厅，推动解决居民急难愁盼问题32件。"),
             ("翠竹社区：加装电梯惠民生", "翠竹社区党总支牵头成立加梯议事会，三个月内完成5台电梯加装。"))
    for title, text in cases:
        document.add_paragraph().add_run(title).bold = True
        document.add_paragraph().add_run("一、主要做法").bold = True
        document.add_paragraph(text)
    path = tmp_path / "bold.docx"
    document.save(path)
    loaded = load_documents([path]).cases
    assert [(c.title, text in c.text) for c, (_, text) in zip(loaded, cases)] == [(t, True) for t, _ in cases], loaded
    assert len(loaded) == 2


def test_a_title_with_a_section_heading_under_it_names_its_case():
    text, _ = normalize_text("松林社区：议事厅议出好日子\n\n一、主要做法\n\n今年以来，松林社区党委依托议事厅，推动解决居民急难愁盼问题"
                             "32件，居民纷纷点赞。\n\n翠竹社区：加装电梯惠民生\n\n一、主要做法\n\n翠竹社区党总支牵头成立加梯议事会，"
                             "三个月内完成5台电梯加装，居民纷纷点赞。\n")
    assert [s.title for s in split_spans(text)] == ["松林社区：议事厅议出好日子", "翠竹社区：加装电梯惠民生"], text


def test_a_line_before_a_section_heading_is_never_joined_to_it():
    text, _ = normalize_text("今年以来松林社区党委依托议事厅推动解决居民急难愁盼问题三十二件居民纷纷点赞\n\n一、主要做法\n\n"
                             "议事厅由社区党委牵头，每月召开一次。\n")
    assert "\n\n一、主要做法\n\n" in text, text


def test_a_case_filed_on_a_word_form_keeps_the_text_of_its_table(tmp_path):
    import docx

    document = docx.Document()
    document.add_heading("加装电梯暖人心", level=1)
    form = document.add_table(rows=2, cols=2)
    form.cell(0, 0).text, form.cell(0, 1).text = "案例名称", "加装电梯暖人心"
    form.cell(1, 0).text, form.cell(1, 1).text = "主要做法", CASE_TEXT
    path = tmp_path / "form.docx"
    document.save(path)
    cases = load_documents([path]).cases
    assert [c.title for c in cases] == ["加装电梯暖人心"] and "主要做法：" + CASE_TEXT in cases[0].text, cases


def test_a_word_report_keeps_its_headline_over_its_numbered_sections_and_its_table_rows_apart(tmp_path):
    import docx

    document = docx.Document()
    document.add_heading("“青禾驿站”温暖快递小哥", level=1)
    document.add_paragraph("——青山区松风街道翠竹社区党委案例")
    document.add_heading("一、背景", level=2)
    document.add_paragraph("翠竹社区辖区内有快递网点12个，快递员、外卖员等新就业群体超过600人，他们工作时间长，歇脚难、喝水难、充电难。")
    document.add_heading("二、做法", level=2)
    document.add_paragraph("社区党委联合青山区邮政管理局、翠竹物业，在社区党群服务中心设立“青禾驿站”，为新就业群体提供饮水、充电、休息等服务。")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "服务项目", "服务次数"
    table.cell(1, 0).text, table.cell(1, 1).text = "免费充电", "3000余次"
    document.add_paragraph("社区还组建了“小哥志愿服务队”，由快递员王志强担任队长，协助社区开展入户走访和安全巡查。")
    path = tmp_path / "report.docx"
    document.save(path)
    cases = load_documents([path]).cases
    assert [(c.title, c.subtitle) for c in cases] == [("“青禾驿站”温暖快递小哥", "青山区松风街道翠竹社区党委案例")], cases
    assert "3000余次社区" not in cases[0].text, cases[0].text


def test_pdf_text_layer_is_read_and_scanned_pdf_is_refused(tmp_path):
    from fpdf import FPDF
    from fontTools.ttLib import TTFont

    from viz.fonts import cjk_font_path

    font_path = tmp_path / "cjk.ttf"
    TTFont(str(cjk_font_path()), fontNumber=0).save(font_path)
    pdf = FPDF()
    pdf.add_page()
    pdf.add_font("cjk", fname=str(font_path))
    pdf.set_font("cjk", size=14)
    pdf.multi_cell(0, 10, "党建引领社区治理\n\n" + CASE_TEXT)
    pdf.output(str(tmp_path / "case.pdf"))
    document = read_document(tmp_path / "case.pdf", "case")
    assert "和平居民区党总支" in document.text
    blank = FPDF()
    blank.add_page()
    blank.output(str(tmp_path / "scan.pdf"))
    with pytest.raises(ReadError, match="no text layer"):
        read_document(tmp_path / "scan.pdf", "scan")


def test_bad_inputs_are_warned_about_and_the_rest_is_read(tmp_path):
    (tmp_path / "good.txt").write_text("党建引领\n\n" + CASE_TEXT, encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 4)
    (tmp_path / "latin.txt").write_bytes("café naïve résumé".encode("latin-1"))
    (tmp_path / "broken.pdf").write_bytes(b"%PDF-1.4 broken")
    (tmp_path / "image.png").write_bytes(b"\x89PNG")
    with open(tmp_path / "huge.txt", "wb") as handle:
        handle.truncate(50 * 2**20)
    result = load_documents([tmp_path])
    assert [d.id for d in result.documents] == ["good"]
    reasons = {p.path.rsplit("/", 1)[-1]: p.message for p in result.problems}
    assert set(reasons) == {"empty.txt", "binary.txt", "latin.txt", "broken.pdf", "image.png", "huge.txt"}
    assert "empty" in reasons["empty.txt"] and "limit" in reasons["huge.txt"]


def test_build_exits_non_zero_only_when_nothing_could_be_read(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    cli = [sys.executable, "-m", "casegraph.cli", "build", str(tmp_path), "--out", str(tmp_path / "out")]
    failed = subprocess.run(cli, capture_output=True, text=True, cwd=ROOT)
    assert failed.returncode == 1 and "empty.txt" in failed.stderr
    (tmp_path / "good.txt").write_text("党建引领\n\n" + CASE_TEXT, encoding="utf-8")
    assert subprocess.run(cli, capture_output=True, text=True, cwd=ROOT).returncode == 0


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=2000))
def test_arbitrary_bytes_never_raise_past_the_loader(tmp_path_factory, data):
    folder = tmp_path_factory.mktemp("fuzz")
    for suffix in (".txt", ".html", ".pdf", ".docx"):
        (folder / f"f{suffix}").write_bytes(data)
    load_documents([folder])


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=800))
def test_arbitrary_text_normalises_and_splits(text):
    normalised, offsets = normalize_text(text, markdown="#" in text)
    assert len(normalised) == len(offsets)
    for span in split_spans(normalised):
        assert 0 <= span.start <= span.end <= len(normalised)


def test_corpus_case_titles_match_the_gold_exactly(corpus_build):
    scorer = ROOT.parent / "shared" / "tools" / "kgscore.py"
    report = subprocess.run([sys.executable, str(scorer), str(corpus_build.path), str(GOLD), "--json"],
                            capture_output=True, text=True, check=True)
    assert json.loads(report.stdout)["cases"]["f1"] == 1.0


def _titles(text):
    return [span.title for span in split_spans(text)]


def _page_titles(raw, markdown=False):
    """The case titles of a raw page, as the loader normalises and splits it."""
    return _titles(normalize_text(raw, markdown=markdown)[0])


def test_numbered_sections_each_headed_by_a_place_are_the_cases_of_a_collection():
    text = ("青禾区基层治理典型案例\n\n一、东湖街道柳荫社区：楼栋管家让服务更贴心\n柳荫社区选出楼栋管家。\n"
            "二、西山街道石泉社区：共享车棚破解充电难\n石泉社区建成共享车棚3处。\n")
    assert _titles(text) == ["东湖街道柳荫社区：楼栋管家让服务更贴心", "西山街道石泉社区：共享车棚破解充电难"]
    one_case = ("加装电梯暖人心\n\n一、基本情况\n和平居民区位于示范街道东部。\n二、主要做法\n居民区党总支召开议事会。\n")
    assert _titles(one_case) == ["加装电梯暖人心"]


def test_a_later_headline_with_its_date_under_it_opens_a_case_where_its_text_turns_to_a_new_area():
    text = ("松园社区：议事会议出停车位\n\n松园社区党委召开议事会，新增车位40个。\n\n"
            "城南街道：老旧小区改造听民意\n2026-11-01\n城南街道红星社区召开改造意见征询会，收集意见40余条。\n")
    assert _titles(text) == ["松园社区：议事会议出停车位", "城南街道：老旧小区改造听民意"]


def test_labelled_cases_split_at_each_label_and_skip_the_contents():
    text = ("优秀案例汇编\n\n目录\n案例一：议事会解决停车难\n案例二：加装电梯\n\n"
            "案例一：议事会解决停车难\n和平居民区党支部牵头成立议事会。\n\n"
            "【案例2】\n加装电梯惠民生\n友谊居民区党总支推进加装电梯。\n")
    assert _titles(text) == ["议事会解决停车难", "加装电梯惠民生"]


def test_numbered_items_open_cases_only_for_a_new_area():
    collection = ("社区治理的密码\n\n近年来，示范街道探索基层治理新路径。\n\n"
                  "1.和平居民区：议事会\n和平居民区党支部成立议事会。\n"
                  "2.友谊居民区：加装电梯\n友谊居民区党总支推进加装电梯。\n")
    assert _titles(collection)[1:] == ["和平居民区：议事会", "友谊居民区：加装电梯"]
    one_case = ("加装电梯 打通最后一公里\n——和平居民区党总支案例\n\n一、基本情况\n和平居民区位于示范街道东部。\n"
                "二、主要做法\n居民区党总支召开议事会。\n三、推广应用\n目前友谊街道已有15个居民区借鉴。\n")
    [span] = split_spans(one_case)
    assert (span.title, span.subtitle) == ("加装电梯 打通最后一公里", "和平居民区党总支案例")


def test_a_case_label_on_its_own_line_and_a_subtitle_broken_across_lines_leave_the_title_clean():
    page = ("案例六\n“红管家”让老小区有了好帮手\n——青禾县城关镇翠竹社区推进物业党建\n联建的实践\n\n"
            "翠竹社区位于城关镇中心城区，辖区有老旧小区11个。\n")
    [span] = split_spans(page)
    assert (span.title, span.subtitle) == ("“红管家”让老小区有了好帮手", "青禾县城关镇翠竹社区推进物业党建联建的实践")


def test_a_sectioned_case_stays_one_case_and_its_headings_stay_lines():
    raw = ("加装电梯“加”出幸福感\n\n——华庭居民区党支部案例\n\n一、项目背景\n华庭居民区建于1995年，共有住宅42幢。\n\n"
           "二、主要做法\n（一）党员带头，破解意见分歧\n居民区党支部组建加梯工作专班，逐户上门做工作。\n"
           "（二）专业支撑，提升推进效率\n街道加梯办全程指导，电梯公司负责安装。\n\n"
           "三、工作成效\n截至2024年底，华庭居民区已完成加装电梯18台。\n")
    text, _ = normalize_text(raw)
    assert "（一）党员带头，破解意见分歧\n居民区党支部" in text
    [span] = split_spans(text)
    assert (span.title, span.subtitle) == ("加装电梯“加”出幸福感", "华庭居民区党支部案例")


def test_a_function_word_can_open_a_place_name():
    assert subject_names("和平居民区位于示范街道东部，与和平居委会共建") == ["和平居民区", "示范街道", "和平"]
    assert subject_names("楼栋自治也不是居民区中个别楼组的事") == []


def test_districts_are_short_names_before_区():
    assert district_names("在上海嘉定区安澜镇，走进浦东新区，6号楼已上报区里，虹湾商务区") == ["嘉定区", "浦东新区"]


def test_a_case_is_about_the_area_it_names_most_not_the_first_or_a_neighbouring_one():
    text = ("楼宇企业与周边居民区联系不紧密。基金用于资助居民区微更新。翠竹居民区党总支与银行结对。"
            "周边居民区党组织参与。翠竹居民区党总支书记李红梅说。")
    assert locate_case(text)[2] == "翠竹居民区"


def test_cases_carry_their_places(tmp_path):
    (tmp_path / "case.txt").write_text(
        "画好邻里同心圆\n\n六合场街道松韵居民区位于城区东部。松韵居民区党总支牵头成立议事会，"
        "邻近的翠竹居民区也派人参加。松韵居民区居民积极参与。\n", encoding="utf-8")
    case = api.build([tmp_path]).case_graph.cases[0]
    assert (case.subdistrict, case.area) == ("六合场街道", "松韵居民区")


def test_every_corpus_document_is_built(corpus_build):
    assert len([d for d in CORPUS.iterdir()]) == len(corpus_build.case_graph.documents)


def test_a_web_page_headline_dateline_and_footer_keep_to_themselves():
    raw = ("全市首台“爬楼机”今天启用！晨光小区告别爬楼难\n\n2024-11-02 09:30\n\n"
           "晨光小区的居民一大早就聚到楼下，争着试坐新设备。晨光居委会主任说，这是居民盼了三年的事。\n\n"
           "—— END ——\n\n扫码关注我们\n获取更多社区资讯\n[二维码]\n")
    text, _ = normalize_text(raw)
    assert text.split("\n\n")[:2] == ["全市首台“爬楼机”今天启用！晨光小区告别爬楼难", "2024-11-02 09:30"]
    assert "获取更多" not in text
    assert [s.title for s in split_spans(text)] == ["全市首台“爬楼机”今天启用！晨光小区告别爬楼难"]


WECHAT_COPY = ("点击蓝字 关注我们\n党建引领丨翠竹社区的充电棚建起来了\n原创 青禾发布 2026-04-02 08:30 发表于青禾\n"
               "▲点击上方图片查看视频\n近日，记者来到松风街道翠竹社区，只见新装的充电棚整齐排列。\n"
               "▲图为新建的充电棚\n社区党委书记介绍，社区联合物业公司新建充电棚3处。\n"
               "来源 | 青禾发布\n编辑 | 张青\n审核：李禾\n往期推荐\n▶ 青禾：垃圾分类进社区\n分享 收藏 点赞 在看\n")


@pytest.mark.parametrize("copy", [WECHAT_COPY, WECHAT_COPY.replace(" 发表于青禾", " 浙江").replace("来源 | ", "来源：")])
def test_a_wechat_article_copied_as_text_keeps_its_headline_and_text_and_drops_its_account_and_links(copy):
    text, _ = normalize_text(copy)
    assert [s.title for s in split_spans(text)] == ["党建引领丨翠竹社区的充电棚建起来了"]
    assert "只见新装的充电棚整齐排列。" in text and "新建充电棚3处。" in text, text
    assert [f for f in ("蓝字", "原创", "发表于", "点击上方", "图为", "来源", "编辑", "审核", "往期", "垃圾分类", "在看")
            if f in text] == [], text


def test_a_word_case_form_without_a_heading_is_named_by_its_title_field(tmp_path):
    import docx

    document = docx.Document()
    document.add_paragraph("基层治理创新案例推荐表")
    form = document.add_table(rows=3, cols=2)
    for row, (label, value) in enumerate([("案例名称", "楼栋议事会让老楼焕新颜"), ("申报单位", "青禾区松风街道工作委员会"),
                                          ("案例简介", CASE_TEXT)]):
        form.cell(row, 0).text, form.cell(row, 1).text = label, value
    path = tmp_path / "form.docx"
    document.save(path)
    [case] = load_documents([path]).cases
    assert case.title == "楼栋议事会让老楼焕新颜" and "申报单位：青禾区松风街道工作委员会" in case.text, case


def test_an_interview_keeps_its_headline_with_a_column_label_and_its_questions_are_no_titles():
    text, _ = normalize_text("访谈｜翠竹社区书记谈“楼长制”\n\n记者：翠竹社区是怎么想到推行“楼长制”的？\n\n"
                             "刘芳（翠竹社区党委书记）：我们社区有高层住宅46栋，很多居民互相不认识。\n\n"
                             "记者：下一步有什么打算？\n\n刘芳：我们准备联合派出所，让楼长制更好地服务居民。\n")
    assert [s.title for s in split_spans(text)] == ["访谈｜翠竹社区书记谈“楼长制”"]


def test_a_short_heading_that_closes_a_page_does_not_take_the_article_before_it():
    text, _ = normalize_text("近日，松风街道翠竹社区建成充电棚3处，居民纷纷点赞。\n社区党委书记介绍，下一步将继续推进。\n\n"
                             "友情链接\n青禾市政府网\n")
    spans = split_spans(text)
    assert [s.title for s in spans] == ["近日，松风街道翠竹社区建成充电棚3处，居民纷纷点赞"], spans
    assert text[spans[0].start:].startswith("近日，松风街道"), spans


def test_a_text_with_no_headline_is_titled_by_its_opening_words_not_its_file_name(tmp_path):
    path = tmp_path / "qa-2026.txt"
    path.write_text("问：社区怎样把闲置车棚变成邻里客厅？\n答：社区党委牵头召开议事协商会，大家一起出主意。\n", encoding="utf-8")
    [case] = split_cases(read_document(path, "qa-2026"))
    assert case.title == "社区怎样把闲置车棚变成邻里客厅？", case


CLIPPED_PAGE = ('---\ntitle: "翠竹社区：小小议事厅解决停车难"\nsource: "https://example.org/news/1.html"\n'
                'tags:\n  - "clippings"\n---\n![](https://example.org/img/1.jpg)\n\n'
                "近日，翠竹社区党委牵头召开议事会，新划停车位86个，由[青禾物业](https://example.org/wy)负责日常管理。\n")


def test_a_page_clipped_to_markdown_is_named_by_its_header_which_like_its_links_is_no_text(tmp_path):
    path = tmp_path / "clipped.md"
    path.write_text(CLIPPED_PAGE, encoding="utf-8")
    document = read_document(path, "clipped")
    [case] = load_documents([path]).cases
    assert case.title == "翠竹社区：小小议事厅解决停车难"
    assert "由青禾物业负责日常管理。" in document.text, document.text
    assert [f for f in ("source", "clippings", "http", "](", "![") if f in document.text] == [], document.text
    at = document.text.index("青禾物业")
    assert document.raw_text[document.offsets[at]:document.offsets[at] + 4] == "青禾物业"


def test_a_case_lies_in_the_county_it_names_and_a_visit_is_no_part_of_a_towns_name():
    text = "近日，县委常委王强一行到城关镇南街社区调研。云岭县城关镇南街社区有居民9600人，县城的老小区多。"
    assert locate_case(text)[:2] == ("云岭县", "城关镇")


def test_a_numbered_subhead_before_any_text_opens_no_case_of_its_own():
    raw = ("楼道亮了，居民笑了！\n\n青禾发布 2025-06-20 08:30 上海\n\n01\n聚焦“急难愁盼”\n\n"
           "家住青禾街道松风苑小区的李阿姨最近心情不错，楼道里装上了感应灯。\n\n02\n多方共商共议\n\n"
           "居民区党总支召集业委会和物业公司商定方案。\n")
    text, _ = normalize_text(raw)
    assert [s.title for s in split_spans(text)] == ["楼道亮了，居民笑了！"] and "01" not in text, text


def test_a_case_forms_title_field_names_the_case_and_its_filers_contact_is_no_text_but_its_unit_is():
    raw = ("基层治理创新案例申报表\n\n案例名称：“院落议事”让老院子焕发新生机\n申报单位：青禾区委社会工作部\n"
           "联系人：王敏　联系电话：0000-0000000\n\n一、基本情况\n\n青禾区松风街道翠竹社区有老旧院落23个，居民反映强烈。\n")
    text, _ = normalize_text(raw)
    assert [s.title for s in split_spans(text)] == ["“院落议事”让老院子焕发新生机"], text
    assert "申报单位：青禾区委社会工作部" in text and "联系" not in text, text


def test_a_two_line_headline_and_the_publishers_line_make_one_title():
    raw = ("翠竹社区召开加装电梯\n意见征询会\n发布机构：示范街道办事处　日期：2024年3月1日\n\n"
           "3月1日上午，翠竹社区活动室里坐满了人，居民代表围绕加装电梯发表意见，社区党委书记逐条记录。\n")
    assert _page_titles(raw) == ["翠竹社区召开加装电梯 意见征询会"]


def test_numbered_sections_of_one_markdown_article_are_one_case():
    assert _page_titles("# 老楼换新颜：长乐里更新记\n\n## 一、居民的心愿\n\n长乐里居民盼望改造多年。\n\n"
                        "## 二、党组织牵头\n\n长乐里党支部牵头成立议事会，居民积极参与。\n",
                        markdown=True) == ["老楼换新颜：长乐里更新记"]


def test_bold_subheads_under_one_markdown_headline_stay_in_its_case():
    raw = ("# 物业联盟再出发：青杉社区的新探索\n\n青杉社区召开物业联盟推进会，各小区代表参加。\n\n"
           "**小区新生：从停摆到重启**\n\n会上，松鹤苑党支部书记介绍了小区重启的经验。\n")
    text, _ = normalize_text(raw, markdown=True)
    assert [s.title for s in split_spans(text)] == ["物业联盟再出发：青杉社区的新探索"]
    assert [s.title for s in split_spans(text.removeprefix("#"))] == ["物业联盟再出发：青杉社区的新探索",
                                                                       "小区新生：从停摆到重启"]


def test_list_bullets_are_no_part_of_their_items():
    raw = "两村各有新变化：\n\n- 青松村新建了厂房。\n* 翠湖村修好了道路。\n"
    text, offsets = normalize_text(raw, markdown=True)
    assert "-" not in text and "*" not in text
    assert "青松村新建了厂房" in text and "翠湖村修好了道路" in text
    assert offsets[text.index("青松村")] == raw.index("青松村")


def test_breadcrumbs_view_counters_and_pinyin_glosses_are_page_furniture():
    raw = ("您的位置：首页 > 基层治理 > 动态\n当前栏目：基层动态\n浏览次数：1234\n\n"
           "晨光社区人民调(diào)解委员会成立\n\n晨光社(shè)区调解员上门化解邻里纠纷，居民纷纷点赞小程序(app)。\n\n"
           "（供稿：青山市松涛区委宣传部 李青）\n")
    text, _ = normalize_text(raw)
    assert "首页" not in text and "栏目" not in text and "1234" not in text and "供稿" not in text
    assert "人民调解委员会" in text and "晨光社区调解员" in text and "(app)" in text


def test_straight_quotes_around_chinese_words_are_curled_and_a_stray_one_is_left():
    raw = '社区建起"共享菜园"，居民说"好"。基层治理有度",让居民感受到"家"的温暖。\n'
    text, offsets = normalize_text(raw)
    assert text == '社区建起“共享菜园”，居民说“好”。基层治理有度",让居民感受到“家”的温暖。', text
    assert len(offsets) == len(text) and offsets[text.index("“共享")] == raw.index('"共享')


def test_single_quotes_outside_a_quotation_are_curled_as_double_ones_and_inside_one_stay():
    text, _ = normalize_text("青松村推行‘1+3+N’网格模式。书记说：“要改变以往‘大包大揽’的做法。”\n")
    assert text == "青松村推行“1+3+N”网格模式。书记说：“要改变以往‘大包大揽’的做法。”", text


def test_a_reprinted_articles_original_title_its_pager_and_its_neighbours_are_page_furniture():
    text, _ = normalize_text("松园小区停车有了新办法\n原标题：党建引领破解停车难\n\n松园小区新增车位80个。\n\n第1页 下一页 尾页\n"
                             "上一篇：社区开展防汛演习\n下一篇：“红色物业”暖民心\n")
    assert text == "松园小区停车有了新办法\n\n松园小区新增车位80个。", text


def test_a_photos_caption_and_credit_are_page_furniture():
    raw = ("青松社区建起了议事厅。\n\n（图为青松议事厅议事现场。通讯员 李青 摄）\n\n图为居民在议事厅议事\n\n"
           "记者 王敏 摄\n\n居民们很满意。\n")
    text, _ = normalize_text(raw)
    assert "图为" not in text and "摄" not in text
    assert "青松社区建起了议事厅。" in text and "居民们很满意。" in text


def test_a_counter_left_empty_and_a_font_size_switch_are_page_furniture():
    for switch in ("字号：【大】【中】【小】", "小字号 大字号", "【大字体】【小字体】"):
        text, _ = normalize_text(f"浏览：次\n{switch}\n\n晨光社区调解员上门化解邻里纠纷，居民纷纷点赞。\n")
        assert text == "晨光社区调解员上门化解邻里纠纷，居民纷纷点赞。", text


def test_a_news_dateline_is_no_part_of_the_first_sentence():
    raw = ("青禾新闻网 2026年2月10日电　松园社区位于青山市。\n新华社青山5月7日电（记者 李青）和平居民区建起议事厅。\n"
           "本报讯（记者 王松 通讯员 李禾）翠竹村修好了道路。\n青山5月8日讯（全媒体记者 张青）青禾村建起书屋。\n")
    text, offsets = normalize_text(raw)
    assert text.startswith("松园社区位于青山市。"), text
    assert "\n和平居民区建起议事厅。" in text, text
    assert "\n翠竹村修好了道路。" in text and "\n青禾村建起书屋。" in text, text
    assert offsets[text.index("松园社区")] == raw.index("松园社区")


def test_a_markdown_tables_rows_are_read_as_sentences_of_their_cells():
    raw = "| 社区 | 共建单位 |\n| --- | :---: |\n| 青松社区 | 青禾中学 |\n| 松涛社区 | 松风医院 |\n"
    text, offsets = normalize_text(raw, markdown=True)
    assert text.split("\n") == ["社区，共建单位。", "", "青松社区，青禾中学。", "松涛社区，松风医院。"], text
    assert raw[offsets[text.index("青禾中学")]:].startswith("青禾中学")


def test_a_place_line_under_the_headline_is_its_subtitle_and_a_case_label_opens_no_title():
    page = "调解室里的一杯茶\n青溪区柳岸街道桃溪社区\n\n桃溪社区成立调解室，邻里纠纷有了去处。\n"
    [span] = split_spans(page)
    assert (span.title, span.subtitle) == ("调解室里的一杯茶", "青溪区柳岸街道桃溪社区")
    assert _page_titles("## 案例五：楼道管家守护老楼\n\n松岗社区党委招募楼道管家，每人认领一个楼道。\n",
                        markdown=True) == ["楼道管家守护老楼"]


def test_a_profiles_ji_before_its_county_is_no_part_of_the_countys_name():
    assert district_names("乡贤回村建家乡——记青溪县柳岸镇桃溪村") == ["青溪县"]


def test_a_verb_before_a_district_office_names_no_district():
    assert district_names("街道办事处协调区交通运输局增设泊位，配合区住建局改造") == []


def test_a_collections_numbered_titles_lose_their_numbers_and_keep_their_parts_apart():
    page = ("一、“院落会”议出和美乡村\n——青溪县柳镇大湾村党总支\n\n大湾村把议事会开到院落里。\n\n"
            "二、村企联建　共富路上手牵手\n——青溪县柳镇鲁湾村党委\n\n鲁湾村党委与企业开展联建。\n")
    assert _page_titles(page) == ["“院落会”议出和美乡村", "村企联建　共富路上手牵手"]


BULLETIN = ("工作简报\n第3期\n\n【本期导读】\n·松岗镇：“积分制”激活乡村治理\n·柳岸街道：“物业联盟”破解管理难题\n\n"
            "松岗镇：“积分制”激活乡村治理\n\n"
            "松岗镇党委在全镇推行“积分制”管理，村民参与公益劳动可以积分，积分可以到超市兑换日用品，大家的积极性很高。\n"
            "上湾村党支部还增设了红黑榜，每月张榜公布一次，村民都很关注榜上的名字，争着上红榜，谁都不愿意上那个黑榜。\n\n"
            "柳岸街道：“物业联盟”破解管理难题\n\n"
            "柳岸街道党工委牵头成立“物业联盟”，吸纳辖区内的物业企业加入，联盟实行轮值主席制度，每季度开一次会，"
            "共商小区管理的难题。\n")


def test_a_bulletins_listed_articles_are_its_cases_and_their_headings_stay_lines():
    text, _ = normalize_text(BULLETIN)
    assert "松岗镇：“积分制”激活乡村治理\n" in text
    spans = split_spans(text)
    assert [s.title for s in spans] == ["松岗镇：“积分制”激活乡村治理", "柳岸街道：“物业联盟”破解管理难题"]
    assert "本期导读" not in text[spans[0].start:spans[0].end]


def test_a_markdown_collections_numbered_cases_are_cases_and_their_place_lines_are_text():
    raw = ("# 社区治理创新案例选编\n\n## 1. 老街坊的“议事亭”\n\n**青溪市柳城区开元街道新华社区**\n\n"
           "新华社区党委在街巷口搭建“议事亭”，听取居民意见。\n\n## 2. 校园成了社区客厅\n\n"
           "**青溪市丰泽区东海街道滨海社区**\n\n滨海社区党委与第七中学党总支签订共建协议。\n")
    text, _ = normalize_text(raw, markdown=True)
    assert "青溪市柳城区开元街道新华社区" in text
    assert [s.title for s in split_spans(text)] == ["老街坊的“议事亭”", "校园成了社区客厅"]


COLLECTION_PDF_TEXT = ("乡村治理案例选编（2026）\n\n目  录\n"
                       "一、柳岸村：“院落会”议出美丽乡村 ……………………… 1\n"
                       "二、石桥社区：物业托管让老旧小区焕新 ………………… 4\n\n"
                       "柳岸村：“院落会”议出美丽乡村\n——青溪县白水乡柳岸村党支部\n"
                       "    柳岸村位于青溪县白水乡东部，全村有12个村民小组，常住人口\n1860人。\n\n"
                       "乡村治理案例选编                                  1\n\n"
                       "石桥社区：物业托管让老旧小区焕新\n——青溪县城关镇石桥社区党委\n"
                       "    石桥社区有老旧小区9个，社区党委牵头组建了社区物业服务中心，\n对9个小区实行托管。\n\n"
                       "乡村治理案例选编                                  2\n")


def test_a_contents_line_keeps_its_page_and_a_footer_beside_its_page_number_is_furniture():
    text, _ = normalize_text(COLLECTION_PDF_TEXT)
    assert "……1\n二、" in text and "选编1" not in text and "选编2" not in text, text
    assert [s.title for s in split_spans(text)] == ["柳岸村：“院落会”议出美丽乡村", "石桥社区：物业托管让老旧小区焕新"]


@pytest.mark.parametrize("page", [
    "基层动态\n\n青松街道：开展邻里守望志愿服务\n2026-11-03\n近日，青松街道新华社区组织党员走访独居老人32户。\n\n"
    "石门镇：积分超市开进村\n2026-11-02\n石门镇东岭村积分超市正式开业，村民可用积分兑换生活用品。\n",
    "【社区动态】\n\n◆青松社区：开展消防安全培训\n5月12日，青松社区联合消防救援站开展培训。\n\n"
    "◆石门镇：积分超市开进村\n石门镇东岭村积分超市正式开业，村民可用积分兑换生活用品。\n",
])
def test_a_column_page_of_briefs_each_headed_by_its_place_splits_at_every_brief(page):
    titles = _page_titles(page)
    assert len(titles) == 2 and titles[1] == "石门镇：积分超市开进村" and "动态" not in titles[0], titles


def test_a_verb_before_a_district_word_names_no_district(tmp_path):
    path = tmp_path / "street.txt"
    path.write_text("老街微改造\n\n2025年，西大街被列入区老旧街区微改造项目。区文化和旅游局提供指导。\n", encoding="utf-8")
    [case] = split_cases(read_document(path, "street"))
    assert case.district == "", case.district


def test_a_wechat_accounts_original_mark_before_its_headline_is_no_part_of_the_title():
    assert _page_titles("原创 | 青松社区“红管家”上岗了\n\n青松社区选出楼栋管家36名。\n") == ["青松社区“红管家”上岗了"]


def test_an_official_documents_red_header_and_number_are_furniture_and_its_subject_the_title():
    text, _ = normalize_text("中共青松街道工作委员会文件\n\n青松街党工委〔2026〕12号\n\n关于推广“楼栋议事会”工作经验的通知\n\n"
                             "各社区党委：\n今年以来，桃李社区党委推行“楼栋议事会”制度，取得明显成效。\n")
    assert "文件" not in text and "〔" not in text, text
    assert [s.title for s in split_spans(text)] == ["关于推广“楼栋议事会”工作经验的通知"]
