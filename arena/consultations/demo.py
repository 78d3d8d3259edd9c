"""Demo consultations for `manage.py seed_demo` (the `arena_seed_demo` hook, order 45): `/inspel/` with one open
consultation that has a few answers and one closed consultation with the editor's summary. Texts and dates are in
data/demo.yaml. Idempotent: a page that exists is left as it is, with its questions and answers."""

import datetime
from pathlib import Path

from django.contrib.auth import get_user_model
from django.utils import timezone
from wagtail.contrib.forms.models import FormSubmission
from wagtail.contrib.forms.utils import get_field_clean_name
from wagtail.models import Site
from wagtail.rich_text import RichText

from arena.consultations.forms import EMAIL_FIELD
from arena.demo.data_files import DemoDataError, load_demo_data
from arena.models import ConsultationFormField, ConsultationIndexPage, ConsultationPage, SiteSettings

DEMO_DATA = Path(__file__).resolve().parent / "data" / "demo.yaml"
OWNER_EMAIL = "redaktor@kunskapsarenan.local"  # the arena editor of the demo (arena.demo.seed.DEMO_USERS)
EMAIL_ANSWER = "e-post"


def seed_consultation_demo(home=None, organisations=(), stdout=None):
    data = load_demo_data(DEMO_DATA)
    owner = get_user_model().objects.filter(email=OWNER_EMAIL).first()
    index = ensure_index(home, data["index"], owner)
    today = timezone.localdate()
    created = 0
    for item in data["consultations"]:
        if ConsultationPage.objects.child_of(index).filter(slug=item["slug"]).exists():
            continue
        create_consultation(index, item, owner, today)
        created += 1
    add_to_main_menu(home, index)
    if stdout is not None:
        stdout.write(
            f"Inspel: {ConsultationPage.objects.live().count()} publicerade ({created} nya), "
            f"{FormSubmission.objects.filter(page__in=ConsultationPage.objects.values('pk')).count()} svar."
        )


def ensure_index(home, data, owner):
    index = ConsultationIndexPage.objects.child_of(home).first()
    if index is None:
        index = home.add_child(
            instance=ConsultationIndexPage(title=data["title"], slug=data["slug"], intro=data["intro"], owner=owner)
        )
    return index


def at(today, days, time):
    """An aware datetime `days` from `today` at `time` ("HH:MM"), Swedish time."""
    hours, minutes = (int(part) for part in time.split(":"))
    day = today + datetime.timedelta(days=days)
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hours, minutes)))


def stream(blocks):
    body = []
    for block in blocks:
        ((kind, value),) = block.items()
        if kind == "heading":
            body.append(("heading", {"text": value, "level": "h2"}))
        elif kind == "paragraph":
            body.append(("paragraph", RichText(value)))
        else:
            raise DemoDataError(f"{DEMO_DATA}: unknown body block type {kind!r}.")
    return body


def create_consultation(index, item, owner, today):
    opens_at = at(today, item["opens_days"], item["opens_time"])
    page = index.add_child(
        instance=ConsultationPage(
            title=item["title"],
            slug=item["slug"],
            owner=owner,
            intro=item["intro"],
            body=stream(item.get("body", [])),
            opens_at=opens_at,
            closes_at=at(today, item["closes_days"], item["closes_time"]),
            privacy_notice=item["privacy_notice"],
            ask_for_email=item["ask_for_email"],
            thank_you_text=item.get("thank_you_text", ""),
            closed_summary=item.get("closed_summary", ""),
            to_address=item["to_address"],
            subject=item["subject"],
        )
    )
    # One save() per question (not bulk_create): Wagtail derives each field's clean_name in save().
    for order, field in enumerate(item["fields"]):
        ConsultationFormField.objects.create(
            page=page,
            sort_order=order,
            label=field["label"],
            field_type=field["type"],
            required=field["required"],
            help_text=field.get("help_text", ""),
            choices=field.get("choices", ""),
        )
    for submission in item.get("submissions", []):
        add_submission(page, submission, opens_at)
    return page


def add_submission(page, submission, opens_at):
    form_data = {}
    for label, answer in submission["answers"].items():
        key = EMAIL_FIELD if label == EMAIL_ANSWER else get_field_clean_name(label)
        form_data[key] = answer
    if page.ask_for_email:
        form_data.setdefault(EMAIL_FIELD, "")
    saved = FormSubmission.objects.create(page=page, form_data=form_data)
    sent = min(opens_at + datetime.timedelta(days=submission["days"], hours=3), timezone.now())
    FormSubmission.objects.filter(pk=saved.pk).update(submit_time=sent)


def add_to_main_menu(home, index):
    """Put *Inspel* last in the demo site's main menu (once)."""
    site = Site.objects.filter(root_page=home).first()
    if site is None:
        return
    settings = SiteSettings.for_site(site)
    if any(block.value.get("page") and block.value["page"].pk == index.pk for block in settings.primary_navigation):
        return
    links = [(block.block_type, block.value) for block in settings.primary_navigation]
    settings.primary_navigation = [*links, ("link", {"label": "", "page": index, "url": ""})]
    settings.save()
