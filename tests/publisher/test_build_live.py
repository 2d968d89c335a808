"""A real build over real HTTP against a live CMS test server."""

import re
from pathlib import Path

import pytest
from django.urls import reverse
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page, PageViewRestriction

from cms.territories.setup import get_locale
from publisher import build as build_module
from publisher.build import BuildOptions, build
from publisher.errors import TooManyDropped
from tests.cms.factories import EventPageFactory, ImageFactory, PlacePageFactory
from tests.cms.test_redirects import add_redirect
from tests.conftest import publish_home_and_sections_in
from tests.publisher.test_netlify_config import netlify_config

# The CMS refuses markup in plain text (tests/hostile.py tries the rest); what
# it accepts must still come out escaped.
HOSTILE = 'Fish & chips < 5 € > "da Totò"'


@pytest.fixture
def content(territory):
    from cms.territories.setup import get_locale

    english = get_locale("en")
    publish_home_and_sections_in(territory, "en")
    places = [
        PlacePageFactory(
            parent=territory.sections["places"],
            title=title,
            slug=slug,
            hero_image=ImageFactory(),
            summary=HOSTILE,
        )
        for title, slug in (("Duomo", "duomo"), ("Santa Croce", "santa-croce"))
    ]
    translated = places[0].copy_for_translation(english)
    translated.title = "Cathedral"
    translated.slug = "cathedral"
    translated.save_revision().publish()
    EventPageFactory(parent=territory.sections["events"], venue=places[0])
    return places


def run(live_server, tmp_path, **kwargs):
    options = BuildOptions(
        api=live_server.url,
        out=tmp_path / "dist",
        content=tmp_path / "content",
        build_date="2026-11-25",
        jobs=2,
        **kwargs,
    )
    return build(options, progress=lambda message: None)


def internal_links(html: str) -> list[str]:
    return re.findall(r'(?:href|src)="(/[^"#?]*)', html) + [
        url.split()[0] for url in re.findall(r"(/media/\S+) \d+w", html)
    ]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_build_publishes_every_language_with_working_links(
    content, live_server, tmp_path
):
    reports = run(live_server, tmp_path)
    site = tmp_path / "dist" / "lecce"
    assert reports[0].pages > 0 and not reports[0].problems

    italian = (site / "it/luoghi/duomo/index.html").read_text()
    english = (site / "en/luoghi/cathedral/index.html").read_text()
    assert "<h1>Duomo</h1>" in italian and "<h1>Cathedral</h1>" in english
    # The language switcher links the same page, not the home.
    assert 'href="/en/luoghi/cathedral/" hreflang="en"' in italian
    assert 'href="/it/luoghi/duomo/" hreflang="it"' in english
    # Untranslated pages fall back to Italian with a notice, listed once.
    fallback = (site / "en/luoghi/santa-croce/index.html").read_text()
    assert 'role="note"' in fallback
    listing = (site / "en/luoghi/index.html").read_text()
    assert listing.count("santa-croce/") == 1
    # Text from the CMS is escaped (markup itself is refused at the door).
    assert "Fish &amp; chips &lt; 5 € &gt; &#34;da Totò&#34;" in italian
    # Images are served from the site itself, with width and height.
    assert re.search(
        r'<img src="/media/\w+\.webp"[^>]* width="\d+" height="\d+"', italian
    )

    broken = []
    for page in site.rglob("*.html"):
        for link in internal_links(page.read_text()):
            target = site / link.lstrip("/")
            if not (target.is_file() or (target / "index.html").is_file()):
                broken.append(f"{page.relative_to(site)} → {link}")
    assert broken == []

    # hreflang alternates link back to each other, across the whole output.
    base = "https://lecce.example.org"
    alternates = {}
    for page in site.rglob("index.html"):
        url = "/" + str(page.parent.relative_to(site)) + "/"
        found = re.findall(r'hreflang="(\w\w)" href="([^"]+)"', page.read_text())
        alternates[base + url] = {href for _lang, href in found}
    for url, others in alternates.items():
        if url.endswith("lecce.example.org/./"):
            continue  # the language chooser at the root
        for other in others:
            assert url in alternates.get(other, set()), (url, other)

    sitemap = (site / "sitemap.xml").read_text()
    assert (
        'hreflang="en" href="https://lecce.example.org/en/luoghi/cathedral/"' in sitemap
    )
    # Old URLs of renamed pages come first and lead to pages that exist.
    rules = (site / "_redirects").read_text().splitlines()
    first = rules.index("/  /it/  302!  Language=it")
    for rule in rules[:first]:
        old, new, status = rule.split(" ")
        assert status == "301" and old != new
        assert (site / new.lstrip("/") / "index.html").is_file(), rule


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_same_snapshot_and_date_give_the_same_bytes_and_times(
    content, live_server, tmp_path
):
    run(live_server, tmp_path)
    page = tmp_path / "dist/lecce/it/luoghi/duomo/index.html"
    before = (page.read_bytes(), page.stat().st_mtime_ns)
    run(live_server, tmp_path)
    assert (page.read_bytes(), page.stat().st_mtime_ns) == before


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_failing_build_leaves_the_previous_site_untouched(
    content, live_server, tmp_path, monkeypatch
):
    run(live_server, tmp_path)
    site = tmp_path / "dist" / "lecce"
    snapshot = {p: p.read_bytes() for p in site.rglob("*") if p.is_file()}

    def explode(*args, **kwargs):
        raise RuntimeError("injected failure after rendering")

    monkeypatch.setattr(build_module, "write_site_files", explode)
    content[0].title = "Cambiato"
    content[0].save_revision().publish()
    with pytest.raises(RuntimeError):
        run(live_server, tmp_path)
    assert {p: p.read_bytes() for p in site.rglob("*") if p.is_file()} == snapshot
    assert not list((tmp_path / "dist").glob(".staging-*"))


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_strict_refuses_bad_items_and_says_which(content, live_server, tmp_path):
    from publisher.errors import BadContent

    # An impossible value written behind the CMS's validation (an import, a bug).
    type(content[0]).objects.filter(pk=content[0].pk).update(latitude=95)
    reports = run(live_server, tmp_path)
    assert [str(p) for p in reports[0].problems] == [
        f"places.PlacePage {content[0].pk}, field 'latitude': 95.000000 is outside ±90"
    ]
    assert not (tmp_path / "dist/lecce/it/luoghi/duomo").exists()
    with pytest.raises(BadContent, match="latitude"):
        run(live_server, tmp_path, strict=True)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_an_emptied_api_never_publishes_an_empty_site(content, live_server, tmp_path):
    run(live_server, tmp_path)
    for place in content:
        place.unpublish()
    with pytest.raises(TooManyDropped, match="lecce would go from"):
        run(live_server, tmp_path, full=True)
    assert Path(tmp_path / "dist/lecce/it/luoghi/duomo/index.html").exists()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_removals_sent_as_tombstones_are_published_however_many(
    content, live_server, tmp_path, settings
):
    """On a small site one offer is more than 5 % of the pages: the change
    feed names every removal, so the guard is for full fetches only."""
    settings.VETRINA_CHANGES_SETTLE_SECONDS = 0
    run(live_server, tmp_path)
    for place in content:
        place.unpublish()
    [report] = run(live_server, tmp_path)
    assert report.fetched == "change feed"
    assert not Path(tmp_path / "dist/lecce/it/luoghi/duomo/index.html").exists()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_an_incremental_build_follows_the_change_feed(
    content, live_server, tmp_path, settings
):
    # The feed's cursor waits for changes to settle: no waiting in a test.
    settings.VETRINA_CHANGES_SETTLE_SECONDS = 0
    [first] = run(live_server, tmp_path)
    content[1].title = "Santa Croce restaurata"
    content[1].save_revision().publish()
    [report] = run(live_server, tmp_path)
    assert (report.mode, report.fetched, report.changed) == (
        "incremental",
        "change feed",
        1,
    )
    assert 0 < report.pages < first.pages
    site = tmp_path / "dist" / "lecce"
    assert "Santa Croce restaurata" in (site / "en/luoghi/index.html").read_text()

    # The same bytes as a full build of the same content.
    fresh = tmp_path / "fresh"
    run(live_server, fresh, full=True)
    expected = fresh / "dist" / "lecce"
    files = sorted(p.relative_to(site) for p in site.rglob("*") if p.is_file())
    assert files == sorted(
        p.relative_to(expected) for p in expected.rglob("*") if p.is_file()
    )
    assert [
        f for f in files if (site / f).read_bytes() != (expected / f).read_bytes()
    ] == []


def redirect_rules(site: Path) -> list[str]:
    """The lines of `_redirects` before the language rules: old paths."""
    rules = (site / "_redirects").read_text("utf-8").splitlines()
    return rules[: rules.index("/  /it/  302!  Language=it")]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_editors_redirects_reach_every_territorys_redirects(
    content, territory, other_territory, live_server, tmp_path, admin_client
):
    """Made in Settings → Redirects as an editor does, read by a real build, as
    Netlify's own parser reads them."""
    duomo, santa_croce = content
    cathedral = duomo.get_translation(get_locale("en"))
    lecce = territory.site
    draft = PlacePageFactory(parent=territory.sections["places"], slug="bozza")
    draft.unpublish()
    private = PlacePageFactory(parent=territory.sections["places"], slug="privato")
    PageViewRestriction.objects.create(page=private, restriction_type="login")

    add_redirect(admin_client, "/it/luoghi/duomo-vecchio/", site=lecce, page=duomo)
    add_redirect(admin_client, "/en/old-cathedral", site=lecce, page=duomo, temp=True)
    add_redirect(admin_client, "/museo.html", site=lecce, page=cathedral)
    add_redirect(admin_client, "/biglietti", link="https://t.example/b", temp=True)
    add_redirect(admin_client, "/bozza", site=lecce, page=draft)
    add_redirect(admin_client, "/privato", site=lecce, page=private)
    add_redirect(admin_client, "/it/luoghi/santa-croce", page=santa_croce)
    Redirect.objects.create(old_path="/script", redirect_link="javascript:alert(1)")

    [lecce_report, grecia_report] = run(live_server, tmp_path, allow_local_links=True)

    dist = tmp_path / "dist"
    assert redirect_rules(dist / "lecce") == [
        "/biglietti https://t.example/b 302",
        # The translation's slug changed from the Italian one (content()).
        "/en/luoghi/duomo/ /en/luoghi/cathedral/ 301",
        "/en/old-cathedral /en/luoghi/cathedral/ 302",
        "/it/luoghi/duomo-vecchio /it/luoghi/duomo/ 301",
        "/museo.html /en/luoghi/cathedral/ 301",
    ]
    assert redirect_rules(dist / "grecia-salentina") == [
        "/biglietti https://t.example/b 302"
    ]
    assert not lecce_report.problems and not grecia_report.problems
    for site in (dist / "lecce", dist / "grecia-salentina"):
        parsed = netlify_config(site)["redirects"]
        assert parsed["errors"] == []
        assert parsed["rules"][0]["from"] == "/biglietti"


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_redirect_and_a_move_reach_the_next_build_once(
    content, territory, live_server, tmp_path, admin_client, settings
):
    """The change feed sends no page for an editor's redirect: the build sees
    it in the redirects endpoint (no stale 304). A move gives one line per
    language, not one more from Wagtail's Redirects."""
    settings.VETRINA_CHANGES_SETTLE_SECONDS = 0
    site = tmp_path / "dist" / "lecce"
    run(live_server, tmp_path)
    translated = "/en/luoghi/duomo/ /en/luoghi/cathedral/ 301"  # see content()
    assert redirect_rules(site) == [translated]

    redirect = add_redirect(
        admin_client, "/orari", site=territory.site, link="https://t.example/o"
    )
    [report] = run(live_server, tmp_path)
    assert (report.mode, report.fetched) == ("incremental", "change feed")
    assert redirect_rules(site) == [translated, "/orari https://t.example/o 301"]

    admin_client.post(reverse("wagtailredirects:delete", args=[redirect.pk]))
    run(live_server, tmp_path)
    assert redirect_rules(site) == [translated]

    duomo, _ = content
    for page, slug in (
        (duomo, "cattedrale"),
        (duomo.get_translation(get_locale("en")), "dome"),
    ):
        page = Page.objects.get(pk=page.pk).specific
        page.slug = slug
        page.save_revision().publish()
    run(live_server, tmp_path)
    assert not Redirect.objects.exists()
    assert redirect_rules(site) == [
        "/en/luoghi/cathedral/ /en/luoghi/dome/ 301",
        "/en/luoghi/duomo/ /en/luoghi/dome/ 301",
        "/it/luoghi/duomo/ /it/luoghi/cattedrale/ 301",
    ]
