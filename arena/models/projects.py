"""Change projects (/forandringsprojekt/): the city's larger development projects, curated by the arena editors.

The index lists and filters them and takes proposals from staff; a project page holds the project's facts, its
benefits, a dated log of updates and links to documents and to content of the other apps (posts, sessions,
recordings), chosen through the arena.hooks.LINKABLE_CONTENT hook. Rules live in arena/projects/.
"""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.documents import get_document_model_string
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from arena.projects.admin_forms import ContentLinkInlinePanel

TEXT_FEATURES = ["h3", "bold", "italic", "ol", "ul", "link"]


class ProjectStatus(models.TextChoices):
    IDEA = "ide", _("idea")
    PRESTUDY = "forstudie", _("pre-study")
    ONGOING = "pagaende", _("ongoing")
    MAINTENANCE = "forvaltning", _("in maintenance")
    COMPLETED = "avslutad", _("completed")


class ChangeProjectIndexPage(RoutablePageMixin, Page):
    """/forandringsprojekt/: every published project with filters, the proposal form and the follow actions."""

    in_related_pages = False  # a container; the projects themselves are arena's "change projects" answer
    search_container = True  # the site search ranks it below the projects it holds

    intro = models.TextField(_("introduction"), max_length=600, blank=True)
    proposal_intro = models.TextField(
        _("text above the proposal form"),
        max_length=1000,
        blank=True,
        help_text=_("Say what happens with a proposal and that the proposer's name and e-mail are kept with it."),
    )

    parent_page_types = ["arena.HomePage"]
    subpage_types = ["arena.ChangeProjectPage"]
    max_count = 1
    template = "arena/projects/change_project_index_page.html"

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("proposal_intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    api_fields = [APIField("intro")]

    class Meta:
        verbose_name = _("change project index")
        verbose_name_plural = _("change project indexes")

    def route(self, request, path_components):
        """As Wagtail routes (this page's own routes first, then a live child), but a project is loaded in one
        query with its organisation and contact, and the page remembers the index it links back to."""
        request.project_index = self
        if path_components and self.live:
            try:
                self.resolve_subpage("/" + "/".join(path_components) + "/")
            except Http404:
                project = (
                    ChangeProjectPage.objects.child_of(self)
                    .filter(slug=path_components[0])
                    .select_related("organisation", "contact")
                    .first()
                )
                if project is None:
                    raise
                return project.route(request, path_components[1:])
        return super().route(request, path_components)

    def route_url(self, name, *args, **kwargs):
        """The address of one of the routes below, e.g. route_url("proposal_route")."""
        return self.url + self.reverse_subpage(name, args=args, kwargs=kwargs)

    @path("")
    def index_route(self, request):
        from arena.projects.views import project_index

        return project_index(request, self)

    @path("foresla/")
    def proposal_route(self, request):
        from arena.projects.views import propose_project

        return propose_project(request, self)

    @re_path(r"^folj/(?P<project_id>\d+)/$")
    def follow_route(self, request, project_id):
        from arena.projects.views import follow_project

        return follow_project(request, self, int(project_id))


class ChangeProjectTag(TaggedItemBase):
    content_object = ParentalKey("arena.ChangeProjectPage", on_delete=models.CASCADE, related_name="tagged_items")


class ChangeProjectPage(Page):
    in_related_pages = False  # listed by arena's own "change projects" answer to related content
    search_organisations = ("organisation", "partner_organisations")  # the site search's organisation facet
    routing_select_related = ("organisation", "contact")  # arena.page_routing reads them with the page

    organisation = models.ForeignKey(
        "arena.Organisation",
        verbose_name=_("owning organisation"),
        on_delete=models.PROTECT,
        related_name="change_projects",
    )
    partner_organisations = ParentalManyToManyField(
        "arena.Organisation",
        blank=True,
        verbose_name=_("partner organisations"),
        related_name="partner_projects",
    )
    status = models.CharField(_("status"), max_length=20, choices=ProjectStatus.choices, default=ProjectStatus.IDEA)
    start_date = models.DateField(_("start date"), null=True, blank=True)
    end_date = models.DateField(_("end date"), null=True, blank=True, help_text=_("Planned or actual."))
    focus_areas = ParentalManyToManyField(
        "arena.FocusArea", blank=True, verbose_name=_("focus areas"), related_name="change_projects"
    )
    tags = ClusterTaggableManager(through=ChangeProjectTag, blank=True, verbose_name=_("tags"))
    summary = models.TextField(_("summary"), max_length=600, help_text=_("Shown in listings and on the start page."))
    need = RichTextField(_("need or problem"), features=TEXT_FEATURES, blank=True)
    work_done = RichTextField(_("what was done"), features=TEXT_FEATURES, blank=True)
    lessons_learned = RichTextField(_("lessons learned"), features=TEXT_FEATURES, blank=True)
    contact = models.ForeignKey(
        "arena.Person",
        verbose_name=_("contact person"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="change_projects",
    )

    parent_page_types = ["arena.ChangeProjectIndexPage"]
    subpage_types = []
    template = "arena/projects/change_project_page.html"

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldPanel("organisation"),
                FieldPanel("partner_organisations"),
                FieldRowPanel([FieldPanel("status"), FieldPanel("start_date"), FieldPanel("end_date")]),
                FieldPanel("focus_areas"),
                FieldPanel("tags"),
                FieldPanel("contact"),
            ],
            heading=_("About the project"),
        ),
        FieldPanel("need"),
        FieldPanel("work_done"),
        InlinePanel("benefits", label=_("Benefits"), heading=_("Expected benefits")),
        FieldPanel("lessons_learned"),
        InlinePanel("updates", label=_("Update"), heading=_("Update log")),
        InlinePanel("related_documents", label=_("Document"), heading=_("Related documents")),
        ContentLinkInlinePanel(
            "content_links", label=_("Related content"), heading=_("Related posts, sessions and recordings")
        ),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("need"),
        index.SearchField("work_done"),
        index.SearchField("lessons_learned"),
        index.FilterField("status"),
        index.FilterField("organisation_id"),
        index.FilterField("start_date"),
        index.RelatedFields("tags", [index.SearchField("name")]),
        index.RelatedFields("benefits", [index.SearchField("indicator"), index.SearchField("outcome")]),
        index.RelatedFields("updates", [index.SearchField("text")]),
    ]
    api_fields = [
        APIField("summary"),
        APIField("status"),
        APIField("start_date"),
        APIField("end_date"),
        APIField("organisation_name"),
        APIField("partner_names"),
        APIField("focus_area_names"),
        APIField("tags"),
        APIField("need"),
        APIField("work_done"),
        APIField("lessons_learned"),
        APIField("benefits"),
        APIField("updates"),
    ]

    class Meta:
        verbose_name = _("change project")
        verbose_name_plural = _("change projects")

    @property
    def organisation_name(self):
        return self.organisation.name if self.organisation_id else ""

    @property
    def partner_names(self):
        return [organisation.name for organisation in self.partner_organisations.all()]

    @property
    def focus_area_names(self):
        return [area.name for area in self.focus_areas.all()]

    def clean(self):
        super().clean()
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("The end date cannot be before the start date.")})

    def get_context(self, request, *args, **kwargs):
        from arena.projects.views import project_context

        context = super().get_context(request, *args, **kwargs)
        context.update(project_context(request, self))
        return context


class ProjectBenefit(Orderable):
    """An expected benefit (nytta): how it is measured, where it started, the target and what it became."""

    page = ParentalKey(ChangeProjectPage, on_delete=models.CASCADE, related_name="benefits")
    indicator = models.CharField(_("indicator"), max_length=200)
    baseline = models.CharField(_("baseline"), max_length=200, blank=True)
    target = models.CharField(_("target"), max_length=200)
    outcome = models.CharField(_("outcome"), max_length=200, blank=True, help_text=_("Fill in once known."))

    panels = [FieldPanel("indicator"), FieldRowPanel([FieldPanel("baseline"), FieldPanel("target")]), "outcome"]
    api_fields = [APIField("indicator"), APIField("baseline"), APIField("target"), APIField("outcome")]

    class Meta(Orderable.Meta):
        verbose_name = _("benefit")
        verbose_name_plural = _("benefits")


class ProjectUpdate(models.Model):
    """One dated entry of a project's update log; newest first. Publishing a project with a new entry mails its
    followers once (ProjectUpdateMailing records it)."""

    page = ParentalKey(ChangeProjectPage, on_delete=models.CASCADE, related_name="updates")
    date = models.DateField(_("date"))
    text = models.TextField(_("text"), max_length=2000)

    panels = [FieldPanel("date"), FieldPanel("text")]
    api_fields = [APIField("date"), APIField("text")]

    class Meta:
        ordering = ["-date", "-pk"]
        verbose_name = _("update")
        verbose_name_plural = _("updates")

    def __str__(self):
        return f"{self.date:%Y-%m-%d}: {self.text[:60]}"


class ProjectUpdateMailing(models.Model):
    """That an update has been mailed to the project's followers (or was there before anyone could be told)."""

    update = models.OneToOneField(ProjectUpdate, on_delete=models.CASCADE, related_name="mailing")
    sent_at = models.DateTimeField(auto_now_add=True)
    recipient_count = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("update mailing")
        verbose_name_plural = _("update mailings")

    def __str__(self):
        return f"{self.update} ({self.recipient_count})"


class ProjectDocument(Orderable):
    page = ParentalKey(ChangeProjectPage, on_delete=models.CASCADE, related_name="related_documents")
    document = models.ForeignKey(
        get_document_model_string(), verbose_name=_("document"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("document")]

    class Meta(Orderable.Meta):
        verbose_name = _("related document")
        verbose_name_plural = _("related documents")


class ProjectContentLink(Orderable):
    """A link to a post, session, recording … of another app: its content type and id (arena imports no app).
    Only types registered on arena.hooks.LINKABLE_CONTENT can be chosen, and only published items are shown."""

    page = ParentalKey(ChangeProjectPage, on_delete=models.CASCADE, related_name="content_links")
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveIntegerField()

    class Meta(Orderable.Meta):
        verbose_name = _("related content")
        verbose_name_plural = _("related content")
        constraints = [
            models.UniqueConstraint(
                fields=["page", "content_type", "object_id"],
                name="project_links_each_item_once",
                violation_error_message=_("The project already links to this item."),
            )
        ]

    def clean(self):
        from arena.linkable_content import is_linkable

        super().clean()
        if self.content_type_id and self.object_id and not is_linkable(self.content_type_id, self.object_id):
            raise ValidationError(_("Choose published content of a type that projects can link to."))


class ProjectFollowerQuerySet(models.QuerySet):
    def for_user(self, user):
        """A user sees (and may end) only their own follows."""
        if not user.is_authenticated:
            return self.none()
        return self.filter(user=user)


class ProjectFollower(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("user"), on_delete=models.CASCADE, related_name="followed_projects"
    )
    project = models.ForeignKey(
        ChangeProjectPage, verbose_name=_("project"), on_delete=models.CASCADE, related_name="followers"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ProjectFollowerQuerySet.as_manager()

    class Meta:
        verbose_name = _("project follower")
        verbose_name_plural = _("project followers")
        constraints = [models.UniqueConstraint(fields=["user", "project"], name="follow_a_project_once")]

    def __str__(self):
        return f"{self.user} → {self.project}"


class HomePageFeaturedProject(Orderable):
    """A change project the arena editors feature on the start page."""

    page = ParentalKey("arena.HomePage", on_delete=models.CASCADE, related_name="featured_projects")
    project = models.ForeignKey(
        ChangeProjectPage, verbose_name=_("change project"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("project")]

    class Meta(Orderable.Meta):
        verbose_name = _("featured change project")
        verbose_name_plural = _("featured change projects")
