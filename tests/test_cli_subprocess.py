"""Real runs of ``python -m vastausanalyysi``: pipes on standard input, exit statuses, and the
progress bar on a terminal (a pseudo-terminal as stderr) but not in a pipe or with --quiet."""

from __future__ import annotations

import fcntl
import io
import os
import pty
import struct
import subprocess
import sys
import termios
from pathlib import Path

import pandas as pd
import pytest

ROOT = Path(__file__).resolve().parents[1]
TEXTS = [
    "Perhekeskusyhteistyö toimii hyvin.",
    "Oppilashuolto toimii.",
    "Tiedonkulku ei toimi.",
    "Hyte-työ ja oppilashuolto sujuvat.",
    "Kiinteistöasiat ovat jumissa.",
    "Perhekeskus ja neuvola toimivat.",
]


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT / "src"), env.get("PYTHONPATH", "")])
    return env


def _run(*args: str, stdin: bytes = b"", cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "vastausanalyysi", *args],
        input=stdin,
        capture_output=True,
        env=_env(),
        cwd=cwd,
        timeout=300,
    )


def _run_on_terminal(*args: str, cwd: Path) -> tuple[int, str]:
    """Run with stderr on a pseudo-terminal; the exit status and what the terminal showed."""
    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 100, 0, 0))
    process = subprocess.Popen(
        [sys.executable, "-m", "vastausanalyysi", *args],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=follower,
        env=_env(),
        cwd=cwd,
    )
    os.close(follower)
    shown = bytearray()
    while True:
        try:
            chunk = os.read(leader, 4096)
        except OSError:  # the terminal closed with the process
            break
        if not chunk:
            break
        shown += chunk
    os.close(leader)
    return process.wait(timeout=300), shown.decode("utf-8", "replace")


@pytest.fixture
def answers(tmp_path: Path) -> Path:
    path = tmp_path / "vastaukset.csv"
    pd.DataFrame({"id": range(1, len(TEXTS) + 1), "vastaus": TEXTS}).to_csv(path, index=False)
    return path


def test_pipes_tag_summary_and_survey(answers: Path, tmp_path: Path) -> None:
    from vastausanalyysi.cli import main

    tagged = tmp_path / "t.jsonl"
    assert main(["tag", str(answers), "-c", "vastaus", "-o", str(tagged)]) == 0
    summary = _run("summary", "-", "-c", "vastaus", "--min-cell", "1", stdin=tagged.read_bytes())
    assert summary.returncode == 0, summary.stderr
    freqs = pd.read_csv(io.BytesIO(summary.stdout))
    assert set(freqs["base"]) == {len(TEXTS)}  # one per answer, not per JSON line read as text
    assert freqs.set_index("code").loc["oppilashuolto", "n"] == 2

    lines = ("text\n" + "\n".join(TEXTS[:2]) + "\n").encode()
    plain = _run("tag", "-", stdin=lines)
    assert plain.returncode == 0, plain.stderr
    assert pd.read_csv(io.BytesIO(plain.stdout))["text"].tolist() == TEXTS[:2]
    assert b"tagging" not in plain.stderr  # no progress bar in a pipe

    export = "Vastaajan tunnus;Tehtävänimike;Mikä toimii?\n1;rehtori;Perhekeskus toimii.\n"
    survey = _run("survey", "-", stdin=export.encode())
    assert survey.returncode == 0 and "1 respondents, 1 open questions" in survey.stderr.decode()


def test_exit_status_2_and_one_line(answers: Path) -> None:
    for args in (
        ("summary", "puuttuu.jsonl"),
        ("tag", str(answers), "-c", "vastaus", "-o", "/nonexistent/dir/x.csv"),
    ):
        result = _run(*args)
        err = result.stderr.decode()
        assert result.returncode == 2, (args, err)
        assert err.count("\n") == 1 and err.startswith("vastausanalyysi: error:"), err
        assert args[-1] in err or "/nonexistent/dir" in err


def test_progress_on_a_terminal_only(answers: Path, tmp_path: Path) -> None:
    tag = ("tag", str(answers), "-c", "vastaus", "-o", str(tmp_path / "t.csv"))
    status, shown = _run_on_terminal(*tag, cwd=tmp_path)
    assert status == 0 and "tagging" in shown and f"{len(TEXTS)}/{len(TEXTS)}" in shown
    status, shown = _run_on_terminal(*tag, "--quiet", cwd=tmp_path)
    assert status == 0 and shown == ""
    report = ("report", str(answers), "-c", "vastaus", "--out", str(tmp_path / "r"))
    status, shown = _run_on_terminal(*report, cwd=tmp_path)
    assert status == 0
    assert "tagging" in shown and "clustering" in shown and "writing the report" in shown


def test_streamed_progress_ends_at_the_number_of_rows(tmp_path: Path) -> None:
    """QA 6 #9: with answers of several lines the streamed bar counted line breaks
    (…/9356 for 8,000 rows) and stopped at 86 %; it now counts rows and ends at n/n."""
    texts = [f"{t}\nToinen rivi: {t.lower()}" for t in TEXTS]
    path = tmp_path / "rivit.csv"
    pd.DataFrame({"id": range(len(texts)), "vastaus": texts}).to_csv(path, index=False)
    n = len(texts)
    status, shown = _run_on_terminal(
        "tag", str(path), "-c", "vastaus", "--chunk-size", "2", "-o", str(tmp_path / "t.csv"),
        cwd=tmp_path,
    )  # fmt: skip
    assert status == 0 and "tagging" in shown
    assert f"{n}/{n}" in shown and "100%" in shown, shown
    assert f"/{2 * n}" not in shown  # the line count is no total
