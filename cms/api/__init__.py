"""The content API: what the static build reads (reference: docs/api.md).

Every endpoint is registered in `router.py`. It sits above the content apps,
the territories and the change feed, and reads all of them.
"""
