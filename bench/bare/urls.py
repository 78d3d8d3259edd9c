"""One view answering every path with a prepared page of about 30 KB, the size of a typical arena page."""

from django.http import HttpResponse
from django.urls import re_path

# Built once per process: the view does no work per request beyond Django's own.
PAGE = (
    "<!doctype html><html lang='sv'><head><meta charset='utf-8'><title>Bar vy</title></head><body><main>"
    + "".join(f"<p>Stycke {n}: prestandamätningens referenssida, utan databas och utan mallar.</p>" for n in range(400))
    + "</main></body></html>"
).encode()


def bare(request, path=""):
    return HttpResponse(PAGE, content_type="text/html; charset=utf-8")


urlpatterns = [re_path(r"^(?P<path>.*)$", bare)]
