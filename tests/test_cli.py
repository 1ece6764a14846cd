"""The ``sphinx-profile`` command, the JSON Schemas and the guide tables made from the models."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from support import REPO, ROOTS, build_site, warnings_of

from sphinx_profile.cli import COMMANDS, main
from sphinx_profile.data.loader import load_yaml_file
from sphinx_profile.data.models import RECORD_MODELS, Model
from sphinx_profile.data.schema import field_rows, file_schema
from sphinx_profile.data.store import clear_cache


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A working directory holding a copy of the repository's ``data`` folder."""
    shutil.copytree(REPO / "data", tmp_path / "data")
    monkeypatch.chdir(tmp_path)
    clear_cache()
    return tmp_path


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


# -- validate ----------------------------------------------------------------------------


def test_validate_clean_folder_says_how_many_files_and_exits_0(site: Path, capsys):
    count = len([path for path in (site / "data").iterdir() if path.suffix == ".yaml"])
    status, out, err = run(capsys, "validate")
    assert (status, out, err) == (0, f"checked {count} data files: no problems\n", "")


def test_validate_prints_every_problem_of_every_file_with_line_and_column(site: Path, capsys):
    data = site / "data"
    (data / "publications.yaml").write_text(
        "- id: a\n  title: A\n  venu: X\n- id: b\n  title: [B]\n- id: a\n  title: C\n"
    )
    (data / "experience.yaml").write_text(
        "- organization: X\n  start: 2024\n  end: 2023\n  url: javascript:alert(1)\n"
    )
    (data / "talks.yaml").write_text("- id: t\n  title: [unclosed\n")
    (data / "profile.yaml").write_text("name: Ada\navatar: ../../etc/passwd\n")
    status, out, err = run(capsys, "validate")
    assert status == 1
    assert err == ""
    assert out.splitlines() == [
        "data/experience.yaml:3:8: end: start 2024 is after end 2023",
        "data/experience.yaml:4:8: url: unsafe link 'javascript:alert(1)': only http, https, "
        "mailto, doi: and arXiv: links or relative paths are allowed",
        "data/profile.yaml:2: avatar '../../etc/passwd' lies outside the data folder; "
        "it is not shown",
        "data/publications.yaml:3:3: unknown key 'venu'; did you mean 'venue'?",
        "data/publications.yaml:5:10: entry left out: title: expected text, got a list",
        "data/publications.yaml:6:7: entry left out: duplicate id 'a' (first defined at line 1)",
        "data/talks.yaml:3:1: YAML syntax error: expected ',' or ']', but got '<stream end>' "
        "while parsing a flow sequence",
        f"checked {len(list(data.glob('*.yaml')))} data files: 7 problems",
    ]


def test_validate_json_output_for_tools(site: Path, capsys):
    (site / "data" / "news.yaml").write_text("- date: someday\n  text: Hi\n- text: No date\n")
    status, out, _ = run(capsys, "validate", "--format", "json", "data")
    assert status == 1
    assert json.loads(out) == [
        {
            "file": "data/news.yaml",
            "line": 1,
            "column": 9,
            "message": "entry left out: date: invalid date 'someday': "
            "use YYYY, YYYY-MM, YYYY-MM-DD or 'present'",
            "subtype": "data",
        },
        {
            "file": "data/news.yaml",
            "line": 3,
            "column": 3,
            "message": "entry left out: missing required key 'date'",
            "subtype": "data",
        },
    ]
    status, out, _ = run(capsys, "validate", "--format", "json")
    (site / "data" / "news.yaml").write_text("- date: 2024\n  text: Hi\n")
    status, out, _ = run(capsys, "validate", "--format", "json")
    assert (status, json.loads(out)) == (0, [])


def test_validate_files_by_name_with_kind_and_usage_errors(site: Path, capsys):
    talks = site / "data" / "seminars.yaml"
    talks.write_text("- id: t\n  titel: A talk\n")
    assert run(capsys, "validate", str(talks)) == (
        2,
        "",
        f"sphinx-profile validate: cannot tell what {talks} holds; say it with --kind\n",
    )
    status, out, _ = run(capsys, "validate", "--kind", "publications", str(talks))
    assert status == 1
    assert out.splitlines() == [
        f"{talks}:2:3: entry left out: unknown key 'titel'; did you mean 'title'?",
        "checked 1 data file: 1 problem",
    ]
    assert run(capsys, "validate", "nowhere") == (
        2,
        "",
        "sphinx-profile validate: no such file or folder: nowhere\n",
    )
    (site / "empty").mkdir()
    assert run(capsys, "validate", "empty") == (
        1,
        "",
        "sphinx-profile validate: no data files found in empty\n",
    )


def test_validate_checks_other_tools_files_as_each_kind_they_hold(tmp_path: Path, capsys):
    shutil.copytree(ROOTS / "test-formats" / "data", tmp_path / "data")
    resume = tmp_path / "data" / "resume.json"
    resume.write_text(resume.read_text().replace('"1930"', '"autumn 1930"'))
    line = next(n for n, text in enumerate(resume.open(), start=1) if "autumn" in text)
    status, out, _ = run(capsys, "validate", str(tmp_path / "data"))
    assert status == 1
    lines = out.splitlines()
    # What the build reports too: the fields and sections no page shows, once each.
    not_shown = [text for text in lines if " is not shown: " in text]
    assert f"{resume}:83:7: field 'education[].courses' is not shown: no page shows it" in not_shown
    assert len(not_shown) == len(set(not_shown)) > 1
    assert [text for text in lines if text not in not_shown] == [
        f"{resume}:{line}:20: startDate: invalid date 'autumn 1930': use YYYY, YYYY-MM, "
        "YYYY-MM-DD or 'present'",
        f"checked 3 data files: {len(not_shown) + 1} problems",
    ]


def test_validate_too_large_file(site: Path, capsys):
    status, out, _ = run(capsys, "validate", "--max-file-size", "100", "data")
    assert status == 1
    assert "data/publications.yaml:1:1: file is " in out
    assert "above the limit of 100 (raise profile_max_file_size" in out


def test_validate_runs_as_a_module_and_as_the_installed_command(site: Path):
    module = subprocess.run(
        [sys.executable, "-m", "sphinx_profile.cli", "validate"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert (module.returncode, module.stdout.endswith(": no problems\n")) == (0, True)
    script = Path(sys.executable).parent / "sphinx-profile"
    if not script.exists():
        pytest.skip("the package is not installed with its scripts")
    installed = subprocess.run([script, "--version"], capture_output=True, text=True, check=False)
    assert installed.stdout.startswith("sphinx-profile ")


def test_pre_commit_hook_runs_the_installed_command():
    (hook,) = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text())
    assert hook["id"] == "sphinx-profile-validate"
    assert hook["entry"] == "sphinx-profile validate"
    assert hook["pass_filenames"] is False
    pyproject = (REPO / "pyproject.toml").read_text()
    assert 'sphinx-profile = "sphinx_profile.cli:main"' in pyproject


def test_subcommands_are_listed_once():
    assert [command.NAME for command in COMMANDS] == [
        "init",
        "import",
        "validate",
        "schema",
        "citations",
    ]


# -- schema ------------------------------------------------------------------------------


def test_schema_command_writes_one_valid_schema_per_data_file(tmp_path: Path, capsys):
    status, out, _ = run(capsys, "schema", "--output", str(tmp_path / "schemas"))
    assert status == 0
    written = sorted(path.name for path in (tmp_path / "schemas").iterdir())
    assert written == sorted(f"{kind}.schema.json" for kind in RECORD_MODELS)
    assert out.startswith(f"wrote {len(written)} schema files to {tmp_path / 'schemas'}: ")
    for name in written:
        schema = json.loads((tmp_path / "schemas" / name).read_text())
        jsonschema.Draft202012Validator.check_schema(schema)
    status, out, _ = run(capsys, "schema", "--kind", "news")
    assert json.loads(out) == file_schema("news")


def validator(kind: str) -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(file_schema(kind))


def errors(kind: str, data: Any) -> list[str]:
    return sorted(error.message for error in validator(kind).iter_errors(data))


@pytest.mark.parametrize("path", sorted((REPO / "data").glob("*.yaml")), ids=lambda p: p.name)
def test_repository_data_files_satisfy_their_schema(path: Path):
    assert errors(path.stem, load_yaml_file(path).data) == []


def test_schema_accepts_every_shape_the_models_accept():
    assert (
        errors(
            "publications",
            [
                {
                    "id": "a",
                    "title": 1.10,
                    "authors": ["Jane Doe*", {"name": "John", "url": "https://x.org"}],
                    "abbr": "ICLR",
                    "releaseDate": "2024-01",
                    "links": {"code": "https://github.com/x", "doi": "doi:10.1/x"},
                    "topics": "one topic",
                    "url_pdf": "papers/a.pdf",
                },
                {"id": "b", "title": "B", "links": [{"label": "mail", "url": "mailto:a@b.org"}]},
            ],
        )
        == []
    )
    assert (
        errors(
            "experience",
            [
                {"company": "X", "startDate": 2020, "end_date": "present", "hosts": "A Host"},
                {"name": "Y", "date_start": "2020-01", "hosts": ["A", {"name": "B"}]},
            ],
        )
        == []
    )
    assert errors("profile", {"name": "Ada", "links": {"github": "https://github.com/ada"}}) == []
    assert errors("news", None) == []  # an empty file


def test_schema_rejects_what_the_models_reject():
    assert errors("publications", [{"id": "a", "title": "A", "venu": "X"}]) == [
        "Additional properties are not allowed ('venu' was unexpected)"
    ]
    assert errors("publications", [{"title": "A"}]) == ["'id' is a required property"]
    assert errors("publications", [{"id": "a", "title": "A", "type": "blog"}]) != []
    assert errors("publications", [{"id": "a", "title": "A", "links": {"x": "javascript:x"}}])
    assert errors("experience", [{"organization": "X", "url": " JavaScript:alert(1)"}])
    assert errors("experience", [{"position": "no organization in any spelling"}])
    assert errors("news", [{"date": "next spring", "text": "T"}])
    assert errors("profile", [{"name": "a list, not a mapping"}])


def test_schema_describes_aliases_with_their_origin():
    properties = file_schema("experience")["$defs"]["Experience"]["properties"]
    assert properties["startDate"]["description"] == "Another name of `start` (JSON Resume)."
    assert (
        properties["company"]["description"]
        == "Another name of `organization` (RenderCV, HugoBlox)."
    )
    assert properties["organization"]["description"] == "The company, lab or project."


def _all_models() -> list[type[Model]]:
    found: list[type[Model]] = []
    pending = list(Model.__subclasses__())
    while pending:
        model = pending.pop()
        found.append(model)
        pending.extend(model.__subclasses__())
    return found


@pytest.mark.parametrize("model", _all_models(), ids=lambda model: model.__name__)
def test_every_field_is_described(model: type[Model]):
    undescribed = [row.key for row in field_rows(model) if not row.description]
    assert undescribed == []


def test_documented_aliases_include_the_common_spellings_of_other_tools():
    aliases = {
        (kind, row.key): {alias for alias, _ in row.aliases}
        for kind, model in RECORD_MODELS.items()
        for row in field_rows(model)
    }
    assert {"startDate", "start_date", "date_start"} <= aliases[("experience", "start")]
    assert {"endDate", "end_date", "date_end"} <= aliases[("education", "end")]
    assert {"company", "name"} <= aliases[("experience", "organization")]
    assert "studyType" in aliases[("education", "degree")]
    assert "abbr" in aliases[("publications", "venue_short")]
    assert "publisher" in aliases[("publications", "venue")]
    assert "releaseDate" in aliases[("publications", "date")]
    assert {("education", "area"), ("education", "institution"), ("experience", "highlights")} <= (
        set(aliases)
    )
    assert {f"url_{label}" for label in ("pdf", "code", "slides", "video", "project")} <= {
        key for kind, key in aliases if kind == "publications"
    }


# -- the guide's generated tables --------------------------------------------------------


def test_guide_tables_list_every_field_and_alias_of_the_models(tmp_path: Path):
    srcdir = tmp_path / "guide"
    srcdir.mkdir()
    (srcdir / "conf.py").write_text(
        "import sys\n"
        f"sys.path.insert(0, {str(REPO / 'docs' / '_ext')!r})\n"
        'extensions = ["profile_reference"]\n'
    )
    kinds = [*RECORD_MODELS, "Link", "Author", "PersonRef"]
    directives = "\n\n".join(f".. profile-fields:: {kind}" for kind in kinds)
    (srcdir / "index.rst").write_text(
        f"Guide\n=====\n\n{directives}\n\n.. profile-aliases::\n\n.. profile-subtypes::\n"
    )
    app = build_site(srcdir, "text")
    assert warnings_of(app) == ""
    text = " ".join((app.outdir / "index.txt").read_text().split())
    for model in RECORD_MODELS.values():
        for row in field_rows(model):
            assert f'"{row.key}"' in text
            for alias, tools in row.aliases:
                assert f'"{alias}"' in text
                for tool in tools:
                    assert tool in text
    for subtype in ("data", "file", "url", "config", "option", "ref", "dependency"):
        assert f'"profile.{subtype}"' in text


def test_validate_reads_yml_and_bib_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys):
    pytest.importorskip("pybtex")
    monkeypatch.chdir(tmp_path)
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "publications.yml").write_text("- id: a\n  title: A\n  venu: X\n")
    (tmp_path / "data" / "refs.bib").write_text(
        "@article{a, title={A}, author={Doe, Jane}, year={2024}}\n"
        "@article{b, title={B}, author={Doe, Jane}, year={2024}, url={javascript:alert(1)}}\n"
    )
    status, out, _ = run(capsys, "validate")
    assert status == 1
    lines = out.splitlines()
    assert lines[0] == "data/publications.yml:3:3: unknown key 'venu'; did you mean 'venue'?"
    assert lines[1].startswith("data/refs.bib:2:")
    assert "unsafe link 'javascript:alert(1)'" in lines[1]
    assert lines[2:] == ["checked 2 data files: 2 problems"]
