#!/usr/bin/env python3
"""Writes SQL that inserts N realistic, fictional members into the directory's (empty) H2 database.

    python3 bench/generate.py 100000 --seed 1 > members.sql
    python3 bench/generate.py 10000 --seed 7 --out /tmp/members.sql

The rows match db/migration (V1__schema.sql, V6's public version and date, and the H2 checks of V1_1__checks.sql;
the service fills in name_skeleton at its next start): tables member,
member_skill, member_language and member_service_area; the 14 municipality codes and the skill slugs are
read from V2__reference_data.sql at run time. Multi-row INSERTs (--batch rows each) keep loading fast.
change_seq is 1..N in the order of updated_at, and the script ends by moving member_change_seq past N.
The output depends only on N, --seed and --now (no clock, no hash order), so a seed is a data set.
"""

import argparse
import bisect
import datetime
import itertools
import math
import random
import sys
import uuid

sys.dont_write_bytecode = True  # keep the repository free of __pycache__
import vocab  # noqa: E402

TYPES = ["freelancer", "student", "agency"]
TYPE_WEIGHTS = [0.60, 0.25, 0.15]
SKILL_COUNTS = [1, 2, 3, 4, 5, 6]
SKILL_COUNT_WEIGHTS = [18, 27, 24, 16, 10, 5]
AREA_COUNTS = [0, 1, 2, 3, 4]
AREA_COUNT_WEIGHTS = [35, 20, 20, 15, 10]
OTHER_LANGUAGES = ["de", "fr", "es", "no", "ar", "pl", "fa", "ja", "it", "ru", "so", "uk"]
LANGUAGE_NAMES = {
    "sv": ("svenska", "Swedish"), "en": ("engelska", "English"), "fi": ("finska", "Finnish"),
    "fit": ("meänkieli", "Meänkieli"), "se": ("nordsamiska", "North Sami"), "smj": ("lulesamiska", "Lule Sami"),
    "sje": ("pitesamiska", "Pite Sami"), "de": ("tyska", "German"), "fr": ("franska", "French"),
    "es": ("spanska", "Spanish"), "no": ("norska", "Norwegian"), "ar": ("arabiska", "Arabic"),
    "pl": ("polska", "Polish"), "fa": ("persiska", "Persian"), "ja": ("japanska", "Japanese"),
    "it": ("italienska", "Italian"), "ru": ("ryska", "Russian"), "so": ("somaliska", "Somali"),
    "uk": ("ukrainska", "Ukrainian"),
}
QUALITIES_SV = ["ljus och komposition", "tydlighet", "tillgänglighet", "detaljer", "berättandet", "hållbarhet",
                "samarbetet med kunden", "att hålla tidsplanen", "det lokala perspektivet"]
QUALITIES_EN = ["light and composition", "clarity", "accessibility", "detail", "storytelling", "sustainability",
                "working closely with the client", "keeping to schedule", "a local perspective"]

MEMBER_COLUMNS = ("id, slug, name, type, headline, description, municipality_code, website, logo_url, email, phone,"
                  " contact_public, organisation_number, school, graduation_year, founded_year, available_for_work,"
                  " created_at, updated_at, version, change_seq, public_version, public_updated_at")


def sql_text(value):
    if value is None:
        return "NULL"
    return "'" + value.replace("'", "''") + "'"


def sql_int(value):
    return "NULL" if value is None else str(int(value))


def sql_bool(value):
    return "TRUE" if value else "FALSE"


def sql_time(ms):
    t = datetime.datetime.fromtimestamp(ms / 1000, tz=datetime.timezone.utc)
    return "TIMESTAMP WITH TIME ZONE '" + t.strftime("%Y-%m-%d %H:%M:%S") + ".%03d+00:00'" % (ms % 1000)


def luhn_check_digit(digits):
    """The check digit that makes digits + it pass the service's Luhn test (OrganisationNumber)."""
    total = 0
    length = len(digits) + 1
    for i, ch in enumerate(digits):
        d = int(ch)
        if (length - i) % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return (10 - total % 10) % 10


def distance_km(a, b):
    lat1, lon1, lat2, lon2 = map(math.radians, (a[1], a[2], b[1], b[2]))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 6371 * 2 * math.asin(math.sqrt(h))


def lower_first(name):
    """'Fotografi' -> 'fotografi' and 'E-handel' -> 'e-handel' mid-sentence; 'UX-design', 'VR och AR' stay."""
    first = name.replace("-", " ").split(" ")[0]
    if len(first) == 1 or first[1:].islower():
        return name[0].lower() + name[1:]
    return name


def cap(text):
    return text[0].upper() + text[1:] if text else text


def join_list(items, word):
    items = list(items)
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " " + word + " " + items[-1]


def clip(text, limit):
    """At most limit characters, cut at a word boundary."""
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0].rstrip(",;:–- ")
    return cut


class Generator:

    def __init__(self, ref, seed, now):
        self.ref = ref
        self.rng = random.Random(seed)
        self.now_ms = int(now.timestamp() * 1000)
        self.year = now.year
        rng = self.rng
        # municipalities: shares, and per home municipality the weights of its service areas (nearer = likelier)
        weights = vocab.municipality_weights(ref)
        self.codes = list(ref.municipalities)
        self.code_cum = list(itertools.accumulate(weights[c] for c in self.codes))
        self.area_cum = {}
        for home in self.codes:
            w = [weights[c] / (1 + distance_km(ref.municipalities[home], ref.municipalities[c]) / 60)
                 for c in self.codes]
            self.area_cum[home] = list(itertools.accumulate(w))
        # skills: Zipf over the ranking, and per branch over the branch's skills in ranking order
        self.ranking = vocab.skill_ranking(ref, rng)
        self.skill_cum = list(itertools.accumulate(vocab.zipf_weights(len(self.ranking), 0.9)))
        self.branch_rank = {}
        for slug in self.ranking:
            self.branch_rank.setdefault(ref.skills[slug][2], []).append(slug)
        self.branch_cum = {b: list(itertools.accumulate(vocab.zipf_weights(len(s), 0.9)))
                           for b, s in self.branch_rank.items()}
        self.type_cum = list(itertools.accumulate(TYPE_WEIGHTS))
        self.names = set()
        self.slugs = set()
        self.next_suffix = {}
        self.org_numbers = set()
        self.place_names = [ref.name(c) for c in self.codes]

    # --- picking ---------------------------------------------------------------------------------------
    def pick(self, items, cum):
        return items[bisect.bisect_right(cum, self.rng.random() * cum[-1])] if len(items) > 1 else items[0]

    def municipality(self):
        return self.pick(self.codes, self.code_cum)

    def skills(self):
        rng = self.rng
        count = rng.choices(SKILL_COUNTS, SKILL_COUNT_WEIGHTS)[0]
        chosen = [self.pick(self.ranking, self.skill_cum)]
        branch = self.ref.skills[chosen[0]][2]
        attempts = 0
        while len(chosen) < count and attempts < 40:
            attempts += 1
            if rng.random() < 0.55:
                slug = self.pick(self.branch_rank[branch], self.branch_cum[branch])
            else:
                slug = self.pick(self.ranking, self.skill_cum)
            if slug not in chosen:
                chosen.append(slug)
        return chosen

    def languages(self, home, member_type):
        rng = self.rng
        langs = []
        if rng.random() < 0.97:
            langs.append("sv")
        if rng.random() < {"agency": 0.70, "student": 0.65}.get(member_type, 0.55):
            langs.append("en")
        if rng.random() < (0.35 if home in vocab.FINNISH_AREA else 0.03):
            langs.append("fi")
        if rng.random() < (0.25 if home in vocab.MEANKIELI_AREA else 0.005):
            langs.append("fit")
        if rng.random() < (0.15 if home in vocab.NORTH_SAMI_AREA else 0.01):
            langs.append("se")
        if rng.random() < (0.18 if home in vocab.LULE_SAMI_AREA else 0.005):
            langs.append("smj")
        if home in vocab.PITE_SAMI_AREA and rng.random() < 0.06:
            langs.append("sje")
        if rng.random() < 0.05:
            other = rng.choice(OTHER_LANGUAGES)
            if other not in langs:
                langs.append(other)
        return langs or ["en"]

    def service_area(self, home):
        rng = self.rng
        count = rng.choices(AREA_COUNTS, AREA_COUNT_WEIGHTS)[0]
        areas = []
        if count and rng.random() < 0.5:
            areas.append(home)
        attempts = 0
        while len(areas) < count and attempts < 30:
            attempts += 1
            code = self.pick(self.codes, self.area_cum[home])
            if code not in areas:
                areas.append(code)
        return areas

    def person(self):
        rng = self.rng
        given = vocab.FEMALE_NAMES if rng.random() < 0.52 else vocab.MALE_NAMES
        first = rng.choice(given)
        last = rng.choice(vocab.SURNAMES)
        r = rng.random()
        if r < 0.22:
            second = rng.choice(given)
            if second != first and "-" not in first + second:
                first = first + " " + second
        elif r < 0.30:
            other = rng.choice(vocab.SURNAMES)
            if other != last:
                last = last + " " + other
        return first, last

    def name(self, member_type, main_skill, home):
        rng = self.rng
        for _ in range(4):
            first, last = self.person()
            if member_type == "student":
                name = first + " " + last
            elif member_type == "freelancer":
                r = rng.random()
                trade = rng.choice(vocab.TRADES.get(main_skill, vocab.DEFAULT_TRADES))
                if r < 0.55:
                    name = first + " " + last
                elif r < 0.85:
                    name = first + " " + last + " " + trade
                elif r < 0.93:
                    name = last.split(" ")[0] + " " + trade
                else:
                    name = "Studio " + last.split(" ")[0]
            else:
                r = rng.random()
                word, noun = rng.choice(vocab.AGENCY_WORDS), rng.choice(vocab.AGENCY_NOUNS)
                suffix = rng.choice(vocab.AGENCY_SUFFIXES)
                if r < 0.45:
                    name = word + " " + noun + suffix
                elif r < 0.60:
                    name = noun + " " + word + suffix
                elif r < 0.75:
                    name = last.split(" ")[0] + " " + noun + suffix
                elif r < 0.87:
                    name = last.split(" ")[0] + " & " + rng.choice(vocab.SURNAMES) + " " + noun + suffix
                else:
                    name = word + " " + noun + " " + self.ref.name(home) + suffix
            name = clip(name, 120)
            if name not in self.names and vocab.slug(name) not in self.slugs:
                return self.claim(name), first.split(" ")[0]
        base = name
        n = self.next_suffix.get(base, 2)
        while True:
            candidate = clip(base, 110) + " " + str(n)
            n += 1
            if candidate not in self.names and vocab.slug(candidate) not in self.slugs:
                self.next_suffix[base] = n
                return self.claim(candidate), first.split(" ")[0]

    def claim(self, name):
        self.names.add(name)
        self.slugs.add(vocab.slug(name))
        return name

    def organisation_number(self):
        rng = self.rng
        while True:
            digits = rng.choice(["556", "559", "969", "916", "802"]) + "".join(str(rng.randint(0, 9)) for _ in range(6))
            number = digits + str(luhn_check_digit(digits))
            formatted = number[:6] + "-" + number[6:]
            if formatted not in self.org_numbers:
                self.org_numbers.add(formatted)
                return formatted

    def times(self, n):
        """(created_ms, updated_ms) pairs, sorted by updated (change_seq follows the order of writes)."""
        rng = self.rng
        span = 3 * 365 * 24 * 3600 * 1000
        pairs = []
        for _ in range(n):
            created = self.now_ms - int(span * rng.random() ** 1.3)
            if rng.random() < 0.4:
                updated = created
            else:
                updated = created + int((self.now_ms - created) * rng.random() ** 0.7)
            pairs.append((created, updated))
        pairs.sort(key=lambda p: p[1])
        return pairs

    # --- text -------------------------------------------------------------------------------------------
    def role(self, slug, lang):
        roles = vocab.ROLES.get(slug)
        sv, en, _ = self.ref.skills[slug]
        if roles:
            return roles[0] if lang == "sv" else roles[1]
        return ("kreatör inom " + lower_first(sv)) if lang == "sv" else (lower_first(en) + " specialist")

    def skill_name(self, slug, lang):
        sv, en, _ = self.ref.skills[slug]
        return lower_first(sv if lang == "sv" else en)

    def places(self, home, k):
        others = [p for p in self.place_names if p != self.ref.name(home)]
        return self.rng.sample(others, min(k, len(others)))

    def headline(self, m, lang):
        rng = self.rng
        place = self.ref.name(m["home"])
        skills = [self.skill_name(s, lang) for s in m["skills"]]
        role = self.role(m["skills"][0], lang)
        t = m["type"]
        if lang == "sv":
            clients = join_list(rng.sample(vocab.CLIENTS_SV, 2), "och")
            if t == "agency":
                options = [
                    "Byrå för " + join_list(skills[:3], "och") + " i " + place,
                    cap(join_list(skills[:3], "och")) + " för " + clients + " i hela Norrbotten",
                    cap(skills[0]) + " och " + (skills[1] if len(skills) > 1 else "varumärke") + " från " + place
                    + " – för kunder i hela Norrbotten",
                    "Kreativ byrå i " + place + ": " + join_list(skills[:2], "och"),
                ]
            else:
                options = [
                    cap(role) + " i " + place,
                    cap(role) + " i " + place + " – " + join_list(skills[:2], "och"),
                    cap(join_list(skills[:3], "och")) + " för " + clients + " i hela Norrbotten",
                    cap(role) + " med fokus på " + (skills[1] if len(skills) > 1 else clients) + ", baserad i " + place,
                ]
                if t == "student":
                    options.append("Student inom " + rng.choice(vocab.PROGRAMS_SV) + " i " + place
                                   + ", söker uppdrag inom " + skills[0])
        else:
            clients = join_list(rng.sample(vocab.CLIENTS_EN, 2), "and")
            if t == "agency":
                options = [
                    "Studio for " + join_list(skills[:3], "and") + " in " + place,
                    cap(join_list(skills[:3], "and")) + " for " + clients + " across Norrbotten",
                    "Creative agency in " + place + ": " + join_list(skills[:2], "and"),
                ]
            else:
                options = [
                    cap(role) + " based in " + place,
                    cap(role) + " in " + place + " – " + join_list(skills[:2], "and"),
                    cap(join_list(skills[:3], "and")) + " for " + clients + " across Norrbotten",
                    cap(role) + " focused on " + (skills[1] if len(skills) > 1 else clients) + ", " + place,
                ]
                if t == "student":
                    options.append("Student of " + rng.choice(vocab.PROGRAMS_EN) + " in " + place
                                   + ", open to work in " + skills[0])
        return clip(rng.choice(options), 160)

    def sentences(self, m, lang):
        """Sentences about the member, the first one first, the rest in any order."""
        rng = self.rng
        place = self.ref.name(m["home"])
        skills = [self.skill_name(s, lang) for s in m["skills"]]
        role = self.role(m["skills"][0], lang)
        p2, p3, p4 = self.places(m["home"], 3)
        langs = [LANGUAGE_NAMES.get(c, (c, c))[0 if lang == "sv" else 1] for c in m["languages"]]
        projects = rng.sample(vocab.PROJECTS_SV if lang == "sv" else vocab.PROJECTS_EN, 3)
        t = m["type"]
        name = m["name"]
        first = m["first"]
        if lang == "sv":
            if t == "agency":
                opening = rng.choice([
                    name + " är en byrå i " + place + " med " + str(rng.randint(2, 40)) + " medarbetare.",
                    name + " är en kreativ byrå med kontor i " + place + ".",
                    "Vi på " + name + " är ett team av kreatörer i " + place + " med " + skills[0] + " som specialitet.",
                ])
                rest = [
                    "Vi arbetar med " + join_list(skills, "och") + " för " + join_list(rng.sample(vocab.CLIENTS_SV, 3), "och") + ".",
                    "Vi hjälper er att stärka ert varumärke med " + skills[0] + (" och " + skills[1] if len(skills) > 1 else "") + ".",
                    "Bland våra uppdrag finns " + projects[0] + " och " + projects[1] + ".",
                    "Vi har kunder i " + p2 + ", " + p3 + " och " + p4 + " och tar gärna uppdrag i hela Norrbotten.",
                    "Vi arbetar på " + join_list(langs, "och") + ".",
                    "Vi lägger särskild vikt vid " + rng.choice(QUALITIES_SV) + ".",
                    "Senast gjorde vi " + projects[2] + ".",
                ]
                if m["founded"]:
                    rest.append("Byrån grundades " + str(m["founded"]) + " och har vuxit stadigt sedan dess.")
            else:
                opening = rng.choice([
                    "Jag heter " + first + " och är " + role + " i " + place + ".",
                    first + " är " + role + " baserad i " + place + ".",
                    "Jag är " + role + " och bor i " + place + ", men arbetar i hela Norrbotten.",
                ])
                rest = [
                    "Jag arbetar med " + join_list(skills, "och") + " och tar uppdrag från " + join_list(rng.sample(vocab.CLIENTS_SV, 2), "och") + ".",
                    "Mitt arbete kretsar kring " + skills[0] + (", men jag gör också " + skills[-1] if len(skills) > 1 else "") + ".",
                    "Jag har bland annat gjort " + projects[0] + " och " + projects[1] + ".",
                    "Uppdrag i " + p2 + ", " + p3 + " och " + p4 + " är vardag, och jag reser gärna.",
                    "Jag arbetar på " + join_list(langs, "och") + ".",
                    "Som " + role + " är jag noga med " + rng.choice(QUALITIES_SV) + ".",
                    "Jag samarbetar ofta med andra kreatörer inom " + self.skill_name(rng.choice(self.ranking[:30]), "sv") + ".",
                ]
                if t == "student":
                    rest.append("Jag studerar " + rng.choice(vocab.PROGRAMS_SV) + (" vid " + m["school"] if m["school"] else "")
                                + (" och tar examen " + str(m["graduation"]) if m["graduation"] else "") + ".")
                    rest.append("Jag söker praktik och mindre uppdrag inom " + skills[0] + ".")
            rest.append("Just nu har " + ("vi" if t == "agency" else "jag") + " plats för nya uppdrag." if m["available"]
                        else "Kalendern är full en tid framöver, men hör gärna av dig.")
        else:
            if t == "agency":
                opening = rng.choice([
                    name + " is a creative studio in " + place + " with " + str(rng.randint(2, 40)) + " people.",
                    name + " is an agency based in " + place + ", Norrbotten.",
                ])
                rest = [
                    "We work with " + join_list(skills, "and") + " for " + join_list(rng.sample(vocab.CLIENTS_EN, 3), "and") + ".",
                    "Our work includes " + projects[0] + " and " + projects[1] + ".",
                    "We have clients in " + p2 + ", " + p3 + " and " + p4 + ", and travel across the county.",
                    "We work in " + join_list(langs, "and") + ".",
                    "We care about " + rng.choice(QUALITIES_EN) + ".",
                    "Most recently we made " + projects[2] + ".",
                ]
                if m["founded"]:
                    rest.append("The studio was founded in " + str(m["founded"]) + ".")
            else:
                opening = rng.choice([
                    "I am " + first + ", a " + role + " based in " + place + ".",
                    first + " is a " + role + " working from " + place + ".",
                    "I'm a " + role + " living in " + place + " and working all over Norrbotten.",
                ])
                rest = [
                    "I work with " + join_list(skills, "and") + " for " + join_list(rng.sample(vocab.CLIENTS_EN, 2), "and") + ".",
                    "My focus is " + skills[0] + (", but I also do " + skills[-1] if len(skills) > 1 else "") + ".",
                    "Past work includes " + projects[0] + " and " + projects[1] + ".",
                    "I often work in " + p2 + ", " + p3 + " and " + p4 + ".",
                    "I work in " + join_list(langs, "and") + ".",
                    "As a " + role + " I care about " + rng.choice(QUALITIES_EN) + ".",
                ]
                if t == "student":
                    rest.append("I study " + rng.choice(vocab.PROGRAMS_EN) + (" at " + m["school"] if m["school"] else "")
                                + (" and graduate in " + str(m["graduation"]) if m["graduation"] else "") + ".")
            rest.append("Open for new projects right now." if m["available"]
                        else "Fully booked for a while, but do get in touch.")
        rng.shuffle(rest)
        return opening, rest

    def description(self, m):
        rng = self.rng
        r = rng.random()
        langs = ["sv"] if r < 0.75 else (["en"] if r < 0.95 else ["sv", "en"])
        target = int(rng.triangular(200, 900, 420))
        parts = []
        for lang in langs:
            opening, rest = self.sentences(m, lang)
            parts.append(opening)
            parts.extend(rest)
        text = ""
        for sentence in parts:
            if len(text) >= target:
                break
            candidate = (text + " " + sentence) if text else sentence
            if len(candidate) > 900 and len(text) >= 200:
                break
            text = candidate
        while len(text) < 200:  # short phrases: add more of the member's work
            extra = rng.choice(vocab.PROJECTS_SV if langs[0] == "sv" else vocab.PROJECTS_EN)
            text += (" Ett annat uppdrag: " if langs[0] == "sv" else " Another project: ") + extra + "."
        return clip(text, 900) if len(text) > 900 else text

    # --- a member ---------------------------------------------------------------------------------------
    def ids(self, n):
        """n random (version 4) UUIDs in ascending order: rows arrive in primary-key order, which H2 loads
        several times faster than random order (the ids themselves stay random)."""
        return sorted(str(uuid.UUID(int=self.rng.getrandbits(128), version=4)) for _ in range(n))

    def member(self, seq, created, updated, member_id):
        rng = self.rng
        member_type = TYPES[bisect.bisect_right(self.type_cum, rng.random() * self.type_cum[-1])]
        home = self.municipality()
        skills = self.skills()
        name, first = self.name(member_type, skills[0], home)
        m = {"id": member_id, "type": member_type, "home": home, "skills": skills, "name": name, "first": first}
        m["slug"] = vocab.slug(name)
        m["languages"] = self.languages(home, member_type)
        m["areas"] = self.service_area(home)
        m["available"] = rng.random() < {"freelancer": 0.65, "student": 0.55, "agency": 0.45}[member_type]
        m["school"] = rng.choice(vocab.SCHOOLS) if member_type == "student" and rng.random() < 0.9 else None
        m["graduation"] = self.year + rng.randint(0, 4) if member_type == "student" and rng.random() < 0.85 else None
        if member_type == "agency":
            m["founded"] = self.year - int(rng.random() ** 1.5 * 35)
        elif member_type == "freelancer" and rng.random() < 0.6:
            m["founded"] = self.year - int(rng.random() ** 1.5 * 25)
        else:
            m["founded"] = None
        m["org"] = self.organisation_number() if member_type == "agency" and rng.random() < 0.85 else None
        local = m["slug"].replace("-", ".")[:60].strip(".")
        m["email"] = (("hej." if member_type == "agency" else "") + local + "@example.com") if rng.random() < 0.85 else None
        m["phone"] = "+46 70-174 06 %02d" % rng.randint(0, 99) if rng.random() < 0.7 else None
        m["contact_public"] = rng.random() < 0.45
        m["website"] = "https://" + m["slug"] + ".example" if rng.random() < 0.55 else None
        m["logo"] = "https://" + m["slug"] + ".example/logo.png" if m["website"] and rng.random() < 0.35 else None
        headline_lang = "sv" if rng.random() < 0.78 else "en"
        m["headline"] = self.headline(m, headline_lang) if rng.random() < 0.95 else None
        m["description"] = self.description(m)
        m["created"], m["updated"], m["seq"] = created, updated, seq
        return m


def member_row(m):
    return "(" + ", ".join([
        sql_text(m["id"]), sql_text(m["slug"]), sql_text(m["name"]), sql_text(m["type"]), sql_text(m["headline"]),
        sql_text(m["description"]), sql_text(m["home"]), sql_text(m["website"]), sql_text(m["logo"]),
        sql_text(m["email"]), sql_text(m["phone"]), sql_bool(m["contact_public"]), sql_text(m["org"]),
        sql_text(m["school"]), sql_int(m["graduation"]), sql_int(m["founded"]), sql_bool(m["available"]),
        sql_time(m["created"]), sql_time(m["updated"]), "0", str(m["seq"]), "0", sql_time(m["updated"])]) + ")"


def write_batch(out, batch):
    out.write("INSERT INTO member (" + MEMBER_COLUMNS + ") VALUES\n")
    out.write(",\n".join(member_row(m) for m in batch))
    out.write(";\n")
    for table, column, key in (("member_skill", "skill_slug", "skills"),
                               ("member_language", "language_code", "languages"),
                               ("member_service_area", "municipality_code", "areas")):
        rows = ["('%s', %d, '%s')" % (m["id"], i, v) for m in batch for i, v in enumerate(m[key])]
        if rows:
            out.write("INSERT INTO " + table + " (member_id, position, " + column + ") VALUES\n")
            out.write(",\n".join(rows))
            out.write(";\n")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("n", type=int, help="how many members")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1); same seed, same SQL")
    parser.add_argument("--out", "-o", default="-", help="file to write (default: standard output)")
    parser.add_argument("--batch", type=int, default=500, help="rows per INSERT statement (default 500)")
    parser.add_argument("--now", default="2026-11-01",
                        help="the date the data is as of (UTC); times spread over the 3 years before it (default 2026-11-01)")
    parser.add_argument("--reference", help="V2__reference_data.sql to read municipalities and skills from")
    args = parser.parse_args()
    if args.n < 0 or args.batch < 1:
        parser.error("n must be at least 0 and --batch at least 1")
    now = datetime.datetime.strptime(args.now, "%Y-%m-%d").replace(tzinfo=datetime.timezone.utc)
    ref = vocab.Reference(args.reference)
    gen = Generator(ref, args.seed, now)
    out = sys.stdout if args.out == "-" else open(args.out, "w", encoding="utf-8", newline="\n")
    if out is sys.stdout:
        sys.stdout.reconfigure(encoding="utf-8", newline="\n")
    try:
        out.write("-- %d fictional members for the search benchmark (bench/generate.py %d --seed %d --now %s).\n"
                  % (args.n, args.n, args.seed, args.now))
        out.write("-- Load into an empty directory database whose schema Flyway has created.\n")
        batch = []
        ids = gen.ids(args.n)
        for seq, (created, updated) in enumerate(gen.times(args.n), start=1):
            batch.append(gen.member(seq, created, updated, ids[seq - 1]))
            if len(batch) == args.batch:
                write_batch(out, batch)
                batch = []
        if batch:
            write_batch(out, batch)
        out.write("ALTER SEQUENCE member_change_seq RESTART WITH %d;\n" % (args.n + 1))
    finally:
        if out is not sys.stdout:
            out.close()


if __name__ == "__main__":
    main()
