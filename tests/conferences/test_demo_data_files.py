"""The conference demo's texts are YAML files in conferences/demo/data/, read when seeding: each file loads, what one
file refers to exists in another (speakers, sessions, workshops), and the files ship (the Docker build context keeps
them)."""

import fnmatch
from pathlib import Path

from conferences.demo import seed

ROOT = Path(__file__).resolve().parents[2]


def test_every_file_loads_and_the_editions_are_in_order():
    assert sorted(path.name for path in seed.DATA.glob("*.yaml")) == [
        "edition-2021.yaml",
        "edition-2022.yaml",
        "edition-2027.yaml",
        "people.yaml",
        "recordings.yaml",
        "registrations.yaml",
        "series.yaml",
    ]
    assert [edition["year"] for edition in seed.editions_data()] == [2021, 2022, 2027]
    assert seed.demo_data("series")["slug"] == "motesplats"


def test_sessions_get_the_defaults_the_files_leave_out():
    first = seed.editions_data()[0]
    pause = next(session for session in first["sessions"] if session["code"] == "paus-formiddag")
    assert pause["type"] == "break" and pause["track"] == "Stora scenen" and pause["speakers"] == []
    guest = next(session for session in first["sessions"] if session["code"] == "gast-helsingborg")
    assert guest["type"] == "talk" and guest["abstract"].startswith("Många idéer")


def test_what_the_files_refer_to_exists():
    people = {person["slug"] for person in seed.demo_data("people")}
    editions = {edition["year"]: edition for edition in seed.editions_data()}
    for edition in editions.values():
        codes = [session["code"] for session in edition["sessions"]]
        assert len(codes) == len(set(codes)), edition["year"]
        tracks = {track["name"] for track in edition["tracks"]}
        for session in edition["sessions"]:
            assert set(session["speakers"]) <= people, session["code"]
            assert session["track"] in tracks, session["code"]
        if "change" in edition:
            assert edition["change"]["session"] in codes
    for recording in seed.demo_data("recordings"):
        assert recording["session"] in {session["code"] for session in editions[recording["year"]]["sessions"]}
    workshops = {session["code"] for session in editions[2027]["sessions"] if session.get("registration_required")}
    assert {item["session"] for item in seed.demo_data("registrations") if "session" in item} <= workshops


def test_the_docker_build_context_keeps_the_data_files():
    patterns = [
        line.strip()
        for line in (ROOT / ".dockerignore").read_text().splitlines()
        if line.strip() and not line.startswith("#")
    ]
    for path in seed.DATA.glob("*.yaml"):
        relative = path.relative_to(ROOT)
        parts = [str(Path(*relative.parts[: end + 1])) for end in range(len(relative.parts))]
        excluded = [pattern for pattern in patterns for part in parts if fnmatch.fnmatch(part, pattern.lstrip("!"))]
        assert not [pattern for pattern in excluded if not pattern.startswith("!")], (relative, excluded)
