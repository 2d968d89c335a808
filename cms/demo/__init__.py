"""Demo content for `manage.py load_demo`: two Salento territories, translated;
and the corpus generator of the benchmark (`manage.py generate_corpus`).

An app of its own, installed by the dev and test settings only: the product
never imports it. The data modules (`lecce`, `grecia`, `common`) hold texts
with their translations and real coordinates; `images` draws the pictures;
`translate` drives wagtail-localize; `loader` puts it all together
idempotently; `corpus/` generates territories of any size.
"""
