"""The same page data the way a typical Streamlit app computes it: pandas frames cached in memory, grouped per view.

This is the comparison baseline, made as strong as it fairly can be: it reads the already
validated staging Parquet (no cleaning), computes per-employee scores once at start-up
(as an app would with `st.cache_data`), and each page view filters and groups those frames.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from domain.appraisal import BERAKHLAK
from domain.periods import bounds
from warehouse.marts import MATRIX

VALUES = BERAKHLAK
PREDIKAT = ["Sangat Baik", "Baik", "Butuh Perbaikan", "Kurang/Misconduct", "Sangat Kurang"]


def _read(staging: Path, kind: str, columns: list[str] | None = None) -> pd.DataFrame:
    files = sorted((staging / kind).glob("*.parquet"))
    if not files:
        return pd.DataFrame(columns=columns or [])
    return pd.concat([pd.read_parquet(f, columns=columns) for f in files], ignore_index=True)


def _rating(x: pd.Series, above: float, meets: float) -> pd.Series:
    out = np.where(x >= above, "Di Atas Ekspektasi", np.where(x >= meets, "Sesuai Ekspektasi", "Di Bawah Ekspektasi"))
    return pd.Series(out, index=x.index).where(x.notna())


class PandasApp:
    """Frames loaded and scored once; one method per page, each returning the page's tables."""

    def __init__(self, staging: Path, settings) -> None:
        self.s = settings
        cap_cfg, rating = settings.section("capaian"), settings.section("rating")
        roles = settings.section("perilaku")
        self.peg = _read(
            staging,
            "pegawai",
            ["nip", "nama", "lokasi", "opd", "unit_kerja", "jenis_jabatan", "golongan", "status_asn", "nip_atasan"],
        )
        cap = _read(staging, "capaian", ["nip", "periode", "indikator", "target", "realisasi", "bobot", "arah"])
        ratio = cap["realisasi"] / cap["target"] * 100
        inverse = (cap["target"] / cap["realisasi"] * 100).where(cap["realisasi"] > 0, cap_cfg["cap"])
        cap["capaian"] = np.minimum(np.where(cap["arah"] == "turun", inverse, ratio), cap_cfg["cap"])
        cap["w"] = cap["capaian"] * cap["bobot"]
        g = cap.groupby(["nip", "periode"], sort=False)
        hasil = (g["w"].sum() / g["bobot"].sum()).rename("hasil_kerja").reset_index()
        self.cap = cap.merge(self.peg[["nip", "lokasi", "opd"]], on="nip", how="left")
        beh = _read(staging, "perilaku", ["nip", "periode", "peran_penilai", "nip_penilai", *VALUES])
        beh["skor"] = beh[VALUES].mean(axis=1)
        beh["bobot"] = beh["peran_penilai"].map(roles).fillna(0.0)
        by_role = (
            beh.groupby(["nip", "periode", "peran_penilai"], sort=False)
            .agg(skor=("skor", "mean"), bobot=("bobot", "first"))
            .reset_index()
        )
        by_role = by_role[by_role["bobot"] > 0]
        by_role["w"] = by_role["skor"] * by_role["bobot"]
        gb = by_role.groupby(["nip", "periode"], sort=False)
        perilaku = (gb["w"].sum() / gb["bobot"].sum()).rename("perilaku").reset_index()
        self.beh = beh
        kin = hasil.merge(perilaku, on=["nip", "periode"], how="left")
        rh = _rating(kin["hasil_kerja"], rating["hasil_di_atas"], rating["hasil_sesuai"])
        rp = _rating(kin["perilaku"], rating["perilaku_di_atas"], rating["perilaku_sesuai"])
        matrix = {(h, p): v for h, p, v in MATRIX}
        kin["predikat"] = [matrix.get((a, b)) for a, b in zip(rh, rp, strict=True)]
        ev = _read(staging, "evaluasi", ["nip", "periode", "predikat"])
        if len(ev):
            kin = kin.merge(ev.rename(columns={"predikat": "resmi"}), on=["nip", "periode"], how="left")
            kin["predikat"] = kin["resmi"].fillna(kin["predikat"])
            kin = kin.drop(columns="resmi")
        self.kin = kin.merge(self.peg, on="nip", how="left")
        self.skm = _read(staging, "skm")
        self.skm["periode"] = self.skm["tanggal"].astype("datetime64[ns]").dt.to_period("Q").astype(str).str.replace("Q", "-Q")

    # -- helpers -----------------------------------------------------------------------------------
    def _k(self, f) -> pd.DataFrame:
        k = self.kin
        m = pd.Series(True, index=k.index)
        if f.dari:
            m &= k["periode"] >= f.dari
        if f.sampai:
            m &= k["periode"] <= f.sampai
        if f.lokasi:
            m &= k["lokasi"].isin(f.lokasi)
        return k[m]

    @staticmethod
    def _groups(k: pd.DataFrame, by: list[str]) -> pd.DataFrame:
        counts = pd.crosstab([k[c] for c in by], k["predikat"]) if len(k) else pd.DataFrame()
        stats = k.groupby(by).agg(
            n=("nip", "size"),
            rata_hasil=("hasil_kerja", "mean"),
            sd_hasil=("hasil_kerja", "std"),
            rata_perilaku=("perilaku", "mean"),
        )
        return stats.join(counts, how="left").reset_index()

    def _skm(self, f) -> pd.DataFrame:
        s = self.skm
        m = pd.Series(True, index=s.index)
        if f.dari:
            m &= s["tanggal"] >= bounds(f.dari)[0]
        if f.sampai:
            m &= s["tanggal"] < bounds(f.sampai)[1]
        if f.lokasi:
            m &= s["lokasi"].isin(f.lokasi)
        return s[m]

    def _ikm(self, s: pd.DataFrame, by: list[str]) -> pd.DataFrame:
        unsur = [f"u{i}" for i in range(1, 10)]
        g = s.groupby(by)[unsur].mean()
        return (g.sum(axis=1) / 9 * 25).rename("ikm_konversi").reset_index()

    # -- pages -------------------------------------------------------------------------------------
    def ringkasan(self, f) -> list[pd.DataFrame]:
        k = self._k(f)
        per = self._groups(k, ["lokasi", "periode"])
        last = per["periode"].max()
        prev = per.loc[per["periode"] < last, "periode"].max()
        head = per[per["periode"] == last].merge(per[per["periode"] == prev], on="lokasi", suffixes=("", "_lalu"))
        opd = k.groupby(["lokasi", "opd", "periode"])["hasil_kerja"].mean().unstack("periode")
        change = (opd.iloc[:, -1] - opd.iloc[:, 0]).abs().sort_values(ascending=False).head(5)
        curve = pd.crosstab([k["lokasi"], k["opd"], k["unit_kerja"], k["periode"]], k["predikat"])
        return [head, change.reset_index(), curve, self._ikm(self._skm(f), ["lokasi", "periode"])]

    def skor(self, f) -> list[pd.DataFrame]:
        k = self._k(f)
        by_opd = self._groups(k, ["lokasi", "opd"])
        last = k[k["periode"] == k["periode"].max()]
        hist = {
            p: np.histogram(part["hasil_kerja"].dropna(), bins=np.arange(0, 152.5, 2.5))[0] for p, part in last.groupby("lokasi")
        }
        by_place = self._groups(k, ["lokasi"])
        c = self.cap
        m = (c["periode"] >= f.dari) & (c["periode"] <= f.sampai)
        if f.lokasi:
            m &= c["lokasi"].isin(f.lokasi)
        ind = (
            c[m]
            .groupby("indikator")
            .agg(n=("capaian", "size"), rata=("capaian", "mean"), capai=("capaian", lambda x: (x >= 100).mean()))
            .reset_index()
        )
        atasan = self.beh[self.beh["peran_penilai"] == "atasan"]
        rated = atasan.merge(k[["nip", "periode", "hasil_kerja", "lokasi"]], on=["nip", "periode"])
        lenient = (
            rated.groupby("nip_penilai")
            .agg(n=("nip", "nunique"), diberikan=("skor", "mean"), hasil=("hasil_kerja", "mean"))
            .reset_index()
        )
        return [by_opd, pd.DataFrame(hist), by_place, ind, lenient]

    def tren(self, f) -> list[pd.DataFrame]:
        return [self._groups(self._k(f), ["lokasi", "periode"]), self._ikm(self._skm(f), ["lokasi", "periode"])]

    def bandingkan(self, f) -> list[pd.DataFrame]:
        # the employee is the unit: each one's mean over the range, then mean and sd over employees
        k = self._k(f).dropna(subset=["hasil_kerja"])
        per = k.groupby(["lokasi", "opd", "nip"])["hasil_kerja"].mean().reset_index()
        g = (
            per.groupby(["lokasi", "opd"])
            .agg(n=("nip", "size"), rata_hasil=("hasil_kerja", "mean"), sd_hasil=("hasil_kerja", "std"))
            .reset_index()
        )
        se = g["sd_hasil"] / np.sqrt(g["n"])
        g["ci_bawah"], g["ci_atas"] = g["rata_hasil"] - 1.96 * se, g["rata_hasil"] + 1.96 * se
        g["persentil"] = g.groupby("lokasi")["rata_hasil"].rank(pct=True) * 100
        return [g]

    def umpan_balik(self, f, unit: str | None) -> list[pd.DataFrame]:
        s = self._skm(f)
        units = self._ikm(s, ["unit_layanan", "periode"])
        resp = s[s["unit_layanan"] == unit].sort_values("tanggal", ascending=False).head(5000)
        return [units, resp]

    def pembinaan(self, f) -> list[pd.DataFrame]:
        cfg = self.s.section("pembinaan")
        k = self._k(f).sort_values(["nip", "periode"])
        last = k["periode"].max()
        same = k["nip"].eq(k["nip"].shift(1))
        below = k["hasil_kerja"] < cfg["score_cutoff"]
        run = below.copy()
        for i in range(1, int(cfg["consecutive_periods"])):
            run &= below.shift(i, fill_value=False) & k["nip"].eq(k["nip"].shift(i))
        t = int(cfg["trend_periods"]) - 1
        drop = (k["hasil_kerja"].shift(t) - k["hasil_kerja"]).where(k["nip"].eq(k["nip"].shift(t)))
        bad = k["predikat"].isin(PREDIKAT[2:])
        flagged = k[(k["periode"] == last) & (bad | run | (drop >= cfg["trend_min_drop"])) & same.notna()]
        weak = self.cap[(self.cap["periode"] == last) & self.cap["nip"].isin(flagged["nip"])]
        weak = weak.sort_values("capaian").groupby("nip").head(2)
        return [flagged.merge(weak.groupby("nip")["indikator"].agg(", ".join).reset_index(), on="nip", how="left")]

    def penghargaan(self, f) -> list[pd.DataFrame]:
        cfg = self.s.section("penghargaan")
        n = int(cfg["min_periods"])
        k = self._k(f).sort_values(["nip", "periode"])
        last = k["periode"].max()
        k = k.assign(sb=(k["predikat"] == "Sangat Baik").astype(int))
        roll = k.groupby("nip", sort=False)[["sb", "hasil_kerja"]].rolling(n, min_periods=n)
        k = k.assign(
            n_sb=roll["sb"].sum().reset_index(level=0, drop=True), rata=roll["hasil_kerja"].mean().reset_index(level=0, drop=True)
        )
        top = k[(k["periode"] == last) & (k["n_sb"] >= cfg["min_share_sangat_baik"] * n) & (k["rata"] >= cfg["min_score"])]
        return [top.sort_values("rata", ascending=False)]

    def profil(self, f, nip: str) -> list[pd.DataFrame]:
        """As the page: the employee's history and feedback, then indicators and behaviour of the latest period."""
        history = self.kin[self.kin["nip"] == nip]
        last = history["periode"].max()
        cap, beh = self.cap[self.cap["nip"] == nip], self.beh[self.beh["nip"] == nip]
        return [
            self.peg[self.peg["nip"] == nip],
            history,
            cap[cap["periode"] == last],
            beh[beh["periode"] == last],
            self.skm[self.skm["nip_petugas"] == nip],
        ]

    def frame(self, f) -> list:
        """The shared frame: the period slider's options and each filter's choices, cascading from the places."""
        periods = sorted(self.kin["periode"].unique())
        k = self.kin[self.kin["lokasi"].isin(f.lokasi)] if f.lokasi else self.kin
        return [
            periods,
            *[sorted(k[c].dropna().unique()) for c in ("opd", "unit_kerja", "jenis_jabatan", "golongan", "status_asn")],
        ]

    def page(self, name: str, f, ctx) -> list[pd.DataFrame]:
        """One page view's tables, by the dashboard's page path, after the shared frame (as the dashboard)."""
        self.frame(f)
        if name == "umpan-balik":
            return self.umpan_balik(f, ctx.unit)
        if name == "profil":
            return self.profil(f, ctx.nip)
        return getattr(self, name)(f)


PAGES = ["ringkasan", "skor", "tren", "bandingkan", "umpan-balik", "pembinaan", "penghargaan", "profil"]
