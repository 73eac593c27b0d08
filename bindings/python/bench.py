#!/usr/bin/python3
"""Per-page cost of the Python binding against the C CLI's batch mode.

    NEWSMETA_LIBRARY=build/libnewsmeta.so.0 PYTHONPATH=bindings/python \\
        /usr/bin/python3 bindings/python/bench.py --cli build/newsmeta /tmp/corpus

Reads every *.html of DIR into memory, then times, single-threaded, on one
pass over all pages (best of --repeat passes, after a warm-up pass):

  c-call     newsmeta_parse_html + newsmeta_article_free through bare ctypes
             (the floor: what the C library itself costs in this process)
  parse      newsmeta.parse_html (the call plus building the dataclasses)
  to_dict    newsmeta.parse_html(...).to_dict()
  to_json    newsmeta.parse_html(...).to_json()
  convert    building the dataclasses only, from C articles parsed beforehand
  +to_dict   the same, then to_dict()

and the CLI, `newsmeta --jsonl -j 1 FILE... > /dev/null` (best of --repeat
runs; its time includes process start, reading the files and writing JSON).
The passes are interleaved so that load from other processes hits all
modes alike. Besides wall time, the CPU time of each pass is reported (of
this process, or of the CLI child), which other processes disturb less.
"""
import argparse
import ctypes
import glob
import os
import resource
import subprocess
import sys
import time

import newsmeta
from newsmeta import _ffi


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("dir")
    ap.add_argument("--cli", help="the newsmeta CLI (with --jsonl); omit to skip it")
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()

    files = sorted(glob.glob(os.path.join(args.dir, "*.html")))
    pages = []
    for f in files:
        with open(f, "rb") as fh:
            pages.append(fh.read())
    n = len(pages)
    lib = _ffi.load()
    out = ctypes.POINTER(_ffi.NmArticle)()
    err = _ffi.NmError()

    def c_call():
        for p in pages:
            lib.newsmeta_parse_html(p, len(p), None, None, ctypes.byref(out), ctypes.byref(err))
            lib.newsmeta_article_free(out)

    def parse():
        for p in pages:
            try:
                newsmeta.parse_html(p)
            except newsmeta.Error:
                pass

    def to_dict():
        for p in pages:
            try:
                newsmeta.parse_html(p).to_dict()
            except newsmeta.Error:
                pass

    def to_json():
        for p in pages:
            try:
                newsmeta.parse_html(p).to_json()
            except newsmeta.Error:
                pass

    from newsmeta._model import article_from_c
    held = []
    for p in pages:
        try:
            held.append(newsmeta.parse_html(p))
        except newsmeta.Error:
            pass

    def convert():
        for a in held:
            article_from_c(a._owned.ptr.contents, None)

    def convert_to_dict():
        for a in held:
            article_from_c(a._owned.ptr.contents, None).to_dict()

    def cli():
        with open(os.devnull, "wb") as null:
            subprocess.run([args.cli, "--jsonl", "-j", "1"] + files, stdout=null, check=False)

    modes = [("c-call", c_call), ("parse", parse), ("to_dict", to_dict), ("to_json", to_json),
             ("convert", convert), ("convert+to_dict", convert_to_dict)]
    if args.cli:
        modes.append(("cli --jsonl -j 1", cli))
    best = {name: float("inf") for name, _ in modes}
    best_cpu = dict(best)

    def cpu(name):
        if name.startswith("cli"):
            r = resource.getrusage(resource.RUSAGE_CHILDREN)
        else:
            r = resource.getrusage(resource.RUSAGE_SELF)
        return r.ru_utime + r.ru_stime

    for _, fn in modes:  # warm-up
        fn()
    for _ in range(args.repeat):
        for name, fn in modes:
            c = cpu(name)
            t = time.perf_counter()
            fn()
            best[name] = min(best[name], time.perf_counter() - t)
            best_cpu[name] = min(best_cpu[name], cpu(name) - c)
    print("%d pages, %.1f MB, best of %d passes, single thread" %
          (n, sum(map(len, pages)) / 1e6, args.repeat))
    base = best.get("cli --jsonl -j 1")
    base_cpu = best_cpu.get("cli --jsonl -j 1")
    print("  %-18s %10s %9s   %10s %9s" % ("", "wall", "vs CLI", "CPU", "vs CLI"))
    for name, _ in modes:
        rel = "%+8.1f%%" % ((best[name] / base - 1) * 100) if base else ""
        rel_cpu = "%+8.1f%%" % ((best_cpu[name] / base_cpu - 1) * 100) if base_cpu else ""
        print("  %-18s %7.3f ms %9s   %7.3f ms %9s" % (name, best[name] / n * 1e3, rel,
                                                      best_cpu[name] / n * 1e3, rel_cpu))


if __name__ == "__main__":
    sys.exit(main())
