"""The newsletter digest: what an editor pastes into a mailing tool."""

from html.parser import HTMLParser

import pytest

from publisher.channels import newsletter
from publisher.render import RenderContext
from publisher.site_outputs import rendered, site_outputs
from publisher.sitemodel import SiteModel
from publisher.snapshot import Snapshot
from tests.publisher.test_theme import HOSTILE, TERRITORY, event, item, story
from tests.snapshots import BUSINESS, OFFER

BUILD_DATE = "2026-11-25"
RENDITION = "https://cms.example/media/hero-1200.webp"


class Mail(HTMLParser):
    """Every start tag with its attributes, and the text outside tags."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)

    def all(self, name: str) -> list[dict[str, str | None]]:
        return [attrs for tag, attrs in self.tags if tag == name]


def offer(id, path, title, valid_from, valid_until, **fields):
    return item(
        id, "offers.OfferPage", path, title=title,
        **{**OFFER, "valid_from": valid_from, "valid_until": valid_until, **fields},
    )  # fmt: skip


@pytest.fixture
def pages():
    hero = story(18, "/storie/fresca/", "2026-11-20", "Storia fresca")
    hero["hero_image"] = 70
    hero["media"]["images"]["70"] = {
        "id": 70,
        "alt": "La facciata del Duomo",
        "renditions": [{"url": RENDITION, "width": 1200, "height": 800}],
    }
    return [
        item(1, "territories.TerritoryHomePage", "/", key="home"),
        item(12, "stories.StoriesIndexPage", "/storie/", intro=""),
        item(4, "events.EventsIndexPage", "/eventi/", intro=""),
        hero,
        story(16, "/storie/vecchia/", "2026-10-01", "Storia vecchia"),
        story(17, "/storie/ostile/", "2026-11-24", HOSTILE),
        event(6, "2026-12-05T18:00:00+01:00", title="Concerto", summary=HOSTILE),
        event(7, "2027-01-10T18:00:00+01:00", title="Concerto lontano"),
        event(20, "2026-10-01T18:00:00+02:00", title="Concerto passato"),
        event(
            8,
            "2026-09-03T18:00:00+02:00",
            end="2026-09-03T19:30:00+02:00",
            title="Visita settimanale",
            frequency="weekly",
            repeat_until="2027-03-01",
            exception_dates=[{"date": "2026-12-10"}],
        ),
        item(
            30, "offers.BusinessPage", "/attivita/bottega/", title="Bottega", **BUSINESS
        ),
        offer(31, "/attivita/bottega/sconto/", "Sconto", "2026-11-01", "2026-12-31"),
        offer(32, "/attivita/bottega/finito/", "Finito", "2026-10-01", "2026-11-01"),
        offer(33, "/attivita/bottega/natale/", "Natale", "2026-12-20", "2026-12-31"),
    ]


def context(pages, lang="it"):
    model = SiteModel.build(Snapshot(TERRITORY, BUILD_DATE, pages))
    return RenderContext(
        model, lang, media={RENDITION: "/media/abc.webp"}, build_date=BUILD_DATE
    )


def html(pages, lang="it"):
    return newsletter.html(context(pages, lang))


def text(pages, lang="it"):
    return newsletter.text(context(pages, lang))


def test_html_is_safe_for_mail_clients_every_style_inline(pages):
    mail = Mail(html(pages))
    names = {tag for tag, _ in mail.tags}
    assert not names & {"script", "style", "link", "iframe", "form"}
    assert all("class" not in attrs for _, attrs in mail.tags)
    body = mail.tags[[tag for tag, _ in mail.tags].index("body") :]
    layout = {"body", "table", "td", "h1", "h2", "h3", "p", "a", "img"}
    unstyled = [tag for tag, attrs in body if tag in layout and not attrs.get("style")]
    assert unstyled == []
    assert mail.all("table")[0]["role"] == "presentation"


def test_html_says_its_language_and_asks_not_to_be_indexed(pages):
    mail = Mail(html(pages))
    assert mail.all("html") == [{"lang": "it", "dir": "ltr"}]
    assert {"name": "robots", "content": "noindex"} in mail.all("meta")


def test_arabic_digest_reads_right_to_left_in_arabic(pages):
    mail = Mail(html(pages, "ar"))
    assert mail.all("html") == [{"lang": "ar", "dir": "rtl"}]
    assert all("text-align:left" not in (a.get("style") or "") for _, a in mail.tags)
    words = "".join(mail.text)
    assert "فعاليات الأيام الثلاثين القادمة" in words
    assert "ديسمبر" in words
    # Italian pages shown in the Arabic digest say they are Italian.
    assert {"it"} == {a["lang"] for a in mail.all("td") if "lang" in a}


def test_events_of_the_next_30_days_with_every_occurrence(pages):
    words = " ".join(Mail(html(pages)).text)
    assert "Concerto passato" not in words and "Concerto lontano" not in words
    assert words.index("Visita settimanale") < words.index("Concerto")
    assert "giovedì 26 novembre 2026, 18:00–19:30" in words
    # The other Thursdays until 24 December, 10 December skipped.
    assert "Anche il 3 dicembre 2026, 17 dicembre 2026 e 24 dicembre 2026" in words


def test_stories_of_the_last_30_days_newest_first(pages):
    words = " ".join(Mail(html(pages)).text)
    assert "Storia vecchia" not in words
    assert words.index(HOSTILE) < words.index("Storia fresca")


def test_only_offers_valid_on_the_build_date(pages):
    words = " ".join(Mail(html(pages)).text)
    assert "Sconto" in words and "Fino al 31 dicembre 2026" in words
    assert "Finito" not in words and "Natale" not in words
    assert "sconto del 10%" in words
    assert "Mostra il biglietto." in words


def test_images_and_links_are_absolute_with_alt_text(pages):
    mail = Mail(html(pages))
    [image] = mail.all("img")
    assert image["src"] == "https://lecce.example.org/media/abc.webp"
    assert image["alt"] == "La facciata del Duomo"
    hrefs = [a["href"] for a in mail.all("a")]
    assert hrefs and all(h.startswith("https://lecce.example.org/it/") for h in hrefs)


def test_hostile_text_is_escaped_in_the_html(pages):
    page = html(pages)
    mail = Mail(page)
    assert [a["src"] for a in mail.all("img")] == [
        "https://lecce.example.org/media/abc.webp"
    ]  # the hostile <img> is text, not an element
    assert HOSTILE in "".join(mail.text)
    assert "&lt;img src=x onerror=" in page


def test_plain_text_alternative_has_the_same_items(pages):
    plain = text(pages)
    assert "<" not in plain.replace(HOSTILE, "")
    assert plain.startswith("Novità da Lecce\n")
    for expected in (
        "Eventi dei prossimi 30 giorni",
        "Visita settimanale",
        "https://lecce.example.org/it/eventi/e8/",
        "Storie degli ultimi 30 giorni",
        "https://lecce.example.org/it/storie/fresca/",
        "Offerte in corso",
        "https://lecce.example.org/it/attivita/bottega/sconto/",
        HOSTILE,
    ):
        assert expected in plain, expected
    assert "Concerto lontano" not in plain


def test_dates_are_in_the_language(pages):
    english = text(pages, "en")
    assert "Prepared on November 25, 2026" in english
    assert "Thursday, November 26, 2026" in english


def test_an_empty_month_says_so(pages):
    quiet = [p for p in pages if p["meta"]["type"] != "events.EventPage"]
    assert "Nessun evento in programma." in text(quiet)


def test_visitor_pages_do_not_link_the_newsletter(pages):
    ctx = context(pages)
    outputs = site_outputs(ctx)
    assert {"/it/newsletter.html", "/it/newsletter.txt"} <= set(outputs)
    for url, render in outputs.items():
        if url.endswith("/"):
            assert "newsletter" not in rendered(render()), url
