"""Warnings for the maintainer: names and dated phrases that the knowledge base does not cover.

This is the work list when a new article arrives: each capitalised name that no actor or event form
names whole, and each dated phrase that is tied to no event.

A capitalised phrase is cut into the names it holds before it is looked up: lists at "and" and
commas, possessives ("Japan's"), and titles ("Prime Minister", "Secretary General") that stand
before a name. A name is covered only when one form names it whole: "European Union" is not covered
by the form "European" of Europe, and "Georgia" in "The European Union and Georgia" is a name of
its own. Each warning carries a stub for actors.yaml (or events.yaml) with a guess at the type.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import msgspec

from natocorpus.annotate.acronyms import _acronyms_of_common_nouns
from natocorpus.annotate.capitals import _DATELINE, _DISTRICT
from natocorpus.annotate.context import NUMBER_WORD
from natocorpus.annotate.phrases import PhraseIndex
from natocorpus.annotate.variants import shouted_runs
from natocorpus.coverage.dates import _dates_missed
from natocorpus.coverage.events import _events_unresolved
from natocorpus.coverage.names import (
    _acronym,
    _bibliography,
    _capitalised,
    _named_in_title,
    _personal,
    _Piece,
    _pieces,
    _runs,
    _text,
    _titles_of_works,
    _Word,
    _words,
)
from natocorpus.coverage.spans import _covered, _Named, _touching
from natocorpus.coverage.stubs import _guess, _Miss
from natocorpus.coverage.words import (
    _BETWEEN_PARTIES,
    _BODY,
    _CENTRED_ON_A_PLACE,
    _COMPASS,
    _DEGREE_IN_BEFORE,
    _DEGREES,
    _EDITORIAL_LABELS,
    _FULL_MONTHS,
    _FUNCTION_WORDS,
    _HEADS,
    _HEADS_TOLD_AGAIN,
    _LABEL_WORDS,
    _NO_ONE_ALONE,
    _OFFICE,
    _PAGE_FURNITURE,
    _RUN_ON_WORDS,
    _TITLE_PREPOSITIONS,
    _WEEKDAYS,
)
from natocorpus.diagnostics import Diagnostic, warning
from natocorpus.model import AnnotatedArticle, ArticleText, CorpusSettings, KnowledgeBase


def _a_label(words: list[_Word], reading: str) -> bool:
    """A transcript's label at a paragraph's start, of a speaker's title or of what follows
    ("DEPUTY PRIME MINISTER:", "SUBJECTS:", the title in "DEPUTY PRIME MINISTER, RICHARD
    MARLES:", in "ANTHONY ALBANESE, PRIME MINISTER:" and in "Sarah Ferguson, Host:"), not a
    speaker's name ("LYNN KUOK:")."""
    start, end = words[0].start, words[-1].end
    line = reading.rfind("\n", 0, start) + 1
    if all(w.text.isupper() for w in words):
        speaker_before, label_end = _SPEAKER_BEFORE, _LABEL_END
    elif all(w.text.istitle() for w in words):
        speaker_before, label_end = _NAMED_SPEAKER_BEFORE, _COLON
    else:
        return False
    return (
        (start == line or speaker_before.fullmatch(reading, line, start) is not None)
        and label_end.match(reading, end) is not None
        and all(w.text.capitalize() in _LABEL_WORDS for w in words)
    )


# Where a label ends: its colon, or its speaker's name in capitals and then the colon; and the
# speaker's name before a title ("ANTHONY ALBANESE, PRIME MINISTER:"), or before a title in
# ordinary capitals ("Sarah Ferguson, Host:").
_LABEL_END = re.compile(r":|, [A-Z][A-Z’'. -]*:")
_COLON = re.compile(r":")
_SPEAKER_BEFORE = re.compile(r"[A-Z][A-Z’'. -]*, ")
_NAMED_SPEAKER_BEFORE = re.compile(r"[A-Z][\w’'.-]*(?: [A-Z][\w’'.-]*){0,3}, ")


# A paragraph or a list's item this long is the text's body: what comes before it may be a byline.
_BODY_WORDS = 25
# A place's version of a body: "an Asian version of NATO", "a “Pacific version of the Alliance”".
_VERSION_OF = re.compile(r"\s+version\s+of\s+(?P<the>the\s+)?")
_KINDS_OF_BODIES = frozenset({"alliance", "organisation", "grouping", "institution"})


# The place at the end of an event's mention: "in Lithuania", "at the Hague".
_PLACE_AT_END = re.compile(r" (?:in|at|to) (?:the )?([A-Z][\w’'.-]*(?: [A-Z][\w’'.-]*)*)$")
# The name in the possessive that opens an event's mention, and the space after it: "Putin’s " in
# "Putin’s aggression", "Stoltenberg's " in "Stoltenberg's visit".
_OWNER_AT_START = re.compile(r"[A-Z][\w’'.-]*(?: [A-Z][\w’'.-]*)*[’']s? (?=\S)")


def _owner_length(text: str) -> int:
    """How much of an event's mention its owner's name takes: the one whose war or visit it is
    ("Putin’s aggression") is a name of its own, for the check to report if no form names it."""
    owner = _OWNER_AT_START.match(text)
    return 0 if owner is None else owner.end()


class CoverageCheck(msgspec.Struct, frozen=True):
    """The knowledge base's forms and the phrases declared not actors: what is not a miss."""

    known: frozenset[str]
    ignored: frozenset[str]
    owners: dict[str, str] = {}  # form -> actor or event id
    kinds: dict[str, str] = {}  # actor id -> its type
    phrases: PhraseIndex | None = None  # every known or ignored phrase
    ids: frozenset[str] = frozenset()  # of actors and events
    # Generic phrases of events ("NATO summit"), lower-cased -> the events each can name.
    generic: dict[str, tuple[str, ...]] = {}
    years: dict[str, tuple[int, int]] = {}  # event id -> its first and last year
    event_types: dict[str, str] = {}  # event id -> its type

    @classmethod
    def for_corpus(cls, knowledge: KnowledgeBase, settings: CorpusSettings) -> CoverageCheck:
        # A known form that its rule turned down (a capital as a venue) was decided, not missed.
        owners = {form.text: actor.id for actor in knowledge.actors for form in actor.forms}
        owners.update({form: event.id for event in knowledge.events for form in event.forms})
        ignored = frozenset(item.text for item in settings.not_actors)
        # The city where a known event took place is a known place, not an actor to add; a
        # longer name that holds it ("Vilnius University") is still a name of its own.
        places = {
            city: ""
            for event in knowledge.events
            if event.place
            for city in re.split(r",| and ", event.place)[:1]
            if city.strip() and city.strip() not in owners
        }
        owners.update({city.strip(): "" for city in places})
        phrases = sorted(set(owners) | ignored)
        index = PhraseIndex(phrases) if phrases else None
        generic: dict[str, list[str]] = {}
        for event in knowledge.events:
            for phrase in event.generic:
                generic.setdefault(phrase.lower(), []).append(event.id)
        return cls(
            frozenset(owners),
            ignored,
            owners,
            {actor.id: actor.type for actor in knowledge.actors},
            index,
            frozenset(actor.id for actor in knowledge.actors)
            | frozenset(event.id for event in knowledge.events),
            {phrase: tuple(ids) for phrase, ids in generic.items()},
            {
                event.id: (event.date.year, (event.end_date or event.date).year)
                for event in knowledge.events
            },
            {event.id: event.type for event in knowledge.events},
        )

    def of(self, article: AnnotatedArticle) -> tuple[Diagnostic, ...]:
        """Capitalised names no form names whole, generic references to events that the context
        did not decide, and absolute dates tied to no event."""
        return (
            *self._names_missed(article),
            *_events_unresolved(article, self.generic, self.years),
            *_dates_missed(article),
        )

    def _named(self, article: AnnotatedArticle) -> list[_Named]:
        named = [_Named(m.start, m.end, m.actor) for m in article.mentions]
        named += [
            _Named(
                m.start + _owner_length(m.text),
                m.start + self._covered_length(m.text),
                m.event,
                generic=self._generic(m.text),
            )
            for m in article.event_mentions
        ]
        named += [_Named(d.start, d.end, None) for d in article.dates]
        # A generic reference left undecided is listed as such, not as a name to add.
        named += [_Named(r.start, r.end, None, generic=True) for r in article.unresolved_events]
        if self.phrases is not None:
            reading_text = article.text.reading_text
            for start, end in self.phrases.spans(reading_text):
                text = reading_text[start:end]
                ignored = text in self.ignored
                owner = None if ignored else self.owners.get(text) or None
                named.append(_Named(start, end, owner, not ignored))
        return sorted(named, key=lambda n: (n.start, -n.end))

    def _known(self, phrase: str) -> bool:
        """A form, a phrase declared not an actor, or a generic phrase in any case."""
        return phrase in self.known or phrase in self.ignored or phrase.lower() in self.generic

    def _generic(self, text: str) -> bool:
        """Whether a mention's text is a generic phrase, maybe with its place ("the summit in
        Vilnius")."""
        lowered = " ".join(text.lower().split())
        return any(lowered == p or lowered.startswith(p + " ") for p in self.generic)

    def _covered_length(self, text: str) -> int:
        """How much of an event's mention names the event: in "the summit in Lithuania", "the
        meeting in Spain" or "a trip to Northeast Asia" the place at its end is a name of its own,
        for the check to report if no form names it; a known place is the reference's own ("the
        summit in Washington")."""
        place = _PLACE_AT_END.search(text)
        return len(text) if place is None or place.group(1) in self.owners else place.start()

    def _names_missed(self, article: AnnotatedArticle) -> list[Diagnostic]:
        """Names that no form names whole, each once, with a stub to add; none in a text written
        without capitals for names (machine captions: "nato", "japan"), whose capitals say
        nothing."""
        if sum(" " not in m.text and m.text.islower() for m in article.mentions) >= 3:
            return []
        named = self._named(article)
        starts = [n.start for n in named]
        exact = {(n.start, n.end): n.owner for n in named}
        reading = article.text.reading_text
        # Where each sentence's first word begins, after any opening quote or bracket, or a
        # note's number ("[1] Given that ...").
        sentence_starts = frozenset(
            first.start(1)
            for sentence in article.sentences
            if (first := _FIRST_WORD.search(reading, sentence.start, sentence.end)) is not None
            and not _a_credit(article.text, reading, sentence.start, sentence.end)
        )
        misses: list[_Miss] = []
        seen: set[str] = set()
        after_body = False
        common = _acronyms_of_common_nouns(reading)
        # "DC" after a known place ("Washington, DC") is that place's district, not a name.
        districts = frozenset(
            match.end() for n in named if (match := _DISTRICT.match(reading, n.end)) is not None
        )
        for block in article.text.blocks:
            if _bibliography(block) or block.text.upper() == block.text:
                continue  # references' names are authors; all capitals say nothing of names
            quoted = _titles_of_works(block, after_body=after_body)
            after_body = after_body or (
                block.kind != "heading" and len(block.text.split()) >= _BODY_WORDS
            )
            words = _words(block, sentence_starts)
            if common:
                words = [w for w in words if w.text not in common]
            if districts:
                words = [w for w in words if w.end not in districts]
            if shouted := [(block.start + s, block.start + e) for s, e in shouted_runs(block.text)]:
                words = [w for w in words if not any(s <= w.start < e for s, e in shouted)]
            # The last name: a miss, or a known one's text and owner.
            previous: _Miss | tuple[str, str] | None = None
            # A quoted title's miss, by its span: the acronym in brackets after the title is its
            # other form ("a “Major Non-NATO Ally” (MNNA)").
            title_misses: dict[tuple[int, int], _Miss] = {}
            for start, end, heading in quoted:
                # A quoted title is one name, of a work, a programme or a slogan.
                inside = [w for w in words if start <= w.start and w.end <= end]
                while inside and inside[0].text in ("the", "The", "a", "A", "an", "An"):
                    inside.pop(0)  # the title is the rest: "the “Partnership for Peace”"
                if heading or not inside:
                    continue
                report = self._report(_Piece(inside, False), named, starts, reading)
                if report is not None and not self._known(report[0]) and report[0] not in seen:
                    phrase, hint, _ = report
                    seen.add(phrase)
                    title_misses[start, end] = _Miss(
                        block.source_line, phrase, hint, "document", [phrase]
                    )
                    misses.append(title_misses[start, end])
            for run in _within_titles(_runs(words), quoted):
                span = (run[0].start, run[-1].end)
                if span in exact:
                    # Most runs are one known name: the cheapest test first.
                    owner = exact[span]
                    previous = (reading[span[0] : span[1]], owner) if owner else None
                    continue
                title = next(((s, e, h) for s, e, h in quoted if s <= run[0].start < e), None)
                for piece in _pieces(run):
                    if title is not None and not _named_in_title(
                        piece,
                        heading=title[2],
                        whole_line=_whole(piece, title, reading),
                        known=lambda w: any(
                            n.start <= w.start and w.end <= n.end
                            for n in _touching(named, starts, w.start, w.end)
                        ),
                    ):
                        previous = title_misses.get((title[0], title[1]))
                        continue  # a title's capitals are the title's, not the names'
                    report = self._report(piece, named, starts, reading)
                    if report is None:
                        owner = self._whole_owner(piece, named, starts)
                        previous = (_text(piece.words, reading), owner) if owner else None
                        continue
                    phrase, hint, kind = report
                    if previous is not None and _abbreviates(piece, phrase, previous):
                        if isinstance(previous, _Miss):
                            previous.forms.append(phrase)  # "Indo-Pacific Four (IP4)"
                            seen.add(phrase)
                            continue
                        hint = f"; it stands in brackets after {previous[0]!r} ({previous[1]})"
                    if self._known(phrase) or phrase in seen:
                        previous = None
                        continue
                    seen.add(phrase)
                    previous = _Miss(block.source_line, phrase, hint, kind, [phrase])
                    misses.append(previous)
        misses = _surnames_folded(misses)
        misses += self._bodies_of_states(article, seen)
        misses += self._versions_of_bodies(article, seen)
        misses += self._documents_of_events(article, seen)
        year = article.meta.published.value.year
        return [
            warning(article.path, miss.line, "mentions", miss.message(year, self.ids))
            for miss in misses
        ]

    def _documents_of_events(self, article: AnnotatedArticle, seen: set[str]) -> list[_Miss]:
        """A meeting's document named by the meeting ("the Washington summit declaration", "the
        Vilnius communiqué"): a document of its own, which the meeting's forms do not name."""
        reading = article.text.reading_text
        found: list[_Miss] = []
        for mention in article.event_mentions:
            match = _DOCUMENT_OF_EVENT.match(reading, mention.end)
            if (
                match is None
                or self.event_types.get(mention.event) not in ("summit", "ministerial")
                or not _MEETING_LAST.search(mention.text)
            ):
                # Only a meeting of leaders or ministers issues one, named after the meeting's
                # own noun ("the Riga summit declaration", not "the summit in Riga declaration").
                continue
            phrase = " ".join(reading[mention.start : match.end()].split())
            phrase = re.sub(r"^(?:the|The|its|Its)\s+", "", phrase)
            hint = f"; {mention.text!r} alone is {mention.event}, which does not name the document"
            found += self._once(seen, article, mention.start, phrase, hint, "document")
        return found

    def _bodies_of_states(self, article: AnnotatedArticle, seen: set[str]) -> list[_Miss]:
        """A state's or a body's name before a lower-case body ("the Chinese embassy in Japan",
        "the Japanese defence ministry", "a NATO liaison office in Tokyo"): an actor of its own,
        which the forms before it do not name."""
        reading = article.text.reading_text
        found: list[_Miss] = []
        for mention in article.mentions:
            kind = self.kinds.get(mention.actor)
            if kind == "state":
                match = _BODY.match(reading, mention.end)
            elif kind in _KINDS_OF_BODIES:
                match = _OFFICE.match(reading, mention.end)
            else:
                continue
            if match is None:
                continue
            phrase = " ".join(reading[mention.start : match.end()].split())
            hint = f"; {mention.text!r} alone is {mention.actor}, which does not name the body"
            found += self._once(seen, article, mention.start, phrase, hint, "organisation")
        return found

    def _versions_of_bodies(self, article: AnnotatedArticle, seen: set[str]) -> list[_Miss]:
        """A place's version of a body ("an Asian version of NATO", "an Indo-Pacific version of
        the North Atlantic Treaty Organization"): a would-be body of its own, which neither the
        place's forms nor the body's name whole."""
        reading = article.text.reading_text
        bodies = {
            m.start: m for m in article.mentions if self.kinds.get(m.actor) in _KINDS_OF_BODIES
        }
        found: list[_Miss] = []
        for mention in article.mentions:
            if self.kinds.get(mention.actor) not in ("region", "state"):
                continue
            match = _VERSION_OF.match(reading, mention.end)
            if match is None:
                continue
            # The body's form may hold its article ("the Alliance") or not ("NATO").
            body = bodies.get(match.end()) or bodies.get(match.start("the"))
            if body is None:
                continue
            if self._known(f"{mention.text} {body.text}"):
                continue  # the same name written short ("Asia-Pacific NATO") is decided already
            phrase = " ".join(reading[mention.start : body.end].split())
            hint = (
                f"; {mention.text!r} alone is {mention.actor}, {body.text!r} alone is"
                f" {body.actor}, which does not name it whole"
            )
            found += self._once(seen, article, mention.start, phrase, hint, self.kinds[body.actor])
        return found

    def _once(
        self,
        seen: set[str],
        article: AnnotatedArticle,
        start: int,
        phrase: str,
        hint: str,
        kind: str,
    ) -> list[_Miss]:
        """The miss of a phrase that starts at `start`, unless it is known or reported already."""
        if phrase in seen or phrase in self.known:
            return []
        seen.add(phrase)
        return [_Miss(article.text.block_at(start).source_line, phrase, hint, kind, [phrase])]

    def _whole_owner(self, piece: _Piece, named: list[_Named], starts: list[int]) -> str | None:
        """The actor or event that names the piece whole, if one does."""
        start, end = piece.words[0].start, piece.words[-1].end
        for n in _touching(named, starts, start, end):
            if n.start <= start and end <= n.end:
                return n.owner
        return None

    def _report(
        self, piece: _Piece, named: list[_Named], starts: list[int], reading: str
    ) -> tuple[str, str, str] | None:
        """What to warn about in one piece: (the phrase, a note on its known parts, a type
        guess), or None when one form names it whole or it is no name."""
        words = piece.words
        start, end = words[0].start, words[-1].end
        if len(words) == 1 and (end - start == 1 or _in_a_code(reading, start, end)):
            return None  # a letter alone ("23 E rev. 1") or a document's number names no one
        if reading[max(0, start - 1) : start] in ("", "\n") and _DATELINE.match(reading, end):
            return None  # the place of a dateline ("OSLO, May 3 (Wire) –"), where it was filed
        touching = _touching(named, starts, start, end)
        if any(n.start <= start and end <= n.end for n in touching):
            return None  # one form names it whole
        if any(n.generic for n in touching):
            return None  # a generic reference to an event, with its qualifiers ("Riga NATO Summit")
        # Forms the annotator turned down inside a longer name ("European" in "European Union")
        # still say what the part is, for the hint.
        known_parts = [
            (reading[n.start : n.end], n.owner)
            for n in touching
            if n.owner is not None and n.start >= start and n.end <= end
        ]
        touching = [n for n in touching if not n.whole_only]
        covered = [_covered(w, touching) for w in words]
        capitals = [
            i for i, w in enumerate(words) if _capitalised(w.text) and w.text not in _FUNCTION_WORDS
        ]
        if all(
            covered[i] or (words[i].weak and not _acronym(words[i].text.rstrip("-")))
            for i in capitals
        ) and any(covered):
            # Names side by side, each known ("NATO Japan"), maybe after a word capitalised by its
            # place ("Critics of NATO", "Adapting NATO"); an acronym is capitalised as a name
            # wherever it stands ("(MENAFN- Asia Times)").
            return None
        parts = [
            (reading[n.start : n.end], n.owner)
            for n in touching
            if n.owner is not None and n.start >= start and n.end <= end
        ]
        if parts:
            # A known name and, after it, a person's name: two names ("Japan Rahm Emanuel").
            tail = [w for i, w in enumerate(words) if not covered[i]]
            if _members(_text(tail, reading)):
                return None  # "NATO Member States": the members of a known body
            first_uncovered = covered.index(False)
            if (
                all(covered[:first_uncovered])
                and tail == words[first_uncovered:]
                and _personal(tail)
            ):
                return _text(tail, reading), "", "person"
            if (
                first_uncovered == len(words) - 1
                and words[-1].text in _BETWEEN_PARTIES
                and _JOINED_BY_A_HYPHEN.search(_text(words[:-1], reading)) is not None
            ):
                return None  # "US-China Relations": what is between two known parties
        phrase = _text(words, reading)
        if _a_label(words, reading):
            return None
        if len(words) == 1 and not piece.titled and _among(phrase, _NO_ONE_ALONE):
            return None
        if len(words) == 1 and _CENTRED_ON_A_PLACE.fullmatch(phrase) is not None:
            return None
        if (len(words) == 1 and phrase.replace(".", "") in _DEGREES) or _DEGREE_IN_BEFORE.search(
            reading, max(0, start - 30), start
        ) is not None:
            return None  # a degree, or its field: "the BA in International Affairs"
        if len(words) == 1 and NUMBER_WORD.fullmatch(phrase) is not None:
            return None  # "by leave—Eleven years ago": a number
        if (
            len(words) == 1
            and phrase in _HEADS_TOLD_AGAIN
            and reading[max(0, start - 4) : start] in ("the ", "The ")
            and re.compile(rf"\b(?i:{phrase})\b(?! [A-Z])").search(reading, 0, start - 4)
            is not None
        ):
            # "the Centre", "the Embassy": a body the text named before, by its head (the head
            # of a name then, not a word before another's: "the Senate Foreign Relations ...")
            return None
        if all(_among(w.text, _EDITORIAL_LABELS | _PAGE_FURNITURE) for w in words):
            return None  # "Episode Transcript", "Staff Writer": labels of a text's parts
        if any(
            _run_together(_text(words[: i + 1], reading), self._known)
            and all(covered[j] or self._known(words[j].text) for j in range(i + 1, len(words)))
            for i in range(len(words))
        ):
            # "Republic of Koreaare", "UkraineChina", "Alliancein Asia": a capture lost a space
            # after a known name, and what follows is known too
            return None
        if _members(phrase):
            return None  # "32 Allies", "Member States": a group's members, by a house style
        if len(words) == 1 and phrase.endswith("s") and phrase[:-1] in _HEADS:
            return None  # "the Speakers of the Parliaments of ...": heads in the plural, no one
        last = words[-1].text
        if _PLURAL_ACRONYM.fullmatch(last) and last[:-1] not in self.known:
            # "NGOs", "A330 MRTTs": things of a kind; but "the ITPPs", of a known "ITPP", are
            # documents of a known kind, worth a record of their own
            return None
        if len(words) == 1 and (_CODE.search(phrase) or _QUESTION.fullmatch(phrase)):
            return None  # "IP23054": a document's number; "Q1": a transcript's question
        if len(words) == 1 and _DEGREE.match(phrase) and _AFTER_A_NAME.search(reading, 0, start):
            return None  # "Ermaya Suradinata, S.H., M.H.": degrees after a name
        if phrase in ("Heads", "Leaders") and reading.startswith(" of ", end):
            return None  # "Heads of State and Government": a title, not a verb of a headline
        hint = ""
        if known_parts:
            hint = (
                "; "
                + ", ".join(
                    f"{text!r} alone is {owner}" for text, owner in dict.fromkeys(known_parts)
                )
                + ", which does not name it whole"
            )
        headed = _HEADED_BY.match(reading, end)
        if (
            headed is not None
            and not piece.titled
            and (headed.group() == " administration" or _a_persons_name(phrase, reading))
        ):
            # "the Trump administration", "the Albanese government": the government a leader
            # heads is an actor of its own, not the leader ("the Ottawa government" is the
            # capital's, a name the text gives no one).
            return phrase + headed.group(), hint, "institution"
        return phrase, hint, _guess(words, piece.titled)


def _surnames_folded(misses: list[_Miss]) -> list[_Miss]:
    """The misses, with a name of one word that is the first or last word of a person's name the
    text reports in full ("Anthony Albanese ... Mr Albanese", "Yoon Suk-yeol ... Yoon") taken
    into that person's entry as a form: one person to add, not a second actor named "Albanese"."""
    people: dict[str, _Miss] = {}
    for miss in misses:
        words = miss.phrase.split()
        # A compass word first is a place's name shaped like a person's ("North Africa").
        if miss.kind == "person" and len(words) > 1 and words[0] not in _COMPASS:
            for word in (words[-1], words[0]):
                people.setdefault(word, miss)
    kept: list[_Miss] = []
    for miss in misses:
        person = people.get(miss.phrase)
        if person is not None:
            if miss.phrase not in person.forms:
                person.forms.append(miss.phrase)
            continue
        kept.append(miss)
    return kept


# Two names joined by a hyphen or a dash: "US-China", "Sino-Japanese".
_JOINED_BY_A_HYPHEN = re.compile(r"\w[-–]\w")


def _run_together(phrase: str, known: Callable[[str], bool]) -> bool:
    """Whether the phrase ends in a known name, or a month or weekday, with the next word run into
    it, a lower-case word or another known name, or the next sentence after its stop or without
    it: a capture's lost space ("Republic of Koreaare", "UkraineChina", "Julywith", "on
    Monday.In", "in AfghanistanThe"). The parts are read as they are; no new name is there."""
    head, _, last = phrase.rpartition(" ")
    for cut in range(len(last) - 2, 1, -1):
        first, rest = last[:cut], last[cut:]
        if first.endswith(".") and rest[:1].isupper() and rest[1:2].islower():
            first = first[:-1]  # a sentence's stop with the space after it lost: "Monday.In"
        elif not (
            rest in _RUN_ON_WORDS
            or (rest[:1].isupper() and (known(rest) or rest.lower() in _RUN_ON_WORDS))
        ):
            continue
        # (a month in full: not "Mar" in "Marin")
        if first in _FULL_MONTHS or first in _WEEKDAYS or known(f"{head} {first}".strip()):
            return True
    return False


def _among(word: str, words: frozenset[str]) -> bool:
    """Whether the word is one of `words`, as written or in capitals ("EDITORIAL")."""
    return word in words or (word.isupper() and word.capitalize() in words)


# The members of a group, capitalised by a house style: alone they name no one of them.
_MEMBERS = frozenset({"Allies", "Members", "Partners", "Peers"})
# A kind of membership: "Member States", "Sponsoring Nations", "a Contributing Participant".
_MEMBERSHIP = re.compile(
    r"(?:Member|Sponsoring|Contributing|Partner|Founding|Participating|Observer|Associate) "
    r"(?:States?|Countr(?:y|ies)|Nations?|Participants?|Members?)"
)


def _members(phrase: str) -> bool:
    """Whether a phrase names a group's members, or a kind of membership, by a house style."""
    return phrase in _MEMBERS or _MEMBERSHIP.fullmatch(phrase) is not None


# An acronym in the plural: things of a kind ("NGOs", "MRTTs"), not a name.
_PLURAL_ACRONYM = re.compile(r"[A-Z]{2,}s")
# Four figures in a word: a document's or a file's number, not a name.
_CODE = re.compile(r"\d{4}")
# A transcript's numbered question or answer: "Q1", "A2".
_QUESTION = re.compile(r"[QA]\d{1,2}")
# A government named by who heads it, after the name: "the Trump administration".
_HEADED_BY = re.compile(r" (?:administration|government)(?![\w-])")
# A capitalised word before a name, its given name or a title ("Anthony Albanese", "Mr Albanese").
_WORD_BEFORE = re.compile(r"([A-Z][a-z]+)\.? $")


def _a_persons_name(name: str, reading: str) -> bool:
    """Whether the text gives `name` a given name or a title somewhere: "Anthony Albanese",
    "Prime Minister Albanese", "Mr Albanese" (not "In Ottawa", a sentence's first word)."""
    for found in re.finditer(rf"(?<![\w-]){re.escape(name)}(?![\w-])", reading):
        before = _WORD_BEFORE.search(reading, max(0, found.start() - 30), found.start())
        if before is not None and before.group(1) not in _FUNCTION_WORDS:
            return True
    return False


# A sentence's first word, after a note's number in brackets or an item's: "[1] Given that",
# "(2) Considering", "b) Noting".
_FIRST_WORD = re.compile(r"(?:(?:\[\d{1,3}\]|\(?(?:\d{1,2}|[a-z]|[ivx]{1,4})\))\s*)*(\w)")


def _a_credit(text: ArticleText, reading: str, start: int, end: int) -> bool:
    """Whether a sentence is a caption's credit: a paragraph's last words after its sentences,
    one to three capitalised words without a full stop ("... in Kyiv.  Getty", "Kyodo News").
    Its first word is a name, not a sentence's opening."""
    block = text.block_at(start)
    return (
        block.start < start
        and reading[block.start : start].rstrip().endswith((".", "!", "?"))
        and _CREDIT.fullmatch(reading[start:end].strip()) is not None
        and not reading[end : block.end].strip()
    )


_CREDIT = re.compile(r"[A-Z][\w&’'-]*(?: [A-Z][\w&’'-]*){0,2}")
# A degree in letters and full stops ("S.H.", "Ph.D.", "M.Sc."), and the name and comma before
# it, or another degree.
_DEGREE = re.compile(r"^(?:[A-Z][a-z]{0,2}\.){1,3}$")
_AFTER_A_NAME = re.compile(r"[A-Za-z.]{2}, $")


# The document a meeting issues, named after it: " declaration", " summit communiqué".
_DOCUMENT_OF_EVENT = re.compile(
    r"\s+(?:(?:summit|leaders[’']?|joint)\s+)?(?:declaration|communiqu[eé]|joint statement)\b",
    re.IGNORECASE,
)
_MEETING_LAST = re.compile(r"(?i:summit|ministerial|meeting)$")
_NUMBER_BEFORE = re.compile(r"(?<![\w.])\d[\w/.-]*\s+$")
_NUMBER_AFTER = re.compile(r"\s+\d")


def _in_a_code(reading: str, start: int, end: int) -> bool:
    """Whether letters stand between two numbers: a document's or a file's number ("021 PCNP 22
    E"), not a name."""
    return (
        _NUMBER_BEFORE.search(reading, max(0, start - 20), start) is not None
        and _NUMBER_AFTER.match(reading, end) is not None
    )


def _whole(piece: _Piece, title: tuple[int, int, bool], reading: str) -> bool:
    """Whether a piece is the whole of its title's line, but for an acronym in brackets after
    it: the title itself ("Preliminary Draft Report"), not a name inside it."""
    start, end = piece.words[0].start, piece.words[-1].end
    rest = re.sub(r"\([^()]*\)", "", reading[end : title[1]])
    # (A preposition may open it: "From Bilateral Drill to Multi-Domain Platform".)
    opening = reading[title[0] : start].strip()
    return (not opening or opening in _TITLE_PREPOSITIONS) and not rest.strip(" \t:–—-")


def _within_titles(
    runs: list[list[_Word]], titles: list[tuple[int, int, bool]]
) -> list[list[_Word]]:
    """The runs cut where a title's span ends or begins: a headline's last words and the byline
    on the next line ("... in the Far East / By Aldo Carano") are not one name."""
    if not titles:
        return runs
    out: list[list[_Word]] = []
    for run in runs:
        current: list[_Word] = []
        inside: object = None
        for word in run:
            span = next(((s, e) for s, e, _ in titles if s <= word.start < e), None)
            if current and span != inside:
                out.append(current)
                current = []
            current.append(word)
            inside = span
        out.append(current)
    return out


def _abbreviates(piece: _Piece, acronym: str, previous: _Miss | tuple[str, str]) -> bool:
    """Whether an acronym in brackets abbreviates the name before it, its letters in order
    initials of that name, the first its first: "IP4" after "Indo-Pacific Four", "MOFA" after
    "Ministry of Foreign Affairs"; not "AA" after "ANKARA", nor "EU" after "Mission to the
    European Union"."""
    if not piece.words[0].gap.rstrip().endswith("(") or not _acronym(acronym):
        return False
    name = previous.phrase if isinstance(previous, _Miss) else previous[0]
    words = [w for w in re.split(r"[\s\-]+", name) if w and w not in ("the", "The")]
    letters = [letter for letter in acronym.upper() if letter.isalpha()]
    if not words or not letters or letters[0] != words[0][0].upper():
        # "the Chinese Mission to the European Union (EU)": the name inside, not the whole.
        return False
    initials = iter(w[0].upper() for w in words)
    return all(letter in initials for letter in letters)
