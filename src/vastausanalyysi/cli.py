"""The command line: a thin layer over the library (the only module that imports argparse).

Every error the library raises on purpose is printed as one line naming the bad value, with exit
status 2; nothing reaches the user as a traceback unless ``--debug`` is given.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from vastausanalyysi import __version__
from vastausanalyysi.errors import VastausanalyysiError

Handler = Callable[[argparse.Namespace], int]


def _cmd_run(args: argparse.Namespace) -> int:
    from vastausanalyysi.analysis import analyse_corpus

    written = analyse_corpus(Path(args.corpus), Path(args.out))
    for path in written:
        print(path)
    return 0


def _cmd_lemmatize(args: argparse.Namespace) -> int:
    from vastausanalyysi.io import read_texts, write_frame
    from vastausanalyysi.nlp.pipeline import lemmatize

    frame = read_texts(args.input, column=args.column)
    frame["lemmas"] = [" ".join(lemmas) for lemmas in lemmatize(frame[args.column])]
    write_frame(frame, args.output)
    return 0


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every subcommand."""
    parser = argparse.ArgumentParser(
        prog="vastausanalyysi",
        description="Analyse Finnish open-ended survey answers.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("-v", "--verbose", action="store_true", help="log what is recognised")
    parser.add_argument("--debug", action="store_true", help="show tracebacks")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    run = sub.add_parser("run", help="analyse the bundled corpus and write the results")
    run.add_argument("--corpus", default="corpus", help="the corpus folder (default: corpus)")
    run.add_argument("--out", default="results", help="where to write (default: results)")
    run.set_defaults(handler=_cmd_run)

    lem = sub.add_parser("lemmatize", help="add a column of lemmas to a CSV/XLSX/JSONL file")
    lem.add_argument("input", help="input file, or - for lines of text on standard input")
    lem.add_argument("-c", "--column", default="text", help="the text column (default: text)")
    lem.add_argument("-o", "--output", default="-", help="output file (default: standard output)")
    lem.set_defaults(handler=_cmd_lemmatize)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
    )
    handler: Handler = args.handler
    try:
        return handler(args)
    except VastausanalyysiError as exc:
        if args.debug:
            raise
        print(f"vastausanalyysi: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("vastausanalyysi: interrupted", file=sys.stderr)
        return 130
    except Exception as exc:  # noqa: BLE001 - the CLI never shows a traceback unasked
        if args.debug:
            raise
        print(
            f"vastausanalyysi: internal error: {type(exc).__name__}: {exc} "
            "(run again with --debug for the traceback and report it)",
            file=sys.stderr,
        )
        return 1


if __name__ == "__main__":
    raise SystemExit(main())
