"""One BLAS/OpenMP thread for the numerical steps, restored afterwards (team-written)."""

from __future__ import annotations

from threadpoolctl import threadpool_info

import vastausanalyysi as va
from vastausanalyysi.threads import single_threaded


def _threads() -> dict[str, int]:
    return {f"{d['user_api']}:{d['filepath']}": d["num_threads"] for d in threadpool_info()}


def test_single_threaded_limits_inside_and_restores_after():
    import sklearn  # noqa: F401  (loads the BLAS and OpenMP libraries the limits apply to)

    before = _threads()
    inside = single_threaded(_threads)()
    assert inside and set(inside.values()) == {1}
    assert _threads() == before


def test_tagging_leaves_the_thread_limits_as_they_were():
    va.tag(["Perhekeskus toimii hyvin."])  # everything loaded
    before = _threads()
    va.tag(["Tiedonkulku ei toimi."])
    assert _threads() == before
