"""Link previews and schema.org data: what a search engine or a chat app reads."""

import json
import re
from decimal import Decimal

import pytest

from publisher.render import (
    RenderContext,
    audience_output,
    render_document,
    render_page,
)
from publisher.sitemodel import SiteModel
from publisher.snapshot import Snapshot
from tests.publisher.test_theme import TERRITORY, event, item, place
from tests.snapshots import BUSINESS, ITINERARY, OFFER, SECTIONS, STORY

BASE = TERRITORY["base_url"]
HOSTILE = '</script><script>alert(1)</script> "quoted" & <b>'
HERO = {
    "alt": "La facciata del Duomo",
    "credit": "",
    "renditions": [
        *(
            {
                "url": f"https://cms.test/duomo-{w}.webp",
                "width": w,
                "height": w * 2 // 3,
                "format": "webp",
            }
            for w in (480, 960, 1600)
        ),
        # The CMS's crop for sharing.
        {
            "url": "https://cms.test/duomo-social.jpg",
            "width": 1200,
            "height": 630,
            "format": "jpeg",
        },
    ],
}
MEDIA = {
    r["url"]: f"/media/duomo{r['width']}.{r['format']}" for r in HERO["renditions"]
}


def site_pages() -> list[dict]:
    """One page of every type in Italian, the home also in English."""
    pages = [
        item(1, "territories.TerritoryHomePage", "/", key="home", title="Lecce"),
        item(2, "territories.TerritoryHomePage", "/", "en", key="home", title="Lecce"),
    ]
    for n, (type_, slug, key) in enumerate(SECTIONS):
        pages.append(item(10 + n, type_, f"/{slug}/", key=key, title=key, intro=""))
    pages += [
        place(
            5, "/luoghi/duomo/", "museum", "Museo del Duomo",
            summary="Il museo della cattedrale.", address="Piazza Duomo 1, Lecce",
            latitude="40.352000", longitude="18.169000", hero_image=77,
            media={"images": {"77": HERO}, "documents": {}},
        ),
        place(3, "/luoghi/biblioteca/", "library", "Biblioteca", audio_guide=True),
        place(4, "/luoghi/pozzo/", "other", "Pozzo"),
        item(6, "stories.StoryPage", "/storie/barocco/", title="Il barocco",
             **{**STORY, "related_places": [], "audiences": []}),
        event(7, "2026-12-05T18:00:00+01:00", end="2026-12-05T20:00:00+01:00",
              title="Concerto", venue=5, is_free=False, price="12.50",
              booking_url="https://tickets.example/concerto"),
        event(8, "2026-07-05T21:00:00+02:00", title="Annullato", status="cancelled"),
        item(9, "itineraries.ItineraryPage", "/itinerari/centro/",
             title="Centro storico",
             **{**ITINERARY, "stops": [{"place": 5, "note": "Inizio"},
                                       {"place": 3, "note": ""}]}),
        item(20, "offers.BusinessPage", "/attivita/bottega/", title="Bottega",
             **{**BUSINESS, "category": "shop"}),
        item(21, "offers.OfferPage", "/attivita/bottega/sconto/", title="Sconto",
             **OFFER),
        item(22, "offers.OfferPage", "/attivita/bottega/menu/", title="Menù",
             **{**OFFER, "price": "15.00", "discount_percent": None}),
    ]  # fmt: skip
    return pages


@pytest.fixture
def site():
    return SiteModel.build(Snapshot(TERRITORY, "2026-11-25", site_pages()))


def render(site, url, lang="it"):
    entry = next(e for e in site.entries[lang] if e.url == url)
    ctx = RenderContext(site, lang, media=MEDIA, build_date="2026-11-25")
    return render_page(entry, ctx)


def json_ld(html):
    """The page's schema.org graph, by @type; exactly one script per page."""
    scripts = re.findall(
        r'<script type="application/ld\+json">(.*?)</script>', html, re.S
    )
    assert len(scripts) == 1, scripts
    data = json.loads(scripts[0])
    assert data["@context"] == "https://schema.org"
    return {node["@type"]: node for node in data["@graph"]}


def meta(html):
    """Open Graph and Twitter tags: name → every content, in order."""
    found = {}
    for name, content in re.findall(
        r'<meta (?:property|name)="((?:og|twitter|article):[^"]+)" content="([^"]*)">',
        html,
    ):
        found.setdefault(name, []).append(content)
    return found


@pytest.mark.parametrize(
    ("url", "type_"),
    [
        ("/it/", "WebSite"),
        ("/it/luoghi/", "CollectionPage"),
        ("/it/luoghi/duomo/", "Museum"),
        ("/it/luoghi/biblioteca/", "Library"),
        ("/it/luoghi/pozzo/", "Place"),
        ("/it/storie/barocco/", "Article"),
        ("/it/eventi/e7/", "Event"),
        ("/it/itinerari/centro/", "TouristTrip"),
        ("/it/attivita/bottega/", "Store"),
        ("/it/attivita/bottega/sconto/", "Offer"),
    ],
)
def test_every_page_describes_itself_with_its_schema_type(site, url, type_):
    html = render(site, url)
    graph = json_ld(html)
    assert type_ in graph
    node = graph[type_]
    assert node["url"] == f"{BASE}{url}"
    title = re.search(r"<h1>([^<]*)</h1>", html)[1]
    assert node["name"] == title or type_ == "WebSite"
    assert ("BreadcrumbList" in graph) == (url != "/it/")


def test_a_place_gives_address_position_hours_and_access(site):
    html = render(site, "/it/luoghi/duomo/")
    museum = json_ld(html)["Museum"]
    assert museum["address"]["streetAddress"] == "Piazza Duomo 1, Lecce"
    assert museum["geo"] == {
        "@type": "GeoCoordinates", "latitude": 40.352, "longitude": 18.169
    }  # fmt: skip
    weekdays, saturday = museum["openingHoursSpecification"]
    assert [d.rsplit("/", 1)[1] for d in weekdays["dayOfWeek"]] == [
        "Monday", "Tuesday", "Wednesday", "Thursday", "Friday"
    ]  # fmt: skip
    assert (weekdays["opens"], weekdays["closes"]) == ("09:00", "13:00")
    assert saturday["dayOfWeek"] == ["https://schema.org/Saturday"]
    assert "Lunedì–venerdì: 09:00–13:00" in html  # what the page says
    # Only closures still ahead, as on the page.
    (christmas,) = museum["specialOpeningHoursSpecification"]
    assert christmas["validFrom"] == "2026-12-25"
    assert christmas["opens"] == christmas["closes"] == "00:00"
    (step_free,) = museum["amenityFeature"]
    assert step_free["name"] == "Accesso senza gradini" and step_free["value"] is True
    assert "Accesso senza gradini" in html
    assert museum["image"] == f"{BASE}/media/duomo1200.jpeg"  # the crop to share
    library = json_ld(render(site, "/en/luoghi/biblioteca/", "en"))["Library"]
    assert [f["name"] for f in library["amenityFeature"]] == [
        "Step-free access", "Audio guide"
    ]  # fmt: skip


def test_a_place_is_the_same_as_its_wikidata_item_and_heritage_record():
    arco = "https://w3id.org/arco/resource/ArchitecturalOrLandscapeHeritage/16001"
    pages = site_pages()
    duomo = next(p for p in pages if p["id"] == 5)
    duomo |= {
        "wikidata_id": "Q1057506",
        "heritage_record": arco,
        "website": "https://duomo.example",
    }
    library = next(p for p in pages if p["id"] == 3)
    library |= {"wikidata_id": "1057506", "heritage_record": "javascript:alert(1)"}
    site = SiteModel.build(Snapshot(TERRITORY, "2026-11-25", pages))
    museum = json_ld(render(site, "/it/luoghi/duomo/"))["Museum"]
    assert museum["sameAs"] == [
        "https://duomo.example",
        "https://www.wikidata.org/entity/Q1057506",
        arco,
    ]
    # Values the CMS would refuse are left out, not published as links.
    assert "sameAs" not in json_ld(render(site, "/it/luoghi/biblioteca/"))["Library"]


def test_an_event_gives_its_dates_status_venue_and_price(site):
    html = render(site, "/it/eventi/e7/")
    concert = json_ld(html)["Event"]
    assert concert["startDate"] == "2026-12-05T18:00:00+01:00"
    assert concert["endDate"] == "2026-12-05T20:00:00+01:00"
    assert '<time datetime="2026-12-05T18:00:00+01:00">' in html
    assert concert["eventStatus"] == "https://schema.org/EventScheduled"
    assert concert["eventAttendanceMode"].endswith("/OfflineEventAttendanceMode")
    venue = concert["location"]
    assert venue["@type"] == "Museum" and venue["name"] == "Museo del Duomo"
    assert venue["url"] == f"{BASE}/it/luoghi/duomo/"
    offer = concert["offers"]
    assert Decimal(offer["price"]) == Decimal("12.50") and "12,50\xa0€" in html
    assert offer["priceCurrency"] == "EUR"
    assert offer["url"] == "https://tickets.example/concerto"
    cancelled = json_ld(render(site, "/it/eventi/e8/"))["Event"]
    assert cancelled["eventStatus"] == "https://schema.org/EventCancelled"
    assert cancelled["startDate"] == "2026-07-05T21:00:00+02:00"  # summer time
    assert cancelled["location"] == {
        "@type": "Place",
        "name": "Piazza",
        "address": "Piazza",  # Google wants one: the editor's words
    }
    assert cancelled["offers"]["price"] == "0"  # free, as the page says


def test_a_repeating_event_gives_its_rule(site):
    skipped = [{"date": "2026-07-19"}, {"date": "2026-12-06"}]
    site.by_id[8].update(
        frequency="weekly", repeat_until="2027-03-01", exception_dates=skipped
    )
    schedule = json_ld(render(site, "/it/eventi/e8/"))["Event"]["eventSchedule"]
    assert schedule["repeatFrequency"] == "P1W"
    assert schedule["byDay"] == "https://schema.org/Sunday"
    assert schedule["endDate"] == "2027-03-01"
    assert schedule["exceptDate"] == ["2026-12-06"]  # past ones left out


def test_a_schedule_ends_where_the_calendar_does(site):
    """Given both an end date and a count, the one ending first, as the .ics."""
    site.by_id[8].update(frequency="weekly", repeat_until="2027-03-01", repeat_count=3)
    schedule = json_ld(render(site, "/it/eventi/e8/"))["Event"]["eventSchedule"]
    assert schedule["repeatCount"] == 3
    assert "endDate" not in schedule


def test_a_story_is_an_article_with_author_and_date(site):
    html = render(site, "/it/storie/barocco/")
    article = json_ld(html)["Article"]
    assert article["headline"] == "Il barocco"
    assert article["datePublished"] == "2026-11-20"
    assert article["author"] == {"@type": "Person", "name": "Redazione"}
    assert article["publisher"]["name"] == "Lecce"
    assert article["image"] == f"{BASE}/it/storie/barocco/share.png"
    assert meta(html)["article:published_time"] == ["2026-11-20"]
    assert meta(html)["og:type"] == ["article"]


def test_an_itinerary_lists_the_stops_the_page_shows(site):
    html = render(site, "/it/itinerari/centro/")
    trip = json_ld(html)["TouristTrip"]
    assert "timeRequired" not in trip and "inLanguage" not in trip  # not a Trip's
    stops = trip["itinerary"]["itemListElement"]
    assert [s["position"] for s in stops] == [1, 2]
    assert [s["item"]["name"] for s in stops] == ["Museo del Duomo", "Biblioteca"]
    assert stops[0]["item"]["url"] == f"{BASE}/it/luoghi/duomo/"
    assert html.index("Museo del Duomo") < html.index("Biblioteca")


def test_an_offer_gives_price_or_discount_validity_and_seller(site):
    html = render(site, "/it/attivita/bottega/sconto/")
    offer = json_ld(html)["Offer"]
    assert "price" not in offer
    assert offer["description"] == "sconto del 10%" and "sconto del 10%" in html
    assert (offer["validFrom"], offer["validThrough"]) == ("2026-11-01", "2026-12-31")
    assert offer["seller"] == {
        "@type": "Store",
        "name": "Bottega",
        "url": f"{BASE}/it/attivita/bottega/",
        "address": {
            "@type": "PostalAddress",
            "streetAddress": "Via Palmieri 1",
            "postalCode": "73100",
            "addressLocality": "Lecce",
            "addressCountry": "IT",
        },
    }
    priced = json_ld(render(site, "/it/attivita/bottega/menu/"))["Offer"]
    assert (priced["price"], priced["priceCurrency"]) == ("15.00", "EUR")
    trail = json_ld(html)["BreadcrumbList"]["itemListElement"]
    assert [c["name"] for c in trail] == ["Lecce", "businesses", "Bottega", "Sconto"]


def test_breadcrumbs_go_from_the_home_to_the_page(site):
    trail = json_ld(render(site, "/it/luoghi/duomo/"))["BreadcrumbList"]
    crumbs = trail["itemListElement"]
    assert [c["position"] for c in crumbs] == [1, 2, 3]
    assert [c["item"] for c in crumbs] == [
        f"{BASE}/it/", f"{BASE}/it/luoghi/", f"{BASE}/it/luoghi/duomo/"
    ]  # fmt: skip
    # A page shown in Italian to English visitors keeps the English trail.
    english = json_ld(render(site, "/en/luoghi/duomo/", "en"))["BreadcrumbList"]
    assert english["itemListElement"][0]["item"] == f"{BASE}/en/"


def test_open_graph_tags_use_absolute_urls_and_the_pages_languages(site):
    html = render(site, "/it/luoghi/duomo/")
    tags = meta(html)
    assert tags["og:title"] == ["Museo del Duomo"]
    assert tags["og:url"] == [f"{BASE}/it/luoghi/duomo/"]
    assert tags["og:site_name"] == ["Lecce"]
    assert tags["og:locale"] == ["it_IT"]
    assert tags["og:locale:alternate"] == ["en_US", "ar_AR"]  # shown with a notice
    assert tags["og:description"] == ["Il museo della cattedrale."]
    # The hero's JPEG crop for sharing (not WebP, which some platforms and mail
    # clients do not show), served from the site.
    assert tags["og:image"] == [f"{BASE}/media/duomo1200.jpeg"]
    assert tags["og:image:type"] == ["image/jpeg"]
    assert (tags["og:image:width"], tags["og:image:height"]) == (["1200"], ["630"])
    images = " ".join(re.findall(r"<img [^>]*>", html))
    assert "duomo1600.webp" in images and ".jpeg" not in images  # pages show WebP
    assert tags["og:image:alt"] == ["La facciata del Duomo"]
    assert tags["twitter:card"] == ["summary_large_image"]
    assert "share.png" not in html
    arabic = meta(render(site, "/ar/luoghi/pozzo/", "ar"))
    assert arabic["og:locale"] == ["ar_AR"]
    assert arabic["og:image"] == [f"{BASE}/ar/luoghi/pozzo/share.png"]
    assert arabic["og:image:alt"] == ["صورة المشاركة: Pozzo"]
    assert (arabic["og:image:width"], arabic["og:image:height"]) == (["1200"], ["630"])
    english_home = meta(render(site, "/en/", "en"))
    assert english_home["og:locale"] == ["en_US"]
    assert english_home["og:locale:alternate"] == ["it_IT", "ar_AR"]


def test_pages_the_cms_does_not_have_get_a_card_and_a_trail(site):
    ctx = RenderContext(site, "it", media=MEDIA, build_date="2026-11-25")
    missing = render_document("404", ctx)
    assert list(json_ld(missing)) == ["WebPage"]
    assert meta(missing)["og:title"] == ["Pagina non trovata"]
    assert meta(missing)["og:image"] == [f"{BASE}/it/share.png"]  # the home's card
    site.by_id[5]["audiences"] = ["families"]
    families = audience_output("families", ctx)()
    assert meta(families)["og:title"] == ["Per le famiglie"]
    crumbs = json_ld(families)["BreadcrumbList"]["itemListElement"]
    assert [c["name"] for c in crumbs] == ["Lecce", "Per le famiglie"]
    assert crumbs[1]["item"] == f"{BASE}/it/audiences/families/"


def test_hostile_titles_cannot_leave_the_script_or_the_attribute(site):
    site.by_id[5]["title"] = HOSTILE
    site.by_id[5]["summary"] = HOSTILE
    for url in ("/it/luoghi/duomo/", "/it/eventi/e7/", "/it/itinerari/centro/"):
        html = render(site, url)
        assert "<script>alert(1)" not in html
        scripts = 2 if "itinerari" in url else 1  # JSON-LD; offline.js
        assert html.count("<script") == html.count("</script>") == scripts
        assert html.count("<b>") == 0
        names = json.dumps(json_ld(html), ensure_ascii=False)
        assert HOSTILE.replace('"', '\\"') in names  # the text itself survives
    tags = meta(render(site, "/it/luoghi/duomo/"))
    assert tags["og:title"] == [
        "&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; &#34;quoted&#34; "
        "&amp; &lt;b&gt;"
    ]


def test_no_script_blocks_the_head(site):
    html = render(site, "/it/luoghi/duomo/")
    head, body = html.split("</head>")
    assert "<script" not in head
    assert body.rstrip().endswith("</script>\n</body>\n</html>".rstrip())
