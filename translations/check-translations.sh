#!/usr/bin/env bash
# Fails when a translation is unfinished: refreshes a copy of each .ts file from the
# current sources with lupdate (so a new tr() string counts as unfinished even before
# anyone ran update_translations), then looks for unfinished or empty entries.
set -euo pipefail
lupdate=$1; source_dir=$2; work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
status=0
for ts in "$source_dir"/translations/*.ts; do
    copy="$work/$(basename "$ts")"
    cp "$ts" "$copy"
    # The source language needs only its plural forms.
    only=(); [[ $ts == *_en.ts ]] && only=(-pluralonly)
    "$lupdate" -silent "${only[@]}" -I "$source_dir" -no-obsolete -locations none "$source_dir/app" "$source_dir/ui" "$source_dir/models" \
        -ts "$copy"
    if grep -n 'type="unfinished"' "$copy" >"$work/unfinished"; then
        echo "FAIL: $(basename "$ts") has $(wc -l <"$work/unfinished") unfinished entries:"
        grep -B3 'type="unfinished"' "$copy" | grep '<source>' | sed 's/^ */  /'
        status=1
    else
        echo "PASS: $(basename "$ts"): $(grep -c '<message' "$copy") messages, all translated"
    fi
done
exit $status
