"""Swedish error pages. The 500 and 503 pages render without context processors or database access."""

import sys

from django.http import HttpResponseServerError
from django.shortcuts import render
from django.template import loader

from arena.database_outage import is_database_outage, unavailable_response


def page_not_found(request, exception):
    return render(request, "404.html", status=404)


def server_error(request):
    # Django calls this while handling the exception, so it is still the current one.
    if is_database_outage(sys.exception()):
        return unavailable_response()
    # Deliberately no RequestContext: whatever broke must not break the error page too.
    return HttpResponseServerError(loader.get_template("500.html").render())
