#!/usr/bin/env python3
"""Sends the first --sample paths of each paths file once, one at a time, and reports what came back:
status codes, how many found nothing, and the problem detail of every failure (the first few shown).

    python3 bench/check_paths.py http://127.0.0.1:18090 /tmp/paths/text.paths /tmp/paths/deep.paths

Exit status 1 when any request was not answered 200, so a benchmark of error responses is caught before
it is run. Also says how realistic the queries are: the share of empty results and the median total.
"""

import argparse
import http.client
import json
import statistics
import sys
import time
import urllib.parse


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("base", help="the service, e.g. http://127.0.0.1:18090")
    parser.add_argument("files", nargs="+")
    parser.add_argument("--sample", type=int, default=150, help="paths per file (default 150; 0 for all)")
    parser.add_argument("--show", type=int, default=5, help="failures to show per file (default 5)")
    args = parser.parse_args()
    base = urllib.parse.urlsplit(args.base)
    conn = http.client.HTTPConnection(base.hostname, base.port or 80, timeout=60)
    failed = 0
    for name in args.files:
        with open(name, encoding="ascii") as f:
            paths = [line.strip() for line in f if line.strip()]
        if args.sample:
            paths = paths[:args.sample]
        statuses = {}
        totals = []
        failures = []
        started = time.monotonic()
        for p in paths:
            for attempt in range(2):
                try:
                    conn.request("GET", p, headers={"Accept": "application/json"})
                    response = conn.getresponse()
                    body = response.read()
                    break
                except (http.client.HTTPException, OSError):
                    conn.close()
                    if attempt:
                        raise
            statuses[response.status] = statuses.get(response.status, 0) + 1
            if response.status == 200:
                try:
                    totals.append(json.loads(body).get("total", 0))
                except ValueError:
                    failures.append((p, response.status, "not JSON: " + body[:200].decode("utf-8", "replace")))
            else:
                detail = body[:400].decode("utf-8", "replace")
                try:
                    problem = json.loads(body)
                    detail = problem.get("detail", "") + " " + json.dumps(problem.get("errors", []), ensure_ascii=False)
                except ValueError:
                    pass
                failures.append((p, response.status, detail))
        elapsed = time.monotonic() - started
        empty = sum(1 for t in totals if t == 0)
        summary = ", ".join("%d: %d" % (s, n) for s, n in sorted(statuses.items()))
        median = statistics.median(totals) if totals else 0
        print("%-16s %4d requests (%s) in %.1f s; %d found nothing (%.0f %%), median total %d"
              % (name.rsplit("/", 1)[-1], len(paths), summary, elapsed, empty, 100.0 * empty / max(1, len(totals)),
                 median))
        for p, status, detail in failures[:args.show]:
            print("    %d %s\n        %s" % (status, urllib.parse.unquote(p), detail.strip()))
        if len(failures) > args.show:
            print("    ... and %d more" % (len(failures) - args.show))
        failed += len(failures)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
