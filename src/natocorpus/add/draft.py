"""A capture's lines read into a draft: what they state, which are chrome, and the reading text."""

from __future__ import annotations

from natocorpus.add.chrome import CHROME, CHROME_PATTERNS, RELATED_HEADERS
from natocorpus.add.markdown import reading_markdown
from natocorpus.add.metadata import (
    BYLINE,
    DOI_LINE,
    FEED_FOOTER,
    JOURNAL_LINE,
    SOURCE_LINE,
    byline_names,
    date_line,
    find_dateline,
    headline_like,
    personal_name,
    title_like,
)
from natocorpus.add.records import Draft, Omission, StatedDate


def draft_from(lines: list[str]) -> Draft:
    """Read a capture's lines (without their line ends) into a draft."""
    omitted: dict[int, Omission] = {}
    body_lines = [n for n, line in enumerate(lines, start=1) if line.strip()]
    text = {n: " ".join(lines[n - 1].split()) for n in body_lines}
    title: tuple[str, str] | None = None
    authors: tuple[tuple[str, ...], str] | None = None
    published: StatedDate | None = None
    outlet: tuple[str, str] | None = None
    doi: tuple[str, str] | None = None

    def omit(n: int, reason: str, part: str | None = None) -> None:
        omitted[n] = Omission(n, part if part is not None else lines[n - 1], reason)

    # The title: the first line, where it reads as one.
    first = body_lines[0] if body_lines else None
    if first is not None and len(body_lines) > 1 and title_like(text[first]):
        title = (text[first], lines[first - 1].strip())
        published = date_line(text[first])  # a title that carries the date is a date line too
        omit(first, "title" + (" and date line" if published else "") + ", in the front matter")
    # Each other line, for what it states and whether it is chrome.
    related = False
    seen_text = False  # whether a line of the text itself has come yet: a dateline opens it
    for index, n in enumerate(body_lines):
        line = text[n]
        lowered = line.lower().rstrip(" :.…")
        if n in omitted:
            continue
        if related and headline_like(line):
            omit(n, "a related article's headline")
            continue
        related = False  # the list of related articles ends at the first line that is no headline
        if lowered in RELATED_HEADERS:
            omit(n, "the heading of a list of related articles")
            related = True
            continue
        byline = BYLINE.match(line)
        if byline and authors is None and (names := byline_names(byline.group("names"))):
            authors = (names, line)
            omit(n, "byline, in the front matter")
            continue
        if (
            authors is None
            and title is not None
            and index == 1
            and personal_name(line)
            and index + 1 < len(body_lines)
        ):
            authors = ((line,), line)
            omit(n, "byline (the author's name alone), in the front matter")
            continue
        if (credit := _credit(line)) is not None:
            what, stated_words, credit_reason = credit
            # The first line to state the outlet or the DOI is the one quoted; each is omitted.
            if what == "doi":
                doi = doi or stated_words
            else:
                outlet = outlet or stated_words
            omit(n, credit_reason)
            continue
        if (reason := _chrome(line, lowered)) is not None:
            omit(n, reason)
            continue
        stated = date_line(line) if len(line.split()) <= 10 else None
        if stated is not None:
            if published is None:
                published = stated
            omit(n, "date line, in the front matter")
            continue
        lead, seen_text = not seen_text, True
        if lead and (dateline := find_dateline(lines[n - 1])) is not None:
            part, agency, stated = dateline
            if agency is not None and outlet is None:
                outlet = agency
            if stated is not None and published is None and stated.date.precision != "month":
                published = stated
            omit(n, "dateline" + (", the outlet in the front matter" if agency else ""), part)
    kept = [n for n in body_lines if n not in omitted or omitted[n].text != lines[n - 1]]
    body = reading_markdown(lines, kept, omitted)
    return Draft(title, authors, published, outlet, doi, tuple(omitted.values()), body)


def _credit(line: str) -> tuple[str, tuple[str, str], str] | None:
    """What a credit line states, "outlet" or "doi", with its value and the words stating it, and
    why the line is left out of the reading text."""
    if footer := FEED_FOOTER.match(line):
        return (
            "outlet",
            (footer.group("outlet"), f"appeared first on {footer['outlet']}"),
            "site chrome: the feed's footer naming the outlet (in the front matter)",
        )
    if source := SOURCE_LINE.match(line):
        return (
            "outlet",
            (source.group("outlet"), line),
            "credit naming the outlet, in the front matter",
        )
    if journal := JOURNAL_LINE.match(line):
        return (
            "outlet",
            (journal.group("outlet").strip(), line),
            "journal metadata: journal name, in the front matter",
        )
    if found_doi := DOI_LINE.match(line):
        return "doi", (found_doi.group("doi"), line), "metadata: DOI, in the front matter"
    return None


def _chrome(line: str, lowered: str) -> str | None:
    """Why a line is site chrome, by its words or by its pattern; None where it is not."""
    if lowered in CHROME:
        return CHROME[lowered]
    return next((r for pattern, r in CHROME_PATTERNS if pattern.search(line)), None)
