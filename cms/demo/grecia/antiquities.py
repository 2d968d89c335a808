"""Grecìa Salentina's antiquities: an Attic stele, a menhir and rainwater wells.

Coordinates are WGS 84: the Martano menhir's is surveyed, the others point at
the place to within a street or two.
"""

import datetime as dt
from typing import Any

from ..text import T, hours, image, paragraph, quote

OPEN_AIR = T(
    "All'aperto, ad accesso libero in ogni momento.",
    "Open air, freely accessible at any time.",
    ar="في الهواء الطلق، والدخول مجاني في أي وقت.",
)


def antiquities(today: dt.date) -> list[dict[str, Any]]:
    return [
        {
            "slug": "stele-attica-calimera",
            "title": T(
                "Stele attica di Calimera",
                "Attic stele of Calimera",
                ar="الشاهدة الأتيكية في كاليميرا",
            ),
            "kind": "monument",
            "summary": T(
                "Un dono di Atene del 1960: una stele funeraria del IV secolo a.C. "
                "nei giardini pubblici.",
                "A gift from Athens in 1960: a 4th-century BC funerary stele in the "
                "public gardens.",
                ar="هدية من أثينا عام 1960: شاهدة جنائزية من القرن الرابع قبل الميلاد "
                "في الحدائق العامة.",
            ),
            "hero_image": image("stele"),
            "body": [
                paragraph(
                    T(
                        "Nel 1960 la città di Atene donò a Calimera una stele di marmo "
                        "del IV secolo a.C., in ricordo delle origini comuni della "
                        "lingua grika.",
                        "In 1960 the city of Athens gave Calimera a 4th-century BC "
                        "marble stele, in memory of the shared roots of the Griko "
                        "language.",
                        ar="في عام 1960 أهدت مدينة أثينا كاليميرا شاهدة رخامية من "
                        "القرن الرابع قبل الميلاد، تذكيرًا بالجذور المشتركة للغة "
                        "الغريكية.",
                    )
                ),
                quote(
                    "Zeni su en ise ettù 'sti Kalimera",
                    T(
                        "Ernesto Aprile, iscrizione sull'edicola",
                        "Ernesto Aprile, inscription on the shrine",
                        ar="إرنستو أبريلي، نقش على المشكاة",
                    ),
                ),
                paragraph(
                    T(
                        "Il verso in griko significa: «Straniera, qui a Calimera tu "
                        "non sei straniera».",
                        "The Griko line means: “Stranger, here in Calimera you are no "
                        "stranger”.",
                        ar="يعني هذا البيت بالغريكية: «أيتها الغريبة، لستِ غريبةً "
                        "هنا في كاليميرا».",
                    )
                ),
            ],
            "address": T(
                "Giardini pubblici, Via Montinari",
                "Public gardens, Via Montinari",
                ar="الحدائق العامة، شارع مونتيناري",
            ),
            "postal_code": "73021",
            "locality": "Calimera",
            "latitude": "40.250800",
            "longitude": "18.281500",
            "opening_hours": hours(range(7), "08:00", "20:00"),
            "step_free_access": True,
            "admission_free": True,
            "audiences": ["families", "schools", "immigrant-communities"],
            "ticket_notes": T(
                "Ingresso libero negli orari dei giardini.",
                "Free entry during the gardens' opening hours.",
                ar="الدخول مجاني خلال ساعات فتح الحدائق.",
            ),
        },
        {
            "slug": "menhir-santu-totaru",
            "title": T(
                "Menhir Santu Totaru", "Santu Totaru Menhir", ar="منهير سانتو توتارو"
            ),
            "kind": "archaeological-site",
            "summary": T(
                "Il menhir più alto della Puglia: 4,70 metri di pietra tra le case "
                "di Martano.",
                "The tallest menhir in Apulia: 4.70 metres of stone among the houses "
                "of Martano.",
                ar="أطول منهير في بوليا: 4.70 متر من الحجر بين بيوت مارتانو.",
            ),
            "hero_image": image("menhir"),
            "body": [
                paragraph(
                    T(
                        "Il monolite sorge in via Teofilo, all'incrocio con via "
                        "Stefano Sergio, ed è detto anche menhir del Teofilo.",
                        "The monolith stands in Via Teofilo, at the corner of Via "
                        "Stefano Sergio, and is also called the Teofilo menhir.",
                        ar="يقع هذا الحجر في شارع تيوفيلو عند تقاطعه مع شارع "
                        "ستيفانو سيرجو، ويُعرف أيضًا بمنهير تيوفيلو.",
                    ),
                    T(
                        "Sulle facce larghe sono incise delle croci: segno di come i "
                        "menhir furono cristianizzati nel Medioevo.",
                        "Crosses are carved on its broad faces, a sign of how menhirs "
                        "were Christianised in the Middle Ages.",
                        ar="نُقشت صلبان على وجهيه العريضين، دليلًا على تنصير "
                        "المنهيرات في العصور الوسطى.",
                    ),
                )
            ],
            "address": "Via Teofilo",
            "postal_code": "73025",
            "locality": "Martano",
            "latitude": "40.198611",
            "longitude": "18.304444",
            "step_free_access": True,
            "admission_free": True,
            "audiences": ["families", "children", "schools"],
            "ticket_notes": OPEN_AIR,
        },
        {
            "slug": "pozzelle-di-zollino",
            "title": T(
                "Pozzelle di Zollino",
                "The Pozzelle of Zollino",
                ar="آبار بوتسيلي في تسولينو",
            ),
            "kind": "archaeological-site",
            "summary": T(
                "Un antico sistema di pozzi per l'acqua piovana, in un parco di pini "
                "ed eucalipti.",
                "An old system of rainwater wells, in a park of pines and eucalyptus.",
                ar="نظام قديم من الآبار لجمع مياه الأمطار، في حديقة من الصنوبر "
                "والأوكالبتوس.",
            ),
            "hero_image": image("pozzelle"),
            "body": [
                paragraph(
                    T(
                        "Le pozzelle sono pozzi profondi da tre a sette metri, coperti "
                        "da piccole cupole di pietra a secco: l'argilla del fondo "
                        "trattiene l'acqua.",
                        "The pozzelle are wells three to seven metres deep, covered by "
                        "small dry-stone domes: the clay at the bottom holds the "
                        "water.",
                        ar="البوتسيلي آبار يتراوح عمقها بين ثلاثة وسبعة أمتار، تعلوها "
                        "قباب صغيرة من الحجر الجاف، ويحفظ الطين في قاعها الماء.",
                    ),
                    T(
                        "Alcune hanno un nome in griko, come Ascilò, «l'alta». La "
                        "tradizione vuole che qui si accampasse Pirro, re dell'Epiro.",
                        "Some have a Griko name, such as Ascilò, “the tall one”. "
                        "Tradition has it that Pyrrhus, king of Epirus, camped here.",
                        ar="لبعضها أسماء بالغريكية مثل «أشيلو» أي «العالية». وتقول "
                        "الرواية إن بيروس ملك إبيروس خيّم هنا.",
                    ),
                )
            ],
            "address": "Largo Pozzelle",
            "postal_code": "73010",
            "locality": "Zollino",
            "latitude": "40.208300",
            "longitude": "18.252300",
            "admission_free": True,
            "audiences": ["families", "schools"],
            "ticket_notes": T(
                "Area pubblica ad accesso libero: non sporgetevi dalle aperture.",
                "A public area with free access: do not lean over the openings.",
                ar="منطقة عامة مفتوحة للجميع: لا تنحنوا فوق فتحات الآبار.",
            ),
        },
    ]
