#!/usr/bin/python3
"""What a user would otherwise run: python-docx reading every paragraph
and every table cell of the same DOCX files, ROUNDS times.
Usage: read_docx.py ROUNDS FILE..."""
import os
import sys
import time

import docx

rounds = int(sys.argv[1])
files = sys.argv[2:]
size = sum(os.path.getsize(f) for f in files)
paras = cells = 0
t0 = time.perf_counter()
for r in range(rounds):
    for f in files:
        d = docx.Document(f)
        p = sum(1 for x in d.paragraphs if x.text is not None)
        c = 0
        for t in d.tables:
            for row in t.rows:
                for cell in row.cells:
                    c += 1 if cell.text is not None else 0
        if r == 0:
            paras += p
            cells += c
secs = time.perf_counter() - t0
n = rounds * len(files)
print("python-docx: %d files x %d rounds, %d paragraphs + %d cells per round, "
      "%.3f s, %.1f documents/s, %.2f MB/s"
      % (len(files), rounds, paras, cells, secs, n / secs, size * rounds / secs / 1e6))
