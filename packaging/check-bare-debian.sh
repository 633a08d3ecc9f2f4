#!/bin/sh
# How the bundle was checked on a bare Debian 12 (run as root on a Debian/Ubuntu host):
#   sh packaging/check-bare-debian.sh [dist/selfassess]
# Makes a minimal Debian 12 (debootstrap --variant=minbase, no X, no Qt, no Python), adds only
# libgl1 and libegl1, copies the bundle in and runs it: --version, demo (files and PDFs),
# summary, and the app rendered offscreen on an item page.
set -eu
bundle=$(cd "${1:-dist/selfassess}" && pwd)
root=${CHROOT:-/tmp/selfassess-bare-debian}
if [ ! -x "$root/bin/sh" ]; then
    debootstrap --variant=minbase bookworm "$root" http://deb.debian.org/debian
fi
cp /etc/resolv.conf "$root/etc/resolv.conf"
mountpoint -q "$root/proc" || mount -t proc proc "$root/proc"
mountpoint -q "$root/dev" || mount --bind /dev "$root/dev"
trap 'umount "$root/proc" "$root/dev" 2>/dev/null || true' EXIT
chroot "$root" sh -c 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive \
    apt-get install -y -qq --no-install-recommends libgl1 libegl1 >/dev/null'
rm -rf "$root/opt/selfassess"
cp -a "$bundle" "$root/opt/selfassess"
cat > "$root/root/smoke.sh" <<'SCRIPT'
set -eu
export HOME=/root/home QT_QPA_PLATFORM=offscreen SELFASSESS_LANG=zh_CN
rm -rf /root/home /root/demo /root/app.png && mkdir -p /root/home
S=/opt/selfassess/selfassess
$S --version
$S demo /root/demo > /dev/null
test "$(ls /root/demo/*.pdf | wc -l)" -ge 2
$S summary /root/demo/2026_办公室.selfassess | head -1
$S gui /root/demo/2026_办公室.selfassess --item 1.2 --screenshot /root/app.png
test -s /root/app.png
SCRIPT
chroot "$root" /usr/bin/env -i PATH=/usr/bin:/bin sh /root/smoke.sh
cp "$root/root/app.png" ./bare-debian-app.png
# and on a real X11 display (Qt's xcb plugin), when the host can run Xvfb: the chroot gets only
# the display's socket
if command -v Xvfb >/dev/null 2>&1; then
    Xvfb :97 -screen 0 1280x900x24 -nolisten tcp >/dev/null 2>&1 &
    xvfb=$!
    sleep 2
    mkdir -p "$root/tmp/.X11-unix"
    mount --bind /tmp/.X11-unix "$root/tmp/.X11-unix"
    chroot "$root" /usr/bin/env -i PATH=/usr/bin:/bin HOME=/root/home DISPLAY=:97 \
        LANG=C.UTF-8 /opt/selfassess/selfassess gui /root/demo/2026_办公室.selfassess \
        --item 2.1 --screenshot /root/x11.png
    umount "$root/tmp/.X11-unix"
    kill "$xvfb"
    cp "$root/root/x11.png" ./bare-debian-x11.png
fi
echo "the bundle runs on bare Debian 12 + libgl1 libegl1; screenshots: bare-debian-*.png"
