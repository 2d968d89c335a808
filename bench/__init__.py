"""The benchmark of issue 8: how fast the CMS answers and the publisher builds.

`make bench` (or `python -m bench`) creates a throwaway CMS on a generated
corpus, measures builds, edits and the API against it, renders the same number
of pages with Hugo for comparison, and writes bench/results/latest.{json,md}.
Every figure comes from the run that prints it.
"""
