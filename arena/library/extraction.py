"""The text inside a library document, for search: PDF pages with pypdf, a DOCX's paragraphs from
word/document.xml read with defusedxml. Other formats keep an empty text (their title and summary are searched)."""

import logging
import zipfile

from defusedxml import ElementTree
from pypdf import PdfReader
from wagtail.search import index

from arena.library.validation import ZIP_MAGIC, check_archive_size

logger = logging.getLogger(__name__)

MAX_TEXT_LENGTH = 200_000  # characters kept for the index: the first hundred pages or so
MAX_PDF_PAGES = 300
WORD_NAMESPACE = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def pdf_text(handle):
    reader = PdfReader(handle)
    if reader.is_encrypted:
        return ""
    parts, length = [], 0
    for page in reader.pages[:MAX_PDF_PAGES]:
        text = page.extract_text() or ""
        parts.append(text)
        length += len(text)
        if length >= MAX_TEXT_LENGTH:
            break
    return "\n".join(parts)


def docx_text(handle):
    with zipfile.ZipFile(handle) as archive:
        check_archive_size(archive)  # never unpack a bomb, even one that was stored before the checks existed
        root = ElementTree.fromstring(archive.read("word/document.xml"))
    paragraphs = []
    for paragraph in root.iter(f"{WORD_NAMESPACE}p"):
        text = "".join(node.text or "" for node in paragraph.iter(f"{WORD_NAMESPACE}t"))
        if text.strip():
            paragraphs.append(text)
    return "\n".join(paragraphs)


EXTRACTORS = {"pdf": pdf_text, "docx": docx_text}


def extract_text(document):
    """The document's text ('' for formats without an extractor, or when the file cannot be read)."""
    extension = document.file_extension.lower()
    extractor = EXTRACTORS.get(extension)
    if extractor is None:
        return ""
    try:
        with document.open_file() as handle:
            if extension == "docx" and handle.read(len(ZIP_MAGIC)) != ZIP_MAGIC:
                return ""
            handle.seek(0)
            text = extractor(handle)
    except Exception as exc:  # noqa: BLE001 - a file that cannot be read is searched by its title and summary only
        logger.warning("Could not read the text of document %s: %s", document.pk, exc)
        return ""
    return text[:MAX_TEXT_LENGTH].replace("\x00", "")


def store_extracted_text(document):
    """Extract the document's text, save it and reindex the document. Returns the text."""
    text = extract_text(document)
    if text != document.extracted_text:
        document.extracted_text = text
        document.save(update_fields=["extracted_text"])
    index.insert_or_update_object(document)
    return text
