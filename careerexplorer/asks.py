"""What a search query asks for beyond its topic: limits on schooling and pay, growth, "not X", and values.

"trades without college" is a topic ("trades") and a limit (no degree); "science careers that pay
over 90k" a topic and a pay floor; "healthcare without blood" a topic and a thing ruled out; "job
security" a value with no topic at all. ``read`` splits the words into those asks and the topic
that is left to rank. The limits become the same filters the options set
(careerexplorer.listing.Filters), so `--education` and "without a degree" mean the same; a value
becomes a score on what the data says of each career (O*NET work values and interests, the BLS
outlook, the share of self-employed workers, pay), and every score says its evidence in words.

Plain regular expressions over the words: nothing here imports more than the standard library
and the model's tables, since every search reads its query through it.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from careerexplorer.model import INTERESTS, OUTLOOK_LABELS
from careerexplorer.record import Record

if TYPE_CHECKING:
    from careerexplorer.listing import Filters

# Schooling on the education ladder (careerexplorer.model.EDUCATION_LADDER), as the first line says it.
EDUCATION_SAID = (
    "no formal schooling",
    "at most a high school diploma",
    "at most some college",
    "at most a certificate after high school",
    "at most an associate's degree",
    "at most a bachelor's degree",
    "at most a master's degree",
    "any schooling",
)

# The ways people put a schooling limit, most specific first. A "degree" is an associate's or
# more, so "without a degree" leaves a certificate; "college" is read the same way (a person who
# says "without college" means no college programme at all).
_A = r"(?:an? |the |any |my |your )?"
_NEED = (
    r"(?:(?:that |which )?(?:doesn'?t|does not|don'?t|do not|won'?t|will not)? ?(?:need|needs"
    r"|needing|require|requires|requiring|take|takes|want|have|has|go|going|get|getting|with"
    r"|without|for|to|just|only|a|an|no|any)\s+)*"
)
EDUCATION_PATTERNS: tuple[tuple[str, int], ...] = (
    (
        rf"\b(?:without|no|not|never)\s+{_A}(?:finishing |a |graduating )?(?:high school|hs"
        rf"|ged)(?: diploma| degree| education)?\b",
        0,
    ),
    (r"\b(?:without|no|not) (?:a |any )?(?:diploma|ged)\b", 0),
    (
        r"\b(?:high school|hs) (?:drop ?outs?|dropouts?)\b|\bdrop(?:ped)? out of (?:high )?school\b"
        r"|\bno (?:formal )?(?:education|schooling|qualifications?)\b",
        0,
    ),
    (
        rf"\b(?:without|no|not|don'?t need|doesn'?t need)\s+{_A}(?:bachelor'?s?|4[ -]?year"
        rf"|four[ -]?year|university)(?: degrees?| college)?\b",
        4,
    ),
    (
        r"\b(?:without|no|not|never|skip|skipping|avoid|instead of)\s+(?:going to |attending |a |an "
        r"|any |the |needing |need |needing a |getting |a )*(?:college|university|uni|degrees?"
        r"|college degrees?)(?: degrees?)?\b",
        3,
    ),
    (
        r"\b(?:don'?t|do not|doesn'?t|does not|won'?t|will not|never)\s+(?:want to |wanna |need to "
        r"|have to |plan to )?(?:go|going|need|needs|require|requires|attend|have|get)\s+(?:to |a "
        r"|an |any )?(?:college degrees?|college|university|degrees?)(?: degrees?| education)?\b",
        3,
    ),
    (
        r"\b(?:without|no|not|skip|skipping|never|avoid) (?:going to |a |any )?"
        r"(?:med|medical|law|grad|graduate|vet) school\b",
        5,
    ),
    (r"\b(?:can'?t|cannot) afford (?:college|university)\b|\b(?:no|without) (?:student )?(?:loans|debt)\b", 3),
    (
        rf"\b(?:right |straight )?(?:out of|after|from|with|only|just|with only|with just|only need"
        rf"|need only|(?:only |just )?have|finished|graduated(?: from)?)\s+{_A}(?:high school|hs|ged)"
        rf"(?: diploma| degree| education)?\b",
        1,
    ),
    (r"\b(?:high school|hs|ged) (?:diploma|degree|education|grads?|graduates?|level)\b", 1),
    (r"\bsome college\b", 2),
    (
        rf"\b{_NEED}{_A}(?:2|two)[ -]?(?:year|yr)s?(?: college)?(?: degrees?| programs?| school)?\b"
        rf"|\bassociate'?s?(?: degrees?)?\b|\bcommunity college\b|\bjunior college\b",
        4,
    ),
    (
        rf"\b{_NEED}{_A}(?:(?:quick|short|fast|easy) )?(?:certificates?|certifications?|cert|trade school"
        rf"|vocational(?: school| training| program)?|tech school|technical school"
        rf"|(?:quick|short|fast) (?:training|courses?|programs?)(?: programs?)?|(?:1"
        rf"|one|6|six)[ -]?(?:year|yr|month)s? (?:of )?(?:training|program|course|school))\b",
        3,
    ),
    (
        rf"\b{_A}(?:4|four)[ -]?(?:year|yr)s?(?: college)?(?: degrees?)?\b"
        rf"|\bbachelor'?s?(?: degrees?)?\b|\bundergrad(?:uate)?(?: degree)?\b|\b(?:a "
        rf"|with a )?college degree\b",
        5,
    ),
    (r"\bmaster'?s?(?: degrees?)?\b|\bgrad(?:uate)? (?:degree|school)\b", 6),
    # Learning on the job: no schooling beyond high school asked ("on the job training").
    (r"\b(?:on[ -]the[ -]job|paid) training\b|\blearn(?:ing)? on the job\b|\b(?:they|will|that) train you\b", 1),
    (r"\b(?:a )?few (?:weeks|months) of (?:training|school|classes)\b|\b(?:weeks|months) of training\b", 3),
    # "a psychology degree": a bachelor's, in the field named, which stays the topic.
    (r"\b(?:with|have|got|earn|get|getting|using|use) (?:a |an |my )(?P<keep>[a-z]+) degree\b", 5),
)

# Pay: a figure ("$90k", "make 100k", "90,000 a year", "$40 an hour"), or words that ask for it.
_PAY_LEAD = (
    r"(?:(?:that|which|who|to|and|with|jobs?|careers?|i|can|could|will)\s+)*(?:(?:pays?|paying"
    r"|make|makes|making|earn|earns|earning|salary|salaries|income|wages?|of|with|a|starting"
    r"|start|at|least|over|above|more|than|min(?:imum)?|minimum|around|about|or|plus|\+)\s+)*"
)
PAY_FIGURE = (
    _PAY_LEAD
    + (
        r"\$?\s?(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)\s?(k|K|grand|thousand|,000)?(?!\w)(?:\s?(?:\+"
        r"|or more|plus|and up|or above|or higher))?"
    )
    + r"(?:\s(?:a|per|an|/)\s?(year|yr|annually|hour|hr)|/(year|yr|hour|hr))?(?:\s(?:or more|and up|plus|or higher))?"
)
PAY_WORDS: tuple[tuple[str, int], ...] = (
    (
        r"\bsix[ -]figures?\b|\b6[ -]figures?\b|\b(?:get |be |become )?rich\b|\bwealthy\b|\b(?:a lot"
        r"|lots|tons|loads) of money\b|\bbig money\b|\bmake bank\b|\bbig bucks\b",
        100_000,
    ),
    (
        r"\b(?:high|highest|top|best|well)[ -]?(?:paying|paid|pay|salary|salaries|income)\b"
        r"|\bpays? (?:really |very )?well\b|\blucrative\b|\bpay(?:s)? a lot\b|\bmake (?:good "
        r"|great )?money\b|\bgreat (?:pay|money|salary)\b",
        80_000,
    ),
    (
        r"\b(?:good|decent|ok|okay|nice|solid|livable|living|fair)[ -]?(?:paying|paid|pay|salary"
        r"|salaries|wages?|income|money)\b|\bpays? (?:ok|okay|decently|good)\b|\bliving wage\b",
        60_000,
    ),
)

GROWTH_PATTERNS = (
    r"\b(?:fast[ -]|rapidly |quickly )?growing(?: fast| quickly)?(?: fields?| industr(?:y"
    r"|ies))?\b|\bgrowth\b|\b(?:in|high|big|great) demand\b|\bin-demand\b|\bdemand for\b"
    r"|\bfuture[ -]proof\b|\b(?:of|with) the future\b|\bwith a future\b|(?<!always )\bhiring\b",
)

# "not X": the words that rule something out, and the words after them that are no part of X.
NOT_LEAD = (
    r"\b(?:but not|and not|not|no|without|except|excluding|other than|apart from|anything but"
    r"|rather than|instead of|avoid(?:ing)?|never|nothing (?:with|involving|about)|no more|less"
    r"|(?:isn'?t|aren'?t|is not|are not)(?: about| in)?"
    r"|hate|dislike|"
    r"(?:i |that |which )?(?:don'?t|do not|doesn'?t|does not|won'?t|will not|wouldn'?t|would not"
    r"|can'?t|cannot|never) (?:want|like|enjoy|love|need|involve|involves|require|requires|have"
    r"|mind|do|deal|work|stand|handle|wanna|care)(?: to)?)\s+"
)
NOT_SKIP = frozenset(
    "a an the any to be being do doing have having much many lots lot of too more deal dealing with work working "
    "in on at around sit sitting see seeing touch touching handle handling involve involving use using need "
    "job jobs career careers thing things stuff field fields kind type my me it that where".split()
)
NOT_STOP = frozenset("and or but with in for that which where who so because while at on no not without".split())
# Words about a job that the data has no filter for: read, and left out of the topic.
UNFILTERED = (
    r"\b(?:no|without|with no|little|zero) (?:prior |previous |work )?experience(?: needed"
    r"| required| necessary)?\b|\bentry[ -]level\b"
)


# Words an ask leaves behind that mean nothing on their own ("careers that" of "careers that pay over 90k").
LEFT_OVER = frozenset(
    "that which who whom where can could would will should but just only something anything really very also get "
    "getting find fastest highest good best great top need needs require requires requiring that's it's i'm im "
    "now today currently take takes taking "
    "pay pays paying salary earn earning making role roles position positions field fields option options "
    "opportunity opportunities occupation occupations profession professions industry industries "
    "kind kinds type types".split()
)


class Value(Record):
    """A wish people put in words, and how the data answers it."""

    key: str
    said: str  # as the first line and each reason say it
    patterns: str  # a regular expression for the ways people say it
    terms: tuple[str, ...]  # catalog words that answer it when the query has no other topic
    keep: bool  # the words stay in the topic too (the search vocabulary knows them)
    score: Callable[[Mapping[str, Any]], tuple[float, str | None]]  # (0 to 1, the evidence in words)


def _interest(name: str, floor: float = 4.5) -> Callable[[Mapping[str, Any]], tuple[float, str | None]]:
    k = INTERESTS.index(name)

    def score(f: Mapping[str, Any]) -> tuple[float, str | None]:
        values = f.get("interests")
        if not values:
            return 0.0, None
        v = float(values[k])
        fit = max(0.0, (v - 2.0) / 5.0)
        return (fit, f"{name} interest {v:.1f} of 7") if v >= floor else (fit * 0.5, None)

    return score


def _work_value(
    name: str, also: Callable[[Mapping[str, Any]], tuple[float, str | None]] | None = None
) -> Callable[[Mapping[str, Any]], tuple[float, str | None]]:
    def score(f: Mapping[str, Any]) -> tuple[float, str | None]:
        values = f.get("work_values") or []
        own = (1.0 - 0.2 * values.index(name), f"O*NET work value {name}") if name in values else (0.0, None)
        if also is None:
            return own
        other = also(f)
        if own[1] and other[1]:
            return (own[0] + other[0]) / 2 + 0.2, f"{own[1]}, {other[1]}"
        return max(own, other, key=lambda t: t[0]) if (own[1] or other[1]) else (max(own[0], other[0]) * 0.5, None)

    return score


def _security(f: Mapping[str, Any]) -> tuple[float, str | None]:
    growth, openings, label = f.get("growth"), f.get("openings"), f.get("outlook")
    if growth is None or openings is None or label not in OUTLOOK_LABELS:
        return 0.0, None
    rank = OUTLOOK_LABELS.index(label)
    # Growth and openings say the work will be there; schooling that takes years to get says
    # it is hard to replace whoever holds it (the education ladder's rank, 0 to 7).
    schooling = (f.get("education") or 0) / 7
    fit = max(0.0, (2 - rank) / 2) * 0.4 + min(1.0, math.log10(1 + openings) / 5.3) * 0.35 + schooling * 0.25
    if rank > 1 or openings < 5_000:
        return fit * 0.5, None
    return fit, f"{label.lower()}, {openings:,} openings a year"


def _self_employed(f: Mapping[str, Any]) -> tuple[float, str | None]:
    pct = f.get("self_employed_pct")
    if pct is None:
        values = f.get("work_values") or []
        return (0.3, "O*NET work value Independence") if "Independence" in values[:1] else (0.0, None)
    pct = float(pct)
    return (min(1.0, pct / 50), f"{pct:.0f}% self-employed") if pct >= 15 else (pct / 100, None)


def _pay(f: Mapping[str, Any]) -> tuple[float, str | None]:
    salary = f.get("salary") or (round(f["hourly"] * 2080) if f.get("hourly") else None)
    if salary is None:
        return 0.0, None
    fit = min(1.0, salary / 200_000)
    return (fit, f"${salary:,} a year") if salary >= 80_000 else (fit * 0.5, None)


def _few_people(f: Mapping[str, Any]) -> tuple[float, str | None]:
    values = f.get("interests")
    if not values:
        return 0.0, None
    social = float(values[INTERESTS.index("social")])
    fit = max(0.0, min(1.0, (6.0 - social) / 4.0))
    return (fit, f"social interest {social:.1f} of 7") if social <= 3.0 else (fit * 0.5, None)


def _fame(f: Mapping[str, Any]) -> tuple[float, str | None]:
    values = f.get("work_values") or []
    return (1.0, "O*NET work value Recognition") if "Recognition" in values else (0.0, None)


VALUES: tuple[Value, ...] = (
    Value(
        "helping",
        "helping people",
        r"\b(?:help(?:ing)?|serv(?:e|ing)|car(?:e|ing) for|mak(?:e|ing) a difference (?:for|to|in)"
        r"|give back to)\s+(?:other |my |the |our |your |sick |old |young )?"
        r"(?:people|others|society|the world|humanity|those in need|(?P<keep>community|communities"
        r"|kids|children|patients|students|families|the elderly|elderly|veterans|teens"
        r"|people in need))\b"
        r"|\bmak(?:e|ing) (?:a )?(?:real |positive |big |meaningful )?difference\b|\bgive back\b|\bmeaningful\b"
        r"|\b(?:with|has|have|a) (?:a )?(?:real )?(?:purpose|meaning)\b|\bpurposeful\b"
        r"|\bpublic service\b",
        ("social worker", "counselor", "caregiver", "nursing", "assist", "community"),
        False,
        _work_value("Relationships", _interest("social")),
    ),
    Value(
        "fame",
        "being known",
        r"\b(?:be(?:come|ing)? )?(?:a )?(?:famous|fame|celebrit(?:y|ies)|well[ -]known|(?:rock |pop |movie |film |tv "
        r"|sports |music |youtube |internet |social media |super ?)?stars?)\b"
        r"|\b(?:be|get|getting) (?:recogni[sz]ed|known|noticed)"
        r"(?: for (?:my|your|the|their|our) (?:work|art|talent))?\b"
        r"|\b(?:on|in) (?:tv|television"
        r"|the spotlight|stage|front of (?:a |an )?(?:crowd|audience|camera))\b|\brecognition\b",
        ("actor", "athlete", "musician", "singer", "performer", "model", "entertainer", "broadcast", "television"),
        False,
        _fame,
    ),
    Value(
        "security",
        "job security",
        r"\b(?:won'?t|will not|wont|never|not|can'?t|cannot) (?:ever )?(?:get )?(?:lose|lost|fired|laid off)\b"
        r"|\bkeep my job\b|\b(?:job|career|employment) (?:security|stability)\b|\b(?:safe|reliable|dependable)(?: jobs?"
        r"| careers?| work| income| employment| field)\b|\b(?:secure|stable|steady)\b(?! hand| boy)|\bstability\b"
        r"|\brecession[ -]proof\b|\b(?:always|will always be) (?:needed|in demand|hiring)\b"
        r"|\b(?:won'?t|will not|can'?t|cannot|not|never) (?:be |get )?(?:replaced|automated|laid off|outsourced)"
        r"(?: by (?:ai|robots?|machines?|computers?|automation))?\b|\b(?:ai|robot|automation)[ -]proof\b",
        (),
        False,
        _security,
    ),
    Value(
        "self",
        "working for yourself",
        r"\b(?:freelanc(?:e|er|ing|ers)|self[ -]employed|self[ -]employment|solopreneur"
        r"|entrepreneur(?:s|ial|ship)?|independent contractor|gig work|gig economy|side (?:hustle|gig|business)s?"
        r"|own (?:boss|business|company"
        r"|shop|practice)|my own hours|set my own (?:hours|schedule)|work(?:ing)? for (?:myself"
        r"|yourself|themselves)|start (?:a|my own) (?:business|company))\b",
        ("freelance", "self-employed"),
        False,
        _self_employed,
    ),
    Value(
        "independence",
        "independence",
        r"\b(?:independen(?:ce|t)|autonomy|autonomous|freedom|flexib(?:le|ility)|work(?:ing)? (?:alone"
        r"|independently|on my own"
        r"|by myself)|on my own|by myself|(?:no ?one|nobody) (?:is )?(?:watching|telling|tells|bossing)(?: me)?"
        r"(?: over my shoulder| what to do)?|(?:without"
        r"|no) (?:a )?(?:boss|micromanag\w*|supervision))\b",
        (),
        False,
        _work_value("Independence"),
    ),
    Value(
        "adventure",
        "adventure",
        r"\b(?:adventur(?:e|es|ous)|excit(?:ing|ement)|thrill(?:s|ing)?|adrenaline|danger(?:ous)?"
        r"|risky|action[ -]packed|see the world|travel the world|explore the world|never boring"
        r"|(?:not|isn'?t|is not|aren'?t|never) (?:ever )?boring)\b",
        ("wilderness", "rescue", "smokejumper", "diver", "pilot", "travel", "outdoor", "explorer", "mountain"),
        False,
        _interest("realistic", 5.0),
    ),
    Value(
        "leading",
        "leading",
        r"\b(?:be (?:the|a) (?:boss|leader)|in charge|lead(?:ing)? (?:people|a team|others|teams)"
        r"|leadership|run (?:the|a) (?:show|team|company)|manage (?:people|a team|others)"
        r"|call the shots)\b",
        ("manager", "supervisor", "leadership", "director", "executive"),
        False,
        _interest("enterprising", 5.0),
    ),
    Value(
        "creativity",
        "creativity",
        r"\b(?:creativ(?:e|ity)(?: (?:people|person|types?|minds?|souls?))?|artistic|artsy|arty"
        r"|imaginat(?:ion|ive)|express (?:myself|yourself)"
        r"|self[ -]expression|original ideas)\b",
        ("art", "design", "artist", "designer", "creative", "writer"),
        False,
        _interest("artistic", 5.0),
    ),
    Value(
        "achievement",
        "seeing results",
        r"\b(?:achievement|accomplish(?:ment)?|sense of accomplishment|see (?:the )?results|challeng(?:e|ing))\b",
        (),
        False,
        _work_value("Achievement"),
    ),
    Value(
        "balance",
        "good working conditions",
        r"\b(?:work[ -]life balance|low[ -]stress|less stress|no stress|stress[ -]free|not stressful"
        r"|relaxed|chill|easy going|easygoing|good hours|regular hours|9 to 5|nine to five"
        r"|comfortable)\b",
        (),
        False,
        _work_value("Working Conditions"),
    ),
    Value(
        "alone",
        "little dealing with people",
        r"\b(?:introvert(?:ed|s)?|(?:i'?m |i am |very |kind of |pretty )?shy|not a people person|socially anxious"
        r"|(?:don'?t|do not|doesn'?t|dont) (?:like|enjoy|want|love) (?:to )?(?:talk(?:ing)? to |talk(?:ing)? with "
        r"|deal(?:ing)? with |work(?:ing)? with |be(?:ing)? around |interact(?:ing)? with )?(?:people|customers"
        r"|the public|crowds)|(?:little|no|less|minimal|limited) (?:contact|interaction|talking) with (?:people"
        r"|others|the public|customers))\b",
        (),
        False,
        _few_people,
    ),
)
VALUE_BY_KEY = {v.key: v for v in VALUES}
# Compiling every pattern would cost each search several milliseconds: a pattern is compiled
# only when its clues (plain substrings, cheap to look for) are in the query, and most queries
# have none.
_re = lru_cache(maxsize=None)(re.compile)
EDUCATION_CLUES = (
    "college", "degree", "diploma", "ged", "cert", "school", "bachelor", "associate", "master", "grad",
    "universit", "uni ", "vocational", "educat", "qualif", "drop", "loan", "debt", "training", "course",
    "program", "year", " hs ", " yr", "job", "months", "weeks",
)  # fmt: skip
PAY_CLUES = (
    "pay", "paid", "money", "rich", "wealth", "figure", "lucrative", "bank", "bucks", "salar", "wage", "income",
)  # fmt: skip
GROWTH_CLUES = ("grow", "demand", "future", "hiring", "openings")
NOT_CLUES = (
    " no ", " not ", "without", "except", "exclud", "other than", "apart", "rather", "instead", "avoid",
    "never", "nothing", " less ", "hate", "dislike", "n't", " dont ", " do not", "cannot", " wont ",
    " doesnt ", " cant ", " but ",
)  # fmt: skip
VALUE_CLUES = {
    "helping": ("help", "serv", "car", "difference", "give back", "meaning", "purpose"),
    "fame": ("fam", "celebr", "known", "star", "recogn", "noticed", " tv", "televi", "spotlight", "stage", "front of"),
    "security": ("secur", "stab", "steady", "safe", "reliab", "dependab", "recession", "always", "replaced",
                 "lose", "fired", "laid", "keep my job",
                 "automated", "laid off", " ai ", "robot", "outsourc"),
    "self": ("freelanc", "self", "entrepreneur", "contractor", "gig", "own ", "myself", "yourself", "themselves",
             "side ",
             "business", "solopreneur"),
    "independence": ("independ", "autonom", "alone", "own", "myself", "watching", "telling", "tells", "boss",
                     "micromanag", "supervision", "freedom", "flexib"),
    "adventure": ("adventur", "excit", "thrill", "adrenaline", "danger", "risky", "action", "world", "boring"),
    "leading": ("boss", "leader", "charge", "lead", "run ", "manage", "shots"),
    "creativity": ("creativ", "artistic", "imagina", "express", "original", "arts", "arty"),
    "achievement": ("achiev", "accomplish", "results", "challeng"),
    "balance": ("balance", "stress", "relax", "chill", "easy", "hours", "9 to 5", "nine to five", "comfortable"),
    "alone": ("introvert", "shy", "people", "customers", "public", "crowds", "anxious"),
}  # fmt: skip


# Words that ask for an order, looked for in the query as typed (before the pay words are read).
SORTS = (
    (r"\b(?:highest|best|top)[ -](?:paying|paid|salar(?:y|ies))\b|\bpays? the most\b|\bmost money\b", "salary"),
    (r"\bfastest[ -]growing\b|\bgrowing (?:the )?fastest\b", "growth"),
    (r"\b(?:most|lots of|many|plenty of|a lot of|tons of) (?:job )?openings\b|\bmost (?:in )?demand\b", "openings"),
)
SORT_CLUES = ("highest", "best", "top", "most", "fastest", "openings")
SORT_SAID = {"salary": "highest pay first", "growth": "fastest growing first", "openings": "most openings first"}


def _hints(text: str, clues: tuple[str, ...]) -> bool:
    return any(c in text for c in clues)


# Where the data has wages of its own: the states (and DC, Puerto Rico), named in full.
STATES = (
    "alabama", "alaska", "arizona", "arkansas", "california", "colorado", "connecticut", "delaware",
    "district of columbia", "florida", "georgia", "hawaii", "idaho", "illinois", "indiana", "iowa", "kansas",
    "kentucky", "louisiana", "maine", "maryland", "massachusetts", "michigan", "minnesota", "mississippi",
    "missouri", "montana", "nebraska", "nevada", "new hampshire", "new jersey", "new mexico", "new york",
    "north carolina", "north dakota", "ohio", "oklahoma", "oregon", "pennsylvania", "puerto rico", "rhode island",
    "south carolina", "south dakota", "tennessee", "texas", "utah", "vermont", "virginia", "washington state",
    "west virginia", "wisconsin", "wyoming",
)  # fmt: skip
PLACE = (
    r"\b(?:in|near|around|across|within|for|from) (?:the state of )?("
    + "|".join(sorted(STATES, key=len, reverse=True))
    + r")\b"
)


class Asks(Record):
    """What a query asks for (the parts found in its words), and its topic."""

    topic: str
    education: int | None = None  # at most this rank on the education ladder
    min_salary: int | None = None
    growing: bool = False  # at least faster than average
    sort: str | None = None  # "highest paying", "fastest growing": an order (a --sort key)
    place: str | None = None  # a state whose wages the results show and the pay limit reads
    exclude: tuple[str, ...] = ()  # what the query rules out, as typed
    values: tuple[str, ...] = ()  # keys of VALUES
    at_level: bool = False  # the schooling was asked for ("with a 2 year degree"), not only ruled out beyond

    @property
    def any(self) -> bool:
        return bool(
            self.education is not None
            or self.min_salary
            or self.growing
            or self.sort
            or self.place
            or self.exclude
            or self.values
        )

    def filters(self, given: Filters) -> Filters:
        """The filters the options set, with the limits of the words where no option sets one:
        an option given wins over words."""
        return given._replace(
            education=given.education if given.education is not None else self.education,
            min_salary=given.min_salary if given.min_salary is not None else self.min_salary,
            outlook=given.outlook
            if given.outlook is not None or given.min_growth is not None or not self.growing
            else 1,
        )

    def said(self) -> list[str]:
        """Each ask in words, for the line that says what was understood."""
        out = []
        if self.education is not None:
            out.append(EDUCATION_SAID[self.education])
        if self.min_salary:
            out.append(f"pay ${self.min_salary:,} or more")
        if self.growing:
            out.append("growing faster than average")
        if self.sort:
            out.append(SORT_SAID[self.sort])
        if self.place:
            out.append(f"wages in {self.place.title().replace(' Of ', ' of ')}")
        out += [VALUE_BY_KEY[k].said for k in self.values]
        out += [f"not {x}" for x in self.exclude]
        return out

    def as_json(self) -> dict[str, Any]:
        from careerexplorer.model import EDUCATION_LADDER

        return {
            "topic": self.topic,
            "max_education": EDUCATION_LADDER[self.education][0] if self.education is not None else None,
            "min_salary": self.min_salary,
            "growing": self.growing,
            "sort": self.sort,
            "place": self.place,
            "exclude": list(self.exclude),
            "values": list(self.values),
        }


def _cut(text: str, match: re.Match[str]) -> str:
    return f"{text[: match.start()]} , {text[match.end() :]}"


def _pay_figure(text: str) -> tuple[int | None, str]:
    """A pay floor written as a figure, and the text without it."""
    for m in _re(PAY_FIGURE).finditer(text):
        number, unit, per1, per2 = m.group(1), m.group(2), m.group(3), m.group(4)
        lead = text[m.start() : m.start(1)]
        value = float(number.replace(",", ""))
        per = per1 or per2
        hourly = per in ("hour", "hr")
        if unit in ("k", "K", "grand", "thousand"):
            value *= 1000
        elif unit == ",000":
            value *= 1000
        money = (
            "$" in lead
            or unit
            or per
            or re.search(r"\b(?:pay|paying|pays|make|making|earn|earning|salary|income|wage)", lead)
        )
        if not money:
            continue
        if hourly or (per is None and value < 200 and not unit):
            value *= 2080  # an hourly figure, as a year of full-time work
        if not 10_000 <= value <= 1_000_000:
            continue
        # The leading words that only introduce the figure go with it; the others stay.
        start = m.start()
        keep = re.match(r"(?:(?:that|which|who|to|and|with|jobs?|careers?|i|can|could|will)\s+)*", lead)
        if keep and keep.end() and not re.search(r"pay|make|earn|salar|income|wage", lead[: keep.end()]):
            start += keep.end()
        return int(round(value, -3)), f"{text[:start]} , {text[m.end() :]}"
    return None, text


def _excluded(text: str) -> tuple[list[str], str]:
    """What the words rule out ("no math", "but not nursing"), and the text without those words."""
    out: list[str] = []
    while True:
        m = _re(NOT_LEAD).search(text)
        if not m:
            return out, text
        tail = text[m.end() :].split()
        taken: list[str] = []
        used = 0
        for w in tail:
            bare = w.strip(",.;:!?")
            if bare in NOT_STOP and taken:
                break
            used += 1
            if bare and bare not in NOT_SKIP and bare not in NOT_STOP:
                taken.append(bare)
            if len(taken) == 2 or w.endswith((",", ".", ";")):
                break
        rest = " ".join(tail[used:])
        if taken:
            # "not a lawyer", "don't want to be a nurse" rule out being one, said with the article;
            # "no math", the subject.
            before = {
                w.strip(",.;:!?") for w in tail[: tail.index(next(w for w in tail if w.strip(",.;:!?") == taken[0]))]
            }
            after = tail[tail.index(next(w for w in tail if w.strip(",.;:!?") == taken[-1])) + 1 :][:1]
            # Not "sit at a desk", nor "not a desk job".
            person = (before & {"be", "being", "become"} or tail[0] in ("a", "an")) and not (
                after and after[0].strip(",.;:!?") in ("job", "jobs", "work", "career", "environment", "setting")
            )
            article = ("an" if taken[0][0] in "aeiou" else "a") if person else ""
            out.append(f"{article} {' '.join(taken)}".strip())
        text = f"{text[: m.start()]} , {rest}"


def read(query: str) -> Asks:
    """The asks in a query and the topic left; a query that asks nothing is all topic."""
    # As search reads it: the first MAX_QUERY characters (a pasted page is not read whole).
    text = " " + " ".join(query[:500].lower().replace("’", "'").replace("-", " ").split()) + " "
    sort = None
    for pattern, key in SORTS if _hints(text, SORT_CLUES) else ():
        m = _re(pattern).search(text)
        if m:
            sort, text = key, _cut(text, m)
            break
    if "trade school" in text or "vocational" in text:
        text += " trades "  # a trade school's jobs are the trades, and the schooling is the ask
    education = None
    level_wanted = False
    for pattern, level in EDUCATION_PATTERNS if _hints(text, EDUCATION_CLUES) else ():
        m = _re(pattern).search(text)
        if m:
            education = level if education is None else min(education, level)
            # "with a 2 year degree" asks for that schooling; "without a degree" only for no more.
            level_wanted = not re.search(r"\b(?:without|no|not|never|skip\w*|avoid|instead|afford)\b|n'?t\b", m[0])
            kept = m.groupdict().get("keep")
            text = _cut(text, m) + (f" {kept} " if kept else "")
    if "experience" in text or "entry" in text:
        text = _re(UNFILTERED).sub(" , ", text)
    place = None
    if _hints(text, tuple(s[:5] for s in STATES)):
        m = _re(PLACE).search(text)
        if m:
            place, text = ("washington" if m.group(1) == "washington state" else m.group(1)), _cut(text, m)
    salary = None
    if "$" in text or any(c.isdigit() for c in text):
        salary, text = _pay_figure(text)
    for pattern, pay in PAY_WORDS if salary is None and _hints(text, PAY_CLUES) else ():
        m = _re(pattern).search(text)
        if m:
            salary, text = pay, _cut(text, m)
            break
    growing = False
    for pattern in GROWTH_PATTERNS if _hints(text, GROWTH_CLUES) else ():
        m = _re(pattern).search(text)
        if m:
            growing, text = True, _cut(text, m)
    values: list[str] = []
    for value in VALUES:
        m = _re(value.patterns).search(text) if _hints(text, VALUE_CLUES[value.key]) else None
        if m:
            values.append(value.key)
            while m and not value.keep:
                # Who is to be helped stays in the topic ("help kids": kids); every way the
                # wish is said goes ("I'm shy and don't like talking to people").
                kept = m.groupdict().get("keep")
                text = _cut(text, m) + (f" {kept} " if kept else "")
                m = _re(value.patterns).search(text)
    exclude, text = _excluded(text) if _hints(text, NOT_CLUES) else ([], text)
    topic = " ".join(w for w in text.replace(",", " ").split() if w.strip(".;:!?") and w not in LEFT_OVER)
    return Asks(
        topic.strip(),
        education,
        salary,
        growing,
        sort,
        place,
        tuple(dict.fromkeys(exclude)),
        tuple(values),
        level_wanted and education is not None,
    )


def literal(query: str) -> str | None:
    """The words of a query put in quotes, to be searched as typed; None for an unquoted query."""
    q = query.strip()
    if len(q) >= 2 and q[0] in "\"'“" and q[-1] in "\"'”":
        return q[1:-1].strip()
    return None


def value_score(keys: tuple[str, ...], facts: Mapping[str, Any]) -> tuple[float, list[str]]:
    """How well a career answers the values asked for (0 to 1, their mean), and the evidence of each."""
    total = 0.0
    evidence = []
    for key in keys:
        v = VALUE_BY_KEY[key]
        fit, why = v.score(facts)
        total += fit
        if why:
            evidence.append(f"{v.said}: {why}")
    return (total / len(keys) if keys else 0.0), evidence


__all__ = ["VALUES", "Asks", "literal", "read", "value_score"]
