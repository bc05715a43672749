"""A deterministic synthetic corpus for benchmarks: `python benchmarks/synth.py N OUTDIR --seed 1`.

Writes N articles (capture under sources/, reading text under articles/) of about 1,000 words in 5
to 15 paragraphs, with complete front matter per docs/corpus-format.md, and a knowledge base of
max(10, N/10) actors and max(5, N/5) events with several surface forms each. Actor, event and date
mentions are spread through the text at the density of the real corpus (mentions per 1,000 words,
measured from the real corpus's data/records.json; see `measure_density` and `--density-from`).

Every random choice comes from one random.Random(seed), and files are written in a fixed order, so
the same N and seed give the same corpus byte for byte. The corpus passes `natocorpus check` with no
error and no warning: text words are lowercase except sentence-opening function words and the
knowledge base's own forms, and every year in the text sits beside the event it dates.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

# Mentions per 1,000 words of reading text in the real corpus (corpus/, five articles, 3,557
# words: 382 actor mentions, 47 event mentions, 59 dates), measured from the built site's
# data/records.json with `measure_density`. `--density-from` re-measures from another records.json.
REAL_DENSITY: dict[str, float] = {"actors": 107.4, "events": 13.2, "dates": 16.6}
# Share of event mentions followed by "in <year>", a date the annotator ties to that event.
EVENT_YEAR_SHARE = 0.6
# Items (words or mentions) after the opening word of a sentence: uniform in this range.
SENTENCE_ITEMS = (10, 28)


def split_words(text: str) -> list[str]:
    return text.split()


VOCABULARY = split_words("""
security alliance partners partnership cooperation defence strategy strategic regional global
military political economic diplomatic order stability tension tensions pressure interests
influence power powers balance deterrence containment rivalry competition competitor engagement
presence exercises exercise forces troops navy maritime naval air capabilities capability
technology cyber space supply chains trade investment markets growth sanctions energy resources
dialogue talks framework mechanism institutions institution architecture network networks
commitment commitments obligations principles values rules norms sovereignty territory borders
border region regions theatre periphery frontier crisis crises conflict conflicts war peace
threat threats risk risks challenge challenges response responses approach policy policies
agenda priorities priority concept concepts doctrine posture initiative initiatives programme
summit ministers leaders officials government governments parliament public opinion debate
analysts observers critics supporters scholars commentators media reports report statement
declaration communique document documents paper assessment review plan plans vision goal goals
expansion enlargement integration coordination consultation information intelligence sharing
interoperability training procurement spending budget budgets industry industrial base
a an the of to and in for on with by from as at into over under between among against toward
about across within without beyond through during after before despite since while because
is are was were be been being has have had does did will would could should might must can
not only also even still already further more most less least very much many several some
this that these those its their his her our which who whom whose what when where how why
new old long short wide broad narrow deep close distant direct indirect open closed formal
informal growing rising declining shifting changing emerging existing traditional collective
common shared mutual joint bilateral multilateral trilateral wider greater major minor key
central main primary secondary significant important critical vital real clear uncertain
potential possible likely unlikely serious limited active passive stronger weaker
seeks seek sought aims aim aimed argues argue argued claims claim claimed suggests suggest
shows show showed remains remain remained becomes become became makes make made takes take
took gives give gave builds build built holds hold held raises raise raised faces face faced
calls call called views view viewed sees see saw treats treat treated frames frame framed
supports support supported opposes oppose opposed warns warn warned expects expect expected
develops develop developed strengthens strengthen strengthened deepens deepen deepened
extends extend extended limits limit limited shapes shape shaped drives drive drove
""")

STARTERS = split_words(
    "The The The This These Such In For At Its Their However, Moreover, Yet While Since "
    "Although Many Some Both Each Even Only Instead, Despite Among During Under"
)

RELATIVE_DATES = ("in recent years", "recent years", "last year", "this year", "next year")

THEMES = (
    "regional security",
    "alliance politics",
    "deterrence",
    "maritime order",
    "economic security",
    "technology competition",
    "great-power rivalry",
    "partnerships",
    "arms control",
    "crisis management",
    "sanctions",
    "defence industry",
)
GENRES = ("opinion", "analysis", "news")
OUTLET_WORDS = ("Review", "Quarterly", "Herald", "Journal", "Monitor", "Observer", "Affairs")

ONSETS = split_words("b c d f g h k l m n p r s t v z br dr gr kr pl st tr th sh ch")
VOWELS = split_words("a e i o u a e o ai ei ou")
CODAS = split_words("n r l s t k m nd rn st th")

ACTOR_TYPES = (
    ("state", 35),
    ("organisation", 20),
    ("person", 20),
    ("region", 8),
    ("alliance", 6),
    ("document", 6),
    ("institution", 5),
)
EVENT_TYPES = (
    "summit",
    "ministerial",
    "meeting",
    "visit",
    "publication",
    "operation",
    "agreement",
    "other",
)
EVENT_FORMS = {
    "summit": ("{r} summit", "summit in {r}", "{r} Summit Declaration"),
    "ministerial": ("{r} ministerial", "ministerial meeting in {r}"),
    "meeting": ("{r} talks", "{r} round of talks", "talks in {r}"),
    "visit": ("visit to {r}", "{r} visit"),
    "publication": ("{r} Report", "{r} review of strategy"),
    "operation": ("Operation {r}", "{r} mission"),
    "agreement": ("{r} Accord", "{r} agreement", "Treaty of {r}"),
    "other": ("{r} crisis", "{r} incident"),
}


@dataclass
class Actor:
    id: str
    name: str
    type: str
    forms: list[str]
    rule_form: str | None = None  # a capital city: not a mention after "in", "to" or "at"
    wikidata: str | None = None


@dataclass
class Event:
    id: str
    name: str
    type: str
    date: str
    precision: str
    year: int
    forms: list[str]
    participants: list[str] = field(default_factory=list)
    place: str | None = None
    end_date: str | None = None


def q(text: str) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


def slug(text: str) -> str:
    cleaned = "".join(c if c.isalnum() else " " for c in text.lower())
    return "-".join(cleaned.split())


class Names:
    """Unique invented proper names, so that no form of one thing is a form of another."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.taken: set[str] = set()

    def root(self) -> str:
        rng = self.rng
        while True:
            syllables = rng.choice((2, 2, 3))
            word = "".join(rng.choice(ONSETS) + rng.choice(VOWELS) for _ in range(syllables))
            word = (word + rng.choice(CODAS)).capitalize()
            if word not in self.taken and len(word) <= 12:
                self.taken.add(word)
                return word

    def acronym(self, words: list[str]) -> str:
        base = "".join(w[0] for w in words if w[0].isupper())
        candidate, extra = base, 0
        letters = "".join(w.upper() for w in words)
        while candidate in self.taken or len(candidate) < 2:
            extra += 1
            candidate = base + letters[extra : extra + 1] + (str(extra) if extra > 8 else "")
        self.taken.add(candidate)
        return candidate


def make_actors(rng: random.Random, names: Names, count: int) -> list[Actor]:
    kinds = [kind for kind, _ in ACTOR_TYPES]
    weights = [weight for _, weight in ACTOR_TYPES]
    actors: list[Actor] = []
    for index in range(count):
        kind = kinds[index] if index < len(kinds) else rng.choices(kinds, weights)[0]
        root = names.root()
        wikidata = f"Q{rng.randint(1000, 9999999)}" if rng.random() < 0.4 else None
        rule_form = None
        if kind == "state":
            adjective = root + ("n" if root[-1] in "aeiou" else "ian")
            names.taken.add(adjective)
            forms = [root, adjective, f"Republic of {root}"]
            name = root
            if rng.random() < 0.4:
                rule_form = names.root()
        elif kind == "organisation":
            words = [root, rng.choice(("Cooperation", "Security", "Economic")), "Council"]
            name = " ".join(words)
            forms = [name, names.acronym(words), f"{root} Council"]
        elif kind == "person":
            first, last = names.root(), root
            name = f"{first} {last}"
            title = rng.choice(("Minister", "President", "Secretary", "Admiral", "Ambassador"))
            forms = [name, last, f"{title} {last}"]
        elif kind == "region":
            name = f"{root} Basin"
            forms = [name, f"{root} region", root + "ic"]
            names.taken.add(root + "ic")
        elif kind == "alliance":
            name = f"{root} Pact"
            forms = [name, names.acronym([root, "Treaty", "Organisation"]), f"{root} alliance"]
        elif kind == "document":
            name = f"{root} Charter"
            forms = [name, f"Charter of {root}"]
        else:
            words = [root, "Institute", "for", "Strategic", "Studies"]
            name = " ".join(words)
            forms = [name, names.acronym(words)]
        actor_id = f"{slug(name)}-a{index + 1}"
        actors.append(Actor(actor_id, name, kind, forms, rule_form, wikidata))
    return actors


def make_events(rng: random.Random, names: Names, count: int, actors: list[Actor]) -> list[Event]:
    events: list[Event] = []
    for index in range(count):
        kind = EVENT_TYPES[index % len(EVENT_TYPES)] if index < 8 else rng.choice(EVENT_TYPES)
        root = names.root()
        year = rng.randint(1990, 2023)
        month, day = rng.randint(1, 12), rng.randint(1, 26)
        precision = rng.choice(("day", "day", "month", "year"))
        date = {
            "day": f"{year}-{month:02d}-{day:02d}",
            "month": f"{year}-{month:02d}",
            "year": f"{year}",
        }[precision]
        end_date = None
        if kind == "summit" and precision == "day":
            end_date = f"{year}-{month:02d}-{day + rng.randint(1, 2):02d}"
        forms = [pattern.format(r=root) for pattern in EVENT_FORMS[kind]]
        name = f"{root} {kind}" if kind != "other" else f"{root} crisis"
        participants = sorted({a.id for a in rng.sample(actors, rng.randint(2, 4))})
        place = root if kind in ("summit", "ministerial", "meeting", "visit") else None
        events.append(
            Event(
                f"{slug(name)}-{year}-e{index + 1}",
                name,
                kind,
                date,
                precision,
                year,
                forms,
                participants,
                place,
                end_date,
            )
        )
    return events


def actors_yaml(actors: list[Actor]) -> str:
    out = ["# Synthetic knowledge base of actors (benchmarks/synth.py).\n"]
    for actor in actors:
        out.append(f"- id: {actor.id}\n  name: {q(actor.name)}\n  type: {actor.type}\n")
        out.append(f"  description: {q(f'A synthetic {actor.type} for benchmarks.')}\n")
        if actor.wikidata:
            out.append(f"  wikidata: {actor.wikidata}\n")
        out.append("  forms:\n")
        out.extend(f"    - {q(form)}\n" for form in actor.forms)
        if actor.rule_form:
            out.append(f"    - text: {q(actor.rule_form)}\n      unless_after: [in, to, at]\n")
    return "".join(out)


def events_yaml(events: list[Event]) -> str:
    out = ["# Synthetic knowledge base of events (benchmarks/synth.py).\n"]
    for event in events:
        out.append(f"- id: {event.id}\n  name: {q(event.name)}\n  type: {event.type}\n")
        out.append(f"  date: {q(event.date)}\n  precision: {event.precision}\n")
        if event.end_date:
            out.append(f"  end_date: {q(event.end_date)}\n")
        if event.place:
            out.append(f"  place: {q(event.place)}\n")
        out.append(f"  participants: [{', '.join(event.participants)}]\n")
        out.append(f"  description: {q(f'A synthetic {event.type} for benchmarks.')}\n")
        out.append("  forms:\n")
        out.extend(f"    - {q(form)}\n" for form in event.forms)
    return "".join(out)


SETTINGS = """\
title: Synthetic benchmark corpus
description: >-
  {n} generated articles for measuring natocorpus (benchmarks/synth.py, seed {seed}).
language: en
licence:
  name: CC BY 4.0
  url: https://creativecommons.org/licenses/by/4.0/
  applies_to: the synthetic texts, records and site text
stance_scale:
  question: The text's position on the synthetic alliance's engagement
  levels:
    - {{value: -2, label: strongly opposed}}
    - {{value: -1, label: opposed}}
    - {{value: 0, label: mixed or neutral}}
    - {{value: 1, label: supportive}}
    - {{value: 2, label: strongly supportive}}
not_actors: []
"""


@dataclass
class Picker:
    """Weighted choice of what the next item of a sentence is, from per-word densities."""

    p_actor: float
    p_event: float
    p_date: float

    @classmethod
    def for_density(
        cls, density: dict[str, float], actors: list[Actor], events: list[Event]
    ) -> Picker:
        def mean_words(forms: list[str]) -> float:
            return sum(len(f.split()) for f in forms) / len(forms)

        actor_words = mean_words([f for a in actors for f in a.forms])
        event_words = mean_words([f for e in events for f in e.forms]) + 2 * EVENT_YEAR_SHARE
        date_words = mean_words(list(RELATIVE_DATES))
        per_word = {key: value / 1000 for key, value in density.items()}
        relative = max(0.0, per_word["dates"] - EVENT_YEAR_SHARE * per_word["events"])
        # A sentence is one opening word and k items, each a word or a mention of l_i words with
        # probability p_i. Mentions per word d_i = k p_i / (1 + k w), w the mean words per item,
        # give p_i = d_i (1/k + w) and w = (1 + E/k) / (1 - E), E = sum(d_i (l_i - 1)).
        extra = (
            per_word["actors"] * (actor_words - 1)
            + per_word["events"] * (event_words - 1)
            + relative * (date_words - 1)
        )
        k = (SENTENCE_ITEMS[0] + SENTENCE_ITEMS[1]) / 2
        w = (1 + extra / k) / (1 - extra)
        scale = 1 / k + w
        return cls(per_word["actors"] * scale, per_word["events"] * scale, relative * scale)


@dataclass
class ArticleFocus:
    """The few actors and events one article talks about, most of them often."""

    actors: list[list[str]]
    actor_weights: list[float]
    events: list[Event]


def focus(
    rng: random.Random, actors: list[Actor], popularity: list[float], events: list[Event]
) -> ArticleFocus:
    chosen: dict[int, None] = {}
    for index in rng.choices(range(len(actors)), cum_weights=popularity, k=rng.randint(8, 20)):
        chosen.setdefault(index)
    picked = [actors[i] for i in chosen]
    weights, total = [], 0.0
    for rank in range(len(picked)):
        total += 1 / (rank + 1)
        weights.append(total)
    by_year: dict[int, Event] = {}  # one event a year, so that each "in <year>" names one event
    for event in rng.sample(events, min(len(events), rng.randint(2, 5))):
        by_year.setdefault(event.year, event)
    article_events = list(by_year.values())
    return ArticleFocus([a.forms for a in picked], weights, article_events)


def sentence(rng: random.Random, length: int, picker: Picker, topic: ArticleFocus) -> str:
    items = [rng.choice(STARTERS)]
    filler = rng.choices(VOCABULARY, k=length)
    for word in filler:
        roll = rng.random()
        if roll < picker.p_actor:
            forms = rng.choices(topic.actors, cum_weights=topic.actor_weights)[0]
            items.append(rng.choice(forms))
        elif roll < picker.p_actor + picker.p_event:
            event = rng.choice(topic.events)
            items.append(rng.choice(event.forms))
            if rng.random() < EVENT_YEAR_SHARE:
                items.append(f"in {event.year}")
        elif roll < picker.p_actor + picker.p_event + picker.p_date:
            items.append(rng.choice(RELATIVE_DATES))
        elif rng.random() < 0.07 and len(items) > 2:
            items.append(word + ",")
        else:
            items.append(word)
    last = items[-1].rstrip(",")
    items[-1] = last
    return " ".join(items) + "."


@dataclass
class Article:
    id: str
    source_file: str
    capture: str
    reading: str


def make_article(
    rng: random.Random,
    index: int,
    actors: list[Actor],
    popularity: list[float],
    events: list[Event],
    picker: Picker,
    names: Names,
) -> Article:
    topic = focus(rng, actors, popularity, events)
    lead = actors[rng.choices(range(len(actors)), cum_weights=popularity)[0]]
    title = (
        f"{lead.name} and the {rng.choice(VOCABULARY)} {rng.choice(VOCABULARY)} "
        f"of {rng.choice(VOCABULARY)} {rng.choice(VOCABULARY)}"
    )
    article_id = f"{slug(title)[:60].strip('-')}-{index + 1}"
    source_file = f"{index:05d}_{rng.getrandbits(64):016x}.txt"
    people = [f"{names.root()} {names.root()}" for _ in range(rng.choice((1, 1, 1, 2)))]
    byline = "By " + " and ".join(people)
    outlet = f"The {rng.choice(('Meridian', 'Atlas', 'Harbour', 'Summit', 'Compass'))} "
    outlet += rng.choice(OUTLET_WORDS)
    url = f"https://{slug(outlet).replace('-', '')}.example/{article_id}"
    footer = f"Source: {url}"

    paragraphs = rng.randint(5, 15)
    target = min(1400, max(700, int(rng.gauss(1000, 120))))
    shares = [rng.uniform(0.5, 1.5) for _ in range(paragraphs)]
    budgets = [max(25, int(target * s / sum(shares))) for s in shares]
    headings = set(rng.sample(range(1, paragraphs), rng.choice((0, 0, 1, 2))))
    blocks: list[tuple[str, str]] = []  # (kind, text)
    for number, budget in enumerate(budgets):
        if number in headings:
            heading = " ".join(rng.choices(VOCABULARY[:120], k=rng.randint(2, 4)))
            blocks.append(("heading", f"The {heading}"))
        sentences: list[str] = []
        used = 0
        while budget - used > 12:  # stop near the budget, not a sentence past it
            text = sentence(rng, rng.randint(*SENTENCE_ITEMS), picker, topic)
            sentences.append(text)
            used += text.count(" ") + 1
        blocks.append(("paragraph", " ".join(sentences)))

    paragraph_texts = [text for kind, text in blocks if kind == "paragraph"]
    evidence: list[str] = []
    for text in rng.sample(paragraph_texts, rng.randint(2, 4)):
        parts = text.split(". ")
        choice = rng.choice(parts)
        evidence.append(choice if choice.endswith(".") else choice + ".")

    capture_lines = [title, byline, ""]
    for _, text in blocks:
        capture_lines += [text, ""]
    capture_lines.append(footer)
    capture = "\n".join(capture_lines) + "\n"
    footer_line = len(capture_lines)

    stance = rng.randint(-2, 2)
    year, month = rng.randint(2022, 2024), rng.randint(1, 12)
    authors = "".join(f"    - name: {q(person)}\n      affiliation: null\n" for person in people)
    themes = ", ".join(rng.sample(THEMES, rng.randint(2, 4)))
    front = (
        f"---\nid: {article_id}\nsource_file: {source_file}\n"
        f"title:\n  value: {q(title)}\n  stated: {q(title)}\n"
        f"authors:\n  value:\n{authors}  stated: {q(byline)}\n"
        f"outlet:\n  value: {q(outlet)}\n  inferred: the host that carried the capture\n"
        f'published:\n  value: "{year}-{month:02d}"\n  precision: month\n'
        "  inferred: the latest event the text mentions and the capture's date\n"
        f"genre:\n  value: {rng.choice(GENRES)}\n  inferred: the register of the text\n"
        "completeness:\n  value: full\n  inferred: the text ends with a conclusion\n"
        f"source_url:\n  value: {q(url)}\n  stated: {q(url)}\n"
        f"themes:\n  value: [{themes}]\n  inferred: editorial reading of the text's main subjects\n"
        f"stance:\n  value: {stance}\n"
        f"  rationale: {q('A synthetic judgement, drawn at random for the benchmark.')}\n"
        "  evidence:\n" + "".join(f"    - {q(quote)}\n" for quote in evidence) + "omitted:\n"
        f'  - {{line: 1, text: {q(title)}, reason: "title, in the front matter"}}\n'
        f'  - {{line: 2, text: {q(byline)}, reason: "byline, in the front matter"}}\n'
        f'  - {{line: {footer_line}, text: {q(footer)}, reason: "footer, the source address"}}\n'
        "---\n\n"
    )
    body = "\n\n".join(f"## {text}" if kind == "heading" else text for kind, text in blocks)
    return Article(article_id, source_file, capture, front + body + "\n")


def generate(n: int, out: Path, seed: int = 1, density: dict[str, float] | None = None) -> None:
    """Write an n-article corpus into `out` (replacing it), deterministically from `seed`."""
    rng = random.Random(seed)
    names = Names(rng)
    actors = make_actors(rng, names, max(10, n // 10))
    events = make_events(rng, names, max(5, n // 5), actors)
    popularity: list[float] = []
    total = 0.0
    for rank in range(len(actors)):  # Zipf-like: a few actors are in most articles
        total += 1 / (rank + 1)
        popularity.append(total)
    picker = Picker.for_density(density or REAL_DENSITY, actors, events)

    if out.exists():
        shutil.rmtree(out)
    (out / "articles").mkdir(parents=True)
    (out / "sources").mkdir()
    (out / "corpus.yaml").write_text(SETTINGS.format(n=n, seed=seed), encoding="utf-8")
    (out / "actors.yaml").write_text(actors_yaml(actors), encoding="utf-8")
    (out / "events.yaml").write_text(events_yaml(events), encoding="utf-8")
    for index in range(n):
        article = make_article(rng, index, actors, popularity, events, picker, names)
        (out / "sources" / article.source_file).write_text(article.capture, encoding="utf-8")
        (out / "articles" / f"{article.id}.md").write_text(article.reading, encoding="utf-8")


def measure_density(records_json: Path) -> dict[str, float]:
    """Mentions per 1,000 words (actors, events, dates) in a built site's data/records.json."""
    records = json.loads(records_json.read_text(encoding="utf-8"))
    articles = records["articles"]
    words = sum(a["word_count"] for a in articles)
    return {
        "words": float(words),
        "articles": float(len(articles)),
        "actors": round(1000 * sum(len(a["mentions"]) for a in articles) / words, 1),
        "events": round(1000 * sum(len(a["event_mentions"]) for a in articles) / words, 1),
        "dates": round(1000 * sum(len(a["dates"]) for a in articles) / words, 1),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("n", type=int, help="number of articles")
    parser.add_argument("out", type=Path, help="corpus folder to write (replaced)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--density-from",
        type=Path,
        help="a built site's data/records.json to take mention densities from "
        f"(default: the real corpus's, {REAL_DENSITY})",
    )
    args = parser.parse_args(argv)
    if args.n < 1:
        parser.error("N must be at least 1")
    density = None
    if args.density_from:
        measured = measure_density(args.density_from)
        density = {key: measured[key] for key in REAL_DENSITY}
    started = time.perf_counter()
    generate(args.n, args.out, args.seed, density)
    print(f"{args.n} articles into {args.out} in {time.perf_counter() - started:.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
