"""The material library's demo: the /material/ page, the city's governing documents and two dozen more, generated
as real PDF, DOCX, XLSX and PPTX files at seed time (nothing binary is committed), and a staff-only collection.

Idempotent: a document is found by title and collection and never made twice; the page by its slug."""

from pathlib import Path

from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.models import BaseViewRestriction, CollectionViewRestriction

from arena.demo.data_files import load_demo_data
from arena.demo.taxonomy import ensure_focus_areas
from arena.library import files
from arena.library.extraction import store_extracted_text
from arena.models import MaterialLibraryPage
from arena.provisioning import ensure_arena_collection, grant_arena_editor_library

DATA = Path(__file__).with_name("data")
STAFF_COLLECTION_NAME = "Internt material"
LIBRARY_INTRO = (
    "Styrande dokument, rapporter, presentationer, mallar och stöd från stadens förvaltningar och bolag. "
    "Filtrera på organisation, typ, fokusområde och år, eller sök i texten i dokumenten."
)


def ensure_library_page(home):
    existing = home.get_children().filter(slug="material").first()
    if existing is not None:
        return existing.specific
    return home.add_child(instance=MaterialLibraryPage(title="Material", slug="material", intro=LIBRARY_INTRO))


def ensure_staff_collection():
    """The arena's staff-only collection: a child of its own collection that only logged-in users may open."""
    arena = ensure_arena_collection()
    staff = arena.get_children().filter(name=STAFF_COLLECTION_NAME).first() or arena.add_child(
        name=STAFF_COLLECTION_NAME
    )
    if not CollectionViewRestriction.objects.filter(collection=staff).exists():
        CollectionViewRestriction.objects.create(collection=staff, restriction_type=BaseViewRestriction.LOGIN)
    return staff


def file_content(entry):
    extension = entry["filename"].rsplit(".", 1)[-1]
    title = entry["title"]
    if extension == "pdf":
        return files.pdf_bytes(title, sections=sections_of(entry))
    if extension == "docx":
        return files.docx_bytes(title, sections=sections_of(entry))
    if extension == "xlsx":
        return files.xlsx_bytes(title, entry["rows"])
    if extension == "pptx":
        return files.pptx_bytes(title, [(slide["heading"], slide["bullets"]) for slide in entry["slides"]])
    raise ValueError(f"{entry['filename']}: the demo makes pdf, docx, xlsx and pptx files")


def sections_of(entry):
    return [
        files.Section(section.get("heading", ""), section.get("paragraphs", []), section.get("bullets", []))
        for section in entry.get("sections", [])
    ]


def collection_for(entry, organisations_by_name, arena_collection, staff_collection):
    if entry.get("staff_only"):
        return staff_collection
    name = entry.get("organisation")
    if name is None:
        return arena_collection
    organisation = organisations_by_name.get(name)
    return organisation.collection if organisation is not None else None


def ensure_document(entry, collection, areas):
    Document = get_document_model()
    document = Document.objects.filter(title=entry["title"], collection=collection).first()
    if document is not None:
        return document, False
    document = Document(
        title=entry["title"],
        collection=collection,
        document_type=entry["type"],
        language=entry.get("language", "sv"),
        published_date=entry.get("published"),
        review_date=entry.get("review"),
        summary=" ".join(entry.get("summary", "").split()),
        is_accessible=entry.get("accessible", True),
        accessible_alternative_url=entry.get("alternative_url", ""),
    )
    document.file.save(entry["filename"], ContentFile(file_content(entry)), save=False)
    document._set_document_file_metadata()
    document.file.close()  # Wagtail leaves the file open after measuring it
    document.full_clean()
    document.mark_file_loaded()  # its text is read right below, so the save queues no extraction task
    document.save()
    document.focus_areas.set([areas[slug] for slug in entry.get("focus", [])])
    store_extracted_text(document)  # now, not in a task: the demo's search works as soon as the seed is done
    return document, True


def seed_library(home, organisations, stdout=None):
    """The library page and its documents, for the organisations that were seeded."""
    page = ensure_library_page(home)
    grant_arena_editor_library()
    arena_collection = ensure_arena_collection()
    staff_collection = ensure_staff_collection()
    areas = {area.slug: area for area in ensure_focus_areas()}
    organisations_by_name = {organisation.name: organisation for organisation in organisations}
    created = 0
    for data_file in ("governing.yaml", "documents.yaml"):
        for entry in load_demo_data(DATA / data_file):
            collection = collection_for(entry, organisations_by_name, arena_collection, staff_collection)
            if collection is None:
                continue  # its organisation is not in this seeding (the browser tests seed only a few)
            _document, new = ensure_document(entry, collection, areas)
            created += new
    if stdout is not None and created:
        stdout.write(f"Materialbiblioteket: {created} nya dokument.\n")
    return page
