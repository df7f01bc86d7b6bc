#!/usr/bin/env python3
"""Writes the request paths of the search benchmark, one file per scenario, one URL-encoded path a line.

    python3 bench/queries.py --seed 1 --out /tmp/paths            # text.paths, filtered.paths, ...
    python3 bench/queries.py --seed 1 --out /tmp/paths --count 5000

Scenarios (all GET /api/v1/members):
  text      free text of one to three words: Swedish and English skill words and roles, places (also folded:
            lulea, overtornea), names, prefixes (foto, illu, spel) and one-typo words (fotgraf, ilustration)
  filtered  filters and facets without text: type, skill (skillMatch=all), municipality, language, serves,
            available, combined and repeated
  sorted    sort=name, -name, newest, updated, distance&near=<code>, with and without filters
  deep      deep pages (page x size up to 10,000: page=100&size=100, page=400&size=25, ...)
  mixed     45 % text, 30 % filtered, 15 % sorted, 10 % deep

The vocabulary is the generator's (vocab.py and V2__reference_data.sql); with the same --seed as
generate.py, skills are asked for in the same order of popularity as they were handed out.
"""

import argparse
import itertools
import math
import os
import random
import sys
import urllib.parse

sys.dont_write_bytecode = True  # keep the repository free of __pycache__
import vocab  # noqa: E402

PATH = "/api/v1/members"
SCENARIOS = ["text", "filtered", "sorted", "deep", "mixed"]
MIXED_SHARES = [("text", 45), ("filtered", 30), ("sorted", 15), ("deep", 10)]
MAX_WINDOW = 10_000
# How many values the API takes of a repeatable parameter (MemberQuery.MAX_TYPES, ...): more is a 400.
MAX_VALUES = {"type": 3, "skill": 20, "municipality": 14, "language": 20}

KEYBOARD = "qwertyuiopåasdfghjklöäzxcvbnm"
# Words people type that are not skill names but occur in the generated texts.
EXTRA_SV = ["fotograf", "varumärke", "byrå", "studio", "film", "ljud", "design", "webb", "spel", "konst", "musik",
            "student", "praktik", "uppdrag", "drönare", "podd", "festival", "samisk", "frilansare"]
EXTRA_EN = ["design", "photography", "photographer", "studio", "agency", "film", "games", "sound", "music", "art",
            "writer", "festival", "freelance"]
PREFIX_EXAMPLES = ["foto", "illu", "spel", "webb", "ljud", "film", "graf", "desi", "anim", "musi", "pod", "lule",
                   "pite", "kir"]
TYPO_EXAMPLES = ["fotgraf", "ilustration", "spelutvekling", "webbutvekling", "ljuddesing", "filmproduktoin",
                 "fotografy", "illustratör", "photograpy", "animaton"]


class Vocabulary:

    def __init__(self, ref, seed):
        self.ref = ref
        self.ranking = vocab.skill_ranking(ref, random.Random(seed))  # the generator's first draw, same seed
        self.skill_cum = list(itertools.accumulate(vocab.zipf_weights(len(self.ranking), 0.9)))
        shares = vocab.municipality_weights(ref)
        self.codes = list(ref.municipalities)
        # people also look for members in the small places: half by share, half uniform
        self.code_cum = list(itertools.accumulate(0.5 * shares[c] + 0.5 / len(self.codes) for c in self.codes))
        self.places = [ref.name(c) for c in self.codes]

    def skill(self, rng):
        return self.ranking[min(len(self.ranking) - 1, bisect(self.skill_cum, rng.random() * self.skill_cum[-1]))]

    def code(self, rng):
        return self.codes[min(len(self.codes) - 1, bisect(self.code_cum, rng.random() * self.code_cum[-1]))]


def bisect(cum, x):
    lo, hi = 0, len(cum)
    while lo < hi:
        mid = (lo + hi) // 2
        if cum[mid] <= x:
            lo = mid + 1
        else:
            hi = mid
    return lo


def typo(rng, word):
    """One edit (not in the first letter) of a word of 5+ letters, still 5+ letters long: fotgraf, ilustration."""
    w = word.lower()
    if len(w) < 5:
        return w
    for _ in range(10):
        i = rng.randrange(1, len(w) - 1)
        kind = rng.random()
        if kind < 0.35 and len(w) > 5:
            out = w[:i] + w[i + 1:]                               # deletion
        elif kind < 0.6:
            out = w[:i] + w[i + 1] + w[i] + w[i + 2:]             # swap
        elif kind < 0.85:
            out = w[:i] + rng.choice(KEYBOARD) + w[i + 1:]        # substitution
        else:
            out = w[:i] + rng.choice(KEYBOARD) + w[i:]            # insertion
        if out != w and len(out) >= 5:
            return out
    return w


def maybe_fold(rng, word, p):
    return vocab.fold(word) if rng.random() < p else word


def case(rng, text):
    r = rng.random()
    if r < 0.75:
        return text.lower()
    if r < 0.95:
        return text[:1].upper() + text[1:]
    return text


class Queries:

    def __init__(self, voc, rng):
        self.v = voc
        self.rng = rng

    # --- text -------------------------------------------------------------------------------------------
    def skill_word(self, lang):
        """One word of a (popular) skill's name: fotografi, spelutveckling, design, photography."""
        sv, en, _ = self.v.ref.skills[self.v.skill(self.rng)]
        words = [w for w in vocab.words(sv if lang == "sv" else en) if len(w) >= 3] or [sv]
        return self.rng.choice(words)

    def skill_name(self, lang):
        sv, en, _ = self.v.ref.skills[self.v.skill(self.rng)]
        return sv if lang == "sv" else en

    def role(self, lang):
        slug = self.v.skill(self.rng)
        roles = vocab.ROLES.get(slug)
        if roles:
            return roles[0] if lang == "sv" else roles[1]
        return self.skill_word(lang)

    def place(self):
        return maybe_fold(self.rng, self.v.ref.name(self.v.code(self.rng)), 0.45)

    def person_word(self):
        rng = self.rng
        word = rng.choice(vocab.FIRST_NAMES if rng.random() < 0.4 else vocab.SURNAMES)
        return maybe_fold(rng, word.split(" ")[0], 0.35)

    def one_word(self):
        rng = self.rng
        kind = rng.choices(["skill_sv", "role_sv", "skill_en", "place", "prefix", "typo", "name", "agency", "extra"],
                           [22, 12, 10, 12, 12, 10, 12, 5, 5])[0]
        if kind == "skill_sv":
            return self.skill_word("sv")
        if kind == "role_sv":
            return self.role("sv")
        if kind == "skill_en":
            return rng.choice([self.skill_word("en"), self.role("en"), rng.choice(EXTRA_EN)])
        if kind == "place":
            return self.place()
        if kind == "prefix":
            if rng.random() < 0.4:
                return rng.choice(PREFIX_EXAMPLES)
            source = rng.choice([self.skill_word("sv"), self.role("sv"), self.skill_word("en"), self.place()])
            return source[:rng.randint(3, 5)] if len(source) > 5 else source[:3]
        if kind == "typo":
            if rng.random() < 0.3:
                return rng.choice(TYPO_EXAMPLES)
            source = rng.choice([self.skill_word("sv"), self.role("sv"), self.skill_word("en"),
                                 self.v.ref.name(self.v.code(rng))])
            return typo(rng, vocab.fold(source) if rng.random() < 0.5 else source)
        if kind == "name":
            return self.person_word()
        if kind == "agency":
            return maybe_fold(rng, rng.choice(vocab.AGENCY_WORDS + vocab.AGENCY_NOUNS), 0.3)
        return rng.choice(EXTRA_SV)

    def text(self):
        rng = self.rng
        n = rng.choices([1, 2, 3], [50, 38, 12])[0]
        if n == 1:
            q = self.one_word()
        elif n == 2:
            kind = rng.choices(["what_where", "full_name", "skill_name", "two_words", "what_typo_where"],
                               [45, 15, 20, 12, 8])[0]
            if kind == "what_where":
                what = rng.choice([self.skill_word("sv"), self.role("sv"), self.role("sv"), self.skill_word("en"),
                                   rng.choice(PREFIX_EXAMPLES)])
                q = what + " " + self.place()
            elif kind == "full_name":
                q = maybe_fold(rng, rng.choice(vocab.FIRST_NAMES) + " " + rng.choice(vocab.SURNAMES), 0.3)
            elif kind == "skill_name":
                q = self.skill_name(rng.choice(["sv", "en", "en"]))
                if len(q.split()) == 1:
                    q = q + " " + self.place()
            elif kind == "two_words":
                q = self.one_word() + " " + self.one_word()
            else:
                q = typo(rng, self.role("sv")) + " " + self.place()
        else:
            kind = rng.choices(["name_where", "skill_where", "three"], [30, 50, 20])[0]
            if kind == "name_where":
                q = rng.choice(vocab.FIRST_NAMES).split(" ")[0] + " " + rng.choice(vocab.SURNAMES).split(" ")[0] + " " \
                    + rng.choice([self.role("sv"), self.place()])
            elif kind == "skill_where":
                q = rng.choice([self.skill_name("sv"), self.skill_name("en"), self.role("sv")]) + " " + self.place()
                if len(q.split()) < 3:
                    q = q + " " + rng.choice(["student", "byrå", "studio", self.skill_word("sv")])
            else:
                q = " ".join(self.one_word() for _ in range(3))
        q = " ".join(q.split()[:3])
        params = [("q", case(rng, q))]
        if rng.random() < 0.15:
            params.append(("page", str(rng.randint(2, 4))))
        return params

    # --- filters ------------------------------------------------------------------------------------------
    STORIES = [
        [("skill", "game-development"), ("municipality", "2581")],            # all game developers in Piteå
        [("type", "student"), ("skill", "photography")],
        [("available", "true"), ("skill", "illustration"), ("serves", "2584")],
        [("language", "smj"), ("skill", "duodji")],
        [("type", "agency"), ("skill", "web-development"), ("skill", "ux-design"), ("skillMatch", "all")],
        [("municipality", "2580"), ("municipality", "2582"), ("type", "freelancer"), ("available", "true")],
        [("language", "fit"), ("serves", "2518")],
        [("skill", "film-production"), ("skill", "drone-filming"), ("skillMatch", "all"), ("municipality", "2584")],
        [("type", "freelancer"), ("type", "agency"), ("skill", "sound-design"), ("available", "true")],
        [("language", "se"), ("language", "smj"), ("skill", "joik")],
    ]

    def filter_params(self):
        rng = self.rng
        if rng.random() < 0.10:
            story = rng.choice(self.STORIES)
            if all(p[1] in self.v.ref.skills for p in story if p[0] == "skill") and \
                    all(p[1] in self.v.ref.municipalities for p in story if p[0] in ("municipality", "serves")):
                return list(story)
        params = []
        while not params:
            if rng.random() < 0.45:
                k = rng.choices([1, 2, 3], [72, 25, 3])[0]
                types = rng.sample(["freelancer", "student", "agency"], k) if k > 1 else \
                    rng.choices(["freelancer", "student", "agency"], [50, 30, 20])
                params += [("type", t) for t in types]
            if rng.random() < 0.55:
                k = rng.choices([1, 2, 3], [65, 25, 10])[0]
                skills = []
                while len(skills) < k:
                    s = self.v.skill(rng)
                    if s not in skills:
                        skills.append(s)
                params += [("skill", s) for s in skills]
                if k > 1 and rng.random() < 0.35:
                    params.append(("skillMatch", "all"))
            if rng.random() < 0.45:
                k = rng.choices([1, 2, 3], [75, 20, 5])[0]
                codes = []
                while len(codes) < k:
                    c = self.v.code(rng)
                    if c not in codes:
                        codes.append(c)
                params += [("municipality", c) for c in codes]
            if rng.random() < 0.15:
                k = rng.choices([1, 2], [80, 20])[0]
                langs = rng.sample(["sv", "en", "fi", "fit", "se", "smj", "sje"], k) if k > 1 else \
                    rng.choices(["sv", "en", "fi", "fit", "se", "smj", "sje"], [10, 35, 20, 12, 12, 8, 3])
                params += [("language", lang) for lang in langs]
            if rng.random() < 0.15:
                params.append(("serves", self.v.code(rng)))
            if rng.random() < 0.30:
                params.append(("available", "true" if rng.random() < 0.85 else "false"))
        if rng.random() < 0.05:  # a value sent twice, as sloppy clients do (within the API's count of values)
            sent = [p[0] for p in params]
            repeatable = [p for p in params if p[0] in MAX_VALUES and sent.count(p[0]) < MAX_VALUES[p[0]]]
            if repeatable:
                params.append(rng.choice(repeatable))
        rng.shuffle(params)
        return params

    def paging(self, params):
        rng = self.rng
        if rng.random() < 0.25:
            params.append(("size", rng.choice(["10", "50", "100"])))
        if rng.random() < 0.20:
            params.append(("page", str(rng.randint(2, 5))))
        if rng.random() < 0.08:
            params.append(("facetSize", rng.choice(["5", "50", "100"])))
        return params

    def filtered(self):
        return self.paging(self.filter_params())

    def sort_params(self):
        rng = self.rng
        sort = rng.choices(["name", "-name", "newest", "updated", "distance"], [20, 15, 25, 20, 20])[0]
        params = [("sort", sort)]
        if sort == "distance":
            params.append(("near", self.v.code(rng)))
        return params

    def sorted(self):
        rng = self.rng
        params = self.filter_params() if rng.random() < 0.5 else []
        params += self.sort_params()
        if rng.random() < 0.3:
            params.append(("page", str(rng.randint(2, 3))))
        return params

    def deep(self):
        rng = self.rng
        if rng.random() < 0.3:
            page, size = rng.choice([(100, 100), (400, 25), (500, 20), (1000, 10), (200, 50)])
        else:
            size = rng.choice([100, 50, 25, 20, 10])
            page = rng.randint(math.ceil(2000 / size), MAX_WINDOW // size)
        params = []
        r = rng.random()
        if r < 0.12:
            params.append(("type", "freelancer"))
        elif r < 0.20:
            params.append(("available", "true"))
        elif r < 0.25:
            params.append(("language", "sv"))
        r = rng.random()
        if r < 0.45:
            pass  # name order, the default
        elif r < 0.65:
            params.append(("sort", "newest"))
        elif r < 0.75:
            params.append(("sort", "updated"))
        elif r < 0.85:
            params.append(("sort", "-name"))
        else:
            params += [("sort", "distance"), ("near", self.v.code(rng))]
        params.append(("page", str(page)))
        if size != 20 or rng.random() < 0.5:
            params.append(("size", str(size)))
        return params

    def mixed(self):
        kind = self.rng.choices([k for k, _ in MIXED_SHARES], [w for _, w in MIXED_SHARES])[0]
        return getattr(self, kind)()


def path(params):
    if not params:
        return PATH
    return PATH + "?" + urllib.parse.urlencode(params, quote_via=urllib.parse.quote, safe="")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1); use generate.py's")
    parser.add_argument("--out", default=".", help="folder to write <scenario>.paths into (default: here)")
    parser.add_argument("--count", type=int, default=2000, help="paths per scenario (default 2000)")
    parser.add_argument("--reference", help="V2__reference_data.sql to read municipalities and skills from")
    args = parser.parse_args()
    ref = vocab.Reference(args.reference)
    voc = Vocabulary(ref, args.seed)
    os.makedirs(args.out, exist_ok=True)
    for number, scenario in enumerate(SCENARIOS):
        queries = Queries(voc, random.Random(args.seed * 1000 + number))
        target = os.path.join(args.out, scenario + ".paths")
        with open(target, "w", encoding="ascii", newline="\n") as f:
            for _ in range(args.count):
                f.write(path(getattr(queries, scenario)()) + "\n")
        print(target)


if __name__ == "__main__":
    main()
