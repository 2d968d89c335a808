"""Vetrina's publisher: from the content API to static sites. Django-free."""

__version__ = "0.1.0"
