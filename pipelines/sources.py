"""What each input kind looks like: canonical columns, required ones, accepted headers."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

BERAKHLAK = [
    "berorientasi_pelayanan",
    "akuntabel",
    "kompeten",
    "harmonis",
    "loyal",
    "adaptif",
    "kolaboratif",
]

# SKM unsur keyed by name (PermenPANRB 14/2017); implementations disagree on the
# order of U8/U9, so headers are matched by name first, then by U-number.
UNSUR = {
    "u1": "Persyaratan",
    "u2": "Sistem, Mekanisme, dan Prosedur",
    "u3": "Waktu Penyelesaian",
    "u4": "Biaya/Tarif",
    "u5": "Produk Spesifikasi Jenis Pelayanan",
    "u6": "Kompetensi Pelaksana",
    "u7": "Perilaku Pelaksana",
    "u8": "Penanganan Pengaduan, Saran dan Masukan",
    "u9": "Sarana dan Prasarana",
}

LOKASI = ["Bangko", "Jambi", "Belawan", "Rakumpit"]


@dataclass(frozen=True)
class Kind:
    """One input kind: its canonical columns and the header spellings accepted for each."""

    name: str
    required: list[str]
    optional: list[str]
    aliases: dict[str, list[str]] = field(default_factory=dict)

    @property
    def columns(self) -> list[str]:
        return self.required + self.optional


def header_key(text: str) -> str:
    """Fold a header to a comparable key: lower case, letters and digits joined by '_'."""
    return re.sub(r"[^a-z0-9]+", "_", str(text).strip().lower()).strip("_")


_COMMON = {
    "nip": ["nip", "nip_pegawai", "nomor_induk_pegawai", "nip_asn", "employee_id", "nip_baru"],
    "periode": ["periode", "period", "bulan", "masa_penilaian", "periode_penilaian", "month"],
}

KINDS: dict[str, Kind] = {
    "pegawai": Kind(
        "pegawai",
        required=["nip", "nama", "lokasi", "opd"],
        optional=[
            "jenis_kelamin", "status_asn", "golongan", "jenis_jabatan", "jabatan",
            "instansi", "unit_kerja", "nip_atasan",
        ],
        aliases={
            "nip": _COMMON["nip"],
            "nama": ["nama", "nama_pegawai", "nama_lengkap", "name", "full_name"],
            "jenis_kelamin": ["jenis_kelamin", "jk", "l_p", "sex", "gender"],
            "status_asn": ["status_asn", "status", "status_kepegawaian", "jenis_asn", "employment_status"],
            "golongan": ["golongan", "gol", "golongan_ruang", "pangkat_golongan", "grade"],
            "jenis_jabatan": ["jenis_jabatan", "position_type", "kelompok_jabatan"],
            "jabatan": ["jabatan", "nama_jabatan", "position", "job_title"],
            "lokasi": ["lokasi", "wilayah", "tempat", "place", "location", "daerah"],
            "instansi": ["instansi", "pemda", "agency", "instansi_induk"],
            "opd": ["opd", "perangkat_daerah", "skpd", "department", "dinas_badan"],
            "unit_kerja": ["unit_kerja", "unit", "satuan_kerja", "work_unit", "sub_unit"],
            "nip_atasan": ["nip_atasan", "nip_atasan_langsung", "atasan_nip", "supervisor_nip", "nip_pejabat_penilai"],
        },
    ),
    "capaian": Kind(
        "capaian",
        required=["nip", "periode", "indikator", "target", "realisasi"],
        optional=["satuan", "bobot", "arah", "aspek", "rezim"],
        aliases={
            "nip": _COMMON["nip"],
            "periode": _COMMON["periode"],
            "indikator": ["indikator", "indikator_kinerja", "iki", "indicator", "kpi"],
            "satuan": ["satuan", "unit_of_measure", "satuan_ukur", "uom"],
            "target": ["target", "sasaran_target", "target_value"],
            "realisasi": ["realisasi", "capaian_realisasi", "actual", "realisation", "realization"],
            "bobot": ["bobot", "bobot_persen", "weight", "bobot_"],
            "arah": ["arah", "polaritas", "direction", "arah_indikator"],
            "aspek": ["aspek", "aspect"],
            "rezim": ["rezim", "regulasi", "regime", "dasar_penilaian"],
        },
    ),
    "perilaku": Kind(
        "perilaku",
        required=["nip", "periode", "peran_penilai", *BERAKHLAK],
        optional=["nip_penilai"],
        aliases={
            "nip": _COMMON["nip"] + ["nip_dinilai"],
            "periode": _COMMON["periode"],
            "peran_penilai": ["peran_penilai", "penilai", "rater_role", "sumber_penilaian", "role"],
            "nip_penilai": ["nip_penilai", "rater_nip"],
            "berorientasi_pelayanan": ["berorientasi_pelayanan", "orientasi_pelayanan", "service_orientation"],
            "akuntabel": ["akuntabel", "accountable"],
            "kompeten": ["kompeten", "competent"],
            "harmonis": ["harmonis", "harmonious"],
            "loyal": ["loyal"],
            "adaptif": ["adaptif", "adaptive"],
            "kolaboratif": ["kolaboratif", "collaborative"],
        },
    ),
    "evaluasi": Kind(
        "evaluasi",
        required=["nip", "periode", "rating_hasil_kerja", "rating_perilaku"],
        optional=["predikat", "predikat_organisasi", "inovasi"],
        aliases={
            "nip": _COMMON["nip"],
            "periode": _COMMON["periode"],
            "rating_hasil_kerja": ["rating_hasil_kerja", "hasil_kerja", "rating_hasil", "work_result_rating"],
            "rating_perilaku": ["rating_perilaku", "perilaku_kerja", "perilaku", "behaviour_rating", "behavior_rating"],
            "predikat": ["predikat", "predikat_kinerja", "predikat_kinerja_pegawai", "rating"],
            "predikat_organisasi": ["predikat_organisasi", "predikat_unit", "predikat_kinerja_organisasi", "organisation_rating"],
            "inovasi": ["inovasi", "ide_baru", "innovation"],
        },
    ),
    "skm": Kind(
        "skm",
        required=["unit_layanan", "lokasi", "tanggal", *UNSUR.keys()],
        optional=[
            "opd", "layanan", "jenis_kelamin", "usia", "pendidikan", "pekerjaan",
            "kritik_saran", "nip_petugas",
        ],
        aliases={
            "unit_layanan": ["unit_layanan", "unit_pelayanan", "service_unit", "unit"],
            "lokasi": ["lokasi", "wilayah", "place", "location"],
            "opd": ["opd", "perangkat_daerah", "department"],
            "tanggal": ["tanggal", "tanggal_survei", "tgl", "date", "survey_date"],
            "layanan": ["layanan", "jenis_layanan", "service"],
            "jenis_kelamin": ["jenis_kelamin", "jk", "sex", "gender"],
            "usia": ["usia", "umur", "age"],
            "pendidikan": ["pendidikan", "education"],
            "pekerjaan": ["pekerjaan", "occupation"],
            "kritik_saran": ["kritik_saran", "kritik_dan_saran", "saran", "komentar", "comment", "comments"],
            "nip_petugas": ["nip_petugas", "petugas_nip", "officer_nip", "nip_pelaksana"],
            "u1": ["u1", "persyaratan", "u1_persyaratan"],
            "u2": ["u2", "sistem_mekanisme_dan_prosedur", "prosedur", "u2_prosedur", "u2_sistem_mekanisme_dan_prosedur"],
            "u3": ["u3", "waktu_penyelesaian", "u3_waktu_penyelesaian", "waktu"],
            "u4": ["u4", "biaya_tarif", "biaya", "tarif", "u4_biaya_tarif"],
            "u5": ["u5", "produk_spesifikasi_jenis_pelayanan", "produk", "u5_produk_spesifikasi_jenis_pelayanan"],
            "u6": ["u6", "kompetensi_pelaksana", "kompetensi", "u6_kompetensi_pelaksana"],
            "u7": ["u7", "perilaku_pelaksana", "u7_perilaku_pelaksana"],
            "u8": [
                "u8", "penanganan_pengaduan_saran_dan_masukan", "penanganan_pengaduan", "pengaduan",
                "u8_penanganan_pengaduan",
            ],
            "u9": ["u9", "sarana_dan_prasarana", "sarana_prasarana", "sarana", "u9_sarana_dan_prasarana"],
        },
    ),
}


def header_map(kind: Kind, headers: list[str]) -> dict[str, str]:
    """Map a file's headers to canonical names. Name matches win over U-number matches."""
    lookup = {header_key(a): canon for canon, names in kind.aliases.items() for a in names}
    for canon in kind.columns:
        lookup.setdefault(header_key(canon), canon)
    mapping: dict[str, str] = {}
    # Name-based headers first so "Sarana dan Prasarana" beats a positional "U8".
    ordered = sorted(headers, key=lambda h: re.fullmatch(r"u\d", header_key(h)) is not None)
    for h in ordered:
        key = header_key(h)
        named = re.fullmatch(r"u\d_(.+)", key)
        canon = (lookup.get(named.group(1)) if named else None) or lookup.get(key)
        if canon and canon not in mapping.values():
            mapping[h] = canon
    return mapping


def detect_kind(headers: list[str]) -> str | None:
    """Guess an input kind from its headers with the vocabularies of pipelines.vocab (context not counted)."""
    import polars as pl

    from pipelines.mapping import suggest
    from pipelines.readers import Table

    return suggest(Table("", pl.DataFrame(), list(headers), 1)).kind
