"""schema.org JSON-LD of the blog pages: a post as a BlogPosting, a blog space as the organisation it belongs to.

Only what anonymous visitors may read is described: never a preview (a draft) nor a post behind a view restriction
(staff only), even when a signed-in editor is the one looking."""

from django.utils import timezone

from arena import structured_data
from arena.site_url import absolute_url

HERO_SPEC = "fill-1200x630"  # the Open Graph image's size (blog_post_page.html): the same rendition serves both


def post_script(request, post, *, space, authors, blog_index):
    """The post page's data block: a BlogPosting with its authors, publisher, image and keywords."""
    if not structured_data.is_public(request, post):
        return ""
    url = absolute_url(post.url)
    node = {
        "@type": "BlogPosting",
        "url": url,
        "mainEntityOfPage": {"@type": "WebPage", "@id": url},
        "headline": post.title,
        "description": post.intro,
        "inLanguage": "sv",
        "datePublished": post.published_date.isoformat(),
        "dateModified": timezone.localtime(post.last_published_at).isoformat() if post.last_published_at else None,
        "author": [
            structured_data.person(
                person, url=blog_index.url + blog_index.reverse_subpage("author_route", kwargs={"slug": person.slug})
            )
            for person in authors
        ],
        "publisher": structured_data.organization(post.organisation) if post.organisation_id else None,
        "image": structured_data.image_object(structured_data.rendition(post.hero_image, HERO_SPEC))
        if post.hero_image
        else None,
        "keywords": [tag.name for tag in post.tags.all()],
        "isPartOf": {"@type": "Blog", "name": space.title, "url": absolute_url(space.url)},
    }
    return structured_data.script(structured_data.without_empty(node))


def space_script(request, space):
    """The blog space is the organisation's page on the site: its Organization, with the space as the page about it."""
    if not structured_data.is_public(request, space):
        return ""
    node = structured_data.organization(space.organisation, with_logo=True)
    node["mainEntityOfPage"] = {"@type": "WebPage", "@id": absolute_url(space.url)}
    return structured_data.script(node)
