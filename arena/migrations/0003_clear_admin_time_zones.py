"""Clear admin users' own time zones.

WAGTAIL_USER_TIME_ZONES now allows Europe/Stockholm only, which hides the choice, but Wagtail still applies a zone
a user saved earlier: an organiser with New York saved would type session times in New York time while the form
says Europe/Stockholm. An empty zone means the site's TIME_ZONE.
"""

from django.db import migrations


def clear_time_zones(apps, schema_editor):
    UserProfile = apps.get_model("wagtailusers", "UserProfile")
    UserProfile.objects.exclude(current_time_zone__in=["", "Europe/Stockholm"]).update(current_time_zone="")


class Migration(migrations.Migration):
    dependencies = [
        ("arena", "0002_focusarea_person"),
        ("wagtailusers", "0015_userprofile_keyboard_shortcuts"),
    ]

    operations = [migrations.RunPython(clear_time_zones, migrations.RunPython.noop)]
