"""Score extraction output against gold files (the format of ``shared/corpus/README.md``).

Pure functions over plain JSON-like dicts. The matching rules are those of the corpus README:

- agreements: same sorted ``parties``; and ``date_signed`` / ``duration_years`` equal where the
  gold has them;
- commitments: same ``donor``, ``currency`` and ``status``, ``amount`` within ±0.5 % of gold;
- consultation_hours: same ``parties`` and ``hours``;
- military_scope: same ``donor`` and ``scope``;
- people: the name's tokens in any order (one token set contains the other and they share at
  least two tokens, or the single token of a one-word gold name);
- events: same ``date``;
- provisions: same ``(agreement, code, value)``; the gold's ``provisions_present`` /
  ``provisions_absent`` maps become items, a predicted value other than ``absent`` (such as a
  number of hours) counts as ``present``. A gold file without provision coding is not scored on
  provisions at all.

Beyond the README, ``channels`` are scored too (the README defines the key but no rule): a
channel matches when one quote contains the other or the names share most of their words.
The ``overall`` line is computed over :data:`CORE_KEYS` only, so its numbers stay comparable
with ``shared/tools/score.py``.

Each gold item is matched greedily to the first unused prediction, in order, as ``score.py``
does. Gold items marked ``"optional": true`` are matched after the required ones; a prediction
they match is neither credited nor counted as an extra. (``score.py`` matches optional items
first, so an optional item can take the only prediction a required item of the same date
needed; the numbers agree whenever no optional item competes with a required one.)
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

Item = Mapping[str, Any]

CORE_KEYS: tuple[str, ...] = ("agreements", "commitments", "consultation_hours", "military_scope",
                              "people", "events", "provisions")
KEYS: tuple[str, ...] = (*CORE_KEYS, "channels")
AMOUNT_TOLERANCE = 0.005

_NAME_SPLIT = re.compile(r"[\s\-.]+")
_WORD = re.compile(r"[a-z0-9]+")
_STOP = frozenset({"the", "of", "for", "and", "in", "on", "to", "a", "an", "with", "s"})


@dataclass(frozen=True)
class KeyScore:
    """Counts for one key: true positives, predictions counted, gold items counted."""

    key: str
    tp: int = 0
    pred: int = 0
    gold: int = 0

    @property
    def precision(self) -> float:
        # Nothing predicted is perfect precision only when nothing was there to find.
        if self.pred:
            return self.tp / self.pred
        return 1.0 if self.gold == 0 else 0.0

    @property
    def recall(self) -> float:
        return self.tp / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __add__(self, other: KeyScore) -> KeyScore:
        return KeyScore(self.key, self.tp + other.tp, self.pred + other.pred, self.gold + other.gold)

    def as_dict(self) -> dict[str, Any]:
        return {"key": self.key, "tp": self.tp, "pred": self.pred, "gold": self.gold,
                "precision": round(self.precision, 4), "recall": round(self.recall, 4),
                "f1": round(self.f1, 4)}


@dataclass(frozen=True)
class Detail:
    """One gold item that no prediction matched (``miss``) or one unmatched prediction (``extra``)."""

    label: str
    key: str
    kind: str  # "miss" or "extra"
    item: dict[str, Any]

    def as_dict(self) -> dict[str, Any]:
        return {"document": self.label, "key": self.key, "kind": self.kind, "item": self.item}


@dataclass
class Report:
    """Scores per key (summed over documents) and the misses and extras behind them."""

    scores: dict[str, KeyScore] = field(default_factory=dict)
    details: list[Detail] = field(default_factory=list)
    documents: list[str] = field(default_factory=list)

    @property
    def overall(self) -> KeyScore:
        total = KeyScore("overall")
        for key in CORE_KEYS:
            if key in self.scores:
                total = total + self.scores[key]
        return total

    def __add__(self, other: Report) -> Report:
        scores = dict(self.scores)
        for key, ks in other.scores.items():
            scores[key] = scores[key] + ks if key in scores else ks
        return Report(scores, [*self.details, *other.details], [*self.documents, *other.documents])

    def rows(self) -> list[dict[str, Any]]:
        """One row per scored key in :data:`KEYS` order, then the overall row."""
        rows = [self.scores[k].as_dict() for k in KEYS if k in self.scores]
        return [*rows, self.overall.as_dict()]

    def as_dict(self) -> dict[str, Any]:
        return {"documents": self.documents,
                "keys": {k: self.scores[k].as_dict() for k in KEYS if k in self.scores},
                "overall": self.overall.as_dict(),
                "details": [d.as_dict() for d in self.details]}

    def below(self, threshold: float) -> list[KeyScore]:
        """The keys whose F1 is under ``threshold``."""
        return [s for k, s in self.scores.items() if s.f1 < threshold]


# ---------------------------------------------------------------- normalisation of key fields

def parties_key(parties: Any) -> tuple[str, ...]:
    if not parties:
        return ()
    if isinstance(parties, str):
        parties = parties.split("-")
    return tuple(sorted(str(p).strip().upper() for p in parties))


def agreement_key(value: Any) -> str:
    """Provision agreement keys compare as sorted ISO3 codes joined by ``-``."""
    return "-".join(parties_key(value)) if value else ""


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def name_tokens(name: Any) -> frozenset[str]:
    return frozenset(t for t in _NAME_SPLIT.split(_fold(str(name or ""))) if t)


def _amount(value: Any) -> float:
    try:
        return float(value) if value is not None else 0.0
    except (TypeError, ValueError):
        return 0.0


def _upper(value: Any) -> str:
    return str(value if value is not None else "").strip().upper()


def _int_or_none(value: Any) -> int | None:
    try:
        return int(float(value)) if value is not None and value != "" else None
    except (TypeError, ValueError):
        return None


def _words(text: Any) -> frozenset[str]:
    return frozenset(w for w in _WORD.findall(_fold(str(text or ""))) if w not in _STOP)


def _squash(text: Any) -> str:
    return " ".join(_fold(str(text or "")).split())


# ---------------------------------------------------------------- matching rules per key

def _match_agreement(g: Item, p: Item) -> bool:
    if parties_key(g.get("parties")) != parties_key(p.get("parties")):
        return False
    if g.get("date_signed") is not None and str(p.get("date_signed")) != str(g.get("date_signed")):
        return False
    dur = _int_or_none(g.get("duration_years"))
    return dur is None or _int_or_none(p.get("duration_years")) == dur


def amounts_match(gold_amount: Any, pred_amount: Any) -> bool:
    a, b = _amount(gold_amount), _amount(pred_amount)
    return a == b or (a != 0 and abs(a - b) / abs(a) <= AMOUNT_TOLERANCE)


def _match_commitment(g: Item, p: Item) -> bool:
    return (_upper(g.get("donor")) == _upper(p.get("donor"))
            and _upper(g.get("currency")) == _upper(p.get("currency"))
            and str(g.get("status") or "") == str(p.get("status") or "")
            and amounts_match(g.get("amount"), p.get("amount")))


def _match_consultation(g: Item, p: Item) -> bool:
    return (parties_key(g.get("parties")) == parties_key(p.get("parties"))
            and _int_or_none(g.get("hours")) == _int_or_none(p.get("hours")))


def _match_scope(g: Item, p: Item) -> bool:
    return (_upper(g.get("donor")) == _upper(p.get("donor"))
            and str(g.get("scope") or "").lower() == str(p.get("scope") or "").lower())


def names_match(gold_name: Any, pred_name: Any) -> bool:
    """Token sets in any order: one contains the other and they share two tokens (or all of one)."""
    kg, kp = name_tokens(gold_name), name_tokens(pred_name)
    if not kg or not kp or not (kg <= kp or kp <= kg):
        return False
    return len(kg & kp) >= min(2, len(kg))


def _match_person(g: Item, p: Item) -> bool:
    return names_match(g.get("name"), p.get("name"))


def _match_event(g: Item, p: Item) -> bool:
    return str(g.get("date") or "") == str(p.get("date") or "")


def _match_provision(g: Item, p: Item) -> bool:
    return (agreement_key(g.get("agreement")) == agreement_key(p.get("agreement"))
            and str(g.get("code")) == str(p.get("code"))
            and str(g.get("value")) == str(p.get("value")))


def _match_channel(g: Item, p: Item) -> bool:
    qg, qp = _squash(g.get("quote")), _squash(p.get("quote"))
    if qg and qp and (qg in qp or qp in qg):
        return True
    wg, wp = _words(g.get("name")), _words(p.get("name"))
    return bool(wg and wp) and len(wg & wp) / min(len(wg), len(wp)) >= 0.75


MATCHERS: dict[str, Callable[[Item, Item], bool]] = {
    "agreements": _match_agreement,
    "commitments": _match_commitment,
    "consultation_hours": _match_consultation,
    "military_scope": _match_scope,
    "people": _match_person,
    "events": _match_event,
    "provisions": _match_provision,
    "channels": _match_channel,
}


def matches(key: str, gold_item: Item, pred_item: Item) -> bool:
    """Whether ``pred_item`` is the fact ``gold_item`` under the rules for ``key``."""
    return MATCHERS[key](gold_item, pred_item)


# ---------------------------------------------------------------- items from gold and predictions

def unwrap(doc: Mapping[str, Any]) -> Mapping[str, Any]:
    """Gold files may nest their content under ``"gold"`` (as ``score.py`` accepts)."""
    inner = doc.get("gold")
    return inner if isinstance(inner, Mapping) else doc


def has_provision_coding(gold: Mapping[str, Any]) -> bool:
    return bool(gold.get("provisions_present") or gold.get("provisions_absent"))


def gold_items(gold: Mapping[str, Any], key: str) -> list[dict[str, Any]]:
    if key != "provisions":
        return [dict(x) for x in (gold.get(key) or [])]
    items: list[dict[str, Any]] = []
    for field_name, value in (("provisions_present", "present"), ("provisions_absent", "absent")):
        for agreement, codes in (gold.get(field_name) or {}).items():
            items += [{"agreement": agreement, "code": c, "value": value} for c in codes]
    return items


def pred_items(pred: Mapping[str, Any], key: str) -> list[dict[str, Any]]:
    items = [dict(x) for x in (pred.get(key) or []) if isinstance(x, Mapping)]
    if key == "provisions":
        for it in items:
            it["value"] = "absent" if it.get("value") == "absent" else "present"
    return items


# ---------------------------------------------------------------- scoring

def score_key(key: str, gold: Sequence[Item], pred: Sequence[Item],
              label: str = "") -> tuple[KeyScore, list[Detail]]:
    """Match one key's gold items against predictions; optional gold items are matched first."""
    match = MATCHERS[key]
    used: set[int] = set()

    def take(g: Item) -> int | None:
        for j, p in enumerate(pred):
            if j not in used and match(g, p):
                used.add(j)
                return j
        return None

    required = [g for g in gold if not g.get("optional")]
    details: list[Detail] = []
    tp = 0
    for g in required:
        if take(g) is None:
            details.append(Detail(label, key, "miss", dict(g)))
        else:
            tp += 1
    # Optional items only absorb what the required ones left: a prediction they take is
    # neither credited nor an extra, and they can never steal a required item's match.
    absorbed = sum(1 for g in gold if g.get("optional") and take(g) is not None)
    details += [Detail(label, key, "extra", dict(p)) for j, p in enumerate(pred) if j not in used]
    return KeyScore(key, tp, len(pred) - absorbed, len(required)), details


def score_document(gold: Mapping[str, Any], pred: Mapping[str, Any], label: str = "",
                   keys: Iterable[str] = KEYS) -> Report:
    """Score one prediction against one gold file's content."""
    gold = unwrap(gold)
    report = Report(documents=[label] if label else [])
    for key in keys:
        if key == "provisions" and not has_provision_coding(gold):
            continue
        ks, details = score_key(key, gold_items(gold, key), pred_items(pred, key), label)
        report.scores[key] = ks
        report.details += details
    return report


def score_corpus(pairs: Iterable[tuple[str, Mapping[str, Any], Mapping[str, Any]]],
                 keys: Iterable[str] = KEYS) -> Report:
    """Sum the counts over ``(label, gold, pred)`` triples; F1 is computed on the sums."""
    keys = tuple(keys)
    total = Report()
    for label, gold, pred in pairs:
        total = total + score_document(gold, pred, label, keys)
    return total


def quote_problems(text: str, pred: Mapping[str, Any]) -> list[str]:
    """Every item with a ``span`` must satisfy ``text[start:end] == quote``; list the failures."""
    problems: list[str] = []
    for key, items in pred.items():
        if not isinstance(items, list):
            continue
        for it in items:
            if not isinstance(it, Mapping):
                continue
            span, quote = it.get("span"), it.get("quote")
            if span is None:
                continue
            try:
                start, end = int(span[0]), int(span[1])
            except (TypeError, ValueError, IndexError, KeyError):
                problems.append(f"{key}: malformed span {span!r}")
                continue
            if text[start:end] != quote:
                problems.append(f"{key}: text[{start}:{end}] = {text[start:end]!r} != quote {quote!r}")
    return problems
