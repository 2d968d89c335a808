"""Lecce: the default demo territory, in Italian, English and German.

Businesses, people and contacts are invented (and use .example addresses);
places, dates in history and coordinates are real.
"""

from ..images import BAROQUE, EVENING, GRIKO, OLIVE, ImageSpec
from ..text import T, TerritoryData, image, paragraph
from .pages import businesses, events, itineraries, stories
from .places import places

IMAGES = {
    "logo": ImageSpec(
        "Logo Vetrina Lecce",
        "Logo di Vetrina Lecce: le lettere LE in un cerchio.",
        "emblem",
        BAROQUE,
        600,
        600,
        label="LE",
    ),
    "home": ImageSpec(
        "Lecce al tramonto",
        "Illustrazione di una facciata barocca al tramonto.",
        "facade",
        EVENING,
    ),
    "santa-croce": ImageSpec(
        "Basilica di Santa Croce",
        "Illustrazione della facciata di Santa Croce con il rosone.",
        "facade",
    ),
    "anfiteatro": ImageSpec(
        "Anfiteatro romano di Lecce",
        "Illustrazione delle gradinate dell'anfiteatro romano.",
        "arena",
    ),
    "colonna": ImageSpec(
        "Colonna di Sant'Oronzo",
        "Illustrazione della colonna con la statua del santo.",
        "column",
        EVENING,
    ),
    "duomo": ImageSpec(
        "Campanile del Duomo di Lecce",
        "Illustrazione del campanile a cinque piani del Duomo.",
        "tower",
    ),
    "museo": ImageSpec(
        "Museo Castromediano, sala delle statue",
        "Illustrazione di tre statue in una sala del museo.",
        "figure",
        GRIKO,
    ),
    "biblioteca": ImageSpec(
        "Ex Convitto Palmieri",
        "Illustrazione della facciata dell'ex Convitto Palmieri.",
        "palazzo",
        OLIVE,
    ),
    "castello": ImageSpec(
        "Castello Carlo V",
        "Illustrazione delle mura e dei torrioni del castello.",
        "castle",
    ),
    "cartapesta": ImageSpec(
        "Statue in cartapesta",
        "Illustrazione di tre statue in cartapesta dai mantelli colorati.",
        "figure",
        EVENING,
    ),
    "itinerario": ImageSpec(
        "Lecce barocca a piedi, la mappa",
        "Mappa stilizzata con cinque tappe numerate.",
        "route",
    ),
    "bottega": ImageSpec(
        "Bottega Barocca",
        "Illustrazione di statuine in cartapesta in una bottega.",
        "figure",
    ),
}

HOME = {
    "summary": T(
        "La città del barocco e della pietra leccese: chiese, piazze e musei da "
        "scoprire a piedi.",
        "The city of Baroque and Lecce stone: churches, squares and museums to "
        "discover on foot.",
        de="Die Stadt des Barocks und des Lecceser Steins: Kirchen, Plätze und "
        "Museen, zu Fuß zu entdecken.",
    ),
    "hero_image": image("home"),
    "body": [
        paragraph(
            T(
                "Il centro storico si attraversa in un'ora, ma ogni facciata chiede "
                "una sosta. Qui trovate i luoghi, le storie e gli appuntamenti della "
                "città.",
                "You can cross the old town in an hour, yet every façade asks you to "
                "stop. Here are the city's places, stories and events.",
                de="Die Altstadt durchquert man in einer Stunde, doch jede Fassade "
                "lädt zum Verweilen ein. Hier finden Sie die Orte, Geschichten und "
                "Termine der Stadt.",
            )
        )
    ],
}


TERRITORY = TerritoryData(
    slug="lecce",
    name=T("Lecce", "Lecce", de="Lecce"),
    languages=("it", "en", "de"),
    is_default_site=True,
    settings={
        "public_base_url": "https://lecce.vetrina.example",
        "brand_colour": "#8a3b12",
        "open_data_licence": "CC-BY-4.0",
        "contact_email": "lecce@vetrina.example",
        "contact_phone": "+39 0832 000000",
        "contact_address": "Piazza Sant'Oronzo, 73100 Lecce",
        "build_hook_url": "https://api.netlify.com/build_hooks/demo-lecce-not-real",
    },
    social_links=(
        ("instagram", "https://www.instagram.com/vetrina.lecce.example/"),
        ("mastodon", "https://mastodon.example/@vetrina_lecce"),
    ),
    images=IMAGES,
    home=HOME,
    places=places,
    stories=stories,
    events=events,
    itineraries=itineraries,
    businesses=businesses,
)
