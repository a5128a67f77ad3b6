"""Panduan's 'Talenta & kepatuhan' section (issue 24): the nine-box, succession pool, SKP compliance and rater
calibration rules with the settings in force, in both languages."""

from __future__ import annotations

import polars as pl
import streamlit as st

from ui import fmt
from ui import talenta as ut
from ui.data import settings
from ui.i18n import T, col, lang

T.update({"sec_talenta": ("Talenta & kepatuhan", "Talent & compliance")})

GUIDE: dict[str, tuple[str, str]] = {
    "h_talenta": ("Peta talenta (kotak manajemen talenta)", "Talent map (the nine-box)"),
    "talenta": (
        "Dasar: PermenPANRB 3/2020 tentang Manajemen Talenta ASN. Sumbu tegak **kinerja** dari predikat SKP "
        "{tahun} tahun terakhir: tiap predikat diberi nilai (Sangat Baik {sb}, Baik {b}, Butuh Perbaikan {bp}, "
        "Kurang/Misconduct {k}, Sangat Kurang {sk}); nilai satu tahun = predikat tahunan bila ada, bila tidak rata-rata "
        "predikat periodik tahun itu; kinerja = rata-rata nilai tahun-tahun itu. Di atas ekspektasi mulai {ka}, sesuai "
        "mulai {ks}, di bawah itu di bawah ekspektasi. Sumbu datar **potensial** dari hasil asesmen terakhir (paling "
        "lama {berlaku} tahun): nilai 0–100 (mis. JPM) tinggi mulai {pt}, menengah mulai {pm}; bila hanya ada kategori, "
        "kategori itu dipakai (rekomendasi kompetensi MS = tinggi, MMS = menengah, KMS/TMS = rendah: pilihan rancangan). "
        "Tanpa asesmen: tanpa kotak. Kotak dinomori dari baris atas: 4 7 9 / 2 5 8 / 1 3 6. Tidak ada batas nasional: "
        "batas, nama kotak, dan tindakannya adalah pengaturan instansi ([talenta] di settings.toml), nilai bawaannya "
        "seperti yang dipublikasikan instansi (periksa lampiran peraturan sebelum mengutipnya sebagai hukum).",
        "Basis: PermenPANRB 3/2020 on ASN talent management. The vertical axis, **performance**, comes from the SKP "
        "predikat of the last {tahun} years: each predikat scores (Sangat Baik {sb}, Baik {b}, Butuh Perbaikan {bp}, "
        "Kurang/Misconduct {k}, Sangat Kurang {sk}); a year's score is its annual predikat where there is one, else the "
        "mean of its periodic ones; performance is the mean over those years. Above expectations from {ka}, as expected "
        "from {ks}, below that below expectations. The horizontal axis, **potential**, comes from the latest assessment "
        "(at most {berlaku} years old): a 0–100 score (e.g. JPM) is high from {pt}, middle from {pm}; with only a "
        "category, that category (competence recommendation MS = high, MMS = middle, KMS/TMS = low: a design choice). "
        "No assessment: no box. Boxes are numbered from the top row: 4 7 9 / 2 5 8 / 1 3 6. There are no national "
        "thresholds: thresholds, box names and actions are agency settings, their defaults as agencies publish them "
        "(check the regulation's annex before citing them as law).",
    ),
    "h_suksesi": ("Kelompok rencana suksesi", "Succession pool"),
    "suksesi": (
        "Kotak {kotak}, kecuali pegawai yang dijatuhi hukuman disiplin tingkat {tingkat} yang dimulai dalam {tahun} tahun "
        "terakhir; yang dikeluarkan tetap ditampilkan dengan hukumannya.",
        "Boxes {kotak}, except employees with a {tingkat} discipline sanction begun in the last {tahun} years; those left "
        "out are still listed with their sanction.",
    ),
    "h_kepatuhan": ("Kepatuhan SKP", "SKP compliance"),
    "kepatuhan": (
        "Per periode, setiap pegawai yang tercantum di daftar pegawai pada periode itu: **SKP** bila ada indikator "
        "kinerja atau hasil evaluasi resmi; **realisasi** bila sedikitnya satu indikator terealisasi di atas nol "
        "(e-Kinerja menuliskan nol sebelum diisi) atau hanya ada hasil evaluasi resmi; **predikat** bila predikat "
        "kinerja sudah ada. Pegawai berstatus {status} yang beririsan dengan periode itu dihitung terpisah "
        "([kepatuhan] dikecualikan).",
        "Per period, every employee the roster lists in that period: an **SKP** when there are indicators or an official "
        "result; a **realisation** when at least one indicator is realised above zero (e-Kinerja writes zero until it "
        "is filled in) or there is only an official result; a **predikat** when the performance predikat exists. "
        "Employees with a status of {status} overlapping the period are counted apart ([kepatuhan] dikecualikan).",
    ),
    "h_kalibrasi": ("Kalibrasi penilai", "Rater calibration"),
    "kalibrasi": (
        "Untuk tiap atasan: skor perilaku (rata-rata tujuh nilai BerAKHLAK) yang ia berikan dikurangi skor yang diberikan "
        "penilai lain (rekan, bawahan, masyarakat; bukan diri sendiri) kepada orang yang sama, lalu dikurangi rata-rata "
        "selisih itu untuk semua atasan di OPD-nya; bila orang yang dinilainya tidak dinilai penilai lain: skor yang "
        "diberikan dikurangi rata-rata atasan di OPD. Ditandai terlalu murah/ketat bila selisih paling sedikit {batas} "
        "poin dan rentang {conf} tidak memuat nol, dengan sedikitnya {min_n} orang dinilai. Perubahan besar: predikat "
        "berubah {lompat} tingkat atau lebih dari periode sebelumnya.",
        "For each superior: the behaviour score (mean of the seven BerAKHLAK values) they give less what other raters "
        "(peers, subordinates, the public; not self) gave the same people, less the mean of that for all superiors of "
        "their OPD; where nobody else rated their people: the score given less the OPD's superiors' mean. Flagged "
        "lenient/harsh when that is at least {batas} points and the {conf} interval excludes zero, with at least "
        "{min_n} people rated. Big movers: predikat changed {lompat} or more levels from the previous period.",
    ),
}


def g(key: str, **kw) -> str:
    pair = GUIDE[key]
    return (pair[1] if lang() == "en" else pair[0]).format(**kw)


def render() -> None:
    """The section, with the values of the settings in force."""
    s = settings()
    tl, kp, kb = s.section("talenta"), s.section("kepatuhan"), s.section("kalibrasi")
    n = lambda v, d=0: fmt.num(v, d, lang())  # noqa: E731
    st.header(g("h_talenta"))
    st.markdown(
        g(
            "talenta",
            tahun=tl["kinerja_tahun"],
            sb=n(tl["nilai_sangat_baik"]),
            b=n(tl["nilai_baik"]),
            bp=n(tl["nilai_butuh_perbaikan"]),
            k=n(tl["nilai_kurang"]),
            sk=n(tl["nilai_sangat_kurang"]),
            ka=n(tl["kinerja_di_atas_min"]),
            ks=n(tl["kinerja_sesuai_min"]),
            berlaku=tl["asesmen_berlaku_tahun"],
            pt=n(tl["potensial_tinggi_min"]),
            pm=n(tl["potensial_menengah_min"]),
        )
    )
    rows = [(b, name, action) for b, (name, action) in sorted(ut.boxes().items(), reverse=True)]
    names = [col("kotak"), col("nama_kotak"), col("tindakan")]
    st.dataframe(pl.DataFrame(rows, schema=names, orient="row"), hide_index=True, key="kotak_talenta")
    st.header(g("h_suksesi"))
    tingkat = " / ".join(ut.level(v) for v in tl["sanksi_mengecualikan"])
    st.markdown(g("suksesi", kotak=", ".join(str(b) for b in tl["kotak_suksesi"]), tingkat=tingkat, tahun=tl["sanksi_tahun"]))
    st.header(g("h_kepatuhan"))
    st.markdown(g("kepatuhan", status=", ".join(ut.level(x) for x in kp["dikecualikan"])))
    st.header(g("h_kalibrasi"))
    st.markdown(
        g(
            "kalibrasi",
            batas=n(kb["batas_selisih"], 1),
            conf=fmt.pct(float(kb["confidence"]), 0, lang()),
            min_n=kb["min_dinilai"],
            lompat=kb["lompatan_predikat"],
        )
    )
