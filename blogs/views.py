"""Views behind the blog pages' routes. Pages stay thin; queries come from blogs.queries, rules from services."""

from functools import cache

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import prefetch_related_objects
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext as _

from arena import fragments
from arena.models import FocusArea
from arena.pagination import paginate
from blogs import queries, services, structured_data
from blogs.forms import CommentForm, CommentReportForm, PostFilterForm

POSTS_PER_PAGE = 12


def blog_index(request, page):
    form = PostFilterForm(request.GET)
    filters = form.cleaned_data if form.is_valid() else {}

    def posts():
        return queries.filter_posts(
            queries.for_listing(queries.posts_visible_to(request.user)),
            organisation=filters.get("organisation"),
            tag=filters.get("tagg"),
            focus_area=filters.get("fokus"),
            year=filters.get("ar"),
        )

    status = 200 if form.is_valid() else 400
    # Lazy: read only when the page's fragment is rendered, never on a fragment-cache hit.
    space_lists = SimpleLazyObject(lambda: queries.index_spaces(request.user))
    context = page.get_context(request)
    context.update(
        posts=_paginate(request, posts),
        filter_form=form,
        active_filters={key: value for key, value in filters.items() if value},
        organisations=SimpleLazyObject(lambda: space_lists[0]),
        spaces=SimpleLazyObject(lambda: space_lists[1]),
        focus_areas=FocusArea.objects.all(),
        years=SimpleLazyObject(lambda: queries.post_years(queries.posts_visible_to(request.user))),
    )
    return TemplateResponse(request, "blogs/blog_index_page.html", context, status=status)


def blog_space(request, page):
    def posts():
        return queries.for_listing(queries.posts_visible_to(request.user).child_of(page))

    # The organisation names the page in its title and head (outside the cached fragments); it changes only with a
    # purge (arena.signals), which gives the cached copy a new key.
    page.organisation = fragments.cached(request, "organisation", lambda: page.organisation, per_audience=False)
    context = page.get_context(request)
    context.update(
        posts=_paginate(request, posts),
        organisation=page.organisation,
        structured_data=SimpleLazyObject(lambda: structured_data.space_script(request, page)),
    )
    return TemplateResponse(request, "blogs/blog_space_page.html", context)


def author_page(request, index_page, slug):
    # The person names the page in its title and head (outside the cached fragment). Saving a person purges the page
    # cache (arena.signals), which gives the cached copy a new key; an unknown slug is not cached (None).
    person = fragments.cached(request, "author", lambda: queries.author(slug), per_audience=False)
    if person is None:
        raise Http404(_("There is no such author."))
    context = index_page.get_context(request)
    context.update(person=person, posts=_paginate(request, lambda: queries.posts_by(person, request.user)))
    return TemplateResponse(request, "blogs/author_page.html", context)


class _CountedPosts:
    """A listing whose length is already known, so paginating it (page numbers, 404 past the last page, the title's
    "page 2 of 5") costs no query. The page's own posts are a slice of the queryset built only when the listing's
    fragment is rendered: on a hit not even the queryset is built (its filters, annotations and prefetches cost a
    signed-in page a millisecond)."""

    def __init__(self, make_posts, count):
        self.make_posts = make_posts
        self._count = count

    def count(self):
        return self._count

    def __len__(self):
        return self._count

    def __getitem__(self, index):
        return SimpleLazyObject(lambda: self.make_posts()[index])


def _paginate(request, make_posts):
    """arena.pagination's rules for the queryset make_posts() builds, with the number of posts cached like the
    listing's fragment (per audience, at the page's content version)."""
    make_posts = cache(make_posts)  # built once, if at all
    count = fragments.cached(request, "post-count", lambda: make_posts().count())
    return paginate(request, _CountedPosts(make_posts, count), POSTS_PER_PAGE)


def post_context(request, post, comment_form=None):
    """The post page's context. Everything the cached fragments of blog_post_page.html show is lazy (read only when a
    fragment is rendered); what is rendered around them on every request (the comments with their report buttons,
    whether the form is open) is cached data, so a signed-in reader's warm visit costs no query of the post's own."""
    preview = getattr(request, "is_preview", False)

    def with_relations():
        if post.pk and not preview:
            # One query each for the tags and focus areas that the page, its meta tags and related posts all read.
            # Previews keep their in-memory (edited) relations instead. A second call finds them prefetched.
            prefetch_related_objects([post], "tags", "focus_areas")
        return post

    space = SimpleLazyObject(lambda: post.get_parent().specific)
    blog_index = SimpleLazyObject(queries.blog_index)
    authors = SimpleLazyObject(
        lambda: [link.person for link in post.post_authors.select_related("person", "person__organisation")]
    )
    comments = _cached(request, post, "comments", lambda: _comment_rows(queries.post_comments(post, request.user)))
    # The comments' fragment is shared by the audience, except with a reader who wrote one of them (who gets no
    # report button on it).
    own = request.user.is_authenticated and any(row["author_id"] == request.user.pk for row in comments)
    return {
        "comments_reader": request.user.pk if own else "",
        "space": space,
        "blog_index": blog_index,
        "comments": comments,
        "comment_count": len(comments),
        "comments_open": _cached(request, post, "comments-open", lambda: services.comments_open(post), everyone=True),
        "comment_form": comment_form or CommentForm(),
        "authors": authors,
        "tags": SimpleLazyObject(lambda: list(with_relations().tags.all())),
        "focus_areas": SimpleLazyObject(lambda: list(with_relations().focus_areas.all())),
        "related_posts": SimpleLazyObject(lambda: queries.related_posts(with_relations(), request.user)),
        "structured_data": SimpleLazyObject(
            lambda: structured_data.post_script(
                request, with_relations(), space=space, authors=authors, blog_index=blog_index
            )
        ),
    }


def _cached(request, post, name, compute, everyone=False):
    """Data of the post page from the fragment cache, keyed like its fragments; a preview (a draft) is never cached."""
    if getattr(request, "is_preview", False) or not post.pk:
        return compute()
    return fragments.cached(request, name, compute, per_audience=not everyone)


def _comment_rows(comments):
    """What the page shows of each comment, as plain data: cached per audience, never with the authors' accounts."""
    return [
        {
            "pk": comment.pk,
            "author_id": comment.author_id,
            "author_name": comment.author.get_full_name() or comment.author.get_username(),
            "created_at": comment.created_at,
            "body": comment.body,
        }
        for comment in comments
    ]


def handle_post_request(request, post):
    """POSTs to a post page: writing a comment (default) or reporting one (action=rapportera)."""
    if not request.user.is_authenticated:
        raise PermissionDenied(_("Log in to comment."))
    if request.POST.get("action") == "rapportera":
        return _report(request, post)
    form = CommentForm(request.POST)
    if form.is_valid():
        try:
            services.add_comment(request.user, post, form.cleaned_data["body"])
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Thank you! Your comment has been published."))
            # No #fragment: the confirmation at the top of <main> takes focus, and a fragment would take it away.
            return redirect(post.url)
    context = post.get_context(request, comment_form=form)
    return TemplateResponse(request, post.get_template(request), context, status=400)


def _report(request, post):
    report = CommentReportForm(request.POST)
    comments = queries.post_comments(post, request.user)
    comment = comments.filter(pk=report.cleaned_data["comment"]).first() if report.is_valid() else None
    if comment is None:
        raise Http404(_("There is no such comment."))
    if services.report_comment(request.user, comment):
        messages.success(request, _("Thank you. The editors have been told about the comment."))
    else:
        messages.info(request, _("You have already reported this comment."))
    return redirect(post.url)  # no #fragment, as above
