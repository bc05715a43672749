"""What a line of site chrome is, by its words: the lines `add` declares omitted."""

from __future__ import annotations

import re

SECTION_LABELS = frozenset(
    [
        "abstract",
        "introduction",
        "summary",
        "conclusion",
        "conclusions",
        "references",
        "bibliography",
        "notes",
        "footnotes",
        "background",
        "keywords",
        "acknowledgements",
        "acknowledgments",
        "sources",
        "аннотация",
        "введение",
        "заключение",
        "литература",
    ]
) | {"список литературы", "key points", "about the author"}

CHROME = {
    **dict.fromkeys(
        [
            "share",
            "share this",
            "share this article",
            "share on",
            "tweet",
            "print",
            "email",
            "e-mail",
            "comments",
            "comment",
            "facebook",
            "twitter",
            "whatsapp",
            "telegram",
            "linkedin",
            "reddit",
            "copy link",
            "save",
            "listen",
            "listen to this article",
            "cite",
            "up",
            "top",
            "back to top",
            "loading...",
            "loading",
            "menu",
            "home",
            "search",
            "skip to content",
            "next",
            "previous",
            "advertisement",
            "ads",
            "subscribe",
            "sign in",
            "log in",
            "sign up",
            "newsletter",
            "follow us",
        ],
        "site chrome: a button or link of the page",
    ),
}
RELATED_HEADERS = frozenset(
    [
        "related",
        "related articles",
        "related news",
        "related posts",
        "related stories",
        "related content",
        "read more",
        "read also",
        "also read",
        "see also",
        "more on this topic",
        "more stories",
        "more news",
        "you may also like",
        "you might also like",
        "recommended",
        "most read",
        "most popular",
        "latest news",
        "more from this author",
        "further reading",
    ]
)
CHROME_PATTERNS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"^(?:last updated|updated|last modified|modified)\b", re.I), "update note"),
    (
        re.compile(r"^(?:read more|read also|also read|see also|related)\s*[:：]", re.I),
        "link to another article",
    ),
    (re.compile(r"^(?:please )?follow (?:us|.+) on\b", re.I), "site chrome: a follow prompt"),
    (re.compile(r"(?:©|\bcopyright\b|all rights reserved)", re.I), "copyright notice"),
    (re.compile(r"^(?:photo|image|picture|photograph)(?: credit)?\s*[:：]", re.I), "photo credit"),
    (re.compile(r"^tags?\s*[:：]", re.I), "site chrome: the page's tags"),
    (re.compile(r"^share (?:this|on)\b", re.I), "site chrome: share buttons"),
    (
        re.compile(
            r"^(?:PII\s?S?\d|Publication type\b|Status\b|Occupation\s*:|Affiliation\s*:|"
            r"Address\s*:|Edition|Issue\s?\d|Pages\s?\d|Keywords|Number of characters|"
            r"Received\s?\d|Accepted\s?\d|Submitted\s?\d|Authors?$)"
        ),
        "journal metadata",
    ),
    (
        re.compile(r"^(?:Number of purchasers|Readers community rating|.*\bviews?\s*:\s*\d)", re.I),
        "site chrome: counters",
    ),
    (re.compile(r"^\d+(?:[.,]\d+)?\s?(?:rub|руб|USD|EUR|€|\$)\.?$", re.I), "site chrome: a price"),
    (re.compile(r"\bOrphus\b"), "site chrome: an error-reporting widget"),
]
