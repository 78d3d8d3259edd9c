"""The blog demo texts, read from the YAML files in blogs/demo/data/ (posts.yaml explains its fields at the top)."""

from pathlib import Path

from wagtail.rich_text import RichText

from arena.demo.data_files import DemoDataError, load_demo_data

DATA_DIR = Path(__file__).resolve().parent / "data"


def space_intros():
    """Organisation name -> the introduction its blog space gets when its own is empty."""
    return load_demo_data(DATA_DIR / "spaces.yaml")


def people():
    return load_demo_data(DATA_DIR / "people.yaml")


def posts():
    return load_demo_data(DATA_DIR / "posts.yaml")


def stream_data(blocks):
    """A post body from posts.yaml (one `{block type: value}` mapping per block) as StreamField data."""
    return [_block(kind, value) for block in blocks for kind, value in block.items()]


def _block(kind, value):
    if kind == "heading":
        return kind, {"text": value["text"], "level": value.get("level", "h2")}
    if kind == "paragraph":
        return kind, RichText(value)
    if kind == "quote":
        return kind, {"text": value["text"], "attribution": value.get("attribution", "")}
    if kind == "table":
        # The first row is the header; the caption is the block's own (TableBlock's table_caption stays empty).
        table = {"data": value["rows"], "first_row_is_table_header": True, "first_col_is_header": False}
        return kind, {"caption": value["caption"], "table": {**table, "table_caption": ""}}
    raise DemoDataError(f"Unknown body block type {kind!r} in the blog demo posts.")
