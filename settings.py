"""Settings in one place: defaults from the regulations, overridable by a TOML file.

`load_settings()` reads `settings.toml` beside this file, then the file named by
`KINERJA_SETTINGS` (if any) over it, then `KINERJA_WAREHOUSE` for the warehouse path.
"""

from __future__ import annotations

import math
import os
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent
DEFAULT_FILE = ROOT / "settings.toml"


def _merge(base: dict[str, Any], over: dict[str, Any]) -> dict[str, Any]:
    out = dict(base)
    for key, value in over.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = _merge(out[key], value)
        else:
            out[key] = value
    return out


@dataclass(frozen=True)
class Settings:
    """All settings as nested sections; `s.section("rating")["hasil_sesuai"]`."""

    raw: dict[str, Any]

    def section(self, name: str) -> dict[str, Any]:
        """Return one section of settings as a dict."""
        return dict(self.raw.get(name, {}))

    def path(self, key: str) -> Path:
        """Return a path setting resolved against the project root."""
        p = Path(self.raw["paths"][key])
        return p if p.is_absolute() else ROOT / p

    @property
    def warehouse(self) -> Path:
        return self.path("warehouse")

    @property
    def staging(self) -> Path:
        return self.path("staging")


def load_settings(extra: Path | None = None) -> Settings:
    """Read the default settings, then any override file and environment variables."""
    with DEFAULT_FILE.open("rb") as fh:
        data = tomllib.load(fh)
    override = extra or os.environ.get("KINERJA_SETTINGS")
    if override:
        with Path(override).open("rb") as fh:
            data = _merge(data, tomllib.load(fh))
    if wh := os.environ.get("KINERJA_WAREHOUSE"):
        data["paths"]["warehouse"] = wh
        data["paths"]["staging"] = os.environ.get("KINERJA_STAGING", str(Path(wh).with_suffix("")) + "_staging")
    return Settings(data)


def upload_limit_mb(settings: Settings) -> int:
    """Streamlit's server.maxUploadSize (whole MB, at least 1) from `[muat] max_upload_mb`."""
    return max(1, math.ceil(float(settings.section("muat").get("max_upload_mb", 50))))


if __name__ == "__main__":  # `python -m settings upload-mb`: what `make run` passes to Streamlit
    import sys

    if sys.argv[1:] == ["upload-mb"]:
        print(upload_limit_mb(load_settings()))
    else:
        sys.exit("usage: python -m settings upload-mb")
