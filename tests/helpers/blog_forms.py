"""The Wagtail admin's form data for a blog post: a new post, or an edit of a post's latest revision."""

from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield


def post_data(person, title="Digitala lärplattor i förskolan", slug="digitala-larplattor", **extra):
    """The admin add form's data for a new post by `person`; `extra` adds or overrides fields (e.g. the action)."""
    data = {
        "title": title,
        "slug": slug,
        "intro": "Så kom vi igång med lärplattor på tre förskolor.",
        "hero_image_alt": "",
        "body": streamfield([("paragraph", rich_text("<p>Vi började i liten skala och lärde oss mycket.</p>"))]),
        "published_date": "2026-03-01",
        "post_authors": inline_formset([{"person": person.pk}], min=1),
        "tags": "",
        "comments": inline_formset([]),
    }
    data.update(extra)
    return nested_form_data(data)


def edit_data(post, **changes):
    """The admin edit form's data for a post's latest revision (draft authors have no database id yet)."""
    latest = post.get_latest_revision_as_object()
    authors = [{"person": link.person_id, "id": link.pk or ""} for link in latest.post_authors.all()]
    data = {
        "title": latest.title,
        "slug": latest.slug,
        "intro": latest.intro,
        "hero_image_alt": "",
        "body": streamfield([("paragraph", rich_text("<p>Uppdaterad text.</p>"))]),
        "published_date": latest.published_date.isoformat(),
        "post_authors": inline_formset(authors, min=1),
        "tags": "",
        "comments": inline_formset([]),
    }
    data.update(changes)
    return nested_form_data(data)
