from django import template

from arena.mfa_policy import must_set_up_mfa as policy

register = template.Library()


@register.filter
def must_set_up_mfa(request):
    """Whether this request's user is being sent to the set-up page (the page then says why)."""
    return policy(request)
