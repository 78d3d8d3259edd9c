"""/oppna-data/: the landing page, the DCAT-AP-SE catalogue and each dataset's JSON, CSV and JSON Schema. Public
and identical for everyone, so cacheable by anyone; the data files may be read from other origins."""

from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_safe

from arena.open_data import formats
from arena.open_data.catalogue import build_catalogue
from arena.open_data.datasets import all_datasets, dataset_by_slug
from arena.open_data.licences import current_licence

MAX_AGE = 3600
# The download links on the landing page: (route, label).
DOWNLOADS = [("open_data:json", "JSON"), ("open_data:csv", "CSV")]


def _public_file(body, content_type):
    response = HttpResponse(body, content_type=content_type)
    response["Access-Control-Allow-Origin"] = "*"
    patch_cache_control(response, public=True, max_age=MAX_AGE)
    return response


def _dataset_or_404(slug):
    dataset = dataset_by_slug(slug)
    if dataset is None:
        raise Http404("no such dataset")
    return dataset


@require_safe
def landing(request):
    datasets = [{"dataset": dataset, "modified": dataset.modified()} for dataset in all_datasets()]
    context = {"datasets": datasets, "licence": current_licence(), "downloads": DOWNLOADS}
    return render(request, "arena/open_data/landing.html", context)


@require_safe
def catalogue(request):
    datasets = [(dataset, dataset.modified()) for dataset in all_datasets()]
    body = build_catalogue(datasets).serialize(format="turtle", encoding="utf-8")
    return _public_file(body, "text/turtle; charset=utf-8")


@require_safe
def dataset_json(request, slug):
    dataset = _dataset_or_404(slug)
    document = formats.json_document(dataset, list(dataset.rows()), dataset.modified())
    return _public_file(formats.to_json(document), "application/json; charset=utf-8")


@require_safe
def dataset_csv(request, slug):
    dataset = _dataset_or_404(slug)
    response = _public_file(formats.to_csv(dataset, dataset.rows()), "text/csv; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{dataset.slug}.csv"'
    return response


@require_safe
def dataset_schema(request, slug):
    dataset = _dataset_or_404(slug)
    return _public_file(formats.to_json(formats.json_schema(dataset)), "application/schema+json")
