"""``boligdialog``: the editors' command line.

- ``check``: validate data and content without building the site. Prints every problem as
  ``file:line: place: expected … but received …`` and exits with status 1, or prints a short
  summary and exits 0. ``--format github`` prints them as GitHub annotations instead.
- ``new`` / ``ny``: add a meeting, partner, news article or report from a few facts
  (:mod:`boligdialog.editors.scaffold`), then check.
- ``init DIR``: make a new partnership's site (:mod:`boligdialog.editors.init`).
- ``schemas``: write (or with ``--check``, compare) the JSON Schemas of the data files.
- ``messages``: update the Danish message catalogue from the code (for maintainers).

Messages are in Danish, or in English with ``--lang en`` or ``BOLIGDIALOG_LANG=en``.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from boligdialog.editors import annotations
from boligdialog.model import translate
from boligdialog.model.errors import DataError, ValidationFailed
from boligdialog.site import settings
from boligdialog.site.load import load_with_settings
from boligdialog.site.sitedata import Site
from boligdialog.site.schedule import build_time
from boligdialog.model.translate import ntr, tr


def _check(args: argparse.Namespace) -> int:
    return run_check(args.root, output=args.format)


def _load(root: Path) -> Site:
    """The site at ``root``; the mistakes in its settings and in its data together, in one
    ``ValidationFailed``."""
    return load_with_settings(root, lambda: settings.read(root), today=build_time().date())[2]


def run_check(root: Path, *, output: str = "text") -> int:
    """Check the project at ``root`` (its settings in ``mkdocs.yml``, its words in ``i18n/``, its
    data and content), print what was found; 0 when there are no mistakes. With ``output``
    ``github``, also as annotations and in the job summary (:mod:`~boligdialog.editors.annotations`)."""
    try:
        site = _load(root)
    except ValueError as exc:  # SOURCE_DATE_EPOCH that is not a number
        print(exc, file=sys.stderr)
        return 1
    except ValidationFailed as exc:
        groups = [annotations.Group("error", tr("Mistake in the data or content"), exc.errors)]
        if output == "github":
            print(annotations.annotations(groups), end="")
            annotations.write_summary(groups)
        print(exc.format_message(), file=sys.stderr)
        return 1
    groups = _report(root, site)
    if output == "github":
        print(annotations.annotations(groups), end="")
        annotations.write_summary(groups)
    return 0


def _report(root: Path, site: Site) -> list[annotations.Group]:
    """Print what a check without mistakes found; the notices, for annotations."""
    from boligdialog.editors import schemas

    print(tr("OK: {partners} partners, {meetings} meetings, {themes} themes, {pages} content pages.",
             partners=len(site.partners), meetings=len(site.meetings), themes=len(site.themes),
             pages=len(site.pages)))
    stale = []
    if site.notices:
        print(ntr("{n} thing to record:", "{n} things to record:", len(site.notices), n=len(site.notices)))
        for notice in site.notices:
            print(f"  {notice}")
    if schemas.ids_stale(root):
        text = tr("{path} does not list the ids in the data now, so editors' tools do not offer the newest; "
                  "run {command} and commit it", path=f"{schemas.FOLDER}/{schemas.IDS}", command=schemas.COMMAND)
        print(text)
        stale = [DataError(f"{schemas.FOLDER}/{schemas.IDS}", 1, "", text)]
    if site.missing_english:
        n = len(site.missing_english)
        print(ntr("{n} text exists only in Danish:", "{n} texts exist only in Danish:", n, n=n))
        for item in site.missing_english:
            print(f"  {item}")
    return [annotations.Group("warning", tr("To record"), annotations.from_lines(site.notices)),
            annotations.Group("warning", tr("Out of date"), stale),
            annotations.Group("notice", tr("Only in Danish"), annotations.from_lines(site.missing_english))]


def _messages(args: argparse.Namespace) -> int:
    from boligdialog.editors import catalogue

    path = catalogue.update()
    left = [p for p in catalogue.problems() if p.startswith("not translated")]
    print(f"{path}: {len(left)} message(s) to translate")
    for line in left:
        print(f"  {line}")
    return 0


def _schemas(args: argparse.Namespace) -> int:
    from boligdialog.editors import schemas

    if args.check:
        stale = schemas.stale(args.root)
        for name in stale:
            print(tr("{path} is out of date: run {command}", path=f"{schemas.FOLDER}/{name}",
                     command=schemas.COMMAND), file=sys.stderr)
        return 1 if stale else 0
    for name in schemas.write(args.root):
        print(tr("wrote {path}", path=f"{schemas.FOLDER}/{name}"))
    return 0


def _format(args: argparse.Namespace) -> int:
    from boligdialog.editors import formatting

    changed = formatting.format_files(args.root, write=not args.check)
    for path in changed:
        print(tr("{path} is not written in the one form of the data files: run {command}", path=path,
                 command=formatting.COMMAND) if args.check else tr("formatted {path}", path=path),
              file=sys.stderr if args.check else sys.stdout)
    return 1 if args.check and changed else 0


def _parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--lang", choices=translate.LANGUAGES,
                        help=tr("language of the messages: da (default) or en; also {env}", env=translate.ENV))
    parser = argparse.ArgumentParser(prog="boligdialog", description=tr("The editors' tool for the housing "
                                                                        "partnership's website."),
                                     parents=[common])
    sub = parser.add_subparsers(dest="command", required=True)
    check = sub.add_parser("check", parents=[common], help=tr("check data/ and content/ for mistakes"))
    check.add_argument("root", nargs="?", default=".", type=Path, help=tr("project folder (default: .)"))
    check.add_argument("--format", choices=("text", "github"), default="text",
                       help=tr("text (default), or github: each mistake as an annotation on its line"))
    check.set_defaults(run=_check)
    messages = sub.add_parser("messages", parents=[common], help=tr("update the Danish message catalogue "
                                                                    "from the code (for maintainers)"))
    messages.set_defaults(run=_messages)
    from boligdialog.editors import scaffold

    scaffold.add_commands(sub, common, check=run_check)
    from boligdialog.editors import init

    init.add_command(sub, common, ask=input if sys.stdin.isatty() else None, check=run_check)
    schemas = sub.add_parser("schemas", parents=[common], help=tr("write the JSON Schemas of the data files "
                                                                  "(schemas/), for editors' tools"))
    schemas.add_argument("root", nargs="?", default=".", type=Path, help=tr("project folder (default: .)"))
    schemas.add_argument("--check", action="store_true", help=tr("only say whether they are up to date"))
    schemas.set_defaults(run=_schemas)
    fmt = sub.add_parser("format", parents=[common], help=tr("write the data files in one form after a save in "
                                                             "the web editor (the schema line, keys in order)"))
    fmt.add_argument("root", nargs="?", default=".", type=Path, help=tr("project folder (default: .)"))
    fmt.add_argument("--check", action="store_true", help=tr("only say which files it would change"))
    fmt.set_defaults(run=_format)
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    early = argparse.ArgumentParser(add_help=False)
    early.add_argument("--lang", choices=translate.LANGUAGES)
    known, _rest = early.parse_known_args(argv)
    problem = translate.setting_problem()
    if problem and not known.lang:
        print(problem, file=sys.stderr)
        return 2
    with translate.use(known.lang or translate.language()):
        args = _parser().parse_args(argv)
        return args.run(args)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
