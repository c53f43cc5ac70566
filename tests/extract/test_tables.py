"""Tables become facts: HTML tables load as one line per row (cells joined by " | ", header first),
and a row yields what its columns say, whatever words the header uses."""

from __future__ import annotations

import io
from typing import Any

import pytest

from accords.extract.load import load_bytes
from accords.extract.pipeline import extract_bytes

from .helpers import assert_spans


def _run(data: str | bytes, name: str, published: str = "2024-07-01") -> dict[str, Any]:
    raw = data.encode() if isinstance(data, str) else data
    res = extract_bytes(raw, name, published, limit=10**6)
    assert_spans(res.text, res.data)
    return res.data


def _partner(parties: list[str]) -> str:
    return next(p for p in parties if p != "UKR")


def _by_partner(data: dict[str, Any], key: str) -> dict[str, dict[str, Any]]:
    return {_partner(a["parties"]): a for a in data[key]}


# --- loading ------------------------------------------------------------------------------------

def test_html_table_is_one_line_per_row_with_the_header_first() -> None:
    html = ("<html><body><main><p>Before the table.</p><table><caption>Table 2. Signings</caption>"
            "<tbody><tr><td><b>Spain</b></td><td rowspan='2'>May 2024</td><td>Madrid</td></tr>"
            "<tr><td>Belgium</td><td>Brussels<br>(royal palace)</td></tr>"
            "<tr><td colspan='3'>Source: government websites</td></tr>"
            "<tr><td>Croatia</td><td colspan='2'>not yet</td></tr></tbody>"
            "<thead><tr><th>Partner</th><th>Signed</th><th>Place</th></tr></thead>"
            "</table><p>After | the table.</p></main></body></html>")
    text = load_bytes(html.encode(), "t.html").text
    assert text.split("\n\n") == [
        "Before the table.",
        "Table 2. Signings",
        "Partner | Signed | Place\nSpain | May 2024 | Madrid\nBelgium | May 2024 | Brussels (royal palace)\n"
        "Source: government websites\nCroatia | not yet",
        "After | the table.",
    ]


def test_html_corner_cell_keeps_columns_aligned() -> None:
    html = ("<html><body><table><tr><th></th><th>Spain</th><th>Belgium</th></tr>"
            "<tr><th>Signed</th><td>27 May 2024</td><td>28 May 2024</td></tr></table></body></html>")
    assert load_bytes(html.encode(), "t.html").text == "| | Spain | Belgium |\nSigned | 27 May 2024 | 28 May 2024"


def test_docx_table_rows_are_not_joined_as_cut_sentences() -> None:
    import docx

    document = docx.Document()
    document.add_paragraph("Signed this spring, with the sums named at signing.")
    rows = [["Country", "Date of signature", "Place", "Pledge", "Aid type"],
            ["Italy", "24 February 2024", "Kyiv", "EUR 1.7 billion provided since 2022", "military, lethal"],
            ["Portugal", "28 May 2024", "Lisbon", "at least EUR 126 million in 2024", "non-lethal equipment"]]
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    for r, row in enumerate(rows):
        for c, cell in enumerate(row):
            table.cell(r, c).text = cell
    buf = io.BytesIO()
    document.save(buf)
    data = _run(buf.getvalue(), "t.docx")
    agreements = _by_partner(data, "agreements")
    assert agreements["ITA"]["date_signed"] == "2024-02-24" and agreements["PRT"]["place"] == "Lisbon"
    assert {(s["donor"], s["scope"]) for s in data["military_scope"]} == {("ITA", "lethal"), ("PRT", "non-lethal")}
    assert {(c["donor"], c["amount"], c["status"]) for c in data["commitments"]} == {
        ("ITA", 1.7e9, "provided"), ("PRT", 126e6, "pledged")}


# --- one table, many wordings --------------------------------------------------------------------

HTML_TABLE = """<!DOCTYPE html><html><head><title>Who signed what</title></head><body><main>
<h1>Security agreements signed this spring</h1>
<p>Three more governments signed bilateral security agreements with Ukraine this spring.</p>
<table>
<tbody>
<tr><td>Italy</td><td>24 February 2024</td><td>Kyiv</td><td>Giorgia Meloni, Prime Minister</td>
<td>EUR 1.7 billion provided since 2022</td><td>military and humanitarian, lethal</td><td>within 24 hours</td>
<td>10 years</td></tr>
<tr><td>Latvia</td><td>11 April 2024</td><td>Riga</td><td>Edgars Rinkevics, President</td>
<td>0.25% of GDP each year</td><td>non-lethal equipment only</td><td>no figure published</td><td>ten years</td></tr>
<tr><td>Netherlands</td><td>1 March 2024</td><td>not stated</td><td>Mark Rutte</td><td>at least EUR 2 billion for 2024</td>
<td>not stated</td><td>48 hours</td><td>not stated</td></tr>
</tbody>
<thead><tr><th>Country</th><th>Date of signature</th><th>Venue</th><th>Signed by</th><th>Pledge</th>
<th>Type of aid</th><th>Consultation deadline</th><th>Duration</th></tr></thead>
</table>
</main></body></html>"""


def test_html_fact_table_with_other_header_words() -> None:
    data = _run(HTML_TABLE, "t.html")
    agreements = _by_partner(data, "agreements")
    assert set(agreements) == {"ITA", "LVA", "NLD"}
    assert [agreements[p].get("date_signed") for p in ("ITA", "LVA", "NLD")] == ["2024-02-24", "2024-04-11",
                                                                                  "2024-03-01"]
    assert agreements["ITA"]["place"] == "Kyiv" and "place" not in agreements["NLD"]  # "not stated" is no place
    assert agreements["ITA"]["duration_years"] == 10 and agreements["LVA"]["duration_years"] == 10
    assert agreements["ITA"]["signatories"] == ["Giorgia Meloni"] and agreements["NLD"]["signatories"] == ["Mark Rutte"]
    money = {c["donor"]: c for c in data["commitments"]}
    assert set(money) == {"ITA", "NLD"}  # a share of GDP is no sum
    assert (money["ITA"]["amount"], money["ITA"]["status"], money["ITA"]["period"]) == (1.7e9, "provided", "2022/2024")
    assert (money["NLD"]["amount"], money["NLD"]["qualifier"], money["NLD"]["period"]) == (2e9, "at least", "2024")
    assert money["ITA"]["quote"] == "EUR 1.7 billion provided since 2022"  # a cell, never across cells
    assert {(_partner(c["parties"]), c["hours"]) for c in data["consultation_hours"]} == {("ITA", 24), ("NLD", 48)}
    assert {(s["donor"], s["scope"]) for s in data["military_scope"]} == {("ITA", "lethal"), ("LVA", "non-lethal")}
    events = {e["date"]: e for e in data["events"]}
    assert set(events) == {"2024-02-24", "2024-04-11", "2024-03-01"}
    assert events["2024-02-24"]["what"] == "Italy–Ukraine agreement signed in Kyiv"
    assert events["2024-02-24"]["quote"] == "24 February 2024"
    assert events["2024-03-01"]["what"] == "Netherlands–Ukraine agreement signed"


MARKDOWN_TABLE = """# Pledges at a glance

| State | Signature date | Where | Signatory | Commitment (EUR million) | Kind of support | Consultations | Term |
|---|---|---|---|---|---|---|---|
| Denmark | 23 February 2024 | Lviv | Mette Frederiksen | 1,800 in 2024 | lethal and non-lethal | 24 hours | 10 years |
| Finland | 3 April 2024 | Kyiv | Alexander Stubb | 188 | | | ten years |
| Japan | 13 June 2024 | Apulia | Fumio Kishida | none | non-lethal only | within 24 hours | |
| Sweden | 31 May 2024 | Stockholm | Ulf Kristersson | 6,500 (proposed) | weapons and ammunition | | 10 years |
"""


def test_markdown_table_prices_bare_numbers_by_the_header() -> None:
    data = _run(MARKDOWN_TABLE, "t.md")
    money = {(c["donor"], c["amount"], c["currency"], c.get("period")) for c in data["commitments"]}
    assert money == {("DNK", 1.8e9, "EUR", "2024"), ("FIN", 188e6, "EUR", None)}  # "none", "(proposed)": no pledge
    assert {(_partner(c["parties"]), c["hours"]) for c in data["consultation_hours"]} == {("DNK", 24), ("JPN", 24)}
    assert sorted((s["donor"], s["scope"]) for s in data["military_scope"]) == [
        ("DNK", "lethal"), ("DNK", "non-lethal"), ("JPN", "non-lethal"), ("SWE", "lethal")]
    agreements = _by_partner(data, "agreements")
    assert agreements["JPN"]["place"] == "Apulia" and agreements["SWE"]["date_signed"] == "2024-05-31"
    assert "duration_years" not in agreements["JPN"] and agreements["FIN"]["duration_years"] == 10
    roles = {p["name"]: p["role"] for p in data["people"]}
    assert roles["Mette Frederiksen"].endswith("of Denmark")


def test_table_with_partners_across_the_top_is_read_by_columns() -> None:
    text = ("# Two texts side by side\n\n| | Spain | Belgium |\n|---|---|---|\n"
            "| Signed | 27 May 2024 | 28 May 2024 |\n| Place | Madrid | Brussels |\n"
            "| Pledge | EUR 1 billion in 2024 | at least EUR 977 million in 2024 |\n"
            "| Consultations | within 24 hours | not stated |\n| Duration | 10 years | 10 years |\n")
    data = _run(text, "t.md")
    agreements = _by_partner(data, "agreements")
    assert {p: (a["date_signed"], a["place"], a["duration_years"]) for p, a in agreements.items()} == {
        "ESP": ("2024-05-27", "Madrid", 10), "BEL": ("2024-05-28", "Brussels", 10)}
    assert {(c["donor"], c["amount"]) for c in data["commitments"]} == {("ESP", 1e9), ("BEL", 977e6)}
    assert [c["parties"] for c in data["consultation_hours"]] == [["ESP", "UKR"]]
    assert sorted(e["what"] for e in data["events"]) == ["Belgium–Ukraine agreement signed in Brussels",
                                                         "Spain–Ukraine agreement signed in Madrid"]


# --- what a table does not say ------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    # a delivery log: its dates are deliveries, not signings
    "| Country | Date | Delivered (EUR million) |\n|---|---|---|\n| Germany | 3 March 2024 | 500 |\n",
    # navigation and prices with pipes are no table of partners
    "Home | News | Contact\nEUR/NOK 11.9 | EUR/USD 1.09\n",
    # a one-row header and nothing under it
    "| Partner | Signed | Place |\n|---|---|---|\n",
])
def test_no_agreement_where_the_table_does_not_report_one(text: str) -> None:
    data = _run(text, "t.md")
    assert data["agreements"] == [] and data["events"] == []


def test_delivery_log_amount_is_provided() -> None:
    data = _run("| Country | Date | Delivered (EUR million) |\n|---|---|---|\n| Germany | 3 March 2024 | 500 |\n", "t.md")
    assert [(c["donor"], c["amount"], c["status"]) for c in data["commitments"]] == [("DEU", 5e8, "provided")]


def test_empty_cells_keep_the_columns_in_place() -> None:
    data = _run("| Partner | Signed | Place | Term |\n|---|---|---|---|\n| Canada | | Ottawa | 10 years |\n", "t.md")
    (agreement,) = data["agreements"]
    assert agreement.get("date_signed") is None and agreement["place"] == "Ottawa"
    assert agreement["duration_years"] == 10


# --- tables and the prose around them -----------------------------------------------------------

def test_prose_summing_up_the_rows_adds_no_event_and_a_named_signing_is_one_event() -> None:
    text = ("Three agreements were signed in late May.\n\n"
            "| Partner | Signed | Place |\n|---|---|---|\n| Spain | 27 May 2024 | Madrid |\n"
            "| Belgium | 28 May 2024 | Brussels |\n| Portugal | 28 May 2024 | Lisbon |\n\n"
            "Spain signed its agreement in Madrid on 27 May 2024.\n")
    data = _run(text, "t.md")
    # (one event per date the table tells: Belgium's and Portugal's signings share 28 May, as in prose)
    assert sorted(e["date"] for e in data["events"]) == ["2024-05-27", "2024-05-28"]


@pytest.mark.parametrize(("sentence", "partners"), [
    ("The Spanish, Belgian, Portuguese and Norwegian agreements each run for ten years.", {"ESP", "BEL", "PRT", "NOR"}),
    ("The Danish and Dutch agreements both run for ten years.", {"DNK", "NLD"}),
    ("The Italian and Canadian texts are valid for ten years.", {"ITA", "CAN"}),
    ("Under the Latvian, Estonian, and Lithuanian accords, support continues for 10 years.", {"LVA", "EST", "LTU"}),
    ("The French or German agreement lasts ten years.", {"FRA", "DEU"}),
])
def test_a_list_of_demonyms_before_the_agreements_gives_each_the_duration(sentence: str, partners: set[str]) -> None:
    data = _run(sentence, "t.txt")
    assert {_partner(a["parties"]): a.get("duration_years") for a in data["agreements"]} == dict.fromkeys(partners, 10)


@pytest.mark.parametrize(("sentence", "partners"), [
    ("Spanish and Belgian officials said the agreements run for ten years.", set()),
    ("The Spanish ministry said the Belgian agreement runs for ten years.", {"BEL"}),
    ("Spanish troops, Belgian jets and the Norwegian agreement were discussed for ten years.", {"NOR"}),
])
def test_a_demonym_off_the_agreement_names_none(sentence: str, partners: set[str]) -> None:
    data = _run(sentence, "t.txt")
    assert {_partner(a["parties"]) for a in data["agreements"]} == partners


def test_notes_under_a_table_give_its_agreements_a_term() -> None:
    text = ("| Partner | Signed | Place |\n|---|---|---|\n| Spain | 27 May 2024 | Madrid |\n"
            "| Belgium | 28 May 2024 | Brussels |\n| Croatia | 9 October 2024 | Dubrovnik |\n\n"
            "Term. The Spanish and Belgian agreements each run for ten years. We have not found a term for "
            "the Croatian text.\n")
    agreements = _by_partner(_run(text, "t.md"), "agreements")
    assert {p: a.get("duration_years") for p, a in agreements.items()} == {"ESP": 10, "BEL": 10, "HRV": None}
    assert agreements["ESP"]["date_signed"] == "2024-05-27"


def test_layout_table_keeps_its_paragraphs() -> None:
    html = ("<html><body><table><tr><td><p>Spain signed in Madrid.</p><p>Belgium signed later.</p></td>"
            "</tr></table></body></html>")
    assert load_bytes(html.encode(), "t.html").text == "Spain signed in Madrid.\n\nBelgium signed later."


def test_two_header_rows_units_in_the_header_and_yes_no_answers() -> None:
    html = ("<html><body><main><h1>Agreements and money</h1><table><thead>"
            "<tr><th colspan='3'>Agreement</th><th colspan='2'>Money (EUR million)</th><th>Lethal aid?</th>"
            "<th>Consultations (hours)</th><th>Term (years)</th></tr>"
            "<tr><th>Partner</th><th>Signed</th><th>Place</th><th>Pledged for 2024</th><th>Provided since 2022</th>"
            "<th></th><th></th><th></th></tr></thead><tbody>"
            "<tr><td>Sweden</td><td>31.05.2024</td><td>Stockholm</td><td>1,100</td><td>3,400</td><td>Yes</td>"
            "<td>24</td><td>10</td></tr>"
            "<tr><td>Japan</td><td>13.06.2024</td><td>Fasano</td><td>4,100</td><td>-</td><td>No</td><td>-</td>"
            "<td>10</td></tr></tbody></table></main></body></html>")
    data = _run(html, "t.html")
    agreements = _by_partner(data, "agreements")
    assert {p: (a["date_signed"], a["place"], a["duration_years"]) for p, a in agreements.items()} == {
        "SWE": ("2024-05-31", "Stockholm", 10), "JPN": ("2024-06-13", "Fasano", 10)}
    assert {(c["donor"], c["amount"], c["status"], c["period"]) for c in data["commitments"]} == {
        ("SWE", 1.1e9, "pledged", "2024"), ("SWE", 3.4e9, "provided", "2022/2024"), ("JPN", 4.1e9, "pledged", "2024")}
    assert {(s["donor"], s["scope"]) for s in data["military_scope"]} == {("SWE", "lethal"), ("JPN", "non-lethal")}
    assert [(c["parties"], c["hours"]) for c in data["consultation_hours"]] == [(["SWE", "UKR"], 24)]


_THREE_ROWS = ("| Partner | Signed | Place |\n|---|---|---|\n| Spain | 27 May 2024 | Madrid |\n"
               "| Belgium | 28 May 2024 | Brussels |\n| Portugal | 28 May 2024 | Lisbon |\n\n")


@pytest.mark.parametrize("note", [
    "All three agreements run for ten years.",
    "Each agreement is concluded for a period of 10 years.",
    "Every one of these accords lasts ten years.",
    "They all run for 10 years.",
    "The texts are each valid for ten years.",
])
def test_a_note_on_all_the_agreements_gives_each_row_the_term(note: str) -> None:
    agreements = _by_partner(_run(_THREE_ROWS + note + "\n", "t.md"), "agreements")
    assert {p: a.get("duration_years") for p, a in agreements.items()} == {"ESP": 10, "BEL": 10, "PRT": 10}


@pytest.mark.parametrize("note", [
    "Both texts run for ten years.",  # two, under three rows: which two is unclear
    "Not all the agreements run for ten years.",
    "All agreements but Spain's run for ten years.",
    "The agreement with the longest history runs for ten years.",
])
def test_a_note_that_does_not_cover_every_row_gives_no_term(note: str) -> None:
    agreements = _by_partner(_run(_THREE_ROWS + note + "\n", "t.md"), "agreements")
    assert agreements["BEL"].get("duration_years") is None and agreements["PRT"].get("duration_years") is None


def test_a_note_on_all_the_agreements_gives_each_row_the_consultation_limit() -> None:
    data = _run(_THREE_ROWS + "Each of them provides for consultations within 24 hours in the event of a future "
                "attack.\n", "t.md")
    assert sorted(_partner(c["parties"]) for c in data["consultation_hours"] if c["hours"] == 24) == [
        "BEL", "ESP", "PRT"]


def test_partner_column_found_by_its_header_or_its_states_and_both_signatories_kept() -> None:
    text = ("| # | Signatory country | Date | Signed for Ukraine by | Signed by |\n|---|---|---|---|---|\n"
            "| 1 | Spain | 27 May 2024 | Volodymyr Zelensky, President | Pedro Sanchez, Prime Minister |\n"
            "| 2 | Belgium | 28 May 2024 | Volodymyr Zelensky | Alexander De Croo |\n\n"
            "| No. | Donor | Pledge |\n|---|---|---|\n| 1 | Sweden | SEK 75 billion |\n\n"
            "| No. | Where the money goes | Pledge |\n|---|---|---|\n| 1 | Norway | NOK 13.5 billion |\n")
    data = _run(text, "t.md")
    agreements = _by_partner(data, "agreements")
    assert agreements["ESP"]["date_signed"] == "2024-05-27"
    assert agreements["BEL"]["signatories"] == ["Volodymyr Zelensky", "Alexander De Croo"]
    roles = {p["name"]: p["role"] for p in data["people"]}
    assert roles["Volodymyr Zelensky"] == "President of Ukraine"  # not "of Spain": he signs for Ukraine
    assert {(c["donor"], c["amount"]) for c in data["commitments"]} == {("SWE", 75e9), ("NOR", 13.5e9)}


def test_header_words_that_only_look_like_scope_term_or_signatory() -> None:
    text = ("| Partner | Signed | In-kind aid (EUR million) | Last updated | Signatory |\n|---|---|---|---|---|\n"
            "| Canada | 24 February 2024 | 250 | 1 March 2024 | Prime Minister |\n")
    data = _run(text, "t.md")
    (agreement,) = data["agreements"]
    assert "duration_years" not in agreement and "signatories" not in agreement  # a role alone names no one
    assert [(c["donor"], c["amount"]) for c in data["commitments"]] == [("CAN", 250e6)]
    assert data["military_scope"] == []


def test_a_row_that_names_no_partner_does_not_borrow_the_row_above() -> None:
    html = ("<html><body><h1>Pledges</h1><table><tr><th>Partner</th><th>Signed</th><th>Notes</th></tr>"
            "<tr><td>Spain</td><td>27 May 2024</td><td>first of the five</td></tr>"
            "<tr><td>Belgium</td><td>28 May 2024</td><td>second</td></tr>"
            "<tr><td>Total</td><td></td><td>EUR 1.977 billion pledged this year</td></tr>"
            "<tr><td>Also</td><td></td><td>Portugal provided EUR 5 million of lethal aid</td></tr>"
            "</table></body></html>")
    data = _run(html, "t.html")
    assert [(c["donor"], c["amount"]) for c in data["commitments"]] == [("PRT", 5e6)]


def test_a_signed_column_without_dates_leaves_the_date_to_a_date_column() -> None:
    data = _run("| Country | Signed? | Date | Venue |\n|---|---|---|---|\n| Finland | yes | 3 April 2024 | Kyiv |\n"
                "| Moldova | no | | |\n", "t.md")
    agreements = _by_partner(data, "agreements")
    assert set(agreements) == {"FIN"} and agreements["FIN"]["date_signed"] == "2024-04-03"
    assert [(e["date"], e["quote"]) for e in data["events"]] == [("2024-04-03", "3 April 2024")]


def test_a_record_table_of_one_agreement() -> None:
    html = ("<html><body><h1>The Danish agreement</h1><table>"
            "<tr><th>Signed</th><td>23 February 2024</td></tr><tr><th>Partner</th><td>Denmark</td></tr>"
            "<tr><th>Venue</th><td>Lviv</td></tr><tr><th>Funding</th><td>EUR 1.8 billion in 2024</td></tr>"
            "<tr><th>Duration</th><td>10 years</td></tr></table></body></html>")
    data = _run(html, "t.html")
    (agreement,) = data["agreements"]
    assert (agreement["parties"], agreement["date_signed"], agreement["place"], agreement["duration_years"]) == (
        ["DNK", "UKR"], "2024-02-23", "Lviv", 10)
    assert [(c["donor"], c["amount"], c["period"]) for c in data["commitments"]] == [("DNK", 1.8e9, "2024")]


def test_a_timeline_table_makes_one_event_per_dated_row() -> None:
    html = ("<html><body><h1>Timeline</h1><table><tr><th>Date</th><th>Event</th></tr>"
            "<tr><td>27 May 2024</td><td>Spain and Ukraine sign a security agreement in Madrid</td></tr>"
            "<tr><td>28 May 2024</td><td>Belgium signs its agreement with Ukraine in Brussels</td></tr>"
            "<tr><td>June 2024</td><td>Peace summit</td></tr><tr><td>later</td><td>Review</td></tr>"
            "</table></body></html>")
    data = _run(html, "t.html")
    assert [(e["date"], e["what"]) for e in data["events"]] == [
        ("2024-05-27", "Spain and Ukraine sign a security agreement in Madrid"),
        ("2024-05-28", "Belgium signs its agreement with Ukraine in Brussels"), ("2024-06", "Peace summit")]
    assert {_partner(a["parties"]): a.get("date_signed") for a in data["agreements"]} == {
        "ESP": "2024-05-27", "BEL": "2024-05-28"}


def test_a_pledge_log_with_a_date_column_is_no_signing() -> None:
    data = _run("| Donor | Date | Pledge since signing (EUR million) |\n|---|---|---|\n| Spain | 3 June 2024 | 50 |\n",
                "t.md")
    assert data["agreements"] == [] and [(c["donor"], c["amount"]) for c in data["commitments"]] == [("ESP", 5e7)]


def test_bare_numbers_with_a_decimal_comma_or_a_space_group() -> None:
    data = _run("| Country | Pledge (EUR bn) |\n|---|---|\n| Spain | 1,8 |\n| France | 3.5 |\n| Japan | 1 800 |\n", "t.md")
    assert [(c["donor"], c["amount"]) for c in data["commitments"]] == [("ESP", 1.8e9), ("FRA", 3.5e9)]


def test_prose_months_of_signings_the_rows_date_in_full_add_no_event() -> None:
    text = ("Spain and Portugal signed in May. Croatia signed in October. Germany signed in February.\n\n"
            "| Partner | Signed | Place |\n|---|---|---|\n| Spain | 27 May 2024 | Madrid |\n"
            "| Portugal | 28 May 2024 | Lisbon |\n| Croatia | not yet public | Dubrovnik |\n")
    data = _run(text, "t.md", published="2024-12-01")
    assert sorted(e["date"] for e in data["events"]) == ["2024-02", "2024-05-27", "2024-05-28", "2024-10"]


def test_the_row_day_refines_the_month_prose_gives() -> None:
    text = ("Spain and Portugal signed their agreements in June 2024.\n\n"
            "| Partner | Signed | Place |\n|---|---|---|\n| Spain | 27 June 2024 | Madrid |\n"
            "| Portugal | 28 June 2024 | Lisbon |\n")
    agreements = _by_partner(_run(text, "t.md", published="2024-12-01"), "agreements")
    assert {p: a["date_signed"] for p, a in agreements.items()} == {"ESP": "2024-06-27", "PRT": "2024-06-28"}


def test_a_term_given_as_an_end_year_counts_from_the_signing() -> None:
    data = _run("| Partner | Signed | Valid |\n|---|---|---|\n| Spain | 27 May 2024 | until 31 December 2034 |\n"
                "| Italy | 24 February 2024 | indefinitely |\n", "t.md")
    agreements = _by_partner(data, "agreements")
    assert agreements["ESP"]["duration_years"] == 10 and "duration_years" not in agreements["ITA"]
