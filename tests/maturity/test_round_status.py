"""A round's status moves planned → open → closed → published one step at a time (or one step back), and only a
round with results is published; refusals are Swedish and, through the admin, change nothing."""

import pytest
from django.core.exceptions import ValidationError
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from maturity.models import OrganisationScore, Round
from tests.maturity.factories import RoundFactory

pytestmark = pytest.mark.django_db


def status_error(round_):
    with pytest.raises(ValidationError) as caught:
        round_.full_clean()
    return caught.value.message_dict["status"]


def with_results(round_, organisation):
    OrganisationScore.objects.create(
        round=round_, organisation=organisation, level=OrganisationScore.Level.TOTAL, score=50, respondents=5
    )
    return round_


def test_a_new_round_starts_planned_or_open(small_model):
    for status in ("planned", "open"):
        Round(model=small_model, year=2030, name="Ny", status=status).full_clean()
    assert status_error(Round(model=small_model, year=2030, name="Ny", status="published")) == [
        "En ny omgång börjar som planerad eller öppen."
    ]


def test_a_step_may_not_be_skipped(small_model):
    round_ = RoundFactory(model=small_model, status=Round.Status.PLANNED)
    round_.status = Round.Status.CLOSED
    assert status_error(round_) == [
        "En omgång går ett steg i taget (planerad → öppen → stängd → publicerad): från planerad kan den gå till öppen."
    ]
    round_.status = Round.Status.OPEN
    round_.full_clean()


def test_a_step_back_is_allowed(small_round, forvaltning):
    with_results(small_round, forvaltning)
    Round.objects.filter(pk=small_round.pk).update(status=Round.Status.PUBLISHED)
    small_round.status = Round.Status.CLOSED
    small_round.full_clean()
    small_round.status = Round.Status.OPEN
    assert status_error(small_round)[0].endswith("från publicerad kan den gå till stängd.")


def test_only_a_round_with_results_is_published(small_round, forvaltning):
    Round.objects.filter(pk=small_round.pk).update(status=Round.Status.CLOSED)
    small_round.status = Round.Status.PUBLISHED
    assert status_error(small_round) == [
        "Omgången har inga resultat ännu: importera svar eller resultat innan du publicerar den."
    ]
    with_results(small_round, forvaltning)
    small_round.full_clean()


def test_the_admin_refuses_a_skipped_step_and_saves_nothing(client, analyst, small_round):
    client.force_login(analyst)
    data = nested_form_data(
        {
            "model": small_round.model_id,
            "year": small_round.year,
            "name": "Omdöpt",
            "status": "published",
            "published_at": "",
            "notes": "",
            "participants": inline_formset([]),
        }
    )

    response = client.post(f"/admin/mognad/omgangar/edit/{small_round.pk}/", data)

    assert response.status_code == 200
    assert "från öppen kan den gå till planerad eller stängd" in response.content.decode()
    small_round.refresh_from_db()
    assert (small_round.name, small_round.status) == ("Testomgång 2022", Round.Status.OPEN)
