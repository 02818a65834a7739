"""Train the lemma ranker and compound marker shipped as ``vastausanalyysi/data/lemma_model.json``.

Usage::

    python scripts/train_lemma_model.py --tdt TDT_DEV.conllu --ftb FTB_DEV.conllu FTB_TEST.conllu \\
        --out src/vastausanalyysi/data/lemma_model.json
    python scripts/train_lemma_model.py --tdt TDT_DEV.conllu --ftb ... --cv   # cross-validation

``--tdt`` files follow the TDT conventions (compound marks, pronoun and participle lemmas) and teach
everything; ``--ftb`` files (no '#', other conventions for pronouns and adpositions) add weight-0.5
ranking examples and form → lemma memory for open-class words only. Never pass TDT test here.

The model is a conditional logit over each token's candidates (features from
:class:`vastausanalyysi.nlp.disambiguation.Disambiguator`), fit with L-BFGS. The memory features of
training tokens are computed from the other folds (jackknife), as they will be for unseen text.
With ``--cv`` the model's ``context_margin`` (above which the neighbours are not consulted) is the
smallest margin whose CV accuracy equals the best (``--margin-tolerance``), unless
``--context-margin`` sets it.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import sys
import time
from collections import Counter, defaultdict
from importlib import metadata
from pathlib import Path

import numpy as np
from scipy import optimize, sparse

from vastausanalyysi.nlp import candidates
from vastausanalyysi.nlp.decision_table import (
    TABLE_RESOURCE,
    build_rows,
    voikko_versions,
    write_table,
)
from vastausanalyysi.nlp.disambiguation import Disambiguator, word_shape
from vastausanalyysi.nlp.evaluation import Word, normalise, read_conllu, score_lemmas
from vastausanalyysi.nlp.lemmatizer import Lemmatizer
from vastausanalyysi.nlp.voikko import VoikkoAnalyzer

FOLDS = 5
FTB_WEIGHT = 0.5
FTB_SKIP_UPOS = {"PRON", "ADP", "ADV", "SCONJ", "CCONJ", "AUX", "PUNCT", "SYM"}
VOCAB_SIZE = 300
MARGINS = (0.0, 0.5, 1.0, 1.5, 2.0, 2.5, 3.0, 4.0, 6.0, 1e9)


def key(lemma: str) -> str:
    """Lemma comparison key across treebanks: lower-cased, no '#', no hyphens."""
    return lemma.lower().replace("#", "").replace("-", "")


class Sentence:
    def __init__(self, words: list[Word], dataset: str, fold: int):
        self.words = words
        self.dataset = dataset
        self.fold = fold


def load(paths: list[Path], dataset: str) -> list[Sentence]:
    out = []
    for path in paths:
        for i, words in enumerate(read_conllu(path)):
            out.append(Sentence(words, dataset, (i // 20) % FOLDS))
    return out


def build_memory(
    sentences: list[Sentence], analyzer: VoikkoAnalyzer | None = None
) -> tuple[dict, dict]:
    """Form → lemma counts and lemma frequencies (TDT everywhere, FTB open-class only).

    With ``analyzer``, an FTB lemma of a form Voikko knows is remembered only if it is one of the
    form's candidates (FTB's own conventions, such as plural lemmas like "kiinteistöt", stay out).
    """
    memory: dict[str, Counter] = defaultdict(Counter)
    freq: Counter = Counter()
    tdt_forms = {w.form.lower() for s in sentences if s.dataset == "tdt" for w in s.words}
    for s in sentences:
        for w in s.words:
            if not candidates.is_wordlike(w.form):
                continue
            low = w.form.lower()
            if s.dataset == "ftb" and (w.upos in FTB_SKIP_UPOS or low in tdt_forms):
                continue
            lemma = w.lemma.replace("#", "") if s.dataset == "tdt" else w.lemma.lower()
            if "-" in low.strip("-"):
                continue
            if (
                s.dataset == "ftb"
                and analyzer is not None
                and not _ftb_candidate(w.form, lemma, analyzer)
            ):
                continue
            memory[low][lemma] += 1
            freq[lemma.lower()] += 1
    # merge case variants of a lemma under the most frequent spelling
    merged = {}
    for form, counts in memory.items():
        by_key: dict[str, Counter] = defaultdict(Counter)
        for lemma, n in counts.items():
            by_key[lemma.lower()][lemma] += n
        merged[form] = {
            variants.most_common(1)[0][0]: sum(variants.values()) for variants in by_key.values()
        }
    return merged, dict(freq)


def _ftb_candidate(form: str, lemma: str, analyzer: VoikkoAnalyzer) -> bool:
    analyses = analyzer.analyze(form)
    if not analyses:
        return True
    return key(lemma) in {key(c.lemma) for c in candidates.generate(form, analyses)}


def vocab_of(sentences: list[Sentence]) -> list[str]:
    counts = Counter(w.form.lower() for s in sentences for w in s.words)
    return [w for w, _ in counts.most_common(VOCAB_SIZE)]


def collect(
    sentences: list[Sentence], analyzer: VoikkoAnalyzer, vocab: list[str]
) -> tuple[list[list[list[str]]], list[list[int]], list[float]]:
    """Jackknifed candidate features per token: groups of feature lists, positives, weights."""
    groups, positives, weights = [], [], []
    folds = sorted({s.fold for s in sentences})
    for fold in folds:
        others = [s for s in sentences if s.fold != fold]
        memory, freq = build_memory(others, analyzer)
        dis = Disambiguator(
            {"memory": memory, "lemma_freq": freq, "context_vocab": vocab}, analyzer=analyzer
        )
        for s in sentences:
            if s.fold != fold:
                continue
            forms = [w.form for w in s.words]
            for i, w in enumerate(s.words):
                if s.dataset == "ftb" and w.upos == "PRON":
                    continue
                form = w.form
                if not candidates.is_wordlike(form):
                    continue
                analyses = analyzer.analyze(form)
                left = forms[i - 1] if i else None
                right = forms[i + 1] if i + 1 < len(forms) else None
                feats = dis.featurize(form, analyses, left, right)
                if len(feats) < 2:
                    continue
                gold = key(w.lemma)
                pos = [j for j, (c, _f) in enumerate(feats) if key(c.lemma) == gold]
                if not pos:
                    continue
                groups.append([f for _c, f in feats])
                positives.append(pos)
                weights.append(1.0 if s.dataset == "tdt" else FTB_WEIGHT)
    return groups, positives, weights


def fit(groups, positives, weights, l2: float) -> dict[str, float]:
    """Conditional logit over candidates; returns feature → weight."""
    index: dict[str, int] = {}
    rows, cols = [], []
    starts = []
    row = 0
    is_pos = []
    group_weight = []
    for feats_of_group, pos, gw in zip(groups, positives, weights, strict=True):
        starts.append(row)
        for j, feats in enumerate(feats_of_group):
            for f in feats:
                cols.append(index.setdefault(f, len(index)))
                rows.append(row)
            is_pos.append(j in pos)
            group_weight.append(gw)
            row += 1
    X = sparse.csr_matrix(
        (np.ones(len(rows)), (np.array(rows), np.array(cols))), shape=(row, len(index))
    )
    X.data[:] = 1.0  # duplicate (row, col) pairs would sum
    starts_arr = np.array(starts)
    is_pos_arr = np.array(is_pos, dtype=bool)
    gw_rows = np.array(group_weight)
    gw_groups = gw_rows[starts_arr]
    group_id = np.repeat(np.arange(len(starts)), np.diff(np.append(starts_arr, row)))

    def loss_grad(w: np.ndarray) -> tuple[float, np.ndarray]:
        s = X @ w
        smax = np.maximum.reduceat(s, starts_arr)
        e = np.exp(s - smax[group_id])
        z = np.add.reduceat(e, starts_arr)
        zp = np.add.reduceat(e * is_pos_arr, starts_arr)
        loss = float(np.sum(gw_groups * (np.log(z) - np.log(zp)))) + 0.5 * l2 * float(w @ w)
        p = e / z[group_id]
        q = e * is_pos_arr / zp[group_id]
        grad = X.T @ (gw_rows * (p - q)) + l2 * w
        return loss, grad

    res = optimize.minimize(
        loss_grad, np.zeros(len(index)), jac=True, method="L-BFGS-B", options={"maxiter": 500}
    )
    names = sorted(index, key=index.get)
    return {n: round(float(v), 4) for n, v in zip(names, res.x, strict=True) if abs(v) >= 1e-3}


def gold_cuts(gold: str) -> set[int]:
    """Boundary positions in the '#'-free, hyphen-free lower-cased lemma."""
    cuts, n = set(), 0
    for ch in gold.lower():
        if ch in "#-":
            cuts.add(n)
        else:
            n += 1
    return cuts - {0}


def our_cuts(lemma: str, offsets: list[int]) -> dict[int, int]:
    """Map offsets in ``lemma`` (with hyphens) to positions in the hyphen-free lemma."""
    out = {}
    for off in offsets:
        out[off] = off - lemma[:off].count("-")
    return out


def compound_stats(sentences: list[Sentence], analyzer: VoikkoAnalyzer) -> tuple[dict, dict]:
    """Per (kind, left piece) how often UD marks Voikko's boundary, and overall rates per kind."""
    pieces: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    kinds: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for s in sentences:
        if s.dataset != "tdt":
            continue
        for w in s.words:
            if not candidates.is_wordlike(w.form):
                continue
            gold = key(w.lemma)
            for a in analyzer.analyze(w.form):
                lemma = a.baseform
                if key(lemma) != gold or (a.is_proper and "-" not in lemma):
                    continue
                bounds = candidates.boundaries(a, lemma)
                mapping = our_cuts(lemma, [b[0] for b in bounds])
                gc = gold_cuts(w.lemma)
                for offset, kind, left, _right in bounds:
                    hit = mapping[offset] in gc
                    pieces[f"{kind}:{left}"][0] += hit
                    pieces[f"{kind}:{left}"][1] += 1
                    kinds[kind][0] += hit
                    kinds[kind][1] += 1
                break
    piece_stats = {k: v for k, v in pieces.items() if v[1] >= 2 and v[0] * 2 < v[1]}
    rates = {k: round(v[0] / v[1], 3) for k, v in kinds.items()}
    return piece_stats, rates


def compound_memory(sentences: list[Sentence], dis: Disambiguator, analyzer) -> dict[str, str]:
    """Gold marked lemmas (TDT) that the marker gets wrong more often than right."""
    lem = Lemmatizer(analyzer=analyzer, disambiguator=dis, table=False)
    wrong: dict[str, Counter] = defaultdict(Counter)
    right: Counter = Counter()
    for s in sentences:
        if s.dataset != "tdt":
            continue
        forms = [w.form for w in s.words]
        for w, r in zip(s.words, lem.lemmatize_words(forms), strict=True):
            if "-" in w.form or not candidates.is_wordlike(w.form):
                continue
            ours = r.marked_lemma.lower()
            if normalise(ours) != normalise(w.lemma):
                continue
            plain = normalise(w.lemma).replace("-", "")
            if ours == w.lemma.lower():
                right[plain] += 1
            else:
                wrong[plain][w.lemma.lower()] += 1
    out = {}
    for plain, marks in wrong.items():
        best, n = marks.most_common(1)[0]
        if n > right[plain]:
            out[plain] = best
    return out


def train(sentences: list[Sentence], analyzer: VoikkoAnalyzer, l2: float) -> dict:
    vocab = vocab_of(sentences)
    t0 = time.time()
    groups, positives, weights = collect(sentences, analyzer, vocab)
    print(f"  {len(groups)} ambiguous training tokens ({time.time() - t0:.1f} s)", file=sys.stderr)
    w = fit(groups, positives, weights, l2)
    print(f"  {len(w)} weights ({time.time() - t0:.1f} s)", file=sys.stderr)
    memory, freq = build_memory(sentences, analyzer)
    pieces, rates = compound_stats(sentences, analyzer)
    model = {
        "weights": w,
        "memory": memory,
        "lemma_freq": freq,
        "context_vocab": vocab,
        "left_pieces": pieces,
        "kind_rates": rates,
    }
    dis = Disambiguator(model, analyzer=analyzer)
    model["compound_memory"] = compound_memory(sentences, dis, analyzer)
    return model


def model_id(model: dict) -> str:
    """A short hash of the model's learned content (the decision table names its model by it)."""
    content = {k: v for k, v in model.items() if k not in {"model_id", "created"}}
    text = json.dumps(content, ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def read_forms(path: Path | None) -> list[str]:
    """Word forms from a file, one a line ('#' lines are comments); [] without a file."""
    if path is None:
        return []
    lines = path.read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


def write_decision_table(
    model: dict,
    sentences: list[Sentence],
    analyzer: VoikkoAnalyzer,
    path: Path,
    extra_forms: list[str] | None = None,
) -> None:
    """Precompute the lemmatizer's context-free results for the training forms and any
    ``extra_forms`` (frequent Finnish forms; see :mod:`vastausanalyysi.nlp.decision_table`)."""
    t0 = time.time()
    dis = Disambiguator(model, analyzer=analyzer)
    lem = Lemmatizer(analyzer=analyzer, disambiguator=dis, fix_typos=False, table=False)
    forms = [w.form for s in sentences for w in s.words]
    rows = build_rows(lem, [*forms, *(extra_forms or [])])
    header = {
        "model_id": model["model_id"],
        "context_margin": repr(float(model["context_margin"])),
        "voikko": voikko_versions(analyzer.path),
    }
    comments = [
        "Decision table of the lemma model (see vastausanalyysi/nlp/decision_table.py and "
        "models/lemma_model.md):",
        f"the lemmatizer's own context-free results for {len(rows)} word forms of "
        + ", ".join(p for p in model.get("training_data", []))
        + ".",
        "Derived from UD Finnish-TDT (CC BY-SA 4.0, Turku NLP group) and UD Finnish-FTB "
        "(CC BY 4.0, University of Helsinki / FIN-CLARIN).",
    ]
    if extra_forms:
        comments.append(
            f"Also {len(extra_forms)} frequent Finnish word forms from the wordfreq package "
            "(Robyn Speer et al., CC BY-SA 4.0; forms only, the results are the lemmatizer's "
            "own): scripts/frequent_forms.py."
        )
    write_table(path, rows, header, comments)
    size = path.stat().st_size / 1e6
    print(f"wrote {path} ({len(rows)} forms, {size:.2f} MB, {time.time() - t0:.1f} s)",
          file=sys.stderr)  # fmt: skip


def evaluate(model: dict, sentences: list[Sentence], analyzer: VoikkoAnalyzer, margin=None):
    if margin is not None:
        model = {**model, "context_margin": margin}
    lem = Lemmatizer(
        analyzer=analyzer, disambiguator=Disambiguator(model, analyzer=analyzer), table=False
    )
    gold = [s.words for s in sentences]
    pred = [
        [r.marked_lemma for r in lem.lemmatize_words([w.form for w in words])] for words in gold
    ]
    return score_lemmas(gold, pred)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--tdt", type=Path, nargs="+", required=True, help="TDT-style CoNLL-U")
    parser.add_argument("--ftb", type=Path, nargs="*", default=[], help="FTB CoNLL-U files")
    parser.add_argument("--out", type=Path, help="where to write the model JSON")
    parser.add_argument("--l2", type=float, default=1.0, help="L2 penalty")
    parser.add_argument(
        "--table-only",
        action="store_true",
        help=f"only (re)build the decision table ({TABLE_RESOURCE} next to --out) for the "
        "model at --out",
    )
    parser.add_argument(
        "--extra-forms",
        type=Path,
        help="a file of more word forms for the decision table (scripts/frequent_forms.py)",
    )
    parser.add_argument("--cv", action="store_true", help="2-fold cross-validation on --tdt")
    parser.add_argument("--errors", type=int, default=0, help="show N top CV errors")
    parser.add_argument(
        "--context-margin",
        type=float,
        help="context-free score margin above which the neighbours are not consulted "
        "(default: chosen by --cv, else always consult them)",
    )
    parser.add_argument(
        "--margin-tolerance",
        type=float,
        default=0.0,
        help="--cv picks the smallest margin whose CV accuracy is within this of the best",
    )
    args = parser.parse_args(argv)
    margin = args.context_margin
    analyzer = VoikkoAnalyzer()
    tdt = load(args.tdt, "tdt")
    ftb = load(args.ftb, "ftb")
    if args.cv:
        margins = sorted({*MARGINS, *([margin] if margin is not None else [])})
        by_margin: dict[float, list] = defaultdict(list)
        for half in (0, 1):
            held = [s for i, s in enumerate(tdt) if (i // 50) % 2 == half]
            rest = [s for i, s in enumerate(tdt) if (i // 50) % 2 != half]
            model = train(rest + ftb, analyzer, args.l2)
            for m in margins:
                by_margin[m].append(evaluate(model, held, analyzer, m))
        accs = {
            m: sum(r.correct for r in rs) / sum(r.tokens for r in rs) for m, rs in by_margin.items()
        }
        best = max(accs.values())
        chosen = min(m for m, a in accs.items() if a >= best - args.margin_tolerance)
        print("context margin → CV accuracy: " + ", ".join(
            f"{m:g}: {a:.4f}" for m, a in sorted(accs.items())), file=sys.stderr)  # fmt: skip
        if margin is None:
            margin = chosen
        print(f"context_margin {margin:g} (CV choice {chosen:g})", file=sys.stderr)
        results = by_margin[margin]
        errors: Counter = Counter()
        for half, sc in enumerate(results):
            errors.update(sc.errors)
            print(
                f"fold {half}: accuracy {sc.accuracy:.4f}, compound recall "
                f"{sc.compound_recall:.4f}, precision {sc.compound_precision:.4f}",
                file=sys.stderr,
            )
        tok = sum(r.tokens for r in results)
        acc = sum(r.correct for r in results) / tok
        rec = sum(r.compounds_exact for r in results) / sum(r.gold_compounds for r in results)
        prec = sum(r.predicted_compounds_correct for r in results) / sum(
            r.predicted_compounds for r in results
        )
        print(json.dumps({"cv_accuracy": round(acc, 4), "cv_compound_recall": round(rec, 4),
                          "cv_compound_precision": round(prec, 4), "tokens": tok,
                          "context_margin": margin}))  # fmt: skip
        for (form, gold, pred), n in errors.most_common(args.errors):
            print(f"{n:4d} {form}\t{gold}\t{pred}")

    def write_table(model: dict) -> None:
        assert args.out is not None
        table = args.out.with_name(TABLE_RESOURCE)
        write_decision_table(model, tdt + ftb, analyzer, table, read_forms(args.extra_forms))

    if args.table_only:
        if not args.out or not args.out.exists():
            parser.error("--table-only needs --out naming an existing model")
        model = json.loads(args.out.read_text(encoding="utf-8"))
        if "model_id" not in model:
            model["model_id"] = model_id(model)
            args.out.write_text(json.dumps(model, ensure_ascii=False, separators=(",", ":")))
        write_table(model)
        return 0
    if args.out:
        model = train(tdt + ftb, analyzer, args.l2)
        if margin is not None:
            model["context_margin"] = margin
        model = {
            "format": "vastausanalyysi-lemma-model/1",
            "created": dt.date.today().isoformat(),
            "versions": {
                "libvoikko": metadata.version("libvoikko"),
                "voikko_dictionary": analyzer.dictionary_info,
                "voikko": voikko_versions(analyzer.path),
                "scipy": metadata.version("scipy"),
            },
            "training_data": [str(p.name) for p in [*args.tdt, *args.ftb]],
            "attribution": (
                "Form→lemma memory and weights learned from UD Finnish-TDT dev (CC BY-SA 4.0, "
                "Turku NLP group) and UD Finnish-FTB dev/test (CC BY 4.0, University of Helsinki / "
                "FIN-CLARIN)."
            ),
            **model,
        }
        model["model_id"] = model_id(model)
        args.out.write_text(json.dumps(model, ensure_ascii=False, separators=(",", ":")))
        print(f"wrote {args.out} ({args.out.stat().st_size / 1e6:.2f} MB)", file=sys.stderr)
        write_table(model)
    _ = word_shape
    return 0


if __name__ == "__main__":
    sys.exit(main())
