"""Demo blog content for seed_demo: people, posts with illustrations, staff-only posts and comments.

Idempotent: people are found by slug, posts by slug within their space, comments by post, author and text,
so running seed_demo again creates nothing new. The texts live in blogs/demo/data/ (YAML).
"""

import datetime

from django.contrib.auth import get_user_model
from django.utils import timezone
from wagtail.models import PageViewRestriction, Site

from arena.demo.taxonomy import ensure_focus_areas
from arena.models import Organisation, Person, SiteSettings
from blogs.demo import content
from blogs.demo.illustrations import create_illustration
from blogs.models import BlogIndexPage, BlogPostAuthor, BlogPostPage, BlogSpacePage, Comment, CommentReport


def seed_blog_demo(home=None, organisations=(), stdout=None):
    areas = {area.slug: area for area in ensure_focus_areas()}
    posts, space_intros = content.posts(), content.space_intros()
    wanted = {data["organisation"] for data in posts} | set(space_intros)
    orgs = {org.name: org for org in organisations if org.name in wanted}
    orgs.update({org.name: org for org in Organisation.objects.filter(name__in=wanted - set(orgs))})
    users = {user.username: user for user in get_user_model().objects.all()}
    people = ensure_people(content.people(), orgs, users)
    spaces = {space.organisation_id: space for space in BlogSpacePage.objects.filter(organisation__in=orgs.values())}
    for name, intro in space_intros.items():
        space = spaces.get(orgs[name].pk) if name in orgs else None
        # Replace only an empty intro or the generic one provisioning copied from the organisation.
        if space is not None and space.intro.strip() in ("", orgs[name].description.strip()):
            space.intro = intro
            revision = space.save_revision()
            if space.live:
                revision.publish()
    add_blogs_to_main_menu(home)
    created = 0
    for data in posts:
        organisation = orgs.get(data["organisation"])
        space = spaces.get(organisation.pk) if organisation else None
        if space is None:
            continue
        post = BlogPostPage.objects.child_of(space).filter(slug=data["slug"]).first()
        if post is None:
            post = create_post(space, data, people, areas)
            created += 1
        ensure_comments(post, data.get("comments", ()), users)
    if stdout is not None:
        stdout.write(
            f"Bloggar: {BlogPostPage.objects.live().count()} publicerade inlägg ({created} nya), "
            f"{Comment.objects.count()} kommentarer, {len(people)} skribenter."
        )


def ensure_people(people_data, orgs, users):
    people = {}
    for data in people_data:
        person, _ = Person.objects.get_or_create(
            slug=data["slug"],
            defaults={
                "name": data["name"],
                "job_title": data["job_title"],
                "organisation": orgs.get(data["organisation"]),
                "bio": data.get("bio", ""),
            },
        )
        user = users.get(data.get("user"))
        if user is not None and person.user_id is None and not Person.objects.filter(user=user).exists():
            person.user = user
            person.save(update_fields=["user"])
        people[data["slug"]] = person
    return people


def create_post(space, data, people, areas):
    published = data["date"]  # a datetime.date: YAML reads an unquoted 2024-12-04 as one
    post = BlogPostPage(
        title=data["title"],
        slug=data["slug"],
        intro=data["intro"],
        body=content.stream_data(data["body"]),
        published_date=published,
        live=False,
    )
    if data.get("hero"):
        hero = data["hero"]
        post.hero_image = create_illustration(space.organisation, data["slug"], data["title"], hero["style"])
        post.hero_image_alt = hero["alt"]
    space.add_child(instance=post)
    post.tags.add(*data["tags"])
    post.focus_areas.set([areas[slug] for slug in data["focus"]])
    for order, slug in enumerate(data["authors"]):
        post.post_authors.add(BlogPostAuthor(person=people[slug], sort_order=order))
    post.save_revision().publish()
    # Demo posts look as if they were published on their date, not on the day the demo was seeded.
    when = timezone.make_aware(datetime.datetime.combine(published, datetime.time(9, 0)))
    BlogPostPage.objects.filter(pk=post.pk).update(first_published_at=when, last_published_at=when)
    if data.get("staff_only"):
        PageViewRestriction.objects.get_or_create(page=post, restriction_type=PageViewRestriction.LOGIN)
    post.refresh_from_db()
    return post


def ensure_comments(post, comments, users):
    now = timezone.now()
    start = timezone.make_aware(datetime.datetime.combine(post.published_date, datetime.time(8, 0)))
    for number, options in enumerate(comments, start=1):
        author = users.get(options["user"])
        if author is None:
            continue
        comment, created = Comment.objects.get_or_create(
            post=post, author=author, body=options["text"], defaults={"organisation_id": post.organisation_id}
        )
        if not created:
            continue
        written = min(start + datetime.timedelta(days=number // 2, hours=2 + 3 * number), now)
        fields = {"created_at": written}
        if options.get("hidden_by") in users:
            fields.update(is_hidden=True, hidden_by=users[options["hidden_by"]], hidden_at=written)
        if options.get("reported_by") in users:
            CommentReport.objects.get_or_create(comment=comment, reporter=users[options["reported_by"]])
            fields["report_count"] = comment.reports.count()
        Comment.objects.filter(pk=comment.pk).update(**fields)


def add_blogs_to_main_menu(home):
    """Put "Bloggar" first in the demo site's main menu (once)."""
    index = BlogIndexPage.objects.first()
    site = Site.objects.filter(root_page=home).first() if home is not None else None
    if index is None or site is None:
        return
    settings = SiteSettings.for_site(site)
    if any(block.value.get("page") and block.value["page"].pk == index.pk for block in settings.primary_navigation):
        return
    links = [("link", {"label": "", "page": index, "url": ""})]
    links += [(block.block_type, block.value) for block in settings.primary_navigation]
    settings.primary_navigation = links
    settings.save()
