"""boligdialog: the data model, validation and page generation behind the
Albertslund housing partnership website.

Nothing in this package imports MkDocs except :mod:`boligdialog.mkdocs_adapter`;
the rest are plain functions from data to text, so the site could move to
another engine.
"""
