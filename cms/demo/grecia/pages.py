"""Grecìa Salentina's stories, events, itineraries and businesses with their offers.

Dates are relative to the day the demo is loaded, so events are upcoming and
offers valid; people and businesses are invented.
"""

import datetime as dt
from typing import Any

from ..text import (
    T,
    at,
    event,
    gallery,
    image,
    last_weekday_of_august,
    next_weekday,
    paragraph,
    place,
    topic,
)

WHERE_TO_HEAR = gallery(
    T("Dove ascoltarlo", "Where to hear it", ar="أين تسمعها"),
    ("stele", T("Calimera, la stele attica.", "Calimera, the Attic stele.",
                ar="كاليميرا، الشاهدة الأتيكية.")),
    ("granafei", T("Sternatia, Palazzo Granafei.", "Sternatia, Palazzo Granafei.",
                   ar="ستيرناتيا، قصر غرانافي.")),
)  # fmt: skip


def stories(today: dt.date) -> list[dict[str, Any]]:
    return [
        {
            "title": T(
                "Il griko, una lingua che resiste",
                "Griko, a language that endures",
                ar="الغريكية، لغة تقاوم النسيان",
            ),
            "author": "Anna Tommasi",
            "date": today - dt.timedelta(days=10),
            "summary": T(
                "Una lingua di origine greca, tramandata a voce per secoli e oggi "
                "insegnata anche con i canti.",
                "A language of Greek origin, handed down by word of mouth for "
                "centuries and now also taught through songs.",
                ar="لغة ذات أصل يوناني تناقلتها الأجيال شفهيًا لقرون، وتُعلَّم اليوم "
                "أيضًا من خلال الأغاني.",
            ),
            "hero_image": image("griko"),
            "body": [
                paragraph(
                    T(
                        "Il griko è una lingua di origine greca parlata nella Grecìa "
                        "Salentina. Per secoli si è tramandata a voce, nelle case e "
                        "nei campi.",
                        "Griko is a language of Greek origin spoken in Grecìa "
                        "Salentina. For centuries it was handed down by word of "
                        "mouth, at home and in the fields.",
                        ar="الغريكية لغة ذات أصل يوناني يُتحدث بها في غريتشيا "
                        "سالنتينا. تناقلتها الأجيال شفهيًا لقرون، في البيوت والحقول.",
                    ),
                    T(
                        "Oggi la parlano soprattutto gli anziani, ma scuole, "
                        "associazioni e cori la insegnano ai più giovani.",
                        "Today it is mostly spoken by the elderly, but schools, "
                        "associations and choirs teach it to the young.",
                        ar="يتحدث بها اليوم كبار السن خاصة، لكن المدارس والجمعيات "
                        "والجوقات تعلّمها للشباب.",
                    ),
                ),
                WHERE_TO_HEAR,
            ],
            "related_places": [
                {"place": place("stele-attica-calimera")},
                {"place": place("palazzo-granafei")},
            ],
            "topics": [topic("lingua-grika")],
            "audiences": ["schools", "immigrant-communities"],
        },
        {
            "title": T(
                "Pizzica e Notte della Taranta",
                "Pizzica and the Notte della Taranta",
                ar="البيتسيكا و«ليلة التارانتا»",
            ),
            "author": "Luca Greco",
            "date": today - dt.timedelta(days=30),
            "summary": T(
                "Dalla danza che curava il morso della taranta al festival che "
                "attraversa i paesi ogni estate.",
                "From the dance that cured the tarantula's bite to the festival that "
                "tours the towns every summer.",
                ar="من الرقصة التي كانت تعالج لدغة العنكبوت إلى المهرجان الذي يجوب "
                "البلدات كل صيف.",
            ),
            "hero_image": image("taranta"),
            "body": [
                paragraph(
                    T(
                        "La pizzica è la danza del tamburello: nasce dal tarantismo, "
                        "l'antico rito con cui si curava chi si credeva morso dalla "
                        "taranta.",
                        "The pizzica is the tambourine dance: it comes from "
                        "tarantism, the old rite meant to cure those believed bitten "
                        "by the tarantula.",
                        ar="البيتسيكا رقصة الدف، وُلدت من «التارانتية»، الطقس القديم "
                        "الذي كان يُعالَج به من يُعتقد أن العنكبوت لدغه.",
                    ),
                    T(
                        "Dal 1998 il festival della Notte della Taranta porta la "
                        "musica popolare nei paesi della Grecìa Salentina e si chiude "
                        "con il Concertone di Melpignano.",
                        "Since 1998 the Notte della Taranta festival has brought folk "
                        "music to the towns of Grecìa Salentina, closing with the "
                        "great concert in Melpignano.",
                        ar="منذ عام 1998 يحمل مهرجان «ليلة التارانتا» الموسيقى الشعبية "
                        "إلى بلدات غريتشيا سالنتينا، ويُختتم بالحفل الكبير في "
                        "ميلبينيانو.",
                    ),
                )
            ],
            "related_places": [{"place": place("ex-convento-agostiniani")}],
            "topics": [topic("musica-e-tradizioni")],
            "audiences": ["families"],
        },
    ]


def events(today: dt.date) -> list[dict[str, Any]]:
    concert = last_weekday_of_august(today, 5)
    lessons = next_weekday(today, 1)
    market = next_weekday(today, 6)
    walk = today + dt.timedelta(days=12)
    return [
        {
            "slug": "notte-della-taranta-concertone",
            "title": T(
                "Notte della Taranta: il Concertone",
                "Notte della Taranta: the final concert",
                ar="«ليلة التارانتا»: الحفل الختامي",
            ),
            "summary": T(
                "La grande notte della pizzica davanti all'ex convento di Melpignano.",
                "The great night of pizzica in front of the former convent in "
                "Melpignano.",
                ar="الليلة الكبرى للبيتسيكا أمام الدير السابق في ميلبينيانو.",
            ),
            "hero_image": image("taranta"),
            "body": [
                paragraph(
                    T(
                        "Musicisti salentini e ospiti internazionali suonano fino a "
                        "notte fonda. Arrivate con i mezzi pubblici: le strade "
                        "intorno al paese sono chiuse al traffico.",
                        "Salento musicians and international guests play late into "
                        "the night. Come by public transport: the roads around the "
                        "town are closed to traffic.",
                        ar="يعزف موسيقيون من سالنتو وضيوف دوليون حتى ساعة متأخرة من "
                        "الليل. تعالوا بالمواصلات العامة، فالطرق حول البلدة مغلقة "
                        "أمام السيارات.",
                    )
                )
            ],
            "start": at(concert, 21),
            "end": at(concert + dt.timedelta(days=1), 2),
            "venue": place("ex-convento-agostiniani"),
            "is_free": True,
            "audiences": ["families"],
        },
        {
            "slug": "lezioni-di-griko",
            "title": T(
                "Lezioni di griko per principianti",
                "Griko lessons for beginners",
                ar="دروس الغريكية للمبتدئين",
            ),
            "summary": T(
                "Ogni martedì sera, un'ora e mezza per imparare saluti, numeri e "
                "canti.",
                "Every Tuesday evening, an hour and a half to learn greetings, "
                "numbers and songs.",
                ar="كل مساء ثلاثاء، ساعة ونصف لتعلّم التحيات والأرقام والأغاني.",
            ),
            "easy_read": T(
                "Impara il griko, la lingua antica di questi paesi. Le lezioni "
                "sono il martedì sera, nel castello. Sono gratis. Vieni quando "
                "vuoi.",
                "Learn Griko, the old language of these villages. The lessons "
                "are on Tuesday evenings, in the castle. They are free. Come "
                "when you like.",
                ar="تعلّم الغريكية، لغة هذه القرى القديمة. الدروس مساء يوم "
                "الثلاثاء في القلعة. الدروس مجانية. تعال متى شئت.",
            ),
            "hero_image": image("griko"),
            "body": [
                paragraph(
                    T(
                        "Aperte a tutti, anche a chi arriva da lontano. Nelle date "
                        "saltate il castello ospita altri eventi.",
                        "Open to everyone, newcomers included. On skipped dates the "
                        "castle hosts other events.",
                        ar="مفتوحة للجميع، ومنهم القادمون من بعيد. في التواريخ "
                        "الملغاة تستضيف القلعة فعاليات أخرى.",
                    )
                )
            ],
            "start": at(lessons, 18),
            "end": at(lessons, 19, 30),
            "frequency": "weekly",
            "repeat_count": 8,
            "exception_dates": [{"date": lessons + dt.timedelta(weeks=3)}],
            "venue": place("castello-de-monti"),
            "is_free": True,
            "audiences": ["immigrant-communities", "seniors"],
        },
        {
            "slug": "mercato-della-terra",
            "title": T(
                "Mercato della terra",
                "Farmers' market",
                ar="سوق المزارعين",
            ),
            "summary": T(
                "Una domenica al mese: olio, legumi, formaggi e pane dei produttori "
                "della zona.",
                "One Sunday a month: oil, pulses, cheese and bread from local "
                "producers.",
                ar="يوم أحد في كل شهر: زيت وبقوليات وأجبان وخبز من منتجي المنطقة.",
            ),
            "hero_image": image("menu"),
            "body": [
                paragraph(
                    T(
                        "Portate una borsa di tela: il mercato è senza plastica.",
                        "Bring a cloth bag: the market is plastic-free.",
                        ar="أحضروا حقيبة من القماش: السوق خالٍ من البلاستيك.",
                    )
                )
            ],
            "start": at(market, 9),
            "end": at(market, 13),
            "frequency": "monthly",
            "monthly_on": "weekday",  # "one Sunday a month": the first
            "repeat_until": market + dt.timedelta(days=180),
            "location": T(
                "Centro storico, 73025 Martano",
                "Old town, 73025 Martano",
                ar="البلدة القديمة، 73025 مارتانو",
            ),
            "is_free": True,
            "audiences": ["families"],
        },
        {
            "slug": "passeggiata-menhir-e-pozzelle",
            "title": T(
                "Passeggiata tra menhir e pozzelle",
                "A walk among menhirs and wells",
                ar="نزهة بين المنهيرات والآبار",
            ),
            "summary": T(
                "Annullata per il maltempo previsto.",
                "Cancelled because of the forecast bad weather.",
                ar="أُلغيت بسبب سوء الأحوال الجوية المتوقع.",
            ),
            "hero_image": image("menhir"),
            "body": [
                paragraph(
                    T(
                        "La passeggiata sarà riproposta nelle prossime settimane.",
                        "The walk will be offered again in the coming weeks.",
                        ar="ستُنظَّم النزهة مجددًا في الأسابيع القادمة.",
                    )
                )
            ],
            "start": at(walk, 17),
            "end": at(walk, 19, 30),
            "venue": place("menhir-santu-totaru"),
            "status": "cancelled",
            "price": "8.00",
            "audiences": ["families", "children"],
        },
    ]


STOPS = (
    (
        "stele-attica-calimera",
        T(
            "Partenza dai giardini pubblici di Calimera.",
            "Start from the public gardens of Calimera.",
            ar="الانطلاق من الحدائق العامة في كاليميرا.",
        ),
    ),
    (
        "menhir-santu-totaru",
        T(
            "Il menhir è in paese: lasciate la bici in piazza.",
            "The menhir is in the village: leave your bike in the square.",
            ar="المنهير داخل البلدة: اتركوا الدراجة في الساحة.",
        ),
    ),
    (
        "pozzelle-di-zollino",
        T(
            "Sosta all'ombra dei pini.",
            "A rest in the shade of the pines.",
            ar="استراحة في ظل أشجار الصنوبر.",
        ),
    ),
    (
        "palazzo-granafei",
        T(
            "Ascoltate il griko nella piazza.",
            "Listen to Griko spoken in the square.",
            ar="استمعوا إلى لغة الغريكو في الساحة.",
        ),
    ),
    (
        "guglia-di-raimondello",
        T(
            "La guglia si vede da lontano: seguitela.",
            "You can see the spire from afar: follow it.",
            ar="يُرى البرج من بعيد: اتبعوه.",
        ),
    ),
    (
        "castello-de-monti",
        T(
            "Pausa pranzo nel centro storico.",
            "Lunch break in the old town.",
            ar="استراحة غداء في البلدة القديمة.",
        ),
    ),
    (
        "ex-convento-agostiniani",
        T(
            "Arrivo: il piazzale del Concertone.",
            "Finish: the square of the Concertone.",
            ar="الوصول: ساحة الحفل الكبير (الكونتشيرتوني).",
        ),
    ),
)


def itineraries(today: dt.date) -> list[dict[str, Any]]:
    return [
        {
            "title": T(
                "La Grecìa Salentina in bicicletta",
                "Grecìa Salentina by bike",
                ar="غريتشيا سالنتينا بالدراجة",
            ),
            "summary": T(
                "Sette paesi, sette tappe, strade di campagna tra gli ulivi.",
                "Seven towns, seven stops, country roads among the olive trees.",
                ar="سبع بلدات وسبع محطات وطرق ريفية بين أشجار الزيتون.",
            ),
            "hero_image": image("itinerario"),
            "body": [
                paragraph(
                    T(
                        "Il percorso è quasi tutto pianeggiante. Portate acqua: tra "
                        "un paese e l'altro le fontane sono poche.",
                        "The route is almost entirely flat. Bring water: there are "
                        "few fountains between towns.",
                        ar="المسار مستوٍ تقريبًا بالكامل. احملوا الماء معكم، فالنوافير "
                        "قليلة بين البلدات.",
                    )
                )
            ],
            "mode": "bike",
            "duration_minutes": 240,
            "distance_km": "30.0",
            "difficulty": "moderate",
            "stops": [{"place": place(slug), "note": note} for slug, note in STOPS],
            "audiences": ["families"],
        }
    ]


def businesses(today: dt.date) -> list[dict[str, Any]]:
    return [
        {
            "title": T("Osteria Ta Kalà", "Osteria Ta Kalà", ar="مطعم تا كالا"),
            "category": "food",
            "summary": T(
                "Cucina della Grecìa Salentina con i prodotti dei nostri campi, a due "
                "passi dal castello.",
                "Grecìa Salentina cooking with produce from our own fields, a short "
                "walk from the castle.",
                ar="مطبخ غريتشيا سالنتينا بمنتجات حقولنا، على بعد خطوات من القلعة.",
            ),
            "hero_image": image("osteria"),
            "body": [
                paragraph(
                    T(
                        "«Ta kalà» in griko vuol dire «le cose buone»: ciceri e tria, "
                        "verdure dell'orto e pane cotto nel forno a legna.",
                        "“Ta kalà” means “the good things” in Griko: ciceri e tria, "
                        "garden vegetables and bread from the wood oven.",
                        ar="«تا كالا» تعني بالغريكية «الأشياء الطيبة»: حمص بالمعكرونة "
                        "وخضار البستان وخبز من فرن الحطب.",
                    )
                )
            ],
            "address": T("Centro storico", "Old town", ar="البلدة القديمة"),
            "postal_code": "73022",
            "locality": "Corigliano d'Otranto",
            "latitude": "40.160200",
            "longitude": "18.257500",
            "phone": "+39 0836 000000",
            "email": "info@takala.example",
            "website": "https://takala.example",
            "offers": [
                {
                    "title": T(
                        "Menù della Grecìa",
                        "Grecìa set menu",
                        ar="قائمة غريتشيا",
                    ),
                    "description": T(
                        "Antipasto, un primo con i legumi dell'orto e il dolce della "
                        "casa, con un calice di vino locale.",
                        "A starter, a pasta dish with garden pulses and the house "
                        "dessert, with a glass of local wine.",
                        ar="مقبلات وطبق معكرونة ببقوليات البستان وحلوى البيت، مع كأس "
                        "من النبيذ المحلي.",
                    ),
                    "image": image("menu"),
                    "valid_from": today - dt.timedelta(days=3),
                    "valid_until": today + dt.timedelta(days=90),
                    "conditions": T(
                        "A cena, dal martedì alla domenica. Bevande extra escluse.",
                        "Dinner, Tuesday to Sunday. Extra drinks not included.",
                        ar="للعشاء من الثلاثاء إلى الأحد. المشروبات الإضافية غير "
                        "مشمولة.",
                    ),
                    "price": "25.00",
                    "linked_places": [{"place": place("castello-de-monti")}],
                    "linked_events": [
                        {"event": event("notte-della-taranta-concertone")}
                    ],
                }
            ],
        }
    ]
