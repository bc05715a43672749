"""Every piece of HTML the link stage makes in Python, so that its escaping is read in one place.

The templates escape what they place; what is made here is placed as it is (`Markup`), so each
function below escapes every value it puts in markup. Nothing else in the package makes `Markup`.
"""

from __future__ import annotations

import bisect
import json
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING

from markupsafe import Markup, escape

from natocorpus.link.urls import Urls
from natocorpus.model import AnnotatedArticle, Block

if TYPE_CHECKING:
    from natocorpus.link.article import BodyBlock
    from natocorpus.link.compare import MatrixCell
    from natocorpus.link.mentions import Kwic
    from natocorpus.link.views import MetaTag, SearchTag

NO_HTML = Markup("")

# Unicode's explicit bidirectional formatting characters: the marks, and the embeddings, overrides
# and isolates with what closes them. Left open in a value, one would turn the text after the value
# around too (a name read backwards, a file name's end shown first).
_BIDI_MARKS = "\u200e\u200f\u061c"  # LRM, RLM, ALM
_EMBEDDINGS = "\u202a\u202b\u202d\u202e"  # LRE, RLE, LRO, RLO; each closed by PDF
_ISOLATES = "\u2066\u2067\u2068"  # LRI, RLI, FSI; each closed by PDI
_PDF, _PDI, _FSI = "\u202c", "\u2069", "\u2068"
# Every value the templates place is looked at: an ASCII text (which Python knows without reading
# it) holds none, and for the others one regex search runs in C where a set test would hash each
# character in turn.
_HAS_BIDI = re.compile(f"[{_BIDI_MARKS}{_EMBEDDINGS}{_ISOLATES}{_PDF}{_PDI}]").search


def bidi_isolated(value: object) -> object:
    """A text holding bidirectional formatting characters, isolated as `<bdi>` isolates (FSI ...
    PDI, which hold in an attribute and in feed.xml too): what it opens is closed at its end,
    what it closes that it did not open is dropped. Anything else, as it is. The templates'
    `finalize`: every value they place goes through it."""
    if type(value) is not str or value.isascii() or _HAS_BIDI(value) is None:
        return value
    shown: list[str] = []
    open_: list[str] = []  # the closer each character still open needs, innermost last
    for char in value:
        if char in _EMBEDDINGS or char in _ISOLATES:
            open_.append(_PDF if char in _EMBEDDINGS else _PDI)
        elif char == _PDF:
            if not open_ or open_[-1] != _PDF:
                continue
            open_.pop()
        elif char == _PDI:
            if _PDI not in open_:
                continue
            while open_.pop() != _PDI:  # a PDI closes the embeddings inside its isolate
                pass
        shown.append(char)
    return _FSI + "".join(shown) + "".join(reversed(open_)) + _PDI


def _escaped(value: object) -> Markup:
    """`value` escaped for HTML, its bidirectional formatting characters isolated."""
    return escape(bidi_isolated(value))


def head_html(meta: Iterable[MetaTag], search_tags: Iterable[SearchTag]) -> Markup:
    """The page's <meta> elements: its description, Open Graph and Highwire tags, then the values
    for the search index (`data-pagefind-{kind}="{key}[content]"`), each on its own line."""
    lines = [
        f'<meta {tag.attr}="{_escaped(tag.key)}" content="{_escaped(tag.content)}">' for tag in meta
    ]
    lines += [
        f'<meta name="pagefind-{tag.kind}-{_escaped(tag.key)}" content="{_escaped(tag.value)}" '
        f'data-pagefind-{tag.kind}="{_escaped(tag.key)}[content]">'
        for tag in search_tags
    ]
    return Markup("\n".join(lines))  # every value is escaped above


def json_for_script(value: object) -> Markup:
    """JSON that is safe inside <script>: `<`, `>` and `&` become \\u003c, \\u003e and \\u0026."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=False)
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    text = text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    return Markup(text)  # escaped above for <script>


def kwic_html(shown: Sequence[Kwic]) -> Markup:
    """The passages of a mention group as one escaped `<ol>`, every mention in each highlighted
    (empty when there are none)."""
    if not shown:
        return NO_HTML
    lines = ['<ol class="kwic">']
    for k in shown:
        # Text around the mentions at even places, the mentions (highlighted) at odd ones.
        quote = "".join(
            f"<mark>{_escaped(part)}</mark>" if n % 2 else str(_escaped(part))
            for n, part in enumerate(k.parts)
        )
        zone = f' <span class="zone">({_escaped(k.zone_label)})</span>' if k.zone_label else ""
        lines.append(
            f"<li><q>{quote}</q>{zone} "
            f'<a class="kwic-link" href="{_escaped(k.href)}">paragraph '
            '<span aria-hidden="true">¶</span></a></li>'
        )
    lines.append("</ol>")
    return Markup("\n".join(lines))  # every value is escaped above


def matrix_cells_html(cells: Sequence[MatrixCell]) -> Markup:
    """A row of the compare page's tables: each cell shaded, a count linking to its mention."""
    html = []
    for cell in cells:
        if cell.count:
            html.append(
                f'<td class="heat {cell.level}"><a href="{_escaped(cell.href)}" '
                f'aria-label="{_escaped(cell.label)}">{cell.count}</a></td>'
            )
        else:
            html.append(f'<td class="heat {cell.level}"><span class="zero">0</span></td>')
    return Markup("\n".join(html))  # escaped above


# The article body ------------------------------------------------------------------------------


def body_html(blocks: Sequence[BodyBlock]) -> Markup:
    """The article body as one piece of markup: each block with its anchor and permalink."""
    lines: list[str] = []
    for block in blocks:
        if block.kind == "list":
            brackets = " numbered-with-brackets" if block.brackets else ""
            lines.append(f'<{block.tag} class="body-list{brackets}">')
            for item in block.items:
                value = f' value="{item.value}"' if item.value is not None else ""
                lines.append(
                    f'<li id="{_escaped(item.anchor)}"{value}>{item.html} <a class="permalink" '
                    f'data-pagefind-ignore href="#{_escaped(item.anchor)}" '
                    'aria-label="Permalink to this item">¶</a></li>'
                )
            lines.append(f"</{block.tag}>")
        else:
            lines.append(
                f'<{block.tag} id="{_escaped(block.anchor)}">{block.html} <a class="permalink" '
                f'data-pagefind-ignore href="#{_escaped(block.anchor)}" '
                f'aria-label="Permalink to this {block.kind}">¶</a></{block.tag}>'
            )
    return Markup("\n".join(lines) + "\n" if lines else "")  # block html is escaped text


_Span = tuple[int, int, int, str, str]
"""A span of the body to wrap: start, start - end (so that the longest sorts first), priority,
opening tag, closing tag."""


class MentionTags:
    """The opening tags of mention links, built and escaped once per actor or event for the
    whole site rather than once per mention."""

    def __init__(self, urls: Urls, actor_names: Mapping[str, str]) -> None:
        self.urls = urls
        self.actor_names = actor_names
        self._actors: dict[tuple[str, bool], str] = {}
        self._events: dict[tuple[str, str], str] = {}

    def actor(self, actor_id: str, text: str, titled: bool = True) -> str:
        """A plain link (actor mentions are by far the most frequent: the stylesheet marks every
        link in the body but the permalinks as a mention), with the actor's name as a tooltip
        where the words in the text are not the name itself and `titled` is true."""
        name = self.actor_names.get(actor_id, actor_id)
        key = (actor_id, text == name or not titled)
        tag = self._actors.get(key)
        if tag is None:
            title = "" if key[1] else f' title="{_escaped(name)}"'
            tag = f'<a href="{_escaped(self.urls.actor(actor_id))}"{title}>'
            self._actors[key] = tag
        return tag

    def event(self, event_id: str, css: str) -> str:
        tag = self._events.get((event_id, css))
        if tag is None:
            tag = f'<a class="{css}" href="{_escaped(self.urls.event(event_id))}">'
            self._events[(event_id, css)] = tag
        return tag


def blocks_html(article: AnnotatedArticle, tags: MentionTags) -> list[Markup]:
    """Each block of the article's text, escaped, with its mentions linked and its dates marked."""
    spans = _spans(article, tags)
    by_block: dict[str, list[_Span]] = defaultdict(list)
    blocks = article.text.blocks
    starts = [b.start for b in blocks]
    for span in spans:
        # The last block starting at or before the span (blocks are in text order).
        index = bisect.bisect_right(starts, span[0]) - 1
        if index >= 0 and span[0] - span[1] <= blocks[index].end:
            by_block[blocks[index].anchor].append(span)
    return [_block_html(block, by_block.get(block.anchor, ())) for block in blocks]


def _spans(article: AnnotatedArticle, tags: MentionTags) -> list[_Span]:
    spans: list[_Span] = []
    titled: set[tuple[str, str]] = set()  # the tooltip on the first use of each form only
    for m in sorted(article.mentions, key=lambda m: m.start):
        first = (m.actor, m.text) not in titled
        titled.add((m.actor, m.text))
        spans.append((m.start, m.start - m.end, 0, tags.actor(m.actor, m.text, first), "</a>"))
    for e in article.event_mentions:
        spans.append((e.start, e.start - e.end, 1, tags.event(e.event, "mention-event"), "</a>"))
    for d in article.dates:
        time_open = f'<time datetime="{_escaped(d.value.iso)}">' if d.value is not None else ""
        time_close = "</time>" if d.value is not None else ""
        if d.event is not None:
            spans.append(
                (
                    d.start,
                    d.start - d.end,
                    2,
                    tags.event(d.event, "mention-date") + time_open,
                    time_close + "</a>",
                )
            )
        elif d.value is not None:
            spans.append((d.start, d.start - d.end, 3, time_open, time_close))
    # Longest first at each offset; an overlapping later span is dropped (no link inside a link).
    spans.sort()
    return spans


def _block_html(block: Block, spans: Sequence[_Span]) -> Markup:
    text = block.text
    offset = block.start
    size = len(text)
    pieces: list[str] = []  # text between spans and text of spans, alternating
    wrappers: list[tuple[str, str]] = []
    cursor = 0
    for span_start, negative_length, _, open_, close in spans:
        start = span_start - offset
        end = start - negative_length
        if start < cursor or start < 0 or end > size or end <= start:
            continue
        pieces.append(text[cursor:start])
        pieces.append(text[start:end])
        wrappers.append((open_, close))
        cursor = end
    pieces.append(text[cursor:])
    # One escape for the whole block: the pieces joined by a character that escaping leaves
    # alone and that is not in the text.
    if "\x00" in text:
        escaped = [str(_escaped(piece)) for piece in pieces]
    else:
        escaped = str(_escaped("\x00".join(pieces))).split("\x00")
    out = [escaped[0]]
    for k, (open_, close) in enumerate(wrappers):
        out += (open_, escaped[2 * k + 1], close, escaped[2 * k + 2])
    return Markup("".join(out))  # every piece of text is escaped
