"""The blog demo texts in blogs/demo/data/*.yaml: they load, refer to each other correctly, and their body blocks
become the StreamField data the post body accepts."""

import pytest
from wagtail.rich_text import RichText

from arena.demo.data_files import DemoDataError
from arena.demo.taxonomy import FOCUS_AREAS
from blogs.demo import content
from blogs.demo.illustrations import MOTIFS
from blogs.models import BlogPostPage


def test_posts_refer_to_known_people_focus_areas_and_illustrations():
    people = {person["slug"] for person in content.people()}
    areas = {area["slug"] for area in FOCUS_AREAS}
    posts = content.posts()

    assert len(posts) >= 32
    assert len({post["slug"] for post in posts}) == len(posts)
    for post in posts:
        assert set(post["authors"]) <= people, post["slug"]
        assert post["focus"] and set(post["focus"]) <= areas, post["slug"]
        assert post["tags"], post["slug"]
        if "hero" in post:
            assert post["hero"]["style"] in MOTIFS and post["hero"]["alt"].strip(), post["slug"]


@pytest.mark.django_db
def test_every_post_body_renders_as_the_post_body():
    body = BlogPostPage._meta.get_field("body").stream_block
    for post in content.posts():
        value = body.normalize(content.stream_data(post["body"]))

        assert [block.block_type for block in value] == [kind for block in post["body"] for kind in block]
        assert value.render_as_block().strip(), post["slug"]


def test_blocks_become_stream_data():
    blocks = [
        {"heading": {"text": "Rubrik"}},
        {"paragraph": "<p>Stycke</p>"},
        {"quote": {"text": "Citat", "attribution": "Någon"}},
        {"quote": {"text": "Anonymt"}},
        {"table": {"caption": "Tabell", "rows": [["År", "Antal"], ["2025", "3"]]}},
    ]

    data = content.stream_data(blocks)

    assert [kind for kind, _ in data] == ["heading", "paragraph", "quote", "quote", "table"]
    assert data[0][1] == {"text": "Rubrik", "level": "h2"}
    assert isinstance(data[1][1], RichText) and data[1][1].source == "<p>Stycke</p>"
    assert data[2][1] == {"text": "Citat", "attribution": "Någon"}
    assert data[3][1] == {"text": "Anonymt", "attribution": ""}
    assert data[4][1] == {
        "caption": "Tabell",
        "table": {
            "data": [["År", "Antal"], ["2025", "3"]],
            "first_row_is_table_header": True,
            "first_col_is_header": False,
            "table_caption": "",
        },
    }


def test_an_unknown_block_type_is_named_in_the_error():
    with pytest.raises(DemoDataError, match="'video'"):
        content.stream_data([{"video": "https://example.org/film"}])
