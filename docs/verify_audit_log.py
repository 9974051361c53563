#!/usr/bin/env python3
"""Verifies an ecp audit log without ecp's code (Python 3 standard library only).

    python3 verify_audit_log.py https://ecp.example.org      # a live installation
    python3 verify_audit_log.py ecp-audit-log.jsonl          # a downloaded export
    python3 verify_audit_log.py --self-test                  # RFC 8785, RFC 6962, RFC 8032 vectors

Add `--anchor SIZE:ROOT` (repeatable) to check that the log's first SIZE entries have the root hash
ROOT (base64): the anchor a report or compilation prints.

It implements docs/audit-log.md: RFC 8785 canonical JSON, the RFC 6962 Merkle tree, C2SP signed
checkpoints, and Ed25519 verification (RFC 8032, written out below since the standard library has
none). Exit status 0 when the log verifies, 1 when it does not, 2 on bad usage.
"""
import base64
import hashlib
import json
import math
import os
import struct
import sys
import urllib.request
from decimal import Decimal

# ---- RFC 8785 canonical JSON -------------------------------------------------------------------


def es_number(x):
    """ECMAScript Number.prototype.toString of a double (RFC 8785 section 3.2.2.3)."""
    if isinstance(x, bool):
        raise TypeError("not a number")
    x = float(x)
    if math.isnan(x) or math.isinf(x):
        raise ValueError("numbers must be finite")
    if x == 0:
        return "0"
    sign = "-" if x < 0 else ""
    shortest = Decimal(repr(abs(x))).as_tuple()  # repr is the shortest round-trip form, as ECMAScript's
    all_digits = "".join(map(str, shortest.digits))
    digits = all_digits.rstrip("0")
    exponent = shortest.exponent + len(all_digits) - len(digits)
    k = len(digits)
    n = exponent + k  # the value is 0.digits * 10^n
    if k <= n <= 21:
        return sign + digits + "0" * (n - k)
    if 0 < n <= 21:
        return sign + digits[:n] + "." + digits[n:]
    if -6 < n <= 0:
        return sign + "0." + "0" * (-n) + digits
    e = n - 1
    mantissa = digits if k == 1 else digits[0] + "." + digits[1:]
    return sign + mantissa + "e" + ("+" if e >= 0 else "-") + str(abs(e))


ESCAPES = {'"': '\\"', "\\": "\\\\", "\b": "\\b", "\f": "\\f", "\n": "\\n", "\r": "\\r", "\t": "\\t"}


def es_string(s):
    out = ['"']
    for ch in s:
        c = ord(ch)
        if 0xD800 <= c <= 0xDFFF:
            raise ValueError("lone surrogate")
        out.append(ESCAPES.get(ch) or ("\\u%04x" % c if c < 0x20 else ch))
    out.append('"')
    return "".join(out)


def jcs(value):
    """The RFC 8785 canonical text of a JSON value."""
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, int) and abs(value) < 2**53:
        return str(value)
    if isinstance(value, (int, float)):
        return es_number(value)
    if isinstance(value, str):
        return es_string(value)
    if isinstance(value, list):
        return "[" + ",".join(jcs(v) for v in value) + "]"
    if isinstance(value, dict):
        keys = sorted(value, key=lambda k: k.encode("utf-16-be"))  # UTF-16 code unit order
        return "{" + ",".join(es_string(k) + ":" + jcs(value[k]) for k in keys) + "}"
    raise TypeError("not JSON: %r" % (value,))


# ---- RFC 6962 Merkle tree ----------------------------------------------------------------------


def sha256(*parts):
    h = hashlib.sha256()
    for p in parts:
        h.update(p)
    return h.digest()


def leaf_hash(data):
    return sha256(b"\x00", data)


def node_hash(left, right):
    return sha256(b"\x01", left, right)


class CompactRange:
    """Roots of the complete subtrees of a growing tree: the root of every size as leaves pass."""

    def __init__(self):
        self.stack, self.size = [], 0

    def push(self, leaf):
        top = (leaf, 1)
        while self.stack and self.stack[-1][1] == top[1]:
            left = self.stack.pop()
            top = (node_hash(left[0], top[0]), top[1] * 2)
        self.stack.append(top)
        self.size += 1

    def root(self):
        if not self.stack:
            return sha256()
        r = self.stack[-1][0]
        for h, _ in reversed(self.stack[:-1]):
            r = node_hash(h, r)
        return r


def verify_inclusion(index, size, leaf, proof, root):
    """RFC 9162 section 2.1.3.2."""
    if not 0 <= index < size:
        return False
    fn, sn, r = index, size - 1, leaf
    for p in proof:
        if sn == 0:
            return False
        if fn & 1 or fn == sn:
            r = node_hash(p, r)
            while not fn & 1 and fn != 0:
                fn, sn = fn >> 1, sn >> 1
        else:
            r = node_hash(r, p)
        fn, sn = fn >> 1, sn >> 1
    return sn == 0 and r == root


def verify_consistency(first, second, first_root, second_root, proof):
    """RFC 9162 section 2.1.4.2."""
    if not 0 <= first <= second:
        return False
    if first == second:
        return not proof and first_root == second_root
    if first == 0:
        return not proof
    if first & (first - 1) == 0:
        proof = [first_root] + list(proof)
    if not proof:
        return False
    fn, sn = first - 1, second - 1
    while fn & 1:
        fn, sn = fn >> 1, sn >> 1
    fr = sr = proof[0]
    for c in proof[1:]:
        if sn == 0:
            return False
        if fn & 1 or fn == sn:
            fr, sr = node_hash(c, fr), node_hash(c, sr)
            while not fn & 1 and fn != 0:
                fn, sn = fn >> 1, sn >> 1
        else:
            sr = node_hash(sr, c)
        fn, sn = fn >> 1, sn >> 1
    return fr == first_root and sr == second_root and sn == 0


# ---- RFC 8032 Ed25519 verification -------------------------------------------------------------

P = 2**255 - 19
L = 2**252 + 27742317777372353535851937790883648493
D = -121665 * pow(121666, P - 2, P) % P
SQRT_M1 = pow(2, (P - 1) // 4, P)


def _recover_x(y, sign):
    if y >= P:
        return None
    x2 = (y * y - 1) * pow(D * y * y + 1, P - 2, P) % P
    if x2 == 0:
        return None if sign else 0
    x = pow(x2, (P + 3) // 8, P)
    if (x * x - x2) % P:
        x = x * SQRT_M1 % P
    if (x * x - x2) % P:
        return None
    return P - x if (x & 1) != sign else x


def _add(a, b):
    A = (a[1] - a[0]) * (b[1] - b[0]) % P
    B = (a[1] + a[0]) * (b[1] + b[0]) % P
    C = 2 * a[3] * b[3] * D % P
    Dd = 2 * a[2] * b[2] % P
    E, F, G, H = B - A, Dd - C, Dd + C, B + A
    return (E * F % P, G * H % P, F * G % P, E * H % P)


def _mul(s, point):
    q = (0, 1, 1, 0)
    while s:
        if s & 1:
            q = _add(q, point)
        point, s = _add(point, point), s >> 1
    return q


def _decompress(data):
    if len(data) != 32:
        return None
    y = int.from_bytes(data, "little")
    sign, y = y >> 255, y & ((1 << 255) - 1)
    x = _recover_x(y, sign)
    return None if x is None else (x, y, 1, x * y % P)


_GY = 4 * pow(5, P - 2, P) % P
BASE = (_recover_x(_GY, 0), _GY, 1, _recover_x(_GY, 0) * _GY % P)


def ed25519_verify(public, message, signature):
    if len(public) != 32 or len(signature) != 64:
        return False
    a, r = _decompress(public), _decompress(signature[:32])
    s = int.from_bytes(signature[32:], "little")
    if a is None or r is None or s >= L:
        return False
    h = int.from_bytes(hashlib.sha512(signature[:32] + public + message).digest(), "little") % L
    left, right = _mul(s, BASE), _add(r, _mul(h, a))
    return (left[0] * right[2] - right[0] * left[2]) % P == 0 and (left[1] * right[2] - right[1] * left[2]) % P == 0


# ---- checkpoints and entries -------------------------------------------------------------------


class Broken(Exception):
    pass


def key_id(name, public):
    return sha256(name.encode() + b"\n\x01" + public)[:4]


def b64_32(text, what):
    raw = base64.b64decode(text, validate=True) if isinstance(text, str) else b""
    if len(raw) != 32 or base64.b64encode(raw).decode() != text:
        raise Broken("%s is not base64 of 32 bytes" % what)
    return raw


def check_checkpoint(cp):
    """Checks the checkpoint JSON; returns (tree size, root hash, verifier key)."""
    keys = {"treeSize", "rootHash", "timestamp", "signature", "publicKey", "text"}
    if not isinstance(cp, dict) or set(cp) != keys:
        raise Broken("the checkpoint does not have exactly the members %s" % sorted(keys))
    public = b64_32(cp["publicKey"], "publicKey")
    signature = base64.b64decode(cp["signature"], validate=True)
    text = cp["text"]
    lines = text.split("\n")
    if len(lines) != 5 or lines[4] != "" or not lines[1].isdigit() or (lines[1] != "0" and lines[1][0] == "0"):
        raise Broken("the checkpoint text is not origin, size, root, time")
    origin, size, root, timestamp = lines[0], int(lines[1]), b64_32(lines[2], "the root hash"), lines[3]
    if not ed25519_verify(public, text.encode(), signature):
        raise Broken("the checkpoint's signature does not verify")
    if size != cp["treeSize"] or lines[2] != cp["rootHash"] or timestamp != cp["timestamp"]:
        raise Broken("the checkpoint's size, root or time differ from its signed text")
    vkey = "%s+%s+%s" % (origin, key_id(origin, public).hex(), base64.b64encode(b"\x01" + public).decode())
    return size, root, vkey


PUBLIC = {"seq", "at", "public", "actorAccountId", "action", "subjectType", "subjectId", "payload", "requestId"}
RESTRICTED = {"seq", "at", "public", "commitment"}


def check_entry(line, index):
    """Checks one `{"index", "entry"}` strictly; returns the entry's leaf hash."""
    def bad(why):
        raise Broken("entry at index %d is not a valid entry (%s)" % (index, why))

    if not isinstance(line, dict) or set(line) != {"index", "entry"}:
        bad("members other than index and entry")
    entry = line["entry"]
    if not isinstance(entry, dict):
        bad("not an object")
    is_int = lambda v: isinstance(v, int) and not isinstance(v, bool)
    if entry.get("public") is True:
        if set(entry) != PUBLIC:
            bad("members %s" % sorted(set(entry) ^ PUBLIC))
        if not (entry["actorAccountId"] is None or is_int(entry["actorAccountId"])):
            bad("actorAccountId")
        for k in ("action", "subjectType"):
            if not isinstance(entry[k], str) or not entry[k]:
                bad(k)
        for k in ("subjectId", "requestId"):
            if not (entry[k] is None or isinstance(entry[k], str)):
                bad(k)
        if not isinstance(entry["payload"], dict):
            bad("payload")
    elif entry.get("public") is False:
        if set(entry) != RESTRICTED:
            bad("members %s" % sorted(set(entry) ^ RESTRICTED))
        b64_32(entry["commitment"], "commitment")
    else:
        bad("public must be true or false")
    at = entry["at"]
    if not (isinstance(at, str) and len(at) == 24 and at[10] == "T" and at.endswith("Z")):
        bad("at")
    if not is_int(line["index"]) or line["index"] != index or entry["seq"] != index + 1:
        raise Broken("entries out of order, missing or inserted at index %d" % index)
    return leaf_hash(jcs(entry).encode("utf-8"))


def verify(entries, checkpoint, proofs=None, anchors=()):
    """Recomputes the tree over `entries` and compares it with the signed checkpoint (and anchors)."""
    size, root, vkey = check_checkpoint(checkpoint)
    tree = CompactRange()
    leaves, roots = [], {}
    for i, line in enumerate(entries):
        leaf = check_entry(line, i)
        leaves.append(leaf)
        tree.push(leaf)
        roots[tree.size] = tree.root()
    if len(leaves) < size:
        raise Broken("the log is truncated: %d entries, but the checkpoint covers %d" % (len(leaves), size))
    if len(leaves) > size:
        raise Broken("%d entries after the signed checkpoint are covered by no signature" % (len(leaves) - size))
    if tree.root() != root:
        raise Broken("the entries do not give the root hash signed for tree size %d" % size)
    for anchor_size, anchor_root in anchors:
        if anchor_size > size or roots.get(anchor_size, sha256()) != anchor_root:
            raise Broken("the log does not give the anchored root hash for tree size %d" % anchor_size)
    if proofs:
        proofs(leaves, roots, size, root)
    return "audit log OK: %d entries, root %s\nsigned by %s" % (size, base64.b64encode(root).decode(), vkey)


def get_json(url):
    with urllib.request.urlopen(urllib.request.Request(url, headers={"Accept": "application/json"})) as r:
        return json.load(r)


def verify_url(base, anchors=()):
    base = base.rstrip("/")
    checkpoint = get_json(base + "/api/v1/audit/checkpoint")
    size = checkpoint.get("treeSize") if isinstance(checkpoint, dict) else None
    if not isinstance(size, int):
        raise Broken("the checkpoint has no tree size")
    entries = []
    for start in range(0, size, 1000):
        page = get_json("%s/api/v1/audit/entries?start=%d&end=%d" % (base, start, min(start + 1000, size)))
        entries.extend(page["data"])

    def proofs(leaves, roots, n, root):
        unb = lambda hs: [base64.b64decode(h, validate=True) for h in hs]
        for i in sorted({0, n // 2, n - 1}):
            p = get_json("%s/api/v1/audit/proof/inclusion?index=%d&treeSize=%d" % (base, i, n))
            if not verify_inclusion(i, n, leaves[i], unb(p["hashes"]), root):
                raise Broken("the inclusion proof of entry %d does not verify" % i)
        m = max(n // 2, 1)
        p = get_json("%s/api/v1/audit/proof/consistency?from=%d&to=%d" % (base, m, n))
        if not verify_consistency(m, n, roots[m], root, unb(p["hashes"])):
            raise Broken("the consistency proof from %d to %d does not verify" % (m, n))

    return verify(entries, checkpoint, proofs if size else None, anchors)


def verify_file(path, anchors=()):
    entries, checkpoint = [], None
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                value = json.loads(line)
                if isinstance(value, dict) and set(value) == {"checkpoint"}:
                    checkpoint = value["checkpoint"]
                else:
                    entries.append(value)
    if checkpoint is None:
        raise Broken("the file has no checkpoint line")
    return verify(entries, checkpoint, None, anchors) + "\nnote: the key is the file's own; compare it with the one the installation publishes"


def self_test(vectors):
    ok = ed25519_verify(
        bytes.fromhex("3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c"),
        bytes.fromhex("72"),
        bytes.fromhex(
            "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da"
            "085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00"
        ),
    )
    assert ok, "RFC 8032 test 2"
    assert not ed25519_verify(bytes.fromhex("3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c"), b"\x73", b"\x00" * 64)
    note_key = base64.b64decode("AekyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2k")[1:]
    sig = base64.b64decode("Uw2QOkn8srV1yJGh2VYRlL1Tnagv1YEq6TfXppzi2ONncAlTgK7Ztg1ERYNZXsYjOBH3mFXmRKuwHjG1Yu72IneyaQM=")
    assert key_id("example.com/foo", note_key) == sig[:4] == bytes.fromhex("530d903a"), "C2SP key ID"
    assert ed25519_verify(note_key, b"This is an example message.\n", sig[4:]), "C2SP signed note"
    leaves = [leaf_hash(bytes.fromhex(h)) for h in ["", "00", "10", "2021", "3031", "40414243", "5051525354555657", "606162636465666768696a6b6c6d6e6f"]]
    tree = CompactRange()
    for leaf in leaves:
        tree.push(leaf)
    assert tree.root().hex() == "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328", "RFC 6962 root"
    if vectors and os.path.isdir(vectors):
        for name in ["arrays", "french", "structures", "unicode", "values", "weird"]:
            with open(os.path.join(vectors, name + ".input.json"), encoding="utf-8") as f:
                value = json.load(f)
            with open(os.path.join(vectors, name + ".output.json"), "rb") as f:
                assert jcs(value).encode("utf-8") == f.read(), "RFC 8785 " + name
        with open(os.path.join(vectors, "numbers.json"), encoding="utf-8") as f:
            for hexa, expected in json.load(f):
                x = struct.unpack(">d", bytes.fromhex(hexa))[0]
                assert es_number(x) == expected, "RFC 8785 number %s: %s" % (hexa, es_number(x))
    return "self-test OK"


def parse_anchors(args):
    anchors = []
    if len(args) % 2 or any(a != "--anchor" for a in args[::2]):
        raise ValueError("expected --anchor SIZE:ROOT")
    for value in args[1::2]:
        size, _, root = value.partition(":")
        anchors.append((int(size), b64_32(root, "the anchored root")))
    return anchors


def main(argv):
    try:
        anchors = parse_anchors(argv[2:])
    except (ValueError, Broken):
        anchors = None
    if len(argv) < 2 or anchors is None:
        print("\n\n".join(__doc__.strip().split("\n\n")[1:3]), file=sys.stderr)
        return 2
    try:
        if argv[1] == "--self-test":
            here = os.path.dirname(os.path.abspath(__file__))
            print(self_test(os.path.join(here, "..", "src", "core", "audit", "testdata", "jcs")))
        elif argv[1].startswith(("http://", "https://")):
            print(verify_url(argv[1], anchors))
        else:
            print(verify_file(argv[1], anchors))
        return 0
    except Broken as problem:
        print("audit log BROKEN: %s" % problem, file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
