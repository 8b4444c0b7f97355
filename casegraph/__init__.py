"""casegraph: knowledge graphs of Chinese community-governance case reports.

The Python API a notebook uses: ``build``, ``load``, ``query``, ``draw``.
"""
from casegraph.api import BuildResult, build, draw, load, query

__all__ = ["BuildResult", "build", "draw", "load", "query"]
