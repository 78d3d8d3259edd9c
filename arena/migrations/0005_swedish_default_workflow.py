"""Give Wagtail's default workflow and its task Swedish names.

Wagtail's migrations create a workflow and a task named after the group that may publish at the root,
"Moderators approval", and the arena's own pages (about, cookies, the conference series) use that workflow: the
admin showed its English name. Renaming by the old name keeps this idempotent and leaves a workflow or task
someone has renamed on purpose alone.
"""

from django.db import migrations

WAGTAIL_NAME = "Moderators approval"
WORKFLOW_NAME = "Moderatorernas granskning"
TASK_NAME = "Moderatorernas godkännande"


def rename(apps, old_workflow, new_workflow, old_task, new_task):
    apps.get_model("wagtailcore", "Workflow").objects.filter(name=old_workflow).update(name=new_workflow)
    apps.get_model("wagtailcore", "Task").objects.filter(name=old_task).update(name=new_task)


def to_swedish(apps, schema_editor):
    rename(apps, WAGTAIL_NAME, WORKFLOW_NAME, WAGTAIL_NAME, TASK_NAME)


def to_english(apps, schema_editor):
    rename(apps, WORKFLOW_NAME, WAGTAIL_NAME, TASK_NAME, WAGTAIL_NAME)


class Migration(migrations.Migration):
    dependencies = [
        ("arena", "0004_swedish_verbose_names"),
        ("wagtailcore", "0048_add_default_workflows"),
    ]

    operations = [migrations.RunPython(to_swedish, to_english)]
