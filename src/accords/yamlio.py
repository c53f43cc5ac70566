"""YAML in, through libyaml's C parser where PyYAML was built with it.

Why: the gazetteers and the codebook are parsed once per process, and with the pure-Python safe
loader that parse was a fifth of the time of a one-document ``accords extract``. The C loader
builds the same plain data; the Python one is the fallback on a PyYAML without libyaml.
"""

from __future__ import annotations

from typing import Any

import yaml

_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def safe_load(text: str | bytes) -> Any:
    """``yaml.safe_load(text)``, with the C loader when there is one."""
    return yaml.load(text, Loader=_LOADER)
