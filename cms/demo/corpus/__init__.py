"""A large synthetic corpus of published pages, for benchmarks.

Territories corpus-1 … corpus-T, each in the first L content languages, with N
items of each page type per language; the pages of one item in different
languages are translations of each other. Pages are bulk-inserted into the tree
(see `bulk`), so tens of thousands take seconds rather than the hours a save()
and a publish() each would.
"""

from .generator import (
    CorpusError,
    CorpusExists,
    CorpusReport,
    CorpusSpec,
    InvalidCorpusSpec,
    generate_corpus,
)

__all__ = [
    "CorpusError",
    "CorpusExists",
    "CorpusReport",
    "CorpusSpec",
    "InvalidCorpusSpec",
    "generate_corpus",
]
