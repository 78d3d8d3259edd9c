"""The blog pages' fragments for signed-in visitors (arena.fragments): /bloggar/, a blog space, an author's page and a
post are cached per audience at the page's content version. What changes content shows at once for signed-in staff
(publishing, unpublishing, a comment), and what one audience may read never reaches another through the cache."""

import pytest
from django.contrib.auth.models import Group
from django.test import Client

from blogs.services import add_comment
from tests.blogs.factories import PersonFactory, create_post, restrict
from tests.factories import UserFactory

pytestmark = [pytest.mark.usefixtures("caches_on"), pytest.mark.django_db, pytest.mark.redis]

INDEX = "/bloggar/"


@pytest.fixture
def author(org_a):
    return PersonFactory(organisation=org_a, slug="ada-skribent", name="Ada Skribent")


@pytest.fixture
def first_post(space_a, author):
    return create_post(space_a, "Första inlägget", authors=[author])


def signed_in(user):
    client = Client()
    client.force_login(user)
    return client


def text_of(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def blog_pages(space, post, author):
    return [INDEX, space.url, f"{INDEX}forfattare/{author.slug}/", post.url]


def test_a_published_post_shows_at_once_for_signed_in_staff(space_a, author, first_post):
    staff = signed_in(UserFactory())
    listings = [INDEX, space_a.url, f"{INDEX}forfattare/{author.slug}/"]
    for url in listings + [first_post.url]:
        assert "Nytt inlägg om AI" not in text_of(staff, url)
    create_post(space_a, "Nytt inlägg om AI", authors=[author], tags=["ai"])
    for url in listings:
        assert "Nytt inlägg om AI" in text_of(staff, url), url


def test_an_unpublished_post_leaves_at_once(space_a, author, first_post):
    leaving = create_post(space_a, "Inlägg som dras tillbaka", authors=[author])
    staff = signed_in(UserFactory())
    listings = [INDEX, space_a.url, f"{INDEX}forfattare/{author.slug}/"]
    for url in listings:
        assert "Inlägg som dras tillbaka" in text_of(staff, url)
    leaving.unpublish()
    for url in listings:
        assert "Inlägg som dras tillbaka" not in text_of(staff, url), url
    assert staff.get(leaving.url).status_code == 404


def test_a_new_comment_shows_at_once_on_the_post_and_its_listings(
    space_a, author, first_post, django_capture_on_commit_callbacks
):
    reader = UserFactory(first_name="Rut", last_name="Läsare")
    staff = signed_in(UserFactory())
    for url in blog_pages(space_a, first_post, author):
        assert "0 kommentarer" in text_of(staff, url), url
    with django_capture_on_commit_callbacks(execute=True):  # the purge waits for the comment's commit
        add_comment(reader, first_post, "Mycket bra skrivet om robotar!")
    for url in blog_pages(space_a, first_post, author):
        assert "1 kommentar" in text_of(staff, url), url
    assert "Mycket bra skrivet om robotar!" in text_of(staff, first_post.url)


def test_the_report_button_and_form_stay_personal(space_a, first_post, django_capture_on_commit_callbacks):
    """The comments are cached per audience, apart for a reader who wrote one (no report button on their own); the
    CSRF tokens are rendered for each reader, outside the cached comments."""
    writer, reader = UserFactory(), UserFactory()
    with django_capture_on_commit_callbacks(execute=True):
        add_comment(writer, first_post, "Min egen kommentar.")
    writer_client, reader_client = signed_in(writer), signed_in(reader)
    text_of(reader_client, first_post.url)  # fills the audience's cache before the writer comes
    writer_page = text_of(writer_client, first_post.url)
    reader_page = text_of(reader_client, first_post.url)
    assert "Min egen kommentar." in writer_page and "Min egen kommentar." in reader_page
    assert 'form="kommentar-rapport"' not in writer_page
    assert 'form="kommentar-rapport"' in reader_page
    writer_tokens = {line for line in writer_page.splitlines() if "csrfmiddlewaretoken" in line}
    reader_tokens = {line for line in reader_page.splitlines() if "csrfmiddlewaretoken" in line}
    assert writer_tokens and reader_tokens and not writer_tokens & reader_tokens


def test_a_comment_form_with_errors_is_never_cached_for_others(space_a, first_post):
    writer, reader = signed_in(UserFactory()), signed_in(UserFactory())
    text_of(reader, first_post.url)
    response = writer.post(first_post.url, {"body": ""})
    assert response.status_code == 400
    assert 'aria-invalid="true"' in response.content.decode()
    assert 'aria-invalid="true"' not in text_of(reader, first_post.url)
    assert 'aria-invalid="true"' not in text_of(writer, first_post.url)


def test_a_staff_only_post_never_reaches_anonymous_visitors(space_a, author, first_post):
    secret = create_post(space_a, "Internt om lönesystemet", authors=[author], staff_only=True)
    staff = signed_in(UserFactory())
    for url in blog_pages(space_a, first_post, author)[:3]:
        assert "Internt om lönesystemet" in text_of(staff, url), url
    assert "Internt om lönesystemet" in text_of(staff, secret.url)
    anonymous = Client()
    for url in blog_pages(space_a, first_post, author):
        assert "Internt om lönesystemet" not in text_of(anonymous, url), url
    assert anonymous.get(secret.url).status_code == 302  # to the login page


def test_a_group_restricted_post_never_reaches_staff_outside_the_group(space_a, author, first_post):
    secret = create_post(space_a, "Bara för projektgruppen", authors=[author])
    group = Group.objects.create(name="Projektgruppen")
    restrict(secret, "groups", groups=[group])
    member = UserFactory()
    member.groups.add(group)
    member_client = signed_in(member)
    for url in blog_pages(space_a, first_post, author)[:3]:
        assert "Bara för projektgruppen" in text_of(member_client, url), url
    assert "Bara för projektgruppen" in text_of(member_client, secret.url)
    outsider = signed_in(UserFactory())
    for url in blog_pages(space_a, first_post, author):
        assert "Bara för projektgruppen" not in text_of(outsider, url), url
    assert outsider.get(secret.url).status_code == 302  # to the login page


def test_a_restriction_takes_a_post_out_of_every_signed_in_listing_at_once(space_a, author, first_post):
    post = create_post(space_a, "Snart begränsat inlägg", authors=[author])
    staff = signed_in(UserFactory())
    listings = [INDEX, space_a.url, f"{INDEX}forfattare/{author.slug}/"]
    for url in listings:
        assert "Snart begränsat inlägg" in text_of(staff, url)
    restrict(post, "groups", groups=[Group.objects.create(name="Ledningsgruppen")])
    for url in listings:
        assert "Snart begränsat inlägg" not in text_of(staff, url), url


def test_a_group_taken_off_a_restriction_loses_its_posts_at_once(space_a, author, first_post):
    """Changing only a restriction's groups (no save of the restriction itself) gives cached listings new keys."""
    post = create_post(space_a, "Bara för två grupper", authors=[author])
    kept, dropped = Group.objects.create(name="Kvar"), Group.objects.create(name="Borttagen")
    restriction = restrict(post, "groups", groups=[kept, dropped])
    member = UserFactory()
    member.groups.add(dropped)
    client = signed_in(member)
    assert "Bara för två grupper" in text_of(client, INDEX)
    restriction.groups.remove(dropped)
    assert "Bara för två grupper" not in text_of(client, INDEX)
