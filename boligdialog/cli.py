"""``boligdialog check``: validate data and content without building the site.

Prints every problem as ``file:line: key: expected … but received …`` and exits
with status 1, or prints a short summary and exits 0.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .errors import ValidationFailed
from .load import load_site
from .schedule import build_time


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="boligdialog", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    check = sub.add_parser("check", help="check data/ and content/ for mistakes")
    check.add_argument("root", nargs="?", default=".", type=Path, help="project folder (default: .)")
    args = parser.parse_args(argv)

    try:
        site = load_site(args.root, today=build_time().date())
    except ValueError as exc:  # SOURCE_DATE_EPOCH that is not a number
        print(exc, file=sys.stderr)
        return 1
    except ValidationFailed as exc:
        print(exc.format_message(), file=sys.stderr)
        return 1
    print(f"OK: {len(site.partners)} partners, {len(site.meetings)} meetings, "
          f"{len(site.themes)} themes, {len(site.pages)} content pages.")
    if site.notices:
        print(f"{len(site.notices)} thing(s) to record:")
        for notice in site.notices:
            print(f"  {notice}")
    if site.missing_english:
        print(f"{len(site.missing_english)} text(s) exist only in Danish:")
        for item in site.missing_english:
            print(f"  {item}")
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
