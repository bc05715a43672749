"""The bibliography: a numbered list whose items carry a year or an address, each item read into
authors, title, container, date, address and DOI.

The reader knows the common styles of the literature on international relations:
- GOST and its Romanised form ("Kistanov V.O. Title. Journal. 2021. No. 3. S. 6–18. DOI: 10.… (In
  Russ.)", "Title // Journal. – 2023. – № 3.", "URL: … (accessed: 15.07.2023)", "(дата
  обращения: …)");
- APA ("Smith, J. A., & Lee, K. (2022). Title. Journal, 12(3), 1–9. https://doi.org/10.…");
- Chicago and news style ('Smith, John. "Title." Foreign Affairs, July 10, 2023. https://…').

The date of the item is the one that stands as a part of its own (between full stops, in brackets
after the authors, or after the container's comma), never a year inside a title ("NATO 2022
Strategic Concept", "for 2023–2026") nor the date the address was consulted. An address ends where
the entry says when it was consulted: a space printed inside it (a line break in the capture) is
not its end. A DOI is kept as printed for display (`doi_printed`) and normalised for data and links
(`doi`): dashes a typesetter or a capture put in are hyphens again, and a resolver prefix goes.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from natocorpus.annotate.dates import _MONTH_NUMBER, _MONTHS, _YEAR
from natocorpus.model import ArticleText, PartialDate, Reference

_UPPER = "A-ZÀ-ÖØ-ÞĀ-ſА-ЯЁ"
_LOWER = "a-zß-öø-ÿĀ-ſа-яё"
_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"
_DASH_RE = re.compile(f"[{_DASHES}]")

# When the address was consulted: "(accessed: 15.07.2023)", "(дата обращения: 05.03.2023)",
# "Accessed 12 May 2023.", "Retrieved May 5, 2023, from".
_ACCESSED_RE = re.compile(
    r"[(\[]\s*(?:[Aa]ccessed|[Vv]iewed|[Rr]etrieved|[Dd]ate of access|дата обращения|"
    r"обращения)\s*:?\s*(?P<a>[^)\]]*)[)\]]\.?"
    r"|(?<![\w])(?:[Aa]ccessed|[Rr]etrieved|[Vv]iewed)(?: on)?:?\s+"
    rf"(?P<b>(?:\d{{1,2}} )?(?:{_MONTHS})(?: \d{{1,2}},?)? {_YEAR}|\d{{1,2}}\.\d{{1,2}}\.{_YEAR}|"
    rf"{_YEAR}-\d\d-\d\d)(?:,? from)?\.?"
)
_LANGUAGE_NOTE_RE = re.compile(
    r"\s*[(\[](?:[Ii]n [A-Z][a-z]+\.?|На [а-я]+\.? яз\.?|[A-Z][a-z]+ language)[)\]]\.?"
)
_URL_LABEL_RE = re.compile(r"(?:URL|[Uu]rl|[Aa]vailable (?:at|from)|Режим доступа)\s*:\s*")
_BARE_URL_RE = re.compile(r"(?:https?://|www\.)\S+")
# A printed space inside an address: the next piece goes on with characters prose does not have.
_URL_GOES_ON_RE = re.compile(r" (?=[\w%.~-]*[=&%/?#][^\s]*(?:\s|$))([^\s(]+)")
_DOI_RE = re.compile(
    r"(?:(?:DOI|doi)\s*:?\s*|https?://(?:dx\.)?doi\.org/)"
    r"(?P<doi>10\.\d{4,9}/[^\s]+)"
)
_DATE_PART = (
    rf"(?:{_MONTHS}) \d{{1,2}}, {_YEAR}|\d{{1,2}} (?:{_MONTHS}),? {_YEAR}|(?:{_MONTHS}),? {_YEAR}"
    rf"|{_YEAR}, (?:{_MONTHS})(?: \d{{1,2}})?|\d{{1,2}}\.\d{{1,2}}\.{_YEAR}|{_YEAR}-\d\d(?:-\d\d)?"
    rf"|{_YEAR}[a-z]?"
)
_WHOLE_DATE_RE = re.compile(rf"^[–—-]?\s*(?:{_DATE_PART})\.?$")
# APA: the date in brackets after the authors, "(2022)", "(2022, June 29)", "(n.d.)".
_APA_RE = re.compile(rf"^(?P<authors>.{{2,300}}?)\s*\((?P<date>{_DATE_PART}|n\.\s?d\.)\)\.?\s+")
# Chicago and news style: the date after the container's comma, "Foreign Affairs, July 10, 2023".
_COMMA_DATE_RE = re.compile(rf",\s+(?P<date>{_DATE_PART})(?=[.,;)]?$)")
# Parts that are no title and no container: volume, issue, pages, language, edition.
_LOCATOR_RE = re.compile(
    r"^[–—-]?\s*(?:Vol|vol|Т|T|No|no|Nos|Iss|Issue|№|N|S|С|P|pp|p|Р|Pp|Ch|Ed|ed)\.?\s*[\dIVXLC]"
    r"|^[–—-]?\s*\d+\s*(?:p|pp|с|s)\.$|^\d+\s*\(\d+\)"
)
_ABBREVIATIONS = frozenset(
    [
        "No",
        "Nos",
        "Vol",
        "vol",
        "Iss",
        "Ed",
        "Eds",
        "ed",
        "eds",
        "S",
        "P",
        "pp",
        "p",
        "Mr",
        "Mrs",
        "Ms",
        "Dr",
        "St",
        "Jr",
        "Sr",
        "Inc",
        "Ltd",
        "Co",
        "Corp",
        "Univ",
        "Dept",
        "Gov",
        "Rev",
        "Prof",
        "Gen",
        "Col",
        "Lt",
        "Adm",
        "Jan",
        "Feb",
        "Mar",
        "Apr",
        "Jun",
        "Jul",
        "Aug",
        "Sep",
        "Sept",
        "Oct",
        "Nov",
        "Dec",
        "etc",
        "al",
        "Т",
        "С",
        "Р",
        "г",
        "им",
    ]
)
_OPENERS = {"(": ")", "[": "]", "«": "»", "“": "”", "„": "“"}
_CLOSERS = {")", "]", "»", "”"}

# A person's name as a bibliography prints it.
_WORD = rf"[{_UPPER}][{_LOWER}'’-]+(?:-[{_UPPER}][{_LOWER}'’]+)?"
_INITIALS = rf"(?:[{_UPPER}][{_LOWER}]?\.\s?-?)+"
_PARTICLE = r"(?:de|van|von|der|den|du|da|di|la|le|bin|al|ter)"
_PERSON_RES = (
    # GOST: surname and initials, "Kistanov V.O.", "Paramonov O."
    re.compile(rf"^{_WORD} {_INITIALS}$"),
    # initials first, "V.O. Kistanov", "J. Stoltenberg"
    re.compile(rf"^{_INITIALS} ?(?:{_PARTICLE} )*{_WORD}$"),
    # APA and Chicago inverted, "Stoltenberg, J.", "Stoltenberg, Jens", "Hoop Scheffer, J. de"
    re.compile(
        rf"^(?:{_PARTICLE} )*{_WORD}(?: {_WORD})?, (?:{_INITIALS}|{_WORD})(?: {_INITIALS}| "
        rf"{_WORD})?(?: {_PARTICLE})*$"
    ),
    # names in full, either order, "Jens Stoltenberg", "Stoltenberg Jens", "Jaap de Hoop Scheffer"
    re.compile(rf"^{_WORD}(?: {_INITIALS})?(?: {_PARTICLE})* {_WORD}(?: {_WORD})?$"),
)

_GOST_AUTHORS_RE = re.compile(rf"^((?:{_WORD} {_INITIALS},\s*)*{_WORD} {_INITIALS})\s*(?=\S)")
_FULL_NAME_RE = re.compile(rf"^{_WORD} {_WORD}$")


def _is_person(name: str) -> bool:
    return any(pattern.match(name) for pattern in _PERSON_RES)


def normalise_doi(printed: str) -> str:
    """A DOI as a resolver reads it: no resolver prefix, hyphens for printed dashes, no space,
    no closing punctuation."""
    doi = re.sub(r"^(?:doi:\s*|https?://(?:dx\.)?doi\.org/)", "", printed.strip(), flags=re.I)
    doi = _DASH_RE.sub("-", re.sub(r"\s+", "", doi))
    return doi.rstrip(".,;)]")


def _clean_url(url: str) -> str:
    url = re.sub(r"\s+", "", url).rstrip(".,;")
    while url.endswith((")", "]")) and url.count(url[-1]) > url.count(
        "(" if url[-1] == ")" else "["
    ):
        url = url[:-1]
    return url.rstrip(".,;")


def _segments(text: str) -> list[str]:
    """The parts of an entry between full stops (and '?', '!', ' // '), outside brackets and
    quotation marks, not after an initial or an abbreviation."""
    parts: list[str] = []
    depth: list[str] = []
    straight = False
    start = 0
    i = 0
    while i < len(text):
        char = text[i]
        if char in _OPENERS:
            depth.append(_OPENERS[char])
        elif char in _CLOSERS and depth and depth[-1] == char:
            depth.pop()
        elif char == '"':
            straight = not straight
        elif text.startswith(" // ", i) and not depth and not straight:
            parts.append(text[start:i])
            start = i + 4
            i += 4
            continue
        elif char.isspace() and not depth and not straight and i > start:
            before = text[start:i].rstrip("\"'”’»)")
            if before.endswith((".", "?", "!")):
                word = re.search(r"([\w.]*)[.?!]$", before)
                token = word.group(1) if word else ""
                initial = re.fullmatch(rf"(?:[{_UPPER}][{_LOWER}]?\.)*[{_UPPER}][{_LOWER}]?", token)
                if (
                    before.endswith("?")
                    or before.endswith("!")
                    or not (token in _ABBREVIATIONS or initial)
                ):
                    parts.append(text[start:i])
                    start = i + 1
        i += 1
    parts.append(text[start:])
    return [part.strip().lstrip("–—- ").strip() for part in parts if part.strip(" .–—-")]


def _authors(part: str) -> tuple[str, ...] | None:
    """The names of a part that is a list of authors, or None."""
    part = re.sub(r",?\s+(?:et al|и др)\.?$", "", part.strip())
    if not re.search(rf"(?:^|[\s.-])[{_UPPER}][{_LOWER}]?\.$", part):
        part = part.rstrip(".").strip()  # the stop that ends the part, not an initial's
    if not part:
        return None
    # "Smith, J. A., & Lee, K." and "Smith, John, and Jane Doe": split at "&", "and" and at the
    # commas that end a name.
    pieces = [p.strip() for p in re.split(r",?\s+(?:&|and|и)\s+", part) if p.strip()]
    names: list[str] = []
    for piece in pieces:
        inverted = re.findall(
            rf"(?:{_PARTICLE} )*{_WORD}(?: {_WORD})?, {_INITIALS}(?: {_PARTICLE})*", piece
        )
        if inverted and re.fullmatch(
            r"(?:,\s*)*", re.sub("|".join(map(re.escape, inverted)), "", piece)
        ):
            names.extend(name.strip() for name in inverted)
            continue
        # "Hanssen Ulv, Hagström Linus": a comma between whole names.
        sub = [s.strip() for s in piece.split(",") if s.strip()]
        if len(sub) > 1 and all(len(s.split()) > 1 and _is_person(s) for s in sub):
            names.extend(sub)
            continue
        if _is_person(piece):
            names.append(piece)
            continue
        # "Smith, John": an inverted full name (only as the first of a list).
        if len(sub) == 2 and not names and _is_person(f"{sub[0]}, {sub[1]}"):
            names.append(piece)
            continue
        return None
    return tuple(names) if names and len(names) <= 20 else None


def _organisation(part: str, known: Mapping[str, str]) -> bool:
    return part.rstrip(".") in known


def _issued(date: str | None) -> PartialDate | None:
    """The calendar date of an item's printed date, to the precision printed."""
    if not date:
        return None
    year_match = re.search(_YEAR, date)
    if year_match is None:
        return None
    year = int(year_match.group())
    iso = re.search(rf"{_YEAR}-(\d\d)(?:-(\d\d))?", date)
    if iso:
        return PartialDate(year, int(iso.group(1)), int(iso.group(2)) if iso.group(2) else None)
    dotted = re.search(rf"(\d{{1,2}})\.(\d{{1,2}})\.{_YEAR}", date)
    if dotted and 1 <= int(dotted.group(2)) <= 12:
        return PartialDate(year, int(dotted.group(2)), int(dotted.group(1)))
    month_match = re.search(_MONTHS, date)
    if month_match is None:
        return PartialDate(year)
    day_match = re.search(r"(?<![\d.])(\d{1,2})(?![\d.])", date.replace(str(year), ""))
    return PartialDate(
        year, _MONTH_NUMBER[month_match.group()], int(day_match.group(1)) if day_match else None
    )


def parse_reference(
    number: int,
    text: str,
    paragraph: str,
    names: Mapping[str, str] | None = None,
) -> Reference:
    """Split one bibliography entry into authors, title, container, date, address and DOI.

    `names` maps the names of known actors (see `author_keys`) to their ids: an author that one
    names is recorded in `author_actors`, in the order of `authors`."""
    url, head = _address(text)
    accessed = None
    accessed_match = _ACCESSED_RE.search(head)
    if accessed_match is not None:
        accessed = (accessed_match.group("a") or accessed_match.group("b") or "").strip() or None
        head = head[: accessed_match.start()] + " " + head[accessed_match.end() :]
    doi_printed: str | None = None
    doi_match = _DOI_RE.search(head) or _DOI_RE.search(text)
    if doi_match is not None:
        doi_printed = doi_match.group("doi").rstrip(".,;")
        if doi_match.string is head:
            head = head[: doi_match.start()] + " " + head[doi_match.end() :]
    head = _LANGUAGE_NOTE_RE.sub(" ", head)
    head = re.sub(r"\s+", " ", head).strip(" .,;")
    authors, date, parts = _authors_and_parts(head, names)
    if date is None:
        date, parts = _date_of_parts(parts)
    body = [p for p in parts if not _LOCATOR_RE.match(p)]
    title = _strip_quotes(body[0]) if body else None
    container: str | None = None
    if len(body) > 1:
        # The container is the part just before the date: what comes between is a subtitle or a
        # note ("Adopted by …"); a volume after the container's comma is a locator.
        container = re.sub(r",\s*(?:\d|[Vv]ol\.|[Nn]o\.).*$", "", body[-1]).strip().rstrip(".")
    author_actors = tuple(_author_actor(name, names) for name in authors) if names else ()
    return Reference(
        number=number,
        text=text,
        authors=authors,
        title=title,
        container=container or None,
        date=date,
        url=url,
        doi=normalise_doi(doi_printed) if doi_printed else None,
        paragraph=paragraph,
        doi_printed=doi_printed,
        accessed=accessed,
        issued=_issued(date),
        author_actors=author_actors if any(author_actors) else (),
    )


def _address(text: str) -> tuple[str | None, str]:
    """The entry's address, and the entry without it; an address at doi.org is left as a DOI."""
    head = text
    accessed_match = _ACCESSED_RE.search(head)
    # The address, labelled or bare, runs to the date it was consulted.
    url: str | None = None
    label = _URL_LABEL_RE.search(head)
    if label is not None:
        stop = len(head)
        if accessed_match and accessed_match.start() > label.end():
            stop = accessed_match.start()
        else:
            stop = label.end() + len(head[label.end() :].split(" (")[0].split(". ")[0])
        url = _clean_url(_LANGUAGE_NOTE_RE.sub("", head[label.end() : stop]))
        head = head[: label.start()] + " " + head[stop:]
    else:
        bare = _BARE_URL_RE.search(head)
        if bare is not None:
            end = bare.end()
            while (more := _URL_GOES_ON_RE.match(head, end)) is not None:
                end = more.end()
            if not re.match(r"https?://(?:dx\.)?doi\.org/", bare.group()):
                url = _clean_url(head[bare.start() : end])
            head = head[: bare.start()] + " " + head[end:]
    if url is not None and re.match(r"https?://(?:dx\.)?doi\.org/10\.", url):
        head = f"{head} doi:{url.split('.org/', 1)[1]}"
        url = None
    return url, head


def _authors_and_parts(
    head: str, names: Mapping[str, str] | None
) -> tuple[tuple[str, ...], str | None, list[str]]:
    """The authors, the date where it follows them (APA), and the parts of the rest."""
    authors: tuple[str, ...] = ()
    date: str | None = None
    parts: list[str]
    apa = _APA_RE.match(head + " ")
    if apa is not None and (found := _authors(apa.group("authors"))) is not None:
        authors, date = found, apa.group("date")
        parts = _segments(head[apa.end() :])
    elif apa is not None and len(apa.group("authors").split()) <= 8:
        # An organisation as author: "North Atlantic Treaty Organization. (2022). Title."
        authors, date = (apa.group("authors").rstrip(". "),), apa.group("date")
        parts = _segments(head[apa.end() :])
    elif (gost := _GOST_AUTHORS_RE.match(head)) is not None and (
        found := _authors(gost.group(1))
    ) is not None:
        # GOST: "Kistanov V.O., Paramonov O. Title": the last initial's stop ends the authors.
        authors = found
        parts = _segments(head[gost.end() :])
    else:
        parts = _segments(head)
        if len(parts) > 1:
            found = _authors(parts[0])
            rest = [
                p for p in parts[1:] if not _WHOLE_DATE_RE.match(p) and not _LOCATOR_RE.match(p)
            ]
            if found is not None and len(found) == 1 and _FULL_NAME_RE.match(found[0]):
                # "Koga Kei" or "Grand Strategy": two words are a name only where a title and a
                # container follow.
                found = found if len(rest) >= 2 else None
            if found is not None:
                authors = found
                parts = parts[1:]
            elif names is not None and _organisation(parts[0], names) and len(parts) > 2:
                authors = (parts[0].rstrip("."),)
                parts = parts[1:]
    return authors, date, parts


def _date_of_parts(parts: list[str]) -> tuple[str | None, list[str]]:
    """The date: a part of its own, else after a container's comma; and the parts without it."""
    date: str | None = None
    for index, part in enumerate(parts):
        if index and _WHOLE_DATE_RE.match(part):
            date = part.lstrip("–—- ").rstrip(".")
            parts = parts[:index] + [p for p in parts[index + 1 :] if _LOCATOR_RE.match(p)]
            break
    else:
        for index, part in enumerate(parts):
            comma = _COMMA_DATE_RE.search(part)
            if index and comma is not None:
                date = comma.group("date")
                parts[index] = part[: comma.start()]
                break
    return date, parts


def _strip_quotes(title: str) -> str:
    title = title.strip().rstrip(".,")
    if len(title) > 2 and title[0] in "\"“«'‘" and title[-1] in "\"”»'’":
        return title[1:-1].rstrip(".,")
    return title


# Authors and the actors they are ------------------------------------------------------------


def _name_words(name: str) -> list[str]:
    return [w for w in re.split(r"[\s,]+", name) if w and w.lower() not in _PARTICLE.split("|")]


def author_keys(name: str) -> set[str]:
    """Keys under which a person's name is looked up: surname with the first given name's
    initial, in either order (a bibliography may put the surname first or last)."""
    inverted = "," in name
    words = _name_words(name.replace("(", "").replace(")", ""))
    if len(words) < 2:
        return set()
    initials = [w for w in words if re.fullmatch(rf"(?:[{_UPPER}][{_LOWER}]?\.-?)+", w)]
    full = [w for w in words if w not in initials]
    keys: set[str] = set()

    def key(surname: str, given: str) -> str:
        return f"{surname.lower()}|{given[:1].lower()}"

    if inverted:
        surname, _, given = name.partition(",")
        given_words = _name_words(given)
        surname_words = _name_words(surname)
        if surname_words and given_words:
            keys.add(key(surname_words[-1], given_words[0]))
        return keys
    if initials and full:
        keys.add(key(full[-1], initials[0]))
        return keys
    keys.add(key(words[-1], words[0]))
    keys.add(key(words[0], words[-1]))
    return keys


def author_names(
    people: Mapping[str, tuple[str, ...]], others: Mapping[str, tuple[str, ...]]
) -> dict[str, str]:
    """The lookup `parse_reference` links authors with: each person actor under the keys of its
    name and forms (a key two people share is dropped), each other actor under its name and
    forms."""
    by_key: dict[str, set[str]] = {}
    for actor, forms in people.items():
        for form in forms:
            for one in author_keys(form):
                by_key.setdefault(one, set()).add(actor)
    found = {one: next(iter(ids)) for one, ids in by_key.items() if len(ids) == 1}
    for actor, forms in others.items():
        for form in forms:
            found.setdefault(form, actor)
    return found


def _author_actor(name: str, names: Mapping[str, str]) -> str | None:
    if name in names and "|" not in name:
        return names[name]
    if not _is_person(name):
        return None
    ids = {names[one] for one in author_keys(name) if one in names}
    return ids.pop() if len(ids) == 1 else None


def is_reference(block_text: str) -> bool:
    """Whether a numbered item reads as a bibliography entry: it carries an address, or a date
    where a citation puts it (a part of its own, "(2022)", "Foreign Affairs, July 10, 2023",
    "2020;12:34"); not a numbered paragraph of prose with a year in its sentences ("1. Prime
    Minister Ishiba and President Stubb met in Tokyo on 11 June 2025 ...")."""
    if "URL:" in block_text or "http" in block_text or "www." in block_text:
        return True
    if not re.search(_YEAR, block_text):
        return False
    if _APA_RE.match(block_text) or _DATE_IN_BRACKETS_RE.search(block_text):
        return True
    return any(
        _WHOLE_DATE_RE.match(part) or _COMMA_DATE_RE.search(part) or _YEAR_AS_PART_RE.search(part)
        for part in _segments(block_text)
    )


_DATE_IN_BRACKETS_RE = re.compile(rf"\((?:{_DATE_PART})\)")
# A year that opens a part or is followed by a volume's or a page's mark: "2020;12:34".
_YEAR_AS_PART_RE = re.compile(rf"^{_YEAR}\b|\b{_YEAR}[;:]")


def _references(text: ArticleText, names: Mapping[str, str] | None = None) -> tuple[Reference, ...]:
    # A numbered list whose items carry a year or an address is read as the bibliography.
    return tuple(
        parse_reference(number, block.text, block.anchor, names)
        for block in text.blocks
        if block.kind == "item"
        and (number := block.number) is not None
        and is_reference(block.text)
    )
