"""Two openers: while one program edits a file, the command line (or a second window) is told
and can only read; nothing is corrupted and no edit is lost."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from commands import Capture, run
from files import sha256_of

from selfassess.checklist import Checklist
from selfassess.store import AssessmentFile, ChangeSet
from selfassess.store.database import connection
from selfassess.store.openers import FileInUse, lock_path

HOLDER = r"""
import sys
from pathlib import Path
from selfassess.store import AssessmentFile, ChangeSet
af = AssessmentFile.open(Path(sys.argv[1]))
print("ready", flush=True)
for line in sys.stdin:
    word, _sep, arg = line.strip().partition(" ")
    if word == "edit":
        af.apply(ChangeSet(answers={"1.1": {"narrative": f"第{arg}次"}}))
        print(f"saved {arg}", flush=True)
    elif word == "quit":
        af.close()
        print("closed", flush=True)
        break
"""


class Holder:
    """Another selfassess process with the file open for editing."""

    def __init__(self, path: Path) -> None:
        self.process = subprocess.Popen([sys.executable, "-c", HOLDER, str(path)],
                                        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
                                        encoding="utf-8", env=os.environ.copy())
        assert self.say("") == "ready"

    def say(self, command: str) -> str:
        assert self.process.stdin is not None and self.process.stdout is not None
        if command:
            self.process.stdin.write(command + "\n")
            self.process.stdin.flush()
        return self.process.stdout.readline().strip()

    def quit(self) -> None:
        assert self.say("quit") == "closed"
        self.process.wait(timeout=30)

    def end(self) -> None:
        """Make sure it has ended and its pipes are closed."""
        if self.process.poll() is None:
            self.process.kill()
        self.process.communicate(timeout=30)


@pytest.fixture
def draft(tmp_path: Path, checklist: Checklist) -> Path:
    path = tmp_path / "office.selfassess"
    AssessmentFile.create(path, checklist, department_name="办公室", period="2026").close()
    return path


@pytest.fixture
def holder(draft: Path) -> Iterator[Holder]:
    other = Holder(draft)
    yield other
    other.end()


def narrative(path: Path) -> str:
    with AssessmentFile.open(path, readonly=True) as af:
        answer = af.data().answers.get("1.1")
        return answer.narrative if answer else ""


def test_the_second_writer_is_told_and_readers_see_the_latest(
        draft: Path, holder: Holder, tmp_path: Path, capsys: Capture) -> None:
    assert holder.say("edit 1") == "saved 1"
    assert narrative(draft) == "第1次"  # a reader sees the edit at once
    answers = tmp_path / "answers.json"
    answers.write_text('{"items": {"1.1": {"narrative": "命令行的修改"}}}', "utf-8")
    for argv in (("fill", str(draft), str(answers)), ("seal", str(draft)),
                 ("restore", str(draft), str(draft), "--force")):
        code, _out, err = run(capsys, *argv)
        assert code == 1 and len(err.strip().splitlines()) == 1, (argv, err)
        assert "open for editing in another selfassess" in err and "since" in err
    with pytest.raises(FileInUse):
        AssessmentFile.open(draft)
    code, _out, err = run(capsys, "summary", str(draft))
    assert code == 0, err
    assert holder.say("edit 2") == "saved 2"  # the holder carries on undisturbed
    assert narrative(draft) == "第2次"
    holder.quit()
    assert not lock_path(draft).exists()
    code, _out, err = run(capsys, "fill", str(draft), str(answers))  # now it may write
    assert code == 0, err
    assert narrative(draft) == "命令行的修改"
    conn = sqlite3.connect(draft)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()


def test_a_killed_holder_leaves_no_lock_and_no_lost_edit(draft: Path, holder: Holder) -> None:
    assert holder.say("edit 7") == "saved 7"
    holder.process.send_signal(signal.SIGKILL)
    holder.process.wait(timeout=30)
    assert lock_path(draft).exists()  # left behind, but nobody holds it
    with AssessmentFile.open(draft) as af:  # writable again, the saved edit is there
        assert af.data().answers["1.1"].narrative == "第7次"
        assert connection(af).execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_one_process_may_open_its_file_twice(draft: Path) -> None:
    first = AssessmentFile.open(draft)
    second = AssessmentFile.open(draft)  # the app's worker threads do this
    second.apply(ChangeSet(answers={"1.1": {"narrative": "线程里写的"}}))
    second.close()
    first.apply(ChangeSet(answers={"1.2": {"narrative": "窗口里写的"}}))
    assert lock_path(draft).exists()  # still held by ``first``
    first.close()
    assert not lock_path(draft).exists()
    assert narrative(draft) == "线程里写的"


def test_a_stale_lock_file_does_not_block(draft: Path) -> None:
    lock_path(draft).write_text("{not json", "utf-8")
    before = sha256_of(draft)
    with AssessmentFile.open(draft) as af:
        af.apply(ChangeSet(answers={"1.1": {"narrative": "照常保存"}}))
    assert sha256_of(draft) != before and narrative(draft) == "照常保存"


def test_a_file_that_cannot_be_written_is_read_only(draft: Path, tmp_path: Path,
                                                    capsys: Capture,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    import selfassess.store.openers as openers

    real = os.access
    monkeypatch.setattr(openers.os, "access",  # as on a write-protected USB stick
                        lambda path, mode: False if Path(path) in (draft, draft.parent)
                        else real(path, mode))
    answers = tmp_path / "answers.json"
    answers.write_text('{"items": {"1.1": {"narrative": "x"}}}', "utf-8")
    before = sha256_of(draft)
    code, _out, err = run(capsys, "fill", str(draft), str(answers))
    assert code == 1 and "cannot be changed here" in err and len(err.strip().splitlines()) == 1
    assert sha256_of(draft) == before
    assert run(capsys, "summary", str(draft))[0] == 0  # reading still works
