"""Build the one-folder bundle: ``python3 packaging/build.py`` → ``dist/selfassess/``.

Creates (or reuses) a build virtual environment in ``build/venv`` with selfassess and
PyInstaller, runs PyInstaller on ``packaging/selfassess.spec``, and refuses a bundle larger than
160 MB. Then ``python3 packaging/smoke.py dist/selfassess`` checks that it runs. On Windows the
same command builds ``dist\\selfassess\\selfassess-gui.exe``, which the Inno Setup script
packs into an installer (packaging/README.md).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tarfile
import venv
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYINSTALLER = "pyinstaller>=6.10,<7"
LIMIT_MB = 160


def folder_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def python_of(environment: Path) -> Path:
    return environment / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--venv", type=Path, default=ROOT / "build" / "venv",
                        help="build virtual environment (created when missing)")
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="output folder")
    parser.add_argument("--archive", action="store_true",
                        help="also pack what is handed out: on Linux the bundle with the "
                             "linux/ install files (.tar.gz), on Windows the portable zip")
    args = parser.parse_args()
    python = python_of(args.venv)
    if not python.exists():
        print(f"creating {args.venv}")
        venv.EnvBuilder(with_pip=True).create(args.venv)
    subprocess.run([str(python), "-m", "pip", "install", "--quiet", "--upgrade", "pip"],
                   check=True)
    subprocess.run([str(python), "-m", "pip", "install", "--quiet", str(ROOT), PYINSTALLER],
                   check=True)
    subprocess.run([str(python), "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level",
                    "WARN", "--distpath", str(args.dist), "--workpath",
                    str(ROOT / "build" / "pyinstaller"), str(ROOT / "packaging" / "selfassess.spec")],
                   check=True, cwd=ROOT)
    bundle = args.dist / "selfassess"
    if os.name != "nt":  # the app's own launcher; Windows gets a windowed selfassess-gui.exe
        launcher = bundle / "selfassess-gui"
        launcher.write_text('#!/bin/sh\n# the app, optionally on a .selfassess file\n'
                            'exec "$(dirname "$(readlink -f "$0")")/selfassess" gui "$@"\n',
                            encoding="utf-8")
        launcher.chmod(0o755)
    size_mb = folder_size(bundle) / (1024 * 1024)
    print(f"{bundle}: {size_mb:.0f} MB")
    if size_mb > LIMIT_MB:
        print(f"the bundle is larger than {LIMIT_MB} MB", file=sys.stderr)
        return 1
    if args.archive:
        print(f"{pack(bundle, args.dist)}: written")
    return 0


def pack(bundle: Path, dist: Path) -> Path:
    """The archive handed to users (see the README's installing section)."""
    version = (ROOT / "selfassess" / "__init__.py").read_text(encoding="utf-8").split(
        '__version__ = "')[1].split('"')[0]
    if os.name == "nt":
        target = dist / f"selfassess-{version}-windows-portable.zip"
        with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
            for path in sorted(bundle.rglob("*")):
                archive.write(path, Path("selfassess") / path.relative_to(bundle))
            archive.writestr("selfassess/portable.txt", "selfassess portable\n")
        return target
    target = dist / f"selfassess-{version}-linux-x86_64.tar.gz"
    with tarfile.open(target, "w:gz") as archive:
        archive.add(bundle, arcname="selfassess")
        archive.add(ROOT / "packaging" / "linux", arcname="linux")
    return target


if __name__ == "__main__":
    sys.exit(main())
