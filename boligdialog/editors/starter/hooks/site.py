"""MkDocs' way in to the boligdialog generator (its events: boligdialog.adapter.hooks)."""
from boligdialog.adapter.hooks import events
globals().update(events())   # a fresh generator object per loaded config
