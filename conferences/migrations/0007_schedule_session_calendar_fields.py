import django.utils.timezone
from django.db import migrations, models
from django.db.models import Count


def fill_calendar_fields(apps, schema_editor):
    """Existing sessions: the sequence the "Ny tid" e-mails already sent (one per recorded change), and the
    publication times Wagtail kept as the best known creation and modification times."""
    Session = apps.get_model("conferences", "Session")
    for session in Session.objects.annotate(change_count=Count("changes")):
        # update(), not save(): save() would stamp updated_at with the time of the migration (auto_now).
        Session.objects.filter(pk=session.pk).update(
            sequence=session.change_count,
            created_at=session.first_published_at or session.created_at,
            updated_at=session.last_published_at or session.updated_at,
        )


class Migration(migrations.Migration):
    dependencies = [
        ("conferences", "0006_edition_drafts_without_year"),
    ]

    operations = [
        migrations.AddField(
            model_name="session",
            name="sequence",
            field=models.PositiveIntegerField(default=0, editable=False, verbose_name="calendar sequence"),
        ),
        migrations.AddField(
            model_name="session",
            name="created_at",
            field=models.DateTimeField(auto_now_add=True, default=django.utils.timezone.now, verbose_name="created"),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="session",
            name="updated_at",
            field=models.DateTimeField(auto_now=True, verbose_name="last modified"),
        ),
        migrations.RunPython(fill_calendar_fields, migrations.RunPython.noop),
    ]
