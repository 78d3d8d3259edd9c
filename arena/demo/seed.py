"""Idempotent demo content: organisations, role users, the home page and the arena's own pages."""

import csv
from dataclasses import dataclass
from pathlib import Path

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction
from wagtail import hooks
from wagtail.models import Page, Site

from arena.deferred_indexing import indexing_deferred
from arena.demo import texts
from arena.hooks import SEED_DEMO
from arena.models import (
    AccessibilityReportField,
    AccessibilityStatementPage,
    HomePage,
    Organisation,
    OrganisationGroup,
    SiteSettings,
    StandardPage,
)
from arena.projects.setup import ensure_projects_section
from arena.provisioning import grant_arena_editor_pages, provision_organisation
from arena.roles import ANALYSTS, ARENA_EDITORS, ORGANISERS, ensure_role_groups
from arena.site_url import sync_default_site

ORGANISATIONS_CSV = Path(__file__).with_name("organisations.csv")
DEMO_DOMAIN = "kunskapsarenan.local"


@dataclass(frozen=True)
class DemoUser:
    email: str
    first_name: str
    last_name: str
    role: str
    group: str | None = None
    organisation: str | None = None
    org_role: str | None = None
    superuser: bool = False


DEMO_USERS = [
    DemoUser(f"admin@{DEMO_DOMAIN}", "Alva", "Admin", "superanvändare", superuser=True),
    DemoUser(f"redaktor@{DEMO_DOMAIN}", "Rasmus", "Redaktör", "arenaredaktör", group=ARENA_EDITORS),
    DemoUser(f"arrangor@{DEMO_DOMAIN}", "Amira", "Arrangör", "arrangör", group=ORGANISERS),
    DemoUser(f"analytiker@{DEMO_DOMAIN}", "Anton", "Analytiker", "analytiker", group=ANALYSTS),
    DemoUser(f"medarbetare@{DEMO_DOMAIN}", "Maja", "Medarbetare", "medarbetare (inloggad)"),
    DemoUser(
        f"skribent.slk@{DEMO_DOMAIN}",
        "Sara",
        "Skribent",
        "skribent",
        organisation="Stadsledningskontoret",
        org_role=OrganisationGroup.Role.WRITER,
    ),
    DemoUser(
        f"redaktor.slk@{DEMO_DOMAIN}",
        "Erik",
        "Ekström",
        "redaktör",
        organisation="Stadsledningskontoret",
        org_role=OrganisationGroup.Role.EDITOR,
    ),
    DemoUser(
        f"skribent.intraservice@{DEMO_DOMAIN}",
        "Nora",
        "Nilsson",
        "skribent",
        organisation="Intraservice",
        org_role=OrganisationGroup.Role.WRITER,
    ),
    DemoUser(
        f"redaktor.intraservice@{DEMO_DOMAIN}",
        "Omar",
        "Olsson",
        "redaktör",
        organisation="Intraservice",
        org_role=OrganisationGroup.Role.EDITOR,
    ),
]


def read_organisation_rows(path=ORGANISATIONS_CSV):
    with open(path, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def seed_organisations(rows):
    organisations = []
    for row in rows:
        kind = row["kind"].strip()
        organisation, created = Organisation.objects.get_or_create(
            name=row["name"].strip(),
            defaults={
                "kind": kind,
                "cluster": row.get("cluster", "").strip(),
                "description": texts.ORGANISATION_DESCRIPTIONS[kind].format(name=row["name"].strip()),
            },
        )
        if not created:
            # Re-running repairs anything provisioning should have made (e.g. after a restore).
            provision_organisation(organisation)
        organisations.append(organisation)
    return organisations


def ensure_home_page():
    """Make a HomePage the root of the default site, replacing Wagtail's placeholder page once."""
    home = HomePage.objects.first()
    if home is None:
        root = Page.get_first_root_node() or Page.add_root(title="Root", slug="root")
        placeholder = root.get_children().filter(slug="home").exclude(content_type__model="homepage").first()
        if placeholder is not None:
            placeholder.slug = "home-placeholder"
            placeholder.save()
        home = root.add_child(
            instance=HomePage(title="Kunskapsarenan", slug="home", intro=texts.HOME_INTRO, body=texts.HOME_BODY)
        )
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            Site.objects.create(
                hostname="localhost", port=80, root_page=home, is_default_site=True, site_name="Kunskapsarenan"
            )
        else:
            site.root_page = home
            site.site_name = "Kunskapsarenan"
            site.save()
        if placeholder is not None:
            placeholder.delete()
    sync_default_site()
    return home


def ensure_child(parent, model, slug, **fields):
    existing = parent.get_children().filter(slug=slug).first()
    if existing is not None:
        return existing.specific
    return parent.add_child(instance=model(slug=slug, **fields))


def seed_arena_pages(home):
    about = ensure_child(
        home, StandardPage, "om", title="Om Kunskapsarenan", intro=texts.ABOUT_INTRO, body=texts.ABOUT_BODY
    )
    cookies = ensure_child(
        home,
        StandardPage,
        "kakor",
        title="Kakor på Kunskapsarenan",
        intro=texts.COOKIE_INTRO,
        body=texts.COOKIE_BODY,
        show_in_menus=False,
    )
    accessibility = ensure_child(
        home,
        AccessibilityStatementPage,
        "tillganglighet",
        title="Tillgänglighetsredogörelse",
        intro=texts.ACCESSIBILITY_INTRO,
        body=texts.ACCESSIBILITY_BODY,
        form_intro=texts.ACCESSIBILITY_FORM_INTRO,
        thank_you_text=texts.ACCESSIBILITY_THANKS,
        to_address=f"tillganglighet@{DEMO_DOMAIN}",
        from_address=f"noreply@{DEMO_DOMAIN}",
        subject="Rapport om tillgänglighetsproblem på Kunskapsarenan",
    )
    if not accessibility.form_fields.exists():
        # One save() per field (not bulk_create): Wagtail derives each field's clean_name in save().
        for order, (label, field_type, required, help_text) in enumerate(texts.ACCESSIBILITY_FORM_FIELDS):
            AccessibilityReportField.objects.create(
                page=accessibility,
                sort_order=order,
                label=label,
                field_type=field_type,
                required=required,
                help_text=help_text,
            )
    return {"about": about, "cookies": cookies, "accessibility": accessibility}


def seed_site_settings(home, pages):
    site = Site.objects.get(root_page=home)
    settings_obj = SiteSettings.for_site(site)
    if not settings_obj.footer_text:
        settings_obj.primary_navigation = [("link", {"label": "", "page": pages["about"], "url": ""})]
        settings_obj.footer_links = [("link", {"label": "", "page": pages["about"], "url": ""})]
        settings_obj.footer_text = texts.FOOTER_TEXT
        settings_obj.contact_email = f"kunskapsarenan@{DEMO_DOMAIN}"
        settings_obj.save()


def seed_users(password):
    User = get_user_model()
    role_groups = ensure_role_groups()
    links = {
        (link.organisation.name, link.role): link.group
        for link in OrganisationGroup.objects.select_related("organisation", "group")
    }
    users = []
    for demo in DEMO_USERS:
        user, created = User.objects.get_or_create(
            username=demo.email.split("@")[0],
            defaults={"email": demo.email, "first_name": demo.first_name, "last_name": demo.last_name},
        )
        if created:
            user.set_password(password)
        user.is_superuser = user.is_staff = demo.superuser
        user.save()
        groups: list[Group] = []
        if demo.group:
            groups.append(role_groups[demo.group])
        if demo.organisation:
            groups.append(links[(demo.organisation, demo.org_role)])
        user.groups.add(*groups)
        users.append(demo)
    return users


@transaction.atomic
def seed(password, stdout=None, organisation_names=None, app_content=True):
    """Seed the demo. Browser tests pass a few organisation_names and app_content=False to stay fast;
    every demo user's organisation must be among the names."""
    with indexing_deferred():
        # The home page first: provisioning hangs each organisation's app sections (e.g. its blog space) below it.
        home = ensure_home_page()
        rows = read_organisation_rows()
        if organisation_names is not None:
            rows = [row for row in rows if row["name"] in organisation_names]
        organisations = seed_organisations(rows)
        pages = seed_arena_pages(home)
        seed_site_settings(home, pages)
        grant_arena_editor_pages(home)
        ensure_projects_section(home)
        users = seed_users(password)
        for seeder in hooks.get_hooks(SEED_DEMO) if app_content else ():
            seeder(home=home, organisations=organisations, stdout=stdout)
    return {"organisations": organisations, "users": users, "home": home}
