#!/usr/bin/env python3
"""pagecheck.py PDF TXT: read a PDF page by page as a reader would and
check its tables against the document's plain-text rendering TXT
(`jixiao report --format txt`, the same report document):

  - no number is broken across lines inside a table cell: a piece of
    text that ends in a digit or "." with, directly below it (next line,
    overlapping horizontally), a piece that starts with a digit, "." or
    "%", where the two joined form a number the document prints (and are
    not two numbers it prints each on its own);
  - the header row of every table (its last "H " row in TXT: the header
    or the inner header of a form) is on every page the table's rows
    continue on;
  - a table's last page holds more than its last row (总分, 合计), and
    the line 填表人… under a table shares its page with the table's last
    row.

Text comes from `pdftotext -bbox-layout` (words with their boxes): the
words of a line are joined into pieces where they touch, and a piece is
chained to the piece right below it, so that a header word wrapped
inside its cell ("一级指" over "标") is still found.

--selftest-broken N / --selftest-header N: the PDF is the deliberately
bad sample of page-check (too narrow a column; a long table without
repeated header); exit 0 only when at least N broken numbers / missing
headers are found (the detectors work), printing them.

Prints one line per problem and a summary; exit 1 when any is found.
"""
import re
import subprocess
import sys
from html import unescape

NUM = re.compile(r"\d[\d,]*(?:\.\d+)?%?")


def parse_txt(path):
    """Tables of the text rendering: title, rows (cells), header flags,
    the line below when it is a 填表人 line; and every number in a cell."""
    tables, numbers = [], set()
    lines = open(path, encoding="utf-8").read().split("\n")
    i = 0
    while i < len(lines):
        if not lines[i].startswith("【表】"):
            i += 1
            continue
        t = {"title": lines[i][len("【表】"):], "rows": [], "below": None}
        i += 1
        if i < len(lines) and not lines[i].startswith(("H ", "  ")):
            i += 1  # the line above the table
        while i < len(lines) and lines[i].startswith(("H ", "  ")):
            head = lines[i].startswith("H ")
            cells = []
            for c in lines[i][2:].split(" | "):
                span = re.search(r"<(\d+)×(\d+)>", c)
                c = re.sub(r"\[=[^]]*\]", "", c)
                c = re.sub(r"<\d+×\d+>", "", c).replace("※", "")
                cells.append((c.strip(), bool(span)))
                for m in NUM.finditer(c):
                    numbers.add(m.group(0))
            t["rows"].append((head, cells))
            i += 1
        if i < len(lines) and lines[i].startswith("填表人"):
            t["below"] = lines[i]
        tables.append(t)
    return tables, numbers


def strip(s):
    return re.sub(r"\s+", "", s)


def pages_of(pdf):
    """Per page: pieces (text, x0, y0, x1, y1) and the page's text."""
    out = subprocess.run(["pdftotext", "-bbox-layout", pdf, "-"],
                         capture_output=True, check=True).stdout.decode()
    pages = []
    for page in re.findall(r"<page [^>]*>(.*?)</page>", out, re.S):
        pieces = []
        for line in re.findall(r"<line [^>]*>(.*?)</line>", page, re.S):
            words = [(float(a), float(b), float(c), float(d), unescape(w))
                     for a, b, c, d, w in re.findall(
                         r'<word xMin="([\d.]+)" yMin="([\d.]+)" '
                         r'xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>',
                         line)]
            cur = None
            for x0, y0, x1, y1, w in words:
                h = y1 - y0
                if cur and x0 - cur[3] < 0.3 * h:
                    cur = [cur[0] + w, cur[1], cur[2], x1, max(cur[4], y1)]
                else:
                    if cur:
                        pieces.append(tuple(cur))
                    cur = [w, x0, y0, x1, y1]
            if cur:
                pieces.append(tuple(cur))
        raw = strip("".join(p[0] for p in pieces))
        pages.append({"pieces": pieces, "raw": raw})
    for pg in pages:
        ps = pg["pieces"]
        below = {}
        for i, (t, x0, y0, x1, y1) in enumerate(ps):
            h = y1 - y0
            best = None
            for j, (u, a0, b0, a1, b1) in enumerate(ps):
                if j == i or not (y0 + 0.3 * h <= b0 <= y1 + 0.6 * h):
                    continue
                if min(x1, a1) - max(x0, a0) <= 0:
                    continue
                if best is None or b0 < ps[best][2]:
                    best = j
            if best is not None:
                below[i] = best
        pg["below"] = below
        chains = []
        for i in range(len(ps)):
            s, k, n = ps[i][0], i, 0
            while k in below and n < 8:
                k = below[k]
                s += ps[k][0]
                n += 1
            chains.append(strip(s))
        pg["chains"] = chains
    return pages


def found(pg, w):
    w = strip(w)
    return w in pg["raw"] or any(w in c for c in pg["chains"])


def marker(cells):
    """What identifies a body row on a page: the first four characters
    of its longest cell text that is not a number (whole cells may wrap
    around numbers and spaces), or None."""
    texts = [strip(c) for c, _ in cells
             if len(strip(c)) >= 2 and not NUM.fullmatch(strip(c))]
    return max(texts, key=len)[:4] if texts else None


def broken_numbers(pages, numbers):
    """A piece ending in a digit (or "." after one), followed down its
    cell by pieces that start with a digit, ".", "," or "%": broken when
    the joined digits form a number the document prints and they are not
    just two numbers it prints each on its own, one above the other."""
    bad = []
    for no, pg in enumerate(pages, 1):
        ps = pg["pieces"]
        for i in pg["below"]:
            tail = re.search(r"[\d.,]+$", ps[i][0])
            if not tail or not re.search(r"\d", tail.group(0)):
                continue
            joined, k, parts = tail.group(0), i, [ps[i][0]]
            while k in pg["below"] and len(parts) < 8:
                k = pg["below"][k]
                head = re.match(r"[\d.,%]+", ps[k][0])
                if not head:
                    break
                h = head.group(0)
                if (len(parts) == 1 and joined in numbers and h in numbers
                        and h[0].isdigit() and not joined.endswith((".", ","))):
                    break  # two numbers, one above the other
                joined += h
                parts.append(ps[k][0])
                if joined in numbers:
                    bad.append("page %d: number broken across lines: %s"
                               % (no, " / ".join(repr(x) for x in parts)))
                    break
                if h != strip(ps[k][0]):
                    break  # the piece goes on with words
    return bad


def headers(pages, tables):
    """Problems with header rows, last rows and 填表人 lines."""
    bad = []
    starts = []
    seen = {}
    for t in tables:
        # the n-th table of a title starts on the page of the title's
        # n-th occurrence (the 附件3 of each project share one title)
        title = strip(t["title"])
        n = seen.get(title, 0)
        seen[title] = n + 1
        first = None
        count = 0
        for p in range(len(pages)):
            count += pages[p]["raw"].count(title) if title else 1
            if count > n:
                first = p
                break
        if first is None:
            bad.append("table %s: not found" % t["title"])
        starts.append(first)
    for k, t in enumerate(tables):
        first = starts[k]
        if first is None:
            continue
        nxt = next((s for s in starts[k + 1:] if s is not None), len(pages))
        end = max(first, nxt - 1) if nxt > first else first
        heads = [i for i, (h, _) in enumerate(t["rows"]) if h]
        body = t["rows"][heads[-1] + 1:] if heads else t["rows"]
        markers = [marker(cells) for _, cells in body]
        last = first
        for p in range(first, end + 1):
            if any(m and found(pages[p], m) for m in markers):
                last = p
        words = []
        if heads:
            words = [c for c, span in t["rows"][heads[-1]][1]
                     if not span and len(strip(c)) >= 2]
        for p in range(first + 1, last + 1):
            missing = [w for w in words if not found(pages[p], w)]
            if missing:
                bad.append("page %d: table %s continues without its header "
                           "row (missing %s)" % (p + 1, t["title"],
                                                  "、".join(missing)))
        if last > first and len(markers) > 1:
            others = [m for m in markers[:-1] if m]
            if not any(found(pages[last], m) for m in others):
                bad.append("page %d: holds only the last row of table %s"
                           % (last + 1, t["title"]))
        if t["below"] and markers and markers[-1]:
            key = strip(t["below"])[:8]
            for p in range(first, end + 1):
                if key in pages[p]["raw"] and not found(pages[p], markers[-1]):
                    bad.append("page %d: the line %s without the table's "
                               "last row" % (p + 1, key))
    return bad


def main():
    args = sys.argv[1:]
    mode, want = None, 0
    if len(args) == 4 and args[2] in ("--selftest-broken", "--selftest-header"):
        mode, want = args[2], int(args[3])
        args = args[:2]
    if len(args) != 2:
        print(__doc__)
        return 2
    pdf, txt = args
    tables, numbers = parse_txt(txt)
    pages = pages_of(pdf)
    broken = broken_numbers(pages, numbers)
    head = headers(pages, tables)
    for line in broken + head:
        print(line)
    if mode == "--selftest-broken":
        print("%d broken numbers found (want at least %d)" % (len(broken), want))
        return 0 if len(broken) >= want else 1
    if mode == "--selftest-header":
        print("%d header problems found (want at least %d)" % (len(head), want))
        return 0 if len(head) >= want else 1
    print("%d pages, %d tables, %d numbers: %d broken, %d header problems"
          % (len(pages), len(tables), len(numbers), len(broken), len(head)))
    return 1 if broken or head else 0


if __name__ == "__main__":
    sys.exit(main())
