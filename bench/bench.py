#!/usr/bin/python3
"""The benchmarks of bench/run (issues 3, 4, 6, 15), jixiao and its peers
side by side in the same run, on the same inputs:

1. DOCX import: jixiao (bench-import, to the neutral document), python-docx
   (read_docx.py) and a plain zipfile + lxml reader (read_docx_lxml.py);
   XLSX import: jixiao and openpyxl (read_xlsx.py); the files are made from
   the bundled examples by jixiao's generator (tests/jx-gen);
2. checks: generated packages (tests/gen/pkggen.c, clean by construction)
   loaded, scored and checked in-process (bench-check) and by `jixiao
   check` (one process for all files, which must exit 0: no errors), beside
   the floor (bench-jansson: read + jansson parse only) and a Python script
   redoing a few sums (check_py.py);
3. documents: `jixiao report` in each format (one process per document),
   beside LibreOffice converting the same reports' DOCX to PDF.

A peer that is not installed is skipped with the reason printed.  Any
step that fails, or prints no figure, makes the run fail (exit 1); the
figures themselves are never judged (speed is no test).  The results
end as a Markdown section for bench/RESULTS.md (also written to --out).

Usage: bench.py [--small] [--build DIR] [--out FILE]
Sizes (environment overrides): COPIES, ROUNDS, PACKAGES, CHECK_ROUNDS, DOCS.
"""
import argparse
import glob
import importlib.util
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

FULL = {"COPIES": 20, "ROUNDS": 5, "PACKAGES": 1000, "CHECK_ROUNDS": 5,
        "DOCS": 10}
SMALL = {"COPIES": 1, "ROUNDS": 1, "PACKAGES": 40, "CHECK_ROUNDS": 1,
         "DOCS": 1}
RATE = re.compile(r"([0-9]+(?:\.[0-9]+)?) (?:documents|packages)/s")

failures = []
rows = []  # (group, reader, rate, unit, jixiao, note): jixiao 0 for a
# peer, 1 for jixiao, 2 for the jixiao row the group's peers are
# compared with (else the group's first jixiao row)


def step(group, reader, cmd, jixiao, note="", unit="documents/s"):
    """Run one benchmark program; print its output; record its rate, or a
    failure when it exits non-zero or prints no rate."""
    print("$ " + " ".join(cmd[:3]) + (" …" if len(cmd) > 3 else ""),
          flush=True)
    r = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                       text=True)
    sys.stdout.write(r.stdout)
    m = RATE.search(r.stdout)
    if r.returncode != 0 or not m:
        failures.append("%s / %s: exit %d%s" % (
            group, reader, r.returncode, "" if m else ", no figure printed"))
        return None
    rate = float(m.group(1))
    rows.append((group, reader, rate, unit, jixiao, note))
    return r.stdout


def skip(group, reader, why):
    """Record a peer left out, with the reason (printed, never silent)."""
    print("skipped: %s (%s): %s" % (reader, group, why), flush=True)
    rows.append((group, reader, None, "", False, "skipped: " + why))


def have_module(name):
    """Whether the system python3 can import the module."""
    return importlib.util.find_spec(name) is not None


def timed(group, reader, jixiao, cmds, note="", unit="documents/s"):
    """Run every command of cmds in sequence (each must succeed) and
    record their number per second."""
    t0 = time.perf_counter()
    rss = 0
    for c in cmds:
        with tempfile.TemporaryFile() as err:
            p = subprocess.Popen(c, stdout=subprocess.DEVNULL, stderr=err)
            _, status, ru = os.wait4(p.pid, 0)
            p.returncode = os.waitstatus_to_exitcode(status)
            rss = max(rss, ru.ru_maxrss)
            if p.returncode != 0:
                err.seek(0)
                failures.append("%s / %s: %s exited %d: %s" % (
                    group, reader, os.path.basename(c[0]), p.returncode,
                    err.read().decode("utf-8", "replace").strip()[-300:]))
                return None
    secs = time.perf_counter() - t0
    rate = len(cmds) / secs
    print("%s: %d in %.2f s: %.1f %s; peak RSS %d KB"
          % (reader, len(cmds), secs, rate, unit, rss), flush=True)
    note = (note + "; " if note else "") + "peak RSS %.0f MB" % (rss / 1024)
    rows.append((group, reader, rate, unit, jixiao, note))
    return rate


def machine(build):
    """Date, machine, commit and build type of this run, as one line."""
    cpu = "?"
    with open("/proc/cpuinfo", encoding="utf-8") as f:
        for line in f:
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    mem = "?"
    with open("/proc/meminfo", encoding="utf-8") as f:
        for line in f:
            if line.startswith("MemTotal:"):
                mem = "%.1f GB" % (int(line.split()[1]) / 1024 / 1024)
                break
    load = os.getloadavg()[0]
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"],
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                            text=True).stdout.strip() or "?"
    dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"],
                           stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                           text=True).stdout.strip()
    btype = "?"
    r = subprocess.run(["meson", "introspect", build, "--buildoptions"],
                       stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                       text=True)
    m = re.search(r'"name": "buildtype", "value": "([a-z]+)"', r.stdout)
    if m:
        btype = m.group(1)
    vers = []
    for pkg, name in (("python3-docx", "python-docx"), ("python3-lxml", "lxml"),
                      ("python3-openpyxl", "openpyxl"),
                      ("libreoffice-writer-nogui", "LibreOffice"),
                      ("libjansson-dev", "jansson")):
        v = subprocess.run(["dpkg-query", "-W", "-f", "${Version}", pkg],
                           stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                           text=True).stdout.strip()
        vers.append("%s %s" % (name, v or "(not installed)"))
    return {"date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
            "versions": ", ".join(vers),
            "nproc": os.cpu_count(), "cpu": cpu, "mem": mem,
            "load": "%.1f" % load,
            "commit": commit + (" (uncommitted changes)" if dirty else ""),
            "build": "%s build (%s)" % (btype, build)}


def fmt_rate(rate):
    """A rate with three significant digits (thousands grouped)."""
    if rate >= 100:
        return "{:,.0f}".format(rate)
    return "%.3g" % rate


def table(size, inputs, m):
    """The Markdown section of this run."""
    out = ["### %s, %s cores (`nproc`), %s, %s memory, load %s, commit %s, %s, size %s"
           % (m["date"], m["nproc"], m["cpu"], m["mem"], m["load"],
              m["commit"], m["build"], size), ""]
    out += inputs + ["Peers (Debian packages): %s." % m["versions"], ""]
    out.append("| group | reader | rate | per item | jixiao ÷ reader | note |")
    out.append("| --- | --- | ---: | ---: | ---: | --- |")
    ref = {}
    for g, reader, rate, unit, jx, note in rows:
        if jx and rate and (g not in ref or jx == 2):
            ref[g] = (reader, rate)
    for g, reader, rate, unit, jx, note in rows:
        if rate is None:
            out.append("| %s | %s | — | — | — | %s |" % (g, reader, note))
            continue
        per = 1000.0 / rate
        per = "%.3g s" % (per / 1000) if per >= 1000 else "%.3g ms" % per
        ratio = "—"
        if not jx and g in ref:
            ratio = "%.2f×" % (ref[g][1] / rate)
        out.append("| %s | %s | %s %s | %s | %s | %s |"
                   % (g, reader, fmt_rate(rate), unit, per, ratio, note))
    out.append("")
    out.append("jixiao ÷ reader: the rate of %s divided by the reader's; "
               "above 1, jixiao is faster.  Below 1 for the jansson-only "
               "floor: `jixiao check` takes 1/ratio times the floor's time "
               "per package."
               % "; ".join("%s (%s)" % (r, g) for g, (r, _) in ref.items()
                           if any(x[0] == g and not x[4] for x in rows)))
    return "\n".join(out) + "\n"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--small", action="store_true",
                    help="the CI size (a minute or two on 2 cores)")
    ap.add_argument("--build", default="build-bench")
    ap.add_argument("--out", help="also write the Markdown section here")
    a = ap.parse_args()
    size = dict(SMALL if a.small else FULL)
    for k in size:
        if os.environ.get(k):
            size[k] = int(os.environ[k])
    b = a.build
    jx = os.path.join(b, "cli", "jixiao")
    gen = os.path.join(b, "tests", "jx-gen")
    py = "/usr/bin/python3"
    work = tempfile.mkdtemp(prefix="jx-bench.")
    try:
        return run(a, size, b, jx, gen, py, work)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def run(a, size, b, jx, gen, py, work):
    """Every step in order; the exit status of the run."""
    m = machine(b)
    print("machine: %(nproc)s cores, %(cpu)s, %(mem)s, load %(load)s; "
          "commit %(commit)s; %(build)s; %(date)s" % m)
    print("size: " + ", ".join("%s=%d" % kv for kv in size.items()),
          flush=True)
    srcs = sorted(glob.glob("examples/*.json")) + [
        "tests/data/seed003_meixi_2024.json"]
    for i in range(size["COPIES"]):
        for f in srcs:
            base = os.path.join(work, "%s-%d" % (os.path.basename(f)[:-5], i))
            for kind in ("docx", "xlsx"):
                r = subprocess.run([gen, f, kind, base + "." + kind])
                if r.returncode != 0:
                    failures.append("generate %s %s: exit %d"
                                    % (f, kind, r.returncode))
    docx = sorted(glob.glob(work + "/*.docx"))
    xlsx = sorted(glob.glob(work + "/*.xlsx"))
    kb = lambda fs: sum(os.path.getsize(f) for f in fs) / 1024
    inputs = ["Inputs: %d DOCX (%.0f KB) and %d XLSX (%.0f KB) from the "
              "bundled examples, rounds: %d;" % (len(docx), kb(docx),
                                                len(xlsx), kb(xlsx),
                                                size["ROUNDS"])]
    R = str(size["ROUNDS"])
    if docx:
        print("-- DOCX", flush=True)
        step("DOCX import", "jixiao", [os.path.join(b, "bench", "bench-import"),
                                       R] + docx, True)
        if have_module("docx"):
            step("DOCX import", "python-docx", [py, "bench/read_docx.py", R]
                 + docx, False)
        else:
            skip("DOCX import", "python-docx", "python3-docx not installed")
        if have_module("lxml"):
            step("DOCX import", "zipfile + lxml",
                 [py, "bench/read_docx_lxml.py", R] + docx, False)
        else:
            skip("DOCX import", "zipfile + lxml", "python3-lxml not installed")
    if xlsx:
        print("-- XLSX", flush=True)
        step("XLSX import", "jixiao", [os.path.join(b, "bench", "bench-import"),
                                       R] + xlsx, True)
        if have_module("openpyxl"):
            step("XLSX import", "openpyxl", [py, "bench/read_xlsx.py", R]
                 + xlsx, False)
        else:
            skip("XLSX import", "openpyxl", "python3-openpyxl not installed")

    print("-- checks", flush=True)
    pkg = os.path.join(work, "pkg")
    os.mkdir(pkg)
    CR = str(size["CHECK_ROUNDS"])
    step("check", "jixiao in-process (bench-check)",
               [os.path.join(b, "bench", "bench-check"),
                str(size["PACKAGES"]), CR, pkg], True,
               "load + score + check, texts in memory", "packages/s")
    files = sorted(glob.glob(pkg + "/*.json"))
    mean = kb(files) / len(files) if files else 0
    inputs.append("%d generated packages (mean %.1f KB), rounds: %s;"
                  % (len(files), mean, CR))
    if files:
        check_cli(jx, files)
        step("check", "jansson only (floor)",
             [os.path.join(b, "bench", "bench-jansson"), CR] + files, False,
             "read + parse, no positions or checks", "packages/s")
        parse_floor(b, size, work)
        step("check", "Python json + decimal", [py, "bench/check_py.py", CR]
             + files, False, "a few sums only", "packages/s")

    print("-- documents", flush=True)
    docs(jx, work, size["DOCS"], srcs[:-1], inputs, 1 if a.small else 0)
    sec = table("small (`--small`)" if a.small else "full", inputs, m)
    print("\n" + sec)
    if a.out:
        with open(a.out, "w", encoding="utf-8") as f:
            f.write(sec)
        print("written: " + a.out)
    figures = sum(1 for r in rows if r[2] is not None)
    skipped = sum(1 for r in rows if r[2] is None)
    for f in failures:
        print("failed: " + f)
    # the closing count (scripts/test): a step that printed its figure
    # passed, a peer that is absent is skipped; timings are not judged
    print("%d passed, %d failed, %d skipped" % (figures, len(failures),
                                                skipped))
    return 1 if failures else 0


PHASE = re.compile(r"^(\w+) +median ([0-9.]+) ms/package", re.M)
CPU_PHASE = re.compile(r"^(\w+) +median .*CPU median ([0-9.]+)", re.M)


def parse_floor(b, size, work):
    """bench-parse: read, jansson alone, the one-pass parse with
    positions and the whole check over the same generated packages in one
    process, interleaved; records the one-pass parse as a peer row of the
    check group (the floor the issue compares `check` with)."""
    d = os.path.join(work, "parse")
    os.mkdir(d)
    cmd = [os.path.join(b, "bench", "bench-parse"), str(size["PACKAGES"]),
           str(size["CHECK_ROUNDS"]), d]
    print("$ " + " ".join(cmd[:3]) + " …", flush=True)
    r = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                       text=True)
    sys.stdout.write(r.stdout)
    med = {k: float(v) for k, v in PHASE.findall(r.stdout)}
    cpu = {k: float(v) for k, v in CPU_PHASE.findall(r.stdout)}
    if r.returncode != 0 or "onepass" not in med or "check" not in med:
        failures.append("check / bench-parse: exit %d%s" % (
            r.returncode, "" if med else ", no figure printed"))
        return
    rows.append(("check", "one-pass parse with positions (floor)",
                 1000.0 / med["onepass"], "packages/s", False,
                 "read + parse, same process; check/onepass %.2f "
                 "(by CPU time %.2f)"
                 % (med["check"] / med["onepass"],
                    cpu["check"] / cpu["onepass"] if cpu.get("onepass")
                    else 0)))


def check_cli(jx, files):
    """`jixiao check` on the generated files, one process; it must exit 0
    (the generator's packages are clean by construction)."""
    with tempfile.TemporaryFile() as out:
        t0 = time.perf_counter()
        p = subprocess.Popen([jx, "check"] + files, stdout=out,
                             stderr=subprocess.STDOUT)
        _, status, ru = os.wait4(p.pid, 0)
        secs = time.perf_counter() - t0
        p.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        text = out.read().decode("utf-8", "replace")
    print("jixiao check: %d files, one process, %.3f s: %.0f packages/s; "
          "exit %d; peak RSS %d KB"
          % (len(files), secs, len(files) / secs, p.returncode, ru.ru_maxrss))
    if p.returncode != 0:
        bad = [l for l in text.splitlines() if "错误[" in l]
        print("\n".join(bad[:20]))
        failures.append("check / jixiao check: exit %d (%d errors on the "
                        "generated packages)" % (p.returncode, len(bad)))
        return
    rows.append(("check", "`jixiao check` (one process)", len(files) / secs,
                 "packages/s", 2, "files on disk, output discarded; peak "
                 "RSS %.0f MB" % (ru.ru_maxrss / 1024)))


def docs(jx, work, n, srcs, inputs, lo_docs):
    """jixiao writing the 自评报告 in each format, one process per
    document, then LibreOffice turning the same DOCX into PDF (lo_docs
    of them, 0: two per example)."""
    out = os.path.join(work, "docs")
    os.mkdir(out)
    inputs.append("documents: the 自评报告 of %d bundled examples × %d per "
                  "format." % (len(srcs), n))
    for fmt in ("docx", "xlsx", "html", "pdf"):
        cmds = []
        for i in range(n):
            for f in srcs:
                p = os.path.join(out, "%s-%d.%s" % (os.path.basename(f), i, fmt))
                cmds.append([jx, "report", f, "--format", fmt, "-o", p])
        if timed("documents" if fmt == "pdf" else "documents (%s)" % fmt,
                 "jixiao report --format " + fmt, True, cmds) is not None:
            kb = sum(os.path.getsize(c[-1]) for c in cmds) / len(cmds) / 1024
            g, r_, rate, unit, jxr, note = rows[-1]
            rows[-1] = (g, r_, rate, unit, jxr, "%.0f KB each; %s" % (kb, note))
    soffice = shutil.which("soffice")
    if not soffice:
        skip("documents", "LibreOffice DOCX → PDF",
             "soffice not installed (libreoffice-writer-nogui)")
        return
    docx = sorted(glob.glob(out + "/*.docx"))[:lo_docs or 2 * len(srcs)]
    if not docx:
        skip("documents", "LibreOffice DOCX → PDF", "no DOCX was written")
        return
    prof = "-env:UserInstallation=file://%s/lo-profile" % work
    subprocess.run([soffice, prof, "--headless", "--convert-to", "pdf",
                    "--outdir", os.path.join(work, "warm"), docx[0]],
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    timed("documents", "LibreOffice DOCX → PDF", False,
          [[soffice, prof, "--headless", "--convert-to", "pdf", "--outdir",
            os.path.join(work, "lo"), d] for d in docx],
          "after one warm-up conversion")


if __name__ == "__main__":
    sys.exit(main())
