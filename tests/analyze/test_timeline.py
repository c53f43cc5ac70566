"""The timeline orders partial dates sensibly and filters by party and range."""

from __future__ import annotations

from accords.analyze import timeline
from accords.model.entities import Agreement, Commitment, Event

AGREEMENTS = [
    Agreement(id="UKR-JPN-2024", parties=("JPN", "UKR"), date_signed="2024-06-13", place="Apulia"),
    Agreement(id="UKR-GBR-2024", parties=("GBR", "UKR"), date_signed="2024-01-12"),
    Agreement(id="UKR-USA", parties=("UKR", "USA"), mentioned_only=True),
]
EVENTS = [Event(id="E1", date="2024-06", what="talks in Tokyo", parties=("JPN", "POL")),
          Event(id="E2", date="2023", what="a year-level fact", parties=("JPN",))]
COMMITMENTS = [Commitment(id="C1", donor="JPN", recipient="UKR", amount=4.5e9, currency="USD",
                          status="expected", period="2024"),
               Commitment(id="C2", donor="GBR", recipient="UKR", amount=2.5e9, currency="GBP")]


def test_entries_are_sorted_with_partial_dates_first_in_their_period() -> None:
    entries = timeline.build(AGREEMENTS, EVENTS, COMMITMENTS)
    assert [e.entity_id for e in entries] == ["E2", "C1", "UKR-GBR-2024", "E1", "UKR-JPN-2024"]
    assert entries[1].what == "JPN expected: USD 4.5bn"
    assert "Apulia" in entries[-1].what


def test_filters_by_party_and_range() -> None:
    jpn = timeline.build(AGREEMENTS, EVENTS, COMMITMENTS, party="jpn", start="2024-03", end="2024-06")
    # C1 is dated only "2024": a year overlaps March-June, so it stays
    assert [e.entity_id for e in jpn] == ["C1", "E1", "UKR-JPN-2024"]
    assert [e.entity_id for e in timeline.build(AGREEMENTS, EVENTS, COMMITMENTS, party="JPN", start="2024-06-14")] \
        == ["C1", "E1"]
    assert timeline.build(AGREEMENTS, EVENTS, COMMITMENTS, party="GBR", end="2023") == []
