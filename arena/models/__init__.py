from .consultations import ConsultationFormField, ConsultationIndexPage, ConsultationPage, ConsultationState
from .organisations import Organisation, OrganisationGroup, OrganisationQuerySet
from .pages import AccessibilityReportField, AccessibilityStatementPage, HomePage, StandardPage
from .site_settings import SiteSettings
from .taxonomy import FocusArea, Person

__all__ = [
    "AccessibilityReportField",
    "AccessibilityStatementPage",
    "ConsultationFormField",
    "ConsultationIndexPage",
    "ConsultationPage",
    "ConsultationState",
    "FocusArea",
    "HomePage",
    "Organisation",
    "OrganisationGroup",
    "OrganisationQuerySet",
    "Person",
    "SiteSettings",
    "StandardPage",
]
