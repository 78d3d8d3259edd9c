"""The admin form of a blog post: a new post starts with its writer as the author."""

from wagtail.admin.forms import WagtailAdminPageForm

from blogs import authors


class BlogPostAdminForm(WagtailAdminPageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Only the empty "add post" form gets a default; edits and submissions keep what was sent. Wagtail passes
        # the parent as its specific page, a blog space (parent_page_types).
        if self.is_bound or self.instance.pk or self.for_user is None:
            return
        space = self.parent_page
        if getattr(space, "organisation_id", None) is None:
            return
        person = authors.writer_person(self.for_user, space)
        if person is not None:
            self.formsets["post_authors"].initial_extra = [{"person": person.pk}]
