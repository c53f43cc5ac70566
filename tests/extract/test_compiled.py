"""`make test` runs the extraction tests twice: on the Python source (the editable dev install)
and on the build compiled with mypyc (`.venv-compiled`, ACCORDS_EXPECT_COMPILED=1). This checks
that each pass really runs the build it claims to, so a stale or half-built extension cannot pass
as compiled, and a stray in-place extension cannot shadow the source being edited."""

from __future__ import annotations

import importlib
import os
import pkgutil

from accords import extract

INTERPRETED = {"accords.extract.semantic", "accords.extract.evaluate"}  # (as setup.py keeps them)


def _core_modules() -> list[str]:
    return [m.name for m in pkgutil.walk_packages(extract.__path__, "accords.extract.")
            if not m.ispkg and m.name not in INTERPRETED]


def test_the_core_runs_the_build_this_pass_claims() -> None:
    expect = os.environ.get("ACCORDS_EXPECT_COMPILED") == "1"
    names = _core_modules()
    assert len(names) >= 20
    files = {name: importlib.import_module(name).__file__ or "" for name in names}
    wrong = sorted(n for n, f in files.items() if f.endswith(".py") == expect)
    assert not wrong, f"{'not compiled' if expect else 'compiled, not source'}: {wrong}"
    assert extract.compiled() is expect
