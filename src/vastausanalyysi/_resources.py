"""The only place that locates and reads the package's data files (``vastausanalyysi/data``),
and the one reader of YAML data files that users give (codebooks, group tables)."""

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


def read_sections(name: str) -> dict[str, frozenset[str]]:
    """A shipped word list in ``[section]`` blocks: ``{section: words}``.

    Words are separated by white space; ``#`` starts a comment; a word before the first header
    is an error naming the file.
    """
    return {key: frozenset(words) for key, words in read_sections_in_order(name).items()}


def read_sections_in_order(name: str) -> dict[str, tuple[str, ...]]:
    """:func:`read_sections` with each section's words in the file's order (a word repeated in
    a section is kept once, where it first stands)."""
    return {key: tuple(dict.fromkeys(words)) for key, words in section_words(name).items()}


def section_words(name: str) -> dict[str, list[str]]:
    """Each ``[section]``'s words of the shipped word list ``name`` as written, repeats
    included (the parser behind :func:`read_sections`; a word before the first header is an
    error naming the file)."""
    sections: dict[str, list[str]] = {}
    current: list[str] | None = None
    for raw in read_text(name).splitlines():
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        if line.startswith("[") and line.endswith("]") and line[1:-1].strip().isidentifier():
            current = sections.setdefault(line[1:-1].strip(), [])
        elif current is None:
            raise ValueError(f"{name}: words before a [section] header: {line!r:.40}")
        else:
            current.extend(line.split())
    return sections


def read_yaml_mapping(path: str | Path, what: str, error: type[Exception]) -> dict[str, Any]:
    """The YAML file ``path`` as a mapping ({} when empty).

    A missing file, invalid YAML or a top level that is not a mapping raises ``error`` with a
    message naming ``what`` (e.g. "codebook file") and the path.
    """
    import yaml

    file = Path(path)
    if not file.is_file():
        raise error(f"{what} not found: {str(file)!r}")
    try:
        data = yaml.safe_load(file.read_text(encoding="utf-8"))
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        raise error(f"{what} {str(file)!r} is not valid YAML: {exc}") from exc
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise error(
            f"{what} {str(file)!r} must hold a mapping at the top, not {type(data).__name__}"
        )
    return data


__all__ = [
    "DATA_PACKAGE",
    "data_file",
    "data_path",
    "read_sections",
    "read_sections_in_order",
    "read_text",
    "read_yaml",
    "read_yaml_mapping",
    "section_words",
]
