"""The errors dedup raises, and the exit statuses the command line turns them into."""

from __future__ import annotations

from enum import IntEnum


class ExitStatus(IntEnum):
    """What a `dedup` run ended with; the README lists the same table."""

    SUCCESS = 0
    SOME_SKIPPED = 1  # some inputs were skipped with a warning, the rest were processed
    USAGE = 2  # bad flags, a path that does not exist, or nothing to process
    FAILED = 3  # the run could not finish: no room for its work folder
    INTERRUPTED = 130  # Ctrl-C
    TERMINATED = 143  # SIGTERM (kill, timeout, a service manager): stopped, work folder removed


class DedupError(Exception):
    """Base class of every error dedup raises on purpose."""


class InputError(DedupError):
    """A path given on the command line cannot be used at all."""


class NothingToProcess(InputError):
    """The inputs named no article that could be read."""


class SkippedInput(DedupError):
    """One input cannot be read as an article; the run goes on without it."""

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


class OutputError(DedupError):
    """An output file or folder cannot be written as asked."""


class ConfigError(DedupError):
    """A configuration file or option value is not valid."""


class GoldError(DedupError):
    """A gold labels file cannot be read."""


class WorkFolderError(DedupError):
    """A large run cannot write its temporary work folder (no room, or not writable)."""


class Terminated(BaseException):
    """The process was asked to stop (SIGTERM): raised so that temporary files are removed."""
