"""Read 29-S: the s.55 response in the signer's voice, with the duty as the Act words it.

1. s.55(5B): the action the local policing body has taken or proposes to take, or why it
   has not taken or does not propose to take any, in the letter and in the checks.
2. The letter is the signer's: "Dear HM Chief Inspector", "Yours sincerely" and a body in
   the first person ("This is my response, as …"; "Section 55 … requires me"); a body of
   several people writes "we" (the Mayor's Office for Policing and Crime, the Common
   Council); the headings say "My comments"; the same in Welsh.
4. Where the action may be "why no action is proposed", the owner and target date may go.
5. The checks name the recipients as s.55(6) does: the inspectors of constabulary and the
   Secretary of State.
"""

from __future__ import annotations

import dataclasses
import re
from datetime import date

import pytest
from docread import s55_cases, s55_text

from peeldocs import Options
from peeldocs.model import Force, Report

FORMATS = ("pdf", "docx", "html")
NOTES = "Before publishing: notes for the preparer (remove this part)"
THIRD_PERSON = ("This is the response of", "requires the Police and Crime Commissioner",
                "has been or will be taken", "why no action is proposed.")
DUTY = ("my comments must explain the action I have taken or propose to take in response to "
        "it, or why I have not taken or do not propose to take any action.")
UNLESS = ", or delete this row if no action is proposed}"


def _parts(report: Report, options: Options, fmt: str) -> tuple[str, str]:
    # a page may turn inside a sentence: its running head and foot are not the letter's
    text = s55_text(report, options, fmt)
    text = re.sub(r" ?(OFFICIAL )?(\{to be completed: the local policing body\}|Police and Crime "
                  r"Commissioner for Norfolk) · Response to HMICFRS PEEL [^ ]+ (effectiveness "
                  r"inspection|force assessment)( · ILLUSTRATIVE EXAMPLE: NOT AN HMICFRS REPORT)?"
                  r"( OFFICIAL)?", "", text)
    text = re.sub(r" ?Page \d+ of \d+( OFFICIAL)?", "", text)
    letter, notes = text.split(NOTES)
    return letter, notes


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_letter_is_in_the_first_person_and_states_the_bodys_own_duty(
        fmt: str, norfolk: Report, example: Report) -> None:
    for name, (report, options) in s55_cases(norfolk, example).items():
        letter, notes = _parts(report, options, fmt)
        assert "Dear HM Chief Inspector," in letter and "Yours sincerely," in letter
        known = name != "exampleshire"
        opening = ("This is my response, as Police and Crime Commissioner for Norfolk, to your "
                   "report “Norfolk PEEL 2018: Effectiveness”" if known else
                   "This is my response to your "
                   "report on the PEEL 2023–25 inspection of Exampleshire Constabulary")
        assert opening in letter, name
        assert "comments and my response to " in letter  # the statute's formula said once (read 30-S)
        assert "Section 55 of the Police Act 1996 requires me, as the local policing body, to " \
               "invite the chief constable’s comments" in letter, name
        assert DUTY in letter, name
        for said in THIRD_PERSON:
            assert said not in letter, (name, said)
        if known:  # headings in the signer's voice too
            assert "My comments {to be completed: the commissioner’s comments" in letter
            assert ("My response to the chief constable’s comments {to be completed: the "
                    "response, or none}") in letter
        body = "commissioner" if known else "local policing body"
        assert (f"Each recommendation has a response: the action the {body} has taken or "
                f"proposes to take, or why the {body} has not taken or does not propose to take "
                "any action (section 55(5B)).") in notes, name


def test_a_body_of_several_people_writes_we(norfolk: Report) -> None:
    for force, short in (("City of London Police", "City of London"),
                         ("Metropolitan Police Service", "Metropolitan")):
        report = dataclasses.replace(norfolk, force=Force(force, short))
        options = Options(document="s55", published=date(2019, 5, 2), as_of=date(2019, 6, 10))
        letter, _notes = _parts(report, options, "html")
        assert "This is our response, as the " in letter, force
        assert "requires us, as the local policing body," in letter, force
        assert ("our comments must explain the action we have taken or propose to take in "
                "response to it, or why we have not taken or do not propose to take any "
                "action.") in letter, force
        assert "Our comments {" in letter and " my " not in letter, force


def test_the_signers_voice_in_welsh(norfolk: Report, example: Report) -> None:
    for name, (report, options) in s55_cases(norfolk, example).items():
        welsh = dataclasses.replace(options, language="cy")
        # read 36: the HTML, whose paragraphs no page turn splits (a longer opening put one in
        # the Welsh PDF's statutory paragraph)
        text = s55_text(report, welsh, "html")
        # the body not known (the example): no "as …" to complete in the opening (read 31-S)
        assert ("Dyma fy ymateb, fel " if name != "exampleshire" else "Dyma fy ymateb i’ch") \
            in text, name
        assert "yn ei gwneud yn ofynnol i mi, fel y corff plismona lleol," in text, name
        assert ("rhaid i’m sylwadau egluro’r camau yr wyf wedi’u cymryd neu’n bwriadu eu "
                "cymryd mewn ymateb iddo, neu pam nad wyf wedi cymryd nac yn bwriadu cymryd "
                "unrhyw gamau.") in text, name
        assert "at arolygwyr cwnstabliaeth (adran 55(6))" in text, name
        assert "at yr Ysgrifennydd Gwladol (adran 55(6))" in text, name


@pytest.mark.parametrize("fmt", FORMATS)
def test_owner_and_date_may_go_where_no_action_may_be_proposed(
        fmt: str, norfolk: Report, example: Report) -> None:
    cases = s55_cases(norfolk, example)
    for name, (report, options) in cases.items():
        letter, _notes = _parts(report, options, fmt)
        open_actions = len(re.findall(r"\{to be completed: the action taken(?: by the report’s "
                                      r"deadline)? or planned, or why no action is proposed\}",
                                      letter))
        assert open_actions, name
        assert letter.count("Owner {to be completed: the owner" + UNLESS) == open_actions, name
        assert letter.count("{to be completed: the target date" + UNLESS) == open_actions, name
        assert "{to be completed: the owner}" not in letter
    # an action the plan records keeps its owner and date as the plan gives them
    letter, _notes = _parts(*cases["norfolk-with-plan"], fmt)
    entry = letter[letter.index("Reference E2-AFI-1"):letter.index("Reference E2-AFI-2")]
    entry = entry.replace("{to be completed: the commissioner’s view of this progress, or delete "
                          "this row}", "")  # read 33: the signer's own view, to give or delete
    assert "Target date 31 December 2019" in entry and "delete this row" not in entry


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_checks_name_the_recipients_as_the_act_does(
        fmt: str, norfolk: Report, example: Report) -> None:
    for name, (report, options) in s55_cases(norfolk, example).items():
        letter, notes = _parts(report, options, fmt)
        assert ("A copy of the published response has been sent to the inspectors of "
                "constabulary (section 55(6)).") in notes, name
        assert ("A copy of the published response has been sent to the Secretary of State "
                "(section 55(6)).") in notes, name
        assert "Copy to the Home Secretary (section 55(6))" in letter, name
