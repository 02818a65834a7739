"""The command line, a thin layer over the library: ``main`` parses arguments and runs one verb
(``cli.main``); ``cli.files`` reads the inputs every verb takes (files or ``-``, tagged files,
plain tables, survey exports) and ``cli.output`` writes tables by suffix, formula-safe.
"""

from vastausanalyysi.cli.main import build_parser, main

__all__ = ["build_parser", "main"]
