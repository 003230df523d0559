#!/usr/bin/env python3
"""Save-to-PDF latency of `ucap watch`: from the moment a plan is saved to
the moment its new PDFs are in place (the status line is printed after the
last PDF's rename), over many saves.

    bench/watch_latency.py build/ucap [--plan samples/plans/umea-kamakura.xml] [--saves 31] [--lang all]

Copies the plan (and its figures) to a scratch folder, starts `ucap watch`
there, waits for the first round, then saves the plan in place `--saves`
times (a changed word each time, so each PDF differs), each time timing
until the round's status line arrives, and checks the PDFs changed. Prints
the median, minimum and maximum of that latency and of the round's own
time (the "in N ms" of the status line), the watching process's CPU time
per save (what a loaded machine does not inflate), and BENCH lines as
ucap_render_bench does.
"""
import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

STATUS = re.compile(rb"^\[\d\d:\d\d:\d\d\] (.*)$")


def read_status(stream):
    """The next status line from `ucap watch`'s stderr (findings are skipped)."""
    while True:
        line = stream.readline()
        if not line:
            raise SystemExit("ucap watch ended early")
        match = STATUS.match(line.rstrip(b"\n"))
        if match:
            return match.group(1).decode()


def cpu_seconds(pid):
    """The process's user + system CPU time so far (all its threads)."""
    fields = open("/proc/%d/stat" % pid).read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("ucap")
    parser.add_argument("--plan", default=os.path.join(os.path.dirname(__file__), "..", "samples", "plans", "umea-kamakura.xml"))
    parser.add_argument("--saves", type=int, default=31)
    parser.add_argument("--lang", default="all")
    parser.add_argument("--pause", type=float, default=0.1, help="seconds between saves")
    args = parser.parse_args()

    folder = tempfile.mkdtemp(prefix="ucap-watch-bench-")
    try:
        plan_dir = os.path.dirname(os.path.abspath(args.plan))
        plan = os.path.join(folder, "plan.xml")
        shutil.copy(args.plan, plan)
        if os.path.isdir(os.path.join(plan_dir, "figures")):
            shutil.copytree(os.path.join(plan_dir, "figures"), os.path.join(folder, "figures"))
        original = open(plan, "rb").read()
        marker = b'<title xml:lang="en">'
        ja_marker = b'<title xml:lang="ja">'
        if marker not in original or ja_marker not in original:
            raise SystemExit("the plan has no English or Japanese title to change")

        watch = subprocess.Popen([os.path.abspath(args.ucap), "watch", "plan.xml", "--lang", args.lang], cwd=folder,
                                 stderr=subprocess.PIPE, stdout=subprocess.DEVNULL)
        first = read_status(watch.stderr)
        if not first.startswith("rendered "):
            raise SystemExit("first round: " + first)
        pdfs = [os.path.join(folder, name.strip()) for name in first[len("rendered "):].rsplit(" in ", 1)[0].split(",")]

        latencies, rounds = [], []
        cpu_before = cpu_seconds(watch.pid)
        for save in range(args.saves):
            time.sleep(args.pause)
            before = [open(pdf, "rb").read() for pdf in pdfs]
            text = original.replace(marker, marker + b"Save %d " % save, 1)
            text = text.replace(ja_marker, ja_marker + b"%d " % save, 1)
            start = time.perf_counter()
            with open(plan, "wb") as out:  # rewritten in place, as most editors do
                out.write(text)
            status = read_status(watch.stderr)
            latencies.append((time.perf_counter() - start) * 1000)
            found = re.match(r"rendered .* in (\d+) ms$", status)
            if not found:
                raise SystemExit("save %d: %s" % (save, status))
            rounds.append(int(found.group(1)))
            if any(open(pdf, "rb").read() == old for pdf, old in zip(pdfs, before)):
                raise SystemExit("save %d: a PDF did not change" % save)

        cpu_per_save = (cpu_seconds(watch.pid) - cpu_before) * 1000 / args.saves
        watch.send_signal(2)
        if watch.wait() != 130:
            raise SystemExit("ucap watch did not end with 130 after SIGINT")
    finally:
        shutil.rmtree(folder)

    name = os.path.splitext(os.path.basename(args.plan))[0]
    print("%s, %s, %d saves: %s" % (name, args.lang, args.saves, ", ".join(os.path.basename(p) for p in pdfs)))
    for label, values in (("save-to-PDF", latencies), ("round (render)", rounds)):
        print("  %-15s median %6.1f ms  min %6.1f  max %6.1f" % (label, statistics.median(values), min(values), max(values)))
    print("  %-15s mean   %6.1f ms  (the watching process's user + system time per save)" % ("CPU", cpu_per_save))
    print("BENCH watch.%s.%s.save_to_pdf_ms %.1f ms" % (name, args.lang, statistics.median(latencies)))
    print("BENCH watch.%s.%s.cpu_per_save_ms %.1f ms" % (name, args.lang, cpu_per_save))
    print("BENCH watch.%s.%s.round_ms %.1f ms" % (name, args.lang, statistics.median(rounds)))


if __name__ == "__main__":
    sys.exit(main())
