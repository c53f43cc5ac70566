"""Build one regular expression from many literal names, factored as a prefix tree.

A flat alternation of a thousand names makes the regex engine try every branch at every
position; the factored form branches on the next character only, so one scan costs about the
same whatever the size of the gazetteer.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any


def trie_pattern(words: Iterable[str]) -> str:
    trie: dict[str, Any] = {}
    for word in words:
        if not word:
            continue
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _emit(trie)


def _emit(node: dict[str, Any]) -> str:
    ends = "" in node
    branches = [re.escape(ch) + _emit(child) for ch, child in sorted(node.items()) if ch]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if ends:
        # longest match first: the optional continuation is greedy
        return "(?:" + body + ")?"
    return body
