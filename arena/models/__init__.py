from .documents import (
    ARENA_COLLECTION_NAME,
    GOVERNING_TYPES,
    ArenaDocument,
    ArenaDocumentQuerySet,
    DocumentLanguage,
    DocumentType,
)
from .organisations import Organisation, OrganisationGroup, OrganisationQuerySet
from .pages import AccessibilityReportField, AccessibilityStatementPage, HomePage, StandardPage
from .search import UnansweredSearch
from .site_settings import SiteSettings
from .taxonomy import FocusArea, Person

__all__ = [
    "ARENA_COLLECTION_NAME",
    "GOVERNING_TYPES",
    "ArenaDocument",
    "ArenaDocumentQuerySet",
    "DocumentLanguage",
    "DocumentType",
    "AccessibilityReportField",
    "AccessibilityStatementPage",
    "FocusArea",
    "HomePage",
    "Organisation",
    "OrganisationGroup",
    "OrganisationQuerySet",
    "Person",
    "SiteSettings",
    "StandardPage",
    "UnansweredSearch",
]
