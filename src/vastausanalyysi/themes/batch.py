"""Tagging many texts: one setup per process, repeats tagged once, chunks in a process pool.

:class:`BatchTagger` holds what ``tag()`` resolves once (model, codebook, pipeline) and tags a
list of cleaned texts into result dicts. :func:`tag_chunks` runs it over chunks of texts, in
this process or in a pool of worker processes (each with its own pipeline, Voikko handle and
caches), and yields the chunks' results in input order. An answer's result depends only on its
own text and question: never on the batch, chunk or worker it was tagged in.

Each answer also gets a ``language`` (:func:`answer_languages`): the Finnish rules and model
give no codes to an answer that is not in Finnish. Evidence offsets point into the text as given
(the pipeline normalises it: :func:`~vastausanalyysi.nlp.pipeline.offset_map`).
"""

from __future__ import annotations

import gc
import math
import multiprocessing
import os
import pickle
import threading
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from vastausanalyysi.nlp.heap import frozen_heap, inherit_frozen_heap, no_gc_pause
from vastausanalyysi.schema import LANGUAGE, NON_ANSWER_RULE, PROBABILITIES
from vastausanalyysi.themes.codebook import load_codebook
from vastausanalyysi.themes.codes import Codebook
from vastausanalyysi.themes.polarity import NEUTRAL, question_kind
from vastausanalyysi.themes.prediction import combine
from vastausanalyysi.themes.shipped import resolve_model
from vastausanalyysi.threads import single_threaded

#: Output columns of ``tag()``, in order (``evidence``/``polarity_evidence`` unless left out).
OUTPUT_COLUMNS = ("areas", "mechanisms", "polarity", "evidence", "lemmas")
#: What an evidence item keeps with ``evidence="compact"`` (a polarity cue also its polarity).
COMPACT_KEYS = ("surface", "rule", "start", "end")
COMPACT_CUE_KEYS = ("surface", "polarity", "rule", "start", "end")
#: Largest chunk a worker gets at once (texts).
MAX_CHUNK = 1000
#: Texts of the first chunk that this process tags before it starts the worker processes (which
#: inherit the caches they warmed).
WARM_UP = 250
#: Language labels that the Finnish rules and model tag; "" is a text with no words at all.
TAGGED_LANGUAGES = frozenset({"fi", ""})


@dataclass(frozen=True)
class TagOptions:
    """The arguments of ``tag()`` that decide an answer's result (sent to worker processes)."""

    model: Any = None
    codebook: Any = None
    mode: str = "combined"
    polarity_mode: str | None = None
    probabilities: bool = False
    evidence: bool | str = True
    batch_size: int = 256
    nlp: Language | None = None

    def __post_init__(self) -> None:
        if self.mode not in ("combined", "rules", "model"):
            raise ValueError(f"mode must be 'combined', 'rules' or 'model', not {self.mode!r}")
        if self.polarity_mode not in (None, "rules", "model", "hybrid"):
            raise ValueError(
                f"polarity_mode must be 'rules', 'model' or 'hybrid': {self.polarity_mode!r}"
            )
        if self.evidence not in (True, False, "compact"):
            raise ValueError(f"evidence must be True, False or 'compact', not {self.evidence!r}")
        if not isinstance(self.batch_size, int) or self.batch_size < 1:
            raise ValueError(f"batch_size must be a positive int, not {self.batch_size!r}")

    @property
    def columns(self) -> list[str]:
        """The result columns these options give, in order."""
        cols = list(OUTPUT_COLUMNS)
        if self.evidence is False:
            cols.remove("evidence")
        else:
            cols.append("polarity_evidence")
        cols.append(LANGUAGE)
        return cols + ([PROBABILITIES] if self.probabilities else [])


def resolve_codebook(model: Any, codebook: Any) -> Codebook:
    """The codebook ``tag()`` uses: the one given, else the model's, else the default."""
    if codebook is not None:
        return load_codebook(codebook)
    if model is not None:
        return model.get_codebook()
    return load_codebook()


def unique_items(texts: Sequence[str], questions: Sequence[Any]) -> tuple[list, list, list[int]]:
    """Distinct (text, kind of question) pairs, and for every input the position of its pair."""
    first: dict[tuple[str, str | None], int] = {}
    u_texts: list[str] = []
    u_kinds: list[str | None] = []
    where: list[int] = []
    for text, q in zip(texts, questions, strict=True):
        key = (text, question_kind(q))
        k = first.get(key)
        if k is None:
            k = first[key] = len(u_texts)
            u_texts.append(text)
            u_kinds.append(key[1])
        where.append(k)
    return u_texts, u_kinds, where


def _copy_result(result: dict[str, Any]) -> dict[str, Any]:
    """A copy of a result that shares no mutable part with it (for repeated texts)."""
    out: dict[str, Any] = {}
    for key, value in result.items():
        if isinstance(value, dict):
            out[key] = {
                k: [dict(e) for e in v] if isinstance(v, list) else v for k, v in value.items()
            }
        elif isinstance(value, list):
            out[key] = [dict(e) if isinstance(e, dict) else e for e in value]
        else:
            out[key] = value
    return out


class BatchTagger:
    """``tag()``'s setup, resolved once: tags lists of cleaned texts into result dicts."""

    def __init__(self, options: TagOptions):
        from vastausanalyysi.nlp.pipeline import default_pipeline

        self.options = options
        self.model = resolve_model(options.model)
        self.codebook = resolve_codebook(self.model, options.codebook)
        self.nlp = options.nlp or default_pipeline()

    @single_threaded
    def results(self, texts: Sequence[str], questions: Sequence[Any]) -> list[dict[str, Any]]:
        """One result dict per text (``options.columns`` as keys); repeats are tagged once.

        Docs are made and dropped :data:`MAX_CHUNK` texts at a time, so only the results stay.
        The model's products run on one BLAS thread (:func:`~vastausanalyysi.threads.
        single_threaded`): its matrices are small, and idle BLAS threads spin on the cores that
        the other workers tag on.
        """
        u_texts, u_kinds, where = unique_items(texts, questions)
        with frozen_heap() as settle:  # it froze the heap: the chunks' results may be frozen
            return self._results(u_texts, u_kinds, where, settle)

    def _results(
        self, u_texts: list[str], u_kinds: list[Any], where: list[int], settle: bool = False
    ) -> list[dict]:
        """:meth:`results` of distinct items. ``settle``: this call froze the heap, and what
        each chunk leaves alive (its results) is frozen too (:func:`_settle`), so that no later
        collection of the run walks it again."""
        opts = self.options
        columns = opts.columns
        checks = 0  # chunks settled since the last one whose young objects were collected
        from vastausanalyysi.nlp.pipeline import make_docs

        shaped: list[dict[str, Any]] = []
        for start in range(0, len(u_texts), MAX_CHUNK):
            part = u_texts[start : start + MAX_CHUNK]
            with no_gc_pause():  # one collection per chunk (its objects live until its end)
                docs = make_docs(part, self.nlp, batch_size=opts.batch_size)
                found = combine(
                    docs,
                    self.model,
                    self.codebook,
                    questions=u_kinds[start : start + MAX_CHUNK],
                    mode=opts.mode,
                    polarity_mode=opts.polarity_mode,
                    scores=PROBABILITIES in columns,  # else the per-code dicts go unread
                )
                languages = answer_languages(part)
                for doc, result, language in zip(docs, found, languages, strict=True):
                    result[LANGUAGE] = language
                    result[PROBABILITIES] = result.pop("scores")
                    if language not in TAGGED_LANGUAGES:
                        _clear_codes(result)
                    _to_original_offsets(doc, result)
                    shaped.append(_shape(result, columns, opts.evidence))
                del docs, found
                if settle and start + MAX_CHUNK < len(u_texts):  # not after the last chunk
                    checks = _settle(checks)
        return self.expand(shaped, where)

    @staticmethod
    def expand(found: Sequence[dict[str, Any]], where: Sequence[int]) -> list[dict[str, Any]]:
        """The results of the distinct items back in input order (a repeat gets a copy)."""
        seen = [False] * len(found)
        out = []
        for k in where:
            out.append(_copy_result(found[k]) if seen[k] else found[k])
            seen[k] = True
        return out


#: A chunk's objects are collected (its young generation) before they are frozen at its end
#: for the first chunk and every this many after, and for every chunk after one that left
#: garbage: the shipped pipeline leaves none (no reference cycles), so the others are frozen
#: unexamined, and a pipeline that does make cycles has them freed chunk by chunk.
SETTLE_CHECK_EVERY = 8


def _settle(checks: int) -> int:
    """End a chunk of a run under :func:`~vastausanalyysi.nlp.heap.frozen_heap` (the
    collector paused since the chunk began, so all its objects are young): collect them if this
    chunk is checked (``checks``: chunks since the last check), then freeze what is alive, to be
    unfrozen with the rest at the end of the run. Returns the next chunk's ``checks``."""
    if checks % SETTLE_CHECK_EVERY == 0:
        checks = -1 if gc.collect(0) else 0  # garbage found: check the next chunk too
    gc.freeze()
    return checks + 1


def answer_languages(texts: Sequence[str]) -> list[str]:
    """The language of each text: "fi", "sv", "en", "other", or "" for a text with no words.

    :func:`~vastausanalyysi.nlp.language.detect_language` decides (short answers of one to four
    Finnish words, "hyte", "Tilat", "sote-yhteistyö ok", are "fi" there). A text with no letter
    at all (empty, missing, "-", "123") has no language: "" rather than detect_language's
    "other", and it is tagged (and counted) as before.
    """
    from vastausanalyysi.nlp.language import detect_language

    with_words = [i for i, text in enumerate(texts) if any(c.isalpha() for c in text)]
    out = [""] * len(texts)
    found = detect_language([texts[i] for i in with_words])
    for i, language in zip(with_words, found, strict=True):
        out[i] = language
    return out


def _clear_codes(result: dict[str, Any]) -> None:
    """No codes, no polarity and no evidence: the Finnish rules do not read other languages. A
    non-answer keeps its mark ("Vet inte.", "Ingen kommentar": a non-answer in any language)."""
    kept = [c for c in result["polarity_evidence"] if c.get("rule") == NON_ANSWER_RULE]
    result.update(areas=[], mechanisms=[], polarity=NEUTRAL, evidence={}, polarity_evidence=kept)
    result[PROBABILITIES] = {}


def _to_original_offsets(doc: Doc, result: dict[str, Any]) -> None:
    """Point every evidence span (and its surface) into the text as given, not ``doc.text``."""
    from vastausanalyysi.nlp.pipeline import ORIGINAL_KEY, offset_map, original_text

    if ORIGINAL_KEY not in doc.user_data:  # the text as given (no need to build doc.text)
        return
    mapping = offset_map(doc)
    if mapping.is_identity:
        return
    original = original_text(doc)
    items = [e for group in result["evidence"].values() for e in group]
    for ev in [*items, *result["polarity_evidence"]]:
        ev["start"], ev["end"] = mapping.span(ev["start"], ev["end"])
        ev["surface"] = original[ev["start"] : ev["end"]]


def _shape(result: dict[str, Any], columns: list[str], evidence: bool | str) -> dict[str, Any]:
    out = {c: result[c] for c in columns}
    if evidence == "compact":
        out["evidence"] = {
            code: [{k: e[k] for k in COMPACT_KEYS} for e in items]
            for code, items in result["evidence"].items()
        }
        out["polarity_evidence"] = [
            {k: e[k] for k in COMPACT_CUE_KEYS} for e in out["polarity_evidence"]
        ]
    return out


def n_workers(n_jobs: int) -> int:
    """Worker processes for ``n_jobs``: N as given, -1 all cores, -2 all but one …"""
    if not isinstance(n_jobs, int) or isinstance(n_jobs, bool) or n_jobs == 0:
        raise ValueError(f"n_jobs must be a non-zero int (1, 2, … or -1 = all cores): {n_jobs!r}")
    if n_jobs > 0:
        return n_jobs
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return max(1, (cores or 1) + 1 + n_jobs)


def chunk_size_for(n_texts: int, workers: int) -> int:
    """A chunk size that gives each worker about four chunks (at most :data:`MAX_CHUNK`)."""
    return max(1, min(MAX_CHUNK, math.ceil(n_texts / (4 * workers))))


def chunk_bounds(n_texts: int, workers: int, size: int | None = None) -> list[tuple[int, int]]:
    """(start, end) of each chunk of ``n_texts`` texts for ``workers`` processes.

    ``size`` given: chunks of that size. Otherwise chunks of :func:`chunk_size_for`, and of a
    quarter of that for the last ``2 * workers`` full chunks' worth of texts: the processes run
    out of work at nearly the same time (the last chunks are the ones a process may wait for).
    """
    if size is not None:
        return [(i, min(i + size, n_texts)) for i in range(0, n_texts, size)]
    size = chunk_size_for(n_texts, workers)
    tail = max(0, n_texts - 2 * workers * size) // size * size  # where the small chunks start
    small = max(1, size // 4)
    return [(i, i + size) for i in range(0, tail, size)] + [
        (i, min(i + small, n_texts)) for i in range(tail, n_texts, small)
    ]


# -- worker processes ---------------------------------------------------------------------------


def start_method() -> str:
    """How worker processes start: "fork" where it is safe, else "spawn".

    "fork" (POSIX, and only while this process runs a single thread) starts workers at once,
    each with a private copy of what this process has loaded (pipeline, Voikko handle, model:
    they are loaded here first), and needs no ``if __name__ == "__main__":`` guard in the
    calling script. With other threads
    running (a Dask worker, a GUI) forking is unsafe, so workers are spawned: fresh
    interpreters that load their own, and a script must then guard its entry point.
    """
    if "fork" in multiprocessing.get_all_start_methods() and threading.active_count() == 1:
        return "fork"
    return "spawn"


_WORKER: dict[str, BatchTagger] = {}


def _init_worker(options: TagOptions, frozen: bool = False) -> None:
    """A worker's setup: its tagger; ``frozen``: forked with the parent's heap frozen."""
    if frozen:
        inherit_frozen_heap()
    _WORKER["tagger"] = BatchTagger(options)


def _work(texts: list[str], questions: list[Any]) -> bytes:
    """A chunk's results, pickled here: the pool's result thread then passes bytes on, and
    :func:`_results_of` unpickles them with the collector paused (tens of thousands of small
    containers, which would otherwise set off collections that walk all results so far)."""
    return pickle.dumps(_WORKER["tagger"].results(texts, questions), pickle.HIGHEST_PROTOCOL)


def _results_of(future: Future[Any]) -> list[dict[str, Any]]:
    """The results of a chunk's future: a list tagged here or the pickled list of a worker."""
    found = future.result()
    if isinstance(found, bytes):
        with no_gc_pause():
            found = pickle.loads(found)  # our own worker's bytes, never a file's
    return found


def tag_chunks(
    chunks: Iterable[tuple[Sequence[str], Sequence[Any]]],
    options: TagOptions,
    *,
    n_jobs: int = 1,
    tagger: BatchTagger | None = None,
) -> Iterator[list[dict[str, Any]]]:
    """Results of each (texts, questions) chunk, in order, with ``n_jobs`` processes.

    With ``n_jobs`` 1 the chunks are tagged here (by ``tagger`` if given); otherwise this
    process and ``n_jobs - 1`` worker processes, each with its own pipeline, Voikko handle and
    caches, share them, with a few chunks per worker in flight at most (memory stays bounded
    for a long stream of chunks). See :func:`start_method` for how the workers are started.
    """
    workers = n_workers(n_jobs)
    if workers == 1:
        local = tagger or BatchTagger(options)
        for texts, questions in chunks:
            yield local.results(texts, questions)
        return
    method = start_method()
    chunks = iter(chunks)
    # this process is one of the workers. It tags the first :data:`WARM_UP` texts before the
    # pool starts (forked workers inherit the caches they warmed: word analyses, token rows,
    # the most frequent forms' first), then the rest of the first chunk while the workers
    # start on the next, and later a chunk whenever the pool has enough queued, so that no
    # core waits for another (a given tagger only if it has the workers' options: a result
    # must not depend on where its chunk was tagged)
    local = tagger if tagger is not None and tagger.options == options else BatchTagger(options)
    first = next(chunks, None)
    if first is None:
        return
    texts, questions = first
    head = local.results(texts[:WARM_UP], questions[:WARM_UP])
    # forked workers start (all at once) at the first submit: with what is loaded here frozen
    # (out of the collector's sight), their collections neither walk nor copy the inherited
    # objects, which stay frozen in them
    freeze = method == "fork" and gc.isenabled() and gc.get_freeze_count() == 0
    context = multiprocessing.get_context(method)
    pool = ProcessPoolExecutor(
        workers - 1, mp_context=context, initializer=_init_worker, initargs=(options, freeze)
    )
    queued = 2 * (workers - 1)  # chunks the pool may hold before this process takes one
    pending: deque[Future[Any]] = deque()

    def submit(texts: Sequence[str], questions: Sequence[Any]) -> None:
        nonlocal freeze
        if freeze:
            gc.freeze()
        try:
            pending.append(pool.submit(_work, list(texts), list(questions)))
        finally:
            if freeze:
                gc.unfreeze()  # this process is as before once the workers are forked
                freeze = False

    try:
        if len(texts) > WARM_UP:
            second = next(chunks, None)
            if second is not None:
                submit(*second)
            head += local.results(texts[WARM_UP:], questions[WARM_UP:])
        yield head
        for texts, questions in chunks:
            if sum(not p.done() for p in pending) >= queued:
                pending.append(_done(local.results(texts, questions)))
            else:
                submit(texts, questions)
            # results leave in order; at most a few rounds of chunks wait here
            while pending and (pending[0].done() or len(pending) > 2 * queued):
                yield _results_of(pending.popleft())
        while pending:
            yield _results_of(pending.popleft())
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _done(result: list[dict[str, Any]]) -> Future[list[dict[str, Any]]]:
    """A finished future holding ``result`` (a chunk tagged in this process)."""
    future: Future[list[dict[str, Any]]] = Future()
    future.set_result(result)
    return future


__all__ = [
    "COMPACT_CUE_KEYS",
    "COMPACT_KEYS",
    "MAX_CHUNK",
    "OUTPUT_COLUMNS",
    "TAGGED_LANGUAGES",
    "WARM_UP",
    "BatchTagger",
    "TagOptions",
    "answer_languages",
    "chunk_bounds",
    "chunk_size_for",
    "n_workers",
    "resolve_codebook",
    "start_method",
    "tag_chunks",
    "unique_items",
]
