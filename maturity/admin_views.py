"""Admin views for maturity imports: the upload form and an import job's status page.

Only users with the import permission (the "Analytiker" group, superusers) reach them; everyone else gets a
plain 403, so an organisation's writers and editors cannot upload or read import errors. Small files are
checked and stored in the request; larger ones become an ImportJob processed by a Celery task, with progress
shown on the job page (refreshed by a meta tag while it runs, no JavaScript needed).

A file that would change a published round or replace earlier data is not stored at once: its job waits, with the
file, on the job page, which lists what it replaces (organisations, answers, results, national values) and asks
for confirmation. The job row is always written before the data's transaction, so an import whose request dies
after the data is committed still shows in the history.
"""

import secrets
from pathlib import PurePath

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.files.base import ContentFile
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from django.views import defaults
from django.views.generic import TemplateView
from wagtail.admin.views.generic import EditView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from arena.admin_display import InspectView
from arena.tasks import enqueue
from maturity import audit
from maturity.forms import ImportForm
from maturity.importers import (
    ImportFailed,
    check_import,
    count_rows,
    needs_confirmation,
    replaced_data,
    replacement_lines,
    store_for_job,
)
from maturity.models import Category, ImportJob, Round
from maturity.tasks import run_import_job

IMPORT_PERMISSION = "maturity.import_maturity_data"
BACKGROUND_ROWS = 5000  # larger files go to the Celery worker
REFRESH_SECONDS = 3
RECENT_JOBS = 10


def can_import(user):
    return user.is_active and user.has_perm(IMPORT_PERMISSION)


class ImportAccessMixin:
    index_url_name = None
    job_url_name = None

    def dispatch(self, request, *args, **kwargs):
        if not can_import(request.user):
            return defaults.permission_denied(request, PermissionDenied())
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": "", "label": _("Maturity")},
            {"url": reverse(self.index_url_name), "label": _("Import")},
        ]


class ImportView(ImportAccessMixin, WagtailAdminTemplateMixin, TemplateView):
    template_name = "maturity/admin/import.html"
    page_title = _("Import maturity data")
    header_icon = "upload"

    def get_context_data(self, form=None, failure=None, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            form=form or ImportForm(),
            failure=failure,
            jobs=ImportJob.objects.select_related("created_by")[:RECENT_JOBS],
            job_url_name=self.job_url_name,
            background_rows=BACKGROUND_ROWS,
        )
        return context

    def post(self, request, *args, **kwargs):
        form = ImportForm(request.POST, request.FILES)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form), status=400)
        kind, upload = form.cleaned_data["kind"], form.cleaned_data["file"]
        data = upload.read()
        rows = count_rows(data, upload.name)
        if rows is None or rows > BACKGROUND_ROWS:
            job = ImportJob.objects.create(
                kind=kind, file=stored_file(data, upload.name), original_name=upload.name, created_by=request.user
            )
            # After commit, so the worker finds the job and its file.
            transaction.on_commit(lambda: enqueue(run_import_job, job_id=job.pk))
            return redirect(self.job_url_name, pk=job.pk)
        try:
            checked = check_import(kind, data, upload.name)
        except ImportFailed as exc:
            failure = {"errors": exc.errors, "count": exc.error_count, "more": exc.error_count - len(exc.errors)}
            return self.render_to_response(self.get_context_data(form=form, failure=failure), status=400)
        replaced = replaced_data(checked)
        if needs_confirmation(replaced):
            job = ImportJob.objects.create(
                kind=kind,
                status=ImportJob.Status.AWAITING_CONFIRMATION,
                file=stored_file(data, upload.name),
                original_name=upload.name,
                total_rows=checked.rows,
                processed_rows=checked.rows,
                replaces=replaced,
                created_by=request.user,
            )
            return redirect(self.job_url_name, pk=job.pk)
        job = ImportJob(kind=kind, original_name=upload.name, replaces=replaced, created_by=request.user)
        report = store_for_job(job, checked)
        messages.success(request, report.summary)
        return redirect(self.index_url_name)


def stored_file(data, name):
    # A random name: the file waits in media storage (for the worker or a confirmation) and may hold respondent ids.
    return ContentFile(data, name=f"{secrets.token_urlsafe(24)}{PurePath(name).suffix.lower()}")


class ImportJobView(ImportAccessMixin, WagtailAdminTemplateMixin, TemplateView):
    template_name = "maturity/admin/import_job.html"
    header_icon = "upload"

    def get(self, request, *args, pk, **kwargs):
        self.job = get_object_or_404(ImportJob.objects.select_related("created_by"), pk=pk)
        return super().get(request, *args, **kwargs)

    def get_page_title(self):
        return _("Import: %(name)s") % {"name": self.job.original_name}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        awaiting = self.job.status == ImportJob.Status.AWAITING_CONFIRMATION
        context.update(
            job=self.job,
            refresh_seconds=REFRESH_SECONDS if self.job.is_running else None,
            more_errors=max(self.job.error_count - len(self.job.errors), 0),
            index_url=reverse(self.index_url_name),
            awaiting_confirmation=awaiting,
            replacement=replacement_lines(self.job.replaces) if awaiting else [],
        )
        return context

    def post(self, request, *args, pk, **kwargs):
        """Confirm or cancel a job that waits for confirmation. The conditional update lets one request only act
        on it, so a double click never imports twice."""
        waiting = ImportJob.objects.filter(pk=pk, status=ImportJob.Status.AWAITING_CONFIRMATION)
        if request.POST.get("action") == "cancel":
            if waiting.update(
                status=ImportJob.Status.CANCELLED, finished_at=timezone.now(), summary=_("Nothing was imported.")
            ):
                job = ImportJob.objects.get(pk=pk)
                job.file.delete(save=True)
                messages.success(request, _("The import was cancelled; nothing was imported."))
            return redirect(self.job_url_name, pk=pk)
        if not waiting.update(status=ImportJob.Status.PENDING, confirmed=True, confirmed_by=request.user):
            get_object_or_404(ImportJob, pk=pk)
            messages.warning(request, _("This import no longer waits for confirmation."))
            return redirect(self.job_url_name, pk=pk)
        job = ImportJob.objects.get(pk=pk)
        if job.total_rows > BACKGROUND_ROWS:
            transaction.on_commit(lambda: enqueue(run_import_job, job_id=job.pk))
            return redirect(self.job_url_name, pk=pk)
        run_import_job(job.pk)
        job.refresh_from_db()
        if job.status != ImportJob.Status.DONE:
            return redirect(self.job_url_name, pk=pk)
        messages.success(request, job.summary)
        return redirect(self.index_url_name)


class MaturityModelInspectView(InspectView):
    """A model's structure at a glance: dimensions, their categories (reconstructed ones marked) and questions."""

    def get_field_label(self, field_name, field):
        if field_name == "structure":
            return _("Dimensions and categories")
        return super().get_field_label(field_name, field)

    def get_structure_display_value(self):
        categories = Category.objects.filter(dimension__model=self.object).select_related("dimension")
        rows = []
        for category in categories.prefetch_related("questions"):
            codes = ", ".join(question.code for question in category.questions.all())
            marker = format_html(" ({})", _("reconstructed")) if category.reconstructed else ""
            rows.append((category.dimension.name, category.name, marker, codes))
        return format_html("<ul>{}</ul>", format_html_join("", "<li>{} → {}{}: {}</li>", rows))


class RoundEditView(EditView):
    """Editing a round; a change of status (e.g. closed → published) is also written to the audit log, with who
    made it, in the same transaction as the save."""

    def save_instance(self):
        previous = Round.objects.filter(pk=self.object.pk).values_list("status", flat=True).get()
        instance = super().save_instance()
        audit.log_round_status(instance, previous, self.request.user)
        return instance
