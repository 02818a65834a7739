"""Train the shipped theme model and write its model card.

Trains a ThemeClassifier on the ``train`` split of ``corpus/answers.csv``, evaluates rules alone,
the model alone and rules + model on the team-written ``test`` rows, on the report's real
highlights and on the real published prose sentences, each with the question given and without
one (as plain texts come), on the two halves of the blind published-style set
(``corpus/labelled/blind_published.csv``: the odd-id dev half is in the train split, origin
``team-written-blind-dev``; the even-id holdout half is never trained on), and 5-fold
cross-validation on the train split (also scored on its blind dev rows alone, out of fold);
then writes the model
(JSON + NPZ, no pickle) to the package data, ``src/vastausanalyysi/data/theme_model/`` (its only
copy, so that a wheel install ships it and ``va.tag(model=None)`` loads it), and the model card
``models/theme_model.md``. Run it with this checkout's ``src`` first on the path.

``--evaluate-shipped`` trains nothing new: it loads the shipped model and rewrites only the model
card's figures (for a revision of the rules that leaves the model as it is).

Usage: python scripts/train_theme_model.py [--no-cv] [--evaluate-shipped]
"""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

import pandas as pd

from vastausanalyysi.themes.codebook import load_codebook
from vastausanalyysi.themes.evaluation import evaluate, score
from vastausanalyysi.themes.model import NO_QUESTION_WEIGHT, ThemeClassifier, versions
from vastausanalyysi.themes.shipped import default_model_path
from vastausanalyysi.themes.training import label_rows, train

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus" / "answers.csv"
MODEL_DIR = default_model_path()  # the package data: the shipped model's one copy
CARD = ROOT / "models" / "theme_model.md"
BLIND = ROOT / "corpus" / "labelled" / "blind_published.csv"
BLIND2 = ROOT / "corpus" / "labelled" / "blind_published2.csv"
HELDOUT = ROOT / "corpus" / "labelled" / "heldout_dev.csv"


def _row(name: str, ev) -> str:
    s = ev.summary
    return (
        f"| {name} | {int(s['n'])} | {s['areas_micro_f1']:.3f} | {s['areas_macro_f1']:.3f} | "
        f"{s['mechanisms_micro_f1']:.3f} | {s['mechanisms_macro_f1']:.3f} | "
        f"{s['polarity_accuracy']:.3f} | {s['polarity_macro_f1']:.3f} |"
    )


#: Rules + the shipped model before the issue-11 revision (2026-12-05, measured on the same
#: files before any change): areas, mechanisms, polarity with the question, polarity without.
BEFORE_ISSUE_11 = {
    "**REAL** report highlights": (1.000, 1.000, 1.000, 0.524),
    "**REAL** report prose": (1.000, 0.909, 0.818, 0.818),
    "dev (team-written): issue-11 held-out dev set": (0.942, 0.794, 0.662, 0.637),
    "dev (team-written): blind published-style, holdout half (not read)": (
        0.954,
        0.789,
        0.800,
        0.800,
    ),
    "dev (team-written): second blind set (never read)": (0.971, 0.930, 0.900, 0.900),
}


def _before_after(model, sets) -> str:
    """The issue-11 before/after table: areas / mechanisms / polarity (no question)."""
    lines = [
        "| data | n | before: areas / mechanisms / polarity (no question) | after |",
        "|---|---|---|---|",
    ]
    for name, data in sets:
        if name not in BEFORE_ISSUE_11 or data is None or data.empty:
            continue
        a, m, p, pn = BEFORE_ISSUE_11[name]
        s = evaluate(model, data, mode="combined").summary
        sn = evaluate(model, data.assign(question=""), mode="combined").summary
        lines.append(
            f"| {name} | {len(data)} | {a:.3f} / {m:.3f} / {p:.3f} ({pn:.3f}) | "
            f"{s['areas_micro_f1']:.3f} / {s['mechanisms_micro_f1']:.3f} / "
            f"{s['polarity_accuracy']:.3f} ({sn['polarity_accuracy']:.3f}) |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-cv", action="store_true", help="skip the cross-validation")
    parser.add_argument(
        "--evaluate-shipped",
        action="store_true",
        help="keep the shipped model: evaluate it and rewrite only the model card",
    )
    args = parser.parse_args(argv)
    if not MODEL_DIR.is_relative_to(ROOT):
        raise SystemExit(f"{MODEL_DIR} is not in this checkout ({ROOT}): run with PYTHONPATH=src")
    df = pd.read_csv(CORPUS, dtype=str, keep_default_na=False)
    train_df = df[df["split"] == "train"].drop(columns="split")
    test_df = df[(df["split"] == "test") & (df["origin"] == "team-written")]
    test_df = test_df.drop(columns="split")
    highlights = df[df["origin"] == "report-2026-highlight"].drop(columns="split")
    prose = df[df["origin"] == "report-2026-prose"].drop(columns="split")
    blind = pd.read_csv(BLIND, dtype=str, keep_default_na=False) if BLIND.is_file() else None
    if blind is not None:
        odd = blind["id"].str[1:].astype(int) % 2 == 1
        blind_dev, blind_holdout = blind[odd], blind[~odd]
    else:
        blind_dev = blind_holdout = pd.DataFrame()
    blind2 = pd.read_csv(BLIND2, dtype=str, keep_default_na=False) if BLIND2.is_file() else None
    heldout = pd.read_csv(HELDOUT, dtype=str, keep_default_na=False) if HELDOUT.is_file() else None
    model = ThemeClassifier.load(MODEL_DIR) if args.evaluate_shipped else train(train_df)
    header = (
        "| data / method | n | areas micro-F1 | areas macro-F1 | mechanisms micro-F1 | "
        "mechanisms macro-F1 | polarity accuracy | polarity macro-F1 |\n"
        "|---|---|---|---|---|---|---|---|"
    )
    rows, results = [], {}
    sets = (
        ("**REAL** report highlights", highlights),
        ("**REAL** report prose", prose),
        ("dev (team-written): issue-11 held-out dev set", heldout),
        ("dev (team-written): test split", test_df),
        ("dev (team-written): blind published-style, dev half (in train: in-sample)", blind_dev),
        ("dev (team-written): blind published-style, holdout half (not read)", blind_holdout),
        ("dev (team-written): second blind set (never read)", blind2),
    )
    for name, data in sets:
        if data is None or data.empty:
            continue
        no_q = data.assign(question="")
        for mode, label in (("rules", "rules"), ("model", "model"), ("combined", "rules + model")):
            pol = "rules" if mode == "rules" else None
            ev = evaluate(model, data, mode=mode, polarity_mode=pol)
            results[(name, mode)] = ev
            rows.append(_row(f"{name}: {label}", ev))
        ev = evaluate(model, data, mode="combined", polarity_mode="model")
        rows.append(_row(f"{name}: rules + model, learned polarity", ev))
        ev = evaluate(model, no_q, mode="combined")
        rows.append(_row(f"{name}: rules + model, **no question**", ev))
    if not args.no_cv:
        dev = (train_df["origin"] == "team-written-blind-dev").to_numpy()
        ev = evaluate(model, train_df, cv=5)
        rows.append(_row("train split, 5-fold CV: rules + model", ev))
        ev = evaluate(model, train_df.assign(question=""), cv=5)
        rows.append(_row("train split, 5-fold CV: rules + model, **no question**", ev))
        if dev.any():
            idx = dev.nonzero()[0]
            sub = train_df.iloc[idx]
            gold = label_rows(sub)
            ev_dev = score(
                gold,
                [ev.details["predictions"][i] for i in idx],
                load_codebook(),
                sub["polarity"].tolist(),
                [ev.details["polarity"][i] for i in idx],
            )
            name = "train split, 5-fold CV, **no question**, blind dev rows (out of fold)"
            rows.append(_row(name, ev_dev))
    print(header)
    print("\n".join(rows))
    meta = {"corpus": "corpus/answers.csv", "train_rows": len(train_df)}
    if not args.evaluate_shipped:
        model.save(MODEL_DIR, metadata=meta)
    combined = results[("dev (team-written): test split", "combined")]
    issue11_table = _before_after(model, sets)
    per_class = []
    for name, data in sets[:3]:
        if data is None or data.empty:
            continue
        for label, frame in (("question given", data), ("no question", data.assign(question=""))):
            ev = evaluate(model, frame, mode="combined")
            s = ev.summary
            per_class.append(
                f"**{name.replace('*', '')}, rules + model, {label}** (n = {int(s['n'])}): "
                f"polarity accuracy "
                f"{s['polarity_accuracy']:.3f}, macro-F1 {s['polarity_macro_f1']:.3f}\n\n"
                + "\n".join(ev.polarity_markdown())
            )
    thresholds = ", ".join(
        f"{c} {'off' if t > 1 else f'{t:.2f}'}"
        for c, t in zip(model.codes_, model.thresholds_, strict=True)
    )
    cv_accuracy = getattr(model, "polarity_cv_accuracy_", None)  # not kept in the model files
    polarity_cv = (
        ", ".join(f"{k} {a:.3f}" for k, a in cv_accuracy.items())
        if cv_accuracy
        else "chosen when the model was trained"
    )
    v = versions()
    n_blind = len(blind_dev) + len(blind_holdout)
    n_dev = int((train_df["origin"] == "team-written-blind-dev").sum())
    n_tw = len(train_df) - n_dev
    card = f"""# Theme model card (`src/vastausanalyysi/data/theme_model/`)

- **What**: `vastausanalyysi.ThemeClassifier`: one logistic regression per code (11 areas, 9
  mechanisms) over TF-IDF of lemmas, compound parts and the rule tagger's codes (no surface
  forms), Platt-calibrated on 5-fold out-of-fold scores; a multinomial logistic regression for
  polarity over lemmas marked by negation/contrast and the polarity rules' cues. In `va.tag` the
  rules give the codes and their evidence and the model adds a code only when its calibrated
  probability reaches the code's threshold (tuned out-of-fold, between {model.threshold} and
  {model.max_threshold}, or "off" — the model never adds the code — where no threshold improves
  the out-of-fold F1 of the rules alone): {thresholds}.
  Polarity source chosen by out-of-fold accuracy, weighted {NO_QUESTION_WEIGHT:.2f} for texts
  without their question (the target: published text comes without one; there a bare list
  that answered "what works" counts as neutral, CODING.md P2) and {1 - NO_QUESTION_WEIGHT:.2f}
  with it: **{model.polarity_mode_}**
  ({polarity_cv}).
- **Format**: `theme_model.json` (parameters, vocabulary, codes, codebook if custom, metadata) +
  `theme_model.npz` (arrays, read with `allow_pickle=False`). No pickle. They are package data
  (`src/vastausanalyysi/data/theme_model/`, their only copy), which `va.tag(model=None)` loads.
- **Data**: `corpus/answers.csv`, split `train`: {len(train_df)} answers, all team-written,
  never real answers: {n_tw} of origin `team-written` and the {n_dev} blind dev sentences
  (origin `team-written-blind-dev`, see below). Test: {len(test_df)} team-written answers
  (split `test`: SHA-1 of the id ≡ 0 mod 5), the {len(highlights)} real open-answer highlights
  of the 2026 Kuntaliitto report (origin `report-2026-highlight`) and {len(prose)} real published
  sentences quoted in it (origin `report-2026-prose`); real text is always `test`, never trained
  on, and the prose rows were not looked at while the rules were revised.
  **Blind published-style set** (`corpus/labelled/blind_published.csv`, {n_blind}
  sentences written blind by a teammate in the style of published text, origin
  `team-written-blind`): split by id into a **dev** half (odd ids), whose errors were read to
  revise the rules and which is now training data (merged into `answers.csv` as origin
  `team-written-blind-dev`, always `train`; its row above is in-sample, the honest dev figure is
  the out-of-fold CV row), and a **holdout** half (even ids), never trained on and not in
  `answers.csv`, whose texts and errors were not read and which is measured only at the end of
  a revision (polarity so far: 0.720 before the rule revision for published prose, 0.760 after
  it, 0.770 with clause-level polarity features, 0.800 with 300 more team-written
  published-style training sentences (`team_written_d.csv`), and the figure above for this
  model). A **second blind set** (`corpus/labelled/blind_published2.csv`, 120 sentences, origin
  `team-written-blind2`, written by another teammate who read neither the code nor the other
  texts) is never trained on and never read; it was first measured with the model before
  `team_written_d.csv` was added (areas 0.971, mechanisms 0.915, polarity 0.900).
- **No question**: rows marked "no question" pass the texts without their question, as
  plain texts (news, reports) come; then a bare list of areas is `neutral`, not `works`
  (codebook §3), which is most of the drop on the team-written and highlight rows. The CV row
  "no question" trains and predicts without the question column.
- **Date**: {dt.date.today().isoformat()}
- **Versions**: {", ".join(f"{k} {val}" for k, val in v.items())}

## Revision for real prose (issue 11, 2026-12-05)

Issue 11 reports, on 128 held-out **real** published statements that we do not have, areas 0.957,
mechanisms 0.657 and polarity 0.594 (per class works 0.46, problem 0.78, mixed 0.21, neutral
0.51). What changed, aimed at the general causes listed there (codebook §3 conventions 1–7,
rules 6–7):

- **Polarity structure** (`themes/clauses.py`, `themes/polarity.py`): a negation of focus ("ei
  pelkästään", "ei vain … vaan myös") is no negation; a bare negation counts only when it negates
  a judgment or an action, not a duty ("ei vastaa X:stä", "ei kuulu X:lle") and not a coordinated
  "eikä" after one; wishes ("toivoa", "toivottavasti") open a need scope, reason clauses
  ("koska", "sillä") close wish, need and goal scopes, so "…, koska nyt tieto ei kulje" is
  judged; obligations ("pitäisi", "tulisi", "tarvitaan", "-ttava") are no longer problem cues,
  an improvement verb or a comparative in a need still is; "hyvin" before an adjective or adverb
  (not after a verb, not "hyvin vastaan") is a degree word, not praise; stage forms ("yhä
  allekirjoittamatta", "vasta muotoutumassa") are problems; the abessive of a problem word
  ("viiveettä", "kitkatta") is praise; comparisons of respondent groups ("arvioivat … paremmaksi
  kuin muut") are descriptions; "toimia" + essive is a role; an attributive adjective yields to
  the predicate's judgment ("hyvä henki on murentunut"); decrease verbs "lyhentää", "puolittua".
- **Evaluative lexicon as data** (`data/evaluative.yaml`, `themes/evaluative.py`, team-written):
  ~60 words, ~40 phrases (success without a success word: "saada * ratkaistua|sovittua|käyntiin",
  "päästä sopuun", "ottaa hyvin vastaan"; stage, scarcity and pushing aside: "vasta alussa",
  "hakee muotoaan", "vie aikaa", "jäädä * alle|jalkoihin|sivuun", "pelko toteutui", "jäädä
  vaille"), and derivations from Voikko lemmas (epä-, vaikea-, heikko-, huono-, puutteellis-,
  vajaa-, ali- + a known word or an adjective; -ton/-tön after a problem stem is praise, after a
  resource stem a lack). Every entry is tested on a sentence of its own (127 sentences in a
  colloquial register, written in a separate pass: `tests/data/evaluative_cases.csv`).
- **Mechanisms** (`data/codebook.yaml`): palveluverkko only as a decision (a change, its
  preparation, a cut, a hearing), not as a topic; "prosessi" alone is not planning; residents
  only when taking part; survey respondents are not `luottamushenkilot`; county decisions were
  blocked by the state-decision exclusion ("hallitus" matched "aluehallitus") and no longer are;
  oikaisuvaatimus, "kunnan lausunto/ääni"; vuorovaikutus idioms ("puhua suoraan", "ovet auki",
  "välit viilentyneet"); tasks moving between the parties (`tyonjako`); hyte with the verb first
  ("edistää * * terveyttä"); co-location gives `kiinteistot`.
- **Data**: 24 team-written labels brought to the codebook's new conventions (stage → problem,
  obligations → neutral, group comparisons → neutral, transfers → `tyonjako`;
  `corpus/labelled/CHANGES.md`), and `team_written_e.csv` (141 sentences in five registers).
- **Second pass** (real-text development sentences from public pages, kept outside the
  repository; every rule tested on team-written sentences in `tests/test_polarity_structure.py`,
  `tests/data/evaluative_cases.csv` and `tests/test_real_register.py`). No success: "toimia"/
  "löytyä" of existence or location ("Kunnassa toimii työryhmä", "toimii X:n tiloissa",
  "Kysymyksiä löytyy myös …"), a success as the subject of "edellyttää|vaatia", "rakentuu X:n
  varaan", "hyvä esimerkki jostakin", a forecast ("tulee parantamaan"), a commitment to act
  ("sitoutuvat kehittämään"). No finding: a negation inside a goal ("jotta … eivät", "varmistaa,
  ettei …"), importance frames ("on tärkeää, että …", "etu on, että …"), "tulla" + A-infinitive
  ("kuntia tulee kuulla"), "eikä niinkään X", formal appeals (aluevalitus, oikaisuvaatimus),
  "uskoa"-clauses. Problems without a problem word: "vaatii yhä|vielä …", "odottaa yhä", "vasta
  jälkikäteen", the conditional perfect ("olisi pitänyt kuulla", "olisiko ollut viisasta"),
  closed service points, an announced cut ("aikoo sulkea"), "-isuus" nouns of problem adjectives
  ("hajanaisuus"), "-maton" of works words ("toimimaton", "läpinäkymätön"), scarcity ("tiukalla",
  "hyvin vähän"), "joutua", "aukko", "yksittäisten * varassa". Successes: "saada vauhtia",
  "saada äänensä kuuluviin", transparency, commitment. Structure: a decrease verb reaches its
  object across a list comma ("lasten, nuorten ja perheiden palvelujen hajanaisuutta") and
  turns nouns, not modal verbs; the abessive of a problem verb ("vaarantamatta") is no problem.
  Mechanisms: who carries a task's costs or running in either order ("rahoituksesta
  vastaavat"), falling between the parties with words between, "omat tehtävänsä", "olla X:n
  palvelu" (`tyonjako`), goals pursued together (`suunnitelmallisuus`). Data:
  `team_written_f.csv` (60 sentences in the register of real published prose).

Measured with rules + the shipped model, the question given (texts without one in brackets):

{issue11_table}

The held-out dev set was written and labelled before the rules were read; its errors were then
read, so its "after" figure is a development figure, not a blind one. A fairer check of the rule
revision: `team_written_e.csv`, written after the first revision and measured once before its
errors were read, gave rule polarity 0.667 (n = 141; it is now training data). The held-out
dev set before the revision, per class (no question): works P 0.56 R 0.52, problem P 0.63
R 0.55, mixed P 0.67 R 0.80, neutral P 0.67 R 0.72 (macro-F1 0.636). The two blind sets were
labelled under the old CODING.md (obligations → problem, stage → neutral, palveluverkko →
`paatoksenteko`, state→municipality transfers without `tyonjako`), which the codebook now
reverses; part of their mechanism drop is that disagreement, but they were not read to check.
Tried and not adopted: marking a degree "hyvin" as a feature of its own in the polarity model
(5-fold CV on the train split 0.890 → 0.885 with the question, 0.842 → 0.842 without). Finnish
word vectors (`spacy-fi-experimental-web-md` 0.15.0: a 87.6 MB wheel, about 100 MB more memory,
spaCy pinned below 3.9), measured on 2026-12-06 on 371 real development statements (never on the
untouched real test sets): in the clustering they left the agreement with the coders' single area
unchanged at weight 0.5 (AMI 0.953) and lowered it at higher weights (0.926 at 1, 0.852 at 2); as
polarity features beside the shipped ones (a mean token vector, trained on the same split) they
gave 0.868 against 0.857 (5 statements right, 1 wrong: McNemar p = 0.22, a bootstrap interval
for the gain from −0.000 to +0.024), and alone 0.644. Not adopted: no measured gain on real text
for their cost. Their nearest neighbours of evaluative words did show words the lexicon lacked
("hieno", "surkea", "sietämätön" …): those were added to the evaluative lexicon by hand.

## Metrics

Real text first: the report's highlights and prose are the only **real** published text we have
(always `test`, never trained on). Every other row is **team-written development data**: written
by the project team, not real answers or real prose, and read while the rules were written
(except where a row says "not read" / "never read"); read those figures as optimistic.

{header}
{chr(10).join(rows)}

### Polarity per class and confusion matrices (real text first)

{(chr(10) + chr(10)).join(per_class)}

Per code, team-written test split, rules + model:

{combined.to_markdown().split(chr(10) + chr(10), 1)[-1]}

## Caveats

- The rules (`src/vastausanalyysi/data/codebook.yaml`) were first written while reading the
  whole team-written corpus and the highlights, so the team-written and highlight figures are
  optimistic. The revision for published prose (polarity scopes, contrast markers, decrease
  verbs, cuts; mechanism exclusions for news attribution and public debate) was made from
  linguistic knowledge and the errors of 5-fold CV on the train split only; the 22 report-prose
  rows were not read and are the closest proxy of the acceptance set (real news sentences),
  but with n = 22 one item moves polarity accuracy by 0.045.
- The blind dev half was used for error analysis and is now trained on, so its figures are
  optimistic (the in-sample row most of all); the blind
  holdout half is the honest estimate for published-style text (n = 100: one item moves
  polarity accuracy by 0.01). Both halves were written by a teammate, not by the outside coders.
  Before the revision for published text (the shipped model of 2026-11-29, texts without a
  question), rules + model scored on the holdout: areas P 0.912 R 0.965 F1 0.938, mechanisms
  P 0.720 R 0.788 F1 0.753, polarity 0.720; on the dev half: areas P 0.902 R 0.974 F1 0.937,
  mechanisms P 0.703 R 0.790 F1 0.744, polarity 0.810. The revision (from the dev errors,
  CODING.md and out-of-fold CV): meetings of one body, one-off opportunities and the state's
  negotiations are not `tapaamiset`; "johtoryhmä" and monthly/weekly alone are not meetings;
  "poliittinen" only as a whole word; the boards of both sides named together or contact with
  the county's elected bodies give `luottamushenkilot`; the county board's decisions and
  municipalities' views asked for give `paatoksenteko`; planning done together with words in
  between, "yhteinen painopiste" give `suunnitelmallisuus` (a lease agreement does not);
  speaker attributions with a job title give no area (codebook rule 4); target groups
  ("asunnottomien nuorten") are not `lapset_nuoret`; building safety is not `varautuminen`;
  polarity: "tarvittaessa", "kesken" after a genitive, "vaikea saada sovittua", "näin … toimii",
  "-matta" forms, "on syytä tarkistaa", relative clauses after a task verb; and the model adds a
  code only where it improves the out-of-fold F1 of the rules (all area codes are now "off").
- Polarity model for published prose (2026-11-29, decided by 5-fold CV on the train split
  only, the holdout measured once afterwards): besides the lemmas marked for negation and
  contrast, the features now mark lemmas in a goal/task scope (`G_`) or a need scope (`N_`),
  the rules' cues by clause role and rule kind (before / after a contrast word), each polar
  clause's label by role, and per text whether works and problem cues fall in different
  clauses (mixed) or the same one, how many clauses carry each, the first and last polar
  clause, no cue, and a goal scope. Out of fold on the 836 train rows (multinomial LR, C 2,
  balanced classes), the model went from 0.898 to 0.910 with the question, from 0.898 to 0.911
  without it (question-free gold), and on the 369 published-style rows (question `muu`) from
  0.908 to 0.930. Tried and not adopted (no CV gain, or a gain for the wrong reason): C 0.5–8
  (2 is as good as any), a neutral class weight ×0.8–1.5 or unweighted classes, weighting
  published-style rows ×1.5–3, and training each row also without its question: that raised
  the old no-question CV (0.806 → 0.833) only by guessing "works" for bare lists that had
  answered "what works" — neutral without the question (P2) — and made more neutral rows
  `works` on published-style rows.
- The team-written corpus is stylistically narrow; the model adds few codes over the rules on it
  and its thresholds are conservative.
- Retrain: `python scripts/build_corpus.py && python scripts/train_theme_model.py`.
"""
    CARD.write_text(card, encoding="utf-8")
    written = [CARD] if args.evaluate_shipped else [MODEL_DIR, CARD]
    print("wrote " + ", ".join(str(p.relative_to(ROOT)) for p in written))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
