"""The rules of change projects: proposals, following, and mailing followers about new updates."""

from django.contrib.auth import get_user_model
from django.core import signing
from django.db import IntegrityError, transaction
from django.utils.html import escape
from django.utils.text import slugify

from arena.models import ChangeProjectPage, ProjectFollower, ProjectStatus, ProjectUpdate, ProjectUpdateMailing
from arena.roles import ARENA_EDITORS

UNSUBSCRIBE_SALT = "arena.projects.unsubscribe"


def plain_text_as_rich_text(text):
    """Plain text from a form as rich-text HTML: escaped, one paragraph per blank-line-separated block."""
    paragraphs = [part.strip() for part in text.replace("\r\n", "\n").split("\n\n") if part.strip()]
    return "".join(f"<p>{escape(part).replace(chr(10), '<br/>')}</p>" for part in paragraphs)


def free_slug(index, title):
    base = slugify(title)[:70] or "forslag"
    slug, number = base, 2
    taken = set(index.get_children().filter(slug__startswith=base).values_list("slug", flat=True))
    while slug in taken:
        slug, number = f"{base}-{number}", number + 1
    return slug


@transaction.atomic
def create_proposal(index, user, *, title, organisation, summary, need):
    """A draft (never live) project under the index, owned by the proposer; the arena editors are mailed once the
    transaction has committed."""
    from arena.projects.tasks import mail_proposal_to_editors
    from arena.tasks import enqueue

    project = ChangeProjectPage(
        title=title.strip(),
        slug=free_slug(index, title),
        organisation=organisation,
        status=ProjectStatus.IDEA,
        summary=summary.strip(),
        need=plain_text_as_rich_text(need),
        live=False,
        owner=user,
    )
    index.add_child(instance=project)
    project.save_revision(user=user, log_action=True)
    transaction.on_commit(lambda: enqueue(mail_proposal_to_editors, project_id=project.pk))
    return project


def arena_editors():
    """Active members of the arena editors' group who have an e-mail address."""
    return (
        get_user_model()
        .objects.filter(groups__name=ARENA_EDITORS, is_active=True)
        .exclude(email="")
        .distinct()
        .order_by("pk")
    )


def follow(user, project):
    """Idempotent: following twice keeps one follow."""
    try:
        with transaction.atomic():
            ProjectFollower.objects.get_or_create(user=user, project=project)
    except IntegrityError:  # a double click raced with itself; the other request made the row
        pass


def unfollow(user, project):
    return ProjectFollower.objects.for_user(user).filter(project=project).delete()[0] > 0


def unsubscribe_token(user_id, project_id):
    return signing.dumps({"u": user_id, "p": project_id}, salt=UNSUBSCRIBE_SALT, compress=True)


def read_unsubscribe_token(token):
    """(user_id, project_id) from a token made by unsubscribe_token(), or None when it is not one."""
    try:
        data = signing.loads(token, salt=UNSUBSCRIBE_SALT)
    except signing.BadSignature:
        return None
    if not isinstance(data, dict) or not isinstance(data.get("u"), int) or not isinstance(data.get("p"), int):
        return None
    return data["u"], data["p"]


def unsubscribe(token):
    """Ends the follow a token stands for. Returns the project (None for a bad token) and whether a follow ended."""
    pair = read_unsubscribe_token(token)
    if pair is None:
        return None, False
    user_id, project_id = pair
    project = ChangeProjectPage.objects.filter(pk=project_id).first()
    if project is None:
        return None, False
    deleted, _ = ProjectFollower.objects.filter(user_id=user_id, project_id=project_id).delete()
    return project, deleted > 0


def claim_new_updates(project):
    """The project's updates that have never been mailed, recorded now so no later publish mails them again.
    Locks the project's updates so two publishes at once cannot both claim one."""
    with transaction.atomic():
        updates = list(
            ProjectUpdate.objects.select_for_update(of=("self",))
            .filter(page=project, mailing__isnull=True)
            .order_by("-date", "-pk")
        )
        ProjectUpdateMailing.objects.bulk_create(
            [ProjectUpdateMailing(update=update) for update in updates], ignore_conflicts=True
        )
    return updates


def followers_to_mail(project):
    return (
        ProjectFollower.objects.filter(project=project, user__is_active=True)
        .exclude(user__email="")
        .select_related("user")
        .order_by("pk")
    )
