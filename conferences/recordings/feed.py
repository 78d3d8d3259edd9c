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


class RecordingsFeed(Feed):
    feed_type = MediaRssFeed

    def __init__(self, page):
        super().__init__()
        self.page = page  # the conference series page, whose archive this is
        self._sizes = {}

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

    def video_size(self, recording):
        """The uploaded file's size in bytes (asked of the storage once per item), or 0, which feed readers take as
        "unknown", when the storage has lost the file."""
        if recording.pk not in self._sizes:
            try:
                self._sizes[recording.pk] = recording.video.size
            except OSError:
                self._sizes[recording.pk] = 0
        return self._sizes[recording.pk]

    def item_enclosures(self, recording):
        if not recording.video:
            return []
        return [Enclosure(absolute_url(recording.video.url), str(self.video_size(recording)), recording.mime_type)]

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
            file_size=self.video_size(recording) if recording.video else None,
            subtitles=subtitles,
        )
        return {"media": ItemMedia(content=content)}
