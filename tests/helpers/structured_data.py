"""Reading a page's schema.org JSON-LD the way a search engine does: extract the data blocks, parse them into an RDF
graph with rdflib's JSON-LD parser, then ask the graph (types, names, dates), never the raw text."""

import json

from bs4 import BeautifulSoup
from rdflib import RDF, Graph, Namespace, URIRef
from rdflib.plugins.parsers.jsonld import to_rdf

SCHEMA = Namespace("http://schema.org/")
# The part of schema.org's own context (https://schema.org/docs/jsonldcontext.jsonld) these pages rely on: every term
# in the schema.org vocabulary (whose IRIs still use http), and address-valued terms read as IRIs. Given here so the
# tests never fetch the context over the network.
SCHEMA_ORG_CONTEXT = {
    "@vocab": "http://schema.org/",
    **{term: {"@type": "@id"} for term in ("url", "contentUrl", "embedUrl", "eventStatus", "eventAttendanceMode")},
}


def json_ld_blocks(response):
    """The parsed JSON of every <script type="application/ld+json"> in an HTML response."""
    soup = BeautifulSoup(response.content.decode(), "html.parser")
    return [json.loads(tag.string) for tag in soup.find_all("script", type="application/ld+json")]


def json_ld_graph(response):
    """All the page's JSON-LD as one rdflib Graph. Each block must declare the schema.org context.

    rdflib's JSON-LD parser proper (Graph.parse) goes through its deprecated ConjunctiveGraph; to_rdf is the same
    conversion without it."""
    graph = Graph()
    for block in json_ld_blocks(response):
        assert block["@context"] == "https://schema.org"
        to_rdf({**block, "@context": SCHEMA_ORG_CONTEXT}, graph)
    return graph


def subjects_of_type(graph, schema_type):
    return list(graph.subjects(RDF.type, SCHEMA[schema_type]))


def the_one(graph, schema_type):
    """The single node of `schema_type` in the graph (failing when there is none or several)."""
    subjects = subjects_of_type(graph, schema_type)
    assert len(subjects) == 1, f"{len(subjects)} nodes of type {schema_type}"
    return subjects[0]


def value(graph, subject, term):
    """The one value of `term` on `subject`, as a Python string."""
    values = list(graph.objects(subject, SCHEMA[term]))
    assert len(values) == 1, f"{term}: {values}"
    return str(values[0])


def values(graph, subject, term):
    return sorted(str(item) for item in graph.objects(subject, SCHEMA[term]))


def all_iris(graph):
    """Every IRI used as an object in the graph, except the schema.org vocabulary's own (types, enumerations)."""
    iris = {str(node) for node in graph.objects() if isinstance(node, URIRef)}
    return {iri for iri in iris if not iri.startswith(("http://schema.org/", "https://schema.org/"))}
