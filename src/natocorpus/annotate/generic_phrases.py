"""The generic phrases an event is also named by, derived from its own: a visit to one of its
places, its visitor in the possessive, the plural of a visit to several places, a war's other
nouns, a clause that tells it by its parties, a summit as the organisation's meeting or by its
venue, an acronym written out."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from natocorpus.annotate.kinds import ADJECTIVAL, CAPITAL, STATE, form_kind
from natocorpus.model import Actor, SurfaceForm


def _legs(kind: str, name: str, place: str | None, actors: Iterable[Actor] = ()) -> list[str]:
    """A visit to several places is named by a visit to any one of them, by any of its names,
    after the noun or before it: "Stoltenberg's visit to South Korea and Japan" by "his visit to
    Japan", "a trip to Seoul", "a visit to the Republic of Korea", "his Seoul visit"."""
    if kind != "visit":
        return []
    destinations = re.search(r"\b(?:visit|trip|tour) to (.+)$", name)
    where = list(_places(destinations.group(1) if destinations else None) + _places(place))
    for actor in actors:
        if actor.type == "state" and actor.name in where:
            where += [
                f"{article}{form.text}"
                for form in actor.forms
                if not form.unless_after and not form_kind(form.text, actor) & ADJECTIVAL
                for article in ("", "the ")
                # a name of more than one word, or an acronym, takes "the": "the ROK"
                if not article or " " in form.text or form.text.isupper()
            ]
    # "visited Tokyo", "toured South Korea", "will visit Japan": the clause that tells the visit
    # (with its visitor in the sentence, as for the noun).
    return [
        phrase
        for one in dict.fromkeys(where)
        for phrase in (
            f"visit to {one}",
            f"trip to {one}",
            f"visited {one}",
            f"visits {one}",  # a headline's present: "NATO chief visits Japan"
            f"visiting {one}",
            f"will visit {one}",  # announced: "Stoltenberg will visit Japan from the 30th"
            f"to visit {one}",
            # a second stop of one journey: "will also visit South Korea", "also visited Seoul"
            f"also visit {one}",
            f"also visited {one}",
            f"also visits {one}",
            f"toured {one}",
            # the other verbs of a journey: "traveled to South Korea and Japan", "flew to Seoul"
            f"traveled to {one}",
            f"travelled to {one}",
            f"travels to {one}",
            f"flew to {one}",
            f"went to {one}",
            *((f"{one} visit", f"{one} trip") if not one.startswith("the ") else ()),
        )
    ]


def _by_its_visitor(kind: str, participants: Sequence[str], actors: Iterable[Actor]) -> list[str]:
    """A visit is named by its visitor's name in the possessive or after "by", there maybe with
    the title of an office taking part: "Stoltenberg’s visit", "Jens Stoltenberg's trip", "a
    visit by NATO Secretary General Jens Stoltenberg" (a person taking part in a visit is its
    visitor, not its host)."""
    if kind != "visit":
        return []
    taking_part = [actor for actor in actors if actor.id in participants]
    visitors = [
        form.text for actor in taking_part if actor.type == "person" for form in actor.forms
    ]
    titles = [
        "",
        *(
            f"{form.text} "
            for actor in taking_part
            if actor.type == "institution"
            for form in actor.forms
        ),
    ]
    return [
        *(
            f"{visitor}{mark} {noun}"
            for visitor in visitors
            for mark in ("’s", "'s")
            for noun in ("visit", "trip")
        ),
        *(
            f"{noun} by {title}{visitor}"
            for visitor in visitors
            for title in titles
            for noun in ("visit", "trip")
        ),
    ]


def _by_a_partys_other_name(
    phrases: Sequence[str], participants: Sequence[str], actors: Iterable[Actor]
) -> list[str]:
    """A generic phrase that opens with a party's name holds with the party's other name: the
    state's name in the possessive for its adjective and the other way round ("Russian
    invasion": "Russia’s invasion", "Russia's invasion"; "Russia’s war": "Russian war"), and its
    capital's in the possessive, standing for its government ("Moscow’s invasion"); and one of a
    common noun in a party's state holds with the state's adjective and with its name before the
    noun ("situation in Ukraine": "Ukrainian situation", "Ukraine situation")."""
    names: dict[str, tuple[str, str]] = {}  # a party's name or adjective -> (name, adjective)
    capitals: dict[str, list[str]] = {}  # a party's name -> its capitals' names
    for actor in actors:
        if actor.id not in participants or actor.type != "state":
            continue
        adjectives = [
            f.text
            for f in actor.forms
            if " " not in f.text and f.text != actor.name and form_kind(f.text, actor) & STATE
        ]
        if " " in actor.name or len(adjectives) != 1:
            continue
        names[actor.name] = names[adjectives[0]] = (actor.name, adjectives[0])
        capitals[actor.name] = [
            f.text for f in actor.forms if " " not in f.text and form_kind(f.text, actor) & CAPITAL
        ]
    out: list[str] = []
    for phrase in phrases:
        pair = _PAIR_AT_WAR.match(phrase)
        if pair is not None and pair.group(1) in names and pair.group(2) in names:
            # "the Russia-Ukraine war" is "the Russian-Ukrainian war", either way round
            first_side, second_side = names[pair.group(1)][1], names[pair.group(2)][1]
            out += [
                f"{one}{dash}{other} {pair.group(3)}"
                for one, other in ((first_side, second_side), (second_side, first_side))
                for dash in ("-", "–")
            ]
            continue
        if (where := _NOUN_IN_A_PLACE.match(phrase)) is not None and where.group(2) in names:
            # "the situation in Ukraine" is "the Ukrainian situation" and "the Ukraine situation"
            out += [
                f"{names[where.group(2)][1]} {where.group(1)}",
                f"{where.group(2)} {where.group(1)}",
            ]
            continue
        first, _, rest = phrase.partition(" ")
        bare = re.sub(r"[’']s$", "", first)
        if not rest or bare not in names:
            continue
        name, adjective = names[bare]
        out += [f"{name}’s {rest}", f"{name}'s {rest}", f"{adjective} {rest}"]
        out += [f"{city}{mark} {rest}" for city in capitals[name] for mark in ("’s", "'s")]
    return [phrase for phrase in out if phrase not in phrases]


# A common noun and the state it is in: "situation in Ukraine", "war in Ukraine".
_NOUN_IN_A_PLACE = re.compile(r"^([a-z]+) in ([A-Z][a-z]+)$")


# "Russia’s invasion of Ukraine", "the Russia-Ukraine war": the parties in the noun phrase.
_INVASION_OF = re.compile(r"^([A-Z][\w-]*?)(?:[’']s)? invasion of ([A-Z][\w-]*)$")
_FALL_OF = re.compile(r"^(?:the )?[Ff]all of ([A-Z][\w-]*)$")  # "Kabul fell"
_PAIR_AT_WAR = re.compile(r"^([A-Z][\w]*)[-–]([A-Z][\w]*) (war|conflict)$")


# The verbs of taking a city: "the Taliban seized Kabul".
_TOOK = (
    "took",
    "seized",
    "captured",
    "overran",
    "took control of",
    "seized control of",
    "took over",
)


def _told_by_its_parties(phrases: Iterable[str]) -> list[str]:
    """A war or an invasion named with its two parties is told as well by the clause or the
    phrase that names them the other way: "Russia’s invasion of Ukraine" by "Russia invaded
    Ukraine" (or "has invaded", "invades", "invading", "to invade": "no excuse for Russia to
    invade Ukraine"), "Russia attacked Ukraine" (or "has attacked"), "Russia sent troops into
    Ukraine", "the Ukraine invasion" and "the decision to invade Ukraine"; "the Russia-Ukraine
    war" by "the war between Russia and Ukraine" and "the Ukraine-Russia war", either way round;
    "the Fall of Kabul" by "Kabul fell" (or "has fallen", "had fallen") and by its taking ("the
    Taliban took Kabul", "the capture of Kabul")."""
    out: list[str] = []
    for phrase in phrases:
        if (invasion := _INVASION_OF.match(phrase)) is not None:
            aggressor, invaded = invasion.groups()
            out += [
                f"{aggressor} {verb} {invaded}"
                for verb in (
                    "invaded",
                    "has invaded",
                    "invades",
                    "invading",
                    "to invade",
                    "attacked",
                    "has attacked",
                    "sent troops into",
                )
            ]
            # whoever the clause says did it: "Russia, which invaded Ukraine in February 2022",
            # "before invading Ukraine, Putin ..." (the dates around it still decide)
            out += [f"invaded {invaded}", f"invading {invaded}"]
            # with a word of where it lies: "Russia invaded neighbouring Ukraine"
            out += [
                f"{verb} {near} {invaded}"
                for verb in ("invaded", "invading")
                for near in _WORDS_OF_NEARNESS
            ]
            out.append(f"{invaded} invasion")  # "the Ukraine invasion", as "the Ukraine war"
            # "Putin's decision to invade Ukraine", whoever is said to have taken it
            out.append(f"decision to invade {invaded}")
        if (pair := _PAIR_AT_WAR.match(phrase)) is not None:
            first, second, noun = pair.groups()
            out += [
                f"{noun} between {first} and {second}",
                f"{noun} between {second} and {first}",
                f"{second}-{first} {noun}",  # "the Ukraine-Russia conflict"
                f"{second}–{first} {noun}",
            ]
        if (fall := _FALL_OF.match(phrase)) is not None:
            city = fall.group(1)
            out += [f"{city} {fell}" for fell in ("fell", "has fallen", "had fallen")]
            # and by its taking, whoever took it: "the Taliban took control of the capital,
            # Kabul", "the capture of Kabul"
            out += [
                f"{verb} {capital}{city}"
                for verb in _TOOK
                for capital in ("", "the capital ", "the capital, ", "the capital city ")
            ]
            out += [f"{noun} of {city}" for noun in ("capture", "seizure", "takeover")]
    return list(dict.fromkeys(out))


def _as_meetings(
    kind: str, phrases: Iterable[str], alliances: dict[str, tuple[str, ...]] | None = None
) -> list[str]:
    """A summit is a meeting: "the NATO summit" is also "the NATO meeting", "the NATO
    gathering" and the other words for a meeting (a bare "meeting" names no event by itself);
    and an organisation's meeting is a meeting of it: "a summit of NATO", "the meeting of NATO",
    "a summit meeting of NATO". An alliance's is also one of the alliance by its acronym or by
    its other names as an alliance (`alliances`): "a summit of the NATO alliance", "the meeting
    of the North Atlantic Alliance"."""
    if kind != "summit":
        return []
    own = [
        (name, noun)
        for name, summit in _organisations_summits(phrases)
        for noun in (summit, *_MEETING_WORDS, f"{summit} meeting")
    ]
    alliances = alliances or {}
    return [
        *(f"{name} {noun}" for name, noun in own if noun in _MEETING_WORDS),
        *(
            f"{noun} of {body}"
            for name, noun in own
            if noun == "meeting" or noun not in _MEETING_WORDS
            for body in (name, *alliances.get(name, ()))
        ),
    ]


def _alliances(actors: Iterable[Actor]) -> dict[str, tuple[str, ...]]:
    """Each alliance's acronym among its forms, with the alliance named as one after "of": by
    the acronym and by its other names as an alliance of more than one word ("NATO": "the NATO
    alliance", "the North Atlantic Alliance", "the Atlantic Alliance")."""
    out: dict[str, tuple[str, ...]] = {}
    for actor in actors:
        if actor.type != "alliance":
            continue
        texts = [form.text for form in actor.forms]
        named = [
            t for t in texts if " " in t and t.lower().endswith(" alliance") and t[0].isupper()
        ]
        for short in texts:
            if len(short) > 1 and short.isalpha() and short.isupper():
                out[short] = tuple(f"the {name}" for name in (f"{short} alliance", *named))
    return out


def _as_leaders_meetings(kind: str, phrases: Iterable[str]) -> list[str]:
    """An organisation's summit is its leaders' meeting, as no other meeting of it is: "the NATO
    summit" is also "the NATO leaders’ meeting" (and "summit"), "a meeting of NATO leaders", "the
    summit of NATO leaders" and "the annual gathering of NATO leaders"."""
    if kind != "summit":
        return []
    names = dict.fromkeys(name for name, _ in _organisations_summits(phrases))
    return [
        *(
            f"{name} leaders{mark} {noun}"
            for name in names
            for mark in ("’", "'", "")
            for noun in ("summit", *_MEETING_WORDS)
        ),
        *(f"{noun} of {name} leaders" for name in names for noun in ("summit", *_MEETING_WORDS)),
    ]


def _organisations_summits(phrases: Iterable[str]) -> list[tuple[str, str]]:
    """The organisation and the noun of each phrase that names a summit by its organisation's
    acronym: ("NATO", "summit") of "NATO summit"."""
    return [
        (words[0], words[1])
        for phrase in phrases
        if len(words := phrase.split()) == 2 and words[0].isupper() and words[1].lower() == "summit"
    ]


def _foreign_affairs_ministers(kind: str, phrases: Iterable[str]) -> list[str]:
    """Foreign ministers are also named by their portfolio in full: "the NATO foreign ministers'
    meeting" is also "the NATO Foreign Affairs Ministers' meeting"; and a meeting of ministers
    is one of the ministers: "a meeting of Ministers of Foreign Affairs" is also "a meeting of
    the ministers of foreign affairs of its member states"."""
    if kind != "ministerial":
        return []
    return [
        *(
            in_full
            for phrase in phrases
            if (in_full := _FOREIGN_MINISTERS.sub(r"\1 affairs \2", phrase)) != phrase
        ),
        *(the for phrase in phrases if (the := _OF_MINISTERS.sub(r"\1 the \2", phrase)) != phrase),
    ]


_FOREIGN_MINISTERS = re.compile(r"\b(foreign) (ministers?)\b", re.IGNORECASE)
# "meeting of foreign ministers", "meeting of Ministers of Foreign Affairs": ministers after "of"
# with no article or owner.
_OF_MINISTERS = re.compile(r"\b(of) ((?:foreign |defen[cs]e )?ministers\b)", re.IGNORECASE)


# The nouns of armed conflict: a war named by one is named by the others ("the war in Ukraine",
# "the fighting in Ukraine", "the struggle in Ukraine", "the crisis in Ukraine", "Russian
# military action against Ukraine", "Moscow’s war effort in Ukraine", "the fight in Ukraine",
# "the battle in Ukraine").
_WAR_NOUNS = (
    "war",
    "conflict",
    "fighting",
    "struggle",
    "hostilities",
    "crisis",
    "military action",
    "military actions",
    "military operations",
    "war effort",
    "war efforts",
    "fight",
    "battle",
)
_WORDS_OF_NEARNESS = ("neighbouring", "neighboring", "nearby", "war-torn")
_WAR_PHRASE = re.compile(rf"^({'|'.join(_WAR_NOUNS)}) ((?:in|against|on) [A-Z][\w-]*)$")


# The nouns of one side's armed action, said of the place it is in or against, never "with"
# it (a "military operation with Ukraine" is a joint one): "Russia's offensive in Ukraine",
# "its incursion into Ukraine". Only a place that the event's own phrases say is attacked takes
# them: "war against Russia" is told by the other side.
_ONE_SIDES_NOUNS = (
    "offensive",
    "military operation",
    "special military campaign",  # a translation's "special military operation"
    "military campaign",
    "military push",
    "assault",
    "aggression",
    "invasion",
)
_ENTERING_NOUNS = ("invasion", "incursion")
# An attack is said only of the side attacked, never of where it happened: "Russia’s attack on
# Ukraine" is the war, "an attack in Ukraine" one of its many.
_STRIKING_NOUNS = ("attack",)
_ONE_SIDES_PHRASE = re.compile(
    rf"^(?:{'|'.join(_ONE_SIDES_NOUNS)}|incursion|war of aggression) (?:against|on|of|into) "
    r"([A-Z][\w-]*)$"
)


# An attack told with its weapon, or on a part of the place ("a missile attack on Ukraine", "the
# attack on Ukraine’s power grid"), is one strike, not the war.
_A_WEAPON_BEFORE = re.compile(
    r"\b(?:missile|drone|rocket|air|artillery|cyber|terror|terrorist|bomb|suicide)[ -]$",
    re.IGNORECASE,
)
_A_PART_AFTER = re.compile(r"[’']s\b")
_STRIKE_NOUN = re.compile(rf"(?i:{'|'.join(_STRIKING_NOUNS)})\b")


def _one_strike(reading: str, start: int, end: int) -> bool:
    """Whether an attack's phrase tells of one strike: its weapon before it, or a part of the
    place after it."""
    return _STRIKE_NOUN.match(reading, start) is not None and (
        _A_WEAPON_BEFORE.search(reading, max(0, start - 12), start) is not None
        or _A_PART_AFTER.match(reading, end) is not None
    )


_FIGHT = re.compile(r"(?i:fight)\b")
# The noun "fight" has a determiner or a possessive before it ("the fight in Ukraine", "Ukraine’s
# fight against Russia"); "to fight against Russia" is the verb.
_FIGHTS_OWNER_BEFORE = re.compile(r"(?:\b(?:the|its|their|his|her|our)|[’']s)\s+$", re.IGNORECASE)


def _no_fight(reading: str, start: int, end: int) -> bool:
    """Whether a fight's phrase names no war: the verb ("to fight against Russia"), or a fight
    against a part of the place ("the fight against Russia’s economy")."""
    return _FIGHT.match(reading, start) is not None and (
        _FIGHTS_OWNER_BEFORE.search(reading, max(0, start - 12), start) is None
        or _A_PART_AFTER.match(reading, end) is not None
    )


# A contest fought by other means than arms, named by the word before its noun: "the West’s power
# struggle against Russia", "a trade war with China", "the information war against Ukraine".
_ANOTHER_CONTEST_BEFORE = re.compile(
    r"\b(?:trade|tariff|price|currency|power|information|propaganda|culture|media|economic"
    r"|sanctions|diplomatic)[ -]$",
    re.IGNORECASE,
)


def _another_contest(reading: str, start: int) -> bool:
    """Whether the word right before a war's phrase makes it a contest of another kind."""
    return _ANOTHER_CONTEST_BEFORE.search(reading, max(0, start - 14), start) is not None


def _by_other_words_for_war(phrases: Iterable[str]) -> list[str]:
    """A generic phrase of a war in or against a place ("war in Ukraine") holds with each other
    noun of armed conflict, and the place its phrases say is attacked with each noun of one
    side's armed action ("offensive in Ukraine", "incursion into Ukraine"); a war against a
    state is a war with it ("its conflict with Ukraine"); a war in a place is told by its breaking
    out or raging there ("the war broke out in Ukraine", "as war rages in Ukraine")."""
    phrases = list(phrases)
    found = [m.groups() for phrase in phrases if (m := _WAR_PHRASE.match(phrase)) is not None]
    rests = [rest for _, rest in found]
    rests += [f"with {rest[len('against ') :]}" for rest in rests if rest.startswith("against ")]
    # A word of where the place lies may stand before it: "the war in neighbouring Ukraine".
    rests += [
        f"in {near} {rest[3:]}"
        for rest in rests
        if rest.startswith("in ")
        for near in _WORDS_OF_NEARNESS
    ]
    attacked = sorted(
        {m.group(1) for phrase in phrases if (m := _ONE_SIDES_PHRASE.match(phrase)) is not None}
    )
    one_sides = [
        *(
            f"{noun} {way} {place}"
            for way in ("in", "against", "on")
            for place in attacked
            for noun in _ONE_SIDES_NOUNS
        ),
        *(f"{noun} into {place}" for place in attacked for noun in _ENTERING_NOUNS),
        *(
            f"{noun} {way} {place}"
            for way in ("on", "against")
            for place in attacked
            for noun in _STRIKING_NOUNS
        ),
    ]
    # A war in a place told by its breaking out or raging there: "since the war broke out in
    # Ukraine", "as war rages in Ukraine".
    broke_out = [
        f"{noun} {verb} {rest}"
        for rest in rests
        if rest.startswith("in ")
        for noun in _WAR_NOUNS
        for verb in ("broke out", "erupted", "rages", "raged", "is raging", "was raging")
    ]
    return list(
        dict.fromkeys(
            [*(f"{noun} {rest}" for rest in rests for noun in _WAR_NOUNS), *broke_out, *one_sides]
        )
    )


# The nouns that "war" qualifies in a compound that names no war: "war crimes", "the war dead", "a
# war memorial", "war games" (an exercise), "Russia's war economy", "its war machine"; and the
# weapons an assault or an attack names a kind of ("Russian assault rifles", "attack helicopters").
_WAR_COMPOUND_HEADS = (
    *("crime", "crimes", "criminal", "criminals", "dead", "memorial", "memorials", "grave"),
    *("graves", "cemetery", "cemeteries", "veteran", "veterans", "game", "games", "economy"),
    *("economies", "machine", "chest", "footing", "room", "industry"),
    *("rifle", "rifles", "weapon", "weapons", "helicopter", "helicopters", "submarine"),
    *("submarines", "craft", "boat", "boats", "vehicle", "vehicles", "drone", "drones"),
)


# Words that judge a war as a deed being done, which nobody says of a war that may be: "cannon
# fodder in an illegal war against Ukraine".
_DEED_JUDGEMENTS = (
    "ongoing|brutal|unprovoked|illegal|illegitimate|unlawful|unjustified|unjustifiable|criminal"
    "|barbaric|senseless"
)
# Words that judge a war or an invasion, which may stand between its party's name and its noun:
# "Russia’s ongoing illegal and immoral invasion", "Russia’s military assault".
_JUDGE_WORDS = (
    f"{_DEED_JUDGEMENTS}|continuing|immoral|full-scale|large-scale|protracted|devastating"
    "|military|aggressive|bloody|renewed|imperial|imperialist|colonial|unjust|cruel|genocidal"
    "|ruthless|needless|reckless|wanton|unwarranted|premeditated|blatant|flagrant|naked|heinous"
    "|savage|vicious|relentless|horrific|egregious|outrageous|atrocious|shameful|illicit|horrible"
    "|horrendous|terrible|murderous|deadly|destructive|catastrophic|disastrous|cynical|pointless"
    "|futile|monstrous|lawless|prolonged|persistent|continued"
)
_PARTYS_PHRASE = re.compile(r"^([\w-]+)([’']s) (.+)$")


def _judged_pattern(phrases: Iterable[str]) -> re.Pattern[str] | None:
    """A pattern of the generic phrases that open with a party's possessive ("Russia’s war",
    "Russia’s assault on Ukraine") with judging words between, quoted or not ("Russia’s
    “barbaric” invasion"), or the rest in quotation marks ("Russia’s “illegal invasion” of
    Ukraine"): its groups are the party, the mark, the opening quote, the words and the rest, for
    the phrase to be looked up."""
    found = [m.groups() for p in phrases if (m := _PARTYS_PHRASE.match(p)) is not None]
    if not found:
        return None
    owners = "|".join(re.escape(o) for o in sorted({f[0] for f in found}, key=len, reverse=True))
    rests = "|".join(re.escape(r) for r in sorted({f[2] for f in found}, key=len, reverse=True))
    return re.compile(
        rf"\b({owners})([’']s) ([“\"]?)((?:(?:{_JUDGE_WORDS})[”\"]?(?:,? and |, | ))*)({rests})\b",
        re.IGNORECASE,
    )


_VISIT_NOUN = re.compile(r"\b(visit|trip)\b")
# The nouns a journey is told by, one for another: "trip to Asia", "visit to Asia", "Asia tour".
_JOURNEY_NOUNS = ("visit", "trip", "tour")
_JOURNEY_NOUN = re.compile(rf"\b(?:{'|'.join(_JOURNEY_NOUNS)})\b")


def _by_other_words_for_a_journey(kind: str, phrases: Iterable[str]) -> list[str]:
    """A visit's generic phrase holds with each other noun of a journey: "trip to Asia" also as
    "visit to Asia" and "tour to Asia", "Asia tour" as "Asia trip" and "Asia visit"."""
    if kind != "visit":
        return []
    return list(
        dict.fromkeys(
            _JOURNEY_NOUN.sub(noun, phrase, count=1)
            for phrase in phrases
            if _JOURNEY_NOUN.search(phrase)
            for noun in _JOURNEY_NOUNS
        )
    )


# The nouns a change of a policy's direction is told by, one for another, and the prepositions of
# its way: "America’s pivot to Asia" is also "America’s shift toward Asia" and "America’s
# rebalancing towards Asia".
_TURNING_NOUNS = ("pivot", "rebalance", "rebalancing", "shift", "turn", "tilt")
_TURNING_PHRASE = re.compile(
    rf"^(.+? )(?:{'|'.join(_TURNING_NOUNS)}) (?:to|toward|towards) (.+)$", re.IGNORECASE
)


def _by_other_words_for_a_turn(phrases: Iterable[str]) -> list[str]:
    """A policy's turn to a place told with its owner ("US pivot to Asia", "America’s pivot to
    Asia") holds with each other noun of turning and each preposition of its way: "America’s
    shift toward Asia", "US rebalancing towards Asia". Not without its owner: "a shift to the
    Asia-Pacific" may be anyone's ("NATO’s shift to the Asia-Pacific")."""
    return list(
        dict.fromkeys(
            f"{found.group(1)}{noun} {way} {found.group(2)}"
            for phrase in phrases
            if (found := _TURNING_PHRASE.match(phrase)) is not None
            for noun in _TURNING_NOUNS
            for way in ("to", "toward", "towards")
        )
    )


def _in_the_plural(kind: str, place: str | None, phrases: Iterable[str]) -> list[str]:
    """A visit to several places is told as visits to each, in the plural: "Stoltenberg's
    visits to South Korea and Japan", "his trips to Seoul and Tokyo"."""
    if kind != "visit" or len(_places(place)) < 2:
        return []
    return [_VISIT_NOUN.sub(r"\1s", p) for p in phrases if _VISIT_NOUN.search(p)]


# The words for a meeting that a summit is also named by, with its place: "the Vilnius
# gathering", "last week's parley in Vilnius".
_MEETING_WORDS = ("meeting", "gathering", "parley", "conclave", "conference")


# The past tense of meeting, whoever met: "leaders met in Vilnius".
_MET = ("met", "convened", "gathered", "assembled")
# Meeting in any tense: "leaders meet in Vilnius", "leaders will gather in Washington".
_MEET = (
    *_MET,
    *(
        f"{will}{verb}"
        for will in ("", "will ")
        for verb in ("meet", "convene", "gather", "assemble")
    ),
)
# An organisation's members, named by it: "NATO members", "NATO allies".
_MEMBERS = ("members", "allies", "countries", "member states")


def _venues(kind: str, place: str | None, phrases: Iterable[str] = ()) -> list[str]:
    """A summit is named by its city as a meeting is: "last year's meeting in Madrid", "the
    Vilnius meeting", "the meeting at Camp David", "the meeting in Spain" (its country after
    "in", which the coverage check still reports when unknown; not "the Spain meeting"), and told
    by its leaders meeting there: "allied leaders convened in Vilnius", "when NATO leaders gather
    in Washington", "NATO heads meet in Washington", "NATO members will meet in Madrid", or by
    its organisation (of its `phrases`, "NATO summit") to meet there: "NATO next meets in
    Riga"."""
    if kind != "summit":
        return []
    places = _places(place)
    organisations = dict.fromkeys(name for name, _ in _organisations_summits(phrases))
    return [
        *(
            phrase
            for one in places[:1]
            for noun in _MEETING_WORDS
            # (a venue after "at": "a historic meeting at Camp David")
            for phrase in (f"{noun} in {one}", f"{noun} at {one}", f"{one} {noun}")
        ),
        *(f"{noun} in {one}" for one in places[1:] for noun in _MEETING_WORDS),
        *(
            f"{who} {verb} in {one}"
            for one in places[:1]
            for subjects, verbs in (
                (("leaders", "heads"), _MEET),
                # (its members by its name: "NATO members will meet in Madrid")
                (
                    tuple(f"{o} {members}" for o in organisations for members in _MEMBERS),
                    _MEET,
                ),
                # (an organisation meets in the singular: in "countries associated with NATO
                # assemble in Washington" it is not the subject; and only to come, as "NATO met
                # in Madrid" may be any of its meetings there)
                (
                    (*organisations, *(f"{o} next" for o in organisations)),
                    ("meets", "convenes", "gathers", "assembles"),
                ),
            )
            for who in subjects
            for verb in verbs
        ),
    ]


_UNITS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth"]
_TEENS = [
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
]
_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
_ORDINAL = re.compile(r"\b([1-9]?\d)(?:st|nd|rd|th)\b")


def _ordinal_in_words(number: int) -> str | None:
    """1 to 99 as an ordinal in words: "seventy-fifth", "twentieth", "eleventh"."""
    if 1 <= number <= 9:
        return _UNITS[number - 1]
    if 10 <= number <= 19:
        return _TEENS[number - 10]
    if 20 <= number <= 99:
        tens, units = divmod(number, 10)
        if not units:
            return _TENS[tens - 2][:-1] + "ieth"
        return f"{_TENS[tens - 2]}-{_UNITS[units - 1]}"
    return None


def _with_ordinals_in_words(phrases: Iterable[str]) -> list[str]:
    """A phrase with an ordinal in figures holds with it in words: "75th anniversary" as
    "seventy-fifth anniversary" and "seventy fifth anniversary"."""
    out: list[str] = []
    for phrase in phrases:
        found = _ORDINAL.search(phrase)
        words = _ordinal_in_words(int(found.group(1))) if found else None
        if found is None or words is None:
            continue
        for spelled in dict.fromkeys((words, words.replace("-", " "))):
            out.append(phrase[: found.start()] + spelled + phrase[found.end() :])
    return out


_WORDS_OF_A_NAME = re.compile(r"[ -]")
# The quotation marks an acronym defined in brackets may be set in.
_QUOTES = (("'", "'"), ("‘", "’"), ('"', '"'), ("“", "”"))


def _acronyms(forms: Iterable[tuple[Actor, SurfaceForm]]) -> dict[str, tuple[str, ...]]:
    """Each acronym among the actors' forms, with the forms it abbreviates in each spelling
    ("NATO": "North Atlantic Treaty Organization", "... Organisation")."""
    by_actor: dict[str, list[str]] = {}
    for actor, form in forms:
        by_actor.setdefault(actor.id, []).append(form.text)
    expansions: dict[str, tuple[str, ...]] = {}
    for texts in by_actor.values():
        for short in texts:
            if len(short) < 2 or not (short.isalpha() and short.isupper()):
                continue
            # (a hyphen parts words as a space does: "North-Atlantic Treaty Organization")
            longer = tuple(
                text
                for text in texts
                if len(words := _WORDS_OF_A_NAME.split(text)) == len(short)
                and "".join(word[:1] for word in words) == short
            )
            if longer:
                expansions[short] = longer
    return expansions


def _expanded(phrases: Iterable[str], acronyms: dict[str, tuple[str, ...]]) -> list[str]:
    """The phrases, and each with an acronym in it written out, alone or with the acronym after
    it in brackets (with its space or without it), or after the acronym in brackets: "NATO
    summit", "North Atlantic Treaty Organization summit", "North Atlantic Treaty Organization
    (NATO) summit", "NATO (North Atlantic Treaty Organization) summit"; after "of" with its
    article or without it ("summit of the North Atlantic Treaty Organization", "a meeting of
    North Atlantic Treaty Organization foreign ministers")."""
    out: list[str] = []
    for phrase in phrases:
        out.append(phrase)
        words = phrase.split()
        for index, word in enumerate(words):
            articles = ("the ", "") if index and words[index - 1] == "of" else ("",)
            for longer in acronyms.get(word, ()):
                # (and "North Atlantic Treaty Organization(NATO)", where a capture lost a space)
                # (and the acronym quoted in its brackets: "North Atlantic Treaty Organization
                # ('NATO')", as a text that defines its terms sets it)
                for written in (
                    longer,
                    f"{longer} ({word})",
                    f"{longer}({word})",
                    f"{word} ({longer})",
                    *(f"{longer} ({quote}{word}{close})" for quote, close in _QUOTES),
                ):
                    out += [
                        " ".join([*words[:index], article + written, *words[index + 1 :]])
                        for article in articles
                    ]
    return out


def _places(place: str | None) -> tuple[str, ...]:
    """The place names of an event's `place` ("Seoul and Tokyo": both)."""
    if not place:
        return ()
    return tuple(p.strip() for p in re.split(r",| and ", place) if p.strip())
