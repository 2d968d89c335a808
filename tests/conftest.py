"""Shared test set-up. Under CI, a test that cannot find PostgreSQL or a browser
fails instead of skipping: a green run must mean everything was exercised."""

import os
from contextlib import contextmanager
from io import StringIO

import pytest

IN_CI = os.environ.get("CI", "").lower() == "true"


def require(condition: bool, reason: str) -> None:
    """Skip when `condition` is false, except in CI, where it is a failure."""
    if condition:
        return
    if IN_CI:
        pytest.fail(f"{reason} (CI=true: missing pieces are failures, not skips)")
    pytest.skip(reason)


def make_lecce():
    """Lecce in Italian and English, with its five sections."""
    from cms.territories.setup import create_territory

    return create_territory(
        "lecce",
        "Lecce",
        hostname="lecce.test",
        languages=("it", "en"),
        is_default_site=True,
        public_base_url="https://lecce.example.org",
        build_hook_url="https://api.netlify.com/build_hooks/SECRET123",
    )


def make_grecia():
    """Grecìa Salentina in Italian, English and Arabic."""
    from cms.territories.setup import create_territory

    return create_territory(
        "grecia-salentina",
        "Grecìa Salentina",
        hostname="grecia.test",
        languages=("it", "en", "ar"),
    )


@pytest.fixture
def territory(db):
    return make_lecce()


@pytest.fixture
def other_territory(db):
    return make_grecia()


@contextmanager
def made_once(django_db_blocker):
    """Data several tests share, made once, as Django's `setUpTestData`: in a
    transaction rolled back when the fixture ends. Each test runs in a savepoint
    of it (pytest-django's `db`), so it finds the data as it was made. For a
    class- or module-scoped fixture, in modules without transactional tests or
    tests that copy the database for a process (`database_url` hung under it)."""
    from django.core.cache import cache
    from django.db import transaction

    with django_db_blocker.unblock(), transaction.atomic():
        yield
        transaction.set_rollback(True)
    cache.clear()  # Wagtail's site root paths, among others


@pytest.fixture(scope="module")
def lecce_once(django_db_setup, django_db_blocker):
    """Lecce made once for a module that opts in by defining its `territory` as
    a copy of this one (the copy keeps a test's changes in memory its own)."""
    with made_once(django_db_blocker):
        yield make_lecce()


def publish_home_and_sections_in(territory, code: str) -> None:
    """Translate the home and the sections (as editors would first) and publish."""
    from cms.territories.setup import get_locale

    locale = get_locale(code)
    for page in (territory.home, *territory.sections.values()):
        page.copy_for_translation(locale).save_revision().publish()


def copy_sqlite_test_database(path) -> None:
    """Copy this worker's SQLite test database, in memory, to the file `path`."""
    import sqlite3

    from django.db import connection

    connection.ensure_connection()
    with sqlite3.connect(path) as copy:
        connection.connection.backup(copy)


@pytest.fixture
def database_url(db, tmp_path) -> str:
    """The test database as a DATABASE_URL for a CMS process a test starts.

    It is migrated already, so the process need not migrate again (some 20 s):
    SQLite in memory is copied to a file; PostgreSQL's test database is shared,
    and the process sees what is committed.
    """
    from django.db import connection

    if connection.vendor == "sqlite":
        path = tmp_path / "db.sqlite3"
        copy_sqlite_test_database(path)
        return f"sqlite:///{path}"
    db = connection.settings_dict
    return (
        f"postgres://{db['USER']}:{db['PASSWORD']}@{db['HOST']}:{db['PORT']}"
        f"/{db['NAME']}"
    )


def flushes(item) -> bool:
    """Whether the test empties the tables when it ends (a transactional one)."""
    marker = item.get_closest_marker("django_db")
    # live_server implies transactional_db, marker or not.
    implied = {"live_server", "transactional_db"} & set(item.fixturenames)
    return bool(marker and marker.kwargs.get("transaction")) or bool(implied)


SLOW = ("tests/browser/", "tests/ship/", "tests/bench/")


def pytest_itemcollected(item):
    """Slow tests are marked, for `make test-quick` to leave out."""
    if item.nodeid.startswith(SLOW):
        item.add_marker(pytest.mark.slow)


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items):
    """Order the tests for one worker or several (`--dist loadscope`, which
    gives each worker whole modules, in this order).

    The slow modules first, so that no long one is left for the end while the
    other workers idle; within a module, the tests that flush the database
    last, as Django's own runner does: they empty the tables when they end
    (`pytest_runtest_teardown` below puts the migrated data back), and a
    module's shared data (the demo) would go with them.
    """
    # Serialized rollback gives a transactional test the migrated data (content
    # types, the root page and collection) when it starts, whatever ran before.
    careless = [
        item.nodeid
        for item in items
        if flushes(item)
        and not (
            item.get_closest_marker("django_db")
            and item.get_closest_marker("django_db").kwargs.get("serialized_rollback")
        )
    ]
    if careless:
        raise pytest.UsageError(
            "transactional tests need serialized_rollback=True: " + ", ".join(careless)
        )
    modules: dict[str, int] = {}
    for item in items:
        modules.setdefault(item.nodeid.split("::")[0], len(modules))
    items.sort(
        key=lambda item: (
            not item.get_closest_marker("slow"),
            modules[item.nodeid.split("::")[0]],
            flushes(item),
        )
    )


# Modules that share a costly session fixture: `--dist loadscope` gives them to one
# worker as one unit, so the fixture is made once (the demo, loaded and built,
# takes some 40 s).
SHARED_FIXTURE_SCOPES = {
    "tests/browser/test_demo_sites.py": "demo_dist",
    "tests/publisher/test_demo_languages.py": "demo_dist",
}


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_make_scheduler(config, log):
    """pytest-xdist's `loadscope`, whole modules per worker, with the modules of
    SHARED_FIXTURE_SCOPES joined into one unit each."""
    if config.getvalue("dist") != "loadscope":
        return None
    from xdist.scheduler import LoadScopeScheduling

    class SharedFixtureScheduling(LoadScopeScheduling):
        def _split_scope(self, nodeid: str) -> str:
            module = nodeid.split("::", 1)[0]
            return SHARED_FIXTURE_SCOPES.get(module) or super()._split_scope(nodeid)

    return SharedFixtureScheduling(config, log)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item, nextitem):
    """After a test that flushed the tables, the migrated data comes back (the
    content types, the root page, the default locale and collection…), so
    whatever runs next on this worker finds the database as migrations left
    it, whichever module it belongs to."""
    result = yield
    # After the session's last test the test database is gone already.
    if flushes(item) and nextitem is not None:
        from django.db import connections
        from pytest_django.plugin import blocking_manager_key

        with item.config.stash[blocking_manager_key].unblock():
            for connection in connections.all():
                contents = getattr(connection, "_test_serialized_contents", None)
                if contents:
                    connection.creation.deserialize_db_from_string(contents)
    return result


@pytest.fixture(scope="session")
def demo_dist(django_db_setup, django_db_blocker, tmp_path_factory):
    """Both demo territories built from the CMS's API, once for the session
    (tests/browser/test_demo_sites.py, tests/publisher/test_demo_languages.py).

    The demo is loaded in a transaction rolled back afterwards, as in
    tests/cms/test_load_demo.py, and served by a live server sharing this
    thread's connection (SQLite in memory), so no other test sees it.
    """
    from django.contrib.staticfiles.handlers import StaticFilesHandler
    from django.core.management import call_command
    from django.db import connections, transaction
    from django.test import override_settings
    from django.test.testcases import LiveServerThread

    from publisher.build import BuildOptions, build

    connection = connections["default"]  # the wrapper, not the proxy
    if connection.vendor != "sqlite":
        pytest.skip("the live server shares the connection only with SQLite")
    root = tmp_path_factory.mktemp("demo-sites")
    with (
        override_settings(MEDIA_ROOT=root / "media"),
        django_db_blocker.unblock(),
        transaction.atomic(),
    ):
        call_command("load_demo", stdout=StringIO())
        connection.inc_thread_sharing()
        server = LiveServerThread(
            "127.0.0.1", StaticFilesHandler, {"default": connection}
        )
        server.daemon = True
        server.start()
        server.is_ready.wait()
        try:
            assert server.error is None, server.error
            reports = build(
                BuildOptions(
                    api=f"http://127.0.0.1:{server.port}",
                    out=root / "dist",
                    content=root / "content",
                    jobs=1,
                    allow_local_links=True,
                ),
                progress=lambda message: None,
            )
        finally:
            server.terminate()
            connection.dec_thread_sharing()
            transaction.set_rollback(True)
    assert sorted(report.slug for report in reports) == ["grecia-salentina", "lecce"]
    return root / "dist"
