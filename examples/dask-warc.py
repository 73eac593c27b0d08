#!/usr/bin/python3
"""Extract the pages of many WARC archives on a Dask cluster, one task per archive.

    NEWSMETA_LIBRARY=$PWD/build/libnewsmeta.so.0 PYTHONPATH=$PWD/bindings/python \\
        /usr/bin/python3 examples/dask-warc.py 'crawl/*.warc.gz' -n 2 -o records/

DIR_OR_GLOB is a directory (the *.warc and *.warc.gz files directly in it)
or a glob pattern of archives. With no
--scheduler, a dask.distributed LocalCluster of -n worker processes is
started (Debian: apt-get install python3-distributed); with --scheduler
tcp://HOST:8786 the same script runs on a running cluster, whose workers
must have the newsmeta package and library and see the archives at the same
paths (a shared file system).

Each task reads one archive with newsmeta.WarcReader -- the C library maps
the file, takes off gzip and the HTTP codings and parses every HTML page --
and writes OUTPUT_DIR/<archive name>.jsonl.gz (gzip-compressed JSONL), one
line per page in archive order, exactly as `newsmeta --jsonl ARCHIVE` prints
it: the library's record after "input" (the archive) and a "warc" object
(archive, offset, record_id, date, target_uri, http_status), or
{"input": ..., "error": {...}, "warc": {...}} for a
damaged stretch or a page that could not be extracted. A summary with
pages/s and errors goes to standard error. Exit status: 0, or 1 when some
record is an error.
"""
import argparse
import glob
import gzip
import json
import logging
import os
import sys
import tempfile
import time

ARCHIVE_SUFFIXES = (".warc", ".warc.gz")


def output_name(archive):
    base = os.path.basename(archive)
    for suffix in ARCHIVE_SUFFIXES:
        if base.endswith(suffix):
            base = base[:-len(suffix)]
            break
    return base + ".jsonl.gz"


def extract_archive(archive, out_dir):
    """Runs on a worker: every page of one archive into its .jsonl.gz file;
    returns (archive, records, errors, seconds, counts of the reader)."""
    import newsmeta  # imported on the worker

    lib = newsmeta._ffi.load()
    t0 = time.perf_counter()
    records = errors = 0
    final = os.path.join(out_dir, output_name(archive))
    partial = final + ".partial"  # renamed once whole, so a file seen is complete
    with gzip.open(partial, "wt", encoding="utf-8", compresslevel=6) as out, \
            newsmeta.WarcReader(archive) as reader:
        for meta, article in reader:
            if article is not None:
                rec = {"input": archive, "warc": meta.to_dict()}
                rec.update(json.loads(article.to_json()))
            else:
                errors += 1
                status = int(meta.error.status)
                rec = {"input": archive, "error": {"input": archive, "status": status,
                                 "name": lib.newsmeta_strerror(status).decode("utf-8"),
                                 "message": meta.error.message},
                       "warc": meta.to_dict()}
            out.write(json.dumps(rec, ensure_ascii=False, separators=(",", ":")))
            out.write("\n")
            records += 1
        counts = reader.counts
    os.replace(partial, final)
    return archive, records, errors, time.perf_counter() - t0, counts


def load_newsmeta():
    """Runs on every worker before the clock starts: import the package and
    load the library (a worker that cannot fails here, with the reason)."""
    import newsmeta
    return newsmeta.library_path()


def list_archives(where):
    if os.path.isdir(where):
        names = [os.path.join(where, n) for n in os.listdir(where) if n.endswith(ARCHIVE_SUFFIXES)]
    else:
        names = glob.glob(where)
    return sorted(os.path.abspath(n) for n in names if os.path.isfile(n))


def main():
    ap = argparse.ArgumentParser(description="Extract WARC archives with newsmeta on Dask.")
    ap.add_argument("archives", metavar="DIR_OR_GLOB", help="a directory of archives, or a glob")
    ap.add_argument("-o", "--output-dir", default="records",
                    help="where the .jsonl.gz files go (default: ./records)")
    ap.add_argument("-n", "--workers", type=int, default=os.cpu_count() or 1,
                    help="worker processes of the LocalCluster (default: all cores)")
    ap.add_argument("--threads-per-worker", type=int, default=1,
                    help="threads in each worker (the parse releases the GIL)")
    ap.add_argument("--scheduler", help="address of a running Dask scheduler (no LocalCluster)")
    args = ap.parse_args()
    if args.workers < 1 or args.threads_per_worker < 1:
        ap.error("--workers and --threads-per-worker must be at least 1")
    archives = list_archives(args.archives)
    if not archives:
        ap.error("no WARC archive (%s) matches %s" % (", ".join(ARCHIVE_SUFFIXES), args.archives))
    out_dir = os.path.abspath(args.output_dir)
    os.makedirs(out_dir, exist_ok=True)

    from dask import config
    from dask.distributed import Client, LocalCluster, as_completed

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
    t1 = time.perf_counter()
    records = errors = 0
    futures = [client.submit(extract_archive, a, out_dir, pure=False) for a in archives]
    for future in as_completed(futures):
        archive, n, failed, seconds, counts = future.result()
        records += n
        errors += failed
        print("%s: %d records (%d errors) in %.2f s; skipped %d requests, %d other responses, "
              "%d metadata, %d revisits" % (os.path.basename(archive), n, failed, seconds,
                                            counts["requests"], counts["not_html"],
                                            counts["metadata"], counts["revisits"]),
              file=sys.stderr)
    t2 = time.perf_counter()
    client.close()
    if cluster is not None:
        cluster.close()
    scratch.cleanup()
    print("%d archives, %d records (%d errors) with %d worker thread(s): %.2f s extracting, "
          "%.1f pages/s (%.2f s starting the cluster); output in %s"
          % (len(archives), records, errors, slots, t2 - t1,
             records / (t2 - t1) if t2 > t1 else 0.0, t1 - t0, out_dir), file=sys.stderr)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
