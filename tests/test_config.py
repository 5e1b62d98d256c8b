"""The config file: valid files load into typed objects; every mistake is one clear line."""

from __future__ import annotations

from pathlib import Path

import pytest

from crawler.config import ConfigError, load_config, parse_interval

VALID = """
[storage]
db = "data/x.db"
[crawl]
obey_robots = false
max_pages = 50
download_delay = 0
[[sources]]
id = "dienbien-huyen"
name = "UBND huyện Điện Biên"
level = "district"
province = "Điện Biên"
district = "Điện Biên"
urls = ["https://dienbien.dienbien.gov.vn/", "https://dienbien.dienbien.gov.vn/vi/news/rss/"]
deny = ["/vi/laws/"]
interval = "30m"
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "eduwatch.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_valid_config_loads_typed_values(tmp_path: Path) -> None:
    config = load_config(write(tmp_path, VALID))
    assert config.crawl.obey_robots is False
    assert config.crawl.max_pages == 50
    assert config.crawl.download_delay == 0.0
    source = config.source("dienbien-huyen")
    assert source.level == "district"
    assert source.hosts == ("dienbien.dienbien.gov.vn",)
    assert source.deny == ("/vi/laws/",)
    # a relative database path is relative to the config file, not to the working directory
    assert config.db_path == tmp_path / "data/x.db"


def test_defaults_apply_when_sections_are_missing(tmp_path: Path) -> None:
    config = load_config(write(tmp_path, ""))
    assert config.crawl.obey_robots is True
    assert config.sources == ()
    assert config.classifier.threshold == 0.5


@pytest.mark.parametrize(
    ("change", "key", "hint"),
    [
        (("max_pages = 50", "max_pages = 'many'"), "crawl.max_pages", "whole number"),
        (("obey_robots = false", "obey_robots = 'no'"), "crawl.obey_robots", "true/false"),
        (("[crawl]", "[crawl]\nspeed = 3"), "crawl.speed", "unknown key"),
        (('level = "district"', 'level = "commune"'), "sources[0].level", "not one of"),
        (('urls = ["https://dienbien.dienbien.gov.vn/", ', 'urls = ["dienbien.gov.vn", '),
         "sources[0].urls[0]", "http(s) URL"),
        (('deny = ["/vi/laws/"]', 'deny = ["(unclosed"]'), "sources[0].deny[0]", "regex"),
        (('interval = "30m"', 'interval = "soon"'), "sources[0].interval", "duration"),
        (('id = "dienbien-huyen"', 'id = "Điện Biên"'), "sources[0].id", "lower-case"),
        (('name = "UBND huyện Điện Biên"\n', ""), "sources[0].name", "missing"),
        (("[storage]", "[storage]\n[extra]"), "extra", "unknown section"),
    ],
)
def test_mistakes_name_file_key_and_fix(tmp_path: Path, change: tuple[str, str], key: str,
                                        hint: str) -> None:
    text = VALID.replace(*change, 1)
    assert text != VALID
    path = write(tmp_path, text)
    with pytest.raises(ConfigError) as info:
        load_config(path)
    message = str(info.value)
    assert str(path.name) in message
    assert f": {key}: " in message
    assert hint in message
    assert "\n" not in message


def test_duplicate_source_ids_are_refused(tmp_path: Path) -> None:
    second = VALID[VALID.index("[[sources]]"):]
    with pytest.raises(ConfigError, match=r"sources\[1\]\.id: duplicate id 'dienbien-huyen'"):
        load_config(write(tmp_path, VALID + second))


def test_broken_toml_and_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="not valid TOML"):
        load_config(write(tmp_path, "[crawl\n"))
    with pytest.raises(ConfigError, match="file not found"):
        load_config(tmp_path / "nope.toml")


def test_unknown_source_is_named_with_known_ones(tmp_path: Path) -> None:
    config = load_config(write(tmp_path, VALID))
    with pytest.raises(ConfigError, match="no source with id 'x'.*dienbien-huyen"):
        config.source("x")


@pytest.mark.parametrize(("text", "seconds"), [("90s", 90), ("15m", 900), ("6h", 21600),
                                                ("1d", 86400), ("1.5h", 5400)])
def test_intervals(text: str, seconds: float) -> None:
    assert parse_interval(text) == seconds


@pytest.mark.parametrize("text", ["", "6", "0h", "-1h", "6 hours"])
def test_bad_intervals(text: str) -> None:
    with pytest.raises(ValueError):
        parse_interval(text)


README = Path(__file__).resolve().parent.parent / "README.md"


def readme_toml_blocks() -> list[str]:
    text = README.read_text(encoding="utf-8")
    return [block.split("```", 1)[0] for block in text.split("```toml\n")[1:]]


def test_the_readme_config_reference_is_a_valid_config_naming_every_key(tmp_path: Path) -> None:
    import tomllib
    from dataclasses import fields

    from crawler.alerts.config import _KNOWN_KEYS as ALERT_KEYS
    from crawler.config import ClassifierConfig, CrawlConfig, Source, StorageConfig, parse_config

    reference = readme_toml_blocks()[0]
    data = tomllib.loads(reference)
    parse_config(data, tmp_path / "eduwatch.toml")  # the documented example is accepted as is
    for section, cls in (("storage", StorageConfig), ("crawl", CrawlConfig),
                         ("classifier", ClassifierConfig)):
        documented = set(data[section])
        assert {f.name for f in fields(cls)} == documented, section
    assert {f.name for f in fields(Source)} == set(data["sources"][0])
    every_block = "\n".join(readme_toml_blocks())
    for key in ALERT_KEYS:
        assert f"\n{key} =" in every_block, f"[[alerts]] key {key!r} is not documented"
