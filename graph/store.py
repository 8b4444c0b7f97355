"""Where the graph goes: a Neo4j server named by NEO4J_* settings, or the embedded ArcadeDB.

The embedded server runs in this process (ArcadeDB with its Bolt plugin, its
own JRE), bound to 127.0.0.1 on free ports, with a generated password kept
beside its databases. The same ``neo4j`` driver talks to either.
"""
from __future__ import annotations

import atexit
import json
import os
import secrets
import socket
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from neo4j import Driver, GraphDatabase, READ_ACCESS, ResultSummary
from neo4j.exceptions import AuthError, ClientError, Neo4jError, ServiceUnavailable

EMBEDDED_DATABASE = "casegraph"
BOLT_SCHEMES = ("bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc")
SERVED_FILE = "served.json"  # beside a running embedded store: where other processes reach it over Bolt
WRITING_QUERY_TYPES = {"w", "rw", "s"}
WRITE_REFUSED = "this query writes to the graph and was rolled back; pass --write (write=True) to allow it"


class StoreError(RuntimeError):
    """The graph store cannot be reached or used; the message says why in one line."""

    def __init__(self, message: str):
        super().__init__(" ".join(str(message).split()))


@dataclass(frozen=True)
class StoreTarget:
    """A Neo4j server (uri set) or the embedded store under ``embedded_root``."""

    uri: str = ""
    user: str = "neo4j"
    password: str = ""
    database: str = "neo4j"
    embedded_root: Path | None = None

    @classmethod
    def from_env(cls, default_root: Path, uri: str | None = None, user: str | None = None,
                 password: str | None = None, database: str | None = None) -> "StoreTarget":
        uri = uri or os.environ.get("NEO4J_URI", "")
        if not uri:
            return cls(embedded_root=Path(default_root), database=EMBEDDED_DATABASE)
        check_uri(uri)
        return cls(uri=uri, user=user or os.environ.get("NEO4J_USER", "neo4j"),
                   password=password or os.environ.get("NEO4J_PASSWORD", ""),
                   database=database or os.environ.get("NEO4J_DATABASE", "neo4j"))

    @property
    def embedded(self) -> bool:
        return not self.uri


def check_uri(uri: str) -> None:
    """A Bolt address the driver takes, or a one-line StoreError listing the schemes it does."""
    parts = urlsplit(uri)
    if parts.scheme not in BOLT_SCHEMES or not parts.hostname:
        schemes = ", ".join(f"{scheme}://" for scheme in BOLT_SCHEMES)
        raise StoreError(f"{uri!r} is not a Bolt address: give one of {schemes} with a host "
                         "(bolt://localhost:7687, neo4j+s://xxxx.databases.neo4j.io)")


@dataclass(frozen=True)
class ServerFeatures:
    """Where Neo4j and the embedded ArcadeDB differ, decided in this one place from what the server says it is.

    Neo4j has full-text indexes (Lucene, with a CJK analyzer) and refuses writes in
    a read session; ArcadeDB's Bolt mode has neither, so names are searched with
    CONTAINS there, and the read-only guard rests on the update counters both report.
    """

    fulltext_index: bool


def server_features(driver: Driver) -> ServerFeatures:
    return ServerFeatures(fulltext_index="ArcadeDB" not in (driver.get_server_info().agent or ""))


@dataclass
class Store:
    driver: Driver
    database: str
    uri: str
    user: str
    password: str


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _credentials(root: Path) -> str:
    path = root / "credentials.json"
    if path.exists():
        return json.loads(path.read_text(encoding="utf-8"))["password"]
    root.mkdir(parents=True, exist_ok=True)
    password = secrets.token_urlsafe(18)
    path.write_text(json.dumps({"user": "root", "password": password}), encoding="utf-8")
    path.chmod(0o600)
    return password


class EmbeddedServer:
    """An ArcadeDB server with the Bolt plugin, on loopback, stopped on close."""

    def __init__(self, root: Path, bolt_port: int | None = None):
        self.root = Path(root).resolve()
        self.password = _credentials(self.root)
        self.bolt_port = bolt_port or free_port()
        self._server = None

    @property
    def uri(self) -> str:
        return f"bolt://127.0.0.1:{self.bolt_port}"

    def start(self) -> "EmbeddedServer":
        os.environ.setdefault("ARCADEDB_JVM_ERROR_FILE", str(self.root / "hs_err.log"))
        import arcadedb_embedded as arcadedb

        log_config = self.root / "jvm-logging.properties"
        log_config.write_text("handlers=java.util.logging.ConsoleHandler\n.level=SEVERE\n"
                              "java.util.logging.ConsoleHandler.level=SEVERE\n", encoding="utf-8")
        config = {"host": "127.0.0.1", "http_port": free_port(), "bolt_port": self.bolt_port,
                  "server_plugins": "Bolt:com.arcadedb.bolt.BoltProtocolPlugin"}
        jvm = {"heap_size": "2g", "jvm_args": [f"-Djava.util.logging.config.file={log_config}",
                                                "--add-modules=ALL-DEFAULT", "-Dpolyglot.engine.WarnInterpreterOnly=false"]}
        try:
            with _without_jvm_notice():
                self._server = arcadedb.ArcadeDBServer(str(self.root / "databases"), self.password, config, jvm)
                self._server.start()
            self._server.create_database(EMBEDDED_DATABASE)
        except Exception as err:
            raise StoreError(f"embedded store under {self.root} did not start: {first_line(err)}") from None
        served = self.root / SERVED_FILE
        served.write_text(json.dumps({"uri": self.uri, "pid": os.getpid()}), encoding="utf-8")
        served.chmod(0o600)
        return self

    def stop(self) -> None:
        if self._server is not None:
            (self.root / SERVED_FILE).unlink(missing_ok=True)
            self._server.stop()
            self._server = None


JVM_NOTICE = b"Using incubator modules"  # printed by the JVM at every start; ArcadeDB asks for the Vector API


@contextmanager
def _without_jvm_notice() -> Iterator[None]:
    """Hold back what the JVM writes to stderr while it starts, and pass on all but its incubator notice."""
    held = tempfile.TemporaryFile()
    saved = os.dup(2)
    os.dup2(held.fileno(), 2)
    try:
        yield
    finally:
        os.dup2(saved, 2)
        os.close(saved)
        held.seek(0)
        for line in held:
            if JVM_NOTICE not in line:
                os.write(2, line)
        held.close()


def first_line(error: Exception) -> str:
    """A Java exception's own message, without the stack or the JVM's log lines glued to it."""
    lines = [line.strip() for line in str(error).splitlines() if line.strip()]
    cause = next((line for line in lines if "LockException" in line or "locked" in line.lower()), "")
    if cause:
        return "its files are locked by another process (a `casegraph serve` or `load` still running?)"
    return lines[0] if lines else type(error).__name__


def served_uri(root: Path) -> str:
    """The Bolt address of another live process serving the store under ``root`` ('' when none)."""
    try:
        served = json.loads((root / SERVED_FILE).read_text(encoding="utf-8"))
        os.kill(int(served["pid"]), 0)
    except (OSError, ValueError, KeyError, TypeError):
        return ""
    return served["uri"] if served["pid"] != os.getpid() else ""


def require_loaded(root: Path) -> None:
    """A one-line StoreError with the command to run when no graph was ever loaded under ``root``."""
    if (root / "databases" / "databases" / EMBEDDED_DATABASE).is_dir():
        return
    graph_dir = root.parent
    if (graph_dir / "graph.json").is_file():
        raise StoreError(f"the graph in {graph_dir} was built but never loaded: run `casegraph load {graph_dir}`")
    raise StoreError(f"no graph store under {graph_dir}: run `casegraph build FILES --out {graph_dir}` "
                     f"and `casegraph load {graph_dir}`")


def _connect(uri: str, user: str, password: str, database: str) -> Driver:
    driver = GraphDatabase.driver(uri, auth=(user, password), connection_timeout=10,
                                  max_transaction_retry_time=15)
    try:
        driver.verify_connectivity()
        with driver.session(database=database) as session:
            session.run("RETURN 1").consume()
    except AuthError:
        driver.close()
        raise StoreError(f"{uri}: authentication failed for user {user!r} (check NEO4J_USER/NEO4J_PASSWORD)") from None
    except ServiceUnavailable:
        driver.close()
        raise StoreError(f"{uri}: server unreachable (nothing answers Bolt at that address)") from None
    except ClientError as err:
        driver.close()
        if "Database" in (err.code or "") or "database" in (err.message or "").lower():
            raise StoreError(f"{uri}: database {database!r} does not exist or is not available") from None
        raise StoreError(f"{uri}: {err.message}") from None
    except (Neo4jError, OSError, ValueError) as err:
        driver.close()
        raise StoreError(f"{uri}: cannot connect ({err})") from None
    return driver


_RUNNING: dict[Path, EmbeddedServer] = {}


def embedded_server(root: Path) -> EmbeddedServer:
    """The embedded server for ``root``, started once per process and stopped at exit.

    ArcadeDB's JVM cannot host a server that was stopped and started again in
    the same process, so one server serves every load and query of a session.
    """
    key = Path(root).resolve()
    if key not in _RUNNING:
        if _RUNNING:
            raise StoreError(f"an embedded store is already running here for {next(iter(_RUNNING))}; "
                             "one process serves one embedded store")
        _RUNNING[key] = EmbeddedServer(key).start()
        atexit.register(stop_embedded_servers)
    return _RUNNING[key]


def exit_process(code: int) -> None:
    """End the process without the JVM teardown when the embedded store ran in it.

    JPype's JVM shutdown at interpreter exit crashes now and then (seen as a
    segmentation fault after all work was done); the store is stopped and every
    file closed by then, so the process ends at once with its own exit code.
    """
    import sys

    if "jpype" in sys.modules and sys.modules["jpype"].isJVMStarted():
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)


def stop_embedded_servers() -> None:
    """Stop the embedded server(s) of this process; call it when done (the CLI and tests do).

    Stopping while the interpreter is still fully up is what keeps the JVM from
    crashing at exit; the atexit hook is only the fallback.
    """
    while _RUNNING:
        _, server = _RUNNING.popitem()
        server.stop()


@contextmanager
def open_store(target: StoreTarget, must_exist: bool = False) -> Iterator[Store]:
    """A connected driver for the target. An embedded store another process serves is reached over its Bolt
    port; otherwise it is started here on first use. ``must_exist`` refuses a store never loaded (and
    creates nothing)."""
    if target.embedded:
        root = Path(target.embedded_root).resolve()
        if must_exist:
            require_loaded(root)
        uri = served_uri(root) or embedded_server(root).uri
        user, password = "root", _credentials(root)
    else:
        uri, user, password = target.uri, target.user, target.password
    driver = _connect(uri, user, password, target.database)
    try:
        yield Store(driver=driver, database=target.database, uri=uri, user=user, password=password)
    finally:
        driver.close()


def _wrote(summary: ResultSummary) -> bool:
    counters = summary.counters
    return counters.contains_updates or counters.contains_system_updates or summary.query_type in WRITING_QUERY_TYPES


def run_query(driver: Driver, database: str, cypher: str, params: dict, write: bool = False) -> list[dict]:
    """Rows of a query as dicts.

    Without ``write`` the query runs in a read transaction that is rolled back
    (and refused) when the server reports that it wrote anything: the guard rests
    on the server's own counters, not on words in the query.
    """
    try:
        if write:
            with driver.session(database=database) as session:
                return [record.data() for record in session.run(cypher, params)]
        with driver.session(database=database, default_access_mode=READ_ACCESS) as session:
            with session.begin_transaction() as tx:
                result = tx.run(cypher, params)
                rows = [record.data() for record in result]
                if _wrote(result.consume()):
                    tx.rollback()
                    raise StoreError(WRITE_REFUSED)
                tx.rollback()
                return rows
    except ClientError as err:
        if "AccessMode" in (err.code or ""):
            raise StoreError(WRITE_REFUSED) from None
        raise StoreError(f"query failed: {err.message or err}") from None
    except Neo4jError as err:
        raise StoreError(f"query failed: {err.message or err}") from None
