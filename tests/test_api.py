"""The public API is discoverable: every name listed, lazily imported, documented with an
example; output goes to paths or binary file objects."""

from __future__ import annotations

import inspect
import io
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import DATA, ROOT

import peeldocs
from peeldocs.errors import OptionError, OptionTypeError


def test_all_and_dir_list_every_public_name() -> None:
    public = set(peeldocs.__all__)
    assert {"load_report", "build_pack", "render", "write_pack", "Options", "Marking", "to_json",
            "load_plan", "assess_plan", "init_plan", "plan_to_json", "DataError"} <= public
    assert public <= set(dir(peeldocs))
    assert not {"Any", "TYPE_CHECKING", "annotations"} & set(dir(peeldocs))
    for name in public:
        assert getattr(peeldocs, name) is not None


def test_dir_and_import_stay_lazy() -> None:
    code = ("import sys, peeldocs; names = dir(peeldocs); "
            "heavy = [m for m in ('peeldocs.options', 'peeldocs.model', 'reportlab', 'docx', 'yaml') "
            "if m in sys.modules]; print(len(names), heavy)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         cwd=ROOT).stdout
    assert out.strip().endswith("[]"), out


@pytest.mark.parametrize("name", sorted(set(peeldocs.__all__) - {"__version__"}))
def test_every_public_name_has_a_docstring_with_an_example(name: str) -> None:
    obj = getattr(peeldocs, name)
    doc = inspect.getdoc(obj) or ""
    assert doc.strip(), f"{name} has no docstring"
    if inspect.isclass(obj) and issubclass(obj, BaseException):
        return  # exceptions are shown raised in the examples of the functions that raise them
    assert ">>>" in doc, f"{name}'s docstring has no example"


def test_write_pack_takes_a_binary_file_object(norfolk: peeldocs.Report, tmp_path: Path) -> None:
    options = peeldocs.Options(sections="cover")
    buffer = io.BytesIO()
    assert peeldocs.write_pack(norfolk, options, "pdf", buffer) == []
    assert buffer.getvalue().startswith(b"%PDF-")
    with open(tmp_path / "pack.docx", "wb") as fh:
        peeldocs.write_pack(norfolk, options, ["DOCX"], fh)
    import docx

    assert docx.Document(str(tmp_path / "pack.docx")).paragraphs


def test_write_pack_to_a_file_object_refuses_several_formats_and_text_files(
        norfolk: peeldocs.Report) -> None:
    with pytest.raises(OptionError, match="one format"):
        peeldocs.write_pack(norfolk, None, "pdf,docx", io.BytesIO())
    with pytest.raises(OptionTypeError, match="binary file object"):
        peeldocs.write_pack(norfolk, None, "html", io.StringIO())
    with pytest.raises(OptionTypeError, match="folder or a binary file object"):
        peeldocs.write_pack(norfolk, None, "html", 42)  # type: ignore[arg-type]


def test_write_pack_takes_formats_as_text_and_paths_as_text(norfolk: peeldocs.Report,
                                                            tmp_path: Path) -> None:
    written = peeldocs.write_pack(norfolk, None, "PDF, html", str(tmp_path / "out"))
    assert [p.suffix for p in written] == [".pdf", ".html"]
    assert all(p.stat().st_size > 1000 for p in written)


def test_write_pack_says_which_folder_cannot_be_written(norfolk: peeldocs.Report,
                                                        tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("mine")
    with pytest.raises(peeldocs.OutputError) as info:
        peeldocs.write_pack(norfolk, None, "html", blocker / "out")
    assert str(info.value) == f"cannot write {blocker / 'out'}: part of the path is a file, not a folder"
    assert isinstance(info.value, OSError)
    assert blocker.read_text() == "mine"


def test_plans_are_loaded_assessed_and_written_through_the_package(tmp_path: Path) -> None:
    from datetime import date

    report = peeldocs.load_report(DATA)
    out = tmp_path / "plan.yaml"
    result = peeldocs.init_plan(report, out)
    assert result.written and result.added
    plan = peeldocs.load_plan(out, report, as_of=date(2019, 10, 15))
    assert isinstance(plan, peeldocs.Plan)
    states = peeldocs.assess_plan(plan, date(2019, 10, 15))
    assert [s.item.finding for s in states] and len(states) == len(result.added)
    example = peeldocs.load_plan(ROOT / "examples" / "norfolk-2018-action-plan.yaml", report,
                                 as_of=date(2019, 10, 15))
    assert any(s.overdue for s in peeldocs.assess_plan(example, date(2021, 1, 1)))


def test_all_names_exactly_the_lazy_exports() -> None:
    from peeldocs import _LAZY

    assert set(peeldocs.__all__) == set(_LAZY) | {"__version__"}
    assert len(peeldocs.__all__) == len(set(peeldocs.__all__))
