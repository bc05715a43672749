"""The words of names: closed classes, heads of names, titles, and the patterns that find
capitalised words."""

from __future__ import annotations

import functools
import re

import iso3166

from natocorpus.annotate.context import SHIP_PREFIX
from natocorpus.annotate.forms import CLOSED_CLASS_WORDS


def _set(words: str) -> frozenset[str]:
    return frozenset(words.split())


# A word: letters, digits, inner hyphens, apostrophes, stops ("U.S.", "Jong-sup", "Japan's").
_WORD = re.compile(r"\w(?:[\w’'\-]|\.(?=\w))*\.?")
_ABBREVIATED = re.compile(
    r"^(?:\w\.)+$|^(?:Mr|Mrs|Ms|Dr|St|Gen|Adm|Lt|Col|Capt|Maj|Sen|Rep|Prof)\.$"
)
_POSSESSIVE = re.compile(r"(?<=\w)(?:[’']s|(?<=[sS])[’'])$")
# Endings that make a process of a name, coined ("NATOization", "Asia-Pacificized").
_PROCESS_ENDINGS = ("ization", "isation", "ized", "ised")
_PROCESS_ENDING = re.compile(rf"(?<=\w\w\w)(?:{'|'.join(_PROCESS_ENDINGS)})$")
_OPENING_QUOTES = "“‘\"'«"
# The states' and territories' one-word names (ISO 3166-1, by the iso3166 package; a formal
# name before its comma, "Iran, Islamic Republic of"): a name wherever it stands, a sentence's
# first word too ("France blocked the proposal").
_STATE_NAMES = frozenset(
    short
    for country in iso3166.countries
    for name in (country.name, country.apolitical_name)
    if " " not in (short := name.split(",")[0])
)
# The same names whole, a formal one in its reading order ("Republic of Korea" for "Korea,
# Republic of") and without possessive endings, as a name's words are kept: what a stub calls a
# state.
_STATE_FULL_NAMES = frozenset(
    re.sub(r"['’]s\b", "", f"{after.strip()} {before}" if after.strip().endswith(" of") else before)
    for country in iso3166.countries
    for name in (country.name, country.apolitical_name)
    for before, _, after in [name.partition(",")]
)
_YEAR = re.compile(r"\b(?:1[89]\d\d|20\d\d)\b")

_FULL_MONTHS = _set(
    "January February March April May June July August September October November December"
)
# (and abbreviated, as a line in capitals has them: "OCT 2024"; not "Jan", a name too)
_MONTHS = _FULL_MONTHS | _set("Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec")
_WEEKDAYS = _set("Monday Tuesday Wednesday Thursday Friday Saturday Sunday")
# Spans of the calendar, capitalised in a heading or for emphasis ("It has been 10 Years!", "the
# 20th Century").
_CALENDAR_NOUNS = _set("Years Months Weeks Decades Century Centuries")
# Currencies, capitalised by some house styles after their sum ("43 trillion Yen").
_CURRENCIES = _set(
    "Yen Yuan Renminbi Won Ringgit Baht Rupiah Rupee Rupees Rouble Roubles Ruble Rubles"
)

# Closed-class words: a capital on them says nothing about a name, wherever they stand. With the
# annotator's (`CLOSED_CLASS_WORDS`), the pronouns and words of speech a transcript opens with.
_FUNCTION_WORDS = CLOSED_CLASS_WORDS | _set(
    """Many Some Moreover Your Me My Us Them Him Be Been Than Whose Whom Per Whereas Whilst Yes
    Everyone Everybody Nobody Someone Somebody Anyone Anybody Everything Nothing Something
    Anything Well Okay Yeah Thanks According"""
)
# Words that open a sentence or a clause and are not names: dropped there, where a capital is
# the sentence's and not the word's.
_OPENERS = _set(
    """Meanwhile Still Thus Therefore Furthermore Additionally Earlier Later Last Next Today
    Yesterday Tomorrow Now Indeed Overall Similarly Likewise Nevertheless Nonetheless Hence
    Besides Given Including Regarding According Following Speaking Asked Most More Several Few
    Fewer Numerous Various Certain Other Another Further First Second Third Finally Lastly
    Firstly Secondly Currently Recently Together
    Again Just Very Much Please Note See Read Watch Photo Source Update Editor Related Long-time
    Longtime Long-serving"""
)
# Words that open a spoken answer in a transcript: capitalised only by their place.
_SPOKEN = _set("Look Well Yes No Sure Okay OK Absolutely Certainly Listen")
# Lower-case words that may stand inside a name: "Jaap de Hoop Scheffer", "Ursula von der Leyen".
_INNER = _set("de du des la le von van der den al el bin")
# Lower-case words that stand inside a name only after a head word: "Bank of Japan", "Mission to
# the European Union", "Centre for Strategic Studies", "Ministry of Science and Technology"; not
# "John Aquilino of INDOPACOM" or "Georgia to Ukraine".
_INNER_AFTER_HEAD = _set("of for to on and")
# The words between two capitalised words that make them one name: "of", "to the".
_JOINED_BY = re.compile(
    r"\s+(" + "|".join(sorted(_INNER | _INNER_AFTER_HEAD)) + r")(?:\s+(the))?\s+"
)
# The planet, capitalised as a proper noun ("infrastructure on Earth", "low Earth orbit").
_PLANET = _set("Earth")
_NOT_NAMES = _MONTHS | _WEEKDAYS | _CALENDAR_NOUNS | _CURRENCIES | _PLANET | {"I", "OK"}
# A word that begins with a capital (Latin; a lower-case letter of the ranges is sorted out after),
# with the word boundaries of _WORD.
# Not inside an abbreviation ("U.S."); after a lower-case prefix ("non-Article 5", "anti-NATO")
# or a number run into its item ("2.NHK") a capital begins a name.
_CAPITAL = re.compile(
    r"(?=[A-ZÀ-ÖØ-ÞĀ-ſ])(?<!\w)(?<!\w[’'])(?<![^\W\d_]\.)(?<![A-ZÀ-ÖØ-ÞĀ-ſ\d]-)"
    # (a stop inside a word, "U.S", but not a lower-case word's before a footnote's number and
    # the next sentence: "missiles.3 Current")
    r"\w(?:[\w’'\-]|(?<![a-z])\.(?=\w)|\.(?!\d{1,2} [A-Z])(?=\w))*\.?"
)
_WORD_CHAR = re.compile(r"\w")

# Head words of organisations: a phrase that holds one names a body, not a person.
_ORGANISATION_HEADS = _set(
    """Ministry Mission Agency Council Department Office Institute Institution Commission
    Committee Embassy Consulate Academy University College School Organization Organisation
    Association Union Bank Fund Forum Centre Center Command Force Forces Army Navy Guard Corps
    Party Parliament Assembly Congress Senate Diet Court Cabinet Government Administration
    Secretariat Bureau Authority Board Service Services Foundation Corporation Company Group
    Society Federation League Coalition Alliance Partnership Network Initiative Program Programme
    Agency News Times Post Press Herald Journal Review Daily Tribune Agency Broadcasting
    Television Radio Channel Network Institute Library Museum Observatory Laboratory
    Headquarters Staff Chamber Conference Republic Kingdom Federation Community Nations Pact
    Systems Networks Technologies Industries Aerospace Dynamics Electronics Holdings Enterprises
    Shipbuilding Motors Airlines Airways House"""
)
# The heads of bodies that a text, having named one, calls by its head alone: "an officer will be
# seconded to the Centre". Not a legislature's, a court's or an army's: "the Senate" and "the
# Army" are names of their own.
_HEADS_TOLD_AGAIN = _set(
    """Ministry Mission Agency Council Department Office Institute Institution Commission
    Committee Embassy Consulate Academy University College School Association Bank Fund Forum
    Centre Center Secretariat Bureau Foundation Group Society Federation League Network
    Initiative Program Programme Library Museum Observatory Laboratory Organization Organisation"""
)
# Of those, the heads of a state's or an organisation's bodies, of its forces, of its schools and
# of outlets: what the knowledge base calls an institution ("Ministry of Foreign Affairs of
# Japan", "China Institute of International Studies", "Asia Times").
_INSTITUTION_TYPE_HEADS = _set(
    """Ministry Mission Agency Council Department Office Institute Institution Commission
    Committee Embassy Consulate Academy University College School Command Force Forces Army Navy
    Guard Corps Parliament Assembly Congress Senate Diet Court Cabinet Government Administration
    Secretariat Bureau Authority Board Service Services Headquarters Staff Chamber Centre Center
    Library Museum Observatory Laboratory News Times Post Press Herald Journal Daily Tribune
    Broadcasting Television Radio Channel House"""
)
_EVENT_HEADS = _set(
    """Summit Conference Meeting Dialogue Talks War Games Olympics Exercise Exercises Drill Drills
    Crisis Invasion Revolution Election Elections Visit Ministerial"""
)
_DOCUMENT_HEADS = _set(
    """Treaty Concept Declaration Communiqué Communique Charter Strategy Agreement Accord Act
    Report Doctrine Paper Statement Resolution Convention Protocol Plan Review"""
)
_REGION_HEADS = _set(
    """Sea Ocean Strait Straits Peninsula Gulf Bay Islands Island Archipelago Region Basin
    Mountains Continent Arctic Antarctic"""
)

# Titles: words before a name that say what the person is ("Prime Minister Kishida Fumio").
_TITLE_HEADS = _set(
    """President Vice-President President-elect Minister Secretary Secretary-General General
    Admiral Chancellor Vice-Chancellor Ambassador Chairman Chairwoman Chair Chairperson Commander
    Director Director-General Spokesperson Spokesman Spokeswoman Premier PM Governor Senator
    Congressman Congresswoman Representative King Queen Emperor Empress Prince Princess Pope Mr
    Mrs Ms Miss Dr Prof Professor Sir Dame Lord Lady Gen Adm Lt Col Maj Capt Sen Rep Colonel
    Captain Major Lieutenant Marshal Vice-Marshal Commodore Envoy Adviser Advisor Councillor
    Counsellor Councilor Counselor Mayor Justice Commandant
    Judge Officer Leader Speaker Whip Undersecretary Under-Secretary Consul Attaché Chargé
    Sheikh
    Ayatollah Deputy Commissioner Chief Head Rapporteur Co-Rapporteur Chairs Rapporteurs
    Excellency Excellencies Majesty Majesties Highness Highnesses Eminence Holiness
    Drs Researcher Fellow Analyst Editor Lecturer Correspondent Columnist
    Scholar Economist Baroness Baron Viscount Viscountess Earl Countess Duke Duchess Marquess
    Hon Rt Honourable Honorable H.E Treasurer Sec Gov Amb Pres Cmdr Cdr Brig Sgt Sergeant Supt
    Attorney-General Solicitor-General Auditor-General Governor-General Inspector-General
    Manager Coordinator Specialist VP Extraordinary Plenipotentiary MP MPs M.P MEP MEPs FM FMs
    Tun Datuk Dato Datin Vice-Minister Brigadier Co-Chairman Co-Chairwoman Co-Chair Co-Chairs
    GEN LTGEN MAJGEN BRIG COL LTCOL MAJ CAPT ADM VADM RADM CDRE AIRMSHL AVM AIRCDRE GPCAPT WGCDR
    BGEN MGEN LTG"""
)
# A rank written with its hyphen: "Vice-Admiral", "Lieutenant-General", "Rear-Admiral".
_TITLE_HEADS |= frozenset(
    f"{rank}-{head}"
    for rank in ("Vice", "Rear", "Lieutenant", "Major", "Brigadier", "Deputy")
    for head in ("Admiral", "General", "Marshal", "Colonel", "Commander")
)
# A title whose part after its hyphen a house style prints in lower case: "Secretary-general".
_TITLE_HEADS |= frozenset(
    f"{head}-{rest.lower()}" for head, _, rest in (w.partition("-") for w in _TITLE_HEADS) if rest
)
# A title not yet taken up is a title still: "Ambassador-Designate", "Minister-designate".
_TITLE_HEADS |= frozenset(
    f"{head}-{state}"
    for head in _TITLE_HEADS
    for state in ("elect", "Elect", "designate", "Designate")
)
# Their plurals name no one either: "the Presidents and Prime Ministers of the Commonwealth".
# (Offices only: "Leaders" and "Heads" in a headline are the people of a sentence.)
_TITLE_HEADS |= frozenset(
    word[:-1] + "ies" if word.endswith("y") else word + "s"
    for word in _set(
        """President Minister Secretary Senator Ambassador Governor Chancellor Premier
        Representative Envoy Commissioner Deputy Spokesperson Director Commander Adviser Advisor
        Councillor Congressman Congresswoman Lord"""
    )
)
# Common nouns of government that a house style capitalises alone ("the Government has since",
# "Heads of State and Government", "the Mission", NATO's "our 31st Ally", "each Partner", "a
# Member of the Political Bureau", a body's part or a ship told as "the Unit", "the Command", a
# treaty's "the Parties", a visit's "the Delegation"): alone they name no one in particular.
# (Not "the Embassy": a text that says so means one embassy, which the maintainer is told of.)
_GOVERNMENT_NOUNS = _set(
    """Government Governments Administration Administrations Ministry Ministries Department
    Departments Mission Missions Agency Agencies Secretariat Authorities Defence Defense Ally
    Allies Partner Partners Province Provinces Unit Units Command Commands Member Members
    Parties Delegation Delegations"""
)
# What lies between two parties, capitalised by a title after their names joined by a hyphen
# ("US-China Relations", "Sino-Japanese Rivalry"): no one's name.
_BETWEEN_PARTIES = _set(
    """Relations Ties Cooperation Partnership Friendship Dialogue Talks Rivalry Tensions
    Rapprochement"""
)
# The labels of a text's parts and kinds, capitalised by a house style ("Editor's Note", "In this
# Commentary"): alone they name no one.
_EDITORIAL_LABELS = _set(
    """Note Notes Commentary Editorial Analysis Opinion Summary Abstract Introduction Conclusion
    Conclusions Foreword Preface Keywords Acknowledgements Acknowledgments Disclaimer Correction
    Update Updated Interview Transcript Essay Column Episode Lead Urgent Breaking Exclusive Source
    Sources Photo Caption Courtesy Credit Credits File Translation Provisional Pool Time Date
    Published Posted Modified Reporting Editing Edited Writing Story Video Gallery Question
    Questions Answer Answers Explanation Subject Subjects Topic Topics Facts"""
)
# The words of a web page's furniture, which a phrase made of them alone is ("Staff Writer",
# "Read More", "Key Takeaways", "Press Release", "Story Code"); in a longer name they are its
# words ("Associated Press", "the Drudge Report").
_PAGE_FURNITURE = _set(
    """Staff Writer Writers Reporter Correspondent Contributor Read More Key Points Takeaways
    Highlights Press Release Memo Accepted Received Revised Link Links Share Print Email
    Subscribe Advertisement Code Report Event Podcast Podcasts"""
)
# Lower-case words that a capture runs into the name before them when it loses a space
# ("Republic of Koreaare", "Alliancein", "Julywith").
# Prepositions that may open a section's title: "From Bilateral Drill to Multi-Domain Platform".
_TITLE_PREPOSITIONS = _set(
    """From To In On At Toward Towards Beyond Inside Within Between Against After Before Under
    Over Through Across With Without For Into Beneath"""
)
_RUN_ON_WORDS = _set("an the and are is was were in on of to with for at by as has have had will")
# Adjectives of faiths and their movements, capitalised as English writes them: "Islamic
# terror", "Jihadist groups".
_FAITHS = _set(
    "Islamic Islamist Muslim Christian Jewish Buddhist Hindu Catholic Protestant Jihadist"
    " Salafist Sunni Shia Shiite Islamists Jihadists Salafists Semitic"
    # their faithful ("ban all Muslims")
    " Muslims Christians Jews Buddhists Hindus Catholics Protestants Sunnis Shias Shiites"
    # the faiths themselves
    " Islam Christianity Judaism Buddhism Hinduism Catholicism Protestantism Shinto Shintoism"
    " Confucianism Taoism"
)
# And of political creeds and outlooks: "non-Communist countries", "Maoist", "the Atlanticist
# camp", "Europeanist scholars".
_CREEDS = _set(
    "Communist Communists Marxist Marxists Maoist Maoists Fascist Fascists Socialist Socialists"
    " Nationalist Nationalists Populist Populists Pacifist Pacifists Imperialist Imperialists"
    " Capitalist Capitalists Revisionist Revisionists Atlanticist Atlanticists Europeanist"
    " Europeanists Eurasianist Eurasianists Gaullist Gaullists"
)
# An outlook centred on a place: "a Eurocentric view", "the Sinocentric order".
_CENTRED_ON_A_PLACE = re.compile(r"\w{3,}-?centric")
# Academic degrees, a programme's name too ("Director of the BA"), and before their field ("a BA
# in International Affairs", "a PhD in War Studies"), which names no one either.
_DEGREES = _set("BA BSc MA MSc MPhil PhD PhDs DPhil MBA LLB LLM")
# Acronyms of common nouns and weapons, of time zones and of currencies: "AI", "UAVs", "ICBM",
# "JST", "AEST", "EUR", "MOU" (a memorandum of understanding), "CBD" (a city's business district),
# "Covid" (a disease), "WMD" (weapons of mass destruction), "SIGINT" (a kind of intelligence),
# "AWOL" (absent without leave), "NGO" (a non-governmental organisation), "LNG" (liquefied
# natural gas), "MBT" (a main battle tank), "SSN" (an attack submarine), and the degrees.
_COMMON_ACRONYMS = _DEGREES | _set(
    "AI TV UAV UAVs GDP CEO CEOs IT ICT GPS DNA PC ID IDs SMS GMT UTC JST KST CET CEST EST EDT"
    " PST PDT CST CDT MST MDT BST EET EEST MSK IST HKT SGT AEST AEDT ACST ACDT AWST NZST NZDT"
    " EUR USD GBP JPY CNY RMB KRW AUD NZD ICBM ICBMs SLBM SLBMs IRBM IRBMs EEZ EEZs MOU MOUs MoU"
    " MoUs CBD Covid COVID WMD WMDs NGO NGOs LNG MBT MBTs APC APCs IFV IFVs SSN SSNs SSK SSKs"
    " AEW MLRS SAM SAMs"
    " SIGINT HUMINT OSINT ELINT IMINT GEOINT MASINT COMINT AWOL"
)
# A degree with or without its stops: "MA", "M.A.", "PhD", "Ph.D.".
_DOTTED_DEGREES = "|".join(
    re.sub(r"([A-Z][a-z]*)", r"\1\\.?", degree) for degree in sorted(_DEGREES)
)
_DEGREE_IN_BEFORE = re.compile(
    rf"\b(?:{_DOTTED_DEGREES}|[Dd]egree|[Bb]achelor(?:[’']s)?|[Mm]aster(?:[’']s)?|[Dd]octorate)"
    r" in (?:the )?$"
)
# What follows a person's name to tell them from a parent of the same name: "Ferdinand Marcos
# Jr.", "Gilberto Teodoro, Jr.".
# (and a rank's, in brackets: "Lieutenant General (Retired)")
_NAME_SUFFIXES = _set("Jr Sr Jnr Snr Retired Retd Ret")
# A speech's greetings and a speaker's interjections: "Distinguished guests, Ladies and
# gentlemen", "Morning, Adam", "Oh, I mean".
_GREETINGS = _set(
    "Distinguished Ladies Gentlemen Honourable Honorable Dear Friends Colleagues Thank Thanks"
    " Happy Merry Greetings Welcome Hello Hi Aloha Good Morning Afternoon Evening Oh Okay"
)
# Common nouns and adjectives that some house styles capitalise: "an open, free and secure
# Internet", "32 member States", "partners around the World", "International relations", "a
# member of the Presidential delegation".
_CAPITALISED_COMMON_NOUNS = _set(
    "Internet States World International Presidential Spring Summer Autumn Winter"
)
# A compound compass adjective alone, a part of what follows in lower case: "the Southwestern
# region of Japan" (with a capitalised word after it, a name's first word: "Southeastern Europe").
# Not "Eastern" or "Southern", often all a warning shows of a name ("the Eastern Bloc").
_COMPASS_ADJECTIVES = _set(
    "Northeastern Northwestern Southeastern Southwestern North-eastern North-western"
    " South-eastern South-western"
)
# A word that names no one in particular when it stands alone: a title, a noun of government, a
# label of a text's part, a common noun's acronym, a faith's or a creed's adjective, a greeting,
# a name's suffix or a common noun capitalised by a house style.
_NO_ONE_ALONE = (
    _TITLE_HEADS
    | _CAPITALISED_COMMON_NOUNS
    | _COMPASS_ADJECTIVES
    | _GOVERNMENT_NOUNS
    | _EDITORIAL_LABELS
    | _COMMON_ACRONYMS
    | _FAITHS
    | _CREEDS
    | _GREETINGS
    | _NAME_SUFFIXES
)
# Words that stand before a title's head: "Deputy Secretary General", "Foreign Minister".
_TITLE_MODIFIERS = _set(
    """Prime Foreign Defence Defense Deputy Vice Chief Assistant Under Senior Special Executive
    Finance Trade Interior Home First Lieutenant Acting Permanent Former Cabinet State Economy
    Economic Security National Military Joint Supreme Allied Rear Attorney Lord Grand Secretary
    General Commander Director High Minister Education Health Justice Associate Assoc Asst
    Paymaster Opposition Shadow
    Adjunct Visiting Emeritus Principal Research Resident Non-Resident Nonresident External
    Affairs Floor Majority Minority Relations Commanding Air Inspector Sea Parliamentary
    Managing Public"""
)
# Portfolios and ranks that are part of a title only right before its head ("Cooperation
# Minister", "Labor Secretary", "Policy Officer", "Crown Prince", the air forces' "Group Captain"
# and "Squadron Leader", "Petty Officer"); elsewhere a name may be one ("Labour Prime Minister",
# "Cooperation between China and ...", "the Crown Estate", "Carrier Strike Group").
_PORTFOLIOS_BEFORE_HEAD = _set(
    """Cooperation Development Environment Energy Agriculture Transport Infrastructure
    Communications Labour Labor Industry Immigration Tourism Veterans Culture Policy Project
    Programme Program Press Media Liaison Desk Legal Procurement Commerce Treasury Homeland
    Transportation Crown
    Group Wing Squadron Flight Flying Pilot Warrant Petty"""
)
# The portfolio after a title's "of"/"for": "Secretary of State", "Minister for Foreign Affairs".
_PORTFOLIO = _set(
    """State Defence Defense Foreign Affairs Home Interior Finance Trade Staff Justice Economy
    Commerce National Treasury Energy Security the Internal External Education Health Political
    Policy Public Diplomacy Operations Intelligence Planning Strategy Economic Science Sciences
    Studies Relations Peace Cabinet Force Forces Armed European Space International
    Cooperation Agriculture Environment Transport Labour Labor Industry Development Culture
    Infrastructure Fisheries"""
)
# A place's name after a body: capitalised words, with a stop only inside one ("U.S.-Japan"),
# never the stop that ends a sentence ("in Japan. The").
_PLACE = r"[A-Z](?:[\w\-]|\.(?=\w))*(?: [A-Z](?:[\w\-]|\.(?=\w))*)*"
# Bodies of a state named in lower case after it: "the Chinese embassy in Japan".
_BODY = re.compile(
    r" (?:(?:foreign|defen[cs]e|interior|finance) ministry|embassy|mission|consulate|delegation"
    r"|navy|army|air force|coast guard|parliament|foreign office|liaison office)"
    rf"(?:(?= (?:in|to) ) (?:in|to)(?: the)? {_PLACE})?(?!\w)"
)
# A body's office after the body's name, where it is one: "a NATO liaison office", "the EU
# office in Seoul" (not "the NATO office said").
_OFFICE = re.compile(
    rf" (?:liaison office(?: (?:in|to)(?: the)? {_PLACE})?|office (?:in|to)(?: the)? {_PLACE})"
    r"(?![\w-])"
)
_TITLE_WORDS = _TITLE_HEADS | _TITLE_MODIFIERS
# A transcript's labels of who speaks or what follows ("SPEAKER:", "SUBJECTS:", "Q:"), beside
# the titles a speaker is labelled by ("DEPUTY PRIME MINISTER:").
_TRANSCRIPT_LABELS = _set(
    """Speaker Speakers Subject Subjects Question Questions Answer Answers Journalist Journalists
    Reporter Reporters Moderator Host Interviewer Chair Q A Topic Topics Transcript Participant
    Participants Audience Member Unidentified Male Female Voice Presenter Presenters Anchor
    Narrator Announcer Commentator Byline"""
)
# A title, or a transcript's label: what a speaker's label in capitals is made of.
_LABEL_WORDS = _TITLE_WORDS | _TRANSCRIPT_LABELS
# A list of names after a word goes on with another capitalised one ("Japan, Korea and
# Australia"), not with a common noun ("Difficulties and prospects").
_LISTED = re.compile(r"[’'s]*(?:,| and) (?:the )?[A-Z0-9]")
_NAME_LIST = re.compile(
    r"[’'s]*(?:, (?:the )?[A-Z][\w’'\-.]*(?: [A-Z][\w’'\-.]*)*)*,? and (?:the )?[A-Z]"
)
_QUOTE_CLOSES = re.compile(r"[”’\"'»]")
# A verb of saying after a word: "Kishida said", "Xinhua reported"; in the perfect, one that
# only someone does ("France has announced", not "History has told us").
_SPEAKER = re.compile(
    r" (?:said|says|told|stated|announced|added|noted|warned|urged|stressed|emphasi[sz]ed"
    r"|reported|insisted|argued|claimed|confirmed|denied|declared|replied|responded|wrote)\b"
    r"| ha(?:s|ve|d)(?: also)? (?:said|stated|announced|confirmed|declared|denied)\b"
)
_NAME_HEADS = _ORGANISATION_HEADS | _EVENT_HEADS | _DOCUMENT_HEADS | _REGION_HEADS
_COMPASS = _set("North South East West Northern Southern Eastern Western Central")
# Compass words that open a name only in a stub's guess of its type ("Southeast Asia", "Middle
# East"), and the continents and oceans (and their adjectives) that a compass word before them
# makes a region of ("North America", "Southeast Asian"; not "North Korea").
_COMPASS_PARTS = _set("Northeast Northwest Southeast Southwest Middle")
_CONTINENTS = _set("Asian American African European Australian Atlantic Pacific Arctic")
# The names of continents, oceans and the regions made of several states, and their adjectives:
# a region wherever one stands alone ("the Pacific", "Nordic allies").
_REGION_NAMES = _set(
    """Africa African Asia Asian Europe European Eurasia Eurasian Americas Oceania Australasia
    Australasian Pacific Atlantic Arctic Antarctic Antarctica Mediterranean Caribbean Balkans
    Balkan Baltic Baltics Caucasus Sahel Levant Maghreb Nordic Scandinavia Scandinavian Siberia
    Siberian Sub-Saharan Himalayas Himalayan"""
)
_HEADS = _ORGANISATION_HEADS | _EVENT_HEADS | _DOCUMENT_HEADS | _TITLE_HEADS | _REGION_HEADS
_DEMONYM = re.compile(r"^[A-Z][a-z]+(?:ian|ean|an|ese|ish|i|ic)$")
_PLAIN_YAML = re.compile(r"^[A-Za-z][\w .’'\-]*[\w.’]$|^[A-Za-z]$")
_YAML_WORDS = _set("yes no true false on off null y n")


# A model's designation of letters and figures before the kind of equipment it is ("K2 tanks",
# "FA-50 jets", "K9 self-propelled howitzers"), or in the plural ("F-35s", "Su-30s"); not a
# group's name ("the G7 summit").
_DESIGNATION = re.compile(r"[A-Z]{1,4}-?\d{1,4}[A-Za-z]{0,2}")
_DESIGNATIONS = re.compile(r"[A-Z][A-Za-z]{0,3}-?\d{1,4}s")
# A model's name, one word in title case ("Tomahawk", "Hawkei"); not an acronym ("US jets"), nor
# a people's adjective ("Iranian drones"), nor the last word of a longer name ("Royal Australian
# Navy frigates").
_MODEL_NAME = re.compile(r"[A-Z][a-z]+")
_CAPITAL_BEFORE = re.compile(r"[A-Z][\w’'.-]*\s+$")
_EQUIPMENT_WORDS = (
    r"(?:tanks?|jets?|fighters?|howitzers?|missiles?|aircraft|drones?|submarines?|frigates?"
    r"|destroyers?|warships?|helicopters?|rockets?|bombers?|launchers?|planes?|vehicles?|rifles?"
    r"|guns?|artillery)"
)
_EQUIPMENT_AFTER = re.compile(rf"s?(?:\s+[a-z][\w-]*){{0,2}}\s+{_EQUIPMENT_WORDS}\b")
_EQUIPMENT_WORD = re.compile(_EQUIPMENT_WORDS)


@functools.lru_cache(maxsize=64)
def _equipment_named_in(text: str) -> bool:
    """Whether a block names a kind of equipment in lower case at all: asked once per block, not
    after each of its capitalised words."""
    return _EQUIPMENT_WORD.search(text) is not None


# A count before a word in the plural: "90 Bushmasters", "another 30 Bushmasters", "more
# Bushmasters".
_COUNTED_BEFORE = re.compile(r"(?:\b\d[\d,]*|\bmore|\bseveral)\s+$")


# A kind of equipment in title case after its model's designation, as makers and trade papers
# write it, each of its words: "K2 Main Battle Tanks", "its K2PL MBT". (Not a kind alone: "the
# Newtown Jets", "Terra Drone" and "the NATO 2030 Think Tank" are names.)
_EQUIPMENT_KINDS = (
    r"(?:Tanks?|Vehicles?|Howitzers?|Missiles?|Launchers?|Rockets?|Jets?|Helicopters?|Drones?"
    r"|Submarines?|Frigates?|Destroyers?|Rifles?|Aircraft|MBTs?|APCs?|IFVs?)"
)
_EQUIPMENT_IN_TITLE_CASE = re.compile(
    rf"(?:[A-Z][\w-]* )*?[A-Z]{{1,4}}-?\d{{1,4}}[A-Za-z]{{0,3}} (?:[A-Z][\w-]* )*"
    rf"{_EQUIPMENT_KINDS}\b(?![ -][A-Z])"
)
# Whether a block names a kind at all: a pattern that opens with letters is scanned for in C.
_EQUIPMENT_KIND = re.compile(_EQUIPMENT_KINDS)


@functools.lru_cache(maxsize=64)
def _equipment_in_title_case(text: str) -> tuple[tuple[int, int], ...]:
    """Where a block's kinds of equipment in title case are. Found once per block: searched again
    at each capitalised word, it cost more than all the other model checks together."""
    if _EQUIPMENT_KIND.search(text) is None:
        return ()
    return tuple(found.span() for found in _EQUIPMENT_IN_TITLE_CASE.finditer(text))


def _a_models_name(name: str, text: str, start: int, end: int, possessive: bool) -> bool:
    """Whether the capitalised word at text[start:end] (`name` without its possessive) names a
    model of equipment: a designation before its kind or in the plural ("K2 tanks", "F-35s"),
    a name before its kind ("Shahed drones", "Tomahawk cruise missiles"), a word of a kind in
    title case after a designation ("K2 Main Battle Tanks"), or a name in the plural counted
    ("30 Bushmasters"; not a people, "30 Americans")."""
    if not name.isalpha() and _DESIGNATIONS.fullmatch(name):  # (a designation has figures)
        return True
    equipment = _equipment_in_title_case(text)
    if equipment and any(low <= start < high for low, high in equipment):
        return True
    if (
        not possessive
        and _MODEL_NAME.fullmatch(name)
        and name.endswith("s")
        and not _DEMONYM.match(name[:-1])
        and _COUNTED_BEFORE.search(text, max(0, start - 20), start) is not None
    ):
        return True
    if not _equipment_named_in(text) or _EQUIPMENT_AFTER.match(text, end) is None:
        return False
    return _DESIGNATION.fullmatch(name) is not None or (
        not possessive
        and _MODEL_NAME.fullmatch(name) is not None
        and not _DEMONYM.match(name)
        and not _CAPITAL_BEFORE.search(text, 0, start)
    )


# A ship's class ("an Astute-class submarine") and a ship's pennant or hull number in brackets
# after its name ("HMS Prince of Wales (R09)", "USS Gerald R. Ford (CVN-78)", "USNS Bowditch
# (T-AGS-62)").
_SHIPS_CLASS = re.compile(r"[A-Z][\w’'-]*-class")
_HULL_NUMBER = re.compile(r"[A-Z]{1,4}(?:-[A-Z]{1,4})?-?\d{2,4}")
_HULL_TYPE = re.compile(r"[A-Z]{1,4}")
_HULL_DIGITS_AFTER = re.compile(r" \d{1,4}\)")
_SHIP_BEFORE = re.compile(rf"\b{SHIP_PREFIX}(?: [A-Z][\w’'.-]*| of| the){{1,5}} \($")


def _a_ships_class_or_number(name: str, text: str, start: int) -> bool:
    """Whether the capitalised word at text[start:] (`name`) is a ship's class or, in brackets
    after a ship's name, its number: no one's name."""
    return _SHIPS_CLASS.fullmatch(name) is not None or (
        (
            _HULL_NUMBER.fullmatch(name) is not None
            # its type and number apart: "HMAS Sydney (DDG 42)"
            or (
                _HULL_TYPE.fullmatch(name) is not None
                and _HULL_DIGITS_AFTER.match(text, start + len(name)) is not None
            )
        )
        and _SHIP_BEFORE.search(text, max(0, start - 80), start) is not None
    )


# A legislator's party and state after the name, in brackets or commas: "Jeanne Shaheen (D-NH)",
# "Ben Cardin (D-Md.)", "Brian Schatz, D-Hawaii, and" (not "D-Day"); or with a comma between them,
# in brackets: "Tammy Duckworth (D., Ill.)", "Dan Sullivan (R., Alaska)".
_PARTY_AND_STATE = re.compile(
    r"[DRI](?:-|\., (?=[A-Z][a-z]*\.?\)))[A-Z][A-Za-z]{0,13}(?:\.[A-Z]?)*\.?(?=\)|,)"
)
_PARTY_BEFORE = re.compile(r"\([DRI]\., $")


def _a_party_and_state(text: str, start: int) -> bool:
    """Whether the capitalised word at text[start:] is a legislator's party and state, or the
    state after the party (in "(D., Ill.)"): no one's name."""
    before = text[max(0, start - 2) : start]
    return (
        (before.endswith("(") or before == ", ") and _PARTY_AND_STATE.match(text, start) is not None
    ) or (before == ", " and _PARTY_BEFORE.search(text, max(0, start - 5), start) is not None)
