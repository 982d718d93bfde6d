"""The DCAT-AP-DK description of the open data (boligdialog.outputs.opendata.dcat), read by
rdflib and validated by pyshacl against the SHACL shapes the Danish Agency for Digital
Government publishes with DCAT-AP-DK 2.0.2 (kept in tests/dcat/, their source named there)."""

from __future__ import annotations

import json
from pathlib import Path

import pyshacl
import pytest
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, RDF

SHAPES = Path(__file__).with_name("dcat") / "dcat-ap-dk_2.0.2_shacl_shapes.ttl"
DCAT = Namespace("http://www.w3.org/ns/dcat#")
SITE = "https://boligdialog.example.org/"


def graph_of(site: Path) -> Graph:
    return Graph().parse(site / "data/dcat.jsonld", format="json-ld")


def validate(data: Graph) -> tuple[bool, str]:
    shapes = Graph().parse(SHAPES, format="turtle")
    conforms, _, text = pyshacl.validate(data, shacl_graph=shapes, advanced=True)
    return conforms, text


def test_the_description_conforms_to_dcat_ap_dk(shipped_site):
    data = graph_of(shipped_site)
    conforms, text = validate(data)
    assert conforms, text
    catalogue = URIRef(f"{SITE}data/dcat.jsonld")
    assert (catalogue, RDF.type, DCAT.Catalog) in data
    datasets = set(data.objects(catalogue, DCAT.dataset))
    tables = [r for r in json.loads((shipped_site / "data/datapackage.json").read_text(encoding="utf-8"))["resources"]
              if r["profile"] == "tabular-data-resource"]
    assert len(datasets) == len(tables) + 1  # each table, and the Popolo export
    # every file a distribution points to is in the build, with its size
    for distribution in data.subjects(RDF.type, DCAT.Distribution):
        url = str(data.value(distribution, DCAT.downloadURL))
        path = shipped_site / url.removeprefix(SITE)
        assert path.is_file(), url
        assert int(data.value(distribution, DCAT.byteSize)) == path.stat().st_size
    publisher = data.value(catalogue, DCTERMS.publisher)
    assert str(data.value(publisher, URIRef("http://xmlns.com/foaf/0.1/name"))) in {"Boligdialog Albertslund"}
    contacts = {data.value(d, DCAT.contactPoint) for d in datasets}
    assert len(contacts) == 1 and None not in contacts


@pytest.mark.parametrize("remove", [DCTERMS.title, DCTERMS.description, DCTERMS.publisher])
def test_a_catalogue_without_a_mandatory_property_does_not_conform(shipped_site, remove):
    """Proof that the shapes are read and hold: the same description without one of them fails."""
    data = graph_of(shipped_site)
    data.remove((URIRef(f"{SITE}data/dcat.jsonld"), remove, None))
    conforms, text = validate(data)
    assert not conforms and f"Less than 1 values on <{SITE}data/dcat.jsonld>->dct:{remove.split('/')[-1]}" in text


def test_texts_keep_their_language(shipped_site):
    data = graph_of(shipped_site)
    titles = set(data.objects(URIRef(f"{SITE}data/dcat.jsonld"), DCTERMS.title))
    assert {t.language for t in titles if isinstance(t, Literal)} == {"da", "en"}
