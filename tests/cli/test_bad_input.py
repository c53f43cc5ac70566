"""Bad documents given to `accords ingest`: one line, a non-zero exit, nothing stored."""

from __future__ import annotations

import json
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from pypdf import PdfWriter

from tests.cli.test_store_cli import one_line_error


def _empty(p: Path) -> Path:
    p = p / "empty.txt"
    p.write_bytes(b"")
    return p


def _binary(p: Path) -> Path:
    p = p / "blob.bin"
    p.write_bytes(bytes(range(256)) * 64)
    return p


def _corrupt_pdf(p: Path) -> Path:
    p = p / "corrupt.pdf"
    p.write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog >>\ngarbage without end")
    return p


def _encrypted_pdf(p: Path) -> Path:
    writer = PdfWriter()
    writer.add_blank_page(200, 200)
    writer.encrypt("secret")
    out = p / "locked.pdf"
    with out.open("wb") as fh:
        writer.write(fh)
    return out


def _fake_docx(p: Path) -> Path:
    out = p / "report.docx"
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("notes.txt", "not a word document")
    return out


def _huge(p: Path) -> Path:
    out = p / "huge.txt"
    with out.open("wb") as fh:
        fh.truncate(200 * 1024 * 1024)  # sparse: 200 MB on paper, nothing on disk
    return out


BAD: dict[str, Callable[[Path], Path]] = {
    "empty": _empty, "binary": _binary, "corrupt-pdf": _corrupt_pdf, "encrypted-pdf": _encrypted_pdf,
    "renamed-zip-docx": _fake_docx, "200MB": _huge,
}


@pytest.mark.parametrize("kind", sorted(BAD))
def test_bad_document_is_refused_whole(cli, tmp_path: Path, kind: str) -> None:  # type: ignore[no-untyped-def]
    path = BAD[kind](tmp_path)
    code, out, err = cli("ingest", str(path))
    assert code == 2, (out, err)
    one_line_error(err)
    _, docs, _ = cli("list", "documents", "--format", "json")
    assert json.loads(docs) == []
    _, cands, _ = cli("list", "candidates", "--format", "json")
    assert json.loads(cands) == []


def test_one_bad_file_among_good_ones_stores_the_good_ones(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    good = tmp_path / "good.txt"
    good.write_text("Japan pledged $4.5 billion to Ukraine for 2024.", encoding="utf-8")
    code, out, err = cli("ingest", str(_empty(tmp_path)), str(good))
    assert code == 2 and "empty" in err and "stored as D-" in out
    _, docs, _ = cli("list", "documents", "--format", "json")
    assert [d["title"] for d in json.loads(docs)] != [] and len(json.loads(docs)) == 1


def test_latin1_and_hostile_html_are_read_cleanly(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    latin = tmp_path / "latin.txt"
    latin.write_bytes("Le Danemark s'engage à verser 1,8 milliard d'euros; café crème.".encode("latin-1"))
    page = tmp_path / "page.html"
    page.write_text("<html><head><script>alert('x')</script><style>p{}</style></head><body><nav>Home | News</nav>"
                    "<article><p>Japan pledged $4.5 billion to Ukraine in 2024.</p>"
                    "<script>document.write('injected')</script></article></body></html>", encoding="utf-8")
    for path in (latin, page):
        code, _, err = cli("ingest", str(path))
        assert code == 0, err
    _, docs, _ = cli("list", "documents", "--format", "json")
    ids = [d["id"] for d in json.loads(docs)]
    texts = [json.loads(cli("show", i, "--format", "json")[1]) for i in ids]
    assert len(texts) == 2
    from accords.settings import get_settings
    from accords.store import documents as store_docs
    from accords.store.db import connect, session_scope

    with session_scope(connect(get_settings())) as s:
        stored = [store_docs.get_document(s, i).text for i in ids]
    assert any("café crème" in t for t in stored)
    assert not any("alert" in t or "injected" in t or "Home | News" in t for t in stored)
