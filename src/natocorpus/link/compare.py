"""The compare page: the texts on the stance scale, and tables of which actors and events each of
the latest texts mentions. The stance scale is also on the about page."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence

import msgspec
from markupsafe import Markup

from natocorpus.link.html import matrix_cells_html
from natocorpus.link.labels import heat_level, stance_class
from natocorpus.link.pages import Page, make_page
from natocorpus.link.views import ArticleRef, Link, PageContent
from natocorpus.link.xrefs import CrossReferences, event_sort_key
from natocorpus.model import AnnotatedArticle

SCALE_LIST_MAX = 30
"""The compare page lists the texts under each stance level only for this many texts or fewer."""

MATRIX_ROWS = 20
MATRIX_COLUMNS = 50


class MatrixCell(msgspec.Struct, frozen=True):
    count: int
    level: str
    href: str | None
    label: str


class MatrixRow(msgspec.Struct, frozen=True):
    header: Link
    total: int
    cells: tuple[MatrixCell, ...]
    html: Markup
    """The row's cells, prepared and escaped (the template places them as they are)."""


class Matrix(msgspec.Struct, frozen=True):
    id: str
    caption: str
    row_label: str
    columns: tuple[ArticleRef, ...]
    rows: tuple[MatrixRow, ...]
    column_totals: tuple[int, ...]
    grand_total: int
    limited: str | None
    """When the table shows only part of the corpus: which part (the caption says it)."""


class StanceLevelView(msgspec.Struct, frozen=True):
    """A level of the stance scale: how many texts take it, and (for a small corpus) which."""

    value: int
    label: str
    css_class: str
    count: int
    articles: tuple[tuple[ArticleRef, str], ...]


class CompareContext(PageContent, frozen=True):
    question: str
    scale: tuple[StanceLevelView, ...]
    scale_listed: bool
    actor_matrix: Matrix
    event_matrix: Matrix
    mentions_href: str


def compare_page(xrefs: CrossReferences) -> Page:
    actor_matrix, event_matrix = matrices(xrefs)
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


def matrices(xrefs: CrossReferences) -> tuple[Matrix, Matrix]:
    """Actors and events by text: the MATRIX_ROWS most-mentioned actors and events, in the
    MATRIX_COLUMNS most recent texts (all of them in a small corpus)."""
    urls = xrefs.urls
    columns = tuple(xrefs.article_refs[a.id] for a in xrefs.articles[-MATRIX_COLUMNS:])
    all_shown = len(columns) == len(xrefs.articles)
    actor_ids = sorted(
        (a for a, n in xrefs.actor_totals.items() if n),
        key=lambda a: (-xrefs.actor_totals[a], xrefs.actor_names.get(a, a), a),
    )
    events = xrefs.events
    event_ids = sorted(
        (e for e, n in xrefs.event_totals.items() if n and e in events),
        key=lambda e: (-xrefs.event_totals[e], event_sort_key(events[e])),
    )
    shown_events = sorted(event_ids[:MATRIX_ROWS], key=lambda e: event_sort_key(events[e]))
    some_texts = (
        f", in the {len(columns)} most recent of the {len(xrefs.articles)} texts; totals are "
        "over the texts shown"
        if not all_shown
        else ""
    )
    actor_matrix = _matrix(
        xrefs,
        "actor-matrix",
        "Mentions of each actor in each text (stronger shading: more mentions; each count "
        "links to the first mention in that text)",
        "Actor",
        columns,
        [(Link(urls.actor(a), xrefs.actor_names.get(a, a)), a) for a in actor_ids[:MATRIX_ROWS]],
        xrefs.actor_counts,
        xrefs.first_actor_anchor,
        "mention",
        None
        if len(actor_ids) <= MATRIX_ROWS and all_shown
        else f"Shown: the {min(len(actor_ids), MATRIX_ROWS)} most-mentioned of the "
        f"{len(actor_ids)} actors{some_texts}.",
    )
    event_matrix = _matrix(
        xrefs,
        "event-matrix",
        "References to each event in each text (stronger shading: more references; each count "
        "links to the first reference in that text)",
        "Event",
        columns,
        [
            (Link(urls.event(e), f"{events[e].name} ({events[e].date.display})"), e)
            for e in shown_events
        ],
        xrefs.event_counts,
        xrefs.first_event_anchor,
        "reference",
        None
        if len(event_ids) <= MATRIX_ROWS and all_shown
        else f"Shown: the {len(shown_events)} most-referenced of the {len(event_ids)} "
        f"events, in date order{some_texts}.",
    )
    return actor_matrix, event_matrix


def _matrix(
    xrefs: CrossReferences,
    id: str,
    caption: str,
    row_label: str,
    columns: tuple[ArticleRef, ...],
    rows: Sequence[tuple[Link, str]],
    counts: Mapping[str, Counter[str]],
    first: Mapping[str, Mapping[str, str]],
    noun: str,
    limited: str | None,
) -> Matrix:
    maximum = max((counts[c.id][key] for c in columns for _, key in rows), default=0)
    out_rows = []
    for header, key in rows:
        cells = []
        for column in columns:
            n = counts[column.id][key]
            level = heat_level(n, maximum)
            if n:
                href = xrefs.urls.paragraph(column.id, first[column.id][key])
                plural = noun if n == 1 else noun + "s"
                label = f"{n} {plural} of {header.text} in “{column.title}”"
                cells.append(MatrixCell(n, level, href, label))
            else:
                cells.append(MatrixCell(0, level, None, ""))
        out_rows.append(
            MatrixRow(
                header,
                sum(counts[c.id][key] for c in columns),
                tuple(cells),
                matrix_cells_html(cells),
            )
        )
    column_totals = tuple(sum(counts[c.id][key] for _, key in rows) for c in columns)
    return Matrix(
        id,
        caption,
        row_label,
        columns,
        tuple(out_rows),
        column_totals,
        sum(column_totals),
        limited,
    )
