"""Lemma candidates for a word form: Voikko's base forms plus the UD Finnish conventions.

Voikko's base form is often not the lemma a treebank (or a reader) expects. For every word form
this module lists the plausible lemmas, each with the evidence for it as feature strings, and
the ranker in :mod:`vastausanalyysi.nlp.disambiguation` picks one:

* each analysis's base form;
* participles → their verb (*saapuneita* → *saapua*), ``-minen`` infinitives → the ``-minen``
  noun (*varautumiseen* → *varautuminen*), plural pronouns → singular (*nuo* → *tuo*);
* the surface form itself (lexicalised adverbs and adpositions: *lopulta*, *lisäksi*);
* ``H&M:n`` → *H&M*; Finnish case endings stripped from unknown words (*Arduinoa* → *Arduino*,
  *showroomilla* → *showroom*);
* lemmas remembered for the form from annotated text.

It also computes the compound boundaries of a chosen candidate (Voikko's ``[Bc]`` segment joins,
the ``=`` inside lexicalised compounds such as *hyvin=vointi*, and hyphens).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from vastausanalyysi.nlp.voikko import Analysis

PLURAL_PRONOUNS: dict[str, str] = {
    "me": "minä",
    "te": "sinä",
    "he": "hän",
    "ne": "se",
    "nämä": "tämä",
    "nuo": "tuo",
}

# Colloquial and spoken pronoun forms Voikko does not know.
COLLOQUIAL: dict[str, str] = {
    "mä": "minä",
    "mää": "minä",
    "mie": "minä",
    "mun": "minä",
    "mua": "minä",
    "mulla": "minä",
    "multa": "minä",
    "mulle": "minä",
    "mussa": "minä",
    "musta": "minä",
    "muhun": "minä",
    "sä": "sinä",
    "sää": "sinä",
    "sie": "sinä",
    "sun": "sinä",
    "sua": "sinä",
    "sulla": "sinä",
    "sulta": "sinä",
    "sulle": "sinä",
    "sussa": "sinä",
    "susta": "sinä",
    "suhun": "sinä",
    "meil": "minä",
    "teil": "sinä",
    "niil": "se",
    "sil": "se",
    "siit": "se",
    "tää": "tämä",
    "tän": "tämä",
    "tätä": "tämä",
    "toi": "tuo",
    "ton": "tuo",
    "tota": "tuo",
    "noi": "tuo",
    "nää": "tämä",
}

# Case and number endings tried on words Voikko does not know, longest first.
_ENDINGS = sorted(
    set(
        [
            "n",
            "a",
            "ä",
            "ta",
            "tä",
            "lla",
            "llä",
            "lta",
            "ltä",
            "lle",
            "ssa",
            "ssä",
            "sta",
            "stä",
            "ksi",
            "na",
            "nä",
            "in",
            "iin",
            "hin",
            "t",
            "ja",
            "jä",
            "ia",
            "iä",
            "ien",
            "jen",
            "ille",
            "illa",
            "illä",
            "ista",
            "istä",
            "issa",
            "issä",
            "iksi",
            "ilta",
            "iltä",
            "ina",
            "inä",
            "seen",
            "kin",
            "kaan",
            "kään",
            "han",
            "hän",
            "ni",
            "si",
        ]
    ),
    key=len,
    reverse=True,
)
_VOWELS = set("aeiouyäöå")
_TAG = re.compile(r"\[[^\]]*\]")
_ANY_BASE = re.compile(r"\[X[a-z]\].*?\[X\]")
_FIRST_BASE = re.compile(r"\[Xp\](.*?)\[X\]")
_WORDLIKE = re.compile(r"[^\W\d_]", re.UNICODE)


@dataclass(slots=True)
class Candidate:
    """A possible lemma of a word form and the evidence for it."""

    lemma: str
    source: str
    analysis: Analysis | None = None
    features: set[str] = field(default_factory=set)
    marked: str = ""
    n_analyses: int = 0

    @property
    def key(self) -> str:
        """The lemma as compared: lower-cased."""
        return self.lemma.lower()


def is_wordlike(form: str) -> bool:
    """Whether ``form`` contains a letter (else it is punctuation, a number or a symbol)."""
    return bool(_WORDLIKE.search(form))


def generate(
    form: str,
    analyses: tuple[Analysis, ...],
    memory: dict[str, dict[str, int]] | None = None,
) -> list[Candidate]:
    """The candidate lemmas of ``form`` (deduplicated by lower-cased lemma, in a stable order)."""
    low = form.lower()
    out: dict[str, Candidate] = {}

    def add(lemma: str, source: str, analysis: Analysis | None, feats: list[str]) -> None:
        key = lemma.lower()
        cand = out.get(key)
        if cand is None:
            cand = out[key] = Candidate(lemma, source, analysis, {"src=" + source, *feats})
        else:
            if cand.analysis is None and analysis is not None:
                cand.analysis = analysis
            cand.features.add("src=" + source)
            cand.features.update(feats)
        if analysis is not None:
            cand.n_analyses += 1

    for i, a in enumerate(analyses):
        fields = a.fields
        cls = a.word_class or "-"
        case = fields.get("SIJAMUOTO") or "-"
        part = fields.get("PARTICIPLE")
        mood = fields.get("MOOD")
        base = a.baseform if a.is_proper else a.baseform.lower()
        feats = [
            "v|cls=" + cls,
            f"v|cls={cls}|case={case}",
            f"v|cls={cls}|num={fields.get('NUMBER') or '-'}",
            f"v|nseg={min((fields.get('FSTOUTPUT') or '').count('[Bc]'), 2)}",
        ]
        if i == 0:
            feats.append("v|first")
        if part:
            feats.append("v|part=" + part)
        if mood:
            feats.append("v|mood=" + mood)
        comparison = fields.get("COMPARISON")
        if comparison == "comparative" or comparison == "superlative":
            feats.append("v|comparison=" + comparison)
        if base:
            add(base, "v", a, feats)
        if part:
            verb = participle_verb(a)
            if verb:
                if part == "agent":
                    add(verb, "agent2verb", a, ["agent2verb|case=" + case])
                else:
                    add(verb, "part2verb", a, [f"part2verb|{part}|case={case}"])
        if mood == "MINEN-infinitive":
            noun = minen_noun(a)
            if noun:
                add(noun, "minen", a, ["minen|case=" + case])
        if cls == "asemosana" and base in PLURAL_PRONOUNS:
            add(PLURAL_PRONOUNS[base], "pron_sg", a, ["pron_sg|" + base])
    known = bool(analyses)
    if _WORDLIKE.search(form):
        tag = "known" if known else "unknown"
        add(
            low.strip("-") or low,
            "surface",
            None,
            ["surface|" + tag, f"surface|{tag}|suf={low[-3:]}"],
        )
        if low in COLLOQUIAL:
            add(COLLOQUIAL[low], "colloquial", None, [])
        if ":" in form:
            head = form.split(":", 1)[0]
            if head:
                add(head, "colon", None, ["colon|" + tag])
        if not known:
            for stem, ending in strip_endings(form):
                add(stem, "strip", None, ["strip|" + ending, f"strip|cap={form[:1].isupper()}"])
    if memory:
        seen = memory.get(low)
        if seen:
            for lemma in seen:
                add(lemma, "mem", None, [])
    return list(out.values())


def strip_endings(form: str) -> list[tuple[str, str]]:
    """(stem, ending) pairs for a word Voikko does not know: *Arduinoa* → (*Arduino*, a)."""
    low = form.lower()
    out: list[tuple[str, str]] = []
    for ending in _ENDINGS:
        if len(low) - len(ending) < 3 or not low.endswith(ending):
            continue
        stem = form[: len(form) - len(ending)]
        out.append((stem, ending))
        # foreign consonant stems take a linking i: showroom-i-lla, Facebook-i-ssa
        if (
            ending[0] != "i"
            and len(stem) > 3
            and stem[-1] in "iI"
            and stem[-2].lower() not in _VOWELS
        ):
            out.append((stem[:-1], "i+" + ending))
    return out


def _last_chunk(analysis: Analysis) -> tuple[str, str]:
    """(FSTOUTPUT before the last compound join, the last compound part's FSTOUTPUT)."""
    fst = analysis.get("FSTOUTPUT", "") or ""
    head, _, tail = fst.rpartition("[Bc]")
    return head, tail


def _prefix(analysis: Analysis) -> str:
    """The base form's text before the last compound part."""
    segs = analysis.segments
    if len(segs) < 2:
        return ""
    consumed = sum(len(s[0]) for s in segs[:-1])
    return analysis.baseform[:consumed].lower()


def participle_verb(analysis: Analysis) -> str:
    """The verb of a participle reading (*saapunut* → *saapua*), with any compound prefix."""
    _head, tail = _last_chunk(analysis)
    if not tail.startswith("[Lt]"):
        return ""
    match = _FIRST_BASE.search(tail)
    if not match:
        return ""
    return _prefix(analysis) + match.group(1).replace("=", "")


def minen_noun(analysis: Analysis) -> str:
    """The ``-minen`` noun of a MINEN-infinitive reading (*varautumiseen* → *varautuminen*)."""
    _head, tail = _last_chunk(analysis)
    idx = tail.find("[Tn4]")
    if idx < 0:
        return ""
    stem = _TAG.sub("", _ANY_BASE.sub("", tail[:idx]))
    if not stem:
        return ""
    return _prefix(analysis) + stem.lower() + "minen"


# --- compound boundaries -------------------------------------------------------------------


def boundaries(analysis: Analysis, lemma: str) -> list[tuple[int, str, str, str]]:
    """Possible compound boundaries in ``lemma`` from ``analysis``.

    Each is ``(offset, kind, left, right)``: ``kind`` is ``"c"`` for a join of compound parts,
    ``"m"`` for an ``=`` inside a lexicalised compound (*hyvin=vointi*), ``"h"`` for a hyphen.
    """
    fst = analysis.get("FSTOUTPUT", "") or ""
    chunks = fst.split("[Bc]")
    low = lemma.lower()
    out: list[tuple[int, str, str, str]] = []
    pos = 0
    for n, chunk in enumerate(chunks):
        surface = _TAG.sub("", _ANY_BASE.sub("", chunk))
        bases = _FIRST_BASE.findall(chunk)
        base = bases[0] if bases else ""
        if "=" in base:
            acc = pos
            pieces = base.split("=")
            for piece in pieces[:-1]:
                acc += len(piece)
                if low[pos:acc] == "".join(pieces)[: acc - pos].lower() and 0 < acc < len(low):
                    out.append((acc, "m", piece.lower(), ""))
        pos += len(surface)
        if n < len(chunks) - 1 and 0 < pos < len(low):
            kind = "h" if low[pos - 1] == "-" else "c"
            out.append((pos, kind, "", ""))
    # name the pieces on either side of each boundary
    cuts = sorted({o for o, *_ in out})
    named: list[tuple[int, str, str, str]] = []
    for offset, kind, _left, _right in out:
        i = cuts.index(offset)
        start = cuts[i - 1] if i else 0
        end = cuts[i + 1] if i + 1 < len(cuts) else len(low)
        named.append((offset, kind, low[start:offset].strip("-"), low[offset:end].strip("-")))
    return named


def apply_marks(lemma: str, cuts: list[int]) -> str:
    """``lemma`` with '#' at ``cuts``; a hyphen at a cut becomes the '#'."""
    if not cuts:
        return lemma
    out, last = [], 0
    for cut in sorted(set(cuts)):
        piece = lemma[last:cut]
        out.append(piece[:-1] if piece.endswith("-") else piece)
        last = cut
    out.append(lemma[last:])
    return "#".join(out)


def hyphen_marks(lemma: str) -> str:
    """UD's convention for hyphenated words: inner hyphens become '#', edge hyphens go."""
    core = lemma.strip("-")
    if not core or "-" not in core or not is_wordlike(core):
        return core or lemma
    return core.replace("-", "#")
