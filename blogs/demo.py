"""Demo blog content for seed_demo: people, posts with illustrations, staff-only posts and comments.

Idempotent: people are found by slug, posts by slug within their space, comments by post, author and text,
so running seed_demo again creates nothing new. The texts live in blogs/demo_posts.py.
"""

import datetime
import hashlib
import io
import math
import random

from django.contrib.auth import get_user_model
from django.core.files.images import ImageFile
from django.utils import timezone
from PIL import Image as PILImage
from PIL import ImageDraw
from wagtail.images import get_image_model
from wagtail.models import PageViewRestriction, Site
from wagtail.rich_text import RichText

from arena.demo.taxonomy import ensure_focus_areas
from arena.models import Organisation, Person, SiteSettings
from blogs.demo_posts import PEOPLE, POSTS, SPACE_INTROS
from blogs.models import BlogIndexPage, BlogPostAuthor, BlogPostPage, BlogSpacePage, Comment, CommentReport

SIZE = (1200, 675)
# The site's palette (static/css/arena.css): brand, link, tint, rule, focus yellow, plus two in-between blues.
BRAND, LINK, TINT, RULE, YELLOW = (31, 59, 115), (0, 85, 140), (238, 243, 248), (201, 211, 222), (255, 221, 0)
MID, LIGHT = (46, 109, 164), (120, 170, 214)
BLUES = [BRAND, LINK, MID, LIGHT, RULE]


def seed_blog_demo(home=None, organisations=(), stdout=None):
    areas = {area.slug: area for area in ensure_focus_areas()}
    wanted = {data["organisation"] for data in POSTS} | set(SPACE_INTROS)
    orgs = {org.name: org for org in organisations if org.name in wanted}
    orgs.update({org.name: org for org in Organisation.objects.filter(name__in=wanted - set(orgs))})
    users = {user.username: user for user in get_user_model().objects.all()}
    people = ensure_people(orgs, users)
    spaces = {space.organisation_id: space for space in BlogSpacePage.objects.filter(organisation__in=orgs.values())}
    for name, intro in SPACE_INTROS.items():
        space = spaces.get(orgs[name].pk) if name in orgs else None
        # Replace only an empty intro or the generic one provisioning copied from the organisation.
        if space is not None and space.intro.strip() in ("", orgs[name].description.strip()):
            space.intro = intro
            revision = space.save_revision()
            if space.live:
                revision.publish()
    add_blogs_to_main_menu(home)
    created = 0
    for data in POSTS:
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


def ensure_people(orgs, users):
    people = {}
    for data in PEOPLE:
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


def build_body(blocks):
    return [(kind, RichText(value) if kind == "paragraph" else value) for kind, value in blocks]


def create_post(space, data, people, areas):
    published = datetime.date.fromisoformat(data["date"])
    post = BlogPostPage(
        title=data["title"],
        slug=data["slug"],
        intro=data["intro"],
        body=build_body(data["body"]),
        published_date=published,
        live=False,
    )
    if data.get("hero"):
        style, alt = data["hero"]
        post.hero_image = create_illustration(space.organisation, data["slug"], data["title"], style)
        post.hero_image_alt = alt
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
    for number, (username, body, *extra) in enumerate(comments, start=1):
        author = users.get(username)
        if author is None:
            continue
        comment, created = Comment.objects.get_or_create(
            post=post, author=author, body=body, defaults={"organisation_id": post.organisation_id}
        )
        if not created:
            continue
        options = extra[0] if extra else {}
        written = min(start + datetime.timedelta(days=number // 2, hours=2 + 3 * number), now)
        fields = {"created_at": written}
        if options.get("hidden_by") in users:
            fields.update(is_hidden=True, hidden_by=users[options["hidden_by"]], hidden_at=written)
        if options.get("reported_by") in users:
            CommentReport.objects.get_or_create(comment=comment, reporter=users[options["reported_by"]])
            fields["report_count"] = comment.reports.count()
        Comment.objects.filter(pk=comment.pk).update(**fields)


def create_illustration(organisation, slug, title, style):
    png = draw_illustration(style, slug)
    image = get_image_model()(
        title=f"Illustration: {title}"[:255],
        file=ImageFile(io.BytesIO(png), name=f"blogg-{slug}.png"),
        collection=organisation.collection,
        file_size=len(png),
        file_hash=hashlib.sha1(png).hexdigest(),  # noqa: S324 - Wagtail's duplicate detection uses SHA-1
    )
    image.save()
    return image


def draw_illustration(style, seed):
    """A deterministic abstract PNG (1200x675) in the site's blues: a vertical gradient plus one motif."""
    rng = random.Random(int(hashlib.sha256(seed.encode()).hexdigest()[:12], 16))
    width, height = SIZE
    top, bottom = (BRAND, LINK) if style not in ("grid", "speech") else (TINT, RULE)
    image = PILImage.new("RGB", SIZE)
    draw = ImageDraw.Draw(image)
    for y in range(height):
        t = y / (height - 1)
        draw.line([(0, y), (width, y)], fill=tuple(round(a + (b - a) * t) for a, b in zip(top, bottom, strict=True)))
    MOTIFS[style](draw, rng, width, height)
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()


def _network(draw, rng, width, height):
    nodes = [(rng.randint(60, width - 60), rng.randint(60, height - 60)) for _ in range(16)]
    for i, a in enumerate(nodes):
        for b in nodes[i + 1 :]:
            if math.dist(a, b) < 330:
                draw.line([a, b], fill=LIGHT, width=3)
    for x, y in nodes:
        r = rng.randint(12, 34)
        draw.ellipse([x - r, y - r, x + r, y + r], fill=rng.choice([TINT, LIGHT, RULE]), outline=TINT, width=3)


def _grid(draw, rng, width, height):
    for x in range(40, width - 40, 70):
        for y in range(40, height - 40, 70):
            colour = YELLOW if rng.random() < 0.08 else rng.choice(BLUES)
            draw.rectangle([x, y, x + 52, y + 52], fill=colour)


def _waves(draw, rng, width, height, moon=False):
    if moon:
        draw.ellipse([width - 260, 70, width - 170, 160], fill=YELLOW)
    for layer, colour in enumerate([MID, LIGHT, RULE, TINT]):
        base, phase = height * (0.45 + 0.12 * layer), rng.uniform(0, math.tau)
        points = [
            (x, base + (60 - 12 * layer) * (1 - x / width * (0 if moon else 0.8)) * math.sin(x / 140 + phase))
            for x in range(0, width + 10, 10)
        ]
        draw.polygon(points + [(width, height), (0, height)], fill=colour)


def _bars(draw, rng, width, height):
    count, gap = 9, 24
    bar = (width - 160 - gap * (count - 1)) // count
    for i in range(count):
        top = height - 80 - (120 + i * 45 + rng.randint(-20, 20))
        x = 80 + i * (bar + gap)
        draw.rectangle([x, top, x + bar, height - 80], fill=YELLOW if i == count - 1 else [LIGHT, RULE, TINT][i % 3])


def _barcode(draw, rng, width, height):
    x = 120
    while x < width - 120:
        stripe = rng.choice([6, 10, 16, 28])
        draw.rectangle([x, 140, x + stripe, height - 140], fill=rng.choice([TINT, LIGHT, YELLOW, TINT]))
        x += stripe + rng.choice([8, 12, 20])


def _path(draw, rng, width, height):
    phase = rng.uniform(0, math.tau)
    for i in range(14):
        x = 90 + i * (width - 180) / 13
        y = height / 2 + 170 * math.sin(i / 2.2 + phase)
        r = 26 + (i % 3) * 10
        draw.ellipse([x - r, y - r, x + r, y + r], fill=[TINT, LIGHT, RULE][i % 3])


def _ripples(draw, rng, width, height):
    for _ in range(5):
        x, y = rng.randint(150, width - 150), rng.randint(120, height - 120)
        for r in range(20, 200, 36):
            draw.ellipse([x - r, y - r, x + r, y + r], outline=rng.choice([LIGHT, RULE, TINT]), width=4)
        draw.ellipse([x - 10, y - 10, x + 10, y + 10], fill=YELLOW)


def _blocks(draw, rng, width, height):
    for y in range(60, height - 80, 90):
        x = 60
        while x < width - 120:
            block = rng.randint(90, 260)
            draw.rectangle([x, y, min(x + block, width - 60), y + 64], fill=rng.choice([TINT, LIGHT, RULE, MID]))
            x += block + 18


def _speech(draw, rng, width, height):
    for x in range(30, width, 40):
        for y in range(30, height, 40):
            draw.ellipse([x - 4, y - 4, x + 4, y + 4], fill=rng.choice([LIGHT, RULE, MID]))
    draw.rounded_rectangle([300, 150, 900, 450], radius=60, outline=BRAND, width=14)
    draw.polygon([(420, 440), (380, 560), (520, 445)], fill=BRAND)
    for i in range(3):
        draw.ellipse([500 + i * 80 - 18, 282, 500 + i * 80 + 18, 318], fill=LINK)


MOTIFS = {
    "network": _network,
    "grid": _grid,
    "waves": _waves,
    "night": lambda draw, rng, width, height: _waves(draw, rng, width, height, moon=True),
    "bars": _bars,
    "barcode": _barcode,
    "path": _path,
    "ripples": _ripples,
    "blocks": _blocks,
    "speech": _speech,
}


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
