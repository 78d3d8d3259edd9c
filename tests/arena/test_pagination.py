"""The one pagination helper and include: the same answer to a bad page number on every listing."""

import pytest
from django.http import Http404
from django.template.loader import render_to_string
from django.test import RequestFactory

from arena.pagination import paginate

ITEMS = list(range(1, 96))  # 10 pages of 10 (the last one has 5)


def page_for(query):
    return paginate(RequestFactory().get("/lista/", query), ITEMS, 10)


@pytest.mark.parametrize("value", ["", "abc", "0", "-3", "1.5", "\x00"])
def test_a_page_number_that_is_not_a_positive_whole_number_shows_the_first_page(value):
    assert page_for({"sida": value}).number == 1


def test_no_page_number_shows_the_first_page():
    page = page_for({})
    assert (page.number, list(page)) == (1, list(range(1, 11)))


def test_a_page_in_range_is_shown():
    page = page_for({"sida": "10"})
    assert (page.number, list(page)) == (10, [91, 92, 93, 94, 95])


@pytest.mark.parametrize("value", ["11", "9" * 400])
def test_a_page_past_the_end_is_not_found(value):
    with pytest.raises(Http404):
        page_for({"sida": value})


def test_an_empty_listing_has_an_empty_first_page():
    page = paginate(RequestFactory().get("/lista/"), [], 10)
    assert (page.number, list(page), page.paginator.num_pages) == (1, [], 1)


def test_the_range_is_elided_around_the_current_page():
    page = paginate(RequestFactory().get("/lista/", {"sida": "10"}), range(200), 10)
    ellipsis = page.paginator.ELLIPSIS
    assert page.elided_range == [1, ellipsis, 8, 9, 10, 11, 12, ellipsis, 20]


def test_the_include_keeps_the_filters_and_marks_the_current_page():
    request = RequestFactory().get("/lista/", {"q": "data & ai", "sida": "2"})
    page = paginate(request, ITEMS, 10)
    html = render_to_string(
        "includes/pagination.html", {"page_obj": page, "label": "Sidor med träffar"}, request=request
    )
    assert 'aria-label="Sidor med träffar"' in html
    assert 'href="?q=data+%26+ai&amp;sida=2" aria-current="page"' in html
    assert 'href="?q=data+%26+ai&amp;sida=1" rel="prev"' in html
    assert 'href="?q=data+%26+ai&amp;sida=3" rel="next"' in html
    assert html.count('aria-current="page"') == 1


def test_a_single_page_renders_no_navigation():
    request = RequestFactory().get("/lista/")
    html = render_to_string("includes/pagination.html", {"page_obj": paginate(request, ITEMS[:5], 10), "label": "x"})
    assert html.strip() == ""
