"""HTML of the score heatmap's colours and legend, the codes beside their linked items' means,
the clusters' linked scores and the changes between waves."""

from __future__ import annotations

from typing import Any

from vastausanalyysi.report.formatting import DASH, escape_html, format_number, format_share
from vastausanalyysi.report.labels import LAYER_TITLES
from vastausanalyysi.report.links import OWN_MEAN_NOTE, ClusterLink, LinkSection, non_answer_note
from vastausanalyysi.report.mentions import (
    MENTIONS_HEADING,
    MENTIONS_NOTE,
    MentionRow,
    mention_cell,
    mention_matrix,
    mentioners,
)
from vastausanalyysi.report.waves import WaveRow
from vastausanalyysi.text import is_missing

HIGH = (0, 114, 178)  # blue: above the scale's midpoint
LOW = (213, 94, 0)  # orange: below it (both from the Okabe–Ito palette)
LINKS_HEADING = "Teemat ja mekanismit kyselyn keskiarvojen rinnalla"
WAVES_HEADING = "Muutokset kyselykierrosten välillä"
SHORT_ITEM = 60
"""Item texts longer than this are cut in the link tables (the full text in the key)."""


def score_colour(value: Any, scale: tuple[float, float] = (1.0, 5.0)) -> str:
    """The background of a mean: blue above the scale's midpoint, orange below, stronger
    further away; "" when missing."""
    if is_missing(value):
        return ""
    v = float(value)
    low, high = scale
    mid = (low + high) / 2
    half = max((high - low) / 2, 1e-9)
    colour, alpha = (HIGH, (v - mid) / half) if v >= mid else (LOW, (mid - v) / half)
    return f"rgba({colour[0]},{colour[1]},{colour[2]},{min(1.0, alpha) * 0.5:.2f})"


def score_shade(value: Any, scale: tuple[float, float] = (1.0, 5.0)) -> str:
    """``score_colour`` as a ``style`` attribute."""
    colour = score_colour(value, scale)
    return f' style="background:{colour}"' if colour else ""


def heatmap_legend(scale: tuple[float, float]) -> str:
    """A legend of the heatmap's colours: one swatch per whole step of the scale."""
    low, high = scale
    step = 1.0 if high - low <= 10 else (high - low) / 10
    values = []
    v = low
    while v <= high + 1e-9:
        values.append(v)
        v += step
    swatches = "".join(
        '<span style="display:inline-flex;align-items:center;gap:.25rem;margin-right:.7rem">'
        '<span aria-hidden="true" style="display:inline-block;width:1.6rem;height:.9rem;'
        f'border:1px solid #999;background:{score_colour(x, scale) or "#fff"}"></span>'
        f"{escape_html(format_number(x, 0 if float(x).is_integer() else 1))}</span>"
        for x in values
    )
    return (
        f'<p class="small" role="note" aria-label="Värien selite"><strong>Värit:</strong> '
        f"{swatches} oranssi = alle asteikon keskikohdan, sininen = yli; valkoinen = "
        f"keskikohta. {DASH} = ei arvoa; {DASH}<sup>*</sup> = piilotettu.</p>"
    )


def short_item(text: str, limit: int = SHORT_ITEM) -> str:
    """The item's text cut at a word before ``limit`` characters, with "…"."""
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0].rstrip(" ,;:/")
    return cut + "…"


def _item_cell(key: str, item: str) -> str:
    label = f"{key} {short_item(item)}" if key else short_item(item)
    return f'<td title="{escape_html(item)}">{escape_html(label)}</td>'


def _code(code: str) -> str:
    """A code id after its name, quieter than the name."""
    return (
        f'<span style="font-weight:400;font-size:.9em;color:#5a5a5a">({escape_html(code)})</span>'
    )


def _layer_row(layer: str, columns: int) -> str:
    return (
        f'<tr><th colspan="{columns}" scope="rowgroup" style="background:#f5f7fa">'
        f"{escape_html(LAYER_TITLES.get(layer, layer))}</th></tr>"
    )


def _interval(low: float | None, high: float | None) -> str:
    if low is None or high is None:
        return ""
    return f"{format_share(low)}–{format_share(high)}"


def html_links(links: LinkSection, scale: tuple[float, float], min_cell: int) -> str:
    """The codes' shares beside their linked items' means, and the correlations."""
    source = (
        "kyselyn omien asteikollisten kysymysten keskiarvot"
        if links.source == "survey"
        else "julkaistujen taulukoiden kaikkien vastaajien keskiarvot"
    )
    out = [
        f'<section id="linkit"><h2>{escape_html(LINKS_HEADING)}</h2>',
        '<p class="small">Kunkin teeman ja mekanismin osuus kaikista vastanneista (95 %:n '
        "luottamusväli) ja koodikirjassa siihen linkitetyn kysymyksen keskiarvo "
        f"({escape_html(source)}). Osuus ja keskiarvo ovat eri mittareita: rinnakkain ne "
        "näyttävät, puhutaanko avovastauksissa asioista, jotka on arvioitu hyviksi tai "
        "heikoiksi.</p>",
    ]
    rows = []
    layer = None
    for r in links.rows:
        if r.layer != layer:
            layer = r.layer
            rows.append(_layer_row(layer, 6))
        if r.suppressed or r.share is None:
            share = f'<td class="sup">{DASH}<sup>*</sup></td><td></td>'
        else:
            share = (
                f'<td class="num">{escape_html(format_share(r.share))} '
                f"({escape_html(r.n)}/{escape_html(r.base)})</td>"
                f'<td class="num">{escape_html(_interval(r.low, r.high))}</td>'
            )
        if r.score_suppressed:
            mean = f'<td class="sup">{DASH}<sup>*</sup></td>'
        else:
            mean = (
                f'<td class="num"{score_shade(r.mean, scale)}>'
                f"{escape_html(format_number(r.mean))}</td>"
            )
        n = DASH if not r.score_n else r.score_n
        rows.append(
            f'<tr><th scope="row">{escape_html(r.name)} {_code(r.code)}</th>'
            f"{share}{_item_cell(r.key, r.item)}{mean}"
            f'<td class="num">{escape_html(n)}</td></tr>'
        )
    out.append(
        '<div class="scroll"><table class="links" style="width:100%"><thead><tr>'
        '<th scope="col">Koodi</th><th class="num">Osuus (n/perusjoukko)</th>'
        '<th class="num">95 %:n LV</th>'
        '<th>Linkitetty kohta</th><th class="num">Keskiarvo</th><th class="num">n</th></tr>'
        f"</thead><tbody>{''.join(rows)}</tbody></table></div>"
    )
    foot = (
        f"{DASH} keskiarvon kohdalla = kohtaa ei ole pistetaulukossa; {DASH}<sup>*</sup> = "
        f"piilotettu (alle {min_cell} vastaajaa). Keskiarvon n = arvion antaneet vastaajat."
    )
    if links.absent:
        foot += (
            " Koodit, joihin linkitettyä kohtaa ei ole pistetaulukossa (ei taulukossa): "
            + escape_html(", ".join(links.absent))
            + "."
        )
    if links.unlinked:
        foot += f" Koodeja ilman linkitettyä kohtaa: {links.unlinked} (ei taulukossa)."
    if note := non_answer_note(links):
        foot += " " + escape_html(note)
    out.append(f'<p class="foot">{foot}</p>')
    out += [f'<p class="small">{escape_html(note)}</p>' for note in links.notes]
    if links.correlations:
        out.append(_html_correlations(links))
    elif links.corr_by:
        out.append(
            f'<p class="small">Korrelaatioita ryhmien välillä ({escape_html(links.corr_by)}) ei '
            "laskettu: tarvitaan vähintään 3 ryhmää, joissa sekä osuus että keskiarvo vaihtelevat."
            "</p>"
        )
    out.append("</section>")
    return "".join(out)


def _html_correlations(links: LinkSection) -> str:
    rows = []
    for c in links.correlations:
        interval = (
            ""
            if c.low is None or c.high is None
            else f"{format_number(c.low, 2)}…{format_number(c.high, 2)}"
        )
        flag = "alle 10 ryhmää: vain suuntaa antava" if c.small_n else ""
        rows.append(
            f'<tr><th scope="row">{escape_html(c.name)} {_code(c.code)}</th>'
            f"{_item_cell(c.key, c.item)}"
            f'<td class="num">{c.n}</td><td class="num">{escape_html(format_number(c.rho, 2))}</td>'
            f'<td class="num">{escape_html(interval)}</td>'
            f'<td class="num">{escape_html(format_number(c.r, 2))}</td>'
            f'<td class="num">{escape_html(format_number(c.p, 3))}</td>'
            f"<td>{escape_html(flag)}</td></tr>"
        )
    return (
        f"<h3>Yhteys ryhmien välillä ({escape_html(links.corr_by)})</h3>"
        '<p class="small">Koodin osuuden ja linkitetyn kohdan keskiarvon korrelaatio ryhmien '
        "välillä (yksi piste ryhmää kohti; ei vastaajatason yhteys). ρ = Spearmanin, r = "
        "Pearsonin korrelaatio; väli on ρ:n 95 %:n luottamusväli ja p ρ:n p-arvo.</p>"
        '<div class="scroll"><table class="links" style="width:100%"><thead><tr><th>Koodi</th>'
        '<th>Linkitetty kohta</th><th class="num">Ryhmiä</th><th class="num">ρ</th>'
        '<th class="num">95 %:n LV</th><th class="num">r</th><th class="num">p (ρ)</th>'
        f"<th>Huom.</th></tr></thead><tbody>{''.join(rows)}</tbody></table></div>"
    )


def html_cluster_links(
    links: list[ClusterLink], scale: tuple[float, float], min_cell: int = 5
) -> str:
    """The clusters' dominant mechanisms with their linked items' means: of the cluster's own
    respondents (respondent-level scores), of all respondents and, with groups, of the groups."""
    local = any(c.local_mean is not None for c in links)
    own = any(c.own_mean is not None for c in links)
    rows = []
    for c in links:
        own_cells = (
            f'<td class="num"{score_shade(c.own_mean, scale)}>'
            f"{escape_html(format_number(c.own_mean))}</td>"
            f'<td class="num">{c.own_n or ""}</td>'
            if own
            else ""
        )
        local_cell = (
            f'<td class="num"{score_shade(c.local_mean, scale)}>'
            f"{escape_html(format_number(c.local_mean))}"
            f" ({c.groups})</td>"
            if local
            else ""
        )
        rows.append(
            f'<tr><td class="num">{c.number}</td><td>{escape_html(c.label)}</td>'
            f'<th scope="row">{escape_html(c.name)}</th>'
            f'<td class="num">{c.statements}/{c.size}</td>{_item_cell(c.key, c.item)}'
            f"{own_cells}"
            f'<td class="num"{score_shade(c.mean, scale)}>{escape_html(format_number(c.mean))}'
            f"</td>{local_cell}</tr>"
        )
    by = next((c.by for c in links if c.by), "")
    where, count = ("alueilla", "alueita") if by == "region" else ("ryhmissä", "ryhmiä")
    local_head = f'<th class="num">Vastausten {where} ({count})</th>' if local else ""
    kind = "alue" if by == "region" else "ryhmä"
    note = (
        f" Vastausten {where} = kohdan {kind}kohtaiset keskiarvot painotettuina sillä, montako "
        "ryhmän vastausta kustakin tuli."
        if local
        else ""
    )
    own_head = '<th class="num">Ryhmän vastaajat</th><th class="num">n</th>' if own else ""
    note += " " + OWN_MEAN_NOTE.format(min_cell=min_cell) if own else ""
    return (
        "<h3>Ryhmien mekanismit ja niihin linkitettyjen kohtien keskiarvot</h3>"
        '<p class="small">Kunkin ryhmän yleisimmät mekanismit (vastauksia, joissa mekanismi '
        "on / ryhmän vastaukset) ja niihin linkitettyjen kyselykohtien keskiarvot kaikilla "
        f"vastaajilla.{escape_html(note)}</p>"
        '<div class="scroll"><table class="links" style="width:100%"><thead><tr>'
        '<th class="num">#</th><th>Ryhmä</th><th>Mekanismi</th><th class="num">Vastauksia</th>'
        f'<th>Linkitetty kohta</th>{own_head}<th class="num">Kaikki vastaajat</th>{local_head}'
        "</tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table></div>"
    )


def html_waves(rows: list[WaveRow], min_cell: int) -> str:
    """Each code's share per wave and the change with its interval and p-value."""
    body = []
    layer = None
    for w in rows:
        if w.layer != layer:
            layer = w.layer
            body.append(_layer_row(layer, 7))
        if w.suppressed:
            cells = f'<td class="sup" colspan="5">{DASH}<sup>*</sup> alle {min_cell} vastaajaa</td>'
        else:
            interval = (
                ""
                if w.low is None or w.high is None
                else f"{format_number(100 * w.low)}…{format_number(100 * w.high)}"
            )
            change = None if w.change is None else 100 * w.change
            cells = (
                f'<td class="num">{escape_html(format_share(w.share_from))}</td>'
                f'<td class="num">{escape_html(format_share(w.share_to))}</td>'
                f'<td class="num">{escape_html(format_number(change))}</td>'
                f'<td class="num">{escape_html(interval)}</td>'
                f'<td class="num">{escape_html(format_number(w.p, 3))}</td>'
            )
        body.append(
            f'<tr><th scope="row">{escape_html(w.name)} {_code(w.code)}</th>'
            f"<td>{escape_html(w.wave_from)} → {escape_html(w.wave_to)}</td>{cells}</tr>"
        )
    return (
        f'<section id="kierrokset"><h2>{escape_html(WAVES_HEADING)}</h2>'
        '<p class="small">Koodin osuus vastanneista kummallakin kierroksella, muutos '
        "prosenttiyksikköinä, sen 95 %:n luottamusväli (Newcomben menetelmä) ja p-arvo "
        "(kahden osuuden z-testi). Kierrokset ovat erillisiä otoksia.</p>"
        '<div class="scroll"><table class="links" style="width:100%"><thead><tr>'
        '<th>Koodi</th><th>Kierrokset</th><th class="num">Osuus ennen</th>'
        '<th class="num">Osuus jälkeen</th><th class="num">Muutos (%-yks.)</th>'
        '<th class="num">95 %:n LV</th><th class="num">p</th></tr></thead>'
        f"<tbody>{''.join(body)}</tbody></table></div></section>"
    )


def html_mentions(rows: list[MentionRow], min_cell: int) -> str:
    """Codes by scale items: the difference of the mentioners' mean from the others'."""
    keys, codes = mention_matrix(rows)
    items = {r.key: r.item for r in rows}
    head = "".join(
        f'<th class="num" title="{escape_html(items[k])}">{escape_html(k)}</th>' for k in keys
    )
    body = []
    layer = None
    for first, cells in codes:
        if first.layer != layer:
            layer = first.layer
            body.append(_layer_row(layer, len(keys) + 2))
        n = mentioners(cells)
        tds = "".join(
            f'<td class="num"><strong>{escape_html(mention_cell(c))}</strong></td>'
            if c is not None and c.clear
            else f'<td class="{"sup" if c is not None and c.suppressed else "num"}">'
            f"{escape_html(mention_cell(c))}</td>"
            for c in cells
        )
        body.append(
            f'<tr><th scope="row">{escape_html(first.name)} {_code(first.code)}</th>'
            f'<td class="num">{DASH + "*" if n is None else n}</td>{tds}</tr>'
        )
    legend = "".join(f"<li>{escape_html(k)}: {escape_html(items[k])}</li>" for k in keys)
    return (
        f'<section id="maininnat"><h2>{escape_html(MENTIONS_HEADING)}</h2>'
        f'<p class="small">{escape_html(MENTIONS_NOTE)} {DASH}*: alle {min_cell} vastaajaa '
        "jommallakummalla puolella (piilotettu).</p>"
        '<div class="scroll"><table class="links"><thead><tr><th>Koodi</th>'
        f'<th class="num">Maininneita</th>{head}</tr></thead>'
        f"<tbody>{''.join(body)}</tbody></table></div>"
        f'<ul class="small">{legend}</ul></section>'
    )


__all__ = [
    "LINKS_HEADING",
    "WAVES_HEADING",
    "heatmap_legend",
    "html_cluster_links",
    "html_links",
    "html_mentions",
    "html_waves",
    "score_colour",
    "score_shade",
    "short_item",
]
