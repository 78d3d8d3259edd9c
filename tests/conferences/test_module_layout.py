"""The conference models import no view: the page classes' routes hand the page to functions in modules that never
import the models back, neither at the top nor inside a function, directly or through another module. Read from
the source (ast), so an import that would only run later is caught too."""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
APP = "conferences"
MODELS = f"{APP}.models"


def module_path(name):
    """The file of module `name` inside the app, or None for a name that is no module there (e.g. a class)."""
    base = ROOT.joinpath(*name.split("."))
    for path in (base.with_suffix(".py"), base / "__init__.py"):
        if path.is_file():
            return path
    return None


def imports_of(name):
    """Every app module that module `name` imports, wherever in the file the import statement is."""
    path = module_path(name)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    return imports_in(path.read_text(encoding="utf-8"), package)


def imports_in(source, package):
    found = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parent = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                base = f"{parent}.{base}" if base else parent
            targets = [base] + [f"{base}.{alias.name}" for alias in node.names]
        else:
            continue
        for target in targets:
            parts = target.split(".")
            # "conferences.models.pages" also loads "conferences.models" (and "conferences"): count every package.
            for end in range(1, len(parts) + 1):
                prefix = ".".join(parts[:end])
                if prefix.startswith(APP) and prefix != APP and module_path(prefix):
                    found.add(prefix)
    return found


def is_model_module(name):
    return name == MODELS or name.startswith(MODELS + ".")


def called_from_models():
    """The app modules the models import that are not themselves part of the models package."""
    models = {f"{MODELS}.{path.stem}" for path in (ROOT / APP / "models").glob("*.py")} | {MODELS}
    return {imported for name in models for imported in imports_of(name) if not is_model_module(imported)}


def reaches_models(start):
    """The import chain from `start` to the models package, or None."""
    seen, chains = {start}, [[start]]
    while chains:
        chain = chains.pop()
        for imported in sorted(imports_of(chain[-1])):
            if is_model_module(imported):
                return chain + [imported]
            if imported not in seen:
                seen.add(imported)
                chains.append(chain + [imported])
    return None


def test_the_routes_call_into_the_programme_recordings_and_registration_pages():
    called = called_from_models()
    assert {
        "conferences.programme.pages",
        "conferences.programme.exporters",
        "conferences.recordings.pages",
        "conferences.registration.pages",
    } <= called


def test_nothing_the_models_call_imports_the_models_back():
    chains = {name: reaches_models(name) for name in sorted(called_from_models())}
    assert {name: chain for name, chain in chains.items() if chain} == {}


def test_the_check_finds_an_import_inside_a_function_and_a_relative_one():
    source = "def route(self, request):\n    from conferences.programme.pages import edition_page\n"
    assert imports_in(source, "conferences.models") == {"conferences.programme", "conferences.programme.pages"}
    assert "conferences.models" in imports_in("from ..models import Session\n", "conferences.registration")
    assert reaches_models("conferences.tasks") == ["conferences.tasks", "conferences.models"]
