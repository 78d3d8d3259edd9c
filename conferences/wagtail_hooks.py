"""The conference in the Wagtail admin: one "Mötesplats" menu group with the viewsets of conferences.admin."""

from wagtail.snippets.models import register_snippet

from conferences.admin.viewsets import ConferenceViewSetGroup

register_snippet(ConferenceViewSetGroup)
