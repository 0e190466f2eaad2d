#!/usr/bin/env python3
"""Copies, unchanged, the ReacLib-2 sets the hydrogen-burning network needs beyond pp_cno_excerpt.txt from
pynucastro 3.1.0's member pynucastro/data/reaclib_default2_20250330 (PyPI wheel, BSD-3-Clause).
Usage: python3 extract_supplement.py <path to reaclib_default2_20250330> > pp_cno_supplement.txt
Each set = chapter line, header line, two coefficient lines; the header's 1-based line number is recorded."""
import sys
WANT = [  # (comment name, nuclei in header order)
    ("d(p,g)he3", ("p", "d", "he3")),
    ("he3(p,e+nu)he4 (hep)", ("p", "he3", "he4")),
    ("be7(e-,nu)li7", ("be7", "li7")),
    ("li7(p,a)he4", ("p", "li7", "he4", "he4")),
    ("be7(p,g)b8", ("p", "be7", "b8")),
    ("b8(e+nu)2he4", ("b8", "he4", "he4")),
    ("n13(e+nu)c13", ("n13", "c13")),
    ("c13(p,g)n14", ("p", "c13", "n14")),
    ("o15(e+nu)n15", ("o15", "n15")),
    ("n15(p,g)o16", ("p", "n15", "o16")),
    ("f17(e+nu)o17", ("f17", "o17")),
    ("o17(p,a)n14", ("p", "o17", "he4", "n14")),
    ("o17(p,g)f18", ("p", "o17", "f18")),
]
lines = open(sys.argv[1]).read().split("\n")
found = {name: [] for name, _ in WANT}
i = 0
while i + 3 < len(lines):
    if lines[i].strip().isdigit():
        h = lines[i + 1]
        nucs = tuple(n for n in (h[5 + 5 * k:10 + 5 * k].strip() for k in range(6)) if n)
        for name, want in WANT:
            if nucs == want:
                found[name].append(i + 2)
        i += 4
    else:
        i += 1
print("# excerpt of pynucastro-3.1.0 pynucastro/data/reaclib_default2_20250330 (ReacLib 2 format: chapter line, "
      "set header, 2 coefficient lines); supplement to pp_cno_excerpt.txt")
for name, _ in WANT:
    hs = found[name]
    print(f"# {name}: {len(hs)} set(s), header lines {hs}")
    for h in hs:
        for k in range(h - 2, h + 3 - 0):
            if k < h + 2:
                print(lines[k])
