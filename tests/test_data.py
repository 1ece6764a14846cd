"""The data layer on its own: dates, YAML loading, validation, queries, names. No Sphinx."""

from __future__ import annotations

import codecs
import datetime
import textwrap
from pathlib import Path

import pytest

from sphinx_profile.data.dates import ACCEPTED_FORMS, PartialDate, format_range
from sphinx_profile.data.issues import DataIssue, Subtype
from sphinx_profile.data.loader import DataFileError, load_yaml_file, parse_yaml
from sphinx_profile.data.models import Education, NewsItem, Publication
from sphinx_profile.data.names import name_matcher, normalize_name
from sphinx_profile.data.query import (
    PublicationFilter,
    YearRange,
    filter_publications,
    group_consecutive_education,
    group_publications,
    news_newest_first,
    sort_publications,
    unknown_names,
)
from sphinx_profile.data.store import load_data_file
from sphinx_profile.data.validate import validate_document


def yaml(text: str) -> str:
    return textwrap.dedent(text).lstrip("\n")


def validate(text: str, kind: str):
    """(records, [(message, line, column, subtype)]) of a YAML text of ``kind``."""
    result = validate_document(parse_yaml(yaml(text)), kind)
    issues = [(issue.message, issue.line, issue.column, issue.subtype) for issue in result.issues]
    return result.records, issues


def only_issue(text: str, kind: str):
    records, issues = validate(text, kind)
    assert len(issues) == 1, issues
    return records, issues[0]


# -- dates ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024", PartialDate(2024)),
        (2024, PartialDate(2024)),
        ("2024-05", PartialDate(2024, 5)),
        ("2024-5", PartialDate(2024, 5)),
        ("2024/05", PartialDate(2024, 5)),
        ("2024.05", PartialDate(2024, 5)),
        ("2024-05-07", PartialDate(2024, 5, 7)),
        (" 2024-05-07 ", PartialDate(2024, 5, 7)),
        (datetime.date(2024, 5, 7), PartialDate(2024, 5, 7)),
        (datetime.datetime(2024, 5, 7, 10, 30), PartialDate(2024, 5, 7)),
    ],
)
def test_date_forms(value, expected):
    assert PartialDate.parse(value) == expected


@pytest.mark.parametrize("word", ["present", "Present", "NOW", "current", "ongoing", "today"])
def test_present_words(word):
    date = PartialDate.parse(word)
    assert date.present
    assert date.isoformat() == "present"
    assert date.format("%Y.%m", present="now") == "now"


@pytest.mark.parametrize("value", ["soon", "24", "2024-", "May 2024", "20245", "2024-05-07T10"])
def test_bad_date_message_lists_the_accepted_forms(value):
    with pytest.raises(ValueError) as info:
        PartialDate.parse(value)
    assert str(info.value) == f"invalid date {value!r}: use {ACCEPTED_FORMS}"
    assert "YYYY, YYYY-MM, YYYY-MM-DD or 'present'" in str(info.value)


@pytest.mark.parametrize(
    ("value", "reason"),
    [("2024-13", "month must be in 1..12"), ("2023-02-29", "day is out of range for month")],
)
def test_impossible_dates_say_why(value, reason):
    with pytest.raises(ValueError, match=reason):
        PartialDate.parse(value)


@pytest.mark.parametrize("value", [True, 3.5, None, ["2024"]])
def test_non_dates_name_the_expected_forms(value):
    with pytest.raises(ValueError, match="expected a date"):
        PartialDate.parse(value)


@pytest.mark.parametrize(
    ("value", "fmt", "expected"),
    [
        ("2024", "%Y.%m", "2024"),
        ("2024-05", "%Y.%m", "2024.05"),
        ("2024-05-07", "%Y.%m", "2024.05"),
        ("2024", "%b %Y", "2024"),
        ("2024-05", "%b %Y", "May 2024"),
        ("2024-05", "%d %B %Y", "May 2024"),
        ("2024", "%d.%m.%Y", "2024"),
        ("2024-05", "%d.%m.%Y", "05.2024"),
        ("2024-05-07", "%d.%m.%Y", "07.05.2024"),
        ("2024", "%m/%Y", "2024"),
        ("2024-05", "%Y-%m-%d", "2024-05"),
    ],
)
def test_formatting_drops_missing_parts(value, fmt, expected):
    assert PartialDate.parse(value).format(fmt) == expected


def test_formatting_month_only_date_with_us_style_format():
    assert PartialDate.parse("2024-05").format("%B %d, %Y") == "May 2024"


def test_formatting_year_only_date_with_cjk_format():
    assert PartialDate.parse("2024").format("%Y年%m月") == "2024年"


def test_date_order_present_last():
    dates = [PartialDate.parse(v) for v in ["present", "2024-05", "2023", "2024", "2024-05-07"]]
    assert [d.isoformat() for d in sorted(dates)] == [
        "2023",
        "2024",
        "2024-05",
        "2024-05-07",
        "present",
    ]


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        ("2022-07", "2023-12", "2022.07 - 2023.12"),
        ("2024-01", "present", "2024.01 - now"),
        ("2018-09", "2022-06", "2018.09 - 2022.06"),
        ("2013", "2017", "2013 - 2017"),
        ("2022-07", None, "2022.07"),
        (None, "2022-07", "2022.07"),
        ("2022-07", "2022-07-15", "2022.07"),  # the same once formatted: shown once
        (None, None, ""),
    ],
)
def test_format_range(start, end, expected):
    def parse(value):
        return None if value is None else PartialDate.parse(value)

    assert format_range(parse(start), parse(end), "%Y.%m", "now") == expected


@pytest.mark.parametrize(
    ("start", "end", "ok"),
    [
        ("2023", "2023-05", True),  # a part one side lacks cannot contradict the order
        ("2023-05", "2023", True),
        ("2023-05", "2023-05-31", True),
        ("2023-05", "2023-04-30", False),
        ("2024", "2023", False),
        ("2024", "present", True),
        ("present", "2024", False),
        ("present", "present", True),
    ],
)
def test_may_precede(start, end, ok):
    assert PartialDate.parse(start).may_precede(PartialDate.parse(end)) is ok


# -- loader --------------------------------------------------------------------------


def test_loader_keeps_positions_of_keys_and_values():
    document = parse_yaml(
        yaml(
            """
            # a comment
            - id: first
              title: First
              links:
                paper: https://example.org/a
            """
        )
    )
    assert document.data == [
        {"id": "first", "title": "First", "links": {"paper": "https://example.org/a"}}
    ]
    assert document.value_positions[(0,)] == (2, 3)
    assert document.value_positions[(0, "title")] == (3, 10)
    assert document.key_positions[(0, "links", "paper")] == (5, 5)
    assert document.position((0, "links", "paper")) == (5, 12)
    assert document.position((0, "links", "paper"), key=True) == (5, 5)
    # a path the file does not have falls back to its nearest ancestor
    assert document.position((0, "venue")) == (2, 3)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("no", "no"),
        ("yes", "yes"),
        ("on", "on"),
        ("off", "off"),
        ("y", "y"),
        ("NO", "NO"),
        ("true", True),
        ("false", False),
        ("~", None),
        ("null", None),
        ("42", 42),
        ("1_000", 1000),
        ("0o17", "0o17"),
        ("2021-05-01", "2021-05-01"),
        ("2021-05", "2021-05"),
    ],
)
def test_yaml_11_traps_are_defused(text, expected):
    value = parse_yaml(f"value: {text}\n").data["value"]
    assert value == expected
    assert type(value) is type(expected)


def test_version_like_numbers_keep_their_spelling_as_text():
    records, issues = validate(
        """
        - id: "v1"
          title: 1.10
          venue_short: 2.0
        """,
        "publications",
    )
    assert issues == []
    assert records[0].title == "1.10"
    assert records[0].venue_short == "2.0"


def test_unquoted_iso_date_is_accepted_as_a_date():
    records, issues = validate(
        """
        - date: 2021-05-01
          text: Started.
        """,
        "news",
    )
    assert issues == []
    assert records[0].date == PartialDate(2021, 5, 1)


def test_unquoted_dotted_month_is_accepted_as_a_date():
    """``2024.10`` unquoted is a YAML number; its spelling is kept, so it is October."""
    records, issues = validate(
        """
        - date: 2024.10
          text: Started.
        """,
        "news",
    )
    assert issues == []
    assert records[0].date == PartialDate(2024, 10)


def test_alias_bomb_is_refused():
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    for level in range(1, 7):
        refs = ", ".join([f"*a{level - 1}"] * 10)
        lines.append(f"a{level}: &a{level} [{refs}]")
    with pytest.raises(DataFileError) as info:
        parse_yaml("\n".join(lines) + "\n")
    assert "document expands to more than" in info.value.message
    assert "aliases" in info.value.message


def test_deep_nesting_is_refused():
    with pytest.raises(DataFileError) as info:
        parse_yaml("value: " + "[" * 100 + "]" * 100 + "\n")
    assert info.value.message == "nesting deeper than 64 levels (profile_max_depth)"
    assert info.value.position[0] == 1


def test_merge_keys_are_refused_with_position():
    with pytest.raises(DataFileError) as info:
        parse_yaml("base: &b {x: 1}\nother:\n  <<: *b\n")
    assert "merge keys" in info.value.message
    assert info.value.position == (3, 3)


def test_syntax_error_has_line_and_column():
    with pytest.raises(DataFileError) as info:
        parse_yaml("- id: a\n  title: T\n - id: b\n")
    assert info.value.message.startswith("YAML syntax error: ")
    assert info.value.position == (3, 2)


def test_duplicate_keys_warn_and_the_last_one_wins():
    document = parse_yaml("title: A\ntitle: B\n")
    assert document.data == {"title": "B"}
    assert document.warnings == [
        ("duplicate key 'title' (first at line 1); the last one wins", (2, 1))
    ]


def test_unknown_tags_are_read_as_text_with_a_warning():
    document = parse_yaml("title: !python/object x\n")
    assert document.data == {"title": "x"}
    assert "is ignored; the value is read as text" in document.warnings[0][0]


@pytest.mark.parametrize(
    "raw",
    [
        codecs.BOM_UTF8 + "name: Zoë\n".encode(),
        codecs.BOM_UTF16_LE + "name: Zoë\n".encode("utf-16-le"),
        codecs.BOM_UTF16_BE + "name: Zoë\n".encode("utf-16-be"),
    ],
    ids=["utf-8-bom", "utf-16-le", "utf-16-be"],
)
def test_bom_and_utf16_files_are_read(tmp_path: Path, raw: bytes):
    path = tmp_path / "profile.yaml"
    path.write_bytes(raw)
    assert load_yaml_file(path).data == {"name": "Zoë"}


def test_invalid_utf8_is_reported_with_line_and_column(tmp_path: Path):
    path = tmp_path / "profile.yaml"
    path.write_bytes(b"name: Ada\nbio: caf\xe9 au lait\n")
    with pytest.raises(DataFileError) as info:
        load_yaml_file(path)
    assert info.value.message.startswith("file is not valid UTF-8 text")
    assert "save it as UTF-8" in info.value.message
    assert info.value.position == (2, 9)


def test_too_large_file_is_refused(tmp_path: Path):
    path = tmp_path / "news.yaml"
    path.write_text("- date: 2024\n  text: x\n" * 10)
    with pytest.raises(DataFileError, match="above the limit of 100"):
        load_yaml_file(path, max_bytes=100)


def test_empty_file_has_no_records_and_no_issues():
    assert validate("", "publications") == ([], [])
    assert validate("# only a comment\n", "news") == ([], [])


# -- the store: files to records -----------------------------------------------------


def test_store_reports_missing_file(tmp_path: Path):
    loaded = load_data_file(tmp_path / "publications.yaml", "publications")
    assert loaded.missing
    assert loaded.records == ()
    assert [(i.message, i.subtype) for i in loaded.issues] == [
        ("data file not found", Subtype.FILE)
    ]


def test_store_reports_syntax_error_as_file_problem(tmp_path: Path):
    path = tmp_path / "publications.yaml"
    path.write_text("- id: a\n  title: [unclosed\n- id: b\n")
    loaded = load_data_file(path, "publications")
    (issue,) = loaded.issues
    assert issue.subtype is Subtype.FILE
    assert issue.line == 3
    assert issue.located("data/publications.yaml").startswith(
        "data/publications.yaml:3:5: YAML syntax error: expected ',' or ']'"
    )


def test_store_reads_a_changed_file_again(tmp_path: Path):
    path = tmp_path / "news.yaml"
    path.write_text("- date: 2024\n  text: First\n")
    assert [r.text for r in load_data_file(path, "news").records] == ["First"]
    path.write_text("- date: 2024\n  text: Second, longer\n")
    assert [r.text for r in load_data_file(path, "news").records] == ["Second, longer"]


def test_issue_location_format():
    assert DataIssue("oops", 12, 3).located("data/x.yaml") == "data/x.yaml:12:3: oops"
    assert DataIssue("oops", 12).located("data/x.yaml") == "data/x.yaml:12: oops"
    assert DataIssue("oops").located("data/x.yaml") == "data/x.yaml: oops"


# -- validation ----------------------------------------------------------------------


def test_valid_records_are_kept_and_lines_recorded():
    records, issues = validate(
        """
        - id: a
          title: A

        - id: b
          title: B
        """,
        "publications",
    )
    assert issues == []
    assert [(r.id, r.line) for r in records] == [("a", 1), ("b", 4)]


def test_unknown_key_with_did_you_mean():
    records, issue = only_issue(
        """
        - id: good
          title: Good
        - id: typo
          title: Typo
          venu: Some Venue
        """,
        "publications",
    )
    assert issue == ("unknown key 'venu'; did you mean 'venue'?", 5, 3, Subtype.DATA)
    # the unknown key costs only itself: the entry is kept, without it
    assert [(r.id, r.venue) for r in records] == [("good", None), ("typo", None)]


def test_unknown_key_without_close_match_lists_known_keys():
    _, (message, line, _, _) = only_issue(
        """
        - date: 2024
          text: hi
          zzzzzz: 1
        """,
        "news",
    )
    assert message == "unknown key 'zzzzzz' (known keys: date, text)"
    assert line == 3


def test_unknown_key_in_nested_mapping():
    _, issue = only_issue(
        """
        - id: a
          title: T
          authors:
            - name: Jane Doe
              urll: https://example.org
        """,
        "publications",
    )
    assert issue[:2] == ("unknown key 'urll'; did you mean 'url'?", 5)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("venue: [a, b]", "venue: expected text, got a list"),
        ("year: soon", "year: expected a whole number, got the text 'soon'"),
        ("year: 2024.5", "year: expected a whole number, got the number 2024.5"),
        ("selected: maybe", "selected: expected true or false, got the text 'maybe'"),
        ("topics: {a: 1}", "topics: expected a list, got a mapping"),
        ("authors: Jane Doe", "authors: expected a list, got the text 'Jane Doe'"),
    ],
)
def test_wrong_type_names_the_expected_type(line, expected):
    records, issue = only_issue(f"- id: a\n  title: T\n  {line}\n", "publications")
    # an optional field: the entry is kept without it
    assert [record.model_dump(exclude_defaults=True) for record in records] == [
        {"id": "a", "title": "T"}
    ]
    assert issue[:2] == (expected, 3)


def test_wrong_item_of_a_list_costs_only_that_item():
    records, issue = only_issue(
        "- id: a\n  title: T\n  topics: [video, {a: 1}, systems]\n", "publications"
    )
    assert issue[:2] == ("topics[1]: expected text, got a mapping", 3)
    assert [record.topics for record in records] == [["video", "systems"]]


def test_a_record_check_runs_once_the_fields_are_usable():
    """``year`` against ``date`` is checked only on valid fields: after the unknown key."""
    records, issues = validate(
        "- id: a\n  title: T\n  venu: V\n  year: 2023\n  date: 2024-05\n", "publications"
    )
    assert [issue[:2] for issue in issues] == [
        ("unknown key 'venu'; did you mean 'venue'?", 3),
        ("date: year 2023 disagrees with date 2024-05", 5),
    ]
    assert [(r.year, r.date, r.venue) for r in records] == [(2023, None, None)]


def test_wrong_type_in_title_points_at_its_line():
    records, issue = only_issue("- id: a\n  title: [a, b]\n", "publications")
    assert records == []  # a required field: the entry is left out, and the message says so
    assert issue == ("entry left out: title: expected text, got a list", 2, 10, Subtype.DATA)


def test_unknown_publication_type_lists_choices():
    _, (message, line, _, _) = only_issue("- id: a\n  title: T\n  type: blog\n", "publications")
    assert message.startswith("type: expected one of 'conference', 'journal', 'preprint'")
    assert message.endswith("got 'blog'")
    assert line == 3


@pytest.mark.parametrize(
    ("text", "kind", "expected"),
    [
        ("- title: No id\n", "publications", ("missing required key 'id'", 1)),
        ("- id: x\n", "publications", ("missing required key 'title'", 1)),
        ("- url: https://example.org\n", "experience", ("missing required key 'organization'", 1)),
        ("- degree: PhD\n", "education", ("missing required key 'institution'", 1)),
        ("- date: 2024\n", "news", ("missing required key 'text'", 1)),
        ("bio: hello\n", "profile", ("missing required key 'name'", 1)),
    ],
)
def test_missing_required_key(text, kind, expected):
    records, issue = only_issue(text, kind)
    assert records == []
    message, line = expected
    assert issue[:2] == (f"entry left out: {message}", line)


def test_missing_required_key_of_a_link_costs_the_link():
    records, issue = only_issue(
        "- id: a\n  title: T\n  links:\n    - label: paper\n"
        "    - label: code\n      url: https://example.org/code\n",
        "publications",
    )
    assert issue[:2] == ("missing required key 'url' in links[0]; links[0] is left out", 4)
    assert [[(link.label, link.url) for link in r.links] for r in records] == [
        [("code", "https://example.org/code")]
    ]


def test_bad_date_message_lists_accepted_forms_at_its_line():
    _, issue = only_issue("- id: a\n  title: T\n  date: next spring\n", "publications")
    assert issue == (
        "date: invalid date 'next spring': use YYYY, YYYY-MM, YYYY-MM-DD or 'present'",
        3,
        9,
        Subtype.DATA,
    )


def test_year_and_date_must_agree():
    _, issue = only_issue("- id: a\n  title: T\n  year: 2023\n  date: '2024-01'\n", "publications")
    assert issue[:2] == ("date: year 2023 disagrees with date 2024-01", 4)


@pytest.mark.parametrize("kind", ["experience", "education"])
def test_start_after_end_points_at_end(kind):
    required = "organization" if kind == "experience" else "institution"
    _, issue = only_issue(f"- {required}: X\n  start: '2024-05'\n  end: '2023-01'\n", kind)
    assert issue == ("end: start 2024-05 is after end 2023-01", 3, 8, Subtype.DATA)


def test_start_and_end_of_same_year_with_partial_precision_are_fine():
    records, issues = validate("- organization: X\n  start: 2020\n  end: '2020-05'\n", "experience")
    assert issues == []
    assert len(records) == 1


def test_duplicate_id_points_at_both_lines():
    records, issue = only_issue(
        """
        - id: same
          title: First

        - id: other
          title: Other

        - id: same
          title: Second
        """,
        "publications",
    )
    message, line, _, subtype = issue
    assert message == "entry left out: duplicate id 'same' (first defined at line 1)"
    assert line == 7
    assert subtype is Subtype.DATA
    assert [(r.id, r.title) for r in records] == [("same", "First"), ("other", "Other")]


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "JavaScript:alert(1)",
        "java\tscript:alert(1)",
        "data:text/html,x",
        "vbscript:x",
    ],
)
def test_unsafe_link_is_dropped_with_a_url_warning(url):
    text = f'- id: a\n  title: T\n  links:\n    paper: "{url}"\n    code: https://example.org/c\n'
    records, issue = only_issue(text, "publications")
    message, line, _, subtype = issue
    assert message.startswith("links.paper: unsafe link ")
    assert "only http, https, mailto, doi: and arXiv: links" in message
    assert line == 4
    assert subtype is Subtype.URL
    # the entry is kept, without the unsafe link
    (record,) = records
    assert [(link.label, link.url) for link in record.links] == [("code", "https://example.org/c")]


def test_unsafe_author_url_is_dropped():
    records, issue = only_issue(
        "- id: a\n  title: T\n  authors:\n    - name: A\n      url: javascript:x\n",
        "publications",
    )
    assert issue[0].startswith("authors[0].url: unsafe link 'javascript:x'")
    assert issue[1] == 5
    assert issue[3] is Subtype.URL
    assert "javascript" not in records[0].model_dump_json()


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://example.org/a", "https://example.org/a"),
        ("mailto:a@example.org", "mailto:a@example.org"),
        ("doi:10.1000/xyz", "https://doi.org/10.1000/xyz"),
        ("arXiv:2401.10652", "https://arxiv.org/abs/2401.10652"),
        ("papers/a.pdf", "papers/a.pdf"),
    ],
)
def test_safe_links_are_kept_or_expanded(url, expected):
    records, issues = validate(
        f'- id: a\n  title: T\n  links:\n    paper: "{url}"\n', "publications"
    )
    assert issues == []
    assert records[0].links[0].url == expected


def test_links_mapping_keeps_order_and_bare_email_becomes_mailto():
    records, issues = validate(
        """
        name: Ada
        links:
          github: https://github.com/ada
          email: someone@example.org
          scholar: https://scholar.example.org/ada
        """,
        "profile",
    )
    assert issues == []
    assert [(link.label, link.url) for link in records[0].links] == [
        ("github", "https://github.com/ada"),
        ("email", "mailto:someone@example.org"),
        ("scholar", "https://scholar.example.org/ada"),
    ]


def test_author_marks_are_split_from_names():
    records, issues = validate(
        "- id: a\n  title: T\n  authors: ['Ada Lovelace*', 'Charles Babbage*†', 'Mary †']\n",
        "publications",
    )
    assert issues == []
    assert [(a.name, a.equal, a.corresponding) for a in records[0].authors] == [
        ("Ada Lovelace", True, False),
        ("Charles Babbage", True, True),
        ("Mary", False, True),
    ]


def test_aliases_are_accepted():
    records, issues = validate(
        "- company: Pika\n  role: Intern\n",
        "experience",
    )
    assert issues == []
    assert (records[0].organization, records[0].position) == ("Pika", "Intern")
    records, issues = validate("- id: a\n  title: T\n  abbr: ICLR 2024\n", "publications")
    assert issues == []
    assert records[0].venue_short == "ICLR 2024"


@pytest.mark.parametrize(
    ("text", "kind", "expected"),
    [
        (
            "- company: [Pika]\n",
            "experience",
            ("entry left out: company: expected text, got a list", 1),
        ),
        ("- organization: X\n  role: [a]\n", "experience", ("role: expected text, got a list", 2)),
        (
            "- organization: X\n  title: [a]\n",
            "experience",
            ("title: expected text, got a list", 2),
        ),
        (
            "- id: a\n  title: T\n  abbr: [X]\n",
            "publications",
            ("abbr: expected text, got a list", 3),
        ),
        (
            "- institution: X\n  start_date: 2021\n  end_date: 2020\n",
            "education",
            ("end_date: start 2021 is after end 2020", 3),
        ),
    ],
)
def test_errors_name_and_point_at_the_alias_written(text, kind, expected):
    _, issue = only_issue(text, kind)
    assert issue[:2] == expected


def test_unknown_key_suggests_aliases_too():
    _, issue = only_issue("- organization: X\n  compan: Y\n", "experience")
    assert issue[0].startswith("unknown key 'compan'; did you mean")


def test_profile_must_be_a_mapping_and_lists_must_be_lists():
    assert validate("- name: Ada\n", "profile")[1] == [
        ("expected a mapping of keys to values", 1, 1, Subtype.DATA)
    ]
    assert validate("name: Ada\n", "publications")[1] == [
        ("expected a list of entries (each starting with '- ')", 1, 1, Subtype.DATA)
    ]


def test_entry_that_is_not_a_mapping():
    records, issue = only_issue("- id: a\n  title: T\n- just text\n", "publications")
    assert [r.id for r in records] == ["a"]
    assert issue[:2] == (
        "entry left out: expected an entry of 'key: value' lines, got 'just text'",
        3,
    )


def test_all_problems_are_reported_at_once():
    _, issues = validate(
        """
        - id: a
          title: [x]
          year: soon
          venu: X
        """,
        "publications",
    )
    assert sorted(line for _, line, _, _ in issues) == [2, 3, 4]


# -- queries -------------------------------------------------------------------------


def pub(id_, *, date=None, year=None, **fields) -> Publication:
    data = {"id": id_, "title": fields.pop("title", id_.title()), **fields}
    if date is not None:
        data["date"] = date
    if year is not None:
        data["year"] = year
    return Publication.model_validate(data)


@pytest.fixture
def publications() -> list[Publication]:
    return [
        pub("a", year=2019, type="journal", topics=["Systems"], tags=["old"], title="alpha"),
        pub("b", date="2021-03", type="conference", topics=["ML", "Systems"], selected=True),
        pub("c", date="2023-11-02", type="preprint", topics=["ML"], tags=["video"], title="Cee"),
        pub("d", type="report", title="Delta"),  # undated, no topic
        pub("e", year=2024, type="conference", topics=["Video"], tags=["video"], selected=True),
    ]


def ids(publications) -> list[str]:
    return [p.id for p in publications]


@pytest.mark.parametrize(
    ("text", "first", "last"),
    [
        ("2023", 2023, 2023),
        ("2020-2024", 2020, 2024),
        ("2020-", 2020, None),
        ("-2020", None, 2020),
        (" 2020 - 2024 ", 2020, 2024),
    ],
)
def test_year_range_forms(text, first, last):
    assert YearRange.parse(text) == YearRange(first, last)


@pytest.mark.parametrize("text", ["", "-", "20", "2024-2020", "last year"])
def test_bad_year_ranges(text):
    with pytest.raises(ValueError, match="invalid year range"):
        YearRange.parse(text)


@pytest.mark.parametrize(
    ("years", "expected"),
    [("2023", ["c"]), ("2020-2024", ["b", "c", "e"]), ("2021-", ["b", "c", "e"]), ("-2020", ["a"])],
)
def test_filter_by_years_excludes_undated(publications, years, expected):
    criteria = PublicationFilter(years=YearRange.parse(years))
    assert ids(filter_publications(publications, criteria)) == expected


@pytest.mark.parametrize(
    ("criteria", "expected"),
    [
        (PublicationFilter(), ["a", "b", "c", "d", "e"]),
        (PublicationFilter(selected=True), ["b", "e"]),
        (PublicationFilter(types=("conference",)), ["b", "e"]),
        (PublicationFilter(types=("journal", "report")), ["a", "d"]),
        (PublicationFilter(topics=("ml",)), ["b", "c"]),  # case does not matter
        (PublicationFilter(topics=("Video", "Systems")), ["a", "b", "e"]),
        (PublicationFilter(tags=("video",)), ["c", "e"]),
        (PublicationFilter(selected=True, topics=("ML",)), ["b"]),
    ],
)
def test_filters(publications, criteria, expected):
    assert ids(filter_publications(publications, criteria)) == expected


def test_present_dated_entry_is_not_in_any_year_range():
    entries = [pub("x", date="present")]
    assert filter_publications(entries, PublicationFilter(years=YearRange.parse("2000-"))) == []


@pytest.mark.parametrize(
    ("order", "expected"),
    [
        ("date", ["e", "c", "b", "a", "d"]),  # newest first, undated last
        ("date-asc", ["a", "b", "c", "e", "d"]),  # oldest first, undated still last
        ("title", ["a", "b", "c", "d", "e"]),  # alpha, B, Cee, Delta, E: case-insensitive
        ("file", ["e", "d", "c", "b", "a"]),  # as given (here: the file reversed)
    ],
)
def test_sorts(publications, order, expected):
    assert ids(sort_publications(list(reversed(publications)), order)) == expected


def test_sort_by_date_orders_partial_dates_within_a_year():
    entries = [pub("y", year=2024), pub("m", date="2024-03"), pub("d", date="2024-03-05")]
    assert ids(sort_publications(entries, "date")) == ["d", "m", "y"]


def test_group_by_topic_puts_an_entry_in_each_of_its_topics(publications):
    groups = group_publications(publications, "topic")
    assert [(heading, ids(entries)) for heading, entries in groups] == [
        ("Systems", ["a", "b"]),
        ("ML", ["b", "c"]),
        ("Video", ["e"]),
        ("", ["d"]),  # no topic: last
    ]


def test_group_order_comes_first_then_order_of_appearance(publications):
    groups = group_publications(publications, "topic", order=["video", "ML"])
    assert [heading for heading, _ in groups] == ["Video", "ML", "Systems", ""]


def test_group_by_year_and_type_with_labels(publications):
    by_year = group_publications(sort_publications(publications, "date"), "year")
    assert [(h, ids(e)) for h, e in by_year] == [
        ("2024", ["e"]),
        ("2023", ["c"]),
        ("2021", ["b"]),
        ("2019", ["a"]),
        ("", ["d"]),
    ]
    by_type = group_publications(publications, "type", labels=str.upper)
    assert [(h, ids(e)) for h, e in by_type] == [
        ("JOURNAL", ["a"]),
        ("CONFERENCE", ["b", "e"]),
        ("PREPRINT", ["c"]),
        ("REPORT", ["d"]),
    ]


def test_group_by_none_is_one_unnamed_group(publications):
    assert group_publications(publications, "none") == [(None, publications)]


def test_unknown_names_are_the_likely_typos():
    assert unknown_names(["ml", "Vidoe"], ["ML", "Video"]) == ["Vidoe"]


def test_news_newest_first():
    items = [
        NewsItem.model_validate({"date": d, "text": d})
        for d in ["2023-09", "2024-05-07", "2022", "2024-05"]
    ]
    assert [item.text for item in news_newest_first(items)] == [
        "2024-05-07",
        "2024-05",
        "2023-09",
        "2022",
    ]


def test_education_groups_consecutive_entries_of_one_institution():
    entries = [
        Education.model_validate({"institution": name, "degree": degree})
        for name, degree in [
            ("National University of Singapore", "Ph.D."),
            ("national university of singapore", "M.S."),
            ("Huazhong University", "B.S."),
            ("National University of Singapore", "Visiting"),
        ]
    ]
    runs = group_consecutive_education(entries)
    assert [(first.institution, [e.degree for e in run]) for first, run in runs] == [
        ("National University of Singapore", ["Ph.D.", "M.S."]),
        ("Huazhong University", ["B.S."]),
        ("National University of Singapore", ["Visiting"]),  # not consecutive: its own item
    ]


# -- names ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Xuanlei Zhao", "xuanlei zhao"),  # case folded
        ("Zhào Xuānlěi", "Zhao Xuanlei"),  # accents removed
        ("Zhao, Xuanlei", "Xuanlei Zhao"),  # "Last, First"
        ("Zhao,Xuanlei", "Xuanlei Zhao"),
        ("Jean-Luc Picard", "Jean Luc Picard"),  # hyphens are spaces
        ("Jean\u2010Luc Picard", "Jean Luc Picard"),  # Unicode hyphen
        ("Jean\u2013Luc Picard", "Jean Luc Picard"),  # en dash
        ("X. Zhao", "X Zhao"),  # dots are spaces
        ("X.Zhao", "X Zhao"),
        ("  Ada   Lovelace ", "Ada Lovelace"),  # runs of spaces collapsed
        ("{Zhao}, Xuanlei", "Xuanlei Zhao"),  # BibTeX braces
        ("Sinéad O\u2019Connor", "Sinead O'Connor"),  # a typographic apostrophe
        ("O'Connor, Sinéad", "Sinéad O\u2019Connor"),
        ("Ngugi wa Thiong\u02bco", "Ngugi wa Thiong'o"),  # modifier letter apostrophe
    ],
)
def test_same_person_after_normalization(first, second):
    assert normalize_name(first) == normalize_name(second)


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("X. Zhao", "Xuanlei Zhao"),  # initials are not expanded
        ("Xuanlei Zhao", "Xuanlei Zhang"),
        ("Ada Lovelace", "Ada"),
    ],
)
def test_different_people_stay_different(first, second):
    assert normalize_name(first) != normalize_name(second)


def test_name_matcher_ignores_blank_names():
    assert name_matcher(["Ada Lovelace", "", "  ", "Lovelace, A."]) == frozenset(
        {"ada lovelace", "a lovelace"}
    )


def test_the_directive_accepts_every_type_of_the_model():
    from sphinx_profile.data.models import Publication
    from sphinx_profile.directives.publications import PublicationListDirective

    model_types = Publication.model_json_schema()["properties"]["type"]["anyOf"][0]["enum"]
    accepted = PublicationListDirective.option_spec["types"](", ".join(model_types))
    assert accepted == tuple(model_types)
    with pytest.raises(ValueError, match="unknown type 'poem'"):
        PublicationListDirective.option_spec["types"]("poem")
