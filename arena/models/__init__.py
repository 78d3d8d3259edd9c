from .consultations import ConsultationFormField, ConsultationIndexPage, ConsultationPage, ConsultationState
from .documents import (
    ARENA_COLLECTION_NAME,
    GOVERNING_TYPES,
    ArenaDocument,
    ArenaDocumentQuerySet,
    DocumentLanguage,
    DocumentType,
)
from .library import MaterialLibraryPage
from .organisations import Organisation, OrganisationGroup, OrganisationQuerySet
from .pages import AccessibilityReportField, AccessibilityStatementPage, HomePage, StandardPage
from .projects import (
    ChangeProjectIndexPage,
    ChangeProjectPage,
    ChangeProjectTag,
    HomePageFeaturedProject,
    ProjectBenefit,
    ProjectContentLink,
    ProjectDocument,
    ProjectFollower,
    ProjectStatus,
    ProjectUpdate,
    ProjectUpdateMailing,
)
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
    "ConsultationFormField",
    "ConsultationIndexPage",
    "ConsultationPage",
    "ConsultationState",
    "ChangeProjectIndexPage",
    "ChangeProjectPage",
    "ChangeProjectTag",
    "FocusArea",
    "HomePage",
    "HomePageFeaturedProject",
    "MaterialLibraryPage",
    "Organisation",
    "OrganisationGroup",
    "OrganisationQuerySet",
    "Person",
    "ProjectBenefit",
    "ProjectContentLink",
    "ProjectDocument",
    "ProjectFollower",
    "ProjectStatus",
    "ProjectUpdate",
    "ProjectUpdateMailing",
    "SiteSettings",
    "StandardPage",
    "UnansweredSearch",
]
