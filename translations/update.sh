#!/usr/bin/env bash
# Regenerates translations/ankra_de.ts and ankra_en.ts from the sources (app/ and ui/) and lists
# every message that still needs a translation (new German strings; English plural forms).
#
#   translations/update.sh          update the .ts files, list unfinished messages
#   translations/update.sh --check  change nothing; exit 1 when the .ts files are out of date
#                                   or a message is unfinished
#
# Then open translations/ankra_de.ts in Qt Linguist (`linguist translations/ankra_de.ts`) or
# an editor: fill each <translation type="unfinished"> and remove the type attribute. The
# ctest test tst_translations fails while anything is unfinished or out of date.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
lupdate=${LUPDATE:-$(command -v lupdate6 || command -v lupdate || echo /usr/lib/qt6/bin/lupdate)}
[[ -x "$lupdate" ]] || { echo "update.sh: lupdate not found (apt-get install qt6-l10n-tools)" >&2; exit 2; }

check=0
[[ "${1:-}" == "--check" ]] && check=1
cd "$root"
target_dir=translations
if [[ $check -eq 1 ]]; then
    target_dir=$(mktemp -d "${TMPDIR:-/tmp}/ankra-ts.XXXXXX")
    trap 'rm -rf "$target_dir"' EXIT
    cp translations/ankra_de.ts translations/ankra_en.ts "$target_dir/"
fi

# -locations none: moving code around does not change the .ts files.
# English: only the plural forms ("%n ticket(s)") need a translation.
"$lupdate" -silent -locations none -no-obsolete -source-language en -target-language de \
    app ui -ts "$target_dir/ankra_de.ts" 2> >(grep -v "lacks Q_OBJECT macro" >&2)
"$lupdate" -silent -locations none -no-obsolete -pluralonly -source-language en -target-language en \
    app ui -ts "$target_dir/ankra_en.ts" 2> >(grep -v "lacks Q_OBJECT macro" >&2)

status=0
if [[ $check -eq 1 ]]; then
    for f in ankra_de.ts ankra_en.ts; do
        if ! cmp -s "translations/$f" "$target_dir/$f"; then
            echo "translations/$f is out of date with the sources; run translations/update.sh:"
            diff -u "translations/$f" "$target_dir/$f" | grep -E '^[-+] *<source>' | head -40 || true
            status=1
        fi
    done
fi

# Unfinished: type="unfinished" or an empty translation (a plural form included).
perl -0777 -ne '
    my $file = $ARGV;
    while (/<context>\s*<name>(.*?)<\/name>(.*?)<\/context>/gs) {
        my ($ctx, $body) = ($1, $2);
        while ($body =~ /<message[^>]*>(.*?)<\/message>/gs) {
            my $m = $1;
            next if $m =~ /type="(?:vanished|obsolete)"/;
            my ($src) = $m =~ /<source>(.*?)<\/source>/s;
            my $open = $m =~ /type="unfinished"/
                || $m =~ /<translation[^>]*>\s*<\/translation>/
                || $m =~ /<translation[^>]*\/>/
                || $m =~ /<numerusform>\s*<\/numerusform>/
                || $m =~ /<numerusform\/>/;
            if ($open) { print "$file: [$ctx] $src\n"; $n++ }
        }
    }
    END { print(($n // 0) . " unfinished message(s)\n"); exit($n ? 1 : 0) }
' "$target_dir/ankra_de.ts" "$target_dir/ankra_en.ts" || status=1
exit $status
