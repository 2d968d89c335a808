"""Grecìa Salentina: the Griko-speaking towns, in Italian, English and Arabic.

Arabic makes the demo exercise a right-to-left language end to end. Businesses,
people and contacts are invented (with .example addresses); places are real.
"""

from ..images import BAROQUE, EVENING, GRIKO, OLIVE, ImageSpec
from ..text import T, TerritoryData, image, paragraph
from .pages import businesses, events, itineraries, stories
from .places import places

IMAGES = {
    "logo": ImageSpec(
        "Logo Vetrina Grecìa Salentina",
        "Logo di Vetrina Grecìa Salentina: le lettere GS in un cerchio.",
        "emblem",
        GRIKO,
        600,
        600,
        label="GS",
    ),
    "home": ImageSpec(
        "Ulivi della Grecìa Salentina",
        "Illustrazione di un ulivo nella campagna salentina.",
        "olive",
        OLIVE,
    ),
    "stele": ImageSpec(
        "Stele attica di Calimera",
        "Illustrazione della stele di marmo nella sua edicola di pietra.",
        "stele",
        EVENING,
    ),
    "menhir": ImageSpec(
        "Menhir Santu Totaru, Martano",
        "Illustrazione di un alto menhir con una croce incisa.",
        "menhir",
        GRIKO,
    ),
    "pozzelle": ImageSpec(
        "Pozzelle di Zollino",
        "Illustrazione delle cupolette di pietra dei pozzi tra gli alberi.",
        "wells",
        OLIVE,
    ),
    "granafei": ImageSpec(
        "Palazzo Granafei, Sternatia",
        "Illustrazione della facciata del palazzo con la balaustra.",
        "palazzo",
        BAROQUE,
    ),
    "guglia": ImageSpec(
        "Guglia di Raimondello, Soleto",
        "Illustrazione di un campanile gotico a cinque ordini.",
        "tower",
        GRIKO,
    ),
    "castello": ImageSpec(
        "Castello de' Monti, Corigliano d'Otranto",
        "Illustrazione del castello con i torrioni angolari.",
        "castle",
        OLIVE,
    ),
    "convento": ImageSpec(
        "Ex Convento degli Agostiniani, Melpignano",
        "Illustrazione della facciata barocca della chiesa del convento.",
        "facade",
        EVENING,
    ),
    "taranta": ImageSpec(
        "Tamburello della pizzica",
        "Illustrazione di un tamburello con sonagli e nastri colorati.",
        "drum",
        EVENING,
    ),
    "griko": ImageSpec(
        "Kalimera in griko",
        "La parola Kalimera scritta in lettere greche e latine.",
        "letters",
        GRIKO,
    ),
    "itinerario": ImageSpec(
        "La Grecìa Salentina in bicicletta, la mappa",
        "Mappa stilizzata con sette tappe numerate.",
        "route",
        OLIVE,
    ),
    "osteria": ImageSpec(
        "Osteria Ta Kalà",
        "Illustrazione di una tavola apparecchiata con piatti e vino.",
        "table",
        BAROQUE,
    ),
    "menu": ImageSpec(
        "Menù della Grecìa",
        "Illustrazione di piatti della cucina salentina.",
        "table",
        OLIVE,
    ),
}

HOME = {
    "summary": T(
        "Un'isola linguistica nel cuore del Salento, dove si parla ancora il griko, "
        "tra menhir, castelli e pizzica.",
        "A linguistic island in the heart of Salento where Griko is still spoken, "
        "among menhirs, castles and pizzica.",
        ar="جزيرة لغوية في قلب سالنتو ما زالت تتحدث الغريكية، بين المنهيرات "
        "والقلاع ورقصة البيتسيكا.",
    ),
    "hero_image": image("home"),
    "body": [
        paragraph(
            T(
                "Calimera, Martano, Zollino, Sternatia, Soleto, Corigliano d'Otranto "
                "e Melpignano distano pochi chilometri l'uno dall'altro: si visitano "
                "bene in bicicletta.",
                "Calimera, Martano, Zollino, Sternatia, Soleto, Corigliano d'Otranto "
                "and Melpignano are a few kilometres apart: they are easy to visit "
                "by bike.",
                ar="كاليميرا ومارتانو وتسولينو وستيرناتيا وسوليتو وكوريليانو دوترانتو "
                "وميلبينيانو لا يفصل بينها سوى بضعة كيلومترات، ويسهل زيارتها "
                "بالدراجة.",
            )
        )
    ],
}

TERRITORY = TerritoryData(
    slug="grecia-salentina",
    name=T("Grecìa Salentina", "Grecìa Salentina", ar="غريتشيا سالنتينا"),
    languages=("it", "en", "ar"),
    is_default_site=False,
    settings={
        "public_base_url": "https://grecia-salentina.vetrina.example",
        "brand_colour": "#1b5e7a",
        "open_data_licence": "IODL-2.0",
        "contact_email": "grecia@vetrina.example",
        "contact_phone": "+39 0836 000000",
        "contact_address": "Piazza del Sole, 73021 Calimera",
        "build_hook_url": "https://api.netlify.com/build_hooks/demo-grecia-not-real",
    },
    social_links=(
        ("facebook", "https://www.facebook.com/vetrina.grecia.example"),
        ("youtube", "https://www.youtube.com/@vetrina-grecia-example"),
    ),
    images=IMAGES,
    home=HOME,
    places=places,
    stories=stories,
    events=events,
    itineraries=itineraries,
    businesses=businesses,
)
