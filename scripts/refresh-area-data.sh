#!/usr/bin/env bash
# Compares a release of idn-area-data (npm) with the national area files shipped in
# src/main/resources/idn-area-data/ and prints, per file, the rows added, removed, renamed and
# moved to another parent; with --apply it also copies the new files over the shipped ones
# (nothing is committed). Needs bash, npm and node; the build and the application do not.
#
#   scripts/refresh-area-data.sh                 # latest release: show the difference only
#   scripts/refresh-area-data.sh 4.1.0           # a given release: show the difference only
#   scripts/refresh-area-data.sh --apply 4.1.0   # show it, then copy the files in
#
# See docs/area-data.md for what to check and change before committing a refresh.
set -euo pipefail

usage() {
  sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//'
}

apply=false
version=""
for arg in "$@"; do
  case "$arg" in
    --apply) apply=true ;;
    -h|--help) usage; exit 0 ;;
    -*) echo "unknown option: $arg" >&2; usage >&2; exit 64 ;;
    *) if [ -n "$version" ]; then echo "one release at a time" >&2; exit 64; fi; version="$arg" ;;
  esac
done

for tool in npm node; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "ERROR: $tool is needed to fetch and compare idn-area-data releases" >&2
    exit 69
  fi
done

repo="$(cd "$(dirname "$0")/.." && pwd)"
shipped="$repo/src/main/resources/idn-area-data"
files=(provinces.csv regencies.csv districts.csv)

if [ -z "$version" ]; then
  version="$(npm view idn-area-data version)"
fi
work="$(mktemp -d "${TMPDIR:-/tmp}/idn-area-data.XXXXXX")"
trap 'rm -rf "$work"' EXIT

echo "Fetching idn-area-data@$version into $work"
(cd "$work" && npm pack "idn-area-data@$version" --silent >/dev/null)
tar -xzf "$work/idn-area-data-$version.tgz" -C "$work"
fresh="$work/package/data"
for file in "${files[@]}" LICENSE.md; do
  if [ ! -f "$fresh/$file" ]; then
    echo "ERROR: idn-area-data@$version has no data/$file; the import expects the 4.x layout" >&2
    exit 65
  fi
done

echo "Shipped: $(grep -o 'idn-area-data [0-9][0-9.]*' "$shipped/NOTICE.md" | head -1)   New: idn-area-data $version"
echo

# The comparison reads the files as CSV (quoted names such as "Ra""as" exist) and matches rows by code.
node - "$shipped" "$fresh" "${files[@]}" <<'NODE'
const fs = require('fs');
const path = require('path');
const crypto = require('crypto');
const [oldDir, newDir, ...files] = process.argv.slice(2);

function parseCsv(text) {
  const rows = [];
  let row = [], field = '', quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; }
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; }
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field); rows.push(row); row = []; field = '';
    } else field += c;
  }
  if (field !== '' || row.length) { row.push(field); rows.push(row); }
  return rows.filter(r => r.length > 1 || r[0] !== '');
}

function read(dir, file) {
  const bytes = fs.readFileSync(path.join(dir, file));
  const [header, ...data] = parseCsv(bytes.toString('utf8'));
  const code = header.indexOf('code');
  const name = header.indexOf('name');
  const parent = header.findIndex(h => h.endsWith('_code'));
  const rows = new Map(data.map(r => [r[code], { name: r[name], parent: parent < 0 ? '' : r[parent] }]));
  return { header: header.join(','), rows, sha256: crypto.createHash('sha256').update(bytes).digest('hex') };
}

const show = (label, list) => {
  console.log(`  ${label}: ${list.length}`);
  list.forEach(line => console.log(`    ${line}`));
};

let changed = false;
for (const file of files) {
  const before = read(oldDir, file);
  const after = read(newDir, file);
  const added = [], removed = [], renamed = [], moved = [];
  for (const [code, row] of after.rows) {
    const old = before.rows.get(code);
    if (!old) added.push(`+ ${code} ${row.name}`);
    else {
      if (old.name !== row.name) renamed.push(`~ ${code} ${old.name} -> ${row.name}`);
      if (old.parent !== row.parent) moved.push(`> ${code} ${row.name}: ${old.parent} -> ${row.parent}`);
    }
  }
  for (const [code, row] of before.rows) {
    if (!after.rows.has(code)) removed.push(`- ${code} ${row.name}`);
  }
  console.log(`${file}: ${before.rows.size} -> ${after.rows.size} rows`);
  if (before.header !== after.header) console.log(`  HEADER CHANGED: ${before.header} -> ${after.header}`);
  show('added', added);
  show('removed', removed);
  show('renamed', renamed);
  show('moved to another parent', moved);
  console.log(`  sha256 ${after.sha256}${after.sha256 === before.sha256 ? ' (unchanged)' : ''}`);
  console.log();
  changed ||= after.sha256 !== before.sha256;
}
console.log(changed ? 'The release differs from the shipped files.' : 'The release equals the shipped files.');
NODE

if cmp -s "$shipped/LICENSE.md" "$fresh/LICENSE.md"; then
  echo "LICENSE.md: unchanged (ODbL)"
else
  echo "LICENSE.md: CHANGED; read the new licence before shipping the data"
fi

if $apply; then
  for file in "${files[@]}" LICENSE.md; do
    cp "$fresh/$file" "$shipped/$file"
  done
  echo
  echo "Copied into $shipped (not committed). Before committing, as docs/area-data.md says:"
  echo "  - NOTICE.md: the release, the row counts and the SHA-256 printed above"
  echo "  - AreaFiles.BUNDLED_RELEASE and the expected figures in AreaDataFilesTest"
  echo "  - ./mvnw -B verify (the import tests assert the national counts)"
else
  echo
  echo "Nothing copied. To take this release: $0 --apply $version"
fi
