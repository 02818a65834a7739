"""Tagging data that does not fit in one call: a stream of frames, or Dask partitions.

* :func:`tag_stream` tags an iterable of DataFrames (say ``pandas.read_csv(…, chunksize=…)``)
  and yields one tagged frame per input frame, in order, with at most a few frames in memory;
  with ``n_jobs`` > 1 a pool of worker processes tags the next frames meanwhile.
* :func:`tag_partition` and :func:`tag_meta` run ``tag()`` on a Dask DataFrame (the
  ``vastausanalyysi[dask]`` extra)::

      import dask.dataframe as dd
      import vastausanalyysi as va

      ddf = dd.read_csv("answers-*.csv", dtype={"text": "object"})
      tagged = ddf.map_partitions(va.tag_partition, meta=va.tag_meta(ddf))
      tagged.to_json("tagged-*.jsonl", orient="records", lines=True, force_ascii=False)
      # or tagged.compute() for one pandas DataFrame (Parquet cannot store the object columns)

  Each Dask worker process loads its own pipeline and model once, on its first partition. The
  result is the same as ``va.tag(ddf.compute())``, whatever the partitions: an answer's result
  depends only on its own text and question.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

import pandas as pd

from vastausanalyysi.deprecation import renamed_arguments
from vastausanalyysi.themes.batch import TagOptions, n_workers, tag_chunks
from vastausanalyysi.themes.tagger import (
    add_columns,
    clean_texts,
    frame_and_texts,
    questions_of,
    tag,
)


@renamed_arguments(scores="probabilities")
def tag_stream(
    frames: Iterable[pd.DataFrame],
    *,
    text_column: str = "text",
    question: str | None = None,
    question_column: str | None = "question",
    n_jobs: int = 1,
    evidence: bool | str = True,
    **options: Any,
) -> Iterator[pd.DataFrame]:
    """Tagged frames, one per input frame and in order (as ``tag()`` would tag each).

    ``options`` are the other arguments of :func:`~vastausanalyysi.themes.tagger.tag`
    (``model``, ``codebook``, ``mode``, ``polarity_mode``, ``probabilities``, ``nlp``,
    ``batch_size``). Frames are read from ``frames`` only as fast as they are tagged: at most
    two per worker are pending, so memory stays bounded whatever the length of the stream. A
    bad value raises :class:`~vastausanalyysi.errors.InputTextError` naming its row and its
    position in the whole stream. With ``evidence=False`` or ``"compact"`` the output is
    smaller (see ``tag()``).
    """
    opts = TagOptions(evidence=evidence, **options)
    n_workers(n_jobs)  # a bad n_jobs fails before the first frame is read
    held: list[pd.DataFrame] = []

    def chunks() -> Iterator[tuple[list[str], list[Any]]]:
        offset = 0
        for data in frames:
            frame, raw = frame_and_texts(data, text_column)
            texts = clean_texts(frame, raw, offset)
            offset += len(texts)
            held.append(frame)
            yield texts, questions_of(data, len(texts), question, question_column)

    for results in tag_chunks(chunks(), opts, n_jobs=n_jobs):
        frame = held.pop(0)
        add_columns(frame, results, opts.columns)
        yield frame


def tag_partition(partition: pd.DataFrame, **options: Any) -> pd.DataFrame:
    """``tag()`` of one partition (a pandas DataFrame), for ``ddf.map_partitions``.

    ``options`` are those of :func:`~vastausanalyysi.themes.tagger.tag`; give the same
    ``text_column``, ``probabilities`` and ``evidence`` to :func:`tag_meta`.
    """
    return tag(partition, **options)


@renamed_arguments(scores="probabilities")
def tag_meta(
    data: Any,
    *,
    text_column: str = "text",
    probabilities: bool = False,
    evidence: bool | str = True,
) -> pd.DataFrame:
    """The empty frame that ``tag_partition`` returns for ``data`` (Dask's ``meta``).

    ``data``: a Dask or pandas DataFrame (its columns are kept) or a list of column names.
    """
    if isinstance(data, list | tuple):
        base = pd.DataFrame({c: pd.Series(dtype=object) for c in data})
    else:
        base = getattr(data, "_meta", data)
        if not isinstance(base, pd.DataFrame):
            raise TypeError(f"tag_meta() needs a DataFrame or column names, not {type(data)}")
        base = base.iloc[:0].copy()
    if text_column not in base.columns:
        raise ValueError(f"no text column {text_column!r}; columns: {list(base.columns)}")
    for col in TagOptions(probabilities=probabilities, evidence=evidence).columns:
        base[col] = pd.Series(dtype=object, index=base.index)
    return base


__all__ = ["tag_meta", "tag_partition", "tag_stream"]
