"""Old argument names that keep working for one release, with a ``DeprecationWarning``."""

from __future__ import annotations

import functools
import warnings
from collections.abc import Callable
from typing import Any, TypeVar

F = TypeVar("F", bound=Callable[..., Any])


def renamed_arguments(**old_to_new: str) -> Callable[[F], F]:
    """Let a function take keyword arguments under their old names (``old="new"``).

    Passing an old name warns (DeprecationWarning) and passes the value on under the new name;
    passing both names is a TypeError.
    """

    def decorate(func: F) -> F:
        @functools.wraps(func)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            for old, new in old_to_new.items():
                if old not in kwargs:
                    continue
                if new in kwargs:
                    raise TypeError(
                        f"{func.__name__}() got both {old!r} (deprecated) and {new!r}; use {new!r}"
                    )
                warnings.warn(
                    f"{func.__name__}(): the argument {old!r} is deprecated and will be removed "
                    f"in the next release; use {new!r}",
                    DeprecationWarning,
                    stacklevel=2,
                )
                kwargs[new] = kwargs.pop(old)
            return func(*args, **kwargs)

        return wrapper  # type: ignore[return-value]

    return decorate


__all__ = ["renamed_arguments"]
