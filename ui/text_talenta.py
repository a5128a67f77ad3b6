"""Labels of the Kalibrasi, Talenta and Kepatuhan SKP pages (issue 24), merged into ui.i18n's tables."""

from __future__ import annotations

from ui.i18n import COLUMNS, VALUES, T

TEXT: dict[str, tuple[str, str]] = {
    "page_kalibrasi": ("Kalibrasi penilai", "Rater calibration"),
    "page_talenta": ("Peta talenta", "Talent map"),
    "page_kepatuhan": ("Kepatuhan SKP", "SKP compliance"),
    "kal_intro": (
        "Apakah atasan menilai terlalu murah atau terlalu ketat? Skor perilaku yang diberikan tiap atasan dibandingkan "
        "dengan skor yang diberikan penilai lain (rekan, bawahan, masyarakat) kepada orang yang sama, lalu dengan hal "
        "yang sama untuk semua atasan di OPD-nya (bila tidak ada penilai lain: dengan rata-rata atasan di OPD). "
        "Ditandai bila selisih dengan OPD paling sedikit {b} poin dan rentang {c} tidak memuat nol, dengan sedikitnya "
        "{n} orang dinilai.",
        "Do superiors rate too generously or too strictly? The behaviour score each superior gives is set against what "
        "other raters (peers, subordinates, the public) gave the same people, and that against the same for all "
        "superiors of their OPD (with no other raters: against the OPD's mean). Flagged when the difference from the "
        "OPD is at least {b} points and the {c} interval excludes zero, with at least {n} people rated.",
    ),
    "kal_raters": ("Atasan sebagai penilai", "Superiors as raters"),
    "kal_summary": ("Penilai per OPD (jumlah saja)", "Raters per OPD (counts only)"),
    "kal_gaps": (
        "Selisih penilaian diri dan rekan terhadap atasan per OPD",
        "Self and peer ratings against the superior's, per OPD",
    ),
    "kal_gaps_note": (
        "Selisih positif: diri/rekan menilai lebih tinggi daripada atasan. Poin skor perilaku 0–100.",
        "Positive: self/peers rate higher than the superior. Points of the 0–100 behaviour score.",
    ),
    "kal_dist": ("Sebaran selisih (pegawai-periode)", "Distribution of the gaps (employee-periods)"),
    "kal_movers": (
        "Predikat berubah {k} tingkat atau lebih sejak siklus sebelumnya",
        "Predikat moved {k} or more levels since the previous cycle",
    ),
    "kal_curve": ("Kurva distribusi (SE MenPANRB 3/2023)", "Distribution curve (SE MenPANRB 3/2023)"),
    "kal_none_movers": ("Tidak ada pegawai yang predikatnya berubah sejauh itu.", "Nobody's predikat moved that far."),
    "kal_self": ("Diri − atasan", "Self − superior"),
    "kal_peer": ("Rekan − atasan", "Peers − superior"),
    "kal_flag_lenient": ("terlalu murah", "lenient"),
    "kal_flag_harsh": ("terlalu ketat", "harsh"),
    "kal_few": ("sedikit dinilai", "few rated"),
    "tal_intro": (
        "Kotak manajemen talenta (PermenPANRB 3/2020): kinerja (dari predikat SKP {y} tahun terakhir) × potensial "
        "(dari hasil asesmen). Batas dan nama kotak adalah pengaturan instansi; lihat Panduan.",
        "The talent box (PermenPANRB 3/2020): performance (from the SKP predikat of the last {y} years) × potential "
        "(from assessment results). Thresholds and box names are agency settings; see the Guide.",
    ),
    "tal_year": ("Tahun", "Year"),
    "tal_grid": ("Sembilan kotak", "Nine boxes"),
    "tal_no_box": (
        "{n} pegawai tanpa kotak: belum ada hasil asesmen yang berlaku.",
        "{n} employees without a box: no valid assessment result yet.",
    ),
    "tal_small": ("Kotak di bawah {k} orang tidak ditampilkan jumlahnya (○).", "Boxes under {k} people show no count (○)."),
    "tal_actions": ("Tindakan per kotak", "Action per box"),
    "tal_people": ("Pegawai per kotak", "People per box"),
    "tal_pick_box": ("Kotak", "Box"),
    "tal_moves": ("Perpindahan kotak dari tahun sebelumnya", "Movement between boxes from the previous year"),
    "tal_moves_small": (
        "Tabel perpindahan tidak ditampilkan: ada sel di bawah {k} orang.",
        "The movement table is not shown: some cells hold fewer than {k} people.",
    ),
    "tal_tanpa": ("tanpa kotak", "no box"),
    "tal_pool": ("Kelompok rencana suksesi (kotak {b})", "Succession pool (boxes {b})"),
    "tal_pool_excl": (
        "{n} orang di kotak suksesi dikeluarkan karena hukuman disiplin tingkat {lv} dalam {y} tahun terakhir.",
        "{n} people in succession boxes are left out for a {lv} discipline sanction in the last {y} years.",
    ),
    "tal_kinerja_axis": ("Kinerja", "Performance"),
    "tal_potensial_axis": ("Potensial", "Potential"),
    "tal_profile": ("Kotak talenta", "Talent box"),
    "tal_profile_reason": (
        "Tahun {t}: kotak {b} — kinerja {k} ({kd}), potensial {p} ({pd}).",
        "Year {t}: box {b} — performance {k} ({kd}), potential {p} ({pd}).",
    ),
    "tal_profile_none": (
        "Tahun {t}: tanpa kotak — belum ada hasil asesmen yang berlaku.",
        "Year {t}: no box — no valid assessment result.",
    ),
    "kep_intro": (
        "Siapa yang sudah dan belum punya SKP, realisasi, dan predikat pada periode ini. Pegawai berstatus {x} pada "
        "periode itu dihitung terpisah, tidak sebagai 'belum'.",
        "Who has and has not got an SKP, a realisation and a predikat this period. Employees with status {x} in the "
        "period are counted apart, not as missing.",
    ),
    "kep_period": ("Periode", "Period"),
    "kep_ringkasan": (
        "Kepatuhan SKP {p}: {s} pegawai wajib SKP sudah punya SKP, {b} belum; {x} dikecualikan.",
        "SKP compliance {p}: {s} of employees due an SKP have one, {b} not yet; {x} excused.",
    ),
    "kep_sudah_skp": ("Sudah SKP", "Have an SKP"),
    "kep_sudah_realisasi": ("Sudah realisasi", "Have a realisation"),
    "kep_sudah_rating": ("Sudah predikat", "Have a predikat"),
    "kep_excluded_n": ("{n} pegawai dikecualikan", "{n} employees excused"),
    "kep_by_opd": ("Per OPD", "Per OPD"),
    "kep_missing": ("Yang belum", "Those still missing"),
    "kep_excluded": ("Yang dikecualikan", "Those excused"),
    "kep_trend": ("Tren kepatuhan", "Compliance trend"),
    "kep_small": ("OPD di bawah {k} pegawai tidak ditampilkan.", "OPDs under {k} employees are not shown."),
    "kind_asesmen": ("Hasil asesmen potensi/kompetensi", "Potential/competence assessment results"),
    "kind_sanksi": ("Hukuman disiplin", "Discipline sanctions"),
    "kind_pengecualian": (
        "Status pengecualian SKP (CLTN, tugas belajar, pensiun, mutasi)",
        "SKP exclusion statuses (CLTN, study leave, retirement, transfer)",
    ),
    "sudah": ("sudah", "yes"),
    "tal_ya": ("ya", "yes"),
    "tal_tidak": ("tidak", "no"),
    "belum": ("belum", "not yet"),
}

COLS: dict[str, tuple[str, str]] = {
    "nip_penilai": ("NIP penilai", "Rater NIP"),
    "nama_penilai": ("Penilai", "Rater"),
    "n_dinilai": ("Dinilai", "Rated"),
    "n_penilaian": ("Penilaian", "Ratings"),
    "rata_diberi": ("Rata-rata diberikan", "Mean given"),
    "rata_lain": ("Dari penilai lain", "From other raters"),
    "selisih_lain": ("Selisih dgn penilai lain", "Gap to other raters"),
    "rata_unit": ("Rata-rata OPD", "OPD mean"),
    "selisih_unit": ("Selisih dgn OPD", "Gap to OPD"),
    "ci": ("± rentang", "± interval"),
    "share_sangat_baik": ("Sangat Baik diberikan", "Sangat Baik given"),
    "tanda": ("Tanda", "Flag"),
    "n_penilai": ("Penilai", "Raters"),
    "n_murah": ("Terlalu murah", "Lenient"),
    "n_ketat": ("Terlalu ketat", "Harsh"),
    "n_diri": ("n diri", "n self"),
    "selisih_diri": ("Diri − atasan", "Self − superior"),
    "share_diri_lebih": ("Diri lebih tinggi", "Self higher"),
    "n_rekan": ("n rekan", "n peers"),
    "selisih_rekan": ("Rekan − atasan", "Peers − superior"),
    "periode_lalu": ("Periode sebelumnya", "Previous period"),
    "predikat_lalu": ("Predikat sebelumnya", "Previous predikat"),
    "lompatan": ("Perubahan (tingkat)", "Change (levels)"),
    "kotak": ("Kotak", "Box"),
    "kotak_lalu": ("Kotak tahun lalu", "Box last year"),
    "nilai_kinerja": ("Nilai kinerja", "Performance score"),
    "rincian_kinerja": ("Kinerja per tahun", "Performance per year"),
    "nilai_potensial": ("Nilai potensial", "Potential score"),
    "kategori_potensial": ("Kategori potensial", "Potential category"),
    "tanggal_asesmen": ("Tanggal asesmen", "Assessment date"),
    "instrumen": ("Instrumen", "Instrument"),
    "tingkat_hukuman": ("Hukuman disiplin", "Discipline sanction"),
    "tmt_hukuman": ("TMT hukuman", "Sanction from"),
    "kelompok_suksesi": ("Masuk kelompok suksesi", "In succession pool"),
    "tindakan": ("Tindakan", "Action"),
    "nama_kotak": ("Kotak talenta", "Talent box"),
    "n_wajib": ("Wajib SKP", "Due an SKP"),
    "n_dikecualikan": ("Dikecualikan", "Excused"),
    "n_skp": ("Sudah SKP", "With SKP"),
    "n_realisasi": ("Sudah realisasi", "With realisation"),
    "n_rating": ("Sudah predikat", "With predikat"),
    "share_skp": ("% SKP", "% SKP"),
    "share_realisasi": ("% realisasi", "% realisation"),
    "share_rating": ("% predikat", "% predikat"),
    "ada_skp": ("SKP", "SKP"),
    "ada_realisasi": ("Realisasi", "Realisation"),
    "ada_rating": ("Predikat", "Predikat"),
    "alasan_pengecualian": ("Alasan dikecualikan", "Why excused"),
    "jenis": ("Jenis", "Kind"),
    "bin": ("Selisih (poin)", "Gap (points)"),
    "kinerja_level": ("Kinerja", "Performance"),
    # the curve table's counts per predikat (fct_distribusi)
    "n_sb": ("n Sangat Baik", "n Sangat Baik"),
    "n_b": ("n Baik", "n Baik"),
    "n_bp": ("n Butuh Perbaikan", "n Butuh Perbaikan"),
    "n_k": ("n Kurang/Misconduct", "n Kurang/Misconduct"),
    "n_sk": ("n Sangat Kurang", "n Sangat Kurang"),
    "potensial_level": ("Potensial", "Potential"),
}

LEVELS: dict[str, tuple[str, str]] = {
    "di_atas": ("di atas ekspektasi", "above expectations"),
    "sesuai": ("sesuai ekspektasi", "as expected"),
    "di_bawah": ("di bawah ekspektasi", "below expectations"),
    "tinggi": ("tinggi", "high"),
    "menengah": ("menengah", "middle"),
    "rendah": ("rendah", "low"),
    "ringan": ("ringan", "light"),
    "sedang": ("sedang", "medium"),
    "berat": ("berat", "heavy"),
    "cltn": ("cuti di luar tanggungan negara", "unpaid leave (CLTN)"),
    "tugas_belajar": ("tugas belajar", "study leave"),
    "pensiun": ("pensiun", "retired"),
    "mutasi": ("mutasi", "transferred"),
    "diberhentikan_sementara": ("diberhentikan sementara", "temporarily suspended"),
    "meninggal": ("meninggal dunia", "deceased"),
}

# English of the default box names and actions (settings [talenta.kotak]); an agency's own wording is shown as set.
BOX_EN: dict[int, str] = {
    1: "Performance below expectations, low potential | Handled as the regulations provide",
    2: "Performance as expected, low potential | Performance guidance, competence development, suitable placement",
    3: (
        "Performance below expectations, middle potential | Performance guidance, counselling, competence development, "
        "suitable placement"
    ),
    4: "Performance above expectations, low potential | Rotation, competence development",
    5: "Performance as expected, middle potential | Suitable placement, performance guidance, competence development",
    6: "Performance below expectations, high potential | Suitable placement, performance guidance and counselling",
    7: (
        "Performance above expectations, middle potential | Kept, succession pool, rotation/job enrichment, competence "
        "development, study"
    ),
    8: "Performance as expected, high potential | Kept, succession pool, rotation/job enlargement, performance guidance",
    9: "Performance above expectations, high potential | Promoted and kept, succession pool, award",
}

T.update(TEXT)
VALUES.setdefault("jenis", {}).update(
    {
        "asesmen": ("Hasil asesmen", "Assessment results"),
        "sanksi": ("Hukuman disiplin", "Discipline sanctions"),
        "pengecualian": ("Status pengecualian SKP", "SKP exclusion statuses"),
    }
)
for _k, _v in COLS.items():
    COLUMNS.setdefault(_k, _v)
