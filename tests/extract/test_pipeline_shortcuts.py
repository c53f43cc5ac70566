"""The pipeline's own shortcuts give what the plain computation they replace gives."""

from __future__ import annotations

import copy

import pytest

from accords.extract import compiled, pipeline
from accords.extract.relate import context
from accords.extract.relate.tables import merge, relate_tables
from accords.extract.types import Doc
from tests.extract.helpers import BEFORE_RELATE, gold_texts, staged


def _related(text: str) -> Doc:
    return staged(text, [*BEFORE_RELATE, "relate", "provisions"])


def test_merging_tables_that_found_nothing_changes_no_fact() -> None:
    """The relate stage skips merge_tables when relate_tables found nothing: on every gold text's
    facts, a merge of an empty table reading leaves them equal (and the texts without a "|" are
    exactly the ones the tables find nothing in, so the skip is taken where it should be)."""
    skipped = 0
    for text in gold_texts("gold*"):
        doc = _related(text)
        facts = copy.deepcopy(doc.facts)
        empty = {key: [] for key in relate_tables(context.build(doc))}
        merge(facts, empty)
        assert facts == doc.facts
        if "|" not in text:
            assert not any(relate_tables(context.build(doc)).values())
            skipped += 1
    assert skipped > 50


@pytest.mark.skipif(compiled(), reason="a compiled stage calls its own relate_tables, which no patch of the "
                    "module reaches; the direct test above covers the skip in both builds")
def test_relate_stage_matches_the_unconditional_merge() -> None:
    """The stage's facts equal those of a relate that always merges, on texts with and without tables."""
    def always_merging(doc: Doc) -> Doc:
        saved = pipeline.relate_tables
        try:  # the stage with a table reading that is never empty (merge ignores the extra key)
            pipeline.relate_tables = lambda c: {**relate_tables(c), "_always": [{}]}  # type: ignore[assignment]
            return pipeline.REGISTRY["relate"].fn(doc)
        finally:
            pipeline.relate_tables = saved

    for text in [*gold_texts("gold")[:12], "Country | Date\nJapan | 13 June 2024\nFrance | 16 February 2024"]:
        base = staged(text, BEFORE_RELATE)
        plain = always_merging(copy.deepcopy(base))
        fast = pipeline.REGISTRY["relate"].fn(copy.deepcopy(base))
        assert fast.facts == plain.facts


def test_provisions_coder_is_looked_up_once() -> None:
    from accords.extract.provisions import code_provisions

    assert pipeline._coder() is code_provisions
    assert pipeline._coder() is pipeline._coder()
