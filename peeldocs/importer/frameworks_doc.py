"""The manual's page on the PEEL frameworks (docs/frameworks.md), written from the data.

``python -m peeldocs.importer.frameworks_doc > docs/frameworks.md`` rewrites it;
a test checks the page and ``frameworks.yaml`` agree.
"""

from __future__ import annotations

from peeldocs.importer.frameworks import assessment_framework, cycles, pillar_frameworks, sources


def frameworks_markdown() -> str:
    """Return the manual's page listing every cycle's questions and areas with their sources."""
    out = [
        "# The PEEL frameworks",
        "",
        "What each PEEL cycle asks, as peeldocs holds it "
        "(`peeldocs/importer/frameworks.yaml`). `peeldocs import` uses it to place a "
        "question by its title and number it as the framework does, to know how many "
        "questions a pillar has where a source states it (so a copy holding fewer is "
        "said to be partial), and to read a grade a page gives as a sentence naming a "
        "question in short (\"Kent Police is outstanding at planning for the future.\"). "
        "Where a source seen does not confirm a list or a count, the data says so and "
        "the import states no count from it. This page is written from the data "
        "(`python -m peeldocs.importer.frameworks_doc`); a test keeps the two the same.",
        "",
    ]
    pillar_cycles, assessment_cycles = cycles()
    for cycle in pillar_cycles:
        out += [f"## PEEL {cycle}", "", f"Source: {sources()[cycle]}", ""]
        for fw in pillar_frameworks(cycle):
            count = (f"{fw.count} questions" if fw.count is not None else
                     "number of questions not confirmed by a source seen")
            listed = "" if fw.count is not None and fw.count == len(fw.questions) else \
                f"; titles known for {len(fw.questions)}"
            listed += "" if fw.titles_confirmed else "; titles not confirmed by a source seen"
            out += [f"### {fw.pillar.capitalize()} ({count}{listed})", "",
                    f"Headline: {' / '.join(fw.headlines)}", ""]
            if not fw.graded:
                out += [f"No overall judgment: {fw.ungraded}", ""]
            for q in fw.questions:
                short = f" In prose: {'; '.join(q.short)}." if q.short else ""
                ungraded = " Ungraded." if not q.graded else ""
                out.append(f"{q.number}. {q.title}{ungraded}{short}")
            out.append("")
    out += ["## Force assessments (2021/22 on)", "",
            "Each report states how many areas of policing it assessed (\"how good Kent "
            "Police is in ten areas of policing\"); the import takes the count from there.", ""]
    for cycle in assessment_cycles:
        af = assessment_framework(cycle)
        if af is None:
            continue
        state = "confirmed by the source" if af.confirmed else "not confirmed as complete"
        out += [f"### PEEL {cycle} ({len(af.areas)} areas listed, {state})", "",
                f"Source: {af.source}", ""]
        out += [f"- {area}" for area in af.areas] + [""]
    out += ["Contains public sector information licensed under the Open Government Licence "
            "v3.0.", ""]
    return "\n".join(out)


if __name__ == "__main__":
    print(frameworks_markdown(), end="")
