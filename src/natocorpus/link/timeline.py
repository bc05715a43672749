"""The timeline: events and publications on one axis, drawn at build time (the home page shows a
compact one), and the timeline page listing each year's events and texts."""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Sequence
from typing import Literal

import msgspec

from natocorpus.link.indexes import ARTICLES_PER_PAGE, EVENTS_PER_PAGE
from natocorpus.link.labels import fmt
from natocorpus.link.pages import Page, make_page
from natocorpus.link.views import ArticleRef, EventRef, PageContent
from natocorpus.link.xrefs import CrossReferences, event_ref
from natocorpus.model import PartialDate

GAP_YEAR_WIDTH = 0.15
"""On the timeline, a year with nothing in it takes this fraction of a year's width."""

TICK_SPACING = 34.0

TIMELINE_LANE_MARKS = 120
"""A timeline lane with more items than this counts them by month (or by year) instead."""

YEAR_LIST_CAP = 20
"""On the timeline page, at most this many events and as many texts listed under each year."""

_WIDTH = 960.0
_LEFT, _RIGHT = 120.0, 940.0
_TOP = 10.0
_LANES = (("Events", "events"), ("Publications", "articles"))

_Item = tuple[PartialDate, PartialDate | None, str, str, str]
"""A mark to place on a lane: start, end, link, label, CSS class."""


class TimelineMark(msgspec.Struct, frozen=True):
    """A mark on a lane: a dot (`shape` "dot": cx, cy, r) for a day, a bar for a month or a year."""

    shape: Literal["dot", "bar"]
    x: str
    y: str
    width: str
    height: str
    cx: str
    cy: str
    href: str
    label: str
    css_class: str


class TimelineTick(msgspec.Struct, frozen=True):
    x: str
    label: str


class TimelineLane(msgspec.Struct, frozen=True):
    label: str
    label_y: str
    line_y: str


class Timeline(msgspec.Struct, frozen=True):
    width: str
    height: str
    axis_y: str
    tick_top: str
    label_y: str
    plot_left: str
    plot_right: str
    lanes: tuple[TimelineLane, ...]
    ticks: tuple[TimelineTick, ...]
    breaks: tuple[str, ...]
    marks: tuple[TimelineMark, ...]
    description: str


class YearGroup(msgspec.Struct, frozen=True):
    """One year on the timeline page: at most YEAR_LIST_CAP events and texts, with how many more
    there are and where the index lists them."""

    year: str
    events: tuple[EventRef, ...]
    articles: tuple[ArticleRef, ...]
    events_more: int
    events_more_href: str
    articles_more: int
    articles_more_href: str


class TimelineContext(PageContent, frozen=True):
    timeline: Timeline
    years: tuple[YearGroup, ...]


def timeline_page(xrefs: CrossReferences) -> Page:
    return make_page(
        xrefs,
        "timeline",
        "timeline/",
        "Timeline",
        "The events the texts refer to and the texts' publication dates, on one timeline.",
        TimelineContext(timeline(xrefs), _year_groups(xrefs)),
    )


def _year_groups(xrefs: CrossReferences) -> tuple[YearGroup, ...]:
    """By year: at most YEAR_LIST_CAP of each, the rest on the index page that lists them."""
    event_refs = tuple(event_ref(xrefs, e.id) for e in xrefs.events_sorted)
    article_refs = tuple(xrefs.article_refs[a.id] for a in xrefs.articles)
    years: dict[int, tuple[list[int], list[int]]] = defaultdict(lambda: ([], []))
    for i, e in enumerate(xrefs.events_sorted):
        years[e.date.year][0].append(i)
    for i, a in enumerate(xrefs.articles):
        years[a.meta.published.value.year][1].append(i)
    urls = xrefs.urls
    groups = []
    for y in sorted(years):
        event_positions, article_positions = years[y]
        more_events = event_positions[YEAR_LIST_CAP:]
        more_articles = article_positions[YEAR_LIST_CAP:]
        groups.append(
            YearGroup(
                str(y),
                tuple(event_refs[i] for i in event_positions[:YEAR_LIST_CAP]),
                tuple(article_refs[i] for i in article_positions[:YEAR_LIST_CAP]),
                len(more_events),
                urls.index("events", more_events[0] // EVENTS_PER_PAGE + 1) if more_events else "",
                len(more_articles),
                urls.index("articles", more_articles[0] // ARTICLES_PER_PAGE + 1)
                if more_articles
                else "",
            )
        )
    return tuple(groups)


class _Scale:
    """Years across the plot. Years with nothing in them are compressed, so that a lone early
    event does not squeeze the decades the texts discuss into a corner."""

    def __init__(self, first_year: int, last_year: int, active: set[int]) -> None:
        self.first_year = first_year
        self.last_year = last_year
        self.active = active
        self.years = list(range(first_year, last_year))
        self.widths = {y: 1.0 if y in active else GAP_YEAR_WIDTH for y in self.years}
        self.offsets: dict[int, float] = {}
        total = 0.0
        for y in self.years:
            self.offsets[y] = total
            total += self.widths[y]
        self.offsets[last_year] = total
        self.widths[last_year] = 1.0
        self.total = total

    def x(self, value: float) -> float:
        year = min(max(math.floor(value), self.first_year), self.last_year)
        position = self.offsets[year] + (value - year) * self.widths[year]
        return _LEFT + position / max(self.total, 1.0) * (_RIGHT - _LEFT)


def _scale(xrefs: CrossReferences) -> _Scale:
    events = xrefs.events_sorted
    dates = [e.date for e in events] + [a.meta.published.value for a in xrefs.articles]
    ends = [e.end_date for e in events if e.end_date]
    if not dates:
        first_year, last_year = 2000, 2001
    else:
        first_year = min(d.year for d in dates)
        last_year = max(d.year for d in [*dates, *ends]) + 1
    active: set[int] = set()
    for e in events:
        active.update(range(e.date.year, (e.end_date or e.date).year + 1))
    active.update(d.year for d in dates)
    return _Scale(first_year, last_year, active)


def timeline(xrefs: CrossReferences, compact: bool = False) -> Timeline:
    """Events and publications on two lanes over the years; dashed lines mark each stretch of
    compressed years."""
    scale = _scale(xrefs)
    row_h = 12.0 if compact else 16.0
    rows = 3 if compact else 4
    lane_h = row_h * rows + 12
    lanes: list[TimelineLane] = []
    marks: list[TimelineMark] = []
    counted: list[str] = []
    # Counts go by month only where a month is wide enough to draw a bar for.
    monthly = min((scale.x(y + 1) - scale.x(y) for y in scale.active), default=0.0) / 12 >= 6
    for index, (label, kind) in enumerate(_LANES):
        lane_top = _TOP + index * lane_h
        lanes.append(
            TimelineLane(label, fmt(lane_top + lane_h / 2 + 4), fmt(lane_top + lane_h - 2))
        )
        items, lane_counted = _lane_items(xrefs, kind, monthly)
        if lane_counted:
            counted.append("events" if kind == "events" else "publications")
        marks += _lane_marks(scale, items, lane_counted, lane_top, row_h, rows)
    axis_y = _TOP + len(_LANES) * lane_h + 4
    ticks, breaks = _axis(scale)
    return Timeline(
        width=fmt(_WIDTH),
        height=fmt(axis_y + 22),
        axis_y=fmt(axis_y),
        tick_top=fmt(_TOP),
        label_y=fmt(axis_y + 16),
        plot_left=fmt(_LEFT),
        plot_right=fmt(_RIGHT),
        lanes=tuple(lanes),
        ticks=tuple(ticks),
        breaks=tuple(breaks),
        marks=tuple(marks),
        description=(
            f"{len(xrefs.events_sorted)} events and {len(xrefs.articles)} publications from "
            f"{scale.first_year} to {scale.last_year - 1}. A dot is a day; a bar spans the month "
            "or year when only that is known. "
            + (
                f"{' and '.join(counted).capitalize()} are counted by month or by year: one "
                "bar for each, darker for more, leading to that year on the timeline page. "
                if counted
                else ""
            )
            + "Stretches of years with nothing in them are compressed (dashed lines)."
        ),
    )


def _lane_items(xrefs: CrossReferences, kind: str, monthly: bool) -> tuple[list[_Item], bool]:
    """The marks of the events' lane or the publications' lane, and whether they are counts."""
    events = xrefs.events_sorted
    items: list[_Item] = []
    if kind == "events" and len(events) > TIMELINE_LANE_MARKS:
        return _counted(
            xrefs, [e.date for e in events], "event", "events", "tl-event", monthly
        ), True
    if kind == "events":
        for e in events:
            when = e.date.display + (f" \u2013 {e.end_date.display}" if e.end_date else "")
            items.append(
                (e.date, e.end_date, xrefs.urls.event(e.id), f"{e.name}, {when}", "tl-event")
            )
        return items, False
    if len(xrefs.articles) > TIMELINE_LANE_MARKS:
        dates = [a.meta.published.value for a in xrefs.articles]
        counts = _counted(xrefs, dates, "text published", "texts published", "tl-article", monthly)
        return counts, True
    for a in xrefs.articles:
        r = xrefs.article_refs[a.id]
        items.append(
            (
                a.meta.published.value,
                None,
                r.href,
                f"{r.title} ({r.outlet_and_date})",
                f"tl-article {r.stance_class}",
            )
        )
    return items, False


def _lane_marks(
    scale: _Scale,
    items: list[_Item],
    lane_counted: bool,
    lane_top: float,
    row_h: float,
    rows: int,
) -> list[TimelineMark]:
    """The items of a lane, each on the first of its rows where it does not overlap another."""
    row_ends = [-1e9] * rows
    marks = []
    for start, end, href, label_text, css in items:
        x0 = scale.x(_year_start(start))
        x1 = scale.x(_year_end(end or start))
        dot = start.precision == "day" and end is None
        if dot:
            x0, x1 = x0 - 4, x0 + 4
        elif lane_counted:
            # A gap between neighbouring periods keeps the counts on one row.
            x0, x1 = x0 + 1, x1 - 1.5
        x1 = max(x1, x0 + 3)
        row = next((i for i in range(rows) if row_ends[i] + 2 <= x0), None)
        if row is None:
            row = min(range(rows), key=lambda i: row_ends[i])
        row_ends[row] = max(row_ends[row], x1)
        cy = lane_top + 6 + row * row_h + row_h / 2
        marks.append(
            TimelineMark(
                shape="dot" if dot else "bar",
                x=fmt(x0),
                y=fmt(cy - row_h / 2 + 2),
                width=fmt(x1 - x0),
                height=fmt(row_h - 4),
                cx=fmt((x0 + x1) / 2),
                cy=fmt(cy),
                href=href,
                label=label_text,
                css_class=css,
            )
        )
    return marks


def _axis(scale: _Scale) -> tuple[list[TimelineTick], list[str]]:
    """A tick for each year with something in it, where there is room; a break in each stretch
    of two or more compressed years."""
    ticks: list[TimelineTick] = []
    breaks: list[str] = []
    last_x = -1e9
    run_start: int | None = None
    for y in [*scale.years, scale.last_year]:
        if y in scale.active or y == scale.last_year:
            if run_start is not None and y - run_start >= 2:
                breaks.append(fmt(scale.x((run_start + y) / 2)))
            run_start = None
            x = scale.x(y)
            if y in scale.active and x - last_x >= TICK_SPACING:
                ticks.append(TimelineTick(fmt(x), str(y)))
                last_x = x
        elif run_start is None:
            run_start = y
    return ticks, breaks


def _counted(
    xrefs: CrossReferences,
    dates: Sequence[PartialDate],
    one: str,
    many: str,
    css: str,
    monthly: bool,
) -> list[_Item]:
    """Many dates as a few marks: a count per month (dates known only to the year counted for the
    year), or per year when there would still be more than TIMELINE_LANE_MARKS or a month is too
    narrow to draw."""
    buckets = Counter(PartialDate(d.year, d.month) for d in dates)
    if not monthly or len(buckets) > TIMELINE_LANE_MARKS:
        buckets = Counter(PartialDate(d.year) for d in dates)
    maximum = max(buckets.values(), default=1)
    items: list[_Item] = []
    for when in sorted(buckets, key=lambda d: d.sort_key):
        n = buckets[when]
        level = max(1, math.ceil(4 * math.sqrt(n / maximum)))
        items.append(
            (
                when,
                None,
                xrefs.urls.page("timeline/") + f"#y-{when.year}",
                f"{n} {one if n == 1 else many} in {when.display}",
                f"{css} tl-count tl-n{level}",
            )
        )
    return items


def _year_start(date: PartialDate) -> float:
    if date.month is None:
        return float(date.year)
    if date.day is None:
        return date.year + (date.month - 1) / 12
    return date.year + (date.month - 1) / 12 + (date.day - 1) / 372


def _year_end(date: PartialDate) -> float:
    if date.month is None:
        return float(date.year + 1)
    if date.day is None:
        return date.year + date.month / 12
    return date.year + (date.month - 1) / 12 + date.day / 372
