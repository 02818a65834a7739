"""The theme model's files: a JSON description plus an NPZ of arrays (no pickle), checked on load.

:func:`read_model_files` validates everything a model needs before any of it is used: the JSON is
a mapping with the keys and types the format has, every array is present, numeric, finite and of
the shape the codes and vocabularies call for. Anything else is a :class:`ModelError` naming the
file and what is wrong, so that a damaged model never loads only to fail (or tag silently) later.
"""

from __future__ import annotations

import json
import zipfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import numpy as np

from vastausanalyysi.errors import ModelError

FORMAT = "vastausanalyysi-theme-model"
FORMAT_VERSION = 1
JSON_NAME = "theme_model.json"
NPZ_NAME = "theme_model.npz"

_REQUIRED_ARRAYS = ("coef", "intercept", "calibration", "idf")
_POLARITY_ARRAYS = ("polarity_coef", "polarity_intercept", "polarity_idf")


def model_files(path: str | Path) -> tuple[Path, Path]:
    """The JSON and NPZ files of the model in folder ``path`` (or beside the file ``path``)."""
    folder = Path(path)
    if folder.is_file():
        folder = folder.parent
    jpath, npath = folder / JSON_NAME, folder / NPZ_NAME
    if not jpath.is_file() or not npath.is_file():
        given = f"{str(path)!r} (in {str(folder)!r})" if Path(path) != folder else repr(str(path))
        raise ModelError(f"no theme model at {given}: expected {JSON_NAME} and {NPZ_NAME}")
    return jpath, npath


def write_model_files(path: str | Path, meta: Mapping[str, Any], arrays: Mapping[str, Any]) -> Path:
    """Write ``meta`` as JSON and ``arrays`` as compressed NPZ into folder ``path``."""
    out = Path(path)
    out.mkdir(parents=True, exist_ok=True)
    (out / JSON_NAME).write_text(json.dumps(dict(meta), ensure_ascii=False, indent=1), "utf-8")
    np.savez_compressed(out / NPZ_NAME, **arrays)
    return out


def read_model_files(path: str | Path) -> tuple[dict[str, Any], dict[str, np.ndarray]]:
    """The checked JSON description and arrays of the model in ``path``."""
    jpath, npath = model_files(path)
    meta = _read_meta(jpath)
    arrays = _read_arrays(npath)
    _check_arrays(arrays, meta, npath)
    return meta, arrays


def _read_meta(jpath: Path) -> dict[str, Any]:
    try:
        meta = json.loads(jpath.read_text("utf-8"))
    except (OSError, ValueError, RecursionError) as exc:
        raise ModelError(f"{jpath}: cannot read the model description: {exc}") from exc
    if not isinstance(meta, dict):
        raise ModelError(f"{jpath}: the model description must be a JSON object, not {_kind(meta)}")
    if meta.get("format") != FORMAT:
        raise ModelError(f"{jpath}: not a {FORMAT} file")
    version = meta.get("format_version", 0)
    if not isinstance(version, int) or isinstance(version, bool):
        raise ModelError(f"{jpath}: 'format_version' must be a whole number, got {version!r}")
    if version > FORMAT_VERSION:
        raise ModelError(f"{jpath}: format version {version} is too new")
    for key in ("codes", "vocabulary"):
        if key not in meta:
            raise ModelError(f"{jpath}: the key {key!r} is missing")
        _check_strings(meta[key], key, jpath)
    if meta.get("overruled"):
        _check_strings(meta["overruled"], "overruled", jpath)
    if meta.get("polarity_classes"):
        _check_strings(meta["polarity_classes"], "polarity_classes", jpath)
        _check_strings(meta.get("polarity_vocabulary"), "polarity_vocabulary", jpath)
    params = meta.get("params", {})
    if not isinstance(params, dict):
        raise ModelError(f"{jpath}: 'params' must be an object, not {_kind(params)}")
    for name, value in params.items():
        if name in {"C", "polarity_C", "threshold", "max_threshold"} and (
            isinstance(value, bool) or not isinstance(value, int | float) or not np.isfinite(value)
        ):
            raise ModelError(f"{jpath}: parameter {name!r} must be a number, got {value!r}")
    return meta


def _check_strings(value: Any, key: str, jpath: Path) -> None:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ModelError(f"{jpath}: {key!r} must be a list of strings, got {_kind(value)}")


def _read_arrays(npath: Path) -> dict[str, np.ndarray]:
    try:
        loaded = np.load(npath, allow_pickle=False)
    except (OSError, ValueError, EOFError, zipfile.BadZipFile) as exc:
        raise ModelError(f"{npath}: cannot read the model arrays: {exc}") from exc
    if not isinstance(loaded, Mapping):  # a plain .npy array, not an archive of named arrays
        raise ModelError(f"{npath}: not an NPZ archive of model arrays")
    try:
        with loaded as archive:
            return {k: archive[k] for k in archive.files}
    except (OSError, ValueError, EOFError, KeyError, zipfile.BadZipFile) as exc:
        raise ModelError(f"{npath}: cannot read the model arrays: {exc}") from exc


def _check_arrays(arrays: dict[str, np.ndarray], meta: dict[str, Any], npath: Path) -> None:
    n_codes, n_vocab = len(meta["codes"]), len(meta["vocabulary"])
    shapes: dict[str, tuple[int, ...]] = {
        "coef": (n_codes, n_vocab),
        "intercept": (n_codes,),
        "calibration": (n_codes, 2),
        "idf": (n_vocab,),
        "thresholds": (n_codes,),
    }
    required = list(_REQUIRED_ARRAYS)
    if meta.get("polarity_classes"):
        n_classes = len(meta["polarity_classes"])
        n_pvocab = len(meta["polarity_vocabulary"])
        shapes.update(
            polarity_coef=(n_classes, n_pvocab),
            polarity_intercept=(n_classes,),
            polarity_idf=(n_pvocab,),
        )
        required += _POLARITY_ARRAYS
    if missing := [name for name in required if name not in arrays]:
        raise ModelError(f"{npath}: the arrays {missing} are missing")
    for name, shape in shapes.items():
        if name not in arrays:
            continue
        array = arrays[name]
        if array.dtype.kind not in "fiu":
            raise ModelError(f"{npath}: array {name!r} must be numeric, not {array.dtype}")
        if array.shape != shape:
            raise ModelError(
                f"{npath}: array {name!r} has shape {array.shape}, expected {shape} "
                "(from the model's codes and vocabulary)"
            )
        if not np.all(np.isfinite(array)):
            raise ModelError(f"{npath}: array {name!r} has values that are NaN or infinite")


def _kind(value: Any) -> str:
    return type(value).__name__


__all__ = [
    "FORMAT",
    "FORMAT_VERSION",
    "JSON_NAME",
    "NPZ_NAME",
    "model_files",
    "read_model_files",
    "write_model_files",
]
