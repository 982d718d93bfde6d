"""The open-data export alone: ``python bench/export.py PROJECT`` loads the project's data
once, then times :func:`boligdialog.outputs.collect.open_data` (every table in CSV and JSON,
``datapackage.json``, the Popolo files) and prints one JSON line: ``{"export_s": …,
"files": {name: bytes}}``.

A script, not a module of ``bench``: the benchmark runs it with the code snapshot first on
``PYTHONPATH``, from the scratch project's folder.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
import time
from pathlib import Path


from boligdialog.outputs import opendata, collect as outputs
from boligdialog.site.load import load_site
from boligdialog.site import settings
from boligdialog.site.identity import Identity
from boligdialog.site.schedule import build_time


def main(argv: list[str]) -> int:
    site = load_site(Path(argv[0]))
    now: dt.datetime = build_time()
    start = time.perf_counter()
    config = settings.read(Path(argv[0]))
    words = settings.activate(Path(argv[0]), config)
    identity = Identity.from_settings("https://boligdialog.example.org/", config)
    package = outputs.open_data(site, identity=identity, license=opendata.DEFAULT_LICENSE,
                                about=config.about_open_data(words), created=now, modified=now)
    seconds = time.perf_counter() - start
    print(json.dumps({"export_s": seconds, "files": {name: len(data) for name, data in package.files.items()}}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
