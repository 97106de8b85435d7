"""Build dedup with its cleaner compiled by mypyc where a C compiler is at hand.

The cleaner's modules (lines and rules, metadata, dates, languages) are plain,
type-checked Python; mypyc turns them into C extensions that give the same output about a
quarter faster (docs/benchmarks.md). Everything else is set in pyproject.toml.

- An editable install (`pip install -e .`, what `make test` does) stays pure Python, so that an
  edit takes effect at once and no stale extension shadows a changed module.
- DEDUP_PURE=1 keeps any install pure Python.
- A compile that fails (no C compiler, no Python headers) leaves a pure-Python install, with a
  warning: never a half-compiled package.
"""

from __future__ import annotations

import os
import sys
from typing import Any

from setuptools import setup
from setuptools.command.build_ext import build_ext

# The modules that cleaning spends its time in, and the loops of features over words and tokens
# (mentions). Modules whose classes cross process boundaries pickled (records, options,
# features, stages, template) stay interpreted: mypyc's frozen dataclasses do not unpickle.
# hashing.py, mostly calls into numpy, ran slower compiled (features 1.42-1.47 -> 1.70-1.74 ms
# an article on clean-trafilatura, bench/cpu.py).
COMPILED = [
    "dedup/boilerplate.py",
    "dedup/cleaning.py",
    "dedup/dates.py",
    "dedup/fields.py",
    "dedup/language.py",
    "dedup/mentions.py",
    "dedup/metadata.py",
]


def _warn(message: str) -> None:
    print(f"dedup setup: {message}; installing pure Python", file=sys.stderr)


def _builds_a_wheel() -> bool:
    # Not for an editable install (editable_wheel, develop), nor for the metadata (dist_info).
    return any(command in sys.argv for command in ("bdist_wheel", "build", "build_ext", "install"))


def _extensions() -> list[Any]:
    if os.environ.get("DEDUP_PURE") == "1" or not _builds_a_wheel():
        return []
    try:
        from mypyc.build import mypycify
    except ImportError:
        _warn("mypyc is not installed")
        return []
    try:
        return list(mypycify(COMPILED, opt_level="3"))
    except (Exception, SystemExit) as error:  # mypyc exits when the type check fails
        _warn(f"mypyc failed ({error})")
        return []


class BuildOrStayPure(build_ext):
    """build_ext that, when any extension fails to compile, removes those it built."""

    def run(self) -> None:
        try:
            super().run()
        except Exception as error:
            _warn(f"compiling failed ({error})")
            for path in self.get_outputs():
                if os.path.exists(path):
                    os.remove(path)


setup(ext_modules=_extensions(), cmdclass={"build_ext": BuildOrStayPure})
