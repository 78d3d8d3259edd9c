"""The pages whose anonymous cache a change to a post's comments makes stale: those showing the comments or the
post's comment count (its post card). Nothing else is purged, so a comment does not empty the whole cache."""

from arena import page_cache
from blogs import queries


def urls_showing_comments_of(post):
    """The post, the pages above it (its blog space, /bloggar/ and the start page list it on a post card, filtered
    variants included: purging is by path) and its authors' pages."""
    urls = [page.get_url() for page in post.get_ancestors(inclusive=True)]
    blog_index = queries.blog_index()
    if blog_index is not None:
        urls += [
            blog_index.url + blog_index.reverse_subpage("author_route", kwargs={"slug": link.person.slug})
            for link in post.post_authors.select_related("person")
        ]
    return urls


def purge_pages_showing_comments_of(post):
    page_cache.purge_urls(urls_showing_comments_of(post))
