"""The consultation demo: /inspel/ with one open consultation that has answers and one closed with a summary;
seeding twice creates nothing new."""

import io

import pytest
from wagtail.contrib.forms.models import FormSubmission

from arena.consultations.demo import seed_consultation_demo
from arena.demo.seed import ensure_home_page, seed_arena_pages
from arena.models import ConsultationFormField, ConsultationIndexPage, ConsultationPage, ConsultationState
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def home(db):
    home = ensure_home_page()
    seed_arena_pages(home)
    UserFactory(username="redaktor", email="redaktor@kunskapsarenan.local")  # the demo's arena editor
    return home


def snapshot():
    return (
        ConsultationIndexPage.objects.count(),
        ConsultationPage.objects.count(),
        ConsultationFormField.objects.count(),
        FormSubmission.objects.count(),
    )


def test_demo_has_one_open_and_one_closed_consultation(home, client):
    out = io.StringIO()
    seed_consultation_demo(home=home, stdout=out)
    first = snapshot()
    seed_consultation_demo(home=home, stdout=out)
    assert snapshot() == first == (1, 2, 6, 5)
    assert "Inspel: 2 publicerade (0 nya), 5 svar." in out.getvalue()

    open_page, closed_page = ConsultationPage.objects.order_by("-closes_at")
    assert open_page.state() == ConsultationState.OPEN
    assert open_page.ask_for_email
    assert open_page.owner.email == "redaktor@kunskapsarenan.local"
    assert FormSubmission.objects.filter(page=open_page).count() == 3
    assert closed_page.state() == ConsultationState.CLOSED
    assert "Det här tog vi med oss" in closed_page.closed_summary
    for page in (open_page, closed_page):
        page.full_clean()  # the demo passes the editors' own validation
        assert all(submission.submit_time >= page.opens_at for submission in FormSubmission.objects.filter(page=page))

    assert client.get("/inspel/").status_code == 200
    assert client.get(open_page.url).status_code == 200
    body = client.get(closed_page.url).content.decode()
    assert "Inspelet är stängt" in body
    assert "Det här tog vi med oss" in body


def test_the_demo_adds_inspel_to_the_main_menu_once(home, client):
    seed_consultation_demo(home=home)
    seed_consultation_demo(home=home)
    menu = client.get("/").content.decode().split('class="primary-nav"', 1)[1].split("</nav>", 1)[0]
    assert menu.count('href="/inspel/"') == 1
