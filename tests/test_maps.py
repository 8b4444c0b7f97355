import re
import shutil
import subprocess

import pytest

from viz.maps import case_graph, map_graph, render_map, write_maps

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
        expected = map_graph(corpus_build.graph) if path.name == "graph.html" else None
        if expected is not None:
            assert f'data-drawn-nodes="{expected.number_of_nodes()}"' in result.stdout
            assert f'data-drawn-edges="{expected.number_of_edges()}"' in result.stdout
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
