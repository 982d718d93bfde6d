"""Validation of the record fields (minutes, decisions, attachments): exact messages."""

from __future__ import annotations

import pytest

from boligdialog.model.errors import ValidationFailed
from boligdialog.site.load import load_site
from conftest import edit
from records_fixture import BUILD_DATE, add_records

REPORT = "content/referater/visionsforum-2027-1.md"

CASES = [
    ("data/decisions.yaml", "status: in_progress", "status: ongoing",
     "data/decisions.yaml:7: decisions[0].status: expected one of ['open', 'in_progress', 'done', 'dropped'] "
     "but received 'ongoing'"),
    ("data/decisions.yaml", "due: 2027-12", "due: next spring",
     "data/decisions.yaml:6: decisions[0].due: expected a date as YYYY-MM-DD, YYYY-MM or YYYY (like 2027-03-18) "
     "but received 'next spring'"),
    ("data/decisions.yaml", "owners: [albertslund-kommune]", "owners: [kommunen]",
     "data/decisions.yaml:5: decisions[0].owners[0]: expected one of ['albertslund-kommune', 'va', 'ab', "
     "'akb-albertslund', 'grundejerforeninger', 'andelsboligforeninger'] (partners) but received 'kommunen'"),
    ("data/decisions.yaml", "reported_at: visionsforum-2027-ekstra", "reported_at: visionsforum-2017-1",
     "data/decisions.yaml:8: decisions[0].reported_at: expected a meeting on or after 'visionsforum-2027-1', "
     "where the decision was taken, but received 'visionsforum-2017-1'"),
    ("data/meetings.yaml", "path: filer/dagsorden-2027-1.pdf", "path: filer/mangler.pdf",
     "data/meetings.yaml:43: meetings[1].files[0].path: expected an existing file under content/ "
     "but received 'filer/mangler.pdf'"),
    ("data/meetings.yaml", "path: filer/dagsorden-2027-1.pdf", "path: ../mkdocs.yml",
     "data/meetings.yaml:43: meetings[1].files[0].path: expected the path of a file inside content/, "
     "like 'filer/referat-2017.pdf', but received '../mkdocs.yml'"),
    ("data/meetings.yaml", "start: 2027-03-18 17:00\n    end: \"19:30\"", "start: 2027-03-18 17:00\n    end: \"16:30\"",
     "data/meetings.yaml:32: meetings[1].end: expected a time after the start 17:00 but received '16:30'"),
    (REPORT, "minutes: draft", "minutes: final",
     f"{REPORT}:5: minutes: expected one of ['draft', 'approved'] but received 'final'"),
    (REPORT, "minutes: draft", "minutes: approved",
     f"{REPORT}:2: approved_at: expected the id of the meeting that approved the minutes but received nothing"),
    (REPORT, "minutes: draft", "minutes: approved\napproved_at: visionsforum-2017-1",
     f"{REPORT}:6: approved_at: expected a meeting after 'visionsforum-2027-1' but received "
     "'visionsforum-2017-1', which came first"),
    (REPORT, "minutes: draft", "minutes: approved\napproved_at: visionsforum-2099-1",
     f"{REPORT}:6: approved_at: expected one of ['visionsforum-2017-1', 'visionsforum-2027-1', "
     "'visionsforum-2027-ekstra', 'visionsforum-2027-2', 'visionsforum-2028-1'] (meetings) but received "
     "'visionsforum-2099-1'"),
    (REPORT, "date: 2027-03-25", "date: 2027-03",
     f"{REPORT}:4: date: expected a full date (YYYY-MM-DD) but received '2027-03'"),
]


@pytest.mark.parametrize("file, old, new, message", CASES, ids=[c[3][:70] for c in CASES])
def test_record_fields_give_exact_messages(project, file, old, new, message):
    add_records(project)
    load_site(project, today=BUILD_DATE)  # the fixture itself is valid
    edit(project / file, old, new)
    with pytest.raises(ValidationFailed) as exc:
        load_site(project, today=BUILD_DATE)
    assert [str(e) for e in exc.value.errors] == [message]
