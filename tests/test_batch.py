"""Batch tagging: the same result whatever the batch, chunk, worker count or repeats.

Real worker processes (a pool of two) and the real pipeline and model; answers from
``corpus/answers.csv`` (team-written and published text, see ``corpus/README.md``).
"""

from __future__ import annotations

import gc
import io
import multiprocessing
import os
import sys
import threading
from pathlib import Path

import pandas as pd
import pytest

import vastausanalyysi as va
from vastausanalyysi.errors import InputTextError, ModelError
from vastausanalyysi.nlp.heap import frozen_heap
from vastausanalyysi.themes import batch
from vastausanalyysi.themes.batch import chunk_bounds, chunk_size_for, n_workers, start_method
from vastausanalyysi.workflow import Progress

CORPUS = Path(__file__).resolve().parents[1] / "corpus" / "answers.csv"
RESULT = [
    "areas",
    "mechanisms",
    "polarity",
    "evidence",
    "lemmas",
    "polarity_evidence",
    "language",
    "probabilities",
]


@pytest.fixture(scope="module")
def answers() -> pd.DataFrame:
    corpus = pd.read_csv(CORPUS, dtype=str, keep_default_na=False)
    sample = corpus.iloc[::12][["id", "text", "question"]].reset_index(drop=True)
    # repeats, a repeat with another question, missing values and a typo
    extra = pd.DataFrame(
        {
            "id": ["r1", "r2", "r3", "e1", "e2", "t1"],
            "text": [sample.text[0], sample.text[0], sample.text[1], "", None, "yhteistyo toimii"],
            "question": [sample.question[0], "haasteet", sample.question[1], "toimii", None, None],
        }
    )
    return pd.concat([sample, extra], ignore_index=True)


@pytest.fixture(scope="module")
def serial(answers: pd.DataFrame) -> pd.DataFrame:
    return va.tag(answers, probabilities=True)


def as_json(frame: pd.DataFrame) -> str:
    return frame[RESULT].to_json(orient="records", force_ascii=False)


def test_two_processes_give_the_serial_output(answers, serial) -> None:
    assert start_method() == "fork"  # this process runs one thread: workers are forked
    out = va.tag(answers, probabilities=True, n_jobs=2, chunk_size=5)
    assert list(out.index) == list(serial.index) and out["id"].tolist() == answers["id"].tolist()
    assert as_json(out) == as_json(serial)
    assert serial["areas"].map(len).sum() > 20  # the sample gets codes: the check is not vacuous
    assert gc.get_freeze_count() == 0 and gc.isenabled()  # frozen only while forking


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_a_progress_bar_leaves_no_thread_behind(monkeypatch) -> None:
    """A bar, drawn or not, starts no thread that outlives it: tqdm's monitor thread stayed
    for good and made every later ``n_jobs`` run of the process spawn its workers (the test
    above failed after any CLI test that had a bar)."""
    terminal = _Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    for shown in (False, True):
        with Progress(enabled=shown).bar(4, "tagging", unit="row") as bar:
            bar.update(4)
    assert "tagging" in terminal.getvalue()  # the second bar was drawn: not vacuous
    assert [t for t in threading.enumerate() if t.name == "tqdm_monitor"] == []
    assert start_method() == "fork"


def test_a_first_chunk_split_around_the_fork_gives_the_serial_output(
    answers, serial, monkeypatch
) -> None:
    """The first chunk's first WARM_UP texts are tagged before the workers start, its rest
    while they take the next chunk: the results still come back whole and in order."""
    monkeypatch.setattr(batch, "WARM_UP", 3)
    assert len(answers) > 20  # the first chunk is split, and other chunks go to the worker
    out = va.tag(answers, probabilities=True, n_jobs=2, chunk_size=10)
    assert out["id"].tolist() == answers["id"].tolist()
    assert as_json(out) == as_json(serial)


@pytest.mark.parametrize("n_texts", [0, 1, 7, 2_000, 20_000, 20_001])
@pytest.mark.parametrize("workers", [2, 4])
def test_chunks_cover_the_texts_in_order_with_small_ones_last(n_texts, workers) -> None:
    bounds = chunk_bounds(n_texts, workers)
    assert [i for a, b in bounds for i in range(a, b)] == list(range(n_texts))
    sizes = [b - a for a, b in bounds]
    assert all(s > 0 for s in sizes) and sizes == sorted(sizes, reverse=True)
    full = chunk_size_for(n_texts, workers)
    if n_texts >= 2_000:
        assert sizes[0] == full and sizes[-2] == max(1, full // 4)
        assert 2 * workers * full <= sum(s for s in sizes if s < full) < (2 * workers + 1) * full
    assert chunk_bounds(10, workers, 3) == [(0, 3), (3, 6), (6, 9), (9, 10)]


def test_the_collector_is_left_as_it_was(answers, serial) -> None:
    assert gc.get_freeze_count() == 0
    mine = [object() for _ in range(10)]
    gc.freeze()  # a caller's own freeze: tag() neither unfreezes nor adds to it
    try:
        frozen = gc.get_freeze_count()
        assert frozen >= len(mine)
        assert as_json(va.tag(answers, probabilities=True)) == as_json(serial)
        assert gc.get_freeze_count() == frozen and gc.isenabled()
    finally:
        gc.unfreeze()
    with frozen_heap() as froze:
        inside = gc.get_freeze_count()
        assert froze and inside > 0 and gc.isenabled()
    assert gc.get_freeze_count() == 0 and inside >= len(mine)


def _inherited_heap_in_child(queue: multiprocessing.Queue) -> None:
    """In a child forked with the heap frozen: what frozen_heap does there, before and after
    the child notes that it inherited the frozen heap."""
    from vastausanalyysi.nlp.heap import inherit_frozen_heap

    before = gc.get_freeze_count()
    with frozen_heap() as froze_unnoted:
        pass
    inherit_frozen_heap()
    with frozen_heap() as froze_noted:
        during = gc.get_freeze_count()
    queue.put((before, froze_unnoted, froze_noted, during, gc.get_freeze_count()))


def test_a_worker_forked_with_the_heap_frozen_keeps_it_frozen() -> None:
    """A worker of tag(n_jobs=…) is forked with the parent's heap frozen; its runs freeze and
    unfreeze nothing (and need not count the frozen objects, which walks them all)."""
    context = multiprocessing.get_context("fork")
    queue = context.Queue()
    gc.freeze()
    try:
        child = context.Process(target=_inherited_heap_in_child, args=(queue,))
        child.start()
    finally:
        gc.unfreeze()
    before, froze_unnoted, froze_noted, during, after = queue.get(timeout=60)
    child.join(timeout=60)
    assert child.exitcode == 0
    assert before > 0 and not froze_unnoted and not froze_noted
    assert during == before == after  # the inherited objects stay frozen, nothing is added
    assert gc.get_freeze_count() == 0


def test_spawned_workers_give_the_serial_output(answers, serial) -> None:
    """With another thread running, the pool spawns fresh interpreters instead of forking."""
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    try:
        assert start_method() == "spawn"
        out = va.tag(answers.head(12), probabilities=True, n_jobs=2, chunk_size=4)
    finally:
        stop.set()
        thread.join()
    assert start_method() == ("fork" if threading.active_count() == 1 else "spawn")
    assert as_json(out) == as_json(serial.head(12))


def test_batches_chunks_and_single_calls_agree(answers, serial) -> None:
    texts, questions = answers["text"].tolist(), answers["question"].tolist()
    by_seven = pd.concat(
        [
            va.tag(pd.DataFrame({"text": texts[i : i + 7], "question": questions[i : i + 7]}))
            for i in range(0, len(texts), 7)
        ],
        ignore_index=True,
    )
    one_by_one = pd.concat(
        [
            va.tag([t], question=q) if q else va.tag([t])
            for t, q in zip(texts, questions, strict=True)
        ],
        ignore_index=True,
    )
    small_batches = va.tag(answers, batch_size=3)
    expected = as_json(serial.drop(columns="probabilities").assign(probabilities=None))
    for out in (by_seven, one_by_one, small_batches):
        assert as_json(out.assign(probabilities=None)) == expected


def test_repeats_get_their_own_copies(answers, serial) -> None:
    out = va.tag(answers)
    first, again = out.iloc[0], out[out["id"] == "r1"].iloc[0]
    assert first["evidence"] == again["evidence"] and first["evidence"]
    assert first["evidence"] is not again["evidence"]
    code = next(iter(again["evidence"]))
    again["evidence"][code][0]["surface"] = "muutettu"
    assert first["evidence"][code][0]["surface"] != "muutettu"
    # the same text answering another question is tagged for that question
    other = out[out["id"] == "r2"].iloc[0]
    assert other["areas"] == first["areas"]


def test_evidence_can_be_compact_or_left_out(answers, serial) -> None:
    compact = va.tag(answers, evidence="compact")
    none = va.tag(answers, evidence=False)
    assert "evidence" not in none.columns and "polarity_evidence" not in none.columns
    assert none["areas"].tolist() == serial["areas"].tolist()
    assert none["polarity"].tolist() == serial["polarity"].tolist()
    for full, short in zip(serial["evidence"], compact["evidence"], strict=True):
        assert list(full) == list(short)
        for code in full:
            assert [{k: e[k] for k in ("surface", "rule", "start", "end")} for e in full[code]] == (
                short[code]
            )
    for full, short in zip(serial["polarity_evidence"], compact["polarity_evidence"], strict=True):
        keys = ("surface", "polarity", "rule", "start", "end")
        assert [{k: e[k] for k in keys} for e in full] == short
    assert any(compact["polarity_evidence"])
    with pytest.raises(ValueError, match="evidence must be"):
        va.tag(answers, evidence="short")


def test_n_jobs_values() -> None:
    assert n_workers(3) == 3
    assert n_workers(-1) == len(os.sched_getaffinity(0))
    assert n_workers(-2) == max(1, n_workers(-1) - 1)
    for bad in (0, 1.5, True, "2"):
        with pytest.raises(ValueError, match="n_jobs"):
            n_workers(bad)  # type: ignore[arg-type]
    for bad in (0, -3, 2.5):
        with pytest.raises(ValueError, match="chunk_size"):
            va.tag(["hyte"], chunk_size=bad)  # type: ignore[arg-type]
    with pytest.raises(ModelError, match="model must be"):
        va.tag(["hyte"], model=42, n_jobs=2)  # type: ignore[arg-type]


@pytest.mark.parametrize("n_jobs", [1, 2])
def test_stream_keeps_order_and_reads_as_it_goes(answers, serial, n_jobs) -> None:
    read: list[int] = []

    def frames():
        for i in range(0, len(answers), 6):
            read.append(i)
            yield answers.iloc[i : i + 6]

    out, read_at_first = [], None
    for frame in va.tag_stream(frames(), n_jobs=n_jobs, probabilities=True):
        read_at_first = len(read) if read_at_first is None else read_at_first
        out.append(frame)
    assert len(out) == len(read) > 5
    assert read_at_first <= 2 * n_jobs + 1  # output comes before the input is all read
    joined = pd.concat(out)
    assert joined["id"].tolist() == answers["id"].tolist()
    assert as_json(joined) == as_json(serial)


def test_stream_names_the_bad_row_by_its_position_in_the_stream(answers) -> None:
    bad = pd.DataFrame({"text": ["hyte", b"tavuja"]}, index=["a", "b"])
    with pytest.raises(InputTextError, match=r"row 'b' \(position 7\)"):
        list(va.tag_stream([answers.head(6), bad]))


def test_a_doc_does_not_depend_on_its_batch() -> None:
    """nlp(text) and nlp.pipe(texts) agree, typo fixes included, whatever the batch size."""
    from vastausanalyysi.nlp.pipeline import default_pipeline

    nlp = default_pipeline()
    corpus = pd.read_csv(CORPUS, dtype=str, keep_default_na=False)
    # answers with typos, next to answers spelling the same words right
    texts = [*corpus["text"].iloc[::7], "yhteistyo toimii", "opiskeluhoolto", "valinen yhteistyo"]

    def view(doc) -> list[tuple[str, str, str | None]]:
        return [(t.text, t.lemma_, t._.corrected_from) for t in doc]

    alone = [view(nlp(t)) for t in texts]
    assert any(c for doc in alone for _, _, c in doc)  # some typo fixes happen
    for size in (1, 7, 256):
        assert [view(d) for d in nlp.pipe(texts, batch_size=size)] == alone
