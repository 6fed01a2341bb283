"""The one way KohoGate makes a PDF: fpdf2 with a shipped Japanese font, no Qt.

Why fpdf2 and IPAex Gothic: a filed record must be found by the city's
full-text search, so the text extracted from the PDF must be the characters
as written. Qt's PDF writer builds the ToUnicode map from the font's cmap
backwards, and where a font maps a Kangxi radical and the unified ideograph
to one glyph (IPAex and Noto map ⾒ U+2F92 and 見 U+898B alike) it may name
the radical: the record then extracts as 「⾒本市」. fpdf2 subsets the font
per character used, so each code point keeps its own entry in the ToUnicode
map and 見 stays 見 (``tests/core/records/test_records_pdf.py`` checks it with
pypdf and poppler's pdftotext). The font is shipped in ``resources/fonts``
(IPA Font License v1.0, which allows redistribution and embedding) so a
record looks and extracts the same on Windows, macOS and Linux, whatever is
installed. Hashes and signatures are set in the PDF core font Courier (ASCII
only, nothing to embed).
"""

from __future__ import annotations

import io
import os
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from pathlib import Path
from typing import Any

from core.errors import EnvironmentProblem, InvalidInput
from core.i18n import tr
from core.runtime.resources import resource_path

FONT_FILE = ("fonts", "ipaexg.ttf")
FAMILY = "IPAexGothic"
MONO = "Courier"
# Shown for a character the font has no glyph for (an emoji, a rare variant): 〓 (げた) is how
# Japanese print has always marked a character it cannot set. The exact text is bound by the content hash.
MISSING = "〓"
LINE = 5.2
SHADE = (236, 238, 244)


@cache
def _font_path() -> Path:
    path = resource_path(*FONT_FILE)
    if not path.is_file():
        raise EnvironmentProblem(
            tr("The Japanese font for records is missing from this installation: {path}").format(path=path),
            hint=tr("Reinstall KohoGate."),
        )
    return path


@cache
def _covered() -> frozenset[int]:
    from fontTools.ttLib import TTFont

    with TTFont(str(_font_path()), lazy=True) as font:
        return frozenset(font.getBestCmap())


def printable(text: str) -> str:
    """``text`` with every character the font cannot show replaced by 〓 (line breaks kept)."""
    covered = _covered()
    return "".join(ch if ch in "\n\t" or ord(ch) in covered else MISSING for ch in text)


def local_time(moment: datetime | None) -> str:
    """「2026-12-02 14:05 (UTC+09:00)」: a filed record is read long after, perhaps elsewhere."""
    if moment is None:
        return ""
    local = moment.astimezone()
    offset = local.strftime("%z")
    return f"{local:%Y-%m-%d %H:%M} (UTC{offset[:3]}:{offset[3:]})"


def local_date(moment: datetime | None) -> str:
    """「2026年12月2日」."""
    if moment is None:
        return ""
    local = moment.astimezone()
    return f"{local.year}年{local.month}月{local.day}日"


@dataclass(frozen=True)
class Box:
    """One column of a 決裁欄: the duty, who, what they decided, when."""

    duty: str
    name: str
    decision: str
    when: str


def _fpdf_class() -> type[Any]:
    from fpdf import FPDF

    class _Document(FPDF):
        footer_text = ""

        def footer(self) -> None:
            self.set_y(-12)
            self.set_font(FAMILY, size=7.5)
            self.set_text_color(90, 90, 90)
            page = tr("page {page} of {pages}").format(page=self.page_no(), pages="{nb}")
            self.cell(0, 5, printable(f"{self.footer_text}    {page}"), align="C")
            self.set_text_color(0, 0, 0)

    return _Document


class RecordPdf:
    """An A4 document with headings, label/value tables, a 決裁欄, paragraphs, images and an appendix."""

    def __init__(self, title: str, *, footer: str = "", subject: str = "", author: str = "") -> None:
        from fpdf.enums import WrapMode

        self._wrap = WrapMode.CHAR  # Japanese has no spaces to break at
        pdf = _fpdf_class()(orientation="portrait", unit="mm", format="A4")
        pdf.set_margins(16, 16, 16)
        pdf.set_auto_page_break(auto=True, margin=18)
        pdf.add_font(FAMILY, "", str(_font_path()))
        pdf.set_lang("ja")
        pdf.set_title(printable(title))
        pdf.set_subject(printable(subject or title))
        if author:
            pdf.set_author(printable(author))
        pdf.set_creator("KohoGate")
        pdf.footer_text = footer
        pdf.add_page()
        pdf.set_font(FAMILY, size=10)
        self.pdf = pdf

    @property
    def width(self) -> float:
        return float(self.pdf.epw)

    def title(self, text: str, right: str = "") -> None:
        pdf = self.pdf
        if right:
            pdf.set_font(FAMILY, size=9)
            pdf.cell(0, LINE, printable(right), align="R", new_x="LMARGIN", new_y="NEXT")
        pdf.set_font(FAMILY, size=17)
        pdf.cell(0, 11, printable(text), align="C", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(2)
        pdf.set_font(FAMILY, size=10)

    def heading(self, text: str) -> None:
        pdf = self.pdf
        if pdf.will_page_break(22):
            pdf.add_page()
        pdf.ln(2.5)
        pdf.set_font(FAMILY, size=12)
        pdf.set_fill_color(*SHADE)
        pdf.cell(0, 7, printable(text), fill=True, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(1.2)
        pdf.set_font(FAMILY, size=10)

    def paragraph(self, text: str, *, boxed: bool = False, size: float = 10) -> None:
        self.pdf.set_font(FAMILY, size=size)
        self.pdf.multi_cell(
            0,
            LINE,
            printable(text),
            border=1 if boxed else 0,
            padding=2 if boxed else 0,
            wrapmode=self._wrap,
            new_x="LMARGIN",
            new_y="NEXT",
        )
        self.pdf.set_font(FAMILY, size=10)

    def fields(self, rows: Sequence[tuple[str, str]], *, label_width: float = 34) -> None:
        """A two-column table: the label shaded on the left, its value on the right."""
        from fpdf.fonts import FontFace

        if not rows:
            return
        shade = FontFace(fill_color=SHADE)
        with self.pdf.table(
            col_widths=(label_width, self.width - label_width),
            width=self.width,
            first_row_as_headings=False,
            line_height=LINE,
            padding=1.2,
            wrapmode=self._wrap,
            text_align="LEFT",
        ) as table:
            for label, value in rows:
                row = table.row()
                row.cell(printable(label), style=shade)
                row.cell(printable(value or "—"))
        self.pdf.ln(1)

    def table(self, headings: Sequence[str], rows: Sequence[Sequence[str]], widths: Sequence[float]) -> None:
        from fpdf.fonts import FontFace

        self.pdf.set_font(FAMILY, size=9)
        with self.pdf.table(
            col_widths=tuple(widths),
            width=self.width,
            line_height=4.6,
            padding=1.2,
            wrapmode=self._wrap,
            text_align="LEFT",
            headings_style=FontFace(fill_color=SHADE),
            repeat_headings=1,
        ) as table:
            head = table.row()
            for text in headings:
                head.cell(printable(text))
            for values in rows:
                row = table.row()
                for text in values:
                    row.cell(printable(text or ""))
        self.pdf.set_font(FAMILY, size=10)
        self.pdf.ln(1)

    def approval_boxes(self, boxes: Sequence[Box]) -> None:
        """The 決裁欄: one column per step of the chain, the duty on top, who and when below."""
        from fpdf.fonts import FontFace

        if not boxes:
            return
        count = max(len(boxes), 3)
        width = min(self.width, 36.0 * count)
        self.pdf.set_font(FAMILY, size=9)
        with self.pdf.table(
            col_widths=tuple(1 for _ in range(count)),
            width=width,
            align="RIGHT",
            line_height=4.8,
            padding=1.5,
            wrapmode=self._wrap,
            text_align="CENTER",
            headings_style=FontFace(fill_color=SHADE),
        ) as table:
            head = table.row()
            for box in boxes:
                head.cell(printable(box.duty))
            for _ in range(count - len(boxes)):
                head.cell("")
            body = table.row()
            for box in boxes:
                body.cell(printable(f"{box.name}\n{box.decision}\n{box.when}"))
            for _ in range(count - len(boxes)):
                body.cell("\n\n")
        self.pdf.set_font(FAMILY, size=10)
        self.pdf.ln(1.5)

    def bullets(self, items: Sequence[str], *, empty: str, marker: str = "・") -> None:
        """One line per item; ``empty`` (「なし」) when there are none — never a lone dash."""
        if not items:
            self.paragraph(empty)
            return
        for item in items:
            text = printable(f"{marker}{item}")
            self.pdf.multi_cell(0, LINE, text, wrapmode=self._wrap, new_x="LMARGIN", new_y="NEXT")

    def image(self, data: bytes, caption: str, *, alt: str, width: float = 55) -> None:
        """The picture, then its name and alt text as a caption (the alt text is also the image's /Alt)."""
        pdf = self.pdf
        try:
            from PIL import Image

            with Image.open(io.BytesIO(data)) as probe:
                ratio = probe.height / probe.width if probe.width else 1
            height = width * ratio
            if pdf.will_page_break(height + 12):
                pdf.add_page()
            pdf.image(io.BytesIO(data), x=pdf.l_margin, w=width, alt_text=printable(alt))
        except (OSError, ValueError, SyntaxError):
            self.paragraph(tr("(the picture cannot be shown here)"), size=8.5)
        self.paragraph(caption, size=9)
        pdf.ln(1)

    def mono(self, label: str, value: str) -> None:
        """A hash, a key or a signature: the label in Japanese, the value in Courier (ASCII)."""
        pdf = self.pdf
        pdf.set_font(FAMILY, size=9)
        pdf.multi_cell(0, 4.6, printable(label), new_x="LMARGIN", new_y="NEXT")
        pdf.set_font(MONO, size=8)
        safe = value.encode("ascii", "replace").decode("ascii") or "-"
        pdf.multi_cell(0, 4, safe, wrapmode=self._wrap, new_x="LMARGIN", new_y="NEXT")
        pdf.set_font(FAMILY, size=10)
        pdf.ln(0.8)

    def new_page(self) -> None:
        self.pdf.add_page()

    def to_bytes(self) -> bytes:
        return bytes(self.pdf.output())

    def save(self, out: Path) -> Path:
        """Write the file atomically (a failure leaves no half-written PDF) and return its path."""
        write_bytes_atomically(out, self.to_bytes())
        return out


def usable_target(out: Path, *, folder: bool = False) -> Path:
    """``out`` if a file (or, with ``folder``, a folder) can be written there; a clear error otherwise."""
    out = out.expanduser()
    if folder:
        if out.exists() and not out.is_dir():
            raise InvalidInput(tr("{path} is a file, not a folder.").format(path=out))
        try:
            out.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise InvalidInput(
                tr("{path} cannot be written: {reason}").format(path=out, reason=exc.strerror or exc)
            ) from None
        return out
    if out.is_dir():
        raise InvalidInput(tr("{path} is a folder; give the name of the PDF file to write.").format(path=out))
    parent = out.parent
    if parent.exists() and not parent.is_dir():
        raise InvalidInput(tr("{path} cannot be written: {parent} is not a folder.").format(path=out, parent=parent))
    return out


def write_bytes_atomically(out: Path, data: bytes) -> None:
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{out.name}-", suffix=".tmp", dir=out.parent)
    except OSError as exc:
        raise InvalidInput(
            tr("{path} cannot be written: {reason}").format(path=out, reason=exc.strerror or exc)
        ) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, out)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
