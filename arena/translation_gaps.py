"""Messages of the packages we use that have no translation in a language.

Wagtail's Swedish catalogue lacks some of Wagtail's own messages, so parts of the admin stayed English. We translate
those in `locale_packages/` (see the README, "Translations"); this module finds what is still missing, e.g. after
upgrading Wagtail. A package's message ids are read from its English .po file (or, when it ships none, from any
other language's); a message is missing when Django, with every catalogue merged, ours included, has no
translation for it.
"""

import ast
import importlib
import re
from dataclasses import dataclass
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.utils.translation.trans_real import DjangoTranslation

DOMAINS = ("django", "djangojs")
# Used by Wagtail's admin (its listing filters) without being an installed app: its messages reach our screens.
PACKAGES_OUTSIDE_INSTALLED_APPS = ("django_filters",)
# Our own apps' messages live in locale/ and `make messages` keeps them complete.
OWN_APPS = ("arena", "blogs", "conferences", "maturity")

LINE = re.compile(r'^(msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?)\s+(".*")$')


@dataclass(frozen=True)
class Message:
    package: str
    msgid: str
    msgid_plural: str = ""
    msgctxt: str = ""
    flags: str = ""

    def as_po(self):
        lines = [f"#. {self.package}"]
        if self.flags:
            lines.append(f"#, {self.flags}")
        if self.msgctxt:
            lines.append(f"msgctxt {quote(self.msgctxt)}")
        lines.append(f"msgid {quote(self.msgid)}")
        if self.msgid_plural:
            lines += [f"msgid_plural {quote(self.msgid_plural)}", 'msgstr[0] ""', 'msgstr[1] ""']
        else:
            lines.append('msgstr ""')
        return "\n".join(lines)


def quote(text):
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def read_po(path, package):
    """The messages of a .po file (header and obsolete entries left out)."""
    messages = []
    entry, field = {}, None
    for line in [*path.read_text(encoding="utf-8").splitlines(), ""]:
        if not line.strip():
            if entry.get("msgid"):
                messages.append(
                    Message(
                        package,
                        entry["msgid"],
                        entry.get("msgid_plural", ""),
                        entry.get("msgctxt", ""),
                        entry.get("flags", ""),
                    )
                )
            entry, field = {}, None
        elif line.startswith("#,"):
            entry["flags"] = line[2:].strip()
        elif line.startswith("#"):
            continue
        elif match := LINE.match(line):
            field = match.group(1)
            entry[field] = ast.literal_eval(match.group(2))
        elif line.startswith('"') and field:
            entry[field] += ast.literal_eval(line)
    return messages


def package_locale_dirs():
    """(package name, its locale directory) for each package with translations, our own apps excepted."""
    found = [(config.name, Path(config.path) / "locale") for config in apps.get_app_configs()]
    for name in PACKAGES_OUTSIDE_INSTALLED_APPS:
        module = importlib.import_module(name)
        found.append((name, Path(module.__file__).parent / "locale"))
    return [(name, path) for name, path in found if path.is_dir() and name not in OWN_APPS]


def source_catalogue(locale_dir, domain):
    english = locale_dir / "en" / "LC_MESSAGES" / f"{domain}.po"
    if english.is_file():
        return english
    return next(iter(sorted(locale_dir.glob(f"*/LC_MESSAGES/{domain}.po"))), None)


def is_translated(translation, message):
    key = f"{message.msgctxt}\x04{message.msgid}" if message.msgctxt else message.msgid
    catalogue = translation._catalog  # the merged catalogue: Django offers no public "has a translation" test
    if message.msgid_plural:
        return catalogue.get((key, 0)) is not None
    return catalogue.get(key) is not None


def missing_messages(language=None):
    """Every message of the packages we use that has no translation in `language` (default: LANGUAGE_CODE)."""
    language = language or settings.LANGUAGE_CODE
    missing, seen = [], set()
    for domain in DOMAINS:
        translation = DjangoTranslation(language, domain=domain)
        for package, locale_dir in package_locale_dirs():
            source = source_catalogue(locale_dir, domain)
            if source is None:
                continue
            for message in read_po(source, package):
                key = (domain, message.msgctxt, message.msgid)
                if key not in seen and not is_translated(translation, message):
                    seen.add(key)
                    missing.append((domain, message))
    return missing
