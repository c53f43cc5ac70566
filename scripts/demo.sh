#!/usr/bin/env bash
# `make demo`: load the reference dataset into the embedded SQLite store, ingest a sample
# document, and run the main analyses. Safe to run again: every step is idempotent.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=.venv/bin
OUT=out
mkdir -p "$OUT"
has() { "$BIN/accords" "$1" --help >/dev/null 2>&1; }
step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

step "1. Create the store and load the reference dataset"
"$BIN/accords" init

step "2. Ingest a sample document (candidate facts, each tied to its passage)"
"$BIN/accords" ingest examples/briefing_nordic_accords.md --published 2024-07-01

step "3. The agreement system as loaded"
"$BIN/accords" list agreements

if has compare; then
  step "4. Compare Japan's accord with the US, UK, German, French and Polish agreements"
  "$BIN/accords" compare UKR-JPN-2024 UKR-USA-2024 UKR-GBR-2024 UKR-DEU-2024 UKR-FRA-2024 UKR-POL-2024 \
    --pillar security_defence || true
  "$BIN/accords" compare UKR-JPN-2024 UKR-USA-2024 UKR-GBR-2024 UKR-DEU-2024 UKR-FRA-2024 UKR-POL-2024 \
    --format html --out "$OUT/compare.html" >/dev/null || true
fi

if has ledger; then
  step "5. The support ledger by donor, in EUR"
  "$BIN/accords" ledger --by donor --currency EUR || true
fi
if has chart; then
  "$BIN/accords" chart donors --out "$OUT/ledger_donors.html" >/dev/null || true
  "$BIN/accords" chart pledged-vs-delivered --out "$OUT/pledged_vs_delivered.svg" >/dev/null || true
fi

if has calendar; then
  step "6. Terms: expiries and yearly pledge renewals"
  "$BIN/accords" calendar --from 2026-01-01 --to 2027-12-31 --ics "$OUT/accords.ics" | head -n 25 || true
fi

cat <<TXT

Where to look next:
  store          ${ACCORDS_DATABASE_URL:-sqlite:///accords.db}
  one agreement  .venv/bin/accords show UKR-JPN-2024
  candidates     .venv/bin/accords list candidates      (review: accords review accept ID / --document D-...)
  comparison     $OUT/compare.html
  charts         $OUT/ledger_donors.html, $OUT/pledged_vs_delivered.svg
  calendar       $OUT/accords.ics
  what-if        .venv/bin/accords trigger --kind armed-attack --against UKR --by RUS --at 2026-12-01T04:30+02:00
                 then .venv/bin/accords consultations
  everything     .venv/bin/accords --help
TXT
