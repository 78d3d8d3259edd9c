"""Swedish everywhere the admin reads from: the packages' messages (Wagtail's Swedish catalogue has gaps, filled in
locale_packages/), the StreamField blocks' names, the default workflow's name and the values Wagtail prints raw."""

import datetime
import importlib
import io

import pytest
from django.apps import apps as django_apps
from django.core.exceptions import FieldDoesNotExist
from django.core.management import call_command
from django.db import models
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.functional import Promise
from wagtail.admin.viewsets import viewsets
from wagtail.fields import StreamField
from wagtail.models import GroupApprovalTask, Task, Workflow

from arena.admin_display import NOTHING, InspectView, display_value, yes_no_column
from arena.models import Organisation
from arena.translation_gaps import Message, missing_messages, read_po
from tests.factories import OrganisationFactory

OUR_APPS = ("arena", "blogs", "conferences", "maturity")
rename_migration = importlib.import_module("arena.migrations.0005_swedish_default_workflow")


def test_every_message_of_the_packages_we_use_has_swedish():
    missing = missing_messages("sv")

    assert not missing, "Translate these in locale_packages/sv/LC_MESSAGES/:\n" + "\n\n".join(
        f"[{domain}]\n{message.as_po()}" for domain, message in missing
    )


@pytest.mark.parametrize(
    "message",
    [
        "%(start_index)s-%(end_index)s of %(items_count)s %(model_name)s",
        "Exploring",
        "Autosave is paused",
        "Side panel width",
    ],
)
def test_wagtail_gaps_are_swedish_at_runtime(message):
    with translation.override("sv"):
        assert translation.gettext(message) != message


def test_our_own_catalogue_wins_over_the_package_gaps():
    """Where both catalogues have a message, ours (locale/) is read first: "Actions" is ours, as Wagtail's is."""
    with translation.override("sv"):
        assert translation.gettext("Actions") == "Handlingar"


def test_the_gap_finder_reads_po_files(tmp_path):
    po = tmp_path / "django.po"
    po.write_text(
        'msgid ""\nmsgstr ""\n"Language: en\\n"\n\n'
        '#, python-format\nmsgid "Exploring"\nmsgstr ""\n\n'
        'msgctxt "A tag name"\nmsgid "name"\nmsgstr ""\n\n'
        'msgid "%(n)s page"\nmsgid_plural ""\n"%(n)s pages"\nmsgstr[0] ""\nmsgstr[1] ""\n',
        encoding="utf-8",
    )

    assert read_po(po, "wagtail.admin") == [
        Message("wagtail.admin", "Exploring", flags="python-format"),
        Message("wagtail.admin", "name", msgctxt="A tag name"),
        Message("wagtail.admin", "%(n)s page", msgid_plural="%(n)s pages"),
    ]


def test_the_gap_command_says_how_many_are_missing():
    out, err = io.StringIO(), io.StringIO()

    call_command("translation_gaps", "--locale", "sv", stdout=out, stderr=err)

    assert out.getvalue() == ""
    assert err.getvalue().strip() == "0 meddelanden saknar översättning."


# --- Blocks ----------------------------------------------------------------------------------------------------------


def labelled_blocks(block, path):
    """(path, label) for a block and every block inside it."""
    found = [(path, block.label)]
    for name, child in getattr(block, "child_blocks", {}).items():
        found += labelled_blocks(child, f"{path}.{name}")
    return found


def stream_blocks():
    for app in OUR_APPS:
        for model in django_apps.get_app_config(app).get_models():
            for field in model._meta.get_fields():
                if isinstance(field, StreamField) and field.model is model:
                    yield from labelled_blocks(field.stream_block, f"{model.__name__}.{field.name}")


def test_every_stream_block_is_named_through_gettext():
    """A label Wagtail derives from the block's name is English ("Heading", "Image"); ours are lazy translations."""
    blocks_found = list(stream_blocks())
    untranslated = [
        path
        for path, label in blocks_found
        if not isinstance(label, Promise) and path.count(".") > 1  # the StreamBlock itself has no label
    ]

    assert len(blocks_found) > 20
    assert untranslated == []


def test_block_chooser_names_are_swedish():
    body = django_apps.get_model("arena", "StandardPage")._meta.get_field("body").stream_block

    with translation.override("sv"):
        names = {name: str(block.label) for name, block in body.child_blocks.items()}
        image_chooser = str(body.child_blocks["image"].child_blocks["image"].child_blocks["image"].label)

    assert names["heading"] == "Rubrik"
    assert image_chooser == "Bild"


# --- The default workflow --------------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_wagtails_default_workflow_has_a_swedish_name():
    assert not Workflow.objects.filter(name="Moderators approval").exists()
    assert not Task.objects.filter(name="Moderators approval").exists()
    assert Workflow.objects.filter(name=rename_migration.WORKFLOW_NAME).exists()
    assert GroupApprovalTask.objects.filter(name=rename_migration.TASK_NAME).exists()


@pytest.mark.django_db
def test_renaming_the_default_workflow_is_idempotent_and_leaves_other_names_alone():
    Workflow.objects.filter(name=rename_migration.WORKFLOW_NAME).update(name="Moderators approval")
    own = Workflow.objects.create(name="Granskning – Förskoleförvaltningen")

    rename_migration.to_swedish(django_apps, None)
    rename_migration.to_swedish(django_apps, None)

    assert not Workflow.objects.filter(name="Moderators approval").exists()
    assert Workflow.objects.filter(name=rename_migration.WORKFLOW_NAME).count() == 1
    own.refresh_from_db()
    assert own.name == "Granskning – Förskoleförvaltningen"


# --- Values Wagtail prints raw ---------------------------------------------------------------------------------------


def test_display_value_reads_as_swedish():
    utc = datetime.datetime(2026, 1, 15, 8, 30, tzinfo=datetime.UTC)

    with translation.override("sv"), timezone.override("Europe/Stockholm"):
        shown = [str(display_value(True)), str(display_value(False)), display_value(None), display_value(utc)]

    assert shown[:3] == ["Ja", "Nej", NOTHING]
    assert shown[3].hour == 9 and shown[3].utcoffset() == datetime.timedelta(hours=1)
    assert display_value("Stadsledningskontoret") == "Stadsledningskontoret"
    assert display_value(0) == 0


@pytest.mark.django_db
def test_yes_no_column_labels_and_sorts_like_wagtail():
    column = yes_no_column(Organisation, "active")
    active, inactive = OrganisationFactory(active=True), OrganisationFactory(active=False)

    with translation.override("sv"):
        assert (str(column.label), column.sort_key) == ("Aktiv", "active")
        assert [str(column.get_value(active)), str(column.get_value(inactive))] == ["Ja", "Nej"]


def our_viewsets():
    reverse("wagtailadmin_home")  # loading the admin's URLs registers every viewset
    return [
        viewset
        for viewset in viewsets.viewsets
        if isinstance(getattr(viewset, "model", None), type) and viewset.model._meta.app_label in OUR_APPS
    ]


def listing_columns(viewset):
    """A viewset's list_display, or nothing when it leaves Wagtail's default (an UNDEFINED marker)."""
    columns = getattr(viewset, "list_display", None)
    return columns if isinstance(columns, (list, tuple)) else []


def is_boolean_field(model, name):
    try:
        return isinstance(model._meta.get_field(name), models.BooleanField)
    except FieldDoesNotExist:
        return False


def test_our_viewsets_show_values_the_swedish_way():
    """Every inspect view of our apps is arena's, and no listing shows a boolean field through Wagtail's plain
    column (which prints True/False)."""
    inspecting = [viewset for viewset in our_viewsets() if getattr(viewset, "inspect_view_enabled", False)]
    raw_booleans = [
        f"{viewset.model.__name__}.{entry}"
        for viewset in our_viewsets()
        for entry in listing_columns(viewset)
        if isinstance(entry, str) and is_boolean_field(viewset.model, entry)
    ]

    assert {viewset.model.__name__ for viewset in inspecting} >= {
        "Comment",
        "SessionChange",
        "Registration",
        "MaturityModel",
    }
    assert [v.model.__name__ for v in inspecting if not issubclass(v.inspect_view_class, InspectView)] == []
    assert raw_booleans == []
