"""Options of each command, with every default in one place, and the config file that sets them."""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field, fields, replace
from typing import Any, Literal

from dedup.errors import ConfigError
from dedup.reading import DEFAULT_GLOB, DEFAULT_MAX_BYTES

Keep = Literal["longest", "earliest", "first"]

CONFIG_NAMES = ("dedup.toml", ".dedup.toml")


@dataclass(frozen=True)
class ReadOptions:
    """How inputs are found and read."""

    glob: str = DEFAULT_GLOB
    max_bytes: int = DEFAULT_MAX_BYTES
    # Processes that read, clean and compare (flag --workers, key workers of [read]); the output
    # is the same whatever their number.
    workers: int = field(default_factory=lambda: os.cpu_count() or 1)


@dataclass(frozen=True)
class CleanOptions:
    """How boilerplate is recognised."""

    language: str | None = None  # ISO 639-1; None: detected per article
    extra_patterns: tuple[str, ...] = ()  # regular expressions: a matching line is boilerplate
    # A line is page template when it stands in at least this many files of one folder...
    # (flag --repeat-min-files, key repeat_min_files of the [clean] table of dedup.toml)
    repeat_min_files: int = 3
    # ...and in at least this share of them (--repeat-share, key repeat_share).
    repeat_share: float = 0.2
    day_first: bool | None = None  # numeric dates such as 03/05/2021; None: by the form
    explain: bool = False  # add each input line's verdict (kept, or the rule that removed it)


@dataclass(frozen=True)
class ClusterOptions:
    """How reports of one event are grouped."""

    # The mean similarity two groups of reports of one event reach, from 0 to 1; chosen by
    # leave-topics-out cross-validation on ECB+ (bench/events.py, docs/benchmarks.md).
    threshold: float = 0.2
    # Reports of one event are published within this many days of each other. Follow-ups of
    # one event (the arrest, the trial, the sentence) come months or years after it: ECB+
    # counts a 2010 shooting and its 2012 trial as one event, and five of its 66 events span
    # more than a year. A yearly event (an annual meeting, an anniversary) is told apart by its
    # ordinal or its year, not by this limit. B-cubed F1 on ECB+ (cleaned, threshold 0.2):
    # 365 days 0.930, 730 days 0.935, 1095 days or no limit 0.938; leave-topics-out CV mean
    # 0.912 -> 0.919 (bench/events.py).
    max_days: int = 1095
    keep: Keep = "longest"
    min_size: int = 1
    explain: bool = False


@dataclass(frozen=True)
class Options:
    """Everything a run needs, as one object."""

    read: ReadOptions = field(default_factory=ReadOptions)
    clean: CleanOptions = field(default_factory=CleanOptions)
    cluster: ClusterOptions = field(default_factory=ClusterOptions)


def find_config(start: str = ".") -> str | None:
    """Return the path of the config file in `start`, or None where there is none."""
    for name in CONFIG_NAMES:
        path = os.path.join(start, name)
        if os.path.isfile(path):
            return path
    return None


def load_config(path: str) -> Options:
    """Return the options a TOML config file sets, on top of the defaults.

    Tables [read], [clean] and [cluster] take the fields of the options class of the same name.
    """
    try:
        with open(path, "rb") as handle:
            document = tomllib.load(handle)
    except OSError as error:
        raise ConfigError(f"{path}: cannot be read ({error.strerror})") from None
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{path}: not valid TOML ({error})") from None
    options = Options()
    sections: dict[str, Any] = {
        "read": options.read,
        "clean": options.clean,
        "cluster": options.cluster,
    }
    unknown = set(document) - set(sections)
    if unknown:
        raise ConfigError(f"{path}: unknown table [{sorted(unknown)[0]}]")
    for name, table in document.items():
        if not isinstance(table, dict):
            raise ConfigError(f"{path}: [{name}] must be a table")
        sections[name] = _updated(sections[name], table, f"{path} [{name}]")
    return Options(read=sections["read"], clean=sections["clean"], cluster=sections["cluster"])


def _updated(current: Any, table: dict[str, Any], where: str) -> Any:
    known = {f.name: f for f in fields(current)}
    changes: dict[str, Any] = {}
    for key, value in table.items():
        if key not in known:
            raise ConfigError(f"{where}: unknown option {key!r}")
        default = getattr(current, key)
        if isinstance(default, tuple):
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise ConfigError(f"{where}: {key} must be a list of strings")
            value = tuple(value)
        elif isinstance(default, bool) and not isinstance(value, bool):
            raise ConfigError(f"{where}: {key} must be true or false")
        elif isinstance(default, float) and isinstance(value, int):
            value = float(value)
        elif default is not None and not isinstance(value, type(default)):
            raise ConfigError(f"{where}: {key} must be a {type(default).__name__}")
        changes[key] = value
    return replace(current, **changes)
