"""Bad input for programme items, through the Wagtail admin as an organiser (the "Arrangörer" group), and the
programme-change record. Every rejection leaves the database as it was and says why, in Swedish."""

import datetime
import json
from zoneinfo import ZoneInfo

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import translation
from wagtail.models import Site
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from arena.demo.seed import ensure_home_page
from arena.roles import ORGANISERS
from conferences.admin.roles import grant_organiser_permissions
from conferences.models import ConferenceEditionPage, ConferenceSeriesPage, EditionTrack, Session, SessionChange
from tests.factories import TEST_PASSWORD, OrganisationFactory, UserFactory, writer_of

TZ = ZoneInfo("Europe/Stockholm")
ADD_URL = "wagtailsnippets_conferences_session:add"
EDIT_URL = "wagtailsnippets_conferences_session:edit"

END_BEFORE_START = "The session must end after it starts."
NOT_ON_THE_DAY = "The session must be on the day of the conference."
ROOM_TAKEN = "The room is already taken by “%(title)s” at that time."
OTHER_EDITION_TRACK = "The track belongs to another edition of the conference."


def swedish(message, **params):
    with translation.override("sv"):
        text = translation.gettext(message)
    return text % params if params else text


def at(day, hour, minute=0):
    return datetime.datetime(day.year, day.month, day.day, hour, minute, tzinfo=TZ)


def publish(page):
    page.save_revision().publish()
    page.refresh_from_db()
    return page


@pytest.fixture
def conference(db):
    home = ensure_home_page()
    Site.objects.filter(is_default_site=True).update(hostname="testserver", port=80)
    series = ConferenceSeriesPage(title="Mötesplats digitalisering och innovation", slug="motesplats", live=False)
    home.add_child(instance=series)
    publish(series)
    editions = {}
    for year, day in ((2021, datetime.date(2021, 10, 20)), (2022, datetime.date(2022, 10, 19))):
        edition = ConferenceEditionPage(title=f"Mötesplats {year}", slug=str(year), year=year, date=day, live=False)
        edition.tracks = [EditionTrack(name="Stora scenen", room="Sal A"), EditionTrack(name="Rum 2", room="Sal B")]
        series.add_child(instance=edition)
        editions[year] = publish(edition)
    return {"series": series, "editions": editions}


@pytest.fixture
def edition(conference):
    return conference["editions"][2021]


@pytest.fixture
def stora(edition):
    return EditionTrack.objects.get(page=edition, name="Stora scenen")


@pytest.fixture
def organiser(conference, client):
    grant_organiser_permissions(conference["series"])
    user = UserFactory(username="arrangor")
    user.groups.add(Group.objects.get(name=ORGANISERS))
    client.force_login(user)
    return user


def make_session(edition, track, code, title, start, end, live=True):
    session = Session(edition=edition, track=track, code=code, title=title, start=start, end=end, live=False)
    session.full_clean()
    session.save()
    revision = session.save_revision()
    if live:
        revision.publish()
        session.refresh_from_db()
    return session


def form_data(edition, track, code="ny-punkt", title="Ny programpunkt", start="09:00", end="09:45", day=None, **extra):
    day = day or edition.date
    data = {
        "edition": edition.pk,
        "title": title,
        "code": code,
        "start": f"{day:%Y-%m-%d} {start}",
        "end": f"{day:%Y-%m-%d} {end}",
        "track": track.pk if track else "",
        "session_type": Session.Type.TALK,
        "abstract": "",
        "session_speakers": inline_formset([]),
        "external_organisations": "",
        "materials": streamfield([]),
    }
    data.update(extra)
    return nested_form_data(data)


def post_add(client, data, publish_it=True):
    if publish_it:
        data["action-publish"] = "action-publish"
    return client.post(reverse(ADD_URL), data)


def errors_of(response):
    assert response.status_code == 200, response.status_code  # the form comes back; nothing redirected
    form = response.context["form"]
    return {field: " ".join(messages) for field, messages in form.errors.items()}


# --- Organisers in the admin --------------------------------------------------------------------------------


@pytest.mark.django_db
def test_organiser_adds_and_publishes_a_session(client, organiser, edition, stora):
    page = client.get(reverse(ADD_URL))
    assert page.status_code == 200
    assert "Publicera" in page.content.decode()
    response = post_add(client, form_data(edition, stora))
    assert response.status_code == 302
    session = Session.objects.get(code="ny-punkt")
    assert session.live and session.edition_id == edition.pk
    assert session.start == at(edition.date, 9)
    assert session.start.astimezone(TZ).hour == 9  # entered and stored as Stockholm time
    edit = client.get(reverse(EDIT_URL, args=[session.pk]))
    assert edit.status_code == 200
    # The edit form offers only this edition's tracks.
    offered = set(edit.context["form"].fields["track"].queryset.values_list("page_id", flat=True))
    assert offered == {edition.pk}


@pytest.mark.django_db
def test_organiser_can_save_a_draft_that_stays_off_the_programme(client, organiser, edition, stora):
    response = post_add(client, form_data(edition, stora), publish_it=False)
    assert response.status_code == 302
    session = Session.objects.get(code="ny-punkt")
    assert not session.live
    assert not Session.objects.published().exists()


@pytest.mark.django_db
def test_session_ending_before_it_starts_is_rejected(client, organiser, edition, stora):
    response = post_add(client, form_data(edition, stora, start="10:00", end="09:30"))
    errors = errors_of(response)
    assert swedish(END_BEFORE_START) in errors["end"]
    assert not Session.objects.exists()


@pytest.mark.django_db
def test_session_ending_when_it_starts_is_rejected(client, organiser, edition, stora):
    errors = errors_of(post_add(client, form_data(edition, stora, start="10:00", end="10:00")))
    assert swedish(END_BEFORE_START) in errors["end"]
    assert not Session.objects.exists()


@pytest.mark.django_db
def test_overlapping_sessions_in_one_room_are_rejected_naming_the_other(client, organiser, edition, stora):
    make_session(edition, stora, "digital-plattform", "En digital plattform", at(edition.date, 9), at(edition.date, 10))
    errors = errors_of(post_add(client, form_data(edition, stora, start="09:30", end="10:15")))
    assert swedish(ROOM_TAKEN, title="En digital plattform") in errors["start"]
    assert "En digital plattform" in errors["start"]
    assert Session.objects.count() == 1
    # Back to back is fine, and so is the same time in another room.
    assert (
        post_add(client, form_data(edition, stora, code="direkt-efter", start="10:00", end="10:30")).status_code == 302
    )
    rum2 = EditionTrack.objects.get(page=edition, name="Rum 2")
    assert post_add(client, form_data(edition, rum2, code="parallell", start="09:30", end="10:15")).status_code == 302


@pytest.mark.django_db
def test_a_draft_session_does_not_hold_its_room_until_it_is_published(client, organiser, edition, stora):
    draft = make_session(
        edition, stora, "forberedd", "Förberedd punkt", at(edition.date, 13), at(edition.date, 14), live=False
    )
    assert post_add(client, form_data(edition, stora, start="13:30", end="14:30")).status_code == 302
    # Now the other one is published, the draft cannot be published into the same room and time.
    data = form_data(edition, stora, code=draft.code, title=draft.title, start="13:00", end="14:00")
    data["action-publish"] = "action-publish"
    errors = errors_of(client.post(reverse(EDIT_URL, args=[draft.pk]), data))
    assert swedish(ROOM_TAKEN, title="Ny programpunkt") in errors["start"]
    draft.refresh_from_db()
    assert not draft.live


@pytest.mark.django_db
def test_start_not_on_the_conference_day_is_rejected(client, organiser, edition, stora):
    next_day = edition.date + datetime.timedelta(days=1)
    errors = errors_of(post_add(client, form_data(edition, stora, day=next_day)))
    assert swedish(NOT_ON_THE_DAY) in errors["start"]
    assert not Session.objects.exists()


@pytest.mark.django_db
def test_track_from_another_edition_is_rejected(client, organiser, conference, edition):
    other_track = EditionTrack.objects.get(page=conference["editions"][2022], name="Stora scenen")
    errors = errors_of(post_add(client, form_data(edition, other_track)))
    assert swedish(OTHER_EDITION_TRACK) in errors["track"]
    assert not Session.objects.exists()


@pytest.mark.django_db
def test_duplicate_code_within_an_edition_is_rejected(client, organiser, conference, edition, stora):
    make_session(edition, stora, "valkommen", "Välkommen", at(edition.date, 9), at(edition.date, 9, 30))
    errors = errors_of(post_add(client, form_data(edition, None, code="valkommen", start="11:00", end="11:30")))
    assert "Det finns redan en programpunkt med den här adressen i upplagan." in str(errors)
    assert Session.objects.count() == 1
    # The same address is free in another edition.
    other = conference["editions"][2022]
    assert post_add(client, form_data(other, None, code="valkommen")).status_code == 302
    assert Session.objects.filter(code="valkommen").count() == 2


@pytest.mark.django_db
def test_writer_of_an_organisation_cannot_add_sessions(client, conference, edition, stora):
    grant_organiser_permissions(conference["series"])
    writer = writer_of(OrganisationFactory(name="Intraservice"), username="skribent")
    client.force_login(writer)
    assert client.get(reverse(ADD_URL)).status_code != 200
    response = post_add(client, form_data(edition, stora))
    assert response.status_code != 200 or "form" not in (response.context or {})
    assert not Session.objects.exists()


@pytest.mark.django_db
def test_organiser_logs_in_with_a_password_and_reaches_the_programme_list(client, conference):
    grant_organiser_permissions(conference["series"])
    user = UserFactory(username="amira")
    user.groups.add(Group.objects.get(name=ORGANISERS))
    assert client.login(username="amira", password=TEST_PASSWORD)
    listing = client.get(reverse("wagtailsnippets_conferences_session:list"))
    assert listing.status_code == 200
    assert client.get(reverse("wagtailsnippets_conferences_session:add")).status_code == 200
    assert client.get(reverse("sessionchange:index")).status_code == 200


# --- Model and database rules -------------------------------------------------------------------------------


@pytest.mark.django_db
def test_full_clean_gives_swedish_messages(edition, stora):
    with translation.override("sv"):
        session = Session(
            edition=edition,
            track=stora,
            code="baklanges",
            title="Baklänges",
            start=at(edition.date, 10),
            end=at(edition.date, 9),
        )
        with pytest.raises(ValidationError) as error:
            session.full_clean()
        assert swedish(END_BEFORE_START) in error.value.message_dict["end"]


@pytest.mark.django_db
def test_messages_have_swedish_translations():
    for message in (END_BEFORE_START, NOT_ON_THE_DAY, ROOM_TAKEN, OTHER_EDITION_TRACK):
        assert swedish(message) != message, f"missing Swedish translation: {message!r}"


@pytest.mark.django_db
def test_database_rejects_a_session_ending_before_it_starts(edition, stora):
    with pytest.raises(IntegrityError), transaction.atomic():
        Session.objects.create(
            edition=edition,
            track=stora,
            code="baklanges",
            title="Baklänges",
            start=at(edition.date, 10),
            end=at(edition.date, 9),
            live=False,
        )
    with pytest.raises(IntegrityError), transaction.atomic():
        Session.objects.create(
            edition=edition,
            code="noll",
            title="Noll minuter",
            start=at(edition.date, 10),
            end=at(edition.date, 10),
            live=False,
        )
    assert not Session.objects.exists()


# --- Autosave and drafts ----------------------------------------------------------------------------------------
# Wagtail's editor saves in the background by POSTing the whole form to its own address with "Accept:
# application/json", no action button, and overwrite_revision_id once it has saved a revision; it expects 200 and
# {"success": true}. A draft never keeps its organiser out of a room: only published sessions hold one.


def autosave(client, url, data, revision_id=None):
    data = {key: value for key, value in data.items() if not key.startswith("action-")}
    if revision_id:
        data["overwrite_revision_id"] = str(revision_id)
    response = client.post(url, data, HTTP_ACCEPT="application/json")
    assert response.status_code == 200, response.content
    body = json.loads(response.content)
    assert body["success"] is True
    return body


def publish_in_admin(client, session, data):
    data = dict(data, **{"action-publish": "action-publish"})
    return client.post(reverse(EDIT_URL, args=[session.pk]), data)


@pytest.mark.django_db
def test_the_sessions_own_draft_never_keeps_it_out_of_its_room(client, organiser, edition, stora):
    data = form_data(edition, stora, start="10:00", end="10:45")
    # Saved as a draft (what autosave does once the session exists), autosaved twice more, then published.
    assert client.post(reverse(ADD_URL), data).status_code == 302
    session = Session.objects.get()
    assert not session.live
    url = reverse(EDIT_URL, args=[session.pk])
    first = autosave(client, url, data)
    autosave(client, url, data, revision_id=first["revision_id"])
    assert publish_in_admin(client, session, data).status_code == 302
    session.refresh_from_db()
    assert session.live and session.start == at(edition.date, 10)
    # Saved and published again, unchanged: still its own room.
    assert publish_in_admin(client, session, data).status_code == 302


@pytest.mark.django_db
def test_a_forgotten_draft_does_not_block_a_second_attempt(client, organiser, edition, stora):
    assert client.post(reverse(ADD_URL), form_data(edition, stora, start="10:00", end="10:45")).status_code == 302
    again = form_data(edition, stora, code="ny-punkt-2", start="10:00", end="10:45")
    again["action-publish"] = "action-publish"
    assert client.post(reverse(ADD_URL), again).status_code == 302
    assert Session.objects.published().get().code == "ny-punkt-2"


@pytest.mark.django_db
def test_another_published_session_still_holds_the_room(client, organiser, edition, stora):
    make_session(edition, stora, "upptagen", "Redan här", at(edition.date, 10), at(edition.date, 11))
    data = form_data(edition, stora, start="10:30", end="11:15")
    errors = errors_of(client.post(reverse(ADD_URL), dict(data, **{"action-publish": "action-publish"})))
    assert swedish(ROOM_TAKEN, title="Redan här") in errors["start"]
    assert Session.objects.count() == 1


@pytest.mark.django_db
def test_autosave_runs_on_the_edit_form_and_not_while_a_session_is_being_added(client, organiser, edition, stora):
    add_page = client.get(reverse(ADD_URL))
    assert add_page.status_code == 200
    assert add_page.context["autosave_enabled"] is False
    session = make_session(edition, stora, "punkt", "En punkt", at(edition.date, 9), at(edition.date, 10))
    url = reverse(EDIT_URL, args=[session.pk])
    assert client.get(url).context["autosave_enabled"] is True
    data = form_data(edition, stora, code="punkt", title="En punkt med ny titel", start="09:00", end="10:00")
    first = autosave(client, url, data)
    second = autosave(client, url, data, revision_id=first["revision_id"])
    assert second["revision_id"] == first["revision_id"]  # autosave overwrites its own revision
    session.refresh_from_db()
    assert session.live and session.title == "En punkt"  # the published session is unchanged until publishing
    assert session.latest_revision.content["title"] == "En punkt med ny titel"


# --- Programme changes --------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_publishing_a_time_change_records_exactly_one_change(edition, stora):
    session = make_session(edition, stora, "flyttas", "Flyttas", at(edition.date, 9), at(edition.date, 10))
    assert not SessionChange.objects.exists()
    session.start, session.end = at(edition.date, 9, 15), at(edition.date, 10, 15)
    session.save_revision().publish()
    change = SessionChange.objects.get()
    assert (change.old_start, change.new_start) == (at(edition.date, 9), at(edition.date, 9, 15))
    assert (change.old_end, change.new_end) == (at(edition.date, 10), at(edition.date, 10, 15))
    # Publishing again without moving it records nothing more.
    Session.objects.get(pk=session.pk).save_revision().publish()
    assert SessionChange.objects.count() == 1


@pytest.mark.django_db
def test_saving_a_draft_time_change_records_none(edition, stora):
    session = make_session(edition, stora, "utkast", "Utkast", at(edition.date, 11), at(edition.date, 12))
    session.start, session.end = at(edition.date, 11, 30), at(edition.date, 12, 30)
    session.save_revision()
    assert not SessionChange.objects.exists()
    live = Session.objects.get(pk=session.pk)
    assert live.start == at(edition.date, 11) and live.has_unpublished_changes


@pytest.mark.django_db
def test_time_change_through_the_admin(client, organiser, edition, stora):
    session = make_session(edition, stora, "via-admin", "Via admin", at(edition.date, 14), at(edition.date, 15))
    url = reverse(EDIT_URL, args=[session.pk])
    draft = form_data(edition, stora, code="via-admin", title="Via admin", start="14:15", end="15:15")
    assert client.post(url, draft).status_code == 302
    assert not SessionChange.objects.exists()
    assert Session.objects.get(pk=session.pk).start == at(edition.date, 14)
    published = form_data(edition, stora, code="via-admin", title="Via admin", start="14:15", end="15:15")
    published["action-publish"] = "action-publish"
    assert client.post(url, published).status_code == 302
    assert SessionChange.objects.count() == 1
    assert Session.objects.get(pk=session.pk).start == at(edition.date, 14, 15)
