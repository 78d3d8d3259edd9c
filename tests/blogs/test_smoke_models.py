import pytest

from blogs.models import BlogPostPage
from tests.blogs.factories import create_post


@pytest.mark.django_db
def test_provisioning_gives_each_organisation_a_space_and_posts_inherit_it(space_a, org_a):
    assert space_a.url == "/bloggar/forskoleforvaltningen/"
    post = create_post(space_a, "Digital förskola")
    assert post.organisation == org_a
    assert BlogPostPage.objects.live().count() == 1
    assert post.url == f"/bloggar/forskoleforvaltningen/{post.slug}/"
