import json
import re
import shutil
import subprocess

import networkx as nx

import pytest

from ontology.vocabulary import load_vocabulary
from viz.maps import case_graph, find_node, map_graph, neighbourhood_graph, render_map, write_maps

CHROMIUM = shutil.which("chromium")


def run_chromium(page, tmp_path, screenshot=None):
    args = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            f"--user-data-dir={tmp_path / 'profile'}", "--host-resolver-rules=MAP * ~NOTFOUND",
            "--virtual-time-budget=30000", "--window-size=1280,800", "--enable-logging=stderr", "--v=0"]
    args += [f"--screenshot={screenshot}"] if screenshot else ["--dump-dom"]
    return subprocess.run(args + [page.as_uri()], capture_output=True, text=True, timeout=120)


@pytest.mark.skipif(CHROMIUM is None, reason="Debian chromium is installed by `make test`")
def test_corpus_maps_draw_every_node_offline(corpus_build, tmp_path):
    paths = write_maps(corpus_build.graph, tmp_path / "maps")
    for path in [paths[0], paths[1]]:
        html = path.read_text(encoding="utf-8")
        assert not re.search(r"""(src|href)=["']?https?://""", html)
        result = run_chromium(path, tmp_path)
        drawn = re.search(r'data-drawn-nodes="(\d+)" data-drawn-edges="(\d+)"', result.stdout) or \
            re.search(r'data-drawn-edges="(\d+)" data-drawn-nodes="(\d+)"', result.stdout)
        assert drawn, result.stderr[-2000:]
        if path.name == "graph.html":  # cases, their links and entities linked to nothing else wait to be asked for
            shown = map_graph(corpus_build.graph)
            linked = nx.MultiDiGraph([(s, t) for s, t, d in shown.edges(data=True) if d["type"] != "MENTIONED_IN"])
            entities, links = linked.number_of_nodes(), linked.number_of_edges()
            assert f'data-drawn-nodes="{entities}"' in result.stdout
            assert f'data-drawn-edges="{links}"' in result.stdout
            labels = re.search(r'data-labels="(\d+)"', result.stdout)
            assert labels and int(labels.group(1)) >= 30  # readable, non-overlapping labels at the fitted zoom
            shapes = re.findall(r'<svg[^>]*data-shape="(\w+)"', result.stdout)
            assert shapes and set(shapes) <= {t.shape for t in load_vocabulary().node_types.values()}
        assert "Uncaught" not in result.stderr
        assert "net::ERR" not in result.stderr


@pytest.mark.skipif(CHROMIUM is None, reason="Debian chromium is installed by `make test`")
def test_screenshot_is_not_blank(corpus_build, tmp_path):
    from PIL import Image

    case_id = next(n for n, d in corpus_build.graph.nodes(data=True) if d["type"] == "Case")
    page = tmp_path / "case.html"
    page.write_text(render_map(case_graph(corpus_build.graph, case_id), "case"), encoding="utf-8")
    shot = tmp_path / "case.png"
    run_chromium(page, tmp_path, screenshot=shot)
    colours = Image.open(shot).convert("RGB").getcolors(maxcolors=1_000_000)
    assert colours is not None and len(colours) > 50


def test_document_text_is_escaped(tmp_path):
    import networkx as nx

    g = nx.MultiDiGraph()
    g.add_node("Project:x", type="Project", name="<script>alert(1)</script><img src=x onerror=alert(2)>",
               aliases=["</script><b>"], cases=[])
    html = render_map(g, "<img onerror=alert(3)>")
    body = html.split('<script id="graph-data"', 1)[1]
    assert "<script>alert" not in body and "<img src=x" not in body and "</script><b>" not in body
    assert "<img onerror" not in html


def test_legend_shapes_are_the_node_shapes(examples_build):
    html = render_map(map_graph(examples_build.graph), "map")
    data = json.loads(html.split('<script id="graph-data" type="application/json">', 1)[1].split("</script>", 1)[0])
    node_shapes = {n["kind"]: n["shape"] for n in data["nodes"]}
    assert {item["type"]: item["shape"] for item in data["legend"]} == node_shapes


def test_map_files_read_as_their_titles_and_the_index_keeps_every_map(examples_build, tmp_path):
    graph = examples_build.graph
    everything = write_maps(graph, tmp_path)
    case = examples_build.case_graph.cases[0]
    assert any(case.title[:4] in path.name and case.id in path.name for path in everything)
    again = write_maps(graph, tmp_path, entity="和平居民区党总支")
    index = (tmp_path / "index.html").read_text(encoding="utf-8")
    assert all(f'href="{path.name}"' in index for path in everything + again)


def test_maps_take_part_of_a_name_and_name_the_choices_when_several(examples_build):
    graph = examples_build.graph
    assert find_node(graph, "和平居民区党") == "PartyOrganization:和平居民区党总支"
    with pytest.raises(KeyError, match="several entity names: .*和平苑"):
        find_node(graph, "和平")
    with pytest.raises(KeyError, match="did you mean"):
        find_node(graph, "和平居民区党委员")
    assert graph.nodes[find_node(graph, "加装电梯暖人心", cases=True)]["type"] == "Case"


def test_a_neighbourhood_never_passes_through_a_case(examples_build):
    graph = examples_build.graph
    around = neighbourhood_graph(graph, "PropertyFirm:绿源物业", depth=2)
    assert not any(d["type"] in ("Case", "Document") for _, d in around.nodes(data=True))
    direct = set(nx.all_neighbors(graph, "PropertyFirm:绿源物业"))
    assert {n for n in direct if graph.nodes[n]["type"] != "Case"} <= set(around)


@pytest.mark.skipif(CHROMIUM is None, reason="Debian chromium is installed by `make test`")
def test_the_case_filter_and_the_degree_filter_update_the_counts(examples_build, tmp_path):
    page = tmp_path / "map.html"
    driver = """<script>
    var wait = setInterval(function () {
      if (!document.body.getAttribute("data-ready")) { return; }
      clearInterval(wait);
      var before = document.getElementById("status").textContent;
      var select = document.getElementById("case-filter");
      select.value = select.options[1].value; select.dispatchEvent(new Event("change"));
      var oneCase = document.getElementById("status").textContent;
      var degree = document.getElementById("min-degree");
      degree.value = "99"; degree.dispatchEvent(new Event("change"));
      document.body.setAttribute("data-counts", [before, oneCase, document.getElementById("status").textContent].join("|"));
    }, 50);
    </script></body>"""
    page.write_text(render_map(map_graph(examples_build.graph), "map").replace("</body>", driver), encoding="utf-8")
    result = run_chromium(page, tmp_path)
    found = re.search(r'data-counts="([^"]+)"', result.stdout)
    assert found, result.stderr[-2000:]
    before, one_case, none = [int(part.split()[0]) for part in found.group(1).split("|")]
    assert before > one_case > 0 and none == 0
