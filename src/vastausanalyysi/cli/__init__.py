"""The command line, a thin layer over the library: ``main`` parses arguments and runs one verb
(``cli.main``); ``cli.files`` reads and writes the table formats the verbs take and give.
"""

from vastausanalyysi.cli.main import build_parser, main

__all__ = ["build_parser", "main"]
