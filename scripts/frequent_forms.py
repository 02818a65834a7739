"""Write the most frequent Finnish word forms, one a line, for the lemma decision table.

    pip install wordfreq==3.1.1
    python scripts/frequent_forms.py 60000 > /tmp/fi_forms.txt
    python scripts/train_lemma_model.py --tdt ... --ftb ... \\
        --out src/vastausanalyysi/data/lemma_model.json --table-only --extra-forms /tmp/fi_forms.txt

The forms come from the ``wordfreq`` package's Finnish list (Robyn Speer et al., data CC BY-SA
4.0; sources include Wikipedia, OpenSubtitles, news and web text). Only word forms are taken,
no lemmas: the table stores what our own lemmatizer makes of them. ``wordfreq`` is needed only
here, never at run time.
"""

from __future__ import annotations

import sys


def main(argv: list[str]) -> int:
    try:
        from wordfreq import top_n_list
    except ImportError:
        print("this script needs the wordfreq package: pip install wordfreq", file=sys.stderr)
        return 2
    n = int(argv[0]) if argv else 60000
    print(f"# Finnish word forms by frequency: wordfreq top_n_list('fi', {n}), CC BY-SA 4.0")
    for form in top_n_list("fi", n):
        print(form)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
