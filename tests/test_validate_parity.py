"""``sphinx-profile validate`` reports what the build reports.

Every file of the malformed corpus (``tests/malformed``) is put in a site of its
own folder, ``data/<name>/<kind>.yaml``, and shown by the directive of its kind.
The site is built once; then ``validate`` checks each folder (folder mode) and
each file with ``--kind`` (file mode). The ``(file, line, message, subtype)``
of the build's warnings and of each mode must be the same sets. (A problem of a
whole file has no line in ``validate``; the build puts it at line 1, and so does
the comparison.)

Then each test root is built, and ``validate`` of its data folder must report the
warnings of the build that point into that folder.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from support import ROOTS, build_site, copy_root, data_site, skip_without_myst, warnings_of

from sphinx_profile.cli import CLOSED_PIPE, main
from sphinx_profile.data.store import clear_cache

MALFORMED = Path(__file__).parent / "malformed"
EXPECT = re.compile(rb"^# expect: (?P<kind>[\w-]+)\.yaml:", re.MULTILINE)
WARNING = re.compile(
    r"^(?P<file>.+?):(?P<line>\d+): WARNING: (?P<message>.*) \[profile\.(?P<subtype>[\w-]+)\]$"
)
DIRECTIVES = {
    "publications": "publication-list",
    "experience": "experience",
    "education": "education",
    "projects": "projects",
    "news": "news",
    "profile": "profile",
    "people": "people",
}

Problem = tuple[str, int, str, str]


def corpus() -> dict[str, str]:
    """name -> kind of every corpus file."""
    found = {}
    for path in sorted(MALFORMED.glob("*.yaml")):
        match = EXPECT.search(path.read_bytes())
        assert match is not None, path
        found[path.stem] = match["kind"].decode()
    return found


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, set[Problem]]:
    srcdir = data_site(tmp_path_factory.mktemp("parity"), {})
    pages = []
    for name, kind in corpus().items():
        folder = srcdir / "data" / name
        folder.mkdir(parents=True)
        shutil.copy(MALFORMED / f"{name}.yaml", folder / f"{kind}.yaml")
        title = f"Page {name}"
        (srcdir / f"{name}.rst").write_text(
            f"{title}\n{'=' * len(title)}\n\n"
            f".. {DIRECTIVES[kind]}::\n   :source: {name}/{kind}.yaml\n"
        )
        pages.append(name)
    (srcdir / "index.rst").write_text(
        "Corpus\n======\n\n.. toctree::\n\n" + "".join(f"   {p}\n" for p in pages)
    )
    return srcdir, build_warnings(srcdir)


def validate(capsys: pytest.CaptureFixture[str], srcdir: Path, *argv: str) -> set[Problem]:
    clear_cache()
    # What the build printed before (an extension's notice on import) is not validate's output.
    capsys.readouterr()
    main(["validate", "--format", "json", *argv])
    captured = capsys.readouterr()
    assert captured.err == ""
    return {
        (
            Path(os.path.abspath(problem["file"])).relative_to(srcdir).as_posix(),
            problem["line"] or 1,
            problem["message"],
            problem["subtype"],
        )
        for problem in json.loads(captured.out)
    }


def test_the_build_reports_a_problem_of_every_corpus_file(site):
    _, built = site
    assert {file for file, *_ in built} == {
        f"data/{name}/{kind}.yaml" for name, kind in corpus().items()
    }


def test_folder_mode_reports_what_the_build_reports(site, capsys):
    srcdir, built = site
    folders = [str(srcdir / "data" / name) for name in corpus()]
    assert validate(capsys, srcdir, *folders) == built


def test_file_mode_reports_what_the_build_reports(site, capsys):
    srcdir, built = site
    checked: set[Problem] = set()
    for name, kind in corpus().items():
        checked |= validate(
            capsys, srcdir, "--kind", kind, str(srcdir / "data" / name / f"{kind}.yaml")
        )
    assert checked == built


def build_warnings(srcdir: Path, **kwargs: Any) -> set[Problem]:
    """``(file, line, message, subtype)`` of every warning of a build: all must be the
    extension's own (``[profile.<subtype>]``)."""
    app = build_site(srcdir, **kwargs)
    found: set[Problem] = set()
    for line in warnings_of(app).splitlines():
        match = WARNING.match(line)
        assert match is not None, f"not a data warning: {line}"
        file = Path(os.path.abspath(match["file"])).relative_to(srcdir).as_posix()
        found.add((file, int(match["line"]), match["message"], match["subtype"]))
    return found


def test_a_folder_named_like_a_data_file_is_reported_by_both(tmp_path, capsys):
    """``data/publications.yaml/`` is what the build reads by default: both refuse it."""
    srcdir = data_site(
        tmp_path / "site",
        {
            "data/news.yaml": "- date: 2024-05\n  text: Hello\n",
            "index.rst": "Home\n====\n\n.. publication-list::\n\n.. news::\n",
        },
    )
    (srcdir / "data" / "publications.yaml").mkdir()
    built = build_warnings(srcdir)
    assert built == {
        ("data/publications.yaml", 1, "refused: it is a folder, not a regular file", "file")
    }
    assert validate(capsys, srcdir, str(srcdir / "data")) == built
    assert validate(capsys, srcdir, str(srcdir / "data" / "publications.yaml")) == built


def test_closed_pipe_ends_quietly(tmp_path):
    """``sphinx-profile validate data | head -1``: no traceback when ``head`` stops reading."""
    data = tmp_path / "data"
    data.mkdir()
    # Far more output than a pipe holds, so that writing fails once the reader is gone.
    entries = "".join(f"- id: p{n}\n  title: Paper {n}\n  venu: Somewhere\n" for n in range(3000))
    (data / "publications.yaml").write_text(entries)
    process = subprocess.Popen(
        [sys.executable, "-m", "sphinx_profile.cli", "validate", str(data)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None and process.stderr is not None
    first = process.stdout.readline()
    process.stdout.close()
    errors = process.stderr.read()
    status = process.wait()
    assert first.endswith("publications.yaml:3:3: unknown key 'venu'; did you mean 'venue'?\n")
    assert errors == ""
    assert status == CLOSED_PIPE


# -- every test root: the data-file warnings of its build ----------------------------------

PAIRING = re.compile(
    r"^overlay id '.*' matches no publication of "
    r"|^field 'google_scholar_id' is not shown: the profile has no Google Scholar link"
)
"""A problem of how a page pairs two files (an ``:overlay:`` with its list, a list with
the profile that gives the Scholar user id), which only the build, reading the page,
can know."""


@pytest.mark.parametrize("root", sorted(path.name for path in ROOTS.iterdir()))
def test_validate_of_a_data_folder_reports_what_its_build_reports(tmp_path, capsys, root):
    skip_without_myst(ROOTS / root)
    srcdir = copy_root(root.removeprefix("test-"), tmp_path / "site")
    data = (srcdir / "data").resolve()
    built = {
        problem
        for problem in build_warnings(srcdir, confoverrides={"html_theme": "basic"})
        if (srcdir / problem[0]).resolve().is_relative_to(data) and not PAIRING.match(problem[2])
    }
    assert validate(capsys, srcdir, str(srcdir / "data")) == built


DEEP = "*" * 400 + "w" + "*" * 400
HOSTILE_FILES: dict[str, dict[str, str]] = {
    "deep-markdown": {"news.yaml": f'- date: 2024-01-01\n  text: "{DEEP}"\n'},
    "long-number": {"publications.yaml": "- id: a\n  title: " + "9" * 5000 + "\n"},
    "alias-heavy": {
        "publications.yaml": "- id: a\n  title: &t "
        + "x" * 100_000
        + "\n"
        + "".join(f"- id: p{i}\n  title: *t\n" for i in range(50))
    },
    "macro-heavy": {
        "refs.bib": '@string{m0 = "ab"}\n'
        + "".join(f"@string{{m{i} = m{i - 1} # m{i - 1}}}\n" for i in range(1, 40))
        + "@misc{a, title = m39}\n"
    },
    "svg-script": {
        "profile.yaml": "name: Ada\navatar: me.svg\n",
        "me.svg": '<svg xmlns="http://www.w3.org/2000/svg" onload="x()"><script>x()</script></svg>',
    },
    "not-a-png": {
        "people.yaml": "- id: bob\n  name: Bob\n  role: PhD student\n  photo: bob.png\n",
        "bob.png": "<html></html>",
    },
}
PAGES = {
    "news.yaml": ".. news::",
    "publications.yaml": ".. publication-list::",
    "refs.bib": ".. publication-list::\n   :source: refs.bib",
    "profile.yaml": ".. profile::",
    "people.yaml": ".. people::",
}


def hostile_site(folder: Path, files: dict[str, str]) -> Path:
    shown = "\n\n".join(PAGES[name] for name in files if name in PAGES)
    data: dict[str, str | bytes] = {f"data/{name}": content for name, content in files.items()}
    return data_site(folder, {**data, "index.rst": f"Home\n====\n\n{shown}\n"})


@pytest.mark.parametrize("name", list(HOSTILE_FILES))
def test_hostile_files_are_reported_alike_by_both(name: str, tmp_path: Path, capsys):
    srcdir = hostile_site(tmp_path / "site", HOSTILE_FILES[name])
    built = build_warnings(srcdir)
    assert built, "the build gave no warning"
    assert validate(capsys, srcdir, str(srcdir / "data")) == built


@pytest.mark.parametrize("special", ["fifo", "loop", "outside"])
def test_data_files_that_are_no_readable_files_inside_are_reported_alike(
    special: str, tmp_path: Path, capsys
):
    srcdir = hostile_site(tmp_path / "site", {"news.yaml": "- date: 2024-05\n  text: Hi\n"})
    (srcdir / "index.rst").write_text("Home\n====\n\n.. publication-list::\n\n.. news::\n")
    target = srcdir / "data" / "publications.yaml"
    if special == "fifo":
        os.mkfifo(target)
    elif special == "loop":
        os.symlink("publications.yaml", target)
    else:
        (tmp_path / "elsewhere.yaml").write_text("- id: s\n  title: Secret\n")
        os.symlink(tmp_path / "elsewhere.yaml", target)
    built = build_warnings(srcdir)
    assert len(built) == 1
    assert validate(capsys, srcdir, str(srcdir / "data")) == built
