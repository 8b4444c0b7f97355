"""casegraph: knowledge graphs of Chinese community-governance case reports.

The Python API a notebook uses: ``build``, ``load``, ``query``, ``ask``, ``find``, ``draw``, ``stats``,
``export`` and ``close``.
"""
from casegraph.api import BuildResult, ask, build, close, draw, export, find, load, query, stats

__all__ = ["BuildResult", "ask", "build", "close", "draw", "export", "find", "load", "query", "stats"]
