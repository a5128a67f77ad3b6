"""Shared fixtures: settings pointing at temporary folders, and a small demo warehouse built by the real pipeline."""

from __future__ import annotations

import copy
import os
from pathlib import Path

import pytest

from pipelines.demo.files import write_demo_files
from pipelines.demo.generate import generate
from pipelines.load.transaction import load_paths
from settings import Settings, load_settings
from tests.appdb_fixtures import app_db_url, app_engine, postgres_server  # noqa: F401  (shared fixtures)


def make_settings(tmp: Path, **overrides) -> Settings:
    """Default settings with the warehouse, staging and demo folders under tmp; overrides as 'section.key'."""
    raw = copy.deepcopy(load_settings().raw)
    raw["paths"] = {
        "warehouse": str(tmp / "wh.duckdb"),
        "staging": str(tmp / "staging"),
        "demo_inputs": str(tmp / "demo"),
        "app_db": str(tmp / "app.db"),
    }
    for dotted, value in overrides.items():
        section, key = dotted.split(".")
        raw[section][key] = value
    return Settings(raw)


@pytest.fixture(scope="session", autouse=True)
def _test_app_db(tmp_path_factory):
    """An application database for the whole test session, outside the repository, holding one admin account
    (tests.browser.TEST_ADMIN) so dashboards started by tests can be signed in to."""
    from tests.browser import TEST_ADMIN, make_app_db

    before = os.environ.get("KINERJA_APP_DB")
    os.environ["KINERJA_APP_DB"] = make_app_db(tmp_path_factory.mktemp("appdb"), [TEST_ADMIN])
    yield
    if before is None:
        os.environ.pop("KINERJA_APP_DB", None)
    else:
        os.environ["KINERJA_APP_DB"] = before


@pytest.fixture(scope="session")
def demo_settings(tmp_path_factory) -> Settings:
    """A small demo warehouse (300 employees, 12 periods) built through the real files and pipeline."""
    tmp = tmp_path_factory.mktemp("demo")
    s = make_settings(tmp)
    paths = write_demo_files(generate(employees=300, periods=12), s.path("demo_inputs"))
    load_paths(paths, s)
    return s


@pytest.fixture(scope="module")
def browser():
    """Headless Debian Chromium for a module's browser tests (tests.browser: the path and the flags)."""
    from playwright.sync_api import sync_playwright

    from tests.browser import ARGS, CHROMIUM

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()
