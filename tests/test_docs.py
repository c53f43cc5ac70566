"""Documentation keeps up with the code: every command and every setting is in the README."""

from __future__ import annotations

from pathlib import Path

from accords.cli.main import build_app
from accords.settings import Settings

README = (Path(__file__).resolve().parents[1] / "README.md").read_text("utf-8")


def command_names() -> list[str]:
    import typer.main

    group = typer.main.get_command(build_app())
    return sorted(group.commands)  # type: ignore[attr-defined]


def test_every_top_level_command_is_in_the_readme() -> None:
    missing = [c for c in command_names() if f"accords {c}" not in README]
    assert missing == []


def test_every_setting_is_documented() -> None:
    missing = [name for name in Settings.model_fields if f"ACCORDS_{name.upper()}" not in README]
    assert missing == []
    undescribed = [n for n, f in Settings.model_fields.items() if not f.description]
    assert undescribed == []


def test_quick_start_is_exactly_two_commands() -> None:
    section = README.split("## Quick start", 1)[1].split("##", 1)[0]
    block = section.split("```", 2)[1]
    commands = [line.split("#")[0].strip() for line in block.splitlines()[1:] if line.strip()]
    assert commands == ["make demo", "make test"]
