"""casegraph: knowledge graphs of Chinese community-governance case reports.

The Python API a notebook uses: ``build``, ``load``, ``query``, ``draw`` and ``close``.
"""
from casegraph.api import BuildResult, build, close, draw, load, query

__all__ = ["BuildResult", "build", "close", "draw", "load", "query"]
