#!/usr/bin/python3
"""Extract a directory of pages on a Dask cluster, one JSON record per line.

    NEWSMETA_LIBRARY=$PWD/build/libnewsmeta.so.0 PYTHONPATH=$PWD/bindings/python \\
        /usr/bin/python3 examples/python/dask_extract.py /tmp/corpus -n 2 -o records.jsonl

Starts a dask.distributed LocalCluster with N worker processes (Debian:
apt-get install python3-distributed), or joins a running cluster with
--scheduler tcp://HOST:8786. The pages are handed out in batches; each
worker reads its files and extracts them with newsmeta.parse_html (or
parse_text with --text). Every page gives one line, in the order of the
sorted file names:

    {"file": "NAME.html", "schema_version": 1, "headline": ..., ...}
    {"file": "NAME.html", "error": {"input": "NAME.html", "status": 2,
     "name": "empty input", "message": "the input is empty"}}

(the record is the library's JSON record, docs/schema.json, with "file"
added; the error object is the one `newsmeta --jsonl` writes). A summary
with pages/s goes to standard error. Exit status: 0, or 1 when some page
failed.

Workers need the newsmeta package and library and must see the files at the
same path: on a LocalCluster they inherit this process's environment
(PYTHONPATH, NEWSMETA_LIBRARY); on a real cluster install both on every
worker and put the pages on a shared file system.
"""
import argparse
import fnmatch
import json
import logging
import os
import sys
import tempfile
import time


def extract_batch(root, names, text_mode):
    """Runs on a worker: extract the pages ROOT/NAME; returns their JSON
    lines and how many of them are errors."""
    import newsmeta  # imported on the worker

    parse = newsmeta.parse_text if text_mode else newsmeta.parse_html
    lines = []
    errors = 0
    for name in names:
        try:
            with open(os.path.join(root, name), "rb") as f:
                data = f.read()
        except OSError as e:
            errors += 1
            rec = {"file": name, "error": {"input": name, "status": 1,
                                           "name": "invalid argument",
                                           "message": "cannot read %s: %s" % (name, e.strerror)}}
        else:
            try:
                rec = {"file": name}
                rec.update(parse(data).to_dict())
            except newsmeta.Error as e:
                errors += 1
                rec = {"file": name, "error": {"input": name, "status": int(e.status),
                                               "name": e.reason, "message": e.message}}
        lines.append(json.dumps(rec, ensure_ascii=False, separators=(",", ":")))
    return lines, errors


def load_newsmeta():
    """Runs on every worker before the clock starts: import the package and
    load the library (a worker that cannot fails here, with the reason)."""
    import newsmeta
    return newsmeta.library_path()


def list_pages(root, pattern):
    return sorted(e.name for e in os.scandir(root)
                  if e.is_file() and fnmatch.fnmatch(e.name, pattern))


def main():
    ap = argparse.ArgumentParser(description="Extract a directory of pages with newsmeta on Dask.")
    ap.add_argument("dir", help="directory of pages")
    ap.add_argument("-o", "--output", default="-", help="JSONL output file (default: stdout)")
    ap.add_argument("-n", "--workers", type=int, default=os.cpu_count() or 1,
                    help="worker processes of the LocalCluster (default: all cores)")
    ap.add_argument("--threads-per-worker", type=int, default=1,
                    help="threads in each worker (the parse releases the GIL)")
    ap.add_argument("--scheduler", help="address of a running Dask scheduler (no LocalCluster)")
    ap.add_argument("--pattern", default="*.html", help="file name pattern (default: *.html)")
    ap.add_argument("--batch", type=int, default=0,
                    help="pages per task (default: about 4 tasks per worker thread, at most 64)")
    ap.add_argument("--text", action="store_true", help="the pages are plain text (parse_text)")
    args = ap.parse_args()

    from dask import config
    from dask.distributed import Client, LocalCluster

    root = os.path.abspath(args.dir)
    if not os.path.isdir(root):
        ap.error("%s is not a directory" % args.dir)
    if args.workers < 1 or args.threads_per_worker < 1 or args.batch < 0:
        ap.error("--workers and --threads-per-worker must be at least 1, --batch at least 0")
    names = list_pages(root, args.pattern)
    t0 = time.perf_counter()
    scratch = tempfile.TemporaryDirectory(prefix="newsmeta-dask-")
    config.set({"temporary-directory": scratch.name})  # worker spill space, not the cwd
    if args.scheduler:
        cluster = None
        client = Client(args.scheduler)
    else:
        cluster = LocalCluster(n_workers=args.workers, threads_per_worker=args.threads_per_worker,
                               processes=True, dashboard_address=None,
                               silence_logs=logging.ERROR)
        client = Client(cluster)
    client.run(load_newsmeta)
    slots = sum(client.nthreads().values()) or 1
    batch = args.batch or max(1, min(64, -(-len(names) // (slots * 4))))
    t1 = time.perf_counter()

    out = sys.stdout if args.output == "-" else open(args.output, "w", encoding="utf-8")
    records = errors = 0
    try:
        futures = [client.submit(extract_batch, root, names[i:i + batch], args.text, pure=False)
                   for i in range(0, len(names), batch)]
        # All batches run at once; results are written in file order, and
        # each is dropped (freeing it on its worker) once written.
        for i in range(len(futures)):
            lines, failed = futures[i].result()
            futures[i] = None
            for line in lines:
                out.write(line)
                out.write("\n")
            records += len(lines)
            errors += failed
    finally:
        if out is not sys.stdout:
            out.close()
        else:
            out.flush()
    t2 = time.perf_counter()
    client.close()
    if cluster is not None:
        cluster.close()
    scratch.cleanup()

    pages_s = records / (t2 - t1) if t2 > t1 else 0.0
    print("%d pages, %d records (%d errors) with %d worker thread(s) in %d task(s) of <= %d: "
          "%.2f s extracting, %.1f pages/s (%.2f s starting the cluster)"
          % (len(names), records, errors, slots, -(-len(names) // batch) if names else 0, batch,
             t2 - t1, pages_s, t1 - t0), file=sys.stderr)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
