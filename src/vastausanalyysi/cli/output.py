"""Output files for the command line by suffix: CSV, TSV, JSON Lines, JSON, XLSX, Parquet.

* ``.csv`` (``-`` = standard output) and ``.tsv``: UTF-8, ``,`` or tab; with ``excel_fi`` (Finnish
  Excel) ``;`` instead of ``,``, decimal commas and a byte order mark.
* ``.jsonl``/``.ndjson``: one JSON object a line; ``.json``: one JSON array. Lists and dicts stay.
* ``.xlsx``: one sheet; ``.parquet`` (needs pyarrow): lists of text stay lists.

In CSV, TSV and XLSX code lists are ``;``-separated ids, lemmas space-separated, other lists and
dicts JSON text. Spreadsheet formulas cannot get in: a text cell starting with ``=``, ``+``,
``-``, ``@``, tab or CR is stored as text in XLSX and prefixed with ``'`` in CSV/TSV (OWASP).
Any other suffix, or a folder that does not exist, is a :class:`ReportError` before any work.
"""

from __future__ import annotations

import contextlib
import importlib.util
import json
import logging
import os
import sys
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import pandas as pd

from vastausanalyysi.errors import ReportError
from vastausanalyysi.schema import CODE_COLUMNS, JSON_COLUMNS, LEMMAS
from vastausanalyysi.text import CONTROL_CHARACTERS, FORMULA_START, is_missing

log = logging.getLogger("vastausanalyysi.cli")

OUTPUT_FORMATS = {
    ".csv": "csv",
    ".tsv": "tsv",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "json",
    ".xlsx": "xlsx",
    ".parquet": "parquet",
}
"""Output suffixes and the format each writes."""
XLSX_MAX_CELL = 32_767


def output_format(path: str) -> str:
    """The format ``path`` is written in (``-`` is CSV); ReportError for an unknown suffix."""
    if path == "-":
        return "csv"
    suffix = Path(path).suffix.lower()
    if suffix not in OUTPUT_FORMATS:
        raise ReportError(
            f"unknown output file type {suffix or '(none)'!r} for {path!r}; use one of "
            f"{', '.join(OUTPUT_FORMATS)} (or - for CSV on standard output)"
        )
    return OUTPUT_FORMATS[suffix]


def check_output(path: str | None) -> None:
    """Fail early, before any work, when ``path`` cannot be written."""
    if path is None or path == "-":
        return
    fmt = output_format(path)
    if fmt == "parquet" and importlib.util.find_spec("pyarrow") is None:
        raise ReportError(f"writing {path!r} needs pyarrow: pip install 'vastausanalyysi[parquet]'")
    check_folder(Path(path).parent, path)
    if Path(path).is_dir():
        raise ReportError(f"cannot write {path!r}: it is a folder")


def check_folder(folder: Path, path: str, create: bool = False) -> None:
    """``folder`` exists (or, with ``create``, can be made) and is writable."""
    existing = folder if str(folder) else Path(".")
    while create and not existing.exists() and existing != existing.parent:
        existing = existing.parent
    if not existing.exists():
        raise ReportError(f"cannot write {path!r}: the folder {str(folder)!r} does not exist")
    if not existing.is_dir():
        raise ReportError(f"cannot write {path!r}: {str(existing)!r} is not a folder")
    if not os.access(existing, os.W_OK | os.X_OK):
        raise ReportError(f"cannot write {path!r}: no permission to write in {str(existing)!r}")


def formula_safe(value: Any) -> Any:
    """``value`` with a leading ``'`` when it is text a spreadsheet would run as a formula, and
    control characters (:data:`~vastausanalyysi.text.CONTROL_CHARACTERS`) as spaces."""
    if isinstance(value, str):
        if CONTROL_CHARACTERS.search(value):
            value = CONTROL_CHARACTERS.sub(" ", value)
        if value.startswith(FORMULA_START):
            return "'" + value
    return value


def json_text(value: Any) -> str:
    """``value`` (lists, dicts, numpy scalars inside) as compact JSON text."""
    return json.dumps(value, ensure_ascii=False, default=_plain)


def _plain(value: Any) -> Any:
    if hasattr(value, "item"):  # numpy scalars
        return value.item()
    if hasattr(value, "tolist"):  # numpy arrays
        return value.tolist()
    raise TypeError(f"cannot write a {type(value).__name__} as JSON")


def _flat(value: Any, column: str) -> Any:
    if isinstance(value, list | tuple) and column in CODE_COLUMNS:
        return ";".join(map(str, value))
    if isinstance(value, list | tuple) and column == LEMMAS:
        return " ".join(map(str, value))
    if isinstance(value, dict | list | tuple):
        return json_text(value)
    return value


def _nested(values: Iterable[Any]) -> bool:
    return any(isinstance(v, dict | list | tuple) for v in values)


def flatten(frame: pd.DataFrame) -> pd.DataFrame:
    """Lists and dicts as text (see the module doc), for CSV, TSV and XLSX."""
    flat = frame.copy()
    for column in flat.columns:
        if flat[column].dtype == object and _nested(flat[column]):
            flat[column] = [_flat(v, str(column)) for v in flat[column]]
    return flat


TYPED_FORMATS = frozenset({"jsonl", "json", "xlsx", "parquet"})
"""Output formats that keep a JSON input's numbers and true/false (:func:`with_json_scalars`);
CSV and TSV write every cell as the text it was read as."""
_ABSENT = object()


def with_json_scalars(
    frame: pd.DataFrame,
    rows: Sequence[Any],
    scalars: Mapping[Any, Mapping[str, Any]],
    path: str,
    text_columns: Sequence[str],
) -> pd.DataFrame:
    """``frame`` (one row per ``rows`` item, the input's row number) with the numbers and
    true/false of a JSON input (``scalars``, by row number and column) back in its
    pass-through columns, for an output ``path`` of :data:`TYPED_FORMATS`. A cell gets its
    JSON value only while it still holds the text that value was read as; ``text_columns``
    (the answers) stay text. The same for a whole frame and for each chunk of a stream."""
    from vastausanalyysi.survey.cells import cell_text

    if not scalars or output_format(path) not in TYPED_FORMATS:
        return frame
    named = {column for found in scalars.values() for column in found}
    columns = [c for c in frame.columns if c in named and c not in text_columns]
    out = frame
    for column in columns:
        values = out[column].tolist()
        changed = False
        for i, row in enumerate(rows):
            value = scalars.get(row, {}).get(column, _ABSENT)
            if value is not _ABSENT and values[i] == cell_text(value):
                values[i] = value
                changed = True
        if changed:
            out = out.copy() if out is frame else out
            out[column] = pd.Series(values, index=out.index, dtype=object)
    return out


def _one_kind(values: list[Any]) -> list[Any]:
    """A column's values, as text when they mix text, numbers and true/false (Parquet holds
    one type a column)."""
    from vastausanalyysi.survey.cells import cell_text

    kinds = {
        "bool" if isinstance(v, bool) else "number" if isinstance(v, int | float) else "other"
        for v in values
        if not is_missing(v)
    }
    return [cell_text(v) for v in values] if len(kinds) > 1 else values


def write_table(frame: pd.DataFrame, path: str, *, excel_fi: bool = False) -> None:
    """Write ``frame`` in the format of ``path``'s suffix (see the module doc)."""
    fmt = output_format(path)
    try:
        if fmt in {"csv", "tsv"}:
            _write_csv(frame, path, "\t" if fmt == "tsv" else (";" if excel_fi else ","), excel_fi)
        elif fmt == "jsonl":
            frame.to_json(path, orient="records", lines=True, force_ascii=False)
        elif fmt == "json":
            frame.to_json(path, orient="records", force_ascii=False, indent=1)
        elif fmt == "xlsx":
            _write_xlsx(frame, path)
        else:
            _write_parquet(frame, path)
    except BrokenPipeError:
        raise  # the reader of '-' has closed it (| head): main() ends quietly
    except OSError as exc:
        raise ReportError(f"cannot write {path!r}: {exc.strerror or exc}") from exc


def discard_stdout() -> None:
    """After a closed pipe on standard output (``… | head``): point standard output at the
    null device, so that flushing its buffer at exit does not fail again (the Python
    documentation's advice for SIGPIPE); the command then ends quietly with 0, as Unix tools
    do."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):  # no real file descriptor (captured output)
        pass


def _csv_ready(frame: pd.DataFrame) -> pd.DataFrame:
    """The frame flattened, with every text cell and column name formula-safe (a survey's own
    header may start with "=" or "@"; the readers take the ``'`` off again)."""
    flat = flatten(frame)
    for column in flat.columns:
        if flat[column].dtype == object or pd.api.types.is_string_dtype(flat[column]):
            flat[column] = [formula_safe(v) for v in flat[column]]
    flat.columns = [formula_safe(c) for c in flat.columns]
    return flat


def _write_csv(frame: pd.DataFrame, path: str, sep: str, excel_fi: bool) -> None:
    flat = _csv_ready(frame)
    options: dict[str, Any] = {"index": False, "sep": sep}
    if excel_fi:
        options["decimal"] = ","
    if path == "-":
        if excel_fi:
            sys.stdout.write("\ufeff")
        flat.to_csv(sys.stdout, **options)
        return
    flat.to_csv(path, encoding="utf-8-sig" if excel_fi else "utf-8", **options)


class TableWriter:
    """A table written chunk by chunk to ``path`` (formats as :func:`write_table`).

    CSV, TSV (header once) and JSON Lines are appended and flushed as each chunk comes, so
    memory stays bounded, to ``<path>.partial`` (:attr:`partial`), which :meth:`close` renames
    to ``path``: a run that fails (:meth:`abort`) leaves an earlier file of that name as it was,
    never half of a new one. ``.json``, ``.xlsx`` and ``.parquet`` cannot be appended to, so their
    chunks are kept and written by :meth:`close` (``appends`` tells which).
    """

    def __init__(self, path: str, *, excel_fi: bool = False) -> None:
        self.path = path
        self.partial = f"{path}.partial"
        self.fmt = output_format(path)
        self.excel_fi = excel_fi
        self.rows = 0
        self._held: list[pd.DataFrame] = []
        self._handle: Any = None
        self._header = True

    @property
    def appends(self) -> bool:
        """Whether chunks go to the file as they come (CSV, TSV, JSON Lines)."""
        return self.fmt in {"csv", "tsv", "jsonl"}

    def _open(self) -> Any:
        if self._handle is None:
            if self.path == "-":
                self._handle = sys.stdout
                if self.excel_fi:
                    sys.stdout.write("\ufeff")
            else:
                encoding = "utf-8-sig" if self.excel_fi and self.fmt != "jsonl" else "utf-8"
                self._handle = open(self.partial, "w", encoding=encoding, newline="")  # noqa: SIM115
        return self._handle

    def write(self, frame: pd.DataFrame) -> None:
        """Append ``frame`` (or keep it for :meth:`close`)."""
        self.rows += len(frame)
        if not self.appends:
            self._held.append(frame)
            return
        try:
            handle = self._open()
            if self.fmt == "jsonl":
                if len(frame):
                    text = frame.to_json(orient="records", lines=True, force_ascii=False)
                    handle.write(text if text.endswith("\n") else text + "\n")
            else:
                sep = "\t" if self.fmt == "tsv" else (";" if self.excel_fi else ",")
                options: dict[str, Any] = {"index": False, "sep": sep, "header": self._header}
                if self.excel_fi:
                    options["decimal"] = ","
                _csv_ready(frame).to_csv(handle, lineterminator="\n", **options)
                self._header = False
            handle.flush()
        except BrokenPipeError:
            raise  # the reader of '-' has closed it (| head): main() ends quietly
        except OSError as exc:
            raise ReportError(f"cannot write {self.path!r}: {exc.strerror or exc}") from exc

    def close(self) -> None:
        """Finish the file (write the kept chunks of a whole-file format; put the appended
        file in its place)."""
        if self._held:
            write_table(pd.concat(self._held), self.path, excel_fi=self.excel_fi)
            self._held = []
        if self._handle is not None and self._handle is not sys.stdout:
            self._handle.close()
            try:
                os.replace(self.partial, self.path)
            except OSError as exc:
                raise ReportError(f"cannot write {self.path!r}: {exc.strerror or exc}") from exc
        self._handle = None

    def abort(self) -> None:
        """Drop what a failed run appended (``<path>.partial``); ``path`` stays as it was."""
        self._held = []
        if self._handle is not None and self._handle is not sys.stdout:
            self._handle.close()
            with contextlib.suppress(OSError):
                os.remove(self.partial)
        self._handle = None


def _xlsx_value(value: Any, column: str, row: int) -> Any:
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    if isinstance(value, str):
        value = ILLEGAL_CHARACTERS_RE.sub("\ufffd", value)
        if len(value) > XLSX_MAX_CELL and column in JSON_COLUMNS:
            # cut JSON is no JSON: the file could not be read back ("not JSON")
            log.warning(
                "row %d, column %r: %d characters, more than an XLSX cell holds (%d): left "
                "empty (the row's codes stand; write CSV or JSON Lines to keep it)",
                row,
                column,
                len(value),
                XLSX_MAX_CELL,
            )
            return None
        if len(value) > XLSX_MAX_CELL:
            log.warning(
                "row %d, column %r: %d characters cut to %d, the most an XLSX cell holds",
                row,
                column,
                len(value),
                XLSX_MAX_CELL,
            )
            value = value[:XLSX_MAX_CELL]
        return value
    if is_missing(value):
        return None
    if hasattr(value, "item"):
        return value.item()
    return value


def _write_xlsx(frame: pd.DataFrame, path: str) -> None:
    from openpyxl import Workbook

    from vastausanalyysi.report.xlsx import save_workbook

    flat = flatten(frame)
    workbook = Workbook()
    sheet = workbook.active
    columns = [str(c) for c in flat.columns]
    for j, name in enumerate(columns, start=1):
        _text_cell(sheet.cell(row=1, column=j), name)
    for i, values in enumerate(flat.itertuples(index=False, name=None), start=2):
        for j, (name, value) in enumerate(zip(columns, values, strict=True), start=1):
            value = _xlsx_value(value, name, i)
            if isinstance(value, str) and value:
                _text_cell(sheet.cell(row=i, column=j), value)
            elif value is not None and value != "":
                sheet.cell(row=i, column=j, value=value)
    save_workbook(workbook, path)


def _text_cell(cell: Any, value: str) -> None:
    cell.value = value
    cell.data_type = "s"  # text, never a formula


def _text_list(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(x, str) for x in value)


def _write_parquet(frame: pd.DataFrame, path: str) -> None:
    out = frame.copy()
    for column in out.columns:
        values = out[column].tolist()
        if out[column].dtype != object:
            continue
        if not _nested(values):
            mixed = _one_kind(values)
            if mixed is not values:
                out[column] = pd.Series(mixed, index=out.index, dtype=object)
            continue
        lists_of_text = all(
            _text_list(v) or (not isinstance(v, dict | list | tuple) and is_missing(v))
            for v in values
        )
        if not lists_of_text:
            out[column] = [
                json_text(v) if isinstance(v, dict | list | tuple) else v for v in values
            ]
    try:
        out.to_parquet(path, index=False)
    except ImportError as exc:
        raise ReportError(
            f"writing {path!r} needs pyarrow: pip install 'vastausanalyysi[parquet]'"
        ) from exc
