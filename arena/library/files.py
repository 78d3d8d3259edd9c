"""Documents made in code, for the demo library (and the tests): PDF with fpdf2, DOCX with python-docx, XLSX with
openpyxl and PPTX with python-pptx. Each returns the file's bytes; the texts are given by the caller."""

import io
from dataclasses import dataclass, field

# The PDF core fonts cover Latin-1 (å, ä, ö, é …) but not typographic dashes and quotes: write those plainly.
PDF_REPLACEMENTS = str.maketrans({"–": "-", "—": "-", "’": "'", "‘": "'", "“": '"', "”": '"', "…": "...", "•": "-"})


@dataclass
class Section:
    heading: str
    paragraphs: list[str] = field(default_factory=list)
    bullets: list[str] = field(default_factory=list)


def as_sections(paragraphs, sections):
    return ([Section("", list(paragraphs))] if paragraphs else []) + list(sections or [])


def pdf_text(text):
    return text.translate(PDF_REPLACEMENTS)


def pdf_bytes(title, paragraphs=(), sections=(), author="Göteborgs Stad", subject=""):
    """A tagged-language A4 PDF with a title, headings, paragraphs and bullet lists."""
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.set_title(pdf_text(title))
    pdf.set_author(pdf_text(author))
    pdf.set_subject(pdf_text(subject or title))
    pdf.set_lang("sv-SE")
    pdf.set_auto_page_break(auto=True, margin=20)
    pdf.set_margins(22, 22, 22)
    pdf.add_page()
    pdf.set_font("Helvetica", style="B", size=20)
    pdf.multi_cell(0, 10, pdf_text(title), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    for section in as_sections(paragraphs, sections):
        if section.heading:
            pdf.set_font("Helvetica", style="B", size=14)
            pdf.multi_cell(0, 8, pdf_text(section.heading), new_x="LMARGIN", new_y="NEXT")
            pdf.ln(1)
        pdf.set_font("Helvetica", size=11)
        for paragraph in section.paragraphs:
            pdf.multi_cell(0, 6, pdf_text(paragraph), new_x="LMARGIN", new_y="NEXT")
            pdf.ln(3)
        for bullet in section.bullets:
            pdf.multi_cell(0, 6, pdf_text(f"-  {bullet}"), new_x="LMARGIN", new_y="NEXT")
        if section.bullets:
            pdf.ln(3)
    return bytes(pdf.output())


def docx_bytes(title, paragraphs=(), sections=(), author="Göteborgs Stad"):
    from docx import Document

    document = Document()
    document.core_properties.title = title
    document.core_properties.author = author
    document.core_properties.language = "sv-SE"
    document.add_heading(title, level=0)
    for section in as_sections(paragraphs, sections):
        if section.heading:
            document.add_heading(section.heading, level=1)
        for paragraph in section.paragraphs:
            document.add_paragraph(paragraph)
        for bullet in section.bullets:
            document.add_paragraph(bullet, style="List Bullet")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def xlsx_bytes(title, rows, author="Göteborgs Stad"):
    """One sheet named after the title; the first row is the header."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = title[:31]
    workbook.properties.title = title
    workbook.properties.creator = author
    workbook.properties.language = "sv-SE"
    for row in rows:
        sheet.append(list(row))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for column in sheet.columns:
        width = max(len(str(cell.value or "")) for cell in column)
        sheet.column_dimensions[column[0].column_letter].width = min(max(width + 2, 10), 60)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def pptx_bytes(title, slides, author="Göteborgs Stad"):
    """A title slide, then one slide per (heading, bullets)."""
    from pptx import Presentation

    presentation = Presentation()
    presentation.core_properties.title = title
    presentation.core_properties.author = author
    presentation.core_properties.language = "sv-SE"
    first = presentation.slides.add_slide(presentation.slide_layouts[0])
    first.shapes.title.text = title
    first.placeholders[1].text = author
    for heading, bullets in slides:
        slide = presentation.slides.add_slide(presentation.slide_layouts[1])
        slide.shapes.title.text = heading
        body = slide.placeholders[1].text_frame
        body.text = bullets[0] if bullets else ""
        for bullet in bullets[1:]:
            body.add_paragraph().text = bullet
    buffer = io.BytesIO()
    presentation.save(buffer)
    return buffer.getvalue()
