"""The report in a real browser: Debian's headless Chromium prints it to PDF and a PNG, and no
table or chart is wider than an A4 landscape page.

Chromium is driven over its DevTools pipe (``--remote-debugging-pipe``: JSON messages ending in a
NUL byte on file descriptors 3 and 4), so nothing is listened to on the network. The page is laid
out with print media at the width of the page's content box (A4 landscape, 10 mm margins =
277 mm = 1047 CSS pixels), and a script measures every table's box and its scroll container: a
table that would be cut or scrolled in print fails the test. Chromium is required (the set-up
installs it): the test fails, never skips, without it.

Set ``VASTAUSANALYYSI_REPORT_PNG`` to a folder to keep the PNG and the PDF for a look.
"""

from __future__ import annotations

import base64
import contextlib
import json
import os
import re
import select
import shutil
import subprocess
import time
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pytest

from vastausanalyysi.report import write_report
from vastausanalyysi.respondents import region_name
from vastausanalyysi.summary import theme_frequencies

A4_LANDSCAPE_CONTENT_PX = round((297 - 2 * 10) / 25.4 * 96)  # the @page box of report.css
CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-extensions",
    "--hide-scrollbars",
    "--mute-audio",
)
MEASURE = r"""(() => {
  const limit = document.documentElement.clientWidth;
  const bad = [];
  const where = (el) => { const s = el.closest('section'); return s ? s.id : ''; };
  for (const t of document.querySelectorAll('table')) {
    const r = t.getBoundingClientRect();
    const box = t.closest('.scroll') || t.parentElement;
    if (r.left < -0.5 || r.right > limit + 0.5 || box.scrollWidth > box.clientWidth + 1) {
      bad.push({kind: 'table', section: where(t), right: r.right, scroll: box.scrollWidth,
                client: box.clientWidth, head: t.rows[0] ? t.rows[0].innerText.slice(0, 80) : ''});
    }
  }
  for (const s of document.querySelectorAll('svg')) {
    const r = s.getBoundingClientRect();
    if (r.left < -0.5 || r.right > limit + 0.5) bad.push({kind: 'svg', section: where(s),
                                                           right: r.right});
  }
  // words broken inside a table cell: a word (hyphenated parts apart) on two lines
  const broken = [];
  for (const cell of document.querySelectorAll('th, td')) {
    const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const re = /[^\s\-–\/]+/g;
      for (let m = re.exec(node.data); m; m = re.exec(node.data)) {
        if (m[0].length < 2) continue;
        const range = document.createRange();
        range.setStart(node, m.index);
        range.setEnd(node, m.index + m[0].length);
        const lines = new Set(Array.from(range.getClientRects()).filter((r) => r.width > 0)
          .map((r) => Math.round(r.top)));
        if (lines.size > 1) broken.push({section: where(cell), word: m[0],
                                         width: cell.getBoundingClientRect().width});
      }
    }
  }
  const firstColumns = Array.from(document.querySelectorAll('table')).map((t) =>
    t.rows[0] && t.rows[0].cells[0] ? t.rows[0].cells[0].getBoundingClientRect().width : 0);
  return JSON.stringify({limit, docWidth: document.documentElement.scrollWidth, broken,
    firstColumns,
    docHeight: document.documentElement.scrollHeight,
    tables: document.querySelectorAll('table').length,
    sections: Array.from(document.querySelectorAll('section')).map((s) => s.id),
    pageBreaks: Array.from(document.querySelectorAll('section')).map(
      (s) => getComputedStyle(s).breakBefore),
    bad});
})()"""

# team-written answers (not quoted from any source)
WORKS = [
    "Säännölliset tapaamiset hyvinvointialueen yhteyshenkilöiden kanssa toimivat hyvin.",
    "Perhekeskuksen yhteistyö sujuu ja tieto kulkee.",
    "Hyte-koordinaattorit tekevät hyvää yhteistyötä kuntien kanssa.",
    "Varautumisen ja turvallisuuden yhteistyö on toimivaa.",
    "Oppilashuollon yhteistyö on parantunut selvästi.",
]
PROBLEMS = [
    "Tiedonkulku hyvinvointialueelta kuntaan ei toimi.",
    "Työnjako ja vastuut ovat edelleen epäselviä.",
    "Kiinteistöasioiden neuvottelut ovat hitaita ja vaikeita.",
    "Päätöksenteko ei ole avointa eikä kuntia kuulla.",
]
ITEMS = [
    "Säännölliset tapaamiset hyvinvointialueen yhteyshenkilöiden /vastuuhenkilöiden kanssa",
    "Selkeästi määritellyt vastuuhenkilöt hyvinvointialueella",
    "Selkeästi määritellyt vastuuhenkilöt kunnassa",
    "Yhteinen suunnittelu ja yhteiset tavoitteet hyvinvoinnin ja terveyden edistämisessä",
    "Valmistelu yhteiseen tietopohjaan ja tilannekuvaan perustuen",
    "Avoin vuorovaikutus ja kumppanuus kunnan ja hyvinvointialueen välillä",
    "Luottamushenkilöiden välinen yhteistyö ja yhteiset kokoukset",
    "Päätöksenteon avoimuus ja kuntien kuuleminen ennen päätöksiä",
    "Asukkaiden ja palvelujen käyttäjien osallisuus palvelujen kehittämisessä",
]


class DevToolsPipe:
    """Headless Chromium driven over ``--remote-debugging-pipe``."""

    def __init__(self, exe: str, profile: Path, log: Path) -> None:
        cmd_r, self._cmd_w = os.pipe()
        self._res_r, res_w = os.pipe()
        args = [exe, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", "--remote-debugging-pipe"]
        self._log = log
        with log.open("wb") as err:
            self.proc = subprocess.Popen(  # bash: fd numbers above 9 in the redirections
                ["bash", "-c", f'exec "$0" "$@" 3<&{cmd_r} 4>&{res_w}', *args],
                pass_fds=(cmd_r, res_w),
                stdin=subprocess.DEVNULL,
                stdout=err,
                stderr=err,
            )
        os.close(cmd_r)
        os.close(res_w)
        self._buffer = b""
        self._id = 0

    def send(self, method: str, params: dict[str, Any] | None = None, session: str | None = None):
        """Send one command and wait for its result (events are skipped)."""
        self._id += 1
        message: dict[str, Any] = {"id": self._id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        os.write(self._cmd_w, json.dumps(message).encode() + b"\0")
        deadline = time.monotonic() + 90
        while True:
            while b"\0" in self._buffer:
                raw, self._buffer = self._buffer.split(b"\0", 1)
                reply = json.loads(raw)
                if reply.get("id") == self._id:
                    assert "error" not in reply, f"{method}: {reply['error']}"
                    return reply["result"]
            left = deadline - time.monotonic()
            ready, _, _ = select.select([self._res_r], [], [], max(0.0, left))
            chunk = os.read(self._res_r, 1 << 20) if ready else b""
            if not chunk:
                log = self._log.read_text(errors="replace")[-2000:]
                raise AssertionError(f"chromium did not answer {method}; its log:\n{log}")
            self._buffer += chunk

    def close(self) -> None:
        with contextlib.suppress(AssertionError):  # it may close before it answers
            self.send("Browser.close")
        os.close(self._cmd_w)
        os.close(self._res_r)
        try:
            self.proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()


def render_in_chromium(
    html: Path, out: Path, media: str = "print", width: int = A4_LANDSCAPE_CONTENT_PX
) -> dict[str, Any]:
    """Lay ``html`` out for A4 landscape print (or ``media`` "screen" at ``width`` pixels) in
    Chromium: measurements, a PDF and a PNG."""
    exe = shutil.which("chromium") or shutil.which("chromium-browser")
    assert exe, "Debian's chromium is needed for the browser test: apt-get install chromium"
    browser = DevToolsPipe(exe, out / "profile", out / "chromium.log")
    try:
        target = browser.send("Target.createTarget", {"url": "about:blank"})["targetId"]
        session = browser.send("Target.attachToTarget", {"targetId": target, "flatten": True})[
            "sessionId"
        ]
        browser.send("Page.enable", session=session)
        browser.send("Emulation.setEmulatedMedia", {"media": media}, session)
        browser.send(
            "Emulation.setDeviceMetricsOverride",
            {"width": width, "height": 800, "deviceScaleFactor": 1, "mobile": False},
            session,
        )
        url = html.resolve().as_uri()
        browser.send("Page.navigate", {"url": url}, session)
        state = ""
        for _ in range(600):  # until the report itself (not about:blank) has loaded
            state = browser.send(
                "Runtime.evaluate",
                {"expression": "document.readyState + ' ' + location.href"},
                session,
            )["result"]["value"]
            if state == f"complete {url}":
                break
            time.sleep(0.05)
        assert state == f"complete {url}", f"the page did not load: {state}"
        found = json.loads(
            browser.send(
                "Runtime.evaluate", {"expression": MEASURE, "returnByValue": True}, session
            )["result"]["value"]
        )
        height = min(int(found["docHeight"]), 14000)
        shot = browser.send(
            "Page.captureScreenshot",
            {
                "format": "png",
                "captureBeyondViewport": True,
                "clip": {"x": 0, "y": 0, "width": width, "height": height, "scale": 1},
            },
            session,
        )
        (out / "report_print.png").write_bytes(base64.b64decode(shot["data"]))
        pdf = browser.send(
            "Page.printToPDF", {"preferCSSPageSize": True, "printBackground": True}, session
        )
        (out / "report.pdf").write_bytes(base64.b64decode(pdf["data"]))
    finally:
        browser.close()
    return found


def _wide_report(out: Path) -> Path:
    """A report as wide as real data makes it: 22 counties (one of 3 respondents, suppressed),
    two questions, nine Likert items with long texts."""
    rng = np.random.default_rng(7)
    counties = [*(f"{c:02d}" for c in range(1, 22)), "90"]
    rows, scores = [], []
    for c_i, county in enumerate(counties):
        for k in range(3 if county == "90" else 6):
            rid = f"V{c_i:02d}{k}"
            group = ("puheenjohtajat", "johtajat", "toimialajohto")[c_i % 3]
            for question, texts, polarity in (
                ("Mikä yhteistyössä toimii?", WORKS, "works"),
                ("Mitä pitäisi kehittää?", PROBLEMS, "problem"),
            ):
                text = texts[(c_i + k) % len(texts)]
                rows.append((rid, question, county, group, text, polarity))
            for item in ITEMS:
                scores.append((rid, item, float(rng.integers(1, 6))))
    tagged = pd.DataFrame(
        rows, columns=["respondent_id", "question", "region", "coarse_group", "text", "polarity"]
    )
    from vastausanalyysi.themes.tagger import tag

    tagged = tag(tagged)
    freqs = theme_frequencies(tagged, "region", min_cell=5)
    survey_scores = pd.DataFrame(scores, columns=["respondent_id", "item", "value"])
    write_report(
        out,
        tagged=tagged,
        frequencies=freqs,
        respondent_scores=survey_scores,
        formats="html",
        title="Kokeiluraportti: 22 hyvinvointialuetta",
    )
    return out / "report.html"


def test_report_tables_fit_an_a4_landscape_page_in_chromium(tmp_path: Path) -> None:
    html = _wide_report(tmp_path / "report")
    keep = os.environ.get("VASTAUSANALYYSI_REPORT_PNG")
    out = Path(keep) if keep else tmp_path
    out.mkdir(parents=True, exist_ok=True)
    found = render_in_chromium(html, out)

    assert found["limit"] == A4_LANDSCAPE_CONTENT_PX
    assert found["tables"] >= 4  # two frequency layers, the scores, the evidence, …
    assert found["bad"] == [], f"tables or charts wider than the page: {found['bad']}"
    assert found["docWidth"] <= found["limit"]  # nothing makes the printout shrink
    # one section per question, each on its own page
    assert [s for s in found["sections"] if s.startswith("kysymys")] == ["kysymys-1", "kysymys-2"]
    assert set(found["pageBreaks"]) == {"page"}
    png = (out / "report_print.png").read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    assert int.from_bytes(png[16:20], "big") == A4_LANDSCAPE_CONTENT_PX  # IHDR width
    pdf = (out / "report.pdf").read_bytes()
    assert pdf.startswith(b"%PDF")
    boxes = re.findall(rb"/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)", pdf)
    assert len(boxes) >= 4  # several pages
    assert all(float(w) > float(h) for w, h in boxes)  # landscape
    html_text = html.read_text(encoding="utf-8")
    assert region_name("08") in html_text and region_name("90") in html_text  # names, not codes
    assert "<blockquote>" in html_text  # quotes of groups big enough are shown


@pytest.mark.parametrize("width", [A4_LANDSCAPE_CONTENT_PX])
def test_the_measurement_sees_an_overflowing_table(tmp_path: Path, width: int) -> None:
    """The check can fail: a table of 40 unbreakable columns is reported."""
    cells = "".join(f"<td>{'x' * 12}{i}</td>" for i in range(40))
    page = tmp_path / "wide.html"
    page.write_text(
        '<!DOCTYPE html><html lang="fi"><body><section id="s"><div class="scroll" '
        'style="overflow-x:auto"><table><tr>' + cells + "</tr></table></div></section>"
        "</body></html>",
        encoding="utf-8",
    )
    found = render_in_chromium(page, tmp_path)
    assert found["limit"] == width
    assert [b["section"] for b in found["bad"]] == ["s"]


@pytest.mark.parametrize(("media", "width"), [("print", A4_LANDSCAPE_CONTENT_PX), ("screen", 1280)])
def test_no_table_cell_breaks_a_word_in_chromium(tmp_path: Path, media: str, width: int) -> None:
    """The frequency table of 22 counties × 11 codes (QA: the first column was one letter wide
    and county names broke letter by letter): no word in any table cell is split over two
    lines, on screen or in print, and the first columns are as wide as their longest word."""
    html = _wide_report(tmp_path / "report")
    found = render_in_chromium(html, tmp_path, media=media, width=width)
    assert found["tables"] >= 4
    assert found["broken"] == [], found["broken"][:10]
    assert min(found["firstColumns"]) > 60  # "Ryhmä", "Kanta-Häme": more than a letter wide
    if media == "print":
        assert found["bad"] == []  # and the tables still fit the page
