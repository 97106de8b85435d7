"""Shared fixtures: the seeds folder, the benchmark kits' location, and small article folders."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
BENCH = Path(os.environ.get("DEDUP_BENCH", ROOT.parent / "shared" / "bench"))


@pytest.fixture
def seeds() -> Path:
    return SEEDS


def bench_kit(name: str) -> Path:
    """Return a benchmark kit's folder, skipping the test where the kits are not beside the repo."""
    path = BENCH / name
    if not path.is_dir():
        pytest.skip(f"benchmark kit {path} is not available")
    return path
