"""What the thinking traps sound like in English, and the words that cancel them.

Patterns read text from `plain_text.for_matching`: lower case, one kind of apostrophe. Chat spellings
without apostrophes ("im", "dont", "cant") are accepted wherever the contraction is. `RULES` lists each
trap's rules, each named for what it catches and flagged right where it is declared.
"""

from __future__ import annotations

import re

from coach.language import COMMON_WORDS
from coach.trap_grammar import Grammar, Rule, Sign, gap, one_of, scanners, words

NEG_CONTRACTED = one_of(
    r"\w+n't",
    words("dont doesnt didnt cant wont isnt arent wasnt werent couldnt wouldnt shouldnt havent hasnt hadnt aint"),
)
NEG = one_of("not", "no", "never", "cannot", "hardly", NEG_CONTRACTED)


def _gap(most: int) -> str:
    return gap(most, NEG)


I_AM = r"\b(?:i'?m|i am)\b"
I_WILL = r"\b(?:i'?ll|i will)\b"
DO_NOT = r"(?:do(?:n'?t| not)|does(?:n'?t| not)|did(?:n'?t| not))"
WILL = r"(?:\bwill not|\bwill|\b(?:i|you|they|it|he|she|we|that|there|who)'?ll|\bwo(?:n'?t))"
FUTURE = rf"(?:{WILL}|\bgoing to|\bgonna|\bnext time)\b"

PERSON = words(
    "landlord landlady housemate doctor son daughter manager managers boss colleague colleagues coworker coworkers "
    "co-worker co-workers teammate teammates friend "
    "friends mate mates flatmate roommate partner sister brother mother mom mum father dad wife husband girlfriend "
    "boyfriend ex crush recruiter recruiters client clients customer customers buyer buyers editor editors lead "
    "director mentor supervisor professor prof examiner reviewer reviewers panel committee jury judges curator "
    "competitor competition neighbour neighbor cousin aunt uncle gran grandma nan grandad grandpa family parents "
    "investor investors vc vcs funder funders interviewer interviewers ceo founder vp teacher coach agent publisher"
)
# The same people named without "the" or "my", as chat does: "reviewer 2 clearly thinks ...".
BARE_PERSON = words(
    "manager boss recruiter client editor mentor supervisor reviewer reviewers panel committee jury interviewer "
    "investors crush"
)
# Somebody else whose mind the writer claims to read.
OTHER = one_of(
    r"\b(?:they|he|she|everyone|everybody|people|all of them|someone who|somebody who)(?:'ve|'d|'ll|'s|'re|s|re)?",
    r"\b(?:the|my|our|their)(?:\s+[\w'-]+){1,2}?",
    rf"\b{BARE_PERSON}(?:\s+\d+)?",
)
# "she's", "they're": somebody else and their verb in one word.
OTHER_IS = r"\b(?:they'?re|theyre|he'?s|hes|she'?s|shes|everyone'?s)"
ABOUT_ME = r"(?:i'?m|i am|i was|i'?d|i'?ve|i\b|me\b|my\b|our\b|it'?s|it\b|this\b|them\b)"
I_FORMS = r"(?:i'?m|i am|i was|i'?d|i'?ve|i'?ll|i\b)"
# What the writer imagines they think of them or their work.
BAD_VERDICT = one_of(
    words(
        "joke idiot stupid dumb naive naïve desperate creepy weird odd strange annoying boring slow arrogant "
        "incompetent fraud loser failure clown useless worthless waste pathetic needy pushy childish garbage "
        "rubbish trash terrible awful lazy unprofessional clueless beginner nobody mess crazy cringe cringey "
        "embarrassing pointless ridiculous laughable mediocre hopeless silly fake phony amateur amateurish "
        "amateurs insecure unqualified underqualified incapable weak thick dim creep creepy desperate try-hard "
        "wannabe nuisance pest chancer fraudster hack bore dull cheap greedy entitled lightweight liability burden "
        "pushover time-waster timewaster"
    ),
    r"too\s+[\w'-]+",
    r"not\s+(?:[\w'-]+\s+)?(?:enough|worth|ready|good|capable|serious|right|qualified)\b",
    r"out of my (?:depth|league)",
    r"past it|washed up|(?:a\s+)?has-been|over the hill|not up to (?:it|scratch|the job)",
    r"(?:can'?t|cannot|couldn'?t|cant|couldnt)\s+[\w'-]+",
    r"(?:have|had)\s+no\s+(?:idea|clue)",
    r"(?:don'?t|didn'?t|dont|didnt)\s+belong",
)
ATTEMPT = words(
    "try trying apply applying pitch pitching ask asking share sharing post posting submit submitting send "
    "sending reach reaching speak speaking invite inviting enter entering bother bothering propose proposing "
    "suggest suggesting volunteer volunteering date dating show showing contact contacting message messaging "
    "email emailing dm text texting raise raising follow following put putting open opening audition auditioning "
    "haggle haggling negotiate negotiating"
)
# What a person can decide never to do again: "not doing them any more", "never bringing it up again".
ATTEMPT_AGAIN = one_of(
    ATTEMPT,
    words(
        "do doing bring bringing host hosting organise organising organize organizing call calling ring ringing chase"
    ),
)
# Said of somebody else's mind: what they think, believe or decided about the writer.
THINKING = words(
    "think thinks thought find finds found consider considers considered see sees saw view views viewed believe "
    "believes believed reckon reckons reckoned figure figured assume assumed decided concluded feel feels felt thinking"
)
HEDGE = words("must probably prolly probs surely obviously clearly definitely def certainly totally secretly already")
# Negative words in an imagined thought about the writer: "they think I've never read a paper".
DOWN = one_of(NEG, words("only just barely hardly"))
WEEKDAYS = r"(?:mon|tues|wednes|thurs|fri|satur|sun)days?"
_NAME_ADVERB = words(
    "probably prolly must surely obviously clearly definitely certainly totally secretly already really just still "
    "also always never honestly actually"
)
# After a name at the start of a sentence, a verb of that person's: "Sarah probably thinks", "Tom must",
# "Priya's probably relieved", "Jamie reckons".
NAME_FOLLOWER = re.compile(
    rf"(?<='s)\s+(?:{_NAME_ADVERB}|[\w-]+(?:ed|ing))\b"
    rf"|(?<!'s)\s+(?:{_NAME_ADVERB}\s+)*(?:must|will|would|has|had|is|was|did|does|can|could|might|may|said|thought|"
    r"reckoned|found|saw|felt|wanted|(?!(?:is|was|has|this|his|its|us|yes|less|unless|as|plus)\b)[a-z]+s)\b"
)
_NOT_NAMES = """
everyone everybody someone somebody anyone anybody nobody everything something anything nothing sometimes
maybe perhaps honestly apparently guess still also yes okay ok sorry thanks ugh wow god yesterday today tomorrow
once later earlier afterwards meanwhile monday tuesday wednesday
thursday friday saturday sunday january february march april may june july august september october november
december
"""
NOT_NAMES = COMMON_WORDS | frozenset(_NOT_NAMES.split())

OVERGENERALISING = [
    # "always", "every time", "as usual" — about the writer's own life (checked per clause)
    Rule(
        "always_and_every_time",
        r"(?<!can )(?<!could )(?<!there's )(?<!there is )(?<!will )(?<!would )"
        r"\b(?:al+wa+y+s|constantly|all the time|every ?(?:single )?time|each time|time after time|"
        r"time and (?:time )?again|"
        r"again and again|over and over|as (?:always|usual|ever)|like always|same (?:old )?(?:story|thing|result)|"
        r"story of my life|keeps? (?:happening|going wrong|failing)|yet again|once again|here we go again)\b"
        r"(?!\s+(?:wanted|thought|knew|loved|liked|dreamed|dreamt|hoped|admired|wondered|been (?:kind|nice|good))\b)",
    ),
    # "I never get past the first call" (not "never thought", "never again", "never going to")
    Rule(
        "never_gets_past",
        r"(?<!must )(?<!should )(?<!can )(?<!could )(?<!may )(?<!would )(?<!'d )\bne+ve+r\b"
        r"(?!\s+(?:again|going to|gonna|thought|expected|meant|said|promised|asked|wanted|imagined|knew|"
        r"planned|intended|mind|minded|forget|forgot|give up|gave up|gives up|quit|stop|stopped)\b)"
        r"(?!(?:\s+[\w'-]+){0,8}\s+again\b)"
        r"(?!(?:\s+[\w'-]+){0,2}\s+(?:such|so)\b|\s+(?:a|an)\b)"  # "I've never had such a kind rejection"
        r"(?!(?:\s+[\w'-]+){1,8}\s+before\s*(?:[.!?,;:]|$))",  # "I've never given a talk before": a first
    ),
    Rule(
        "nobody_ever",
        r"\b(?:nobody|no one|no-one|noone|nothing|none of (?:my|them|these|those))\b(?:\s+[\w'-]+){0,4}?\s+ever\b"
        r"(?!\s+(?:going to|gonna)\b)",
    ),
    Rule("not_once", r"\bnot (?:once|a single (?:one|time|person|company|client))\b"),
    Rule(
        "every_single_one",
        r"\b(?:every|each)\s+(?:single\s+)?(?!(?:day|week|month|year|morning|evening|night|now|other|bit|so|quarter|"
        rf"weekend|summer|winter|spring|autumn|{WEEKDAYS})\b)[\w'-]+",
    ),
    # "nobody takes me seriously", "no one replies to my DMs": a habit claimed of everyone
    Rule(
        "nobody_replies_to_me",
        r"\b(?:nobody|no one|no-one|noone)\s+(?:[\w'-]+\s+){0,3}?[\w'-]+s\s+(?:(?:to|at|on|with)\s+)?(?:me|my)\b",
    ),
    # "typical.", "typical me", "just my luck"
    Rule("typical_just_my_luck", r"\btypical\b(?=\s*(?:[.!,…]|$|me\b|of me\b))|\bjust my luck\b"),
    Rule(
        "everything_i_touch",
        r"\b(?:everything|whatever|no matter what)\s+(?:i|we)\s+(?:[\w'-]+\s+)?(?:touch|do|try|make|write|build|send|"
        r"pitch|propose|suggest|say|post|share|create|attempt)\w*",
    ),
    Rule(
        "fail_at_everything",
        r"\b(?:fail|failing|mess(?:ing)? up|screw(?:ing)? up|ruin|ruining|suck)\s+(?:at\s+)?"
        r"(?:everything|it all|all of it)\b",
    ),
    # "rejected again": a failure read as the next one in a series
    Rule(
        "rejected_again",
        r"\b(?:rejected|ghosted|ignored|turned down|knocked back|"
        r"shot down|unmatched|failed|dumped|passed over|left out|"
        r"overlooked|blew it|messed up|no|wrong|happened|happening)[.!,…]*\s+(?:[\w'-]+\s+)?(?:again|once more)\b",
    ),
    Rule("yet_another_no", r"\b(?:yet )?another (?:no|rejection|ghosting|knockback|form letter|pass)\b"),
    Rule(
        "not_picked_again",
        r"\b(?:not|wasn'?t|wasnt|didn'?t get|didnt get)\s+(?:invited|"
        r"picked|chosen|selected|hired|shortlisted|called back|"
        r"asked)\s+(?:[\w'-]+\s+)?again\b",
    ),
    Rule(
        "rejected_by_another",
        r"\b(?:rejected|ghosted|turned down|passed over|dropped|declined|binned|ignored)\s+by\s+(?:yet\s+)?another\b",
    ),
    Rule("rejected_everywhere", r"\b(?:rejected|turned down|ignored|ghosted|unwanted|knocked back)\s+everywhere\b"),
]

# What somebody else is imagined to have done about the writer: "they hate me", "she regrets hiring me".
REACTION = one_of(
    r"(?:hate|hates|hated|dislike|dislikes|disliked|despise|despises|pity|pities|pitied|judge|judges|judged|judging|"
    r"resent|resents|resented|feel sorry for|felt sorry for|(?:laugh|laughed|laughing|laughs)\s+(?:at|about)|"
    r"(?:talk|talked|talking|gossip|gossiped|gossiping)\s+about|(?:look|looks|looked|looking)\s+down\s+on|"
    r"(?:regret|regrets|regretted)(?:\s+[\w'-]+ing)?)\s+(?:me|my|us|our)\b",
    r"laugh(?:ed|ing)?\s+(?:when|as|while)\s+(?:she|he|they)\s+(?:read|saw|heard|opened)\s+(?:my|our)\b",
    r"(?:look|looks|looked|stared|glanced)\s+at\s+(?:me|us)\s+(?:like|as if|as though)\b",
    # what their face must have done: "rolling their eyes at my email", "cringed reading my post"
    r"(?:roll|rolls|rolled|rolling)\s+(?:their|his|her)\s+eyes\s+(?:at|over|about)\s+(?:me|my|us|our)\b",
    r"(?:cringe|cringes|cringed|cringing)\s+(?:at|over|when|while|reading|watching)\b",
    r"(?:wrote|written|write|writes|writing)\s+(?:me|us)\s+off\b",
)

# What the clause must also say for an intent or a mood read into somebody else: they ignore or laugh.
_IGNORING_ME = Sign(r"\b(?:ignor|avoid|ghost|snub|exclud|blank|ditch)\w*\s+(?:me|us|my|our)\b|\blaugh")

MIND_READING = [
    # "they think I'm a joke", "the jury probably thought my photos were amateurish", "reviewer 2 thinks I've
    # never read a paper", and the thought quoted: "they read my letter and thought 'who is this clown'"
    Rule(
        "they_think_im_a_joke",
        rf"{OTHER}{_gap(4)}{THINKING}(?:\s+(?:that\s+)?(?:{ABOUT_ME}(?:{_gap(4)}|\s*){BAD_VERDICT}|"
        rf"{I_FORMS}(?:\s+[\w'-]+){{0,3}}?\s+{DOWN}\b)|\s*[:,]?\s*['\"](?:\s*[\w'-]+){{0,5}}?\s*{BAD_VERDICT})",
    ),
    # "she must think I'm ...", "I bet they thought ..." — sure of a mind they never heard
    Rule(
        "they_must_think", rf"{OTHER}\s+{HEDGE}\s+(?:have\s+)?(?:think|thinks|thought)\s+(?:that\s+)?(?:{I_FORMS}|my\b)"
    ),
    Rule(
        "thats_what_they_think",
        rf"\bthat'?s\s+(?:exactly\s+|probably\s+|obviously\s+)?what\s+{OTHER}\s+(?:{HEDGE}\s+)?(?:have\s+)?"
        r"(?:think|thinks|thought)\b",
    ),
    Rule(
        "i_bet_they_think",
        rf"\b(?:i bet|i'?m sure|pretty sure|i just know|i know)\s+{OTHER}{_gap(3)}(?:think|thinks|thought|found|find|"
        rf"finds|saw|see|noticed|laughed|hate|hates|hated)\b",
    ),
    # "they saw how nervous I was", "they saw right through me"
    Rule(
        "they_saw_through_me",
        rf"{OTHER}{_gap(3)}(?:saw|see|sees|noticed|notice|notices|could tell|can tell|knew|sensed|spotted|realised|"
        r"realized|picked up on|caught|clocked|twigged)\s+"
        r"(?:right away\s+|straight away\s+|immediately\s+|instantly\s+|at once\s+|(?:[\w'-]+\s+){1,2}?(?=that\s+i\b))?"
        r"(?:how\b|that\s+i\b|(?:right\s+|straight\s+)?through me|i\b|i'?m\b|i was\b|i had\b|"
        r"my (?:nerves|insecurity|fear|panic))",
    ),
    # "now everyone knows it", "they all know I'm a fraud"
    Rule(
        "everyone_knows",
        r"\b(?:everyone|everybody|they|people|the whole [\w'-]+)\s+(?:all\s+|now\s+)?(?:know|knows)\s+"
        r"(?:it\b|that\s+i\b|i'?m\b|i was\b|what an?\b)",
    ),
    # "they were bored", "she looked annoyed", "she's sick of me"
    Rule(
        "they_looked_bored",
        rf"{OTHER}{_gap(2)}(?:were|was|are|is|'re|'s|be|been|looked|seemed|got|get|felt|feel|feels)\s+(?:[\w'-]+\s+)?"
        r"(?:bored|annoyed|irritated|relieved|disgusted|horrified|unimpressed|underwhelmed|appalled|offended|"
        r"fed up|(?:sick|tired) of (?:me|my|us|our|[\w'-]+ing\s+(?:my|me|our))|embarrassed for me|disappointed in me|"
        r"mad at me|angry (?:at|with) me|cringing|judging me|put off|turned off|weirded out|creeped out)\b",
    ),
    Rule(
        "theyre_sick_of_me",
        rf"{OTHER_IS}\s+(?:[\w'-]+\s+){{0,2}}?(?:bored|annoyed|irritated|relieved|disgusted|horrified|unimpressed|"
        r"fed up|(?:sick|tired) of (?:me|my|us|our)|disappointed in me|mad at me|angry (?:at|with) me|judging me|"
        r"laughing at (?:me|my)|creeped out)\b",
    ),
    # "they hate me", "my boss probably regrets hiring me", "they've written me off"
    Rule("they_hate_me", rf"{OTHER}{_gap(3)}{REACTION}"),
    # "they don't like me", "she doesn't want to work with me", "they can't stand me"
    Rule(
        "they_dont_like_me",
        rf"{OTHER}{_gap(2)}(?:{DO_NOT}|dont|doesnt|didnt|not|never|"
        rf"won'?t|wouldn'?t|wasn'?t|weren'?t|isn'?t|aren'?t|wasnt|"
        r"werent|isnt|can'?t|cant|couldn'?t|couldnt)\s+(?:[\w'-]+\s+)?(?:(?:like|respect|trust|rate|value|care about|"
        r"believe in|stand)\s+(?:me|my|us|our)\b|want\s+(?:me|us)\b|"
        r"want\s+to\s+[\w'-]+(?:\s+[\w'-]+)?\s+with\s+(?:me|us)\b|"
        r"take\s+(?:me|us|my\s+[\w'-]+|(?:someone|somebody|anyone|people)\s+like\s+(?:me|us))\s+seriously|"
        r"(?:into|interested in)\s+(?:me|my)\b)",
    ),
    Rule(
        "nobody_likes_me",
        r"\b(?:nobody|no one|noone)\s+(?:[\w'-]+\s+){0,4}?(?:likes|respects|trusts|rates|cares about|believes in|wants|"
        r"would want|takes|took)\s+(?:me|us|my\s+[\w'-]+)\b(?!\s+(?:to|on)\b)",
    ),
    # Said after somebody else is named ("she's showing my messages around and laughing", "they're ignoring me
    # on purpose"): an intent or a mood nobody told the writer.
    Rule(
        "laughing_about_it",
        r"\b(?:for a laugh|having a laugh|(?:and|while)\s+laugh(?:ing|ed))\b",
        needs=_IGNORING_ME,
        after_someone_else=True,
    ),
    Rule("on_purpose", r"\b(?:on purpose|deliberately|intentionally)\b", needs=_IGNORING_ME, after_someone_else=True),
]
CONFIRMING_SELF_DOUBT = [
    # "see, I can't do this" (chat drops the "I": "cant even land a gig")
    Rule(
        "i_cant_do_this",
        r"(?:\bi|^|(?<=[.!?,;:\n]))\s*(?:(?:just|really|simply|clearly|obviously|still|honestly|literally)\s+)*"
        r"(?:can'?t|cannot|can not|cant)\s+(?:even\s+)?(?:do|handle|"
        r"manage|cope|compete|hack|make it|cut it|win|land|sell|"
        r"write|pitch|interview|lead|present|get|answer|keep up|succeed)\b",
    ),
    Rule(
        "not_good_enough",
        r"(?:\bnot|\b\w+n't|\b(?:wasnt|isnt|arent|werent|aint))\s+(?:[\w'-]+\s+)?"
        r"(?:good|smart|talented|senior|experienced|"
        r"interesting|strong|clever|qualified|skilled|creative|confident|brave|funny|fast|young|old|impressive|special|"
        r"bright|gifted|sharp|polished|original|tough|charismatic)"
        r"\s+enough\b",
    ),
    Rule(
        "never_be_good_enough", r"(?:\bnever|\b\w+n't|\bwont)\s+be\s+(?:[\w'-]+\s+)?(?:good|smart|talented)\s+enough\b"
    ),
    # only looked ahead at, so a mind reading inside ("I knew nobody would want me") stays its own hit
    Rule(
        "i_knew_it",
        r"\bi\s+knew\b(?=\s+(?:it\b|(?:that\s+)?(?:i\b|i'?d\b|id\b|it\s+was\b|it\s+would\b|nobody\b|no one\b|"
        r"they\s+would)))",
    ),
    Rule("proves_it", r"\b(?:proves|proved|proof|confirms|confirmed)\s+(?:it\b|that\s+i\b|i\b|i'?m\b|me\s+wrong)"),
    Rule(
        "who_was_i_kidding",
        r"\bwho\s+(?:was|am)\s+i\s+kidding\b|\bwhat\s+was\s+i\s+thinking\b|\bwho\s+(?:do|did)\s+i\s+think\s+i\b",
    ),
    # "how did I ever think I could", "can't believe I thought I had a shot", "stupid of me to think"
    Rule(
        "how_did_i_ever_think",
        r"\b(?:how\s+(?:did|could)\s+i|what\s+made\s+me|(?:can'?t|cant|cannot)\s+believe\s+i|to\s+think\s+i|"
        r"who\s+(?:am|was)\s+i\s+to)\s+"
        r"(?:ever\s+|even\s+|actually\s+|really\s+)?(?:think|thought|believe|believed|imagine|imagined)\b",
    ),
    Rule(
        "stupid_of_me_to_think",
        r"\b(?:stupid|silly|dumb|naive|naïve|ridiculous|arrogant|delusional)\s+(?:of me\s+)?to\s+(?:ever\s+)?"
        r"(?:think|believe|imagine|expect)\b",
    ),
    Rule(
        "not_at_their_level",
        r"\bnot\s+(?:at|on)\s+(?:their|that|this|the same|his|her|your)\s+level\b|\bnot in (?:their|the same) league\b",
    ),
    Rule(
        "i_dont_belong", rf"\bi\s+(?:just\s+|really\s+|clearly\s+|obviously\s+|simply\s+)?(?:{DO_NOT}|dont)\s+belong\b"
    ),
    # chat drops the "I": "shouldn't have bothered tbh"
    Rule(
        "shouldnt_have_tried",
        r"(?:\bi\s+|^\s*|(?<=[.!?,;:\n])\s*)(?:really\s+)?(?:should(?:n'?t| not)|shouldnt|should never)\s+"
        r"(?:have|'ve|ve)\s+"
        r"(?:even\s+)?(?:tried|"
        r"applied|asked|bothered|said anything|sent|pitched|posted|"
        r"shared|submitted|spoken up|opened my mouth|reached out|"
        r"put myself)",
    ),
    Rule(
        "why_did_i_even_bother", r"\bwhy\s+did\s+i\s+(?:even\s+)?(?:bother|try|apply|think|ask|pitch|send|post|share)"
    ),
    Rule(
        "not_cut_out_for",
        rf"{I_AM}(?:\s+[\w'-]+){{0,2}}?\s+(?:not|never)\s+(?:cut out|made|built|meant|suited)\s+for\b",
    ),
    Rule(
        "too_stupid_for",
        rf"{I_AM}\s+(?:just\s+|simply\s+|clearly\s+)?(?:way\s+|far\s+)?too\s+(?:stupid|dumb|slow|thick|clueless)\s+"
        r"(?:for|to)\b",
    ),
    Rule("not_for_me", r"\b(?:isn'?t|is not|isnt|wasn'?t|wasnt)\s+(?:[\w'-]+\s+)?for me\b|\bnot meant for me\b"),
    Rule("out_of_my_depth", r"\bout of my (?:league|depth)\b"),
    Rule(
        "im_bad_at",
        rf"{I_AM}(?:\s+(?:just|so|such|[\w'-]+ly))*\s+"
        r"(?:bad|terrible|hopeless|awful|rubbish|no good|pants|crap|shit|useless|garbage|trash)\s+at\b",
    ),
    Rule("i_suck_at", r"\bi\s+suck\s+at\b"),
    Rule(
        "dont_have_what_it_takes",
        r"\b(?:(?:don'?t|dont|do not)\s+(?:really\s+)?have|(?:haven'?t|havent|have not)\s+(?:really\s+)?got)\s+"
        r"what\s+it\s+takes\b",
    ),
    Rule("im_not_good_at", rf"{I_AM}(?:\s+[\w'-]+){{0,2}}?\s+not\s+(?:very\s+|any\s+|that\s+)?good\s+at\b"),
    Rule("someone_like_me", r"\b(?:someone|somebody|people|a person)\s+like\s+me\b"),
    Rule(
        "not_a_real_one",
        r"\b(?:not|never)\s+(?:really\s+)?(?:a\s+)?real\s+[\w'-]+|\bnot\s+an?\s+(?:[\w'-]+\s+)?person\b",
    ),
    # "I'm not speaker material", "I'm obviously not worth more than this", "I was kidding myself"
    Rule("not_material", r"\bnot\s+(?:[\w'-]+\s+)?material\b"),
    Rule("not_worth_more", rf"{I_AM}\s+(?:[\w'-]+\s+)?not\s+worth\s+(?:more|much|anything|it|the)\b"),
    Rule("kidding_myself", r"\b(?:kidding|fooling|deluding)\s+myself\b"),
    # "I don't have the brains for university", "never had the talent for it"
    Rule(
        "dont_have_the_brains",
        r"\b(?:(?:don'?t|dont|do not|didn'?t|didnt)\s+(?:really\s+|even\s+)?have|never\s+had|"
        r"(?:haven'?t|havent)\s+got)\s+"
        r"(?:the\s+)?(?:brains?|talent|skills?|chops|head|guts|smarts|gift)\s+for\b",
    ),
    Rule("imposter", r"\b(?:imposter|impostor)\b"),
]

AVOIDANCE = [
    # "so done with pitching", as a clause of its own
    Rule(
        "done_with_it",
        r"(?:^|(?<=[.!?,;:\n]))\s*(?:(?:just|really|so|totally|officially)\s+)*done\s+with\s+"
        r"(?:[\w'-]+ing|it all|all of it)\b",
    ),
    Rule(
        "im_done_with",
        rf"{I_AM}\s+(?:(?:just|really|so|totally|officially)\s+)*(?:done|"
        rf"finished|through)\s+(?:with\s+(?:[\w'-]+\s+)?(?:it|this|"
        rf"that|trying|[\w'-]+ing)\b|[\w'-]+ing\b|$|(?=[.!,;]))",
    ),
    Rule(
        "ill_give_up",
        r"\b(?:i'?m|i am|i'?ll|i will|gonna|going to|should|i might|i)\s+(?:just\s+|really\s+|probably\s+)?"
        r"(?:stop|quit|give up|"
        r"giving up|stopping|quitting)\b(?!\s+(?:beating|worrying|overthinking|comparing|dwelling|blaming|being so))",
    ),
    Rule(
        "not_going_to_try",
        rf"\b(?:not|never|no longer)\s+(?:even\s+)?(?:going to|gonna)\s+(?:even\s+)?(?:{ATTEMPT}|go\s+for)\b",
    ),
    # chat drops the "I": "not pitching to them ever again", "never bringing it up again"
    Rule(
        "not_doing_it_again",
        rf"\b(?:not|never|no longer)\s+(?!going\b|gonna\b){ATTEMPT_AGAIN}\w*(?:\s+[\w'-]+){{0,5}}?\s+"
        r"(?:again|anymore|any more)\b",
    ),
    Rule(
        "i_wont_do_it_again",
        rf"\b(?:i'?m|i am|i'?ll|i will|i)\s+(?:[\w'-]+\s+)?(?:not|"
        rf"never|no longer|won'?t|wont|will not)\s+(?:[\w'-]+\s+)?"
        rf"{ATTEMPT_AGAIN}\w*(?:\s+[\w'-]+){{0,5}}?\s+(?:again|anymore|any more|ever again)\b",
    ),
    Rule("never_again", r"\bnever again\b"),
    Rule("no_more_of_them", r"\bno more\s+(?!than\b)(?:[\w'-]+\s+)?[\w'-]+s\b"),
    Rule(
        "keep_it_to_myself",
        r"\bkeep(?:ing)?\s+(?:my|it|this|them)\s+(?:[\w'-]+\s+)?(?:to myself|private|quiet|secret|hidden)\b",
    ),
    Rule("keep_my_head_down", r"\bkeep(?:ing)? my (?:head down|mouth shut)\b"),
    Rule("stay_quiet", r"\bstay(?:ing)? (?:quiet|silent|in my lane|home|out of it|away|off (?:the )?[\w'-]+)\b"),
    Rule(
        "ill_avoid_it",
        rf"(?:{I_WILL}|{I_AM}|\bgonna|\bgoing to)\s+(?:just\s+)?(?:avoid|avoiding|skip|skipping|steer(?:ing)? clear of|"
        r"stay(?:ing)? away from)\b",
    ),
    Rule(
        "leave_it_to_others",
        r"\bleave (?:the [\w'-]+|it|that) to (?:others|people|someone|somebody)\b"
        r"|\blet\s+(?:someone|somebody)\s+else\b",
    ),
    # stepping out: "I'm bowing out of the round", "count me out", "sitting this one out", "lying low"
    Rule(
        "bowing_out",
        r"\b(?:bow|bows|bowing|bowed|opt|opts|opting|opted|drop|drops|dropping|dropped)\s+out\s+of\b|\bcount me out\b"
        r"|\bsit(?:ting)?\s+(?:this|that|the next|it)\s+(?:one\s+)?out\b|\b(?:lie|lying|lay)\s+low\b"
        r"|\bkeep(?:ing)?\s+a\s+low\s+profile\b",
    ),
    # hiding the work: "I'm taking my portfolio down", "setting my profile to private"
    Rule(
        "taking_it_down",
        r"\btak(?:e|ing)\s+(?:my|the|it)\s+(?:[\w'-]+\s+){0,2}?down\b|\btak(?:e|ing)\s+down\s+my\b|\bdeactivat\w*"
        r"|\b(?:set|setting|make|making)\s+(?:my|it)\s+(?:[\w'-]+\s+)?(?:to\s+)?(?:private|inactive)\b",
    ),
    # waiting to be asked instead of asking: "I'll wait for them to ask me from now on"
    Rule(
        "wait_to_be_asked",
        r"\bwait\s+(?:for|until|till)\s+(?:them|people|others|someone|"
        r"somebody|they)\s+(?:to\s+)?(?:ask|come|reach|contact|"
        r"invite|message|text)\w*\b",
    ),
    Rule("cant_be_bothered", r"\b(?:can'?t|cant)\s+be\s+bothered\b|\b(?:it'?s|there'?s|its|theres)\s+no\s+use\b"),
    Rule(
        "wont_try_anything",
        rf"\b(?:not|never|won'?t|wont)\s+{ATTEMPT}\w*\s+(?:[\w'-]+\s+)?(?:anything|anyone|anybody)\b",
    ),
    Rule("pulling_out", r"\b(?:pull|pulling|back|backing)\s+out\b"),
    Rule(
        "deleting_it_all",
        r"\b(?:delet(?:e|ing)|uninstall(?:ing)?)\s+(?:my|the lot|it all|everything|all of it|the app|the account)\b",
    ),
    Rule("thats_me_done", r"\bthat'?s me (?:done|finished|out)\b"),
    Rule(
        "withdrawing",
        r"\bwithdraw(?:ing)?\s+(?:my|from)\b"
        r"|\bpull(?:ing)?\s+my\s+(?:name|application|submission|entry|paper|proposal)\b",
    ),
    # "I won't apply for the PhD after all"
    Rule(
        "not_after_all",
        rf"\b(?:won'?t|wont|will not|not going to|"
        rf"not gonna)\s+(?:be\s+)?{ATTEMPT}\w*(?:\s+[\w'-]+){{0,5}}?\s+after all\b",
    ),
    # "drop the idea of speaking", "better if I don't pitch to them", "back to lurking"
    Rule(
        "drop_the_idea", r"\bdrop(?:s|ped|ping)?\s+(?:the\s+(?:whole\s+)?(?:idea|plan|dream)|my\s+plans?)\s+(?:of|to)\b"
    ),
    Rule(
        "better_if_i_dont",
        r"\b(?:better|safer)\s+(?:if\s+i\s+(?:just\s+)?(?:don'?t|dont|do not|never|stop)\s+(?:even\s+)?"
        rf"|(?:not|never)\s+to\s+|off\s+not\s+){ATTEMPT_AGAIN}\b",
    ),
    Rule("back_to_lurking", r"\b(?:back\s+to\s+(?:just\s+)?|just\s+)lurk(?:ing)?\b"),
    # settling for the safe option: "I'm staying put", "I'll just stick to small gigs"
    Rule(
        "staying_put",
        r"\bstay(?:s|ing)?\s+put\b|\bstay(?:ing)?\s+where\s+i\s+am\b"
        r"|\bstick(?:ing)?\s+(?:to|with)\s+(?:what\s+i\s+know|the\s+safe|safe|small|smaller|my\s+(?:current|old)|"
        r"the\s+(?:job|role)\s+i)\b",
    ),
    Rule("no_more_trying", rf"\bno more\s+{ATTEMPT_AGAIN}\w*\b"),
    Rule(
        "whats_the_point",
        r"\b(?:what'?s|whats|what is) the point\b|\bno point\b|"
        r"\bwhy bother\b|\bwhy\s+(?:even\s+)?(?:try|bother|apply)\b"
        r"|\bnot worth (?:it|trying|the (?:effort|embarrassment|pain|risk|stress|hassle|trouble))\b",
    ),
]

LABELLING = [
    Rule(
        "im_a_failure",
        rf"(?:{I_AM}|\bi feel like){_gap(4)}(?:a|an|such a|such an|"
        rf"the)\s+(?:[\w'-]+\s+)?(?:failure|loser|idiot|fool|joke|"
        r"fraud|disappointment|embarrassment|nobody|clown|moron|hack|reject|waste of space|sham|dumbass|screw-up|"
        r"screwup|disaster|train wreck|mess)\b",
    ),
    Rule(
        "im_useless",
        rf"{I_AM}(?:\s+(?:so|just|completely|totally|utterly|such|"
        rf"really|a|an|pretty|literally))*\s+(?:useless|worthless|"
        r"pathetic|stupid|hopeless|talentless|dumb|incompetent)\b(?!\s+(?:at|with|in)\b)",
    ),
    Rule("what_an_idiot", r"\bwhat an?\s+(?:[\w'-]+\s+)?(?:loser|idiot|failure|fool|joke|clown|moron)\b"),
]

CATASTROPHISING = [
    Rule(
        "my_career_is_over",
        r"\bmy\s+(?:whole\s+)?(?:[\w'-]+\s+)?(?:career|life|reputation|future|chances?|career plan|business|company|"
        r"startup|programme|program|project|research)\s+(?:is|are|was)\s+(?:[\w'-]+\s+)?"
        r"(?:over|ruined|done|finished|destroyed|wrecked|gone|toast|dead|sunk|in ruins)\b",
    ),
    Rule("its_all_over", r"\b(?:it'?s|it is|this is|that'?s|that is|everything is)\s+(?:all\s+)?(?:over|the end)\b"),
    Rule("disaster", r"\b(?:disaster|catastrophe|nightmare)\b"),
    Rule("ruined_everything", r"\bruined\s+(?:my|everything|it all)\b|\b(?:is|are)\s+(?:[\w'-]+\s+)?ruined\b"),
    Rule("end_of_the_world", r"\bend of (?:the world|my career|everything)\b"),
    Rule("end_up_alone", r"\bend up\s+(?:alone|broke|homeless|jobless|on the street|with nothing|stuck)\b"),
    Rule("going_under", r"\b(?:go|goes|going|went)\s+under\b"),
    Rule(
        "lose_everything",
        r"\blose\s+(?:everything|the (?:apartment|house|flat)|my (?:job|house|home|apartment|flat))\b",
    ),
    Rule("wasted_years", r"\bwasted\s+(?:[\w'-]+\s+){0,2}(?:years|my life)\b"),
    Rule("thrown_away", r"\b(?:thrown|threw|throwing)\s+away\s+my\b"),
    Rule("everything_falling_apart", r"\beverything(?:'s| is)?\s+(?:falling apart|ruined|over)\b"),
    Rule("lost_it_all", r"\blost\s+(?:all|everything|every)\b"),
    Rule("im_finished", rf"{I_AM}\s+(?:so\s+|completely\s+)?finished\b"),
    Rule("never_recover", r"\bnever\s+(?:work again|recover|live (?:it|this) down)\b"),
]

FORTUNE_TELLING = [
    Rule("will_never", rf"{WILL}\s+(?:[\w'-]+\s+)?(?:never|ever)\b(?!\s+(?:again\b|forget\b|{ATTEMPT}\b))"),
    Rule(
        "never_going_to",
        rf"\b(?:never|ever|not)\s+(?:going to|gonna)\b(?=\s+[\w'-])(?!\s+(?:lie|stop|give up|quit|go for|{ATTEMPT})\b)",
    ),
    Rule(
        "theyll_say_no",
        rf"(?:{WILL}|\bgoing to|\bgonna)\s+(?:[\w'-]+\s+)?"
        r"(?:say no|reject|turn (?:me|it|us) down|ignore|fail|flop|go wrong|"
        r"be the same|end the same|get rejected|be rejected|get turned down|get ignored|get ghosted|end up)\b",
    ),
    Rule(
        "no_way_they_will",
        r"\b(?:no way|no chance)\s+(?:they|it|i|he|she|anyone|anybody)\b(?:\s+[\w'-]+){0,2}?\s*"
        r"(?:will|'ll|would|'d|are going|"
        r"is going|'re going)",
    ),
    Rule("doomed", r"\bdoomed\b"),
    Rule(
        "wont_ever_work",
        r"\b(?:won'?t|will not|wont)\s+(?:ever\s+)?(?:get|find|land|"
        r"make it|work|happen|succeed|hire|pick|choose|buy|sign|"
        r"answer|reply|call back)\b",
    ),
]

PERSONALISING = [
    Rule(
        "its_my_fault", r"\b(?:it'?s|it is|it was|that'?s|that is|that was|this is)\s+(?:all\s+)?(?:my fault|on me)\b"
    ),
    Rule("my_fault", r"\b(?:all\s+)?my fault\b"),
    Rule("because_of_me", r"\bbecause of (?:me|my)\b"),
    Rule("its_because_i", r"\b(?:it'?s|it was|that'?s)\s+because\s+i\b"),
    Rule(
        "i_ruined_it_for_everyone",
        r"\bi\s+(?:[\w'-]+\s+)?(?:ruined|spoiled|wrecked|let down|"
        r"dragged down|messed up|screwed up|botched|blew|tanked|"
        r"sank|killed)\s+(?:[\w'-]+\s+){0,3}?(?:for\s+(?:everyone|"
        r"the team|all of us|us|them)|the (?:team|whole team|deal|launch|evening))\b",
    ),
    Rule("i_made_it_worse", r"\bi\s+made\s+(?:it|things)\s+worse\b"),
    Rule(
        "im_the_reason",
        rf"(?:{I_AM}|\bi was)\s+(?:the\s+(?:only\s+|whole\s+|real\s+)?reason|(?:the\s+one\s+)?to\s+blame)\b",
    ),
    Rule(
        "if_only_i_had",
        r"\bif\s+i(?:'d| had)\s+(?:[\w'-]+\s+){0,3}?(?:[\w'-]+,?\s+)?(?:the (?:whole )?team|"
        r"everyone|we|they)\s+would\b",
    ),
    Rule("i_must_have_done_something_wrong", r"\bi\s+must\s+have\s+(?:done|said)\s+something\s+wrong\b"),
]

SHOULD_STATEMENTS = [
    Rule(
        "i_should_have",
        r"\bi\s+(?:really\s+)?(?:should|ought to)\s*(?:\shave|'ve)\s+(?!(?:tried|applied|bothered)\b)[\w'-]+"
        r"|\bi\s+shouldve\b",
    ),
    Rule("i_should_be", r"\bi\s+(?:really\s+)?should\s+(?:be|know|feel|manage|handle)\b"),
    Rule("i_shouldnt_need", r"\bi\s+(?:shouldn'?t|shouldnt|should not)\s+need\b"),
    Rule(
        "i_must_always",
        r"\bi\s+(?:must|have to|ought to|need to)\s+(?:always|never|be perfect|be tougher|be stronger|be better)\b",
    ),
]

RULES: dict[str, list[Rule]] = {
    "overgeneralising": OVERGENERALISING,
    "mind_reading": MIND_READING,
    "confirming_self_doubt": CONFIRMING_SELF_DOUBT,
    "avoidance": AVOIDANCE,
    "labelling": LABELLING,
    "catastrophising": CATASTROPHISING,
    "fortune_telling": FORTUNE_TELLING,
    "personalising": PERSONALISING,
    "should_statements": SHOULD_STATEMENTS,
}

ENGLISH = Grammar(
    scanners=scanners(RULES, shared_start=OTHER),
    # (One word boundary before all the words: it is tested at every character, so once rather than per word.)
    clause_break=re.compile(
        r"[.!?;:\n…,()\[\]]+|\s-+\s|\b(?:(?:but|however|although|though|whereas|yet)\b"
        r"|(?:and|so|or|then)\b(?=\s+(?:i|i'm|im|i'll|i've|they|he|she|it|it's|we|you|now|then)\b))"
    ),
    sentence_break=re.compile(r"[.!?;\n…]+"),
    # Not "no": before a trap it is a rejection ("she said no because ..."), not a negation.
    negator=re.compile(one_of("not", "never", "cannot", "hardly", NEG_CONTRACTED)),
    determiner=re.compile(r"a|an|the|such"),
    negating_frame=Sign(
        rf"\b(?:{DO_NOT}|dont|doesnt|didnt)\s+(?:really\s+|actually\s+|even\s+)?(?:think|believe|feel|mean|prove|show|"
        r"make me|know\s+(?:if|whether|what|why))\b"
        r"|\bnot\s+(?:true|the case|necessarily|saying|that|like|as if|because|sure (?:if|whether|that))\b"
        r"|\b(?:isn'?t|wasn'?t|is not|was not|isnt|wasnt)\s+(?:true|the case|like|that|because)\b"
        r"|\bno\s+(?:reason|evidence|proof|sign|way of knowing|intention)\b|\bi doubt\b|\bwhat if\b"
        r"|\b(?:thought about|thinking about|considered|considering|tempted to|wanted to)\b"
        r"|\b(?:almost|nearly)\b(?!\s+(?:sure|certain|positive|convinced))"
        r"|\bused to (?:think|believe|feel|assume|worry)\b|\bi once thought\b"
    ),
    reported=Sign(
        r"(?<!\bi )\b(?:said|says|told|tells|wrote|writes|mentioned|explained|replied|answered|admitted|emailed|"
        r"texted)(?:\s+(?:me|us|him|her|them))?\s+(?:that|she|he|they|i|i'm|im|it|it's|we|my|our|the|you)\b"
    ),
    writer=Sign(rf"\b(?:i|i'm|im|i've|ive|i'd|i'll|me|myself|mine|we|us|our|ours|my(?!\s+{PERSON}\b))\b"),
    person=re.compile(
        rf"(?P<someone>\b(?:he|she|he's|she's|hes|shes|(?:my|our|the|his|her|their)\s+(?:[\w'-]+\s+)?{PERSON})\b)"
        r"|(?P<writer>\b(?:i|i'm|im|i've|ive|i'd|i'll|we|we're|we've)\b)"
        r"|(?P<others>\b(?:they|they're|theyre|people|everyone|everybody)\b)"
    ),
    impersonal=Sign(
        r"\b(?:it|it's|its|this|that|that's|thats|things|nothing|everything|nobody|no one|noone|every|each|my|our)\b"
    ),
    future=Sign(FUTURE),
    attributed=Sign(
        rf"(?:\b(?:they|he|she|everyone|everybody|people)|\b{PERSON}(?:\s+\d+)?)(?:\s+[\w'-]+){{0,2}}?\s+"
        rf"{THINKING}\s+(?:that\s+)?(?:{I_FORMS}|my\b)"
    ),
    positive=Sign(
        r"\b(?:better|calmer|learn|learns|learned|learnt|learning|stronger|braver|easier|improve\w*|grow\w*|proud|"
        r"useful|helpful|valuable|worthwhile|nice|lovely|fun|closer|(?:it|that) helps)\b"
    ),
    rhetorical_question=re.compile(
        r"\s*(?:(?:so|and|but|ugh|honestly|seriously|like|i mean)\W*\s+)*(?:why|how|who|what|what'?s|whats|wtf)\b"
        r"|.*\b(?:right|innit|eh)\W*$"
    ),
    reported_after=Sign(
        r"[,;:-]\s*(?:or\s+so\s+|at\s+least\s+)?(?:that'?s\s+what\s+)?(?:he|she|they|the\s+[\w'-]+)\s+"
        r"(?:said|says|told me|wrote|mentioned|admitted)\b"
    ),
    passing_thought=Sign(r"\bfor\s+(?:a|one)\s+(?:split\s+)?(?:second|moment|minute)\b|\bbriefly\b"),
    routine=Sign(
        rf"\b(?:on|every|each)\s+(?:{WEEKDAYS}|weekends?)\b|\bin\s+the\s+(?:mornings?|evenings?)\b"
        r"|\b(?:before|after)\s+(?:lunch|noon|breakfast|dinner|work)\b"
        # "I always send quotes on a Monday", "never take calls during lunch", "the night before a talk",
        # "I always have a coffee before I pitch"
        rf"|\bon\s+an?\s+{WEEKDAYS}\b|\b(?:during|over)\s+(?:lunch|breakfast|dinner|the weekend)\b"
        r"|\bthe\s+(?:night|day|evening|morning)\s+before\b"
        r"|\b(?:before|after)\s+(?:i|a|an|each|every|my)\s+(?:[\w'-]+\s+)?(?:pitch|talk|interview|call|meeting|gig|"
        r"audition|presentation|show|date|deadline|submission|review|send|present|perform|play|go on)\w*\b"
    ),
    group_subject=re.compile(
        # "promotions always take ages here", "recruiters never reply on time"
        r"\s*(?:the\s+|these\s+|those\s+|all\s+|most\s+|many\s+)?"
        r"(?!(?:always|is|was|has|does|this|his|its|us|yes|guess|less|unless|keeps|gets|goes|seems|feels|looks|means|"
        r"happens|sucks)\b)"
        r"[a-z]+s\s+(?:(?:always|never|usually|often|ever|all|here|just|really|still|rarely|seldom)\s+)*"
        r"(?![\w-]+(?:ing|s)\b|(?:i|we|you|they|he|she|it|me|my|our|your|their)\b)[a-z]+\b"
        # "nobody in the band has ever ...", "everyone in my cohort ...", "every applicant gets ..."
        r"|\s*(?:nobody|no one|noone|everyone|everybody|none|all|each|every one)\s+(?:of\s+)?(?:in|on|at|from)\s+"
        r"(?:the|my|our|this|that|their)\b"
        r"|\s*(?:every|each)\s+(?:single\s+)?(?:[a-z]+(?:ant|ent|ist|ian)|person|one|candidate|applicant|freelancer|"
        r"writer|speaker|founder|designer|developer)\b"
    ),
    myself=Sign(r"\b(?:i|i'm|im|i've|ive|i'd|i'll|me|myself|mine|my)\b"),
    name_stand_in="he",
    name_follower=NAME_FOLLOWER,
    not_names=NOT_NAMES,
)
