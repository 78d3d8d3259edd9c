"""The site's own links, as the crawling tests follow them: the internal links on a page and the sitemap's pages,
as paths (with the query string), for the test client."""

import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

SITEMAP_NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}
LOCAL_HOSTS = {"testserver", "localhost"}
# Links not followed, and why:
# - /static/: the test settings have no collected static files, so these answer 404 whatever the code does;
# - /media/ and /dokument/<id>/: file URLs carry database ids or rendition hashes, which depend on the tests
#   that ran before in the same database (sequences are not rolled back), not on the code;
# - /admin/: not public; an anonymous visitor is only ever sent to the login page.
SKIPPED_PREFIXES = ("/static/", "/media/", "/dokument/", "/admin/")
# - /material/<id>/<slug>/: a library document's page carries its database id, for the same reason.
SKIPPED_PATHS = re.compile(r"^/material/\d+/")


class LinkParser(HTMLParser):
    """Collects the href of every <a> and <link> element."""

    def __init__(self):
        super().__init__()
        self.hrefs = []

    def handle_starttag(self, tag, attrs):
        if tag in ("a", "link"):
            href = dict(attrs).get("href")
            if href:
                self.hrefs.append(href)


def local_path(href, base):
    """The path (with its query string, without the fragment) of an internal link, else None."""
    url = urlsplit(urljoin(f"http://testserver{base}", href))
    if url.scheme not in ("http", "https") or url.hostname not in LOCAL_HOSTS:
        return None
    path = url.path + (f"?{url.query}" if url.query else "")
    if path.startswith(SKIPPED_PREFIXES) or SKIPPED_PATHS.match(path):
        return None
    return path


def links_on(response, path):
    if not response.get("Content-Type", "").startswith("text/html"):
        return set()
    parser = LinkParser()
    parser.feed(response.content.decode())
    return {link for href in parser.hrefs if (link := local_path(href, path))}


def sitemap_paths(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    root = ET.fromstring(response.content)
    return {local_path(loc.text.strip(), "/") for loc in root.iterfind("sm:url/sm:loc", SITEMAP_NS)} - {None}
