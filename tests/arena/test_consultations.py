"""Consultations (/inspel/): the index, a consultation before, during and after its open period, the form's
protection (honeypot, rate limit) and its answers to bad input."""

from datetime import timedelta
from pathlib import Path

import pytest
from django.core import mail
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.utils import timezone, translation
from wagtail.contrib.forms.models import FormSubmission
from wagtail.models import PageViewRestriction

from arena.consultations import queries
from arena.consultations.forms import EMAIL_FIELD, HONEYPOT_FIELD
from arena.demo.seed import ensure_home_page, seed_arena_pages
from arena.models import ConsultationIndexPage, ConsultationPage, HomePage, StandardPage
from tests.factories import UserFactory
from tests.helpers.consultations import (
    QUESTION,
    QUESTION_NAME,
    WORKPLACE_NAME,
    add_consultation,
    consultation_index,
)

pytestmark = pytest.mark.django_db

ANSWER = "Det vore bra med en gemensam inloggning till alla system."


@pytest.fixture(autouse=True)
def empty_cache():
    """The rate limit counts in the cache: every test starts from zero."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def home(db):
    home = ensure_home_page()
    seed_arena_pages(home)
    return home


@pytest.fixture
def index(home):
    return consultation_index(home)


@pytest.fixture
def owner(db):
    return UserFactory(username="agare", email="agare@goteborg.example")


@pytest.fixture
def open_page(index, owner):
    return add_consultation(index, "Inspel till digitaliseringsplanen", slug="planen", owner=owner)


def answer(**extra):
    return {QUESTION_NAME: ANSWER, WORKPLACE_NAME: "I ett bolag", **extra}


def body_of(response):
    return response.content.decode().replace("\xa0", " ")


# --- The page tree ---------------------------------------------------------------------------------------------


def test_the_tree_is_strict():
    assert ConsultationIndexPage.parent_page_types == ["arena.HomePage"]
    assert ConsultationIndexPage.subpage_types == ["arena.ConsultationPage"]
    assert ConsultationIndexPage.max_count == 1
    assert ConsultationPage.parent_page_types == ["arena.ConsultationIndexPage"]
    assert ConsultationPage.subpage_types == []
    assert ConsultationPage.can_create_at(StandardPage()) is False
    assert ConsultationIndexPage.can_create_at(HomePage()) is True


def test_the_index_lives_at_inspel(client, index):
    assert index.url == "/inspel/"
    assert client.get("/inspel/").status_code == 200


def test_a_consultation_must_close_after_it_opens(index):
    page = add_consultation(index)
    page.closes_at = page.opens_at - timedelta(minutes=1)
    with translation.override("sv"), pytest.raises(ValidationError) as error:
        page.full_clean()
    assert error.value.message_dict["closes_at"] == ["Inspelet måste stänga efter att det har öppnat."]


def test_the_privacy_notice_is_required(index):
    page = add_consultation(index)
    page.privacy_notice = ""
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    assert "privacy_notice" in error.value.message_dict


# --- The index ---------------------------------------------------------------------------------------------------


def test_index_lists_open_then_upcoming_then_closed(client, index):
    now = timezone.now()
    add_consultation(index, "Stängt tidigt", state="closed", closes_at=now - timedelta(days=20))
    add_consultation(index, "Öppet länge", state="open", closes_at=now + timedelta(days=30))
    add_consultation(index, "Snart öppet", state="upcoming")
    add_consultation(index, "Stängt nyss", state="closed", closes_at=now - timedelta(days=1))
    add_consultation(index, "Stänger snart", state="open", closes_at=now + timedelta(days=2))

    response = client.get("/inspel/")

    assert response.status_code == 200
    titles = [page.title for page in response.context["consultations"]]
    assert titles == ["Stänger snart", "Öppet länge", "Snart öppet", "Stängt nyss", "Stängt tidigt"]
    body = body_of(response)
    assert "Öppet" in body and "Stängt" in body and "Öppnar snart" in body


def test_index_is_paginated(client, index):
    for number in range(12):
        add_consultation(index, f"Inspel {number:02}", state="closed")
    first = client.get("/inspel/")
    second = client.get("/inspel/", {"sida": 2})
    assert first.status_code == 200
    assert len(first.context["consultations"]) == 10
    assert second.status_code == 200
    assert len(second.context["consultations"]) == 2
    assert client.get("/inspel/", {"sida": 3}).status_code == 404


def test_staff_only_consultations_are_listed_for_signed_in_staff_only(client, index):
    page = add_consultation(index, "Bara för medarbetare")
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    assert "Bara för medarbetare" not in body_of(client.get("/inspel/"))
    assert client.get(page.url).status_code == 302  # to the login page
    client.force_login(UserFactory())
    assert "Bara för medarbetare" in body_of(client.get("/inspel/"))
    assert client.get(page.url).status_code == 200


def test_drafts_are_not_listed(index):
    draft = add_consultation(index, "Utkast")
    draft.unpublish()
    assert list(queries.listing(index, UserFactory())) == []


def test_index_query_count_is_flat(client, index, django_assert_max_num_queries):
    for number in range(3):
        add_consultation(index, f"Litet {number}", state=("open", "closed", "upcoming")[number])
    client.get("/inspel/")
    with django_assert_max_num_queries(20) as small:
        assert client.get("/inspel/").status_code == 200
    for number in range(30):
        add_consultation(index, f"Stort {number}", state=("open", "closed", "upcoming")[number % 3])
    with django_assert_max_num_queries(len(small.captured_queries)):
        assert client.get("/inspel/").status_code == 200


# --- Before opening and after closing ----------------------------------------------------------------------------


def test_before_opening_the_page_says_when_and_has_no_form(client, index):
    page = add_consultation(index, state="upcoming")
    response = client.get(page.url)
    assert response.status_code == 200
    body = body_of(response)
    assert "Inte öppet än" in body
    assert f"Du kan lämna dina synpunkter här från {timezone.localtime(page.opens_at):%-d}" in body
    assert 'method="post"' not in body.split("<main", 1)[1]
    assert "no-cache" in response["Cache-Control"]  # the page cache must not keep it past the opening


def test_after_closing_the_page_says_so_with_the_summary(client, index):
    page = add_consultation(index, state="closed", closed_summary="<p>Vi fick 40 svar om inloggning.</p>")
    response = client.get(page.url)
    assert response.status_code == 200
    body = body_of(response)
    assert "Inspelet är stängt" in body
    assert "Vad som kom in" in body
    assert "Vi fick 40 svar om inloggning." in body
    assert 'method="post"' not in body.split("<main", 1)[1]


def test_a_closed_consultation_without_summary_shows_none(client, index):
    page = add_consultation(index, state="closed")
    body = body_of(client.get(page.url))
    assert "Inspelet är stängt" in body
    assert "Vad som kom in" not in body


@pytest.mark.parametrize(
    ("state", "message"),
    [
        ("closed", "Inspelet är stängt, så ditt svar sparades inte."),
        ("upcoming", "Inspelet har inte öppnat än, så ditt svar sparades inte."),
    ],
)
def test_answers_outside_the_open_period_are_refused(client, index, owner, state, message):
    page = add_consultation(index, state=state, owner=owner)
    response = client.post(page.url, answer())
    assert response.status_code == 403
    assert message in body_of(response)
    assert FormSubmission.objects.count() == 0
    assert mail.outbox == []


def test_a_consultation_closes_at_its_closing_time(client, open_page):
    ConsultationPage.objects.filter(pk=open_page.pk).update(closes_at=timezone.now() - timedelta(seconds=1))
    assert client.post(open_page.url, answer()).status_code == 403
    assert FormSubmission.objects.count() == 0


# --- The open form -------------------------------------------------------------------------------------------------


def test_open_page_shows_the_form_privacy_notice_and_deletion_date(client, open_page, settings):
    settings.CONSULTATION_RETENTION_DAYS = 30
    response = client.get(open_page.url)
    assert response.status_code == 200
    body = body_of(response)
    assert QUESTION in body
    assert "Svaren läses av projektgruppen" in body
    deleted = timezone.localdate(open_page.closes_at + timedelta(days=30))
    assert f"Svaren raderas senast {deleted.day} " in body
    assert f'name="{EMAIL_FIELD}"' not in body  # not asked unless the editor wants it


def test_the_honeypot_is_hidden_from_people_and_assistive_technology(client, open_page):
    body = body_of(client.get(open_page.url))
    trap = body.split('class="consultation__trap"', 1)[1].split("</div>", 1)[0]
    assert trap.startswith(' aria-hidden="true"')
    assert f'name="{HONEYPOT_FIELD}"' in trap
    assert 'tabindex="-1"' in trap
    assert 'autocomplete="off"' in trap
    css = (Path(__file__).resolve().parents[2] / "static" / "css" / "consultations.css").read_text()
    assert ".consultation__trap {\n    display: none;" in css


def test_a_dropdown_starts_with_no_choice(client, open_page):
    body = body_of(client.get(open_page.url))
    select = body.split(f'name="{WORKPLACE_NAME}"', 1)[1].split("</select>", 1)[0]
    assert '<option value="" selected>Välj</option>' in select


def test_an_answer_is_saved_and_mailed_to_the_owner(client, open_page, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(open_page.url, answer())
    assert response.status_code == 200
    assert "Tack för dina synpunkter" in body_of(response)
    submission = FormSubmission.objects.get(page=open_page)
    assert submission.form_data == {QUESTION_NAME: ANSWER, WORKPLACE_NAME: "I ett bolag"}
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["agare@goteborg.example"]
    assert message.subject == "Nytt svar: Inspel till digitaliseringsplanen"
    assert ANSWER in message.body
    assert f"http://testserver/admin/forms/submissions/{open_page.pk}/" in message.body


def test_without_an_owner_address_the_mail_goes_to_the_to_address(client, index, django_capture_on_commit_callbacks):
    page = add_consultation(index, owner=UserFactory(email=""), to_address="a@exempel.test, b@exempel.test")
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(page.url, answer()).status_code == 200
    assert mail.outbox[0].to == ["a@exempel.test", "b@exempel.test"]


def test_the_mail_is_sent_only_after_the_answer_is_committed(client, open_page, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        assert client.post(open_page.url, answer()).status_code == 200
    assert mail.outbox == []
    assert len(callbacks) == 1


def test_the_email_field_is_asked_only_when_the_editor_wants_it(client, index, django_capture_on_commit_callbacks):
    page = add_consultation(index, ask_for_email=True)
    body = body_of(client.get(page.url))
    assert f'name="{EMAIL_FIELD}"' in body
    assert 'autocomplete="email"' in body
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(page.url, answer(**{EMAIL_FIELD: "lina@exempel.se"})).status_code == 200
    assert FormSubmission.objects.get().form_data[EMAIL_FIELD] == "lina@exempel.se"
    assert "lina@exempel.se" in mail.outbox[0].body
    bad = client.post(page.url, answer(**{EMAIL_FIELD: "inte-en-adress"}))
    assert bad.status_code == 400
    assert "Ange en giltig mejladress" in body_of(bad)


def test_the_thank_you_page_shows_the_editors_text(client, index):
    page = add_consultation(index, thank_you_text="<p>Tack, vi hör av oss i maj.</p>")
    assert "Tack, vi hör av oss i maj." in body_of(client.post(page.url, answer()))


def test_consultation_page_query_count_is_flat(client, index, django_assert_max_num_queries):
    few = add_consultation(index, "Få frågor", slug="fa")
    many = add_consultation(
        index,
        "Många frågor",
        slug="manga",
        fields=[{"label": f"Fråga nummer {n}", "field_type": "singleline", "required": False} for n in range(30)],
    )
    client.get(few.url)
    with django_assert_max_num_queries(20) as small:
        assert client.get(few.url).status_code == 200
    with django_assert_max_num_queries(len(small.captured_queries)):
        assert client.get(many.url).status_code == 200


# --- Bad input -----------------------------------------------------------------------------------------------------


def test_an_empty_answer_is_refused_in_swedish(client, open_page):
    response = client.post(open_page.url, {QUESTION_NAME: "", WORKPLACE_NAME: ""})
    assert response.status_code == 400
    body = body_of(response)
    assert "Det finns fel i formuläret" in body
    assert "Det här fältet är obligatoriskt" in body or "Detta fält måste fyllas i" in body
    assert 'aria-invalid="true"' in body
    assert "<title>Fel:" in body
    assert FormSubmission.objects.count() == 0


def test_an_empty_answer_to_optional_questions_is_refused(client, index):
    page = add_consultation(index, fields=[{"label": "Något mer?", "field_type": "multiline", "required": False}])
    response = client.post(page.url, {"nagot_mer": "   "})
    assert response.status_code == 400
    assert "Besvara minst en fråga innan du skickar." in body_of(response)
    assert FormSubmission.objects.count() == 0


def test_a_10000_character_answer_is_refused(client, open_page):
    response = client.post(open_page.url, answer(**{QUESTION_NAME: "å" * 10_000}))
    assert response.status_code == 400
    assert "som mest 5000 tecken" in body_of(response)
    assert FormSubmission.objects.count() == 0


@pytest.mark.parametrize(
    "text",
    ['<script>alert("hej")</script>', "Bra förslag <img src=x onerror=alert(1)>", "<b>fet</b> text", "<script"],
)
def test_html_is_refused_with_a_clear_message(client, open_page, text):
    response = client.post(open_page.url, answer(**{QUESTION_NAME: text}))
    assert response.status_code == 400
    body = body_of(response)
    assert "Skriv ditt svar som vanlig text: HTML-kod som &lt;script&gt; tas inte emot." in body
    assert "<script>alert" not in body
    assert FormSubmission.objects.count() == 0


def test_comparisons_are_not_mistaken_for_html(client, open_page):
    assert client.post(open_page.url, answer(**{QUESTION_NAME: "Kostnad < 5 mnkr och > 2 mnkr"})).status_code == 200
    assert FormSubmission.objects.get().form_data[QUESTION_NAME] == "Kostnad < 5 mnkr och > 2 mnkr"


@pytest.mark.parametrize(
    ("field", "status"),
    [
        (QUESTION_NAME, 200),  # the NUL byte is removed from the answer
        (WORKPLACE_NAME, 400),  # not one of the choices
        (HONEYPOT_FIELD, 200),  # a robot: dropped
        ("okänt", 200),  # not a field of the form: ignored
    ],
)
def test_nul_bytes_never_cause_a_server_error(client, open_page, field, status):
    response = client.post(open_page.url, answer(**{field: "Hej\x00då"}))
    assert response.status_code == status
    if field == QUESTION_NAME:
        assert FormSubmission.objects.get().form_data[QUESTION_NAME] == "Hejdå"


def test_a_nul_byte_in_the_email_address_is_refused(client, index):
    page = add_consultation(index, ask_for_email=True)
    response = client.post(page.url, answer(**{EMAIL_FIELD: "a\x00@exempel.se"}))
    assert response.status_code == 400
    assert FormSubmission.objects.count() == 0


def test_control_characters_are_removed_and_soft_line_breaks_kept(client, open_page):
    assert client.post(open_page.url, answer(**{QUESTION_NAME: "Rad ett\x0brad två\x07\x1b"})).status_code == 200
    assert FormSubmission.objects.get().form_data[QUESTION_NAME] == "Rad ett\nrad två"


def test_an_answer_not_among_the_choices_is_refused(client, open_page):
    response = client.post(open_page.url, answer(**{WORKPLACE_NAME: "På månen"}))
    assert response.status_code == 400
    assert "Välj ett giltigt alternativ" in body_of(response)


# --- Honeypot and rate limit ---------------------------------------------------------------------------------------


def test_a_filled_honeypot_is_silently_dropped(client, open_page, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(open_page.url, answer(**{HONEYPOT_FIELD: "http://spam.example"}))
    assert response.status_code == 200
    assert "Tack för dina synpunkter" in body_of(response)
    assert FormSubmission.objects.count() == 0
    assert mail.outbox == []


def test_the_rate_limit_stops_the_sixth_answer_in_ten_minutes(client, open_page, settings):
    assert settings.CONSULTATION_RATE_LIMIT == 5
    for _number in range(5):
        assert client.post(open_page.url, answer(), REMOTE_ADDR="10.1.2.3").status_code == 200
    response = client.post(open_page.url, answer(), REMOTE_ADDR="10.1.2.3")
    assert response.status_code == 429
    assert response["Retry-After"] == "600"
    body = body_of(response)
    assert "Du har skickat många svar på kort tid, så det här sparades inte. Vänta 10 minuter" in body
    assert ANSWER in body  # what they wrote is still in the form
    assert FormSubmission.objects.count() == 5
    # Another client, and the same client on another consultation, are not affected.
    assert client.post(open_page.url, answer(), REMOTE_ADDR="10.9.9.9").status_code == 200
    other = add_consultation(open_page.get_parent().specific, "Ett annat inspel")
    assert client.post(other.url, answer(), REMOTE_ADDR="10.1.2.3").status_code == 200


def test_invalid_attempts_do_not_use_up_the_limit(client, open_page):
    for _number in range(8):
        assert client.post(open_page.url, {QUESTION_NAME: ""}, REMOTE_ADDR="10.1.2.3").status_code == 400
    assert client.post(open_page.url, answer(), REMOTE_ADDR="10.1.2.3").status_code == 200


def test_honeypot_hits_count_towards_the_limit(client, open_page):
    for _number in range(5):
        client.post(open_page.url, answer(**{HONEYPOT_FIELD: "x"}), REMOTE_ADDR="10.1.2.3")
    assert client.post(open_page.url, answer(), REMOTE_ADDR="10.1.2.3").status_code == 429
    assert FormSubmission.objects.count() == 0


def test_the_rate_limit_window_ends(client, open_page, settings):
    settings.CONSULTATION_RATE_LIMIT = 1
    assert client.post(open_page.url, answer(), REMOTE_ADDR="10.1.2.3").status_code == 200
    assert client.post(open_page.url, answer(), REMOTE_ADDR="10.1.2.3").status_code == 429
    cache.clear()  # what the window's expiry does
    assert client.post(open_page.url, answer(), REMOTE_ADDR="10.1.2.3").status_code == 200


# --- Preview and API -----------------------------------------------------------------------------------------------


def test_the_api_lists_public_consultations_with_their_dates(client, open_page):
    response = client.get("/api/v2/pages/", {"type": "arena.ConsultationPage", "fields": "opens_at,closes_at"})
    assert response.status_code == 200
    (item,) = response.json()["items"]
    assert item["title"] == "Inspel till digitaliseringsplanen"
    assert item["closes_at"].startswith(timezone.localtime(open_page.closes_at).strftime("%Y-%m-%d"))


def test_the_search_finds_a_closed_consultation_by_its_summary(client, index):
    add_consultation(index, "Inspel om lokaler", state="closed", closed_summary="<p>Lokalbokning efterfrågades.</p>")
    response = client.get("/sok/", {"q": "lokalbokning"})
    assert response.status_code == 200
    assert "Inspel om lokaler" in body_of(response)


@pytest.mark.parametrize(
    ("state", "mode", "expected"),
    [
        ("upcoming", "form", "Skicka dina synpunkter"),  # editors preview the form before it opens
        ("closed", "form", "Skicka dina synpunkter"),
        ("open", "closed", "Inspelet är stängt"),  # and the closed page before it closes
        ("open", "landing", "Tack för dina synpunkter"),
    ],
)
def test_preview_modes(rf, index, state, mode, expected):
    page = add_consultation(index, state=state)
    request = rf.get(page.url)
    request.user = UserFactory()
    request.is_preview, request.preview_mode = True, mode
    response = page.serve_preview(request, mode)
    response.render()
    assert response.status_code == 200
    body = body_of(response)
    assert expected in body
    assert ("Inspelet är stängt" in body) == (mode == "closed")
    assert [name for name, _label in page.preview_modes] == ["form", "landing", "closed"]


def test_the_index_stays_out_of_the_page_cache_just_before_a_change(client, index, settings):
    settings.PAGE_CACHE_SECONDS = 300
    page = add_consultation(index, "Stänger om en timme", closes_at=timezone.now() + timedelta(hours=1))
    assert "no-cache" not in client.get("/inspel/").get("Cache-Control", "")
    assert client.get("/inspel/")["X-Page-Cache"] == "hit"
    ConsultationPage.objects.filter(pk=page.pk).update(closes_at=timezone.now() + timedelta(minutes=4))
    cache.clear()  # the entry made an hour before closing has expired
    response = client.get("/inspel/")
    assert "no-cache" in response["Cache-Control"]
    assert "X-Page-Cache" not in response
    assert "X-Page-Cache" not in client.get("/inspel/")  # rendered afresh each time until the change


@pytest.mark.redis
def test_a_signed_in_visitor_sees_a_consultation_open_at_its_moment(client, index, settings, monkeypatch):
    """The signed-in listing is cached until the next opening or closing moment, then rendered afresh at once."""
    settings.PAGE_CACHE_SECONDS = 300
    client.force_login(UserFactory())
    opens_at = timezone.now() + timedelta(hours=2)
    add_consultation(index, "Öppnar om två timmar", state="upcoming", opens_at=opens_at)
    for _ in range(2):  # the second from the fragments
        assert "Öppnar snart" in body_of(client.get("/inspel/"))
    real_now = timezone.now
    monkeypatch.setattr(timezone, "now", lambda: real_now() + timedelta(hours=2, seconds=1))
    body = body_of(client.get("/inspel/"))
    assert "Öppnar snart" not in body and "Öppet" in body


def test_a_question_cannot_take_the_forms_own_field_names(index):
    from arena.models import ConsultationFormField

    page = add_consultation(index)
    for label in ("Website", "Respondent email"):
        with translation.override("sv"), pytest.raises(ValidationError) as error:
            ConsultationFormField(page=page, label=label, field_type="singleline").full_clean()
        assert error.value.message_dict["label"] == ["Den här etiketten används av formuläret självt. Välj en annan."]
    ConsultationFormField(page=page, label="Webbplats", field_type="singleline").full_clean()
