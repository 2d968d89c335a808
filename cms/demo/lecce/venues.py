"""Lecce's cultural venues: a museum, a library and a castle, with real coordinates.

Hours and prices are examples; their notes on the page say so.
"""

import datetime as dt
from typing import Any

from ..text import (
    FULL_PRICE,
    T,
    christmas,
    hours,
    image,
    image_block,
    new_year,
    next_date,
    paragraph,
)

EXAMPLE_PRICES = T(
    "Prezzi e orari di esempio: verificateli prima della visita.",
    "Example prices and hours: check them before your visit.",
    de="Beispielpreise und -zeiten: bitte vor dem Besuch prüfen.",
)


def venues(today: dt.date) -> list[dict[str, Any]]:
    summer_start = next_date(today, 8, 10)
    return [
        {
            "slug": "museo-castromediano",
            "title": T(
                "Museo Castromediano",
                "Castromediano Museum",
                de="Museum Castromediano",
            ),
            "kind": "museum",
            "summary": T(
                "Il museo più antico della Puglia, dalle ceramiche messapiche alla "
                "pittura moderna.",
                "The oldest museum in Apulia, from Messapian pottery to modern "
                "painting.",
                de="Das älteste Museum Apuliens, von messapischer Keramik bis zur "
                "modernen Malerei.",
            ),
            "hero_image": image("museo"),
            "body": [
                paragraph(
                    T(
                        "Fondato nel 1868 e intitolato a Sigismondo Castromediano, "
                        "patriota e studioso, il museo racconta il Salento dalla "
                        "preistoria all'età moderna.",
                        "Founded in 1868 and named after Sigismondo Castromediano, "
                        "patriot and scholar, the museum tells the story of Salento "
                        "from prehistory to modern times.",
                        de="Das 1868 gegründete und nach dem Patrioten und Gelehrten "
                        "Sigismondo Castromediano benannte Museum erzählt vom Salento "
                        "von der Vorgeschichte bis zur Neuzeit.",
                    ),
                    T(
                        "Il percorso è pensato per tutti: mappe tattili, testi in "
                        "lettura facilitata e spazi per le scuole accompagnano la "
                        "visita.",
                        "The route is designed for everyone: tactile maps, easy-read "
                        "texts and spaces for schools accompany the visit.",
                        de="Der Rundgang ist für alle gedacht: Tastpläne, Texte in "
                        "Leichter Sprache und Räume für Schulklassen begleiten den "
                        "Besuch.",
                    ),
                ),
            ],
            "address": "Viale Gallipoli 28",
            "postal_code": "73100",
            "locality": "Lecce",
            "latitude": "40.346900",
            "longitude": "18.171800",
            "opening_hours": [
                *hours(range(1, 6), "09:00", "19:00"),
                *hours([6], "09:00", "13:30"),
            ],
            "opening_exceptions": [christmas(today), new_year(today)],
            "step_free_access": True,
            "accessible_toilet": True,
            "tactile_route": True,
            "easy_read_material": True,
            "audiences": [
                "schools",
                "families",
                "disabilities",
                "immigrant-communities",
            ],
            "admission_free": True,
            "ticket_notes": T(
                "Ingresso gratuito. Visite guidate per gruppi e scuole su "
                "prenotazione.",
                "Free admission. Guided tours for groups and schools on booking.",
                de="Eintritt frei. Führungen für Gruppen und Schulen nach Anmeldung.",
            ),
        },
        {
            "slug": "biblioteca-bernardini",
            "title": T(
                "Biblioteca Bernardini",
                "Bernardini Library",
                de="Bibliothek Bernardini",
            ),
            "kind": "library",
            "summary": T(
                "La biblioteca pubblica della città, nell'ex Convitto Palmieri "
                "restaurato.",
                "The city's public library, in the restored former Convitto Palmieri.",
                de="Die öffentliche Bibliothek der Stadt im restaurierten ehemaligen "
                "Convitto Palmieri.",
            ),
            "hero_image": image("biblioteca"),
            "body": [
                paragraph(
                    T(
                        "Sale di lettura, fondi antichi e una sezione per ragazzi "
                        "condividono gli spazi dell'ex Convitto Palmieri, a pochi "
                        "passi da Porta Napoli.",
                        "Reading rooms, historic collections and a children's section "
                        "share the former Convitto Palmieri, a short walk from Porta "
                        "Napoli.",
                        de="Lesesäle, historische Bestände und eine Kinderabteilung "
                        "teilen sich das ehemalige Convitto Palmieri, nur wenige "
                        "Schritte von der Porta Napoli entfernt.",
                    ),
                    T(
                        "Il chiostro ospita presentazioni di libri, letture ad alta "
                        "voce e incontri aperti a tutti.",
                        "The cloister hosts book launches, readings aloud and meetings "
                        "open to all.",
                        de="Im Kreuzgang finden Buchvorstellungen, Lesungen und offene "
                        "Treffen statt.",
                    ),
                ),
            ],
            "address": "Piazzetta Giosuè Carducci",
            "postal_code": "73100",
            "locality": "Lecce",
            "latitude": "40.352200",
            "longitude": "18.166300",
            "opening_hours": [
                *hours(range(5), "08:30", "19:30"),
                *hours([5], "08:30", "13:30"),
            ],
            "opening_exceptions": [
                christmas(today),
                {
                    "start_date": summer_start,
                    "end_date": summer_start.replace(day=21),
                    "closed": False,
                    "opens": "08:30",
                    "closes": "13:30",
                    "note": T(
                        "Orario estivo: solo mattina",
                        "Summer hours: mornings only",
                        de="Sommeröffnungszeiten: nur vormittags",
                    ),
                },
            ],
            "step_free_access": True,
            "accessible_toilet": True,
            "easy_read_material": True,
            "audiences": ["children", "schools", "seniors", "immigrant-communities"],
            "admission_free": True,
            "ticket_notes": T(
                "Ingresso e prestito gratuiti con la tessera della biblioteca.",
                "Free entry and lending with a library card.",
                de="Eintritt und Ausleihe mit dem Bibliotheksausweis kostenlos.",
            ),
        },
        {
            "slug": "castello-carlo-v",
            "title": T("Castello Carlo V", "Castle of Charles V", de="Kastell Karl V."),
            "kind": "monument",
            "summary": T(
                "La fortezza voluta da Carlo V, oggi sede di mostre e del museo "
                "della cartapesta.",
                "The fortress built for Charles V, now home to exhibitions and the "
                "papier-mâché museum.",
                de="Die unter Karl V. erbaute Festung, heute Ort für Ausstellungen "
                "und das Pappmaché-Museum.",
            ),
            "hero_image": image("castello"),
            "body": [
                paragraph(
                    T(
                        "Costruito tra il 1539 e il 1549 su progetto di Gian Giacomo "
                        "dell'Acaya, il castello inglobò una fortezza medievale più "
                        "antica.",
                        "Built between 1539 and 1549 to a design by Gian Giacomo "
                        "dell'Acaya, the castle enclosed an older medieval fortress.",
                        de="Das zwischen 1539 und 1549 nach Plänen von Gian Giacomo "
                        "dell'Acaya erbaute Kastell umschließt eine ältere "
                        "mittelalterliche Festung.",
                    ),
                ),
                image_block(
                    "cartapesta",
                    T(
                        "Statue in cartapesta, un'arte nata nelle botteghe leccesi.",
                        "Papier-mâché statues, an art born in Lecce's workshops.",
                        de="Statuen aus Pappmaché, einer Kunst aus Lecces Werkstätten.",
                    ),
                ),
                paragraph(
                    T(
                        "Nelle sue sale si segue la storia della cartapesta leccese, "
                        "l'arte di modellare statue con carta, colla e gesso.",
                        "Its halls tell the story of Lecce papier-mâché, the art of "
                        "modelling statues from paper, glue and plaster.",
                        de="Seine Säle erzählen die Geschichte des Lecceser "
                        "Pappmachés, der Kunst, Statuen aus Papier, Leim und Gips zu "
                        "formen.",
                    ),
                ),
            ],
            "address": "Viale XXV Luglio",
            "postal_code": "73100",
            "locality": "Lecce",
            "latitude": "40.353300",
            "longitude": "18.177300",
            "opening_hours": [
                *hours(range(5), "09:00", "20:00"),
                *hours([5, 6], "09:30", "21:00"),
            ],
            "opening_exceptions": [christmas(today)],
            "step_free_access": True,
            "accessible_toilet": True,
            "audio_guide": True,
            "audiences": ["families", "children", "schools"],
            "ticket_prices": [
                {"label": FULL_PRICE, "price": "6.00"},
                {
                    "label": T(
                        "Ridotto 6-17 anni",
                        "Reduced, ages 6 to 17",
                        de="Ermäßigt, 6 bis 17 Jahre",
                    ),
                    "price": "4.00",
                },
            ],
            "ticket_notes": EXAMPLE_PRICES,
        },
    ]
