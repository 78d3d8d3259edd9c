"""Recordings on the public site: the archive of all years at /motesplats/inspelningar/ and what the session page's
player needs. Both are anonymous pages that the page cache may keep (no cookies, no per-user content). The series
page's route calls the archive with the page; this module never imports the conference models."""

from urllib.parse import urlsplit

from django.template.response import TemplateResponse
from django.utils.functional import cached_property

from arena import fragments
from arena.pagination import paginate
from conferences.recordings.forms import RecordingFilterForm

RECORDINGS_PER_PAGE = 20
FORMAT_NAMES = {"video/mp4": "MP4", "video/webm": "WebM", "video/ogg": "Ogg"}


def _is_absolute(url):
    return bool(urlsplit(url).netloc)


def recording_player(recording):
    """Context for templates/conferences/includes/recording_player.html.

    Swedish captions are the default track (shown when the viewer turns captions on, or at once in browsers that
    honour `default`); without Swedish, the first track is. Caption files on another origin (media on S3) load
    only in CORS mode, hence `crossorigin` then."""
    captions = list(recording.captions.all())
    default = next(
        (caption for caption in captions if caption.language == caption.Language.SWEDISH),
        captions[0] if captions else None,
    )
    return {
        "recording": recording,
        "captions": captions,
        "default_caption": default,
        "format_name": FORMAT_NAMES.get(recording.mime_type, ""),
        "cross_origin": any(_is_absolute(caption.file.url) for caption in captions),
        "external_host": urlsplit(recording.external_url).hostname if recording.external_url else "",
    }


class _Archive:
    """The archive under the request's filters, read only when the template (or the page's head) asks: cached
    fragments ({% fragment %}, arena.fragments) never ask on a hit, so a signed-in visitor's hit costs no query."""

    def __init__(self, request, page):
        self.request = request
        self.page = page

    @cached_property
    def form(self):
        return RecordingFilterForm(self.request.GET, recordings=self.page.recordings())

    @cached_property
    def is_valid(self):
        return self.form.is_valid()

    @cached_property
    def filters(self):
        # cleaned_data holds only the values that passed: a bad one is reported (400) while the others still apply.
        self.is_valid  # noqa: B018 (validates the form)
        return {name: value for name, value in self.form.cleaned_data.items() if value}

    @cached_property
    def recordings(self):
        filters = self.filters
        query = filters.get("q", "")
        found = self.page.recordings().narrowed(
            edition=filters.get("ar"), focus_area=filters.get("fokus"), organisation=filters.get("organisation")
        )
        if query:
            found = found.matching(query)
        return paginate(self.request, found.for_archive_listing(), RECORDINGS_PER_PAGE)

    def head(self):
        """What the response's status and the page's title need (a page past the last one is a 404 here)."""
        return {
            "is_valid": self.is_valid,
            "number": self.recordings.number,
            "num_pages": self.recordings.paginator.num_pages,
        }


def recordings_archive(request, page):
    archive = _Archive(request, page)
    # The archive is the same for everyone (recordings of published sessions in editions open to everyone).
    head = fragments.cached(request, "recordings-head", archive.head, per_audience=False)
    context = page.get_context(request)
    context.update(head=head, archive=archive)
    return TemplateResponse(
        request, "conferences/recordings_page.html", context, status=200 if head["is_valid"] else 400
    )
