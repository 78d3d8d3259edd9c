"""Unique slugs for non-page models (pages get theirs from Wagtail)."""

from django.utils.text import slugify


def slug_taken(instance, slug):
    return type(instance)._default_manager.filter(slug=slug).exclude(pk=instance.pk).exists()


def unique_slug(instance, text, fallback, max_length=110):
    """slugify(text), with -2, -3 ... appended while another row of the same model has it."""
    base = slugify(text)[:max_length] or fallback
    slug, number = base, 2
    while slug_taken(instance, slug):
        slug, number = f"{base}-{number}", number + 1
    return slug
