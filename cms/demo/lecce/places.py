"""Lecce's places: real landmarks with their coordinates (WGS 84).

Opening hours and prices are plausible examples, and say so on the page:
a demo must not pass for the official timetable. The museum, the library and
the castle are in `venues`.
"""

import datetime as dt
from typing import Any

from ..text import (
    T,
    christmas,
    gallery,
    hours,
    image,
    new_year,
    paragraph,
    quote,
)
from .venues import venues

CIRCUIT = T(
    "Un biglietto unico vale per le chiese del circuito cittadino. Prezzi di "
    "esempio: verificateli prima della visita.",
    "One ticket covers the churches of the city circuit. Example prices: check "
    "them before your visit.",
    de="Ein Ticket gilt für alle Kirchen des Stadtrundgangs. Beispielpreise: "
    "bitte vor dem Besuch prüfen.",
)
CIRCUIT_PRICES = [
    {
        "label": T(
            "Intero (circuito chiese)",
            "Full price (churches circuit)",
            de="Normalpreis (Kirchenrundgang)",
        ),
        "price": "9.00",
    },
    {
        "label": T("Ridotto studenti", "Reduced, students", de="Ermäßigt, Studierende"),
        "price": "7.00",
    },
]
EVERY_DAY = range(7)


def places(today: dt.date) -> list[dict[str, Any]]:
    """The churches and squares of the old town, then the cultural venues."""
    return [
        {
            "slug": "basilica-santa-croce",
            "title": T(
                "Basilica di Santa Croce",
                "Basilica of Santa Croce",
                de="Basilika Santa Croce",
            ),
            "kind": "church",
            "summary": T(
                "Il simbolo del barocco leccese: una facciata fitta di figure "
                "scolpite nella pietra locale.",
                "The emblem of Lecce Baroque: a façade crowded with figures carved "
                "in the local stone.",
                de="Das Wahrzeichen des Lecceser Barocks: eine Fassade voller "
                "Figuren, gemeißelt aus dem örtlichen Stein.",
            ),
            "hero_image": image("santa-croce"),
            "body": [
                paragraph(
                    T(
                        "La costruzione iniziò nel 1549 su progetto di Gabriele "
                        "Riccardi e si concluse alla fine del Seicento: la parte alta "
                        "della facciata si deve a Giuseppe Zimbalo e a Cesare Penna.",
                        "Building began in 1549 to a design by Gabriele Riccardi and "
                        "ended in the late 17th century: the upper façade is the work "
                        "of Giuseppe Zimbalo and Cesare Penna.",
                        de="Der Bau begann 1549 nach Plänen von Gabriele Riccardi und "
                        "endete Ende des 17. Jahrhunderts: Der obere Teil der Fassade "
                        "stammt von Giuseppe Zimbalo und Cesare Penna.",
                    ),
                ),
                quote(
                    T(
                        "Lecce è la Firenze del Barocco.",
                        "Lecce is the Florence of the Baroque.",
                        de="Lecce ist das Florenz des Barocks.",
                    ),
                    "Ferdinand Gregorovius",
                ),
                paragraph(
                    T(
                        "Sulla balaustra si alternano putti, animali e figure "
                        "allegoriche; al centro si apre il grande rosone. All'interno, "
                        "due file di colonne dividono le tre navate.",
                        "Cherubs, animals and allegorical figures line the "
                        "balustrade, with the great rose window at its centre. Inside, "
                        "two rows of columns divide the three naves.",
                        de="Auf der Balustrade wechseln sich Putten, Tiere und "
                        "allegorische Figuren ab, in der Mitte öffnet sich die große "
                        "Fensterrose. Innen teilen zwei Säulenreihen die drei Schiffe.",
                    ),
                ),
            ],
            "address": "Via Umberto I",
            "postal_code": "73100",
            "locality": "Lecce",
            "latitude": "40.354800",
            "longitude": "18.174100",
            "opening_hours": hours(EVERY_DAY, "09:00", "19:00"),
            "opening_exceptions": [christmas(today), new_year(today, closed=False)],
            "audio_guide": True,
            "audiences": ["families", "schools", "seniors"],
            "ticket_prices": CIRCUIT_PRICES,
            "ticket_notes": CIRCUIT,
        },
        {
            "slug": "anfiteatro-romano",
            "title": T(
                "Anfiteatro romano e Piazza Sant'Oronzo",
                "Roman Amphitheatre and Piazza Sant'Oronzo",
                de="Römisches Amphitheater und Piazza Sant'Oronzo",
            ),
            "kind": "archaeological-site",
            "summary": T(
                "Il cuore della città: un anfiteatro di età imperiale affiora accanto "
                "alla colonna del santo patrono.",
                "The heart of the city: an amphitheatre from the Roman imperial age "
                "emerges beside the patron saint's column.",
                de="Das Herz der Stadt: Ein Amphitheater aus der römischen Kaiserzeit "
                "taucht neben der Säule des Stadtpatrons auf.",
            ),
            "hero_image": image("anfiteatro"),
            "body": [
                paragraph(
                    T(
                        "L'anfiteatro fu riscoperto nel 1901, durante i lavori per la "
                        "sede della Banca d'Italia. Oggi ne è visibile solo una parte: "
                        "il resto si trova ancora sotto gli edifici della piazza.",
                        "The amphitheatre was rediscovered in 1901, while the Bank of "
                        "Italy's building was going up. Only part of it can be seen "
                        "today: the rest still lies under the buildings of the square.",
                        de="Das Amphitheater wurde 1901 beim Bau der Filiale der Banca "
                        "d'Italia wiederentdeckt. Heute ist nur ein Teil sichtbar, der "
                        "Rest liegt noch unter den Gebäuden des Platzes.",
                    ),
                    T(
                        "Accanto svetta la colonna di Sant'Oronzo, innalzata nel "
                        "Seicento con parti di una delle colonne romane che a Brindisi "
                        "segnavano la fine della via Appia.",
                        "Beside it rises the column of Saint Orontius, raised in the "
                        "17th century from parts of one of the Roman columns that "
                        "marked the end of the Via Appia in Brindisi.",
                        de="Daneben ragt die Säule des heiligen Orontius auf, im 17. "
                        "Jahrhundert aus Teilen einer der römischen Säulen errichtet, "
                        "die in Brindisi das Ende der Via Appia markierten.",
                    ),
                ),
                gallery(
                    T(
                        "La piazza in due immagini",
                        "The square in two pictures",
                        de="Der Platz in zwei Bildern",
                    ),
                    (
                        "anfiteatro",
                        T(
                            "Le gradinate dell'anfiteatro.",
                            "The amphitheatre's tiers.",
                            de="Die Ränge des Amphitheaters.",
                        ),
                    ),
                    (
                        "colonna",
                        T(
                            "La colonna del santo patrono.",
                            "The patron saint's column.",
                            de="Die Säule des Stadtpatrons.",
                        ),
                    ),
                ),
            ],
            "address": "Piazza Sant'Oronzo",
            "postal_code": "73100",
            "locality": "Lecce",
            "latitude": "40.353200",
            "longitude": "18.172100",
            "step_free_access": True,
            "admission_free": True,
            "audiences": ["families", "children", "seniors", "disabilities"],
            "ticket_notes": T(
                "Si vede liberamente dalla piazza, a ogni ora.",
                "Freely visible from the square, at any hour.",
                de="Jederzeit frei vom Platz aus zu sehen.",
            ),
        },
        {
            "slug": "duomo",
            "title": T("Duomo di Lecce", "Lecce Cathedral", de="Dom von Lecce"),
            "kind": "church",
            "summary": T(
                "Una piazza chiusa come un salotto, con la cattedrale, il campanile "
                "e il palazzo vescovile.",
                "A square enclosed like a drawing room, with the cathedral, the bell "
                "tower and the bishop's palace.",
                de="Ein Platz, geschlossen wie ein Salon, mit Kathedrale, Glockenturm "
                "und Bischofspalast.",
            ),
            "hero_image": image("duomo"),
            "body": [
                paragraph(
                    T(
                        "La cattedrale fu ricostruita tra il 1659 e il 1670 da "
                        "Giuseppe Zimbalo, che le diede due facciate: quella laterale, "
                        "la più ricca, accoglie chi entra nella piazza.",
                        "The cathedral was rebuilt between 1659 and 1670 by Giuseppe "
                        "Zimbalo, who gave it two façades: the richer side façade "
                        "welcomes those entering the square.",
                        de="Die Kathedrale wurde zwischen 1659 und 1670 von Giuseppe "
                        "Zimbalo neu errichtet. Er gab ihr zwei Fassaden: Die "
                        "prächtigere Seitenfassade empfängt, wer den Platz betritt.",
                    ),
                    T(
                        "Il campanile, alto circa 70 metri, si vede da gran parte "
                        "della città.",
                        "The bell tower, about 70 metres tall, can be seen from much "
                        "of the city.",
                        de="Der rund 70 Meter hohe Glockenturm ist von weiten Teilen "
                        "der Stadt aus zu sehen.",
                    ),
                ),
            ],
            "address": "Piazza del Duomo",
            "postal_code": "73100",
            "locality": "Lecce",
            "latitude": "40.350300",
            "longitude": "18.168100",
            "opening_hours": [
                *hours(EVERY_DAY, "09:00", "12:30"),
                *hours(EVERY_DAY, "16:00", "20:00"),
            ],
            "opening_exceptions": [
                christmas(
                    today,
                    T(
                        "Aperto solo per le celebrazioni",
                        "Open for services only",
                        de="Nur zu den Gottesdiensten geöffnet",
                    ),
                ),
            ],
            "audio_guide": True,
            "audiences": ["families", "seniors"],
            "ticket_prices": CIRCUIT_PRICES,
            "ticket_notes": CIRCUIT,
        },
        *venues(today),
    ]
