"""Lighthouse's mobile scores for the home page and a meeting page, in both languages.

Not a test: ``make lighthouse`` runs it on the site built into site/, served on loopback,
with Lighthouse 12.2.3 (npm, in .tools/lighthouse) driving Debian's Chromium, and prints a
Markdown table for docs/quality.md. Lighthouse's defaults are its mobile run: a phone's
screen, a slow 4G network and a 4x slower processor, simulated.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from browser import CHROMIUM_ARGS, ROOT, chromium_path, serve

LIGHTHOUSE = ROOT / ".tools" / "lighthouse" / "node_modules" / "lighthouse" / "cli" / "index.js"
PAGES = ["", "moeder/visionsforum-2017-1/", "en/", "en/moeder/visionsforum-2017-1/"]
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
METRICS = ["first-contentful-paint", "largest-contentful-paint", "total-blocking-time", "cumulative-layout-shift"]


def scores(url: str, chromium: str) -> dict[str, str]:
    """One Lighthouse run (mobile) on ``url``: each category's score (0 to 1) and the
    simulated timings behind the performance score."""
    flags = " ".join(["--headless", *CHROMIUM_ARGS])
    result = subprocess.run(
        ["node", str(LIGHTHOUSE), url, "--quiet", "--output=json", "--output-path=stdout",
         f"--only-categories={','.join(CATEGORIES)}", f"--chrome-flags={flags}"],
        capture_output=True, text=True, check=True, env=dict(os.environ, CHROME_PATH=chromium),
    )
    report = json.loads(result.stdout)
    row = {name: f"{report['categories'][name]['score']:.2f}" for name in CATEGORIES}
    return row | {name: report["audits"][name]["displayValue"].replace("\xa0", " ") for name in METRICS}


def main(argv: list[str]) -> int:
    """``python tests/lighthouse.py [SITE [PATH …]]``: the built site (default ``site/``) and the
    pages to score (default :data:`PAGES`)."""
    site = Path(argv[0]) if argv else ROOT / "site"
    pages = argv[1:] or PAGES
    chromium = chromium_path()
    if chromium is None or not LIGHTHOUSE.is_file():
        print("needs Debian's chromium and `make lighthouse` (npm)", file=sys.stderr)
        return 1
    columns = CATEGORIES + METRICS
    print("| page | " + " | ".join(columns) + " |")
    print("|---" * (len(columns) + 1) + "|")
    with serve(site) as base:
        for path in pages:
            row = scores(base + path, chromium)
            print(f"| /{path} | " + " | ".join(row[name] for name in columns) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
