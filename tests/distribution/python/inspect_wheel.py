"""Reads a wheel with the standard library's zipfile and prints what the tests check, as JSON.

Usage: python3 inspect_wheel.py WHEEL. Prints the WHEEL tags, the entries
with their Unix modes, the RECORD lines that do not match the bytes
(hash or size), and the entries missing from RECORD.
"""

from __future__ import annotations

import base64
import csv
import hashlib
import io
import json
import sys
import zipfile

with zipfile.ZipFile(sys.argv[1]) as wheel:
    infos = wheel.infolist()
    record_name = next(i.filename for i in infos if i.filename.endswith(".dist-info/RECORD"))
    wheel_name = record_name.replace("/RECORD", "/WHEEL")
    record = list(csv.reader(io.StringIO(wheel.read(record_name).decode())))
    listed = {row[0] for row in record}
    mismatched = []
    for path, digest, size in record:
        if path == record_name:
            if digest or size:
                mismatched.append(path)
            continue
        data = wheel.read(path)
        expected = "sha256=" + base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(
            b"="
        ).decode()
        if digest != expected or int(size) != len(data):
            mismatched.append(path)
    print(
        json.dumps(
            {
                "tags": [
                    line.split(": ", 1)[1]
                    for line in wheel.read(wheel_name).decode().splitlines()
                    if line.startswith("Tag: ")
                ],
                "entries": {i.filename: (i.external_attr >> 16) & 0o7777 for i in infos},
                "mismatched": mismatched,
                "unlisted": sorted({i.filename for i in infos} - listed),
            }
        )
    )
