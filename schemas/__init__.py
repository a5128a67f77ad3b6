"""pandera models: the raw shape (text, lenient) and the clean shape (typed, strict) of each input.

The clean models are the data dictionary: each column's description says what it holds.
"""

from schemas.capaian import CapaianClean
from schemas.evaluasi import EvaluasiClean
from schemas.ikm2004 import Ikm2004Clean
from schemas.pegawai import PegawaiClean
from schemas.perilaku import PerilakuClean
from schemas.pp46 import Pp46Clean
from schemas.raw import raw_schema
from schemas.skm import SkmClean
from schemas.talenta import AsesmenClean, PengecualianClean, SanksiClean

CLEAN = {
    "pegawai": PegawaiClean,
    "capaian": CapaianClean,
    "perilaku": PerilakuClean,
    "evaluasi": EvaluasiClean,
    "skm": SkmClean,
    "pp46": Pp46Clean,
    "ikm2004": Ikm2004Clean,
    "asesmen": AsesmenClean,
    "sanksi": SanksiClean,
    "pengecualian": PengecualianClean,
}

__all__ = [
    "CLEAN",
    "raw_schema",
    "PegawaiClean",
    "CapaianClean",
    "PerilakuClean",
    "EvaluasiClean",
    "SkmClean",
    "Pp46Clean",
    "Ikm2004Clean",
    "AsesmenClean",
    "SanksiClean",
    "PengecualianClean",
]
