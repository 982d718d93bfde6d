"""boligdialog: the data model, validation and page generation behind the
publications of housing partnerships (its first site: this repository's).

Only :mod:`boligdialog.adapter` imports MkDocs: :mod:`~boligdialog.adapter.hooks` adapts
MkDocs's events to this package (a site's ``hooks/site.py`` takes its events from there),
:mod:`~boligdialog.adapter.navigation` cuts MkDocs's navigation per language. The rest
are plain functions from data to text, so the site could move to another engine.
"""
