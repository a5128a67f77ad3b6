"""Words that carry no complaint: common Indonesian function words (and the survey's own filler), removed before
the most frequent words of the survey's comments are counted."""

from __future__ import annotations

STOP_WORDS: frozenset[str] = frozenset(
    """
    ada adalah agar akan aku anda apa atau bagi bahwa banyak baru beberapa begitu belum beliau bila bisa boleh
    bukan cukup dalam dan dari dengan dia harus hanya hari ini itu jadi jika juga kalau kami kamu kan karena
    ke kepada ketika kita lagi lain lebih maka masih mau melalui mereka meski mohon nya oleh pada para pun
    saat saja sama sampai sangat saya se sebagai sebelum sedang sehingga sekali selalu semua sendiri seperti
    serta setelah sini situ sudah supaya tapi telah tentang terhadap tetapi tersebut tolong untuk walau yang
    yg dgn utk tdk sdh aja ya dong deh sih kok nih tuh
    terima kasih mas mbak pak bu bapak ibu
    """.split()
)
