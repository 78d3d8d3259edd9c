"""Change projects (/forandringsprojekt/): the models and their validation, the index's filters and pagination,
query counts, the start page's featured projects, related content and the linkable-content hook."""

import datetime

import pytest
from django.contrib.auth.models import AnonymousUser
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.forms import modelform_factory
from wagtail.models import GroupPagePermission, Page, Site, WorkflowPage

from arena.demo.seed import ensure_home_page
from arena.linkable_content import LinkedItem, choice_value, linkable_types, resolve, type_for_key
from arena.models import (
    ChangeProjectIndexPage,
    ChangeProjectPage,
    HomePageFeaturedProject,
    ProjectContentLink,
    ProjectStatus,
    ProjectUpdate,
)
from arena.projects import queries
from arena.projects.admin_forms import ContentLinkForm
from arena.projects.setup import WORKFLOW_NAME, ensure_projects_section
from arena.related_content import RelatedQuery, excluded_page_models, related_content
from arena.roles import ARENA_EDITORS
from tests.arena.projects_helpers import create_project
from tests.blogs.factories import FocusAreaFactory, create_post
from tests.factories import DocumentFactory, OrganisationFactory

pytestmark = pytest.mark.django_db

INDEX_URL = "/forandringsprojekt/"


@pytest.fixture
def home(db):
    home = ensure_home_page()
    Site.objects.filter(is_default_site=True).update(hostname="testserver", port=80)
    return home


@pytest.fixture
def index(home):
    return ensure_projects_section(home)


@pytest.fixture
def owner(index):
    return OrganisationFactory(name="Intraservice")


@pytest.fixture
def partner(index):
    return OrganisationFactory(name="Higab AB")


# --- The section: index page, permissions, workflow ----------------------------------------------------------


def test_the_section_is_set_up_once_under_the_home_page(home):
    first = ensure_projects_section(home)
    second = ensure_projects_section(home)
    assert first.pk == second.pk
    assert first.url == INDEX_URL
    assert first.live
    assert ChangeProjectIndexPage.objects.count() == 1
    workflow = WorkflowPage.objects.get(page=first).workflow
    assert workflow.name == WORKFLOW_NAME
    assert [group.name for group in workflow.tasks.get().specific.groups.all()] == [ARENA_EDITORS]
    granted = set(
        GroupPagePermission.objects.filter(page=first, group__name=ARENA_EDITORS).values_list(
            "permission__codename", flat=True
        )
    )
    assert granted == {"add_page", "change_page", "publish_page"}


def test_without_a_home_page_nothing_is_made(db):
    assert ensure_projects_section() is None
    assert not ChangeProjectIndexPage.objects.exists()


def test_page_tree_is_strict():
    assert ChangeProjectIndexPage.parent_page_types == ["arena.HomePage"]
    assert ChangeProjectIndexPage.subpage_types == ["arena.ChangeProjectPage"]
    assert ChangeProjectIndexPage.max_count == 1
    assert ChangeProjectPage.parent_page_types == ["arena.ChangeProjectIndexPage"]
    assert ChangeProjectPage.subpage_types == []


def test_status_values_are_ascii_and_labels_swedish():
    assert [value for value, _label in ProjectStatus.choices] == [
        "ide",
        "forstudie",
        "pagaende",
        "forvaltning",
        "avslutad",
    ]
    assert [str(label) for _value, label in ProjectStatus.choices] == [
        "idé",
        "förstudie",
        "pågående",
        "i förvaltning",
        "avslutad",
    ]


# --- Validation --------------------------------------------------------------------------------------------------


def test_end_before_start_is_refused_in_swedish(index, owner):
    project = ChangeProjectPage(
        title="Baklänges",
        slug="baklanges",
        organisation=owner,
        summary="Slutar innan det börjar.",
        start_date=datetime.date(2025, 5, 1),
        end_date=datetime.date(2025, 4, 30),
    )
    with pytest.raises(ValidationError) as error:
        index.add_child(instance=project)
    assert error.value.message_dict["end_date"] == ["Slutdatumet kan inte vara före startdatumet."]
    assert not ChangeProjectPage.objects.exists()


def test_same_start_and_end_day_is_fine(index, owner):
    project = create_project(index, owner, start=datetime.date(2025, 5, 1), end=datetime.date(2025, 5, 1))
    assert project.live


def test_tags_get_ascii_slugs(index, owner):
    project = create_project(index, owner, tags=["öppna data", "välfärdsteknik"])
    assert sorted(tag.slug for tag in project.tags.all()) == ["oppna-data", "valfardsteknik"]


def test_updates_are_newest_first(index, owner):
    project = create_project(
        index,
        owner,
        updates=[(datetime.date(2024, 1, 1), "Först"), (datetime.date(2025, 1, 1), "Senast")],
    )
    assert [update.text for update in project.updates.all()] == ["Senast", "Först"]


# --- The linkable-content hook -------------------------------------------------------------------------------


def test_the_apps_register_posts_sessions_and_recordings():
    assert [linkable.key for linkable in linkable_types()] == ["post", "session", "recording"]
    assert [str(linkable.label) for linkable in linkable_types()] == ["Blogginlägg", "Programpunkt", "Inspelning"]


def test_resolve_shows_only_published_items_in_order(index, owner):
    space = owner.blog_space
    first, draft, staff_only, last = (
        create_post(space, "Första"),
        create_post(space, "Utkast", live=False),
        create_post(space, "Internt", staff_only=True),
        create_post(space, "Sista"),
    )
    post_type = ContentType.objects.get_for_model(first).pk
    items = resolve([(post_type, post.pk) for post in (last, draft, staff_only, first)] + [(999999, 1)])
    assert items == [
        LinkedItem(kind="Blogginlägg", title="Sista", url=last.url, meta="Intraservice"),
        LinkedItem(kind="Blogginlägg", title="Första", url=first.url, meta="Intraservice"),
    ]
    assert type_for_key("post").find(first.slug) == first
    assert type_for_key("post").find(draft.slug) is None


def test_admin_chooser_offers_published_items_and_stores_the_pair(index, owner):
    post = create_post(owner.blog_space, "Om e-arkivet")
    draft = create_post(owner.blog_space, "Hemligt utkast", live=False)
    project = create_project(index, owner)
    form_class = modelform_factory(ProjectContentLink, form=ContentLinkForm, fields=["item"])
    post_type = ContentType.objects.get_for_model(post).pk

    offered = dict(form_class().fields["item"].choices)
    assert (choice_value(post_type, post.pk), "Om e-arkivet") in offered["Blogginlägg"]
    assert choice_value(post_type, draft.pk) not in dict(offered["Blogginlägg"])

    refused = form_class(data={"item": choice_value(post_type, draft.pk)}, instance=ProjectContentLink(page=project))
    assert not refused.is_valid()
    assert refused.errors["item"] == ["Välj publicerat innehåll i listan."]

    form = form_class(data={"item": choice_value(post_type, post.pk)}, instance=ProjectContentLink(page=project))
    assert form.is_valid(), form.errors
    link = form.save()
    assert (link.content_type_id, link.object_id) == (post_type, post.pk)
    assert form_class(instance=link).initial["item"] == choice_value(post_type, post.pk)


def test_a_link_to_an_unregistered_type_is_refused(index, owner):
    project = create_project(index, owner)
    link = ProjectContentLink(page=project, content_type=ContentType.objects.get_for_model(Page), object_id=project.pk)
    with pytest.raises(ValidationError) as error:
        link.full_clean()
    assert "Välj publicerat innehåll av en typ som projekt kan länka till." in error.value.messages


# --- The index ---------------------------------------------------------------------------------------------------


@pytest.fixture
def projects(index, owner, partner):
    area = FocusAreaFactory(name="Data och digital infrastruktur", slug="data-och-digital-infrastruktur")
    return {
        "archive": create_project(
            index,
            owner,
            "E-arkiv för hela staden",
            status=ProjectStatus.MAINTENANCE,
            start=datetime.date(2021, 3, 1),
            end=datetime.date(2023, 6, 30),
            focus_areas=[area],
        ),
        "sensors": create_project(
            index, partner, "Sensorer i gamla hus", status=ProjectStatus.ONGOING, start=datetime.date(2024, 4, 1)
        ),
        "shared": create_project(
            index,
            partner,
            "Digital tvilling",
            status=ProjectStatus.IDEA,
            start=datetime.date(2025, 1, 1),
            partners=[owner],
        ),
        "draft": create_project(index, owner, "Hemligt utkast", live=False),
        "internal": create_project(index, owner, "Internt projekt", staff_only=True),
    }


def listed(response):
    return [project.title for project in response.context["projects"]]


def test_index_lists_live_public_projects(client, projects):
    response = client.get(INDEX_URL)
    assert response.status_code == 200
    assert sorted(listed(response)) == ["Digital tvilling", "E-arkiv för hela staden", "Sensorer i gamla hus"]
    assert "Hemligt utkast" not in response.content.decode()


def test_logged_in_staff_also_see_staff_only_projects(client, projects, staff):
    client.force_login(staff)
    assert "Internt projekt" in listed(client.get(INDEX_URL))


@pytest.mark.parametrize(
    "query, expected",
    [
        ("organisation=intraservice", ["Digital tvilling", "E-arkiv för hela staden"]),  # owner or partner
        ("status=forvaltning", ["E-arkiv för hela staden"]),
        ("fokus=data-och-digital-infrastruktur", ["E-arkiv för hela staden"]),
        ("ar=2022", ["E-arkiv för hela staden"]),  # running in 2022
        ("ar=2024", ["Sensorer i gamla hus"]),  # the archive ended in 2023; no end date = still running
        ("organisation=higab-ab&status=ide", ["Digital tvilling"]),
    ],
)
def test_index_filters(client, projects, query, expected):
    response = client.get(f"{INDEX_URL}?{query}")
    assert response.status_code == 200
    assert sorted(listed(response)) == expected


def test_filters_are_a_get_form_without_javascript(client, projects):
    html = client.get(INDEX_URL).content.decode()
    assert '<form class="filter-form" method="get" action="/forandringsprojekt/"' in html
    for name in ("organisation", "status", "fokus", "ar"):
        assert f'name="{name}"' in html
    assert '<option value="pagaende">pågående</option>' in html


@pytest.mark.parametrize(
    "query, message",
    [
        ("status=okand", "Välj ett giltigt alternativ."),
        ("ar=abc", "Välj ett giltigt alternativ."),
        ("organisation=finns-inte", "Välj ett giltigt alternativ."),
        ("organisation=%00", "Filtret innehöll tecken som inte är tillåtna, så det användes inte."),
        ("fokus=a%00b&status=pagaende", "Filtret innehöll tecken som inte är tillåtna, så det användes inte."),
    ],
)
def test_bad_filters_are_a_swedish_400_never_a_500(client, projects, query, message):
    response = client.get(f"{INDEX_URL}?{query}")
    assert response.status_code == 400
    html = response.content.decode()
    assert message in html
    assert "\x00" not in html
    assert response.context["projects"].paginator.count >= 1  # the valid filters still apply, the listing stays


def test_a_bad_filter_leaves_the_others_in_force(client, projects):
    response = client.get(f"{INDEX_URL}?status=pagaende&ar=abc")
    assert response.status_code == 400
    assert listed(response) == ["Sensorer i gamla hus"]


def test_index_is_paginated(client, index, owner):
    for number in range(14):
        create_project(index, owner, f"Projekt {number:02d}", revision=False)
    first = client.get(INDEX_URL)
    assert len(first.context["projects"]) == 12
    assert 'aria-label="Sidor med förändringsprojekt"' in first.content.decode()
    second = client.get(f"{INDEX_URL}?sida=2")
    assert second.status_code == 200
    assert len(second.context["projects"]) == 2
    assert client.get(f"{INDEX_URL}?sida=9").status_code == 404
    assert client.get(f"{INDEX_URL}?sida=%00").status_code == 200


def add_listed_projects(index, owner, partner, area, start, count):
    for number in range(start, start + count):
        create_project(index, owner, f"Projekt {number}", revision=False, focus_areas=[area], partners=[partner])


def test_index_query_count_is_flat_at_10_and_50_projects(client, index, owner, partner, django_assert_max_num_queries):
    area = FocusAreaFactory()
    url = f"{INDEX_URL}?fokus={area.slug}&ar=2024"
    add_listed_projects(index, owner, partner, area, 0, 10)
    client.get(INDEX_URL)  # the first request of a site creates its settings row and caches its root paths
    with django_assert_max_num_queries(20) as small:
        assert client.get(url).status_code == 200
    add_listed_projects(index, owner, partner, area, 10, 40)
    with django_assert_max_num_queries(20) as large:
        response = client.get(url)
    assert response.status_code == 200
    assert response.context["projects"].paginator.count == 50
    assert len(large) == len(small)


# --- A project page ----------------------------------------------------------------------------------------------


def test_project_page_shows_its_facts(client, index, owner, partner):
    project = create_project(
        index,
        owner,
        "E-arkiv för hela staden",
        status=ProjectStatus.MAINTENANCE,
        partners=[partner],
        updates=[(datetime.date(2024, 6, 28), "Projektet är avslutat.")],
        benefits=[("Anslutna system", "20")],
    )
    response = client.get(project.url)
    assert response.status_code == 200
    html = response.content.decode()
    for text in ("E-arkiv för hela staden", "I förvaltning", "Intraservice", "Higab AB", "Projektet är avslutat."):
        assert text in html
    assert "Anslutna system" in html and "ännu inte känt" in html
    assert "Logga in för att följa projektet" in html


def test_project_page_lists_only_public_documents(client, index, owner):
    from wagtail.models import Collection, CollectionViewRestriction

    from arena.models import ProjectDocument

    root = Collection.get_first_root_node()
    closed = root.add_child(name="Internt")
    CollectionViewRestriction.objects.create(collection=closed, restriction_type=CollectionViewRestriction.LOGIN)
    public = DocumentFactory(title="Plan för digitalisering")
    internal = DocumentFactory(title="Intern budget", collection=closed)
    project = create_project(index, owner, revision=False)
    for document in (public, internal):
        ProjectDocument.objects.create(page=project, document=document)
    assert "Plan för digitalisering" in client.get(project.url).content.decode()
    assert "Intern budget" not in client.get(project.url).content.decode()


def add_related_items(project, owner, start, count):
    """`count` updates, benefits and partners, and a tenth as many documents and linked posts."""
    from arena.models import ProjectBenefit, ProjectDocument

    project.partner_organisations.add(*[OrganisationFactory() for _number in range(count // 10)])
    ProjectUpdate.objects.bulk_create(
        ProjectUpdate(page=project, date=datetime.date(2024, 1, 1), text=f"Nytt {number}")
        for number in range(start, start + count)
    )
    ProjectBenefit.objects.bulk_create(
        ProjectBenefit(page=project, indicator=f"Indikator {number}", target="10", sort_order=number)
        for number in range(start, start + count)
    )
    ProjectDocument.objects.bulk_create(
        ProjectDocument(page=project, document=DocumentFactory()) for _number in range(count // 10)
    )
    post_type = ContentType.objects.get(app_label="blogs", model="blogpostpage")
    ProjectContentLink.objects.bulk_create(
        ProjectContentLink(page=project, content_type=post_type, object_id=create_post(owner.blog_space).pk)
        for _number in range(count // 10)
    )


def test_project_page_query_count_is_flat_at_10_and_200_items(client, index, owner, django_assert_max_num_queries):
    project = create_project(index, owner, revision=False)
    add_related_items(project, owner, 0, 10)
    client.get(project.url)  # the first request of a site creates its settings row and caches its root paths
    with django_assert_max_num_queries(20) as small:
        assert client.get(project.url).status_code == 200
    add_related_items(project, owner, 10, 190)
    with django_assert_max_num_queries(20) as large:
        response = client.get(project.url)
    assert response.status_code == 200
    assert len(response.context["updates"]) == 200
    assert len(response.context["linked_items"]) == 20
    assert len(response.context["documents"]) == 20
    assert len(large) == len(small)


# --- Start page ----------------------------------------------------------------------------------------------------


def test_start_page_shows_the_editors_choice_first_then_the_latest(client, home, index, owner):
    chosen = create_project(index, owner, "Utvalt projekt")
    latest = create_project(index, owner, "Senast publicerat")
    create_project(index, owner, "Utkast på startsidan", live=False)
    HomePageFeaturedProject.objects.create(page=home, project=chosen, sort_order=0)
    response = client.get("/")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="featured-projects-heading">Förändringsprojekt</h2>' in html
    assert html.index("Utvalt projekt") < html.index("Senast publicerat")
    assert "Utkast på startsidan" not in html
    assert latest.title in html


def test_start_page_without_projects_has_no_project_section(client, home, index):
    assert "featured-projects-heading" not in client.get("/").content.decode()


def test_start_page_query_count_is_flat(client, home, index, owner, django_assert_max_num_queries):
    for number in range(5):
        HomePageFeaturedProject.objects.create(page=home, project=create_project(index, owner), sort_order=number)
    with django_assert_max_num_queries(25):
        assert client.get("/").status_code == 200


# --- Related content (maturity's "learn from colleagues") ------------------------------------------------------


def test_related_content_suggests_public_projects_of_other_organisations(index, owner, partner):
    area = FocusAreaFactory()
    mine = create_project(index, owner, "Vårt eget", focus_areas=[area])
    theirs = create_project(index, partner, "Kollegornas projekt", focus_areas=[area])
    create_project(index, partner, "Kollegornas utkast", focus_areas=[area], live=False)
    groups = {
        group.key: group
        for group in related_content(RelatedQuery(focus_area_ids=(area.pk,), exclude_organisation_id=owner.pk))
    }
    assert [item.title for item in groups["projects"].items] == ["Kollegornas projekt"]
    assert groups["projects"].items[0].url == theirs.url
    assert str(groups["projects"].heading) == "Förändringsprojekt"
    assert mine.title not in [item.title for item in groups["projects"].items]


def test_arena_generic_pages_answer_skips_projects():
    assert {ChangeProjectIndexPage, ChangeProjectPage} <= set(excluded_page_models())


# --- API ---------------------------------------------------------------------------------------------------------


def test_api_lists_only_live_public_projects(client, projects):
    response = client.get("/api/v2/pages/", {"type": "arena.ChangeProjectPage", "fields": "status,organisation_name"})
    assert response.status_code == 200
    items = response.json()["items"]
    assert sorted(item["title"] for item in items) == [
        "Digital tvilling",
        "E-arkiv för hela staden",
        "Sensorer i gamla hus",
    ]
    assert {item["status"] for item in items} == {"forvaltning", "pagaende", "ide"}
    assert client.get(f"/api/v2/pages/{projects['draft'].pk}/").status_code == 404
    assert client.get(f"/api/v2/pages/{projects['internal'].pk}/").status_code == 404


def test_projects_are_searchable(index, owner):
    project = create_project(index, owner, "Lärplattor i förskolan")
    assert project in ChangeProjectPage.objects.live().search("Lärplattor")


def test_anonymous_visitors_see_no_staff_only_project(index, owner):
    create_project(index, owner, "Internt", staff_only=True)
    assert not queries.projects_visible_to(AnonymousUser()).exists()


def test_sql_privacy_filter_agrees_with_wagtails_public(index, owner, partner):
    """arena.visibility: a restriction on a page or on any ancestor hides it, as Wagtail's .public() does."""
    from wagtail.models import PageViewRestriction

    from arena.visibility import without_page_restrictions

    open_project = create_project(index, owner, "Öppet")
    own_restriction = create_project(index, owner, "Eget lösenord", staff_only=True)
    under_restricted_space = create_post(partner.blog_space, "I en låst blogg")
    PageViewRestriction.objects.create(page=partner.blog_space, restriction_type=PageViewRestriction.LOGIN)
    pages = Page.objects.filter(pk__in=[open_project.pk, own_restriction.pk, under_restricted_space.pk])
    assert set(without_page_restrictions(pages)) == set(pages.public()) == {open_project.page_ptr}
