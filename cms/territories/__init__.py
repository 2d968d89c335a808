"""Territories: a Wagtail Site, its home page and its public settings."""
