"""The blogs' sections on the start page: latest posts, and the blog spaces most recently written in."""

from arena.home_sections import HomeSection, varies_by_audience
from blogs import queries

LATEST_POSTS_ON_HOME = 6
# With 40-odd organisations, listing every space (most of them quiet) would bury the active ones.
ACTIVE_SPACES_ON_HOME = 12


@varies_by_audience  # staff-only and group-restricted posts for those who may read them
def latest_posts(request):
    posts = queries.for_listing(queries.posts_visible_to(request.user))[:LATEST_POSTS_ON_HOME]
    return HomeSection("blogs/includes/home_latest_posts.html", {"posts": posts, "blog_index": queries.blog_index()})


@varies_by_audience  # counts and latest posts include what the visitor may read
def blog_spaces(request):
    active = queries.spaces_overview(request.user).filter(post_count__gt=0).order_by("-latest_published", "title")
    spaces = queries.attach_latest_posts(active[:ACTIVE_SPACES_ON_HOME])
    return HomeSection("blogs/includes/home_blog_spaces.html", {"spaces": spaces, "blog_index": queries.blog_index()})
