"""Build the tagger's hot modules with mypyc, in place (``make compiled``).

    python scripts/build_compiled.py [--force] [--clean]

Compiles the modules of ``vastausanalyysi._compiled.COMPILED`` into C extensions next to their
``.py`` files (one mypyc group; the shared library lands in ``src/``), unless every build is
already newer than its source. ``--clean`` removes the builds (the package then runs its
sources). Needs mypy (the ``compiled`` extra) and a C compiler. The sources stay the reference:
``VASTAUSANALYYSI_PURE=1`` runs them, and the tests compare both. Team-written.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src"
#: The name of the group's shared library (``<GROUP>__mypyc.*.so`` in ``src/``).
GROUP = "vastausanalyysi_compiled"


def _builds() -> list[Path]:
    return [*SRC.glob(f"{GROUP}__mypyc.*"), *SRC.glob("vastausanalyysi/**/*.cpython-*.so")]


def clean() -> int:
    """Remove every build; returns how many files went."""
    found = _builds()
    for path in found:
        path.unlink()
    return len(found)


def build() -> None:
    """Compile the modules in place (a temporary directory holds the C sources)."""
    os.environ["VASTAUSANALYYSI_PURE"] = "1"  # importing the list must not load old builds
    sys.path.insert(0, str(SRC))
    from mypyc.build import mypycify
    from setuptools import setup

    from vastausanalyysi._compiled import COMPILED, source_path

    files = [str(source_path(m).relative_to(SRC)) for m in COMPILED]
    with tempfile.TemporaryDirectory() as tmp:
        cwd = os.getcwd()
        os.chdir(SRC)  # module names come from the paths relative to here
        try:
            modules = mypycify(
                ["--ignore-missing-imports", "--follow-imports=silent", *files],
                opt_level="3",
                group_name=GROUP,
                target_dir=str(Path(tmp) / "c"),
            )
            setup(
                name="vastausanalyysi-compiled",
                ext_modules=modules,
                script_args=["-q", "build_ext", "--inplace", "--build-temp", str(Path(tmp) / "o")],
            )
        finally:
            os.chdir(cwd)
        shutil.rmtree(SRC / "build", ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--force", action="store_true", help="rebuild even if up to date")
    parser.add_argument("--clean", action="store_true", help="remove the builds and stop")
    args = parser.parse_args(argv)
    if args.clean:
        print(f"removed {clean()} compiled files")
        return 0
    os.environ["VASTAUSANALYYSI_PURE"] = "1"
    sys.path.insert(0, str(SRC))
    from vastausanalyysi._compiled import COMPILED, out_of_date

    missing, stale = out_of_date()
    if not (missing or stale or args.force):
        return 0
    clean()
    print(f"compiling {len(COMPILED)} modules with mypyc (about a minute) …", flush=True)
    build()
    missing, stale = out_of_date()
    if missing or stale:
        print(f"build incomplete: {missing + stale}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
