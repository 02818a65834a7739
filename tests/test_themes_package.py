"""The themes package: its public names, lazy re-exports and one-way imports."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import vastausanalyysi.themes as themes

PACKAGE = Path(themes.__file__).parent
#: The modules of the package, lowest first: each may import only those before it.
ORDER = [
    "codes",
    "codebook",
    "table",
    "tokens",
    "phrases",
    "evaluative",
    "aims",
    "negation_scope",
    "clauses",
    "cue_context",
    "negation_context",
    "cue_change",
    "counterfactual",
    "cue_words",
    "reported",
    "cues",
    "polarity",
    "mechanism_context",
    "mechanism_senses",
    "mechanism_topics",
    "mechanism_hearing",
    "rules",
    "features",
    "calibration",
    "model_files",
    "model",
    "shipped",
    "prediction",
    "batch",
    "labels",
    "training",
    "evaluation",
    "tagger",
    "partitions",
]


def test_every_public_name_resolves() -> None:
    for name in themes.__all__:
        assert getattr(themes, name) is not None, name
    assert themes.ThemeClassifier.__module__ == "vastausanalyysi.themes.model"


def test_importing_the_codebook_loads_no_model_libraries() -> None:
    code = (
        "import sys, vastausanalyysi.themes.codebook; "
        "print(sorted(m for m in ('sklearn', 'spacy', 'pandas') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_imports_flow_one_way_and_name_no_private_names() -> None:
    assert sorted(ORDER) == sorted(p.stem for p in PACKAGE.glob("*.py") if p.stem != "__init__")
    for stem in ORDER:
        tree = ast.parse((PACKAGE / f"{stem}.py").read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not (isinstance(node, ast.ImportFrom) and node.module):
                continue
            parts = node.module.split(".")
            if parts[:2] == ["vastausanalyysi", "themes"] and len(parts) == 3:
                assert ORDER.index(parts[2]) < ORDER.index(stem), f"{stem} imports {parts[2]}"
            if parts[0] == "vastausanalyysi":
                private = [a.name for a in node.names if a.name.startswith("_")]
                assert not private or private == ["__version__"], (stem, private)
