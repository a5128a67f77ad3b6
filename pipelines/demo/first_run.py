"""The first start: a warehouse this version can read, built from the demo when there is none, rebuilt from its
own staging files when its marts or rule settings changed."""

from __future__ import annotations

import shutil
import threading

from pipelines.build.build import is_current, rebuild
from pipelines.demo.files import write_demo_files
from pipelines.demo.generate import generate
from pipelines.demo.legacy import write_legacy_files
from pipelines.load.transaction import LoadReport, load_paths, writer_lock
from settings import Settings


def build_demo(settings: Settings, employees: int = 3000, periods: int = 24) -> LoadReport:
    """Regenerate the demo files and rebuild the warehouse from them through the real pipeline."""
    for p in (settings.warehouse, settings.staging):
        if p.is_dir():
            shutil.rmtree(p)
        elif p.exists():
            p.unlink()
    data = generate(employees, periods)
    paths = write_demo_files(data, settings.path("demo_inputs"))
    paths += write_legacy_files(data, settings.path("demo_inputs"))  # the earlier regimes' results, kept apart
    return load_paths(paths, settings)


_ENSURE = threading.Lock()


def ensure_warehouse(settings: Settings) -> str:
    """Make the warehouse usable by this version: 'ok', 'demo' (none existed: built from the demo) or
    'rebuilt' (built by older mart definitions or other rule settings: rebuilt from its own staging files, data
    unchanged).

    Loaded data is never replaced by the demo: when a rebuild fails the error is raised.
    """
    with _ENSURE:
        if not settings.warehouse.exists():
            build_demo(settings)
            return "demo"
        if is_current(settings.warehouse, settings):
            return "ok"
        with writer_lock(settings.staging):  # never alongside a load
            if is_current(settings.warehouse, settings):
                return "ok"
            rebuild(settings)
        return "rebuilt"
