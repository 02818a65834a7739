"""The masker: names, e-mail and IP addresses, phone numbers and identity codes become placeholders.

``mask_pii`` replaces

* Finnish personal identity codes (DDMMYY, a century sign, NNN and a check character that must
  be right; the 2023 century signs U–Y and B–F included; a space may stand around the sign or
  before the check character: "231299-045 H", "300962 - 903r"; any dash for the
  hyphen: "240781–734P"); next to a word that names it ("henkilötunnus", "hetu", "sotu",
  "syntymätunnus", "personbeteckning" …) also a code with a mistyped check character or date or
  without its check character ("henkilötunnus 120379-123K"), with ``[HETU]``,
* e-mail addresses, also written "etunimi.sukunimi(at)kunta.fi", "x [at] y.fi", "x at y.fi" or
  "x(a)y.fi", also as the first part of a compound ("x@y.fi-osoitteeseen"), with ``[EMAIL]``,
* Finnish phone numbers (``050 479 6835``, ``+358 50 479 6835``, ``09-310 1234``,
  ``040-1234567``, ``(09) 310 1234``, ``050 111 22 33``, ``041.709.3346``, ``040/8871 334``;
  with an extension after a slash: ``014 266 0500 / 312``; right after "p.": ``p.0440 613 927``;
  with any dash (en, em, a pasted non-breaking hyphen or minus sign), after the prefix also with
  spaces: ``040 – 712 3458``; 358 without "+": ``358 40 1234567``, ``358401234567``, not after
  "lasku", "viite" …; a lone digit after the prefix: ``040 5 123 456``; spelt out digit by digit
  from "nolla": "nolla neljä nolla, seitsemän …"); other countries' numbers after "+" or "00"
  and a country code (``+49 30 1234567``, ``+46 70 123 45 67``, ``+1 (202) 555-0143``, ``0049 30
  1234567``; not a sum "+12 500 000 €") with ``[PUHELIN]``, IPv4 and IPv6 addresses with ``[IP]``,
* names of people with ``[NIMI]`` (a run of name words becomes one ``[NIMI]``).

A word is a name candidate when Voikko reads it (or its capitalised form, for lower-case and
all-capital words) as a first name or surname, when it or its base form is in the team-written
name lists (``data/names_fi.txt``; Sami names also without the Sami letters), when it is a word
Voikko does not know that is such a name with ä, ö and y for a, o and u ("jarvinen",
"MAKELA") or such a name inflected without consonant gradation ("Jokelle": Joki), or when it
has a name's apostrophe ("O'Brien", "D'Angelo"). Hyphenated names are candidates when every
part is. A candidate that is nothing else (Virtanen, Pirjo) is masked wherever it stands and
however it is written. One that is also an ordinary word or a place (Laine, Aho, Toivo, Salo,
Mattila) is masked when the context says person:

* a title or role before it ("rehtori", "kuraattori", compounds such as "talouspäällikkö"; see
  ``names.TITLES``), uninflected or agreeing with it ("jäsentä Kroesia");
* a genitive before "kanssa", "mukaan", "luona", "ansiosta" …; a nominative before or after a
  verb of speaking or acting ("kertoi", "lupasi", "vastasi", "Asiaa hoitaa …"), before "ei" and
  such a verb or a past participle ("Salo ei vastannut") or before "olla" and a speech verb's
  past participle ("Niemi on kertonut"), also past the elative of a place ("Matti Oulusta
  kertoi"); an ablative or allative of a surname
  that is also a place ("Mattilalle", "Koivistolta");
* a genitive before a noun of a person's contacts or doings ("Kosken lähtö", "Aallon esitys"),
  or a first name's before one of family ("Saanan perhe", not "Lahden perheet", "Onnen lapsi");
  a capitalised surname's (not a place's) before "tiimi", "porukka", "väki" ("LAINEEN tiimi");
* the clause contexts of :mod:`~vastausanalyysi.nlp.pii.context`: a role later in the clause
  ("Lumi ja Ilo aloittivat koulukuraattoreina") or in a "joka" clause right after ("kutsui
  Lammi, joka toimii … johtajana"; also a role noun such as "tiedottaja", "vetäjä":
  "Usko on meidän tiimin vetäjä"), the elative of a unit after it or its ablative ("Onni
  kuraattoritiimistä", "Onni kuntien yhteiseltä toimelta"), an apposition with a title, also in
  brackets ("Niemi, …päällikkö, …", "Lumi (ohjaaja)"), an illative with
  "yhteydessä"/"yhteyttä", an ablative or allative after a verb of asking or with "kiitos" or
  a greeting ("terveisiä Anskulle"), an allative right before a verb of telling or calling
  ("Lehdolle soitettiin heti"; not "Rannalle soitettiin ambulanssi"), an adessive before
  "olla" and a noun of knowledge or responsibility, or "hänelle" after ("Lehdolla on tieto
  …"; not "Kalliolla on näköala"), a predicate said of people only ("Lahti sairastui", "Salo
  kävi katsomassa", "Karhu on ainoa, joka ymmärtää …", "Koivu on paras tyyppi"), news "via" a
  genitive ("Rinteen kautta saimme tiedon"), an elative after a verb of hearing of someone with
  "hän" after it ("En ole kuullut Saaresta …, kun hän …"), a partitive with a verb of seeing or
  meeting ("Heikkilää ei ole nähty"), a phone number or e-mail next to it in a contact
  line ("040 123 4567 / Ristola"; not a municipality's name);
* the contexts of :mod:`~vastausanalyysi.nlp.pii.person`: shift work ("Aho ja Salo ovat tehneet
  ylitöitä"), an unknown word addressed or with a person's predicate ("Kiitos Layla, että …",
  "Shilan oli ainoa, joka huomasi …"), a second clause "ja on aina avulias"; a lower-case name
  coordinated in an outer local case ("kiitos hakalalle ja nurmelle");
* a title right before a capitalised ordinary word ("psykologi Usvan kanssa"); an abbreviated
  title also with its dot ("PJ MATTI HEIKKILÄ", "Vpj. Salo", "Mr. Rahman's team", "Dr. Lee");
* a genitive before an agent participle ("Niemisen laatima"; not a town's: "Lahden tekemä");
  an illative with a verb of trust ("Mattiin voi luottaa"); a listed first name that Voikko
  reads as an ordinary word, in an outer local case ("kiitollinen Oksanalle");
* Swedish and English: the genitive -s or "'s" of a name before a lower-case word
  ("Lindqvists förslag"; not after a preposition of place: "till Karis"), "enligt",
  "kontakta", "tack vare", "contact", "thanks to" before a name or "på telefon" after it; in
  an English sentence a common English word ("This", "Good job") only so (:mod:`.english`);
* initials signing a text after a dash at its end ("… -MH"; not "-THL", "-HR", "-19"); two
  capitals no dictionary knows in a list with the writer or coordinated with a masked name
  ("JR, AK ja allekirjoittanut", "Liisa Virtanen, JR ja AK"; not "THL, KELA ja STM");
* a surname alone that a full name masked in the same text ends in ("Hankkeen vetäjänä oli
  Päivi Koski. Kosken lähdettyä …"; not a first name: "Usko Hämäläinen …. Usko tulevaisuuteen");
* a capitalised word that no dictionary or list knows (not an abbreviation) only with a title,
  a unit after it, a greeting, a title closing an apposition ("Dilan Berwari (arabiankielinen
  ohjaaja)"; not "Fimea (valvova viranomainen)") or a masked name it is coordinated with ("Jonna
  ja Tuksu perhekeskuksesta"; "Evira ei nähnyt" is an organisation);
* a particle or a Vietnamese middle name between a name and a capitalised word joins them
  ("Carl-Gustaf von Essen", "Nguyen Van Minh"); "eli" coordinates a nickname with a name
  ("Jartsa eli Jari Kuusela");
* a first name next to it ("Arja Joki", "Jari Lahdesta"; also a place: "Jouni Pukkilalta", and
  after a first name that is also a word a nominative place that is no town: "Toivo Mikkola", or
  inside a sentence any place in any case: "osallistui Tähti Heinola", "Rauha Lapin kanssa"), an
  initial ("T. Salo"), "ja" or a comma next to another masked name (also a surname read as a
  place in an inner local case, in the same case: "yhteyttä Ahoon ja Koskeen"); after a first
  name, a word of capitalised parts Voikko reads as a common compound ("Anna-Kaisa Mäki-Petäjä");
* a speaker's label: a capitalised first name and ":" at the start of a line or sentence
  ("Tapani: …"; not a first name that is also a noun common enough to head a line: "Lumi: …");
* a capital letter in the middle of a sentence, for a word that is not also a place;
* verbs said of things as readily as of people ("tuli", "lähti": ``names.WEAK_VERBS``) do not
  decide a name that is also an ordinary word ("Lumi tuli aikaisin");
* a lower-case word that is also an ordinary word is a name only after a title or in a strong
  context: a genitive before the spoken "kans"/"kaa" ("sadun kaa"; not "lumen kanssa"), an
  ablative right after a verb of asking ("kysy sulolta") or an allative after one of giving or
  thanks ("kiitos sannalle"), a first name's genitive before "kanssa" when the name is rarely a
  word or the text is spoken ("jukan kanssa", "mä juttelin sadun kanssa"; not "mä toivon kanssa
  et …"), a nominative before a verb of speaking ("niemi sano", "niemi on kertonut"), a listed
  surname before a predicate said of people ("lehtinen on hyvä tyyppi"), or, for a first name
  whose ordinary reading is rare in general Finnish, before a verb of acting ("jukka hoitaa";
  not "onni auttaa"); in all-capital text ordinary words do not join a first name ("EI TOIMI
  LAINKAAN");
* a first name in -i keeps its i when inflected ("Lumin", "Tuulille"), so "Lumen", "Onneksi"
  are the nouns;
* for surnames that are also demonyms in -inen (Karjalainen, Hämäläinen): no noun after it;
  surnames that are also rare adjectives in -inen (Mäkinen, Koskinen) are always names.

"Pekka-sedästä" masks the name part; "A-K:lta" the initials with their case suffix.

Never masked: a name in the genitive (or in the nominative before a nominative) followed by the
head noun of a street, building, school, organisation, day or place ("Aleksis Kiven katu", "Paavo
Nurmen stadionilla", "Runebergin päivänä", "Mannerheimin Lastensuojeluliitto"; not an area's
head after a full name: "Valitsimme Eeva Kokon kunnan edustajaksi" is a person; also a
compound's head: "Paavo Nurmen urheilutalon", "Runebergin talolla", but not a house whose first
part names its owner ("Anttilan kaupungintalolla") and not a bare "talo" after a name of the
common-name lists ("Virtasen talolla"): those are people; and the first names coordinated
before a foundation's or prize's name: "Ella ja Georg Ehrnroothin säätiö"; a namesake: "Arvo
Ylpön mukaan nimetty"; an institution's or a firm's name, ``clues.organisation``: "Yliopistokeskus
Chydenius", "Rakennusliike Nieminen", "Asunto Oy Kalliorinne", "Virtasen Liikenne Oy"),
or joined to one with a hyphen ("Sibelius-lukio", "Alvar Aalto -museo"); a name in an inner
local case ("Salossa", "Hotelli Arthurissa") unless a first name comes before it or
"yhteydessä"/"yhteyttä" next to it; Voikko's organisations and the lexicon's entries (Kela,
Kuntaliitto), organisations known by a first name's plural ("Martat") and a first name coordinated
with a town or an organisation ("Nokia ja Elisa lainasivat …": a firm).

Every text is normalised first (:mod:`vastausanalyysi.nlp.normalise`) and the spans found are
mapped back, so "Ma\\u0308kinen" or "Vir\\u00adtanen" is masked like "Mäkinen" and everything
else in the text stays exactly as it was, whitespace included.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence

from vastausanalyysi.errors import reject_single_text
from vastausanalyysi.nlp.normalise import normalise_with_offsets
from vastausanalyysi.nlp.pii import clues, context
from vastausanalyysi.nlp.pii.context import GAP, TOWARDS_FROM, gap
from vastausanalyysi.nlp.pii.english import ordinary_in_english
from vastausanalyysi.nlp.pii.grouping import name_runs, sentence_initial, title_gap
from vastausanalyysi.nlp.pii.names import SWEDISH_PLACE_PREPOSITIONS
from vastausanalyysi.nlp.pii.parts import MaskedParts
from vastausanalyysi.nlp.pii.patterns import free_spans, pattern_spans, valid_hetu
from vastausanalyysi.nlp.pii.person import (
    among_firms,
    asked_from,
    former_name,
    institution_named,
    listed_or_referred,
    lower_outer,
    more_person,
    system_in_its_field,
    unknown_run,
)
from vastausanalyysi.nlp.pii.runs import coordinated, foundations, repeated
from vastausanalyysi.nlp.pii.signature import signature
from vastausanalyysi.nlp.pii.words import WordInfo, possessive, typed_without_umlauts
from vastausanalyysi.nlp.voikko import VoikkoAnalyzer, get_analyzer

NAME, EMAIL, PHONE, HETU, IP = "[NIMI]", "[EMAIL]", "[PUHELIN]", "[HETU]", "[IP]"
_LABELS = {"hetu": HETU, "email": EMAIL, "phone": PHONE, "ip": IP}

_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
# the case of a suffix after a colon: "J-P:n", "A-K:lta", "Ali:lle"
_COLON_CASES = {
    "n": "omanto", "lle": "ulkotulento", "lta": "ulkoeronto", "ltä": "ulkoeronto",
    "lla": "ulkoolento", "llä": "ulkoolento", "ssa": "sisaolento", "ssä": "sisaolento",
    "sta": "sisaeronto", "stä": "sisaeronto", "ta": "osanto", "tä": "osanto", "a": "osanto",
    "ä": "osanto", "ksi": "tulento", "na": "olento", "nä": "olento",
}  # fmt: skip
_SPOKEN_KANSSA = {"kans", "kaa"}


#: "&" right after a name, or right before it (with spaces): a firm's name of two names.
_AMPERSAND = re.compile(r"\s*&")
_AMPERSAND_BEFORE = re.compile(r"&\s*$")


class PiiMasker:
    """Masks personal data; one instance caches what it learns of each word form."""

    def __init__(
        self,
        analyzer: VoikkoAnalyzer | None = None,
        *,
        names: bool = True,
        emails: bool = True,
        phones: bool = True,
        hetu: bool = True,
        ips: bool = True,
    ):
        self.analyzer = analyzer or get_analyzer()
        self.names = names
        self.kinds = {"hetu": hetu, "emails": emails, "phones": phones, "ips": ips}  # patterns
        self._infos: dict[str, WordInfo] = {}

    def _info(self, word: str) -> WordInfo:
        info = self._infos.get(word)
        if info is None:
            info = possessive(word, WordInfo(word, self.analyzer), self.analyzer)
            if len(self._infos) < 100_000:
                self._infos[word] = info
        return info

    def spans(self, text: str) -> list[tuple[int, int, str]]:
        """Sorted ``(start, end, placeholder)`` of the personal data in (normalised) ``text``."""
        found = pattern_spans(text, **self.kinds)
        spans = [(s, e, _LABELS[k]) for s, e, k in found]
        if self.names:
            spans += free_spans(spans, self._name_spans(text, spans))
        return sorted(spans)

    def original_spans(self, text: str) -> list[tuple[int, int, str]]:
        """``(start, end, placeholder)`` of the personal data in ``text`` as given (not
        normalised), sorted and not overlapping: the parts that :meth:`mask` replaces."""
        if not text:
            return []
        normalised, to_original = normalise_with_offsets(text)
        out: list[tuple[int, int, str]] = []
        last = 0
        for start, end, label in self.spans(normalised):
            start, end = to_original.span(start, end)
            if start >= last:
                out.append((start, end, label))
                last = end
        return out

    def mask(self, text: str) -> str:
        """``text`` with its personal data replaced by placeholders."""
        spans = self.original_spans(text)
        if not spans:
            return text or ""
        out, last = [], 0
        for start, end, label in spans:
            out.append(text[last:start])
            out.append(label)
            last = end
        out.append(text[last:])
        return "".join(out)

    # -- names ---------------------------------------------------------------------------------

    def _name_spans(
        self, text: str, contacts: list[tuple[int, int, str]]
    ) -> list[tuple[int, int, str]]:
        words, plain = list(_WORD.finditer(text)), not any(c in "äöÄÖ" for c in text)
        infos = [typed_without_umlauts(self._info(m[0]), plain) for m in words]
        infos = ordinary_in_english(text, words, infos)  # "Good job."
        groups = name_runs(text, words, infos)
        decided: dict[int, bool | None] = {}
        for g, (a, b) in enumerate(groups):
            if infos[a].kin:  # "Pekka-sedästä": the name part only
                decided[g] = True
            else:
                decided[g] = self._decide(text, words, infos, a, b, contacts)
        # coordination: "Laine ja Hämäläinen", "Mattila, Nieminen ja Koivisto"
        for _ in range(2):
            for g in range(len(groups)):
                # a surname read as a place in an inner local case, in the case of the masked
                # name it is coordinated with: "yhteyttä Ahoon ja Koskeen"
                # "kiitos hakalalle ja nurmelle": a lower-case name in an outer local case
                inner = decided[g] is False and (
                    context.inner_surname(infos, *groups[g]) or lower_outer(infos, *groups[g])
                )
                if decided[g] is not None and not inner:
                    continue
                for h in (g - 1, g + 1):
                    if decided.get(h) and coordinated(text, words, groups, g, h):
                        same = infos[groups[g][1] - 1].cases & infos[groups[h][1] - 1].cases
                        decided[g] = True if same or not inner else decided[g]
        foundations(text, words, infos, groups, decided)
        repeated(infos, groups, decided)
        spans = []
        for g, (a, b) in enumerate(groups):
            if not decided[g]:
                continue
            start, end = words[a].start(), words[b - 1].end()
            if infos[a].kin:
                end = start + infos[a].kin
            elif _colon_suffix(text, words, b):
                end = words[b].end()
            spans.append((start, end - infos[b - 1].suffix, NAME))
        signed = signature(text, words, infos)
        if signed is not None:
            spans.append((words[signed].start(), words[signed].end(), NAME))
        return spans

    def _decide(
        self,
        text: str,
        words: list[re.Match[str]],
        infos: list[WordInfo],
        a: int,
        b: int,
        contacts: list[tuple[int, int, str]],
    ) -> bool | None:
        """True: a name; False: not one; None: undecided (a coordinated name may decide it)."""
        group = infos[a:b]
        last = group[-1]
        cases = last.cases
        stop = b  # the first word after the run (past a colon suffix: "A-K:lta")
        if _colon_suffix(text, words, b):
            cases = {_COLON_CASES.get(words[b][0].lower(), "")} - {""} or cases
            stop = b + 1
        prev = infos[a - 1] if a and title_gap(text, words, infos, a) else None
        nxt = infos[stop] if stop < len(words) and gap(text, words, stop) in GAP else None
        nxt2 = (
            infos[stop + 1]
            if nxt is not None and stop + 1 < len(words) and gap(text, words, stop + 1) in GAP
            else None
        )
        tail = text[words[stop - 1].end() : words[stop - 1].end() + 3]
        # a firm of two names ("Lassila & Tikanoja", "Procter & Gamble")
        firm = _AMPERSAND.match(tail) or _AMPERSAND_BEFORE.search(text, 0, words[a].start())
        if firm and not any(i.first for i in group):
            return False
        # an unknown word without a case ending ("Tuksu", "Haddad") stands in the nominative
        genitive, nominative = "omanto" in cases, "nimento" in cases or not cases
        # a brand-style name, uninflected before its inflected head ("Hartwall Arenalla",
        # "Alma Median", "Lindström Oy:n")
        if (nxt is not None and nxt.brand and nominative) or (len(group) > 1 and last.brand):
            return False
        # the name of a street, building, organisation, day or place: the name stands in the
        # genitive, or in the nominative before a nominative head ("Salon kaupunki"; not
        # "Tuuli hyvinvointialueen työllisyystiimistä")
        if (
            nxt is not None
            and nxt.head
            and (genitive or (nominative and "nimento" in nxt.cases))
            # "Runebergin talolla" is a building, "Virtasen talolla" a home; "tyttäreni Aavan
            # nimellä" a person's
            and not (nxt.house and last.listed)
            and not (prev is not None and prev.family_own)
            # an area is named after a place, not a person's full name: "Eeva Kokon kunnan"
            and not (nxt.area and len(group) > 1 and group[0].first)
        ):
            return False
        if re.match(r"\s-[^\W\d_]", tail):
            return False
        # "Sote-keskus Ainon ajanvaraus", "Hilmassa julkaistu hankintailmoitus"
        if institution_named(prev, group) or system_in_its_field(text, words, infos, a, b):
            return False
        # a thing's namesake: "Arvo Ylpön mukaan nimetty palkinto"
        if genitive and nxt2 is not None and nxt2.named and words[stop][0].lower() == "mukaan":
            return False
        # "Nokia ja Elisa lainasivat …": a firm named like a person
        if clues.organisation(group, prev, nxt, cases, genitive) or among_firms(
            text, words, infos, a, b
        ):
            return False
        # a Swedish or English genitive ("Karlssons utredning") stands before a noun, a place
        # after a preposition: "från Ekenäs till Karis utan …" (one word: "till Nina Ahlroths")
        if (
            len(group) == 1
            and last.possessive
            and (
                nxt is None
                or nxt.shape != "lower"
                or (a and words[a - 1][0].lower() in SWEDISH_PLACE_PREPOSITIONS)
            )
        ):
            return False
        names = [i for i in group if i.name]
        # "von Essenin mielestä"; "Eleven Wilma fick stöd", "Ring Linnea på …"
        if (
            (group[0].particle and clues.particle_start(text, words, infos, a))
            or (group[0].first and clues.foreign_titled(text, words, infos, a))
            or former_name(text, words, a)  # "(o.s. Wongsakul)", "ent. Sarlin"
        ):
            return True
        # a speaker's label at the start of a line or sentence: "Tapani: kiinteistöjen …" (not
        # an ordinary noun that may head a line: "Lumi: auraus myöhässä")
        if (
            stop == b
            and tail[:1] == ":"
            and group[0].first
            and group[0].shape != "lower"
            and not any(i.place or i.org or i.head or i.heading for i in group)
            and sentence_initial(text, words[a].start())
        ):
            return True
        # "Jari Lahdesta"; a place joined to a first name as its surname: "Jouni Pukkilassa"
        # (not two places: "Aura Turussa")
        full = (
            len(group) > 1 and group[0].first and (last.name or (last.place and not group[0].place))
        )
        contacted = "sisatulento" in cases and (
            context.contact(text, words, infos, a, stop)
            or (not last.town and context.trusted(text, words, infos, a, stop))
        )
        # "En ole kuullut Saaresta mitään, kun hän …"
        contacted = contacted or (
            "sisaeronto" in cases
            and last.surname
            and not last.town
            and group[0].shape != "lower"
            and context.heard_of(text, words, infos, a, stop)
        )
        # a name read only as a person's ("Henrikistä on ollut apu", "Heinosessa on potkua")
        personal = last.strong and last.shape != "lower" and not last.unknown
        personal = personal and not (prev is not None and prev.head)  # "Hotelli Arthurissa"
        if cases and cases <= context.INNER_LOCAL and not (full or contacted or personal):
            return False
        # "rehtori Salon", "tyttäreni Aavan", or a title agreeing with the name: "jäsentä
        # Kroesia", "puheenjohtajan Thorbjörn Jaglandin" (not "johtajan usko", "opettajan ilon")
        titled = prev is not None and (
            prev.title
            or (prev.family_own and group[0].shape != "lower")
            or bool(prev.title_cases & cases - {"nimento", "omanto"})
            or ("omanto" in prev.title_cases & cases and group[0].shape != "lower")
        )
        capitals = all(i.shape != "lower" for i in group)
        # "rehtori Salo", "psykologi Usvan kanssa"; a place's name in the nominative right after
        # a title is a surname too ("Esihenkilö Lappi ei ymmärrä …")
        if (
            titled
            and capitals
            and all(not (i.org or i.head) for i in group)
            and (cases <= {"nimento"} or not any(i.place for i in group))
        ):
            return True
        # an initial before or after a capitalised word ("T. Vesala", "Peltola T.")
        initial = group[0].initial or group[-1].initial
        if initial and len(group) > 1 and capitals and not any(i.org for i in group):
            return True
        if not names:
            return unknown_run(text, words, infos, a, b, stop, cases, prev, nxt)
        strong = any(i.strong for i in names)
        after = words[stop][0].lower() if nxt is not None else ""
        if group[0].shape == "lower":  # "mikko", "virtaselta"; "salo" only in a strong context
            # a foreign surname Voikko knows, in lower case in Swedish text: "vann laga kraft"
            strong = strong and (last.listed or not clues.swedish(text))
            return (
                titled
                or strong
                # "soitin ensin salmelle ja sitten kankaalle"; "onni ja isä odottavat"
                or (
                    "ulkotulento" in cases
                    and (last.first or last.surname)
                    and not last.place
                    and clues.called(text, words, infos, a)
                )
                or (nominative and clues.with_family(text, words, infos, a, b))
                or (
                    not last.plural  # "teknisten toimien kaa"
                    and (
                        # the spoken "kans", "kaa", not "kanssa": "lumen kanssa taisteltiin"
                        (genitive and after in _SPOKEN_KANSSA)
                        # "kanssa" after a first name that is rarely a word or in spoken text:
                        # "jukan kanssa homma toimi", "mä oon puhunu sadun kanssa"
                        or (
                            genitive
                            and after == "kanssa"
                            and last.first
                            and not (last.place or last.verb)  # "mä toivon kanssa et …"
                            and (last.rare_first or context.spoken(text))
                        )
                        # "kiitos sannalle": thanks right before a first name
                        or (
                            prev is not None
                            and prev.thanks
                            and bool(cases & TOWARDS_FROM)
                            and last.first
                            and not (last.place or last.verb)
                        )
                        # "kysy sulolta" (not "soita rannalta"), "kerro ilolle"
                        or (prev is not None and prev.ask_from and "ulkoeronto" in cases)
                        or (prev is not None and prev.ask and "ulkotulento" in cases)
                        or (nominative and nxt is not None and nxt.speech_verb)
                        # "tää ahon porukka": a surname's crew (not a place's: "lahden väki")
                        or (
                            genitive
                            and nxt is not None
                            and nxt.crew
                            and last.surname
                            and not last.place
                        )
                        # "niemi on kertonut", "lehtinen on hyvä tyyppi" (a listed surname)
                        or (nominative and context.perfect_said(nxt, nxt2))
                        or (
                            nominative
                            and last.surname
                            and context.person_predicate(text, words, infos, stop)
                        )
                        # "jukka hoitaa kiinteistöt" (a plant's name; not "onni auttaa")
                        or (
                            nominative
                            and last.rare_first
                            and nxt is not None
                            and nxt.strong_verb
                            and nxt.singular
                        )
                    )
                )
            )
        # a name that is also an ordinary word is not decided by "tuli", "lähti" ("Lumi tuli")
        ordinary = not strong and any(i.common for i in names)

        def acts(info: WordInfo | None) -> bool:
            return info is not None and (info.strong_verb if ordinary else info.person_verb)

        place = names[-1].place
        person = (
            titled
            or contacted
            or (group[0].initial and len(group) > 1)  # "T. Salo"
            or (
                genitive
                and nxt is not None
                and (
                    nxt.person_noun  # "Kosken lähtö", "Kallion työnumero"
                    # "Niemisen laatima" (not the town's "Lahden tekemä")
                    or (nxt.agent and not last.town and (last.first or not last.common))
                    or (nxt.opinion_noun and not place)  # "Aallon esitys"
                    or (
                        nxt.after
                        and not (after == "mukaan" and last.verb)  # "Toivon mukaan" = hopefully
                        # "yhteistyö Lahden kanssa", "Lahden kanssa tehtiin yhteistyötä"
                        and not (place and clues.collaboration(infos, a, stop))
                    )
                    or (not place and context.channel(text, words, infos, stop))
                    # "LAINEEN tiimi", "Kosken porukka" (not a place's: "Lahden väki")
                    or (nxt.crew and last.surname and not place and capitals)
                    # "Saanan perhe", "Kosken äiti" (not "Lahden perheet", "Onnen lapsi")
                    or (
                        nxt.family
                        and not last.town
                        and (
                            # a first name that is also a word, capitalised: "Aamun isä" (not
                            # a partitive after "ilman": "Ilman huoltajaa tulleet")
                            (
                                last.first
                                and (
                                    not last.common
                                    or last.rare_first
                                    or (capitals and "osanto" not in nxt.cases)
                                )
                            )
                            or (not last.first and not place)
                        )
                    )
                )
            )
            or (
                nominative
                and (
                    acts(nxt)
                    or acts(prev)  # "Asiaa hoitaa Mäkelä."
                    or context.perfect_said(nxt, nxt2)  # "Niemi on kertonut, että …"
                    # past where the person comes from: "Matti Oulusta kertoi …", "Usva
                    # päiväkodista soitti" (not "Ilo päiväkodista on kadonnut")
                    or (
                        nxt is not None
                        and (nxt.place or nxt.head)
                        and "sisaeronto" in nxt.cases
                        and acts(nxt2)
                    )
                    # "Mäkelä ei vastannut", "Anna ei soittanut"
                    or (
                        nxt is not None
                        and nxt.negation
                        and (acts(nxt2) or (nxt2 is not None and nxt2.participle))
                    )
                    or context.unit_after(text, words, infos, stop)
                    or context.role_ahead(text, words, infos, stop)
                    or context.person_predicate(text, words, infos, stop)
                )
            )
            or context.apposition(text, words, infos, stop)
            or more_person(text, words, infos, a, b, stop, acts)
            # "Heikkilää ei ole nähty kunnan tilaisuuksissa", "Tapasimme Helmen vasta …"
            or (capitals and not last.town and context.met_object(text, words, infos, a, stop))
            or (capitals and context.foreign_context(text, words, infos, a, stop))
            or context.recipient(text, words, infos, a, stop, cases)
            # "Lehdolle soitettiin heti", "Kuuselta kysyttiin" (not a town's: "Lahdelle
            # ilmoitettiin")
            or (
                not last.town
                and (
                    context.told(text, words, infos, a, stop)
                    or asked_from(text, words, infos, stop)
                )
            )
            # "poissa: Järvi", "Lahtea ei kutsuttu, vaikka hän …", "Hei, olen Aino Salo"
            or (capitals and listed_or_referred(text, words, infos, a, b, stop))
            or ("vajanto" in cases and capitals and bool(names) and not last.town)  # "Ahotta"
            # "Lehdolla on tieto asiasta" (not "Kalliolla on näköala")
            or (
                "ulkoolento" in cases
                and capitals
                and not last.town
                and context.possessor(text, words, infos, stop)
            )
            or (
                capitals
                and not last.town  # "09 310 1234 / Lahti" may be the town
                and context.beside_contact(text, words[a].start(), words[stop - 1].end(), contacts)
            )
        )
        if strong or person:
            return True
        caps = group[0].shape == "caps"
        if (
            len(group) > 1
            and any(i.first for i in group)
            and (not caps or len(names) == len(group))
        ):
            return True
        word = names[-1]
        if place:
            return True if cases & TOWARDS_FROM else None
        if word.adjective_name and not (nxt is not None and nxt.noun):
            return True
        initial = sentence_initial(text, words[a].start())
        if word.shape == "title" and not initial and not word.initials:
            return True
        return None


def _colon_suffix(text: str, words: list[re.Match[str]], b: int) -> bool:
    """True when word ``b`` is a case suffix after a colon ("A-K:lta", "J-P:n")."""
    return (
        b < len(words)
        and gap(text, words, b) == ":"
        and len(words[b][0]) <= 4
        and words[b][0].islower()
    )


_DEFAULT: dict[str, PiiMasker] = {}


def default_masker() -> PiiMasker:
    """The process's masker with the default settings (made on first use)."""
    masker = _DEFAULT.get("default")
    if masker is None:
        masker = _DEFAULT["default"] = PiiMasker()
    return masker


def masked_lemmas(
    texts: Sequence[str], spans: Sequence[Sequence[tuple[int, int, str]]]
) -> list[Counter[str]]:
    """Per text, the lemmas of its masked parts (``spans``: each text's
    :meth:`PiiMasker.original_spans`): each part lemmatised on its own, and the lemma in the
    whole text of every token that overlaps a part (a code that ends a sentence, "308T.", is
    one token with its full stop, and its lemma "131052-308t." is the text's own), in one
    batch each."""
    from vastausanalyysi.nlp.pipeline import lemmatize, make_docs, offset_map

    parts = [(i, text[a:b]) for i, (text, found) in enumerate(zip(texts, spans, strict=True))
             for a, b, _ in found]  # fmt: skip
    out: list[Counter[str]] = [Counter() for _ in texts]
    for (i, _), lemmas in zip(parts, lemmatize([p for _, p in parts]), strict=True):
        out[i].update(lemmas)
    hit = [i for i, found in enumerate(spans) if found]
    for i, doc in zip(hit, make_docs([texts[i] for i in hit]), strict=True):
        mapping = offset_map(doc)
        isolated = set(out[i])
        parts = MaskedParts(spans[i])
        for token in doc:
            start, end = mapping.span(token.idx, token.idx + len(token.text))
            if token.lemma_ not in isolated and parts.overlapping(start, end) is not None:
                out[i][token.lemma_] += 1
    return out


def mask_pii(texts: Iterable[object]) -> list[str]:
    """Each text with names, e-mails, phone numbers and identity codes replaced, in order.

    None/NaN/pandas NA give ''; numbers become their ``str``; bytes raise InputTextError.
    """
    from vastausanalyysi.nlp.pipeline import as_text

    reject_single_text(texts, "mask_pii")
    masker = default_masker()
    return [
        masker.mask(value if isinstance(value, str) else as_text(value, i))
        for i, value in enumerate(texts)
    ]


__all__ = [
    "EMAIL",
    "HETU",
    "IP",
    "NAME",
    "PHONE",
    "PiiMasker",
    "default_masker",
    "mask_pii",
    "masked_lemmas",
    "valid_hetu",
]
