"""The ``casegraph`` command: a thin layer over casegraph.api.

Library errors become one clean line on stderr and a non-zero exit.
"""
from __future__ import annotations

import csv
import io
import json
import signal
import sys
import time
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import Progress
from rich.table import Column, Table

from casegraph import api
from casegraph.api import CurationError, LoadOptions, StoreError, StoreTarget, csv_row

app = typer.Typer(help="Build, load, query and draw knowledge graphs of community-governance case reports.",
                  no_args_is_help=True, add_completion=False)
err = Console(stderr=True)
out = Console()

OutDir = Annotated[Path, typer.Option("--out", "-o", help="Output folder (graph.json, store/, maps/).")]
GraphArg = Annotated[Path, typer.Argument(help="graph.json, or the folder holding it.")]
UriOpt = Annotated[Optional[str], typer.Option("--uri", help="Neo4j URI (bolt://, neo4j://, neo4j+s://); "
                                                             "default NEO4J_URI, else the embedded store.")]
UserOpt = Annotated[Optional[str], typer.Option("--user", help="Neo4j user (default NEO4J_USER).")]
PasswordOpt = Annotated[Optional[str], typer.Option("--password", help="Neo4j password (default NEO4J_PASSWORD).")]
DatabaseOpt = Annotated[Optional[str], typer.Option("--database", help="Neo4j database (default NEO4J_DATABASE).")]


def fail(message: str) -> None:
    """One line on stderr, exit 1."""
    err.print("[red]error:[/red] " + escape(" ".join(message.split())), highlight=False, soft_wrap=True)
    raise typer.Exit(1)


def _target(graph_dir: Path, uri, user, password, database) -> StoreTarget:
    try:
        return StoreTarget.from_env(default_root=graph_dir / "store", uri=uri, user=user, password=password,
                                    database=database)
    except StoreError as error:
        fail(str(error))


def _read(graph: Path):
    try:
        return api.read_graph(graph)
    except FileNotFoundError as error:
        fail(str(error))


def _graph_dir(graph: Path) -> Path:
    return graph if graph.is_dir() else graph.parent


@app.command()
def build(cases: Annotated[list[Path], typer.Argument(help="Case files or folders.")],
          out_dir: OutDir = Path("out"),
          workers: Annotated[int, typer.Option(help="Processes for extraction (0 = all cores).")] = 0,
          curation: Annotated[Optional[Path], typer.Option(help="Curation YAML to apply.")] = None,
          max_mb: Annotated[int, typer.Option(help="Skip files larger than this many MB.")] = 20,
          strict: Annotated[bool, typer.Option(help="Treat any warning as an error.")] = False,
          model: Annotated[Optional[Path], typer.Option(help="A model folder from `casegraph train` "
                                                             "(default: the shipped model).")] = None,
          rules_only: Annotated[bool, typer.Option(help="Rules alone, no model (every confidence 1).")] = False,
          min_confidence: Annotated[float, typer.Option(min=0.0, max=1.0,
                                                        help="Leave out facts less sure than this.")] = 0.0) -> None:
    """Read case documents and write OUT/graph.json with a summary of what was found."""
    started = time.perf_counter()
    chosen = None if rules_only else (model or api.DEFAULT_MODEL)
    try:
        with Progress(console=err, transient=True) as bar:
            task = bar.add_task("extracting cases", total=None)
            result = api.build(cases, out=out_dir, workers=workers or None, curation=curation,
                               options=LoadOptions(max_bytes=max_mb * 2**20), model=chosen,
                               min_confidence=min_confidence,
                               progress=lambda done, total: bar.update(task, completed=done, total=total))
    except (CurationError, FileNotFoundError, ValueError) as error:
        fail(str(error))
    for problem in result.problems:
        err.print("[yellow]warning:[/yellow] " + escape(str(problem)), highlight=False, soft_wrap=True)
    summary = result.summary()
    if not summary["documents"]:
        fail("no document could be read")
    table = Table(title=f"casegraph build → {result.path}", show_header=True)
    table.add_column("what")
    table.add_column("count", justify="right")
    table.add_row("documents", str(summary["documents"]))
    table.add_row("cases", str(summary["cases"]))
    for kind in ("entities", "relations"):
        table.add_row(f"[bold]{kind}[/bold]", str(sum(summary[kind].values())))
        for name, count in summary[kind].items():
            table.add_row(f"  {name}", str(count))
    table.add_row("warnings", str(len(summary["warnings"])))
    if summary["curation"]:
        table.add_row("curation applied", summary["curation"])
    table.add_row("seconds", f"{time.perf_counter() - started:.1f}")
    out.print(table)
    if strict and result.problems:
        raise typer.Exit(1)


@app.command()
def load(graph: GraphArg = Path("out"), uri: UriOpt = None, user: UserOpt = None, password: PasswordOpt = None,
         database: DatabaseOpt = None,
         batch_size: Annotated[int, typer.Option(help="Rows per UNWIND batch.")] = 2000,
         replace: Annotated[bool, typer.Option(help="Empty the whole database first (other data in it too).")]
         = False) -> None:
    """Write the graph to Neo4j, or to the embedded store under the graph's folder (merging on stable ids);
    what an earlier build left that this one no longer has is removed."""
    try:
        report = api.load(graph, _target(_graph_dir(graph), uri, user, password, database), batch_size, replace)
    except (StoreError, FileNotFoundError) as error:
        fail(str(error))
    removed = (f"removed {report.nodes_removed} nodes and {report.relationships_removed} relationships an earlier "
               "build left; " if report.nodes_removed or report.relationships_removed else "")
    out.print(f"loaded {report.nodes_written} nodes and {report.relationships_written} relationships; {removed}"
              f"the store now holds {report.nodes_in_store} nodes and {report.relationships_in_store} relationships")


def _parse_params(values: list[str]) -> dict:
    params = {}
    for value in values:
        key, sep, raw = value.partition("=")
        if not sep:
            fail(f"--param expects key=value, got {value!r}")
        try:
            params[key] = json.loads(raw)
        except json.JSONDecodeError:
            params[key] = raw
    return params


def _print_rows(rows: list[dict], fmt: str) -> None:
    if not rows and fmt == "table":
        err.print("(no rows)")
        return
    if fmt == "json":
        out.print_json(json.dumps(rows, ensure_ascii=False, default=str))
        return
    columns = list(rows[0]) if rows else []
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=columns)
        writer.writeheader()
        writer.writerows(csv_row(row) for row in rows)
        sys.stdout.write(buffer.getvalue())
        return
    table = Table(*(Column(name, overflow="fold") for name in columns))  # wrapped, never cut
    for row in rows:
        table.add_row(*(escape(json.dumps(v, ensure_ascii=False) if isinstance(v, (list, dict)) else str(v))
                        for v in row.values()))
    out.print(table)


@app.command()
def query(cypher: Annotated[Optional[str], typer.Argument(help="A Cypher query.")] = None,
          name: Annotated[Optional[str], typer.Option(help="Run a named research question instead.")] = None,
          param: Annotated[Optional[list[str]], typer.Option("--param", "-p", help="Query parameter key=value.")] = None,
          fmt: Annotated[str, typer.Option("--format", help="table, csv or json.")] = "table",
          write: Annotated[bool, typer.Option(help="Allow a query that writes.")] = False,
          list_names: Annotated[bool, typer.Option("--list", help="List the named research questions.")] = False,
          graph: Annotated[Path, typer.Option(help="Folder of the build (for the embedded store).")] = Path("out"),
          uri: UriOpt = None, user: UserOpt = None, password: PasswordOpt = None,
          database: DatabaseOpt = None) -> None:
    """Run Cypher (read-only unless --write) and print the rows."""
    if list_names:
        for item in api.questions().values():
            params = ", ".join(str(p) for p in item.params) or "-"
            out.print(f"[bold]{item.name}[/bold]  {item.description}  params: {params}")
        return
    if fmt not in ("table", "csv", "json"):
        fail(f"--format expects table, csv or json, got {fmt!r}")
    if not (name or cypher):
        fail("give a Cypher query or --name (see --list)")
    target = _target(graph, uri, user, password, database)
    try:
        if name:
            rows = api.ask(name, _parse_params(param or []), target, graph)
        else:
            rows = api.query(cypher, _parse_params(param or []), target, write, graph)
    except KeyError as error:
        fail(str(error.args[0]))
    except StoreError as error:
        fail(str(error))
    _print_rows(rows, fmt)


@app.command()
def find(text: Annotated[str, typer.Argument(help="A name, an alias, or part of one.")],
         node_type: Annotated[Optional[str], typer.Option("--type", help="Only nodes of this type.")] = None,
         graph: Annotated[Path, typer.Option(help="Folder of the build (for the embedded store).")] = Path("out"),
         uri: UriOpt = None, user: UserOpt = None, password: PasswordOpt = None,
         database: DatabaseOpt = None) -> None:
    """Find nodes in the store by part of a name or alias (Neo4j's full-text index where the server has one)."""
    try:
        matches = api.find(text, node_type, _target(graph, uri, user, password, database), graph)
    except StoreError as error:
        fail(str(error))
    _print_rows([{"type": m.type, "name": m.name, "id": m.id, "aliases": list(m.aliases)} for m in matches],
                "table")


@app.command()
def serve(graph: GraphArg = Path("out")) -> None:
    """Keep the embedded store up for Bolt clients (cypher-shell, notebooks) until Ctrl-C or SIGTERM."""
    try:
        server = api.serve(_graph_dir(graph))
    except StoreError as error:
        fail(str(error))
    out.print(f"embedded store at [bold]{server.uri}[/bold]  user: root  password: {server.password}  "
              f"database: casegraph\n"
              f"  cypher-shell -a {server.uri} -u root -p '{server.password}' -d casegraph\n"
              f"  NEO4J_URI={server.uri} NEO4J_USER=root NEO4J_PASSWORD='{server.password}' "
              f"NEO4J_DATABASE=casegraph casegraph query …\n(Ctrl-C stops it)")
    for stop_signal in (signal.SIGINT, signal.SIGTERM):  # the JVM took over Ctrl-C; a service manager's stop
        signal.signal(stop_signal, _interrupt)            # closes the store the same way
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        out.print("stopping the embedded store")


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


@app.command()
def maps(graph: GraphArg = Path("out"),
         out_dir: Annotated[Optional[Path], typer.Option("--out", "-o", help="Folder for the HTML maps.")] = None,
         case: Annotated[Optional[str], typer.Option(help="Only the map of this case id.")] = None,
         entity: Annotated[Optional[str], typer.Option(help="Only the neighbourhood of this entity id.")] = None,
         depth: Annotated[int, typer.Option(min=1, max=2, help="Neighbourhood depth (1-2).")] = 1) -> None:
    """Write standalone HTML network maps (offline) and an index.html."""
    target = out_dir or _graph_dir(graph) / "maps"
    try:
        paths = api.draw(graph, target, case=case, entity=entity, depth=depth)
    except (KeyError, FileNotFoundError) as error:
        fail(str(error.args[0] if isinstance(error, KeyError) else error))
    out.print(f"wrote {len(paths)} map(s) to {target}/ (open index.html)")


@app.command()
def export(graph: GraphArg = Path("out"),
           out_dir: Annotated[Optional[Path], typer.Option("--out", "-o", help="Folder for the files.")] = None,
           formats: Annotated[str, typer.Option("--formats", "--format",
                                                help="Comma list of turtle,jsonld,graphml,gexf,csv,gold.")] =
           "turtle,jsonld,graphml,gexf,csv") -> None:
    """Write RDF (Turtle, JSON-LD), GraphML, GEXF, neo4j-admin import CSV files, or (gold) the facts in the
    gold format, for a researcher to correct and train on. CSV is written as graph.json streams by, for a
    corpus of any size; the command that imports it into Neo4j is printed."""
    chosen = [f.strip() for f in formats.split(",") if f.strip()]
    try:
        paths = api.export(graph, out_dir or _graph_dir(graph) / "export", chosen)
    except (ValueError, FileNotFoundError) as error:
        fail(str(error))
    for path in paths:
        out.print(f"wrote {path}")
        if path.name == "neo4j-import":
            out.print("to import into an empty Neo4j database (server stopped):\n" + api.admin_import_command(path),
                      highlight=False, soft_wrap=True)


@app.command()
def validate(graph: GraphArg = Path("out")) -> None:
    """Check the graph against the SHACL shapes of the ontology; exit 1 on violations."""
    violations = api.validate(_read(graph))
    for violation in violations:
        err.print("[red]violation:[/red] " + escape(violation), highlight=False, soft_wrap=True)
    if violations:
        fail(f"{len(violations)} SHACL violation(s)")
    out.print("the graph conforms to the ontology's SHACL shapes")


@app.command()
def stats(graph: GraphArg = Path("out"),
          out_dir: Annotated[Optional[Path], typer.Option("--out", "-o", help="Folder for the report.")] = None
          ) -> None:
    """Network analysis: a Markdown report with tables and charts, plus CSV files."""
    report = api.stats(_read(graph), out_dir or _graph_dir(graph) / "stats")
    out.print(f"wrote {report}")


@app.command()
def review(graph: GraphArg = Path("out"),
           out_dir: Annotated[Optional[Path], typer.Option("--out", "-o", help="Folder for the sheet.")] = None,
           limit: Annotated[int, typer.Option(help="How many facts, least sure first.")] = 200,
           marks: Annotated[Optional[Path], typer.Option(help="A marked sheet to turn into curation YAML.")] = None,
           curation: Annotated[Path, typer.Option(help="Where the curation YAML goes (with --marks).")]
           = Path("curation.yaml")) -> None:
    """Write a review sheet (HTML and CSV) of the facts least sure first; with --marks, turn the marks
    (keep / drop / a type) into curation YAML for `build --curation`."""
    if marks:
        try:
            path = api.curation_from_review(marks, curation)
        except (OSError, ValueError) as error:
            fail(str(error))
        out.print(f"wrote {path} (build again with --curation {path})")
        return
    for path in api.review(_read(graph), out_dir or _graph_dir(graph) / "review", limit):
        out.print(f"wrote {path}")


@app.command()
def rules(list_rules: Annotated[bool, typer.Option("--list", help="List every rule (the default).")] = True
          ) -> None:
    """The extraction's rules: what each does and an invented example (the tests run every one); the type
    words and cue words they use are the tables of ontology/lexicon.yaml."""
    for entry in api.rules():
        example = entry.example.get("sentence") or entry.example.get("text") or "(no example)"
        out.print(f"[bold]{entry.stage}/{entry.name}[/bold]  {escape(entry.description)}\n    e.g. {escape(example)}",
                  highlight=False)


GoldArg = Annotated[list[Path], typer.Argument(help="Folders of gold JSON files (the format of ONTOLOGY.md).")]
DocsOpt = Annotated[Optional[list[Path]], typer.Option("--docs", help="Folder of the annotated documents "
                                                                       "(default: docs/ or corpus/ beside each gold folder).")]


@app.command()
def train(gold: GoldArg, out_dir: Annotated[Path, typer.Option("--out", "-o", help="Model folder to write.")],
          docs: DocsOpt = None) -> None:
    """Train a model on annotated documents; build with it by `casegraph build --model OUT`."""
    started = time.perf_counter()
    try:
        model = api.train(gold, out_dir, docs or [])
    except (FileNotFoundError, ValueError, KeyError) as error:
        fail(str(error))
    out.print(f"wrote {out_dir} ({len(model.entities.features)} entity and {len(model.relations.features)} "
              f"relation features) in {time.perf_counter() - started:.0f} s")


@app.command("cross-validate")
def cross_validate(gold: GoldArg, out_dir: OutDir = Path("out/cross-validation"), docs: DocsOpt = None) -> None:
    """Leave one document out: score each annotated document with a model trained on all the others.

    Writes OUT/graph.json (every document decided by a model that never saw it), OUT/confident/graph.json
    (its facts at confidence 0.8 or more) and OUT/gold (the gold files together), for kgscore; given several
    gold folders, OUT/by-folder/FOLDER/ holds each folder's documents alone.
    """
    try:
        paths = api.cross_validate(gold, out_dir, docs or [])
    except (FileNotFoundError, ValueError, KeyError) as error:
        fail(str(error))
    for path in paths:
        out.print(f"wrote {path}")


def main() -> None:
    """Entry point: run the command, then stop an embedded store it started."""
    code = 0
    try:
        app()
    except SystemExit as done:
        code = done.code if isinstance(done.code, int) else (0 if done.code is None else 1)
    finally:
        api.close()
    api.exit_process(code)
    sys.exit(code)


if __name__ == "__main__":
    main()
