"""The context that turns a known form down: the words around a match that make it part of a
longer name of something else ("European" in "European Union", "China" in "the East China Sea"),
a city named as a place rather than its government ("before leaving Tokyo"), and the other
readings in which a form does not name its actor. `_context_blocks` applies them to a text's
matches, by the kinds `forms.form_kind` gives each form."""

from __future__ import annotations

import re
from collections.abc import Callable

from natocorpus.annotate.acronyms import _acronyms_of_common_nouns, abbreviates_the_words_before
from natocorpus.annotate.capitals import (
    _DISTRICT,
    _MEETING_AFTER,
    _a_place,
    _joined_to_a_place,
    _names_where,
)
from natocorpus.annotate.dates import _BARE_MONTHS, _MONTHS
from natocorpus.annotate.forms import _FUNCTION_WORDS, _wordset
from natocorpus.annotate.kinds import (
    _DEMONYM_END,
    _FORMAL_HEADS,
    ADJECTIVAL,
    BODY_ACRONYM,
    CAPITAL,
    CITY,
    COMMON_NOUN,
    DESCRIPTIVE,
    FORMAL,
    LOCATED_GROUP,
    PARTNERS,
    PLACE,
    REGION,
    REGION_NAME,
    SHORT_OF_QUALIFIED,
    STATE,
    TITLE,
)

# "an Asian NATO", "a “Pacific NATO”": an article and an adjective before an organisation's
# acronym make another of its kind; unless the acronym qualifies a noun ("a European NATO member").
_ANOTHER_OF_ITS_KIND = re.compile(
    r"\b(?:[Aa]n?|[Ss]o-called)\s+[“\"‘']?[A-Z][a-z]+(?:-[A-Z][a-z]+)?\s+$"
)
# An article right before an organisation's acronym, and where the other is, for or of after
# it: "a NATO for the Pacific", "an Asian NATO of democracies".
_AN_ARTICLE_BEFORE = re.compile(r"(?<![\w’'-])[Aa]n? [“\"‘']?$")
_OF_ITS_OWN_AFTER = re.compile(r"[”\"’']? (?:for|of|in) (?:the )?[A-Z]")
# A possessive's noun after an acronym whose apostrophe was lost ("NATOs mission", "NATOs
# Asia-Pacific partners"), not the words after a plural ("NATOs like AUKUS", "NATOs in Asia").
_POSSESSED_AFTER = re.compile(
    r" (?!(?:like|and|or|in|of|to|for|with|as|at|on|by|from|are|were|is|was|that|which|such|will"
    r"|would|have|has)\b)[\w“‘\"-]"
)
_AS_MODIFIER = re.compile(
    r" (?:members?|ally|allies|country|countries|states?|partners?|summits?|officials?"
    r"|forces?|troops|operations?|missions?|leaders?|nations?|membership|standards?|exercises?"
    r"|headquarters|office|commanders?|ministers?|meetings?)\b"
)
# A state's adjective as a language: "written in Chinese.", "in Japanese (with a translation)".
_LANGUAGE_BEFORE = re.compile(r"\b(?:in|into|from)\s+$")
_LANGUAGE_AFTER = re.compile(r"\s*(?:[.,;:!?()\[\]”\"]|$)")
# After "from", a comma before another capitalised word lists adjectives ("reports from South
# Korean, Ukrainian, and Western sources"), not a language ("originating from Chinese, means").
_LISTED_AFTER_FROM = re.compile(r",\s+(?:and\s+)?[A-Z]")
# After a word of translation, whatever follows: "books translated into Japanese for use", "this
# article is translated from Chinese into English".
_TRANSLATED_BEFORE = re.compile(
    r"\b(?:translat(?:ed?|es|ing|ion)|dubbed|subtitled|interpreted)"
    r"(?: (?:in|into) |\b[^.;:]{0,40} from )$",
    re.IGNORECASE,
)
# A text written in a language, then no noun the adjective could qualify: "a commentary article
# in Japanese contributed to the Hudson Institute", "a post in Korean on its website" (not "an
# article in Japanese media").
_WRITTEN_IN_BEFORE = re.compile(
    r"\b(?:articles?|commentar(?:y|ies)|op-eds?|editorials?|essays?|columns?|pieces?|posts?"
    r"|messages?|letters?|statements?|interviews?|speech(?:es)?|books?|papers?|tweets?|videos?"
    r"|broadcasts?|written|wrote|writes|published|posted) in\s+$"
)
_NOT_A_NOUN_AFTER = re.compile(
    r"\s*(?:[.,;:!?()\[\]”\"]|$)| (?:[a-z]+ed|by|for|on|to|at|with|from|that|which|is|was)\b"
)
# A language spoken, learnt or taught, maybe in a list of them: "He speaks French, Korean and
# Italian", "fluent in Japanese", "brush up on his Russian before the trip".
_SPOKEN_BEFORE = re.compile(
    r"\b(?:speak(?:s|ing)?|spoke|spoken|fluent(?:ly)? in|learn(?:s|t|ed|ing)?|teach(?:es|ing)?"
    r"|taught|stud(?:y|ies|ied|ying)|brush(?:es|ed|ing)? up on (?:his|her|their|my|your))"
    r" (?:[A-Z][a-z]+, (?:[A-Z][a-z]+, )*)?(?:[A-Z][a-z]+,? (?:and|or) )?$",
)
# What follows a language, maybe past the rest of a list of them, not a noun it qualifies:
# "speaks Korean and Italian." (but "studies Chinese and Russian moves" are those states').
_NO_NOUN_AFTER = re.compile(
    r"(?:(?:,|,? and|,? or) [A-Z][a-z]+)*"
    r"(?:\s*(?:[.,;:!?()\[\]”\"]|$)| (?:but|before|after|with|at|in|on|to|for|as|is|was|well"
    r"|fluently|too)\b)"
)
# An academic field named by a people's adjective: "English literature and American studies".
_FIELD_AFTER = re.compile(r" studies\b")
# A file or version in a language: "Japanese (PDF/97KB)", "the Chinese version".
_FILE_AFTER = re.compile(r" ?\((?:PDF|DOCX?|HTML)\b| (?:version|translation)\b")
# A newspaper's or a magazine's name after a place: "the New Zealand Herald", "the Japan Times".
_MASTHEAD_AFTER = re.compile(
    r" (?:Herald|Times|Post|Tribune|Gazette|Chronicle|Journal|Daily|Standard|Telegraph|Observer"
    r"|Courier|Express|Star|Sun|Mail|Review|Monitor|Insider|Today|Diplomat|Reporter|Sentinel"
    r"|Guardian|Inquirer|Examiner|Dispatch|Bulletin)\b"
)
# A currency's name after its state's: "US dollars", "Chinese yuan"; "won" only after an amount
# ("300 billion Korean won"), as it is a verb too.
_CURRENCY_AFTER = re.compile(
    r" (?:dollars?|yen|yuan|renminbi|roubles?|rubles?|rupees?|pesos?|euros?|francs?)\b"
)
_WON_AFTER = re.compile(r" won\b")
_AMOUNT_BEFORE = re.compile(
    r"\d(?:[\d.,]*\d)?(?: (?:thousand|million|billion|trillion|bn|mn))? (?:[A-Z][\w.]* )?$"
)
# "The" with its capital inside a sentence, before a people's adjective with no noun after it: a
# newspaper's name ("Writing in The Australian just a day after").
_TITLED_THE_BEFORE = re.compile(r"[\w,] The $")
_LOWER_WORD_AFTER = re.compile(r" [a-z]")
# A prefix joined to a region's name makes an adjective of it: "Trans-Atlantic", "pan-Asian".
_PREFIX_BEFORE = re.compile(r"(?<![\w-])(?:(?i:trans|pan|cross|intra|inter|sub|extra)-|Trans )$")
# A prefix of between or across before a state's adjective makes it of the states it joins:
# "inter-Korean" is of both Koreas, not South Korea. ("intra-Afghan" is within the one state.)
_BETWEEN_STATES_BEFORE = re.compile(r"(?<![\w-])(?i:inter|pan)-$")
# Compass adjectives, which before a place name a part of it.
_COMPASS_ADJECTIVES = frozenset({"Western", "Eastern", "Northern", "Southern"})
# Another part of the same place after a compass adjective: "Western and Southern Europe", "the
# Western and Central Mediterranean".
_ANOTHER_PART_AFTER = re.compile(
    r",? (?:and|or) (?:Central|Eastern|Western|Northern|Southern|South-?[Ee]astern"
    r"|North-?[Ee]astern|South-?[Ww]estern|North-?[Ww]estern) [A-Z]"
)
# A part of a place after a compass adjective: "the Western side of the Pacific".
_PART_OF_AFTER = re.compile(
    r" (?:side|part|edge|coast|flank|end|shore|half|rim|reaches|fringe|tip|border|seaboard)s?"
    r" of\b"
)
# What is between two parties, after a compound of their names: "Chinese-Slovak relations".
_BETWEEN_THEM_AFTER = re.compile(
    r" (?:relations|ties|cooperation|partnership|friendship|dialogue|talks|summit|agreement"
    r"|accord|treaty|alliance|rivalry|tensions?|rapprochement|axis|border)\b"
)
# The same nouns in capitals, as a title writes them: "United States-Japanese Relations".
_BETWEEN_THEM_IN_CAPITALS = re.compile(_BETWEEN_THEM_AFTER.pattern, re.IGNORECASE)
# "People's" before a state's formal name makes another state's: "the Democratic People's Republic".
_PEOPLES = frozenset({"People’s", "People's"})
# A hyphen, then a state's adjective of a compass word and a demonym: "-North Korean".
_COMPASS_AND_DEMONYM = re.compile(r"-(?:North|South|East|West) [A-Z][a-z]*(?:an|ese|ish|i)\b")
# NATO's house style capitalises its members: "European Allies and Canada" are Europe's.
_MEMBERS_CAPITALISED = frozenset({"Allies", "Ally"})
# More places after a group's place: "partners in the Indo-Pacific and Europe", "partners in the
# Indo-Pacific region, Africa and the Middle East" are partners in each, not the group named after
# one.
_MORE_PLACES_AFTER = re.compile(r"(?: regions?)?(?:,| and| or) (?:the )?(?![A-Z]{2,}\b)[A-Z]")
# A compass word before a state's name makes another state: "North Korea", "N. Korea"; and
# before a continent's, a part of it: "Southeast Asia".
_COMPASS_BEFORE = re.compile(
    r"(?<![\w.])(?:(?:North|South)(?:east|west)?|East|West|Northern|Southern|Central|Latin"
    r"|N\.|S\.) $"
)
# A web address that a name opens: "Korea.net", "China.org.cn".
_WEB_ADDRESS_AFTER = re.compile(r"\.[a-z]{2,}\b")
# Endings that make an adjective of a name: "NATO-led", "Tokyo-based", "European-centric",
# "Chinese-language", "Russian-speaking". A word so ended qualifies no name after it: "a
# Tokyo-based Chinese diplomat" is China's.
ADJECTIVE_ENDING = re.compile(
    r"-(?:led|based|backed|centric|centred|centered|friendly|made|owned|born|style|like|related|"
    r"oriented|sponsored|funded|focused|bound|dominated|controlled|allied|aligned|wide|specific|"
    r"driven|initiated|proposed|brokered|built|hosted|linked|minded|language|speaking|powered)$"
)
# A prefix of stance joined to a name: "anti-Beijing", "pro-Moscow".
_STANCE_PREFIX_BEFORE = re.compile(r"(?<![\w-])(?:anti|pro)-$", re.IGNORECASE)
# An acronym: capitals only, two to six ("PRT", "PLA").
_LETTERS = re.compile(r"[A-Z]{2,6}")
# The prefixes of navies' ship names: what follows names a ship, not its namesake ("USS George
# Washington", "HMAS Canberra", "HMS Prince of Wales").
SHIP_PREFIX = r"(?:HMS|HMAS|HMCS|HMNZS|HNLMS|HDMS|USS|USNS|RFA|JS|ROKS|INS|FS|ITS|SPS|FGS|KRI|BRP)"
# Whether a text may hold a ship's name at all (without the word boundary, which `in_a_ships_name`
# checks after: a pattern that opens with letters alone is scanned for in C, one with `\b` is not).
_SHIP_PREFIX = re.compile(rf"{SHIP_PREFIX} [A-Z]")
_SHIPS_NAME_BEFORE = re.compile(rf"\b{SHIP_PREFIX}(?: [A-Z](?:[\w’'-]*|\.)| of| the){{0,4}} $")
# An office's title after a body's name: the body's office, not a longer name.
_TITLES_AFTER = _wordset(
    "Chair Chairman Chairwoman Chairperson President Secretary Secretary-General Director "
    "Director-General Spokesperson Spokesman Spokeswoman Commander Head Chief"
)
_STATE_ORGANS = _wordset(
    "President Presidential Prime PM Premier Minister Ministers Ministry Foreign Defense Defence "
    "Government Governments Embassy Embassies Ambassador Ambassadors Envoy Mission Consulate "
    "Consul Navy Naval Army Air Armed Forces Force Military Coast Self-Defense Self-Defence "
    "Maritime Ground Parliament Parliamentary Diet Congress Senate Cabinet Chancellor Vice "
    "Deputy State Secretary Chief General Admiral Communist People’s People's National Security "
    "Administration Department Office Officials Official Officers Leader Leaders Spokesperson "
    "Spokesman Spokeswoman Authorities Emperor King Queen Crown Imperial Royal Presidency "
    "Counselor Councilor Councillor Diplomat Diplomats Delegation Representative Acting Director "
    "Director-General Commander Envoys Chair Chairman Chairperson Executive Member Supreme "
    # the other portfolios of ministers: "the Indian External Affairs Minister"
    "External Interior Home Finance Trade Justice Economy Digital Industry Commerce Treasury"
)
_INSTITUTION_HEADS = _wordset(
    "Ministry Ministries Minister Ministers Department Departments Secretary Secretariat "
    "Committee Council Commission Office Institute Bureau Agency Academy Centre Center School "
    "University College Board Court House Chamber Foundation Society Association Federation "
    "Union League Forum Embassy Consulate Mission Division Directorate Service"
)
# The words that end the name of a feature of the earth: "the East China Sea", "the Taiwan
# Strait" name a sea and a strait, not East Asia, China or Taiwan.
_FEATURES = (
    r"(?:Seas?|Oceans?|Straits?|Gulf|Bay|Peninsula|Islands?|Archipelago|Basin|Rivers?|Mountains"
    r"|Plateau|Desert|Canal|Channel|Shelf|Reefs?|Lakes?|Shoals?|Atolls?)"
)
# "the East and South China Seas": the names of two seas share their last words.
_FEATURE_AFTER = re.compile(
    rf"(?:(?:,| and| or)? [A-Z][\w’'-]*){{0,3}} (?:{_FEATURES}|seas|oceans|straits)\b"
)
_FEATURE_OF_BEFORE = re.compile(rf"\b{_FEATURES} of (?:the )?$")
# The words that end the name of a body named after a region: "the North Atlantic Council",
# "the Asia Society", "the Pacific Fleet", "Indo-Pacific Command" are bodies, not the region.
_REGION_BODY_HEADS = _wordset(
    "Ministry Department Secretariat Committee Council Commission Office Institute Bureau Agency "
    "Academy Centre Center School University College Board Court Chamber Foundation Society "
    "Association Federation Union League Forum Division Directorate Service Command Fleet "
    "Treaty Organization Organisation Cooperation Partnership Group Assembly Bank Parliament Club"
)
# The head of a company's, a school's, a society's or a party's name a few capitalised words after
# a state's name: "Korea Aerospace Industries", "the Korea Central News Agency", "China Foreign
# Affairs University", "the Japan Innovation Party" (not an organ of the state's own: "Japan Coast
# Guard", "Japan Self-Defense Forces"; nor a "Group", often the state's forces or its talks: "the
# UK Carrier Strike Group").
_A_STATES_NAMESAKE_AFTER = re.compile(
    r"(?: [A-Z][\w-]+){0,3} (?:Institute|Academy|Centre|Center|School|University|College"
    r"|Foundation|Society|Association|Federation|Forum|Club|Bank|Industries|Corporation"
    r"|Company|Airlines|Agency|Party)\b"
)
# A body's head a word or two after a region's name: "the North Atlantic Defense Alliance", "the
# Asia-Pacific Economic Cooperation".
_HEAD_A_FEW_WORDS_ON = re.compile(
    r"(?: [A-Z][\w-]+){1,2} (?:" + "|".join(sorted(_REGION_BODY_HEADS | {"Alliance"})) + r")\b"
)
# (Not a word that ends in a hyphen: "US- Russian ties", a compound broken at its hyphen.)
_WORD_BEFORE = re.compile(r"(?:^|[\s(\[“\"])([A-Z](?:[\w’'-]*[\w’'])?) $")


def _word_before(before: str) -> re.Match[str] | None:
    """`_WORD_BEFORE` in `before`, searched from its last space but one: the word holds no space,
    so no match starts earlier, and the positions before are not tried in vain."""
    return _WORD_BEFORE.search(before, max(0, before.rfind(" ", 0, len(before) - 1)))


# A portfolio may come second of two: "the Ministries of Defence and Foreign Affairs of Japan".
_HEAD_OF_BEFORE = re.compile(
    r"([A-Z][\w’'-]*)(?: of State)? (?:of|on|for)(?: the)? (?:[A-Z][\w’'-]*,? (?:and|&) )?$"
)
# The body an office is of may stand between: "High Representative of the EU for".
_HEAD_OF_A_BODY_FOR_BEFORE = re.compile(
    r"([A-Z][\w’'-]*) of (?:the )?(?:[A-Z][\w’'.-]* ){0,3}[A-Z][\w’'.-]*(?: \([A-Z]{2,6}\))? for $"
)
# (Not a model's designation, "Su-30s", "F-35": a name does not run into one.)
_WORD_AFTER = re.compile(r"^( |-)((?![A-Z][\w’'-]*\d)[A-Z][\w’'-]*)")
# The oceans, named by adjectives; one of them ("Indian") is also a state's demonym. In a list of
# oceans ("the Atlantic, Indian and Pacific regions") that adjective names the ocean.
_OCEAN = r"(?<![\w-])(?:Atlantic|Pacific|Indian|Arctic|Antarctic|Southern)"
# A landform's common noun after a people's adjective: the two make a region's name ("the
# Japanese archipelago", a state's own islands, is the state).
_LANDFORM_AFTER = re.compile(r" (?:subcontinent|peninsula)s?(?![\w-])")
_OCEAN_LISTED_BEFORE = re.compile(rf"{_OCEAN}(?:,\s*|,?\s+(?:and|or)\s+)(?:the\s+)?$")
_OCEAN_LISTED_AFTER = re.compile(rf"(?:,\s*|,?\s+(?:and|or)\s+)(?:the\s+)?{_OCEAN}\b")
_OCEAN_NAMES = frozenset({"Atlantic", "Pacific", "Indian", "Arctic", "Antarctic", "Southern"})
# What opens a sentence or a line: a capitalised word there proves nothing.
_OPENS_SENTENCE = re.compile(r"(?:^|[.!?:;]\s+|\n\s*|[“\"(]\s*)$")
_INNER_PHRASE = re.compile(r"[A-Z][\w’'-]* (?:of|for|on|and)(?: the)? [A-Z]")
_OF_NAME_AFTER = re.compile(r" (?:of|for) (?:the )?([A-Z])")


# Capitalised words after a region's one-word name that do not make a longer name of it: "the
# Asia Region", "Asia I think".
_NOT_A_NAMES_WORD = frozenset({"Region", "Regions", "I"})
# The endings of an adverb or a verb's form that opens a sentence, no name's last word.
_NO_NAMES_ENDINGS = ("ly", "ing", "ed")


def _an_organ(word: str) -> bool:
    """Whether a word is the head of a state's organ, in the plural too ("the Russian and
    Chinese Navies" are each state's navy, a head the two share) and with a hyphen between its
    words ("Chinese Vice-President")."""
    return (
        word in _STATE_ORGANS
        or (
            word.endswith("s")
            and (
                word[:-1] in _STATE_ORGANS
                or (word.endswith("ies") and f"{word[:-3]}y" in _STATE_ORGANS)
            )
        )
        or ("-" in word and all(_an_organ(part) for part in word.split("-")))
    )


def _qualifies(word: str) -> bool:
    """Whether a capitalised word before a form can make it part of a longer name: not a
    sentence's function word, a possessive ("NATO’s Asian partners"), a date's word ("On 11
    July Ukrainian President ..."), a word of time ("New NATO Secretary General ...") or an
    adverb."""
    return (
        word not in _FUNCTION_WORDS
        and not word.endswith(("’s", "'s"))
        and word not in _DATE_WORDS
        and word not in _TIME_WORDS
        and word not in _RANK_WORDS
        and (word == "One" or NUMBER_WORD.fullmatch(word) is None)  # "One China": a policy
        and ADJECTIVE_ENDING.search(word) is None
        and ADVERB.fullmatch(word) is None  # "Inevitably American taxpayers would rebel"
    )


# An adverb by its ending ("Recently", "Finally", "Notably"; not "Italy", "Sicily", "Reilly").
ADVERB = re.compile(r"[A-Z][a-z]+(?:ent|al|ous|ive|ate|ant|ar|ic|ful|less|ab|ib|ed|ing)ly")


# Months and weekdays, and words that say when someone holds an office.
_DATE_WORDS = frozenset((*_MONTHS.split("|"), *_BARE_MONTHS)) | _wordset(
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday"
)
_TIME_WORDS = _wordset(
    "New Former Incoming Outgoing Acting Interim Then Current Late Previous Recent Future Past"
)
# Words of rank, weight or quantity that open a sentence before a people's adjective: "Top
# Chinese officials", "Major European militaries", "Many South Koreans" are the state's or its
# people, not a longer name.
_RANK_WORDS = _wordset(
    "Top Senior Junior Leading Prominent Visiting Many Most More Some Several Few Fewer Numerous"
    " Various Certain Other Major Key Main"
)
# A number written as a word counts, it does not name: "Thirty-nine Australian troops".
NUMBER_WORD = re.compile(
    r"(?:One|Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten|Eleven|Twelve"
    r"|(?:Thir|Four|Fif|Six|Seven|Eigh|Nine)teen"
    r"|(?:Twenty|Thirty|Forty|Fifty|Sixty|Seventy|Eighty|Ninety)"
    r"(?:-(?:one|two|three|four|five|six|seven|eight|nine))?"
    r"|Hundreds?|Thousands?|Millions?|Dozens)"
)


def in_a_ships_name(text: str) -> Callable[[int], bool]:
    """Whether a form starting at an offset of `text` is part of a ship's name."""
    if _SHIP_PREFIX.search(text) is None:
        return lambda start: False
    return lambda start: _SHIPS_NAME_BEFORE.search(text, max(0, start - 60), start) is not None


def _context_blocks(
    text: str,
    found: list[tuple[str, str, int, int]],
    kinds: dict[str, int],
    exempt: Callable[[int], bool],
) -> list[tuple[str, str, int, int]]:
    """Turn down a form that the words around it extend into a longer proper name that is not
    it: "Foreign Affairs" in "the Ministry of Foreign Affairs", "Blitz" in "the London Blitz",
    "Secretary General" in "UN Secretary General", "European" in "European Union", "Asian" in
    "Asian-Pacific". `exempt` says where capitals prove nothing (a title-case heading)."""
    starts = {start: kinds.get(form, 0) for _, form, start, _ in found}
    ends = {end: owner for owner, _, _, end in found}
    owners_at = {start: owner for owner, _, start, _ in found}
    found_at = {end: (start, kinds.get(form, 0)) for _, form, start, end in found}
    city_ends: set[int] = set()  # where each capital read as its city ends
    kept: list[tuple[str, str, int, int]] = []
    # The acronyms the text spells out as common words ("replenishment at sea (RAS)") are its
    # own wherever they stand: "During the RAS" is no academy's, unless the text also gives the
    # acronym after a name ("... (RAS)" after "Russian Academy of Sciences").
    common = frozenset(
        acronym
        for acronym in (
            _acronyms_of_common_nouns(text)
            if any(form.isupper() for _, form, _, _ in found)
            else ()
        )
        if not re.search(rf"[A-Z][\w’'-]* \({acronym}\)", text)
    )
    for item in found:
        owner, form, start, end = item
        if form in common or abbreviates_the_words_before(text, form, start, end):
            continue
        kind = kinds.get(form, 0)
        if not kind:
            if not _PREFIX_BEFORE.search(text, max(0, start - 8), start):
                kept.append(item)  # (not "the trans-Atlantic defense alliance": a crossing's)
            continue
        before = text[max(0, start - 60) : start]
        if exempt(start):
            a_place = bool(kind & CITY) and (
                _a_place(text, start, end, before, owner, owners_at)
                or _joined_to_a_place(before, start, city_ends)
            )
            if a_place:
                city_ends.add(end)
            # In a title-case heading capitals prove nothing, but a body's or a sea's last word
            # still closes a name: "Meeting of the North Atlantic Council", "East China Sea";
            # a city is still a place: "London Delegation Reports"; and an institution's head
            # still opens one: "Meeting of NATO Ministers of Foreign Affairs"; a capital before
            # a meeting is still where it was held: "NATO Washington Summit Declaration", and
            # one with its district is the city: "Washington, D.C., United States of America".
            if not (
                _another_state(kind, before, start, ends)
                or (
                    kind & CAPITAL
                    and (
                        _MEETING_AFTER.match(text, end) is not None
                        or _DISTRICT.match(text, end) is not None
                    )
                )
                or _opens_a_longer_name(text, start, end, kind)
                or a_place
                or (kind & DESCRIPTIVE and _after_an_institutions_head(before))
                or (kind & CAPITAL and _closes_an_institutions_name(before, start, ends))
                or _of_another_body(kind, before, start, ends)
                or _formal_of_another(kind, before, in_heading=True)
                # another's name before a common noun makes another name: "the U.S. Alliance
                # System", "The Anglo-Japanese Alliance"
                or (kind & COMMON_NOUN and ends.get(start - 1, owner) != owner)
            ):
                kept.append(item)
            continue
        after = _WORD_AFTER.match(text[end : end + 60])
        word_before = _word_before(before)
        blocked = False
        if kind & ADJECTIVAL:
            if after is not None:
                joint, word = after.groups()
                next_start = end + 1
                next_kind = starts.get(next_start)
                names_another = next_kind is not None and not next_kind & ADJECTIVAL
                if joint == "-":
                    # "Asian-Pacific": a compound with a word that names nothing known; not
                    # two parties' before what is between them ("Chinese-Slovak relations",
                    # "Russian-North Korean military cooperation").
                    blocked = (
                        not names_another
                        and not _DEMONYM_END.search(word)
                        and _COMPASS_AND_DEMONYM.match(text, end) is None
                        and not (
                            word not in _OCEAN_NAMES
                            and _BETWEEN_THEM_AFTER.match(text, end + 1 + len(word))
                        )
                    )
                else:
                    # "European Union", "the East German state": a different proper name;
                    # "Chinese Embassy", "European NATO allies" are not, and neither is a
                    # state's people's adjective before an acronym ("the South Korean PRT"), a
                    # body of the state's whatever its letters.
                    # (in the possessive too: "the Chinese Embassy’s note")
                    organ = kind & STATE and (
                        _an_organ(word)
                        or _an_organ(_POSSESSIVE_END.sub("", word))
                        or _LETTERS.fullmatch(_POSSESSIVE_END.sub("", word)) is not None
                    )
                    # The second of two parties joined before what is between them names its
                    # state in capitals too: "United States-Japanese Relations".
                    between = (
                        start - 1 in ends
                        and text[start - 1] in "-–"
                        and _BETWEEN_THEM_IN_CAPITALS.match(text, end) is not None
                    )
                    blocked = not (
                        word in _FUNCTION_WORDS
                        or word in _MEMBERS_CAPITALISED
                        or organ
                        or names_another
                        or between
                    )
                    if form in _COMPASS_ADJECTIVES and next_kind is not None and next_kind & PLACE:
                        blocked = True  # "Western Europe": a part of the place, not the West
            if form in _COMPASS_ADJECTIVES and (
                _PART_OF_AFTER.match(text, end) is not None
                or _ANOTHER_PART_AFTER.match(text, end) is not None
            ):
                # "the Western side of the Pacific", "Western and Southern Europe": a part of a
                # place
                blocked = True
            if (
                word_before is not None
                and _qualifies(word_before.group(1))
                # (a count before a people's adjective: "One Chinese official"; "One China" is
                # a state's name, no adjective)
                and word_before.group(1) != "One"
                and start - 1 not in ends
                and not form[:1].islower()
            ):
                blocked = True  # "Latin American", "Central Asian": a qualifier, another name
            if _LANDFORM_AFTER.match(text, end):
                blocked = True  # "the Indian subcontinent", "the Arabian peninsula"
            if form in _OCEAN_NAMES and (
                _OCEAN_LISTED_BEFORE.search(before) or _OCEAN_LISTED_AFTER.match(text, end)
            ):
                blocked = True  # "the Atlantic, Indian and Pacific regions": the ocean
        if (
            kind & CAPITAL
            and after is not None
            and after.group(1) == " "
            # (made an adjective by a prefix, it opens no name: "anti-Beijing Islamic militants")
            and _STANCE_PREFIX_BEFORE.search(before) is None
        ):
            # "the Washington Post", "the London Blitz": a different proper name.
            blocked = after.group(2) not in _FUNCTION_WORDS
        if kind & CAPITAL and _closes_an_institutions_name(before, start, ends):
            blocked = True  # "King's College London": the college's name ends with the city
        if _opens_a_longer_name(text, start, end, kind):
            # "the East China Sea", "the Sea of Japan": a sea, not a state; "the North
            # Atlantic Council", "the European Union": a body, not the region
            blocked = True
        if (
            kind & PLACE
            and not kind & (ADJECTIVAL | CAPITAL)
            and word_before is not None
            and _qualifies(word_before.group(1))
            and start - 1 not in ends
            and not _OPENS_SENTENCE.search(before, 0, word_before.start(1))
            and after is not None
            and after.group(1) == " "
            and after.group(2) not in _FUNCTION_WORDS
            and after.group(2) not in _STATE_ORGANS
            and end + 1 not in starts
        ):
            blocked = True  # "the South China Morning Post": inside a newspaper's name
        if _of_another_body(kind, before, start, ends) and not _owns_an_organ(kind, text, end):
            blocked = True  # "Friends of Europe", "the Council of Europe", "the Bank of Japan"
        if _inside_another_bodys_name(kind, text, before, start, end, ends):
            blocked = True  # "the Center for a New American Security": a cause, not the state
        if _another_state(kind, before, start, ends) or (
            kind & PLACE and _WEB_ADDRESS_AFTER.match(text, end) is not None
        ):
            blocked = True  # "North Korea" is not "Korea"; "Korea.net" is an address
        if kind & REGION_NAME and _PREFIX_BEFORE.search(before):
            blocked = True  # "the Trans-Atlantic alliance": an adjective of crossing, not the ocean
        if kind & STATE and _BETWEEN_STATES_BEFORE.search(before):
            blocked = True  # "the inter-Korean border": of both Koreas, not of one
        if kind & CITY and (
            _a_place(text, start, end, before, owner, owners_at)
            or _joined_to_a_place(before, start, city_ends)
        ):
            # "north of Tokyo", "before leaving Tokyo": the city; and so is the one joined to it
            # ("from the capital Kyiv, and Moscow just a bit further")
            blocked = True
            city_ends.add(end)
        if kind & LOCATED_GROUP and _MORE_PLACES_AFTER.match(text, end) is not None:
            # "partners in the Indo-Pacific and Europe": partners in both; but "and the EU" is
            # another actor beside them.
            blocked = True
        if kind & PARTNERS and _anothers_partners(text, before, start, found_at):
            blocked = True  # "U.S. partners in the Indo-Pacific": a state's own, not the group
        if (
            kind & BODY_ACRONYM
            and start - 1 in ends  # a region's or a people's name: "Asian", "Pacific"
            and _ANOTHER_OF_ITS_KIND.search(before) is not None
            and _AS_MODIFIER.match(text, end) is None
        ):
            blocked = True  # "an Asian NATO would": a proposed alliance, not NATO
        if (
            kind & BODY_ACRONYM
            and _AN_ARTICLE_BEFORE.search(before) is not None
            and _OF_ITS_OWN_AFTER.match(text, end) is not None
        ):
            blocked = True  # "a NATO for the Pacific", "a NATO of Asia": another of its kind
        if (
            kind & BODY_ACRONYM
            and text[end - 1 : end] == "s"
            and _POSSESSED_AFTER.match(text, end) is None
        ):
            blocked = True  # "Asian-version NATOs like AUKUS": the plural, other alliances
        if text[end : end + 1] == "$" or (
            kind & PLACE
            and (
                _CURRENCY_AFTER.match(text, end) is not None
                or (_WON_AFTER.match(text, end) is not None and _AMOUNT_BEFORE.search(before))
            )
        ):
            # "US$150 million", "9.47 billion US dollars", "the Australian dollar", "300 billion
            # Korean won": the currency, not the state
            blocked = True
        if kind & STATE and (
            (
                (language_before := _LANGUAGE_BEFORE.search(before))
                and _LANGUAGE_AFTER.match(text, end)
                and not (
                    language_before.group().startswith("from")
                    and _LISTED_AFTER_FROM.match(text, end)
                )
            )
            or _TRANSLATED_BEFORE.search(before)
            or (
                kind & ADJECTIVAL
                and _WRITTEN_IN_BEFORE.search(before) is not None
                and _NOT_A_NOUN_AFTER.match(text, end) is not None
            )
            or (kind & ADJECTIVAL and _FILE_AFTER.match(text, end))
            or (
                kind & ADJECTIVAL
                and text.startswith(("-language", " language", "-speaking", "-speaker"), end)
            )
            or (
                kind & ADJECTIVAL
                and _SPOKEN_BEFORE.search(before) is not None
                and _NO_NOUN_AFTER.match(text, end) is not None
            )
            or (kind & ADJECTIVAL and _FIELD_AFTER.match(text, end) is not None)
        ):
            # "an editorial in Chinese (...)", "an article in Japanese contributed to",
            # "Japanese (PDF)", "its Chinese-language service",
            # "studying the Korean language", "a Russian-speaking diplomat", "he speaks Korean":
            # the language; "American studies": a field
            blocked = True
        if (
            kind & COMMON_NOUN
            and (
                ends.get(start - 1, owner) != owner
                # an acronym no form names: "the EUTOPIA Alliance"
                or (
                    start - 1 not in ends
                    and word_before is not None
                    and len(word_before.group(1)) > 1
                    and word_before.group(1).isupper()
                    and not text[start:end].isupper()
                )
                # what it is for, on or of, or with whom: "the Inter-Parliamentary Alliance on
                # China"
                or _NAMED_FOR_AFTER.match(text, end) is not None
                # words no form names, the name ending with it: "the Five Eyes Alliance", "a
                # Military Alliance" (not "NATO (Northern Alliance Treaty Organization)")
                or (after is None and _named_by_other_words(before, start, ends, owner))
                # a name no form names joined to it: "the Labour-Alliance coalition"
                or (_JOINED_NAME_BEFORE.search(before) is not None and start - 1 not in ends)
            )
        ):
            blocked = True  # "the Anglo-Japanese Alliance", "an East Asian Alliance": another
        if (
            kind & TITLE
            and (possessor := _ANOTHERS_POSSESSIVE_BEFORE.search(before)) is not None
            and start - len(before) + possessor.end(1) not in ends
        ):
            blocked = True  # "the Atlantic Treaty Association’s own Secretary General": its own
        if kind & (PLACE | CAPITAL) and _MASTHEAD_AFTER.match(text, end):
            blocked = True  # "the New Zealand Herald", "the Japan Times": a newspaper
        if (
            kind & (ADJECTIVAL | REGION_NAME)
            and _TITLED_THE_BEFORE.search(before)
            and _LOWER_WORD_AFTER.match(text, end)
            # (a region after "of" is the place: "both sides of The Atlantic and beyond")
            and not (kind & REGION_NAME and before.endswith(" of The "))
        ):
            # "Writing in The Australian just a day after", "argues in The Atlantic that": a
            # newspaper's or a magazine's name
            blocked = True
        if _formal_of_another(kind, before):
            blocked = True  # "the Democratic People's Republic of Korea": another state
        if kind & SHORT_OF_QUALIFIED and _HEAD_WITHOUT_QUALIFIER.search(before):
            # "the Republic of China" (Taiwan) beside "the People's Republic of China", "the
            # Republic of the Congo" beside "the Democratic Republic of the Congo": another state
            # (but "the Peoples Republic of China", misspelt, is the state)
            blocked = True
        if (
            kind & REGION
            and word_before is not None
            and _qualifies(word_before.group(1))
            and start - 1 not in ends
            and (
                not _OPENS_SENTENCE.search(before, 0, word_before.start(1))
                or not word_before.group(1).endswith(_NO_NAMES_ENDINGS)
            )
        ):
            # "Nikkei Asia", "Radio Free Europe": a longer name ends with it, opening a sentence
            # too ("Nikkei Asia reported"; not "Recently Europe", "Highlighting Asia's")
            blocked = True
        if (
            kind & REGION_NAME
            and form.isalpha()
            # (not a compound's second half: "the Asia-Europe Foreign Ministers' meeting")
            and not before.endswith(("-", "\u2011"))
            and after is not None
            and after.group(1) == " "
            and end + 1 not in starts
            and _qualifies(after.group(2))
            and after.group(2) not in _NOT_A_NAMES_WORD
            and after.group(2) not in _MEMBERS_CAPITALISED
        ):
            blocked = True  # "the Atlantic Eagles mission", "Asia Times": a longer name opens

        if kind & CAPITAL and _names_where(text, start, end):
            # "a Tokyo-based expert", "the Washington summit declaration": where someone is,
            # goes or meets, the city, not the government
            blocked = True
        if kind & DESCRIPTIVE:
            of_name = _OF_NAME_AFTER.match(text, end)
            if (
                of_name is not None
                and of_name.start(1) not in owners_at
                and of_name.start(1) - 4 not in owners_at  # "of the Alliance"
            ):
                blocked = True  # "Secretary General of the United Nations": another body's
            if _after_an_institutions_head(before) or (
                # (an office is not a portfolio: "NATO Secretary General Mark Rutte and Japanese
                # Prime Minister Shinzo Abe" is two people and their titles)
                not kind & TITLE and _listed_before_a_head(text, end)
            ):
                # "Ministry of Foreign Affairs", "Foreign Affairs, Defence and Trade Committee"
                blocked = True
            # A name next to itself (a list without commas) is not a longer name. A full name
            # with a phrase of its own ("Centre for Strategic Studies") is not part of a longer
            # one: a capitalised word beside it is another name, side by side.
            full_name = _INNER_PHRASE.search(form) is not None
            if (
                not full_name
                and word_before is not None
                and _qualifies(word_before.group(1))
                and ends.get(start - 1) != owner
            ):
                blocked = True  # "London Blitz", "UN Secretary General"
            if (
                not full_name
                and after is not None
                and owners_at.get(end + 1) != owner
                and not kind & TITLE
                and after.group(1) == " "
                and after.group(2) not in _FUNCTION_WORDS
                and (
                    after.group(2) not in _TITLES_AFTER
                    # a body's chair or secretary, but an office's portfolio where the name is
                    # no body's: "Foreign Affairs Secretary Ma. Theresa Lazaro"
                    or form.rsplit(" ", 1)[-1] not in _REGION_BODY_HEADS
                )
            ):
                # "Foreign Affairs Committee"; but "NATO Military Committee Chair" is its chair
                blocked = True
            if not kind & TITLE and _AN_OFFICE_IN_LOWER_CASE_AFTER.match(text, end):
                blocked = True  # "ACT's Foreign Affairs spokesperson": a portfolio, not a journal
        if not blocked:
            kept.append(item)
    return kept


# What a body is for, on or of, or whom it is made with, after a common noun capitalised as its
# name: "Alliance on China", "Alliance for Securing Democracy", "the Alliance of Democracies
# Foundation", Japan's "Alliance with the US" are other bodies.
_NAMED_FOR_AFTER = re.compile(r" (?:on|for|of|with) (?:the )?[A-Z]")
# A capitalised word joined by a hyphen before a common noun capitalised as its name: "Labour-"
# in "the Labour-Alliance coalition".
_JOINED_NAME_BEFORE = re.compile(r"(?<![\w’'-])[A-Z][\w’']*-$")
# Where a sentence opens, a quote aside (see `_named_by_other_words`).
_STARTS_SENTENCE = re.compile(r"(?:^|[.!?:;]\s+|\n\s*)$")
_ARTICLES = frozenset({"The", "A", "An"})
# The capitalised words just before a form, as one run ("Five Eyes ", "a Military ").
_CAPITALISED_RUN_BEFORE = re.compile(r"(?<![\w’'-])((?:[A-Z][\w’'-]* )+)$")


# What makes a name before a group's the partners' owner: a state's or a region's name, its
# adjective or its capital ("U.S. partners", "Japan’s Indo-Pacific partners").
_AN_OWNERS_KIND = PLACE | STATE | CAPITAL | CITY
_POSSESSIVE_BEFORE = re.compile(r"[\w.][’']s $")
_SHARED_WITH_THE_ALLIANCE = re.compile(r"(?:NATO|[Aa]lliance)(?:[’']s)? (?:and|&) $")
_ALLIES_AND_BEFORE = re.compile(r"\b(?:allies|friends),? (?:and|&) $")


def _anothers_partners(
    text: str, before: str, start: int, found_at: dict[int, tuple[int, int]]
) -> bool:
    """Whether a group named as partners is another's partners: "U.S. partners in the
    Indo-Pacific", "Japan’s Indo-Pacific partners", "the EU's Indo-Pacific partners" (a name no
    form knows, in the possessive) are theirs, not the group of the alliance's partners; "its",
    "NATO's" or "the Alliance's" partners are, and so are those the alliance shares ("the
    alliance and US partners"). The owner of allies named with them owns the partners too: "U.S.
    allies and partners in the Indo-Pacific", not "NATO allies and partners in the
    Indo-Pacific"."""
    if (allies := _ALLIES_AND_BEFORE.search(before)) is not None:
        start -= len(before) - allies.start()
        before = before[: allies.start()]
    possessive = _POSSESSIVE_BEFORE.search(before) is not None
    owner = found_at.get(start - 3 if possessive else start - 1)
    if owner is not None:
        owner_start, kind = owner
        return bool(kind & _AN_OWNERS_KIND) and not _SHARED_WITH_THE_ALLIANCE.search(
            text, max(0, owner_start - 30), owner_start
        )
    word = _word_before(before) if possessive else None
    return word is not None and not _OPENS_SENTENCE.search(before, 0, word.start(1))


def _named_by_other_words(before: str, start: int, ends: dict[int, str], owner: str) -> bool:
    """Whether the capitalised words just before a form make a name of something else with it:
    the last of them qualifies it (`_qualifies`), and none is a function word, opens the sentence
    or ends a known form, unless that form names one of a pact's parties ("the US-Japan Security
    Alliance")."""
    run = _CAPITALISED_RUN_BEFORE.search(before)
    if run is None:
        return False
    words = run.group(1).split()
    first = start - len(before) + run.start(1)
    owners = [i for i, word in enumerate(words) if word.endswith(("’s", "'s"))]
    if owners and owners[-1] < len(words) - 1:
        # a possessor before the name is not of it: "NATO's Cyber Alliance 2023 exercise"
        first += len(" ".join(words[: owners[-1] + 1])) + 1
        words = words[owners[-1] + 1 :]
    elif words[0] in _ARTICLES and len(words) > 1:
        # "The Competitiveness Alliance": the article opens the sentence, the words after it
        # are the name's.
        words = words[1:]
    # (A quote before them opens a quoted name as often as a sentence: “Five Eyes Alliance”.)
    elif _STARTS_SENTENCE.search(before, 0, run.start(1)) is not None:
        return False
    if not _qualifies(words[-1]) or any(word in _FUNCTION_WORDS for word in words):
        return False
    inside = [at for at in ends if first < at < start]
    if any(ends[at] == owner for at in inside):
        return False
    # Another's name inside leaves the form its own, unless two names are joined as a pact's
    # parties ("the US-Japan Security Alliance").
    offset = start - len(before)
    return not inside or any(before[at - offset] in "-–" for at in inside)


# A body's name in the possessive before an office's title: the office is that body's ("the
# Atlantic Treaty Association’s own Secretary General"), unless a known actor is named there
# ("NATO’s Secretary General").
_ANOTHERS_POSSESSIVE_BEFORE = re.compile(
    r"(?<![\w’'-])((?:[A-Z][\w-]* )*[A-Z][\w-]*)[’']s (?:own |new |former |current )?$"
)
# A formal name's head and "of" with no qualifier before it: "the Republic of ", "(Republic of ".
_HEAD_WITHOUT_QUALIFIER = re.compile(
    r"(?:^|[^\w\s’'-]\s*|(?<![\w’'-])(?:[a-z][\w’'-]*|The) )"
    rf"(?:{'|'.join(sorted(_FORMAL_HEADS))}) of (?:the )?$"
)
# A capitalised word and "of" before a place's name: "Friends of", "the Council of".
_HEAD_OF = re.compile(r"(?<![\w’'])([A-Z][\w’'-]*) of (?:the )?$")
# The head words of bodies that are not a state's own organs: "the Council of Europe", "the
# Bank of Japan", "the Democratic Party of Korea", "Friends of Europe".
_BODY_HEADS = (_INSTITUTION_HEADS - _STATE_ORGANS) | _wordset("Friends Bank Party Voice Radio")


def _formal_of_another(kind: int, before: str, in_heading: bool = False) -> bool:
    """Whether a state's formal name follows a qualifier that makes it another state's: "the
    Democratic People's Republic of Korea" is not the Republic of Korea. In a title-case
    heading, where every word is capitalised, only "People's" says so."""
    if not kind & FORMAL or (word_before := _word_before(before)) is None:
        return False
    word = word_before.group(1)
    if in_heading:
        return word in _PEOPLES
    return (_qualifies(word) or word in _PEOPLES) and not _OPENS_SENTENCE.search(
        before, 0, word_before.start(1)
    )


# A body's head word, what it is for or on, and the place it is for or in, before a place's
# name: "the Organization for Security and Co-operation in", "the Economic Commission for".
_HEAD_FOR = re.compile(
    r"(?<![\w’'])([A-Z][\w’'-]*) (?:for|on) (?:the )?"
    r"(?:(?:[A-Z][\w’'-]*(?:,? (?:and|&))? )+(?:in|for|of) (?:the )?)?$"
)
# The head words of bodies whose names say what they are for or on, and where.
_BODY_FOR_HEADS = _BODY_HEADS | _wordset("Organization Organisation Conference")


def _of_another_body(kind: int, before: str, start: int, ends: dict[int, str]) -> bool:
    """Whether a place's name closes another body's name after "of", or after what the body is
    for: "Friends of Europe", "the Council of Europe", "the Bank of Japan", "the Economic
    Commission for Europe", "the Organization for Security and Co-operation in Europe"; not a
    state's organ ("the Government of Japan", "the Embassy of Japan") nor a common noun ("Parts
    of Europe"); after what it is for, not a sentence's first word."""
    if not kind & PLACE or kind & ADJECTIVAL or start - 1 in ends:
        return False
    head = _HEAD_OF.search(before)
    if head is not None and head.group(1) in _BODY_HEADS:
        return True  # at a sentence's start too: "Voice of America added ..."
    head = _HEAD_FOR.search(before)
    return (
        head is not None
        and head.group(1) in _BODY_FOR_HEADS
        and not _OPENS_SENTENCE.search(before, 0, head.start(1))
    )


# A possessive and the capitalised word after it: "South Korea’s National".
_POSSESSIVE_AND_WORD_AFTER = re.compile(r"[’']s ([A-Z][\w’'-]*)")


def _owns_an_organ(kind: int, text: str, end: int) -> bool:
    """Whether a state's name in the possessive owns one of its organs, after another body's
    head and "of": "the Intelligence Committee of South Korea’s National Assembly" is of the
    state's assembly (not "the Bank of Japan’s Policy Board")."""
    owned = _POSSESSIVE_AND_WORD_AFTER.match(text, end)
    state = bool(kind & PLACE) and not kind & REGION_NAME
    return state and owned is not None and owned.group(1) in _STATE_ORGANS


# A body's head and what it is of or for, then the capitalised words of its name so far: "the
# Institute of European and ", "the Center for a New ".
_HEAD_OF_A_NAME = re.compile(
    r"(?<![\w’'])([A-Z][\w’'-]*) (?:of|for|on)(?: (?:the|a|an))?"
    r"(?:,? (?:and |& )?[A-Z][\w’'-]*)*,? (?:and |& )?$"
)
# The name goes on after the adjective: "American Studies", "and American Studies".
_NAME_GOES_ON = re.compile(r"(?:,? (?:and |& )?[A-Z][\w’'-]*)+")


def _inside_another_bodys_name(
    kind: int, text: str, before: str, start: int, end: int, ends: dict[int, str]
) -> bool:
    """Whether an adjective is a word inside the name of a body that is not a state's organ,
    after what the body is of or for, with the name going on after it: "the Institute of
    European and American Studies", "the Center for a New American Security" (a field or a
    cause, not Europe or the United States); not "the Ministry of Foreign Affairs"."""
    if not kind & ADJECTIVAL or start - 1 in ends or _NAME_GOES_ON.match(text, end) is None:
        return False
    head = _HEAD_OF_A_NAME.search(before)
    return (
        head is not None
        and head.group(1) in _BODY_FOR_HEADS
        and not _OPENS_SENTENCE.search(before, 0, head.start(1))
    )


def _another_state(kind: int, before: str, start: int, ends: dict[int, str]) -> bool:
    """Whether a compass word before a state's name or adjective makes it another state's or a
    continent's: "North Korea", "Russia-North Korea", "N. Korea", "North Korean", "Latin America"
    (where no form names the longer name); not a capital city's ("South Tokyo" is a part of
    it)."""
    return (
        bool(kind & PLACE)
        and not kind & CITY
        and start - 1 not in ends
        and _COMPASS_BEFORE.search(before) is not None
    )


# An office or a body named in lower case after its portfolio: "Labour's Foreign Affairs
# spokesman", "the Foreign Affairs committee".
_AN_OFFICE_IN_LOWER_CASE_AFTER = re.compile(
    r" (?:spokes(?:person|man|woman|people)|minister|ministry|committee|critic|portfolio"
    r"|secretary|department|advis[eo]r)s?\b"
)


def _closes_an_institutions_name(before: str, start: int, ends: dict[int, str]) -> bool:
    """Whether a capital follows an institution's head word, as the last word of its name:
    "King's College London"."""
    word_before = _word_before(before)
    return (
        word_before is not None
        and word_before.group(1) in _INSTITUTION_HEADS
        and start - 1 not in ends
    )


# An office's head before its portfolio: "the High Representative for Foreign Affairs", "the
# Commissioner for Defence".
_PORTFOLIO_HEADS = _INSTITUTION_HEADS | _wordset(
    "Representative Representatives Commissioner Commissioners Envoy Envoys Adviser Advisers "
    "Advisor Advisors Spokesperson Rapporteur Coordinator"
)


def _after_an_institutions_head(before: str) -> bool:
    """Whether the words before a name are an institution's or an office's head and its "of" or
    "for": "Ministry of", "Ministers of the", "High Representative for", "Vice-Minister for" (the
    head after a hyphened rank)."""
    return any(
        head is not None and head.group(1).rsplit("-", 1)[-1] in _PORTFOLIO_HEADS
        for head in (_HEAD_OF_BEFORE.search(before), _HEAD_OF_A_BODY_FOR_BEFORE.search(before))
    )


# Capitalised words listed after a name, to the head of an institution's name: ", Defence and
# Trade Select Committee".
_LISTED_AFTER = re.compile(r",? (?:and |& )?([A-Z][\w’'-]*(?:(?:,? (?:and |& )?| )[A-Z][\w’'-]*)*)")


def _listed_before_a_head(text: str, end: int) -> bool:
    """Whether the name is the first of a list of portfolios that an institution's head ends:
    "Foreign Affairs, Defence and Trade Select Committee", "Foreign Affairs and Cooperation
    Minister"."""
    found = _LISTED_AFTER.match(text, end)
    if found is None:
        return False
    # A list has "and" before its last item; a name in apposition ("Department for Asia-Pacific
    # Studies, China Institute of ...") has none.
    words = found.group().replace(",", " ").split()
    head = next((i for i, word in enumerate(words) if word in _INSTITUTION_HEADS), None)
    return head is not None and bool({"and", "&"} & set(words[:head]))


_OCEAN_OR_CONTINENT = re.compile(
    r"Atlantic|Pacific|Indian|Arctic|Antarctic|Asia|Europe|Africa|America|Eurasia|Oceania"
)


def _opens_a_longer_name(text: str, start: int, end: int, kind: int) -> bool:
    """Whether a place's or region's name opens the name of a sea or of a body named after it."""
    if kind & PLACE and (
        _FEATURE_AFTER.match(text, end) is not None
        or (
            " of " in text[max(0, start - 9) : start]
            and _FEATURE_OF_BEFORE.search(text, max(0, start - 20), start) is not None
        )
    ):
        return True
    if (
        kind & PLACE
        and not kind & (ADJECTIVAL | CAPITAL | REGION_NAME)
        and _A_STATES_NAMESAKE_AFTER.match(text, end) is not None
    ):
        return True  # "Korea Aerospace Industries", "the Japan Foundation": named after the state
    after = _WORD_AFTER.match(text[end : end + 60])
    if (
        after is not None
        and after.group(1) == "-"
        and kind & REGION_NAME
        and _OCEAN_OR_CONTINENT.fullmatch(after.group(2))
    ):
        # A compound of two regions opens the name as one would: "the Atlantic-Pacific Treaty
        # Organization" (not "NATO-Europe-US Cooperation", a list of three parties).
        end += after.end()
        after = _WORD_AFTER.match(text[end : end + 60])
    if after is None or after.group(1) != " ":
        return False
    # The head in the possessive is still the head: "the Atlantic Council’s experts".
    head = _POSSESSIVE_END.sub("", after.group(2))
    if head not in _REGION_BODY_HEADS and not (
        kind & REGION_NAME and _HEAD_A_FEW_WORDS_ON.match(text, end)
    ):
        return False
    # A state's own organs still name it: "the Chinese Ministry of Defence".
    return bool(kind & REGION_NAME) or bool(
        kind & ADJECTIVAL and not (kind & STATE and head in _STATE_ORGANS)
    )


_POSSESSIVE_END = re.compile(r"[’']s?$")
