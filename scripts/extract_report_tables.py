"""Extract the 2026 report's two score tables into tidy CSV files under corpus/report_2026/.

Usage:
    python scripts/extract_report_tables.py PATH/yhdyspintakysely-2026.txt corpus/report_2026
"""

from __future__ import annotations

import csv
import re
import sys
from pathlib import Path

TABLES = {
    "Säännölliset tapaamiset": "cooperation_scores.csv",
    "Hyvinvoinnin ja terveyden edistämisessä": "division_of_labour_scores.csv",
}


ITEM_IDS = {
    "Säännölliset tapaamiset": "tapaamiset",
    "Selkeästi määritellyt vastuuhenkilöt hyvinvointialueella": "vastuuhenkilot_hva",
    "Selkeästi määritellyt vastuuhenkilöt kuntaorganisaatiossa": "vastuuhenkilot_kunta",
    "Yhteistyön suunnitelmallisuus": "suunnitelmallisuus",
    "Valmistelu yhteiseen tietopohjaan": "tietopohja",
    "Yhteistyön avoimuus": "vuorovaikutus",
    "Kuntien ja hyvinvointialueiden luottamushenkilöiden": "luottamushenkilot",
    "Päätöksentekoprosessien avoimuus": "paatoksenteko",
    "Yhteistyö asukkaiden": "osallisuus",
    "Hyvinvoinnin ja terveyden edistämisessä": "hyte",
    "Sivistys-": "sivistys_sote",
    "Työllisyyden hoidossa": "tyollisyys",
    "Kotoutumisen edistämisessä": "kotoutuminen",
    "Varautumisessa ja turvallisuudessa": "varautuminen",
    "Asumiseen liittyvissä": "asuminen",
    "Ympäristöterveydenhuollossa": "ymparistoterveys",
}


def item_id(item: str) -> str:
    """The stable id of a survey item (the codebook links codes to these ids)."""
    return next(v for k, v in ITEM_IDS.items() if item.startswith(k))


def _clean(cell: str) -> str:
    return re.sub(r"</?b>", "", cell).strip()


def _number(cell: str) -> str:
    cell = _clean(cell)
    return "" if cell in {"", "-"} else cell.replace(",", ".")


def extract(text: str) -> dict[str, list[dict[str, str]]]:
    """Rows of each table in long form: county, item id, item, mean, n (county respondents)."""
    out: dict[str, list[dict[str, str]]] = {}
    lines = text.splitlines()
    for i, line in enumerate(lines):
        cells = line.split("\t")
        if cells[0] != "Hyvinvointialue":
            continue
        name = next(f for key, f in TABLES.items() if cells[1].startswith(key))
        items = [c.strip() for c in cells[1:-1]]
        rows = []
        for row in lines[i + 1 :]:
            parts = [_clean(c) for c in row.split("\t")]
            if len(parts) != len(cells) or parts[0] in {"Vaihteluväli", "N"}:
                break
            county = "Kaikki vastaajat" if parts[0] == "Kaikki vastaajat" else parts[0]
            for item, value in zip(items, parts[1:-1], strict=True):
                rows.append(
                    {
                        "county": county,
                        "item_id": item_id(item),
                        "item": item,
                        "mean": _number(value),
                        "n": parts[-1],
                    }
                )
        out[name] = rows
    return out


def main(argv: list[str]) -> int:
    source, target = Path(argv[0]), Path(argv[1])
    target.mkdir(parents=True, exist_ok=True)
    for name, rows in extract(source.read_text(encoding="utf-8")).items():
        with open(target / name, "w", encoding="utf-8", newline="") as fh:
            writer = csv.DictWriter(fh, fieldnames=["county", "item_id", "item", "mean", "n"])
            writer.writeheader()
            writer.writerows(rows)
        print(f"{name}: {len(rows)} rows")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
