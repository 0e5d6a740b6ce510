"""Independent reader of a safetensors file (json + numpy only, no safetensors package).

usage: read_safetensors.py <file.safetensors> <expected.json>
expected.json: {name: {"shape": [...], "data": [flat row-major values]}} written by the test from the
product's own tensors. Exits 0 when every tensor is present with the same shape and bit-identical values.
"""
import json
import struct
import sys

import numpy as np

DTYPES = {"F32": "<f4", "F64": "<f8", "I64": "<i8", "I32": "<i4"}


def read(path):
    with open(path, "rb") as f:
        raw = f.read()
    (n,) = struct.unpack("<Q", raw[:8])
    header = json.loads(raw[8:8 + n].decode("utf-8"))
    body = raw[8 + n:]
    tensors = {}
    for name, entry in header.items():
        if name == "__metadata__":
            continue
        start, end = entry["data_offsets"]
        tensors[name] = np.frombuffer(body[start:end], dtype=DTYPES[entry["dtype"]]).reshape(entry["shape"])
    return tensors


def main():
    tensors = read(sys.argv[1])
    with open(sys.argv[2]) as f:
        expected = json.load(f)
    failures = []
    for name, want in expected.items():
        got = tensors.get(name)
        if got is None:
            failures.append(f"{name}: missing")
            continue
        if list(got.shape) != want["shape"]:
            failures.append(f"{name}: shape {list(got.shape)} != {want['shape']}")
            continue
        diff = np.max(np.abs(got.astype(np.float64).ravel() - np.asarray(want["data"], dtype=np.float32).astype(np.float64)), initial=0.0)
        if diff != 0:
            failures.append(f"{name}: max abs diff {diff}")
    extra = sorted(set(tensors) - set(expected))
    if extra:
        failures.append(f"unexpected tensors {extra}")
    if failures:
        print("\n".join(failures))
        sys.exit(1)
    print(f"ok {len(expected)} tensors: " + ", ".join(f"{k}{list(tensors[k].shape)}" for k in sorted(expected)))


if __name__ == "__main__":
    main()
