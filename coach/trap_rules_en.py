"""What the thinking traps sound like in English, and the words that cancel them.

Patterns read text from `plain_text.for_matching`: lower case, one kind of apostrophe. Chat spellings
without apostrophes ("im", "dont", "cant") are accepted wherever the contraction is.
"""

from __future__ import annotations

import re

from coach.trap_grammar import Grammar, Rule, Scanner, gap, one_of, scanner, words

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
    "manager boss colleague coworker co-worker teammate friend friends partner sister brother mother mom mum "
    "father dad wife husband girlfriend boyfriend recruiter client customer editor lead director mentor "
    "competitor competition neighbour neighbor cousin family parents investor interviewer ceo founder vp "
    "teacher coach agent publisher"
)
# Somebody else whose mind the writer claims to read.
OTHER = one_of(
    r"\b(?:they|he|she|everyone|everybody|people|all of them|someone who|somebody who)",
    r"\b(?:the|my|our|their)(?:\s+[\w'-]+){1,2}?",
)
ABOUT_ME = r"(?:i'?m|i am|i was|i'?d|i\b|me\b|my\b|our\b|it'?s|it\b|this\b|them\b)"
# What the writer imagines they think of them or their work.
BAD_VERDICT = one_of(
    words(
        "joke idiot stupid dumb naive naïve desperate creepy weird odd strange annoying boring slow arrogant "
        "incompetent fraud loser failure clown useless worthless waste pathetic needy pushy childish garbage "
        "rubbish trash terrible awful lazy unprofessional clueless beginner nobody mess crazy cringe cringey "
        "embarrassing pointless ridiculous laughable mediocre hopeless silly fake phony amateur amateurish "
        "amateurs insecure unqualified underqualified incapable weak"
    ),
    r"too\s+[\w'-]+",
    r"not\s+(?:[\w'-]+\s+)?(?:enough|worth|ready|good|capable|serious|right|qualified)\b",
    r"out of my (?:depth|league)",
    r"(?:can'?t|cannot|couldn'?t|cant|couldnt)\s+[\w'-]+",
    r"(?:have|had)\s+no\s+(?:idea|clue)",
    r"(?:don'?t|didn'?t|dont|didnt)\s+belong",
)
ATTEMPT = words(
    "try trying apply applying pitch pitching ask asking share sharing post posting submit submitting send "
    "sending reach reaching speak speaking invite inviting enter entering bother bothering propose proposing "
    "suggest suggesting volunteer volunteering date dating show showing contact contacting message messaging "
    "email emailing dm text texting raise raising follow following put putting open opening"
)

OVERGENERALISING = [
    # "always", "every time", "as usual" — about the writer's own life (checked per clause)
    r"(?<!can )(?<!could )(?<!there's )(?<!there is )(?<!will )(?<!would )"
    r"\b(?:al+wa+y+s|constantly|all the time|every (?:single )?time|each time|time after time|time and (?:time )?again|"
    r"again and again|over and over|as (?:always|usual)|like always|same (?:old )?(?:story|thing|result)|"
    r"story of my life|keeps? (?:happening|going wrong|failing)|yet again|here we go again)\b"
    r"(?!\s+(?:wanted|thought|knew|loved|liked|dreamed|dreamt|hoped|admired|wondered|been (?:kind|nice|good))\b)",
    # "I never get past the first call" (not "never thought", "never again", "never going to")
    r"(?<!must )(?<!should )(?<!can )(?<!could )(?<!may )\bne+ve+r\b"
    r"(?!\s+(?:again|going to|gonna|thought|expected|meant|said|promised|asked|wanted|imagined|knew|"
    r"planned|intended|mind|minded|forget|forgot|give up|gave up|gives up|quit|stop|stopped)\b)"
    r"(?!(?:\s+[\w'-]+){0,8}\s+again\b)",
    r"\b(?:nobody|no one|no-one|noone|nothing|none of (?:my|them|these|those))\b(?:\s+[\w'-]+){0,4}?\s+ever\b"
    r"(?!\s+(?:going to|gonna)\b)",
    r"\bnot (?:once|a single (?:one|time|person|company|client))\b",
    r"\b(?:every|each)\s+(?:single\s+)?(?!(?:day|week|month|year|morning|evening|night|now|other|bit|so)\b)[\w'-]+",
    r"\b(?:everything|whatever|no matter what)\s+(?:i|we)\s+(?:[\w'-]+\s+)?(?:touch|do|try|make|write|build|send|"
    r"pitch|propose|suggest|say|post|share|create|attempt)\w*",
    r"\b(?:fail|failing|mess(?:ing)? up|screw(?:ing)? up|ruin|ruining|suck)\s+(?:at\s+)?"
    r"(?:everything|it all|all of it)\b",
    # "rejected again": a failure read as the next one in a series
    r"\b(?:rejected|ghosted|ignored|turned down|failed|dumped|passed over|left out|overlooked|blew it|messed up|no|"
    r"wrong|happened|happening)\s+(?:[\w'-]+\s+)?again\b",
    r"\b(?:yet )?another (?:no|rejection|ghosting)\b",
]

MIND_READING = [
    # "they think I'm a joke", "the jury probably thought my photos were amateurish"
    rf"{OTHER}{_gap(4)}(?:think|thinks|thought|find|finds|found|consider|considers|considered|see|sees|saw|view|"
    rf"views|viewed|believe|believes|reckon|reckons|figure|figured|assume|assumed)\s+(?:that\s+)?{ABOUT_ME}"
    rf"(?:{_gap(4)}|\s*){BAD_VERDICT}",
    # "she must think I'm ...", "I bet they thought ..." — sure of a mind they never heard
    rf"{OTHER}\s+(?:must|probably|surely|obviously|clearly|definitely|def|certainly)\s+(?:have\s+)?"
    rf"(?:think|thinks|thought)\s+(?:that\s+)?(?:i\b|i'?m|i was|my\b)",
    rf"\b(?:i bet|i'?m sure|pretty sure|i just know|i know)\s+{OTHER}{_gap(3)}(?:think|thinks|thought|found|find|"
    rf"finds|saw|see|noticed|laughed|hate|hates|hated)\b",
    # "they saw how nervous I was", "they saw right through me"
    rf"{OTHER}{_gap(3)}(?:saw|see|sees|noticed|notice|notices|could tell|can tell|knew|sensed|spotted|realised|"
    r"realized|picked up on|caught)\s+(?:right away\s+|straight away\s+|immediately\s+|instantly\s+|at once\s+)?"
    r"(?:how\b|that\s+i\b|right through me|through me|i\b|i'?m\b|i was\b|i had\b|my (?:nerves|insecurity|fear|panic))",
    # "they were bored", "she looked annoyed"
    rf"{OTHER}{_gap(2)}(?:were|was|are|is|'re|'s|looked|seemed|got|get)\s+(?:[\w'-]+\s+)?(?:bored|annoyed|irritated|"
    r"fed up|sick of me|tired of me|embarrassed for me|disappointed in me|mad at me|angry (?:at|with) me|cringing|"
    r"judging me|put off|turned off|weirded out|creeped out)\b",
    # "they hate me", "the editor must have laughed at my poem"
    rf"{OTHER}{_gap(3)}(?:hate|hates|hated|dislike|dislikes|disliked|despise|despises|pity|pities|pitied|judge|"
    r"judges|judged|judging|resent|resents|resented|feel sorry for|felt sorry for|(?:laugh|laughed|laughing|laughs)"
    r"\s+(?:at|about)|(?:talk|talked|talking|gossip|gossiped|gossiping)\s+about)\s+(?:me|my|us|our)\b",
    rf"{OTHER}{_gap(3)}laugh(?:ed|ing)?\s+(?:when|as|while)\s+(?:she|he|they)\s+(?:read|saw|heard|opened)\s+(?:my|our)\b",
    # "they don't like me", "she doesn't want to work with me"
    rf"{OTHER}{_gap(2)}(?:{DO_NOT}|dont|doesnt|didnt|never|won'?t|wouldn'?t|wasn'?t|weren'?t|isn'?t|aren'?t|wasnt|"
    r"werent|isnt)\s+(?:[\w'-]+\s+)?(?:(?:like|respect|trust|rate|value|care about|believe in)\s+(?:me|my|us|our)\b|"
    r"want\s+(?:me|us)\b|want\s+to\s+[\w'-]+(?:\s+[\w'-]+)?\s+with\s+(?:me|us)\b|"
    r"take\s+(?:me|us|my\s+[\w'-]+)\s+seriously|(?:into|interested in)\s+(?:me|my)\b)",
    r"\b(?:nobody|no one|noone)\s+(?:[\w'-]+\s+)?(?:likes|respects|trusts|rates|cares about|believes in|wants|would "
    r"want|takes|took)\s+(?:me|us|my\s+[\w'-]+)\b(?!\s+(?:to|on)\b)",
]

CONFIRMING_SELF_DOUBT = [
    # "see, I can't do this" (chat drops the "I": "cant even land a gig")
    r"(?:\bi|^|(?<=[.!?,;:\n]))\s*(?:(?:just|really|simply|clearly|obviously|still|honestly|literally)\s+)*"
    r"(?:can'?t|cannot|can not|cant)\s+(?:even\s+)?(?:do|handle|manage|cope|compete|hack|make it|cut it|win|land|sell|"
    r"write|pitch|interview|lead|present|get|answer|keep up|succeed)\b",
    r"(?:\bnot|\b\w+n't|\b(?:wasnt|isnt|arent|werent|aint))\s+(?:[\w'-]+\s+)?(?:good|smart|talented|senior|experienced|"
    r"interesting|strong|clever|qualified|skilled|creative|confident|brave|funny|fast|young|old|impressive|special)"
    r"\s+enough\b",
    r"(?:\bnever|\b\w+n't|\bwont)\s+be\s+(?:[\w'-]+\s+)?(?:good|smart|talented)\s+enough\b",
    # only looked ahead at, so a mind reading inside ("I knew nobody would want me") stays its own hit
    r"\bi\s+knew\b(?=\s+(?:it\b|(?:that\s+)?(?:i\b|i'?d\b|id\b|it\s+was\b|it\s+would\b|nobody\b|no one\b|"
    r"they\s+would)))",
    r"\b(?:proves|proved|proof|confirms|confirmed)\s+(?:it\b|that\s+i\b|i\b|i'?m\b|me\s+wrong)",
    r"\bwho\s+(?:was|am)\s+i\s+kidding\b|\bwhat\s+was\s+i\s+thinking\b",
    r"\bi\s+(?:really\s+)?(?:should(?:n'?t| not)|shouldnt|should never)\s+(?:have|'ve|ve)\s+(?:even\s+)?(?:tried|"
    r"applied|asked|bothered|said anything|sent|pitched|posted|shared|submitted|spoken up|opened my mouth|reached out|"
    r"put myself)",
    r"\bwhy\s+did\s+i\s+(?:even\s+)?(?:bother|try|apply|think|ask|pitch|send|post|share)",
    rf"{I_AM}(?:\s+[\w'-]+){{0,2}}?\s+(?:not|never)\s+(?:cut out|made|built|meant|suited)\s+for\b",
    r"\b(?:isn'?t|is not|isnt|wasn'?t|wasnt)\s+(?:[\w'-]+\s+)?for me\b|\bnot meant for me\b",
    r"\bout of my (?:league|depth)\b",
    rf"{I_AM}(?:\s+(?:just|clearly|really|so|obviously|simply))*\s+"
    r"(?:bad|terrible|hopeless|awful|rubbish|no good)\s+at\b",
    r"\bi\s+suck\s+at\b",
    rf"\bi\s+(?:just\s+|simply\s+)?{DO_NOT}\s+have\s+what\s+it\s+takes\b|\bdont have what it takes\b",
    r"\b(?:someone|somebody|people|a person)\s+like\s+me\b",
    r"\bnot\s+(?:a\s+)?real\s+[\w'-]+|\bnot\s+an?\s+(?:[\w'-]+\s+)?person\b",
    r"\b(?:imposter|impostor)\b",
]

AVOIDANCE = [
    rf"{I_AM}\s+(?:(?:just|really|so|totally|officially)\s+)*(?:done|finished|through)\s+(?:with\s+(?:[\w'-]+\s+)?(?:it|this|"
    rf"that|trying|[\w'-]+ing)\b|[\w'-]+ing\b|$|(?=[.!,;]))",
    r"\b(?:i'?m|i am|i'?ll|i will|gonna|going to|should|i might|i)\s+(?:just\s+|really\s+|probably\s+)?"
    r"(?:stop|quit|give up|"
    r"giving up|stopping|quitting)\b(?!\s+(?:beating|worrying|overthinking|comparing|dwelling|blaming|being so))",
    rf"\b(?:not|never|no longer)\s+(?:going to|gonna)\s+(?:even\s+)?{ATTEMPT}\b",
    rf"\b(?:i'?m|i am|i'?ll|i will|i)\s+(?:[\w'-]+\s+)?(?:not|never|no longer|won'?t|wont|will not)\s+(?:[\w'-]+\s+)?"
    rf"{ATTEMPT}\w*(?:\s+[\w'-]+){{0,5}}?\s+(?:again|anymore|any more|ever again)\b",
    r"\bnever again\b",
    r"\bno more\s+(?!than\b)(?:[\w'-]+\s+)?[\w'-]+s\b",
    r"\bkeep(?:ing)?\s+(?:my|it|this|them)\s+(?:[\w'-]+\s+)?(?:to myself|private|quiet|secret|hidden)\b",
    r"\bkeep(?:ing)? my (?:head down|mouth shut)\b",
    r"\bstay(?:ing)? (?:quiet|silent|in my lane|home|out of it|away)\b",
    rf"{I_WILL}\s+(?:just\s+)?(?:avoid|skip|steer clear of|stay away from)\b",
    r"\bleave (?:the [\w'-]+|it) to (?:others|people|someone|somebody)\b",
    r"\b(?:pull|pulling|back|backing)\s+out\b",
    r"\bdelet(?:e|ing)\s+my\b",
    r"\b(?:what'?s|whats|what is) the point\b|\bno point\b|\bwhy bother\b"
    r"|\bnot worth (?:it|trying|the (?:effort|embarrassment|pain|risk|stress|hassle|trouble))\b",
]

LABELLING = [
    rf"(?:{I_AM}|\bi feel like){_gap(4)}(?:a|an|such a|such an|the)\s+(?:[\w'-]+\s+)?(?:failure|loser|idiot|fool|joke|"
    r"fraud|disappointment|embarrassment|nobody|clown|moron|hack|reject|waste of space|sham|dumbass|screw-up|"
    r"screwup|disaster|train wreck|mess)\b",
    rf"{I_AM}(?:\s+(?:so|just|completely|totally|utterly|such|really|a|an|pretty|literally))*\s+(?:useless|worthless|"
    r"pathetic|stupid|hopeless|talentless|dumb|incompetent)\b",
    r"\bwhat an?\s+(?:[\w'-]+\s+)?(?:loser|idiot|failure|fool|joke|clown|moron)\b",
]

CATASTROPHISING = [
    r"\bmy\s+(?:whole\s+)?(?:career|life|reputation|future|chances?|career plan)\s+(?:is|are|was)\s+(?:[\w'-]+\s+)?"
    r"(?:over|ruined|done|finished|destroyed|wrecked|gone|toast)\b",
    r"\b(?:it'?s|it is|this is|that'?s|that is|everything is)\s+(?:all\s+)?(?:over|the end)\b",
    r"\b(?:disaster|catastrophe|nightmare)\b",
    r"\bruined\s+(?:my|everything|it all)\b|\b(?:is|are)\s+(?:[\w'-]+\s+)?ruined\b",
    r"\bend of (?:the world|my career|everything)\b",
    r"\bend up\s+(?:alone|broke|homeless|jobless|on the street|with nothing)\b",
    r"\b(?:go|goes|going|went)\s+under\b",
    r"\blose\s+(?:everything|the (?:apartment|house|flat)|my (?:job|house|home|apartment|flat))\b",
    r"\bwasted\s+(?:[\w'-]+\s+){0,2}(?:years|my life)\b",
    r"\b(?:thrown|threw|throwing)\s+away\s+my\b",
    r"\beverything(?:'s| is)?\s+(?:falling apart|ruined|over)\b",
    r"\blost\s+(?:all|everything|every)\b",
    rf"{I_AM}\s+(?:so\s+|completely\s+)?finished\b",
    r"\bnever\s+(?:work again|recover|live (?:it|this) down)\b",
]

FORTUNE_TELLING = [
    rf"{WILL}\s+(?:[\w'-]+\s+)?(?:never|ever)\b(?!\s+(?:again\b|{ATTEMPT}\b))",
    rf"\b(?:never|ever|not)\s+(?:going to|gonna)\b(?=\s+[\w'-])(?!\s+(?:lie|stop|give up|quit|{ATTEMPT})\b)",
    rf"(?:{WILL}|\bgoing to|\bgonna)\s+(?:[\w'-]+\s+)?"
    r"(?:say no|reject|turn (?:me|it|us) down|ignore|fail|flop|go wrong|"
    r"be the same|end the same|get rejected|be rejected|get turned down|get ignored|get ghosted|end up)\b",
    r"\b(?:no way|no chance)\s+(?:they|it|i|he|she|anyone|anybody)\b(?:\s+[\w'-]+){0,2}?\s*"
    r"(?:will|'ll|would|'d|are going|"
    r"is going|'re going)",
    r"\bdoomed\b",
    r"\b(?:won'?t|will not|wont)\s+(?:ever\s+)?(?:get|find|land|make it|work|happen|succeed|hire|pick|choose|buy|sign|"
    r"answer|reply|call back)\b",
]

PERSONALISING = [
    r"\b(?:it'?s|it is|it was|that'?s|that is|that was|this is)\s+(?:all\s+)?(?:my fault|on me)\b",
    r"\b(?:all\s+)?my fault\b",
    r"\bbecause of (?:me|my)\b",
    r"\b(?:it'?s|it was|that'?s)\s+because\s+i\b",
    r"\bi\s+(?:[\w'-]+\s+)?(?:ruined|spoiled|wrecked|let down|dragged down)\s+(?:[\w'-]+\s+){0,3}?(?:for\s+(?:everyone|"
    r"the team|all of us|us|them)|the (?:team|whole team|deal|launch|evening))\b",
    r"\bi\s+made\s+(?:it|things)\s+worse\b",
    r"\bif\s+i(?:'d| had)\s+(?:[\w'-]+\s+){0,3}?(?:[\w'-]+,?\s+)?(?:the (?:whole )?team|everyone|we|they)\s+would\b",
    r"\bi\s+must\s+have\s+(?:done|said)\s+something\s+wrong\b",
]

SHOULD_STATEMENTS = [
    r"\bi\s+(?:really\s+)?(?:should|ought to)\s+(?:have|'ve)\s+(?!(?:tried|applied|bothered)\b)[\w'-]+"
    r"|\bi\s+shouldve\b",
    r"\bi\s+(?:really\s+)?should\s+(?:be|know|feel|manage|handle)\b",
    r"\bi\s+(?:shouldn'?t|shouldnt|should not)\s+need\b",
    r"\bi\s+(?:must|have to|ought to|need to)\s+(?:always|never|be perfect|be tougher|be stronger|be better)\b",
]

_RULES: dict[str, list[str]] = {
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


def _scanners() -> tuple[Scanner, ...]:
    return tuple(
        scanner(trap, [Rule(trap, pattern) for pattern in patterns], shared_start=OTHER)
        for trap, patterns in _RULES.items()
    )


ENGLISH = Grammar(
    scanners=_scanners(),
    clause_break=re.compile(
        r"[.!?;:\n…,()\[\]]+|\s-+\s|\b(?:but|however|although|though|whereas|yet)\b"
        r"|\b(?:and|so|or|then)\b(?=\s+(?:i|i'm|im|i'll|i've|they|he|she|it|it's|we|you|now|then)\b)"
    ),
    sentence_break=re.compile(r"[.!?;\n…]+"),
    # Not "no": before a trap it is a rejection ("she said no because ..."), not a negation.
    negator=re.compile(one_of("not", "never", "cannot", "hardly", NEG_CONTRACTED)),
    determiner=re.compile(r"a|an|the|such"),
    negating_frame=re.compile(
        rf"\b(?:{DO_NOT}|dont|doesnt|didnt)\s+(?:really\s+|actually\s+|even\s+)?(?:think|believe|feel|mean|prove|show|"
        r"make me|know\s+(?:if|whether|what|why))\b"
        r"|\bnot\s+(?:true|the case|necessarily|saying|that|like|as if|because|sure (?:if|whether|that))\b"
        r"|\b(?:isn'?t|wasn'?t|is not|was not|isnt|wasnt)\s+(?:true|the case|like|that|because)\b"
        r"|\bno\s+(?:reason|evidence|proof|sign|way of knowing|intention)\b|\bi doubt\b|\bwhat if\b"
        r"|\b(?:thought about|thinking about|considered|considering|tempted to|wanted to|almost|nearly)\b"
    ),
    reported=re.compile(
        r"(?<!\bi )\b(?:said|says|told|tells|wrote|writes|mentioned|explained|replied|answered|admitted|emailed|"
        r"texted)(?:\s+(?:me|us|him|her|them))?\s+(?:that|she|he|they|i|i'm|im|it|it's|we|my|our|the|you)\b"
    ),
    writer=re.compile(rf"\b(?:i|i'm|im|i've|ive|i'd|i'll|me|myself|mine|we|us|our|ours|my(?!\s+{PERSON}\b))\b"),
    person=re.compile(
        rf"(?P<someone>\b(?:he|she|he's|she's|hes|shes|(?:my|our|the|his|her|their)\s+(?:[\w'-]+\s+)?{PERSON})\b)"
        r"|(?P<writer>\b(?:i|i'm|im|i've|ive|i'd|i'll|we|we're|we've)\b)"
        r"|(?P<others>\b(?:they|they're|theyre|people|everyone|everybody)\b)"
    ),
    impersonal=re.compile(
        r"\b(?:it|it's|its|this|that|that's|thats|things|nothing|everything|nobody|no one|noone|every|each|my|our)\b"
    ),
    future=re.compile(FUTURE),
    positive=re.compile(
        r"\b(?:better|calmer|learn|learns|learned|learnt|learning|stronger|braver|easier|improve\w*|grow\w*|proud)\b"
    ),
)
