"""scripts/backup.sh and scripts/restore.sh on a real PostgreSQL server: a seeded site (pages, users, maturity answers,
conference registrations, uploaded files) backed up, restored into a fresh database and media directory, compared row
for row, sequence for sequence and file for file, and restored again over a database that drifted since; a damaged
backup is refused before anything is touched."""

import hashlib
import os
import re
import subprocess
from pathlib import Path

import psycopg
import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.db import connection
from psycopg import sql

from tests.conferences.factories import create_series
from tests.factories import DocumentFactory, ImageFactory
from tests.helpers.databases import database_url, empty_database
from tests.helpers.demo import DEMO_TEST_PASSWORD, E2E_ORGANISATIONS
from tests.helpers.recordings import create_recording
from tests.helpers.registrations import create_workshop, open_edition
from tests.maturity.factories import RoundFactory, answer, build_model

ROOT = Path(__file__).resolve().parents[2]
BACKUP = ROOT / "scripts" / "backup.sh"
RESTORE = ROOT / "scripts" / "restore.sh"
# What the comparison must cover, by model: the site's content and people, and the apps' most valuable records.
COMPARED_MODELS = ["wagtailcore.Page", "auth.User", "maturity.Response", "conferences.Registration"]


def seed_site():
    """The arena's demo pages, users and a few organisations (the apps' full demo takes minutes), plus what the apps
    keep that matters most: maturity answers, conference registrations, and uploaded files of every kind."""
    from arena.demo.seed import seed
    from conferences.models import Registration
    from maturity.models import Question

    site = seed(DEMO_TEST_PASSWORD, organisation_names=E2E_ORGANISATIONS, app_content=False)
    people, organisation = get_user_model().objects.order_by("pk"), site["organisations"][0]

    round_ = RoundFactory(model=build_model(slug="sakerhetskopia"))
    questions = Question.objects.filter(category__dimension__model=round_.model).order_by("code")
    for number, person in enumerate(people):
        values = {question.code: (number + index) % 5 + 1 for index, question in enumerate(questions)}
        answer(round_, organisation, person.email, values)

    edition = open_edition(create_series(site["home"]))
    workshop = create_workshop(edition, "Återställning i praktiken", 13, 15, capacity=20)
    for person in people:
        Registration.objects.create(edition=edition, user=person, organisation=organisation, needs="Hörslinga")
        Registration.objects.create(edition=edition, session=workshop, user=person)
    create_recording(workshop)

    ImageFactory(title="Bild att återställa")
    DocumentFactory(title="Dokument att återställa")


def run(script, *args, **env):
    return subprocess.run(
        ["bash", str(script), *args],
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def rows(url, table):
    with psycopg.connect(url) as database:
        query = sql.SQL("SELECT * FROM {} ORDER BY 1").format(sql.Identifier(table))
        return database.execute(query).fetchall()


def table_sizes(url):
    with psycopg.connect(url) as database:
        tables = database.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' "
            "AND table_type = 'BASE TABLE' ORDER BY table_name"
        ).fetchall()
        count = "SELECT count(*) FROM {}"
        return {name: database.execute(sql.SQL(count).format(sql.Identifier(name))).fetchone()[0] for (name,) in tables}


def sequences(url):
    with psycopg.connect(url) as database:
        return dict(database.execute("SELECT sequencename, last_value FROM pg_sequences ORDER BY 1").fetchall())


def checksums(folder):
    root = Path(folder)
    return {
        str(path.relative_to(root)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_a_backup_restored_into_a_fresh_database_is_the_same_site(wagtail_baseline, media_root, tmp_path):
    seed_site()
    source = database_url(connection.settings_dict)
    tables = {label: apps.get_model(label)._meta.db_table for label in COMPARED_MODELS}
    for label, table in tables.items():
        assert rows(source, table), f"the demo has no {label} rows to compare"
    assert checksums(media_root), "the demo stored no files"

    backup = run(BACKUP, str(tmp_path / "backups"), DATABASE_URL=source, MEDIA_ROOT=media_root)
    assert backup.returncode == 0, backup.stderr
    made = Path(backup.stdout.strip())
    assert made.parent == tmp_path / "backups"
    assert re.fullmatch(r"kunskapsarenan-\d{8}T\d{6}Z", made.name)
    assert sorted(path.name for path in made.iterdir()) == ["SHA256SUMS", "database.dump", "media.tar.gz"]

    restored_media = tmp_path / "restored-media"
    with empty_database("restore") as target:
        restore = run(RESTORE, str(made), DATABASE_URL=target, MEDIA_ROOT=str(restored_media))
        assert restore.returncode == 0, restore.stderr

        for label, table in tables.items():
            assert rows(target, table) == rows(source, table), f"{label} differs after the restore"
        assert table_sizes(target) == table_sizes(source)
        # New rows continue where the old site stopped: no id is handed out twice.
        assert sequences(target) == sequences(source)

        # Restoring over a database that has drifted since replaces its tables with the backup's.
        answers = tables["maturity.Response"]
        with psycopg.connect(target) as database:
            database.execute(sql.SQL("DELETE FROM {}").format(sql.Identifier(answers)))
        again = run(RESTORE, str(made), DATABASE_URL=target, MEDIA_ROOT=str(restored_media))
        assert again.returncode == 0, again.stderr
        assert rows(target, answers) == rows(source, answers)
        assert table_sizes(target) == table_sizes(source)

    assert checksums(restored_media) == checksums(media_root)


def test_a_damaged_backup_is_refused_before_anything_is_restored(tmp_path):
    made = tmp_path / "kunskapsarenan-20260101T000000Z"
    made.mkdir()
    (made / "database.dump").write_bytes(b"PGDMP not really")
    (made / "SHA256SUMS").write_text(f"{hashlib.sha256(b'something else').hexdigest()}  database.dump\n")
    restore = run(
        RESTORE, str(made), DATABASE_URL="postgres://nobody@127.0.0.1:1/none", MEDIA_ROOT=str(tmp_path / "media")
    )
    assert restore.returncode == 1
    assert "database.dump: FAILED" in restore.stdout + restore.stderr
    assert "pg_restore" not in restore.stderr
    assert not (tmp_path / "media").exists()

    missing = run(RESTORE, str(tmp_path), DATABASE_URL="postgres://nobody@127.0.0.1:1/none")
    assert missing.returncode == 1
    assert "ingen säkerhetskopia" in missing.stderr
