"""The registration window on the (anonymously cached) edition page: the same words as the registration page."""

from django import template

from conferences.registration.pages import window_summary

register = template.Library()


@register.simple_tag
def registration_window(edition):
    return window_summary(edition)
