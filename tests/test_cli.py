"""The CLI as users meet it: help on every command, one-line errors, exit codes, nothing lost."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from crawler.cli import cli

README = Path(__file__).resolve().parent.parent / "README.md"

GOOD = """
[storage]
db = "db/eduwatch.db"
[[sources]]
id = "a"
name = "Portal A"
level = "province"
province = "Lai Châu"
urls = ["http://127.0.0.2:9/"]
"""


def all_commands() -> list[tuple[str, ...]]:
    found: list[tuple[str, ...]] = []

    def walk(group: object, prefix: tuple[str, ...]) -> None:
        for name, command in getattr(group, "commands", {}).items():
            path = (*prefix, name)
            if hasattr(command, "commands"):
                walk(command, path)
            else:
                found.append(path)

    walk(cli, ())
    return found


@pytest.mark.parametrize("command", all_commands(), ids=" ".join)
def test_every_command_has_help_with_an_example_and_is_in_the_readme(
    command: tuple[str, ...],
) -> None:
    result = CliRunner().invoke(cli, [*command, "--help"])
    assert result.exit_code == 0, result.output
    assert "Example" in result.output
    assert f"eduwatch {' '.join(command)}" in README.read_text(encoding="utf-8")


def invoke(tmp_path: Path, config_text: str | None, *args: str) -> tuple[int, str, str]:
    config = tmp_path / "eduwatch.toml"
    if config_text is not None:
        config.write_text(config_text, encoding="utf-8")
    result = CliRunner().invoke(cli, ["--config", str(config), *args])
    return result.exit_code, result.stdout, result.stderr


def test_init_creates_the_database_and_is_safe_to_rerun(tmp_path: Path) -> None:
    code, out, _ = invoke(tmp_path, GOOD, "init")
    assert code == 0, out
    db = tmp_path / "db" / "eduwatch.db"
    assert db.exists()
    code, out, _ = invoke(tmp_path, GOOD, "init")
    assert code == 0
    assert "0 reports" in out


def test_init_without_a_config_writes_a_starter_one(tmp_path: Path) -> None:
    code, out, err = invoke(tmp_path, None, "init")
    assert code == 0, err
    assert "starter config" in out
    assert (tmp_path / "eduwatch.toml").read_text(encoding="utf-8").startswith("# eduwatch")


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        (GOOD.replace('level = "province"', 'level = "city"'), "sources[0].level"),
        (GOOD.replace("http://127.0.0.2:9/", "127.0.0.2"), "sources[0].urls[0]"),
        (GOOD + GOOD[GOOD.index("[[sources]]"):], "duplicate id"),
        (GOOD.replace("[storage]", "[storage]\nbogus = 1"), "storage.bogus"),
        ("[crawl\n", "not valid TOML"),
    ],
)
def test_bad_config_is_one_line_exit_2_and_writes_nothing(
    tmp_path: Path, text: str, needle: str
) -> None:
    code, out, err = invoke(tmp_path, text, "crawl")
    assert code == 2
    assert out == ""
    lines = err.strip().splitlines()
    assert len(lines) == 1 and needle in lines[0] and "eduwatch.toml" in lines[0]
    assert not (tmp_path / "db").exists()


def test_bad_config_leaves_an_existing_database_untouched(tmp_path: Path) -> None:
    assert invoke(tmp_path, GOOD, "init")[0] == 0
    db = tmp_path / "db" / "eduwatch.db"
    before = db.read_bytes()
    code, _, err = invoke(tmp_path, GOOD.replace('"a"', '"A B"'), "crawl")
    assert code == 2 and "sources[0].id" in err
    assert db.read_bytes() == before
    with sqlite3.connect(db) as conn:
        assert conn.execute("select count(*) from sources").fetchone() == (1,)


def test_unknown_source_and_unknown_report_are_usage_errors(tmp_path: Path) -> None:
    code, _, err = invoke(tmp_path, GOOD, "crawl", "--source", "zzz")
    assert code == 2 and "no source with id 'zzz'" in err
    assert invoke(tmp_path, GOOD, "init")[0] == 0
    code, _, err = invoke(tmp_path, GOOD, "show", "99")
    assert code == 2 and re.search(r"no report with id 99", err)


def test_bad_search_query_is_explained_not_a_traceback(tmp_path: Path) -> None:
    assert invoke(tmp_path, GOOD, "init")[0] == 0
    code, out, err = invoke(tmp_path, GOOD, "search", '"unbalanced')
    assert code == 2
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1


def test_sources_list_shows_configured_sources(tmp_path: Path) -> None:
    code, out, err = invoke(tmp_path, GOOD, "sources", "list")
    assert code == 0, err
    assert "Portal A" in out and "http://127.0.0.2:9/" in out
