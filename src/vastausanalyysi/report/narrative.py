"""The report's Finnish prose shared by every format: the lead sentence, the method note, the code
legend and the headings and footnotes that depend on the data."""

from __future__ import annotations

from collections import Counter

from vastausanalyysi._version import __version__
from vastausanalyysi.report.evidence import LAYER_ORDER
from vastausanalyysi.report.formatting import DASH, cell_text, format_number, format_share
from vastausanalyysi.report.labels import (
    CLUSTER_METHODS,
    COLUMN_TITLES,
    EVIDENCE_SOURCES,
    POLARITY_NAMES,
    REGION_COLUMNS,
)
from vastausanalyysi.report.model import ReportModel, not_finnish
from vastausanalyysi.report.questions import DEVELOPMENT_POLARITIES
from vastausanalyysi.report.scores import ScoreSection
from vastausanalyysi.report.sections import SECONDARY_REASON, FreqSection
from vastausanalyysi.summary.suppression import NESTED_REASON
from vastausanalyysi.text import is_missing


def interval_name(method: str, confidence: float) -> str:
    """The Finnish name of the confidence interval ("Wilsonin 95 %:n luottamusväli")."""
    level = format_number(confidence * 100, 0)
    if method in {"clopper-pearson", "exact"}:
        return f"Clopper–Pearsonin tarkka {level} %:n luottamusväli"
    if method == "wilson":
        return f"Wilsonin {level} %:n luottamusväli"
    return f"{level} %:n luottamusväli ({method})"


def method_items(rep: ReportModel) -> list[tuple[str, str]]:
    """(topic, Finnish description) pairs of the method note."""
    a = rep.answers
    n_rows = len(a)
    n_text = int(a["_has_text"].sum())
    items: list[tuple[str, str]] = []
    data = f"{n_rows} riviä, joista {n_text} sisältää vastauksen"
    if "respondent_id" in a.columns:
        data += f"; {a['respondent_id'].nunique(dropna=True)} vastaajaa"
    if "question" in a.columns:
        questions = [q for q in dict.fromkeys(a["question"].tolist()) if not is_missing(q)]
        if questions:
            data += "; kysymykset: " + ", ".join(str(q) for q in questions)
    items.append(("Aineisto", data + "."))
    if language_text(rep):
        items.append(("Kieli", language_text(rep)))
    coding = (
        "Teemat (yhdyspinta-alueet ja yhteistyön tavat) ja vastauksen sävy annettiin "
        "koodikirjan sääntöjen perusteella: säännöt vertaavat Voikon antamia perusmuotoja ja "
        "yhdyssanojen osia koodikirjan sanastoon. Jos koulutettu luokittelumalli oli käytössä, "
        "se täydentää sääntöjä. Jokaisella koodilla on perusteena vastauksen sanat (pintamuoto ja "
        "perusmuoto) sekä sääntö tai mallin pistemäärä; perusteet ovat Excel-tiedoston "
        "välilehdellä ”vastaukset”."
    )
    if rep.sources:
        coding += (
            " Perusteita lähteittäin: "
            + ", ".join(f"{EVIDENCE_SOURCES.get(k, k)} {v}" for k, v in sorted(rep.sources.items()))
            + "."
        )
    items.append(("Koodaus", coding))
    items.append(
        (
            "Sävy",
            "Toimii = vastaus kertoo jonkin toimivan tai parantuneen; ongelma = jokin ei toimi, "
            "puuttuu tai on vaikeaa; sekä toimivaa että ongelmia = molempia eri asioista; "
            "neutraali = ei kumpaakaan.",
        )
    )
    if rep.freqs is not None:
        f = rep.freqs
        items.append(
            (
                "Osuudet",
                "Osuus = koodin maininneiden vastaajien osuus ryhmän vastanneista (perusjoukko, "
                "n). Vastaaja lasketaan kerran, vaikka hänellä olisi useita vastauksia. "
                "Vastaukset, joissa ei ole sisältöä (esim. ”Ei kommentteja”, ”eos”, ”-”), "
                "eivät kuulu perusjoukkoon; jos niitä on, niiden vastaajamäärä (”ei sisältöä”) "
                "on ryhmän koon vieressä.",
            )
        )
        items.append(
            (
                "Luottamusvälit",
                f"{interval_name(f.method, f.confidence)} osuudelle; kaavioissa viiksinä.",
            )
        )
    items.append(("Pienten ryhmien suojaus", small_cell_text(rep)))
    if rep.questions:
        development = ""
        if any(p.polarities == DEVELOPMENT_POLARITIES for q in rep.questions for p in q.parts):
            development = (
                "; kysymyksessä, joka kysyy mitä pitäisi kehittää tai mikä ei toimi, "
                "”Kehitettävää” saa kaikki vastausten lausumat toimivaa kuvaavia lukuun "
                "ottamatta, myös toiveet (esim. ”pitäisi suunnitella yhdessä”), joiden sävy on "
                "neutraali, mutta ei sisällöttömiä eikä muunkielisiä vastauksia"
            )
        items.append(
            (
                "Kysymykset",
                "Jokaisella avoimella kysymyksellä on oma osionsa. ”Toimii” ryhmittelee "
                "vastaukset, joiden sävy on toimii tai sekä toimivaa että ongelmia; "
                "”Kehitettävää” vastaukset, joiden sävy on ongelma tai sekä toimivaa että "
                f"ongelmia{development}. Sama sanamuoto lainataan vain kerran (ellei ryhmällä ole "
                "muuta lainattavaa: silloin perässä on ”lainattu myös edellä”), ja sen perässä "
                "on sen kirjoittaneiden vastaajien määrä.",
            )
        )
    if rep.questions or rep.overall is not None:
        text = (
            "Vastaukset ryhmiteltiin sisällön mukaan: perusmuodot ja yhdyssanojen osat "
            "(TF-IDF) sekä koodit. Ryhmän nimi on sen tyypillisimmät perusmuodot "
            "(c-TF-IDF), ja lainaukset ovat lähimpänä ryhmän keskipistettä."
        )
        if rep.overall is not None:
            c = rep.overall
            how = CLUSTER_METHODS.get(cell_text(c.method), cell_text(c.method) or "ryhmittely")
            text += f" Kaikkien vastausten ryhmittely: {how}."
            if c.n_clusters is not None:
                text += f" Ryhmiä: {c.n_clusters}."
            if c.silhouette is not None:
                text += f" Siluettikerroin: {format_number(c.silhouette, 2)}."
        items.append(("Ryhmittely", text))
    for section in rep.scores:
        items.append(("Keskiarvot", score_source_text(section)))
    items.append(("Tietosuoja", privacy_text(rep)))
    items.append(("Ohjelmisto", f"vastausanalyysi {__version__}."))
    items.extend(("Huomautus", note) for note in rep.notes)
    return items


def polarity_counts(rep: ReportModel) -> list[tuple[str, int, float]]:
    """(polarity, answers, share of the answers with text) in the report's order."""
    a = rep.answers
    if "polarity" not in a.columns:
        return []
    answered = a[a["_has_text"] & ~not_finnish(a)]  # other languages are not coded
    total = len(answered) or 1
    counts = Counter(answered["polarity"].tolist())
    order = [*POLARITY_NAMES, *sorted(k for k in counts if k not in POLARITY_NAMES)]
    return [(k, counts[k], counts[k] / total) for k in order if counts.get(k)]


def suppression_note(freqs: FreqSection) -> str:
    """The footnote of a table with suppressed cells."""
    limit = f"alle {freqs.min_cell}" if freqs.min_cell else "liian vähän"
    text = (
        f"{DASH} = luku piilotettu, koska ryhmässä tai solussa on {limit} vastaajaa "
        "(pienten ryhmien suojaus); piilotetun ryhmän kokoa ei näytetä"
    )
    if any(c.reason == SECONDARY_REASON for lay in freqs.layers for c in lay.cells.values()):
        text += (
            " tai toissijaisesti: kun vain yksi ryhmä piilotettaisiin, myös seuraavaksi pienin "
            "piilotetaan, jotta piilotettua lukua ei voi päätellä yhteissummasta"
        )
        if nested_suppression(freqs):
            text += f"; {NESTED_TEXT}"
    return text + "."


NESTED_TEXT = (
    "tarkempien ryhmien taulukossa toinen piilotettava ryhmä valitaan saman yläryhmän "
    "(karkean vastaajaryhmän tai hyvinvointialueen) sisältä, jotta piilotettua lukua ei voi "
    "päätellä yläryhmien taulukosta"
)
"""The report's words for the nested rule (:data:`~vastausanalyysi.summary.suppression.
NESTED_REASON`)."""


def nested_suppression(freqs: FreqSection | None) -> bool:
    """Whether the frequency tables hide a group for the nested rule (a group beside a hidden
    one under the same coarse group or county)."""
    if freqs is None or "suppression_reason" not in freqs.table.columns:
        return False
    return bool((freqs.table["suppression_reason"] == NESTED_REASON).any())


def small_cell_text(rep: ReportModel) -> str:
    """How small groups are protected: the one rule of :func:`.model.published_labels`."""
    m = rep.min_cell
    extra = [
        c for c in ([rep.highlight_column] if rep.highlight_column else []) if c not in rep.levels
    ]
    columns = [*rep.levels, *extra]
    names = [COLUMN_TITLES.get(c, c).lower() for c in columns]
    shown = (
        "Vastausten tekstit (lainaukset, ryhmien esimerkkivastaukset, Excelin vastausrivit ja "
        "raportin rinnalle kirjoitettu tagged.jsonl) näytetään vain, jos "
    )
    if not columns:
        text = shown + f"aineistossa on vähintään {m} vastannutta vastaajaa; "
    elif len(columns) == 1:
        text = shown + f"vastaajan ryhmässä ({names[0]}) on vähintään {m} vastannutta vastaajaa; "
    elif extra and len(columns) == 2:
        # the tables' column is a region, or another grouping (a report by the exact group)
        where = "alueella" if columns[0] in REGION_COLUMNS else "ryhmittelyssä"
        text = shown + (
            f"vastaajan ryhmässä ({names[-1]}) ja {where} ({names[0]}) on "
            f"kummassakin vähintään {m} vastannutta vastaajaa; "
        )
    else:
        text = shown + (
            f"vastaajan jokaisessa ryhmittelyssä ({'; '.join(names)}) on erikseen vähintään "
            f"{m} vastannutta vastaajaa; "
        )
    text += "vastaaja lasketaan kerran, vaikka hän vastasi useaan kysymykseen. "
    if len(rep.levels) > 1:
        text += (
            "Ryhmät näytetään vastauksen yhteydessä vain, jos taulukot eivät piilota niiden "
            f"yhdistelmää ({' × '.join(COLUMN_TITLES.get(c, c).lower() for c in rep.levels)}). "
        )
    if extra and rep.levels:
        table = ", ".join(names[:-1])
        text += (
            "Vastauksen yhteydessä ei julkaista tunnisteiden yhdistelmää, jossa on alle "
            f"{m} vastaajaa: ryhmä ja alue näytetään yhdessä vain, jos yhdistelmässä "
            f"({' × '.join(names)}) on vähintään {m} vastaajaa, muuten vain ryhmä ({names[-1]}). "
            f"Jotta alueen ({table}) taulukkoluvuista ei voi vähentää esiin alueettomien "
            "vastaajien koodeja, alue piilotetaan myös saman alueen pienimmistä yhdistelmistä, "
            f"kunnes alueettomia vastaajia on alueella vähintään {m} (tai ei yhtään). "
        )
    text += (
        "Taulukoiden piilottamien ryhmien (myös toissijaisesti piilotettujen) vastauksista ei "
        "näytetä ryhmää, aluetta eikä tekstiä (koodit näytetään yhdessä). "
        f"Taulukoissa alle {m} vastaajan luvut on piilotettu (”{DASH}”); jos "
        "taulukossa piilotettaisiin vain yksi ryhmä, myös seuraavaksi pienin piilotetaan, jotta "
        "piilotettua lukua ei voi päätellä yhteissummasta"
        + (f"; {NESTED_TEXT}" if nested_suppression(rep.freqs) else "")
        + ". Piilotetun ryhmän kokoa (n) ei näytetä, ei myöskään piilotettujen keskiarvojen "
        "ryhmien N:ää. Rivejä ei poisteta."
    )
    if rep.hidden_answers:
        text += f" Piilotettuja vastauksia: {rep.hidden_answers}."
    return text


def privacy_text(rep: ReportModel) -> str:
    """Whether personal data was masked."""
    if rep.masker.enabled:
        return (
            "Henkilötiedot (nimet, sähköpostiosoitteet, puhelinnumerot, henkilötunnukset, "
            "IP-osoitteet ja tilinumerot, myös sarakeotsikoissa) on peitetty merkinnöillä kuten "
            "[NIMI] ennen kirjoittamista."
        )
    return (
        "Henkilötietoja EI peitetty (pyydettiin säilyttämään henkilötiedot); tarkista tekstit "
        "ennen jakamista."
    )


def score_source_text(section: ScoreSection) -> str:
    """Where the means of a score section come from."""
    low, high = (format_number(v, 0) for v in section.scale)
    if section.source == "survey":
        return (
            f"Kyselyn omien asteikollisten kysymysten keskiarvot ({low}–{high}), laskettu "
            "vastaajien vastauksista tässä raportissa; N = vastaajat, jotka arvioivat ainakin "
            "yhden kohdan (kohtien eri n:t selitteessä). Alle "
            f"{section.min_cell} vastaajan keskiarvot on piilotettu."
        )
    if section.min_cell is not None and section.min_cell > 1:
        return (
            f"Julkaistut keskiarvotaulukot ({low}–{high}) sellaisinaan kuin ne annettiin, "
            f"paitsi että alle {section.min_cell} vastaajan keskiarvot ja niiden N on "
            "piilotettu; N = vastaajamäärä."
        )
    return (
        f"Julkaistut keskiarvotaulukot ({low}–{high}) sellaisinaan kuin ne annettiin; "
        "N = vastaajamäärä."
    )


def code_legend(rep: ReportModel) -> list[tuple[str, str, str]]:
    """(layer, code, name) of every code that appears in the report."""
    seen: dict[str, str] = {}
    for column, layer in (("_areas", "area"), ("_mechanisms", "mechanism")):
        for codes in rep.answers[column].tolist():
            for code in codes:
                seen.setdefault(code, layer)
    if rep.freqs is not None:
        for lay in rep.freqs.layers:
            for code in lay.codes:
                seen.setdefault(code, lay.layer)
    rows = [(layer, code, rep.names.code(code)) for code, layer in seen.items()]
    return sorted(rows, key=lambda r: (LAYER_ORDER.get(r[0], 3), r[1]))


LANGUAGE_NAMES = {"sv": "ruotsiksi", "en": "englanniksi"}
"""Languages of ``tag``'s ``language`` column in Finnish (others: "muulla kielellä")."""


def language_text(rep: ReportModel) -> str:
    """How many answers are in another language than Finnish and so not coded ("" if none)."""
    a = rep.answers
    other = not_finnish(a)
    if not other.any():
        return ""
    counts = Counter(a.loc[other, "_language"].tolist())
    by = ", ".join(
        f"{LANGUAGE_NAMES.get(k, 'muulla kielellä')} {n}"
        for k, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    )
    n = int(other.sum())
    return (
        f"{n} {'vastaus' if n == 1 else 'vastausta'} ({by}) ei ole suomeksi, eikä niitä "
        "koodattu teemoihin eikä sävyyn; ne ovat mukana vastausmäärissä ja Excelin "
        "vastausriveillä."
    )


def summary_text(rep: ReportModel) -> str:
    """The lead sentence: how many answers and respondents, and their tone."""
    a = rep.answers
    text = f"Aineistossa on {len(a)} vastausta"
    if "respondent_id" in a.columns:
        text += f" {a['respondent_id'].nunique(dropna=True)} vastaajalta"
    n_text = int(a["_has_text"].sum())
    if n_text != len(a):  # the tone's base below is the answers with text: say both
        text += f"; tekstiä on {n_text} vastauksessa ({len(a) - n_text} tyhjää)"
    text += "."
    other = language_text(rep)
    if other:
        text += f" {other}"
    pol = polarity_counts(rep)
    if pol:
        base = sum(n for _, n, _ in pol)
        whose = "Vastausten" if base == len(a) else f"Tekstiä sisältävien {base} vastauksen"
        if other:
            whose = f"Suomenkielisten {base} vastauksen"
        text += f" {whose} sävy: " + ", ".join(
            f"{POLARITY_NAMES.get(k, k).lower()} {n} ({format_share(s)})" for k, n, s in pol
        )
        text += "."
    return text


__all__ = [
    "NESTED_TEXT",
    "code_legend",
    "interval_name",
    "language_text",
    "method_items",
    "nested_suppression",
    "polarity_counts",
    "privacy_text",
    "score_source_text",
    "small_cell_text",
    "summary_text",
    "suppression_note",
]
