"""The realistic setting of the demo: the four places, their OPDs, units, indicators and services."""

from __future__ import annotations

INSTANSI = {
    "Bangko": "Pemerintah Kabupaten Merangin",
    "Jambi": "Pemerintah Kota Jambi",
    "Belawan": "Pemerintah Kota Medan",
    "Rakumpit": "Pemerintah Kota Palangka Raya",
}
# Share of demo employees per place.
BOBOT_LOKASI = {"Bangko": 0.30, "Jambi": 0.38, "Belawan": 0.18, "Rakumpit": 0.14}

OPD: dict[str, dict[str, list[str]]] = {
    "Bangko": {
        "Dinas Kesehatan": ["Puskesmas Bangko", "Puskesmas Pematang Kandis", "Bidang Pelayanan Kesehatan"],
        "Dinas Pendidikan": ["SMP Negeri 1 Bangko", "SD Negeri 12 Bangko", "Bidang Pembinaan SD"],
        "Disdukcapil": ["Bidang Pelayanan Pendaftaran Penduduk", "Bidang Pencatatan Sipil"],
        "Dinas PUPR": ["Bidang Bina Marga", "Bidang Sumber Daya Air", "Bidang Cipta Karya"],
        "Dinas Perhubungan": ["Bidang Lalu Lintas", "UPTD Pengujian Kendaraan Bermotor"],
        "Kecamatan Bangko": ["Kelurahan Pasar Bangko", "Kelurahan Dusun Bangko", "Kelurahan Pematang Kandis"],
        "DPMPTSP": ["Bidang Pelayanan Perizinan"],
        "BKPSDM": ["Bidang Penilaian Kinerja Aparatur"],
    },
    "Jambi": {
        "Dinas Kesehatan": ["Puskesmas Simpang IV Sipin", "Puskesmas Kenali Besar", "Bidang Kesehatan Masyarakat"],
        "Dinas Pendidikan": ["SMP Negeri 7 Kota Jambi", "SD Negeri 47 Kota Jambi", "Bidang Pembinaan SMP"],
        "Disdukcapil": ["Bidang Pelayanan Pendaftaran Penduduk", "Bidang Pencatatan Sipil", "Bidang PIAK"],
        "Dinas PUPR": ["Bidang Bina Marga", "Bidang Penataan Ruang"],
        "Dinas Perhubungan": ["Bidang Lalu Lintas", "UPTD Pengujian Kendaraan Bermotor"],
        "Kecamatan Telanaipura": ["Kelurahan Telanaipura", "Kelurahan Pematang Sulur", "Kelurahan Buluran Kenali"],
        "Kecamatan Jambi Selatan": ["Kelurahan Pakuan Baru", "Kelurahan Tambak Sari"],
        "Kecamatan Kota Baru": ["Kelurahan Simpang III Sipin", "Kelurahan Suka Karya"],
        "Kecamatan Alam Barajo": ["Kelurahan Mayang Mangurai", "Kelurahan Kenali Besar"],
        "Kecamatan Danau Sipin": ["Kelurahan Legok", "Kelurahan Sungai Putri"],
        "Dinas Sosial": ["Bidang Rehabilitasi Sosial"],
        "Satpol PP": ["Bidang Penegakan Perda"],
        "Bappeda": ["Bidang Perencanaan Infrastruktur"],
        "BPKAD": ["Bidang Perbendaharaan"],
    },
    "Belawan": {
        "Kecamatan Medan Belawan": [
            "Kelurahan Bagan Deli",
            "Kelurahan Belawan Bahagia",
            "Kelurahan Belawan Bahari",
            "Kelurahan Belawan Sicanang",
            "Kelurahan Belawan I",
            "Kelurahan Belawan II",
        ],
        "Dinas Kesehatan": ["Puskesmas Belawan", "Puskesmas Bagan Deli"],
        "Disdukcapil": ["UPT Pelayanan Medan Utara"],
        "Dinas Perhubungan": ["UPT Perhubungan Medan Utara"],
        "Dinas Pendidikan": ["SMP Negeri 15 Medan", "SD Negeri 060930 Belawan"],
        "Dinas PUPR": ["UPT Pemeliharaan Jalan Medan Utara"],
    },
    "Rakumpit": {
        "Kecamatan Rakumpit": ["Kelurahan Petuk Bukit", "Kelurahan Petuk Barunai", "Kelurahan Pager", "Kelurahan Mungku Baru"],
        "Dinas Kesehatan": ["Puskesmas Rakumpit", "Pustu Petuk Barunai"],
        "Dinas Pendidikan": ["SMP Negeri 9 Palangka Raya", "SD Negeri 1 Petuk Bukit"],
        "Disdukcapil": ["Bidang Pelayanan Pendaftaran Penduduk"],
        "Dinas PUPR": ["Bidang Bina Marga"],
        "Dinas Sosial": ["Bidang Perlindungan Sosial"],
    },
}

# (indicator, unit of measure, direction, target)
INDIKATOR: dict[str, list[tuple[str, str, str, float]]] = {
    "Disdukcapil": [
        ("Waktu penyelesaian dokumen", "hari", "turun", 3.0),
        ("Akurasi data kependudukan", "persen", "naik", 98.0),
        ("Kepuasan masyarakat", "persen", "naik", 85.0),
        ("Dokumen kependudukan diterbitkan", "dokumen", "naik", 400.0),
        ("Perekaman KTP-el", "orang", "naik", 250.0),
        ("Pengaduan diselesaikan", "persen", "naik", 90.0),
    ],
    "Dinas Pendidikan": [
        ("Penguasaan materi ajar", "nilai", "naik", 85.0),
        ("Kehadiran", "persen", "naik", 95.0),
        ("Keterlibatan ekstrakurikuler", "kegiatan", "naik", 4.0),
        ("Rata-rata nilai siswa", "nilai", "naik", 78.0),
        ("Perangkat ajar lengkap", "dokumen", "naik", 12.0),
        ("Kualitas pekerjaan", "nilai", "naik", 85.0),
    ],
    "Dinas Kesehatan": [
        ("Cakupan imunisasi dasar", "persen", "naik", 95.0),
        ("Waktu tunggu pelayanan", "menit", "turun", 30.0),
        ("Kunjungan pasien dilayani", "kunjungan", "naik", 600.0),
        ("Kepatuhan SOP", "persen", "naik", 100.0),
        ("Interaksi dengan masyarakat", "nilai", "naik", 85.0),
        ("Laporan tepat waktu", "laporan", "naik", 4.0),
    ],
    "Dinas Perhubungan": [
        ("Kecelakaan lalu lintas di ruas binaan", "kejadian", "turun", 12.0),
        ("Kendaraan diuji", "unit", "naik", 300.0),
        ("Rambu terpasang", "titik", "naik", 20.0),
        ("Disiplin", "nilai", "naik", 90.0),
        ("Kualitas pelayanan", "nilai", "naik", 85.0),
    ],
    "Dinas PUPR": [
        ("Proyek selesai tepat waktu", "persen", "naik", 90.0),
        ("Realisasi fisik pekerjaan", "persen", "naik", 100.0),
        ("Kolaborasi lintas bidang", "nilai", "naik", 80.0),
        ("Jalan mantap dipelihara", "km", "naik", 15.0),
        ("Temuan pemeriksaan ditindaklanjuti", "persen", "naik", 100.0),
    ],
    "_umum": [
        ("Kualitas pelayanan", "nilai", "naik", 85.0),
        ("Disiplin", "nilai", "naik", 90.0),
        ("Inisiatif", "nilai", "naik", 80.0),
        ("Kualitas pekerjaan", "nilai", "naik", 85.0),
        ("Interaksi dengan masyarakat", "nilai", "naik", 85.0),
        ("Surat dan berkas diproses", "berkas", "naik", 120.0),
    ],
}

# Public service units surveyed (SKM) per place: (unit_layanan, OPD, service)
LAYANAN = {
    "Bangko": [
        ("Disdukcapil Kabupaten Merangin", "Disdukcapil", "KTP-el dan KK"),
        ("Puskesmas Bangko", "Dinas Kesehatan", "Rawat jalan"),
        ("Kantor Camat Bangko", "Kecamatan Bangko", "Surat keterangan"),
        ("DPMPTSP Kabupaten Merangin", "DPMPTSP", "Perizinan berusaha"),
        ("UPTD Pengujian Kendaraan Bermotor", "Dinas Perhubungan", "Uji KIR"),  # as in Jambi: names recur
    ],
    "Jambi": [
        ("Disdukcapil Kota Jambi", "Disdukcapil", "KTP-el dan KK"),
        ("Puskesmas Simpang IV Sipin", "Dinas Kesehatan", "Rawat jalan"),
        ("Kantor Camat Telanaipura", "Kecamatan Telanaipura", "Surat keterangan"),
        ("Kantor Camat Alam Barajo", "Kecamatan Alam Barajo", "Surat keterangan"),
        ("UPTD Pengujian Kendaraan Bermotor", "Dinas Perhubungan", "Uji KIR"),
        ("Dinas Sosial Kota Jambi", "Dinas Sosial", "Bantuan sosial"),
    ],
    "Belawan": [
        ("Kantor Camat Medan Belawan", "Kecamatan Medan Belawan", "Surat keterangan"),
        ("Puskesmas Belawan", "Dinas Kesehatan", "Rawat jalan"),
        ("UPT Pelayanan Disdukcapil Medan Utara", "Disdukcapil", "KTP-el dan KK"),
        ("Kantor Lurah Belawan Bahari", "Kecamatan Medan Belawan", "Surat pengantar"),
    ],
    "Rakumpit": [
        ("Puskesmas Rakumpit", "Dinas Kesehatan", "Rawat jalan"),
        ("Kantor Camat Rakumpit", "Kecamatan Rakumpit", "Surat keterangan"),
        ("Kantor Lurah Petuk Bukit", "Kecamatan Rakumpit", "Surat pengantar"),
    ],
}

KRITIK_BAIK = [
    "Petugas ramah dan cepat melayani.",
    "Pelayanan sudah baik, pertahankan.",
    "Prosesnya jelas dan tidak dipungut biaya.",
    "Terima kasih, berkas selesai hari itu juga.",
    "Ruang tunggu bersih dan nyaman.",
    "",
]
KRITIK_BURUK = {
    1: "Persyaratan berubah-ubah, tolong diumumkan dengan jelas.",
    2: "Alurnya membingungkan, harus bolak-balik ke beberapa loket.",
    3: "Antrean terlalu lama, sudah menunggu lebih dari tiga jam.",
    4: "Masih ada pungutan di luar ketentuan.",
    5: "Dokumen yang terbit salah ketik nama.",
    6: "Petugas kurang menguasai aturan, jawabannya beda-beda.",
    7: "Petugas kurang ramah dan sering main HP.",
    8: "Pengaduan saya tidak pernah ditanggapi.",
    9: "Ruang tunggu panas, kipas rusak, toilet kotor.",
}
PENDIDIKAN = ["SD", "SMP", "SMA/SMK", "D3", "S1", "S2"]
PEKERJAAN = [
    "PNS/TNI/Polri",
    "Pegawai swasta",
    "Wiraswasta",
    "Pelajar/Mahasiswa",
    "Petani/Nelayan",
    "Ibu rumah tangga",
    "Lainnya",
]
NAMA_DEPAN = [
    "Ahmad",
    "Budi",
    "Citra",
    "Dewi",
    "Eko",
    "Fitri",
    "Gunawan",
    "Hendra",
    "Indah",
    "Joko",
    "Kartika",
    "Lestari",
    "Muhammad",
    "Nur",
    "Okta",
    "Putri",
    "Rahmat",
    "Sari",
    "Taufik",
    "Utami",
    "Wahyu",
    "Yusuf",
    "Zainal",
    "Rina",
    "Agus",
    "Bambang",
    "Dian",
    "Erna",
    "Fajar",
    "Hasan",
    "Irwan",
    "Juliana",
    "Kurniawan",
    "Maria",
    "Novita",
    "Rudi",
    "Siti",
    "Tono",
    "Yanti",
    "Andi",
    "Benny",
    "Debora",
    "Ferdinand",
    "Lusiana",
    "Samuel",
    "Tiur",
]
NAMA_BELAKANG = [
    "Saputra",
    "Lestari",
    "Siregar",
    "Nasution",
    "Harahap",
    "Lubis",
    "Simanjuntak",
    "Hutapea",
    "Pratama",
    "Wijaya",
    "Hidayat",
    "Rahmawati",
    "Kusuma",
    "Santoso",
    "Purba",
    "Sinaga",
    "Tarigan",
    "Batubara",
    "Daulay",
    "Rangkuti",
    "Matondang",
    "Ginting",
    "Sembiring",
    "Anggraini",
    "Putra",
    "Susanto",
    "Syahputra",
    "Maharani",
    "Dewi",
    "Setiawan",
    "Ramadhan",
    "Hakim",
    "Effendi",
    "Ardiansyah",
    "Pane",
]


# Every file the demo generator writes (files.py, legacy.py): a warehouse that loaded only these is the demo, and
# the sign-in page offers the demo accounts (appdb.demo.is_demo_load).
DEMO_FILE_PATTERN = (
    r"^(pegawai\.xlsx|capaian_[a-z]+\.(csv|xlsx)|perilaku\.parquet|evaluasi_jambi\.(xlsx|parquet)|skm_[a-z]+\.csv"
    r"|hasil_asesmen_talenta\.xlsx|riwayat_hukuman_disiplin\.csv|riwayat_status_pegawai\.csv"
    r"|pp46_prestasi_kerja_\d{4}_\d{4}\.xlsx|ikm_kepmenpan_25_2004_tahun_\d{4}\.csv)$"
)
