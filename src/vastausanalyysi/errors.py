"""The one exception hierarchy of vastausanalyysi.

Every error the library raises on purpose derives from :class:`VastausanalyysiError`, and its
message names the bad value, row, column or file, so that a user can find and fix it.
"""

from __future__ import annotations


class VastausanalyysiError(Exception):
    """Base class of all errors raised by vastausanalyysi."""


class VoikkoUnavailableError(VastausanalyysiError, OSError):
    """The native libvoikko library or its Finnish dictionary cannot be loaded."""


class InputTextError(VastausanalyysiError, TypeError):
    """A value given as text is not text (e.g. bytes or a dict)."""


def reject_single_text(values: object, function: str) -> None:
    """An :class:`InputTextError` when ``values``, which ``function`` takes as an iterable of
    texts, is a single string or bytes (a string would be taken letter by letter)."""
    if isinstance(values, str | bytes):
        raise InputTextError(
            f"{function}() takes an iterable of texts, got a single {type(values).__name__} "
            f"{values[:40]!r}; wrap it in a list"
        )


class LexiconError(VastausanalyysiError, ValueError):
    """A lexicon file is malformed; the message names the file and line."""


class SurveyError(VastausanalyysiError, ValueError):
    """A survey file cannot be read or has bad rows; the message names the row and column."""


class CodebookError(VastausanalyysiError, ValueError):
    """A codebook file is malformed; the message names the code and field."""


class ModelError(VastausanalyysiError, ValueError):
    """A model cannot be trained, saved or loaded; the message says why."""


class RegionError(VastausanalyysiError, ValueError):
    """A region or respondent table is malformed."""


class SummaryError(VastausanalyysiError, ValueError):
    """A summary cannot be computed: a missing column, a bad parameter or a malformed code cell."""


class ClusteringError(VastausanalyysiError, ValueError):
    """Statements cannot be clustered: a missing column or a bad parameter."""


class ReportError(VastausanalyysiError, ValueError):
    """A report cannot be written: bad input, an unknown format or missing masking support."""


__all__ = [
    "ClusteringError",
    "CodebookError",
    "InputTextError",
    "LexiconError",
    "ModelError",
    "RegionError",
    "ReportError",
    "SummaryError",
    "SurveyError",
    "VastausanalyysiError",
    "VoikkoUnavailableError",
    "reject_single_text",
]
