#!/bin/sh
# Per-user install of the selfassess bundle on Linux (Debian, Kylin, UOS): no root needed.
#   sh install.sh [BUNDLE]      install (BUNDLE: the unpacked selfassess folder, default: beside
#                               this script or ../../dist/selfassess)
#   sh install.sh --uninstall   remove it again
# Puts the program in ~/.local/share/selfassess/app, the command in ~/.local/bin, and registers
# the menu entry, the icon and the .selfassess file type so a double-click opens the file.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
data=${XDG_DATA_HOME:-$HOME/.local/share}
app=$data/selfassess/app
bin=$HOME/.local/bin

refresh() {
    command -v update-mime-database >/dev/null 2>&1 && update-mime-database "$data/mime" || true
    command -v update-desktop-database >/dev/null 2>&1 \
        && update-desktop-database "$data/applications" || true
    command -v gtk-update-icon-cache >/dev/null 2>&1 \
        && gtk-update-icon-cache -q -t "$data/icons/hicolor" || true
}

if [ "${1:-}" = "--uninstall" ]; then
    rm -rf "$app"
    rm -f "$bin/selfassess" "$data/applications/selfassess.desktop" \
          "$data/mime/packages/selfassess.xml" \
          "$data/icons/hicolor/scalable/apps/selfassess.svg" \
          "$data/icons/hicolor/scalable/mimetypes/application-x-selfassess.svg" \
          "$data/icons/hicolor/256x256/apps/selfassess.png"
    refresh
    echo "selfassess removed (your .selfassess files and settings are kept)"
    exit 0
fi

bundle=${1:-}
if [ -z "$bundle" ]; then
    for candidate in "$here/selfassess" "$here/../selfassess" "$here/../../dist/selfassess"; do
        if [ -x "$candidate/selfassess" ]; then bundle=$candidate; break; fi
    done
fi
if [ -z "$bundle" ] || [ ! -x "$bundle/selfassess" ]; then
    echo "no selfassess bundle found; give its folder: sh install.sh /path/to/selfassess" >&2
    exit 1
fi
bundle=$(cd "$bundle" && pwd)
icons=$bundle/_internal/resources/icons  # the bundle carries the icons

mkdir -p "$data/selfassess" "$bin" "$data/applications" "$data/mime/packages" \
         "$data/icons/hicolor/scalable/apps" "$data/icons/hicolor/scalable/mimetypes" \
         "$data/icons/hicolor/256x256/apps"
rm -rf "$app.new"
cp -a "$bundle" "$app.new"
rm -rf "$app"
mv "$app.new" "$app"
ln -sf "$app/selfassess" "$bin/selfassess"
sed "s|@BUNDLE@|$app|g" "$here/selfassess.desktop.in" > "$data/applications/selfassess.desktop"
cp "$here/selfassess-mime.xml" "$data/mime/packages/selfassess.xml"
cp "$icons/selfassess.svg" "$data/icons/hicolor/scalable/apps/selfassess.svg"
cp "$icons/selfassess.svg" "$data/icons/hicolor/scalable/mimetypes/application-x-selfassess.svg"
cp "$icons/selfassess.png" "$data/icons/hicolor/256x256/apps/selfassess.png"
refresh
echo "selfassess installed in $app"
echo "start it from the menu (意识形态工作责任制自查自评) or with: $bin/selfassess"
