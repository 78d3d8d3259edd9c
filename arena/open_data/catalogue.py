"""The DCAT-AP-SE catalogue of the datasets (RDF, written as Turtle), for dataportal.se to harvest.

Every resource has an address on this site: the catalogue is the .ttl file itself, a dataset and its
distributions are anchors on the landing page, which shows each dataset under its slug."""

from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCAT, DCTERMS, FOAF, RDF, XSD

from arena.open_data import formats
from arena.open_data.licences import current_licence
from arena.site_url import absolute_url, base_url

EU = "http://publications.europa.eu/resource/authority/"
VCARD = Namespace("http://www.w3.org/2006/vcard/ns#")
DATA_THEME = Namespace(EU + "data-theme/")
FILE_TYPE = Namespace(EU + "file-type/")
ACCESS_RIGHT = Namespace(EU + "access-right/")
LANGUAGE = Namespace(EU + "language/")
PUBLISHER_TYPE = Namespace("http://purl.org/adms/publishertype/")
MEDIA_TYPE = Namespace("https://www.iana.org/assignments/media-types/")
LANG = "sv"
CATALOGUE_DESCRIPTION = _lazy(
    "Open data from Kunskapsarenan, where the city's administrations and companies share what they learn about "
    "digitalisation and innovation. Each dataset comes as JSON and CSV, with a JSON Schema."
)

# name of the file route → (EU file type, IANA media type)
DISTRIBUTIONS = {"json": ("JSON", "application/json"), "csv": ("CSV", "text/csv")}


def _text(value):
    return Literal(str(value), lang=LANG)


def _add_agents(graph, landing):
    publisher = URIRef(landing + "#utgivare")
    graph.add((publisher, RDF.type, FOAF.Agent))
    graph.add((publisher, FOAF.name, _text(settings.OPEN_DATA_PUBLISHER)))
    graph.add((publisher, DCTERMS.type, PUBLISHER_TYPE.LocalAuthority))
    contact = URIRef(landing + "#kontakt")
    graph.add((contact, RDF.type, VCARD.Organization))
    graph.add((contact, VCARD.fn, _text(settings.OPEN_DATA_PUBLISHER)))
    if settings.OPEN_DATA_CONTACT_EMAIL:
        graph.add((contact, VCARD.hasEmail, URIRef(f"mailto:{settings.OPEN_DATA_CONTACT_EMAIL}")))
    graph.add((contact, VCARD.hasURL, URIRef(landing)))
    return publisher, contact


def _add_distribution(graph, dataset, name, licence, modified):
    file_type, media_type = DISTRIBUTIONS[name]
    url = URIRef(formats.file_url(name, dataset))
    distribution = URIRef(f"{formats.landing_url()}#{dataset.slug}-{name}")
    graph.add((distribution, RDF.type, DCAT.Distribution))
    graph.add((distribution, DCTERMS.title, _text(f"{dataset.title} ({file_type})")))
    graph.add((distribution, DCAT.accessURL, url))
    graph.add((distribution, DCAT.downloadURL, url))
    graph.add((distribution, DCTERMS.format, FILE_TYPE[file_type]))
    graph.add((distribution, DCAT.mediaType, MEDIA_TYPE[media_type]))
    graph.add((distribution, DCTERMS.license, licence))
    if name == "json":
        graph.add((distribution, DCTERMS.conformsTo, URIRef(formats.file_url("schema", dataset))))
    if modified:
        graph.add((distribution, DCTERMS.modified, Literal(modified, datatype=XSD.dateTime)))
    return distribution


def build_catalogue(datasets):
    """The catalogue as an rdflib Graph. `datasets` are (Dataset, modified) pairs."""
    graph = Graph()
    for prefix, namespace in (("dcat", DCAT), ("dcterms", DCTERMS), ("foaf", FOAF), ("vcard", VCARD)):
        graph.bind(prefix, namespace)
    landing = formats.landing_url()
    licence = URIRef(current_licence().url)
    graph.add((licence, RDF.type, DCTERMS.LicenseDocument))
    publisher, contact = _add_agents(graph, landing)

    catalogue = URIRef(absolute_url(reverse("open_data:catalogue")))
    graph.add((catalogue, RDF.type, DCAT.Catalog))
    graph.add((catalogue, DCTERMS.title, _text(_("Kunskapsarenan's open data"))))
    graph.add((catalogue, DCTERMS.description, _text(CATALOGUE_DESCRIPTION)))
    graph.add((catalogue, DCTERMS.publisher, publisher))
    graph.add((catalogue, DCTERMS.license, licence))
    graph.add((catalogue, DCTERMS.language, LANGUAGE.SWE))
    graph.add((catalogue, FOAF.homepage, URIRef(base_url() + "/")))
    graph.add((catalogue, DCAT.themeTaxonomy, URIRef(EU + "data-theme")))
    changes = [modified for _dataset, modified in datasets if modified]
    if changes:
        graph.add((catalogue, DCTERMS.modified, Literal(max(changes), datatype=XSD.dateTime)))

    for dataset, modified in datasets:
        node = URIRef(f"{landing}#{dataset.slug}")
        graph.add((catalogue, DCAT.dataset, node))
        graph.add((node, RDF.type, DCAT.Dataset))
        graph.add((node, DCTERMS.identifier, Literal(str(node))))
        graph.add((node, DCTERMS.title, _text(dataset.title)))
        graph.add((node, DCTERMS.description, _text(dataset.description)))
        graph.add((node, DCTERMS.publisher, publisher))
        graph.add((node, DCAT.contactPoint, contact))
        graph.add((node, DCTERMS.accessRights, ACCESS_RIGHT.PUBLIC))
        graph.add((node, DCAT.landingPage, URIRef(landing)))
        for theme in dataset.themes:
            graph.add((node, DCAT.theme, DATA_THEME[theme]))
        for keyword in dataset.keywords:
            graph.add((node, DCAT.keyword, _text(keyword)))
        if modified:
            graph.add((node, DCTERMS.modified, Literal(modified, datatype=XSD.dateTime)))
        for name in DISTRIBUTIONS:
            graph.add((node, DCAT.distribution, _add_distribution(graph, dataset, name, licence, modified)))
    graph.add((URIRef(landing), RDF.type, FOAF.Document))
    return graph
