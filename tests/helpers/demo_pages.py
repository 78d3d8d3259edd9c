"""The full demo's page types and where each one is: the browser modules that open every kind of page share them.

Django is imported inside the function: it runs once the demo is seeded.
"""


def demo_paths():
    """One path per page type, found in the full seeded demo (arena.demo.seed.seed with app content)."""
    from django.urls import reverse
    from django.utils import timezone
    from wagtail.documents import get_document_model

    from arena.models import ChangeProjectIndexPage, ChangeProjectPage, MaterialLibraryPage, Organisation
    from arena.models.consultations import ConsultationIndexPage, ConsultationPage, ConsultationState
    from blogs.models import BlogIndexPage, BlogPostPage
    from conferences.models import ConferenceEditionPage, ConferenceSeriesPage, Recording

    posts = BlogPostPage.objects.live().public().order_by("path")
    with_table = next(post for post in posts if any(block.block_type == "table" for block in post.body))
    with_image = posts.filter(hero_image__isnull=False).first()
    author = with_table.post_authors.first().person
    blogs = BlogIndexPage.objects.live().get()
    series = ConferenceSeriesPage.objects.live().get()
    edition = ConferenceEditionPage.objects.live().get(slug="2022")
    coming = ConferenceEditionPage.objects.live().get(slug="2027")
    recordings = Recording.objects.filter(session__edition=edition).select_related("session")
    played = recordings.exclude(video="").filter(captions__isnull=False).first()
    external = recordings.exclude(external_url="").first()
    uncaptioned = recordings.filter(captions__isnull=True).first()
    speaker = played.session.session_speakers.first().person
    projects = ChangeProjectIndexPage.objects.live().get()
    library = MaterialLibraryPage.objects.live().get()
    document = get_document_model().objects.order_by("pk").first()
    now = timezone.now()
    consultations = list(ConsultationPage.objects.live().public())
    by_state = {page.state(now): page for page in consultations}
    return {
        "start page": "/",
        "blog index": blogs.url,
        "blog space": with_table.get_parent().url,
        "post with a table": with_table.url,
        "post with an image": with_image.url,
        "author": blogs.url + blogs.reverse_subpage("author_route", args=[author.slug]),
        "conference series": series.url,
        "conference edition": edition.url,
        "programme": edition.route_url("programme_route"),
        "session with a recording": edition.route_url("session_route", code=played.session.code),
        "session with an external recording": edition.route_url("session_route", code=external.session.code),
        "session without captions": edition.route_url("session_route", code=uncaptioned.session.code),
        "speakers": edition.route_url("speakers_route"),
        "speaker": edition.route_url("speaker_route", slug=speaker.slug),
        "recordings archive": series.url + series.reverse_subpage("recordings_route"),
        "registration form": coming.route_url("registration_route"),
        "change-project index": projects.url,
        "change project": ChangeProjectPage.objects.live().public().order_by("path").first().url,
        "proposal form": projects.url + projects.reverse_subpage("proposal_route"),
        "library": library.url,
        "document page": library.url + library.reverse_subpage("document_route", args=[document.pk, "dokument"]),
        "search with results": reverse("search") + "?q=digitalisering",
        "consultation index": ConsultationIndexPage.objects.live().get().url,
        "open consultation": by_state[ConsultationState.OPEN].url,
        "closed consultation": by_state[ConsultationState.CLOSED].url,
        "accessibility statement": "/tillganglighet/",
        "standard page": "/om/",
        "cookies": "/kakor/",
        "login": reverse("account_login"),
        "sign-up": reverse("account_signup"),
        "open data": reverse("open_data:landing"),
        "page not found": "/finns-inte/",
        "maturity dashboard": reverse("maturity:dashboard"),
        "organisation dashboard": reverse(
            "maturity:organisation", kwargs={"slug": Organisation.objects.get(name="Stadsledningskontoret").slug}
        ),
    }
