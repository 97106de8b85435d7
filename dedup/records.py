"""The records that flow through the pipeline, with fields in the order JSON prints them."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Document:
    """One input as read: an id, its raw text and any fields a JSON line carried along."""

    id: str
    text: str
    path: str | None = None  # where it was read from; None for standard input
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Removal:
    """One piece of text the cleaner took out of the body, and the rule that took it."""

    text: str
    rule: str
    line: int  # 1-based line number in the input

    def __init__(self, text: str, rule: str, line: int) -> None:
        # A page has a few hundred removals. The __init__ a frozen dataclass is given sets each
        # field through object.__setattr__; written into the instance's dict, as unpickling
        # does, they cost half as much. Equality, hashing and the frozen fields are the
        # dataclass's still.
        fields = self.__dict__
        fields["text"] = text
        fields["rule"] = rule
        fields["line"] = line

    def as_dict(self) -> dict[str, Any]:
        return {"text": self.text, "rule": self.rule, "line": self.line}


@dataclass(frozen=True)
class Article:
    """A cleaned article: metadata read from the text, the body, and what was removed."""

    id: str
    title: str | None
    date: str | None  # ISO 8601: a day, or a day and time where the text gives one
    source: str | None
    authors: tuple[str, ...]
    dateline: str | None
    section: str | None
    language: str | None
    text: str
    removed: tuple[Removal, ...] = ()
    extra: dict[str, Any] = field(default_factory=dict, compare=False)

    def __init__(
        self,
        id: str,
        title: str | None,
        date: str | None,
        source: str | None,
        authors: tuple[str, ...],
        dateline: str | None,
        section: str | None,
        language: str | None,
        text: str,
        removed: tuple[Removal, ...] = (),
        extra: dict[str, Any] | None = None,
    ) -> None:
        # Written into the instance's dict, as Removal's: the __init__ a frozen dataclass is
        # given sets each of the eleven fields through object.__setattr__, three times the
        # cost. None for `extra` stands for its default, a new dict.
        fields = self.__dict__
        fields["id"] = id
        fields["title"] = title
        fields["date"] = date
        fields["source"] = source
        fields["authors"] = authors
        fields["dateline"] = dateline
        fields["section"] = section
        fields["language"] = language
        fields["text"] = text
        fields["removed"] = removed
        fields["extra"] = {} if extra is None else extra

    @property
    def words(self) -> int:
        return len(self.text.split())

    def as_dict(self) -> dict[str, Any]:
        record: dict[str, Any] = {
            "id": self.id,
            "title": self.title,
            "date": self.date,
            "source": self.source,
            "authors": list(self.authors),
            "dateline": self.dateline,
            "section": self.section,
            "language": self.language,
            "text": self.text,
            "removed": [r.as_dict() for r in self.removed],
            "words": self.words,
        }
        for key, value in self.extra.items():
            record.setdefault(key, value)
        return record


@dataclass(frozen=True)
class Member:
    """One article of a cluster, with how close it is to the cluster's representative."""

    id: str
    source: str | None
    date: str | None
    similarity: float
    exact: bool = False  # an exact or whitespace/case-normalised copy of another member
    evidence: dict[str, Any] | None = None  # filled by --explain

    def as_dict(self) -> dict[str, Any]:
        record: dict[str, Any] = {
            "id": self.id,
            "source": self.source,
            "date": self.date,
            "similarity": round(self.similarity, 4),
            "exact": self.exact,
        }
        if self.evidence is not None:
            record["evidence"] = self.evidence
        return record


@dataclass(frozen=True)
class Cluster:
    """The reports of one event."""

    cluster: str  # stable id: derived from the sorted member ids
    representative: str
    title: str | None
    dates: tuple[str, str] | None
    sources: tuple[str, ...]
    members: tuple[Member, ...]

    @property
    def size(self) -> int:
        return len(self.members)

    def as_dict(self) -> dict[str, Any]:
        return {
            "cluster": self.cluster,
            "size": self.size,
            "representative": self.representative,
            "title": self.title,
            "dates": list(self.dates) if self.dates else None,
            "sources": list(self.sources),
            "members": [m.as_dict() for m in self.members],
        }
