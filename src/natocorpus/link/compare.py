"""The compare page: the texts on the stance scale, and tables of which actors and events each of
the latest texts mentions. The stance scale is also on the about page."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Mapping, Sequence
from typing import Any

import msgspec
from markupsafe import Markup

from natocorpus.link.html import matrix_cells_html
from natocorpus.link.labels import heat_level, name_with_date, signed, stance_class
from natocorpus.link.pages import Page, make_page
from natocorpus.link.views import ArticleRef, Link, PageContent
from natocorpus.link.xrefs import CrossReferences, Tally, counted, event_sort_key, part_of
from natocorpus.model import AnnotatedArticle

SCALE_LIST_MAX = 30
"""The compare page lists the texts under each stance level only for this many texts or fewer."""

MATRIX_COLUMNS = 50
"""The tables show the texts of the corpus, or the most recent this many."""

MATRIX_CELLS = 1000
"""A table shows every actor (or event) the texts name while it has at most this many cells;
beyond, a row for each text's most-named, then the most-named overall, as many as fit (at least
one per text), and one row adds up the others."""


class MatrixCell(msgspec.Struct, frozen=True):
    count: int
    level: str
    href: str | None
    label: str


class MatrixRow(msgspec.Struct, frozen=True):
    header: Link
    total: int
    """In all the texts (the column says which)."""
    cells: tuple[MatrixCell, ...]
    html: Markup
    """The row's cells, prepared and escaped (the template places them as they are)."""


class OtherRow(msgspec.Struct, frozen=True):
    """The rows a table leaves out, added up, so that each column still adds up to its total."""

    label: str
    counts: tuple[int, ...]
    total: int


class Matrix(msgspec.Struct, frozen=True):
    id: str
    caption: str
    row_label: str
    columns: tuple[ArticleRef, ...]
    rows: tuple[MatrixRow, ...]
    other: OtherRow | None
    """The rows not shown, added up (None when every row is shown)."""
    column_totals: tuple[int, ...]
    """Each text's true total: every row, shown or not."""
    total_label: str
    """The heading of the totals column: "Total", or which texts it counts when not all are
    shown."""
    grand_total: int
    """The total in all the texts."""
    note: str
    """What the table shows of the corpus: which rows and texts, and what is left out."""
    limited: bool
    """Rows or texts are left out (the full table is then linked)."""


class StanceLevelView(msgspec.Struct, frozen=True):
    """A level of the stance scale: how many texts take it, and (for a small corpus) which."""

    value: int
    label: str
    css_class: str
    count: int
    articles: tuple[tuple[ArticleRef, str], ...]

    @property
    def number(self) -> str:
        """The value as shown, with a true minus sign."""
        return signed(self.value)


class CompareContext(PageContent, frozen=True):
    question: str
    scale: tuple[StanceLevelView, ...]
    scale_listed: bool
    actor_matrix: Matrix
    """Mentions in what the texts say (body, headings, notes)."""
    event_matrix: Matrix
    actor_cited_matrix: Matrix
    """Mentions in the texts' reference lists, counted apart: a name in a cited title is not
    the text speaking of the actor."""
    event_cited_matrix: Matrix
    mentions_href: str


def compare_page(xrefs: CrossReferences) -> Page:
    actor_matrix, event_matrix, actor_cited, event_cited = matrices(xrefs)
    return make_page(
        xrefs,
        "compare",
        "compare/",
        "Compare the texts",
        "The texts on the stance scale, and which actors and events each one mentions.",
        CompareContext(
            xrefs.settings.stance_question,
            stance_scale(xrefs),
            len(xrefs.articles) <= SCALE_LIST_MAX,
            actor_matrix,
            event_matrix,
            actor_cited,
            event_cited,
            xrefs.mentions_href,
        ),
    )


def stance_scale(xrefs: CrossReferences) -> tuple[StanceLevelView, ...]:
    """Each level of the scale with how many texts take it (and which, for a small corpus)."""
    listed = len(xrefs.articles) <= SCALE_LIST_MAX
    by_value: dict[int, list[AnnotatedArticle]] = defaultdict(list)
    for a in xrefs.articles:
        by_value[a.meta.stance.value].append(a)
    return tuple(
        StanceLevelView(
            level.value,
            level.label,
            stance_class(level.value),
            len(by_value[level.value]),
            tuple(
                (xrefs.article_refs[a.id], a.meta.stance.rationale) for a in by_value[level.value]
            )
            if listed
            else (),
        )
        for level in xrefs.settings.stance_scale
    )


def matrices(xrefs: CrossReferences) -> tuple[Matrix, Matrix, Matrix, Matrix]:
    """Actors and events by text, in the MATRIX_COLUMNS most recent texts (all of them in a
    small corpus): every actor and event they name, or, in a larger table, the most-named in
    each text and overall with the others added up; the totals are always the true ones. What
    the texts say and what their reference lists cite are counted in separate tables: actors in
    discourse, events in discourse, actors in references, events in references."""
    urls = xrefs.urls
    events = xrefs.events
    columns = tuple(xrefs.article_refs[a.id] for a in xrefs.articles[-MATRIX_COLUMNS:])

    def actor_matrix(tally: Tally, id: str, caption: str, cited: bool) -> Matrix:
        return _matrix(
            xrefs,
            id=id,
            caption=caption,
            row_label="Actor",
            noun="actor",
            columns=columns,
            tally=tally,
            header=lambda a: Link(urls.actor(a), xrefs.actor_names.get(a, a)),
            rank=lambda a: (xrefs.actor_names.get(a, a), a),
            in_order=False,
            kind="mention",
            described=len(xrefs.actors),
            cited=cited,
        )

    def event_matrix(tally: Tally, id: str, caption: str, cited: bool) -> Matrix:
        return _matrix(
            xrefs,
            id=id,
            caption=caption,
            row_label="Event",
            noun="event",
            columns=columns,
            tally=tally,
            header=lambda e: Link(
                urls.event(e), name_with_date(events[e].name, events[e].date, events[e].end_date)
            ),
            rank=lambda e: event_sort_key(events[e]),
            in_order=True,
            kind="reference",
            described=len(events),
            cited=cited,
        )

    return (
        actor_matrix(
            xrefs.actor_discourse,
            "actor-matrix",
            "Mentions of each actor in what each text says, its reference list left out "
            "(stronger shading: more mentions; each count links to the first mention in that "
            "text)",
            False,
        ),
        event_matrix(
            xrefs.event_discourse,
            "event-matrix",
            "References to each event in what each text says, its reference list left out "
            "(stronger shading: more references; each count links to the first reference in "
            "that text)",
            False,
        ),
        actor_matrix(
            xrefs.actor_cited,
            "actor-cited-matrix",
            "Mentions of each actor in each text’s reference list (in cited titles, journals "
            "and publishers; each count links to the first in that text)",
            True,
        ),
        event_matrix(
            xrefs.event_cited,
            "event-cited-matrix",
            "References to each event in each text’s reference list (in cited titles; each "
            "count links to the first in that text)",
            True,
        ),
    )


def choose_rows(
    columns: Sequence[str], counts: Mapping[str, Mapping[str, int]], rank: Callable[[str], Any]
) -> tuple[list[str], list[str]]:
    """The rows of a table of `columns` (text ids): every key some text names, while the table
    has at most MATRIX_CELLS cells; else each text's most-named key, then the most-named in all
    the texts shown, as many as fit. Returns the rows chosen and those left out, each ranked:
    most-named first, then by `rank`."""
    in_shown: Counter[str] = Counter()
    for c in columns:
        in_shown.update({k: n for k, n in counts[c].items() if n})
    ranked = sorted(in_shown, key=lambda k: (-in_shown[k], rank(k)))
    room = max(1, MATRIX_CELLS // max(1, len(columns)))
    if len(ranked) <= room:
        return ranked, []
    position = {k: i for i, k in enumerate(ranked)}
    chosen = {
        min((k for k, n in counts[c].items() if n), key=lambda k: (-counts[c][k], position[k]))
        for c in columns
        if any(counts[c].values())
    }
    for k in ranked:
        if len(chosen) >= room:
            break
        chosen.add(k)
    return [k for k in ranked if k in chosen], [k for k in ranked if k not in chosen]


def _matrix(
    xrefs: CrossReferences,
    *,
    id: str,
    caption: str,
    row_label: str,
    noun: str,
    columns: tuple[ArticleRef, ...],
    tally: Tally,
    header: Callable[[str], Link],
    rank: Callable[[str], Any],
    in_order: bool,
    kind: str,
    described: int,
    cited: bool,
) -> Matrix:
    counts, totals, in_text, grand_total, _, named = tally
    texts = len(xrefs.articles)
    all_texts = len(columns) == texts
    column_ids = [c.id for c in columns]
    shown, left_out = choose_rows(column_ids, counts, rank)
    if in_order:
        shown.sort(key=rank)
    maximum = max((counts[c][key] for c in column_ids for key in shown), default=0)
    out_rows = [
        _matrix_row(xrefs, header(key), key, columns, tally, maximum, kind) for key in shown
    ]
    column_totals = tuple(in_text[c] for c in column_ids)
    rest = grand_total - sum(totals[key] for key in shown)
    other = None
    if left_out or rest:
        shown_in = [sum(counts[c][key] for key in shown) for c in column_ids]
        other = OtherRow(
            f"The other {counted(len(left_out), noun)}" if all_texts else f"Every other {noun}",
            tuple(t - n for t, n in zip(column_totals, shown_in, strict=True)),
            rest,
        )
    which_rows = _which_rows(noun, kind, shown, left_out, other, all_texts, named, described, cited)
    which_texts = (
        f"in {'the one text' if texts == 1 else f'all {texts} texts'}"
        if all_texts
        else f"in the {len(columns)} most recent of the {texts} texts; the last column counts "
        f"{kind}s in every text"
    )
    return Matrix(
        id=id,
        caption=caption,
        row_label=row_label,
        columns=columns,
        rows=tuple(out_rows),
        other=other,
        column_totals=column_totals,
        total_label="Total" if all_texts else f"In all {texts} texts",
        grand_total=grand_total,
        note=f"Shown: {which_rows}, {which_texts}.",
        limited=bool(left_out) or not all_texts,
    )


def _matrix_row(
    xrefs: CrossReferences,
    link: Link,
    key: str,
    columns: tuple[ArticleRef, ...],
    tally: Tally,
    maximum: int,
    kind: str,
) -> MatrixRow:
    """A row: its count in each text, each linked to the first paragraph it is counted in."""
    counts, totals, _, _, first, _ = tally
    cells = []
    for column in columns:
        n = counts[column.id][key]
        level = heat_level(n, maximum)
        if n:
            href = xrefs.urls.paragraph(column.id, first[column.id][key])
            plural = kind if n == 1 else kind + "s"
            label = f"{n} {plural} of {link.text} in “{column.title}”"
            cells.append(MatrixCell(n, level, href, label))
        else:
            cells.append(MatrixCell(0, level, None, ""))
    return MatrixRow(link, totals[key], tuple(cells), matrix_cells_html(cells))


def _which_rows(
    noun: str,
    kind: str,
    shown: list[str],
    left_out: list[str],
    other: OtherRow | None,
    all_texts: bool,
    named: int,
    described: int,
    cited: bool,
) -> str:
    """The note's account of which rows are shown, and of those the texts never name."""
    most = "mentioned" if kind == "mention" else "referred to"
    if not named:
        which_rows = f"no {noun}: the texts name none"
    elif other is None:
        which_rows = f"{part_of(named, named, noun)} the texts name"
    elif not left_out:
        which_rows = (
            f"{part_of(len(shown), len(shown), noun)} these texts name; the row “{other.label}” "
            f"counts those that only earlier texts name"
        )
    else:
        which_rows = (
            f"{len(shown)} of the {counted(len(shown) + len(left_out), noun)} "
            f"{'the texts' if all_texts else 'these texts'} name: each text’s most {most}, then "
            f"the most {most} overall; the row “{other.label}” adds up the rest"
        )
    if named < described:
        unnamed = described - named
        which_rows += (
            f" (the knowledge base describes {described}; {unnamed} "
            f"{'is' if unnamed == 1 else 'are'} named in "
            f"{'no reference list' if cited else 'no text outside reference lists'})"
        )
    return which_rows
