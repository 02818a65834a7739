"""The only place that locates and reads the package's data files (``vastausanalyysi/data``)."""

from __future__ import annotations

from importlib import resources
from importlib.abc import Traversable
from pathlib import Path
from typing import Any

DATA_PACKAGE = "vastausanalyysi.data"


def data_file(name: str) -> Traversable:
    """The shipped data file (or folder) ``name``, e.g. ``"codebook.yaml"``."""
    return resources.files(DATA_PACKAGE).joinpath(name)


def data_path(name: str) -> Path:
    """``name`` as a file-system path (the package is installed unzipped, as pip does)."""
    return Path(str(data_file(name)))


def read_text(name: str) -> str:
    """The text of the shipped UTF-8 data file ``name``."""
    return data_file(name).read_text(encoding="utf-8")


def read_yaml(name: str) -> Any:
    """The shipped YAML file ``name``, parsed safely."""
    import yaml

    return yaml.safe_load(read_text(name))


__all__ = ["DATA_PACKAGE", "data_file", "data_path", "read_text", "read_yaml"]
