"""The blogs' sections on the start page: latest posts, and every organisation's blog space."""

from arena.home_sections import home_section
from blogs import queries

LATEST_POSTS_ON_HOME = 6


@home_section(order=10, template="blogs/includes/home_latest_posts.html")
def latest_posts(request):
    posts = queries.for_listing(queries.posts_visible_to(request.user))[:LATEST_POSTS_ON_HOME]
    return {"posts": posts}


@home_section(order=20, template="blogs/includes/home_blog_spaces.html")
def blog_spaces(request):
    return {"spaces": queries.attach_latest_posts(queries.spaces_overview(request.user))}
