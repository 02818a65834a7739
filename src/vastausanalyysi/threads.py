"""One BLAS and OpenMP thread for numerical steps on small matrices.

OpenBLAS and OpenMP start a thread per core and keep them spinning between calls. On matrices
of tens of columns or a thousand rows (the clusters' LSA, the tagger's classifier) a second
thread saves no time, and where the cores are busy (another worker process, a shared machine)
its spinning and synchronisation cost more than the work itself: the LSA's fit took 1.4 s of
CPU on two threads against 0.1 s on one; tagging 20,000 answers used about a tenth more CPU.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache, wraps
from typing import ParamSpec, TypeVar

from threadpoolctl import ThreadpoolController

_P = ParamSpec("_P")
_R = TypeVar("_R")


@lru_cache(maxsize=1)
def _threadpools() -> ThreadpoolController:
    return ThreadpoolController()  # the BLAS and OpenMP libraries loaded (with scikit-learn's)


def single_threaded(func: Callable[_P, _R]) -> Callable[_P, _R]:
    """``func`` run with one BLAS and one OpenMP thread (the limits are restored after it)."""

    @wraps(func)
    def wrapper(*args: _P.args, **kwargs: _P.kwargs) -> _R:
        with _threadpools().limit(limits=1):
            return func(*args, **kwargs)

    return wrapper


__all__ = ["single_threaded"]
