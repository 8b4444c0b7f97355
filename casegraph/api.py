"""The Python API: build a graph from case files, load it, query it, draw it.

A notebook calls these; the CLI is a thin layer over them.

>>> result = build(["examples"], out="out")          # doctest: +SKIP
>>> result.summary()["entities"]                     # doctest: +SKIP
"""
from __future__ import annotations

import gc
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cached_property
from itertools import repeat
from pathlib import Path

import networkx as nx

from extract.aliases import merge_aliases
from extract.curation import CurationError, CurationReport, apply_curation
from extract.model import ExtractionModel, default_model, load_model
from extract.pipeline import extract_document
from graph.jsonio import GraphRows, as_rows, write_graph_json
from graph.model import CaseGraph, CaseGraphRows, to_networkx
from graph.records import CaseExtraction, LoadResult, Problem
from graph.store import StoreError, StoreTarget, exit_process
from graph.textsafe import csv_row
from loaders.load import LoadOptions, PlannedDocument, plan_documents, read_planned

__all__ = ["build", "load", "query", "ask", "find", "draw", "export", "admin_import_command", "validate", "stats",
           "serve", "questions", "train", "cross_validate", "review", "curation_from_review", "rules", "read_graph",
           "graph_rows", "close", "exit_process", "BuildResult", "Rows", "Maps", "CurationError", "StoreError",
           "StoreTarget", "LoadOptions", "csv_row"]

Progress = Callable[[int, int], None]
PARALLEL_MIN_BYTES = 512 * 1024  # build: input below which one process is quicker than starting workers
DOCUMENTS_PER_TASK = 4  # few, so neither a worker nor the parent holds many documents' results at once
DEFAULT_MODEL = "default"
DEFAULT_EXPORTS = ("turtle", "jsonld", "graphml", "gexf", "csv")


@dataclass
class BuildResult:
    """What a build found; ``graph`` is its networkx model, made when first asked for (a large build
    writes graph.json without ever holding it)."""

    case_graph: CaseGraph
    curation: CurationReport | None = None
    path: Path | None = None

    @property
    def problems(self) -> list[Problem]:
        return self.case_graph.problems

    @cached_property
    def graph(self) -> nx.MultiDiGraph:
        return to_networkx(self.case_graph)

    def __repr__(self) -> str:
        counts = self.case_graph.counts()
        return (f"BuildResult({len(self.case_graph.documents)} documents, {len(self.case_graph.cases)} cases, "
                f"{sum(counts['entities'].values())} entities, {sum(counts['relations'].values())} relations, "
                f"{len(self.problems)} warnings"
                f"{f', path={str(self.path)!r}' if self.path else ''})")

    def summary(self) -> dict:
        counts = self.case_graph.counts()
        return {"documents": len(self.case_graph.documents), "cases": len(self.case_graph.cases),
                "entities": counts["entities"], "relations": counts["relations"],
                "warnings": [str(p) for p in self.problems],
                "curation": str(self.curation) if self.curation else ""}


class Rows(list):
    """Rows of a query, as dicts; ``to_df()`` gives a pandas DataFrame for a notebook."""

    def to_df(self):
        import pandas

        return pandas.DataFrame(list(self))

    def __repr__(self) -> str:
        return f"Rows({len(self)} rows{', columns: ' + ', '.join(self[0]) if self else ''})"


class Maps(list):
    """Paths of the maps written; a notebook shows the first one inline."""

    def _repr_html_(self) -> str:
        import html

        if not self:
            return "<p>no map</p>"
        page = Path(self[0]).read_text(encoding="utf-8")
        return (f'<iframe srcdoc="{html.escape(page, quote=True)}" style="width:100%;height:640px;border:0" '
                'sandbox="allow-scripts"></iframe>')


def _read_and_extract(planned: PlannedDocument, options: LoadOptions, model: ExtractionModel | None
                      ) -> tuple[LoadResult, list[CaseExtraction]]:
    """One document, start to finish, where it is extracted: read, normalised, split, extracted. Only what the
    graph keeps goes back to the parent: no text (the evidence holds its sentences and raw offsets)."""
    loaded = read_planned(planned, options)
    extractions = extract_document(loaded.documents[0], loaded.cases, model=model) if loaded.documents else []
    slim = LoadResult([d.without_text() for d in loaded.documents], [c.without_text() for c in loaded.cases],
                      loaded.problems)
    return slim, [e.without_text() for e in extractions]


_worker_settings: tuple[LoadOptions, ExtractionModel | None] = (LoadOptions(), None)


def _start_worker(options: LoadOptions, model: ExtractionModel | None) -> None:
    """A worker process is given the options and the model once, not with every document."""
    global _worker_settings
    _worker_settings = (options, model)


def _read_and_extract_in_worker(planned: PlannedDocument) -> tuple[LoadResult, list[CaseExtraction]]:
    return _read_and_extract(planned, *_worker_settings)


def read_and_extract(inputs: Iterable[str | Path], options: LoadOptions, workers: int = 1,
                     progress: Progress | None = None, model: ExtractionModel | None = None
                     ) -> Iterator[tuple[LoadResult, list[CaseExtraction]]]:
    """Every document read and extracted, yielded in document order as it completes (what planning the
    inputs met comes first); with workers > 1 and enough text, each document in a worker process (reading
    and normalising too, so the parent only merges)."""
    planning = LoadResult()
    planned = plan_documents(inputs, planning.problems)
    yield planning, []
    size = sum(_file_size(p.path) for p in planned)
    if workers > 1 and size >= PARALLEL_MIN_BYTES and len(planned) > 1:
        pool = ProcessPoolExecutor(max_workers=workers, initializer=_start_worker, initargs=(options, model))
        results = pool.map(_read_and_extract_in_worker, planned, chunksize=DOCUMENTS_PER_TASK)
    else:
        pool, results = None, map(_read_and_extract, planned, repeat(options), repeat(model))
    try:
        for done, result in enumerate(results, start=1):
            yield result
            if progress:
                progress(done, len(planned))
    finally:
        if pool is not None:
            pool.shutdown(cancel_futures=True)


def _file_size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


@contextmanager
def gc_paused():
    """No cyclic garbage collection while a build allocates millions of acyclic records.

    Collection passes over a growing heap made the time per case grow with the
    corpus; the records form no cycles, so nothing is lost by pausing it.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def model_from(model: ExtractionModel | str | Path | None) -> ExtractionModel | None:
    """A model, the one saved in a folder, the shipped one for ``"default"``, or none (rules alone)."""
    if model is None or isinstance(model, ExtractionModel):
        return model
    return default_model() if str(model) == DEFAULT_MODEL else load_model(model)


def build(inputs: Iterable[str | Path], out: str | Path | None = None, workers: int | None = 1,
          curation: str | Path | None = None, options: LoadOptions | None = None,
          progress: Progress | None = None, model: ExtractionModel | str | Path | None = DEFAULT_MODEL,
          min_confidence: float = 0.0) -> BuildResult:
    """Read case files and folders, extract, resolve, curate; write ``out/graph.json`` when ``out`` is given.

    ``workers=None`` uses every core. ``model`` is a trained model's folder (``casegraph train``), the shipped
    one by default, or None for the rules alone; every fact carries the model's confidence, and those below
    ``min_confidence`` are left out.
    """
    extraction_model = model_from(model)
    case_graph = CaseGraph()
    with gc_paused():
        for loaded, found in read_and_extract(inputs, options or LoadOptions(), workers or os.cpu_count() or 1,
                                              progress, extraction_model):
            case_graph.add_loaded(loaded, found)
        merge_aliases(case_graph)
        if min_confidence > 0:
            case_graph.drop_below(min_confidence)
        report = apply_curation(case_graph, Path(curation)) if curation else None
        path = write_graph_json(CaseGraphRows(case_graph), Path(out) / "graph.json") if out is not None else None
    return BuildResult(case_graph=case_graph, curation=report, path=path)


def read_graph(graph: nx.MultiDiGraph | str | Path) -> nx.MultiDiGraph:
    """A graph, or the graph.json (or folder holding it) it was written to."""
    return graph_rows(graph).networkx()


def graph_rows(graph: nx.MultiDiGraph | str | Path) -> GraphRows:
    """A graph, or its graph.json (or the folder holding it) read as a stream of rows."""
    if isinstance(graph, nx.Graph):
        return as_rows(graph)
    path = Path(graph)
    path = path / "graph.json" if path.is_dir() else path
    if not path.is_file():
        raise FileNotFoundError(f"{path}: no graph.json here (run `casegraph build CASES --out DIR` first)")
    return as_rows(path)


def load(graph: nx.MultiDiGraph | str | Path, target=None, batch_size: int = 2000, replace: bool = False):
    """Write the graph to Neo4j (``target``) or, with none, to the embedded store under the graph's folder;
    a graph.json is read as a stream, in batches, never whole.

    Loading merges on stable ids, then removes the nodes and relationships of casegraph's labels that an
    earlier build left and this graph no longer has; ``replace`` first empties the whole database.
    """
    from graph.store import open_store
    from graph.writer import GraphWriter

    rows = graph_rows(graph)
    target = target or StoreTarget.from_env(default_root=_default_store_root(graph))
    with open_store(target) as store:
        writer = GraphWriter(store.driver, store.database, batch_size=batch_size)
        if replace:
            writer.clear()
        return writer.write(rows)


def _store_target(target, graph_dir: str | Path):
    return target or StoreTarget.from_env(default_root=Path(graph_dir) / "store")


def query(cypher: str, params: dict | None = None, target=None, write: bool = False,
          graph_dir: str | Path = "out") -> Rows:
    """Run Cypher against the store and return the rows as dicts (read-only unless ``write``)."""
    from graph.store import open_store, run_query

    with open_store(_store_target(target, graph_dir), must_exist=True) as store:
        return Rows(run_query(store.driver, store.database, cypher, params or {}, write=write))


def ask(name: str, params: dict | None = None, target=None, graph_dir: str | Path = "out") -> Rows:
    """Run a research question of the library by name; a name parameter may be part of a name (国权 for 国权居民区)."""
    from graph.queries import named_query
    from graph.search import resolve_name
    from graph.store import open_store, run_query

    question = named_query(name)
    given = dict(params or {})
    with open_store(_store_target(target, graph_dir), must_exist=True) as store:
        for param in question.params:
            if param.node_type and isinstance(given.get(param.name), str):
                given[param.name] = resolve_name(store.driver, store.database, given[param.name], param.node_type)
        return Rows(run_query(store.driver, store.database, question.cypher, given))


def find(text: str, node_type: str | None = None, target=None, graph_dir: str | Path = "out", limit: int = 20):
    """Nodes whose name or an alias holds ``text`` (Neo4j's full-text index where present), best first."""
    from graph.search import find_nodes
    from graph.store import open_store

    with open_store(_store_target(target, graph_dir), must_exist=True) as store:
        return find_nodes(store.driver, store.database, text, node_type, limit)


def close() -> None:
    """Stop the embedded store this process started (safe to call when none runs)."""
    from graph.store import stop_embedded_servers

    stop_embedded_servers()


def draw(graph: nx.MultiDiGraph | str | Path, out: str | Path, case: str | None = None,
         entity: str | None = None, depth: int = 1) -> Maps:
    """Write standalone HTML maps (whole graph and every case, or one case, or one neighbourhood)."""
    from viz.maps import write_maps

    return Maps(write_maps(read_graph(graph), Path(out), case=case, entity=entity, depth=depth))


def export(graph: nx.MultiDiGraph | str | Path, out: str | Path, formats: Sequence[str] = DEFAULT_EXPORTS
           ) -> list[Path]:
    """Write the graph in each format (turtle, jsonld, graphml, gexf, csv, gold); a ValueError names an
    unknown one."""
    from graph.exports import EXPORTERS, export_graph

    unknown = [f for f in formats if f not in EXPORTERS]
    if unknown:
        raise ValueError(f"unknown format(s) {', '.join(unknown)}; expected: {', '.join(EXPORTERS)}")
    return export_graph(graph_rows(graph), Path(out), list(formats))


def admin_import_command(folder: str | Path, database: str = "neo4j") -> str:
    """The neo4j-admin command that imports a CSV export (``export(..., ["csv"])``) into an empty database."""
    from graph.exports import admin_import_command as command

    return command(Path(folder), database)


def validate(graph: nx.MultiDiGraph | str | Path) -> list[str]:
    """SHACL violations of the graph against the ontology's shapes (none: it conforms)."""
    from graph.rdf import validate_graph

    return validate_graph(read_graph(graph))


def stats(graph: nx.MultiDiGraph | str | Path, out: str | Path) -> Path:
    """The network report (Markdown, charts, CSV) under ``out``; returns report.md."""
    from viz.report import write_report

    return write_report(read_graph(graph), Path(out))


def review(graph: nx.MultiDiGraph | str | Path, out: str | Path, limit: int = 200) -> list[Path]:
    """A review sheet of the facts least sure first (review.csv, review.html) under ``out``."""
    from viz.review import write_review

    return write_review(read_graph(graph), Path(out), limit)


def curation_from_review(marks: str | Path, out: str | Path) -> Path:
    """The curation YAML of a marked review sheet, for ``build --curation``."""
    import yaml

    from extract.curation import curation_from_marks
    from viz.review import read_marks

    sections = curation_from_marks(read_marks(Path(marks)))
    Path(out).write_text(yaml.safe_dump(sections, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return Path(out)


def rules() -> list:
    """Every rule of the extraction with its description and its invented example (``RuleEntry`` records)."""
    from extract.rulebook import rulebook

    return rulebook()


def questions() -> dict:
    """The research questions of the query library by name (their Cypher, description and parameters)."""
    from graph.queries import QUERY_LIBRARY

    return dict(QUERY_LIBRARY)


def serve(graph_dir: str | Path = "out"):
    """Start the embedded store of a build for Bolt clients; refuses when another process serves it."""
    from graph.store import embedded_server, served_uri

    root = (Path(graph_dir) / "store").resolve()
    elsewhere = served_uri(root)
    if elsewhere:
        raise StoreError(f"{root} is already served at {elsewhere} by another process")
    return embedded_server(root)


def train(gold: Sequence[str | Path], out: str | Path, docs: Sequence[str | Path] = ()) -> ExtractionModel:
    """A model trained on annotated documents, saved to ``out`` (build with it by ``model=out``)."""
    from casegraph.training import train as train_model

    return train_model(gold, out, docs)


def cross_validate(gold: Sequence[str | Path], out: str | Path, docs: Sequence[str | Path] = ()) -> list[Path]:
    """Leave one document out; writes the pooled graph, its confident part and the gold, for kgscore."""
    from casegraph.training import evaluate

    return evaluate(gold, out, docs)


def _default_store_root(graph) -> Path:
    if isinstance(graph, (str, Path)):
        path = Path(graph)
        return (path if path.is_dir() else path.parent) / "store"
    return Path("out") / "store"
