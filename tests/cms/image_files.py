"""Image files an attacker would upload, made in the tests: no fixtures on disk."""

import io
import struct
import zlib
from pathlib import Path

from PIL import Image, PngImagePlugin

# Strings that must not survive into storage: where they are found, metadata was kept.
CAMERA = "SPYCAM-4711"
SCRIPT = b"<script>alert(document.domain)</script>"


def jpeg_with_metadata(size=(1200, 800)) -> bytes:
    """A JPEG shot sideways (orientation 6: shown 800×1200) with the camera's
    make, the place it was taken (GPS), a comment and XMP."""
    exif = Image.Exif()
    exif[0x0112] = 6  # orientation: rotate 90° clockwise to show
    exif[0x010F] = CAMERA  # make
    exif[0x8825] = {1: "N", 2: (40.0, 21.0, 7.0), 3: "E", 4: (18.0, 10.0, 9.0)}
    xmp = f'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:li>{CAMERA}</rdf:li>'
    out = io.BytesIO()
    Image.new("RGB", size, "red").save(
        out,
        "JPEG",
        exif=exif,
        comment=CAMERA.encode(),
        xmp=(xmp + "</x:xmpmeta>").encode(),
    )
    return out.getvalue()


def png_polyglot(size=(400, 300)) -> bytes:
    """A PNG that is also a web page: script in a text chunk and after IEND."""
    info = PngImagePlugin.PngInfo()
    info.add_text("Comment", SCRIPT.decode())
    info.add_text("Author", CAMERA)
    out = io.BytesIO()
    Image.new("RGBA", size, (0, 128, 255, 200)).save(out, "PNG", pnginfo=info)
    return out.getvalue() + b"<html><body>" + SCRIPT + b"</body></html>"


def _chunk(kind: bytes, data: bytes) -> bytes:
    body = kind + data
    return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))


def flat_png(width: int, height: int) -> bytes:
    """An RGBA PNG of one colour, written a row at a time: 8000×8000 is some
    250 KB on disk and 256 MB decoded, and never whole in this process."""
    squeeze = zlib.compressobj(9)
    row = b"\0" + bytes((200, 120, 40, 255)) * width
    data = b"".join(squeeze.compress(row) for _ in range(height)) + squeeze.flush()
    header = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + _chunk(b"IHDR", header)
        + _chunk(b"IDAT", data)
        + _chunk(b"IEND", b"")
    )


def photo(image_format: str, size: tuple[int, int], mode: str = "RGBA") -> bytes:
    """A smooth picture (gradients, as photos are) in `image_format`."""
    ramp = Image.linear_gradient("L").resize(size)
    bands = [ramp, ramp.transpose(Image.Transpose.FLIP_LEFT_RIGHT), ramp, ramp]
    image = Image.merge("RGBA", bands).convert(mode)
    out = io.BytesIO()
    image.save(out, image_format, **({} if image_format == "PNG" else {"quality": 80}))
    return out.getvalue()


def stored_files(root: Path) -> dict[str, bytes]:
    """Every file under the media folder, by its path there."""
    return {
        str(path.relative_to(root)): path.read_bytes()
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }
