"""What may be uploaded to the library: PDF, the Office formats (DOCX, XLSX, PPTX) and OpenDocument (ODT, ODS, ODP).

The file name is only a hint. The bytes decide: a PDF starts with `%PDF-` and must open with pypdf (no password, not
broken); an Office or OpenDocument file is a zip archive that must hold its format's parts. Archives are measured
before anything is unpacked, so a small upload that would unpack into gigabytes (a zip bomb) is refused unread.
Every refusal is a ValidationError with a Swedish message that says what is wrong and what to do.
"""

import logging
import os
import zipfile
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from pypdf import PdfReader
from pypdf.errors import PyPdfError

logger = logging.getLogger(__name__)

PDF_MAGIC = b"%PDF-"
ZIP_MAGIC = b"PK\x03\x04"
# Programs and scripts people most often rename by mistake (or on purpose): named in the message so it is clear.
EXECUTABLE_MAGICS = (b"MZ", b"\x7fELF", b"\xcf\xfa\xed\xfe", b"\xca\xfe\xba\xbe", b"#!")

ODF_MIMETYPES = {
    "application/vnd.oasis.opendocument.text": "odt",
    "application/vnd.oasis.opendocument.spreadsheet": "ods",
    "application/vnd.oasis.opendocument.presentation": "odp",
}
# The part each Office Open XML format cannot be without, besides [Content_Types].xml.
OOXML_MAIN_PARTS = {"word/document.xml": "docx", "xl/workbook.xml": "xlsx", "ppt/presentation.xml": "pptx"}

FORMAT_NAMES = {
    "pdf": "PDF",
    "docx": "Word (DOCX)",
    "xlsx": "Excel (XLSX)",
    "pptx": "PowerPoint (PPTX)",
    "odt": "OpenDocument-text (ODT)",
    "ods": "OpenDocument-kalkylblad (ODS)",
    "odp": "OpenDocument-presentation (ODP)",
}


@dataclass(frozen=True)
class DetectedFormat:
    extension: str  # "pdf", "docx" …: what the content is, whatever the name says


def allowed_formats_text():
    return ", ".join(FORMAT_NAMES[extension].split(" ")[-1].strip("()") for extension in FORMAT_NAMES)


def refuse(message, code):
    raise ValidationError(message, code=code)


def read_head(uploaded, length=8):
    uploaded.seek(0)
    head = uploaded.read(length)
    uploaded.seek(0)
    return head


def check_size(uploaded):
    limit = settings.WAGTAILDOCS_MAX_UPLOAD_SIZE
    if limit is not None and uploaded.size > limit:
        refuse(
            _("The file is too large (%(size)s). Files in the library may be at most %(limit)s.")
            % {"size": filesizeformat(uploaded.size), "limit": filesizeformat(limit)},
            "file_too_large",
        )
    if uploaded.size == 0:
        refuse(_("The file is empty. Choose the file again."), "empty")


def check_pdf(uploaded):
    uploaded.seek(0)
    try:
        reader = PdfReader(uploaded)
        if reader.is_encrypted:
            refuse(
                _(
                    "The PDF is password-protected or encrypted. Save it without protection and upload it again, "
                    "so that everyone can open it and it can be searched."
                ),
                "encrypted_pdf",
            )
        if len(reader.pages) < 1:
            refuse(_("The PDF has no pages."), "broken_pdf")
        reader.pages[0].extract_text()
    except ValidationError:
        raise
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, IndexError, RecursionError) as exc:
        logger.info("Refused a broken PDF: %s", exc)
        refuse(
            _("The PDF is damaged and cannot be opened. Export it again from the program it was made in."),
            "broken_pdf",
        )
    finally:
        uploaded.seek(0)
    return DetectedFormat("pdf")


def check_archive_size(archive):
    """Refuse an archive before unpacking anything: too many parts, too much once unpacked, or packed too hard."""
    entries = archive.infolist()
    if len(entries) > settings.DOCUMENT_MAX_ARCHIVE_ENTRIES:
        refuse(_("The file contains too many parts to be a normal document."), "zip_bomb")
    unpacked = sum(entry.file_size for entry in entries)
    packed = sum(entry.compress_size for entry in entries)
    if unpacked > settings.DOCUMENT_MAX_UNPACKED_BYTES or (
        unpacked > 1024 * 1024 and unpacked > settings.DOCUMENT_MAX_COMPRESSION_RATIO * max(packed, 1)
    ):
        refuse(
            _(
                "The file would grow to %(size)s when opened, which no ordinary document does. "
                "It is refused to protect the server."
            )
            % {"size": filesizeformat(unpacked)},
            "zip_bomb",
        )
    if any(entry.flag_bits & 0x1 for entry in entries):
        refuse(
            _("The document is password-protected. Save it without protection and upload it again."),
            "encrypted_archive",
        )


def check_archive(uploaded):
    uploaded.seek(0)
    try:
        with zipfile.ZipFile(uploaded) as archive:
            check_archive_size(archive)
            names = set(archive.namelist())
            if "mimetype" in names:
                mimetype = archive.read("mimetype").decode("ascii", "replace").strip()
                extension = ODF_MIMETYPES.get(mimetype)
                if extension and "content.xml" in names:
                    return DetectedFormat(extension)
            if "[Content_Types].xml" in names:
                for part, extension in OOXML_MAIN_PARTS.items():
                    if part in names:
                        return DetectedFormat(extension)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, OSError, NotImplementedError) as exc:
        logger.info("Refused a broken archive: %s", exc)
        refuse(_("The file is damaged and cannot be opened. Save it again and upload the new copy."), "broken_archive")
    finally:
        uploaded.seek(0)
    refuse(
        _("The file is a zip archive but not a document in an allowed format (%(formats)s).")
        % {"formats": allowed_formats_text()},
        "unknown_archive",
    )


def detect_format(uploaded):
    """What the upload really is (a DetectedFormat), or a ValidationError that says why it is refused."""
    check_size(uploaded)
    head = read_head(uploaded)
    if head.startswith(PDF_MAGIC):
        return check_pdf(uploaded)
    if head.startswith(ZIP_MAGIC):
        return check_archive(uploaded)
    if head.startswith(EXECUTABLE_MAGICS):
        refuse(
            _(
                "The file is a program, not a document, whatever its name says. "
                "Only documents can be uploaded: %(formats)s."
            )
            % {"formats": allowed_formats_text()},
            "executable",
        )
    refuse(
        _("The file's content is not in an allowed format, whatever its name says. Allowed formats: %(formats)s.")
        % {"formats": allowed_formats_text()},
        "unknown_format",
    )


def validate_document_upload(uploaded):
    """Check an uploaded file's size and content, and that its name ends as its content is. Returns the format."""
    detected = detect_format(uploaded)
    extension = os.path.splitext(uploaded.name or "")[1].lower().lstrip(".")
    if extension != detected.extension:
        refuse(
            _(
                "The file is named .%(extension)s but is really a %(format)s file. "
                "Give it the ending .%(right)s and upload it again."
            )
            % {"extension": extension or "–", "format": FORMAT_NAMES[detected.extension], "right": detected.extension},
            "wrong_extension",
        )
    return detected
