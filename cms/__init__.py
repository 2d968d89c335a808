"""Vetrina's editorial CMS: a headless Wagtail project."""
