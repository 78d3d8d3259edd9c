"""Real files for the library's upload tests, made with the same libraries as the demo: PDF (fpdf2), DOCX
(python-docx), XLSX (openpyxl), PPTX (python-pptx), ODT (a minimal OpenDocument zip), and bad ones."""

import io
import zipfile

from django.core.files.uploadedfile import SimpleUploadedFile

from arena.library.files import docx_bytes, pdf_bytes, pptx_bytes, xlsx_bytes

CONTENT_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "odt": "application/vnd.oasis.opendocument.text",
}


def odt_bytes(text="Anteckningar från arbetsmötet"):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.text")
        archive.writestr(
            "content.xml",
            '<?xml version="1.0" encoding="UTF-8"?><office:document-content '
            'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
            'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:text>'
            f"<text:p>{text}</text:p></office:text></office:body></office:document-content>",
        )
        archive.writestr("META-INF/manifest.xml", '<?xml version="1.0" encoding="UTF-8"?><manifest/>')
    return buffer.getvalue()


def encrypted_pdf_bytes():
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf_bytes("Hemlig plan", ["Endast för ledningsgruppen."]))))
    writer.encrypt(user_password="hemligt", owner_password="hemligare", algorithm="AES-128")
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def broken_pdf_bytes():
    """A PDF cut off after its first kilobyte: the header is right, the rest is missing."""
    whole = pdf_bytes("Avbruten rapport", ["Den här filen tog slut mitt i överföringen."] * 20)
    return whole[:1024]


def zip_bomb_docx_bytes(unpacked_mb=300):
    """A DOCX-shaped zip whose document part unpacks to `unpacked_mb` MB of zeros (a few hundred kB packed)."""
    buffer = io.BytesIO()
    chunk = b"\0" * (1024 * 1024)
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
        with archive.open("word/document.xml", "w", force_zip64=True) as part:
            for _ in range(unpacked_mb):
                part.write(chunk)
    return buffer.getvalue()


def upload(name, content, content_type=None):
    extension = name.rsplit(".", 1)[-1].lower()
    return SimpleUploadedFile(
        name, content, content_type=content_type or CONTENT_TYPES.get(extension, "application/pdf")
    )


def pdf_upload(name="rapport.pdf", title="Rapport", paragraphs=("Ett kort stycke text.",)):
    return upload(name, pdf_bytes(title, list(paragraphs)))


def docx_upload(name="anteckningar.docx", title="Anteckningar", paragraphs=("Ett kort stycke text.",)):
    return upload(name, docx_bytes(title, list(paragraphs)))


def xlsx_upload(name="tabell.xlsx"):
    return upload(name, xlsx_bytes("Tabell", [["År", "Antal"], [2024, 12], [2025, 17]]))


def pptx_upload(name="bilder.pptx"):
    return upload(name, pptx_bytes("Bildspel", [("Bakgrund", ["Varför vi började"])]))


def document_form_data(title, **extra):
    """The admin document form's required metadata besides the file (an accessible Swedish report)."""
    data = {"title": title, "document_type": "rapport", "language": "sv", "is_accessible": "on"}
    data.update(extra)
    return data
