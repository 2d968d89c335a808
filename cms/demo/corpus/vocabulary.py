"""Words the synthetic corpus is written with, one set per content language.

Every tuple has the same length and order in every language, so the pages of one
item, drawn once from the seed, read as translations of each other.
"""

from dataclasses import dataclass

# Towns of Salento with their centre; pages are scattered a little around them.
TOWNS = (
    ("Lecce", 40.3529, 18.1743),
    ("Otranto", 40.1436, 18.4912),
    ("Gallipoli", 40.0559, 17.9925),
    ("Nardò", 40.1797, 18.0330),
    ("Galatina", 40.1744, 18.1700),
    ("Maglie", 40.1197, 18.2978),
    ("Tricase", 39.9303, 18.3556),
    ("Castro", 40.0076, 18.4262),
    ("Calimera", 40.2497, 18.2806),
    ("Martano", 40.2028, 18.3003),
    ("Corigliano d'Otranto", 40.1614, 18.2564),
    ("Soleto", 40.1886, 18.2069),
    ("Sternatia", 40.2197, 18.2264),
    ("Melpignano", 40.1556, 18.2914),
    ("Copertino", 40.2697, 18.0547),
    ("Ugento", 39.9272, 18.1614),
    ("Presicce", 39.9003, 18.2617),
    ("Alessano", 39.8878, 18.3311),
    ("Santa Cesarea Terme", 40.0367, 18.4561),
    ("Vernole", 40.2892, 18.3003),
    ("Squinzano", 40.4364, 18.0425),
    ("Casarano", 40.0125, 18.1614),
    ("Specchia", 39.9392, 18.2975),
    ("Leverano", 40.2889, 17.9972),
    ("Cavallino", 40.3114, 18.2006),
    ("Gagliano del Capo", 39.8428, 18.3700),
)
STREETS = (
    "Via Roma",
    "Via Garibaldi",
    "Corso Umberto I",
    "Via Mazzini",
    "Piazza del Popolo",
    "Via San Giuseppe",
    "Largo Castello",
    "Via dei Messapi",
)
PEOPLE = (
    "Anna De Santis",
    "Luigi Scarpa",
    "Maria Rizzo",
    "Giovanni Greco",
    "Rosa Carluccio",
    "Antonio Mele",
    "Lucia Quarta",
    "Salvatore Stifani",
)
FAMILY_NAMES = ("Carluccio", "Mele", "Rizzo", "Greco", "Quarta", "Stifani", "Manni")

# Parallel to the title tuples below.
PLACE_KINDS = (
    "museum",
    "library",
    "archive",
    "church",
    "archaeological-site",
    "monument",
    "natural-site",
    "historic-centre",
)
ITINERARY_MODES = ("walk", "bike", "car", "walk", "public-transport", "bike")
BUSINESS_CATEGORIES = ("food", "lodging", "craft", "guide", "shop", "transport")
# Italian slugs, as the demo content names its topics: the two share them.
TOPIC_SLUGS = ("archeologia", "cucina", "feste", "artigianato", "natura")
SECTION_KEYS = ("places", "stories", "events", "itineraries", "businesses")


@dataclass(frozen=True)
class Words:
    """What one language needs to write every field of every page type."""

    sections: tuple[tuple[str, str], ...]  # (title, slug), in SECTION_KEYS order
    places: tuple[str, ...]
    stories: tuple[str, ...]
    events: tuple[str, ...]
    itineraries: tuple[str, ...]
    businesses: tuple[str, ...]
    offers: tuple[str, ...]
    summaries: tuple[str, ...]
    sentences: tuple[str, ...]
    quotes: tuple[str, ...]
    topics: tuple[str, ...]
    tickets: tuple[str, str]
    ticket_notes: str
    closed_for_christmas: str
    stop: str
    caption: str
    see_also: str
    offer_description: str
    conditions: str


WORDS = {
    "it": Words(
        sections=(
            ("Luoghi", "luoghi"),
            ("Storie", "storie"),
            ("Eventi", "eventi"),
            ("Itinerari", "itinerari"),
            ("Attività e offerte", "attivita"),
        ),
        places=(
            "Museo civico di {town}",
            "Biblioteca comunale di {town}",
            "Archivio storico di {town}",
            "Chiesa madre di {town}",
            "Area archeologica di {town}",
            "Torre costiera di {town}",
            "Riserva naturale di {town}",
            "Centro storico di {town}",
        ),
        stories=(
            "Le pietre di {town}",
            "La taranta a {town}",
            "Il pane e l'olio di {town}",
            "Le feste patronali di {town}",
            "Le voci griche di {town}",
            "I pescatori di {town}",
        ),
        events=(
            "Concerto di pizzica a {town}",
            "Visita guidata al centro di {town}",
            "Sagra del pesce a {town}",
            "Mostra di cartapesta a {town}",
            "Laboratorio per bambini a {town}",
            "Cinema all'aperto a {town}",
        ),
        itineraries=(
            "A piedi nel centro di {town}",
            "In bici da {town} al mare",
            "In auto tra le torri di {town}",
            "I frantoi ipogei di {town}",
            "In treno fino a {town}",
            "Pedalando tra gli ulivi di {town}",
        ),
        businesses=(
            "Trattoria {name}",
            "B&B {name}",
            "Bottega di cartapesta {name}",
            "Guide turistiche {name}",
            "Prodotti tipici {name}",
            "Noleggio bici {name}",
        ),
        offers=(
            "Menù degustazione",
            "Notte con colazione",
            "Laboratorio di cartapesta",
            "Visita guidata per famiglie",
            "Cesto di prodotti tipici",
            "Bici per un giorno",
        ),
        summaries=(
            "{title}: un'occasione per scoprire il Salento.",
            "{title}: orari, accesso e tutto quello che serve sapere.",
            "{title}, tra storia, natura e tradizioni salentine.",
        ),
        sentences=(
            "{town} conserva un patrimonio di pietra leccese, ulivi secolari e "
            "tradizioni che si tramandano da generazioni.",
            "La visita è adatta a tutti e si può combinare con una passeggiata nel "
            "centro storico.",
            "In primavera e in autunno la luce del Salento rende ogni dettaglio più "
            "vivo.",
            "Gli abitanti raccontano volentieri storie e leggende legate a questo "
            "luogo.",
            "Nei dintorni si trovano masserie, frantoi ipogei e torri costiere.",
            "La cooperativa organizza visite guidate su prenotazione, anche per le "
            "scuole.",
            "Da qui il mare è a pochi chilometri, tra scogliere e spiagge sabbiose.",
            "La cucina locale accompagna ogni occasione con pasticciotti, frise e "
            "vino negroamaro.",
        ),
        quotes=(
            "Qui il tempo scorre lento come l'olio nuovo.",
            "Ogni pietra di questo paese ha una storia da raccontare.",
        ),
        topics=("Archeologia", "Cucina", "Feste", "Artigianato", "Natura"),
        tickets=("Intero", "Ridotto"),
        ticket_notes="Ridotto per studenti e over 65.",
        closed_for_christmas="Chiuso per Natale",
        stop="Tappa {n}: {place}.",
        caption="Uno scorcio di {town}",
        see_also="Da non perdere: {link}.",
        offer_description=(
            "{offer} da {business}, a {town}. Prenota con un giorno di anticipo."
        ),
        conditions="Non cumulabile con altre offerte.",
    ),
    "en": Words(
        sections=(
            ("Places", "places"),
            ("Stories", "stories"),
            ("Events", "events"),
            ("Itineraries", "itineraries"),
            ("Businesses and offers", "businesses"),
        ),
        places=(
            "{town} Civic Museum",
            "{town} Public Library",
            "{town} Historical Archive",
            "Mother Church of {town}",
            "{town} Archaeological Area",
            "{town} Coastal Tower",
            "{town} Nature Reserve",
            "Historic Centre of {town}",
        ),
        stories=(
            "The stones of {town}",
            "The taranta in {town}",
            "Bread and oil of {town}",
            "The patron saint feasts of {town}",
            "The Griko voices of {town}",
            "The fishermen of {town}",
        ),
        events=(
            "Pizzica concert in {town}",
            "Guided tour of {town}",
            "Fish festival in {town}",
            "Papier-mâché exhibition in {town}",
            "Children's workshop in {town}",
            "Open-air cinema in {town}",
        ),
        itineraries=(
            "On foot through {town}",
            "By bike from {town} to the sea",
            "By car among the towers of {town}",
            "The underground oil mills of {town}",
            "By train to {town}",
            "Cycling among the olive trees of {town}",
        ),
        businesses=(
            "{name} Trattoria",
            "{name} B&B",
            "{name} Papier-Mâché Workshop",
            "{name} Tour Guides",
            "{name} Local Produce",
            "{name} Bike Hire",
        ),
        offers=(
            "Tasting menu",
            "Bed and breakfast night",
            "Papier-mâché workshop",
            "Family guided tour",
            "Basket of local produce",
            "Bike for a day",
        ),
        summaries=(
            "{title}: a chance to discover Salento.",
            "{title}: times, access and all you need to know.",
            "{title}: history, nature and traditions of Salento.",
        ),
        sentences=(
            "{town} keeps a heritage of Lecce stone, centuries-old olive trees and "
            "traditions handed down for generations.",
            "The visit suits everyone and combines well with a walk through the "
            "historic centre.",
            "In spring and autumn the light of Salento makes every detail come alive.",
            "Locals are happy to tell the stories and legends connected with this "
            "place.",
            "Nearby you will find fortified farmhouses, underground oil mills and "
            "coastal towers.",
            "The cooperative runs guided tours on request, for schools too.",
            "From here the sea is only a few kilometres away, between cliffs and "
            "sandy beaches.",
            "Local food goes with every occasion: pasticciotti, frise and Negroamaro "
            "wine.",
        ),
        quotes=(
            "Here time flows as slowly as new oil.",
            "Every stone in this town has a story to tell.",
        ),
        topics=("Archaeology", "Food", "Festivals", "Crafts", "Nature"),
        tickets=("Full price", "Reduced"),
        ticket_notes="Reduced for students and over-65s.",
        closed_for_christmas="Closed for Christmas",
        stop="Stop {n}: {place}.",
        caption="A glimpse of {town}",
        see_also="Not to be missed: {link}.",
        offer_description="{offer} at {business}, in {town}. Book one day ahead.",
        conditions="Cannot be combined with other offers.",
    ),
    "de": Words(
        sections=(
            ("Orte", "orte"),
            ("Geschichten", "geschichten"),
            ("Veranstaltungen", "veranstaltungen"),
            ("Routen", "routen"),
            ("Betriebe und Angebote", "betriebe"),
        ),
        places=(
            "Stadtmuseum {town}",
            "Stadtbibliothek {town}",
            "Historisches Archiv {town}",
            "Mutterkirche von {town}",
            "Archäologisches Gebiet {town}",
            "Küstenturm von {town}",
            "Naturschutzgebiet {town}",
            "Altstadt von {town}",
        ),
        stories=(
            "Die Steine von {town}",
            "Die Taranta in {town}",
            "Brot und Öl aus {town}",
            "Die Patronatsfeste von {town}",
            "Die griechischen Stimmen von {town}",
            "Die Fischer von {town}",
        ),
        events=(
            "Pizzica-Konzert in {town}",
            "Stadtführung durch {town}",
            "Fischfest in {town}",
            "Pappmaché-Ausstellung in {town}",
            "Kinderwerkstatt in {town}",
            "Freiluftkino in {town}",
        ),
        itineraries=(
            "Zu Fuß durch {town}",
            "Mit dem Rad von {town} ans Meer",
            "Mit dem Auto zu den Türmen von {town}",
            "Die unterirdischen Ölmühlen von {town}",
            "Mit dem Zug nach {town}",
            "Radeln zwischen den Olivenbäumen von {town}",
        ),
        businesses=(
            "Trattoria {name}",
            "B&B {name}",
            "Pappmaché-Werkstatt {name}",
            "Gästeführer {name}",
            "Regionale Produkte {name}",
            "Fahrradverleih {name}",
        ),
        offers=(
            "Degustationsmenü",
            "Übernachtung mit Frühstück",
            "Pappmaché-Workshop",
            "Familienführung",
            "Korb mit regionalen Produkten",
            "Fahrrad für einen Tag",
        ),
        summaries=(
            "{title}: eine Gelegenheit, den Salento zu entdecken.",
            "{title}: Zeiten, Zugang und alles Wissenswerte.",
            "{title}: Geschichte, Natur und Traditionen des Salento.",
        ),
        sentences=(
            "{town} bewahrt ein Erbe aus Lecceser Stein, jahrhundertealten "
            "Olivenbäumen und über Generationen weitergegebenen Traditionen.",
            "Der Besuch eignet sich für alle und lässt sich gut mit einem "
            "Spaziergang durch die Altstadt verbinden.",
            "Im Frühling und im Herbst lässt das Licht des Salento jedes Detail "
            "lebendig wirken.",
            "Die Einwohner erzählen gern Geschichten und Legenden über diesen Ort.",
            "In der Umgebung liegen befestigte Gutshöfe, unterirdische Ölmühlen und "
            "Küstentürme.",
            "Die Genossenschaft bietet auf Anfrage Führungen an, auch für Schulen.",
            "Von hier ist das Meer nur wenige Kilometer entfernt, zwischen Klippen "
            "und Sandstränden.",
            "Die regionale Küche gehört zu jedem Anlass: Pasticciotti, Frise und "
            "Negroamaro-Wein.",
        ),
        quotes=(
            "Hier fließt die Zeit so langsam wie frisches Öl.",
            "Jeder Stein dieses Ortes hat eine Geschichte zu erzählen.",
        ),
        topics=("Archäologie", "Küche", "Feste", "Handwerk", "Natur"),
        tickets=("Normal", "Ermäßigt"),
        ticket_notes="Ermäßigt für Studierende und über 65-Jährige.",
        closed_for_christmas="Wegen Weihnachten geschlossen",
        stop="Station {n}: {place}.",
        caption="Ein Blick auf {town}",
        see_also="Nicht verpassen: {link}.",
        offer_description=(
            "{offer} bei {business} in {town}. Bitte einen Tag vorher buchen."
        ),
        conditions="Nicht mit anderen Angeboten kombinierbar.",
    ),
    "fr": Words(
        sections=(
            ("Lieux", "lieux"),
            ("Histoires", "histoires"),
            ("Événements", "evenements"),
            ("Itinéraires", "itineraires"),
            ("Commerces et offres", "commerces"),
        ),
        places=(
            "Musée municipal de {town}",
            "Bibliothèque municipale de {town}",
            "Archives historiques de {town}",
            "Église mère de {town}",
            "Site archéologique de {town}",
            "Tour côtière de {town}",
            "Réserve naturelle de {town}",
            "Centre historique de {town}",
        ),
        stories=(
            "Les pierres de {town}",
            "La taranta à {town}",
            "Le pain et l'huile de {town}",
            "Les fêtes patronales de {town}",
            "Les voix grecques de {town}",
            "Les pêcheurs de {town}",
        ),
        events=(
            "Concert de pizzica à {town}",
            "Visite guidée de {town}",
            "Fête du poisson à {town}",
            "Exposition de papier mâché à {town}",
            "Atelier pour enfants à {town}",
            "Cinéma en plein air à {town}",
        ),
        itineraries=(
            "À pied dans {town}",
            "À vélo de {town} à la mer",
            "En voiture parmi les tours de {town}",
            "Les moulins souterrains de {town}",
            "En train jusqu'à {town}",
            "À vélo parmi les oliviers de {town}",
        ),
        businesses=(
            "Trattoria {name}",
            "Chambres d'hôtes {name}",
            "Atelier de papier mâché {name}",
            "Guides touristiques {name}",
            "Produits du terroir {name}",
            "Location de vélos {name}",
        ),
        offers=(
            "Menu dégustation",
            "Nuit avec petit-déjeuner",
            "Atelier de papier mâché",
            "Visite guidée en famille",
            "Panier de produits du terroir",
            "Vélo pour une journée",
        ),
        summaries=(
            "{title} : une occasion de découvrir le Salento.",
            "{title} : horaires, accès et tout ce qu'il faut savoir.",
            "{title} : histoire, nature et traditions du Salento.",
        ),
        sentences=(
            "{town} conserve un patrimoine de pierre de Lecce, d'oliviers "
            "centenaires et de traditions transmises depuis des générations.",
            "La visite convient à tous et se combine bien avec une promenade dans le "
            "centre historique.",
            "Au printemps et en automne, la lumière du Salento rend chaque détail "
            "plus vivant.",
            "Les habitants racontent volontiers les histoires et les légendes liées "
            "à ce lieu.",
            "Aux alentours se trouvent des masserie, des moulins à huile souterrains "
            "et des tours côtières.",
            "La coopérative organise des visites guidées sur réservation, aussi pour "
            "les écoles.",
            "D'ici, la mer n'est qu'à quelques kilomètres, entre falaises et plages "
            "de sable.",
            "La cuisine locale accompagne chaque occasion : pasticciotti, frise et "
            "vin negroamaro.",
        ),
        quotes=(
            "Ici, le temps coule aussi lentement que l'huile nouvelle.",
            "Chaque pierre de ce village a une histoire à raconter.",
        ),
        topics=("Archéologie", "Cuisine", "Fêtes", "Artisanat", "Nature"),
        tickets=("Plein tarif", "Tarif réduit"),
        ticket_notes="Tarif réduit pour les étudiants et les plus de 65 ans.",
        closed_for_christmas="Fermé pour Noël",
        stop="Étape {n} : {place}.",
        caption="Un aperçu de {town}",
        see_also="À ne pas manquer : {link}.",
        offer_description="{offer} chez {business}, à {town}. Réservez la veille.",
        conditions="Non cumulable avec d'autres offres.",
    ),
    "es": Words(
        sections=(
            ("Lugares", "lugares"),
            ("Historias", "historias"),
            ("Eventos", "eventos"),
            ("Itinerarios", "itinerarios"),
            ("Negocios y ofertas", "negocios"),
        ),
        places=(
            "Museo municipal de {town}",
            "Biblioteca municipal de {town}",
            "Archivo histórico de {town}",
            "Iglesia matriz de {town}",
            "Zona arqueológica de {town}",
            "Torre costera de {town}",
            "Reserva natural de {town}",
            "Casco antiguo de {town}",
        ),
        stories=(
            "Las piedras de {town}",
            "La taranta en {town}",
            "El pan y el aceite de {town}",
            "Las fiestas patronales de {town}",
            "Las voces griegas de {town}",
            "Los pescadores de {town}",
        ),
        events=(
            "Concierto de pizzica en {town}",
            "Visita guiada por {town}",
            "Fiesta del pescado en {town}",
            "Exposición de papel maché en {town}",
            "Taller infantil en {town}",
            "Cine al aire libre en {town}",
        ),
        itineraries=(
            "A pie por {town}",
            "En bici de {town} al mar",
            "En coche entre las torres de {town}",
            "Las almazaras subterráneas de {town}",
            "En tren hasta {town}",
            "Pedaleando entre los olivos de {town}",
        ),
        businesses=(
            "Trattoria {name}",
            "B&B {name}",
            "Taller de papel maché {name}",
            "Guías turísticos {name}",
            "Productos típicos {name}",
            "Alquiler de bicis {name}",
        ),
        offers=(
            "Menú degustación",
            "Noche con desayuno",
            "Taller de papel maché",
            "Visita guiada en familia",
            "Cesta de productos típicos",
            "Bici por un día",
        ),
        summaries=(
            "{title}: una ocasión para descubrir el Salento.",
            "{title}: horarios, acceso y todo lo que hay que saber.",
            "{title}: historia, naturaleza y tradiciones del Salento.",
        ),
        sentences=(
            "{town} conserva un patrimonio de piedra de Lecce, olivos centenarios y "
            "tradiciones transmitidas durante generaciones.",
            "La visita es apta para todos y se combina bien con un paseo por el "
            "casco antiguo.",
            "En primavera y en otoño la luz del Salento hace que cada detalle cobre "
            "vida.",
            "Los vecinos cuentan con gusto historias y leyendas ligadas a este lugar.",
            "En los alrededores hay masserie, almazaras subterráneas y torres "
            "costeras.",
            "La cooperativa organiza visitas guiadas con reserva, también para "
            "colegios.",
            "Desde aquí el mar está a pocos kilómetros, entre acantilados y playas "
            "de arena.",
            "La cocina local acompaña cada ocasión: pasticciotti, frise y vino "
            "negroamaro.",
        ),
        quotes=(
            "Aquí el tiempo corre lento como el aceite nuevo.",
            "Cada piedra de este pueblo tiene una historia que contar.",
        ),
        topics=("Arqueología", "Cocina", "Fiestas", "Artesanía", "Naturaleza"),
        tickets=("Entrada general", "Reducida"),
        ticket_notes="Reducida para estudiantes y mayores de 65 años.",
        closed_for_christmas="Cerrado por Navidad",
        stop="Etapa {n}: {place}.",
        caption="Un rincón de {town}",
        see_also="No te lo pierdas: {link}.",
        offer_description=(
            "{offer} en {business}, en {town}. Reserva con un día de antelación."
        ),
        conditions="No acumulable con otras ofertas.",
    ),
    "ar": Words(
        sections=(
            ("الأماكن", "places"),
            ("القصص", "stories"),
            ("الفعاليات", "events"),
            ("المسارات", "itineraries"),
            ("الأعمال والعروض", "businesses"),
        ),
        places=(
            "المتحف البلدي في {town}",
            "المكتبة البلدية في {town}",
            "الأرشيف التاريخي في {town}",
            "الكنيسة الأم في {town}",
            "المنطقة الأثرية في {town}",
            "البرج الساحلي في {town}",
            "المحمية الطبيعية في {town}",
            "المركز التاريخي في {town}",
        ),
        stories=(
            "حجارة {town}",
            "رقصة التارانتا في {town}",
            "خبز {town} وزيتها",
            "أعياد القديس الشفيع في {town}",
            "الأصوات اليونانية في {town}",
            "صيادو {town}",
        ),
        events=(
            "حفل بيتسيكا في {town}",
            "جولة مع مرشد في {town}",
            "مهرجان السمك في {town}",
            "معرض الورق المعجّن في {town}",
            "ورشة للأطفال في {town}",
            "سينما في الهواء الطلق في {town}",
        ),
        itineraries=(
            "سيراً على الأقدام في {town}",
            "بالدراجة من {town} إلى البحر",
            "بالسيارة بين أبراج {town}",
            "معاصر الزيتون تحت الأرض في {town}",
            "بالقطار إلى {town}",
            "بالدراجة بين أشجار زيتون {town}",
        ),
        businesses=(
            "مطعم {name}",
            "بيت ضيافة {name}",
            "ورشة الورق المعجّن {name}",
            "مرشدون سياحيون {name}",
            "منتجات محلية {name}",
            "تأجير دراجات {name}",
        ),
        offers=(
            "قائمة تذوّق",
            "ليلة مع فطور",
            "ورشة الورق المعجّن",
            "جولة عائلية مع مرشد",
            "سلة منتجات محلية",
            "دراجة ليوم واحد",
        ),
        summaries=(
            "{title}: فرصة لاكتشاف سالنتو.",
            "{title}: المواعيد والوصول وكل ما تحتاج معرفته.",
            "{title}: تاريخ سالنتو وطبيعتها وتقاليدها.",
        ),
        sentences=(
            "تحتفظ {town} بتراث من حجر ليتشي وأشجار زيتون معمّرة وتقاليد متوارثة "
            "عبر الأجيال.",
            "الزيارة مناسبة للجميع ويمكن دمجها مع نزهة في المركز التاريخي.",
            "في الربيع والخريف يجعل ضوء سالنتو كل التفاصيل أكثر حيوية.",
            "يروي السكان بسرور حكايات وأساطير مرتبطة بهذا المكان.",
            "في الجوار توجد مزارع محصّنة ومعاصر زيتون تحت الأرض وأبراج ساحلية.",
            "تنظّم التعاونية جولات مصحوبة بمرشد عند الحجز، وللمدارس أيضاً.",
            "من هنا يبعد البحر بضعة كيلومترات فقط، بين المنحدرات الصخرية والشواطئ "
            "الرملية.",
            "يرافق المطبخ المحلي كل مناسبة: الباستيتشوتي والفريزه ونبيذ نيغروأمارو.",
        ),
        quotes=(
            "هنا يجري الوقت ببطء كالزيت الجديد.",
            "لكل حجر في هذه البلدة حكاية تُروى.",
        ),
        topics=("علم الآثار", "المطبخ", "الأعياد", "الحِرف", "الطبيعة"),
        tickets=("تذكرة كاملة", "تذكرة مخفّضة"),
        ticket_notes="تخفيض للطلاب ولمن تجاوزوا 65 عاماً.",
        closed_for_christmas="مغلق بمناسبة عيد الميلاد",
        stop="المحطة {n}: {place}.",
        caption="لمحة من {town}",
        see_also="لا تفوّت: {link}.",
        offer_description="{offer} لدى {business} في {town}. احجز قبل يوم واحد.",
        conditions="لا يمكن جمعه مع عروض أخرى.",
    ),
}
LANGUAGES = tuple(WORDS)
