"""RSS 2.0 with Media RSS (https://www.rssboard.org/media-rss), the feed format of the blogs and the recordings.

A feed (a django.contrib.syndication Feed with `feed_type = MediaRssFeed`) hands each item's media over through
`item_extra_kwargs`: {"media": ItemMedia(...)}. Every address in it must already be absolute (arena.site_url)."""

from dataclasses import dataclass

from django.utils.feedgenerator import Rss201rev2Feed

MEDIA_RSS = "http://search.yahoo.com/mrss/"


@dataclass(frozen=True)
class Subtitle:
    """A caption track: media:subTitle."""

    href: str
    lang: str
    type: str = "text/vtt"


@dataclass(frozen=True)
class MediaContent:
    """A media object of the item: media:content, with the caption tracks of a video inside it."""

    url: str
    type: str
    medium: str
    file_size: int | None = None
    width: int | None = None
    height: int | None = None
    description: str = ""
    subtitles: tuple[Subtitle, ...] = ()


@dataclass(frozen=True)
class ItemMedia:
    """An item's media: its content and, for a video that plays on another site's page, that page (media:player).
    Caption tracks without content (the video is elsewhere) are given to the item itself."""

    content: MediaContent | None = None
    player_url: str = ""
    subtitles: tuple[Subtitle, ...] = ()


class MediaRssFeed(Rss201rev2Feed):
    def rss_attributes(self):
        return {**super().rss_attributes(), "xmlns:media": MEDIA_RSS}

    def add_root_elements(self, handler):
        # Django writes atom:link rel="self" without a type; feed validators ask for one, so it is written here.
        feed_url = self.feed["feed_url"]
        self.feed["feed_url"] = None
        try:
            super().add_root_elements(handler)
        finally:
            self.feed["feed_url"] = feed_url
        if feed_url:
            media_type = self.content_type.split(";", 1)[0]
            handler.addQuickElement("atom:link", None, {"rel": "self", "type": media_type, "href": feed_url})

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        media = item.get("media")
        if media is None:
            return
        if media.content is not None:
            self._add_content(handler, media.content)
        if media.player_url:
            handler.addQuickElement("media:player", None, {"url": media.player_url})
        self._add_subtitles(handler, media.subtitles)

    def _add_content(self, handler, content):
        attributes = {"url": content.url, "type": content.type, "medium": content.medium}
        for name, number in (("fileSize", content.file_size), ("width", content.width), ("height", content.height)):
            if number is not None:
                attributes[name] = str(number)
        handler.startElement("media:content", attributes)
        if content.description:
            handler.addQuickElement("media:description", content.description, {"type": "plain"})
        self._add_subtitles(handler, content.subtitles)
        handler.endElement("media:content")

    @staticmethod
    def _add_subtitles(handler, subtitles):
        for subtitle in subtitles:
            handler.addQuickElement(
                "media:subTitle", None, {"type": subtitle.type, "lang": subtitle.lang, "href": subtitle.href}
            )
