"""Views behind the blog pages' routes. Pages stay thin; queries come from blogs.queries, rules from services."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import prefetch_related_objects
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from arena.models import FocusArea
from arena.pagination import paginate
from blogs import queries, services, structured_data
from blogs.forms import CommentForm, CommentReportForm, PostFilterForm

POSTS_PER_PAGE = 12


def blog_index(request, page):
    form = PostFilterForm(request.GET)
    filters = form.cleaned_data if form.is_valid() else {}
    posts = queries.filter_posts(
        queries.for_listing(queries.posts_visible_to(request.user)),
        organisation=filters.get("organisation"),
        tag=filters.get("tagg"),
        focus_area=filters.get("fokus"),
        year=filters.get("ar"),
    )
    status = 200 if form.is_valid() else 400
    organisations, spaces = queries.index_spaces(request.user)
    context = page.get_context(request)
    context.update(
        posts=paginate(request, posts, POSTS_PER_PAGE),
        filter_form=form,
        active_filters={key: value for key, value in filters.items() if value},
        organisations=organisations,
        spaces=spaces,
        focus_areas=FocusArea.objects.all(),
        years=queries.post_years(queries.posts_visible_to(request.user)),
    )
    return TemplateResponse(request, "blogs/blog_index_page.html", context, status=status)


def blog_space(request, page):
    posts = queries.for_listing(queries.posts_visible_to(request.user).child_of(page))
    context = page.get_context(request)
    context.update(
        posts=paginate(request, posts, POSTS_PER_PAGE),
        organisation=page.organisation,
        structured_data=structured_data.space_script(request, page),
    )
    return TemplateResponse(request, "blogs/blog_space_page.html", context)


def author_page(request, index_page, slug):
    person, posts = queries.author_with_posts(slug, request.user)
    if person is None:
        raise Http404(_("There is no such author."))
    context = index_page.get_context(request)
    context.update(person=person, posts=paginate(request, posts, POSTS_PER_PAGE))
    return TemplateResponse(request, "blogs/author_page.html", context)


def post_context(request, post, comment_form=None):
    if post.pk and not getattr(request, "is_preview", False):
        # One query each for the tags and focus areas that the page, its meta tags and related posts all read.
        # Previews keep their in-memory (edited) relations instead.
        prefetch_related_objects([post], "tags", "focus_areas")
    comments = list(queries.post_comments(post, request.user))
    space = post.get_parent().specific
    blog_index = queries.blog_index()
    authors = [link.person for link in post.post_authors.select_related("person", "person__organisation")]
    return {
        "space": space,
        "blog_index": blog_index,
        "comments": comments,
        "comment_count": len(comments),
        "comments_open": services.comments_open(post),
        "comment_form": comment_form or CommentForm(),
        "authors": authors,
        "related_posts": queries.related_posts(post, request.user),
        "structured_data": structured_data.post_script(
            request, post, space=space, authors=authors, blog_index=blog_index
        ),
    }


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
