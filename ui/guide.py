"""The Panduan (guide) page's text in both languages, as templates filled with the current settings."""

from __future__ import annotations

GUIDE: dict[str, tuple[str, str]] = {
    "intro": (
        "Cara dasbor ini menghitung setiap angka, dengan nilai pengaturan yang berlaku sekarang (pengaturan "
        "dasbor, diubah oleh administrator server). Jika pengaturan diubah, halaman ini ikut berubah.",
        "How this dashboard computes every figure, with the settings in force now (the dashboard's settings, "
        "changed by the server administrator). When the settings change, this page changes with them.",
    ),
    "h_hasil": ("Hasil kerja dan perilaku", "Work result and behaviour"),
    "hasil": (
        "- **Capaian** per indikator = realisasi ÷ target × 100 (dibalik untuk indikator yang makin rendah makin "
        "baik, misalnya waktu layanan), dibatasi maks **{cap}**.\n"
        "- **Hasil kerja** = rata-rata capaian tertimbang bobot indikator (bobot satu pegawai-periode berjumlah "
        "{weight_total}).\n"
        "- **Perilaku** (0–100) = rata-rata tujuh nilai BerAKHLAK, ditimbang menurut peran penilai: {roles}.\n"
        "- Rating hasil kerja: **Di Atas Ekspektasi** jika ≥ {hasil_di_atas}, **Sesuai** jika ≥ {hasil_sesuai}, "
        "selain itu **Di Bawah**. Rating perilaku: Di Atas ≥ {perilaku_di_atas}, Sesuai ≥ {perilaku_sesuai}. "
        "Batas ini pilihan daerah, bukan ketentuan peraturan.\n"
        "- Predikat **resmi** (dari SKP yang diunggah) dipakai bila ada; bila tidak, predikat **dihitung** dari "
        "kedua rating dengan matriks di bawah. Pegawai tanpa salah satu rating tidak berpredikat dan tidak "
        "dihitung dalam persentase predikat.",
        "- **Capaian** per indicator = realisation ÷ target × 100 (inverted for indicators where lower is better, "
        "such as service time), capped at **{cap}**.\n"
        "- **Work result** = the indicators' capaian weighted by their weights (one employee-period's weights sum "
        "to {weight_total}).\n"
        "- **Behaviour** (0–100) = mean of the seven BerAKHLAK values, weighted by rater role: {roles}.\n"
        "- Work-result rating: **Di Atas Ekspektasi** (above) if ≥ {hasil_di_atas}, **Sesuai** (as expected) if "
        "≥ {hasil_sesuai}, otherwise **Di Bawah** (below). Behaviour rating: above ≥ {perilaku_di_atas}, as "
        "expected ≥ {perilaku_sesuai}. These edges are a regional choice, not regulation.\n"
        "- The **official** predikat (from the uploaded SKP) is used where present; otherwise it is **computed** "
        "from the two ratings with the matrix below. Employees missing a rating have no predikat and are left "
        "out of predikat shares.",
    ),
    "h_matrix": ("Matriks predikat (PermenPANRB 6/2022)", "Predikat matrix (PermenPANRB 6/2022)"),
    "h_ordinal": ("Skor 1–5 menurut rezim yang berlaku", "The 1–5 score by the regime in force"),
    "ordinal": (
        "Setiap periode memakai predikat rezim yang berlaku saat itu: periode PP 30/2019 memakai predikat PP 30 "
        "(Cukup = 3), bukan predikat matriks 6/2022 untuk orang yang sama.",
        "Each period uses the predikat of the regime in force then: a PP 30/2019 period uses the PP 30 predikat "
        "(Cukup = 3), never the 6/2022 matrix's word for the same person.",
    ),
    "ordinal_regime": ("Rezim", "Regime"),
    "matrix_rows": ("Hasil kerja ↓ · perilaku →", "Work result ↓ · behaviour →"),
    "h_ikm": ("IKM dan mutu layanan (PermenPANRB 14/2017)", "IKM and service grade (PermenPANRB 14/2017)"),
    "ikm": (
        "- Responden menilai 9 unsur layanan dari 1 sampai 4. **NRR** per unsur = jumlah nilai ÷ responden.\n"
        "- **IKM** = rata-rata NRR ({weights}); **IKM konversi** = IKM × {konversi} (skala 25–100), dibulatkan "
        "2 desimal.\n"
        "- **Mutu**: A (Sangat Baik) ≥ {a_min}; B (Baik) ≥ {b_min}; C (Kurang Baik) ≥ {c_min}; selain itu D "
        "(Tidak Baik).\n"
        "- Unit dengan kurang dari **{min_respondents}** responden ditandai ⚠ sampel kecil.",
        "- Respondents rate 9 service items from 1 to 4. **NRR** per item = sum of answers ÷ respondents.\n"
        "- **IKM** = mean of the NRRs ({weights}); **IKM converted** = IKM × {konversi} (a 25–100 scale), rounded "
        "to 2 decimals.\n"
        "- **Grade**: A (very good) ≥ {a_min}; B (good) ≥ {b_min}; C (fair) ≥ {c_min}; otherwise D (poor).\n"
        "- Units with fewer than **{min_respondents}** respondents are marked ⚠ small sample.",
    ),
    "h_kurva": ("Kurva distribusi (SE MenPANRB 3/2023)", "Distribution curve (SE MenPANRB 3/2023)"),
    "kurva": (
        "Predikat organisasi membatasi komposisi predikat pegawainya. Unit yang melanggar ditampilkan di Ringkasan "
        "(panduan untuk diperiksa, bukan larangan). Batas maksimum dibulatkan ke bawah, minimum ke atas.\n\n"
        "- **Istimewa**: Sangat Baik paling banyak {istimewa_max_sangat_baik}.\n"
        "- **Baik**: Baik paling banyak {baik_max_baik}, dan paling sedikit {baik_min_bawah} orang Butuh Perbaikan "
        "atau Kurang/Misconduct.\n"
        "- **Butuh Perbaikan**: Butuh Perbaikan paling sedikit {butuh_min_butuh}; Sangat Baik paling banyak "
        "{butuh_max_sangat_baik}.\n"
        "- **Kurang**: Kurang/Misconduct paling sedikit {kurang_min_kurang}; Butuh Perbaikan paling sedikit "
        "{kurang_min_butuh}; Sangat Baik paling banyak {kurang_max_sangat_baik}.\n"
        "- **Sangat Kurang**: Sangat Kurang paling sedikit {sangat_kurang_min_sangat_kurang}; Kurang atau Butuh "
        "Perbaikan paling sedikit {sangat_kurang_min_kurang_or_butuh}; tanpa Sangat Baik.",
        "The organisation's own predikat bounds its employees' predikat mix. Units breaking it are listed on the "
        "Overview (guidance to check, not a constraint). Maxima round down, minima round up.\n\n"
        "- **Istimewa**: at most {istimewa_max_sangat_baik} Sangat Baik.\n"
        "- **Baik**: at most {baik_max_baik} Baik, and at least {baik_min_bawah} Butuh Perbaikan or "
        "Kurang/Misconduct.\n"
        "- **Butuh Perbaikan**: at least {butuh_min_butuh} Butuh Perbaikan; at most {butuh_max_sangat_baik} "
        "Sangat Baik.\n"
        "- **Kurang**: at least {kurang_min_kurang} Kurang/Misconduct; at least {kurang_min_butuh} Butuh "
        "Perbaikan; at most {kurang_max_sangat_baik} Sangat Baik.\n"
        "- **Sangat Kurang**: at least {sangat_kurang_min_sangat_kurang} Sangat Kurang; at least "
        "{sangat_kurang_min_kurang_or_butuh} Kurang or Butuh Perbaikan; no Sangat Baik.",
    ),
    "h_coach": ("Pembinaan dan penghargaan", "Coaching and recognition"),
    "coach": (
        "Seorang pegawai masuk daftar **pembinaan** pada periode terakhir rentang bila memenuhi salah satu:\n\n"
        "1. predikat **{predikat_trigger}** atau lebih buruk;\n"
        "2. hasil kerja di bawah **{score_cutoff}** selama **{consecutive_periods}** periode kalender berturut-turut;\n"
        "3. hasil kerja turun paling sedikit **{trend_min_drop}** poin dalam **{trend_periods}** periode.\n\n"
        "Yang paling mendesak (lebih banyak aturan, predikat lebih buruk, hasil kerja lebih rendah) di atas. "
        "Fokus pembinaan: indikator dengan capaian terendah dan nilai BerAKHLAK terlemah pada periode itu.\n\n"
        "Daftar **penghargaan**: Sangat Baik pada paling sedikit **{min_sb}** dari **{min_periods}** periode "
        "terakhir dan rata-rata hasil kerja ≥ **{min_score}**.",
        "An employee is on the **coaching** list in the last period of the range when any of these holds:\n\n"
        "1. predikat **{predikat_trigger}** or worse;\n"
        "2. work result below **{score_cutoff}** for **{consecutive_periods}** calendar periods in a row;\n"
        "3. work result fallen by at least **{trend_min_drop}** points over **{trend_periods}** periods.\n\n"
        "The most urgent (more rules, worse predikat, lower work result) come first. Coach on: the indicator with "
        "the lowest capaian and the weakest BerAKHLAK value in that period.\n\n"
        "The **recognition** list: Sangat Baik in at least **{min_sb}** of the last **{min_periods}** periods and "
        "a mean work result ≥ **{min_score}**.",
    ),
    "h_reports": ("Laporan terjadwal dan peringatan", "Scheduled reports and alerts"),
    "reports": (
        "- Setiap PDF memuat nama instansi **{instansi}**, filter yang dipakai, waktu data dan siapa yang "
        "mengunduh.\n"
        "- Langganan mingguan dikirim setiap **{weekday}**, bulanan setiap tanggal **{monthday}**, pukul "
        "**{hour}** {zone}. E-mail yang gagal dicoba lagi paling banyak {tries} kali dengan jeda {retry} menit, "
        "lalu ditampilkan kepada administrator.\n"
        "- Peringatan dihitung setelah setiap pemuatan data dan dikirim sekali ketika kondisinya mulai berlaku: "
        "IKM konversi satu unit di bawah **{ikm_min}**{ikm_drop}; persentase di bawah Baik satu OPD naik lebih "
        "dari **{bawah} poin** dalam satu periode{kurva}{kasus}; pemuatan yang menolak paling sedikit "
        "**{ditolak}** baris (hanya untuk admin).",
        "- Every PDF carries the agency name **{instansi}**, the filters used, the data's as-of time and who "
        "downloaded it.\n"
        "- Weekly subscriptions go out every **{weekday}**, monthly ones on day **{monthday}** of the month, at "
        "**{hour}** {zone}. A failed e-mail is retried at most {tries} times, {retry} minutes apart, then shown "
        "to the administrator.\n"
        "- Alerts are evaluated after every load and sent once when their condition starts to hold: a unit's IKM "
        "converted below **{ikm_min}**{ikm_drop}; an OPD's share below Baik rising by more than **{bawah} "
        "points** in one period{kurva}{kasus}; a load rejecting at least **{ditolak}** rows (admins only).",
    ),
    "reports_ikm_drop": (" atau turun satu mutu sejak survei sebelumnya", " or falling a grade since its previous survey"),
    "reports_kurva": ("; unit yang melanggar kurva distribusi", "; a unit breaking the distribution curve"),
    "reports_kasus": ("; kasus pembinaan yang lewat tenggat", "; coaching cases past their due date"),
    "h_read": ("Membaca grafik", "Reading the charts"),
    "read": (
        "- Label dan tooltip menyebut apa yang dihitung: **pegawai** = pegawai berbeda yang dinilai dalam rentang; "
        "**nilai** = nilai pegawai-periode (satu pegawai dinilai tiap periode, jadi 45 pegawai dalam 12 bulan "
        "memberi sampai 540 nilai); **n** pada tren = pegawai pada periode itu, dan responden untuk IKM.\n"
        "- Setiap angka dari kelompok dengan kurang dari **{min_group}** pegawai diberi tanda **✕** (pada grafik "
        "garis: titik berongga ○), di grafik, sel peta panas, persentil, tabel, dan unduhan: terlalu kecil untuk "
        "dibandingkan.\n"
        "- **Selang kepercayaan {confidence}** (Bandingkan): rentang tempat rata-rata sebenarnya kemungkinan "
        "berada; dua kelompok yang garisnya bertumpuk belum tentu berbeda.\n"
        "- **Penilai paling longgar** (Skor › Penilai): atasan yang nilai perilaku pemberiannya paling sedikit "
        "**{z}** simpangan baku (skor z) di atas rata-rata semua penilai, dari penilai dengan ≥ {k} bawahan.\n"
        "- **Periode sebagian**: periode yang pegawai dinilainya kurang dari {partial}% pegawai di daftar pegawai "
        'saat itu (data belum lengkap dimuat) diarsir abu-abu dan disebut "sebagian: 3 dari 925 pegawai"; rentang '
        "bawaan berakhir di periode lengkap terakhir. Triwulan survei sebagian bila jawabannya mencakup kurang dari "
        "{partial}% bulannya.\n"
        "- **Sumber predikat**: predikat resmi (evaluasi SKP yang dimuat) menggantikan predikat hitungan dasbor; "
        "perbandingan antartempat menyebut bila keduanya bercampur, dan pilihan *Resmi saja / Hitung saja / Terbaik "
        "tersedia* membandingkan dengan cara yang sama.\n"
        "- Klik sel, batang atau titik untuk mempersempit filter ke OPD/lokasi itu; tombol **Atur ulang filter** "
        "mengembalikan semuanya. Tautan halaman dapat dibagikan: pembaca melihat tampilan yang sama dalam bahasa "
        "mana pun.",
        "- Labels and tooltips say what they count: **employees** = distinct employees appraised in the range; "
        "**scores** = employee-period scores (one per employee per period, so 45 employees over 12 months give up "
        "to 540 scores); **n** on trends = employees in that period, and respondents for IKM.\n"
        "- Every figure from a group of fewer than **{min_group}** employees carries **✕** (on line charts: a "
        "hollow point ○), in charts, heatmap cells, percentiles, tables and downloads: too small to compare.\n"
        "- **{confidence} confidence interval** (Compare): the range where the true mean likely lies; two groups "
        "whose bars overlap may not really differ.\n"
        "- **Most lenient raters** (Scores › Raters): superiors whose behaviour ratings are at least **{z}** "
        "standard deviations (z-score) above the mean of all raters, among raters of ≥ {k} staff.\n"
        "- **Partial period**: a period with fewer than {partial}% of the employees then on the roster appraised "
        '(data not fully loaded yet) is shaded grey and said as "partial: 3 of 925 employees"; the default range '
        "ends at the latest complete period. A survey quarter is partial when its responses cover under {partial}% "
        "of its months.\n"
        "- **Predikat source**: official predikat (SKP evaluations loaded) replace the dashboard's computed ones; "
        "comparisons across places say when they mix the two, and *Official only / Computed only / Best available* "
        "compares alike.\n"
        "- Click a cell, bar or point to narrow the filters to that OPD/place; **Reset filters** undoes it all. "
        "Page links can be shared: the reader sees the same view in either language.",
    ),
}
