"""Every command has help and a section in the README."""

from __future__ import annotations

from pathlib import Path

import pytest

from dedup.cli import main

README = (Path(__file__).resolve().parent.parent / "README.md").read_text()


@pytest.mark.parametrize("name", sorted(main.commands))
def test_command_is_documented(name: str) -> None:
    command = main.commands[name]
    assert command.help, f"dedup {name} has no help text"
    assert f"### `dedup {name}" in README, f"README has no section for dedup {name}"


def test_quick_start_is_two_commands() -> None:
    assert "make run" in README and "make test" in README
