"""Maturity's "learn from colleagues" shows every group that an app returns through arena's related-content hook
(arena_related_content), in hook order, with the template unchanged: a new app (a news app, say) only registers
its answer, as change projects did. An answer of None is left out; a group without items shows its own empty
message."""

import pytest
from django.core.cache import cache
from wagtail import hooks
from wagtail.models import Site

from arena.demo.seed import ensure_home_page
from arena.hooks import RELATED_CONTENT
from arena.related_content import RelatedGroup, RelatedItem
from blogs.provisioning import ensure_blog_index
from tests.factories import OrganisationFactory
from tests.helpers.maturity_data import analyst_user, scenario

pytestmark = pytest.mark.django_db


@pytest.fixture
def data(db):
    ensure_home_page()
    Site.objects.filter(is_default_site=True).update(hostname="testserver", port=80)
    ensure_blog_index()
    cache.clear()  # learning links are cached by content version, not by the set of answering apps
    yield scenario(OrganisationFactory(name="Förskoleförvaltningen"), OrganisationFactory(name="Intraservice"))
    cache.clear()


def learning_sections(client, organisation):
    client.force_login(analyst_user())
    response = client.get(f"/mognad/{organisation.slug}/")
    assert response.status_code == 200
    learning = response.content.decode().split('id="learning-heading"', 1)[1]
    return {part.split('"', 1)[0]: part.split("</section>", 1)[0] for part in learning.split('<h3 id="learn-')[1:]}


def test_a_new_apps_group_is_shown_for_every_weak_category_in_hook_order(client, data):
    queries = []

    def news(query):
        queries.append(query)
        return RelatedGroup(
            key="news",
            heading="Nyheter",
            empty_message="Inga nyheter om det här ännu.",
            items=[RelatedItem(title=f"Nyhet om {query.tags[0]}", url="/nyheter/en/", meta="Higab AB")],
        )

    def silent(query):
        return None

    with (
        hooks.register_temporarily(RELATED_CONTENT, news, order=15),
        hooks.register_temporarily(RELATED_CONTENT, silent, order=16),
    ):
        sections = learning_sections(client, data.org_a)

    assert list(sections) == ["effektivitet", "organisation", "innovation"]
    for code, section in sections.items():
        headings = [part.split("</h4>", 1)[0] for part in section.split("<h4>")[1:]]
        # blogs (10), the new app (15), conferences (20), change projects (30), arena's other pages (90); the
        # silent one is left out.
        expected = ["Blogginlägg", "Nyheter", "Programpunkter på konferensen", "Förändringsprojekt", "Sidor"]
        assert headings == expected, code
        assert '<a href="/nyheter/en/">Nyhet om ' in section
        assert "Higab AB" in section
    # Each category asked once, with what it is about and without the organisation's own content.
    assert [query.tags for query in queries] == [("effektivisering",), ("kompetens",), ("innovation",)]
    assert {query.exclude_organisation_id for query in queries} == {data.org_a.pk}


def test_a_new_group_without_items_shows_its_own_empty_message(client, data):
    def projects(query):
        return RelatedGroup(key="projects", heading="Förändringsprojekt", empty_message="Inga projekt om detta ännu.")

    with hooks.register_temporarily(RELATED_CONTENT, projects, order=15):
        sections = learning_sections(client, data.org_a)

    for section in sections.values():
        assert "<h4>Förändringsprojekt</h4>" in section
        assert "Inga projekt om detta ännu." in section
