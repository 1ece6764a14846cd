"""Release readiness: the version scheme, the changelog, CI's build check and the release workflow.

The workflow's own check (the tag must be ``v<__version__>`` and the changelog
must have that version) is run here as CI would run it, with a right and a
wrong tag.
"""

from __future__ import annotations

import os
import re
import subprocess
import tomllib

import pytest
import yaml
from support import REPO

from sphinx_profile import __version__

WORKFLOW = REPO / ".github" / "workflows" / "release.yml"


@pytest.fixture(scope="module")
def release() -> dict:
    return yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))


def test_version_is_semantic_and_read_by_flit():
    assert re.fullmatch(r"\d+\.\d+\.\d+((a|b|rc)\d+)?", __version__)
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert "version" in project["dynamic"] and "version" not in project


def test_changelog_has_the_current_version():
    changelog = (REPO / "CHANGELOG.md").read_text(encoding="utf-8")
    assert re.search(rf"^## \[{re.escape(__version__)}\]", changelog, re.M)
    assert "## [Unreleased]" in changelog
    assert "## Version scheme" in changelog


def test_ci_builds_and_checks_the_distributions():
    script = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert "\npython -m build\n" in script
    assert "\ntwine check --strict dist/*\n" in script


def test_release_workflow_publishes_tags_with_trusted_publishing(release):
    # PyYAML reads the key "on" as True.
    assert release[True] == {"push": {"tags": ["v*"]}}
    build = release["jobs"]["build"]["steps"]
    runs = [step.get("run", "") for step in build]
    assert "python -m build" in runs and "twine check --strict dist/*" in runs
    publish = release["jobs"]["publish"]
    assert publish["needs"] == "build"
    assert publish["permissions"] == {"id-token": "write"}
    assert publish["environment"]["name"] == "pypi"
    [upload] = [step for step in publish["steps"] if "pypi-publish" in step.get("uses", "")]
    assert upload["uses"].startswith("pypa/gh-action-pypi-publish@")
    assert "with" not in upload  # no password, no token: trusted publishing
    assert release["permissions"] == {"contents": "read"}


@pytest.mark.parametrize(("tag", "status"), [(f"v{__version__}", 0), ("v99.0.0", 1)])
def test_the_workflows_tag_check(release, tag, status):
    [check] = [
        step
        for step in release["jobs"]["build"]["steps"]
        if "Check the tag" in step.get("name", "")
    ]
    result = subprocess.run(
        ["bash", "-e", "-c", check["run"]],
        cwd=REPO,
        env={**os.environ, "GITHUB_REF_NAME": tag},
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == status, result.stdout + result.stderr
    if status:
        assert f"tag v99.0.0 is not v{__version__}" in result.stdout
