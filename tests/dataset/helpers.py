"""Small datasets written into tmp_path, and a way to break a copy of the shipped one."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

from accords.dataset import default_dir

URL = "https://example.org/source"


def copy_shipped(dest: Path) -> Path:
    out = dest / "data"
    shutil.copytree(default_dir(), out)
    return out


def edit(root: Path, file: str, change: Callable[[dict[str, Any]], None]) -> None:
    path = root / file
    doc = yaml.safe_load(path.read_text("utf-8"))
    change(doc)
    path.write_text(yaml.safe_dump(doc, sort_keys=False, allow_unicode=True), "utf-8")


def mini(root: Path, version: str, *, duration: int, hours: int = 24) -> Path:
    """A complete, valid dataset of one agreement (UKR-JPN-2024) whose duration we can vary."""
    root.mkdir(parents=True, exist_ok=True)
    head = {"name": "accords-reference", "version": version, "accessed": "2026-11-28"}
    files: dict[str, tuple[str, list[dict[str, Any]]]] = {
        "parties.yaml": ("parties", [
            {"id": "UKR", "sources": [URL], "name": "Ukraine", "iso3": "UKR", "kind": "state"},
            {"id": "JPN", "sources": [URL], "name": "Japan", "iso3": "JPN", "kind": "state"}]),
        "people.yaml": ("people", [
            {"id": "PER-a", "sources": [URL], "name": "A Person", "party": "UKR", "role": ["President of Ukraine"]}]),
        "declarations.yaml": ("declarations", [
            {"id": "G7-JDSU-2023", "sources": [URL], "name": "Joint Declaration", "date": "2023-07-12",
             "kind": "political framework", "description": "A framework.",
             "members": [{"party": "JPN", "role": "original signatory", "date": "2023-07-12"},
                         {"party": "UKR", "role": "joined", "date": "2023-07-12"}]}]),
        "channels.yaml": ("channels", []),
        "agreements.yaml": ("agreements", [
            {"id": "UKR-JPN-2024", "sources": [URL], "title": "Accord", "parties": ["JPN", "UKR"],
             "date_signed": "2024-06-13", "signatories": ["PER-a"], "duration_years": duration,
             "consultation_hours": hours, "basis": "G7-JDSU-2023", "note": "A test agreement."}]),
        "provisions.yaml": ("provisions", [
            {"id": "UKR-JPN-2024:duration", "sources": [URL], "agreement": "UKR-JPN-2024", "code": "duration",
             "value": duration, "pillar": "terms"}]),
        "commitments.yaml": ("commitments", [
            {"id": "CMT-1", "sources": [URL], "donor": "JPN", "recipient": "UKR", "amount": 4.5e9, "currency": "USD",
             "status": "pledged", "category": "unspecified", "agreement": "UKR-JPN-2024"}]),
        "events.yaml": ("events", [
            {"id": "EVT-1", "sources": [URL], "date": "2024-06-13", "what": "Signed.", "agreement": "UKR-JPN-2024"}]),
    }
    for name, (key, records) in files.items():
        (root / name).write_text(yaml.safe_dump({"dataset": head, key: records}, sort_keys=False), "utf-8")
    return root
