"""The public names of api.md exist, and importing the package stays light."""

from __future__ import annotations

import subprocess
import sys

import pytest

import vastausanalyysi as va

API_NAMES = [
    "load_pipeline",
    "lemmatize",
    "lemmatize_tokens",
    "tag",
    "respondent_group",
    "coarse_group",
    "resolve_region",
    "read_survey",
    "Survey",
    "theme_frequencies",
    "cluster_statements",
    "Clustering",
    "mask_pii",
    "train",
    "evaluate_model",
]


def test_every_api_name_is_exported_and_resolves() -> None:
    for name in API_NAMES:
        assert name in va.__all__, name
        assert callable(getattr(va, name)), name
    for name in va.__all__:
        getattr(va, name)


def test_unknown_attribute_names_the_attribute() -> None:
    try:
        va.no_such_thing  # noqa: B018
    except AttributeError as exc:
        assert "no_such_thing" in str(exc)
    else:  # pragma: no cover
        raise AssertionError("expected AttributeError")


def test_import_does_not_load_heavy_dependencies() -> None:
    code = (
        "import sys, vastausanalyysi; "
        "print(sorted(m for m in ('spacy', 'pandas', 'sklearn', 'libvoikko') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_python_m_evaluate_runs_through_the_cli(tmp_path) -> None:
    out = subprocess.run(
        [
            sys.executable,
            "-m",
            "vastausanalyysi",
            "evaluate",
            "lemmas",
            str(tmp_path / "nope.conllu"),
        ],
        capture_output=True,
        text=True,
    )
    assert out.returncode == 2
    assert "no such CoNLL-U file" in out.stderr and "Traceback" not in out.stderr


def test_tag_names_a_duplicated_text_column() -> None:
    # QA 6: two columns named "text" gave pandas' AttributeError
    import pandas as pd

    from vastausanalyysi.errors import InputTextError

    frame = pd.DataFrame([["R1", "Yhteistyö toimii", "Tiedonkulku heikkoa"]],
                         columns=["respondent_id", "text", "text"])  # fmt: skip
    with pytest.raises(InputTextError, match="2 columns named 'text'"):
        va.tag(frame)
