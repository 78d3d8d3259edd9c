"""Slugs: unique ones for non-page models, and ASCII everywhere.

Addresses are ASCII (`så gick införandet` → `sa-gick-inforandet`): they survive being pasted into mail, chat and
old systems without percent-encoding. Wagtail and taggit are told so in settings (WAGTAIL_ALLOW_UNICODE_SLUGS,
TAGGIT_STRIP_UNICODE_WHEN_SLUGIFYING); `asciify_existing_slugs()` moves what was created before, leaving a
redirect from every old page address.
"""

from django.db import models, transaction
from django.utils.text import slugify
from taggit.models import Tag
from wagtail.admin import widgets
from wagtail.admin.forms.models import register_form_field_override
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page

NON_ASCII = r"[^\x00-\x7F]"


def require_ascii_slugs_in_admin_forms():
    """Wagtail's page model keeps allow_unicode=True on its slug field, and WAGTAIL_ALLOW_UNICODE_SLUGS only
    changes the browser's automatic slug: a typed "så-gick" would still be saved. Every admin form's slug field
    (pages and snippets) therefore accepts ASCII only; the browser still fills it in from the title."""
    register_form_field_override(models.SlugField, override={"widget": widgets.SlugInput, "allow_unicode": False})


def slug_taken(instance, slug):
    return type(instance)._default_manager.filter(slug=slug).exclude(pk=instance.pk).exists()


def unique_slug(instance, text, fallback, max_length=110):
    """slugify(text), with -2, -3 ... appended while another row of the same model has it."""
    base = slugify(text)[:max_length] or fallback
    slug, number = base, 2
    while slug_taken(instance, slug):
        slug, number = f"{base}-{number}", number + 1
    return slug


def _free_sibling_slug(page, base):
    siblings = page.get_siblings(inclusive=False)
    slug, number = base, 2
    while siblings.filter(slug=slug).exists():
        slug, number = f"{base}-{number}", number + 1
    return slug


@transaction.atomic
def asciify_page(page):
    """Give one page an ASCII slug, keep its latest revision in step (else the next publish would bring the old
    slug back) and redirect its old addresses. Returns the new slug."""
    page = page.specific
    new_slug = _free_sibling_slug(page, slugify(page.slug) or f"sida-{page.pk}")
    # The page's own address and those of everything below it change; each old one redirects to its page.
    old_urls = [(each, each.url) for each in page.get_descendants(inclusive=True)]
    page.slug = new_slug
    page.save(update_fields=["slug", "url_path"], clean=False)
    revision = page.latest_revision
    if revision is not None and revision.content.get("slug") != new_slug:
        revision.content["slug"] = new_slug
        revision.save(update_fields=["content"])
    for each, old_url in old_urls:
        if old_url:
            Redirect.objects.get_or_create(
                old_path=Redirect.normalise_path(old_url), site=None, defaults={"redirect_page": each}
            )
    return new_slug


def asciify_existing_slugs():
    """Pages and tags made before addresses were ASCII (idempotent; two cheap queries when there is nothing to
    do). Returns how many pages and tags changed."""
    pages = list(Page.objects.filter(slug__regex=NON_ASCII).order_by("depth"))
    for page in pages:
        asciify_page(Page.objects.get(pk=page.pk))  # fresh: a parent's move changed the url_path
    tags = list(Tag.objects.filter(slug__regex=NON_ASCII))
    for tag in tags:
        tag.slug = tag.slugify(tag.name)  # ASCII under TAGGIT_STRIP_UNICODE_WHEN_SLUGIFYING
        number = 1
        while Tag.objects.filter(slug=tag.slug).exclude(pk=tag.pk).exists():
            tag.slug = tag.slugify(tag.name, number)
            number += 1
        tag.save(update_fields=["slug"])
    return len(pages), len(tags)
