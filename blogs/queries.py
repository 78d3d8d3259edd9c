"""Read-side queries for blog listings. Visibility rules live here and nowhere else."""

import functools
import operator

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.core.cache import cache
from django.db.models import Count, OuterRef, Prefetch, Q, Subquery
from django.db.models.functions import Coalesce
from wagtail.models import PageViewRestriction

from arena import page_cache, request_memo
from arena.models import Person
from arena.user_rights import audience_of
from blogs.models import BlogIndexPage, BlogPostAuthor, BlogPostPage, BlogSpacePage, Comment


def blog_index():
    """The blog root (/bloggar/); a site has one."""
    return BlogIndexPage.objects.first()


def posts_visible_to(user):
    """Live posts the user may read: anonymous visitors only public ones; signed-in users also staff-only posts (a
    login view restriction) and posts restricted to one of their groups, never a password-protected one (a listing
    cannot ask for the password, and its title and introduction are what the password protects)."""
    posts = BlogPostPage.objects.live()
    closed = closed_paths(user)
    if not closed:
        return posts
    # The restricted page is the post or an ancestor: its path is a prefix of the post's path.
    return posts.exclude(functools.reduce(operator.or_, (Q(path__startswith=path) for path in closed)))


def closed_paths(user):
    """The tree paths of the pages whose view restriction the user does not pass (Wagtail's rule for viewing a page:
    a login restriction passes any signed-in user, a groups restriction its members and superusers, and a listing
    passes no password), without the paths below another one in the list.

    One small query, cached per audience (arena.user_rights.audience_of) under the site-wide page-cache generation,
    which every change to a view restriction bumps (arena.signals). A list of prefixes instead of a correlated
    subquery keeps each post listing a plain scan: the subquery ran once per post and took a second at 500 posts."""
    if settings.PAGE_CACHE_SECONDS <= 0:
        return _closed_paths(user)
    key = f"blogs:closed-paths:{page_cache.generation()}:{audience_of(user)}"
    paths = request_memo.cache_get(key)  # once per request however many listings a page has
    if paths is None:
        paths = _closed_paths(user)
        cache.set(key, paths, settings.PAGE_CACHE_SECONDS)
        request_memo.remember(key, paths)
    return paths


def _closed_paths(user):
    restrictions = PageViewRestriction.objects.all()
    if user.is_authenticated:
        restrictions = restrictions.exclude(restriction_type=PageViewRestriction.LOGIN)
        if user.is_superuser:
            restrictions = restrictions.filter(restriction_type=PageViewRestriction.PASSWORD)
        else:
            restrictions = restrictions.exclude(
                restriction_type=PageViewRestriction.GROUPS, groups__in=user.groups.values("pk")
            )
    paths = sorted(set(restrictions.values_list("page__path", flat=True)))
    outermost = []
    for path in paths:  # sorted: an ancestor's path comes right before the paths below it
        if not outermost or not path.startswith(outermost[-1]):
            outermost.append(path)
    return outermost


def public_posts():
    """What feeds, the API-facing listings and anonymous pages may show: live and without restrictions."""
    return posts_visible_to(AnonymousUser())


def visible_comment_count():
    """An annotation: the number of shown comments of each post (listings have already filtered the posts)."""
    counts = Comment.objects.visible().filter(post=OuterRef("pk")).order_by().values("post").annotate(n=Count("pk"))
    return Coalesce(Subquery(counts.values("n")), 0)


def for_listing(posts):
    """Everything a post card needs, in a fixed number of queries however many posts there are."""
    return (
        posts.select_related("organisation", "organisation__blog_space", "hero_image")
        .prefetch_related(
            "hero_image__renditions",
            "tags",
            "focus_areas",
            Prefetch("post_authors", queryset=BlogPostAuthor.objects.select_related("person").order_by("sort_order")),
        )
        .annotate(visible_comment_count=visible_comment_count())
        .order_by("-published_date", "-pk")
    )


def filter_posts(posts, *, organisation=None, tag=None, focus_area=None, year=None):
    if organisation:
        posts = posts.filter(organisation__slug=organisation)
    if tag:
        posts = posts.filter(tags__slug=tag)
    if focus_area:
        posts = posts.filter(focus_areas__slug=focus_area)
    if year:
        posts = posts.filter(published_date__year=year)
    return posts.distinct() if (tag or focus_area) else posts


def post_years(posts):
    return sorted({d.year for d in posts.dates("published_date", "year")}, reverse=True)


def spaces_overview(user):
    """Each active organisation's space with its number of visible posts and its latest post (two queries)."""
    visible = posts_visible_to(user)
    latest = visible.filter(organisation=OuterRef("organisation")).order_by("-published_date", "-pk")
    return (
        BlogSpacePage.objects.live()
        .select_related("organisation")
        .filter(organisation__active=True)
        .annotate(
            post_count=Coalesce(
                Subquery(
                    visible.filter(organisation=OuterRef("organisation"))
                    .order_by()
                    .values("organisation")
                    .annotate(n=Count("pk"))
                    .values("n")[:1]
                ),
                0,
            ),
            latest_post_id=Subquery(latest.values("pk")[:1]),
            latest_published=Subquery(latest.values("published_date")[:1]),
        )
        .order_by("title")
    )


def index_spaces(user):
    """/bloggar/'s organisation filter and its list of blogs, from one query.

    Returns (every organisation with a live space, the spaces with at least one post the user may see, with
    their post counts), both by organisation name.
    """
    spaces = list(spaces_overview(user).order_by("organisation__name"))
    return [space.organisation for space in spaces], [space for space in spaces if space.post_count]


def attach_latest_posts(spaces):
    """Give each space from spaces_overview() its latest post object, fetched in one query."""
    spaces = list(spaces)
    ids = [space.latest_post_id for space in spaces if space.latest_post_id]
    latest = BlogPostPage.objects.in_bulk(ids)
    for space in spaces:
        space.latest_post = latest.get(space.latest_post_id)
    return spaces


def post_comments(post, user):
    """The comments shown under a post: those the user may read that are not hidden, oldest first."""
    return (
        Comment.objects.for_user(user)
        .visible()
        .filter(post=post)
        .select_related("author", "author__person")
        .order_by("created_at")
    )


def author(slug):
    """The person behind /bloggar/forfattare/<slug>/, or None."""
    return Person.objects.select_related("organisation", "photo").filter(slug=slug).first()


def posts_by(person, user):
    return for_listing(posts_visible_to(user).filter(post_authors__person=person))


RELATED_POSTS = 3


def related_posts(post, user):
    """Other visible posts sharing a tag or focus area with this one, newest first."""
    # .all(), not values_list(): reads prefetched tags/areas, and the in-memory ones of a preview.
    tag_ids = [tag.pk for tag in post.tags.all()]
    area_ids = [area.pk for area in post.focus_areas.all()]
    if not tag_ids and not area_ids:
        return []
    related = (
        posts_visible_to(user)
        .filter(Q(tags__in=tag_ids) | Q(focus_areas__in=area_ids))
        .exclude(pk=post.pk)
        .distinct()
        .select_related("organisation")
        .order_by("-published_date", "-pk")[:RELATED_POSTS]
    )
    return list(related)
