"""Lazy public names of a package ``__init__`` (PEP 562): imported on first use."""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from typing import Any


def lazy_attributes(
    namespace: dict[str, Any], targets: Mapping[str, tuple[str, str]]
) -> tuple[Callable[[str], Any], Callable[[], list[str]]]:
    """``__getattr__`` and ``__dir__`` for a module whose ``globals()`` is ``namespace``.

    ``targets`` maps a public name to (module, attribute); the value is imported on first access
    and then kept in ``namespace``, so the lookup runs once per name.
    """

    def __getattr__(name: str) -> Any:
        if name not in targets:
            raise AttributeError(f"module {namespace['__name__']!r} has no attribute {name!r}")
        module, attribute = targets[name]
        value = getattr(importlib.import_module(module), attribute)
        namespace[name] = value
        return value

    def __dir__() -> list[str]:
        return sorted({*namespace, *targets})

    return __getattr__, __dir__


__all__ = ["lazy_attributes"]
