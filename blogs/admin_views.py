"""Comment moderation in the Wagtail admin ("Kommentarer"): the viewset, its views and its permission policy.
blogs/wagtail_hooks.py registers the viewset.

Editors see, filter and search the comments of their own organisations only: every view starts from
``Comment.objects.moderatable_by(user)`` (the one place that decides the scope), and hiding/restoring goes
through ``blogs.services`` which checks the same scope again. Moderators never add or edit comment text.
"""

import django_filters
from django.contrib import messages
from django.contrib.auth.models import Permission
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from django.views import defaults
from django.views.generic import TemplateView
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn, UserColumn
from wagtail.admin.views.generic import IndexView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets import HeaderButton, ListingButton
from wagtail.permission_policies import ModelPermissionPolicy

from arena.admin_display import InspectView, YesNoColumn
from arena.models import Organisation
from blogs import services
from blogs.models import Comment

EXCERPT_LENGTH = 80


class CommentModerationPolicy(ModelPermissionPolicy):
    """Moderators may list and inspect comments (scoped per instance); nobody adds, edits or deletes them here."""

    def user_has_permission(self, user, action):
        if action in ("view", "moderate"):
            return user.is_active and super().user_has_permission(user, "moderate")
        return False

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)

    def users_with_any_permission(self, actions):
        if not {"view", "moderate"} & set(actions):
            return super().users_with_any_permission([]).none()
        return super().users_with_any_permission(["moderate"])

    def user_has_permission_for_instance(self, user, action, instance):
        return (
            self.user_has_permission(user, action)
            and self.instances_user_has_permission_for(user, action).filter(pk=instance.pk).exists()
        )

    def user_has_any_permission_for_instance(self, user, actions, instance):
        return any(self.user_has_permission_for_instance(user, action, instance) for action in actions)

    def instances_user_has_any_permission_for(self, user, actions):
        if not self.user_has_any_permission(user, actions):
            return Comment.objects.none()
        return Comment.objects.moderatable_by(user)

    def instances_user_has_permission_for(self, user, action):
        return self.instances_user_has_any_permission_for(user, [action])


def moderatable_comments(user):
    return Comment.objects.moderatable_by(user).select_related("post", "organisation", "author")


def moderatable_organisations(request):
    """The organisation filter offers only organisations whose comments the user may moderate."""
    if request is None:
        return Organisation.objects.none()
    return Organisation.objects.filter(pk__in=Comment.objects.moderatable_by(request.user).values("organisation"))


class CommentFilterSet(WagtailFilterSet):
    is_hidden = django_filters.BooleanFilter(label=_("Hidden"))
    reported = django_filters.BooleanFilter(label=_("Reported"), method="filter_reported")
    organisation = django_filters.ModelChoiceFilter(label=_("Organisation"), queryset=moderatable_organisations)

    class Meta:
        model = Comment
        fields = ["is_hidden", "organisation"]

    def filter_reported(self, queryset, name, value):
        if value is None:
            return queryset
        return queryset.filter(report_count__gt=0) if value else queryset.filter(report_count=0)


def excerpt(comment):
    return Truncator(comment.body).chars(EXCERPT_LENGTH)


def moderation_buttons(comment, url_name, next_url=None, button_class=ListingButton):
    """The hide or restore button that fits the comment's state, linking to its confirmation page."""
    if comment.is_hidden:
        label, name, icon = _("Restore"), "restore", "view"
    else:
        label, name, icon = _("Hide"), "hide", "no-view"
    url = reverse(f"{url_name}:{name}", args=(comment.pk,))
    if next_url:
        url = f"{url}?next={next_url}"
    return [button_class(label, url=url, icon_name=icon, priority=10)]


class CommentIndexView(IndexView):
    def get_base_queryset(self):
        return moderatable_comments(self.request.user)

    @cached_property
    def columns(self):
        return [
            self._get_title_column("body", accessor=excerpt),
            Column("post", label=_("Post"), accessor="post.title", sort_key="post__title"),
            Column("organisation", label=_("Organisation"), accessor="organisation.name"),
            UserColumn("author", label=_("Author")),
            DateColumn("created_at", label=_("Written"), sort_key="created_at"),
            YesNoColumn("is_hidden", label=_("Hidden"), sort_key="is_hidden"),
            Column("report_count", label=_("Reports"), sort_key="report_count"),
        ]

    def get_list_more_buttons(self, instance):
        return super().get_list_more_buttons(instance) + moderation_buttons(
            instance, self.url_namespace, next_url=self.index_url
        )

    @property
    def url_namespace(self):
        return self.index_url_name.split(":")[0]


class CommentInspectView(InspectView):
    def get_object(self, queryset=None):
        # Another organisation's comment is simply not there for this user (404), like a nonexistent one.
        return get_object_or_404(moderatable_comments(self.request.user), pk=self.pk)

    @cached_property
    def header_buttons(self):
        namespace = self.index_url_name.split(":")[0]
        return moderation_buttons(self.object, namespace, button_class=HeaderButton)


class CommentModerationView(WagtailAdminTemplateMixin, TemplateView):
    """GET: a confirmation page. POST (CSRF-protected): hide or restore through blogs.services."""

    template_name = "blogs/admin/confirm_comment_moderation.html"
    header_icon = "comment"
    action = None  # "hide" or "restore"
    index_url_name = None

    def dispatch(self, request, pk):
        # A plain 403 (not Wagtail's redirect to the dashboard): the answer to "not yours" is unambiguous.
        try:
            if not CommentViewSet.permission_policy.user_has_permission(request.user, "moderate"):
                raise PermissionDenied
            self.comment = get_object_or_404(Comment.objects.select_related("post", "author"), pk=pk)
            return super().dispatch(request, pk)
        except PermissionDenied as denied:
            return defaults.permission_denied(request, denied)

    def get(self, request, pk):
        if not Comment.objects.moderatable_by(request.user).filter(pk=self.comment.pk).exists():
            raise PermissionDenied
        return super().get(request, pk=pk)

    def post(self, request, pk):
        if self.action == "hide":
            services.hide_comment(request.user, self.comment)  # PermissionDenied outside the user's scope
            messages.success(request, _("The comment is hidden."))
        else:
            services.restore_comment(request.user, self.comment)
            messages.success(request, _("The comment is shown again."))
        return redirect(self.get_success_url())

    def get_success_url(self):
        next_url = self.request.POST.get("next") or self.request.GET.get("next")
        if next_url and url_has_allowed_host_and_scheme(
            next_url, allowed_hosts={self.request.get_host()}, require_https=self.request.is_secure()
        ):
            return next_url
        return reverse(self.index_url_name)

    def get_page_title(self):
        return _("Hide comment") if self.action == "hide" else _("Restore comment")

    def get_page_subtitle(self):
        return excerpt(self.comment)

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse(self.index_url_name), "label": _("Comments")},
            {"url": "", "label": self.get_page_title(), "sublabel": self.get_page_subtitle()},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            comment=self.comment,
            action=self.action,
            cancel_url=self.get_success_url(),
            next_url=self.request.GET.get("next", ""),
            confirm_label=_("Yes, hide it") if self.action == "hide" else _("Yes, restore it"),
            message=(
                _("Hidden comments disappear from the post page and are not counted. You can restore them later.")
                if self.action == "hide"
                else _("The comment will be shown on the post page again.")
            ),
        )
        return context


class CommentViewSet(ModelViewSet):
    model = Comment
    name = "kommentarer"
    icon = "comment"
    menu_label = _("Comments")
    menu_order = 250
    add_to_admin_menu = True
    permission_policy = CommentModerationPolicy(Comment)
    index_view_class = CommentIndexView
    inspect_view_class = CommentInspectView
    inspect_view_enabled = True
    inspect_view_fields = [
        "body",
        "post",
        "organisation",
        "author",
        "created_at",
        "report_count",
        "is_hidden",
        "hidden_by",
        "hidden_at",
    ]
    copy_view_enabled = False
    add_to_reference_index = False
    ordering = ["-created_at"]
    filterset_class = CommentFilterSet
    search_fields = ["body"]
    search_backend_name = None  # plain database search on the comment text
    list_per_page = 50

    def get_common_view_kwargs(self, **kwargs):
        # Only listing, inspecting, hiding and restoring exist: no add, edit, delete, history or usage links.
        view_kwargs = super().get_common_view_kwargs(**kwargs)
        for name in ("add_url_name", "edit_url_name", "delete_url_name", "history_url_name", "usage_url_name"):
            view_kwargs[name] = None
        return view_kwargs

    def moderation_view(self, action):
        return CommentModerationView.as_view(action=action, index_url_name=self.get_url_name("index"))

    def get_urlpatterns(self):
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path("<int:pk>/", self.inspect_view, name="inspect"),
            path("<int:pk>/dolj/", self.moderation_view("hide"), name="hide"),
            path("<int:pk>/aterstall/", self.moderation_view("restore"), name="restore"),
        ]

    def register_admin_url_finder(self):
        pass  # comments have no edit view to find

    def get_permissions_to_register(self):
        return Permission.objects.filter(content_type__app_label="blogs", codename="moderate_comment")
