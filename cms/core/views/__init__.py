"""Wagtail admin views that belong to no single content domain."""
