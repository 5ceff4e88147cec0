"""What the thinking traps sound like in Dutch, and the words that cancel them.

Dutch moves its words around: the verb comes second ("Nooit lukt het"), a subordinate clause puts it
last ("dat ze me dom vonden"), separable verbs split ("ik geef het op", "ze lachten me uit") and a
main clause negates after the verb ("ze haten me niet"). The patterns allow for each of these. `RULES`
lists each trap's rules, each named (in Dutch) for what it catches and flagged right where it is declared.
"""

from __future__ import annotations

import re

from coach.language import COMMON_WORDS
from coach.trap_grammar import Grammar, Rule, Sign, gap, one_of, scanners, words

NEG = words("niet nie geen gene genen nooit niemand niets niks nergens")


def _gap(most: int) -> str:
    return gap(most, NEG)


PERSON = words(
    "manager baas collega collega's teamgenoot vriend vriendin vrienden partner zus broer moeder mama vader papa "
    "opa oma tante oom neef nicht schoonmoeder man vrouw ex date match recruiter recruiters klant klanten inkoper "
    "redacteur leidinggevende directeur mentor begeleider scriptiebegeleider promotor hoogleraar professor docent "
    "reviewer reviewers commissie jury concurrent buurman buurvrouw familie ouders investeerder investeerders "
    "teamleider oprichter ceo coach leraar agent uitgever interviewer verhuurder huisbaas huisgenoot dokter zoon "
    "dochter"
)
MY = r"(?:mijn|m'n|mn)"
# Somebody else whose mind the writer claims to read.
OTHER = one_of(
    r"\b(?:ze|zij|hij|iedereen|mensen|men|die)",
    rf"\b(?:de|het|{MY}|onze|hun)(?:\s+[\w'-]+){{1,2}}?",
)
ME = rf"(?:me|mij|{MY}\s+[\w'-]+|onze\s+[\w'-]+|ons\s+[\w'-]+|ze|het|dat|dit)\b"
BAD_VERDICT = one_of(
    words(
        "dom domme stom stomme raar rare gek gekke grap idioot sukkel naïef naief wanhopig eng enge saai saaie traag "
        "trage arrogant arrogante incompetent oplichter loser mislukkeling clown nutteloos waardeloos waardeloze "
        "zielig zielige kinderachtig kinderachtige amateuristisch amateur zonde irritant irritante vervelend lastig "
        "lui onprofessioneel sneu zwak zwakke slecht slechte onzeker onzekere opdringerig nep beginner nobody "
        "niks niets prutser figuur zageman zeur zeurpiet aansteller aandachtstrekker watje kneus klungel knoeier "
        "onbenul eikel sul sufferd freak engerd creep needy kansloos hopeloos wanhopige aanstellerig slordig "
        "slordige lastpost blok-aan-het-been zwakkeling"
    ),
    r"te\s+[\w'-]+",
    r"niet\s+(?:[\w'-]+\s+)?(?:genoeg|waard|klaar|serieus|geschikt)\b",
)
ATTEMPT = words(
    "proberen probeer probeert probeerde solliciteren solliciteer pitchen pitch pitchte vragen vraag vroeg delen "
    "deel posten post sturen stuur insturen mailen mail appen app benaderen benader uitnodigen nodig zeggen zeg "
    "doen doe meedoen mee aanbieden bied voorstellen stel moeite bellen bel schrijven schrijf indienen aanmelden "
    "meld tonen toon durf durven steek steken uitsteken waag wagen organiseren organiseer daten date brengen breng "
    "aanvragen inzenden reageren reageer opperen opper aanmeld inschrijven inschrijf dien"
)
WEEKDAYS = r"(?:maan|dins|woens|donder|vrij|zater|zon)dag\w*"
_NAME_ADVERB = words("vast zeker waarschijnlijk natuurlijk gewoon altijd nooit ook al echt duidelijk stiekem nu toch")
# After a name at the start of a sentence, a verb of that person's: "Sanne vindt", "Jeroen heeft vast".
# ("Verkopen is gewoon niks voor mij" starts with a verb used as a noun, not a name.)
NAME_FOLLOWER = re.compile(
    rf"(?<!en)\s+(?:{_NAME_ADVERB}\s+)*(?:is|was)\b"
    rf"|\s+(?:{_NAME_ADVERB}\s+)*"
    + words(
        "had heeft wil wilde kan kon zal moet mag vindt vond denkt dacht ziet zag zegt zei weet wist gaat ging "
        "komt kwam geeft gaf neemt nam zit zat lijkt leek laat liet snapt merkt merkte kijkt keek lacht lachte haat "
        "appt belt mailt"
    )
    + r"\b|\s+(?:[a-zë]+(?:dt|eert|eerde))\b"
)
_NOT_NAMES = """
iedereen niemand iemand mensen misschien eigenlijk blijkbaar volgens oke oké sorry natuurlijk waarom vroeger
even eventjes elk soms gisteren vandaag morgen eerst later daarna inmiddels opeens plotseling gelukkig helaas
jammer eindelijk uiteindelijk sowieso waarschijnlijk kennelijk maandag dinsdag woensdag
donderdag vrijdag zaterdag zondag januari februari maart april mei juni juli augustus september oktober
november december
"""
NOT_NAMES = COMMON_WORDS | frozenset(_NOT_NAMES.split())
# An infinitive after "gaan" ("ik ga nooit een uitgever vinden"), not a plural noun after a determiner
# ("niemand gaat ooit in op mijn verzoeken").
GOING_TO = (
    r"\b(?:ga|gaat|gaan)\b(?:\s+[\w'-]+){0,5}?\s+"
    r"(?<!\bde )(?<!\bhet )(?<!\been )(?<!\bmijn )(?<!\bm'n )(?<!\bmn )(?<!\bdie )(?<!\bdeze )(?<!\bonze )"
    r"(?<!\bhun )(?<!\bzijn )(?<!\bhaar )(?<!\bgeen )[\w'-]+en\b"
)
THINK = words("vind vindt vinden vond vonden gevonden denkt denken dacht dachten")

OVERGENERALISING = [
    Rule(
        "altijd_en_elke_keer",
        r"(?<!kan )(?<!kun )(?<!er is )(?<!zal )"
        r"\b(?:al+ti+j+d|steeds(?:\s+weer)?|telkens(?:\s+weer)?|keer op keer|elke keer|iedere keer|elke x|"
        r"zoals (?:altijd|gewoonlijk|steeds|verwacht)|hetzelfde liedje|"
        r"(?:het )?verhaal van mijn leven|weer eens|alweer|"
        r"typisch(?:\s+ik)?(?=\s*(?:[.!,…]|$))|typisch ik)\b"
        r"(?!\s+(?:al\s+)?(?:gewild|willen|gedacht|gedroomd|gehoopt|geweten|leuk|graag)\b)"
        r"(?!(?:\s+[\w'-]+)?\s+(?:ingeschreven|aangemeld|opgegeven|"
        r"gesolliciteerd|ingestuurd|ingediend|verstuurd|gestuurd|"
        r"gepitcht|gepost|geprobeerd)\b)",
    ),
    # "ik kom nooit verder" — but "nooit meer" is a decision or a prediction, "nooit gedacht" no trap at all
    # ("ik had nog nooit een lezing gegeven" tells how it was before, not how it always goes)
    Rule(
        "nooit_lukt_het",
        r"(?<!mag )(?<!moet )(?<!mogen )(?<!moeten )(?<!kan )(?<!kun )(?<!vergeet )(?<!vergeten )(?<!had nog )"
        r"(?<!hadden nog )\bno+i+t\b(?!\s+meer\b)"
        r"(?!(?:\s+[\w'-]+){0,2}\s+(?:gedacht|verwacht|gezegd|beloofd|gevraagd|bedoeld|geweten|"
        r"gewild|moeten|vergeet|vergeten)\b|(?:\s+[\w'-]+){0,2}\s+op\b(?!\s+[\w'-])|\s+(?:[\w'-]+\s+)?zo'?n?\b)",
    ),
    Rule("niemand_ooit", r"\b(?:niemand|niets|niks)\b(?:\s+[\w'-]+){0,4}?\s+ooit\b"),
    Rule(
        "elke_poging",
        r"\b(?:elk|elke|ieder|iedere)\s+(?!(?:dag|week|maand|jaar|ochtend|avond|nacht|moment|kwartaal|weekend|zomer|"
        rf"winter|{WEEKDAYS})\b)[\w'-]+",
    ),
    Rule("alles_wat_ik_doe", r"\b(?:alles wat ik|wat ik ook)\b"),
    Rule(
        "alles_mislukt",
        r"\balles\s+(?:[\w'-]+\s+)?(?:mislukt|gaat mis|gaat fout|loopt mis)\b"
        r"|\b(?:verpest|verknal)\w*\s+(?:[\w'-]+\s+)?alles\b|\b(?:niks|niets)\s+lukt\b",
    ),
    # "weer afgewezen": a failure read as the next one in a series
    Rule(
        "weer_afgewezen",
        r"\bweer\s+(?:[\w'-]+\s+)?(?:afgewezen|afwijzing|nee|mis|fout|geghost|genegeerd|niks|niets|mislukt|gefaald|"
        r"verknald|verpest|verprutst|verknoeid|gezakt|gepasseerd|uitgelachen|afgeserveerd|van niet)\b",
    ),
    Rule(
        "weer_niet_gekozen",
        r"\bweer\s+niet\s+(?:uitgenodigd|gekozen|aangenomen|geselecteerd|gebeld|teruggebeld|uitgekozen|toegelaten|"
        r"bevorderd|gevraagd|beantwoord)\b",
    ),
    Rule(
        "weer_geen_reactie",
        r"\bweer\s+geen\s+(?:[\w'-]+\s+)?(?:reactie|antwoord|uitnodiging|match|matches|respons|baan|kans|opdracht|"
        r"succes|deal|ja)\b",
    ),
    Rule(
        "nog_een_afwijzing",
        r"\b(?:afgewezen|geghost|genegeerd|mislukt|gefaald)[.!,…]*\s+(?:[\w'-]+\s+)?weer\b"
        r"|\b(?:nog|weer)\s+een\s+(?:afwijzing|nee)\b",
    ),
    Rule(
        "overal_afgewezen", r"\boveral\s+(?:[\w'-]+\s+)?(?:afgewezen|geweigerd|buitengesloten|genegeerd|uitgelachen)\b"
    ),
    Rule("weer_iemand_anders", r"\bweer\s+(?:voor\s+)?iemand\s+anders\b"),
]

# What somebody else is imagined to have seen or thought: "ze zagen hoe zenuwachtig ik was", "ze denkt dat
# ik alleen maar op haar geld uit ben", "iedereen vindt dat ik het niet verdien".
SAW_OR_THOUGHT = one_of(
    r"(?:zag|zagen|ziet|zien|merkte|merkten|merkt|merken|voelde|voelden|wist|wisten|snapte|snapten|snapt|begreep|"
    r"begrepen|rook|roken|doorhad|doorhadden|doorheeft|doorhebben|doorzag|doorzagen|"
    r"(?:had|hadden|heeft|hebben)\s+(?:[\w'-]+\s+){0,3}?door)\s+(?:[\w'-]+\s+){0,2}?(?:hoe|dat\s+ik)\b",
    rf"{THINK}\s+(?:[\w'-]+\s+)?dat\s+(?:(?:ik|{MY})\b(?:{_gap(5)}|\s*){BAD_VERDICT}|ik\b(?:\s+[\w'-]+){{0,5}}?\s+"
    r"(?:niet|nie|geen|niks|niets|nooit|alleen\s+maar|maar\s+wat)\b)",
)
# What they are imagined to have done about the writer: "ze lachten me uit", "ze hebben een hekel aan mij".
REACTION = one_of(
    rf"lach\w*\s+(?:me|mij)(?:{_gap(2)}|\s+)uit\b",
    r"(?:me|mij)\s+(?:[\w'-]+\s+){0,2}?uit\s+te\s+lachen\b",
    r"lach\w*\s+zich\s+(?:[\w'-]+\s+){0,2}?(?:rot|slap|kriek|krom|dood|ongeluk|te pletter)\b",
    rf"(?:een\s+)?hekel\s+aan\s+(?:me|mij|{MY})\b",
    r"medelijden\s+(?:met|voor)\s+(?:me|mij)\b",
    r"(?:keek|keken|kijkt|kijken)\s+(?:me|mij)\s+(?:[\w'-]+\s+)?aan\s+(?:alsof|of)\b",
    rf"op\s+(?:me|mij|{MY}\s+[\w'-]+)\s+(?:[\w'-]+\s+)?neer(?:kijken|keken|kijkt|gekeken)?\b",
    # what their face must have done: "ze zaten met hun ogen te rollen bij mijn mail"
    rf"(?:rol\w*\s+met\s+(?:hun|zijn|haar)\s+ogen|met\s+(?:hun|zijn|haar)\s+ogen\s+(?:te\s+)?rol\w*)"
    rf"\s+(?:bij|om|over|toen)\s+(?:me|mij|{MY})\b",
    rf"(?:(?:ge)?lach\w*\s+om\s+(?:me|mij|{MY})|om\s+(?:me|mij|{MY}\s+[\w'-]+)\s+(?:ge)?lach\w*)\b",
)
# How they are imagined to stand towards the writer: "ze mogen me niet", "ze hebben me afgeschreven".
STANCE = one_of(
    r"(?:had|hadden|heeft|hebben)\s+(?:me|mij)\s+(?:[\w'-]+\s+){0,4}?door\b",
    r"(?:had|hadden|heeft|hebben)\s+(?:me|mij)\s+(?:[\w'-]+\s+){0,3}?"
    r"(?:afgeschreven|weggezet|doorgestreept|afgedaan|opgegeven)\b",
    rf"(?:moet|moeten|moest|moesten)\s+(?:niks|niets)\s+van\s+(?:me|mij|{MY}|ons)\b",
    rf"(?:is|zijn|was|waren)\s+(?:me|mij|{MY}\s+[\w'-]+)\s+(?:[\w'-]+\s+)?(?:zat|beu|spuugzat|kotsbeu)\b",
    r"(?:mag|mogen|mocht|mochten|moet|moeten|moest|moesten|wil|willen|wilde|wilden)\s+(?:me|mij)\s+"
    r"(?:[\w'-]+\s+){0,5}?niet\b",
    r"(?:ziet|zien|zag|zagen)\s+(?:me|mij)\s+(?:[\w'-]+\s+){0,2}?niet\s+zitten\b",
    r"(?:wil|willen|wilde|wilden)\s+(?:[\w'-]+\s+){0,2}?niet\s+met\s+(?:me|mij)\b",
    rf"(?:vind|vindt|vinden|vond|vonden)\s+(?:me|mij|{MY}\s+[\w'-]+)\s+(?:[\w'-]+\s+)?niet\s+"
    r"(?:leuk|goed|interessant|aardig|slim|geschikt|sterk)\b",
    r"(?:neemt|nemen|nam|namen)\s+(?:me|mij)\s+(?:[\w'-]+\s+)?niet\s+serieus\b",
    r"(?:me|mij|iemand\s+(?:als|zoals)\s+(?:ik|mij))\s+(?:[\w'-]+\s+)?(?:niet|nie|nooit)\s+serieus\s+"
    r"(?:nemen|neemt|nam|namen|genomen)\b",
    r"(?:had|hadden|hebben|heeft|praten|praatten|roddelen|roddelden)\s+(?:het\s+)?(?:[\w'-]+\s+)?over\s+(?:me|mij)\b",
    r"(?:heeft|hebben|had|hadden)\s+(?:[\w'-]+\s+)?geen\s+(?:interesse|zin|tijd)\s+"
    r"(?:in|voor|om\s+(?:[\w'-]+\s+){0,2}?met)\s+(?:me|mij)\b",
    # a verdict in the perfect: "ze hebben me vast te jong gevonden"
    rf"(?:had|hadden|heeft|hebben)\s+(?:me|mij|{MY}\s+[\w'-]+)(?:{_gap(3)}|\s*){BAD_VERDICT}\s+(?:gevonden|gezien)\b",
)

MIND_READING = [
    # "ze vonden me vast dom", "mijn manager vindt mijn ideeën naïef"
    Rule(
        "ze_vonden_me_dom",
        rf"{OTHER}{_gap(4)}(?:vind|vindt|vinden|vond|vonden|zie|"
        rf"ziet|zien|zag|zagen)\s+{ME}(?:{_gap(4)}|\s*){BAD_VERDICT}",
    ),
    # verb first: "volgens mij vonden ze me een raar figuur"
    Rule(
        "vonden_ze_me_dom",
        rf"\b{THINK}\s+(?:ze|zij|hij|iedereen|die(?:\s+[\w'-]+){{0,2}}|de(?:\s+[\w'-]+){{1,2}})\s+{ME}(?:{_gap(4)}|\s*)"
        rf"{BAD_VERDICT}",
    ),
    # subordinate clause, verb last: "omdat ze ze kinderachtig vinden"
    Rule(
        "dat_ze_me_dom_vinden", rf"{OTHER}\s+{ME}(?:{_gap(3)}|\s*){BAD_VERDICT}\s+(?:vind|vindt|vinden|vond|vonden)\b"
    ),
    Rule("ze_zagen_het_en_lachten", rf"{OTHER}{_gap(3)}(?:{SAW_OR_THOUGHT}|{REACTION})"),
    Rule("ze_mogen_me_niet", rf"{OTHER}{_gap(2)}{STANCE}"),
    # the thought put first: "ik ben te oud, dat hebben ze vast gedacht"
    Rule(
        "dat_hebben_ze_vast_gedacht",
        r"\b(?:dat|zo)\s+(?:hebben|heeft|hadden|had|dachten|dacht|vonden|vond|denken|denkt|vinden|vindt|zullen|zal)\s+"
        r"(?:ze|zij|hij|die|iedereen)\s+(?:[\w'-]+\s+)?(?:vast|zeker|waarschijnlijk|natuurlijk|ongetwijfeld|stiekem)\b",
    ),
    # sure of a mind they never heard: "hij denkt vast dat ik ..."
    Rule(
        "hij_denkt_vast_dat_ik",
        rf"{OTHER}\s+{THINK}\s+(?:nu\s+)?(?:vast|zeker|waarschijnlijk|duidelijk|natuurlijk|ongetwijfeld|stiekem)\s+"
        rf"(?:en zeker\s+)?(?:dat\s+)?(?:ik|me|mij|{MY})\b",
    ),
    # "ze haten me", "ze verveelden zich": main clauses negate after the verb, so not "ze haten me niet", "ze
    # verveelden zich helemaal niet"
    Rule(
        "ze_haten_me",
        rf"{OTHER}{_gap(3)}(?:haat|haten|haatte|haatten|veracht|verachten|minacht|minachten)\s+(?:me|mij)\b",
        tail_negation=True,
    ),
    Rule(
        "ze_vervelen_zich",
        rf"{OTHER}{_gap(3)}(?:verveelde|verveelden|verveelt|vervelen|ergerde|ergerden|ergeren|geïrriteerd|geërgerd)\b",
        tail_negation=True,
    ),
    Rule("dat_ze_me_haten", rf"{OTHER}\s+(?:me|mij)\s+(?:[\w'-]+\s+)?(?:haat|haten|haatte|haatten)\b"),
    Rule("dat_ze_me_uitlachen", rf"{OTHER}\s+(?:me|mij)\s+(?:[\w'-]+\s+)?(?:uitlachen|uitlachten|uitgelachen)\b"),
    Rule(
        "zaten_zich_te_vervelen", rf"{OTHER}\s+(?:zat|zaten|zit|zitten)\s+zich\s+(?:[\w'-]+\s+){{0,4}}?te\s+vervelen\b"
    ),
    Rule(
        "dat_ze_me_niet_mogen",
        rf"{OTHER}\s+(?:me|mij)\s+niet\s+(?:mag|mogen|mocht|mochten|moet|moeten|moest|moesten|zien zitten|zag zitten|"
        rf"zagen zitten|serieus nemen|willen)\b",
    ),
    Rule(
        "dat_ze_niet_met_me_willen",
        rf"{OTHER}\s+niet\s+met\s+(?:me|mij)\s+(?:[\w'-]+\s+)?(?:wil|willen|wilde|wilden)\b",
    ),
    Rule(
        "kijken_op_me_neer",
        rf"\b(?:kijk|kijkt|kijken|keek|keken)\s+(?!ik\b)(?:[\w'-]+\s+){{0,4}}?neer\s+op\s+(?:me|mij|{MY}|ons)\b",
    ),
    Rule("geven_niks_om_me", r"\b(?:niks|niets|geen\s+bal)\s+om\s+(?:me|mij)\s+(?:geeft|geven|gaf|gaven)\b"),
    # the verb first: "volgens mij ergert de maintainer zich aan mijn vragen"
    Rule(
        "ergeren_zich_aan_me",
        rf"\b(?:ergert|ergeren|ergerde|ergerden|irriteert|irriteren|stoort|storen)\s+(?:ze|zij|hij|die|iedereen|"
        rf"de\s+[\w'-]+|{MY}\s+[\w'-]+)\s+zich\s+(?:[\w'-]+\s+)?(?:aan|over)\s+(?:me|mij|{MY})\b",
    ),
    Rule(
        "niemand_mag_me",
        r"\bniemand\s+(?:[\w'-]+\s+)?(?:mag|moet|neemt|nam|respecteert|vertrouwt|wil|wilde|geeft om)\s+(?:me|mij)\b",
    ),
    Rule("niemand_die_me_wil", r"\bniemand\s+(?:me|mij)\s+(?:[\w'-]+\s+)?(?:wil|wilde|mag|mocht|moet|moest)\b"),
]

CONFIRMING_SELF_DOUBT = [
    Rule(
        "ik_kan_het_niet", r"\bik\s+kan\s+(?:[\w'-]+\s+){0,3}?(?:niet|nie|niks|niets|geen)\b(?!\s+(?:wachten|meer)\b)"
    ),
    Rule("dat_kan_ik_niet", r"\b(?:dat|dit|het)\s+kan\s+ik\s+(?:[\w'-]+\s+){0,2}?niet\b"),
    Rule(
        "kan_ik_het_niet", r"\bkan\s+ik\s+(?:het|dat|dit)\s+(?:[\w'-]+\s+){0,2}?(?:niet|nie)\b(?!\s+(?:meer|wachten)\b)"
    ),
    # "dom om te denken dat ik dit kon", "dat ik überhaupt dacht dat ik ...", "hoe kwam ik erbij"
    Rule(
        "dom_om_te_denken",
        r"\b(?:dom|stom|naïef|naief|belachelijk|dwaas|arrogant|idioot)\s+(?:van\s+(?:mij|me)\s+)?om\s+te\s+"
        r"(?:denken|geloven|verwachten)\b",
    ),
    Rule("dat_ik_ooit_dacht", r"\bdat\s+ik\s+(?:überhaupt|ooit|echt|nog)\s+(?:dacht|geloofde|verwachtte)\b"),
    Rule("hoe_kwam_ik_erbij", rf"\bhoe\s+(?:kwam|kom|haal|haalde)\s+ik\s+(?:het\s+)?(?:erbij|in\s+{MY}\s+hoofd)\b"),
    Rule("wie_denk_ik_wel_dat_ik_ben", r"\bwie\s+(?:denk|dacht)\s+ik\s+(?:wel\s+)?dat\s+ik\s+(?:ben|was)\b"),
    Rule("is_bewezen", r"\b(?:is|wordt|werd)\s+(?:[\w'-]+\s+){0,3}?bewezen\b"),
    Rule("dat_ik_het_niet_kan", r"\bik\s+(?:[\w'-]+\s+){0,3}?(?:niet|niks|niets)\s+kan\b"),
    Rule(
        "niet_goed_genoeg",
        r"\b(?:niet|nooit)\s+(?:[\w'-]+\s+)?(?:goed|slim|sterk|senior|interessant|getalenteerd|ervaren|creatief|"
        r"zelfverzekerd|knap|grappig|snel|jong|bijzonder)\s+genoeg\b",
    ),
    Rule("goed_genoeg_ben_ik_niet", r"\bgenoeg\s+ben\s+ik\s+(?:[\w'-]+\s+){0,2}?niet\b"),
    Rule(
        "ik_wist_het",
        r"\bik\s+wist\b(?=\s+(?:het\s+)?(?:(?:wel|al|toch|gewoon)\s+)?(?:dat\s+(?:ik|het|niemand|ze)\b|het\b))",
    ),
    Rule(
        "bewijst_het",
        r"\b(?:bewijst|bewees|bevestigt|bevestigde)\s+(?:het|dat|wel|maar|weer)\b|\bblijkt\s+(?:[\w'-]+\s+)?van niet\b",
    ),
    Rule(
        "wie_hield_ik_voor_de_gek",
        r"\bwie\s+(?:hield|hou|houd|hielden)\s+ik\s+(?:nou\s+)?voor\s+de\s+gek\b|\bwat\s+dacht\s+ik\s+wel\b",
    ),
    Rule(
        "had_het_nooit_moeten_proberen",
        r"\bhad\s+(?:ik\s+)?(?:[\w'-]+\s+){0,3}?(?:nooit|niet)\s+(?:[\w'-]+\s+){0,2}?moeten\s+(?:proberen|solliciteren|"
        r"vragen|zeggen|sturen|pitchen|posten|delen|insturen|beginnen|doen|reageren|aanbieden|opgeven|aanmelden|"
        r"inschrijven|indienen)\b",
    ),
    Rule(
        "had_mijn_mond_moeten_houden",
        rf"\bhad\s+(?:ik\s+)?(?:gewoon\s+|beter\s+)*{MY}\s+mond\s+(?:moeten|kunnen)\s+houden\b",
    ),
    Rule("waarom_deed_ik_moeite", r"\bwaarom\s+(?:deed|doe|dacht)\s+ik\s+(?:[\w'-]+\s+){0,2}?(?:moeite|dat\s+ik)\b"),
    # (from "ik", so the "niet" of "ik snap niet waarom ..." does not read as negating it)
    Rule("waarom_ik_dacht_dat_ik", r"(?<=\bwaarom )ik\s+(?:ooit\s+|ook\s+maar\s+|überhaupt\s+)?dacht\s+dat\s+ik\b"),
    # "ik heb er het talent niet voor", "ik heb de hersens er niet voor"
    Rule(
        "heb_het_talent_er_niet_voor",
        r"\b(?:heb|had)\s+(?:er\s+)?(?:het|de)\s+(?:talent|hersens|hersenen|capaciteiten|kwaliteiten)\s+(?:er\s+)?"
        r"(?:[\w'-]+\s+)?(?:niet|nie)\s+voor\b",
    ),
    Rule(
        "niet_voor_gemaakt", r"\b(?:niet|nooit)\s+(?:voor\s+)?(?:gemaakt|geschikt|gebouwd|bedoeld|in de wieg gelegd)\b"
    ),
    Rule("niks_voor_mij", r"\b(?:niks|niets)\s+voor\s+(?:mij|me)\b"),
    Rule("te_hoog_gegrepen", r"\bte\s+hoog\s+gegrepen\b|\bniet\s+(?:[\w'-]+\s+)?(?:tegen\s+)?opgewassen\b"),
    Rule(
        "niet_wat_ervoor_nodig_is",
        r"\b(?:heb|had)\s+(?:[\w'-]+\s+){0,2}?(?:niet|nie)\s+wat\s+(?:er\s*voor|daarvoor)\s+nodig\s+is\b",
    ),
    Rule(
        "geen_talent",
        r"\b(?:heb|had)\s+(?:[\w'-]+\s+){0,2}?(?:niet|nie)\s+genoeg\s+(?:talent|verstand|hersens)\b|\bgeen\s+talent\b",
    ),
    Rule("te_dom_voor", r"\bik\s+ben\s+(?:er\s+)?(?:[\w'-]+\s+)?te\s+(?:dom|stom|traag|onhandig)\s+(?:voor|om)\b"),
    Rule("slecht_in", rf"\bik\s+ben{_gap(2)}(?:slecht|waardeloos|hopeloos|onhandig|beroerd)\s+in\b"),
    # a label for one skill is a doubt about that skill: "ik ben een nul in presenteren"
    Rule("een_nul_in", rf"\bik\s+ben{_gap(2)}(?:een\s+)?(?:nul|ramp|kluns|prutser|sukkel)\s+(?:in|met)\s+[\w'-]+en\b"),
    Rule(
        "niet_goed_in",
        r"\bik\s+(?:[\w'-]+\s+)?(?:slecht|waardeloos)\s+ben\s+in\b"
        r"|\b(?:ik\s+ben|ben\s+ik)\s+(?:[\w'-]+\s+){0,3}?niet\s+(?:zo\s+)?goed\s+in\b",
    ),
    Rule("iemand_zoals_ik", r"\bik\s+heb\s+het\s+(?:gewoon\s+)?niet\s+in\s+me\b|\biemand\s+(?:zoals|als)\s+ik\b"),
    Rule(
        "geen_echte_schrijver",
        r"\bgeen\s+echte\s+[\w'-]+|\bgeen\s+(?:verkoper|schrijver|kunstenaar|ontwerper|leider|ondernemer|spreker|"
        r"fotograaf|muzikant|salesmens|salestype|presentator)\b",
    ),
]

# An attempt named, or a clause that is the decision alone: "Nooit meer een eigen nummer online",
# "geen pitches meer van mij".
_AN_ATTEMPT = Sign(rf"\b{ATTEMPT}\b|^\s*nooit\s+meer\b|\bmeer\s+(?:van|voor)\s+(?:mij|me)\b")

AVOIDANCE = [
    # "ik ga niet meer solliciteren", "ik pitch nooit meer", "ik stuur nergens meer iets in"; only about an attempt
    # of the writer's own ("ik weet het niet meer" is not avoidance)
    Rule(
        "niet_meer",
        rf"\b(?:niet|nie|nooit|nergens|niemand|niks|niets|geen(?:\s+[\w'-]+){{0,3}}?)\s+(?:eens\s+)?meer\b"
        rf"(?:\s+{ATTEMPT}\b)?",
        needs=_AN_ATTEMPT,
    ),
    # ("me opgeven voor een auditie" is signing up)
    Rule(
        "geef_het_op",
        rf"\bop\s+te\s+geven\b(?!\s+voor\b)|\bopgeven\b(?!\s+voor\b)|\bopgegeven\b(?!\s+voor\b)|\bgeef\w*{_gap(3)}op\b"
        r"(?!\s+voor\b)",
    ),
    # settling for the safe option: "ik blijf op mijn plek zitten", "ik hou het voortaan bij kleine klusjes"
    Rule(
        "blijf_op_mijn_plek",
        rf"\bblijf\w*\s+(?:[\w'-]+\s+){{0,3}}?(?:op\s+{MY}\s+(?:[\w'-]+\s+)?plek|"
        rf"(?:zitten\s+)?waar\s+ik\s+(?:zit|ben))\b",
    ),
    Rule("hou_het_bij", r"\b(?:hou|houd)\s+het\s+(?:voortaan\s+|maar\s+|gewoon\s+|wel\s+)*bij\b"),
    # "ik vraag het niet eens"
    Rule("vraag_het_niet_eens", rf"\b{ATTEMPT}\s+(?:het\s+|dat\s+)?(?:niet|nie)\s+eens\b"),
    Rule(
        "hou_ermee_op",
        r"\b(?:hou|houd|houden|hield)\s+(?:er\s*mee|ermee)\s+op\b|\b(?:hou|houd)\s+op\s+met\b|\bophouden\s+met\b"
        r"|\bstop\w*\s+(?:ermee|met)\b|\bkap\w*\s+ermee\b|\bklaar\s+mee\b|\bklaar\s+met\s+(?:het|dit|dat|[\w'-]+en)\b",
    ),
    Rule("hou_het_voor_me", rf"\b(?:hou|houd|houden){_gap(3)}voor\s+(?:me|mij|mezelf|mijzelf)\b"),
    Rule("hou_mijn_mond", rf"\b(?:hou|houd)\s+(?:(?!{NEG}\b)[\w'-]+\s+){{0,4}}?{MY}\s+mond\b"),
    Rule(
        "blijf_thuis",
        r"\bblijf\w*\s+(?:[\w'-]+\s+){0,2}?thuis\b|\bblijf\w*\s+(?:[\w'-]+\s+){0,2}?weg\s+(?:van|bij|uit)\b",
    ),
    Rule("sla_het_over", rf"\bsla\w*{_gap(3)}over\b|\boverslaan\b"),
    Rule("trek_me_terug", rf"\btrek\w*\s+(?:me|mij){_gap(1)}terug\b|\bterugtrekken\b"),
    Rule(
        "laat_het_aan_anderen_over",
        r"\blaat\s+(?:[\w'-]+\s+){1,3}?over\s+aan\b|\blaat\s+(?:het\s+|dat\s+)?iemand\s+anders\b",
    ),
    Rule("laat_het_voorbijgaan", r"\blaat\s+(?:[\w'-]+\s+){0,4}?(?:voorbijgaan|voorbij\s+gaan|schieten)\b"),
    # stepping out: "ik haak af", "ik zie ervan af", "ik haal mijn site offline", "profiel op inactief"
    Rule(
        "haak_af", r"\bhaak\s+(?:[\w'-]+\s+){0,2}?af\b|\bafhaken\b|\bzie\s+(?:[\w'-]+\s+){0,2}?(?:ervan|er van)\s+af\b"
    ),
    Rule(
        "haal_het_offline",
        r"\b(?:haal|haalt|halen)\s+(?:[\w'-]+\s+){0,3}?offline\b|\boffline\s+(?:halen|gehaald)\b"
        r"|\b(?:zet|zette)\s+(?:[\w'-]+\s+){0,3}?op\s+(?:inactief|privé|prive)\b"
        r"|\bop\s+(?:inactief|privé|prive)\s+zetten\b",
    ),
    # waiting to be asked instead of asking: "ik wacht voortaan tot ze mij vragen"
    Rule(
        "wacht_tot_ze_mij_vragen",
        r"\bwacht\w*\s+(?:[\w'-]+\s+){0,3}?(?:tot|totdat)\s+(?:ze|zij|hij|iemand|anderen|mensen)\s+(?:mij|me)\s+"
        r"(?:[\w'-]+\s+)?(?:vragen|vraagt|benaderen|benadert|uitnodigen|uitnodigt|appen|appt|bellen|belt)\b",
    ),
    Rule("gooi_het_weg", rf"\bgooi\w*\s+(?:[\w'-]+\s+){{0,2}}?weg\b|\bverwijder\w*\s+{MY}\b"),
    Rule("laat_het_erbij", r"\blaat\s+(?:(?:het|dat|dit)\s+)?(?:er\s+)?(?:maar\s+)?(?:bij|zitten|rusten|varen)\b"),
    # "ik hou me voortaan gedeisd", "ik trek mijn aanvraag in", "ik ga niet meer naar die borrels"
    Rule(
        "hou_me_gedeisd",
        rf"\b(?:hou|houd|houden|blijf|blijven)\s+(?:(?!{NEG}\b)[\w'-]+\s+){{0,4}}?(?:gedeisd|koest|stil|"
        r"stilletjes|op de achtergrond)\b",
    ),
    Rule(
        "trek_mijn_aanvraag_in",
        rf"\btrek\w*\s+(?:{MY}|de|het)\s+(?:[\w'-]+\s+)?(?:aanvraag|sollicitatie|kandidatuur|inzending|voorstel|"
        r"aanmelding|naam)\s+(?:[\w'-]+\s+){0,2}?in\b|\bintrekken\b",
    ),
    Rule("ga_niet_meer_naar", r"\b(?:ga|gaan|kom|komen)\s+(?:niet|nie|nooit)\s+meer\s+naar\b"),
    Rule("hoeft_niet_meer", r"\bhoeft\s+(?:het|dat)\s+(?:[\w'-]+\s+)?(?:niet|nie)\s+meer\b"),
    Rule("waarom_zou_ik_nog", r"\bwaarom\s+zou\s+ik\s+(?:het\s+)?(?:nog|überhaupt)\b"),
    Rule(
        "heeft_geen_zin",
        r"\b(?:heeft|had)\s+(?:het\s+)?(?:nog\s+)?(?:geen|gene|genen|weinig)\s+zin\b"
        r"|\bwat heeft het (?:nog )?voor zin\b|\bgeen zin meer\b",
    ),
]

LABELLING = [
    # not "ik ben er te dom voor": that doubts one ability
    Rule(
        "ik_ben_een_mislukkeling",
        rf"\bik\s+ben{_gap(4)}(?<!\bte )(?:mislukkeling|mislukking|"
        rf"loser|looser|idioot|sukkel|grap|oplichter|nul|prutser|"
        r"schande|"
        r"sufferd|kluns|nietsnut|faalhaas|nobody|ramp|waardeloos|"
        r"waardeloze|nutteloos|zielig|dom|stom|hopeloos|talentloos|"
        r"talentloze)\b(?!\s+(?:in|met)\s+[\w'-]+en\b)",
    ),
    Rule(
        "wat_een_sukkel",
        r"\bwat\s+(?:een|ben\s+ik\s+(?:toch\s+)?een)\s+(?:[\w'-]+\s+)?(?:sukkel|"
        r"loser|idioot|mislukkeling|prutser|sufferd|"
        r"kluns|grap)\b",
    ),
]

CATASTROPHISING = [
    Rule(
        "mijn_carriere_is_voorbij",
        rf"\b{MY}\s+(?:hele\s+)?(?:carrière|carriere|loopbaan|leven|reputatie|toekomst|kansen?|carrièreplan|bedrijf|"
        r"zaak|onderzoek|onderzoekslijn)\s+(?:is|zijn|was)\s+"
        r"(?:[\w'-]+\s+)?(?:voorbij|verpest|kapot|naar de knoppen|om zeep|verwoest)\b",
    ),
    Rule(
        "het_is_voorbij",
        r"\b(?:is|zijn)\s+(?:[\w'-]+\s+)?naar de knoppen\b|\b(?:het|alles|dit)\s+is\s+(?:[\w'-]+\s+)?voorbij\b",
    ),
    Rule("ramp", r"\b(?:ramp|rampen|catastrofe|drama|nachtmerrie)\b"),
    Rule(
        "einde_van_de_wereld",
        rf"\beinde\s+van\s+(?:de wereld|{MY} carrière|alles)\b|\b(?:is|was|betekent){_gap(2)}het einde\b",
    ),
    Rule("eindig_alleen", r"\beindig\w*\s+(?:[\w'-]+\s+){0,2}?alleen\b|\bop straat\b"),
    Rule("failliet", r"\bfailliet\b|\bten onder\b|\bin duigen\b|\bin puin\b|\baan diggelen\b"),
    Rule("gaat_eraan", rf"\b(?:gaat|gaan)\s+(?:{MY}\s+)?(?:[\w'-]+\s+){{0,3}}?(?:eraan|over de kop)\b"),
    Rule("raak_alles_kwijt", r"\b(?:raak|raakt|raken|verlies|verliest|verliezen)\s+(?:[\w'-]+\s+){0,5}?kwijt\b"),
    Rule("alles_kwijt", rf"\b(?:alles|al\s+{MY}\s+[\w'-]+|{MY}\s+(?:baan|huis|vrienden|carrière|reputatie))\s+kwijt\b"),
    Rule("weggegooid", r"\bweggegooid\b|\bvergooid\b"),
    Rule("alles_is_verpest", r"\b(?:is|zijn)\s+(?:[\w'-]+\s+){0,3}?verpest\b|\balles\s+(?:is\s+)?verpest\b"),
    Rule(
        "kom_er_nooit_overheen",
        r"\bnergens\s+meer\s+aan\s+de\s+bak\b|\bkom\w*\s+(?:[\w'-]+\s+)?nooit\s+(?:meer\s+)?(?:overheen|te boven)\b",
    ),
    Rule("ik_ben_klaar", r"\b(?:ben ik|ik ben)\s+(?:helemaal\s+)?klaar\b(?!\s+(?:met|mee|voor|om)\b)"),
]

FORTUNE_TELLING = [
    Rule(
        "zal_nooit",
        rf"\b(?:zal|zullen|zult|ga|gaat|gaan)\b(?:\s+(?!{NEG}\b)[\w'-]+){{0,4}}?\s+(?:nooit|ooit|nergens)\b",
    ),
    Rule(
        "krijg_nooit_meer",
        r"\b(?:vind|vindt|krijg|krijgt|word|wordt|kom|komt|lukt)\s+(?:ik\s+|het\s+)?(?:[\w'-]+\s+)?"
        r"(?:nooit|nergens)\s+meer\b",
    ),
    Rule("wordt_nooit_wat", r"\bwordt\s+(?:toch\s+)?(?:nooit|niks|niets)\s+(?:wat|meer)\b"),
    Rule(
        "gaan_nee_zeggen",
        r"\b(?:gaat|gaan|zal|zullen)\s+(?:[\w'-]+\s+){0,3}?(?:nee\s+zeggen|"
        r"afwijzen|mislukken|niks\s+worden|niets\s+worden|"
        r"tegenvallen|negeren|misgaan|mis\s+gaan|fout\s+gaan)\b",
    ),
    Rule("zeggen_weer_nee", r"\b(?:zegt|zeggen|zeg)\s+(?:[\w'-]+\s+){0,3}?(?:ook|weer)\s+nee\b"),
    Rule("wijzen_me_toch_af", r"\bwijz\w*\s+(?:me|mij|het)\s+(?:toch|vast|ook|weer)\s+(?:[\w'-]+\s+)?af\b"),
    Rule("eindig_nog", r"\beindig\w*\s+nog\b"),
    # the present tense as a prediction: "ik krijg die beurs nooit", "ik kom nooit door die auditie",
    # "ik vind nooit een band", "... nooit, ook niet volgend jaar"
    Rule(
        "krijg_die_nooit", r"\b(?:krijg|haal|win|vind)\s+(?:ik\s+)?(?:die|deze|dat|dit)\s+(?:[\w'-]+\s+){1,2}?nooit\b"
    ),
    Rule(
        "kom_nooit_door_die",
        r"\b(?:kom|krijg|haal)\s+(?:ik\s+)?nooit\s+(?:door|in|langs|bij|aan)?\s*(?:die|deze|dat|dit)\b",
    ),
    Rule("vind_nooit_een", r"\bvind\s+(?:ik\s+)?nooit\s+(?:een|iemand)\b"),
    Rule(
        "ook_niet_volgend_jaar",
        r"\bnooit\b[^.!?\n]{0,50}?\book\s+niet\s+"
        r"(?:volgend|volgende|in\s+de\s+volgende|bij\s+de\s+volgende|straks|later|over)\b",
    ),
    # "toch" as a prediction: "er komt toch niemand", "ze zeggen toch nee", "ze kiezen toch weer iemand anders"
    Rule(
        "toch_niemand",
        r"\b(?:komt|komen|zegt|zeggen|wordt|worden|kiest|kiezen|neemt|nemen)\b(?:\s+(?:er|ze|zij|hij|het|dat|me|mij))?"
        r"\s+toch\s+(?:weer\s+|ook\s+)?(?:niemand|niks|niets|nee|iemand\s+anders)\b",
    ),
]

PERSONALISING = [
    Rule("mijn_schuld", rf"\b{MY}\s+schuld\b"),
    Rule("door_mij", rf"\bdoor\s+(?:mij|{MY}\s+[\w'-]+)\b(?!\s+heen)"),
    Rule("doordat_ik", r"\bdoordat\s+ik\b|\bkomt\s+door\s+mij\b"),
    Rule("ligt_aan_mij", rf"\b(?:ligt|lag)\s+(?:het\s+|dat\s+)?(?:(?!{NEG}\b)[\w'-]+\s+){{0,2}}?aan\s+(?:mij|me)\b"),
    Rule(
        "voor_iedereen_verpest",
        r"\b(?:heb|had)\s+(?:[\w'-]+\s+){0,3}?voor\s+(?:iedereen|het\s+(?:hele\s+)?team|ons\s+allemaal|hen)\s+"
        r"(?:verpest|verknald|bedorven)\b",
    ),
    Rule("erger_gemaakt", r"\b(?:erger|slechter)\s+gemaakt\b"),
    Rule(
        "als_ik_had",
        r"\bals\s+ik\s+(?:[\w'-]+\s+){0,3}?(?:was|had)\s+(?:[\w'-]+\s+)?(?:geweest|gedaan)\s*,?\s+(?:had|was|hadden)\b",
    ),
    Rule("iets_verkeerd_gedaan", r"\bik\s+heb\s+(?:[\w'-]+\s+)?iets\s+(?:verkeerd|fout)\s+(?:gedaan|gezegd)\b"),
    Rule("iedereen_teleurgesteld", r"\b(?:het\s+team|iedereen)\s+(?:[\w'-]+\s+)?(?:teleurgesteld|laten zakken)\b"),
]

SHOULD_STATEMENTS = [
    Rule("had_moeten", rf"\bhad{_gap(4)}moeten\b"),
    Rule("zou_moeten", rf"\bzou{_gap(6)}moeten\b"),
    Rule("moet_altijd", r"\b(?:moet|mag)\s+(?:ik\s+)?(?:[\w'-]+\s+)?(?:altijd|nooit|perfect)\b"),
    Rule(
        "moet_sterker_zijn",
        r"\bik\s+moet\s+(?:[\w'-]+\s+){0,4}?(?:overheen|sterker|beter|slimmer|verder)\s+(?:zijn|kunnen|weten)\b",
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

DUTCH = Grammar(
    scanners=scanners(RULES, shared_start=OTHER),
    # (One word boundary before all the words: it is tested at every character, so once rather than per word.)
    clause_break=re.compile(
        r"[.!?;:\n…,()\[\]]+|\s-+\s|\b(?:(?:echter|hoewel|terwijl)\b"
        # "maar" joins clauses, except as a particle inside one: "ze vonden het maar niks", "ik laat het maar"
        r"|maar\b(?!\s+(?:niks|niets|een|wat|even|weer|gewoon|eens|zo|raak|goed|beter|liever|weinig|half|net)\b)"
        r"|(?:en|dus|of|toen|want)\b(?=\s+(?:ik|'k|k|ze|zij|hij|het|'t|we|wij|je|jij|nu|dan|dat|dit)\b))"
    ),
    sentence_break=re.compile(r"[.!?;\n…]+"),
    negator=re.compile(r"niet|geen"),
    determiner=re.compile(r"een|de|het|'t|zo'n|zon"),
    negation_after=re.compile(r"(?:\s+[\w'-]+){0,2}?\s+niet\b(?!\s+(?:meer|eens|alleen|zo)\b)"),
    negating_frame=Sign(
        r"\b(?:denk|geloof|vind|weet|zeg|verwacht|dacht|geloofde)\s+(?:ik\s+)?(?:echt\s+|heus\s+|helemaal\s+|"
        r"eigenlijk\s+)?niet\s+(?:dat|of|echt)\b"
        r"|\b(?:betekent|bewijst|zegt|wil)\s+(?:nog\s+|toch\s+|echt\s+|helemaal\s+)?niet\s+(?:dat|zeggen)\b"
        r"|\bniet\s+(?:waar|zo)\s+dat\b|\b(?:is|klopt)\s+(?:het\s+)?niet\s+(?:zo\s+|waar\s+)?dat\b"
        r"|\bgeen\s+(?:reden|bewijs|idee of|sprake van)\b|\btwijfel\b|\bwat als\b|\bniet van plan\b"
        r"|\b(?:dacht erover|dacht eraan|overwoog|wilde eigenlijk|had zin om|stond op het punt)\b"
        r"|\bbijna\b(?!\s+(?:zeker|honderd))"
        r"|\b(?:vroeger|eerst|ooit)\s+dacht\s+ik\b|\bdacht\s+ik\s+(?:vroeger|eerst)\b"
    ),
    reported=Sign(
        r"(?<!\bik )\b(?:zei|zeiden|zegt|zeggen|gezegd|schreef|schreven|geschreven|vertelde|vertelden|verteld|noemde|"
        r"noemden|antwoordde|mailde|appte|liet weten|gaf aan)(?:\s+(?:altijd|steeds|vaak|weleens|ooit)\b|"
        r"(?!(?:\s+[\w'-]+){0,2}\s+(?:nee|ja)\b)"  # "zeggen ze nee" is the no itself, not a report
        rf"(?:\s+(?:me|mij|ons))?\s+(?:dat|ze|zij|hij|ik|het|{MY}|de)\b)"
    ),
    writer=Sign(rf"\b(?:ik|me|mij|mezelf|mijzelf|we|wij|ons|onze|{MY}(?!\s+{PERSON}\b))\b|(?:^|(?<=\s))'?k\b"),
    person=re.compile(
        rf"(?P<someone>\b(?:hij|ie|(?:zij|ze)(?=\s+(?!(?:[\w'-]+en|zijn|gaan|staan|doen|zien|slaan)\b)[\w'-]+)"
        rf"|(?:de|het|{MY}|onze|ons|zijn|haar|hun)\s+(?:[\w'-]+\s+)?{PERSON})\b)"
        r"|(?P<writer>\b(?:ik|we|wij)\b|(?:^|(?<=\s))'?k\b)"
        r"|(?P<others>\b(?:ze|zij|mensen|iedereen|men)\b)"
    ),
    impersonal=Sign(rf"\b(?:het|'t|dit|dat|alles|niets|niks|niemand|elk|elke|ieder|iedere|er|{MY}|onze)\b"),
    # "zou(den)" too: "die zouden mij nooit aannemen" is a guess, not a pattern seen
    future=Sign(rf"\b(?:zal|zullen|zult|zou|zouden|volgende keer|straks)\b|{GOING_TO}"),
    attributed=Sign(
        rf"(?:\b(?:ze|zij|hij|iedereen|mensen)|\b{PERSON})(?:\s+[\w'-]+){{0,2}}?\s+"
        rf"(?:denkt|denken|dacht|dachten|vindt|vinden|vond|vonden)\s+(?:[\w'-]+\s+)?dat\s+(?:ik|{MY})\b"
    ),
    positive=Sign(
        r"\b(?:beter|rustiger|leer|leert|leren|geleerd|sterker|dapperder|makkelijker|verbeter\w*|groei\w*|trots|"
        r"nuttig|nuttige|waardevol|waardevolle|bruikbaar|bruikbare|leerzaam|fijn|leuk|prettig|heerlijk|dichterbij|"
        r"dichter bij|(?:dat|het) helpt)\b"
    ),
    rhetorical_question=re.compile(
        r"\s*(?:(?:en|maar|pff+|jeetje|serieus|echt)\W*\s+)*(?:waarom|wrm|hoe|wie|wat|hoezo)\b"
        r"|.*\b(?:toch|hè|he|niet dan|of niet)\W*$"
    ),
    reported_after=Sign(
        r"[,;:-]\s*(?:(?:dat|zo)\s+)?(?:zei|zegt|zeiden|zeggen|schreef|schreven|vertelde|vertelden|mailde|appte)\s+"
        r"(?:hij|ze|zij|die|de\s+[\w'-]+)\b"
    ),
    unsure_after=Sign(r"\s(?:weet|snap)\s+ik\s+(?:nog\s+|eigenlijk\s+|echt\s+)?(?:niet|nie)\s*$"),
    passing_thought=Sign(r"\b(?:even|eventjes|heel even|eerst)\s+dacht\s+ik\b|\bdacht\s+ik\s+(?:even|eerst)\b"),
    routine=Sign(
        rf"\b(?:op|elke|iedere)\s+(?:{WEEKDAYS}|weekend|zondagen)\b|(?<![\w'])'s\s+(?:ochtends|avonds|morgens)\b"
        # "ik zet altijd een wekker op de dag van een gesprek", "de avond ervoor", "voordat ik ga pitchen"
        r"|\bop\s+de\s+(?:dag|avond|ochtend)\s+(?:van|voor)\b|\bde\s+(?:avond|dag|ochtend)\s+(?:ervoor|van\s+tevoren)\b"
        r"|\bvoordat\s+ik\b|\btijdens\s+de\s+(?:lunch|pauze)\b"
    ),
    group_subject=re.compile(
        # "bevorderingen duren hier altijd eeuwen", "offertes worden daar altijd laat bekeken"
        r"\s*(?:de\s+|die\s+|deze\s+|alle\s+|veel\s+|zulke\s+)?(?!(?:ze|zij|we|wij|jullie|mensen)\b)"
        r"[a-zë]+(?:en|s|'s)\s+(?:(?:van|voor|bij|in|op|met|uit)\s+(?:[\w'-]+\s+){1,3}?)?"
        r"(?:(?:hier|daar|altijd|nooit|steeds|meestal|vaak|ook|gewoon|echt)\s+)*"
        r"(?:zijn|waren|worden|werden|duren|duurden|lopen|liepen|gaan|gingen|komen|kwamen|hebben|hadden|blijven|kosten|"
        r"staan|liggen|zitten|vallen|kunnen|moeten|willen|mogen|reageren|beginnen|verlopen|krijgen)\b"
        # "niemand in de band heeft ooit ...", "iedereen uit mijn jaar ...", "elke kandidaat krijgt ..."
        r"|\s*(?:niemand|iedereen|geen\s+van)\s+(?:in|uit|op|van|bij)\s+(?:de|het|mijn|m'n|ons|onze|dit|dat|die|deze)\b"
        r"|\s*(?:elke|iedere|alle)\s+(?:kandida\w+|sollicitant\w*|student\w*|deelnemer\w*|aanvrager\w*|inzender\w*)"
    ),
    myself=Sign(rf"\b(?:ik|me|mij|mezelf|mijzelf|{MY})\b|(?:^|(?<=\s))'?k\b"),
    name_stand_in="hij",
    name_follower=NAME_FOLLOWER,
    not_names=NOT_NAMES,
)
