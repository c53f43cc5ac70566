"""The statement store: round trip, review history, as-of, conflicts, supersession."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy.orm import Session

from accords.errors import NotFoundError, ReviewError
from accords.model import Span, make_statement
from accords.store import statements as st
from accords.store import views
from tests.conftest import DAY1, DAY2


def test_round_trip_keeps_every_field(session: Session) -> None:
    from accords.store import documents as docs

    doc_id, created = docs.add_document(session, text="Japan pledged $4.5 billion.", sha256="a" * 64,
                                        media_type="text/plain", now=DAY1)
    assert created
    s = make_statement("C-JPN-1", "commitment", "amount", 4.5e9, method="extract:commitments",
                       document_id=doc_id, span=Span(13, 26, page=2), quote="$4.5 billion",
                       confidence=0.8, extra={"note": "x"})
    assert st.add_statements(session, [s], who="t", now=DAY1) == 1
    back = st.get(session, s.id)
    assert back.value == 4.5e9 and isinstance(back.value, float)
    assert (back.span.start, back.span.end, back.span.page) == (13, 26, 2)
    assert back.quote == "$4.5 billion" and back.document_id == doc_id
    assert back.confidence == 0.8 and back.extra == {"note": "x"}
    assert back.recorded_at == DAY1 and back.status == "candidate"


def test_same_claim_same_origin_is_stored_once(session: Session) -> None:
    s = make_statement("UKR-JPN-2024", "agreement", "duration_years", 10, method="m", source_url="u")
    assert st.add_statements(session, [s, s], who="t", now=DAY1) == 1
    assert st.add_statements(session, [s], who="t", now=DAY2) == 0


def test_review_transitions_are_recorded_with_who_when_why(session: Session) -> None:
    s = make_statement("UKR-JPN-2024", "agreement", "place", "Apulia", method="m")
    st.add_statements(session, [s], who="loader", now=DAY1)
    st.review(session, s.id, "accepted", who="ana", now=DAY2, why="checked the text")
    st.review(session, s.id, "rejected", who="ben", now=DAY2 + timedelta(hours=1), why="wrong place")
    hist = st.history(session, s.id)
    assert [(t.from_status, t.to_status, t.who) for t in hist] == [
        (None, "candidate", "loader"), ("candidate", "accepted", "ana"), ("accepted", "rejected", "ben")]
    assert hist[1].why == "checked the text" and hist[1].at == DAY2
    assert st.get(session, s.id).status == "rejected"


def test_forbidden_transition_and_unknown_id(session: Session) -> None:
    s = make_statement("E-1", "event", "date", "2024-06-13", method="m")
    st.add_statements(session, [s], who="t", now=DAY1)
    with pytest.raises(ReviewError):
        st.review(session, s.id, "superseded", who="t", now=DAY2)
    with pytest.raises(NotFoundError):
        st.review(session, "nope", "accepted", who="t", now=DAY2)


def test_fact_accepted_on_day_two_is_absent_as_of_day_one(session: Session) -> None:
    s = make_statement("UKR-JPN-2024", "agreement", "parties", "JPN", method="m")
    st.add_statements(session, [s], who="t", now=DAY1)
    st.review(session, s.id, "accepted", who="ana", now=DAY2)
    assert [a.id for a in views.agreements(session)] == ["UKR-JPN-2024"]
    assert views.agreements(session, as_of=DAY1 + timedelta(hours=1)) == []
    assert views.agreements(session, as_of=DAY2) != []
    # and a statement recorded later does not exist at all before it was recorded
    assert st.find(session, entity_id="UKR-JPN-2024", as_of=DAY1 - timedelta(days=1)) == []
    then = st.find(session, entity_id="UKR-JPN-2024", as_of=DAY1 + timedelta(hours=1))
    assert [x.status for x in then] == ["candidate"]


def test_rejection_after_acceptance_is_visible_only_after_it_happened(session: Session) -> None:
    s = make_statement("UKR-JPN-2024", "agreement", "parties", "JPN", method="m", status="accepted")
    st.add_statements(session, [s], who="t", now=DAY1)
    st.review(session, s.id, "rejected", who="t", now=DAY2)
    assert views.agreements(session) == []
    assert len(views.agreements(session, as_of=DAY2 - timedelta(minutes=1))) == 1


def test_two_conflicting_sources_are_both_returned_with_their_quotes(session: Session) -> None:
    a = make_statement("C-JPN-x", "commitment", "amount", 12.0e9, method="m", source_url="https://a.example",
                       quote="$12 billion", status="accepted")
    b = make_statement("C-JPN-x", "commitment", "amount", 12.1e9, method="m", source_url="https://b.example",
                       quote="$12.1 billion", status="accepted")
    st.add_statements(session, [a, b], who="t", now=DAY1)
    [c] = views.commitments(session)
    assert sorted(c.conflicts["amount"]) == [12.0e9, 12.1e9]
    view = views.entity(session, "C-JPN-x")
    assert {(s.value, s.quote, s.source_url) for s in view.statements} == {
        (12.0e9, "$12 billion", "https://a.example"), (12.1e9, "$12.1 billion", "https://b.example")}


def test_supersede_dataset_keeps_old_value_in_history(session: Session) -> None:
    old = make_statement("UKR-GBR-2024", "agreement", "duration_years", 10, method="dataset:v1",
                         dataset="ref", source_url="u", status="accepted")
    st.add_statements(session, [old], who="loader", now=DAY1)
    new = make_statement("UKR-GBR-2024", "agreement", "duration_years", 11, method="dataset:v2",
                         dataset="ref", source_url="u", status="accepted")
    st.add_statements(session, [new], who="loader", now=DAY2)
    assert st.supersede_dataset(session, "ref", {new.id}, who="loader", now=DAY2) == 1
    assert views.agreements(session)[0].duration_years == 11
    assert views.agreements(session, as_of=DAY2 - timedelta(hours=1))[0].duration_years == 10
