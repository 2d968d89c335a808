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
        T(
            "Logo di Vetrina Grecìa Salentina: le lettere GS in un cerchio.",
            "Vetrina Grecìa Salentina logo: the letters GS in a circle.",
            ar="شعار فيترينا غريتشيا سالنتينا: الحرفان GS داخل دائرة.",
        ),
        "emblem",
        GRIKO,
        600,
        600,
        label="GS",
    ),
    "home": ImageSpec(
        "Ulivi della Grecìa Salentina",
        T(
            "Illustrazione di un ulivo nella campagna salentina.",
            "Illustration of an olive tree in the Salento countryside.",
            ar="رسم لشجرة زيتون في ريف سالنتو.",
        ),
        "olive",
        OLIVE,
    ),
    "stele": ImageSpec(
        "Stele attica di Calimera",
        T(
            "Illustrazione della stele di marmo nella sua edicola di pietra.",
            "Illustration of the marble stele in its stone shrine.",
            ar="رسم للنصب الرخامي داخل مقصورته الحجرية.",
        ),
        "stele",
        EVENING,
    ),
    "menhir": ImageSpec(
        "Menhir Santu Totaru, Martano",
        T(
            "Illustrazione di un alto menhir con una croce incisa.",
            "Illustration of a tall menhir with a carved cross.",
            ar="رسم لمنهير طويل محفور عليه صليب.",
        ),
        "menhir",
        GRIKO,
    ),
    "pozzelle": ImageSpec(
        "Pozzelle di Zollino",
        T(
            "Illustrazione delle cupolette di pietra dei pozzi tra gli alberi.",
            "Illustration of the small stone domes of the wells among the trees.",
            ar="رسم للقباب الحجرية الصغيرة للآبار بين الأشجار.",
        ),
        "wells",
        OLIVE,
    ),
    "granafei": ImageSpec(
        "Palazzo Granafei, Sternatia",
        T(
            "Illustrazione della facciata del palazzo con la balaustra.",
            "Illustration of the palace's façade with its balustrade.",
            ar="رسم لواجهة القصر مع درابزينها.",
        ),
        "palazzo",
        BAROQUE,
    ),
    "guglia": ImageSpec(
        "Guglia di Raimondello, Soleto",
        T(
            "Illustrazione di un campanile gotico a cinque ordini.",
            "Illustration of a five-tier Gothic bell tower.",
            ar="رسم لبرج أجراس قوطي من خمس طبقات.",
        ),
        "tower",
        GRIKO,
    ),
    "castello": ImageSpec(
        "Castello de' Monti, Corigliano d'Otranto",
        T(
            "Illustrazione del castello con i torrioni angolari.",
            "Illustration of the castle with its corner bastions.",
            ar="رسم للقلعة مع أبراجها الركنية.",
        ),
        "castle",
        OLIVE,
    ),
    "convento": ImageSpec(
        "Ex Convento degli Agostiniani, Melpignano",
        T(
            "Illustrazione della facciata barocca della chiesa del convento.",
            "Illustration of the baroque façade of the convent church.",
            ar="رسم للواجهة الباروكية لكنيسة الدير.",
        ),
        "facade",
        EVENING,
    ),
    "taranta": ImageSpec(
        "Tamburello della pizzica",
        T(
            "Illustrazione di un tamburello con sonagli e nastri colorati.",
            "Illustration of a tambourine with jingles and coloured ribbons.",
            ar="رسم لدف بصنوج وأشرطة ملونة.",
        ),
        "drum",
        EVENING,
    ),
    "griko": ImageSpec(
        "Kalimera in griko",
        T(
            "La parola Kalimera scritta in lettere greche e latine.",
            "The word Kalimera written in Greek and Latin letters.",
            ar="كلمة كاليميرا مكتوبة بالحروف اليونانية واللاتينية.",
        ),
        "letters",
        GRIKO,
    ),
    "itinerario": ImageSpec(
        "La Grecìa Salentina in bicicletta, la mappa",
        T(
            "Mappa stilizzata con sette tappe numerate.",
            "A stylised map with seven numbered stops.",
            ar="خريطة مبسطة عليها سبع محطات مرقمة.",
        ),
        "route",
        OLIVE,
    ),
    "osteria": ImageSpec(
        "Osteria Ta Kalà",
        T(
            "Illustrazione di una tavola apparecchiata con piatti e vino.",
            "Illustration of a laid table with dishes and wine.",
            ar="رسم لمائدة معدة بالأطباق والنبيذ.",
        ),
        "table",
        BAROQUE,
    ),
    "menu": ImageSpec(
        "Menù della Grecìa",
        T(
            "Illustrazione di piatti della cucina salentina.",
            "Illustration of dishes of Salento's cuisine.",
            ar="رسم لأطباق من مطبخ سالنتو.",
        ),
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
        # The demo's cooperative is invented: an identifier no one holds.
        "open_data_publisher": "Cooperativa Vetrina (esempio)",
        "open_data_publisher_id": "00000000000",
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
