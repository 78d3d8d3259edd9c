"""The maturity app's entries in Wagtail's audit log (Reports → Site history, and a round's history): who imported
which file, who confirmed an import that replaces earlier or published data, and who moved a round to another
status. Each entry is written inside the transaction of the change it records, so it exists exactly when the change
does. The actions and their Swedish texts are registered by maturity/wagtail_hooks.py."""

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import LogFormatter, log

IMPORT = "maturity.import"
IMPORT_REPLACED = "maturity.import_replaced"
ROUND_STATUS = "maturity.round_status"


class ImportFormatter(LogFormatter):
    label = _("Maturity data imported")

    def format_message(self, log_entry):
        return gettext("Imported %(file)s (%(rows)s rows)") % {
            "file": log_entry.data.get("file", ""),
            "rows": log_entry.data.get("rows", 0),
        }


class ImportReplacedFormatter(LogFormatter):
    label = _("Import replacing data confirmed")
    message = _("Confirmed an import that replaces earlier or published data")


class RoundStatusFormatter(LogFormatter):
    label = _("Round status changed")

    def format_message(self, log_entry):
        from maturity.models import Round

        labels = dict(Round.Status.choices)
        return gettext("Status changed from %(previous)s to %(status)s") % {
            "previous": str(labels.get(log_entry.data.get("from"), "")).lower(),
            "status": str(labels.get(log_entry.data.get("to"), "")).lower(),
        }


FORMATTERS = {IMPORT: ImportFormatter, IMPORT_REPLACED: ImportReplacedFormatter, ROUND_STATUS: RoundStatusFormatter}


def log_import(job):
    """A stored import, by the person who uploaded the file (nobody for the command line without a user)."""
    log(job, IMPORT, user=job.created_by, data={"kind": job.kind, "file": job.original_name, "rows": job.total_rows})


def log_replacement(job):
    """A stored import that replaced earlier data or changed a published round, by the person who confirmed it."""
    log(job, IMPORT_REPLACED, user=job.confirmed_by, data={"replaces": job.replaces})


def log_round_status(round_, previous, user):
    """A round saved with another status than `previous` (its status before the save)."""
    if previous != round_.status:
        log(round_, ROUND_STATUS, user=user, data={"from": previous, "to": round_.status})
