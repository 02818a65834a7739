"""The rule tagger: codebook patterns over lemmas and compound parts, with evidence.

Every code the tagger gives comes with evidence: the tokens (surface form, lemma, character
offsets) that triggered it and the rule that fired, e.g. ``part:perhekeskus`` for
"perhekeskusyhteistyö" or ``phrase:terveys edistää`` for "terveyden edistäminen".
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from spacy.tokens import Doc

from vastausanalyysi.themes.clauses import crosses_sentence, scopes, sentence_numbers
from vastausanalyysi.themes.codebook import load_codebook
from vastausanalyysi.themes.codes import COORDINATORS, Code, Codebook, norm_term
from vastausanalyysi.themes.mechanism_context import mechanism_blocks, mechanism_frames
from vastausanalyysi.themes.mechanism_hearing import hearing_frames
from vastausanalyysi.themes.mechanism_topics import topic_blocks
from vastausanalyysi.themes.phrases import CompiledPhrase, PhraseSet
from vastausanalyysi.themes.tokens import DocTable, TokenRow, doc_table, remember, rule_words

Evidence = dict[str, Any]

#: Speech verbs of a news attribution ("…, kertoo perhekeskuksen koordinaattori.").
_SPEECH = rule_words("speech_verbs")
_QUOTE_END = {",", "”", '"', "»", "–", "—"}
_SENT_END = {".", "!", "?"}
#: Words after the speech verb that a speaker's title may take ("…, kertoo Päijät-Hämeen
#: hyvinvointialueen yhdyspintatyön ja hyvinvoinnin ja terveyden edistämisen johtaja X").
_TITLE_WINDOW = 14


@dataclass
class RuleResult:
    """Codes of one text with their evidence."""

    areas: list[str] = field(default_factory=list)
    mechanisms: list[str] = field(default_factory=list)
    evidence: dict[str, list[Evidence]] = field(default_factory=dict)
    #: Per code, the token indices of the code's words that their context set aside (an
    #: exclusion, a speaker's title, one's own role): a model does not give the code from them.
    set_aside: dict[str, set[int]] = field(default_factory=dict)

    def __init__(
        self,
        areas: list[str] | None = None,
        mechanisms: list[str] | None = None,
        evidence: dict[str, list[Evidence]] | None = None,
        set_aside: dict[str, set[int]] | None = None,
    ) -> None:
        # written out: the compiled module then builds a result natively (a dataclass's
        # generated __init__ is interpreted Python)
        self.areas = [] if areas is None else areas
        self.mechanisms = [] if mechanisms is None else mechanisms
        self.evidence = {} if evidence is None else evidence
        self.set_aside = {} if set_aside is None else set_aside

    @property
    def codes(self) -> list[str]:
        return [*self.areas, *self.mechanisms]


def _add(
    evidence: dict[str, dict[tuple[int, int, str], Evidence]],
    groups: dict[tuple[int, int, str], list[int]],
    table: DocTable,
    rows: list[TokenRow],
    starts: list[int],
    negated: tuple[frozenset[int], frozenset[int]],
    cid: str,
    group: list[int],
    rule: str,
) -> None:
    """Record a hit of code ``cid`` on the tokens ``group`` by ``rule`` as evidence (once per
    span and rule), and its tokens in ``groups``; ``negated``: the negated and the existential
    scopes. A module function rather than a closure: the compiled tag_doc then keeps its
    variables as locals."""
    first, last = group[0], group[-1]
    start = starts[first]
    end = starts[last] + len(rows[last].text)
    key = (start, end, rule)
    bucket = evidence.setdefault(cid, {})
    if key in bucket:
        return
    groups[key] = group
    scope, existential = negated
    bucket[key] = {
        "surface": rows[last].text if first == last else table.surface(first, last),
        "lemma": rows[first].base if len(group) == 1 else " ".join([rows[i].base for i in group]),
        "rule": rule,
        "source": "rule",
        "start": start,
        "end": end,
        "negated": any(i in scope or i in existential for i in group),
    }


class RuleTagger:
    """Tags Docs with the codes of a :class:`Codebook` and records the evidence."""

    def __init__(self, codebook: Codebook | None = None):
        self.codebook = codebook or load_codebook()
        self._index: dict[str, dict[str, list[str]]] = {
            f: {} for f in ("lemmas", "words", "heads", "modifiers")
        }
        for code in self.codebook.codes.values():
            for f in self._index:
                for term in getattr(code, f):
                    self._index[f].setdefault(term, []).append(code.id)
        prefixes = [(c.id, p) for c in self.codebook.codes.values() for p in c.prefixes]
        #: surface prefixes by their first letter, each with its place in the codebook's order
        self._prefixes: dict[str, list[tuple[int, str, str]]] = {}
        for place, (cid, prefix) in enumerate(prefixes):
            self._prefixes.setdefault(prefix[:1], []).append((place, cid, prefix))
        codes = list(self.codebook.codes.values())
        self._exclusions = PhraseSet([(c.id, p) for c in codes for p in c.exclude_phrases])
        self._phrases = PhraseSet([(c, p) for c in codes for p in c.phrases])
        self._codes = self.codebook.codes
        #: the codes whose generic hits yield to other codes (see :meth:`_defer`)
        self._deferring = frozenset(c.id for c in codes if c.defer_to)
        #: per token row: is it a job title, and its (code, rule, is an area) hits
        self._hits: dict[TokenRow, tuple[bool, list[tuple[str, str, bool]]]] = {}

    # -- matching -------------------------------------------------------------------------------

    def _row_hits(self, row: TokenRow) -> tuple[bool, list[tuple[str, str, bool]]]:
        """Whether a word is a job title, and its hits that no exclusion of the code blocks:
        (code, rule, is an area), remembered per row."""
        found = self._hits.get(row)
        if found is None:
            codes = self._codes
            hits = [
                (cid, f"{rule}:{term}", codes[cid].kind == "area")
                for cid, rule, term in self._find_hits(row)
                if not self._excluded(codes[cid], row, term, rule)
            ]
            found = remember(self._hits, row, (self._is_role(row), hits))
        return found

    def _suspended(self, first: TokenRow, head: TokenRow) -> list[tuple[str, str]]:
        """(code, rule) of a suspended first part ``first`` ("työvoima-") completed by the
        compound parts that end ``head`` ("yrityspalvelu": "työvoimapalvelu"), as whole lemmas
        of the codebook."""
        stem = first.norm
        found = []
        for j in range(1, len(head.parts)):
            term = stem + "".join(head.parts[j:])
            for cid in self._index["lemmas"].get(term, ()):
                found.append((cid, f"suspended:{term}"))
        return found

    def _find_hits(self, w: TokenRow) -> list[tuple[str, str, str]]:
        hits: list[tuple[str, str, str]] = []
        idx = self._index
        whole = w.norm
        for f in ("lemmas", "words", "heads"):
            for cid in idx[f].get(whole, ()):
                hits.append((cid, "lemma", whole))
        for term in w.inner - {whole}:
            for cid in idx["lemmas"].get(term, ()):
                hits.append((cid, "part", term))
        for term in w.heads - {whole}:
            for cid in idx["heads"].get(term, ()):
                hits.append((cid, "head", term))
        for term in w.modifiers:
            for cid in idx["modifiers"].get(term, ()):
                hits.append((cid, "modifier", term))
        # surface prefixes: for words Voikko does not know, and as a safety net when a known
        # word's lemma is off ("kiinteistöt" left unlemmatised)
        low = w.low
        found = {h[0] for h in hits}
        tried = self._prefixes.get(low[:1], [])
        if low[:1] and "" in self._prefixes:
            tried = sorted(tried + self._prefixes[""])
        for _place, cid, prefix in tried:
            if cid not in found and low.startswith(prefix):
                hits.append((cid, "prefix", prefix))
                found.add(cid)
        return hits

    @staticmethod
    def _excluded(code: Code, w: TokenRow, term: str, rule: str) -> bool:
        if code.exclude_surface and any(s in w.low for s in code.exclude_surface):
            return True
        if not code.exclude:
            return False
        if w.norm in code.exclude:
            return True
        if rule == "prefix":
            low = norm_term(w.text)
            return any(low.startswith(e) for e in code.exclude)
        return any(term in e for e in code.exclude & w.inner)

    def _is_role(self, w: TokenRow) -> bool:
        """A job title in the essive ("perhekeskusjohtajana"): codebook rule 4."""
        if not self.codebook.role_heads:
            return False
        low = w.low
        if not (low.endswith("na") or low.endswith("nä")):
            return False
        if any(h in self.codebook.role_heads for h in w.heads if h != w.norm or w.parts):
            return True
        # unknown compounds ("perhekeskusjohtajana"): a title stem inside the surface form
        return not w.parts and any(h[:-1] in low[1:] for h in self.codebook.role_heads)

    def _has_role(self, row: TokenRow) -> bool:
        heads = self.codebook.role_heads
        # the surface too: "aluevaltuutettu" gets the verb lemma "aluevaltuuttaa"
        return bool(heads & (row.heads | {row.norm})) or row.low.endswith(tuple(heads))

    def _attribution(self, table: DocTable) -> set[int]:
        """Tokens of a speaker attribution naming a job title (codebook rule 4).

        "…, kertoo perhekeskuksen koordinaattori." (a speech verb after a comma or a quote, to the
        end of the sentence) and a headline prefix "Työllisyysalueen johtaja: …" name the speaker's
        job, not the topic: they give no area.
        """
        out: set[int] = set()
        if not self.codebook.role_heads:
            return out
        rows: list[TokenRow] = table.rows
        texts = [r.text for r in rows]
        flags: list[bool] = table.words
        n = len(texts)
        for i in range(1, n):
            if texts[i - 1] not in _QUOTE_END:
                continue
            if rows[i].norm not in _SPEECH:
                continue
            j = i + 1
            while j < n and texts[j] not in _SENT_END and j - i <= _TITLE_WINDOW:
                j += 1
            span = range(i + 1, j)
            if any(self._has_role(rows[k]) for k in span if flags[k]):
                out.update(span)
        colon = texts.index(":", 0, 6) if ":" in texts[:6] else None
        if colon and flags[colon - 1] and self._has_role(rows[colon - 1]):
            out.update(range(colon))
        return out

    def _title_list(self, rows: list[TokenRow]) -> set[int]:
        """The titles, and hyphenated first parts, of a list of job titles ("hallintojohtaja,
        kiinteistöpäällikkö ja kehittämispäällikkö", "vastuualue- ja professiojohtajat"): people
        named by their jobs, not topics (codebook rule 4). A title is a compound whose head is a
        role head; a list is two or more of them joined by commas, "ja", "sekä" or "tai", with a
        hyphenated first part ("vastuualue-") belonging to the title after it."""
        heads = self.codebook.role_heads
        out: set[int] = set()
        if not heads:
            return out
        run: list[int] = []  # the titles and hyphenated first parts of the list so far
        titles = 0
        for i, row in enumerate(rows):
            if row.parts and not row.heads.isdisjoint(heads):
                run.append(i)
                titles += 1
            elif row.text.endswith("-") and row.word:
                run.append(i)
            elif row.text != "," and row.text not in COORDINATORS:
                if titles >= 2:
                    out.update(run)
                run, titles = [], 0
        if titles >= 2:
            out.update(run)
        return out

    def _title_hit(self, row: TokenRow, rule: str) -> bool:
        """A hit of a listed title that names the title itself (its whole lemma or its role
        head: "kunnanvaltuutettu", "valtuutettu"), not a part before it ("kiinteistö-")."""
        kind, _, term = rule.partition(":")
        return not row.text.endswith("-") and (kind == "lemma" or term in self.codebook.role_heads)

    def tag_doc(self, doc: Doc) -> RuleResult:
        """Codes and evidence for one Doc."""
        cb = self.codebook
        table = doc_table(doc)
        rows: list[TokenRow] = table.rows
        starts: list[int] = table.starts
        where = [i for i, word in enumerate(table.words) if word]  # token index of each word
        keys = [rows[i].match for i in where]
        found = scopes(table, cb.polarity)
        negated = (found.negated, found.existential)
        evidence: dict[str, dict[tuple[int, int, str], Evidence]] = {}
        attribution = self._attribution(table)
        titles = self._title_list(rows)

        # tokens blocked per code by exclusion phrases
        blocked: dict[str, set[int]] = {}
        for cid, _phrase, a, b in self._exclusions.matches(keys):
            blocked.setdefault(cid, set()).update(where[a:b])
        # words that their context sets aside: no rule hit, nor the model's evidence
        set_aside: dict[str, set[int]] = {}
        for context_blocks in (mechanism_blocks(rows, where), topic_blocks(rows, where)):
            for cid, found_ in context_blocks.items():
                blocked.setdefault(cid, set()).update(found_)
                set_aside.setdefault(cid, set()).update(found_)

        groups: dict[tuple[int, int, str], list[int]] = {}  # tokens of each evidence key

        known = self._hits
        for i in where:
            row = rows[i]
            role, hits = known.get(row) or self._row_hits(row)
            if not hits:
                continue
            spoken = i in attribution
            # a title in a list of people names its area no more than a speaker's title, nor a
            # mechanism through a part other than its head ("vastuualue- ja professiojohtajat":
            # no tyonjako); the title itself still counts ("kunnanvaltuutetut ja
            # aluevaltuutetut": elected officials)
            listed = i in titles
            for cid, rule, area in hits:
                # a speaker's title or one's own role names no topic; an exclusion blocks
                if (
                    spoken
                    or (role and area)
                    or (listed and (area or not self._title_hit(row, rule)))
                    or i in blocked.get(cid, ())
                ):
                    set_aside.setdefault(cid, set()).add(i)
                    continue
                _add(evidence, groups, table, rows, starts, negated, cid, [i], rule)

        # a suspended first part completed by the next word's head: "työvoima- ja
        # yrityspalvelut" names "työvoimapalvelut", "koulu- ja opiskeluterveydenhuolto"
        # "kouluterveydenhuolto"
        for i, between, j in zip(where, where[1:], where[2:], strict=False):
            if rows[i].text.endswith("-") and rows[between].low in COORDINATORS:
                for cid, term in self._suspended(rows[i], rows[j]):
                    if i not in blocked.get(cid, ()) and i not in attribution:
                        _add(evidence, groups, table, rows, starts, negated, cid, [i], term)

        for code, phrase, a, b in self._phrases.matches(keys):
            group = where[a:b]
            if crosses_sentence(rows, group[0], group[-1]):
                continue  # "… suljettuna. Vanhusneuvosto kuullaan": two sentences
            if any(i in blocked.get(code.id, ()) for i in group) or all(
                i in attribution for i in group
            ):
                set_aside.setdefault(code.id, set()).update(group)
                continue
            _add(
                evidence,
                groups,
                table,
                rows,
                starts,
                negated,
                code.id,
                group,
                f"phrase:{phrase.label}",
            )

        # frames that need a word's case or person (themes/mechanism_context.py)
        for cid, group, rule in [*mechanism_frames(rows, where), *hearing_frames(rows, where)]:
            if cid in self._codes and not any(i in blocked.get(cid, ()) for i in group):
                _add(evidence, groups, table, rows, starts, negated, cid, group, rule)

        if self._deferring and not self._deferring.isdisjoint(evidence):
            self._defer(evidence, groups, rows, set_aside)

        result = RuleResult(set_aside=set_aside)
        for cid in cb.areas:
            if cid in evidence:
                result.areas.append(cid)
        for cid in cb.mechanisms:
            if cid in evidence:
                result.mechanisms.append(cid)
        result.evidence = {
            cid: sorted(evidence[cid].values(), key=lambda e: (e["start"], e["end"], e["rule"]))
            for cid in result.codes
        }
        return result

    def _defer(
        self,
        evidence: dict[str, dict[tuple[int, int, str], Evidence]],
        groups: dict[tuple[int, int, str], list[int]],
        rows: list[TokenRow],
        set_aside: dict[str, set[int]],
    ) -> None:
        """Drop the generic hits of a code in a sentence where a code it defers to is found
        (``Code.defer_to``): "Perhekeskus tukee lapsia" is the family centre, not children's
        services beyond it. A sentence without a verb is a list of topics ("Hyte-yhteistyö,
        perhekeskus, lapset ja nuoret"), each its own. The words are set aside, so the model
        does not add them back."""
        numbers = sentence_numbers(rows)
        with_verb = {numbers[i] for i, row in enumerate(rows) if row.verb}
        for cid in self._deferring.intersection(evidence):
            code = self._codes[cid]
            covered = {
                numbers[groups[key][0]]
                for target in code.defer_to
                for key in evidence.get(target, ())
            } & with_verb
            if not covered:
                continue
            bucket = evidence[cid]
            for key in [k for k in bucket if code.generic_hit(k[2])]:
                if numbers[groups[key][0]] in covered:
                    del bucket[key]
                    set_aside.setdefault(cid, set()).update(groups[key])
            if not bucket:
                del evidence[cid]

    def tag_docs(self, docs: Iterable[Doc]) -> list[RuleResult]:
        """Codes and evidence for many Docs, in order."""
        return [self.tag_doc(doc) for doc in docs]


__all__ = [
    "CompiledPhrase",
    "Evidence",
    "PhraseSet",
    "RuleResult",
    "RuleTagger",
]
