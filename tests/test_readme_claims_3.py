"""README claims that had no test of their own (second audit, 2026-12-06), continued from
``test_readme_claims_2.py``: "How it is built" (read from the package's own source) and
``--keep-personal-data`` in ``cluster``. Texts and names are team-written for these tests.
"""

from __future__ import annotations

import ast
import functools
from pathlib import Path

import pandas as pd

import vastausanalyysi
from vastausanalyysi import errors
from vastausanalyysi.cli import main
from vastausanalyysi.errors import VastausanalyysiError

PACKAGE = Path(vastausanalyysi.__file__).resolve().parent


@functools.cache
def _trees() -> dict[str, ast.Module]:
    """Every module of the package, parsed: {path relative to the package: tree}."""
    return {
        path.relative_to(PACKAGE).as_posix(): ast.parse(path.read_text(encoding="utf-8"))
        for path in sorted(PACKAGE.rglob("*.py"))
    }


def _base_name(node: ast.expr) -> str:
    return node.attr if isinstance(node, ast.Attribute) else getattr(node, "id", "")


def test_errors_is_the_one_exception_hierarchy() -> None:
    """README L659: "`errors` is the one exception hierarchy (`VastausanalyysiError`)": no
    module but `errors` defines an exception class, and every class there derives from the
    base."""
    elsewhere = [
        (relative, node.name)
        for relative, tree in _trees().items()
        if relative != "errors.py"
        for node in ast.walk(tree)
        if isinstance(node, ast.ClassDef)
        and any(_base_name(b).endswith(("Error", "Exception")) for b in node.bases)
    ]
    assert elsewhere == []
    defined = [
        getattr(errors, node.name)
        for node in _trees()["errors.py"].body
        if isinstance(node, ast.ClassDef)
    ]
    assert len(defined) >= 10
    assert all(issubclass(cls, VastausanalyysiError) for cls in defined)


def test_only_resources_finds_the_package_data() -> None:
    """README L660: "`_resources` is the only place that finds package data": no other module
    uses importlib.resources (or pkgutil.get_data) or names the data package."""
    offenders = []
    for relative, tree in _trees().items():
        if relative == "_resources.py":
            continue
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.ImportFrom)
                and (
                    node.module == "importlib.resources"
                    or (
                        node.module == "importlib"
                        and any(a.name == "resources" for a in node.names)
                    )
                )
            ) or (
                isinstance(node, ast.Import)
                and any(a.name == "importlib.resources" for a in node.names)
            ):
                offenders.append((relative, node.lineno, "importlib.resources"))
            elif isinstance(node, ast.Attribute) and node.attr == "get_data":
                offenders.append((relative, node.lineno, "get_data"))
            elif isinstance(node, ast.Constant) and node.value == "vastausanalyysi.data":
                offenders.append((relative, node.lineno, repr(node.value)))
    assert offenders == []
    assert "importlib" in {
        n.module for n in ast.walk(_trees()["_resources.py"]) if isinstance(n, ast.ImportFrom)
    }


# ------------------------------------------------------ --keep-personal-data in cluster (L250)

KEPT = [
    "Yhteistyö Matti Virtasen kanssa toimii hyvin perhekeskuksessa.",
    "Perhekeskuksen yhteistyö toimii hyvin.",
    "Tilat toimivat hyvin.",
]


def test_cluster_keep_personal_data_keeps_the_names_in_the_representatives(
    tmp_path: Path,
) -> None:
    source = tmp_path / "vastaukset.csv"
    pd.DataFrame({"respondent_id": ["1", "2", "3"], "text": KEPT}).to_csv(source, index=False)
    clusters, rows = tmp_path / "klusterit.csv", tmp_path / "rivit.csv"
    argv = ["-q", "--keep-personal-data", "cluster", str(source), "-k", "1"]
    assert main([*argv, "-o", str(clusters), "--assignments", str(rows)]) == 0
    assert KEPT[0] in pd.read_csv(rows)["text"].tolist()  # the assignments keep the name
    representatives = pd.read_csv(clusters)["representatives"].iloc[0]
    assert "Matti Virtasen" in representatives, representatives
