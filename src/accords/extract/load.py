"""Stage ``load``: raw bytes become the text every span indexes, plus metadata.

The type is decided by content (magic bytes, markup), the file name only breaks ties between
plain text and Markdown. Anything we cannot read cleanly is an ``UnsupportedFormatError`` or an
``InputError`` with a hint; no parser exception escapes this module.
"""

from __future__ import annotations

import hashlib
import io
import os
import re
import threading
import zipfile
from datetime import date
from pathlib import Path
from typing import Any, Final

from accords.errors import InputError, UnsupportedFormatError
from accords.extract.rx import rx
from accords.extract.types import Loaded

PLAIN: Final = "text/plain"
MARKDOWN: Final = "text/markdown"
HTML: Final = "text/html"
PDF: Final = "application/pdf"
DOCX: Final = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"

DEFAULT_LIMIT: Final = 50_000_000
_HTML_HEAD: Final = re.compile(rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b",
                               re.I | re.S)
_MD_HINT: Final = rx(r"^(?:#{1,6} \S|[-*] \S|\d+\. \S)", re.M)
_BLANK: Final = rx(r"\n[ \t\r\f\v\u00a0]*\n\s*")
_CONTROL: Final = rx(r"[\x00-\x08\x0b\x0e-\x1f]")
_CONTROL_BYTES: Final = bytes([*range(0x00, 0x09), 0x0B, *range(0x0E, 0x20)])  # the same characters
_WS: Final = rx(r"[ \t\r\f\v\u00a0]+")


def check_size(size: int, limit: int) -> None:
    if size > limit:
        raise InputError(f"document is {size:,} bytes, over the limit of {limit:,}",
                         "split it, or raise ACCORDS_MAX_DOCUMENT_BYTES")


def read_path(path: Path, limit: int = DEFAULT_LIMIT) -> bytes:
    """Read a file, refusing an oversized one from its size alone (without reading it)."""
    try:
        if path.is_dir():
            raise InputError(f"{path} is a folder, not a document", "give one or more document files")
        check_size(path.stat().st_size, limit)
        with path.open("rb") as fh:
            data = fh.read(limit + 1)
    except FileNotFoundError:
        raise InputError(f"no such file: {path}", "check the path") from None
    except PermissionError:
        raise InputError(f"cannot read {path}: permission denied", "check the file's permissions") from None
    check_size(len(data), limit)
    return data


def sniff(data: bytes, filename: str | None = None) -> str:
    """The media type of ``data``, by content first."""
    head = data[:1024].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith(b"%PDF"):
        return PDF
    if head.startswith(b"PK\x03\x04"):
        return DOCX  # verified (or refused) when opened: a ZIP must hold word/document.xml
    if _HTML_HEAD.match(data[:4096]):
        return HTML
    ext = os.path.splitext(filename)[1].lower() if filename else ""  # (a Path costs more than the rest)
    if ext in {".html", ".htm", ".xhtml"} and b"<" in head:
        return HTML
    if ext in {".md", ".markdown"}:
        return MARKDOWN
    return PLAIN


def load_bytes(data: bytes, filename: str | None = None, limit: int = DEFAULT_LIMIT) -> Loaded:
    """Turn raw bytes into a :class:`Loaded` document."""
    check_size(len(data), limit)
    if not data or data.isspace():  # (what "not data.strip()" tells, without copying the document)
        raise InputError("document is empty", "give a file with some text in it")
    sha = hashlib.sha256(data).hexdigest()
    kind = sniff(data, filename)
    if kind == PDF:
        loaded = _load_pdf(data, sha)
    elif kind == DOCX:
        loaded = _load_docx(data, sha)
    else:
        text = decode_text(data)
        # (the leading "#" first: _MD_HINT, anchored at every line start, is tried at every position)
        if kind == PLAIN and text.lstrip().startswith("#") and _MD_HINT.search(text[:5000]):
            kind = MARKDOWN
        loaded = _load_html(text, sha) if kind == HTML else _load_text(text, sha, kind)
    if not loaded.text or loaded.text.isspace():  # (not .strip(): a copy of the whole text)
        raise InputError("no text found in the document",
                         "a scanned PDF needs OCR first; an HTML page may hold its text in scripts")
    return loaded


# Short Western European texts score the same under several 8-bit code pages; the analysts'
# material is overwhelmingly Western European, so ties go to Windows-1252 / Latin-1.
_PREFERRED_8BIT: Final = ("cp1252", "latin_1", "iso8859_15", "iso8859_1")


def _guess_encoding(matches: Any) -> str:
    ranked = sorted(matches, key=lambda m: (round(m.chaos, 3), -round(m.coherence, 3)))
    if not ranked:
        return "cp1252"
    top = (round(ranked[0].chaos, 3), round(ranked[0].coherence, 3))
    for m in ranked:
        if (round(m.chaos, 3), round(m.coherence, 3)) != top:
            break
        if m.encoding in _PREFERRED_8BIT:
            return str(m.encoding)
    return str(ranked[0].encoding)


_BOM: Final = b"\xef\xbb\xbf"


def decode_utf8_sig(data: bytes) -> str:
    """``data.decode("utf-8-sig")``: the BOM dropped, the rest decoded as UTF-8. (That codec is a
    Python function behind a registry lookup; the UTF-8 decoder is called straight: a third of
    the cost of decoding a page.)"""
    return data[3:].decode("utf-8") if data.startswith(_BOM) else data.decode("utf-8")


def decode_text(data: bytes) -> str:
    """Decode text bytes; refuse binary data."""
    if data.find(b"\x00", 0, 8192) >= 0 and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise UnsupportedFormatError("the input looks binary, not text",
                                     "give a .txt, .md, .html, .pdf or .docx document")
    try:
        text = decode_utf8_sig(data)
    except UnicodeDecodeError:
        from charset_normalizer import from_bytes

        encoding = _guess_encoding(from_bytes(data[:200_000]))
        try:
            text = data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            text = data.decode("latin-1")
    head = text[:8192]
    if head.isascii():  # (deleting bytes through a table is ten times faster than the regex scan)
        ascii_head = head.encode("ascii")
        controls = len(ascii_head) - len(ascii_head.translate(None, _CONTROL_BYTES))
    else:
        controls = len(_CONTROL.findall(head))
    if controls > 0.05 * min(len(text), 8192):
        raise UnsupportedFormatError("the input looks binary, not text",
                                     "give a .txt, .md, .html, .pdf or .docx document")
    return text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text


def _load_text(text: str, sha: str, kind: str) -> Loaded:
    title = None
    for line in text.split("\n", 40)[:40]:
        line = line.strip().lstrip("#").strip()
        if line:
            if len(line) < 200 and not line.endswith((".", ":", ";", ",")):
                title = line
            break
    return Loaded(text=text, sha256=sha, media_type=kind, title=title)


# --- HTML -------------------------------------------------------------------------------------

# (and page chrome marked by its ARIA landmark or dialog role: a cookie banner in <div role="dialog">,
# a site header in <div role="banner">)
_DROP: Final = ("script, style, nav, header, footer, aside, form, noscript, iframe, svg, template, button, select, "
         + ", ".join(f'[role~="{r}" i]' for r in ("dialog", "alertdialog", "banner", "navigation", "complementary",
                                                         "contentinfo", "search")))
_BLOCKS: Final = "h1, h2, h3, h4, h5, h6, p, li, blockquote, pre, td, th, dt, dd, figcaption, caption, div, section"
_DATE_META: Final = ("article:published_time", "og:published_time", "date", "dc.date", "dcterms.date",
                     "pubdate", "publish-date", "publication_date", "citation_publication_date")


def _load_html(html: str, sha: str) -> Loaded:
    from selectolax.lexbor import LexborHTMLParser

    tree = LexborHTMLParser(html.replace(_ROW_BREAK, ""))
    title = None
    authors: list[str] = []
    published: date | None = None
    for meta in tree.css("meta"):
        attrs = meta.attributes
        key = (attrs.get("property") or attrs.get("name") or "").strip().lower()
        value = (attrs.get("content") or "").strip()
        if not value:
            continue
        if key in {"og:title", "twitter:title", "dc.title"} and not title:
            title = value
        elif key in {"author", "article:author", "dc.creator", "citation_author"}:
            authors.extend(a.strip() for a in re.split(r"\s*(?:,|;| and )\s*", value) if a.strip())
        elif key in _DATE_META and published is None:
            published = iso_date(value)
    if published is None:
        node = tree.css_first("time[datetime]")
        if node is not None:
            published = iso_date(node.attributes.get("datetime") or "")
    if not title:
        node = tree.css_first("title")
        title = _squash(node.text()) if node is not None else None
    for node in tree.css(_DROP):
        node.decompose()
    root = tree.css_first("main") or tree.css_first("article") or tree.body or tree.root
    parts: list[str] = []
    if root is not None:
        # Mark block boundaries with blank lines, then read the text once: linear in the page
        # size, whatever the nesting (checking each block for block descendants is quadratic).
        for node in root.css(_BLOCKS + ", br, tr"):
            node.insert_before("\n\n")
            node.insert_after("\n\n")
        # A table becomes one block, a line per row with its cells joined by " | " (as DOCX tables
        # are), so that a row keeps together what the header says about one partner. Inner tables
        # come first (reversed document order), so an outer cell reads an inner table as text.
        # A table used for layout (fewer than two rows of cells, or a cell holding an article)
        # keeps its cells as paragraphs.
        for table in reversed(root.css("table")):
            rows = _table_rows(table)
            if sum(" | " in r for r in rows) < 2 or max(map(len, rows)) > _LAYOUT_ROW:
                continue
            caption = table.css_first("caption")
            lead = _squash(caption.text(deep=True, separator="")) if caption is not None else ""
            table.replace_with(f"\n\n{lead}\n\n{_ROW_BREAK.join(rows)}\n\n")
        raw = root.text(deep=True, separator="")
        parts = [t.replace(_ROW_BREAK, "\n") for t in (_squash(chunk) for chunk in _BLANK.split(raw)) if t]
    return Loaded(text="\n\n".join(parts), sha256=sha, media_type=HTML, title=title or None,
                  authors=_dedupe(authors), published=published,
                  published_source="text" if published else "none")


# Rows are joined with a private-use character that survives squashing, then become newlines
# (the same character in a page, an icon-font glyph at most, is dropped first).
_ROW_BREAK: Final = "\ue000"
_SPAN_LIMIT: Final = 50  # a colspan/rowspan beyond this is a markup error, not a layout
_LAYOUT_ROW: Final = 2000  # characters: a row this long holds running text, not facts


def _table_rows(table: Any) -> list[str]:
    """The rows of a table as lines, header rows first and footer rows last. A cell spanning
    several columns is followed by empty cells and one spanning several rows is repeated in
    them, so every cell stays under its header; a row that is a single cell is its text alone."""
    head: list[str] = []
    body: list[str] = []
    foot: list[str] = []
    carried: dict[int, tuple[int, str]] = {}  # column -> (rows still to fill, text) of a rowspan
    for tr in table.css("tr"):
        cells: list[str] = []
        col = 0
        for cell in tr.iter():
            if cell.tag not in ("td", "th"):
                continue
            while col in carried:
                cells.append(_carry(carried, col))
                col += 1
            text = _squash(cell.text(deep=True, separator="").replace(_ROW_BREAK, " ")).replace("|", "/")
            cols, rows = _span(cell, "colspan"), _span(cell, "rowspan")
            for i in range(cols):
                cells.append(text if i == 0 else "")
                if rows > 1:
                    carried[col] = (rows - 1, text if i == 0 else "")
                col += 1
        while any(c >= col for c in carried):
            cells.append(_carry(carried, col) if col in carried else "")
            col += 1
        while cells and not cells[-1]:
            cells.pop()
        if not cells:
            continue
        line = " | ".join(cells)
        if not cells[0]:  # a leading empty cell (a corner) would be lost to stripping: write the edges
            line = f"| {line} |"
        section = tr.parent.tag if tr.parent is not None else ""
        (head if section == "thead" else foot if section == "tfoot" else body).append(line)
    return head + body + foot


def _carry(carried: dict[int, tuple[int, str]], col: int) -> str:
    left, text = carried[col]
    if left > 1:
        carried[col] = (left - 1, text)
    else:
        del carried[col]
    return text


def _span(cell: Any, name: str) -> int:
    value = (cell.attributes.get(name) or "1").strip()
    return min(int(value), _SPAN_LIMIT) if value.isdigit() and int(value) > 0 else 1


# The characters str.split() and str.strip() take for whitespace besides newlines and _WS's.
_ODD_SPACE: Final = re.compile("[\x1c-\x1f\x85\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]")


def _squash(text: str) -> str:
    """Runs of spaces, tabs, no-break spaces and newlines become one space; the ends are stripped."""
    if not _has_odd_space(text):
        # Then split() splits on exactly those characters: the same result, without the
        # substitution's match object and piece per gap between two words.
        return " ".join(text.split())
    return _squash_plain(text)


def _has_odd_space(text: str) -> bool:
    if text.isascii():  # (only the four separators can be odd: four memchr scans cost less than a regex's)
        return "\x1c" in text or "\x1d" in text or "\x1e" in text or "\x1f" in text
    return _ODD_SPACE.search(text) is not None


def _squash_plain(text: str) -> str:
    return _WS.sub(" ", text.replace("\n", " ")).strip()


def _dedupe(items: list[str]) -> list[str]:
    return list(dict.fromkeys(items))


def iso_date(value: str) -> date | None:
    """A date from an ISO-like metadata value; None when it is malformed or impossible."""
    m = re.match(r"\s*D?:?(\d{4})-?(\d{2})-?(\d{2})", value)
    if not m:
        return None
    try:
        return date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None


# --- PDF --------------------------------------------------------------------------------------

def _load_pdf(data: bytes, sha: str) -> Loaded:
    # PDFium (pypdfium2, in C) reads a page's text about three times faster than pypdf, with the
    # same words in the same order; lines come as PDFium lays them out (a table row on one line).
    with _PDFIUM:  # PDFium is not thread-safe: one document at a time in this process
        texts, info = _pdf_texts(data)
    parts: list[str] = []
    pages: list[tuple[int, int, int]] = []
    pos = 0
    for number, raw in enumerate(texts, start=1):
        text = raw.replace("\r\n", "\n").replace("\r", "\n").strip("\n")
        if parts:
            pos += 2  # the "\n\n" that joins pages
        pages.append((pos, pos + len(text), number))
        parts.append(text)
        pos += len(text)
    title = _meta_str(info.get("Title"))
    author = _meta_str(info.get("Author"))
    authors = [a.strip() for a in re.split(r"\s*(?:,|;| and )\s*", author) if a.strip()] if author else None
    # CreationDate is when the file was written, often long after the text: not a
    # publication date, so it never becomes the reference for relative dates.
    loaded = Loaded(text="\n\n".join(parts), sha256=sha, media_type=PDF, pages=pages,
                    title=title, authors=authors or [])
    if not loaded.title:
        loaded.title = _load_text(loaded.text, sha, PLAIN).title
    return loaded


_PDFIUM: Final = threading.Lock()


def _pdf_texts(data: bytes) -> tuple[list[str], dict[str, Any]]:
    """The text of every page, and the metadata, of a PDF (PDFium)."""
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:  # an empty user password is tried by PDFium itself
        if getattr(exc, "err_code", None) == pdfium.raw.FPDF_ERR_PASSWORD:
            raise UnsupportedFormatError("the PDF is encrypted", "save an unencrypted copy and load that") from None
        raise UnsupportedFormatError(f"cannot read the PDF ({type(exc).__name__})",
                                     "the file is corrupt or not a PDF; re-export it") from None
    try:
        texts = []
        for index in range(len(pdf)):
            page = pdf[index]
            textpage = page.get_textpage()
            texts.append(textpage.get_text_bounded())
            textpage.close()
            page.close()
        # (only the two keys read: each costs two PDFium calls and a buffer)
        info: dict[str, Any] = {key: pdf.get_metadata_value(key) for key in ("Title", "Author")}
    except Exception as exc:
        raise UnsupportedFormatError(f"cannot read the PDF ({type(exc).__name__})",
                                     "the file is corrupt or not a PDF; re-export it") from None
    finally:
        pdf.close()
    return texts, info


def _meta_str(value: object) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None


# --- DOCX -------------------------------------------------------------------------------------

# Package parts found through the package relationships, as Word and python-docx find them.
_RELS: Final = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
_TYPES: Final = "{http://schemas.openxmlformats.org/package/2006/content-types}"
_OFFICE_DOCUMENT: Final = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
_CORE_PROPERTIES: Final = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"
_WORD_MAIN: Final = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
_DC: Final = "{http://purl.org/dc/elements/1.1/}"


def _xml(data: bytes) -> Any:
    """Parse XML as python-docx does (blank text dropped, no entities resolved), into plain lxml
    elements: python-docx's element classes cost a Python object and property calls per node."""
    from lxml import etree

    return etree.fromstring(data, etree.XMLParser(remove_blank_text=True, resolve_entities=False))


def _load_docx(data: bytes, sha: str) -> Loaded:
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        names = set(zf.namelist())
    except (zipfile.BadZipFile, OSError, ValueError):
        raise UnsupportedFormatError("the file is a broken ZIP archive",
                                     "re-save the DOCX from a word processor") from None
    with zf:
        if "word/document.xml" not in names:
            raise UnsupportedFormatError("the ZIP archive is not a Word document (no word/document.xml)",
                                         "give a .docx saved by a word processor, or the text itself")
        try:
            body, core = _docx_parts(zf)
            parts, title, author = _docx_text(body, core)
        except Exception as exc:
            raise UnsupportedFormatError(f"cannot read the DOCX ({type(exc).__name__})",
                                         "the file is corrupt; re-save it from a word processor") from None
    text = "\n\n".join(parts)
    # core properties' created date is the file's birth (templates carry old dates): not a publication date.
    loaded = Loaded(text=text, sha256=sha, media_type=DOCX, title=title,
                    authors=[a.strip() for a in re.split(r"\s*(?:,|;)\s*", author) if a.strip()])
    if not loaded.title:
        loaded.title = _load_text(text, sha, PLAIN).title
    return loaded


def _docx_parts(zf: zipfile.ZipFile) -> tuple[bytes, bytes | None]:
    """The main document part and the core properties part (None when absent) of a DOCX.

    Only these two parts are read: opening the whole package (styles, numbering, settings,
    themes) with python-docx costs twenty times as much and adds nothing to the text.
    """
    def target(ref: str) -> str:  # a package-relative part name ("/word/document.xml" or "word/...")
        return ref.lstrip("/")

    rels = _xml(zf.read("_rels/.rels"))
    by_type: dict[str, list[str]] = {}
    for rel in rels.iter(_RELS):
        if rel.get("TargetMode") != "External":
            by_type.setdefault(rel.get("Type", ""), []).append(target(rel.get("Target", "")))
    mains = by_type.get(_OFFICE_DOCUMENT, [])
    if len(mains) != 1:
        raise KeyError("no single main document relationship")
    main = mains[0]
    types = _xml(zf.read("[Content_Types].xml"))
    kind = next((t.get("ContentType") for t in types.iter(_TYPES + "Override")
                 if target(t.get("PartName", "")).lower() == main.lower()), None)
    if kind is None:
        ext = main.rsplit(".", 1)[-1].lower()
        kind = next((t.get("ContentType") for t in types.iter(_TYPES + "Default")
                     if t.get("Extension", "").lower() == ext), None)
    if kind != _WORD_MAIN:  # a template, a macro document or another Office format
        raise ValueError(f"not a Word document: {kind}")
    cores = by_type.get(_CORE_PROPERTIES, [])
    return zf.read(main), (zf.read(cores[0]) if cores else None)


_W: Final = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
# The text of a run's inner content, as python-docx reads it (a break by its type, below).
_RUN_CHARS: Final = {_W + "tab": "\t", _W + "ptab": "\t", _W + "cr": "\n", _W + "noBreakHyphen": "-"}
_P, _TBL, _R, _HYPERLINK, _T, _BR = (_W + t for t in ("p", "tbl", "r", "hyperlink", "t", "br"))
_BR_TYPE: Final = _W + "type"


def _run_text(run: Any) -> str:
    """The text of a ``w:r``: text, tabs, hyphens and line breaks (a page or column break is no text)."""
    out = []
    for child in run:
        tag = child.tag
        if tag == _T:
            out.append(child.text or "")
        elif tag == _BR:
            out.append("\n" if child.get(_BR_TYPE, "textWrapping") == "textWrapping" else "")
        elif tag in _RUN_CHARS:
            out.append(_RUN_CHARS[tag])
    return "".join(out)


def _paragraph_text(p: Any) -> str:
    """The text of a ``w:p``: its runs and the runs of its hyperlinks (as python-docx's Paragraph.text)."""
    out = []
    for child in p:
        if child.tag == _R:
            out.append(_run_text(child))
        elif child.tag == _HYPERLINK:
            out.extend(_run_text(r) for r in child if r.tag == _R)
    return "".join(out)


def _docx_text(body_xml: bytes, core_xml: bytes | None) -> tuple[list[str], str | None, str]:
    """Paragraph texts of the body, the title and the author. A body without tables is read
    with plain lxml; one with tables goes through python-docx, whose merged-cell reading the
    table rows keep (tests/extract/test_load_shortcuts.py checks the two readings agree)."""
    root = _xml(body_xml)
    body = root.find(_W + "body") if root.tag == _W + "document" else None
    if body is None:
        raise ValueError("no document body")
    if body.find(_TBL) is not None:
        return _docx_text_python_docx(body_xml, core_xml)
    parts = [text for text in (_paragraph_text(p).strip() for p in body.iterchildren(_P)) if text]
    title, author = _docx_core(core_xml)
    return parts, title, author


def _docx_text_python_docx(body_xml: bytes, core_xml: bytes | None) -> tuple[list[str], str | None, str]:
    """Paragraph and table texts of the body (python-docx's element classes give run text,
    breaks, tabs and merged cells their usual reading), the title and the author."""
    from docx.oxml.parser import parse_xml
    from docx.oxml.table import CT_Tbl
    from docx.oxml.text.paragraph import CT_P
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    parts: list[str] = []
    for element in parse_xml(body_xml).body.inner_content_elements:
        if isinstance(element, CT_P):
            text = Paragraph(element, None).text.strip()  # type: ignore[arg-type]  # (no parent needed)
            if text:
                parts.append(text)
        elif isinstance(element, CT_Tbl):
            rows = []
            for row in Table(element, None).rows:  # type: ignore[arg-type]
                # a cell merged across columns comes back once per column: write it once, then
                # empty cells (as the HTML loader does), so every cell stays under its header
                cells, seen = [], set()
                for cell in row.cells:
                    cells.append("" if id(cell._tc) in seen else cell.text.strip())
                    seen.add(id(cell._tc))
                rows.append(" | ".join(cells) if any(cells) else "")
            table = "\n".join(r for r in rows if r)
            if table:
                parts.append(table)
    title, author = _docx_core(core_xml)
    return parts, title, author


def _docx_core(core_xml: bytes | None) -> tuple[str | None, str]:
    """The title and the author from the core properties part."""
    if core_xml is None:
        # python-docx gives a package without core properties this default title; kept so that
        # such documents read as before
        return "Word Document", ""
    core = _xml(core_xml)
    title_el, author_el = core.find(_DC + "title"), core.find(_DC + "creator")
    title = ((title_el.text if title_el is not None else None) or "").strip() or None
    author = ((author_el.text if author_el is not None else None) or "").strip()
    return title, author
