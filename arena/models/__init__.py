from .consultations import ConsultationFormField, ConsultationIndexPage, ConsultationPage, ConsultationState
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
from .site_settings import SiteSettings
from .taxonomy import FocusArea, Person

__all__ = [
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
]
