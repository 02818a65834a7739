"""The mypyc builds of the hot modules: used only when current, and identical to the sources."""

from __future__ import annotations

import importlib
import importlib.machinery
import json
import os
import subprocess
import sys
from pathlib import Path

import pandas as pd

import vastausanalyysi as va
from vastausanalyysi import _compiled
from vastausanalyysi._compiled import COMPILED, PURE_ENV, out_of_date, source_path

ROOT = Path(__file__).resolve().parents[1]
SO = importlib.machinery.EXTENSION_SUFFIXES[0]


def test_each_compiled_module_comes_from_the_build_or_the_source_as_decided():
    for name in COMPILED:
        module = importlib.import_module(name)
        built = module.__file__.endswith(tuple(importlib.machinery.EXTENSION_SUFFIXES))
        assert built == _compiled.USING_COMPILED, (name, module.__file__)


def test_make_test_runs_the_compiled_modules():
    # `make test` builds them first (setup: compiled) and says so to the tests
    if os.environ.get("VASTAUSANALYYSI_EXPECT_COMPILED") == "1":
        assert _compiled.USING_COMPILED, out_of_date()
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert "setup: system venv compiled" in makefile
    assert "scripts/build_compiled.py" in makefile


def _package(tmp_path: Path, built: dict[str, float]) -> Path:
    """A fake package tree: every compiled module's source, and builds with the given ages."""
    root = tmp_path / "vastausanalyysi"
    for name in COMPILED:
        source = source_path(name, root)
        source.parent.mkdir(parents=True, exist_ok=True)
        source.write_text("x = 1\n")
        os.utime(source, (1_000_000, 1_000_000))
        if name in built:
            build = source.with_suffix(SO)
            build.write_bytes(b"")
            os.utime(build, (built[name], built[name]))
    return root


def test_out_of_date_names_missing_and_older_builds(tmp_path):
    first, second, *rest = COMPILED
    root = _package(tmp_path, {first: 2_000_000, second: 500_000})
    missing, stale = out_of_date(COMPILED, root)
    assert stale == [second]
    assert missing == rest
    root = _package(tmp_path / "all", dict.fromkeys(COMPILED, 2_000_000))
    assert out_of_date(COMPILED, root) == ([], [])


def test_the_source_finder_loads_the_python_file_ahead_of_a_build():
    finder = _compiled._SourceFinder(COMPILED)
    name = COMPILED[0]
    package = importlib.import_module(name.rpartition(".")[0])
    spec = finder.find_spec(name, list(package.__path__))
    assert spec is not None and spec.origin == str(source_path(name))
    assert finder.find_spec("vastausanalyysi.themes.batch", list(package.__path__)) is None


def _tag_json(env: dict[str, str], texts: list[str]) -> str:
    code = (
        "import json, sys; import vastausanalyysi as va; from vastausanalyysi import _compiled;"
        "texts = json.load(sys.stdin);"
        "out = va.tag(texts, probabilities=True);"
        "print(json.dumps({'compiled': _compiled.USING_COMPILED,"
        " 'rows': out.to_dict(orient='records')}, ensure_ascii=False, sort_keys=True))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        input=json.dumps(texts),
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    return done.stdout


def test_the_sources_and_the_build_tag_alike():
    answers = pd.read_csv(ROOT / "corpus" / "answers.csv", dtype=str, keep_default_na=False)
    texts = [
        *answers["text"][:400],
        "",
        "Ei.",
        "Yhteistyö ei toimi, vaikka tavoitteet ovat hyviä.",
        "perhe\u200bkeskus toimii hyvin mutta tilat ovat huonot",
        "x " * 2000,
    ]
    pure = json.loads(_tag_json({**os.environ, PURE_ENV: "1"}, texts))
    here = json.loads(_tag_json({k: v for k, v in os.environ.items() if k != PURE_ENV}, texts))
    assert pure["compiled"] is False
    assert here["compiled"] == _compiled.USING_COMPILED
    assert pure["rows"] == here["rows"]
    assert any(row["areas"] for row in here["rows"]) and len(here["rows"]) == len(texts)
    assert va.tag(texts[:3])["polarity"].tolist() == [r["polarity"] for r in here["rows"][:3]]


def test_rows_and_a_used_model_pickle_for_spawned_workers():
    # a spawned worker gets the model pickled; the caches filled by tagging stay behind, and a
    # token row (a compiled frozen class) pickles by its fields
    import pickle

    from vastausanalyysi.nlp.pipeline import default_pipeline
    from vastausanalyysi.themes.shipped import resolve_model
    from vastausanalyysi.themes.tokens import ROW_FIELDS, doc_table

    texts = ["Perhekeskuksen yhteistyö toimii hyvin.", "Tilat ovat huonossa kunnossa."]
    before = va.tag(texts)
    model = resolve_model(None)
    assert model.vectorizer_.memo  # tagging filled the caches
    copy = pickle.loads(pickle.dumps(model))
    assert copy.vectorizer_.memo == {} and not hasattr(copy, "_rule_tagger")
    after = va.tag(texts, model=copy)
    assert after[["areas", "mechanisms", "polarity"]].equals(
        before[["areas", "mechanisms", "polarity"]]
    )
    row = doc_table(default_pipeline()(texts[0])).rows[0]
    again = pickle.loads(pickle.dumps(row))
    assert [getattr(again, f) for f in ROW_FIELDS] == [getattr(row, f) for f in ROW_FIELDS]
