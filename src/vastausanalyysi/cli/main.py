"""The command line's verbs and their arguments (the only module that imports argparse).

``vastausanalyysi run|survey|lemmatize|tag|summary|cluster|report|train|evaluate``. Every error the
library raises on purpose is printed as one line naming the bad value, with exit status 2; nothing
reaches the user as a traceback unless ``--debug`` is given.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from vastausanalyysi._version import __version__
from vastausanalyysi.errors import VastausanalyysiError
from vastausanalyysi.schema import MIN_CELL

Handler = Callable[[argparse.Namespace], int]


def _cmd_run(args: argparse.Namespace) -> int:
    from vastausanalyysi.workflow import analyse_corpus

    for path in analyse_corpus(Path(args.corpus), Path(args.out)):
        print(path)
    return 0


def _cmd_survey(args: argparse.Namespace) -> int:
    from vastausanalyysi.cli.files import write_frame
    from vastausanalyysi.survey import read_survey

    survey = read_survey(args.input, **_survey_options(args))
    print(repr(survey), file=sys.stderr)
    for role, value in vars(survey.columns).items():
        print(f"  {role}: {value}", file=sys.stderr)
    for issue in survey.issues:
        print(f"  {issue.severity}: {issue.message}", file=sys.stderr)
    if args.output:
        out = Path(args.output)
        out.mkdir(parents=True, exist_ok=True)
        for name in ("answers", "scores", "respondents"):
            write_frame(getattr(survey, name), str(out / f"{name}.csv"))
        write_frame(survey.issues_frame(), str(out / "issues.csv"))
        print(out)
    return 0


def _cmd_lemmatize(args: argparse.Namespace) -> int:
    from vastausanalyysi.cli.files import read_texts, write_frame
    from vastausanalyysi.nlp.pipeline import lemmatize

    frame = read_texts(args.input, column=args.column)
    frame["lemmas"] = [" ".join(lemmas) for lemmas in lemmatize(frame[args.column])]
    write_frame(frame, args.output)
    return 0


def _cmd_tag(args: argparse.Namespace) -> int:
    from vastausanalyysi.cli.files import write_tagged

    write_tagged(_tagged(args), args.output)
    return 0


def _cmd_summary(args: argparse.Namespace) -> int:
    from vastausanalyysi.cli.files import write_frame
    from vastausanalyysi.summary import theme_frequencies

    by = args.by or None
    freqs = theme_frequencies(_tagged(args), by, min_cell=args.min_cell)
    write_frame(freqs, args.output)
    return 0


def _cmd_cluster(args: argparse.Namespace) -> int:
    from vastausanalyysi.cli.files import write_frame
    from vastausanalyysi.clusters import cluster_statements

    n_clusters = args.n_clusters if args.n_clusters == "auto" else int(args.n_clusters)
    clustering = cluster_statements(
        _tagged(args), n_clusters=n_clusters, random_state=args.random_state
    )
    write_frame(clustering.clusters, args.output)
    return 0


def _cmd_report(args: argparse.Namespace) -> int:
    from vastausanalyysi.cli.files import read_table_file
    from vastausanalyysi.workflow import analyse

    scores = read_table_file(args.scores) if args.scores else None
    by = args.by or None
    for path in analyse(
        _answers(args),
        Path(args.out),
        by=by,
        scores=scores,
        min_cell=args.min_cell,
        model=args.model or None,
    ):
        print(path)
    return 0


def _cmd_train(args: argparse.Namespace) -> int:
    from vastausanalyysi.cli.files import read_table_file
    from vastausanalyysi.themes.evaluation import evaluate
    from vastausanalyysi.themes.training import train

    data = read_table_file(args.input)
    model = train(data, text_column=args.column)
    path = model.save(args.output)
    print(path)
    if args.cv:
        print(evaluate(model, data, text_column=args.column, cv=args.cv).to_markdown())
    return 0


def _cmd_evaluate_lemmas(args: argparse.Namespace) -> int:
    from vastausanalyysi.nlp.evaluation import evaluate_lemmas, format_report

    print(format_report(evaluate_lemmas(args.file), args.errors, as_json=args.json))
    return 0


def _cmd_evaluate_themes(args: argparse.Namespace) -> int:
    from vastausanalyysi.cli.files import read_table_file
    from vastausanalyysi.themes.evaluation import evaluate

    model = args.model or None
    result = evaluate(model, read_table_file(args.file), text_column=args.column, cv=args.cv)
    print(result.to_markdown())
    return 0


def _survey_options(args: argparse.Namespace) -> dict[str, object]:
    options: dict[str, object] = {}
    for name in ("mapping", "sheet", "encoding", "delimiter"):
        value = getattr(args, name, None)
        if value:
            options[name] = value
    return options


def _answers(args: argparse.Namespace):
    """The input as a frame of answers: a plain table with a text column, or a survey export."""
    from vastausanalyysi.cli.files import read_answers

    return read_answers(args.input, column=args.column, **_survey_options(args))


def _tagged(args: argparse.Namespace):
    """A tagged frame: read as is when the input was tagged already, else tagged now."""
    from vastausanalyysi.cli.files import read_tagged

    tagged = read_tagged(args.input)
    if tagged is not None:
        return tagged
    return _tag_in_batches(_answers(args), args.column, getattr(args, "model", None) or None)


def _tag_in_batches(answers, column: str, model: object, batch: int = 2000):
    """Tag ``answers`` batch by batch, showing progress on a terminal."""
    import pandas as pd

    from vastausanalyysi.themes.shipped import resolve_model
    from vastausanalyysi.themes.tagger import tag

    classifier = resolve_model(model)
    if classifier is None and model is None:
        classifier = "rules"
    parts, total = [], len(answers)
    show = sys.stderr.isatty() and total > batch
    for start in range(0, max(total, 1), batch):
        parts.append(tag(answers.iloc[start : start + batch], text_column=column, model=classifier))
        if show:
            done = min(start + batch, total)
            bar = "#" * (30 * done // total)
            print(f"\rtagging [{bar:<30}] {done}/{total}", end="", file=sys.stderr, flush=True)
    if show:
        print(file=sys.stderr)
    return pd.concat(parts) if len(parts) > 1 else parts[0]


def _input_options(
    parser: argparse.ArgumentParser, *, column: bool = True, model: bool = True, output: bool = True
) -> None:
    """The options that every command reading answers shares."""
    parser.add_argument("input", help="a CSV, TSV, XLSX, JSONL or JSON file (a survey export)")
    if column:
        parser.add_argument(
            "-c", "--column", default="text", help="the text column of a plain table (text)"
        )
    parser.add_argument("--mapping", help="a YAML/JSON file naming the survey's columns")
    parser.add_argument("--sheet", help="the XLSX sheet to read")
    parser.add_argument("--encoding", help="the CSV encoding (detected by default)")
    parser.add_argument("--delimiter", help="the CSV delimiter (detected by default)")
    if model:
        parser.add_argument("-m", "--model", help="a saved model folder, or 'rules' (shipped)")
    if output:
        parser.add_argument(
            "-o", "--output", default="-", help="CSV, XLSX or JSONL file (standard output)"
        )


def _min_cell_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--min-cell", type=int, default=MIN_CELL, help=f"suppress smaller groups ({MIN_CELL})"
    )


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every subcommand."""
    parser = argparse.ArgumentParser(
        prog="vastausanalyysi", description="Analyse Finnish open-ended survey answers."
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("-v", "--verbose", action="store_true", help="log what is recognised")
    parser.add_argument("--debug", action="store_true", help="show tracebacks")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser("run", help="analyse the bundled corpus and write the report")
    p.add_argument("--corpus", default="corpus", help="the corpus folder (corpus)")
    p.add_argument("--out", default="results", help="where to write (results)")
    p.set_defaults(handler=_cmd_run)

    p = sub.add_parser("survey", help="read a survey export; show what was recognised")
    _input_options(p, column=False, model=False, output=False)
    p.add_argument("-o", "--output", help="write answers/scores/respondents/issues CSVs here")
    p.set_defaults(handler=_cmd_survey)

    p = sub.add_parser("lemmatize", help="add a column of lemmas to a table of texts")
    p.add_argument("input", help="a CSV/TSV/XLSX/JSONL/TXT file, or - for lines on stdin")
    p.add_argument("-c", "--column", default="text", help="the text column (text)")
    p.add_argument("-o", "--output", default="-", help="output file (standard output)")
    p.set_defaults(handler=_cmd_lemmatize)

    p = sub.add_parser("tag", help="tag answers with areas, mechanisms, polarity and evidence")
    _input_options(p)
    p.set_defaults(handler=_cmd_tag)

    p = sub.add_parser("summary", help="theme frequencies by group with intervals")
    _input_options(p)
    p.add_argument("-b", "--by", action="append", help="group column (repeatable)")
    _min_cell_option(p)
    p.set_defaults(handler=_cmd_summary)

    p = sub.add_parser("cluster", help="cluster statements; one row per cluster")
    _input_options(p)
    p.add_argument("-k", "--n-clusters", default="auto", help="number of clusters (auto)")
    p.add_argument("--random-state", type=int, default=0)
    p.set_defaults(handler=_cmd_cluster)

    p = sub.add_parser("report", help="tag, summarise, cluster and write HTML/XLSX/Markdown")
    _input_options(p, output=False)
    p.add_argument("-b", "--by", action="append", help="group column (repeatable)")
    _min_cell_option(p)
    p.add_argument("--scores", help="a long table of mean scores (county, item, mean, n)")
    p.add_argument("--out", default="results", help="output folder (results)")
    p.set_defaults(handler=_cmd_report)

    p = sub.add_parser("train", help="train a theme model on hand-coded answers")
    p.add_argument("input", help="CSV/XLSX/JSONL with text, areas, mechanisms[, polarity]")
    p.add_argument("-c", "--column", default="text")
    p.add_argument("-o", "--output", required=True, help="the model folder to write")
    p.add_argument("--cv", type=int, default=0, help="also report k-fold cross-validation")
    p.set_defaults(handler=_cmd_train)

    p = sub.add_parser("evaluate", help="measure the lemmatizer or a theme model")
    what = p.add_subparsers(dest="what", required=True, metavar="WHAT")
    q = what.add_parser("lemmas", help="lemma and compound accuracy on a CoNLL-U file")
    q.add_argument("file", type=Path)
    q.add_argument("--errors", type=int, default=0, metavar="N", help="show the N top errors")
    q.add_argument("--json", action="store_true", help="print JSON")
    q.set_defaults(handler=_cmd_evaluate_lemmas)
    q = what.add_parser("themes", help="per-code precision/recall/F1 on labelled answers")
    q.add_argument("file", help="CSV/XLSX/JSONL with text, areas, mechanisms[, polarity]")
    q.add_argument("-c", "--column", default="text")
    q.add_argument("-m", "--model", help="a saved model folder, or 'rules' (shipped model)")
    q.add_argument("--cv", type=int, default=None, help="k-fold cross-validation instead")
    q.set_defaults(handler=_cmd_evaluate_themes)
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
    except BrokenPipeError:
        return 0
    except Exception as exc:  # the CLI never shows a traceback unasked
        if args.debug:
            raise
        print(
            f"vastausanalyysi: internal error: {type(exc).__name__}: {exc} "
            "(run again with --debug for the traceback, and please report it)",
            file=sys.stderr,
        )
        return 1


if __name__ == "__main__":
    raise SystemExit(main())
