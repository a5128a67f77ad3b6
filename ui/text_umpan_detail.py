"""Labels of the Umpan balik unit detail (merged into ui.i18n's tables, kept apart for easy merges)."""

from __future__ import annotations

from ui.i18n import COLUMNS, T

TEXT: dict[str, tuple[str, str]] = {
    "skm_period": ("Periode survei", "Survey period"),
    "skm_profile_of": ("Profil responden · {p} (n={n})", "Respondent profile · {p} (n={n})"),
    "skm_comments_of": ("Kritik dan saran · {p}", "Comments · {p}"),
    "skm_words_of": ("Kata yang paling sering dikeluhkan · {p}", "Words most often in complaints · {p}"),
    "skm_words_note": (
        "Dari {k} keluhan periode ini: kritik dan saran dari responden yang memberi nilai {m} atau lebih rendah "
        "(skala 1–4) pada sedikitnya satu unsur. Kata umum seperti «yang» dan «untuk» tidak dihitung; satu "
        "keluhan dihitung sekali untuk setiap kata.",
        "From this period's {k} complaints: comments from respondents who scored at least one unsur {m} or lower "
        "(1–4 scale). Common words such as «yang» (that) and «untuk» (for) are not counted; each complaint counts "
        "once per word.",
    ),
    "skm_words_none": ("Tidak ada keluhan pada periode ini.", "No complaints in this period."),
    "skm_comments_note": (
        "{g} isi berbeda dari {c} responden yang menulis kritik atau saran; isi yang sama (huruf besar-kecil dan "
        "spasi diabaikan) digabung dengan jumlahnya; nilai unsur di baris itu rata-rata mereka.",
        "{g} different texts from {c} respondents who wrote a comment; identical texts (ignoring case and spacing) "
        "are grouped with their count; the unsur scores on a row are their mean.",
    ),
    "skm_partial_view": (
        "Menampilkan {k} dari {n} responden: hanya tanggapan yang boleh Anda lihat menurut peran Anda.",
        "Showing {k} of {n} respondents: only the responses your role may see.",
    ),
    "skm_withheld": (
        "Rincian per responden (profil, kritik dan saran) tidak ditampilkan untuk peran Anda; angka IKM di atas tetap berlaku.",
        "Per-respondent detail (profile, comments) is not shown for your role; the IKM figures above still apply.",
    ),
}

COLS: dict[str, tuple[str, str]] = {
    "kata": ("Kata", "Word"),
    "n_keluhan": ("Keluhan yang memuatnya", "Complaints containing it"),
    "share_keluhan": ("Bagian dari keluhan", "Share of complaints"),
    "terakhir": ("Terakhir", "Latest"),
    "keluhan": ("Keluhan", "Complaint"),
}

T.update(TEXT)
for _k, _v in COLS.items():
    COLUMNS.setdefault(_k, _v)
