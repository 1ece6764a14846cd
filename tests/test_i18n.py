"""Other languages: the extension's own words come from its catalog, dates from Babel."""

# The expected words are Chinese and French, with their own punctuation and dashes.
# ruff: noqa: RUF001

from __future__ import annotations

import datetime
import shutil
import subprocess
import sys

import pytest
from bs4 import BeautifulSoup
from support import REPO, append_conf, html_page

from sphinx_profile.data.dates import PartialDate, babel_locale, format_range

# What a reader of tests/roots/test-i18n sees, by language: labels and dates. Babel
# (CLDR) puts thin spaces around the dash of a range in English and French.
EXPECTED = {
    "zh_CN": [
        "导师：Gabriel Lippmann",
        "导师：Paul Appell 和 Henri Poincaré",
        "合作导师：André Debierne",
        "Ph.D.（Physics）",
        "1895年10月 – 1903年6月25日",
        "1893年 – 1894年",
        "2024年1月 – 至今",
        "1898年7月",
        "1898年12月26日",
        "会议论文",
        "期刊论文",
        "其他",
        "第一作者",
        "末位作者",
        "同等贡献",
        "通讯作者",
        "个人主页",
        "邮箱",
        "1911年12月10日",
    ],
    "fr": [
        "Sous la direction de\u00a0: Gabriel Lippmann",
        "Sous la direction de\u00a0: Paul Appell et Henri Poincaré",
        "Encadrement\u00a0: André Debierne",
        "Ph.D. en Physics",
        "oct. 1895\u2009–\u200925 juin 1903",
        "janv. 2024\u2009–\u2009aujourd’hui",
        "juil. 1898",
        "26 déc. 1898",
        "Articles de conférence",
        "Articles de revues",
        "Autres",
        "premier auteur",
        "dernier auteur",
        "Contribution égale",
        "Auteur correspondant",
        "Page personnelle",
        "Courriel",
        "10 déc. 1911",
    ],
    "en": [
        "Advisor: Gabriel Lippmann",
        "Advisors: Paul Appell and Henri Poincaré",
        "Host: André Debierne",
        "Ph.D. in Physics",
        "Oct 1895\u2009–\u2009Jun 25, 1903",
        "Jan 2024\u2009–\u2009Present",
        "Jul 1898",
        "Conference papers",
        "Journal articles",
        "last author",
        "Equal contribution",
        "Homepage",
        "Dec 10, 1911",
    ],
}

# English words the extension writes, none of which may be left in a translated page.
ENGLISH = [
    "Advisor",
    "Host",
    "Ph.D. in",
    "Present",
    "Conference papers",
    "Journal articles",
    "Other",
    "first author",
    "last author",
    "Equal contribution",
    "Corresponding author",
    "Homepage",
    "Email",
    "Jan ",
    "Dec ",
]


def page_text(app, suffix: str) -> str:
    text = (app.outdir / f"index{suffix}").read_text(encoding="utf-8")
    if suffix == ".html":
        return BeautifulSoup(text, "html.parser").get_text(" ")
    return text


@pytest.mark.parametrize("language", ["zh_CN", "fr", "en"])
@pytest.mark.parametrize(("buildername", "suffix"), [("html", ".html"), ("text", ".txt")])
def test_labels_and_dates_follow_the_language(built_root, language, buildername, suffix):
    app = built_root("i18n", buildername, confoverrides={"language": language})
    assert app.statuscode == 0
    text = page_text(app, suffix)
    missing = [words for words in EXPECTED[language] if words not in text]
    assert missing == []
    if language != "en":
        left = [words for words in ENGLISH if words in text]
        assert left == []


@pytest.mark.parametrize(
    ("language", "abstract", "more", "alt"),
    [
        ("zh_CN", "摘要", "及其他 2 人", "Marie Curie的照片"),
        ("fr", "Résumé", "et 2 autres", "Photo de Marie Curie"),
    ],
)
def test_html_toggles_truncation_and_alt_text_are_translated(
    built_root, language, abstract, more, alt
):
    app = built_root("i18n", "html", confoverrides={"language": language})
    page = html_page(app, "index")
    summaries = [summary.get_text(strip=True) for summary in page.select("summary")]
    assert abstract in summaries
    assert "BibTeX" in summaries
    assert page.select_one(".sp-more").get_text(strip=True) == more
    assert page.select_one("img.sp-avatar")["alt"] == alt


def test_an_explicit_date_format_wins_over_the_language(built_root):
    app = built_root(
        "i18n", "text", confoverrides={"language": "fr", "profile_date_format": "%Y.%m"}
    )
    text = page_text(app, ".txt")
    assert "2024.01 - aujourd’hui" in text
    assert "1895.10 - 1903.06" in text
    assert "janv." not in text


def test_latex_output_is_translated(built_root):
    app = built_root("i18n", "latex", confoverrides={"language": "fr"})
    tex = "\n".join(path.read_text(encoding="utf-8") for path in app.outdir.glob("*.tex"))
    for words in ("Articles de revues", "Contribution égale", "premier auteur"):
        assert words in tex
    assert "Equal contribution" not in tex


def test_one_data_folder_per_language(make_app, private_root):
    """``profile_data_dir = "data/{language}"``, the guide's way to translate the data."""
    srcdir = private_root("i18n")
    data = srcdir / "data"
    files = list(data.iterdir())
    for language in ("en", "fr"):
        (data / language).mkdir()
        for path in files:
            shutil.copy(path, data / language / path.name)
    for path in files:
        path.unlink()
    french = data / "fr" / "profile.yaml"
    french.write_text(
        french.read_text(encoding="utf-8").replace("Researcher", "Chercheuse"), encoding="utf-8"
    )
    append_conf(srcdir, 'profile_data_dir = "data/{language}"')
    for language, headline in (("fr", "Chercheuse"), ("en", "Researcher")):
        app = make_app("text", srcdir=srcdir, confoverrides={"language": language})
        app.build(force_all=True)
        text = (app.outdir / "index.txt").read_text(encoding="utf-8")
        assert headline in text
        assert app.config.profile_data_dir == str(data / language)


# -- the catalogs -----------------------------------------------------------------------


def test_catalogs_match_the_code_and_are_compiled():
    """Every ``_()`` word is in the template, translated in each language, compiled."""
    result = subprocess.run(
        [sys.executable, str(REPO / "tools" / "update_catalogs.py"), "--check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


# -- dates through Babel, without Sphinx --------------------------------------------------


@pytest.mark.parametrize(
    ("language", "value", "expected"),
    [
        ("en", "2024", "2024"),
        ("en", "2024-01", "Jan 2024"),
        ("en", "2024-01-05", "Jan 5, 2024"),
        ("fr", "2024-01", "janv. 2024"),
        ("fr", "2024-01-05", "5 janv. 2024"),
        ("zh_CN", "2024", "2024年"),
        ("zh_CN", "2024-01", "2024年1月"),
        ("zh_CN", "2024-01-05", "2024年1月5日"),
        ("de", "2024-03", "März 2024"),
        ("pt-BR", "2024-01", "jan. de 2024"),  # Sphinx may spell a region with a hyphen
        ("xx", "2024-01", "Jan 2024"),  # unknown to Babel: English
        (None, "2024-01", "Jan 2024"),
    ],
)
def test_a_date_shows_the_parts_it_has_in_the_language(language, value, expected):
    assert PartialDate.parse(value).format("", "Present", language) == expected


def test_a_range_is_joined_the_way_the_language_joins_ranges():
    start, end = PartialDate.parse("2022-07"), PartialDate.parse("present")
    assert format_range(start, end, "", "至今", "zh_CN") == "2022年7月 – 至今"
    assert format_range(start, end, "", "現在", "ja") == "2022年7月～現在"
    # an explicit strftime pattern keeps its own style
    assert format_range(start, end, "%Y.%m", "now", "ja") == "2022.07 - now"


def test_babel_locale_is_english_for_unknown_languages():
    assert str(babel_locale("zh_CN")) == "zh_Hans_CN"
    assert str(babel_locale("not a language")) == "en"


@pytest.mark.parametrize("language", ["en", "en_US", "en-US", None])
def test_english_dates_without_locale_data_are_babels(language):
    """English is written without loading Babel's locale data: it must match Babel."""
    from babel.dates import format_skeleton

    english = babel_locale(language)
    for month in range(1, 13):
        for value, skeleton in ((f"2024-{month:02d}", "yMMM"), (f"2024-{month:02d}-09", "yMMMd")):
            date = PartialDate.parse(value)
            when = datetime.date(date.year, date.month or 1, date.day or 1)
            expected = format_skeleton(skeleton, when, locale=english)
            assert date.format("", "Present", language) == expected
    assert PartialDate.parse("0987").format("", "Present", language) == "987"
    start, end = PartialDate.parse("2020"), PartialDate.parse("2021-03")
    interval = english.interval_formats.get(None)
    assert format_range(start, end, "", "Present", language) == interval.format("2020", "Mar 2021")
