"""The command line's verbs and their arguments (the only module that imports argparse).

``vastausanalyysi run|survey|lemmatize|tag|summary|cluster|report|train|evaluate``. Every verb
that reads answers takes the same input options (``-c/--text-column``, ``--id-column``,
``--question``, ``--sheet``, ``--encoding``, ``--delimiter``, ``--format``; ``-`` is standard
input); tables are written by their suffix (:mod:`vastausanalyysi.cli.output`) with personal data
masked unless ``--keep-personal-data``. Every error in the input, the options or the output is
printed as one line naming the file, row or column, with exit status 2 (an internal error, a bug,
is one line too, with exit status 1); nothing reaches the user as a traceback unless ``--debug``
is given. ``-v``, ``-q`` and ``--debug`` work before or after the verb.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, NoReturn

from vastausanalyysi._version import __version__
from vastausanalyysi.cli.cluster import add_cluster_options, polarities, report_excluded
from vastausanalyysi.cli.mentions import add_mention_options, mention_table, wants_mention_table
from vastausanalyysi.cli.scores import add_cluster_score_options, cluster_scores, clusters_table
from vastausanalyysi.errors import SurveyError, VastausanalyysiError
from vastausanalyysi.schema import MIN_CELL, TAGGED_BY, TEXT

Handler = Callable[[argparse.Namespace], int]
log = logging.getLogger("vastausanalyysi.cli")

INPUT_FORMATS = ("csv", "tsv", "jsonl", "json", "xlsx", "parquet", "lines")


def _progress(args: argparse.Namespace) -> Any:
    from vastausanalyysi.workflow import Progress

    return Progress(not args.quiet)


def _mask(args: argparse.Namespace) -> bool:
    return not args.keep_personal_data


def _input(args: argparse.Namespace) -> Any:
    from dataclasses import fields

    from vastausanalyysi.cli.files import InputOptions

    given = {f.name: getattr(args, f.name, None) for f in fields(InputOptions)}
    given["questions"] = getattr(args, "question", None) or ()
    return InputOptions(**given)


def _write(frame: Any, args: argparse.Namespace) -> None:
    from vastausanalyysi.cli.output import write_table

    write_table(frame, args.output, excel_fi=args.excel_fi)


def _check_output(args: argparse.Namespace) -> None:
    from vastausanalyysi.cli.output import check_output

    check_output(args.output)


def _require_text(answers: Any, verb: str) -> None:
    """An analysis needs texts: a SurveyError when every text is empty."""
    if answers.text_column not in answers.frame.columns:
        names = ", ".join(map(repr, answers.frame.columns))
        raise SurveyError(
            f"text column {answers.text_column!r} not found in {answers.source!r}; "
            f"columns are: {names}"
        )
    if not answers.has_text:
        raise SurveyError(
            f"no answer text in {answers.source!r}: {answers.no_text}; nothing to {verb}"
        )


def _read_tagged(args: argparse.Namespace, verb: str) -> Any:
    """The answers read and tagged (codes of a tagged file kept), and the Answers read."""
    from vastausanalyysi.cli.files import read_input, resolve_by
    from vastausanalyysi.workflow import tag_answers

    answers = read_input(args.input, _input(args))
    if getattr(args, "by", None):  # the file's own header names too: -b Kunta
        args.by = resolve_by(answers, args.by)
    if answers.tagged:
        return answers.frame, answers
    _require_text(answers, verb)
    tagged = tag_answers(
        answers.frame,
        text_column=answers.text_column,
        model=args.model or None,
        progress=_progress(args),
        rows=answers.rows,
        source=answers.source,
    )
    return tagged, answers


# ---------------------------------------------------------------------------- verbs


def _cmd_run(args: argparse.Namespace) -> int:
    from vastausanalyysi.workflow import analyse_corpus

    for path in analyse_corpus(
        Path(args.corpus), Path(args.out), mask=_mask(args), progress=_progress(args)
    ):
        print(path)
    return 0


def _cmd_survey(args: argparse.Namespace) -> int:
    from vastausanalyysi.cli.files import read_survey_input
    from vastausanalyysi.cli.output import check_folder, write_table

    if args.output:
        check_folder(Path(args.output), args.output, create=True)
    survey = read_survey_input(args.input, _input(args))
    # the columns' headers (QA 7) and an issue's cell may hold personal data
    lines = [f"{role}: {value}" for role, value in vars(survey.columns).items()]
    lines += [f"{issue.severity}: {issue}" for issue in survey.issues]  # with row and column
    if _mask(args):
        from vastausanalyysi.nlp.pii import mask_pii

        lines = mask_pii(lines)
    print(repr(survey), file=sys.stderr)
    for line in lines:
        print(f"  {line}", file=sys.stderr)
    if args.output:
        from vastausanalyysi.nlp.pii import IdPseudonyms
        from vastausanalyysi.workflow import mask_output

        out = Path(args.output)
        out.mkdir(parents=True, exist_ok=True)
        ids = IdPseudonyms(survey.respondents) if _mask(args) else None
        frames = {
            "answers": (survey.answers, [TEXT]),
            "scores": (survey.scores, []),
            "respondents": (survey.respondents, ["title", "group_input"]),
            "issues": (survey.issues_frame(), ["value", "message"]),
        }
        for name, (frame, text_columns) in frames.items():
            if _mask(args):  # every passed-through text column too ("Sähköposti")
                frame = mask_output(frame, text_columns, ids=ids)
            write_table(frame, str(out / f"{name}.csv"), excel_fi=args.excel_fi)
        print(out)
    return 0


def _cmd_lemmatize(args: argparse.Namespace) -> int:
    from vastausanalyysi.cli.files import read_input
    from vastausanalyysi.nlp.pipeline import lemmatize
    from vastausanalyysi.workflow import mask_output

    _check_output(args)
    answers = read_input(args.input, _input(args))
    _require_text(answers, "lemmatize")
    frame = answers.frame.copy()
    frame["lemmas"] = lemmatize(frame[answers.text_column])
    if _mask(args):
        frame = mask_output(frame, [answers.text_column], **_mask_options(answers, args))
    _write(frame, args)
    return 0


def _evidence(args: argparse.Namespace) -> bool | str:
    return {"full": True, "compact": "compact", "none": False}[args.evidence]


def _cmd_tag(args: argparse.Namespace) -> int:
    from vastausanalyysi.cli.files import read_input
    from vastausanalyysi.cli.output import with_json_scalars
    from vastausanalyysi.cli.provenance import TAG_OUTPUT, fingerprint, warn_replaced
    from vastausanalyysi.workflow import TAG_BATCH, mask_output, tag_answers

    _check_output(args)
    if args.jobs == 0 or (args.chunk_size is not None and args.chunk_size < 1):
        raise SurveyError("--jobs takes a non-zero number and --chunk-size a positive one")
    if args.chunk_size is not None or args.jobs != 1:
        from vastausanalyysi.cli.tagstream import stream_tag

        if stream_tag(args, _input(args), _progress(args)):
            return 0
    answers = read_input(args.input, _input(args))
    frame = answers.frame
    old = [c for c in TAG_OUTPUT if c in frame.columns]
    keep = answers.tagged and args.keep_codes
    if answers.tagged:
        what = ", ".join(old)
        if keep:
            log.warning(
                "%s is tagged already: its %s are kept (--keep-codes)", answers.source, what
            )
        else:
            log.warning(
                "%s is tagged already: tagging again, its %s are replaced (--keep-codes keeps "
                "them)",
                answers.source,
                what,
            )
            frame = frame.drop(columns=old)
    else:
        warn_replaced(list(frame.columns), answers.text_column, answers.source)
    if not keep:
        if answers.text_column not in frame.columns:
            _require_text(answers, "tag")
        if not answers.has_text:
            log.warning("%s: %s: no answer gets a code", answers.source, answers.no_text)
        frame = tag_answers(
            frame,
            text_column=answers.text_column,
            model=args.model or None,
            progress=_progress(args),
            rows=answers.rows,
            source=answers.source,
            n_jobs=args.jobs,
            evidence=_evidence(args),
            batch=TAG_BATCH if args.jobs == 1 else max(len(frame), 1),
        )
    if _mask(args):
        frame = mask_output(frame, [answers.text_column], **_mask_options(answers, args))
    if not keep:  # which version and model tagged it: report uses the tags only when its own
        frame[TAGGED_BY] = fingerprint(args.model or None, _evidence(args))
    scalars = answers.json_scalars
    _write(
        with_json_scalars(frame, answers.rows, scalars, args.output, [answers.text_column]), args
    )
    return 0


def _mask_options(answers: Any, args: argparse.Namespace) -> dict[str, Any]:
    """:func:`~vastausanalyysi.workflow.mask_output`'s options: the id column is kept, its ids
    that are personal data pseudonymised (numbered by a survey export's respondents first)."""
    from vastausanalyysi.nlp.pii import IdPseudonyms

    keep = [answers.id_column] if answers.id_column else []
    return {"keep": keep, "progress": _progress(args), "ids": IdPseudonyms(answers.respondents)}


def _cmd_summary(args: argparse.Namespace) -> int:
    from vastausanalyysi.summary.frequencies import with_region_names

    _check_output(args)
    mentions = wants_mention_table(args)
    tagged, answers = _read_tagged(args, "summarise")
    by = args.by or None
    if mentions:
        freqs = mention_table(tagged, answers, args)
    else:
        freqs = with_region_names(_frequencies(tagged, answers, args), by or [])
    if _mask(args):
        # the groups' names (two people's names stay two groups: "[NIMI]", "[NIMI] (2)") and an
        # item's or question's text from a file's header
        from vastausanalyysi.report.masking import LABEL_COLUMNS, Masker

        labels = [*LABEL_COLUMNS, *(b for b in by or [] if b not in LABEL_COLUMNS)]
        freqs = Masker(True).label_columns(freqs, labels)
    _write(freqs, args)
    return 0


def _frequencies(tagged: Any, answers: Any, args: argparse.Namespace) -> Any:
    from vastausanalyysi.summary import theme_frequencies

    by = args.by or None
    text = answers.text_column if answers.text_column in tagged.columns else None
    freqs = theme_frequencies(
        tagged,
        by,
        min_cell=args.min_cell,
        id_column=answers.id_column or "respondent_id",
        text_column=text,
    )
    if "suppressed" in freqs.columns and len(freqs) and bool(freqs["suppressed"].all()):
        log.warning(
            "every group in %s has fewer than --min-cell %d respondents: all %d rows are "
            "suppressed",
            answers.source,
            args.min_cell,
            len(freqs),
        )
    return freqs


def _cmd_cluster(args: argparse.Namespace) -> int:
    from vastausanalyysi.clusters import cluster_statements
    from vastausanalyysi.workflow import mask_output

    _check_output(args)
    polarity = polarities(args.polarity)
    if args.assignments:
        from vastausanalyysi.cli.output import check_output

        check_output(args.assignments)
    tagged, answers = _read_tagged(args, "cluster")
    _require_text(answers, "cluster")
    tagged, scores, items = cluster_scores(tagged, answers, args)
    if _mask(args):
        options = _mask_options(answers, args)
        tagged = mask_output(tagged, [answers.text_column], **options)
        scores = options["ids"].apply(scores)  # the same pseudonyms as the ids of the answers
        from vastausanalyysi.report.masking import LABEL_COLUMNS, Masker

        labels = Masker(True)  # the items' texts from the file's headers, as every output has them
        scores = labels.label_columns(scores, LABEL_COLUMNS)
        items = labels.many(list(items)) if items else items
    n_clusters = args.n_clusters if args.n_clusters == "auto" else _int(args.n_clusters, "-k")
    with _progress(args).bar(1, "clustering", unit="step") as bar:
        clustering = cluster_statements(
            tagged,
            polarity=polarity,
            split=args.split,
            n_clusters=n_clusters,
            random_state=args.random_state,
            text_column=answers.text_column,
            id_column=answers.id_column or "respondent_id",
            min_cell=args.min_cell,
            respondent_scores=scores,
            items=items,
            mask=_mask(args),  # the texts are masked above unless --keep-personal-data
            group_column=args.group_column,
            county_column=args.county_column,
        )
        bar.update(1)
    report_excluded(clustering.excluded, answers.source)
    if args.assignments:
        from vastausanalyysi.cli.output import write_table

        # statements are cut from the texts masked above; write_table makes cells formula-safe
        write_table(clustering.assignments, args.assignments, excel_fi=args.excel_fi)
    _write(clusters_table(clustering), args)
    return 0


def _int(value: str, option: str) -> int:
    try:
        return int(value)
    except ValueError:
        raise SurveyError(f"{option} takes a whole number or 'auto', not {value!r}") from None


def _cmd_report(args: argparse.Namespace) -> int:
    from vastausanalyysi.cli.files import InputOptions, read_input, read_plain_table, resolve_by
    from vastausanalyysi.cli.output import check_folder
    from vastausanalyysi.cli.provenance import tags_to_reuse
    from vastausanalyysi.nlp.pii import IdPseudonyms
    from vastausanalyysi.workflow import analyse

    check_folder(Path(args.out), args.out, create=True)
    scores = read_plain_table(args.scores, InputOptions()) if args.scores else None
    answers = read_input(args.input, _input(args))
    _require_text(answers, "report")
    by = resolve_by(answers, args.by)  # the file's own header names too: -b Kunta
    frame = answers.frame
    reuse = answers.tagged and tags_to_reuse(frame, args.model or None, answers.source)
    frame = frame.drop(columns=[TAGGED_BY], errors="ignore")
    if answers.id_column and answers.id_column != "respondent_id":
        frame = frame.drop(columns=["respondent_id"], errors="ignore")
        frame = frame.rename(columns={answers.id_column: "respondent_id"})
    for path in analyse(
        frame,
        Path(args.out),
        by=by or None,
        respondent_scores=answers.scores,
        published_scores=scores,
        min_cell=args.min_cell,
        model=args.model or None,
        text_column=answers.text_column,
        mask=_mask(args),
        progress=_progress(args),
        rows=answers.rows,
        source=answers.source,
        ids=IdPseudonyms(answers.respondents) if _mask(args) else None,
        already_tagged=reuse,
    ):
        print(path)
    return 0


def _cmd_train(args: argparse.Namespace) -> int:
    from vastausanalyysi.cli.files import read_plain_table
    from vastausanalyysi.cli.output import check_folder
    from vastausanalyysi.themes.evaluation import evaluate
    from vastausanalyysi.themes.training import train

    column = args.text_column or TEXT
    check_folder(Path(args.output), args.output, create=True)  # before the work: a folder
    data = read_plain_table(args.input, _input(args), required=[column])
    model = train(data, text_column=column, mask=_mask(args))
    path = model.save(args.output)
    print(model.training_summary_, file=sys.stderr)  # what was learned from; row numbers only
    print(path)
    if args.cv:
        print(evaluate(model, data, text_column=column, cv=args.cv).to_markdown())
    return 0


def _cmd_evaluate_lemmas(args: argparse.Namespace) -> int:
    from vastausanalyysi.nlp.evaluation import evaluate_lemmas, format_report

    print(format_report(evaluate_lemmas(args.file), args.errors, as_json=args.json))
    return 0


def _cmd_evaluate_themes(args: argparse.Namespace) -> int:
    from vastausanalyysi.cli.files import read_plain_table
    from vastausanalyysi.themes.evaluation import evaluate

    column = args.text_column or TEXT
    data = read_plain_table(args.file, _input(args), required=[column])
    result = evaluate(args.model or None, data, text_column=column, cv=args.cv)
    print(result.to_markdown())
    return 0


# ---------------------------------------------------------------------------- the parser


def _global_options(parser: argparse.ArgumentParser, subcommand: bool) -> None:
    """Options that work before or after the verb (a verb's copy never overrides the other)."""
    default: Any = argparse.SUPPRESS if subcommand else False
    group = parser.add_argument_group("general options")
    group.add_argument(
        "-v", "--verbose", action="store_true", default=default, help="log what is recognised"
    )
    group.add_argument(
        "-q", "--quiet", action="store_true", default=default, help="no progress bar or warnings"
    )
    group.add_argument("--debug", action="store_true", default=default, help="show tracebacks")
    group.add_argument(
        "--keep-personal-data",
        action="store_true",
        default=default,
        help="write texts and ids unmasked (default: names, e-mails, phones, identity codes "
        "masked; an id that is one of them written as a pseudonym, '[EMAIL]-1' …)",
    )


def _text_column_option(parser: Any) -> None:
    parser.add_argument(
        "-c",
        "--text-column",
        "--column",
        dest="text_column",
        metavar="COLUMN",
        help="the text column (default: 'text', else the open questions of a survey export)",
    )


def _read_options(parser: argparse.ArgumentParser) -> Any:
    """The reading options (a group of ``parser``, returned for more)."""
    group = parser.add_argument_group("input")
    _text_column_option(group)
    group.add_argument("--sheet", help="the XLSX sheet to read (the first)")
    group.add_argument("--header-row", type=int, metavar="N", help="the header's row (found)")
    group.add_argument("--encoding", help="the text encoding (detected)")
    group.add_argument("--delimiter", help="the CSV delimiter (detected)")
    group.add_argument(
        "--format",
        choices=INPUT_FORMATS,
        help="the input format (by suffix; for - detected from the content)",
    )
    return group


def _input_options(
    parser: argparse.ArgumentParser, *, model: bool = True, output: bool = True
) -> None:
    """The options that every command reading answers shares."""
    parser.add_argument(
        "input", help="CSV, TSV, XLSX, JSONL, JSON, Parquet or TXT file, or - for standard input"
    )
    group = _read_options(parser)
    group.add_argument("--id-column", help="the respondent id column (respondent_id)")
    group.add_argument(
        "--question",
        action="append",
        help="only the answers to this open question (its name or a unique part; repeatable)",
    )
    group.add_argument("--mapping", help="a YAML/JSON file naming the survey's columns")
    group.add_argument(
        "--likert-points", type=int, choices=(4, 5), help="the verbal scales' steps (detected)"
    )
    if model:
        parser.add_argument("-m", "--model", help="a saved model folder, or 'rules' (shipped)")
    if output:
        _output_options(parser)


def _output_options(
    parser: argparse.ArgumentParser,
    default: str | None = "-",
    help: str = "a .csv, .tsv, .jsonl, .json, .xlsx or .parquet file (CSV on standard output)",
) -> None:
    group = parser.add_argument_group("output")
    group.add_argument("-o", "--output", default=default, help=help)
    group.add_argument(
        "--excel-fi",
        action="store_true",
        help="CSV for Finnish Excel: ';', decimal comma and a byte order mark",
    )
    group.add_argument(
        "--locale",
        choices=("fi", "C"),
        help="'fi' is --excel-fi",
    )


def _min_cell_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--min-cell", type=int, default=MIN_CELL, help=f"suppress smaller groups ({MIN_CELL})"
    )


class _Parser(argparse.ArgumentParser):
    """An argument parser whose errors are one line (not usage first), its subparsers too."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"vastausanalyysi: error: {_one_line(message)} (see {self.prog} --help)\n")


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every subcommand."""
    parser = _Parser(
        prog="vastausanalyysi", description="Analyse Finnish open-ended survey answers."
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    _global_options(parser, subcommand=False)
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def verb(name: str, help: str, handler: Handler) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help, description=help)
        p.set_defaults(handler=handler)
        _global_options(p, subcommand=True)
        return p

    p = verb("run", "analyse the bundled corpus and write the report", _cmd_run)
    p.add_argument("--corpus", default="corpus", help="the corpus folder (corpus)")
    p.add_argument("--out", default="results", help="where to write (results)")

    p = verb("survey", "read a survey export; show what was recognised", _cmd_survey)
    _input_options(p, model=False, output=False)
    _output_options(p, default=None, help="write answers/scores/respondents/issues CSVs here")

    p = verb("lemmatize", "add a column of lemmas to a table of texts", _cmd_lemmatize)
    _input_options(p, model=False)

    p = verb("tag", "tag answers with areas, mechanisms, polarity and evidence", _cmd_tag)
    _input_options(p)
    p.add_argument(
        "--keep-codes",
        action="store_true",
        help="keep the codes of a tagged input as they are (default: tag again)",
    )
    batch = p.add_argument_group("batch runs")
    batch.add_argument(
        "--jobs", type=int, default=1, metavar="N", help="worker processes (1; -1 = all cores)"
    )
    batch.add_argument(
        "--chunk-size",
        type=int,
        metavar="ROWS",
        help="stream a CSV/TSV/JSONL input ROWS rows at a time, appending to the output as it "
        "goes (also with --jobs; default 5000 then); other inputs are read whole",
    )
    batch.add_argument(
        "--evidence",
        choices=("full", "compact", "none"),
        default="full",
        help="the evidence columns: full (default), compact, or none",
    )
    batch.add_argument(
        "--no-evidence",
        dest="evidence",
        action="store_const",
        const="none",
        help="leave the evidence columns out (--evidence none)",
    )

    p = verb("summary", "theme frequencies by group with intervals", _cmd_summary)
    _input_options(p)
    p.add_argument("-b", "--by", action="append", help="group column (repeatable)")
    _min_cell_option(p)
    add_mention_options(p)

    p = verb("cluster", "cluster statements; one row per cluster", _cmd_cluster)
    _input_options(p)
    add_cluster_options(p)
    _min_cell_option(p)
    add_cluster_score_options(p)

    p = verb("report", "tag, summarise, cluster and write HTML/XLSX/Markdown", _cmd_report)
    _input_options(p, output=False)
    p.add_argument("-b", "--by", action="append", help="group column (repeatable)")
    _min_cell_option(p)
    p.add_argument("--scores", help="a long table of mean scores (county, item, mean, n)")
    p.add_argument("--out", default="results", help="output folder (results)")

    p = verb("train", "train a theme model on hand-coded answers", _cmd_train)
    p.add_argument("input", help="CSV/XLSX/JSONL with text, areas, mechanisms[, polarity]")
    _read_options(p)
    p.add_argument("-o", "--output", required=True, help="the model folder to write")
    p.add_argument("--cv", type=int, default=0, help="also report k-fold cross-validation")

    p = verb("evaluate", "measure the lemmatizer or a theme model", _cmd_evaluate_themes)
    what = p.add_subparsers(dest="what", required=True, metavar="WHAT")
    q = what.add_parser("lemmas", help="lemma and compound accuracy on a CoNLL-U file")
    _global_options(q, subcommand=True)
    q.add_argument("file", type=Path)
    q.add_argument("--errors", type=int, default=0, metavar="N", help="show the N top errors")
    q.add_argument("--json", action="store_true", help="print JSON")
    q.set_defaults(handler=_cmd_evaluate_lemmas)
    q = what.add_parser("themes", help="per-code precision/recall/F1 on labelled answers")
    _global_options(q, subcommand=True)
    q.add_argument("file", help="CSV/XLSX/JSONL with text, areas, mechanisms[, polarity]")
    _read_options(q)
    q.add_argument("-m", "--model", help="a saved model folder, or 'rules' (shipped model)")
    q.add_argument("--cv", type=int, default=None, help="k-fold cross-validation instead")
    q.set_defaults(handler=_cmd_evaluate_themes)
    return parser


def _setup_logging(args: argparse.Namespace) -> None:
    level = logging.ERROR if args.quiet else logging.INFO if args.verbose else logging.WARNING
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s", force=True)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if getattr(args, "locale", None) == "fi":
        args.excel_fi = True
    _setup_logging(args)
    handler: Handler = args.handler
    try:
        return handler(args)
    except VastausanalyysiError as exc:
        if args.debug:
            raise
        print(f"vastausanalyysi: error: {_one_line(exc)}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("vastausanalyysi: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        from vastausanalyysi.cli.output import discard_stdout

        discard_stdout()  # the reader of standard output has gone (| head): end quietly
        return 0
    except OSError as exc:  # a file or folder the user named: their problem to fix, not ours
        if args.debug:
            raise
        print(f"vastausanalyysi: error: {_one_line(exc)}", file=sys.stderr)
        return 2
    except Exception as exc:  # the CLI never shows a traceback unasked
        if args.debug:
            raise
        print(
            f"vastausanalyysi: internal error: {type(exc).__name__}: {_one_line(exc)} "
            "(run again with --debug for the traceback, and please report it)",
            file=sys.stderr,
        )
        return 1


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split()) or type(exc).__name__


if __name__ == "__main__":
    raise SystemExit(main())
