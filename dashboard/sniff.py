"""What an uploaded file really is, from its first bytes, whatever its name promises.

Magic numbers: Parquet ``PAR1`` (Apache Parquet file format spec), Arrow IPC/Feather ``ARROW1``
(Arrow columnar format spec), zip ``PK\\x03\\x04`` (PKWARE APPNOTE; xlsx is a zip, ECMA-376 Part 2),
gzip ``1f 8b`` (RFC 1952), bzip2 ``BZh``, xz ``fd 37 7a 58 5a 00``, zstd ``28 b5 2f fd`` (RFC 8878),
7-Zip ``37 7a bc af 27 1c``, OLE2 compound file ``d0 cf 11 e0`` (old .xls), byte-order marks for
UTF-16/32 (Unicode standard, section 23.8).
"""
from __future__ import annotations

MAGIC = (
    (b"PAR1", "parquet"),
    (b"ARROW1", "arrow"),
    (b"PK\x03\x04", "zip"),
    (b"PK\x05\x06", "zip"),  # an empty zip
    (b"\x1f\x8b", "gzip"),
    (b"BZh", "bzip2"),
    (b"\xfd7zXZ\x00", "xz"),
    (b"\x28\xb5\x2f\xfd", "zstd"),
    (b"7z\xbc\xaf\x27\x1c", "7z"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "ole"),
    (b"\xff\xfe\x00\x00", "utf-32"),  # before UTF-16: the UTF-32-LE mark starts with the UTF-16-LE one
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)

# How a user hears each kind, in "NAME is ..." sentences.
DESCRIBED = {
    "parquet": "a Parquet file", "arrow": "an Arrow (Feather) file", "zip": "a zip archive",
    "xlsx": "an Excel workbook (.xlsx)", "gzip": "gzip-compressed", "bzip2": "bzip2-compressed",
    "xz": "xz-compressed", "zstd": "zstd-compressed", "7z": "a 7-Zip archive",
    "ole": "an old Excel or Office file (.xls/.doc)", "utf-16": "UTF-16 text", "utf-32": "UTF-32 text",
    "binary": "a binary file", "text": "text",
}
TEXT_KINDS = ("text", "utf-16", "utf-32")
COMPRESSED = ("gzip", "bzip2", "xz", "zstd", "7z")


def sniff(data: bytes) -> str:
    """The kind of ``data``: a key of ``DESCRIBED``. "xlsx" is a zip whose members include
    ``xl/workbook.xml``; "utf-16" includes UTF-16 without a byte-order mark (zero bytes in every
    other position of mostly-ASCII text); "binary" is other data with zero bytes; else "text"."""
    for magic, kind in MAGIC:
        if data.startswith(magic):
            if kind == "zip" and _zip_names_workbook(data):
                return "xlsx"
            return kind
    sample = data[:4096]
    if b"\x00" not in sample:
        return "text"
    if len(sample) >= 4 and _bomless_utf16(sample):
        return "utf-16"
    return "binary"


def utf16_codec(data: bytes) -> str:
    """The Python codec for UTF-16 ``data``: "utf-16" with a byte-order mark, else the endianness
    whose high bytes are the zeros."""
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return "utf-16"
    sample = data[:4096]
    return "utf-16-le" if sample[1::2].count(0) > sample[0::2].count(0) else "utf-16-be"


def _bomless_utf16(sample: bytes) -> bool:
    sample = sample[: len(sample) // 2 * 2]
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    half = len(sample) // 2
    return (odd >= 0.6 * half and even == 0) or (even >= 0.6 * half and odd == 0)


def _zip_names_workbook(data: bytes) -> bool:
    """Whether the zip's central directory (read without decompressing anything) lists xl/workbook.xml."""
    import io
    import zipfile

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return "xl/workbook.xml" in archive.namelist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        return False
