"""Python's cyclic garbage collector during a run: paused for a batch, the heap frozen for a run.

:func:`no_gc_pause` pauses the collector for a block; :func:`frozen_heap` keeps the objects
that exist when a run starts out of its sight until the run ends. A worker process forked from
a parent whose heap was frozen keeps those objects frozen for its whole life
(:func:`inherit_frozen_heap`), and its runs then freeze nothing more: ``gc.get_freeze_count()``
walks every frozen object, so it is asked only where the answer is not known.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

_INHERITED = {"frozen": False}  # this process's heap was frozen by the parent it was forked from


@contextmanager
def no_gc_pause() -> Iterator[None]:
    """Pause Python's cyclic garbage collector for the block (nested-call safe).

    The hot loop of the lemmatizer creates no reference cycles (its objects, the results and the
    caches that hold them, are freed by reference counting or live as long as the caches), so
    the collector finds nothing to free there; but a cold pass adds tens of thousands of
    long-lived objects, which makes CPython run generation-0/1 collections every 700 allocations
    and, now and then, a full collection that walks every object of the process (~85k after
    importing spaCy: ~0.06 s, a fifth of a cold pass over the TDT test text). The pause is local
    and reversible: the collector is re-enabled on exit only if it was enabled on entry, and the
    collections it owes run at the next allocation after that. ``gc.freeze()`` for good would
    also shorten full collections, but frozen objects are never collected, so it is used only
    for the length of a run (:func:`frozen_heap`). ``gc.disable()`` is process-wide: another
    thread allocating meanwhile is not collected either (its cycles wait for the re-enable).
    """
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


@contextmanager
def frozen_heap() -> Iterator[bool]:
    """Keep the objects that exist now out of the collector's sight for the block; yields
    whether it froze them (the block may then freeze what it makes too: it is all unfrozen at
    the end).

    A run that creates many objects (Docs, results) makes CPython collect its older
    generations again and again, and each full collection walks every object of the process
    (the pipeline, the model and the caches: hundreds of thousands), although none of them is
    garbage of the run. ``gc.freeze()`` moves them to the permanent generation and
    ``gc.unfreeze()`` puts them back at the end, so the process is as before; objects made in
    the block are collected as usual. Nothing is done when the collector is off or something
    is frozen already (a caller's own ``gc.freeze()`` is left alone, and so is the heap a
    worker inherited frozen: :func:`inherit_frozen_heap`).
    """
    if not gc.isenabled() or _INHERITED["frozen"] or gc.get_freeze_count():
        yield False
        return
    gc.freeze()
    try:
        yield True
    finally:
        gc.unfreeze()


def inherit_frozen_heap() -> None:
    """Note that this process was forked from a parent with its heap frozen (a worker of
    ``tag(n_jobs=…)``): those objects stay frozen here, so :func:`frozen_heap` has nothing to
    do, and it need not ask ``gc.get_freeze_count()``, which walks all of them (milliseconds for
    each chunk a worker tags)."""
    _INHERITED["frozen"] = True


__all__ = ["frozen_heap", "inherit_frozen_heap", "no_gc_pause"]
