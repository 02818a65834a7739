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
from collections.abc import Callable

from vastausanalyysi.nlp.voikko import Analysis, parse_fst

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
#: A character that makes a token a word (a letter), as opposed to punctuation, numbers, symbols.
WORDLIKE = re.compile(r"[^\W\d_]", re.UNICODE)


class Candidate:
    """A possible lemma of a word form and the evidence for it.

    The evidence is a list of *groups*: hashable tuples such as ``("v", class, case, …)`` that
    each stand for a few feature strings (:func:`group_features`). A ranker can cache a weight
    per group instead of looking up every string; :attr:`features` gives the strings themselves.
    """

    __slots__ = ("analysis", "groups", "lemma", "marked", "n_analyses", "source")

    def __init__(
        self,
        lemma: str,
        source: str,
        analysis: Analysis | None = None,
        groups: list[tuple] | None = None,
        marked: str = "",
        n_analyses: int = 0,
    ) -> None:
        self.lemma = lemma
        self.source = source
        self.analysis = analysis
        self.groups = groups if groups is not None else []
        self.marked = marked
        self.n_analyses = n_analyses

    @property
    def key(self) -> str:
        """The lemma as compared: lower-cased."""
        return self.lemma.lower()

    @property
    def features(self) -> set[str]:
        """The feature strings of all the candidate's groups (their union)."""
        out: set[str] = set()
        for group in self.groups:
            out.update(group_features(group))
        return out

    def __repr__(self) -> str:
        return f"Candidate({self.lemma!r}, {self.source!r}, groups={self.groups!r})"


_GROUP_FEATURES: dict[tuple, tuple[str, ...]] = {}


def group_features(group: tuple) -> tuple[str, ...]:
    """The feature strings a conventions group stands for (cached).

    Groups of different kinds (``group[0]``) never share a string, so a candidate's score is the
    sum of its groups' scores unless two of its groups have the same kind.
    """
    hit = _GROUP_FEATURES.get(group)
    if hit is None:
        hit = _GROUP_FEATURES[group] = _expand(group)
    return hit


def _expand(group: tuple) -> tuple[str, ...]:
    kind = group[0]
    if kind == "rank":
        return _expand_rank(group)
    out = ["src=" + kind]
    if kind == "v":
        _kind, cls, case, num, nseg, first, part, mood, comparison, joins_rank = group
        out += [
            "v|cls=" + cls,
            f"v|cls={cls}|case={case}",
            f"v|cls={cls}|num={num}",
            f"v|nseg={nseg}",
        ]
        if first:
            out.append("v|first")
        if part:
            out.append("v|part=" + part)
        if mood:
            out.append("v|mood=" + mood)
        if comparison:
            out.append("v|comparison=" + comparison)
        if joins_rank:  # the reading with the fewest compound joins, when the readings differ
            out.append("v|joins=fewest" if joins_rank == 1 else "v|joins=more")
    elif kind == "agent2verb" or kind == "minen":
        out.append(f"{kind}|case={group[1]}")
    elif kind == "part2verb":
        out.append(f"part2verb|{group[1]}|case={group[2]}")
    elif kind == "pron_sg":
        out.append("pron_sg|" + group[1])
    elif kind == "surface":
        out += ["surface|" + group[1], f"surface|{group[1]}|suf={group[2]}"]
    elif kind == "colon":
        out.append("colon|" + group[1])
    elif kind == "strip":
        out += ["strip|" + group[1], f"strip|cap={group[2]}"]
    return tuple(out)


def _expand_rank(group: tuple) -> tuple[str, ...]:
    """The ranker's own features of a candidate (see ``Disambiguator.candidates``)."""
    _kind, src, mem, lf, cap, same, proper, nan = group
    if mem is None:
        out = ["mem=none"]
    else:
        share, n_bucket, top = mem
        out = ["mem=" + share, f"mem={share}|n={n_bucket}"]
        if top:
            out.append("memtop")
    out += ["lf=" + lf, f"{src}|lf={lf}", f"{src}|{cap}"]
    if same:
        out.append("same")
    if proper:
        out.append("proper|" + cap)
    out.append(f"nan={nan}")
    return tuple(out)


def is_wordlike(form: str) -> bool:
    """Whether ``form`` contains a letter (else it is punctuation, a number or a symbol)."""
    return bool(WORDLIKE.search(form))


def _add(out: dict[str, Candidate], lemma: str, analysis: Analysis | None, group: tuple) -> None:
    key = lemma.lower()
    cand = out.get(key)
    if cand is None:
        out[key] = Candidate(lemma, group[0], analysis, [group], "", 0 if analysis is None else 1)
        return
    if cand.analysis is None and analysis is not None:
        cand.analysis = analysis
    if group not in cand.groups:
        cand.groups.append(group)
    if analysis is not None:
        cand.n_analyses += 1


def _caseless_ma(a: Analysis) -> bool:
    """A MA-infinitive reading without a case ("toimittaman" read as a form of "toimia")."""
    return a.fields.get("MOOD") == "MA-infinitive" and not a.fields.get("SIJAMUOTO")


def add_reading_candidates(
    analyses: tuple[Analysis, ...], add: Callable[[str, Analysis | None, tuple], None]
) -> None:
    """Call ``add(lemma, analysis, group)`` for each candidate that Voikko's readings give: the
    base form, participle → verb, ``-minen`` infinitive → noun, plural pronoun → singular.

    The one definition of these candidates, shared by :func:`generate` and the ranker's fast
    path (``Disambiguator.quick``).
    """
    if len(analyses) > 1:
        # a MA-infinitive with no case is a rare archaic form that Voikko also reads into agent
        # participles of "-ttaa" verbs ("toimittaman" as "toimia", "kehittämän" as "kehiä"):
        # no candidate while another reading exists
        kept = tuple(a for a in analyses if not _caseless_ma(a))
        analyses = kept or analyses
    first = True
    joins = [(a.fields.get("FSTOUTPUT") or "").count("[Bc]") for a in analyses]
    lo, hi = (min(joins), max(joins)) if joins else (0, 0)
    for a, nseg in zip(analyses, joins, strict=True):
        get = a.fields.get
        cls = a.word_class or "-"
        case = get("SIJAMUOTO") or "-"
        part = get("PARTICIPLE")
        mood = get("MOOD")
        comparison = get("COMPARISON")
        if comparison != "comparative" and comparison != "superlative":
            comparison = None
        number = get("NUMBER") or "-"
        joins_rank = 0 if lo == hi else (1 if nseg == lo else 2)
        group = (
            "v", cls, case, number, nseg if nseg < 2 else 2, first, part, mood, comparison,
            joins_rank,
        )  # fmt: skip
        first = False
        base = a.baseform if cls in _PROPER else a.baseform.lower()
        if base and (number != "plural" or mood != "MINEN-infinitive"):  # plural: a noun
            add(base, a, group)
        if part and comparison is None:  # "sujuvampi", "arvostetuin": an adjective's degree
            verb = participle_verb(a)
            if verb:
                if part == "agent":
                    add(verb, a, ("agent2verb", case))
                else:
                    add(verb, a, ("part2verb", part, case))
        if mood == "MINEN-infinitive":
            noun = minen_noun(a)
            if noun:
                add(noun, a, ("minen", case))
        if cls == "asemosana" and base in PLURAL_PRONOUNS:
            add(PLURAL_PRONOUNS[base], a, ("pron_sg", base))


def generate(
    form: str,
    analyses: tuple[Analysis, ...],
    memory: dict[str, dict[str, int]] | None = None,
) -> list[Candidate]:
    """The candidate lemmas of ``form`` (deduplicated by lower-cased lemma, in a stable order)."""
    low = form.lower()
    out: dict[str, Candidate] = {}
    add_reading_candidates(analyses, lambda lemma, a, group: _add(out, lemma, a, group))
    known = bool(analyses)
    if WORDLIKE.search(form):
        tag = "known" if known else "unknown"
        _add(out, low.strip("-") or low, None, ("surface", tag, low[-3:]))
        if low in COLLOQUIAL:
            _add(out, COLLOQUIAL[low], None, ("colloquial",))
        if ":" in form:
            head = form.split(":", 1)[0]
            if head:
                _add(out, head, None, ("colon", tag))
        if not known:
            cap = str(form[:1].isupper())
            for stem, ending in strip_endings(form):
                _add(out, stem, None, ("strip", ending, cap))
    if memory:
        seen = memory.get(low)
        if seen:
            for lemma in seen:
                _add(out, lemma, None, ("mem",))
    return list(out.values())


_PROPER = frozenset({"etunimi", "sukunimi", "paikannimi", "nimi"})


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
    """The verb of a participle reading (*saapunut* → *saapua*), with any compound prefix.

    A verb derived from another (*parantunut*: ``[Xp]parata[X]paran[Xj]tua[X]tu[Ll]…``) gives
    the derived verb (*parantua*: the stem before the last derivational suffix in front of the
    participle's own ending, plus that suffix's base form), not the root (*parata*).
    """
    _head, tail = _last_chunk(analysis)
    if not tail.startswith("[Lt]"):
        return ""
    end = tail.find("[L", 4)  # the participle's (or agent noun's) own part starts here
    verb_part = tail[4:end] if end >= 0 else tail[4:]
    cut = verb_part.rfind("[Xj]")
    if cut >= 0:
        close = verb_part.find("[X]", cut)
        suffix = verb_part[cut + 4 : close] if close >= 0 else ""
        stem = _TAG.sub("", _ANY_BASE.sub("", verb_part[:cut]))
        if suffix and stem:
            return _prefix(analysis) + stem.lower() + suffix
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
    if "=" not in fst and "[Bc]" not in fst:
        return []
    chunks = parse_fst(fst)
    low = lemma.lower()
    out: list[tuple[int, str, str, str]] = []
    pos = 0
    for n, (surface, base, _derived) in enumerate(chunks):
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
