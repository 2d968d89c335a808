"""Demo texts every territory shares: section introductions and story topics.

Section titles must match the Italian titles `create_territory` gives the
index pages, since that is the text wagtail-localize asks us to translate.
"""

from .text import T

SECTIONS: dict[str, dict[str, T]] = {
    "places": {
        "title": T("Luoghi", "Places", de="Orte", ar="أماكن"),
        "intro": T(
            "Musei, biblioteche, chiese e monumenti: orari, accessibilità e "
            "biglietti in un colpo d'occhio.",
            "Museums, libraries, churches and monuments: opening hours, access "
            "and tickets at a glance.",
            de="Museen, Bibliotheken, Kirchen und Denkmäler: Öffnungszeiten, "
            "Barrierefreiheit und Eintritt auf einen Blick.",
            ar="متاحف ومكتبات وكنائس ومعالم: مواعيد الافتتاح وإمكانية الوصول "
            "والتذاكر في لمحة واحدة.",
        ),
    },
    "stories": {
        "title": T("Storie", "Stories", de="Geschichten", ar="حكايات"),
        "intro": T(
            "Persone, tradizioni e luoghi raccontati da chi li conosce da vicino.",
            "People, traditions and places, told by those who know them well.",
            de="Menschen, Traditionen und Orte, erzählt von denen, die sie gut kennen.",
            ar="أناس وتقاليد وأماكن يرويها من يعرفها عن قرب.",
        ),
    },
    "events": {
        "title": T("Eventi", "Events", de="Veranstaltungen", ar="فعاليات"),
        "intro": T(
            "Visite guidate, concerti, feste e incontri dei prossimi mesi.",
            "Guided tours, concerts, festivals and meetings in the coming months.",
            de="Führungen, Konzerte, Feste und Begegnungen der nächsten Monate.",
            ar="جولات مصحوبة بمرشدين وحفلات موسيقية وأعياد ولقاءات في الأشهر القادمة.",
        ),
    },
    "itineraries": {
        "title": T("Itinerari", "Itineraries", de="Routen", ar="مسارات"),
        "intro": T(
            "Percorsi a piedi e in bicicletta, tappa dopo tappa.",
            "Routes on foot and by bike, stop by stop.",
            de="Wege zu Fuß und mit dem Fahrrad, Station für Station.",
            ar="مسارات سيرًا على الأقدام وبالدراجة، محطة بعد محطة.",
        ),
    },
    "businesses": {
        "title": T(
            "Attività e offerte",
            "Businesses and offers",
            de="Betriebe und Angebote",
            ar="أعمال وعروض",
        ),
        "intro": T(
            "Botteghe, osterie e guide del territorio, con le loro offerte del "
            "momento.",
            "Local workshops, taverns and guides, with their current offers.",
            de="Werkstätten, Gasthäuser und Führer der Gegend mit ihren aktuellen "
            "Angeboten.",
            ar="ورش وحانات ومرشدون محليون، مع عروضهم الحالية.",
        ),
    },
}

TOPICS: dict[str, T] = {
    "barocco": T("Barocco", "Baroque", de="Barock", ar="الباروك"),
    "archeologia": T("Archeologia", "Archaeology", de="Archäologie", ar="علم الآثار"),
    "lingua-grika": T(
        "Lingua grika", "Griko language", de="Griko-Sprache", ar="اللغة الغريكية"
    ),
    "musica-e-tradizioni": T(
        "Musica e tradizioni",
        "Music and traditions",
        de="Musik und Traditionen",
        ar="الموسيقى والتقاليد",
    ),
    "artigianato": T("Artigianato", "Crafts", de="Kunsthandwerk", ar="الحرف اليدوية"),
    "cibo-e-vino": T(
        "Cibo e vino", "Food and wine", de="Essen und Wein", ar="الطعام والنبيذ"
    ),
}
