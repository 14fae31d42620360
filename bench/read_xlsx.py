#!/usr/bin/python3
"""What a user would otherwise run: openpyxl reading every cell of every
sheet of the same XLSX files, ROUNDS times.
Usage: read_xlsx.py ROUNDS FILE..."""
import os
import sys
import time

import openpyxl

rounds = int(sys.argv[1])
files = sys.argv[2:]
size = sum(os.path.getsize(f) for f in files)
cells = 0
t0 = time.perf_counter()
for r in range(rounds):
    for f in files:
        wb = openpyxl.load_workbook(f, data_only=True)
        c = 0
        for ws in wb.worksheets:
            for row in ws.iter_rows():
                for cell in row:
                    if cell.value is not None:
                        c += 1
        if r == 0:
            cells += c
secs = time.perf_counter() - t0
n = rounds * len(files)
print("openpyxl: %d files x %d rounds, %d non-empty cells per round, "
      "%.3f s, %.1f documents/s, %.2f MB/s"
      % (len(files), rounds, cells, secs, n / secs, size * rounds / secs / 1e6))
