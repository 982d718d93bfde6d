"""The open data described for the data catalogues: DCAT-AP-DK (the Danish profile of
DCAT-AP, which the Danish data portal and the EU data portal harvest), as JSON-LD.

Made from the same package as ``datapackage.json``: the catalogue (``dcat:Catalog``), one
dataset per table (``dcat:Dataset``) with its CSV and JSON files as distributions, one for
the Popolo export, the publisher (``foaf:Agent``), the contact point (``vcard:Kind``, when
``extra.open_data.contact_email`` is set), the licence and the dates. A pure function;
``json.dumps`` escapes every text. ``tests/test_dcat.py`` validates it with pyshacl against
the SHACL shapes published with DCAT-AP-DK.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from boligdialog.outputs.opendata.licence import License
from boligdialog.outputs.opendata.tables import Table, table_text
from boligdialog.site import routes

if TYPE_CHECKING:
    from boligdialog.site.settings import AboutData

FILE = "dcat.jsonld"
"""Its name in ``data/``."""
CONTEXT = {
    "dcat": "http://www.w3.org/ns/dcat#",
    "dct": "http://purl.org/dc/terms/",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "vcard": "http://www.w3.org/2006/vcard/ns#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}
LANGUAGES = [{"@id": "http://publications.europa.eu/resource/dataset/language/DAN"},
             {"@id": "http://publications.europa.eu/resource/dataset/language/ENG"}]
"""Danish and English, in the form the DCAT-AP-DK 2.0.2 shapes require (the EU language table
under ``resource/dataset/language/``)."""
MEDIA_TYPES = {".csv": "text/csv", ".json": "application/json", ".jsonld": "application/ld+json"}


def _texts(da: str, en: str) -> list[dict[str, str]]:
    return [{"@value": da, "@language": "da"}, {"@value": en, "@language": "en"}]


def _when(moment: dt.datetime) -> dict[str, str]:
    return {"@value": moment.isoformat(timespec="seconds"), "@type": "xsd:dateTime"}


def _distribution(site_url: str, name: str, content: bytes, license_id: str) -> dict[str, Any]:
    url = routes.absolute(site_url, routes.DATA_DIR + name)
    media = MEDIA_TYPES[name[name.rfind("."):]]
    return {
        "@id": url + "#distribution", "@type": "dcat:Distribution",
        "dct:title": name, "dcat:accessURL": {"@id": url}, "dcat:downloadURL": {"@id": url},
        "dcat:mediaType": {"@id": f"https://www.iana.org/assignments/media-types/{media}"},
        "dcat:byteSize": {"@value": str(len(content)), "@type": "xsd:decimal"},  # as DCAT-AP-DK 2.0.2 types it
        "dct:license": {"@id": license_id},
    }


def dcat_file(files: Mapping[str, bytes], tables: Sequence[Table], *, site_url: str, license: License,
              about: "AboutData", created: dt.datetime, modified: dt.datetime) -> bytes:
    """The DCAT-AP-DK description of the open data whose files (by name in ``data/``) are ``files``."""
    catalogue = routes.absolute(site_url, routes.DATA_DIR + FILE)
    page = routes.absolute(site_url, routes.OPEN_DATA)
    publisher = site_url + "#partnerskab"
    contact = catalogue + "#kontakt" if about.contact_email else None
    publisher_name = about.publisher or about.title
    common: dict[str, Any] = {
        "dct:publisher": {"@id": publisher}, "dct:issued": _when(created), "dct:modified": _when(modified),
        "dcat:landingPage": {"@id": page}, "dct:language": LANGUAGES,
        "dcat:keyword": about.keywords,
    } | ({"dcat:contactPoint": {"@id": contact}} if contact else {})
    datasets = []
    for table in tables:
        da, en = table_text(table.name)
        names = [n for n in (f"{table.name}.csv", f"{table.name}.json") if n in files]
        datasets.append(common | {
            "@id": f"{catalogue}#{table.name}", "@type": "dcat:Dataset", "dct:identifier": table.name,
            "dct:title": _texts(f"{about.title.da}: {table.name}", f"{about.title.get('en').text}: {table.name}"),
            "dct:description": _texts(da, en),
            "dcat:distribution": [_distribution(site_url, n, files[n], license.path) for n in names]})
    popolo = sorted(n for n in files if n.startswith("popolo-"))
    if popolo:
        datasets.append(common | {
            "@id": f"{catalogue}#popolo", "@type": "dcat:Dataset", "dct:identifier": "popolo",
            "dct:title": _texts(f"{about.title.da}: Popolo", f"{about.title.get('en').text}: Popolo"),
            "dct:description": _texts("Organisationer, personer og medlemskaber i Popolo-formatet (JSON).",
                                      "Organisations, people and memberships in the Popolo format (JSON)."),
            "dcat:distribution": [_distribution(site_url, n, files[n], license.path) for n in popolo]})
    graph: list[dict[str, Any]] = [
        {"@id": catalogue, "@type": "dcat:Catalog",
         "dct:title": _texts(about.title.da, about.title.get("en").text),
         "dct:description": _texts(about.description.da, about.description.get("en").text),
         "dct:publisher": {"@id": publisher}, "foaf:homepage": {"@id": page},
         "dct:license": {"@id": license.path}, "dct:language": LANGUAGES,
         "dct:issued": _when(created), "dct:modified": _when(modified),
         "dcat:dataset": [{"@id": d["@id"]} for d in datasets]},
        {"@id": publisher, "@type": "foaf:Agent",
         "foaf:name": _texts(publisher_name.da, publisher_name.get("en").text)},
        {"@id": license.path, "@type": "dct:LicenseDocument", "dct:title": license.title,
         "dct:identifier": license.name},
        {"@id": page, "@type": "foaf:Document"},
        *datasets,
    ]
    if contact:
        graph.append({"@id": contact, "@type": ["vcard:Kind", "vcard:Organization"],
                      "vcard:fn": publisher_name.da, "vcard:hasEmail": {"@id": f"mailto:{about.contact_email}"}})
    return (json.dumps({"@context": CONTEXT, "@graph": graph}, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def resource() -> dict[str, Any]:
    """This description as a resource of ``datapackage.json`` (it describes the package, so the
    package names it without a size or hash, which would depend on each other)."""
    return {"name": "dcat", "path": FILE, "profile": "data-resource", "format": "json",
            "mediatype": "application/ld+json", "encoding": "utf-8",
            "description": "Beskrivelsen af datasættene efter DCAT-AP-DK, som datakataloger høster.\n\n"
                           "The description of the datasets in DCAT-AP-DK, which data catalogues harvest."}
