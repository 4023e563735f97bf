#!/usr/bin/python3
"""Run newsgraph on a Dask cluster: `newsgraph extract` is the map step, `newsgraph merge`
the reduce step (a tree reduction), `newsgraph export` writes the files.

    newsgraph_dask.py 'news/*.jsonl' --out out                      # a LocalCluster
    newsgraph_dask.py 'news/*.jsonl' --scheduler tcp://head:8786 --out out --partitions 64

The result is the graph `newsgraph build` makes of the same inputs in one process, byte for
byte: merging is associative and order-independent, so neither the number of partitions nor
the order in which tasks finish changes it (tests/e2e/dask_cluster.sh checks this, with a
worker killed mid-run).

What runs where:
  client   reads the inputs, gives documents without an id the id `newsgraph build` would
           give them (PATH:LINE), drops repeated ids as build does, cuts the documents into
           partitions of about equal size in bytes, and writes the files it gets back.
  workers  run the newsgraph binary: `extract` on one partition (documents on stdin),
           `merge` on up to --fan-in shards, `export` once at the end. The binary must be on
           each worker's PATH (or given with --newsgraph as a path valid on the workers), or
           shipped with --ship-binary (a WorkerPlugin copies it to every worker, including
           workers that join later). Dask's upload_file ships Python code only.
The partitions travel inside the task graph, so the scheduler holds the input once; that is
what lets Dask re-run the tasks of a lost worker (scattered data would be lost with it).

Exit status: 0 ok, 1 failure, 2 usage error, 3 finished but some input was skipped (named on
stderr), as newsgraph's own.
"""

import argparse
import glob
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

EXPORT_FORMATS = ("graphml", "dot", "gexf", "json", "csv")


class UsageError(Exception):
    pass


# --------------------------------------------------------------------------------------------
# Tasks (run on the workers). Plain functions of bytes in, bytes out: Dask may run any of them
# twice (a lost worker), so they write nothing outside their own temporary directory.

def _binary(newsgraph):
    exe = shutil.which(newsgraph)
    if exe is None:
        import socket
        raise RuntimeError(f"newsgraph binary {newsgraph!r} not found on worker "
                           f"{socket.gethostname()} (PATH={os.environ.get('PATH', '')})")
    return exe


def _run(argv, stdin=b""):
    t0 = time.perf_counter()
    p = subprocess.run(argv, input=stdin, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    return p, time.perf_counter() - t0


def extract_task(newsgraph, extra_args, part):
    """part: {"jsonl": bytes (JSON Lines documents), "txt": [(stem, bytes), ...]}.
    Returns (records, stderr, exit status, seconds)."""
    exe = _binary(newsgraph)
    with tempfile.TemporaryDirectory(prefix="newsgraph-extract-") as tmp:
        files = []
        for i, (stem, data) in enumerate(part["txt"]):
            d = os.path.join(tmp, str(i))  # one directory each: the file name is the id
            os.mkdir(d)
            path = os.path.join(d, stem + ".txt")
            with open(path, "wb") as f:
                f.write(data)
            files.append(path)
        if not part["jsonl"] and not files:
            return b"", "", 0, 0.0
        argv = [exe, "extract", "-q", "-j", "1", *extra_args]
        argv += (["-"] if part["jsonl"] else []) + files
        p, secs = _run(argv, part["jsonl"])
    if p.returncode not in (0, 3):
        raise RuntimeError(f"newsgraph extract exited {p.returncode}: "
                           f"{p.stderr.decode(errors='replace')[:2000]}")
    return p.stdout, p.stderr.decode(errors="replace"), p.returncode, secs


def merge_task(newsgraph, *shards):
    """shards: extract results (tuples) or saved graphs (bytes). Returns (graph, seconds)."""
    exe = _binary(newsgraph)
    with tempfile.TemporaryDirectory(prefix="newsgraph-merge-") as tmp:
        paths = []
        for i, s in enumerate(shards):
            data = s[0] if isinstance(s, tuple) else s
            path = os.path.join(tmp, f"{i}.jsonl")
            with open(path, "wb") as f:
                f.write(data)
            paths.append(path)
        p, secs = _run([exe, "merge", "-q", *paths])
    if p.returncode != 0:
        raise RuntimeError(f"newsgraph merge exited {p.returncode}: "
                           f"{p.stderr.decode(errors='replace')[:2000]}")
    return p.stdout, secs


def export_task(newsgraph, graph, formats):
    """Returns ({file name: bytes}, seconds) for graph.FORMAT (csv: graph.nodes/edges.csv)."""
    exe = _binary(newsgraph)
    out, total = {}, 0.0
    with tempfile.TemporaryDirectory(prefix="newsgraph-export-") as tmp:
        src = os.path.join(tmp, "graph.jsonl")
        with open(src, "wb") as f:
            f.write(graph)
        for fmt in formats:
            dest = os.path.join(tmp, "out", "graph" if fmt == "csv" else f"graph.{fmt}")
            os.makedirs(os.path.dirname(dest), exist_ok=True)
            p, secs = _run([exe, "export", src, "--format", fmt, "-o", dest])
            total += secs
            if p.returncode != 0:
                raise RuntimeError(f"newsgraph export --format {fmt} exited {p.returncode}: "
                                   f"{p.stderr.decode(errors='replace')[:2000]}")
        for name in sorted(os.listdir(os.path.join(tmp, "out"))):
            with open(os.path.join(tmp, "out", name), "rb") as f:
                out[name] = f.read()
    return out, total


class ShipBinary:
    """A WorkerPlugin that copies the newsgraph binary to each worker (also workers that join
    later) and puts it first on the worker's PATH."""

    name = "newsgraph-binary"

    def __init__(self, data):
        self.data = data

    def setup(self, worker):
        d = os.path.join(worker.local_directory, "newsgraph-bin")
        os.makedirs(d, exist_ok=True)
        path = os.path.join(d, "newsgraph")
        tmp = path + f".tmp{os.getpid()}"
        with open(tmp, "wb") as f:
            f.write(self.data)
        os.chmod(tmp, 0o755)
        os.replace(tmp, path)
        os.environ["PATH"] = d + os.pathsep + os.environ.get("PATH", "")


# --------------------------------------------------------------------------------------------
# Client side: inputs to partitions.

def expand_inputs(args):
    """Paths, directories and globs -> [(path, kind)] in newsgraph's order; kind is txt|jsonl."""
    out = []
    for a in args:
        if any(c in a for c in "*?[") and not os.path.exists(a):
            matches = sorted(glob.glob(a, recursive=True))
            if not matches:
                raise UsageError(f"{a}: no file matches")
        else:
            matches = [a]
        for m in matches:
            if os.path.isdir(m):
                found = []
                for root, _dirs, names in os.walk(m):
                    found += [os.path.join(root, n) for n in names if n.endswith(".txt")]
                out += [(p, "txt") for p in sorted(found)]  # JSON Lines only when named
            elif not os.path.exists(m):
                raise UsageError(f"{m}: no such file or directory")
            elif m.endswith(".txt"):
                out.append((m, "txt"))
            elif m.endswith(".json"):
                raise UsageError(f"{m}: .json files are not split by this driver; "
                                 "give JSON Lines (.jsonl) or .txt files")
            else:
                out.append((m, "jsonl"))
    return out


def read_documents(inputs, warn):
    """[(kind, size, payload)] with newsgraph's ids: a JSON Lines document without an id gets
    PATH:LINE, a repeated id is dropped (the first wins), as in `newsgraph build`. Lines that
    are not JSON objects are passed through: the worker's newsgraph reports them."""
    seen, docs = {}, []

    def claim(doc_id, where):
        if doc_id in seen:
            warn(f"{where}: duplicate document id '{doc_id}' (first seen in {seen[doc_id]}); "
                 "skipped")
            return False
        seen[doc_id] = where
        return True

    for path, kind in inputs:
        with open(path, "rb") as f:
            data = f.read()
        if kind == "txt":
            stem = os.path.splitext(os.path.basename(path))[0]
            if claim(stem, path):
                docs.append(("txt", len(data), (stem, data)))
            continue
        for n, line in enumerate(data.split(b"\n"), 1):
            if line.endswith(b"\r"):
                line = line[:-1]
            if n == 1 and line.startswith(b"\xef\xbb\xbf"):
                line = line[3:]
            if not line.strip():
                continue
            where = f"{path}:{n}"
            try:
                obj = json.loads(line)
            except ValueError:
                obj = None
            if isinstance(obj, dict) and isinstance(obj.get("text"), str):
                doc_id = obj.get("id")
                if doc_id is None or doc_id == "":
                    obj["id"] = doc_id = where
                    line = json.dumps(obj).encode()
                if isinstance(doc_id, int) and not isinstance(doc_id, bool):
                    doc_id = str(doc_id)
                if isinstance(doc_id, str) and not claim(doc_id, where):
                    continue
            docs.append(("jsonl", len(line) + 1, line))
    return docs


def partition(docs, n):
    """Contiguous runs of documents of about equal bytes: min(n, documents) of them."""
    n = max(1, min(n, len(docs)))
    total = sum(size for _, size, _ in docs)
    parts, acc = [], 0
    for i, (kind, size, payload) in enumerate(docs):
        k = len(parts)  # a new partition when this one has its share, or when every
        if k == 0 or (k < n and (acc >= total * k / n or len(docs) - i <= n - k)):  # doc must
            parts.append({"jsonl": [], "txt": []})  # start one to reach n
        parts[-1][kind].append(payload)
        acc += size
    return [{"jsonl": b"".join(l + b"\n" for l in p["jsonl"]), "txt": p["txt"]} for p in parts]


def write_atomic(path, data):
    tmp = f"{path}.tmp{os.getpid()}"
    with open(tmp, "wb") as f:
        f.write(data)
    os.replace(tmp, path)


def tree_reduce(client, newsgraph, futures, fan_in):
    levels = 0
    while len(futures) > 1 or levels == 0:
        futures = [client.submit(merge_task, newsgraph, *futures[i:i + fan_in], retries=2)
                   for i in range(0, len(futures), fan_in)]
        levels += 1
    return futures[0], levels


def main(argv=None):
    ap = argparse.ArgumentParser(
        description="newsgraph on Dask: extract (map) on each partition, merge (tree reduce), "
                    "export. Same graph as `newsgraph build` of the same inputs.")
    ap.add_argument("inputs", nargs="+",
                    help="JSON Lines files, .txt files, directories (their .txt files) or globs "
                         "(quoted, e.g. 'news/*/articles.jsonl')")
    ap.add_argument("--scheduler", metavar="ADDRESS",
                    help="scheduler address (tcp://host:8786); default: start a LocalCluster")
    ap.add_argument("--workers", type=int, default=min(4, os.cpu_count() or 1),
                    help="LocalCluster worker processes (one thread each; default %(default)s)")
    ap.add_argument("--partitions", type=int, default=0, metavar="N",
                    help="number of extract tasks (default: 4 per worker thread)")
    ap.add_argument("--fan-in", type=int, default=8, metavar="K",
                    help="shards per merge task in the reduction tree (default %(default)s)")
    ap.add_argument("--out", metavar="DIR", default="out",
                    help="output directory: graph.jsonl (saved graph) and exports "
                         "(default %(default)s)")
    ap.add_argument("--export", default="graphml,dot,json", metavar="FORMATS",
                    help="comma-separated formats of %s, or 'none' (default %%(default)s; json "
                         "is the graph.json of `newsgraph build`)" % "|".join(EXPORT_FORMATS))
    ap.add_argument("--newsgraph", default="newsgraph", metavar="PATH",
                    help="the binary as the workers find it (default: newsgraph on their PATH)")
    ap.add_argument("--ship-binary", metavar="FILE",
                    help="copy this local binary to every worker (a WorkerPlugin) and use it")
    ap.add_argument("--rules", action="append", default=[], metavar="FILE",
                    help="extra rule file, passed to extract (sent to the workers)")
    ap.add_argument("-q", "--quiet", action="store_true", help="no summary on stderr")
    args = ap.parse_args(argv)

    formats = [] if args.export == "none" else [f for f in args.export.split(",") if f]
    if bad := [f for f in formats if f not in EXPORT_FORMATS]:
        ap.error(f"unknown export format(s): {', '.join(bad)}")
    if args.partitions < 0 or args.fan_in < 2 or args.workers < 1:
        ap.error("--partitions >= 0, --fan-in >= 2 and --workers >= 1")

    status = 0

    def warn(msg):
        nonlocal status
        status = 3
        print(f"newsgraph_dask: {msg}", file=sys.stderr)

    try:
        t0 = time.perf_counter()
        docs = read_documents(expand_inputs(args.inputs), warn)
        t_read = time.perf_counter() - t0
    except (UsageError, OSError) as e:
        print(f"newsgraph_dask: {e}", file=sys.stderr)
        return 2

    from distributed import Client, LocalCluster

    t0 = time.perf_counter()
    cluster = None
    if args.scheduler:
        client = Client(args.scheduler, timeout="30s")
    else:
        cluster = LocalCluster(n_workers=args.workers, threads_per_worker=1, processes=True,
                               dashboard_address=None)
        client = Client(cluster)
    try:
        newsgraph = args.newsgraph
        if args.ship_binary:
            with open(args.ship_binary, "rb") as f:
                client.register_worker_plugin(ShipBinary(f.read()), name=ShipBinary.name)
            newsgraph = "newsgraph"
        missing = {w: r for w, r in client.run(shutil.which, newsgraph).items() if r is None}
        if missing:
            print(f"newsgraph_dask: {newsgraph!r} is not on the PATH of worker(s) "
                  f"{', '.join(sorted(missing))}; put it there, pass --newsgraph /shared/path, "
                  "or --ship-binary FILE", file=sys.stderr)
            return 1
        threads = sum(client.nthreads().values()) or 1
        extra = []
        for r in args.rules:  # rule files are small: send their text to the workers
            with open(r, "rb") as f:
                extra.append(f.read())
        t_connect = time.perf_counter() - t0
        parts = partition(docs, args.partitions or 4 * threads)

        t1 = time.perf_counter()
        if extra:
            maps = [client.submit(_extract_with_rules, newsgraph, extra, p, retries=2)
                    for p in parts]
        else:
            maps = [client.submit(extract_task, newsgraph, [], p, retries=2) for p in parts]
        root, levels = tree_reduce(client, newsgraph, maps, args.fan_in)
        graph, _ = root.result()
        t_mapreduce = time.perf_counter() - t1
        map_results = client.gather(maps)
        for _records, err, rc, _secs in map_results:
            if rc == 3:
                for line in err.splitlines():
                    warn(line.removeprefix("newsgraph: "))

        t2 = time.perf_counter()
        os.makedirs(args.out, exist_ok=True)
        write_atomic(os.path.join(args.out, "graph.jsonl"), graph)
        files = {}
        if formats:
            files, _ = client.submit(export_task, newsgraph, graph, formats,
                                     retries=2).result()
            for name, data in files.items():
                write_atomic(os.path.join(args.out, name), data)
        t_export = time.perf_counter() - t2

        if not args.quiet:
            secs = [r[3] for r in map_results]
            head = json.loads(graph.split(b"\n", 1)[0] or b"{}")
            print(f"newsgraph_dask: {len(docs)} documents in {len(parts)} partitions on "
                  f"{len(client.nthreads())} workers ({threads} threads) -> "
                  f"{head.get('nodes', 0)} entities, {head.get('edges', 0)} edges; "
                  f"merge tree of {levels} level(s), fan-in {args.fan_in}", file=sys.stderr)
            print(f"newsgraph_dask: wall seconds: read {t_read:.2f}, "
                  f"{'connect' if args.scheduler else 'start LocalCluster'} {t_connect:.2f}, "
                  f"extract+merge {t_mapreduce:.2f}, export {t_export:.2f}; "
                  f"extract tasks: sum {sum(secs):.2f}, max {max(secs, default=0):.2f}",
                  file=sys.stderr)
            print(f"newsgraph_dask: wrote {os.path.join(args.out, 'graph.jsonl')}"
                  + "".join(f", {os.path.join(args.out, n)}" for n in files), file=sys.stderr)
    except Exception as e:  # a task failed after its retries: say which and why
        print(f"newsgraph_dask: {type(e).__name__}: {e}", file=sys.stderr)
        return 1
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    return status


def _extract_with_rules(newsgraph, rule_texts, part):
    with tempfile.TemporaryDirectory(prefix="newsgraph-rules-") as tmp:
        extra = []
        for i, text in enumerate(rule_texts):
            path = os.path.join(tmp, f"rules{i}.json")
            with open(path, "wb") as f:
                f.write(text)
            extra += ["--rules", path]
        return extract_task(newsgraph, extra, part)


if __name__ == "__main__":
    sys.exit(main())
