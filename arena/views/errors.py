"""Swedish error pages. The 500 page renders without context processors or database access."""

from django.http import HttpResponseServerError
from django.shortcuts import render
from django.template import loader


def page_not_found(request, exception):
    return render(request, "404.html", status=404)


def server_error(request):
    # Deliberately no RequestContext: whatever broke must not break the error page too.
    return HttpResponseServerError(loader.get_template("500.html").render())
