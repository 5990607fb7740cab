"""How fast `rejectkit inbox` scans a mail folder: an mbox of thousands of messages, a few of
them job emails, against the standard library's `mailbox.mbox` merely iterating them.

    python bench/inbox.py [--messages 5000] [--runs 3] [--json FILE]

The mbox is generated from a fixed seed: newsletters, receipts, friends' mail, HTML-only and
base64 bodies, small attachments, and the job emails of tests/emails/ among them. The kit's
time covers reading every message with the modern policy, deciding what each is, and planning
the changes of each job email against the corpus's applications (nothing is written). The
goal is a ratio of at most 3 (at least a third of the floor's speed).
"""

from __future__ import annotations

import argparse
import base64
import json
import mailbox
import random
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

JOB_EMAILS = [
    "r01_corvid_plain.eml", "r04_quillon_final_cp1252.eml", "r06_orbit_final_base64.eml",
    "r07_wren_html_only.eml", "r13_blauwal_de.eml", "r18_gannet_forwarded_gmail.eml",
    "i01_tallis_invite.eml", "o01_quillon_offer.eml", "a01_corvid_received.eml",
    "q04_perch_right_to_work.eml", "r10_marlowe_ambiguous.eml",
]  # fmt: skip
_WORDS = [
    "weekly", "update", "garden", "offer", "sale", "recipe", "meeting", "photos", "train",
    "tickets", "invoice", "concert", "holiday", "weather", "football", "library", "parcel",
    "delivery", "newsletter", "discount", "webinar", "family", "birthday", "dinner", "podcast",
    "museum",
]  # fmt: skip


def _filler(rng: random.Random, n: int) -> bytes:
    subject = " ".join(rng.choices(_WORDS, k=rng.randint(2, 6))).capitalize()
    paragraphs = "\n\n".join(" ".join(rng.choices(_WORDS, k=rng.randint(20, 90))) + "."
                             for _ in range(rng.randint(1, 5)))  # fmt: skip
    head = (f"From: Sender {n} <sender{n}@mail{n % 97}.example>\nTo: sam@mailbox.example\n"
            f"Subject: {subject}\nDate: Mon, {1 + n % 28} Sep 2026 10:{n % 60:02d}:00 +0000\n"
            f"Message-ID: <filler-{n}@mail.example>\nMIME-Version: 1.0\n")  # fmt: skip
    kind = rng.random()
    if kind < 0.15:  # a mailing list
        head += "List-Unsubscribe: <https://lists.example/u>\n"
    if kind < 0.55:
        return (head + "Content-Type: text/plain; charset=utf-8\n\n" + paragraphs + "\n").encode()
    if kind < 0.75:
        html = "".join(f"<p style='margin:0'>{p}</p>" for p in paragraphs.split("\n\n"))
        body = base64.encodebytes(f"<html><body>{html}</body></html>".encode()).decode()
        return (head + "Content-Type: text/html; charset=utf-8\nContent-Transfer-Encoding: "
                "base64\n\n" + body).encode()  # fmt: skip
    attachment = base64.encodebytes(rng.randbytes(rng.randint(2_000, 30_000))).decode()
    return (head + 'Content-Type: multipart/mixed; boundary="b"\n\n--b\nContent-Type: text/plain; '
            "charset=utf-8\n\n" + paragraphs + "\n--b\nContent-Type: image/jpeg\n"
            "Content-Transfer-Encoding: base64\n\n" + attachment + "--b--\n").encode()  # fmt: skip


def make_mbox(path: Path, messages: int = 5000, *, seed: int = 16) -> list[int]:
    """Write an mbox of ``messages`` messages; return the numbers (from 1) of the job emails."""
    rng = random.Random(seed)
    emails = ROOT / "tests" / "emails"
    jobs = sorted(rng.sample(range(1, messages + 1), len(JOB_EMAILS)))
    placed = dict(zip(jobs, JOB_EMAILS, strict=True))
    with path.open("wb") as out:
        for n in range(1, messages + 1):
            data = (emails / placed[n]).read_bytes() if n in placed else _filler(rng, n)
            data = data.replace(b"\r\n", b"\n")
            # mboxrd: a body line starting "From " is quoted so it cannot start a message.
            data = b"\n".join(b">" + line if line.startswith((b"From ", b">From ")) and i else line
                              for i, line in enumerate(data.split(b"\n")))  # fmt: skip
            out.write(b"From MAILER-DAEMON Mon Nov  2 10:00:00 2026\n" + data.rstrip(b"\n")
                      + b"\n\n")  # fmt: skip
    return jobs


def main(argv=None) -> int:
    from run import median_pair

    from rejectkit.inbox.batch import read_inbox
    from rejectkit.store.location import init_workspace

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        box = tmp / "Inbox.mbox"
        make_mbox(box, args.messages)
        ws = init_workspace(tmp / "w")
        ws.put_file("applications", (ROOT / "tests/emails/applications.csv").read_bytes())
        found: list = []

        def kit():
            found[:] = list(read_inbox(ws, [box]))

        def floor():
            for _ in mailbox.mbox(str(box)):
                pass

        kit_s, floor_s = median_pair(kit, floor, args.runs)
        result = {
            "messages": args.messages,
            "mbox_mb": round(box.stat().st_size / 1e6, 1),
            "job_emails_found": len(found),
            "kit_s": kit_s,
            "floor_s": floor_s,
            "ratio": kit_s / floor_s,
            "goal": "<= 3",
        }
    print(f"inbox: {args.messages:,} messages ({result['mbox_mb']} MB), "
          f"{len(found)} job emails found: {kit_s:.2f} s vs mailbox.mbox iterating "
          f"{floor_s:.2f} s = {kit_s / floor_s:.2f}x (goal <= 3x)")  # fmt: skip
    if args.json:
        args.json.write_text(json.dumps(result, indent=1))
    return 0 if kit_s / floor_s <= 3 else 1


if __name__ == "__main__":
    sys.exit(main())
