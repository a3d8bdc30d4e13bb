"""A reproducible benchmark corpus of journey maps.

`python bench/corpus.py` writes, under `bench/corpus/` (git-ignored):

- `maps/`: 1,000 maps of about 400 lines each (5-9 stages, 3-8 touchpoints per
  stage, three personas, evidence, actions), with realistic English and Dutch
  text including accents (Oriëntatie, financiële, één), so the parser sees the
  same mix of multi-byte UTF-8, flow lists and block scalars as in a real repo;
- `large/large-{1,2,4,8}x.journey.yaml`: one large map of 500 stages x 20
  touchpoints, and the same map at 2x, 4x and 8x the number of stages, for the
  scaling measurement.

Every map is generated from its own seed (`seed + index`), so the first ten
maps of a 1,000-map corpus are the same ten maps as a 10-map corpus, and two
runs on any machine write byte-identical files. The maps are valid; about
half of them carry a few quality warnings (assumed scores, a gap without a
plan, an open action without an owner), as a real repository would, so that
lint measures the work of finding and reporting problems too.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import shutil
import sys
from collections.abc import Iterator, Mapping
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_DIR = HERE / "corpus"
DEFAULT_SEED = 20260401
DEFAULT_MAPS = 1000
LARGE_STAGES = 500
LARGE_TOUCHPOINTS = 20
LARGE_FACTORS = (1, 2, 4, 8)
STAMP = "corpus.json"

# ---------------------------------------------------------------- vocabulary

NL = {
    "titles": [
        "Hypotheek afsluiten",
        "Zorgverzekering overstappen",
        "Energiecontract",
        "Rekening openen",
        "Verhuizing doorgeven",
        "Schademelding auto",
        "Oriëntatie op een nieuwe fiets",
        "Abonnement opzeggen",
        "Pensioen opbouwen",
        "Woning verduurzamen",
        "Studiefinanciering aanvragen",
        "Café-reservering",
    ],
    "stages": [
        "Behoefte",
        "Oriëntatie",
        "Vergelijken",
        "Adviesgesprek",
        "Aanvraag",
        "Beoordeling",
        "Aankoop",
        "Ontvangst",
        "Gebruik",
        "Service",
        "Verlenging",
        "Loyaliteit",
        "Coördinatie",
        "Financiële check",
        "Één loket",
    ],
    "touchpoints": [
        "Rekentool op de website",
        "Adviesgesprek met adviseur",
        "Brief over de renteherziening",
        "Chat met de klantenservice",
        "Bevestigingsmail",
        "Mijn omgeving in de app",
        "Telefonisch contact",
        "Vergelijkingssite",
        "Folder in de winkel",
        "Pushbericht",
        "Documenten uploaden",
        "Taxatie van de woning",
        "Ideaal-betaling",
        "Reïntegratieformulier",
        "Zoekfunctie",
        "Statusoverzicht",
    ],
    "sentences": [
        "Weten wat het maandelijks kost zonder verrassingen.",
        "Snel een antwoord op mijn vraag, ook 's avonds.",
        "Niet opnieuw documenten aanleveren die ik al heb gestuurd.",
        "Begrijpelijke uitleg zonder jargon, in gewone taal.",
        "Eén vast aanspreekpunt van advies tot passeren.",
        "Zekerheid over de financiële gevolgen op lange termijn.",
        "Een overzicht dat ook op mobiel goed werkt.",
        "Geïnteresseerd, maar nog niet overtuigd van de meerwaarde.",
        "Rekentool werkt slecht op mobiel en springt terug.",
        "Onduidelijke kosten en een café-achtige sfeer in de folder.",
        "De coördinatie tussen adviseur en notaris loopt stroef.",
    ],
    "questions": [
        "Hoeveel kan ik lenen?",
        "Wat zijn de advieskosten?",
        "Kan ik dit betalen?",
        "Welke documenten moet ik aanleveren?",
        "Hoe lang duurt de beoordeling?",
        "Wat gebeurt er als ik verhuis?",
        "Is overstappen nu voordelig?",
    ],
    "feelings": [
        "nieuwsgierig",
        "onzeker",
        "hoopvol",
        "overweldigd",
        "opgelucht",
        "gehaast",
        "tevreden",
        "geïrriteerd",
        "gespannen",
        "vergeten",
    ],
    "people": [
        "Sanne, starter",
        "Mark, doorstromer",
        "Fatima, ondernemer",
        "Joost, gepensioneerd",
        "Eline, student",
        "Daniël, gezinsvader",
        "Noëlle, zzp'er",
        "René, tweeverdiener",
    ],
    "places": ["Utrecht", "Den Haag", "Groningen", "Eindhoven", "Maastricht", "Zwolle"],
    "sources": [
        "Webanalyse Q1 2026",
        "Klantonderzoek 2026 (n=412)",
        "Twaalf klantinterviews, april 2026",
        "Vijf sessies rekentool, maart 2026",
        "In-app poll, mei 2026",
        "Retentiecijfers 2024-2025",
        "Klantbeoordelingen Q1 2026",
        "Bureauonderzoek financiële markt",
    ],
    "actions": [
        "Rekentool herbouwen voor mobiel",
        "Advieskosten tonen naast het maandbedrag",
        "Online agenda voor adviseurs openzetten",
        "Uploadcontrole met uitleg",
        "Renteaanbod zes maanden vooraf versturen",
        "Statuspagina na aanvraag",
        "Eén contactpersoon per dossier",
        "Veelgestelde vragen herschrijven",
    ],
    "period": "jaar",
}

EN = {
    "titles": [
        "Meal-kit subscription",
        "Open a bank account",
        "Switch energy supplier",
        "Book a holiday home",
        "Car insurance claim",
        "Buy a bicycle online",
        "Cancel a subscription",
        "Apply for a mortgage",
        "Join the gym",
        "Renew a passport",
        "Move house",
        "Order groceries",
    ],
    "stages": [
        "Awareness",
        "Discovery",
        "Consideration",
        "Comparison",
        "Sign-up",
        "Onboarding",
        "First delivery",
        "Use",
        "Support",
        "Renewal",
        "Advocacy",
        "Checkout",
        "Review",
        "Return",
        "Loyalty",
    ],
    "touchpoints": [
        "Landing page",
        "Price calculator",
        "Sign-up form",
        "Welcome e-mail",
        "Mobile app home",
        "Live chat",
        "Phone support",
        "Delivery box",
        "Recipe card",
        "Push notification",
        "Account settings",
        "Invoice",
        "Review request",
        "Referral link",
        "Help centre search",
        "Store visit",
    ],
    "sentences": [
        "Know what it costs per month before I commit.",
        "Get an answer quickly, also in the evening.",
        "Not having to enter the same details twice.",
        "Plain language instead of jargon.",
        "One contact person from start to finish.",
        "Confidence that the delivery arrives on time.",
        "An overview that works on a phone as well as on a laptop.",
        "Interested, but not yet convinced it is worth the price.",
        "The calculator is hard to use on mobile.",
        "Unclear fees and too many choices on the first screen.",
        "Pausing the subscription takes five screens.",
    ],
    "questions": [
        "How much does it cost?",
        "Can I pause it?",
        "What happens if I move?",
        "How long does delivery take?",
        "Which plan suits me?",
        "Can I cancel any time?",
        "Is my data safe?",
    ],
    "feelings": [
        "curious",
        "unsure",
        "hopeful",
        "overwhelmed",
        "relieved",
        "rushed",
        "satisfied",
        "annoyed",
        "tense",
        "forgotten",
    ],
    "people": [
        "Sam, busy parent",
        "Alex, student",
        "Priya, first-time buyer",
        "Tom, retiree",
        "Chloé, freelancer",
        "José, small-business owner",
        "Zoë, commuter",
        "Björn, expat",
    ],
    "places": ["Leeds", "Bristol", "Dublin", "Manchester", "Glasgow", "Cardiff"],
    "sources": [
        "Web analytics Q1 2026",
        "Customer survey 2026 (n=380)",
        "Ten customer interviews, April 2026",
        "Usability test of the calculator",
        "In-app poll, May 2026",
        "Retention figures 2024-2025",
        "App store reviews Q1 2026",
        "Desk research on competitors",
    ],
    "actions": [
        "Rebuild the calculator for mobile",
        "Show all fees next to the price",
        "Open an online agenda for advisers",
        "Explain rejected uploads",
        "Send the renewal offer six months ahead",
        "Status page after sign-up",
        "One contact person per customer",
        "Rewrite the help centre articles",
    ],
    "period": "year",
}

CHANNELS = [
    "website",
    "app",
    "e-mail",
    "phone",
    "chat",
    "store",
    "post",
    "partner",
    "social",
    "office",
]
KINDS = ["digital", "human", "physical"]
EVIDENCE = [
    "analytics",
    "survey",
    "interview",
    "usability-test",
    "poll",
    "desk-research",
    "review",
    "assumption",
]
OWNERS = [
    "web-team",
    "app-team",
    "marketing",
    "operations",
    "customer-care",
    "content-team",
    "sales",
    "finance",
]
HORIZONS = ["now", "next", "later"]
STATUSES = ["todo", "todo", "doing", "done", "dropped"]
EFFORTS = ["low", "medium", "high"]


def slug(text: str) -> str:
    """ASCII slug, as journey derives it (kept local: the corpus needs no journeycli)."""
    import unicodedata

    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    out, dash = [], False
    for ch in folded:
        if ch.isalnum():
            out.append(ch)
            dash = False
        elif not dash and out:
            out.append("-")
            dash = True
    return "".join(out).strip("-")


def quote(text: str, flow: bool = False) -> str:
    """A YAML scalar for `text`: plain when safe, double-quoted otherwise."""
    if (
        text[0] in "'\"[{&*!|>%@`#-?:"
        or ": " in text
        or " #" in text
        or text.endswith(":")
        or (flow and any(c in text for c in ",[]{}"))
    ):
        return json.dumps(text, ensure_ascii=False)
    return text


# ---------------------------------------------------------------- one map


class _Writer:
    def __init__(self, rng: random.Random, words: Mapping[str, object]) -> None:
        self.rng = rng
        self.words = words
        self.lines: list[str] = []

    def items(self, key: str) -> list[str]:
        items = self.words[key]
        assert isinstance(items, list)
        return items

    def pick(self, key: str) -> str:
        return self.rng.choice(self.items(key))

    def add(self, indent: int, text: str) -> None:
        self.lines.append(" " * indent + text)

    def text_list(self, indent: int, key: str, source: str, low: int, high: int) -> None:
        count = self.rng.randint(low, high)
        if count == 0:
            return
        if self.rng.random() < 0.3:
            items = ", ".join(quote(self.pick(source), flow=True) for _ in range(count))
            self.add(indent, f"{key}: [{items}]")
            return
        self.add(indent, f"{key}:")
        for _ in range(count):
            self.add(indent + 2, f"- {quote(self.pick(source))}")


def _personas(w: _Writer, count: int) -> list[str]:
    people = w.rng.sample(w.items("people"), count)
    ids = []
    w.add(0, "personas:")
    for person in people:
        pid = slug(person.split(",")[0])
        ids.append(pid)
        w.add(2, f"- id: {pid}")
        w.add(4, f"name: {quote(person)}")
        w.add(4, f"age: {w.rng.randint(19, 78)}")
        w.add(4, f"description: {quote(w.pick('sentences'))}")
        if w.rng.random() < 0.5:
            w.add(4, "demographics:")
            w.add(6, f"residence: {w.pick('places')}")
            w.add(6, f"income: {w.rng.choice(['modest', 'average', 'high'])}")
        w.text_list(4, "needs", "sentences", 1, 2)
        w.text_list(4, "goals", "sentences", 1, 1)
        w.text_list(4, "frustrations", "sentences", 1, 1)
        channels = ", ".join(w.rng.sample(CHANNELS, 3))
        w.add(4, f"channels: [{channels}]")
        w.add(4, f"tone: {quote(w.pick('sentences'))}")
    return ids


def _touchpoint(w: _Writer, tid: str, name: str, personas: list[str], warn: bool) -> None:
    rng = w.rng
    w.add(6, f"- id: {tid}")
    w.add(8, f"name: {quote(name)}")
    w.add(8, f"channel: {rng.choice(CHANNELS)}")
    if rng.random() < 0.3:
        w.add(8, f"kind: {rng.choice(KINDS)}")
    if rng.random() < 0.2:
        w.add(8, f"personas: [{', '.join(rng.sample(personas, rng.randint(1, 2)))}]")
    critical = rng.random() < 0.15
    if critical:
        w.add(8, "critical: true")
    # A critical touchpoint rated 1-2 is a breaking moment; only "warn" maps have them.
    low = 1 if (warn and critical) else 3
    w.add(8, f"experience: {rng.randint(low, 5)}")
    if rng.random() < 0.3:
        w.add(8, f"owner: {rng.choice(OWNERS)}")
    if rng.random() < 0.05:
        w.add(8, "pain_points:")
        w.add(10, f"- {quote(w.pick('sentences'))}")


def _stage(
    w: _Writer, si: int, touchpoints: int, personas: list[str], warn: bool, tp_offset: int
) -> None:
    rng = w.rng
    name = f"{w.pick('stages')} {si + 1}"
    w.add(2, f"- id: {slug(name)}")
    w.add(4, f"name: {quote(name)}")
    if rng.random() < 0.25:
        w.add(4, "description: >-")
        w.add(6, w.pick("sentences"))
        w.add(6, w.pick("sentences"))
    if rng.random() < 0.6:
        w.add(4, f"customer_goal: {quote(w.pick('sentences'))}")
    w.text_list(4, "questions", "questions", 1, 1)
    w.add(4, f"feelings: [{', '.join(rng.sample(w.items('feelings'), 2))}]")
    w.text_list(4, "pain_points", "sentences", 0, 1)
    if rng.random() < 0.5:
        w.add(4, f"review_questions: [{quote(w.pick('questions'), flow=True)}]")
    relevance = rng.randint(40, 95)
    presence = min(100, max(0, relevance - rng.randint(-10, 45)))
    w.add(4, f"relevance: {relevance}")
    w.add(4, f"presence: {presence}")
    w.add(4, f"conversion: {rng.choice([rng.randint(20, 95), round(rng.uniform(20, 95), 1)])}")
    w.add(4, "evidence:")
    kinds = ["assumption"] if warn and rng.random() < 0.3 else rng.sample(EVIDENCE[:-1], 2)
    for kind in kinds[: 1 if rng.random() < 0.7 else 2]:
        w.add(6, f"- type: {kind}")
        w.add(8, f"source: {quote(w.pick('sources'))}")
        if rng.random() < 0.3:
            # January to November 2026: never after a reference date from 2026-12-01 on (E003)
            w.add(8, f"date: 2026-{rng.randint(1, 11):02d}-{rng.randint(1, 28):02d}")
    if rng.random() < 0.3:
        w.add(4, "persona_scores:")
        for pid in rng.sample(personas, rng.randint(1, 2)):
            w.add(
                6, f"{pid}: {{relevance: {rng.randint(30, 100)}, presence: {rng.randint(0, 90)}}}"
            )
    w.add(4, "touchpoints:")
    tids = []
    for ti in range(touchpoints):
        tp_name = f"{w.pick('touchpoints')} {tp_offset + ti + 1}"
        tids.append(slug(tp_name))
        _touchpoint(w, tids[-1], tp_name, personas, warn)
    if not (warn and rng.random() < 0.3):
        w.text_list(4, "opportunities", "sentences", 1, 1)
    w.add(4, "actions:")
    for ai in range(rng.randint(1, 2)):
        w.add(6, f"- action: {quote(w.pick('actions'))}")
        if rng.random() < 0.3:
            w.add(8, f"id: {slug(name)}-action-{ai + 1}")
        if not (warn and rng.random() < 0.2):
            w.add(8, f"owner: {rng.choice(OWNERS)}")
        w.add(8, f"touchpoint: {rng.choice(tids)}")
        if rng.random() < 0.5:
            w.add(8, f"horizon: {rng.choice(HORIZONS)}")
        if rng.random() < 0.5:
            w.add(8, f"status: {rng.choice(STATUSES)}")
        if rng.random() < 0.5:
            w.add(8, f"effort: {rng.choice(EFFORTS)}")


def make_map(seed: int, stages: int | None = None, touchpoints: int | None = None) -> str:
    """The text of one map; `stages`/`touchpoints` fixed for the large map, else random."""
    rng = random.Random(seed)
    dutch = rng.random() < 0.5
    w = _Writer(rng, NL if dutch else EN)
    warn = rng.random() < 0.5
    w.add(0, "# yaml-language-server: $schema=../../../docs/journey.schema.json")
    w.add(0, "version: 1")
    w.add(0, f"title: {quote(w.pick('titles'))} {seed % 10_000}")
    w.add(0, "description: >-")
    w.add(2, w.pick("sentences"))
    w.add(2, w.pick("sentences"))
    w.add(0, f"language: {'nl' if dutch else 'en'}")
    w.add(0, f"owner: {rng.choice(OWNERS)}")
    w.add(0, "goal:")
    for part in ("why", "how", "what"):
        w.add(2, f"{part}: {quote(w.pick('sentences'))}")
    w.text_list(0, "principles", "sentences", 2, 3)
    w.add(0, "metrics:")
    w.add(2, f"volume: {rng.randint(1, 50) * 1000}")
    w.add(2, f"value: {rng.randint(20, 2000)}")
    w.add(2, "currency: EUR")
    w.add(2, f"period: {w.words['period']}")
    personas = _personas(w, 3)
    w.add(0, "stages:")
    n_stages = stages if stages is not None else rng.randint(5, 9)
    offset = 0
    for si in range(n_stages):
        n_tp = touchpoints if touchpoints is not None else rng.randint(3, 8)
        _stage(w, si, n_tp, personas, warn, offset)
        offset += n_tp
    return "\n".join(w.lines) + "\n"


# ---------------------------------------------------------------- the corpus


def map_names(count: int) -> Iterator[str]:
    for index in range(count):
        yield f"map-{index + 1:04d}.journey.yaml"


def generate(
    out_dir: Path = DEFAULT_DIR,
    maps: int = DEFAULT_MAPS,
    seed: int = DEFAULT_SEED,
    large_stages: int = LARGE_STAGES,
    large_touchpoints: int = LARGE_TOUCHPOINTS,
    factors: tuple[int, ...] = LARGE_FACTORS,
) -> Path:
    """Write the corpus unless the same one is already there; return its directory."""
    # The generator's own source is part of the stamp: edit it and the corpus is rebuilt.
    source = hashlib.sha256(Path(__file__).read_bytes()).hexdigest()[:16]
    params = {
        "generator": source,
        "maps": maps,
        "seed": seed,
        "large_stages": large_stages,
        "large_touchpoints": large_touchpoints,
        "factors": list(factors),
    }
    stamp = out_dir / STAMP
    if stamp.exists() and json.loads(stamp.read_text(encoding="utf-8")) == params:
        return out_dir
    if out_dir.exists():
        shutil.rmtree(out_dir)
    (out_dir / "maps").mkdir(parents=True)
    (out_dir / "large").mkdir()
    for index, name in enumerate(map_names(maps)):
        text = make_map(seed + index)
        (out_dir / "maps" / name).write_text(text, encoding="utf-8")
    for factor in factors:
        text = make_map(seed - 1, stages=large_stages * factor, touchpoints=large_touchpoints)
        (out_dir / "large" / f"large-{factor}x.journey.yaml").write_text(text, encoding="utf-8")
    stamp.write_text(json.dumps(params, indent=2) + "\n", encoding="utf-8")
    return out_dir


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--out", type=Path, default=DEFAULT_DIR, help="output directory")
    parser.add_argument("--maps", type=int, default=DEFAULT_MAPS, help="number of maps")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--large-stages", type=int, default=LARGE_STAGES)
    parser.add_argument("--large-touchpoints", type=int, default=LARGE_TOUCHPOINTS)
    args = parser.parse_args(argv)
    out = generate(args.out, args.maps, args.seed, args.large_stages, args.large_touchpoints)
    files = sorted((out / "maps").glob("*.journey.yaml"))
    lines = sum(len(f.read_text(encoding="utf-8").splitlines()) for f in files)
    size = sum(f.stat().st_size for f in files)
    print(
        f"{len(files)} maps, {lines / max(1, len(files)):.0f} lines and "
        f"{size / max(1, len(files)) / 1024:.1f} KiB on average, in {out}"
    )
    for large in sorted((out / "large").glob("*.journey.yaml")):
        print(f"{large.name}: {large.stat().st_size / 1024 / 1024:.1f} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
