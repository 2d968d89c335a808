"""Lecce's stories, events, itineraries and businesses with their offers.

Dates are relative to the day the demo is loaded, so events are upcoming and
offers valid; people and businesses are invented.
"""

import datetime as dt
from typing import Any

from ..text import (
    T,
    at,
    event,
    image,
    image_block,
    next_weekday,
    paragraph,
    place,
    topic,
)


def stories(today: dt.date) -> list[dict[str, Any]]:
    return [
        {
            "title": T(
                "La pietra leccese, materia del barocco",
                "Lecce stone, the stuff of Baroque",
                de="Lecceser Stein, der Stoff des Barocks",
            ),
            "author": "Giulia De Santis",
            "date": today - dt.timedelta(days=14),
            "summary": T(
                "Perché le facciate di Lecce sembrano di pizzo: una pietra tenera "
                "che indurisce col tempo.",
                "Why Lecce's façades look like lace: a soft stone that hardens "
                "with time.",
                de="Warum Lecces Fassaden wie Spitze aussehen: ein weicher Stein, "
                "der mit der Zeit härter wird.",
            ),
            "hero_image": image("santa-croce"),
            "body": [
                paragraph(
                    T(
                        "La pietra leccese è un calcare tenero e compatto, color "
                        "miele, che si taglia facilmente appena estratto e indurisce "
                        "col tempo.",
                        "Lecce stone is a soft, compact, honey-coloured limestone "
                        "that is easy to cut when freshly quarried and hardens over "
                        "time.",
                        de="Der Lecceser Stein ist ein weicher, dichter, "
                        "honigfarbener Kalkstein, der sich frisch gebrochen leicht "
                        "schneiden lässt und mit der Zeit aushärtet.",
                    ),
                ),
                image_block(
                    "santa-croce",
                    T(
                        "Santa Croce: putti, fiori e animali scolpiti.",
                        "Santa Croce: carved cherubs, flowers and animals.",
                        de="Santa Croce: gemeißelte Putten, Blumen und Tiere.",
                    ),
                ),
                paragraph(
                    T(
                        "È questa docilità a spiegare capitelli, fiori e figure delle "
                        "facciate del Seicento: gli scalpellini la lavoravano quasi "
                        "come legno. Ancora oggi botteghe e scuole di restauro "
                        "tramandano il mestiere.",
                        "This pliability explains the capitals, flowers and figures "
                        "of 17th-century façades: stonemasons worked it almost like "
                        "wood. Workshops and restoration schools still hand down the "
                        "craft today.",
                        de="Diese Geschmeidigkeit erklärt Kapitelle, Blumen und "
                        "Figuren der Fassaden des 17. Jahrhunderts: Steinmetze "
                        "bearbeiteten ihn fast wie Holz. Werkstätten und "
                        "Restaurierungsschulen geben das Handwerk bis heute weiter.",
                    ),
                ),
            ],
            "related_places": [
                {"place": place("basilica-santa-croce")},
                {"place": place("duomo")},
            ],
            "topics": [topic("barocco"), topic("artigianato")],
            "audiences": ["families", "schools"],
        },
        {
            "title": T(
                "Un anfiteatro sotto la piazza",
                "An amphitheatre under the square",
                de="Ein Amphitheater unter dem Platz",
            ),
            "author": "Marco Leo",
            "date": today - dt.timedelta(days=40),
            "summary": T(
                "Come Lecce ritrovò, scavando, l'arena di Lupiae.",
                "How Lecce found the arena of Lupiae by digging.",
                de="Wie Lecce beim Graben die Arena von Lupiae wiederfand.",
            ),
            "hero_image": image("anfiteatro"),
            "body": [
                paragraph(
                    T(
                        "Nel 1901, scavando le fondamenta di un nuovo palazzo, gli "
                        "operai trovarono i primi gradini di pietra: era l'anfiteatro "
                        "romano di Lupiae, l'antica Lecce.",
                        "In 1901, digging the foundations of a new building, workers "
                        "found the first stone steps: it was the Roman amphitheatre "
                        "of Lupiae, ancient Lecce.",
                        de="Als Arbeiter 1901 die Fundamente eines neuen Gebäudes "
                        "aushoben, stießen sie auf die ersten Steinstufen: Es war das "
                        "römische Amphitheater von Lupiae, dem antiken Lecce.",
                    ),
                    T(
                        "Gli scavi proseguirono negli anni Trenta e restituirono "
                        "rilievi con scene di caccia, alcuni dei quali sono esposti al "
                        "Museo Castromediano.",
                        "Excavations went on in the 1930s and brought to light "
                        "reliefs with hunting scenes, some of which are on show at "
                        "the Castromediano Museum.",
                        de="Die Grabungen gingen in den 1930er-Jahren weiter und "
                        "förderten Reliefs mit Jagdszenen zutage, von denen einige im "
                        "Museum Castromediano zu sehen sind.",
                    ),
                ),
            ],
            "related_places": [
                {"place": place("anfiteatro-romano")},
                {"place": place("museo-castromediano")},
            ],
            "topics": [topic("archeologia")],
            "audiences": ["schools", "families"],
        },
    ]


def events(today: dt.date) -> list[dict[str, Any]]:
    tour = next_weekday(today, 5)
    concert = today + dt.timedelta(days=10)
    reading = next_weekday(today, 6)
    return [
        {
            "slug": "visita-guidata-lecce-barocca",
            "title": T(
                "Visita guidata: Lecce barocca",
                "Guided tour: Baroque Lecce",
                de="Führung: Barockes Lecce",
            ),
            "summary": T(
                "Ogni sabato mattina, due ore tra Santa Croce, il Duomo e le corti "
                "del centro storico.",
                "Every Saturday morning, two hours among Santa Croce, the Cathedral "
                "and the courtyards of the old town.",
                de="Jeden Samstagvormittag zwei Stunden zwischen Santa Croce, dem Dom "
                "und den Innenhöfen der Altstadt.",
            ),
            "hero_image": image("santa-croce"),
            "body": [
                paragraph(
                    T(
                        "Il ritrovo è davanti alla basilica di Santa Croce. La visita "
                        "non si tiene nelle date indicate come saltate.",
                        "We meet in front of the Basilica of Santa Croce. The tour "
                        "does not run on the dates marked as skipped.",
                        de="Treffpunkt ist vor der Basilika Santa Croce. An den als "
                        "ausgelassen markierten Terminen findet die Führung nicht "
                        "statt.",
                    )
                )
            ],
            "start": at(tour, 10),
            "end": at(tour, 12),
            "frequency": "weekly",
            "repeat_until": tour + dt.timedelta(weeks=11),
            "exception_dates": [{"date": tour + dt.timedelta(weeks=2)}],
            "venue": place("basilica-santa-croce"),
            "price": "12.00",
            # The cooperative books its tours on an outside service (invented).
            "booking_url": "https://prenotazioni.example.org/lecce/visita-barocca",
            "audiences": ["families", "seniors"],
        },
        {
            "slug": "concerto-al-castello",
            "title": T(
                "Concerto al Castello: musiche del Seicento",
                "Concert at the Castle: 17th-century music",
                de="Konzert im Kastell: Musik des 17. Jahrhunderts",
            ),
            "summary": T(
                "Annullato: il concerto per archi nel cortile del castello non si "
                "terrà.",
                "Cancelled: the string concert in the castle courtyard will not take "
                "place.",
                de="Abgesagt: Das Streicherkonzert im Burghof findet nicht statt.",
            ),
            "hero_image": image("castello"),
            "body": [
                paragraph(
                    T(
                        "Il concerto è annullato per lavori di manutenzione nel "
                        "cortile. I biglietti acquistati saranno rimborsati.",
                        "The concert is cancelled because of maintenance work in the "
                        "courtyard. Tickets will be refunded.",
                        de="Das Konzert entfällt wegen Wartungsarbeiten im Hof. "
                        "Gekaufte Karten werden erstattet.",
                    )
                )
            ],
            "start": at(concert, 20, 30),
            "end": at(concert, 22),
            "venue": place("castello-carlo-v"),
            "status": "cancelled",
            "price": "10.00",
        },
        {
            "slug": "letture-sotto-gli-alberi",
            "title": T(
                "Letture sotto gli alberi",
                "Readings under the trees",
                de="Lesungen unter den Bäumen",
            ),
            "summary": T(
                "Una domenica al mese, storie lette ad alta voce per bambini e "
                "famiglie nei giardini pubblici.",
                "One Sunday a month, stories read aloud for children and families in "
                "the public gardens.",
                de="Einen Sonntag im Monat: Geschichten zum Zuhören für Kinder und "
                "Familien im Stadtpark.",
            ),
            "easy_read": T(
                "Una domenica al mese leggiamo storie ad alta voce. Siamo nel "
                "parco della città. È gratis. Porta una coperta per sederti.",
                "One Sunday a month we read stories aloud. We meet in the city "
                "park. It is free. Bring a blanket to sit on.",
                de="Einmal im Monat am Sonntag lesen wir Geschichten vor. Wir "
                "treffen uns im Stadtpark. Es kostet nichts. Bring eine Decke mit.",
            ),
            "hero_image": image("biblioteca"),
            "body": [
                paragraph(
                    T(
                        "A cura dei volontari della Biblioteca Bernardini. Portate un "
                        "telo per sedervi sul prato.",
                        "Run by the volunteers of the Bernardini Library. Bring a "
                        "blanket to sit on the grass.",
                        de="Veranstaltet von den Ehrenamtlichen der Bibliothek "
                        "Bernardini. Bringen Sie eine Decke für die Wiese mit.",
                    )
                )
            ],
            "start": at(reading, 17, 30),
            "end": at(reading, 19),
            "frequency": "monthly",
            "monthly_on": "weekday",  # "one Sunday a month": the first
            "repeat_count": 6,
            "location": T(
                "Giardini pubblici Giuseppe Garibaldi, Viale XXV Luglio, Lecce",
                "Giuseppe Garibaldi public gardens, Viale XXV Luglio, Lecce",
                de="Stadtgarten Giuseppe Garibaldi, Viale XXV Luglio, Lecce",
            ),
            "is_free": True,
            "audiences": ["children", "families"],
        },
    ]


def itineraries(today: dt.date) -> list[dict[str, Any]]:
    return [
        {
            "title": T(
                "Lecce barocca a piedi",
                "Baroque Lecce on foot",
                de="Barockes Lecce zu Fuß",
            ),
            "summary": T(
                "Mezza giornata tra le chiese, le piazze e il castello del centro "
                "storico.",
                "Half a day among the churches, squares and castle of the old town.",
                de="Ein halber Tag zwischen Kirchen, Plätzen und dem Kastell der "
                "Altstadt.",
            ),
            "hero_image": image("itinerario"),
            "body": [
                paragraph(
                    T(
                        "Il percorso è pianeggiante e quasi tutto pedonale. D'estate "
                        "partite presto: le pietre chiare riflettono il sole.",
                        "The route is flat and almost entirely pedestrian. In summer "
                        "start early: the pale stone reflects the sun.",
                        de="Der Weg ist eben und fast ganz autofrei. Im Sommer früh "
                        "losgehen: Der helle Stein wirft die Sonne zurück.",
                    )
                )
            ],
            "mode": "walk",
            "duration_minutes": 180,
            "distance_km": "2.5",
            "difficulty": "easy",
            "stops": [
                {
                    "place": place("biblioteca-bernardini"),
                    "note": T(
                        "Partenza a due passi da Porta Napoli.",
                        "Start a few steps from Porta Napoli.",
                        de="Start wenige Schritte von der Porta Napoli.",
                    ),
                },
                {
                    "place": place("duomo"),
                    "note": T(
                        "Entrate nella piazza da via Vittorio Emanuele II.",
                        "Enter the square from Via Vittorio Emanuele II.",
                        de="Betreten Sie den Platz von der Via Vittorio Emanuele II.",
                    ),
                },
                {
                    "place": place("anfiteatro-romano"),
                    "note": T(
                        "L'anfiteatro si guarda dall'alto, dalla piazza.",
                        "You see the amphitheatre from above, from the square.",
                        de="Das Amphitheater sieht man von oben, vom Platz aus.",
                    ),
                },
                {
                    "place": place("basilica-santa-croce"),
                    "note": T(
                        "Prendetevi tempo per la facciata.",
                        "Take your time over the façade.",
                        de="Nehmen Sie sich Zeit für die Fassade.",
                    ),
                },
                {
                    "place": place("castello-carlo-v"),
                    "note": T(
                        "Fine del percorso e museo della cartapesta.",
                        "End of the route, and the papier-mâché museum.",
                        de="Ende des Rundgangs und das Pappmaché-Museum.",
                    ),
                },
            ],
            "audiences": ["families", "seniors"],
        }
    ]


def businesses(today: dt.date) -> list[dict[str, Any]]:
    return [
        {
            "title": T("Bottega Barocca", "Bottega Barocca", de="Bottega Barocca"),
            "category": "craft",
            "summary": T(
                "Laboratorio di cartapesta e pietra leccese nel centro storico.",
                "A papier-mâché and Lecce stone workshop in the old town.",
                de="Werkstatt für Pappmaché und Lecceser Stein in der Altstadt.",
            ),
            "hero_image": image("bottega"),
            "body": [
                paragraph(
                    T(
                        "Tre generazioni di artigiani: statuine per il presepe, "
                        "maschere e piccoli restauri, fatti a mano davanti ai "
                        "clienti.",
                        "Three generations of craftspeople: nativity figures, masks "
                        "and small restorations, handmade in front of customers.",
                        de="Drei Generationen von Handwerkern: Krippenfiguren, Masken "
                        "und kleine Restaurierungen, vor den Augen der Kunden von "
                        "Hand gefertigt.",
                    )
                )
            ],
            "address": "Via Vittorio Emanuele II",
            "postal_code": "73100",
            "locality": "Lecce",
            "latitude": "40.351900",
            "longitude": "18.169200",
            "phone": "+39 0832 000000",
            "email": "bottega@bottegabarocca.example",
            "website": "https://bottegabarocca.example",
            "offers": [
                {
                    "title": T(
                        "Laboratorio di cartapesta per famiglie",
                        "Papier-mâché workshop for families",
                        de="Pappmaché-Werkstatt für Familien",
                    ),
                    "description": T(
                        "Due ore per modellare una piccola statua in cartapesta da "
                        "portare a casa, con lo sconto del 15%.",
                        "Two hours to model a small papier-mâché statue to take "
                        "home, at 15% off.",
                        de="Zwei Stunden, um eine kleine Pappmaché-Figur zum "
                        "Mitnehmen zu formen, mit 15 % Rabatt.",
                    ),
                    "image": image("cartapesta"),
                    "valid_from": today - dt.timedelta(days=7),
                    "valid_until": today + dt.timedelta(days=60),
                    "conditions": T(
                        "Su prenotazione, fino a sei persone per turno.",
                        "Booking required, up to six people per session.",
                        de="Nach Anmeldung, bis zu sechs Personen pro Termin.",
                    ),
                    "discount_percent": 15,
                    "linked_places": [{"place": place("castello-carlo-v")}],
                    "linked_events": [{"event": event("visita-guidata-lecce-barocca")}],
                }
            ],
        }
    ]
