"""The blogs' sections on the start page: latest posts, and the blog spaces most recently written in."""

from arena.home_sections import home_section
from blogs import queries

LATEST_POSTS_ON_HOME = 6
# With 40-odd organisations, listing every space (most of them quiet) would bury the active ones.
ACTIVE_SPACES_ON_HOME = 12


@home_section(order=10, template="blogs/includes/home_latest_posts.html")
def latest_posts(request):
    posts = queries.for_listing(queries.posts_visible_to(request.user))[:LATEST_POSTS_ON_HOME]
    return {"posts": posts, "blog_index": queries.blog_index()}


@home_section(order=20, template="blogs/includes/home_blog_spaces.html")
def blog_spaces(request):
    active = queries.spaces_overview(request.user).filter(post_count__gt=0).order_by("-latest_published", "title")
    return {"spaces": queries.attach_latest_posts(active[:ACTIVE_SPACES_ON_HOME]), "blog_index": queries.blog_index()}
