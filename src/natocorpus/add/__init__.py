"""`natocorpus add`: a capture into the corpus, and a draft of its article.

The capture is copied byte for byte into sources/. The draft states what the capture states (a
title, bylines, a date line, the outlet of a dateline or a feed footer), each with its exact words;
declares every line of site chrome as omitted, with its reason; transcribes the rest as Markdown
(headings, lists, a numbered reference list) escaped so that it compares equal to the capture; and
leaves each judgement, and whatever it did not find, as a `TODO` that `check` reports until a person
fills it in. The coverage check's stubs for names and events the knowledge base lacks come back
with it, to paste.
"""

from natocorpus.add.command import AddReport, add_capture, print_added, slug_of
from natocorpus.add.draft import draft_from
from natocorpus.add.front_matter import front_matter
from natocorpus.add.markdown import escape_inline, escape_line
from natocorpus.add.metadata import find_date
from natocorpus.add.records import Draft, Omission, StatedDate

__all__ = [
    "AddReport",
    "Draft",
    "Omission",
    "StatedDate",
    "add_capture",
    "draft_from",
    "escape_inline",
    "escape_line",
    "find_date",
    "front_matter",
    "print_added",
    "slug_of",
]
