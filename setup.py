"""Optional compiled build of the extraction core.

Everything else about the package is in pyproject.toml. With ``ACCORDS_COMPILE=1`` in the
environment, the modules of ``accords.extract`` are compiled to C extensions with mypyc (the
compiler mypy and black ship with). Why: extraction is many small regex calls glued by Python
code, and the glue is most of the time; compiled, the same source runs about a quarter faster
with identical output. Without the variable (editable installs, development) nothing is compiled,
so an edited ``.py`` file is always the code that runs.
"""

from __future__ import annotations

import os
from pathlib import Path

from setuptools import setup

ROOT = Path(__file__).resolve().parent
EXTRACT = ROOT / "src" / "accords" / "extract"
# semantic.py imports optional heavy libraries at call time, evaluate.py and __init__.py are not
# on the hot path: they stay Python.
INTERPRETED = {"__init__.py", "semantic.py", "evaluate.py"}


def compiled_modules() -> list[str]:
    paths = sorted(p for p in EXTRACT.rglob("*.py") if p.name not in INTERPRETED)
    return [str(p.relative_to(ROOT)) for p in paths]


def ext_modules() -> list:
    if os.environ.get("ACCORDS_COMPILE", "").lower() not in {"1", "true", "yes"}:
        return []
    from mypyc.build import mypycify

    return mypycify(["--config-file", "mypyc.ini", *compiled_modules()], opt_level="3")


setup(ext_modules=ext_modules())
