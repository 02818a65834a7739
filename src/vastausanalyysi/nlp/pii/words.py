"""What the name masker knows about one word form (:class:`WordInfo`), from Voikko's readings,
the team-written name lists and the context words of :mod:`vastausanalyysi.nlp.pii.names`."""

from __future__ import annotations

import copy
import re
from functools import lru_cache

from vastausanalyysi.nlp.pii.names import (
    ADVERB_FORMS,
    AREA_HEADS,
    ASK_FROM_VERBS,
    ASK_VERBS,
    BOOK_VERBS,
    BRAND_FIRST_NAMES,
    BRAND_HEADS,
    BRAND_SERVICES,
    CARE_NOUNS,
    CREW_NOUNS,
    DOCUMENT_NOUNS,
    ENGLISH_TITLES,
    FAMILY_NOUNS,
    FOREIGN_BEFORE_NAME,
    FOUNDATION_HEADS,
    GATHERING_NOUNS,
    GREETINGS,
    HEAR_VERBS,
    HELP_NOUNS,
    INFO_NOUNS,
    INSTITUTION_HEADS,
    KIN_NOUNS,
    KNOW_NOUNS,
    LEAVE_NOUNS,
    LED_HEADS,
    MEET_VERBS,
    MIDDLE_NAMES,
    NAME_PARTICLES,
    NAMED_AFTER,
    OPINION_NOUNS,
    PERSON_AFTER,
    PERSON_NOUNS,
    PERSON_ONLY_VERBS,
    PERSON_PREDICATES,
    PERSON_VERBS,
    PLACE_HEADS,
    PLURAL_ORGANISATIONS,
    SELF_WORDS,
    SEND_VERBS,
    SPEECH_VERBS,
    SUPERLATIVE_PREDICATES,
    SYSTEM_NAMES,
    TALK_VERBS,
    TELL_VERBS,
    THINK_VERBS,
    TITLE_ABBREVIATIONS,
    TITLES,
    TRUST_VERBS,
    UNIT_HEADS,
    WEAK_VERBS,
    ends_with,
    fold,
    foreign_names,
    is_place_head,
    is_title,
    municipalities,
    name_lists,
)
from vastausanalyysi.nlp.pii.spelling import (
    FIRST,
    NO_UMLAUTS,
    ORG,
    PLACE,
    PROPER,
    SUR,
    brand_form,
    known_place_form,
    listed_bases,
    ordinary_with_umlauts,
    outer_first,
    spoken_ending,
    spoken_past,
    title_case,
    with_umlauts,
    without_clitic,
)
from vastausanalyysi.nlp.typos import general_frequencies
from vastausanalyysi.nlp.voikko import VoikkoAnalyzer
from vastausanalyysi.text import non_answer_words

ADJECTIVE = {"laatusana", "nimisana_laatusana"}
APOSTROPHE_NAME = re.compile(r"[OoDd]['’][^\W\d_]{2,}")
# "J-P", "A-K": initials of a double first name
INITIALS = re.compile(r"[A-ZÅÄÖ]-[A-ZÅÄÖ]")


@lru_cache(maxsize=1)
def _organisations() -> frozenset[str]:
    from vastausanalyysi.nlp.lexicon import default_entries

    return frozenset(e.lemma.lower() for e in default_entries())


RARE = 3  # fewer occurrences in the general lemma frequency list (data/wordfreq.tsv)
LEAVE_CASES = {"ulkoolento", "ulkotulento", "ulkoeronto"}

# endings of unknown words that tell a case a title before them may agree with
_ENDING_CASES = (
    ("iin", "sisatulento"), ("lle", "ulkotulento"), ("lta", "ulkoeronto"), ("ltä", "ulkoeronto"),
    ("lla", "ulkoolento"), ("llä", "ulkoolento"), ("ia", "osanto"), ("iä", "osanto"),
    ("n", "omanto"),
)  # fmt: skip


def _ending_cases(form: str) -> set[str]:
    form = without_clitic(form, 2)  # "Shirinillekin": the allative
    return next(({case} for end, case in _ENDING_CASES if form.endswith(end)), set())


def _first_name_bases(form: str, bases: set[str]) -> set[str]:
    """The bases of ``form`` that may be a first name: a first name in -i keeps its i when
    inflected ("Lumin", "Tuulille"), so "Lumen", "tuulelle" are forms of the nouns lumi, tuuli
    (a surname in -i does not keep it: "Kiven", "Niemelle")."""
    lower = form.lower()
    return {b for b in bases if not b.endswith("i") or lower.startswith(b.lower())}


class WordInfo:
    """What the masker knows about one word form."""

    __slots__ = (
        "abbr_title", "adjective_name", "adverb", "after", "after_title", "agent", "answer", "area",
        "ask", "ask_from", "attend", "attribute", "bare_noun", "booked", "brand", "brand_name",
        "care", "cases",
        "collab",
        "common", "contact", "contact_verb", "crew", "document", "done", "family", "family_own",
        "finite", "first", "foundation", "gathering", "get", "head", "heading", "hear", "help",
        "house", "info_noun", "initial", "initials", "institution", "kin", "know", "leave",
        "listed", "ma_inessive", "meet", "meeting", "middle", "name", "name_bases", "named",
        "negation", "noun", "olla", "opinion_noun", "org", "own_first", "participle", "particle",
        "person_noun",
        "person_only", "person_predicate", "person_verb", "phone_illative", "place", "plural",
        "possessive", "rare_first", "role", "said", "self_word", "send", "sent", "service", "shape",
        "singular", "speech_verb", "starts", "strong", "strong_verb", "suffix", "surname", "talk",
        "tell", "thanks", "think", "title", "title_cases", "told", "town", "trust",
        "umlauts_left_out", "unit", "unknown", "verb", "visit",
    )  # fmt: skip

    def __init__(self, word: str, analyzer: VoikkoAnalyzer):
        if len(word) > 1 and word.isupper():
            self.shape = "caps"
        elif word[0].isupper():
            self.shape = "title"
        else:
            self.shape = "lower"
        form = title_case(word) if self.shape == "caps" else word
        analyses = list(analyzer.analyze(form))
        if self.shape != "title":
            analyses += analyzer.analyze(word.lower())
        if not analyses and NO_UMLAUTS.fullmatch(form):
            form, analyses = with_umlauts(form, analyzer, self.shape != "title")
        if not analyses and self.shape == "title":
            form, analyses = spoken_ending(form, analyzer)
        hyphen_parts = word.split("-")
        capital_parts = len(hyphen_parts) > 1 and all(p[:1].isupper() for p in hyphen_parts)
        if any(a.get("PERSON") in ("1", "2") for a in analyses):
            # "Toivomme", "Annamme" (we hope, we give) are no "Toivo", "Anna" with a possessive
            # suffix ("our Toivo"), nor looked up as one
            analyses = [a for a in analyses if not a.get("POSSESSIVE")]
        proper = [a for a in analyses if a.word_class in PROPER]
        common = [
            a for a in analyses
            if a.word_class not in PROPER and not (capital_parts and "-" in a.baseform)
        ]  # fmt: skip
        lists = name_lists()
        firsts, surnames = lists.get("first", frozenset()), lists.get("surname", frozenset())
        bases = listed_bases(form, analyses)
        classes = {a.word_class for a in proper}
        self.initial = len(word) == 1 and word.isupper()
        self.initials = bool(INITIALS.fullmatch(word))
        self.unknown = not analyses and not self.initials
        listed_firsts = _first_name_bases(form, bases) & firsts
        # a first name Voikko reads as an ordinary word in an outer local case: "Oksanalle"
        outer = "" if proper or self.shape == "lower" else outer_first(form, firsts)
        if outer:
            listed_firsts = listed_firsts | {title_case(form[: -len(outer)])}
        surname = SUR in classes or bool(bases & surnames)
        self.listed = bool(listed_firsts) or bool(bases & surnames)  # a common name of our lists
        # "Yilmazin": other languages (Faker); typed in lower case only in the allative, the
        # case of thanks ("kiitos yousefille"; a lower-case "simin", "mie" is no name)
        if self.unknown and (self.shape != "lower" or word.endswith("lle")):
            foreign = foreign_names()
            folded = bases | {fold(b) for b in bases}  # "Phạm", "Siobhániin"
            listed_firsts |= _first_name_bases(form, folded) & foreign["first"]
            surname = surname or bool(folded & foreign["surname"])
        self.first = FIRST in classes or bool(listed_firsts) or self.initials
        self.org = _is_org(analyses, word, bases)
        double = capital_parts and not (self.first or surname) and _all_names(word, analyzer)
        surname = surname or double  # "Koski-Mäkelä", read by Voikko as a place
        self.surname = surname
        # a listed surname in -nen is not a place (Voikko reads "Nieminen" as one), nor a double
        # first name of listed names (Voikko reads "Ella-Maria" also as a partitive of a place)
        # (but "Salosta" is also the elative of the town Salo, as Voikko reads it: a place)
        nen_surname = any(
            base.lower().endswith("nen") for base in bases & surnames
        ) and not _place_reading(analyses)
        self.place = PLACE in classes and not (
            nen_surname
            or double
            # "Ella-Maria", "Mäki-Kuusela": each part a listed name (Voikko reads a place too)
            or (
                capital_parts
                and (FIRST in classes or SUR in classes)
                and _all_names(word, analyzer)
            )
            or _first_not_place(form, proper)
        )
        # a place the region resolver knows that Voikko does not ("Lovisa", Loviisa in Swedish),
        # also in a Finnish case ("Lovisassa", "Ekenäsin", "Kyrkslättissä")
        # ("Lahtista" is Lahtinen's, not "Lahti" with an ending)
        resolved = not self.place and not nen_surname and known_place_form(form)
        self.place = self.place or resolved
        self.common = bool(common) or self.initials
        self.town = self.place and (bool(bases & municipalities()) or resolved)  # "Lahti", "Salo"
        # "Sibelius-lukio", "Agricola-päivä"; "Kalevala-päivän" also when Voikko reads a first
        # name in it: a day, building or organisation named after someone
        if (
            len(hyphen_parts) > 1
            and not capital_parts
            and (
                not (FIRST in classes or SUR in classes)
                or any(is_place_head(a.baseform) for a in common if "-" in a.baseform)
            )
        ):
            self.first = surname = False
        apostrophe = bool(APOSTROPHE_NAME.fullmatch(hyphen_parts[0]))
        self.name = (self.first or surname or apostrophe) and not self.org
        # a name as typed that is an ordinary word with its umlauts put back ("mika" mikä, "kay"
        # käy, "lisaa" lisää; see ``typed_without_umlauts``); a non-answer ("EOS") is no name
        self.umlauts_left_out = (
            self.name
            and form == (title_case(word) if self.shape == "caps" else word)
            and NO_UMLAUTS.fullmatch(word) is not None
            and ordinary_with_umlauts(word, analyzer)
        )
        if self.umlauts_left_out and word.lower() in non_answer_words():
            self.name = False
        self.strong = self.name and (apostrophe or not (self.common or self.place))
        # the names this word may be a form of ("Kosken" -> Koski): a full name masked in the same
        # text makes the word alone that person (``masker``)
        self.name_bases = (
            frozenset(
                {title_case(a.baseform) for a in proper if a.word_class in {FIRST, SUR}}
                | listed_firsts
                | (bases & surnames)
            )
            if self.name
            else frozenset()
        )
        in_nen = bool(common) and all(
            a.word_class in ADJECTIVE and a.baseform.endswith("nen") for a in common
        )
        self.adjective_name = self.name and not self.place and in_nen
        # a rare adjective in -inen ("mäkinen", "koskinen") is no evidence against a surname;
        # a demonym ("karjalainen", "hämäläinen", a noun too) is: "Karjalainen piirakka"
        # ("virolaisia", "savolainen kollega": a demonym Voikko reads only as an adjective is
        # no surname in lower case or the plural)
        demonym = all(a.baseform.endswith(("lainen", "läinen")) for a in common) and (
            self.shape == "lower" or all(a.get("NUMBER") == "plural" for a in common)
        )
        if (
            self.adjective_name
            and surname
            and all(a.word_class == "laatusana" for a in common)
            and not demonym
        ):
            self.strong = True
        self.cases = {a.case for a in proper if a.case} or {a.case for a in analyses if a.case}
        if self.initials:
            self.cases = {"nimento"}
        elif outer:
            self.cases = _ending_cases(outer)
        elif not analyses:  # "Jaglandin", "Kroesia": the case of an agreeing title
            self.cases = _ending_cases(form) if len(form) > 3 else set()  # "Lan" is no "La-n"
        if FIRST not in classes:  # a listed first name Voikko does not know: "Lumin", "Ilolle"
            for base in listed_firsts:
                if len(form) > len(base) and form.lower().startswith(base.lower()):
                    self.cases = self.cases | _ending_cases(form[len(base) :])
        self.plural = bool(proper) and all(a.get("NUMBER") == "plural" for a in proper)
        lemmas = {a.baseform.lower() for a in common}
        lower = word.lower()
        titles = common
        if not analyses and len(hyphen_parts) > 1 and hyphen_parts[-1].islower():
            # "hyte-koordinaattori": a title after a prefix Voikko does not know
            titles = [a for a in analyzer.analyze(hyphen_parts[-1]) if a.word_class not in PROPER]
        self.abbr_title = lower in TITLE_ABBREVIATIONS or word in ENGLISH_TITLES
        self.title = (
            lower in TITLES
            or self.abbr_title
            or any(a.case == "nimento" and is_title(a.baseform) for a in titles)
            # a colloquial teacher's title ("liikunnanope": liikunnanopettaja; not "Hope")
            or (
                not analyses
                and lower.endswith("ope")
                and bool(analyzer.analyze(lower[:-3] + "opettaja"))
            )
        )
        self.title_cases = {a.case for a in titles if a.case and is_title(a.baseform)}
        self.role = any(a.case == "olento" and is_title(a.baseform) for a in titles)
        self.family = not lemmas.isdisjoint(FAMILY_NOUNS)
        # a family noun with a possessive suffix, before a name like a title ("tyttäreni Aavan
        # nimellä", "poikamme Ilo")
        self.family_own = any(
            a.get("POSSESSIVE") and a.baseform.lower() in _OWN_FAMILY for a in common
        )
        # a first name with a possessive suffix of ours or yours ("Ritvamme", "Villeni")
        self.own_first = any(a.word_class == FIRST and a.get("POSSESSIVE") in _OURS for a in proper)
        self.crew = not lemmas.isdisjoint(CREW_NOUNS) or any(
            ends_with(lemma, ("tiimi", "ryhmä")) for lemma in lemmas
        )  # "LAINEEN tiimi", "Kosken hoitotiimi", "Laakson työryhmä"
        self.head = any(
            is_place_head(a.baseform) and not _owned(a) and not _only_ends_like_head(a)
            for a in titles
        ) and (not self.name or self.shape == "lower")
        # a bare "talo" or "villa": a building after a famous name ("Runebergin talo"), a home
        # after a common one ("Virtasen talolla", "Virtasen villalla"; see ``masker``)
        self.house = lemmas in ({"talo"}, {"villa"}, {"huvila"})
        # the head of a brand-style name, after an uninflected name ("Hartwall Arenalla")
        self.brand = not lemmas.isdisjoint(BRAND_HEADS) or brand_form(word.lower())
        # a firm named like a person ("Elisan liittymä"), and what such a firm sells
        self.brand_name = any(b.lower() in BRAND_FIRST_NAMES for b in self.name_bases)
        self.service = any(ends_with(lemma, BRAND_SERVICES) for lemma in lemmas)
        self.area = not lemmas.isdisjoint(AREA_HEADS)  # "kunnan", "kaupungin"
        # an ordinary noun common enough to head a line ("Lumi: auraus myöhässä", "Valo:
        # …"): a first name that is one is no sure speaker's label ("Tapani:" is, "tapa"
        # having there a possessive suffix)
        self.heading = any(
            a.word_class == "nimisana"
            and a.case == "nimento"
            and not a.get("POSSESSIVE")
            and general_frequencies().get(a.baseform.lower(), 0) >= RARE
            for a in common
        )
        self.after = lower in PERSON_AFTER
        self.person_noun = any(ends_with(lemma, PERSON_NOUNS) for lemma in lemmas)
        self.opinion_noun = any(ends_with(lemma, OPINION_NOUNS) for lemma in lemmas)
        # the elative of a unit or a role ("kuraattoritiimistä"), or the ablative of a unit
        # ("kiinteistötoimelta"; not a bare side or station: "lännen puolelta", "asemalta")
        self.unit = any(
            (a.case == "sisaeronto" and (ends_with(a.baseform, UNIT_HEADS) or is_title(a.baseform)))
            or (
                a.case == "ulkoeronto"
                and ends_with(a.baseform, UNIT_HEADS)
                and a.baseform.lower() not in {"puoli", "asema"}
            )
            for a in common
        )
        # an adjective or participle that may stand before a unit ("yhteiseltä toimelta")
        self.attribute = any(
            a.word_class in ADJECTIVE or a.get("PARTICIPLE") for a in common
        ) and not any(a.word_class == "nimisana" for a in common)
        self.leave = any(
            (a.case in LEAVE_CASES and ends_with(a.baseform, LEAVE_NOUNS))
            or (a.case == "ulkotulento" and ends_with(a.baseform, ("loma",)))
            for a in common
        )
        self.contact = "yhteys" in lemmas
        self.collab = any(lemma.startswith(("yhteistyö", "sopimus")) for lemma in lemmas)
        self.thanks = lower in GREETINGS or bool(lemmas & GREETINGS)
        # may start a run of name words (``masker._groups``); "Terkkuja" (unknown) may not
        # an unknown capitalised word starts a name, but not a title ("Hyte-koordinaattori",
        # "Kiitos Ope Sannalle")
        self.starts = (
            self.name
            or (self.unknown and self.shape != "lower" and not (self.title_cases or self.title))
        ) and not (
            self.thanks or self.abbr_title or (self.unknown and lower in FOREIGN_BEFORE_NAME)
        )
        # may be a name after a title ("psykologi Usvan", "Esihenkilö Lappi"; not a greeting:
        # "Dr. Kiitos …"); the masker takes a place only in the nominative
        self.after_title = self.shape == "title" and not (self.org or self.head or self.thanks)
        self.particle = lower in NAME_PARTICLES and self.shape == "lower"
        self.middle = word in MIDDLE_NAMES  # "Nguyen Van Minh"
        self.named = not lemmas.isdisjoint(NAMED_AFTER)  # "… mukaan nimetty"
        self.agent = any(a.get("PARTICIPLE") == "agent" for a in common)  # "Niemisen laatima"
        self.suffix = 0  # an English "'s" after the name ("Rahman's"): see ``possessive``
        self.possessive = False
        # "Yliopistokeskus Chydenius", "Villa Helmi": a name after it names the institution
        self.institution = any(
            a.case == "nimento" and ends_with(a.baseform, INSTITUTION_HEADS) and not _owned(a)
            for a in common
        ) and not (self.name or self.title)
        self._nouns(common)
        verbs = [a for a in common if a.word_class in {"teonsana", "kieltosana"}]
        if self.shape == "lower" and not proper and all(a.word_class == "nimisana" for a in common):
            verbs = spoken_past(form, analyzer)  # "vastas", "kerto": vastasi, kertoi
        self.verb = bool(verbs)
        finite = [a for a in verbs if a.get("PERSON") or a.get("PARTICIPLE")]
        self.finite = bool(finite)
        finite_lemmas = {a.baseform for a in finite}
        self.singular = any(a.get("NUMBER") == "singular" for a in finite)
        acting = [v for v in finite_lemmas if v in PERSON_VERBS or v in PERSON_ONLY_VERBS]
        self.person_only = not finite_lemmas.isdisjoint(PERSON_ONLY_VERBS)
        # "vastaa aina puhelimeen": the verb, then the phone in the illative
        self.answer = "vastata" in finite_lemmas
        self.visit = "käydä" in finite_lemmas  # "kävi katsomassa"
        self.ma_inessive = bool(verbs) and any(
            a.get("MOOD") == "MA-infinitive" and a.case == "sisaolento" for a in verbs
        )
        self.person_verb = bool(acting)
        self.strong_verb = any(v not in WEAK_VERBS for v in acting)
        self.speech_verb = any(v in SPEECH_VERBS for v in acting)
        # the verbs of the participles too ("kertonut" -> kertoa, "nähty" -> nähdä)
        participles = [
            (a.segments[-1][1], a.get("PARTICIPLE"))
            for a in common
            if a.get("PARTICIPLE") and a.segments
        ]
        verb_lemmas = {a.baseform for a in verbs} | {v for v, _ in participles}
        # "on kertonut", "oli todennut": a speech verb's past active participle
        self.said = any(v in SPEECH_VERBS and kind == "past_active" for v, kind in participles)
        self.meet = not verb_lemmas.isdisjoint(MEET_VERBS)
        self.gathering = any(
            a.case in {"sisaolento", "ulkoolento"} and ends_with(a.baseform, GATHERING_NOUNS)
            for a in common
        )
        self.meeting = any(  # "kokoukseen", "kokouksessa", "koulutuksessa", "paikalla"
            a.case in {"sisatulento", "sisaolento", "ulkoolento"}
            and ends_with(a.baseform, GATHERING_NOUNS[:7])
            # "paikallaan" is a thing in its place ("Kivi on ollut paikallaan")
            and not (a.get("POSSESSIVE") and ends_with(a.baseform, ("paikka",)))
            for a in common
        )
        self.hear = not verb_lemmas.isdisjoint(HEAR_VERBS)
        self.ask = any(a.baseform in ASK_VERBS for a in verbs)
        self.ask_from = any(a.baseform in ASK_FROM_VERBS for a in verbs)
        self.trust = any(a.baseform in TRUST_VERBS for a in verbs)  # "Mattiin voi luottaa"
        self.olla = any(a.baseform == "olla" for a in verbs)
        self.adverb = (
            any(a.word_class == "seikkasana" for a in common) and not verbs
        ) or word.lower() in ADVERB_FORMS
        # "on hoitanut": a past participle of a verb of acting (not of coming and going, nor
        # "tehdä": "aika on tehnyt tehtävänsä"); "on varattu": of booking or granting
        self.done = any(
            kind == "past_active"
            and (v in PERSON_ONLY_VERBS or (v in PERSON_VERBS and v not in WEAK_VERBS))
            and v != "tehdä"
            for v, kind in participles
        )
        self.booked = any(kind == "past_passive" and v in BOOK_VERBS for v, kind in participles)
        self.send = any(a.baseform in SEND_VERBS for a in verbs)
        # "on ilmoitettu", "on lähetetty": the past passive participle of telling or sending
        self.told = any(kind == "past_passive" and v in TELL_VERBS for v, kind in participles)
        self.sent = any(kind == "past_passive" and v in SEND_VERBS for v, kind in participles)
        self.talk = not verb_lemmas.isdisjoint(TALK_VERBS)  # "puhuin … kanssa"
        self.contact_verb = not finite_lemmas.isdisjoint({"pitää", "ottaa"})  # "… yhteyttä"
        self.attend = "osallistua" in finite_lemmas  # "… osallistui kokoukseen"
        self.get = "saada" in finite_lemmas  # "Mäeltä sain apua"
        self.think = not finite_lemmas.isdisjoint(THINK_VERBS)  # "… myönsi, että"
        self.care = any(  # "rokotteen", "koulunkäyntiavustajan"
            a.word_class == "nimisana" and ends_with(a.baseform, CARE_NOUNS) for a in common
        )
        self.help = any(  # "apua", "ohjeet", "neuvoja"
            a.word_class == "nimisana" and a.baseform in HELP_NOUNS for a in common
        )
        self.document = any(
            a.word_class == "nimisana" and ends_with(a.baseform, DOCUMENT_NOUNS) for a in common
        )
        # "Lehdolle soitettiin", "Lehdolla on tieto", "JR, AK ja allekirjoittanut"
        self.tell = any(a.baseform in TELL_VERBS for a in verbs)
        # knowledge in the partitive may be on show at a place ("Rannalla on tietoa …"); one
        # has "the" knowledge ("Lehdolla on tieto …", "… on kokemusta")
        self.know = any(
            a.word_class in ("nimisana", "nimisana_laatusana")  # "kiire"
            and ends_with(a.baseform, KNOW_NOUNS)
            and (a.case == "nimento" or not ends_with(a.baseform, ("tieto",)))
            for a in common
        )
        self.self_word = lower in {"minä", "mä"} or not lemmas.isdisjoint(SELF_WORDS)
        self.noun = any(a.word_class == "nimisana" for a in common) and not self.verb
        # only a noun in the nominative: the object of a passive ("soitettiin ambulanssi"; not
        # "vasta", an adverb too)
        self.bare_noun = bool(common) and all(
            a.word_class == "nimisana" and a.case == "nimento" for a in common
        )
        self.negation = lower in {"ei", "eivät", "eikä"}
        self.participle = any(a.get("PARTICIPLE") == "past_active" for a in common)
        self.kin = _kin_prefix(word, analyzer, common) if len(hyphen_parts) > 1 else 0
        # a first name whose ordinary reading is rare in general Finnish ("jukka", a plant; not
        # "lumi", "onni"): in lower case, a verb of acting after it decides
        self.rare_first = (
            self.first
            and not self.verb
            and not self.place
            and all(general_frequencies().get(lemma, 0) < RARE for lemma in lemmas)
        )

    def _nouns(self, common) -> None:
        """The nouns of foundations, news, person predicates and the phone (one pass)."""
        self.foundation = self.info_noun = self.person_predicate = self.phone_illative = False
        for a in common:
            base = a.baseform.lower().replace("-", "")
            if base.endswith(FOUNDATION_HEADS):
                self.foundation = True
            if a.word_class == "nimisana" and base.endswith(INFO_NOUNS):
                self.info_noun = True
            if base in PERSON_PREDICATES and a.case in {"nimento", "olento"}:
                self.person_predicate = True
            # "Onni on meidän tiimin nuorin": the youngest or most experienced of a group
            if base in SUPERLATIVE_PREDICATES and a.get("COMPARISON") == "superlative":
                self.person_predicate = a.case == "nimento" or self.person_predicate
            if a.case == "sisatulento" and base.endswith("puhelin"):
                self.phone_illative = True


_POSSESSIVE = re.compile(r"([^\W\d_]{3,}?)(['’]s|s)")


def possessive(word: str, info: WordInfo, analyzer: VoikkoAnalyzer) -> WordInfo:
    """A Swedish or English genitive of a capitalised name that Voikko does not know as such
    ("Lindqvists förslag", "Karlssons utredning", "Mr. Rahman's team"): the name's
    :class:`WordInfo` in the genitive (``suffix``: the length of an English "'s" to leave
    unmasked); any other word's ``info`` unchanged."""
    m = _POSSESSIVE.fullmatch(word)
    if m is None or not info.unknown or info.shape != "title":
        return info
    stem = WordInfo(m[1], analyzer)
    # a place's Swedish genitive ("Lahtis") is no name's; "Lahti's" after "Dr." may be
    if not stem.name or stem.org or stem.shape != "title" or (stem.place and len(m[2]) == 1):
        return info
    stem.cases = {"omanto"}
    stem.suffix = len(m[2]) if len(m[2]) > 1 else 0
    stem.possessive = True
    return stem


def _only_ends_like_head(analysis) -> bool:
    """True for a word Voikko knows as one uncompounded word that merely ends like a place
    head ("traktori", "moottori", "sektori": no "tori"; dev_x: "Salosen traktori")."""
    return len(analysis.segments) == 1 and analysis.baseform.lower() not in PLACE_HEADS


def _owned(analysis) -> bool:
    """True for a house whose first part is a genitive naming its owner ("kaupungintalo",
    "kunnantalo"): a name in the genitive before it is a person's ("Tapasin Anttilan
    kaupungintalolla"), not part of the building's name ("Runebergin talolla"). Only houses:
    in "Mannerheimin Lastensuojeluliitto", "Nobelin rauhanpalkinto" the name is the head's."""
    segments = analysis.segments
    if len(segments) < 2 or not analysis.baseform.endswith("talo"):
        return False
    surface, base, _ = segments[0]
    return surface.endswith("n") and surface != base and not base.endswith("n")


def typed_without_umlauts(info: WordInfo, plain_text: bool) -> WordInfo:
    """``info``, or in a text typed without ä and ö (``plain_text``), for a lower-case name that
    is an ordinary word with its umlauts put back ("mika" mikä, "kay" käy), a copy that is a name
    only where the context says person, as "aho" ("kuraattori mika on lomalla"). A capitalised
    one stays a name ("Mika soitti"), and so does any in a text with ä or ö ("riitta hoitaa")."""
    if not (plain_text and info.umlauts_left_out and info.shape == "lower"):
        return info
    return as_ordinary(info)


def as_ordinary(info: WordInfo) -> WordInfo:
    """A copy of ``info`` that is also an ordinary word: a name only where the context says
    person, as "Aho"."""
    ordinary = copy.copy(info)
    ordinary.common, ordinary.strong = True, False
    return ordinary


def as_word(info: WordInfo) -> WordInfo:
    """A copy of ``info`` that is no name at all, as an English month or modal verb that is
    also a first name ("in May", "May I")."""
    word = as_ordinary(info)
    for flag in ("name", "first", "surname", "starts", "after_title", "listed", "rare_first"):
        setattr(word, flag, False)
    return word


def _first_not_place(form: str, proper: list) -> bool:
    """A first name as written whose only place readings are another place's oblique case:
    "Maria" (also the partitive of the place "Mari"), no place."""
    low = form.lower()
    places = [a for a in proper if a.word_class == PLACE]
    return any(
        a.word_class == FIRST and a.case == "nimento" and a.baseform.lower() == low for a in proper
    ) and all(a.case != "nimento" and a.baseform.lower() != low for a in places)


def _is_org(analyses, word: str, bases: set[str]) -> bool:
    """An organisation, a lexicon entry or a system ("Teamsissa": its stem, as for names), or
    the plural name of an organisation ("Martat")."""
    return (
        any(a.word_class == ORG for a in analyses)
        or any(
            a.get("NUMBER") == "plural" and a.baseform.lower() in PLURAL_ORGANISATIONS
            for a in analyses
        )
        or any(a.baseform.lower() in _organisations() for a in analyses)
        or word.lower() in _organisations()
        or any(base.lower() in SYSTEM_NAMES for base in bases)
    )


def _is_listed_name(part: str, analyzer: VoikkoAnalyzer) -> bool:
    lists = name_lists()
    listed = lists.get("first", frozenset()) | lists.get("surname", frozenset())
    analyses = analyzer.analyze(title_case(part))
    if any(a.word_class in {FIRST, SUR} for a in analyses):
        return True
    return bool(listed_bases(title_case(part), analyses) & listed)


def _all_names(word: str, analyzer: VoikkoAnalyzer) -> bool:
    """True for a hyphenated double name whose every part is a name ("Koski-Mäkelä")."""
    return all(_is_listed_name(part, analyzer) for part in word.split("-"))


#: Family nouns that stand before a child's or relative's name with a possessive suffix.
_OURS = ("1s", "1p", "2s", "2p")  # Voikko's possessive suffixes of the first and second person
_OWN_FAMILY = (FAMILY_NOUNS | KIN_NOUNS) - {"perhe", "omainen", "perheenjäsen"}


def _place_reading(analyses: list) -> bool:
    """Voikko reads the word as a place that is no surname in -nen ("Salosta", "Lahti")."""
    return any(a.word_class == PLACE and not a.baseform.lower().endswith("nen") for a in analyses)


def _kin_prefix(word: str, analyzer: VoikkoAnalyzer, common) -> int:
    """Length of the name in "Pekka-sedästä", "Liisa-tädin", or in a person's team or lead
    ("Nieminen-tiimi", "Virtanen-vetoinen"; not a town's: "Lahti-vetoinen") (0 when the word is
    no such)."""
    first, _, rest = word.partition("-")
    if not first[:1].isupper() or "-" in rest:
        return 0
    kin = any(a.baseform.lower().rpartition("-")[2] in KIN_NOUNS for a in common) or (
        not common and any(rest.startswith(k) and len(rest) - len(k) <= 3 for k in KIN_NOUNS)
    )  # a word Voikko does not know with a case ending: "Minna-open"
    if not kin and rest[:1].islower():
        led = any(ends_with(a.baseform.lower(), LED_HEADS) for a in analyzer.analyze(rest))
        kin = led and not _place_reading(analyzer.analyze(first))
    return len(first) if kin and _is_listed_name(first, analyzer) else 0


__all__ = [
    "WordInfo",
    "as_ordinary",
    "as_word",
    "possessive",
    "typed_without_umlauts",
]
