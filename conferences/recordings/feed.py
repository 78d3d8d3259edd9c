"""The recordings feed at /motesplats/inspelningar/rss/: RSS 2.0 with Media RSS, for podcast apps and feed readers.

A video uploaded to the site is an <enclosure> (with its length and type) and a media:content carrying its caption
tracks (media:subTitle, WebVTT); a direct link to a video file elsewhere is a media:content; a video on another
site's page is a media:player and the item's link. Only the archive's recordings: published sessions in public,
published editions, never a "do not record" session. This module never imports the conference models."""

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Enclosure
from django.utils.translation import gettext as _

from arena.feeds import ItemMedia, MediaContent, MediaRssFeed, Subtitle
from arena.site_url import absolute_url

FEED_ITEMS = 50


def _file_size(file):
    """The stored file's size in bytes, or 0 ("unknown" to feed readers) when storage has lost the file."""
    try:
        return file.size
    except OSError:
        return 0


class RecordingsFeed(Feed):
    feed_type = MediaRssFeed

    def __init__(self, page):
        super().__init__()
        self.page = page  # the conference series page, whose archive this is

    def __call__(self, request, *args, **kwargs):
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def title(self):
        return _("Recordings – %(title)s") % {"title": self.page.title}

    def description(self):
        return _("Talks and learning examples from every year of the conference, with captions and transcripts.")

    def link(self):
        return absolute_url(self.page.url + self.page.reverse_subpage("recordings_route"))

    def feed_url(self):
        return absolute_url(self.page.url + self.page.reverse_subpage("recordings_feed_route"))

    def items(self):
        return self.page.recordings().for_archive_listing().order_by("-created_at", "-pk")[:FEED_ITEMS]

    def item_title(self, recording):
        return recording.session.title

    def item_description(self, recording):
        return recording.session.abstract

    def item_link(self, recording):
        return absolute_url(recording.session.get_url())

    def item_pubdate(self, recording):
        return recording.created_at

    def item_updateddate(self, recording):
        return recording.updated_at

    def item_author_name(self, recording):
        return ", ".join(link.person.name for link in recording.session.session_speakers.all()) or None

    def item_categories(self, recording):
        return [recording.session.edition.title]

    def item_enclosures(self, recording):
        if not recording.video:
            return []
        return [Enclosure(absolute_url(recording.video.url), str(_file_size(recording.video)), recording.mime_type)]

    def item_extra_kwargs(self, recording):
        subtitles = tuple(
            Subtitle(href=absolute_url(caption.file.url), lang=caption.language) for caption in recording.captions.all()
        )
        if not recording.plays_here:
            return {"media": ItemMedia(player_url=recording.external_url, subtitles=subtitles)}
        content = MediaContent(
            url=absolute_url(recording.video_url),
            type=recording.mime_type,
            medium="video",
            file_size=_file_size(recording.video) if recording.video else None,
            subtitles=subtitles,
        )
        return {"media": ItemMedia(content=content)}
