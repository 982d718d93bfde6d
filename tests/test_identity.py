"""The site's name and description in each language, read from mkdocs.yml once."""

import pytest

from boligdialog.site.identity import FALLBACK_URL, Identity
from boligdialog.model.values import Text
from conftest import build, edit

EXTRA = {"site_name": {"da": "Boligdialog", "en": "Housing dialogue"}, "description": "Partnerskabet."}


def test_identity_from_config():
    identity = Identity.from_config("https://x.org/sub", EXTRA)
    assert identity.url == "https://x.org/sub/"
    assert identity.name == Text("Boligdialog", "Housing dialogue")
    assert identity.description.get("en").text == "Partnerskabet."  # Danish stands in
    assert identity.home("en") == "https://x.org/sub/en/" and identity.home("da") == "https://x.org/sub/"
    assert Identity.from_config(None, EXTRA).url == FALLBACK_URL


@pytest.mark.parametrize(("extra", "message"), [
    ({"description": "D"}, "mkdocs.yml: extra.site_name: expected text, or da/en texts, but received nothing"),
    ({"site_name": {"en": "X"}, "description": "D"},
     "mkdocs.yml: extra.site_name: expected Danish text under 'da' but received nothing"),
])
def test_a_missing_name_is_a_clear_error(extra, message):
    with pytest.raises(ValueError) as exc:
        Identity.from_config("https://x.org/", extra)
    assert str(exc.value) == message


def test_a_build_without_the_names_stops_with_the_message(project):
    edit(project / "mkdocs.yml", "  site_name:\n    da: *site_name\n    en: Housing dialogue Albertslund\n", "")
    result = build(project)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "Build stopped: mkdocs.yml: extra.site_name: expected text, or da/en texts, but received nothing" in output
    assert "Traceback" not in output
