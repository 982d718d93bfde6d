"""The site's name and description in each language, read from mkdocs.yml once."""

from boligdialog.site import settings
from boligdialog.site.identity import FALLBACK_URL, Identity
from boligdialog.model.values import Text
from conftest import build, config_line, edit

EXTRA = {"site_name": {"da": "Boligdialog", "en": "Housing dialogue"}, "description": "Partnerskabet.",
         "place": "Byen"}


def test_identity_from_settings(tmp_path):
    (tmp_path / "mkdocs.yml").write_text("site_name: x\n", encoding="utf-8")
    config = settings.from_mkdocs(tmp_path / "mkdocs.yml", EXTRA)
    identity = Identity.from_settings("https://x.org/sub", config)
    assert identity.url == "https://x.org/sub/"
    assert identity.name == Text("Boligdialog", "Housing dialogue")
    assert identity.description.get("en").text == "Partnerskabet."  # Danish stands in
    assert identity.home("en") == "https://x.org/sub/en/" and identity.home("da") == "https://x.org/sub/"
    assert Identity.from_settings(None, config).url == FALLBACK_URL


def test_a_build_without_the_names_stops_with_the_message(project):
    edit(project / "mkdocs.yml", "  site_name:\n    da: *site_name\n    en: Housing dialogue Albertslund\n", "")
    result = build(project)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert (f"ERROR   -  mkdocs.yml:{config_line('extra:')}: extra.site_name: expected a value but received nothing (the key is missing); "
            "add the line site_name: …") in output
    assert "Traceback" not in output
