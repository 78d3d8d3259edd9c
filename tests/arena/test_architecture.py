"""The one-way rule of DESIGN.md, checked in the source: blogs, conferences and maturity use arena; arena uses none
of them, and they do not use each other — not by import, not by `apps.get_model`, not by a "app.Model" string.
They meet only through arena's hooks (arena/hooks.py), which docs/architecture.md lists."""

import ast
import re
from pathlib import Path

import pytest

from arena import hooks as arena_hooks

ROOT = Path(__file__).resolve().parents[2]
APPS = ("arena", "blogs", "conferences", "maturity")
MODEL_REFERENCE = re.compile(r"^(?P<app>[a-z_]+)\.[A-Z]\w*$")


def python_files(app):
    return sorted((ROOT / app).rglob("*.py"))


def foreign_uses(app, path):
    """(line, used app, what) for every use of another of our apps in one source file, in line order."""
    others = set(APPS) - {app}
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found, model_lookups = [], set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name.split(".")[0], alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.append((node.lineno, node.module.split(".")[0], node.module))
        elif isinstance(node, ast.Call) and getattr(node.func, "attr", getattr(node.func, "id", "")) == "get_model":
            labels = [arg.value for arg in node.args if isinstance(arg, ast.Constant) and isinstance(arg.value, str)]
            model_lookups.update(id(arg) for arg in node.args)
            if labels:
                found.append((node.lineno, labels[0].split(".")[0], f"get_model({', '.join(labels)})"))
        elif isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in model_lookups:
            match = MODEL_REFERENCE.match(node.value)
            if match:
                found.append((node.lineno, match["app"], node.value))
    return sorted(use for use in found if use[1] in others)


@pytest.mark.parametrize("app", APPS)
def test_app_uses_no_other_app(app):
    allowed = {"arena"} if app != "arena" else set()
    offences = [
        f"{path.relative_to(ROOT)}:{line}: {what}"
        for path in python_files(app)
        for line, used, what in foreign_uses(app, path)
        if used not in allowed
    ]
    assert offences == []


def test_the_check_catches_each_kind_of_use(tmp_path):
    source = tmp_path / "example.py"
    source.write_text(
        "import conferences.models\n"
        "from blogs.models import BlogPostPage\n"
        "from django.apps import apps\n"
        "apps.get_model('blogs', 'BlogPostPage')\n"
        "apps.get_model('conferences.Session')\n"
        "field = 'blogs.BlogPostPage'\n"
        "from arena.models import Organisation\n",
        encoding="utf-8",
    )
    assert [what for _line, _used, what in foreign_uses("maturity", source)] == [
        "conferences.models",
        "blogs.models",
        "get_model(blogs, BlogPostPage)",
        "get_model(conferences.Session)",
        "blogs.BlogPostPage",
        "arena.models",  # allowed for the apps, not for arena itself: test_app_uses_no_other_app decides
    ]


def test_architecture_doc_names_every_hook():
    doc = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    names = [value for key, value in vars(arena_hooks).items() if key.isupper()]
    assert names, "arena/hooks.py defines the hook names"
    assert [name for name in names if f"`{name}`" not in doc] == []


def test_readme_links_the_architecture_doc():
    assert "docs/architecture.md" in (ROOT / "README.md").read_text(encoding="utf-8")
