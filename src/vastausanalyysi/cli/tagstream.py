"""``vastausanalyysi tag`` streamed: read, tag, mask and append chunk by chunk.

See :mod:`vastausanalyysi.cli.stream` for what is streamed and how the output is written.
"""

from __future__ import annotations

import argparse
import logging
from collections.abc import Iterator
from typing import Any

import pandas as pd

from vastausanalyysi.cli.files import InputOptions
from vastausanalyysi.cli.output import TableWriter, with_json_scalars
from vastausanalyysi.cli.provenance import fingerprint, warn_replaced
from vastausanalyysi.cli.stream import count_rows, stream_plan
from vastausanalyysi.errors import SurveyError, VastausanalyysiError
from vastausanalyysi.schema import TAGGED_BY, TEXT

log = logging.getLogger("vastausanalyysi.cli")

DEFAULT_CHUNK = 5000
"""Rows a chunk when ``--jobs`` is given without ``--chunk-size``."""


def stream_tag(args: argparse.Namespace, options: InputOptions, progress: Any) -> bool:
    """Tag ``args.input`` streamed to ``args.output``; False (nothing done) when the input
    must be read whole."""
    from vastausanalyysi.nlp.pii import IdPseudonyms
    from vastausanalyysi.survey.columns import add_respondent_columns
    from vastausanalyysi.themes.partitions import tag_stream
    from vastausanalyysi.themes.shipped import resolve_model
    from vastausanalyysi.workflow import mask_output

    column = options.text_column or TEXT
    plan = stream_plan(args.input, options, column)
    if plan is None:
        log.info("%s is read whole (not a plain CSV/TSV/JSONL table to stream)", args.input)
        return False
    chunk_size = args.chunk_size or DEFAULT_CHUNK
    classifier = resolve_model(args.model or None)
    if classifier is None and not args.model:
        classifier = "rules"
    evidence = {"full": True, "compact": "compact", "none": False}[args.evidence]
    tagged_by = fingerprint(args.model or None, evidence)
    writer = TableWriter(args.output, excel_fi=args.excel_fi)
    if not writer.appends:
        log.warning(
            "%s cannot be appended to: it is written when all rows are tagged (use .csv, .tsv or "
            ".jsonl for output as it goes and bounded memory)",
            args.output,
        )
    # a long export's title and municipality columns give groups and counties, chunk by chunk
    read = _read_checked(plan.frames(chunk_size), plan.display)
    frames = map(add_respondent_columns, _warned(read, column, plan.display))
    tagged = tag_stream(
        frames,
        text_column=column,
        n_jobs=args.jobs,
        evidence=evidence,
        model=classifier,
    )
    total = count_rows(plan)
    ids = IdPseudonyms()  # one for every chunk: an id gets the same pseudonym in each
    keep = [options.id_column] if options.id_column else []
    try:
        with progress.bar(total, "tagging", unit="row") as bar:
            for frame in _read_checked(tagged, plan.display):
                if not args.keep_personal_data:
                    frame = mask_output(frame, [column], keep=keep, ids=ids)
                frame[TAGGED_BY] = tagged_by
                rows = list(frame.index)  # the file's row numbers
                frame = with_json_scalars(frame, rows, plan.json_scalars, args.output, [column])
                for row in rows:
                    plan.json_scalars.pop(row, None)
                writer.write(frame.reset_index(drop=True))
                bar.update(len(frame))
            bar.total = bar.n  # the count of rows, or standard input's: the bar ends at 100 %
    except BaseException:
        writer.abort()  # no half of a new output under the output's name (an old one stays)
        raise
    finally:
        plan.raw.close()
    writer.close()
    log.info("%s: %d rows tagged in chunks of %d", plan.display, writer.rows, chunk_size)
    return True


def _warned(frames: Iterator[pd.DataFrame], column: str, display: str) -> Iterator[pd.DataFrame]:
    """``frames``, with a warning at the first if its own columns are replaced by the output's
    (see :func:`~vastausanalyysi.cli.provenance.warn_replaced`)."""
    first = True
    for frame in frames:
        if first:
            warn_replaced(list(frame.columns), column, display)
            first = False
        yield frame


def _read_checked(frames: Any, display: str) -> Iterator[pd.DataFrame]:
    """``frames``, with a read error as a SurveyError naming the file."""
    try:
        yield from frames
    except VastausanalyysiError:
        raise
    except UnicodeDecodeError as exc:
        raise SurveyError(
            f"cannot read {display!r}: bytes at {exc.start} of a block are not {exc.encoding} "
            "(detected from the head of the file); give --encoding"
        ) from exc
    except ValueError as exc:  # pandas' ParserError names the file's line
        raise SurveyError(f"cannot read {display!r}: {' '.join(str(exc).split())}") from exc


__all__ = ["DEFAULT_CHUNK", "stream_tag"]
