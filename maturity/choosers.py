"""A searchable organisation chooser for the round form: the city has some 44 organisations, too many to scroll
through. The arena's Organisation snippet chooser cannot search (the model is not in the search index), so the
maturity admin has its own, searching names, slugs and clusters in the database. It is used only where the round
form asks for it (register_widget = False), so other forms keep the snippet chooser."""

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.choosers import BaseFilterForm
from wagtail.admin.views.generic.chooser import ChooseResultsView, ChooseView
from wagtail.admin.viewsets.chooser import ChooserViewSet

from arena.models import Organisation


class OrganisationFilterForm(BaseFilterForm):
    q = forms.CharField(
        label=_("Search term"), required=False, widget=forms.TextInput(attrs={"placeholder": _("Search")})
    )
    kind = forms.ChoiceField(
        label=_("Kind"), required=False, choices=[("", _("All kinds")), *Organisation.Kind.choices]
    )

    def filter(self, objects):
        objects = super().filter(objects)
        query = self.cleaned_data.get("q", "").strip()
        if query:
            objects = objects.filter(Q(name__icontains=query) | Q(slug__icontains=query) | Q(cluster__icontains=query))
            self.is_searching, self.search_query = True, query
        if self.cleaned_data.get("kind"):
            objects = objects.filter(kind=self.cleaned_data["kind"])
        return objects


class OrganisationChooseView(ChooseView):
    filter_form_class = OrganisationFilterForm
    ordering = "name"


class OrganisationChooseResultsView(ChooseResultsView):
    filter_form_class = OrganisationFilterForm
    ordering = "name"


class OrganisationChooserViewSet(ChooserViewSet):
    model = Organisation
    name = "maturity_organisation_chooser"
    url_prefix = "mognad/valj-organisation"
    icon = "group"
    choose_one_text = _("Choose an organisation")
    choose_another_text = _("Choose another organisation")
    per_page = 50
    register_widget = False
    choose_view_class = OrganisationChooseView
    choose_results_view_class = OrganisationChooseResultsView


organisation_chooser_viewset = OrganisationChooserViewSet()
