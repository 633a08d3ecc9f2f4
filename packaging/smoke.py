"""Run the built bundle the way a user would: ``python3 packaging/smoke.py dist/selfassess``.

Checks, each with an empty home folder: ``--version``; ``demo`` into a temporary folder (the
department files, the bureau file and the PDFs it prints); the app opened on the built-in
checklist and rendered offscreen (``gui --screenshot``); then portable mode on a copy of the
bundle — with ``portable.txt`` beside the program, everything it writes stays in the bundle's
``userdata`` folder and the home folder is left exactly as it was. Any unexpected output on
standard error fails the check. Exit 0 when everything passed.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

# what a healthy run may say on standard error
EXPECTED_NOISE = re.compile(
    r"fonts substituted|字体已替代|propagateSizeHints|^\s*$")


class SmokeFailure(Exception):
    """A check failed."""


def program(bundle: Path) -> Path:
    return bundle / ("selfassess.exe" if os.name == "nt" else "selfassess")


def run(bundle: Path, home: Path, *args: str, program_name: str = "") -> str:
    """Run the bundled command with a private home; its standard output."""
    env = {key: value for key, value in os.environ.items()
           if not key.startswith(("SELFASSESS_", "XDG_", "PYTHON", "QT_"))}
    env.update(HOME=str(home), USERPROFILE=str(home), APPDATA=str(home / "AppData" / "Roaming"),
               LOCALAPPDATA=str(home / "AppData" / "Local"), QT_QPA_PLATFORM="offscreen",
               SELFASSESS_LANG="zh_CN")
    executable = bundle / program_name if program_name else program(bundle)
    result = subprocess.run([str(executable), *args], capture_output=True, text=True,
                            encoding="utf-8", errors="replace", env=env, timeout=300,
                            check=False)
    noise = [line for line in result.stderr.splitlines() if not EXPECTED_NOISE.search(line)]
    if result.returncode != 0 or noise:
        raise SmokeFailure(f"{' '.join(args)}: exit {result.returncode}\n{result.stderr[-3000:]}")
    return result.stdout


def listing(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*"))


def check(bundle: Path, work: Path) -> None:
    home = work / "home"
    home.mkdir()
    out = run(bundle, home, "--version")
    if not out.startswith("selfassess "):
        raise SmokeFailure(f"--version printed {out!r}")
    print(f"ok  {out.strip()}")

    demo = work / "demo"
    run(bundle, home, "demo", str(demo))
    pdfs = sorted(demo.glob("*.pdf"))
    files = sorted(demo.glob("*.selfassess"))
    if len(pdfs) < 2 or len(files) < 6 or any(p.read_bytes()[:5] != b"%PDF-" for p in pdfs):
        raise SmokeFailure(f"demo wrote {listing(demo)}")
    summary = run(bundle, home, "summary", str(files[0]))
    print(f"ok  demo: {len(files)} files, {len(pdfs)} PDFs; {summary.splitlines()[0]}")

    shot = work / "app.png"
    run(bundle, home, "gui", "--screenshot", str(shot))
    if not shot.is_file() or shot.read_bytes()[:8] != b"\x89PNG\r\n\x1a\n" or \
            shot.stat().st_size < 10_000:
        raise SmokeFailure("the app's screenshot is missing or empty")
    print(f"ok  app rendered offscreen ({shot.stat().st_size // 1024} KB)")
    if os.name != "nt":  # the launcher the desktop entry and a double-click use
        launched = work / "launcher.png"
        run(bundle, home, "--screenshot", str(launched), program_name="selfassess-gui")
        if not launched.is_file():
            raise SmokeFailure("selfassess-gui did not start the app")
        print("ok  selfassess-gui starts the app")

    portable = work / "portable"
    shutil.copytree(bundle, portable, symlinks=True)
    (portable / "portable.txt").write_text("selfassess portable\n", encoding="utf-8")
    clean_home = work / "clean-home"
    clean_home.mkdir()
    before = listing(clean_home)
    run(portable, clean_home, "demo", str(portable / "userdata" / "demo"))
    run(portable, clean_home, "gui", "--screenshot", str(portable / "userdata" / "app.png"))
    after = listing(clean_home)
    if after != before:
        raise SmokeFailure(f"portable mode wrote outside its folder: {sorted(set(after) - set(before))}")
    kept = listing(portable / "userdata")
    if not any(name.startswith("data") for name in kept):
        raise SmokeFailure(f"portable mode kept no user data in its folder: {kept[:20]}")
    print(f"ok  portable: nothing outside the folder; {len(kept)} entries in userdata/")


def main() -> int:
    bundle = Path(sys.argv[1] if len(sys.argv) > 1 else "dist/selfassess").resolve()
    if not program(bundle).is_file():
        print(f"no bundle at {bundle}; build it with python3 packaging/build.py", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory(prefix="selfassess-smoke-") as temporary:
        try:
            check(bundle, Path(temporary))
        except SmokeFailure as failure:
            print(f"FAILED {failure}", file=sys.stderr)
            return 1
    print("smoke test passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
