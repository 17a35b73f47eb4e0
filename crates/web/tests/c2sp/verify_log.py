#!/usr/bin/env python3
"""Independent verifier for suara's transparency log, used by the test suite.

Written from the public specifications only (C2SP signed-note, tlog-checkpoint,
tlog-tiles, tlog-cosignature; RFC 6962 §2.1 hashing; RFC 9162 §2.1.4 consistency
proofs), without looking at the Rust implementation, so that the two can only
agree if both follow the specs. Standard library plus `cryptography` only.
"""
import argparse, base64, binascii, gzip, hashlib, json, re, sys  # noqa: E401
import urllib.parse, urllib.request  # noqa: E401

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

TILE = 256  # tlog-tiles: full tiles are 256 hashes wide
OCTETS = ["application/octet-stream"]  # Content-Types tlog-tiles requires
TEXT = ["text/plain", "charset=utf-8"]


class Fail(Exception):
    """A verification failure; main() prints it as one line and exits 1."""

# ---------------------------------------------------------------- RFC 6962 / 9162
def sha(b):
    return hashlib.sha256(b).digest()

def leaf_hash(data):
    return sha(b"\x00" + data)

def node_hash(left, right):
    return sha(b"\x01" + left + right)

def split(n):
    """Largest power of two strictly smaller than n (n >= 2)."""
    return 1 << ((n - 1).bit_length() - 1)

def mth(hashes):
    """RFC 6962 Merkle Tree Hash over already-hashed leaves (or subtree roots)."""
    if not hashes:
        return sha(b"")
    if len(hashes) == 1:
        return hashes[0]
    k = split(len(hashes))
    return node_hash(mth(hashes[:k]), mth(hashes[k:]))

def consistency_proof(m, leaves):
    """RFC 9162 §2.1.4.1 PROOF(m, D[n]); only used by the self-test."""
    def sub(m, d, b):
        if m == len(d):
            return [] if b else [mth(d)]
        k = split(len(d))
        if m <= k:
            return sub(m, d[:k], b) + [mth(d[k:])]
        return sub(m - k, d[k:], False) + [mth(d[:k])]
    return sub(m, leaves, True)

def verify_consistency(first, second, first_hash, second_hash, path):
    """RFC 9162 §2.1.4.2, with equal sizes meaning an empty proof and equal roots."""
    if not 0 < first <= second:
        return False
    if first == second:
        return not path and first_hash == second_hash
    if not path:
        return False
    if first & (first - 1) == 0:  # first is a power of two: its root is implicit
        path = [first_hash] + list(path)
    fn, sn = first - 1, second - 1
    while fn & 1:
        fn, sn = fn >> 1, sn >> 1
    fr = sr = path[0]
    for c in path[1:]:
        if sn == 0:
            return False
        if fn & 1 or fn == sn:
            fr, sr = node_hash(c, fr), node_hash(c, sr)
            while not fn & 1 and fn != 0:
                fn, sn = fn >> 1, sn >> 1
        else:
            sr = node_hash(sr, c)
        fn, sn = fn >> 1, sn >> 1
    return fr == first_hash and sr == second_hash and sn == 0

# ---------------------------------------------------------------- signed notes
def b64(s, what):
    try:
        return base64.b64decode(s, validate=True)
    except (binascii.Error, ValueError):
        raise Fail(f"{what}: bad base64 {s!r}")

def parse_vkey(vkey, want_type):
    """C2SP vkey `<name>+<hex key id>+<base64(type || key)>`; the key id is checked."""
    parts = vkey.split("+", 2)  # names hold no "+", but base64 may
    if len(parts) != 3 or not parts[0] or not re.fullmatch(r"[0-9a-f]{8}", parts[1]):
        raise Fail(f"malformed vkey {vkey!r}")
    name, key_id, raw = parts[0], bytes.fromhex(parts[1]), b64(parts[2], "vkey")
    if len(raw) != 33 or raw[0] != want_type:
        raise Fail(f"vkey {name}: want type 0x{want_type:02x} and a 32-byte Ed25519 key")
    if sha(name.encode() + b"\n" + raw)[:4] != key_id:
        raise Fail(f"vkey {name}: key id does not match SHA-256(name || \\n || type || key)")
    return {"name": name, "id": key_id, "key": Ed25519PublicKey.from_public_bytes(raw[1:])}

def parse_note(data):
    """Split a signed note into (text bytes, [(name, key id, signature)])."""
    try:
        note = data.decode("utf-8")
    except UnicodeDecodeError:
        raise Fail("note is not valid UTF-8")
    if any(ord(c) < 0x20 and c != "\n" for c in note):
        raise Fail("note contains control characters")
    # The text ends at the *last* blank line; everything after it is signatures.
    cut = note.rfind("\n\n")
    if cut < 0:
        raise Fail("note has no blank line before its signatures")
    text, block = note[: cut + 1], note[cut + 2:]
    if not block or not block.endswith("\n"):
        raise Fail("note has no signature lines or lacks a final newline")
    sigs = []
    for line in block[:-1].split("\n"):
        if not line.startswith("\u2014 "):
            raise Fail(f"bad signature line {line!r}")
        fields = line[2:].split(" ")
        if len(fields) != 2 or not fields[0] or "+" in fields[0]:
            raise Fail(f"bad signature line {line!r}")
        raw = b64(fields[1], "signature line")
        if len(raw) < 5:
            raise Fail(f"signature too short on line {line!r}")
        sigs.append((fields[0], raw[:4], raw[4:]))
    return text.encode(), sigs

def matching(sigs, key):
    # Signed-note: a line is from a known key only if both name and id match.
    return [s for n, i, s in sigs if n == key["name"] and i == key["id"]]

def verify_note(text, sigs, key):
    """True if a note signature by `key` exists and all of them verify; else Fail."""
    found = matching(sigs, key)
    if not found:
        raise Fail(f"no signature by {key['name']}")
    for sig in found:
        try:
            key["key"].verify(sig, text)
        except InvalidSignature:
            raise Fail(f"signature by {key['name']} does not verify")
    return True

def verify_cosignatures(text, sigs, key):
    """tlog-cosignature Ed25519 v1; False when absent, Fail when present but bad."""
    found = matching(sigs, key)
    for sig in found:
        if len(sig) != 72:
            raise Fail(f"cosignature by {key['name']} is not 8+64 bytes")
        ts = int.from_bytes(sig[:8], "big")
        if ts >= 1 << 63:
            raise Fail(f"cosignature by {key['name']} has timestamp >= 2^63")
        try:
            key["key"].verify(sig[8:], b"cosignature/v1\ntime %d\n" % ts + text)
        except InvalidSignature:
            raise Fail(f"cosignature by {key['name']} does not verify")
    return bool(found)

def parse_checkpoint(data, log_key):
    """Strict checkpoint: exactly origin, size, root (suara emits no extensions)."""
    text, sigs = parse_note(data)
    lines = text.decode().split("\n")[:-1]
    if len(lines) != 3:
        raise Fail(f"checkpoint body has {len(lines)} lines, want exactly 3")
    origin, size_s, root_s = lines
    if not origin or not re.fullmatch(r"0|[1-9][0-9]*", size_s):
        raise Fail("checkpoint origin is empty or size is not canonical decimal")
    root = b64(root_s, "checkpoint root")
    if len(root) != 32:
        raise Fail("checkpoint root is not 32 bytes")
    if origin != log_key["name"]:
        raise Fail(f"origin {origin!r} is not the log key name {log_key['name']!r}")
    verify_note(text, sigs, log_key)
    return {"origin": origin, "size": int(size_s), "root": root, "text": text, "sigs": sigs}

# ---------------------------------------------------------------- tlog-tiles over HTTP
class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args):
        return None  # only the URLs we were given: a 3xx becomes an error


# No proxies from the environment, no redirects: talk to the given host only.
OPENER = urllib.request.build_opener(urllib.request.ProxyHandler({}), NoRedirect)

def get(url, want_type=None):
    req = urllib.request.Request(url, headers={"Accept-Encoding": "gzip, identity"})
    try:
        with OPENER.open(req, timeout=10) as resp:
            body, headers, status = resp.read(), resp.headers, resp.status
    except Exception as e:  # HTTP errors, refused connections, timeouts
        raise Fail(f"GET {url}: {e}")
    if status != 200:
        raise Fail(f"GET {url}: status {status}")
    if headers.get("Content-Encoding", "identity").lower() == "gzip":
        body = gzip.decompress(body)
    if want_type is not None:
        got = [p.strip().lower() for p in headers.get("Content-Type", "").split(";")]
        if got != want_type:
            raise Fail(f"GET {url}: Content-Type {headers.get('Content-Type')!r}, want {'; '.join(want_type)}")
    return body

def tile_path(n, width):
    """tlog-tiles index encoding: 1234067 -> x001/x234/067, plus .p/<W> if partial."""
    parts = [f"{n % 1000:03d}"]
    n //= 1000
    while n:
        parts.insert(0, f"x{n % 1000:03d}")
        n //= 1000
    return "/".join(parts) + (f".p/{width}" if width < TILE else "")

def tiles_of(count):
    """(index, width) of the tiles holding `count` hashes: full ones, then a partial."""
    return [(i, TILE) for i in range(count // TILE)] + ([(count // TILE, count % TILE)] if count % TILE else [])

def fetch_level(prefix, level, count):
    hashes = []
    for n, w in tiles_of(count):
        data = get(f"{prefix}/tile/{level}/{tile_path(n, w)}", OCTETS)
        if len(data) != 32 * w:
            raise Fail(f"tile {level}/{tile_path(n, w)} is {len(data)} bytes, want {32 * w}")
        hashes += [data[i:i + 32] for i in range(0, len(data), 32)]
    return hashes

def fetch_entries(prefix, size):
    entries = []
    for n, w in tiles_of(size):
        data, got, off = get(f"{prefix}/tile/entries/{tile_path(n, w)}", OCTETS), [], 0
        while off < len(data):  # uint16 big-endian length-prefixed entries
            if off + 2 > len(data):
                raise Fail(f"entry bundle {n} is truncated")
            ln = int.from_bytes(data[off:off + 2], "big")
            got.append(data[off + 2:off + 2 + ln])
            off += 2 + ln
        if off != len(data) or len(got) != w or any(len(e) != 32 for e in got):
            raise Fail(f"entry bundle {tile_path(n, w)}: want {w} entries of 32 bytes")
        entries += got
    return entries

def verify_tree(prefix, size, root):
    """Entries -> level-0 tiles -> root, and every higher tile against the level below."""
    entries = fetch_entries(prefix, size)
    leaves = fetch_level(prefix, 0, size)
    for i, (e, h) in enumerate(zip(entries, leaves)):
        if leaf_hash(e) != h:
            raise Fail(f"entry {i} does not hash to its level-0 tile hash")
    if mth(leaves) != root:
        raise Fail("root recomputed from the entries differs from the checkpoint root")
    below, level = leaves, 1
    while size >= TILE ** level:  # level l holds floor(size / 256^l) hashes
        hashes = fetch_level(prefix, level, size // TILE ** level)
        for j, h in enumerate(hashes):  # hash j = MTH of full tile j one level down
            if h != mth(below[j * TILE:(j + 1) * TILE]):
                raise Fail(f"tile level {level} hash {j} is not the MTH of the tile below")
        below, level = hashes, level + 1
    return leaves

def fetch_consistency(api, tenant, first, second):
    q = urllib.parse.urlencode({"tenant": tenant, "from": first, "to": second})
    try:
        doc = json.loads(get(f"{api}/consistency?{q}"))
        ok = (doc["tenant"], doc["from"], doc["to"]) == (tenant, first, second)
        proof = doc["proof"]
    except (ValueError, KeyError, TypeError):
        raise Fail("consistency API answered malformed JSON")
    if not ok or not isinstance(proof, list) or not all(
            isinstance(p, str) and re.fullmatch(r"[0-9a-f]{64}", p) for p in proof):
        raise Fail("consistency API answer does not echo the query or has a bad proof")
    return [bytes.fromhex(p) for p in proof]

# ---------------------------------------------------------------- self-test
SPEC_VKEY = "example.com/foo+530d903a+AekyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2k"
SPEC_NOTE = ("This is an example message.\n\n\u2014 example.com/foo Uw2QOkn8srV1yJGh2VYRlL1Tnagv1YEq6T"
             "fXppzi2ONncAlTgK7Ztg1ERYNZXsYjOBH3mFXmRKuwHjG1Yu72IneyaQM=\n").encode()
# RFC 6962 reference leaves and root for size 8 (Certificate Transparency test data).
CT_LEAVES = ["", "00", "10", "2021", "3031", "40414243", "5051525354555657",
             "606162636465666768696a6b6c6d6e6f"]
CT_ROOT8 = "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328"
CT_PROOF_2_8 = ["5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4"]

def self_test():
    key = parse_vkey(SPEC_VKEY, 0x01)
    assert verify_note(*parse_note(SPEC_NOTE), key)
    for bad in (SPEC_NOTE.replace(b"This", b"this"), SPEC_NOTE.replace(b"aQM=", b"aQI=")):
        try:
            verify_note(*parse_note(bad), key)
            raise AssertionError("tampered spec note verified")
        except Fail:
            pass
    assert tile_path(1234067, 256) == "x001/x234/067" and tile_path(5, 7) == "005.p/7"
    ct = [leaf_hash(bytes.fromhex(x)) for x in CT_LEAVES]
    assert mth([]).hex().startswith("e3b0c442") and mth(ct).hex() == CT_ROOT8
    assert [h.hex() for h in consistency_proof(2, ct)] == CT_PROOF_2_8
    leaves = [leaf_hash(bytes([i])) for i in range(20)]
    for n in range(1, 21):
        for m in range(1, n + 1):
            old, new = mth(leaves[:m]), mth(leaves[:n])
            proof = consistency_proof(m, leaves[:n])
            assert verify_consistency(m, n, old, new, proof), (m, n)
            bad = [proof + [new], proof[:-1], [old] + proof]  # wrong length
            bad += [proof[:i] + [sha(p)] + proof[i + 1:] for i, p in enumerate(proof)]
            assert not any(verify_consistency(m, n, old, new, b) for b in bad if b != proof), (m, n)
            assert not verify_consistency(m, n, sha(old), new, proof), (m, n)
            assert not verify_consistency(m, n, old, sha(new), proof), (m, n)
    print("self-test ok")

# ---------------------------------------------------------------- main
def run(args):
    prefix = args.prefix.rstrip("/")
    log_key = parse_vkey(args.log_key, 0x01)
    witnesses = {w: parse_vkey(w, 0x04) for w in args.witness_key}  # dedupe repeated keys
    raw = get(f"{prefix}/checkpoint", TEXT)
    cp = parse_checkpoint(raw, log_key)
    valid = [w["name"] for w in witnesses.values() if verify_cosignatures(cp["text"], cp["sigs"], w)]
    if len(valid) < args.quorum:
        raise Fail(f"{len(valid)} valid witness cosignatures, quorum is {args.quorum}")
    leaves = verify_tree(prefix, cp["size"], cp["root"])
    consistent = None
    if args.previous:
        with open(args.previous, "rb") as f:
            prev = parse_checkpoint(f.read(), log_key)
        if prev["size"] > cp["size"]:
            raise Fail(f"rolled back: size {cp['size']} < previous {prev['size']}")
        if mth(leaves[:prev["size"]]) != prev["root"]:
            raise Fail(f"the first {prev['size']} entries no longer hash to the previous root")
        if args.api and 0 < prev["size"] < cp["size"]:
            proof = fetch_consistency(args.api.rstrip("/"), args.tenant, prev["size"], cp["size"])
            if not verify_consistency(prev["size"], cp["size"], prev["root"], cp["root"], proof):
                raise Fail(f"consistency proof {prev['size']} -> {cp['size']} does not verify")
        consistent = True
    if args.save:
        with open(args.save, "wb") as f:
            f.write(raw)
    print(json.dumps({"origin": cp["origin"], "size": cp["size"],
                      "root": base64.b64encode(cp["root"]).decode(), "witnesses": valid,
                      "entries": len(leaves), "consistent_with_previous": consistent}))

def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    for opt in ("--prefix", "--log-key", "--api", "--tenant", "--previous", "--save"):
        p.add_argument(opt)
    p.add_argument("--witness-key", action="append", default=[])
    p.add_argument("--quorum", type=int, default=0)
    p.add_argument("--self-test", action="store_true")
    args = p.parse_args()
    if args.self_test:
        self_test()
        return 0
    try:
        if not args.prefix or not args.log_key:
            raise Fail("--prefix and --log-key are required")
        if bool(args.api) != bool(args.tenant):
            raise Fail("--api and --tenant go together")
        run(args)
    except (Fail, OSError) as e:
        print(f"verify_log: {e}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
