"""Notices a reader must not miss: constructed example data, and facts not found on import.

A pack built from an illustrative report says so on its cover and before every
run of quoted text; a report with unknown facts gets one warning on the cover
and a note at each place the fact appears.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable

from peeldocs.blocks import Block, Callout, Heading, Paragraph, ParaStyle, Text, Tone, plain
from peeldocs.model import Outcome, Passage, Question, Report, passage_text, unknown_facts
from peeldocs.model.report import text_recommendations
from peeldocs.options import Options
from peeldocs.prose import fragment
from peeldocs.sections.brief_items import quotation
from peeldocs.sections.calls import follow_ups, report_calls, untracked_calls
from peeldocs.sections.common import ours, quoted, wording
from peeldocs.sections.paper import linked
from peeldocs.wording import marks_note, render_text

ILLUSTRATIVE_TITLE = "Illustrative example: not an HMICFRS report"
QUOTE_LABEL = "Constructed for illustration; not the inspectorate’s words:"


def illustrative_callout(report: Report, options: Options) -> tuple[Block, ...]:
    """Return the cover's notice that the data is constructed, or nothing for a real report."""
    if not report.illustrative:
        return ()
    return (Callout(ILLUSTRATIVE_TITLE, ours("illustrative_note.j2", options), Tone.WARNING),)


# facts that hide findings
UNREAD_PATHS = ("questions_not_found", "areas_assessed", "questions_expected", "unseen")


def unknown_callout(report: Report, options: Options, what: str = "pack",
                    findings_only: bool = False) -> tuple[Block, ...]:
    """Return the one-time warning listing every fact not found in the imported text.

    ``what`` is the document it opens: "pack", "paper" or "response".  With
    ``findings_only`` (an s.55 response, which states no judgment) it lists only
    the questions or areas not found, whose findings the document would list.
    """
    facts = [f for f in unknown_facts(report) if not findings_only or f.path in UNREAD_PATHS]
    if not facts:
        return ()
    text = wording("unknown_warning.j2", options, facts=[f.what for f in facts], what=what)
    return (Callout("Check before use: facts not found in the imported text",
                    (Paragraph(plain(text)),), Tone.WARNING),)


def quoted_from(report: Report, paragraphs: tuple[Passage, ...]) -> tuple[Block, ...]:
    """Return quoted paragraphs, led by a label when the text is constructed, not HMICFRS's."""
    if not paragraphs:
        return ()
    if report.illustrative:
        return (Paragraph(plain(QUOTE_LABEL, italic=True), style=ParaStyle.SMALL),
                *quoted(paragraphs))
    return quoted(paragraphs)


# a full stop run into the next sentence with no space: "offending.The force"
_RUN_TOGETHER = re.compile(r"\b[a-z]{2,}[.!?][A-Z][a-z]+(?: [a-z]+)?")


def question_text(q: Question) -> str:
    """Return every word a question (or area) quotes from the report, as one string."""
    passages = [*q.summary, *q.intro, *(p for f in q.findings for p in f.paragraphs)]
    return " ".join(" ".join(passage_text(p) for p in passages).split())


def run_together(texts: Iterable[str]) -> str | None:
    """Return the first place the quoted ``texts`` run two sentences together, or None."""
    for text in texts:
        found = _RUN_TOGETHER.search(text)
        if found:
            return found.group()
    return None


def quoting_notes(report: Report, questions: Iterable[Question],
                  options: Options) -> tuple[Block, ...]:
    """Return what a section quoting the report says once at its head, before its quotations.

    The label of constructed text (not one per quotation), and the note that a
    slip in the source, such as a missing space after a full stop, is quoted as published.
    """
    qs = list(questions)
    blocks: list[Block] = []
    if report.illustrative and any(question_text(q) or q.areas_for_improvement or
                                   q.causes_of_concern or q.notable_practice for q in qs):
        blocks.append(Paragraph(plain(QUOTE_LABEL.rstrip(":") + ".", italic=True),
                                style=ParaStyle.SMALL))
    return tuple(blocks)


CONTENT_SECTIONS = ("summary", "questions", "actions")


def closes_pack(name: str, options: Options) -> bool:
    """Return True when section ``name`` closes the pack's text: where its notes go, once.

    The last of the summary, the findings and the action plan chosen: notes on
    method close the document, after everything they describe, as a section of
    their own (placed after the findings, a short note was often left alone on the
    page before the landscape action plan).
    """
    chosen = [s for s in options.sections if s in CONTENT_SECTIONS]
    return bool(chosen) and chosen[-1] == name


EARLIER_WORDS = 25
"""An earlier finding whose words its question's text holds is quoted in the question's
box up to this many words, from its opening (the text below gives it whole)."""


def quote_marks(report: Report, boxes: bool = True) -> tuple[bool, bool]:
    """Return whether the pack's quotations carry square brackets, and an ellipsis.

    Read 25-P: the notes explained an ellipsis in a pack that had none.  The marks
    are ours only where the pack quotes part of a passage: an earlier finding
    (:func:`fragment`), what the report now asks of it, and the report's other calls
    to act ("[The force] must …").  So the notes name only the marks a reader meets.
    ``boxes``: the document has the findings by question, whose boxes quote each
    earlier finding's opening (cut at a clause).
    """
    # an earlier finding is quoted: whole, or from its opening in its question's box when
    # its words are in that question's text (cut at a clause, with an ellipsis)
    said = {q.number: question_text(q) for q in report.questions}
    texts = [fragment(p.text, p.kind.value) for p in report.prior_findings
             if boxes or p.outcome is Outcome.NOT_ENOUGH_PROGRESS
             or " ".join(p.text.split()) not in said.get(p.question or -1, "")]
    texts += [quotation(t, EARLIER_WORDS) for t in texts] if boxes else []
    texts += [c.quote for c in report_calls(report)] + list(follow_ups(report).values())
    return any("[" in t for t in texts), any("…" in t for t in texts)


def about_pack(report: Report, options: Options) -> tuple[Block, ...]:
    """Return the short "Notes on this pack": how the pack quotes and what it tracks, said once.

    Notes on method stay out of the reader's way: the marks in quotations, the
    source's own typing slips, and the rule on which of the report's words become
    rows of the action plan.
    """
    brackets, ellipsis = quote_marks(report, "questions" in options.sections)
    slip = run_together(question_text(q) for q in report.questions)
    quotes = any(question_text(q) or q.areas_for_improvement or q.causes_of_concern
                 for q in report.questions)
    texts = render_text("about_pack.j2", options.template_dir, marked=brackets or ellipsis,
                        marks=marks_note(brackets, ellipsis), slip=slip or "",
                        quotes=quotes, overview=report.is_overview,
                        assessment=report.is_assessment,
                        causes=any(q.causes_of_concern for q in report.questions),
                        in_text=bool(text_recommendations(report)),
                        calls=bool(untracked_calls(report)),
                        # without a plan there is none to point to: what any action plan tracks
                        the_plan="the action plan" if options.plan is not None
                        else "an action plan")
    if not texts:
        return ()
    return (Heading(1, "Notes on this pack", anchor="about"),  # a section of its own: not a question
            *(Paragraph(plain(t), style=ParaStyle.SMALL) for t in texts))


def running_note(report: Report) -> str:
    """Return what the running header adds for a constructed report (else empty)."""
    return f" · {ILLUSTRATIVE_TITLE.upper()}" if report.illustrative else ""


_TAGS = {"cy": "cy-GB"}


def attribution(report: Report, options: Options, **ctx: object) -> tuple[Block, ...]:
    """Return the source and licence paragraphs, the report's own title marked in its language.

    The source line gives the report's web address, as a link, where the data
    holds it (``source_url``); where it does not, none is given.

    A Welsh report's title quoted in an English sentence is marked as Welsh, so that a
    screen reader speaks it right (a Welsh part's translation marks English words itself).
    """
    part = options.language.split("+")[0]
    # a Welsh part is translated whole sentence by sentence, and the translation marks the
    # English words in it: only an English part marks a Welsh title here
    tag = _TAGS["cy"] if part == "en" and report.language == "cy" else ""
    out: list[Block] = []
    for block in ours("attribution.j2", options, **ctx):
        # the source page's address, where the data has it, is a live link in every format
        block = dataclasses.replace(block, runs=linked(block.runs, report.source_url))
        if tag and report.title and isinstance(block, Paragraph):
            runs: list[Text] = []
            for run in block.runs:
                if isinstance(run, Text) and not run.lang and report.title in run.text:
                    before, _, after = run.text.partition(report.title)
                    runs += [dataclasses.replace(run, text=before),
                             dataclasses.replace(run, text=report.title, lang=tag),
                             dataclasses.replace(run, text=after)]
                else:
                    runs.append(run)  # type: ignore[arg-type]
            block = dataclasses.replace(block, runs=tuple(r for r in runs if r.text))
        out.append(block)
    return tuple(out)
