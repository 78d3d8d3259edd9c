"""The e-mails of change projects: a proposal to the arena editors, a new update to a project's followers.
Every link is absolute on the public address (PUBLIC_BASE_URL), never the request's host."""

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from arena.models import ProjectUpdateMailing
from arena.projects import services
from arena.site_url import absolute_url


def send_proposal_mail(project):
    """Tell the arena editors about a proposal. Returns how many were mailed."""
    recipients = [user.email for user in services.arena_editors()]
    if not recipients:
        return 0
    with translation.override(settings.LANGUAGE_CODE):
        context = {
            "project": project,
            "proposer": project.owner,
            "edit_url": absolute_url(reverse("wagtailadmin_pages:edit", args=[project.pk])),
        }
        subject = _("New change project proposal: %(title)s") % {"title": project.title}
        body = render_to_string("arena/projects/email/proposal.txt", context)
    EmailMessage(subject=subject, body=body, to=recipients).send()
    return len(recipients)


def unsubscribe_url(user_id, project_id):
    return absolute_url(reverse("project_unsubscribe", args=[services.unsubscribe_token(user_id, project_id)]))


def send_update_mails(project):
    """Mail the followers of a live project about its updates that were never mailed (each update once, ever).
    Returns the number of mails sent."""
    if not project.live:
        return 0
    updates = services.claim_new_updates(project)
    if not updates:
        return 0
    followers = list(services.followers_to_mail(project))
    with translation.override(settings.LANGUAGE_CODE):
        subject = _("News from the change project %(title)s") % {"title": project.title}
        project_url = absolute_url(project.get_url())
        messages = []
        for follower in followers:
            link = unsubscribe_url(follower.user_id, project.pk)
            body = render_to_string(
                "arena/projects/email/update.txt",
                {"project": project, "project_url": project_url, "updates": updates, "unsubscribe_url": link},
            )
            headers = {"List-Unsubscribe": f"<{link}>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"}
            messages.append(EmailMessage(subject=subject, body=body, to=[follower.user.email], headers=headers))
    if messages:
        get_connection().send_messages(messages)
    ProjectUpdateMailing.objects.filter(update__in=updates).update(recipient_count=len(messages))
    return len(messages)
