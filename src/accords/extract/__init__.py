"""Extraction: documents become candidate facts, each tied to its exact passage.

Stages (one module each): load, normalize, segment, recognize/, relate/; the chain is in
:mod:`accords.extract.pipeline`.
"""
