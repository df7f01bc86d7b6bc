"""Shared vocabulary of the search benchmark: what generate.py writes and queries.py asks for.

The reference data (the 14 municipalities and the skill taxonomy) is read at run time from the Flyway
migration V2__reference_data.sql, so the benchmark follows the taxonomy as it changes. Everything else
here is word material: names, places, phrases. All of it is fictional.
"""

import os
import re
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_REFERENCE = os.path.join(HERE, "..", "src", "main", "resources", "db", "migration", "common",
                                 "V2__reference_data.sql")

_MUNICIPALITY_ROW = re.compile(r"\(\s*'(\d{4})'\s*,\s*'((?:[^']|'')*)'\s*,\s*(-?[\d.]+)\s*,\s*(-?[\d.]+)\s*\)")
_SKILL_ROW = re.compile(r"\(\s*'([a-z0-9]+(?:-[a-z0-9]+)*)'\s*,\s*'((?:[^']|'')*)'\s*,\s*'((?:[^']|'')*)'\s*,"
                        r"\s*'([a-z0-9-]+)'\s*\)")


def _statements(sql, table):
    """The VALUES parts of the INSERT INTO <table> statements of a SQL script (comments removed)."""
    text = "\n".join(line.split("--", 1)[0] for line in sql.splitlines())
    parts = []
    for match in re.finditer(r"INSERT\s+INTO\s+" + table + r"\s*\([^)]*\)\s*VALUES(.*?);", text, re.S | re.I):
        parts.append(match.group(1))
    return parts


class Reference:
    """The municipalities and skills of V2__reference_data.sql."""

    def __init__(self, path=None):
        path = path or os.environ.get("BENCH_REFERENCE_SQL") or DEFAULT_REFERENCE
        with open(path, encoding="utf-8") as f:
            sql = f.read()
        self.municipalities = {}  # code -> (name, lat, lon), in file order
        for values in _statements(sql, "municipality"):
            for code, name, lat, lon in _MUNICIPALITY_ROW.findall(values):
                self.municipalities[code] = (name.replace("''", "'"), float(lat), float(lon))
        self.skills = {}  # slug -> (name_sv, name_en, branch), in file order
        for values in _statements(sql, "skill"):
            for slug, sv, en, branch in _SKILL_ROW.findall(values):
                self.skills[slug] = (sv.replace("''", "'"), en.replace("''", "'"), branch)
        if len(self.municipalities) < 2 or not self.skills:
            raise SystemExit("could not read municipalities and skills from " + path)
        for needed in (LULEA, PITEA):
            if needed not in self.municipalities:
                raise SystemExit("municipality " + needed + " missing from " + path)
        self.branches = {}
        for slug, (_, _, branch) in self.skills.items():
            self.branches.setdefault(branch, []).append(slug)

    def name(self, code):
        return self.municipalities[code][0]


# --- Municipalities -----------------------------------------------------------------------------------
LULEA, PITEA = "2580", "2581"
# Relative size of the creative scene outside Luleå and Piteå (roughly by population); a code that is
# not listed gets the smallest weight.
TAIL_WEIGHTS = {
    "2582": 9.0,   # Boden
    "2584": 8.0,   # Kiruna
    "2523": 6.0,   # Gällivare
    "2514": 5.0,   # Kalix
    "2560": 3.2,   # Älvsbyn
    "2583": 3.0,   # Haparanda
    "2505": 2.4,   # Arvidsjaur
    "2510": 2.2,   # Jokkmokk
    "2521": 1.6,   # Pajala
    "2518": 1.2,   # Övertorneå
    "2506": 1.0,   # Arjeplog
    "2513": 0.9,   # Överkalix
}
# Where Finnish and Meänkieli are common (Tornedalen, Malmfälten) and where Sami languages are.
FINNISH_AREA = {"2583", "2518", "2521", "2513", "2584", "2523", "2514"}
MEANKIELI_AREA = {"2583", "2518", "2521", "2584", "2523"}
NORTH_SAMI_AREA = {"2584", "2523", "2510", "2521"}
LULE_SAMI_AREA = {"2510", "2523", "2506"}
PITE_SAMI_AREA = {"2506", "2505"}


def municipality_weights(ref):
    """code -> share of members: Luleå 35 %, Piteå 25 %, the rest over the others by TAIL_WEIGHTS."""
    others = [c for c in ref.municipalities if c not in (LULEA, PITEA)]
    tail_total = sum(TAIL_WEIGHTS.get(c, 0.8) for c in others) or 1.0
    weights = {LULEA: 0.35, PITEA: 0.25}
    for c in others:
        weights[c] = 0.40 * TAIL_WEIGHTS.get(c, 0.8) / tail_total
    return weights


# --- Skills ---------------------------------------------------------------------------------------------
# The most asked-for skills first; the rest follow in the order of the taxonomy file, shuffled by seed.
POPULAR_SKILLS = ["photography", "graphic-design", "web-development", "film-production", "illustration",
                  "music-production", "ux-design", "video-editing", "game-development", "branding",
                  "social-media", "copywriting", "animation", "sound-design", "web-design", "music-performance",
                  "content-strategy", "journalism", "3d-modelling", "event-production", "fine-art",
                  "digital-marketing", "app-development", "art-direction", "drone-filming"]

# Role nouns for the phrases (Swedish, English); a skill without one is described by its name.
ROLES = {
    "photography": ("fotograf", "photographer"),
    "photojournalism": ("fotojournalist", "photojournalist"),
    "illustration": ("illustratör", "illustrator"),
    "game-development": ("spelutvecklare", "game developer"),
    "game-art": ("spelgrafiker", "game artist"),
    "level-design": ("nivådesigner", "level designer"),
    "web-development": ("webbutvecklare", "web developer"),
    "app-development": ("apputvecklare", "app developer"),
    "web-design": ("webbdesigner", "web designer"),
    "graphic-design": ("grafisk formgivare", "graphic designer"),
    "ux-design": ("UX-designer", "UX designer"),
    "ui-design": ("UI-designer", "UI designer"),
    "film-production": ("filmare", "filmmaker"),
    "video-editing": ("klippare", "video editor"),
    "drone-filming": ("drönarfotograf", "drone photographer"),
    "animation": ("animatör", "animator"),
    "sound-design": ("ljuddesigner", "sound designer"),
    "sound-engineering": ("ljudtekniker", "sound engineer"),
    "music-production": ("musikproducent", "music producer"),
    "music-performance": ("musiker", "musician"),
    "composition": ("kompositör", "composer"),
    "songwriting": ("låtskrivare", "songwriter"),
    "journalism": ("journalist", "journalist"),
    "translation": ("översättare", "translator"),
    "copywriting": ("copywriter", "copywriter"),
    "creative-writing": ("författare", "writer"),
    "architecture": ("arkitekt", "architect"),
    "interior-architecture": ("inredningsarkitekt", "interior architect"),
    "ceramics": ("keramiker", "ceramicist"),
    "sculpture": ("skulptör", "sculptor"),
    "fine-art": ("konstnär", "artist"),
    "textile-art": ("textilkonstnär", "textile artist"),
    "fashion-design": ("modedesigner", "fashion designer"),
    "costume-design": ("kostymdesigner", "costume designer"),
    "dance": ("dansare", "dancer"),
    "choreography": ("koreograf", "choreographer"),
    "acting": ("skådespelare", "actor"),
    "duodji": ("duojár", "duodji artisan"),
    "joik": ("jojkare", "joik singer"),
    "branding": ("varumärkesstrateg", "brand strategist"),
    "3d-modelling": ("3D-grafiker", "3D artist"),
    "lighting-design": ("ljusdesigner", "lighting designer"),
    "stage-design": ("scenograf", "stage designer"),
    "event-production": ("evenemangsproducent", "event producer"),
    "podcast-production": ("poddproducent", "podcast producer"),
    "conservation": ("konservator", "conservator"),
}

# What a freelancer's trading name adds to the person's name, by main skill.
TRADES = {
    "photography": ["Foto", "Fotografi", "Photography"], "illustration": ["Illustration", "Illustrationer"],
    "graphic-design": ["Design", "Grafisk design", "Form"], "web-development": ["Webb", "Webbutveckling", "Digital"],
    "film-production": ["Film", "Filmproduktion", "Bild & Film"], "video-editing": ["Film", "Klipp"],
    "sound-design": ["Ljud", "Ljuddesign", "Sound"], "music-production": ["Musik", "Music", "Produktion"],
    "game-development": ["Games", "Spel", "Interactive"], "animation": ["Animation", "Motion"],
    "copywriting": ["Text", "Ord & Text"], "journalism": ["Text & Reportage"], "translation": ["Översättningar"],
    "branding": ["Varumärke", "Kommunikation"], "ux-design": ["UX", "Design"], "architecture": ["Arkitektur"],
    "ceramics": ["Keramik"], "fine-art": ["Konst", "Ateljé"], "textile-art": ["Textil"], "duodji": ["Duodji"],
}
DEFAULT_TRADES = ["Design", "Studio", "Kreativ", "Produktion", "Ateljé"]

# --- Names ------------------------------------------------------------------------------------------------
FEMALE_NAMES = [
    "Åsa", "Linnéa", "Anna", "Maja", "Elsa", "Ebba", "Saga", "Wilma", "Alva", "Astrid", "Ella", "Freja", "Ingrid",
    "Karin", "Kerstin", "Märta", "Signe", "Sigrid", "Tove", "Tuva", "Stina", "Johanna", "Emma", "Sara", "Hanna",
    "Lena", "Malin", "Maria", "Cecilia", "Sofia", "Elin", "Frida", "Ida", "Julia", "Klara", "Lovisa", "Matilda",
    "Nora", "Olivia", "Ronja", "Selma", "Siri", "Vera", "Agnes", "Alice", "Amanda", "Annika", "Camilla", "Helena",
    "Jenny", "Katarina", "Linda", "Louise", "Pia", "Ulla", "Britt-Marie", "Anna-Karin",
    "Aino", "Eeva", "Kaisa", "Aili", "Sanna", "Tiina", "Hilja", "Lahja", "Raili",          # Tornedalen, Finnish
    "Máret", "Sunná", "Risten", "Elle", "Biret", "Ingá", "Sárá",                           # Sami
    "Emily", "Charlotte", "Sophie", "Grace", "Rachel", "Yasmin", "Leyla", "Dalia", "Lucía", "Zofia",
]
MALE_NAMES = [
    "Erik", "Lars", "Anders", "Johan", "Per", "Nils", "Olof", "Karl", "Gustav", "Axel", "Oskar", "Viktor", "Filip",
    "Hugo", "Elias", "Isak", "Jonas", "Mattias", "Magnus", "Henrik", "Fredrik", "Mikael", "Stefan", "Björn",
    "Göran", "Håkan", "Jörgen", "Kjell", "Leif", "Sören", "Torbjörn", "Ove", "Pär", "Mats", "Niklas", "Tobias",
    "Sebastian", "Emil", "Anton", "Albin", "Ludvig", "Sixten", "Vilgot", "Love", "Måns", "Åke", "Östen", "Jens",
    "Rasmus", "Simon", "Linus", "Adam", "Maximilian", "Per-Erik", "Lars-Göran",
    "Pekka", "Juha", "Matti", "Heikki", "Eero", "Väinö", "Veikko", "Aatu", "Tapio",         # Tornedalen, Finnish
    "Ánte", "Jovnna", "Niillas", "Mihkkal",                                                # Sami
    "James", "Oliver", "Daniel", "Jack", "Liam", "Amir", "Omar", "Mateo", "Marek", "Kenji",
]
FIRST_NAMES = FEMALE_NAMES + MALE_NAMES
SURNAMES = [
    "Lindström", "Öberg", "Andersson", "Johansson", "Karlsson", "Nilsson", "Eriksson", "Larsson", "Olsson",
    "Persson", "Svensson", "Gustafsson", "Pettersson", "Jonsson", "Lindberg", "Lundgren", "Lundqvist",
    "Bergström", "Sandberg", "Forsberg", "Nordström", "Holmgren", "Engström", "Sjöberg", "Wikström", "Åström",
    "Öhman", "Ström", "Nyström", "Hedlund", "Boström", "Lindqvist", "Burman", "Lidström", "Marklund", "Nordin",
    "Lundberg", "Fjällström", "Hällgren", "Degerman", "Granström", "Sundström", "Brännström", "Lundmark",
    "Nordmark", "Björk", "Hedman", "Stenlund", "Öqvist", "Åhman", "Renström", "Skoglund", "Wallin", "Berglund",
    "Norberg", "Sehlstedt", "Lejon", "Vikberg", "Strömbäck", "Backman", "Holmström", "Lindgren", "Sjölund",
    "Eliasson", "Isaksson", "Henriksson", "Markström", "Bäckström", "Englund", "Dahlberg", "Hägglund",
    # Tornedalen and Finnish
    "Pääjärvi", "Kenttä", "Niemi", "Rova", "Kallio", "Vaara", "Palo", "Kero", "Lehto", "Alatalo", "Juntti",
    "Keskitalo", "Kangas", "Heikkilä", "Unga", "Pokka", "Aidanpää", "Lantto", "Hietala", "Wanhainen",
    "Poromaa", "Kuru", "Koivisto", "Mäkitalo", "Sirviö", "Männikkö", "Häggroth", "Ylitalo",
    # Sami
    "Labba", "Kuhmunen", "Pittja", "Spik", "Tuuri", "Sarri", "Omma", "Blind", "Kitok", "Länta", "Nutti",
    "Pirak", "Skum", "Valkeapää", "Gaup", "Enoksson", "Partapuoli",
    # English and others
    "Smith", "Taylor", "Brown", "Wilson", "Evans", "Walker", "Hughes", "O'Brien", "Haddad", "Karimi", "Rossi",
    "García", "Nowak", "Kowalski", "Tanaka",
]
AGENCY_WORDS = [
    "Norrsken", "Älvdal", "Midnattssol", "Fjäll", "Tjäle", "Polar", "Botten", "Kust", "Skärgård", "Malm",
    "Hjortron", "Ripa", "Järv", "Lodjur", "Tall", "Björk", "Myr", "Rallar", "Isälv", "Polcirkel", "Lappland",
    "Nordkalotten", "Tornedal", "Stjärn", "Vinter", "Snö", "Frost", "Aurora", "Midvinter", "Vidd", "Fors",
    "Tjärn", "Lule", "Pite", "Råne", "Torne", "Kebne", "Sarek", "Lapponia", "Norr", "Nord", "Vit", "Blå", "Guld",
    "Koppar", "Järn", "Hav", "Skog", "Kall", "Ljus", "Mörker", "Renvall", "Lavvu", "Kåta", "Stuga", "Bastu",
]
AGENCY_NOUNS = [
    "Pixel", "Studio", "Media", "Film", "Design", "Kommunikation", "Kreativ", "Bild", "Ljud", "Produktion",
    "Reklam", "Byrå", "Lab", "Works", "Kollektiv", "Form", "Foto", "Grafik", "Digital", "Spel", "Games", "Sound",
    "Motion", "Story", "Scen", "Text", "Arkitekter", "Ateljé", "Verkstad", "Kultur", "Interactive", "Collective",
]
AGENCY_SUFFIXES = [" AB"] * 6 + [""] * 3 + [" HB", " & Co", " Ekonomisk förening"]

SCHOOLS = [
    "Luleå tekniska universitet, Piteå", "Luleå tekniska universitet, Luleå", "Luleå tekniska universitet, Skellefteå",
    "Umeå universitet", "Sunderby folkhögskola", "Framnäs folkhögskola", "Kalix folkhögskola",
    "Samernas utbildningscentrum, Jokkmokk", "Tornedalens folkhögskola", "Malmfältens folkhögskola",
    "Piteå Kommunala Musikskola, förberedande", "Yrkeshögskolan Norrbotten",
]
PROGRAMS_SV = ["medieteknik", "musikproduktion", "ljudteknik", "grafisk design", "spelutveckling", "film och tv",
               "konstnärligt skapande", "journalistik", "arkitektur", "upplevelseproduktion", "dans", "teater"]
PROGRAMS_EN = ["media technology", "music production", "sound engineering", "graphic design", "game development",
               "film and television", "fine art", "journalism", "architecture", "experience production", "dance",
               "theatre"]

# --- Phrases ------------------------------------------------------------------------------------------
PROJECTS_SV = [
    "en dokumentär om Torne älv", "en vinterfestival i Kiruna", "ett spel om rallarna på Malmbanan",
    "varumärket för en turistanläggning i Jokkmokk", "en utställning om flottning längs Luleälven",
    "webbplatsen för ett hotell vid Kalixälven", "en podd om samisk kultur", "en musikvideo inspelad i Arjeplog",
    "affischerna till en teaterturné i Tornedalen", "en reklamfilm för ett bryggeri i Piteå",
    "en app för skoterleder runt Gällivare", "bilderna till en kokbok om norrbottnisk mat",
    "ljudet till en kortfilm om midnattssolen", "en kampanj för besöksnäringen i Haparanda",
    "ett konstverk i offentlig miljö i Boden", "en illustrerad barnbok om fjällräven",
]
PROJECTS_EN = [
    "a documentary about the Torne river", "a winter festival in Kiruna", "a game about the iron ore railway",
    "the brand of a wilderness lodge near Jokkmokk", "an exhibition on timber floating along the Lule river",
    "the website of a hotel on the Kalix river", "a podcast about Sami culture", "a music video shot in Arjeplog",
    "the posters of a touring play in Tornedalen", "a commercial for a brewery in Piteå",
    "an app for snowmobile trails around Gällivare", "the photographs for a cookbook of Norrbotten food",
    "the sound of a short film about the midnight sun", "a tourism campaign in Haparanda",
]
CLIENTS_SV = ["företag", "kommuner", "föreningar", "kulturaktörer", "besöksnäringen", "skolor", "museer",
              "festivaler", "byråer", "musiker", "förlag", "regionen"]
CLIENTS_EN = ["companies", "municipalities", "associations", "cultural organisations", "the visitor industry",
              "schools", "museums", "festivals", "agencies", "musicians", "publishers"]


def fold(text):
    """Lower case without diacritics, as the service folds (Luleå -> lulea)."""
    decomposed = unicodedata.normalize("NFD", text)
    out = []
    for c in decomposed:
        if unicodedata.category(c) == "Mn":
            continue
        out.append({"ø": "o", "æ": "ae", "œ": "oe", "ß": "ss", "đ": "d", "ð": "d", "ŋ": "n", "ŧ": "t",
                    "þ": "t", "ł": "l", "ı": "i"}.get(c.lower(), c.lower()))
    return "".join(out).lower()


def slug(text):
    """The service's slug: folded, ASCII letters and digits, words joined by '-', at most 80 characters."""
    folded = fold(text)
    out = []
    pending = False
    length = 0
    for c in folded:
        if length >= 80:
            break
        if ("a" <= c <= "z") or ("0" <= c <= "9"):
            if pending and out:
                out.append("-")
                length += 1
            out.append(c)
            length += 1
            pending = False
        else:
            pending = True
    return "".join(out).rstrip("-")


def zipf_weights(n, s=1.0):
    return [1.0 / (rank ** s) for rank in range(1, n + 1)]


def skill_ranking(ref, rng):
    """The skills from most to least popular: POPULAR_SKILLS first, then the rest shuffled by seed."""
    popular = [s for s in POPULAR_SKILLS if s in ref.skills]
    rest = [s for s in ref.skills if s not in popular]
    rng.shuffle(rest)
    return popular + rest


def words(text):
    return re.findall(r"[^\W_]+(?:-[^\W_]+)*", text)
