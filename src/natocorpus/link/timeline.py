"""The timeline: events and publications on one axis, drawn at build time (the home page shows a
compact one), and the timeline page listing each year's events and texts."""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Sequence
from typing import Literal

import msgspec

from natocorpus.link.indexes import ARTICLES_PER_PAGE, EVENTS_PER_PAGE
from natocorpus.link.labels import date_range_text, fmt, name_without_own_date
from natocorpus.link.pages import Page, make_page
from natocorpus.link.views import ArticleRef, EventRef, PageContent
from natocorpus.link.xrefs import CrossReferences, event_ref
from natocorpus.model import PartialDate

GAP_WIDTH = 1.0
"""On the timeline, a stretch of years with nothing in it takes at most this many units (a year
with marks takes one unit and one more for each mark that starts in it)."""

SPANNED_YEAR_WIDTH = 0.7
"""Units of a year that only an event spanning several years crosses, and at most of an empty
year."""

TICK_SPACING = 40.0
"""The least distance, in pixels, between the centres of two year labels."""

TIMELINE_LANE_MARKS = 120
"""A timeline lane with more items than this counts them by month (or by year) instead."""

YEAR_LIST_CAP = 20
"""On the timeline page, at most this many events and as many texts listed under each year."""

TIMELINE_WIDTH = 1080.0
"""The drawing's width in CSS pixels. It is drawn at one unit to the pixel on every screen, so
that its text is the size the stylesheet gives it; it fits the page's widest column, and scrolls
sideways in a narrower one. The stylesheet's `.tl-cue` rule shows the cue below this width."""

_LEFT, _RIGHT = 16.0, TIMELINE_WIDTH - 16.0
_TOP = 4.0
_LANE_LABEL = 20.0
"""The band at the top of each lane that its label (drawn beside the scroller) stands in."""
_LANES = (("Events", "events"), ("Publications", "articles"))
_DIGIT_WIDTH = 8.0
"""About the width of a digit of the axis labels (13px in the stylesheet)."""

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
    """A year (or a run of years) on the axis: a line where it starts, its label at its middle."""

    line_x: str
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
    label_width: str
    """The width of the lane labels, drawn over the scroller's left edge."""


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
    """Years across the plot, each as wide as the marks in it need: a unit (room for its label),
    and one more for each mark that starts in it. A year that only a long event crosses takes
    SPANNED_YEAR_WIDTH, and a stretch of years with nothing in it at most GAP_WIDTH, so that a
    lone early event does not squeeze the years the marks crowd into a corner."""

    def __init__(self, first_year: int, last_year: int, marks: Counter[int], spanned: set[int]):
        self.first_year = first_year
        self.last_year = last_year
        self.marked = {y for y in marks if marks[y]}
        self.spanned = spanned - self.marked
        self.years = list(range(first_year, last_year))
        self.widths: dict[int, float] = {}
        empty_run: list[int] = []
        for y in [*self.years, last_year]:
            if y in self.marked or y in self.spanned or y == last_year:
                for e in empty_run:
                    self.widths[e] = min(SPANNED_YEAR_WIDTH, GAP_WIDTH / len(empty_run))
                empty_run = []
                if y == last_year:
                    self.widths[y] = 0.0  # the plot's right edge
                elif y in self.marked:
                    self.widths[y] = 1.0 + marks[y]
                else:
                    self.widths[y] = SPANNED_YEAR_WIDTH
            else:
                empty_run.append(y)
        self.offsets: dict[int, float] = {}
        total = 0.0
        for y in [*self.years, last_year]:
            self.offsets[y] = total
            total += self.widths[y]
        self.total = total

    def x(self, value: float) -> float:
        year = min(max(math.floor(value), self.first_year), self.last_year)
        position = self.offsets[year] + (value - year) * self.widths[year]
        return _LEFT + position / max(self.total, 1.0) * (_RIGHT - _LEFT)


def _dates(xrefs: CrossReferences, kind: str) -> list[PartialDate]:
    if kind == "events":
        return [e.date for e in xrefs.events_sorted]
    return [a.meta.published.value for a in xrefs.articles]


def _scale(xrefs: CrossReferences) -> _Scale:
    events = xrefs.events_sorted
    ends = [e.end_date for e in events if e.end_date]
    marks: Counter[int] = Counter()
    for _, kind in _LANES:
        dates = _dates(xrefs, kind)
        if len(dates) > TIMELINE_LANE_MARKS:
            # A counted lane draws at most a mark a month.
            marks.update(d.year for d in {PartialDate(d.year, d.month) for d in dates})
        else:
            marks.update(d.year for d in dates)
    if not marks:
        return _Scale(2000, 2001, marks, set())
    spanned: set[int] = set()
    for e in events:
        spanned.update(range(e.date.year, (e.end_date or e.date).year + 1))
    last_year = max([*marks, *(d.year for d in ends)]) + 1
    return _Scale(min(marks), last_year, marks, spanned)


def timeline(xrefs: CrossReferences, compact: bool = False) -> Timeline:
    """Events and publications on two lanes over the years, each lane's label in a band at its
    top; dashed lines mark each stretch of compressed years."""
    scale = _scale(xrefs)
    row_h = 12.0 if compact else 16.0
    rows = 3 if compact else 4
    lane_h = _LANE_LABEL + row_h * rows + 8
    lanes: list[TimelineLane] = []
    marks: list[TimelineMark] = []
    counted: list[str] = []
    # Counts go by month only where a month is wide enough to draw a bar for.
    monthly = min((scale.x(y + 1) - scale.x(y) for y in scale.marked), default=0.0) / 12 >= 6
    for index, (label, kind) in enumerate(_LANES):
        lane_top = _TOP + index * lane_h
        lanes.append(TimelineLane(label, fmt(lane_top + 15), fmt(lane_top + lane_h - 2)))
        items, lane_counted = _lane_items(xrefs, kind, monthly)
        if lane_counted:
            counted.append("events" if kind == "events" else "publications")
        marks += _lane_marks(scale, items, lane_counted, lane_top + _LANE_LABEL, row_h, rows)
    axis_y = _TOP + len(_LANES) * lane_h + 4
    ticks, breaks = _axis(scale)
    return Timeline(
        width=fmt(TIMELINE_WIDTH),
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
        description=_description(xrefs, counted),
        label_width=fmt(_LEFT + max(len(label) for label, _ in _LANES) * 9),
    )


def _description(xrefs: CrossReferences, counted: Sequence[str]) -> str:
    """What the drawing shows, with the years each lane's marks cover."""
    spans = []
    for _, kind in _LANES:
        dates = _dates(xrefs, kind)
        noun = "event" if kind == "events" else "publication"
        if not dates:
            spans.append(f"no {noun}")
            continue
        ends = [e.end_date for e in xrefs.events_sorted if e.end_date] if kind == "events" else []
        first = min(d.year for d in dates)
        last = max(d.year for d in [*dates, *ends])
        years = f"in {first}" if first == last else f"from {first} to {last}"
        spans.append(f"{len(dates)} {noun}{'' if len(dates) == 1 else 's'} {years}")
    return (
        f"{' and '.join(spans).capitalize()}. A dot is a day; a bar spans the month or year when "
        "only that is known. "
        + (
            f"{' and '.join(counted).capitalize()} are counted by month or by year: one "
            "bar for each, darker for more, leading to that year on the timeline page. "
            if counted
            else ""
        )
        + "Each year is as wide as the marks in it need; stretches of years with nothing in "
        "them are squeezed between dashed lines."
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
            name = name_without_own_date(e.name, e.date, e.end_date)
            when = date_range_text(e.date, e.end_date)
            items.append(
                (e.date, e.end_date, xrefs.urls.event(e.id), f"{name}, {when}", "tl-event")
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
    """A label for each year with marks, and for each run of years only a long event crosses
    ("1940–45"), where there is room, each at its middle with a line where it starts; a dashed
    break in each stretch of empty years."""
    segments: list[tuple[int, int, bool]] = []  # first year, year after, labelled
    y = scale.first_year
    while y < scale.last_year:
        end = y + 1
        if y in scale.marked:
            segments.append((y, end, True))
        else:
            while end < scale.last_year and end not in scale.marked:
                if (end in scale.spanned) != (y in scale.spanned):
                    break
                end += 1
            segments.append((y, end, y in scale.spanned))
        y = end
    ticks: list[TimelineTick] = []
    breaks: list[str] = []
    last_right = -1e9
    for first, after, labelled in segments:
        x0, x1 = scale.x(first), scale.x(after)
        if not labelled:
            breaks.append(fmt((x0 + x1) / 2))
            continue
        label = str(first) if after == first + 1 else _year_span(first, after - 1)
        half = len(label) * _DIGIT_WIDTH / 2
        middle = (x0 + x1) / 2
        if middle - half >= last_right + 4 and half * 2 <= max(x1 - x0, TICK_SPACING):
            ticks.append(TimelineTick(fmt(x0), fmt(middle), label))
            last_right = middle + half
    return ticks, breaks


def _year_span(first: int, last: int) -> str:
    """ "1940–45", or "1998–2003" across a century."""
    same_century = first // 100 == last // 100
    return f"{first}\u2013{last % 100:02d}" if same_century else f"{first}\u2013{last}"


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
