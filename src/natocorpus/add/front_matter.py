"""The draft's front matter as YAML: what the capture states with its words, and a `TODO` for
each judgement and for whatever `add` did not find."""

from __future__ import annotations

import json
import unicodedata

from natocorpus.add.records import Draft
from natocorpus.model import PartialDate


def _iso(date: PartialDate) -> str:
    parts = [f"{date.year:04d}", *(f"{p:02d}" for p in (date.month, date.day) if p is not None)]
    return "-".join(parts)


def _quoted(text: str) -> str:
    """A YAML double-quoted scalar; characters one cannot see are written as escapes."""
    dumped = json.dumps(text, ensure_ascii=False)
    return "".join(
        f"\\u{ord(c):04x}" if unicodedata.category(c) in ("Zs", "Cf", "Cc") and c != " " else c
        for c in dumped
    )


def front_matter(
    draft: Draft,
    article_id: str,
    source_file: str,
    genres: tuple[str, ...],
    levels: tuple[str, ...],
    scale: str,
) -> str:
    out = [f"id: {article_id}", f"source_file: {_quoted(source_file)}"]
    if draft.title:
        out.append(
            f"title: {{value: {_quoted(draft.title[0])}, stated: {_quoted(draft.title[1])}}}"
        )
    else:
        out.append(
            'title: {value: TODO, inferred: "TODO: the capture prints no title: give one, and '
            'say where it comes from (`inferred:` a title the editors supply)"}'
        )
    if draft.authors:
        names = ", ".join(f"{{name: {_quoted(name)}}}" for name in draft.authors[0])
        out.append(f"authors: {{value: [{names}], stated: {_quoted(draft.authors[1])}}}")
    else:
        out.append(
            'authors: {value: TODO, inferred: "TODO: no byline found: list the authors '
            '([{name: ...}], or [] for none) and say how you know"}'
        )
    if draft.outlet:
        out.append(
            f"outlet: {{value: {_quoted(draft.outlet[0])}, stated: {_quoted(draft.outlet[1])}}}"
        )
    else:
        out.append(
            'outlet: {value: TODO, inferred: "TODO: no outlet found: name it with the basis, '
            'or null where none is known"}'
        )
    if draft.published:
        date = draft.published.date
        out.append(
            f'published: {{value: "{_iso(date)}", precision: {date.precision}, '
            f"stated: {_quoted(draft.published.words)}}}"
        )
    else:
        out.append(
            'published: {value: TODO, precision: TODO, inferred: "TODO: no date line found: '
            'the date (YYYY, YYYY-MM; a day only where the text states it) and its basis"}'
        )
    if draft.doi:
        out.append(f"doi: {{value: {_quoted(draft.doi[0])}, stated: {_quoted(draft.doi[1])}}}")
    genre_hint = f"one of {', '.join(genres)}" if genres else "the kind of text"
    out += [
        f'genre: {{value: TODO, inferred: "TODO: {genre_hint}, and why"}}',
        f'completeness: {{value: TODO, inferred: "TODO: one of {", ".join(levels)}, and why"}}',
        'themes: {value: TODO, inferred: "TODO: the main subjects as a list, [a, b], and why"}',
        "stance:",
        f"  value: TODO  # {scale}",
        '  rationale: "TODO: the value on the scale, this sentence saying why, and 2 to 4 '
        'passages of the reading text as evidence"',
        "  evidence:  # 2 to 4 verbatim passages of the reading text",
        '    - "TODO: a passage"',
        '    - "TODO: a passage"',
    ]
    if draft.omitted:
        out.append("omitted:")
        out += [
            f"  - {{line: {o.line}, text: {_quoted(o.text)}, reason: {_quoted(o.reason)}}}"
            for o in sorted(draft.omitted)
        ]
    return "\n".join(out)
