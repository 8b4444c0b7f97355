"""Read documents from files and folders into Document and Case records.

One unreadable file never stops the others: its problem is recorded on the
result, and the caller decides whether that is fatal.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from graph.records import Case, Document, LoadResult, Problem
from loaders.errors import ReadError
from loaders.normalize import NormalizeOptions, normalize_text
from loaders.readers import READERS, reader_for
from loaders.places import locate_document
from loaders.splitter import case_location, split_spans

MAX_FILE_BYTES = 20 * 1024 * 1024


@dataclass(frozen=True)
class LoadOptions:
    normalize: NormalizeOptions = NormalizeOptions()
    max_bytes: int = MAX_FILE_BYTES


def _unsupported(path: Path) -> Problem:
    return Problem(str(path), f"unsupported file type {path.suffix or '(none)'!r}; "
                              f"supported: {', '.join(sorted(READERS))}")


def iter_files(inputs: Iterable[Path], problems: list[Problem]) -> Iterator[Path]:
    """Files named, and files inside folders named (sorted, hidden ones skipped)."""
    for path in inputs:
        if path.is_dir():
            children = [c for c in sorted(path.rglob("*"))
                        if not any(part.startswith(".") for part in c.relative_to(path).parts)]
        elif path.is_file():
            children = [path]
        else:
            problems.append(Problem(str(path), "no such file or folder"))
            continue
        for child in children:
            if child.is_symlink() and not child.exists():
                problems.append(Problem(str(child), "broken or looping symbolic link, skipped"))
            elif child.is_file() and reader_for(child) is None:
                problems.append(_unsupported(child))
            elif child.is_file():
                yield child


def read_document(path: Path, doc_id: str, options: LoadOptions = LoadOptions()) -> Document:
    """Read and normalise one file; raise ReadError with the reason when it cannot be used."""
    try:
        size = path.stat().st_size
    except OSError as err:
        raise ReadError(f"cannot open ({err.strerror})") from None
    if size == 0:
        raise ReadError("empty file")
    if size > options.max_bytes:
        raise ReadError(f"file of {size / 2**20:.0f} MB is over the {options.max_bytes / 2**20:.0f} MB limit "
                        "(split it, or raise --max-mb)")
    reader = reader_for(path)
    if reader is None:
        raise ReadError(f"unsupported file type {path.suffix!r}")
    try:
        raw = reader(path)
    except ReadError:
        raise
    except Exception as err:  # a reader library failing on odd input must not stop the build
        raise ReadError(f"unreadable {path.suffix} file ({type(err).__name__}: {err})") from None
    text_bytes = len(raw.text.encode("utf-8", errors="replace"))
    if text_bytes > options.max_bytes:
        raise ReadError(f"its text of {text_bytes / 2**20:.0f} MB is over the {options.max_bytes / 2**20:.0f} MB "
                        "limit (split it, or raise --max-mb)")
    text, offsets = normalize_text(raw.text, raw.markdown, options.normalize)
    if not text.strip():
        raise ReadError("no text left after normalisation")
    return Document(id=doc_id, path=str(path), format=raw.format, raw_text=raw.text, text=text, offsets=offsets,
                    warning=raw.warning)


def split_cases(document: Document) -> list[Case]:
    """The cases of a document, with ids '<document id>-NN' in reading order."""
    whole_district, whole_subdistrict = locate_document(document.text)
    cases = []
    for order, span in enumerate(split_spans(document.text), start=1):
        where = case_location(span, document.text)
        cases.append(Case(
            id=f"{document.id}-{order:02d}", document=document.id, order=order, title=span.title,
            subtitle=span.subtitle, text=document.text[span.start:span.end], start=span.start,
            district=where.district or whole_district, subdistrict=where.subdistrict or whole_subdistrict,
            area=where.area))
    return cases


def document_ids(paths: list[Path]) -> dict[Path, str]:
    """A document's id is its file name's stem; files that share a stem are told apart by their folders
    (report~2021, report~2022), so ids never depend on the order the files were given in."""
    by_stem: dict[str, list[Path]] = {}
    for path in dict.fromkeys(p.resolve() for p in paths):
        by_stem.setdefault(path.stem, []).append(path)
    ids = {}
    for stem, same in by_stem.items():
        if len(same) == 1:
            ids[same[0]] = stem
            continue
        for depth in range(1, max(len(p.parts) for p in same)):
            names = {p: f"{stem}~{'-'.join(p.parent.parts[-depth:])}" for p in same}
            if len(set(names.values())) == len(same):
                break
        ids.update(names)
    return {path: ids[path.resolve()] for path in paths}


@dataclass(frozen=True)
class PlannedDocument:
    """A file to read and the id its document will have."""

    path: Path
    id: str


def plan_documents(inputs: Iterable[Path | str], problems: list[Problem]) -> list[PlannedDocument]:
    """Every supported file under ``inputs``, once, with its id, in id order (the same whatever the argument
    order); what cannot be read at all is recorded in ``problems``."""
    unique = {path.resolve(): path for path in iter_files([Path(p) for p in inputs], problems)}
    ids = document_ids(list(unique.values()))
    return sorted((PlannedDocument(path, ids[path]) for path in unique.values()), key=lambda d: d.id)


def read_planned(planned: PlannedDocument, options: LoadOptions = LoadOptions()) -> LoadResult:
    """One file read, normalised and split into cases; its problems recorded, never raised."""
    result = LoadResult()
    try:
        document = read_document(planned.path, planned.id, options)
    except ReadError as err:
        result.problems.append(Problem(str(planned.path), str(err)))
        return result
    if document.warning:
        result.problems.append(Problem(str(planned.path), document.warning))
    cases = split_cases(document)
    if not cases:
        result.problems.append(Problem(str(planned.path), "no case found in the text"))
        return result
    result.documents.append(document)
    result.cases.extend(cases)
    return result


def load_documents(inputs: Iterable[Path | str], options: LoadOptions = LoadOptions()) -> LoadResult:
    """Read every supported file under ``inputs``; problems are recorded, not raised."""
    result = LoadResult()
    for planned in plan_documents(inputs, result.problems):
        one = read_planned(planned, options)
        result.documents.extend(one.documents)
        result.cases.extend(one.cases)
        result.problems.extend(one.problems)
    return result
