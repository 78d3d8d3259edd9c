"""The conference pages' routes in sitemap.xml. Wagtail lists only live pages that anyone may see, so these are the
routes of public editions: the programme, each published session, the speakers and each speaker of a published
session; and the series' recordings archive. Draft sessions and their speakers stay out."""


def series_urls(series, request=None):
    return [{"location": series.get_full_url(request) + series.reverse_subpage("recordings_route")}]


def edition_urls(edition, request=None):
    base = edition.get_full_url(request)

    def location(name, **kwargs):
        return base + edition.reverse_subpage(name, kwargs=kwargs)

    urls = [{"location": location("programme_route")}]
    sessions = edition.sessions.published().only("code", "last_published_at").order_by("start", "code")
    urls += [
        {"location": location("session_route", code=session.code), "lastmod": session.last_published_at}
        for session in sessions
    ]
    urls.append({"location": location("speakers_route")})
    speakers = edition.speakers().select_related(None).prefetch_related(None).only("slug", "name")
    urls += [{"location": location("speaker_route", slug=person.slug)} for person in speakers]
    return urls
