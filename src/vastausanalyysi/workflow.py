"""The main job: tag, summarise and cluster a corpus of answers and write the report.

``analyse_corpus`` runs it on the corpus bundled with the repository (the 2026 report's real
"what works" highlights and its published score tables); ``analyse`` runs it on any tagged-ready
frame of answers. ``tag_answers`` tags in batches behind a progress bar, and
``mask_personal_data`` masks the texts, lemmas and evidence words of a tagged frame before it is
written out (privacy by default; evidence ``start``/``end`` are moved to point into the
masked text that is written, see :func:`masked_offsets`).
"""

from __future__ import annotations

import functools
import logging
import re
import sys
from collections import Counter
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd

from vastausanalyysi.clusters import cluster_statements
from vastausanalyysi.errors import SurveyError
from vastausanalyysi.report import write_report
from vastausanalyysi.report.model import publishable_answers
from vastausanalyysi.schema import (
    AREAS,
    COARSE_GROUP,
    EVIDENCE,
    GROUP,
    LANGUAGE,
    LEMMAS,
    MECHANISMS,
    MIN_CELL,
    OLD_PROBABILITIES,
    POLARITY,
    POLARITY_EVIDENCE,
    PROBABILITIES,
    QUESTION,
    REGION,
    RESPONDENT_ID,
    TEXT,
)
from vastausanalyysi.summary import load_published_scores, theme_frequencies
from vastausanalyysi.themes.shipped import resolve_model
from vastausanalyysi.themes.tagger import tag

if TYPE_CHECKING:
    from vastausanalyysi.nlp.pii import IdPseudonyms, MaskedParts

log = logging.getLogger(__name__)

HIGHLIGHTS = Path("labelled") / "report_highlights.csv"
PUBLISHED_TABLE_TITLES = {"yhteistyo": "Yhteistyön toteutuminen", "tyonjako": "Työnjaon selkeys"}
"""Headings of the 2026 report's two published score tables in the bundled run's report."""
TAG_BATCH = 500
"""Answers tagged per call by :func:`tag_answers` (one progress step)."""


@functools.cache
def _bar_class() -> type:
    """tqdm without its monitor thread.

    tqdm starts a monitor thread with its first bar, even a disabled one, and never stops it.
    A second thread makes :func:`vastausanalyysi.themes.batch.start_method` spawn the workers
    of a later ``n_jobs`` run in this process instead of forking them (and ``tag --jobs`` on
    a terminal spawned its workers under its own bar). The monitor only hurries the redraw of
    a bar whose updates have slowed down; ours are updated per batch, so it is not needed.
    """
    from tqdm import tqdm

    class Bar(tqdm):  # type: ignore[misc]
        monitor_interval = 0

    return Bar


class Progress:
    """A progress bar on standard error (tqdm), shown only when asked and stderr is a terminal."""

    def __init__(self, enabled: bool = False) -> None:
        self.enabled = bool(enabled) and sys.stderr.isatty()

    @contextmanager
    def bar(self, total: int, desc: str, unit: str = "it") -> Iterator[Any]:
        """A bar of ``total`` steps named ``desc``; ``update(n)`` advances it."""
        with _bar_class()(
            total=total,
            desc=desc,
            unit=unit,
            file=sys.stderr,
            disable=not self.enabled,
            leave=False,
            dynamic_ncols=True,
        ) as bar:
            yield bar
            bar.refresh()  # its last state shown: tqdm skips an update soon after the one before

    def step(self, steps: Sequence[str]) -> Iterator[str]:
        """Iterate over named steps, each one tick of a bar named by the step under way."""
        with self.bar(len(steps), steps[0] if steps else "", unit="step") as bar:
            for name in steps:
                bar.set_description_str(name)
                yield name
                bar.update(1)


def _too_long(
    exc: ValueError, texts: Sequence[Any], rows: Sequence[Any], column: str, source: str
) -> None:
    """Re-raise spaCy's 'text too long' (E088) as a SurveyError naming the row and column."""
    if "E088" not in str(exc):
        return
    lengths = [len(t) if isinstance(t, str) else 0 for t in texts]
    pos = max(range(len(lengths)), key=lengths.__getitem__)
    raise SurveyError(
        f"{source}row {rows[pos]}, column {column!r}: the answer has {lengths[pos]:,} "
        "characters, more than the language pipeline takes in one piece; shorten or split it"
    ) from exc


def tag_answers(
    answers: pd.DataFrame,
    *,
    text_column: str = TEXT,
    model: Any = None,
    progress: Progress | None = None,
    rows: Sequence[Any] | None = None,
    source: str | None = None,
    batch: int = TAG_BATCH,
    n_jobs: int = 1,
    evidence: bool | str = True,
) -> pd.DataFrame:
    """``tag`` in batches of ``batch`` answers behind a progress bar; same rows, index and order.

    ``model`` as in :func:`~vastausanalyysi.tag` (None: the shipped model, else the rules).
    ``rows`` are the file's row numbers of ``answers`` for error messages (default: positions
    from 1) and ``source`` the file's name, for error messages: a text too long for spaCy
    raises :class:`SurveyError` naming its file, row and column. ``n_jobs`` and ``evidence``
    are passed to ``tag``.
    """
    classifier = resolve_model(model)
    if classifier is None and model is None:
        classifier = "rules"
    progress = progress or Progress(False)
    total = len(answers)
    rows = list(rows) if rows is not None else list(range(1, total + 1))
    where = f"{source!r} " if source else ""
    parts = []
    with progress.bar(total, "tagging", unit="answer") as bar:
        for start in range(0, max(total, 1), batch):
            part = answers.iloc[start : start + batch]
            try:
                parts.append(
                    tag(
                        part,
                        text_column=text_column,
                        model=classifier,
                        n_jobs=n_jobs,
                        evidence=evidence,
                    )
                )
            except ValueError as exc:
                texts = part[text_column].tolist()
                _too_long(exc, texts, rows[start : start + batch], text_column, where)
                raise
            bar.update(len(part))
    return pd.concat(parts) if len(parts) > 1 else parts[0]


# ---------------------------------------------------------------------------- privacy


def _mask_entries(entries: Any, changed: MaskedParts, masked: dict[str, str]) -> Any:
    """Evidence entries ({surface, lemma, start, end, …}) with masked words, their ``start`` and
    ``end`` moved into the masked text (an entry inside a masked part covers its placeholder)."""
    if isinstance(entries, dict):
        return {code: _mask_entries(value, changed, masked) for code, value in entries.items()}
    if not isinstance(entries, list):
        return entries
    out = []
    for entry in entries:
        if not isinstance(entry, dict):
            out.append(entry)
            continue
        entry = dict(entry)
        start, end = entry.get("start"), entry.get("end")
        hit = None
        if isinstance(start, int) and isinstance(end, int):
            hit = changed.overlapping(start, end)
            entry["start"] = changed.masked_offset(start, False)
            entry["end"] = changed.masked_offset(end, True)
        for key in ("surface", "lemma"):
            value = entry.get(key)
            if isinstance(value, str):
                entry[key] = (
                    (hit[2].strip() or "[…]") if hit is not None else masked.get(value, value)
                )
        out.append(entry)
    return out


def masked_offsets(
    start: int, end: int, changed: Sequence[tuple[int, int, str]]
) -> tuple[int, int]:
    """``start``/``end`` of the original text as offsets into the masked text.

    ``changed`` are the masker's sorted, non-overlapping ``(start, end, placeholder)`` parts of
    the original (``PiiMasker.original_spans``: the masked text is the original with each part
    replaced by its placeholder). An offset inside a masked part moves to its placeholder's
    start (``start``) or end (``end``), so a span overlapping masked parts covers their
    placeholders whole.
    """
    from vastausanalyysi.nlp.pii import MaskedParts

    parts = MaskedParts(changed)
    return parts.masked_offset(start, False), parts.masked_offset(end, True)


def mask_personal_data(
    frame: pd.DataFrame, text_columns: Sequence[str] = (TEXT,), progress: Progress | None = None
) -> pd.DataFrame:
    """A copy of ``frame`` with personal data masked by ``vastausanalyysi.nlp.pii.mask_pii``.

    Masks the ``text_columns``, the ``surface`` and ``lemma`` words of ``evidence`` and
    ``polarity_evidence`` (words inside a masked part of the text become its placeholder; their
    ``start``/``end`` are moved into the masked text of the first text column, see
    :func:`masked_offsets`), and leaves out of ``lemmas`` the lemmas of the masked parts. Same
    rows, index and order. :func:`mask_output` also masks the columns passed through.
    """
    from vastausanalyysi.nlp.pii import MaskedParts, default_masker, mask_pii, masked_lemmas

    masker = default_masker()
    out = frame.copy()
    columns = [c for c in text_columns if c in out.columns]
    cache: dict[str, str] = {}
    values = [v for c in columns for v in out[c].tolist() if isinstance(v, str) and v]
    words = [
        entry.get(key)
        for c in (EVIDENCE, POLARITY_EVIDENCE)
        if c in out.columns
        for cell in out[c].tolist()
        for entry in _entries(cell)
        for key in ("surface", "lemma")
        if isinstance(entry.get(key), str)
    ]
    todo = list(dict.fromkeys(v for v in [*values, *words] if v))
    progress = progress or Progress(False)
    with progress.bar(len(todo), "masking personal data", unit="text") as bar:
        for start in range(0, len(todo), TAG_BATCH):
            chunk = todo[start : start + TAG_BATCH]
            cache.update(zip(chunk, mask_pii(chunk), strict=True))
            bar.update(len(chunk))
    main = columns[0] if columns else None
    changes: list[list[tuple[int, int, str]]] = []
    for value in out[main].tolist() if main else [None] * len(out):
        masked = cache.get(value, value) if isinstance(value, str) else value
        changes.append(
            masker.original_spans(value) if isinstance(value, str) and masked != value else []
        )
    for c in columns:
        out[c] = [cache.get(v, v) if isinstance(v, str) else v for v in out[c].tolist()]
    parts = [MaskedParts(ch) for ch in changes]  # one look-up per row, for both columns
    for c in (EVIDENCE, POLARITY_EVIDENCE):
        if c in out.columns:
            out[c] = pd.Series(
                [_mask_entries(v, p, cache) for v, p in zip(out[c], parts, strict=True)],
                index=out.index,
                dtype=object,
            )
    if LEMMAS in out.columns and main:
        originals = [v if isinstance(v, str) else "" for v in frame[main].tolist()]
        dropped = masked_lemmas(originals, changes)
        out[LEMMAS] = pd.Series(
            [_drop_lemmas(v, dropped[i]) for i, v in enumerate(out[LEMMAS].tolist())],
            index=out.index,
            dtype=object,
        )
    return out


DERIVED_COLUMNS = frozenset(
    {
        RESPONDENT_ID, QUESTION, GROUP, COARSE_GROUP, REGION, "region_name", "row", "item",
        "status", "kind", "severity", "column", POLARITY, LANGUAGE, AREAS, MECHANISMS, EVIDENCE,
        POLARITY_EVIDENCE, LEMMAS, PROBABILITIES, OLD_PROBABILITIES,
    }
)  # fmt: skip
"""Columns the package writes itself (ids, codes, names of questions and columns, tags): not
free text, not masked by :func:`mask_output` (which gives an id that is personal data a
pseudonym instead)."""
CONTACT_SHARE = 0.5
"""A passed-through column is contact data when at least this share of its non-empty cells
are one placeholder each after masking (an e-mail, phone or name column)."""
_CONTACT_HEADERS = {
    "[EMAIL]": ("sähköposti", "sposti", "s-posti", "email", "e-mail", "e-post"),
    "[PUHELIN]": ("puhelin", "phone", "telefon", "gsm", "puh."),
    "[IP]": ("ip-osoite", "ip-address", "ip-adress", "ipaddr", "ip_addr"),
    "[TILINUMERO]": ("tilinumero", "iban", "pankkitili", "kontonummer", "account"),
}
"""Header words (a word of the header starting with one) of e-mail and phone columns."""
_NAME_HEADERS = frozenset(
    {
        "nimi", "etunimi", "sukunimi", "nimesi", "name", "firstname", "lastname", "fullname",
        "namn", "förnamn", "efternamn", "namnet",
    }
)  # fmt: skip
"""Header words of a column of people's names ("Nimi", "Vastaajan nimi", "Etu- ja sukunimi")."""
_NAME_HEADER_LEAD = frozenset(
    {"vastaajan", "oma", "koko", "etu-", "ja", "full", "first", "last", "your", "respondent",
     "respondent's", "respondents", "ditt", "fullständigt", "för-", "och"}
)  # fmt: skip
"""Words that may come before a name word in such a header (not "Kunnan nimi": a place's)."""


def names_people(header: str) -> bool:
    """Whether a column header names a column of people's names: a name word with only
    :data:`_NAME_HEADER_LEAD` words before it, whatever is in brackets after it ("Nimi",
    "Vastaajan nimi (vapaaehtoinen)", "Etu- ja sukunimi", "Name"; not "Kunnan nimi",
    "Tehtävänimike", "Organisaation nimi")."""
    plain = re.sub(r"[(\[].*", "", header.lower())
    words = re.findall(r"[\w'-]+", plain)
    for k, word in enumerate(words):
        if word in _NAME_HEADERS:
            return all(w in _NAME_HEADER_LEAD for w in words[:k])
    return False


def free_text_columns(frame: pd.DataFrame, keep: Sequence[str] = ()) -> list[str]:
    """The columns of ``frame`` with a text cell, except :data:`DERIVED_COLUMNS` and ``keep``."""
    skip = DERIVED_COLUMNS | set(keep)
    return [
        c
        for c in frame.columns
        if c not in skip and any(isinstance(v, str) for v in frame[c].tolist())
    ]


def mask_output(
    frame: pd.DataFrame,
    text_columns: Sequence[str] = (TEXT,),
    *,
    keep: Sequence[str] = (),
    progress: Progress | None = None,
    ids: IdPseudonyms | None = None,
) -> pd.DataFrame:
    """:func:`mask_personal_data` of ``text_columns`` and of every other column of text cells
    written out with them (the columns a reader passed through: "Sähköposti", "Nimi",
    "Kunta" …), except :data:`DERIVED_COLUMNS` and ``keep`` (an id column); and of the columns
    that hold a question's or item's header text or a group (``LABEL_COLUMNS``: "question",
    "item", "column", "group" …), whose text a survey's author wrote and may name a person
    (QA 6 #3, QA 7); and the headers of the passed-through columns (:meth:`Masker.headers`).

    A passed-through column that is wholly contact data (its header names e-mail, phone or a
    person's name (:func:`names_people`), or
    at least :data:`CONTACT_SHARE` of its non-empty cells mask to one placeholder each) is
    masked cell by cell: every non-empty cell becomes a placeholder.

    The id columns (``respondent_id`` and ``keep``) are not masked as text: an id that is
    personal data (an e-mail address …) becomes its pseudonym from ``ids``
    (:class:`~vastausanalyysi.nlp.pii.IdPseudonyms`; pass one instance for every frame of a
    run, so that an id gets the same pseudonym in each; default: a new one).
    """
    from vastausanalyysi.nlp.pii import IdPseudonyms
    from vastausanalyysi.report.masking import LABEL_COLUMNS, Masker

    others = [c for c in free_text_columns(frame, keep) if c not in text_columns]
    masker = Masker(True)  # the labels and the headers, each distinct string masked once
    out = mask_personal_data(frame, [*text_columns, *others], progress)
    out = masker.label_columns(out, LABEL_COLUMNS)  # a question's or item's header text
    for column in others:
        out[column] = _contact_column(str(column), frame[column].tolist(), out[column].tolist())
    id_columns = [c for c in (RESPONDENT_ID, *keep) if c not in text_columns]
    out = (ids if ids is not None else IdPseudonyms()).apply(out, id_columns)
    # a passed-through column's header ("Sirpa Mäkelä"); not the package's own nor ``keep``
    return masker.headers(out, [*DERIVED_COLUMNS, *keep, *text_columns])


def contact_data(name: str, values: Sequence[Any]) -> str | None:
    """The placeholder (``"[EMAIL]"``, ``"[PUHELIN]"`` …) that every non-empty value of a
    column named ``name`` is written as, when the column is contact data by
    :func:`mask_output`'s rule (its header names e-mail or phone, or at least
    :data:`CONTACT_SHARE` of its non-empty cells mask to one placeholder each); None for
    another column. Grouping by such a column would give one group, the placeholder."""
    values = list(values)
    texts = list(dict.fromkeys(v for v in values if isinstance(v, str) and v.strip()))
    if not texts:
        return None
    masked = mask_personal_data(pd.DataFrame({TEXT: texts}), [TEXT])[TEXT].tolist()
    lookup = dict(zip(texts, masked, strict=True))
    return _contact_label(name, values, [lookup.get(v, v) for v in values])


def _contact_label(name: str, original: list[Any], masked: list[Any]) -> str | None:
    """The placeholder of a column that is contact data (:func:`contact_data`), else None."""
    from vastausanalyysi.nlp.pii import PLACEHOLDERS

    filled = [i for i, v in enumerate(original) if isinstance(v, str) and v.strip()]
    whole = Counter(masked[i].strip() for i in filled if str(masked[i]).strip() in PLACEHOLDERS)
    words = [*re.findall(r"[\w.-]+", name.lower()), "puh." if name.lower() == "puh" else ""]
    hinted = [
        label
        for label, starts in _CONTACT_HEADERS.items()
        if any(word.startswith(starts) for word in words if word)
    ] + (["[NIMI]"] if names_people(name) else [])
    if not filled or not (hinted or sum(whole.values()) >= CONTACT_SHARE * len(filled)):
        return None
    return whole.most_common(1)[0][0] if whole else hinted[0]


def _contact_column(name: str, original: list[Any], masked: list[Any]) -> list[Any]:
    """``masked`` with every non-empty cell one placeholder if the column is contact data."""
    from vastausanalyysi.nlp.pii import PLACEHOLDERS

    label = _contact_label(name, original, masked)
    if label is None:
        return masked
    filled = [i for i, v in enumerate(original) if isinstance(v, str) and v.strip()]
    out = list(masked)
    for i in filled:
        if str(out[i]).strip() not in PLACEHOLDERS:
            out[i] = label
    return out


def _entries(cell: Any) -> list[dict[str, Any]]:
    if isinstance(cell, dict):
        return [e for v in cell.values() if isinstance(v, list) for e in v if isinstance(e, dict)]
    if isinstance(cell, list):
        return [e for e in cell if isinstance(e, dict)]
    return []


def _drop_lemmas(lemmas: Any, drop: Counter[str] | None) -> Any:
    """``lemmas`` (a list, or a space-separated string) without the ``drop`` ones."""
    if not drop:
        return lemmas
    left = Counter(drop)
    as_text = isinstance(lemmas, str)
    kept = []
    for lemma in lemmas.split() if as_text else list(lemmas):
        if left[lemma] > 0:
            left[lemma] -= 1
        else:
            kept.append(lemma)
    return " ".join(kept) if as_text else kept


# ---------------------------------------------------------------------------- the job


def analyse(
    answers: pd.DataFrame,
    out_dir: Path,
    *,
    by: str | list[str] | None = None,
    respondent_scores: pd.DataFrame | None = None,
    published_scores: pd.DataFrame | None = None,
    min_cell: int = MIN_CELL,
    title: str = "Avovastausten analyysi",
    model: Any = None,
    text_column: str = TEXT,
    mask: bool = True,
    progress: Progress | None = None,
    rows: Sequence[Any] | None = None,
    source: str | None = None,
    ids: IdPseudonyms | None = None,
    already_tagged: bool = False,
) -> list[Path]:
    """Tag ``answers`` (a frame with a ``text_column``), summarise, cluster and write the report.

    ``respondent_scores`` (``Survey.scores``) and ``published_scores`` (aggregated means) go
    beside the codes in the report (see :func:`~vastausanalyysi.write_report`).
    ``model`` is passed to :func:`~vastausanalyysi.tag` (None: the shipped model). With ``mask``
    (the default) personal data is masked before clustering and in every file written (the
    ``by`` columns' group names before they are counted), the
    ``tagged.jsonl`` beside the report included; that file follows the small-cell rules of the
    workbook's answer sheet (:func:`~vastausanalyysi.report.model.publishable_answers`).
    ``progress`` shows a bar per step on a terminal;
    ``rows`` and ``source`` (the file's row numbers and name) go into error messages.
    With ``mask``, respondent ids that are personal data are written as pseudonyms, the same
    in the answers and ``respondent_scores``, from ``ids`` (an
    :class:`~vastausanalyysi.nlp.pii.IdPseudonyms` the caller shares with its other files;
    default: a new one). ``already_tagged``: ``answers`` carry their tags, as
    :func:`tag_answers` gives them (a file that ``tag`` wrote with the same model): they are
    used as they are, not tagged again.
    """
    progress = progress or Progress(False)
    if text_column != TEXT:
        answers = answers.drop(columns=[TEXT], errors="ignore").rename(columns={text_column: TEXT})
    out_dir.mkdir(parents=True, exist_ok=True)
    if mask and by:  # group names are written too: masked before they are counted
        names = [by] if isinstance(by, str) else list(by)
        texts = [b for b in names if b in answers.columns and b not in DERIVED_COLUMNS]
        if texts:
            answers = mask_personal_data(answers, texts)
    steps = progress.step(["tagging", "summarising", "masking", "clustering", "writing the report"])
    next(steps)
    if already_tagged:
        tagged = answers
    else:
        tagged = tag_answers(answers, model=model, progress=progress, rows=rows, source=source)
    next(steps)
    frequencies = theme_frequencies(tagged, by, min_cell=min_cell)
    next(steps)
    if mask:
        from vastausanalyysi.nlp.pii import IdPseudonyms

        ids = ids if ids is not None else IdPseudonyms()
        tagged = mask_output(tagged, ids=ids)
        respondent_scores = ids.apply(respondent_scores)
        published_scores = ids.apply(published_scores)  # a table of respondents' scores too
    next(steps)
    clustering = cluster_statements(tagged, min_cell=min_cell)  # the report's small groups
    next(steps)
    written = write_report(
        out_dir,
        tagged=tagged,
        frequencies=frequencies,
        clustering=clustering,
        respondent_scores=respondent_scores,
        published_scores=published_scores,
        title=title,
        mask=mask,
        min_cell=min_cell,
    )
    tagged_path = out_dir / "tagged.jsonl"  # as the workbook's answer sheet shows the answers
    safe = publishable_answers(tagged, frequencies, min_cell)
    safe.to_json(tagged_path, orient="records", lines=True, force_ascii=False)
    next(steps, None)
    return [*written, tagged_path]


def read_csv_checked(path: Path) -> pd.DataFrame:
    """A bundled CSV, or a :class:`SurveyError` naming the missing file."""
    if not path.is_file():
        raise SurveyError(f"the corpus file {str(path)!r} is missing; run from the repository root")
    return pd.read_csv(path, dtype={"n": "Int64"}, keep_default_na=False, na_values=[""])


def analyse_corpus(
    corpus_dir: Path, out_dir: Path, *, mask: bool = True, progress: Progress | None = None
) -> list[Path]:
    """Analyse the bundled corpus: the 2026 report's highlights by respondent group, with scores."""
    highlights = read_csv_checked(corpus_dir / HIGHLIGHTS)
    answers = highlights[["id", "text", "group"]].rename(columns={"id": "respondent_id"})
    scores = load_published_scores()
    scores = scores.assign(question=scores["table"].map(PUBLISHED_TABLE_TITLES))
    log.info("analysing %d highlights and %d published scores", len(answers), len(scores))
    return analyse(
        answers,
        out_dir,
        by="group",
        published_scores=scores,
        min_cell=MIN_CELL,
        title="Yhdyspintakysely 2026: toimivan yhteistyön nostot",
        mask=mask,
        progress=progress,
    )
