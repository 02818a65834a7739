"""The link, cluster-link and wave tables as rows of values, shared by Markdown and the workbook.

Each function returns ``(headers, rows)``; Markdown formats the numbers in Finnish, the workbook
keeps them as numbers (codes in their own columns).
"""

from __future__ import annotations

from typing import Any

from vastausanalyysi.report.labels import LAYER_TITLES
from vastausanalyysi.report.links import ClusterLink, LinkSection
from vastausanalyysi.report.mentions import MentionRow
from vastausanalyysi.report.waves import WaveRow

LINK_HEADERS = [
    "Kerros",
    "Koodi",
    "Nimi",
    "Osuus",
    "LV alaraja",
    "LV yläraja",
    "n",
    "Perusjoukko",
    "Osuus piilotettu",
    "Tunnus",
    "Kohdan tunnus",
    "Kohta",
    "Keskiarvo",
    "Keskiarvon n",
    "Keskiarvo piilotettu",
]
CORRELATION_HEADERS = [
    "Kerros",
    "Koodi",
    "Nimi",
    "Tunnus",
    "Kohta",
    "Ryhmiä",
    "Spearmanin rho",
    "rho LV alaraja",
    "rho LV yläraja",
    "p (rho)",
    "Pearsonin r",
    "Huomautus",
]
CLUSTER_HEADERS = [
    "Ryhmä #",
    "Ryhmän nimi",
    "Ryhmän vastauksia",
    "Mekanismi (koodi)",
    "Mekanismi",
    "Vastauksia, joissa mekanismi",
    "Tunnus",
    "Kohta",
    "Keskiarvo (kaikki)",
    "Keskiarvo vastausten ryhmissä",
    "Ryhmiä",
    "Keskiarvo (ryhmän vastaajat)",
    "Ryhmän vastaajia, jotka arvioivat kohdan",
]
WAVE_HEADERS = [
    "Kerros",
    "Koodi",
    "Nimi",
    "Kierros ennen",
    "Kierros jälkeen",
    "Osuus ennen",
    "Perusjoukko ennen",
    "Osuus jälkeen",
    "Perusjoukko jälkeen",
    "Muutos",
    "LV alaraja",
    "LV yläraja",
    "p",
    "Piilotettu",
]
MENTION_HEADERS = [
    "Kerros",
    "Koodi",
    "Nimi",
    "Kohta",
    "Kysymys",
    "Maininneita",
    "Keskiarvo (maininneet)",
    "Muita",
    "Keskiarvo (muut)",
    "Erotus",
    "LV alaraja",
    "LV yläraja",
    "p",
    "Piilotettu",
]
SMALL_N_NOTE = "alle 10 ryhmää: vain suuntaa antava"


def _yes(flag: bool) -> str:
    return "kyllä" if flag else ""


def link_rows(links: LinkSection) -> list[list[Any]]:
    """One row per code and linked item."""
    return [
        [
            LAYER_TITLES.get(r.layer, r.layer),
            r.code,
            r.name,
            None if r.suppressed else r.share,
            None if r.suppressed else r.low,
            None if r.suppressed else r.high,
            None if r.suppressed else r.n,
            r.base,
            _yes(r.suppressed),
            r.key,
            r.item_id,
            r.item,
            None if r.score_suppressed else r.mean,
            r.score_n or None,
            _yes(r.score_suppressed),
        ]
        for r in links.rows
    ]


def correlation_rows(links: LinkSection) -> list[list[Any]]:
    """One row per code and linked item with a correlation across groups."""
    return [
        [
            LAYER_TITLES.get(c.layer, c.layer),
            c.code,
            c.name,
            c.key,
            c.item,
            c.n,
            c.rho,
            c.low,
            c.high,
            c.p,
            c.r,
            SMALL_N_NOTE if c.small_n else "",
        ]
        for c in links.correlations
    ]


def cluster_rows(links: list[ClusterLink]) -> list[list[Any]]:
    """One row per cluster, dominant mechanism and linked item."""
    return [
        [
            c.number,
            c.label,
            c.size,
            c.code,
            c.name,
            c.statements,
            c.key,
            c.item,
            c.mean,
            c.local_mean,
            c.groups or None,
            c.own_mean,
            c.own_n,
        ]
        for c in links
    ]


def wave_rows(rows: list[WaveRow]) -> list[list[Any]]:
    """One row per code and pair of waves (suppressed cells without numbers)."""
    return [
        [
            LAYER_TITLES.get(w.layer, w.layer),
            w.code,
            w.name,
            w.wave_from,
            w.wave_to,
            w.share_from,
            w.base_from,
            w.share_to,
            w.base_to,
            w.change,
            w.low,
            w.high,
            w.p,
            _yes(w.suppressed),
        ]
        for w in rows
    ]


def mention_rows(rows: list[MentionRow]) -> list[list[Any]]:
    """One row per code and scale item (hidden rows without numbers)."""
    return [
        [
            LAYER_TITLES.get(m.layer, m.layer),
            m.code,
            m.name,
            m.key,
            m.item,
            *(
                [None] * 8
                if m.suppressed
                else [
                    m.n_mention,
                    m.mean_mention,
                    m.n_other,
                    m.mean_other,
                    m.difference,
                    m.low,
                    m.high,
                    m.p,
                ]
            ),
            _yes(m.suppressed),
        ]
        for m in rows
    ]


__all__ = [
    "CLUSTER_HEADERS",
    "CORRELATION_HEADERS",
    "LINK_HEADERS",
    "MENTION_HEADERS",
    "SMALL_N_NOTE",
    "WAVE_HEADERS",
    "cluster_rows",
    "correlation_rows",
    "link_rows",
    "mention_rows",
    "wave_rows",
]
