"""Everyone who may see the maturity dashboards (logged-in staff) finds them in the main menu; visitors don't."""

import pytest

from arena.demo.seed import ensure_home_page

pytestmark = pytest.mark.django_db

MENU_LINK = '<a href="/mognad/">Mognad</a>'


@pytest.fixture
def home():
    return ensure_home_page()


def primary_nav(html):
    return html.split('<nav class="primary-nav"', 1)[1].split("</nav>", 1)[0]


def test_logged_in_staff_find_mognad_in_the_main_menu(client, staff, home):
    client.force_login(staff)
    assert MENU_LINK in primary_nav(client.get("/").content.decode())


def test_the_item_is_current_on_the_dashboards(client, staff, home):
    client.force_login(staff)
    html = client.get("/mognad/").content.decode()
    assert '<a href="/mognad/" aria-current="page">Mognad</a>' in primary_nav(html)


def test_anonymous_visitors_get_no_mognad_item(client, home):
    html = client.get("/").content.decode()
    assert 'href="/mognad/"' not in html
