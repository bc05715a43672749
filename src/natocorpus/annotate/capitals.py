"""Where a capital city is named as the place it is, not as its government: a part of the city or
a journey to it ("north of Tokyo", "before leaving Tokyo"), a body or a meeting there ("the Tokyo
office", "the Washington summit"), an address or a dateline ("Reuters, Tokyo"). `annotate.context`
turns such a capital's government form down by these rules."""

from __future__ import annotations

import re

from natocorpus.annotate.dates import _BARE_MONTHS, _MONTHS
from natocorpus.annotate.forms import _before_a_list

# A meeting, its document or a visit after a capital: the capital is where it was held or went
# ("Modi's recent Moscow visit"), a word of its subject maybe between ("a Beijing defence forum",
# "the Tokyo peace conference").
_MEETING_AFTER = re.compile(
    r" (?:(?:defen[cs]e|security|peace|trade|economic|disarmament|donors?|investment|business"
    r"|leaders[’']?|ministerial|bilateral|trilateral) )?"
    r"(?:summit|conference|meeting|gathering|declaration|communiqu[eé]|treaty|accords?|process"
    r"|format|forum|visit|trip|talks|events?)\b",
    re.IGNORECASE,
)
# A compound that says where someone or something is: the place, not the government there.
_LOCATED = re.compile(r"-(?:based|born|bred|raised|headquartered|registered|area)\b")
# A wire's line of where it filed: "(Seoul=Yonhap)", "(Berlin, Seoul = Yonhap News)".
_AGENCY_AFTER = re.compile(r"\s?=\s?[A-Z]")
# The city's clock: "Beijing time", "Tokyo local time".
_CLOCK_AFTER = re.compile(r" (?:local |standard )?time\b")
# A city with its district: "Washington, D.C." is the city.
_DISTRICT = re.compile(r",? (?:D\.C\.|DC\b)")  # no "\b" after "D.C.,": no word boundary there
# A dateline's place of one or two capitalised words ("Seoul", "New Delhi"), and each further
# place after a slash ("Seoul / Brussels").
_PLACE_WORDS = r"[A-Z][\w’'-]+(?: [A-Z][\w’'-]+)?"
_ANOTHER_PLACE = rf" ?/ ?{_PLACE_WORDS}"
# A dateline: a place opening a paragraph (or several: "Seoul / Brussels"), perhaps with its
# country in square brackets ("New Delhi [India], April 19 (ANI):"), then a date or the agency
# in brackets and a dash.
_DATELINE = re.compile(
    rf"(?:,\s*D\.C\.)?(?:{_ANOTHER_PLACE})*(?:\s*\[[A-Z][^\[\]\n]{{0,30}}\])?"
    r"(?:,\s*(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:st|nd|rd|th)?"
    r"|\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]{2,8}\.?)\b"
    # or its month and day after a full stop: "Washington. November 15th. INTERFAX"
    rf"|\.\s+(?:{_MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?\b"
    r"|\s*\([^()\n]{1,40}\)\s*[–—-]"
    # or the agency in brackets after a comma: "New Delhi, (IANS) India and Australia"
    r"|,\s*\([^()\n]{1,40}\)\s"
    # or in capitals, then a dash: "Beijing , SANA- A Chinese spokesperson"
    r"|\s*,\s*[A-Z]{2,6}\s*[–—-]\s"
    # its month and year: "Tokyo, April 2025 –"
    rf"|,\s*(?:{_MONTHS})\s+(?:19|20)\d\d\s*[–—-]"
    # its day, month (in any case) and year without a comma: "Washington 11 july 2024 :"
    rf"|\s+\d{{1,2}}\s+(?i:{_MONTHS}|{'|'.join(_BARE_MONTHS)})\.?\s+(?:19|20)\d\d\b)"
)
# A separator after a dateline's place, before the agency or the text: "Kyiv • UNN",
# "Beijing – AFP", "Kyiv - NATO faced", "Washington- Highlighting", "Washington -- NATO must"
# (a hyphen, or two, with a space after it is a dash).
_DATELINE_SEPARATOR = re.compile(r"\s*[•|–—]\s|\s*--?\s")
# A dateline's place and comma before its date, opening a line; and its agency in brackets and
# its dash after the date ("SEOUL, April 5 (Yonhap) --", "Tokyo, Jan 31 (EFE).-").
_DATELINE_PLACE_BEFORE = re.compile(r"[A-Z][\w’'.-]*(?: [A-Z][\w’'.-]*){0,3},\s+")
_DATELINE_AFTER_ITS_DATE = re.compile(r"\s*(?:\([^()\n]{1,40}\)\s*)?(?:[–—]|--?|\.-)")


def in_a_dateline(text: str, start: int, end: int) -> bool:
    """Whether a date (from `start` to `end`) is a dateline's, the day a report was filed."""
    line = text.rfind("\n", 0, start) + 1
    return (
        _DATELINE_PLACE_BEFORE.fullmatch(text, line, start) is not None
        and _DATELINE_AFTER_ITS_DATE.match(text, end) is not None
    )


# Where a capital city is a place, not its government: a part or the people of the city ("north
# of Tokyo", "the population of Beijing"), a title or a battle named after it ("the Duke of
# Wellington", "the Battle of Kyiv"), a journey to or from it ("before leaving Tokyo", "a
# visit to Seoul"), a body that is there ("the London delegation", "the Tokyo office").
_CITY_PART_OF = re.compile(
    r"\b(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west|outskirts"
    r"|suburbs?|environs|vicinity|centre|center|heart|streets?|population|residents?|inhabitants"
    r"|citizens|mayor"
    r"|city|districts?|parts?|airports?|downtown|governor|dukes?|duchess|earl|baron|bishop"
    r"|archbishop|(?:arch)?diocese|battle|siege) of (?:the )?$",
    re.IGNORECASE,
)
_CITY_JOURNEY = re.compile(
    r"\b(?:leav(?:e|es|ing)|left|depart(?:s|ed|ing)?|visit(?:s|ed|ing)?|toured|tours?"
    r"|(?:(?:visits?|trips?|flights?|delegations?"
    r"|journeys?|travel(?:l?ed|l?ing|s)?|flew|fly(?:ing)?|return(?:s|ed|ing)?|back|head(?:s|ed|ing)?"
    r"|bound|route|way|arriv(?:e|es|ed|ing|al)|depart(?:s|ed|ing|ure)?|came|come|went|go(?:es|ing)?"
    r"|mov(?:e|ed|ing)|relocated?|stop(?:s|ped|ping)?|stopover|invit(?:e|es|ed|ing)"
    r"|summon(?:s|ed|ing)?)"
    # (maybe past another stop: "returned to Rome from Washington", "moving from Brussels to")
    r" (?:here |there |home |back |(?:to|from) [A-Z][\w’'-]* )?(?:to|from|for|in|into))"
    r"|stop(?:s|ped|ping)? (?:by|off in|over in)"
    # a way out of the city: "pulling its diplomats out of Beijing"
    r"|out of"
    # a guest's arrival: "to welcome to Tokyo the Italian ship", "welcomed him in Seoul"
    r"|welcom(?:e|es|ed|ing) (?:[a-z]+ )?(?:to|in)"
    r"|(?:descend(?:s|ed|ing)?|converg(?:e|es|ed|ing)) (?:up)?on|flock(?:s|ed|ing)? to"
    r"|(?:trips?|tours?|visits?|journeys?) (?:that|which) (?:included|includes|took in|takes in)"
    # the traveller named between: "the visit of NATO Secretary General Mark Rutte to Tokyo"
    r"|(?:trips?|tours?|visits?|journeys?) (?:of|by) (?:[A-Z][\w’'.-]* ){1,6}to"
    r"|(?:left|leav(?:e|es|ing)|depart(?:s|ed|ing)?|headed|heading|bound) for"
    r"|tours? of"
    # troops' or a column's way into a city: "Russia’s tanks rolled into Kyiv" (not "a call into
    # Moscow": its government)
    r"|(?:roll(?:s|ed|ing)?|march(?:es|ed|ing)?|dr(?:ive|ives|ove|iven|iving)|push(?:es|ed|ing)?"
    r"|advanc(?:e|es|ed|ing)|pour(?:s|ed|ing)?|storm(?:s|ed|ing)?|swe(?:ep|eps|pt|eping)"
    r"|enter(?:s|ed|ing)?) (?:in|into|on|toward|towards)"
    r"|(?:enter(?:s|ed|ing)?|storm(?:s|ed|ing)?|encircl(?:e|es|ed|ing)|besieg(?:e|es|ed|ing)"
    # what comes to the city: "the cherry blossom front has reached Tokyo"
    r"|reach(?:es|ed|ing)?"
    # the way between it and another place: "the distance separating Wellington and Brussels"
    r"|distances? (?:between|separating|from)"
    # a journey with its time between: "my visit last year to Tokyo"
    r"|(?:visits?|trips?|journeys?|flights?) (?:(?:earlier |later )?(?:last|this|next) "
    r"(?:year|month|week|spring|summer|autumn|fall|winter)) to))"
    r" (?:the )?$",
    re.IGNORECASE,
)
# A district before a city in an address: "Hannam-dong, Seoul", "Chiyoda Ward, Tokyo".
_DISTRICT_BEFORE = re.compile(
    r"\b[A-Z][\w’'-]*(?:-(?:dong|gu|ku|cho|machi|ro|ri)| (?:District|Ward|Borough)), $"
)
# A city closing an address after a place no actor holds: "at the presidential office in
# Yongsan, Seoul, on June 15", "based in Minato, Tokyo." (a place of the knowledge base before it,
# "in Tokyo, Seoul and Beijing", is a list, not an address).
_ADDRESS_BEFORE = re.compile(r"\b(?:in|at) ((?:[A-Z][\w’'-]* ){0,2}[A-Z][\w’'-]*), $")
_ADDRESS_AFTER = re.compile(r"(?:[,.;:)]| on\b|\s*$)")
# A part or a building of a city after its possessive, with its name if it has one or the words
# that say which: "Seoul’s Yongsan-gu District", "Tokyo’s Haneda Airport", "Beijing’s streets",
# "London’s Chatham House", "Kyiv’s children’s hospital", "Tokyo’s main railway station", and
# what a city has as a city ("Tokyo’s overconcentration", "Seoul’s traffic").
_CITY_PART_AFTER = re.compile(
    r" (?:[A-Z][\w’'-]* ){0,3}(?:[a-z][\w’'-]* ){0,2}(?i:districts?|wards?|airports?|streets?"
    r"|outskirts|suburbs?|neighbou?rhoods?|downtown|centre|center|residents|inhabitants"
    r"|population|skyline|mayor|city hall|metro|subway|harbou?r|squares?|parks?|house|hall"
    r"|palace|tower|station|hotel|stadium|museum|castle|bridge|gate|hospitals?|schools?"
    r"|kindergartens?|churches|church|cathedral|markets?|apartments?|buildings?|blocks?"
    r"|overconcentration|congestion|traffic|sprawl|governor)\b"
)
# A body that is in a city, by its name after the city's possessive: a name whose head is no
# organ of a state ("Tokyo's Defense Ministry" is the government's).
# A meeting held there, after the city's possessive: "Washington’s NATO Summit" (one name of
# an organisation may stand between).
_ITS_MEETING_AFTER = re.compile(r" (?:[A-Z][\w-]* )?(?i:summit|meeting|conference)\b")
# A part of the city, told by an adjective before it: "in Yongsan, central Seoul", "downtown
# Tokyo", "northern Kyiv".
_CITY_PART_BEFORE = re.compile(
    r"\b(?i:central|downtown|northern|southern|eastern|western|north-?eastern|north-?western"
    r"|south-?eastern|south-?western|suburban|greater) $"
)
_CITY_INSTITUTION_AFTER = re.compile(
    # (a word that praises or dates it may stand first: "London's prestigious Institute for
    # Strategic Studies")
    r" (?:[a-z][\w-]* )?(?:[A-Z][\w’'-]* ){0,4}"
    r"(?:Institute|Institution|Endowment|University|College|Foundation|Centre|Center|School"
    r"|Museum|Society|Academy|Library|Gallery)\b"
)
# The land about a city: "operations around Tokyo", "a base near Seoul", "outside Moscow".
_CITY_SURROUNDINGS_BEFORE = re.compile(r"\b(?:around|near|outside(?: of)?|nearby) $")
# What is fired at a city or strikes it: "further missiles into Kyiv", "drone strikes on Moscow",
# "missiles struck Kyiv" (the city struck, not its government).
_CITY_STRUCK_BEFORE = re.compile(
    r"\b(?:missiles?|rockets?|drones?|(?:air ?)?strikes?|shells?|shelling|bombs?|bombing"
    r"|bombardments?|barrages?) (?:\w+ )?(?:into|on|at|against) (?:the )?$"
    # and by the verb of a blow: "ballistic missiles struck Kyiv", "shells pounded Kharkiv"
    r"|\b(?:struck|strikes|pounded|pounds|shelled|shells|bombed|bombarded|bombards|rocked) $",
    re.IGNORECASE,
)
# What comes from a city, seen or heard there: "the images from Beijing", "reports from Kyiv".
_CITY_SEEN_FROM = re.compile(
    r"\b(?:images|pictures|photos|footage|scenes|reports|dispatches|broadcasts) from (?:the )?$",
    re.IGNORECASE,
)
# A city named among places of a kind: "strikes on various regions, including Kyiv", "cities such
# as Tokyo and Osaka" (the places struck or listed, not their governments).
_CITY_AMONG_PLACES = re.compile(
    r"\b(?:cities|towns|villages|regions|areas|provinces|oblasts|districts|settlements|places"
    r"|locations|ports)\b[^.;:!?\n]{0,40}?,? (?:including|such as|like|notably"
    r"|especially|among them) (?:the )?$",
    re.IGNORECASE,
)
# Cities named as such, in a list: "the cities of Honolulu and Washington".
_CITIES_NAMED_BEFORE = re.compile(
    r"\b(?:cities|towns|ports) of (?:[A-Z][\w’'-]*(?: [A-Z][\w’'-]*)?(?:, | and | or ))*$"
)
# The city after the word that makes it one, or at a distance: "the Ukrainian capital, Kyiv",
# "the capital city of Seoul", "some 700 kilometres from Kyiv", "10,000 kilometers separate
# Tokyo and Stuttgart".
_CALLED_A_CAPITAL = re.compile(
    r"\b(?:capital(?: city)?,?(?: of)?"
    r"|(?:kilomet(?:re|er)s?|km|miles?)(?: away)? (?:from|separate|separating|between)(?: the)?)"
    r" $",
    re.IGNORECASE,
)
_CITY_BODY_AFTER = re.compile(
    # (with the kind of station: "the Kyiv railway station")
    r" (?:(?:liaison|representative|regional|field|press|permanent|branch|railway|rail|train"
    r"|bus|central) )?"
    r"(?:delegations?|offices?|embassy|embassies|bureaus?|missions?|consulates?|correspondents?"
    r"|stations?|bases?|headquarters|branch(?:es)?|residents?|areas?|airports?|metropolitan"
    r"|skyline|police|think[ -]tanks?|campus(?:es)?"
    # a publication there: "the London daily", "a Tokyo newspaper"
    r"|dail(?:y|ies)|weekl(?:y|ies)|newspapers?|tabloids?|broadsheets?|magazines?"
    # the land around it: "the Kyiv region", "the Moscow oblast"
    r"|regions?|oblast|province|prefecture"
    # where ships and passengers come in: "the Tokyo cruise terminal", "the Busan port"
    r"|(?:(?:cruise|ferry|container|passenger|international) )?"
    r"(?:terminals?|ports?|piers?|docks?))\b",
    re.IGNORECASE,
)
# A journey there, the noun after a determiner or a possessive: "Yoon’s Washington foray", "the
# Tokyo leg of his tour" (not the verb: "Washington visits Seoul").
_A_JOURNEY_THERE_AFTER = re.compile(
    r" (?:visits?|trips?|forays?|tours?|journeys?|stopovers?|sojourns?|legs?)\b", re.IGNORECASE
)
_DETERMINED_BEFORE = re.compile(
    r"(?:\b(?:[Tt]he|[Aa]n?|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts|[Oo]ur|[Mm]y|[Tt]his|[Tt]hat)|[’']s) $"
)
# A body's name and an opening bracket: the city in brackets after it is where the body is
# ("the Korea Institute for Defense Analysis (Seoul)").
_NAME_AND_BRACKET_BEFORE = re.compile(r"[A-Z][\w’'.-]* \($")
# A body's name and a comma: the city after it is where the body is, as in a speaker's
# affiliation ("Jeffrey Hornung, RAND Corporation, Washington", "Institute for Defence Studies
# and Analysis (IDSA), New Delhi").
_A_BODYS_NAME_AND_COMMA_BEFORE = re.compile(
    r"\b(?:Institute|Institution|Corporation|Endowment|University|College|Foundation|Centre"
    r"|Center|School|Academy|Society)"
    r"(?: (?:for|of|on|and) (?:the )?[A-Z][\w’'-]*(?: (?:and )?[A-Z][\w’'-]*)*)?"
    r"(?: \([A-Z]{2,8}\))?, $"
)
# A stop of a journey: "Seoul is the first stop on Stoltenberg's Asian tour", "Tokyo will be the
# next stop".
_A_STOP_AFTER = re.compile(
    r",? (?:is|was|will be|would be|became|becomes) (?:the|its|his|her|their) "
    r"(?:first|second|third|next|last|final|latest) (?:stop|leg|destination)\b"
)
# A meeting the city is host to: "with Washington hosting the summit", "Tokyo will host the
# ministerial meeting" (the city where it is held, as in "the Washington summit").
_HOSTS_A_MEETING_AFTER = re.compile(
    r" (?:(?:will|would|is to|is set to) )?(?:host(?:s|ed|ing)?|to host)"
    r" (?:the|a|an|this|that|next|its|this year[’']s|next year[’']s)"
    r"(?: [\w’'-]+){0,3}? (?i:summit|meeting|ministerial|conference|talks|gathering)s?\b"
)
# A line that names where a report was filed: "Reuters, Tokyo", "TOKYO".
_FILED_LINE_BEFORE = re.compile(r"[^\n.!?:;,]{1,40}, ")
_LINE_END = re.compile(r"[ \t]*(?:\n|$)")


def _a_place(
    text: str, start: int, end: int, before: str, owner: str, owners_at: dict[int, str]
) -> bool:
    """Whether a capital city is named as a place: a part of it, a journey to or from it, a body
    that is there, the city with its state ("Tokyo, Japan"), or a line naming where a report was
    filed ("Reuters, Tokyo", "China News Service, Beijing, May 12th", "Kyiv • UNN"). A possessive
    is the government's ("aid came in Kyiv’s name"), but before a part of the city, a body there
    or a meeting held there ("Washington’s NATO Summit") it is the city's."""
    if text[end : end + 2] in ("’s", "'s"):
        # "Seoul’s Yongsan-gu District", "Tokyo’s outskirts": a part of the city; "London's Royal
        # United Services Institute", "Washington’s Carnegie Endowment": a body that is there.
        return (
            _CITY_PART_AFTER.match(text, end + 2) is not None
            or _CITY_INSTITUTION_AFTER.match(text, end + 2) is not None
            or _ITS_MEETING_AFTER.match(text, end + 2) is not None
        )
    return (
        _CITY_PART_OF.search(before) is not None
        or _CITY_PART_BEFORE.search(before) is not None
        or _CITY_JOURNEY.search(before) is not None
        or _DISTRICT_BEFORE.search(before) is not None
        or _in_an_address(text, start, end, before, owners_at)
        or _CITY_SEEN_FROM.search(before) is not None
        or _CITY_STRUCK_BEFORE.search(before) is not None
        or _CITY_SURROUNDINGS_BEFORE.search(before) is not None
        or _CITY_AMONG_PLACES.search(before) is not None
        or _CITIES_NAMED_BEFORE.search(before) is not None
        or _CALLED_A_CAPITAL.search(before) is not None
        or (_NAME_AND_BRACKET_BEFORE.search(before) is not None and text[end : end + 1] == ")")
        or _A_BODYS_NAME_AND_COMMA_BEFORE.search(before) is not None
        or _CITY_BODY_AFTER.match(text, end) is not None
        or (
            _A_JOURNEY_THERE_AFTER.match(text, end) is not None
            and _DETERMINED_BEFORE.search(before) is not None
        )
        or _A_STOP_AFTER.match(text, end) is not None
        or _HOSTS_A_MEETING_AFTER.match(text, end) is not None
        or (text[end : end + 2] == ", " and owners_at.get(end + 2) == owner)
        or (
            _filed_line(text, start)
            and (
                _LINE_END.match(text, end) is not None
                or _DATELINE.match(text, end) is not None
                or _DATELINE_SEPARATOR.match(text, end) is not None
                or _MORE_PLACES_AND_SEPARATOR.match(text, end) is not None
            )
        )
    )


def _joined_to_a_place(before: str, start: int, city_ends: set[int]) -> bool:
    """Whether "and", "or" or a slash joins a capital to one just before it read as its city, or
    closes a list of places a journey goes to: "a visit to Seoul and Tokyo" (whichever form, or
    none, Seoul was found by)."""
    joined = _JOINED_BEFORE.search(before)
    if joined is None:
        return False
    if start - len(joined.group()) in city_ends:
        return True
    opening = _before_a_list(before)
    return opening != before and _CITY_JOURNEY.search(opening) is not None


# ("Washington/ Tokyo": a slash joins two places as "and" does.)
_JOINED_BEFORE = re.compile(r",? (?:and|or) $|/ ?$")


def _in_an_address(text: str, start: int, end: int, before: str, owners_at: dict[int, str]) -> bool:
    """Whether a capital closes an address: after "in" or "at", a place no actor holds and a
    comma, and the address ends with it ("in Yongsan, Seoul, on June 15")."""
    found = _ADDRESS_BEFORE.search(before)
    if found is None or _ADDRESS_AFTER.match(text, end) is None:
        return False
    place = range(start - len(before) + found.start(1), start - 2)
    return not any(at in owners_at for at in place)


# The places before the last of a dateline's: "Seoul / ", "Tokyo / Seoul / ", "Madrid/".
_DATELINE_PLACES = re.compile(rf"(?:{_PLACE_WORDS} ?/ ?)*")


# The other places of a dateline after its first, then its separator: "Canberra/London | Anthony
# Albanese has".
_MORE_PLACES_AND_SEPARATOR = re.compile(rf"(?:{_ANOTHER_PLACE})+(?:{_DATELINE_SEPARATOR.pattern})")
# The places after the first of a line that holds only places: "Seoul / Brussels" alone, the
# places a report was filed from without its date.
_MORE_PLACES_TO_THE_LINES_END = re.compile(rf"(?:{_ANOTHER_PLACE})*[ \t]*(?:\n|$)")
# A colon after a dateline's place, spaced by some house styles: "Wellington : New Zealand will".
_COLON_AFTER = re.compile(r" ?:")


def _a_line_of_places(text: str, start: int, end: int) -> bool:
    """Whether the name stands on a line of places joined by slashes and nothing else."""
    line_start = text.rfind("\n", 0, start) + 1
    rest = _MORE_PLACES_TO_THE_LINES_END.match(text, end)
    return rest is not None and "/" in text[line_start : rest.end()]


# What may stand before a dateline's place in brackets on its line: the date and a dash, "10th
# July 2024 – (Beijing) As NATO leaders gather".
_BEFORE_A_BRACKETED_PLACE = re.compile(r"(?:[\w ,]{0,30}[–—-] ?)?\($")


def _a_bracketed_dateline(text: str, start: int, end: int) -> bool:
    """Whether a name stands alone in brackets where a line opens, perhaps after its date and a
    dash: the place a report was filed from."""
    line = text[text.rfind("\n", 0, start) + 1 : start]
    return text[end : end + 1] == ")" and _BEFORE_A_BRACKETED_PLACE.fullmatch(line) is not None


def _opens_a_dateline(text: str, start: int) -> bool:
    """Whether a name opens its line, or follows the other places of a dateline there."""
    line = text[text.rfind("\n", 0, start) + 1 : start]
    return _DATELINE_PLACES.fullmatch(line) is not None


def _filed_line(text: str, start: int) -> bool:
    """Whether the line up to `start` is empty, an agency's or author's name and a comma, or
    the other places of a dateline ("Madrid/")."""
    line = text[text.rfind("\n", 0, start) + 1 : start]
    return (
        _DATELINE_PLACES.fullmatch(line) is not None
        or _FILED_LINE_BEFORE.fullmatch(line) is not None
    )


def _names_where(text: str, start: int, end: int) -> bool:
    """Whether a capital says where someone is, goes or meets, or where a report was filed: "a
    Tokyo-based expert", "heading to Washington, DC", "the Washington summit declaration",
    "Washington, Jul. 11 (dpa) –"."""
    return (
        _LOCATED.match(text, end) is not None
        or _DISTRICT.match(text, end) is not None
        or _AGENCY_AFTER.match(text, end) is not None
        or _CLOCK_AFTER.match(text, end) is not None
        or _MEETING_AFTER.match(text, end) is not None
        or _a_bracketed_dateline(text, start, end)
        or (
            _opens_a_dateline(text, start)
            # (A capital's name and a colon opening a line is a dateline, "New Delhi: ..."; a
            # person's, a speaker's label, which the coverage check still reports.)
            and (
                _DATELINE.match(text, end) is not None
                or _COLON_AFTER.match(text, end) is not None
                or _a_line_of_places(text, start, end)
            )
        )
    )
