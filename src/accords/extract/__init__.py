"""Extraction: documents become candidate facts, each tied to its exact passage.

Stages (one module each): load, normalize, segment, recognize/, relate/; the chain is in
:mod:`accords.extract.pipeline`.
"""


def compiled() -> bool:
    """True when the extraction core runs as mypyc-compiled C extensions (``ACCORDS_COMPILE=1``
    builds; see setup.py), False when it runs as Python source."""
    from accords.extract import pipeline

    return not (pipeline.__file__ or "").endswith(".py")
