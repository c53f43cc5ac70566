"""Every cue's keyword gate is looser than the cue: each match holds a keyword of every gate set.

A gate that missed a keyword of some match would skip a cue that matches and lose a provision;
the check runs over the gold texts, the codebook's own examples and a few hand-made phrasings.
"""

from accords.codebook import load_codebook
from accords.extract.cues import gates, possible, rules
from accords.extract.prefilter import fold
from accords.extract.provisions import _GATES

from .helpers import gold_texts

_HAND_MADE = [
    "The Treaty is not legally binding; neither one is a treaty.",
    "Winterization and winterisation support for the energy grid.",
    "The agreement's term runs for ten years; its validity period is 10 years.",
    "Consultations will be held within 24 hours of an armed attack.",
    "Support for Ukraine's NATO membership and its path towards the European Union.",
]


def _texts() -> list[str]:
    return list(_HAND_MADE) + gold_texts("gold*")

def test_every_cue_match_passes_its_gate() -> None:
    codebook = load_codebook()
    texts = _texts() + [e for code in codebook.codes for e in code.examples]
    checked = 0
    for rule in rules(codebook):
        for cue, gate in zip(rule.code.cues, rule.cue_gates, strict=True):
            if gate is None:
                continue
            for text in texts:
                for m in cue.finditer(text):
                    quote = fold(m.group())
                    assert all(any(k in quote for k in keys) for keys in gate), (rule.code.id, m.group())
                    checked += 1
    assert checked > 100  # (the gold texts do exercise the gates)

def test_the_document_index_passes_every_cue_where_it_matches() -> None:
    """The index the classifier scans documents with reports every cue (all of its gates) on the
    text of each of its matches."""
    codebook = load_codebook()
    compiled = gates(codebook, _GATES)
    texts = _texts() + [e for code in codebook.codes for e in code.examples]
    for ri, rule in enumerate(rules(codebook)):
        for ci, cue in enumerate(rule.code.cues):
            for text in texts:
                for m in cue.finditer(text):
                    quote = fold(m.group())
                    hits = compiled.index.scan(quote).per_range([(0, len(quote))])[0]
                    assert ci in possible(hits, compiled).get(ri, []), (rule.code.id, ci, m.group())
