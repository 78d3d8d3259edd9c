"""Swedish error pages. The 500 and 503 pages render without context processors or database access."""

import sys

from csp.exceptions import CSPNonceError
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
    # Deliberately no RequestContext: whatever broke must not break the error page too. The page's styles are inline
    # (no static file to fail) and carry the CSP nonce.
    return HttpResponseServerError(loader.get_template("500.html").render({"csp_nonce": _csp_nonce(request)}))


def _csp_nonce(request):
    """The request's CSP nonce, or "" when the error came before the CSP middleware (no nonce yet) or after it
    wrote its header (too late for one): the page then shows unstyled."""
    try:
        return str(request.csp_nonce)
    except (AttributeError, CSPNonceError):
        return ""
