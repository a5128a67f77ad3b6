"""What each input kind is: one declaration per kind, holding everything the pipelines need to know of it.

A kind's canonical columns (required and optional), the header spellings accepted for each (our own templates'
and the published layouts': BKN e-Kinerja downloads, SIASN/SIMPEG rosters, the PermenPANRB 14/2017
questionnaire and survey apps), the staging columns and their types, the natural key and sort order, the
number columns, the columns whose presence says which kind a file is, and the columns a file may lack because
the value is context (title cells, an info sheet, the file name or the person loading it).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import polars as pl

from domain.appraisal import BERAKHLAK
from domain.survey import UNSUR, UNSUR_2004


@dataclass(frozen=True)
class Kind:
    """One input kind: its columns, the header spellings accepted for each, and how it is staged."""

    name: str
    required: list[str]
    optional: list[str]
    aliases: dict[str, list[str]]  # canonical column -> spellings (our templates', the demo files')
    layout_aliases: dict[str, list[str]]  # canonical column -> further spellings of published layouts
    types: dict[str, pl.DataType]  # staging columns (derived ones too) and their types
    key: list[str] | None  # the natural key; None: rows are replaced by source and period
    sort: list[str]  # staging order, so row groups' min/max skip most of a table for one employee
    numeric: list[str]  # columns read as numbers
    signature: list[str]  # columns whose presence says a file is of this kind
    context: list[str]  # columns a file may lack because the value is context

    @property
    def columns(self) -> list[str]:
        return self.required + self.optional


def header_key(text: str) -> str:
    """Fold a header to a comparable key: lower case, letters and digits joined by '_'."""
    return re.sub(r"[^a-z0-9]+", "_", str(text).strip().lower()).strip("_")


NIP_HEADERS = [
    "nip",
    "nip_pegawai",
    "nomor_induk_pegawai",
    "nip_asn",
    "employee_id",
    "nip_baru",
    "ni_pppk",
    "nip_pppk",
    "nomor_induk_pppk",
]
PERIOD_HEADERS = ["periode", "period", "bulan", "masa_penilaian", "periode_penilaian", "month"]

PEGAWAI = Kind(
    name="pegawai",
    required=["nip", "nama", "lokasi", "opd"],
    optional=[
        "jenis_kelamin",
        "status_asn",
        "golongan",
        "jenis_jabatan",
        "jabatan",
        "instansi",
        "unit_kerja",
        "nip_atasan",
        "per_tanggal",
    ],
    aliases={
        "nip": NIP_HEADERS,
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
        # the roster's as-of date, when the file has it as a column (usually it is in the title: context)
        "per_tanggal": ["per_tanggal", "tanggal_data", "data_per", "keadaan_per", "posisi_per", "as_of", "snapshot_date"],
    },
    layout_aliases={
        "nip": ["nip_baru", "nip_18"],
        "nama": ["nama_pns", "nama_asn"],
        "golongan": [
            "gol_akhir_nama",
            "golru",
            "gol_ruang",
            "gol_akhir",
            "pangkat_gol",
            "golongan_akhir",
            "pangkat_golongan_ruang",
        ],
        "jenis_jabatan": ["jenis_jabatan_nama", "skp_jenis_jabatan"],
        "jabatan": ["jabatan_nama", "skp_jabatan", "nama_jabatan", "jabatan_terakhir"],
        "unit_kerja": ["unor_nama", "skp_unor", "unit_organisasi", "unor", "unit_kerja_nama"],
        "opd": [
            "unor_induk_nama",
            "skp_unor_induk",
            "satuan_kerja_kerja_nama",
            "satuan_kerja_nama",
            "opd_nama",
            "unit_kerja_induk",
            "unor_induk",
            "satuan_kerja",
        ],
        "instansi": ["instansi_induk_nama", "instansi_kerja_nama", "instansi_nama"],
        "lokasi": ["lokasi_kerja_nama", "lokasi_kerja", "kabupaten_kota"],
        "status_asn": ["jenis_pegawai", "jenis_pegawai_nama", "status_pegawai", "kedudukan_pegawai"],
        "nip_atasan": ["pegawai_atasan_nip", "nip_atasan_langsung", "atasan_langsung_nip"],
    },
    types={
        "nip": pl.String,
        "nama": pl.String,
        "jenis_kelamin": pl.String,
        "status_asn": pl.String,
        "golongan": pl.String,
        "jenis_jabatan": pl.String,
        "jabatan": pl.String,
        "lokasi": pl.String,
        "instansi": pl.String,
        "opd": pl.String,
        "unit_kerja": pl.String,
        "nip_atasan": pl.String,
        "tanggal_lahir": pl.Date,
        "tmt_pengangkatan": pl.Date,
        "per_tanggal": pl.Date,
    },
    key=["nip", "per_tanggal"],  # each roster is a snapshot: one row per employee per as-of date
    sort=["nip"],
    numeric=[],
    signature=[],
    context=["lokasi", "opd", "per_tanggal"],
)

CAPAIAN = Kind(
    name="capaian",
    required=["nip", "periode", "indikator", "target", "realisasi"],
    optional=["satuan", "bobot", "arah", "aspek", "rezim"],
    aliases={
        "nip": NIP_HEADERS,
        "periode": PERIOD_HEADERS,
        "indikator": ["indikator", "indikator_kinerja", "iki", "indicator", "kpi"],
        "satuan": ["satuan", "unit_of_measure", "satuan_ukur", "uom"],
        "target": ["target", "sasaran_target", "target_value"],
        "realisasi": ["realisasi", "capaian_realisasi", "actual", "realisation", "realization"],
        "bobot": ["bobot", "bobot_persen", "weight", "bobot_"],
        "arah": ["arah", "polaritas", "direction", "arah_indikator"],
        "aspek": ["aspek", "aspect"],
        "rezim": ["rezim", "regulasi", "regime", "dasar_penilaian"],
    },
    layout_aliases={},
    types={
        "nip": pl.String,
        "periode": pl.String,
        "periode_jenis": pl.String,
        "periode_mulai": pl.Date,
        "indikator": pl.String,
        "satuan": pl.String,
        "target": pl.Float64,
        "realisasi": pl.Float64,
        "bobot": pl.Float64,
        "arah": pl.String,
        "aspek": pl.String,
        "rezim": pl.String,
    },
    key=["nip", "periode", "indikator"],
    sort=["nip", "periode"],
    numeric=["target", "realisasi", "bobot"],
    signature=["indikator", "target", "realisasi"],
    context=["periode"],
)

PERILAKU = Kind(
    name="perilaku",
    required=["nip", "periode", "peran_penilai", *BERAKHLAK],
    optional=["nip_penilai"],
    aliases={
        "nip": [*NIP_HEADERS, "nip_dinilai"],
        "periode": PERIOD_HEADERS,
        "peran_penilai": [
            "peran_penilai",
            "penilai",
            "rater_role",
            "sumber_penilaian",
            "role",
            "hubungan",
            "hubungan_penilai",
            "hubungan_dengan_yang_dinilai",
            "posisi_penilai",
            "jenis_penilai",
            "relationship",
        ],
        "nip_penilai": ["nip_penilai", "rater_nip"],
        "berorientasi_pelayanan": ["berorientasi_pelayanan", "orientasi_pelayanan", "service_orientation"],
        "akuntabel": ["akuntabel", "accountable"],
        "kompeten": ["kompeten", "competent"],
        "harmonis": ["harmonis", "harmonious"],
        "loyal": ["loyal"],
        "adaptif": ["adaptif", "adaptive"],
        "kolaboratif": ["kolaboratif", "collaborative"],
    },
    layout_aliases={},
    types={
        "nip": pl.String,
        "periode": pl.String,
        "periode_jenis": pl.String,
        "periode_mulai": pl.Date,
        "peran_penilai": pl.String,
        "nip_penilai": pl.String,
        **dict.fromkeys(BERAKHLAK, pl.Float64),
    },
    key=["nip", "periode", "peran_penilai", "nip_penilai"],
    sort=["nip", "periode"],
    numeric=BERAKHLAK,
    signature=["peran_penilai", *BERAKHLAK],
    context=["periode", "peran_penilai"],
)

EVALUASI = Kind(
    name="evaluasi",
    required=["nip", "periode", "rating_hasil_kerja", "rating_perilaku"],
    optional=["predikat", "predikat_organisasi", "inovasi"],
    aliases={
        "nip": NIP_HEADERS,
        "periode": PERIOD_HEADERS,
        "rating_hasil_kerja": ["rating_hasil_kerja", "hasil_kerja", "rating_hasil", "work_result_rating"],
        "rating_perilaku": ["rating_perilaku", "perilaku_kerja", "perilaku", "behaviour_rating", "behavior_rating"],
        "predikat": ["predikat", "predikat_kinerja", "predikat_kinerja_pegawai", "rating"],
        "predikat_organisasi": ["predikat_organisasi", "predikat_unit", "predikat_kinerja_organisasi", "organisation_rating"],
        "inovasi": ["inovasi", "ide_baru", "innovation"],
    },
    layout_aliases={
        "nip": ["nip_baru"],
        "rating_hasil_kerja": ["hasil_kerja", "rating_hasil_kerja", "nilai_hasil_kerja"],
        "rating_perilaku": ["perilaku_kerja", "rating_perilaku_kerja", "nilai_perilaku_kerja"],
        "predikat": ["hasil_akhir", "predikat_kinerja", "predikat_akhir", "predikat_kinerja_pegawai"],
        "periode": ["periode_penilaian", "bulan_penilaian"],
    },
    types={
        "nip": pl.String,
        "periode": pl.String,
        "periode_jenis": pl.String,
        "periode_mulai": pl.Date,
        "rating_hasil_kerja": pl.String,
        "rating_perilaku": pl.String,
        "predikat": pl.String,
        "predikat_organisasi": pl.String,
        "inovasi": pl.Boolean,
    },
    key=["nip", "periode"],
    sort=["nip", "periode"],
    numeric=[],
    signature=["rating_hasil_kerja", "rating_perilaku", "predikat"],
    context=["periode"],
)

SKM = Kind(
    name="skm",
    required=["unit_layanan", "lokasi", "tanggal", *UNSUR],
    optional=["opd", "layanan", "jenis_kelamin", "usia", "pendidikan", "pekerjaan", "kritik_saran", "nip_petugas"],
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
        "u8": ["u8", "penanganan_pengaduan_saran_dan_masukan", "penanganan_pengaduan", "pengaduan", "u8_penanganan_pengaduan"],
        "u9": ["u9", "sarana_dan_prasarana", "sarana_prasarana", "sarana", "u9_sarana_dan_prasarana"],
    },
    layout_aliases={
        "unit_layanan": ["nama_unit_layanan", "unit_pelayanan", "nama_unit", "unit_kerja", "unit_penyelenggara"],
        "tanggal": [
            "cap_waktu",
            "timestamp",
            "tanggal_pengisian",
            "waktu_pengisian",
            "tanggal_survey",
            "tgl_survei",
            "tanggal_isi",
        ],
        "jenis_kelamin": ["l_p", "jenis_kelamin_responden"],
        "usia": ["umur_tahun", "usia_tahun", "usia_responden"],
        "pendidikan": ["pendidikan_terakhir"],
        "pekerjaan": ["pekerjaan_utama", "pekerjaan_responden"],
        "layanan": [
            "jenis_layanan",
            "layanan_yang_diterima",
            "jenis_pelayanan",
            "layanan_yang_diterima_hari_ini",
            "jenis_layanan_yang_diterima",
        ],
        "kritik_saran": [
            "saran_dan_masukan",
            "kritik_dan_saran",
            "saran_masukan",
            "kritik",
            "masukan",
            "kritik_saran_dan_masukan",
        ],
    },
    types={
        "unit_layanan": pl.String,
        "lokasi": pl.String,
        "opd": pl.String,
        "tanggal": pl.Date,
        "periode": pl.String,
        **dict.fromkeys(UNSUR, pl.Int64),
        "jenis_kelamin": pl.String,
        "usia": pl.Float64,
        "pendidikan": pl.String,
        "pekerjaan": pl.String,
        "layanan": pl.String,
        "kritik_saran": pl.String,
        "nip_petugas": pl.String,
    },
    key=None,
    sort=[],
    numeric=[*UNSUR, "usia"],
    signature=list(UNSUR),
    context=["lokasi", "unit_layanan", "tanggal"],
)

PP46_ASPECTS = ["orientasi_pelayanan", "integritas", "komitmen", "disiplin", "kerja_sama", "kepemimpinan"]

# PP 46/2011 "penilaian prestasi kerja" results (legacy): nilai SKP, six behaviour aspects (kepemimpinan for
# structural posts only), nilai perilaku, nilai prestasi kerja (60% SKP + 40% perilaku) and its sebutan.
PP46 = Kind(
    name="pp46",
    required=["nip", "periode", "nilai_skp", *PP46_ASPECTS[:5]],
    optional=["kepemimpinan", "nilai_perilaku", "nilai_prestasi", "sebutan"],
    aliases={
        "nip": NIP_HEADERS,
        "periode": [*PERIOD_HEADERS, "tahun", "tahun_penilaian"],
        "nilai_skp": ["nilai_skp", "capaian_skp", "nilai_capaian_skp", "skp"],
        "orientasi_pelayanan": ["orientasi_pelayanan", "pelayanan"],
        "integritas": ["integritas"],
        "komitmen": ["komitmen"],
        "disiplin": ["disiplin"],
        "kerja_sama": ["kerja_sama", "kerjasama"],
        "kepemimpinan": ["kepemimpinan"],
        "nilai_perilaku": ["nilai_perilaku", "nilai_perilaku_kerja", "rata_rata_perilaku"],
        "nilai_prestasi": ["nilai_prestasi", "nilai_prestasi_kerja", "nilai_ppk", "prestasi_kerja"],
        "sebutan": ["sebutan", "kategori", "predikat_prestasi"],
    },
    layout_aliases={},
    types={
        "nip": pl.String,
        "periode": pl.String,
        "periode_jenis": pl.String,
        "periode_mulai": pl.Date,
        "nilai_skp": pl.Float64,
        **dict.fromkeys(PP46_ASPECTS, pl.Float64),
        "nilai_perilaku": pl.Float64,
        "nilai_prestasi": pl.Float64,
        "sebutan": pl.String,
    },
    key=["nip", "periode"],
    sort=["nip", "periode"],
    numeric=["nilai_skp", *PP46_ASPECTS, "nilai_perilaku", "nilai_prestasi"],
    signature=["nilai_skp", "integritas", "komitmen", "disiplin", "nilai_prestasi", "sebutan"],
    context=["periode"],
)


def _short(name: str) -> str:
    """An unsur's name as forms shorten it: 'Kejelasan petugas pelayanan' -> 'Kejelasan petugas'."""
    words = name.split()
    return " ".join(words[:-1]) if len(words) > 2 and words[-1] in ("pelayanan", "petugas") else name


# KepmenPAN 25/2004 IKM (legacy): one row per respondent, fourteen unsur; kept apart from the 14/2017 survey.
IKM2004 = Kind(
    name="ikm2004",
    required=["unit_layanan", "lokasi", "tanggal", *UNSUR_2004],
    optional=["opd", "jenis_kelamin", "usia", "pendidikan", "pekerjaan"],
    aliases={
        **{c: SKM.aliases[c] for c in ("unit_layanan", "lokasi", "opd", "tanggal", "jenis_kelamin", "usia")},
        "pendidikan": SKM.aliases["pendidikan"],
        "pekerjaan": SKM.aliases["pekerjaan"],
        **{u: [u, f"unsur_{u[1:]}", f"{u}_{name}", name, _short(name)] for u, name in UNSUR_2004.items()},
    },
    layout_aliases={c: SKM.layout_aliases[c] for c in ("unit_layanan", "tanggal")},
    types={
        "unit_layanan": pl.String,
        "lokasi": pl.String,
        "opd": pl.String,
        "tanggal": pl.Date,
        "periode": pl.String,
        **dict.fromkeys(UNSUR_2004, pl.Int64),
        "jenis_kelamin": pl.String,
        "usia": pl.Float64,
        "pendidikan": pl.String,
        "pekerjaan": pl.String,
    },
    key=None,
    sort=[],
    numeric=[*UNSUR_2004, "usia"],
    signature=list(UNSUR_2004),
    context=["lokasi", "unit_layanan", "tanggal"],
)


# Talent management inputs (PermenPANRB 3/2020, issue 24): assessment results, discipline sanctions and the
# statuses that excuse an employee from an SKP. Each is dated, not periodic: `periode` is derived (the year the
# row begins) so that a corrected file replaces what its source loaded for the same years.
ASESMEN = Kind(
    name="asesmen",
    required=["nip", "tanggal_asesmen"],
    optional=["instrumen", "nilai_potensial", "kategori_potensial", "asesor"],
    aliases={
        "nip": [*NIP_HEADERS, "nip_peserta", "nip_asesi"],
        "tanggal_asesmen": ["tanggal_asesmen", "tgl_asesmen", "tanggal_penilaian_kompetensi", "tanggal_tes", "assessment_date"],
        "instrumen": ["instrumen", "metode", "metode_asesmen", "alat_ukur", "jenis_asesmen", "instrument"],
        "nilai_potensial": ["nilai_potensial", "nilai_potensi", "skor_potensi", "potential_score", "nilai_asesmen"],
        "kategori_potensial": ["kategori_potensial", "kategori_potensi", "tingkat_potensi", "level_potensi", "potential_level"],
        "asesor": ["asesor", "nama_asesor", "assessor", "penilai_asesmen"],
    },
    layout_aliases={
        # talent-management apps and SIASN's assessment history: JPM (job person match, %) as the score, the
        # category of potential, and the kompetensi recommendation (MS / MMS / KMS) as a level
        "nilai_potensial": ["jpm", "jpm_persen", "nilai_jpm", "job_person_match", "skor_jpm", "nilai_potensial_jpm"],
        "kategori_potensial": ["kategori_jpm", "rekomendasi_asesmen", "rekomendasi", "hasil_asesmen"],
        "tanggal_asesmen": ["tgl_pelaksanaan", "tanggal_pelaksanaan", "tanggal_asesmen_kompetensi", "tgl_tes"],
        "instrumen": ["metode_penilaian", "jenis_penilaian", "alat_ukur_asesmen"],
        "asesor": ["lembaga_asesor", "asesor_utama", "tim_asesor"],
    },
    types={
        "nip": pl.String,
        "periode": pl.String,
        "tanggal_asesmen": pl.Date,
        "instrumen": pl.String,
        "nilai_potensial": pl.Float64,
        "kategori_potensial": pl.String,
        "asesor": pl.String,
    },
    key=["nip", "tanggal_asesmen", "instrumen"],
    sort=["nip"],
    numeric=["nilai_potensial"],
    signature=["tanggal_asesmen", "nilai_potensial", "kategori_potensial", "asesor"],
    context=[],
)

SANKSI = Kind(
    name="sanksi",
    required=["nip", "tingkat_hukuman", "tmt_hukuman"],
    optional=["akhir_hukuman", "jenis_hukuman", "nomor_sk"],
    aliases={
        "nip": NIP_HEADERS,
        "tingkat_hukuman": ["tingkat_hukuman", "tingkat_hukuman_disiplin", "tingkat_hukdis", "sanction_level"],
        "tmt_hukuman": ["tmt_hukuman", "tanggal_hukuman", "tgl_hukuman", "mulai_hukuman", "sanction_start"],
        "akhir_hukuman": ["akhir_hukuman", "tanggal_akhir_hukuman", "selesai_hukuman", "masa_berakhir", "sanction_end"],
        "jenis_hukuman": ["jenis_hukuman", "jenis_hukuman_disiplin", "hukuman", "sanksi", "sanction"],
        "nomor_sk": ["nomor_sk", "no_sk", "sk_nomor", "nomor_sk_hukuman"],
    },
    layout_aliases={
        # SIASN riwayat hukuman disiplin (jenisTingkatHukuman R/S/B, hukumanTanggal, akhirHukumanTanggal) and
        # regional SIMPEG 'data hukuman' tables (Jenis Hukuman, Sanksi, Nomor, TMT)
        "tingkat_hukuman": ["jenis_tingkat_hukuman", "jenis_tingkat_hukuman_nama", "tingkat_hukuman_nama"],
        "tmt_hukuman": ["hukuman_tanggal", "tmt_sk_hukuman", "tanggal_sk_hukuman"],
        "akhir_hukuman": ["akhir_hukuman_tanggal", "tanggal_akhir", "tmt_akhir_hukuman"],
        "jenis_hukuman": ["jenis_hukuman_nama", "nama_hukuman"],
        "nomor_sk": ["sk_hukuman", "nomor_sk_hukdis"],
    },
    types={
        "nip": pl.String,
        "periode": pl.String,
        "tingkat_hukuman": pl.String,
        "tmt_hukuman": pl.Date,
        "akhir_hukuman": pl.Date,
        "jenis_hukuman": pl.String,
        "nomor_sk": pl.String,
    },
    key=["nip", "tmt_hukuman", "tingkat_hukuman"],
    sort=["nip"],
    numeric=[],
    signature=["tingkat_hukuman", "tmt_hukuman", "akhir_hukuman", "jenis_hukuman"],
    context=[],
)

PENGECUALIAN = Kind(
    name="pengecualian",
    required=["nip", "jenis_status", "status_mulai"],
    optional=["status_selesai", "keterangan_status"],
    aliases={
        "nip": NIP_HEADERS,
        "jenis_status": ["jenis_status", "status_pengecualian", "jenis_pengecualian", "alasan_pengecualian", "exclusion"],
        "status_mulai": ["status_mulai", "tmt_status", "mulai_status", "tanggal_mulai_status", "status_from"],
        "status_selesai": ["status_selesai", "akhir_status", "selesai_status", "tanggal_selesai_status", "status_to"],
        "keterangan_status": ["keterangan_status", "keterangan", "uraian", "note"],
    },
    layout_aliases={
        # SIMPEG leave and study-leave histories (Jenis Cuti, Tanggal Mulai/Selesai; Jenis Tugas Belajar, TMT
        # Mulai/Selesai) and SIASN's kedudukan hukum changes (CLTN, Tugas Belajar, Pensiun)
        "jenis_status": ["jenis_cuti", "jenis_tugas_belajar", "kedudukan_hukum", "kedudukan_hukum_nama", "jenis_mutasi"],
        "status_mulai": ["tanggal_mulai", "tgl_mulai", "tmt_mulai", "tmt_cuti", "tmt_kedudukan", "mulai"],
        "status_selesai": ["tanggal_selesai", "tgl_selesai", "tmt_selesai", "akhir_cuti", "selesai", "sampai"],
    },
    types={
        "nip": pl.String,
        "periode": pl.String,
        "jenis_status": pl.String,
        "status_mulai": pl.Date,
        "status_selesai": pl.Date,
        "keterangan_status": pl.String,
    },
    key=["nip", "jenis_status", "status_mulai"],
    sort=["nip"],
    numeric=[],
    signature=["jenis_status", "status_mulai", "status_selesai"],
    context=[],
)

# Load order: employee rosters first, so the other files of the same load can refer to them.
KINDS: dict[str, Kind] = {
    k.name: k for k in (PEGAWAI, CAPAIAN, PERILAKU, EVALUASI, SKM, PP46, IKM2004, ASESMEN, SANKSI, PENGECUALIAN)
}
ORDER = list(KINDS)
# Staging columns every kind carries besides its own: the source a row came from and the load that wrote it.
META = {"_sumber": pl.String, "_muat": pl.Int64}
