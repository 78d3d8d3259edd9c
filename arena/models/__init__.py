from .organisations import Organisation, OrganisationGroup, OrganisationQuerySet
from .pages import AccessibilityReportField, AccessibilityStatementPage, HomePage, StandardPage
from .site_settings import SiteSettings

__all__ = [
    "AccessibilityReportField",
    "AccessibilityStatementPage",
    "HomePage",
    "Organisation",
    "OrganisationGroup",
    "OrganisationQuerySet",
    "SiteSettings",
    "StandardPage",
]
