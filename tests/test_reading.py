"""Reading: discovery of files, ids, decoding, and standard input."""

from __future__ import annotations

import codecs
import io
import os
import threading
from pathlib import Path

import pytest

from dedup.errors import InputError, NothingToProcess, SkippedInput
from dedup.reading import Source, decode, discover, read_source, read_stream, require_inputs


def write(path: Path, text: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def test_folder_ids_are_relative_and_sorted(tmp_path: Path) -> None:
    write(tmp_path / "b.txt", "b")
    write(tmp_path / "a" / "z.txt", "z")
    write(tmp_path / "notes.md", "skipped by the glob")
    write(tmp_path / ".hidden.txt", "hidden")
    write(tmp_path / ".git" / "x.txt", "hidden folder")
    ids = [s.id for s in discover([str(tmp_path)])]
    assert ids == ["a/z.txt", "b.txt"]


def test_glob_selects_names(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", "a")
    write(tmp_path / "b.md", "b")
    assert [s.id for s in discover([str(tmp_path)], "*.md")] == ["b.md"]


def test_file_given_directly_keeps_its_path(tmp_path: Path) -> None:
    path = write(tmp_path / "one.md", "text")
    assert discover([str(path)]) == [Source(str(path), str(path))]


def test_clashing_ids_get_the_given_path_in_front(tmp_path: Path) -> None:
    write(tmp_path / "x" / "same.txt", "1")
    write(tmp_path / "y" / "same.txt", "2")
    ids = [s.id for s in discover([str(tmp_path / "x"), str(tmp_path / "y")])]
    assert ids == [str(tmp_path / "x" / "same.txt"), str(tmp_path / "y" / "same.txt")]


def test_the_same_file_twice_is_read_once(tmp_path: Path) -> None:
    path = write(tmp_path / "a.txt", "a")
    assert len(discover([str(tmp_path), str(path)])) == 1


def test_symlink_loop_is_skipped(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", "a")
    os.symlink(tmp_path, tmp_path / "loop")
    assert [s.id for s in discover([str(tmp_path)])] == ["a.txt"]


def test_broken_link_is_listed_with_its_problem(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", "a")
    os.symlink(tmp_path / "gone.txt", tmp_path / "b.txt")
    os.symlink(tmp_path / "gone.md", tmp_path / "c.md")  # not matching the glob: not listed
    sources = discover([str(tmp_path)])
    assert [(s.id, s.problem) for s in sources] == [
        ("a.txt", None),
        ("b.txt", f"broken symbolic link (to {tmp_path / 'gone.txt'})"),
    ]
    with pytest.raises(SkippedInput, match="broken symbolic link") as caught:
        read_source(sources[1])
    assert caught.value.source == str(tmp_path / "b.txt")


def test_folder_that_cannot_be_listed_is_reported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(tmp_path / "a.txt", "a")
    write(tmp_path / "locked" / "b.txt", "b")
    scandir = os.scandir

    def refusing(path: str) -> object:
        if os.path.basename(path) == "locked":
            raise PermissionError(13, "Permission denied", path)
        return scandir(path)

    monkeypatch.setattr(os, "scandir", refusing)
    sources = discover([str(tmp_path)])
    assert [(s.id, s.problem) for s in sources] == [
        ("a.txt", None),
        ("locked", "folder cannot be listed (Permission denied)"),
    ]
    with pytest.raises(SkippedInput, match="folder cannot be listed"):
        read_source(sources[1])


def test_missing_path_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file or folder"):
        discover([str(tmp_path / "nope")])


def test_empty_folder_is_nothing_to_process(tmp_path: Path) -> None:
    with pytest.raises(NothingToProcess, match=r"no files matching '\*\.txt'"):
        require_inputs([str(tmp_path)], [])


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (b"plain", "plain"),
        ("caf\u00e9".encode(), "caf\u00e9"),
        (codecs.BOM_UTF8 + b"bom", "bom"),
        # A BOM read as cp1252 and saved again as UTF-8 is no text either.
        ("\u00ef\u00bb\u00bfbom".encode(), "bom"),
        (codecs.BOM_UTF16_LE + "wide".encode("utf-16-le"), "wide"),
        (codecs.BOM_UTF16_BE + "wide".encode("utf-16-be"), "wide"),
        ("caf\u00e9 \u2013 ok".encode("cp1252"), "caf\u00e9 \u2013 ok"),
    ],
)
def test_decode(raw: bytes, expected: str) -> None:
    assert decode(raw, "f") == expected


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        (b"", "empty file"),
        (b"  \n\t\n", "empty file"),
        (b"\x89PNG\x00\x00\x01", "binary file"),
        (bytes(range(1, 9)) * 20, "binary file"),
        (b"\x81\x8d\x8f\x90\x9d", "not decodable"),
    ],
)
def test_unreadable_inputs_name_the_reason(raw: bytes, reason: str) -> None:
    with pytest.raises(SkippedInput, match=reason):
        decode(raw, "f")


@pytest.mark.parametrize(
    "filler", ["plain text ", "caf\u00e9 na\u00efve ", "\u65b0\u95fb\u62a5\u9053 ", "\u00df"]
)
@pytest.mark.parametrize(("size", "controls"), [(2000, 0), (2000, 20), (2000, 21), (70000, 700)])
def test_control_characters_are_counted_as_characters(
    filler: str, size: int, controls: int
) -> None:
    # A file is binary when more than 1% of its first 65,536 characters are control characters:
    # counted in characters where the text has several bytes a character, none past the 65,536th.
    text = filler * (size // len(filler))
    cut = min(len(text), 65536)
    noise = "".join(chr(1 + i % 8) for i in range(controls))
    for place in (0, cut // 2, cut - len(noise), cut + 10):
        sample = text[:place] + noise + text[place:]
        counted = sum(char < " " for char in sample[:65536])
        if counted > 0.01 * min(len(sample), 65536):
            with pytest.raises(SkippedInput, match="binary file"):
                decode(sample.encode("utf-8"), "f")
        else:
            assert decode(sample.encode("utf-8"), "f") == sample


def test_a_bom_read_as_cp1252_is_no_text() -> None:
    misread = "\u00ef\u00bb\u00bf"
    assert decode(f"{misread}Hello \u00e9t\u00e9".encode(), "f") == "Hello \u00e9t\u00e9"
    with pytest.raises(SkippedInput, match="empty file"):
        decode(f"{misread} \n".encode(), "f")
    with pytest.raises(SkippedInput, match="binary file"):
        decode(f"{misread}{chr(1) * 5}text".encode(), "f")


def test_too_large_file_is_skipped(tmp_path: Path) -> None:
    path = write(tmp_path / "big.txt", "x" * 100)
    with pytest.raises(SkippedInput, match="larger than --max-bytes"):
        read_source(Source("big.txt", str(path)), max_bytes=10)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes")
@pytest.mark.parametrize(
    ("text", "max_bytes"), [("a pipe's text " * 1000, 1 << 20), ("x" * 100, 10)]
)
def test_a_named_pipe_is_read_past_its_size(tmp_path: Path, text: str, max_bytes: int) -> None:
    # A pipe's size reads 0: what it holds is read on to the end, or to max_bytes.
    path = tmp_path / "pipe.txt"
    os.mkfifo(path)
    writer = threading.Thread(target=path.write_text, args=(text,))
    writer.start()
    try:
        if len(text) > max_bytes:
            with pytest.raises(SkippedInput, match="larger than --max-bytes"):
                read_source(Source("pipe.txt", str(path)), max_bytes=max_bytes)
        else:
            assert read_source(Source("pipe.txt", str(path)), max_bytes=max_bytes).text == text
    finally:
        writer.join()


def test_unreadable_file_is_skipped(tmp_path: Path) -> None:
    path = write(tmp_path / "locked.txt", "secret")
    path.chmod(0)
    try:
        if os.access(path, os.R_OK):
            pytest.skip("running as a user who can read anything")
        with pytest.raises(SkippedInput, match="permission denied"):
            read_source(Source("locked.txt", str(path)))
    finally:
        path.chmod(0o644)


def test_stdin_plain_text_is_one_article() -> None:
    docs = list(read_stream(io.StringIO("\n  Some text.\n"), lambda e: None))
    assert [(d.id, d.text) for d in docs] == [("-", "\n  Some text.\n")]


def test_stdin_json_lines_keep_extra_fields_and_report_bad_lines() -> None:
    skipped: list[SkippedInput] = []
    stream = io.StringIO(
        '{"id": "a", "text": "one", "url": "u"}\n'
        "{not json\n"
        '{"id": "b"}\n'
        '{"id": "a", "text": "again"}\n'
        "\n"
        '{"id": "c", "text": "three"}\n'
    )
    docs = list(read_stream(stream, skipped.append))
    assert [(d.id, d.text, d.extra) for d in docs] == [
        ("a", "one", {"url": "u"}),
        ("c", "three", {}),
    ]
    assert [str(e) for e in skipped] == [
        "<stdin> line 2: not valid JSON (Expecting property name enclosed in double quotes at column 2)",
        "<stdin> line 3: no string field 'text'",
        "<stdin> line 4: duplicate id 'a'",
    ]


def test_empty_stdin_yields_nothing() -> None:
    assert list(read_stream(io.StringIO("  \n"), lambda e: None)) == []
