"""The admin works in Stockholm time only: no time zone choice, and zones saved before are cleared."""

from importlib import import_module

import pytest
from django.apps import apps
from django.conf import settings
from wagtail.users.models import UserProfile

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_only_stockholm_is_offered():
    assert settings.WAGTAIL_USER_TIME_ZONES == ["Europe/Stockholm"]


def test_the_migration_clears_other_saved_zones():
    clear_time_zones = import_module("arena.migrations.0003_clear_admin_time_zones").clear_time_zones
    zones = {"ny": "America/New_York", "sthlm": "Europe/Stockholm", "none": ""}
    for username, zone in zones.items():
        profile = UserProfile.get_for_user(UserFactory(username=username))
        profile.current_time_zone = zone
        profile.save()

    clear_time_zones(apps, None)

    saved = dict(UserProfile.objects.values_list("user__username", "current_time_zone"))
    assert saved == {"ny": "", "sthlm": "Europe/Stockholm", "none": ""}
