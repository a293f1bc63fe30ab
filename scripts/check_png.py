#!/usr/bin/env python3
"""Fails unless a PNG is a real page: decodes it with the standard library only
(zlib, struct) and requires several colours, none covering nearly the whole image."""
import struct
import sys
import zlib
from collections import Counter


def pixels(path):
    data = open(path, "rb").read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("not a PNG")
    offset, idat, header = 8, b"", None
    while offset < len(data):
        length, kind = struct.unpack(">I4s", data[offset:offset + 8])
        body = data[offset + 8:offset + 8 + length]
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat += body
        offset += 12 + length
    width, height, depth, colour, _, _, interlace = header
    channels = {0: 1, 2: 3, 4: 2, 6: 4}.get(colour)
    if depth != 8 or channels is None or interlace:
        raise ValueError("unsupported PNG layout")
    raw, stride = zlib.decompress(idat), width * channels
    previous, rows, position = bytearray(stride), [], 0
    for _ in range(height):
        kind, line = raw[position], bytearray(raw[position + 1:position + 1 + stride])
        position += 1 + stride
        for i in range(stride):
            left = line[i - channels] if i >= channels else 0
            up = previous[i]
            if kind == 1:
                line[i] = (line[i] + left) & 0xFF
            elif kind == 2:
                line[i] = (line[i] + up) & 0xFF
            elif kind == 3:
                line[i] = (line[i] + ((left + up) >> 1)) & 0xFF
            elif kind == 4:
                corner = previous[i - channels] if i >= channels else 0
                p = left + up - corner
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
                line[i] = (line[i] + (left if pa <= pb and pa <= pc else up if pb <= pc else corner)) & 0xFF
        rows.append(bytes(line))
        previous = line
    return width, height, channels, rows


def main(path):
    width, height, channels, rows = pixels(path)
    counts = Counter(row[i:i + channels] for row in rows for i in range(0, len(row), channels))
    share = counts.most_common(1)[0][1] / (width * height)
    print(f"{path}: {width}x{height}, {len(counts)} colours, most common covers {share:.1%}")
    if len(counts) < 2 or share > 0.995:
        sys.exit(f"{path}: the page looks blank")


if __name__ == "__main__":
    for argument in sys.argv[1:]:
        main(argument)
