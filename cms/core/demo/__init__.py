"""Demo content for `manage.py load_demo`: two Salento territories, translated.

The data modules (`lecce`, `grecia`, `common`) hold texts with their
translations and real coordinates; `images` draws the pictures; `translate`
drives wagtail-localize; `loader` puts it all together idempotently.
"""
