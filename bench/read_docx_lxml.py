#!/usr/bin/python3
"""The plain Python reader of a DOCX: zipfile + lxml, every paragraph's
text (w:p, the paragraphs of table cells included) and every table cell
(w:tc) of word/document.xml, the same files ROUNDS times.  What a user
who knows the format would script; python-docx does the same work
through its object model (read_docx.py).
Usage: read_docx_lxml.py ROUNDS FILE..."""
import os
import sys
import time
import zipfile

from lxml import etree

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
rounds = int(sys.argv[1])
files = sys.argv[2:]
size = sum(os.path.getsize(f) for f in files)
paras = cells = 0
t0 = time.perf_counter()
for r in range(rounds):
    for f in files:
        with zipfile.ZipFile(f) as z:
            root = etree.fromstring(z.read("word/document.xml"))
        body = root.find(W + "body")
        p = c = 0
        for el in body.iter(W + "p", W + "tc"):
            text = "".join(el.itertext()) if el.tag == W + "p" else None
            if el.tag == W + "tc":
                c += 1
            elif el.getparent().tag != W + "tc":
                p += 1 if text is not None else 0
        if r == 0:
            paras += p
            cells += c
secs = time.perf_counter() - t0
n = rounds * len(files)
print("zipfile+lxml: %d files x %d rounds, %d paragraphs + %d cells per round, "
      "%.3f s, %.1f documents/s, %.2f MB/s"
      % (len(files), rounds, paras, cells, secs, n / secs, size * rounds / secs / 1e6))
