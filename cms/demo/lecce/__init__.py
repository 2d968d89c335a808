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
        T(
            "Logo di Vetrina Lecce: le lettere LE in un cerchio.",
            "Vetrina Lecce logo: the letters LE in a circle.",
            de="Logo von Vetrina Lecce: die Buchstaben LE in einem Kreis.",
        ),
        "emblem",
        BAROQUE,
        600,
        600,
        label="LE",
    ),
    "home": ImageSpec(
        "Lecce al tramonto",
        T(
            "Illustrazione di una facciata barocca al tramonto.",
            "Illustration of a baroque façade at sunset.",
            de="Illustration einer Barockfassade bei Sonnenuntergang.",
        ),
        "facade",
        EVENING,
    ),
    "santa-croce": ImageSpec(
        "Basilica di Santa Croce",
        T(
            "Illustrazione della facciata di Santa Croce con il rosone.",
            "Illustration of the façade of Santa Croce with its rose window.",
            de="Illustration der Fassade von Santa Croce mit der Fensterrose.",
        ),
        "facade",
    ),
    "anfiteatro": ImageSpec(
        "Anfiteatro romano di Lecce",
        T(
            "Illustrazione delle gradinate dell'anfiteatro romano.",
            "Illustration of the tiers of the Roman amphitheatre.",
            de="Illustration der Sitzreihen des römischen Amphitheaters.",
        ),
        "arena",
    ),
    "colonna": ImageSpec(
        "Colonna di Sant'Oronzo",
        T(
            "Illustrazione della colonna con la statua del santo.",
            "Illustration of the column with the statue of the saint.",
            de="Illustration der Säule mit der Statue des Heiligen.",
        ),
        "column",
        EVENING,
    ),
    "duomo": ImageSpec(
        "Campanile del Duomo di Lecce",
        T(
            "Illustrazione del campanile a cinque piani del Duomo.",
            "Illustration of the cathedral's five-storey bell tower.",
            de="Illustration des fünfstöckigen Glockenturms des Doms.",
        ),
        "tower",
    ),
    "museo": ImageSpec(
        "Museo Castromediano, sala delle statue",
        T(
            "Illustrazione di tre statue in una sala del museo.",
            "Illustration of three statues in a room of the museum.",
            de="Illustration von drei Statuen in einem Saal des Museums.",
        ),
        "figure",
        GRIKO,
    ),
    "biblioteca": ImageSpec(
        "Ex Convitto Palmieri",
        T(
            "Illustrazione della facciata dell'ex Convitto Palmieri.",
            "Illustration of the façade of the former Convitto Palmieri.",
            de="Illustration der Fassade des ehemaligen Convitto Palmieri.",
        ),
        "palazzo",
        OLIVE,
    ),
    "castello": ImageSpec(
        "Castello Carlo V",
        T(
            "Illustrazione delle mura e dei torrioni del castello.",
            "Illustration of the castle's walls and bastions.",
            de="Illustration der Mauern und Bastionen der Burg.",
        ),
        "castle",
    ),
    "cartapesta": ImageSpec(
        "Statue in cartapesta",
        T(
            "Illustrazione di tre statue in cartapesta dai mantelli colorati.",
            "Illustration of three papier-mâché statues in colourful cloaks.",
            de="Illustration von drei Pappmaché-Statuen mit bunten Mänteln.",
        ),
        "figure",
        EVENING,
    ),
    "itinerario": ImageSpec(
        "Lecce barocca a piedi, la mappa",
        T(
            "Mappa stilizzata con cinque tappe numerate.",
            "A stylised map with five numbered stops.",
            de="Stilisierte Karte mit fünf nummerierten Stationen.",
        ),
        "route",
    ),
    "bottega": ImageSpec(
        "Bottega Barocca",
        T(
            "Illustrazione di statuine in cartapesta in una bottega.",
            "Illustration of papier-mâché figurines in a workshop.",
            de="Illustration von Pappmaché-Figuren in einer Werkstatt.",
        ),
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
        # The demo's cooperative is invented: an identifier no one holds.
        "open_data_publisher": "Cooperativa Vetrina (esempio)",
        "open_data_publisher_id": "00000000000",
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
