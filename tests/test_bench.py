"""The build benchmark (``bench/``): its synthetic data is valid, and a small run completes
and reports every figure. Nothing here asserts a time: timings are for docs/benchmark.md."""

from __future__ import annotations

import datetime as dt
import json
import math
from pathlib import Path

import pytest
from frictionless import validate

from bench import measure, project, synth
from bench.run import main
from boligdialog import opendata, outputs
from boligdialog.identity import Identity
from boligdialog.load import load_site


@pytest.fixture(scope="module")
def small_run(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One benchmark run: 20 meetings, one repetition, one ``mkdocs serve`` edit."""
    out = tmp_path_factory.mktemp("bench-out")
    work = tmp_path_factory.mktemp("bench-work")
    assert main(["--sizes", "20", "--reps", "1", "--serve-edits", "1", "--out", str(out),
                 "--workdir", str(work)]) == 0
    return out


def _numbers(value: object) -> list[float]:
    """Every number in a JSON value."""
    if isinstance(value, bool):
        return []
    if isinstance(value, (int, float)):
        return [float(value)]
    if isinstance(value, dict):
        return [n for v in value.values() for n in _numbers(v)]
    if isinstance(value, list):
        return [n for v in value for n in _numbers(v)]
    return []


def test_synthetic_partnership_passes_validation(tmp_path: Path) -> None:
    scale = synth.scale_for(40)
    partnership = synth.partnership(scale)
    project.write_partnership(partnership, tmp_path)
    site = load_site(tmp_path, today=synth.BENCH_DATE)
    assert len(site.meetings) == 40 and len(site.partners) == scale.partners
    assert site.decisions and site.file_sizes
    reports = [m for m in site.meetings if m.state == "held"]
    assert reports and all(site.report(m, "da") for m in reports)
    assert any(site.report(m, "en") is None for m in reports), "some reports exist only in Danish"
    assert any(m.start.date.precision == "month" for m in site.meetings)


def test_synthetic_partnership_passes_the_open_data_validator(tmp_path: Path) -> None:
    """The export the benchmark times is a valid package at that data's shape too."""
    now = dt.datetime(2026, 6, 1, 12, tzinfo=dt.timezone.utc)
    project.write_partnership(synth.partnership(synth.scale_for(40)), tmp_path)
    extra = project.read_config(project.ROOT / "mkdocs.yml")["extra"]
    package = outputs.open_data(load_site(tmp_path, today=synth.BENCH_DATE),
                                identity=Identity.from_config("https://boligdialog.example.org/", extra),
                                license=opendata.DEFAULT_LICENSE, created=now, modified=now)
    for name, content in package.files.items():
        (tmp_path / name).write_bytes(content)
    report = validate(str(tmp_path / "datapackage.json"))
    assert report.valid, report.flatten(["resourceName", "rowNumber", "fieldName", "note"])
    assert all(package.counts[t] for t in ("meetings", "agenda_items", "attachments", "decisions", "reports"))


def test_synthetic_data_is_the_same_for_the_same_seed() -> None:
    scale = synth.scale_for(20)
    assert synth.partnership(scale, seed=3) == synth.partnership(scale, seed=3)
    assert synth.partnership(scale, seed=3) != synth.partnership(scale, seed=4)


def test_scale_grows_partners_with_meetings() -> None:
    assert [synth.scale_for(n).partners for n in (20, 200, 2000)] == [10, 50, 500]


def test_not_in_nav_patterns_keep_index_pages_in_the_nav() -> None:
    patterns = project.not_in_nav_patterns(
        {"moeder/index.md": True, "moeder/a.md": False, "en/moeder/a.md": False, "index.md": True})
    assert patterns.splitlines() == ["/en/moeder/*.md", "/moeder/*.md", "!/moeder/index.md"]


def test_plain_config_has_no_hooks_and_no_overrides() -> None:
    config = project.read_config(project.ROOT / "mkdocs.yml")
    plain = project.plain_config(config, "capture/docs", {"moeder/a.md": False})
    assert "hooks" not in plain and "custom_dir" not in plain["theme"]
    assert plain["theme"]["name"] == config["theme"]["name"] and plain["nav"] == config["nav"]
    assert plain["docs_dir"] == "capture/docs"
    assert "alternate" in config["extra"] and "alternate" not in plain["extra"]  # our overrides' switch


def test_item_pages_are_grouped_by_section() -> None:
    sizes = {"moeder/a/index.html": 10, "en/moeder/b/index.html": 30, "moeder/index.html": 99,
             "index.html": 5, "en/partnere/p/index.html": 7}
    assert measure.medians_by_section(sizes) == {"moeder": 20, "partnere": 7}


def test_pages_are_kinds_in_both_languages_with_ids_and_years_as_placeholders() -> None:
    sizes = {"moeder/index.html": 50, "en/moeder/index.html": 60, "moeder/2019/index.html": 9,
             "en/temaer/midtby/2019/index.html": 8, "moeder/visionsforum-2019-1/index.html": 20, "index.html": 5}
    assert measure.largest_by_kind(sizes) == {
        "moeder/": ("en/moeder/index.html", 60), "moeder/<id>/": ("moeder/visionsforum-2019-1/index.html", 20),
        "moeder/<year>/": ("moeder/2019/index.html", 9), "temaer/<id>/<year>/": ("en/temaer/midtby/2019/index.html", 8),
        "/": ("index.html", 5)}


def test_first_view_counts_the_html_and_its_local_css_and_js(tmp_path: Path) -> None:
    (tmp_path / "a.css").write_text("body { color: red }" * 50)
    (tmp_path / "index.html").write_text(
        '<link rel="stylesheet" href="a.css"><link rel="stylesheet" href="https://cdn.example/x.css">'
        '<script src="missing.js"></script><p>hello</p>')
    size, files = measure.first_view(tmp_path)
    assert files == 2
    assert size == measure.gzip_size((tmp_path / "index.html").read_bytes()) + measure.gzip_size(
        (tmp_path / "a.css").read_bytes())


def test_small_benchmark_reports_every_figure(small_run: Path) -> None:
    results = json.loads((small_run / "results.json").read_text(encoding="utf-8"))
    (size,) = results["sizes"]
    assert size["scale"]["meetings"] == 20
    for variant in project.VARIANTS:
        (run,) = size["runs"][variant]
        assert run["returncode"] == 0
        assert run["wall_s"] > 0 and run["peak_rss_mib"] > 0
    for variant in (project.OURS, project.PLAIN):
        site = size["sites"][variant]
        assert site["pages"] > 0 and site["pages_en"] > 0
        assert 0 < site["median_page_bytes"] <= site["max_page_bytes"] < site["site_bytes"]
        assert site["home_first_view_gzip"] > 0 and site["home_first_view_files"] >= 1
    assert size["sites"][project.OURS]["pages"] == size["sites"][project.PLAIN]["pages"]
    assert size["sites"][project.OURS]["pagefind_bytes"] > 0
    (export,) = size["export_s"]
    assert export > 0
    files = size["sites"][project.OURS]["open_data_files"]
    assert {"datapackage.json", "meetings.csv", "meetings.json", "popolo-da.json"} <= set(files)
    assert files == size["sites"][project.PLAIN]["open_data_files"]  # the baseline serves the same files
    assert results["serve_error"] is None
    (rebuild,) = results["serve"]
    assert rebuild["total_s"] > 0 and rebuild["detect_s"] >= 0
    # MkDocs never logs the same line twice, so its own "built in" figure may be missing
    assert rebuild["built_in_s"] is None or rebuild["built_in_s"] > 0
    assert all(math.isfinite(n) for n in _numbers(results))


def test_small_benchmark_writes_the_markdown_report(small_run: Path) -> None:
    text = (small_run / "report.md").read_text(encoding="utf-8")
    for heading in ("### Build time", "### Peak memory", "### Pages and sizes", "### Largest page of each kind",
                    "### Scaling",
                    "### Open data", "### `mkdocs serve`", "### Targets"):
        assert heading in text
    assert "ours / plain" in text and "serve rebuild" in text and "every page ≤ 150.0 kB of HTML" in text


def test_report_can_be_printed_again_from_results_json(small_run: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--from-json", str(small_run / "results.json")]) == 0
    assert capsys.readouterr().out.strip() == (small_run / "report.md").read_text(encoding="utf-8").strip()
