"""A Markdown renderer for peeldocs packs: the smallest complete renderer."""

from __future__ import annotations

from peeldocs import blocks as b
from peeldocs.errors import UnsupportedBlockError
from peeldocs.options import Options

SPECIAL = str.maketrans({c: "\\" + c for c in "\\`*_[]<>#|"})


def text(runs: tuple[b.Inline, ...]) -> str:
    """Markdown for inline runs, with Markdown's special characters escaped."""
    out = []
    for run in runs:
        words = run.text.translate(SPECIAL)
        if isinstance(run, b.Placeholder):
            out.append(f"**{run.shown.translate(SPECIAL)}**")
        elif isinstance(run, b.Link):
            out.append(f"[{words}](<{run.url}>)")
        elif run.bold:
            out.append(f"**{words}**")
        elif run.italic:
            out.append(f"*{words}*")
        else:
            out.append(words)
    return "".join(out)


def block(blk: b.Block) -> str:
    """Markdown for one block."""
    match blk:
        case b.Heading():
            return "#" * blk.level + " " + blk.text.translate(SPECIAL)
        case b.Paragraph():
            return ("> " if blk.style is b.ParaStyle.QUOTE else "") + text(blk.runs)
        case b.NumberedParagraph():
            return f"{blk.number.translate(SPECIAL)}  {text(blk.runs)}"
        case b.BulletList():
            return "\n".join(f"- {text(item)}" for item in blk.items)
        case b.Table():
            strong = {len(blk.header) + r for r in blk.highlight_rows}
            rows = [*blk.header, *blk.rows]
            width = len(blk.widths)
            lines = ["| " + " | ".join(text(tuple(b.Text(x.text, bold=True)
                                                  if i in strong and isinstance(x, b.Text)
                                                  else x for x in c.runs)) for c in row) + " |"
                     for i, row in enumerate(rows)]
            lines.insert(1, "|" + " --- |" * width)
            return "\n".join(lines)
        case b.GradeBadge():
            return f"**{blk.key}: {blk.label}**" + (f" ({blk.note})" if blk.note else "")
        case b.StatPanel():
            return "\n".join(f"- **{i.value}** {i.label}" for i in blk.items)
        case b.Figure():
            return f"*{blk.caption}*: {blk.alt}"
        case b.Callout():  # its title a heading where it is one in the outline
            title = "#" * blk.level + f" {blk.title}" if blk.level else f"**{blk.title}**"
            return f"{title}\n\n" + "\n\n".join(block(c) for c in blk.body)
        case b.PageBreak():
            return "---"
        case b.Contents():
            return ""
    raise UnsupportedBlockError(f"markdown cannot write a {type(blk).__name__} block")


class MarkdownRenderer:
    """Render a pack as Markdown."""

    name = "markdown"
    suffix = ".md"
    media_type = "text/markdown"

    def render(self, pack: b.Pack, options: Options) -> bytes:
        """Return the pack as UTF-8 Markdown."""
        parts = [block(blk) for section in pack.sections for blk in section.blocks]
        return ("\n\n".join(p for p in parts if p) + "\n").encode("utf-8")
