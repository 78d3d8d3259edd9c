"""Recordings on the public site: the archive of all years at /motesplats/inspelningar/ and what the session page's
player needs. Both are anonymous pages that the page cache may keep (no cookies, no per-user content). The series
page's route calls the archive with the page; this module never imports the conference models."""

from urllib.parse import urlsplit

from django.template.response import TemplateResponse

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


def recordings_archive(request, page):
    recordings = page.recordings()
    form = RecordingFilterForm(request.GET, recordings=recordings)
    is_valid = form.is_valid()
    # cleaned_data holds only the values that passed: a bad one is reported (400) while the others still apply.
    filters = {name: value for name, value in form.cleaned_data.items() if value}
    query = filters.get("q", "")
    found = recordings.narrowed(
        edition=filters.get("ar"), focus_area=filters.get("fokus"), organisation=filters.get("organisation")
    )
    if query:
        found = found.matching(query)
    results = paginate(request, found.for_archive_listing(), RECORDINGS_PER_PAGE)
    context = page.get_context(request)
    context.update(
        recordings=results,
        filter_form=form,
        active_filters=filters,
    )
    return TemplateResponse(request, "conferences/recordings_page.html", context, status=200 if is_valid else 400)
