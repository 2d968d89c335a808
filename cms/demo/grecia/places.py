"""Grecìa Salentina's buildings: one landmark in each of four Griko-speaking towns.

Coordinates are WGS 84 and point at the monument to within a street or two;
hours and prices are examples. The older monuments are in `antiquities`.
"""

import datetime as dt
from typing import Any

from ..text import (
    FULL_PRICE,
    REDUCED_PRICE,
    T,
    christmas,
    hours,
    image,
    image_block,
    new_year,
    next_date,
    paragraph,
)
from .antiquities import OPEN_AIR, antiquities

EXAMPLE_PRICES = T(
    "Prezzi e orari di esempio: verificateli prima della visita.",
    "Example prices and hours: check them before your visit.",
    ar="الأسعار والمواعيد للتوضيح فقط: يرجى التحقق منها قبل الزيارة.",
)


def places(today: dt.date) -> list[dict[str, Any]]:
    """Seven towns, seven places: the antiquities first, then the buildings."""
    stage = next_date(today, 8, 15)
    return [
        *antiquities(today),
        {
            "slug": "palazzo-granafei",
            "title": T("Palazzo Granafei", "Palazzo Granafei", ar="قصر غرانافي"),
            "kind": "monument",
            "summary": T(
                "Il palazzo marchesale di Sternatia, che in paese tutti chiamano "
                "ancora «il castello».",
                "The marquises' palace of Sternatia, which everyone in town still "
                "calls “the castle”.",
                ar="قصر الماركيزات في ستيرناتيا، الذي ما زال أهل البلدة يسمّونه "
                "«القلعة».",
            ),
            "hero_image": image("granafei"),
            "body": [
                paragraph(
                    T(
                        "Nel Settecento la famiglia Granafei trasformò l'antica "
                        "fortezza in una residenza: sul portale, lo stemma mostra un "
                        "leone con spighe di grano.",
                        "In the 18th century the Granafei family turned the old "
                        "fortress into a residence: on the portal, their coat of arms "
                        "shows a lion holding ears of wheat.",
                        ar="في القرن الثامن عشر حوّلت عائلة غرانافي الحصن القديم إلى "
                        "مقر سكني، ويظهر على البوابة شعارها: أسد يمسك سنابل القمح.",
                    ),
                    T(
                        "Sternatia è uno dei paesi dove il griko si sente ancora "
                        "parlare per strada.",
                        "Sternatia is one of the towns where Griko can still be heard "
                        "in the street.",
                        ar="ستيرناتيا من البلدات التي ما زالت الغريكية تُسمع في "
                        "شوارعها.",
                    ),
                )
            ],
            "address": "Piazza Castello",
            "postal_code": "73010",
            "locality": "Sternatia",
            "latitude": "40.219300",
            "longitude": "18.227700",
            "audiences": ["families", "seniors"],
            "ticket_notes": T(
                "Gli interni si visitano solo su prenotazione, durante gli eventi.",
                "The interiors can only be visited on booking, during events.",
                ar="لا تُزار القاعات الداخلية إلا بحجز مسبق وخلال الفعاليات.",
            ),
        },
        {
            "slug": "guglia-di-raimondello",
            "title": T(
                "Guglia di Raimondello Orsini",
                "Raimondello Orsini's Spire",
                ar="برج رايموندلو أورسيني",
            ),
            "kind": "monument",
            "summary": T(
                "Un campanile gotico alto circa 45 metri, leggero come un merletto "
                "di pietra.",
                "A Gothic bell tower about 45 metres tall, light as stone lace.",
                ar="برج أجراس قوطي يبلغ ارتفاعه نحو 45 مترًا، خفيف كدانتيل من الحجر.",
            ),
            "hero_image": image("guglia"),
            "body": [
                paragraph(
                    T(
                        "Secondo la tradizione fu completata nel 1397 per volere di "
                        "Raimondello Orsini del Balzo: i primi due ordini sono chiusi, "
                        "i tre superiori si aprono in bifore decorate.",
                        "Tradition says it was completed in 1397 for Raimondello "
                        "Orsini del Balzo: the two lower storeys are closed, the three "
                        "upper ones open into decorated twin windows.",
                        ar="تقول الرواية إنه اكتمل عام 1397 بأمر من رايموندلو أورسيني "
                        "دل بالتسو: طابقاه السفليان مغلقان، وتنفتح الطوابق الثلاثة "
                        "العليا بنوافذ مزدوجة مزخرفة.",
                    ),
                    T(
                        "Una leggenda racconta che fu costruita in una sola notte da "
                        "diavoli e streghe, evocati dal mago Matteo Tafuri.",
                        "Legend has it that devils and witches, summoned by the "
                        "magician Matteo Tafuri, built it in a single night.",
                        ar="وتحكي أسطورة أن شياطين وساحرات استدعاهم الساحر ماتيو "
                        "تافوري بنوه في ليلة واحدة.",
                    ),
                )
            ],
            "address": "Viale Raimondello Orsini",
            "postal_code": "73010",
            "locality": "Soleto",
            "latitude": "40.188300",
            "longitude": "18.207100",
            "step_free_access": True,
            "admission_free": True,
            "audiences": ["families", "schools"],
            "ticket_notes": OPEN_AIR,
        },
        {
            "slug": "castello-de-monti",
            "title": T("Castello de' Monti", "Castello de' Monti", ar="قلعة دي مونتي"),
            "kind": "monument",
            "summary": T(
                "Quattro torrioni, un fossato e una facciata barocca: il castello di "
                "Corigliano d'Otranto.",
                "Four round towers, a moat and a Baroque façade: the castle of "
                "Corigliano d'Otranto.",
                ar="أربعة أبراج مستديرة وخندق وواجهة باروكية: قلعة كوريليانو دوترانتو.",
            ),
            "hero_image": image("castello"),
            "body": [
                paragraph(
                    T(
                        "Tra il 1514 e il 1519 Giovan Battista de' Monti adattò il "
                        "castello medievale alle armi da fuoco; ogni torrione è "
                        "dedicato a un santo e a una virtù.",
                        "Between 1514 and 1519 Giovan Battista de' Monti adapted the "
                        "medieval castle to firearms; each tower is dedicated to a "
                        "saint and a virtue.",
                        ar="بين عامي 1514 و1519 كيّف جوفان باتيستا دي مونتي القلعة "
                        "الوسيطة مع الأسلحة النارية، وكل برج مكرّس لقديس ولفضيلة.",
                    ),
                    T(
                        "Nel Seicento si aggiunse la facciata barocca con statue e "
                        "balcone; oggi il castello ospita laboratori, mostre e "
                        "concerti.",
                        "The Baroque façade with statues and a balcony was added in "
                        "the 17th century; today the castle hosts workshops, "
                        "exhibitions and concerts.",
                        ar="أُضيفت الواجهة الباروكية بتماثيلها وشرفتها في القرن السابع "
                        "عشر، واليوم تستضيف القلعة ورشًا ومعارض وحفلات.",
                    ),
                )
            ],
            "address": "Piazza Castello 1",
            "postal_code": "73022",
            "locality": "Corigliano d'Otranto",
            "latitude": "40.160600",
            "longitude": "18.258200",
            "opening_hours": [
                *hours(range(1, 7), "10:00", "13:00"),
                *hours(range(1, 7), "16:00", "20:00"),
            ],
            "opening_exceptions": [christmas(today), new_year(today)],
            "step_free_access": True,
            "accessible_toilet": True,
            "audiences": ["families", "schools", "seniors"],
            "ticket_prices": [
                {"label": FULL_PRICE, "price": "5.00"},
                {"label": REDUCED_PRICE, "price": "3.00"},
            ],
            "ticket_notes": EXAMPLE_PRICES,
        },
        {
            "slug": "ex-convento-agostiniani",
            "title": T(
                "Ex Convento degli Agostiniani",
                "Former Augustinian Convent",
                ar="دير الأوغسطينيين السابق",
            ),
            "kind": "monument",
            "summary": T(
                "Il chiostro del Cinquecento e il grande piazzale del Concertone "
                "della Notte della Taranta.",
                "The 16th-century cloister and the great square of the Notte della "
                "Taranta's final concert.",
                ar="الدير من القرن السادس عشر والساحة الكبيرة للحفل الختامي لمهرجان "
                "«ليلة التارانتا».",
            ),
            "hero_image": image("convento"),
            "body": [
                paragraph(
                    T(
                        "Il convento sorse nel 1573 accanto alla chiesa della Madonna "
                        "del Carmine, rinnovata nel Seicento da Giuseppe Zimbalo.",
                        "The convent was founded in 1573 beside the church of the "
                        "Madonna del Carmine, renewed in the 17th century by Giuseppe "
                        "Zimbalo.",
                        ar="تأسس الدير عام 1573 بجوار كنيسة سيدة الكرمل، التي جدّدها "
                        "جوزيبي تسيمبالو في القرن السابع عشر.",
                    )
                ),
                image_block(
                    "taranta",
                    T(
                        "Il tamburello, strumento della pizzica.",
                        "The tambourine, the instrument of the pizzica.",
                        ar="الدف، آلة رقصة البيتسيكا.",
                    ),
                ),
                paragraph(
                    T(
                        "Ogni anno, a fine agosto, il piazzale accoglie il Concertone "
                        "della Notte della Taranta.",
                        "Every year, at the end of August, the square hosts the final "
                        "concert of the Notte della Taranta.",
                        ar="في نهاية شهر آب من كل عام، تستقبل الساحة الحفل الختامي "
                        "لمهرجان «ليلة التارانتا».",
                    )
                ),
            ],
            "address": "Via Giuseppe Garibaldi 61",
            "postal_code": "73020",
            "locality": "Melpignano",
            "latitude": "40.155500",
            "longitude": "18.288800",
            "opening_hours": hours(range(4, 7), "10:00", "13:00"),
            "opening_exceptions": [
                {
                    "start_date": stage,
                    "end_date": stage.replace(day=31),
                    "note": T(
                        "Chiuso per il montaggio del palco del Concertone",
                        "Closed while the stage of the Concertone is built",
                        ar="مغلق أثناء تركيب مسرح الحفل الكبير (الكونتشيرتوني)",
                    ),
                },
            ],
            "step_free_access": True,
            "admission_free": True,
            "audiences": ["families", "seniors", "immigrant-communities"],
            "ticket_notes": T(
                "Ingresso libero al chiostro negli orari indicati.",
                "Free entry to the cloister during the hours shown.",
                ar="الدخول مجاني إلى الرواق في المواعيد المذكورة.",
            ),
        },
    ]
