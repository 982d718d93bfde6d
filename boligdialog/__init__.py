"""boligdialog: the data model, validation and page generation behind the
publications of housing partnerships (its first site: this repository's).

Only :mod:`boligdialog.adapter.navigation` (which cuts MkDocs's navigation per language)
imports MkDocs; ``hooks/site.py`` adapts MkDocs's events to this package. The rest
are plain functions from data to text, so the site could move to another engine.
"""
