"""What the held-out sets' ``make_binaries.py`` scripts share: a DOCX rewritten with fixed entry
times, so that rebuilding a committed binary gives the same bytes."""

import zipfile
from pathlib import Path


def fix_zip_times(path: Path, stamp: tuple[int, int, int, int, int, int]) -> None:
    """Rewrite the archive at ``path`` with ``stamp`` as every entry's time (python-docx writes the clock's)."""
    with zipfile.ZipFile(path) as src:
        entries = [(info, src.read(info.filename)) for info in src.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for info, data in entries:
            fixed = zipfile.ZipInfo(info.filename, date_time=stamp)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = info.external_attr
            dst.writestr(fixed, data)
