#!/usr/bin/env python3
"""Load driver for what oha cannot chain (issue #14), standard library only.

  loop.py actions BASE TOKEN SECONDS CLIENTS DEPARTMENT_ID BODIES_FILE
      Each client repeats: create a case (a line of BODIES_FILE), verify it when its project
      verifies complaints before dispatch (the answer offers "verify" but not "dispatch"),
      dispatch it to DEPARTMENT_ID, resolve, reply, visit (satisfied: closed) — each action with
      the If-Match of the answer before. Prints one markdown row per action: req/s over the run, p50 and p99 in ms.
  loop.py queues BASE TOKEN SECONDS LABEL
      One client, each of the five console queues (mine, department, unassigned, awaiting_visit,
      overdue), sorted by due time, 50 a page, for SECONDS each; one row per queue.

Any answer other than 2xx stops the run with the answer (exit 1).
"""
import http.client
import json
import sys
import threading
import time
from urllib.parse import urlparse

ACTIONS = ["create", "verify", "dispatch", "resolve", "reply", "visit"]


class Client:
    def __init__(self, base, token):
        url = urlparse(base)
        self.conn = http.client.HTTPConnection(url.hostname, url.port, timeout=30)
        self.token = token

    def call(self, method, path, body=None, version=None):
        headers = {"Authorization": "Bearer " + self.token, "Content-Type": "application/json"}
        if version is not None:
            headers["If-Match"] = '"%d"' % version
        started = time.perf_counter()
        self.conn.request(method, "/api/v1" + path, body=None if body is None else json.dumps(body), headers=headers)
        reply = self.conn.getresponse()
        text = reply.read()
        elapsed = time.perf_counter() - started
        if reply.status // 100 != 2:
            sys.stderr.write("%s %s: %d %s\n" % (method, path, reply.status, text[:500]))
            raise SystemExit(1)
        return json.loads(text) if text else None, elapsed


def percentile(values, p):
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * p))] * 1000


def row(label, clients, times, seconds):
    print("| %s | %d | %.0f | %.1f | %.1f | %d |" % (
        label, clients, len(times) / seconds, percentile(times, 0.5), percentile(times, 0.99), len(times)))


def actions(base, token, seconds, clients, department, bodies_file):
    bodies = [json.loads(line) for line in open(bodies_file, encoding="utf-8") if line.strip()]
    times = {a: [] for a in ACTIONS}
    lock = threading.Lock()
    failed = []
    deadline = time.perf_counter() + seconds

    def run(k):
        try:
            c = Client(base, token)
            i = k
            while time.perf_counter() < deadline:
                case, t0 = c.call("POST", "/cases", bodies[i % len(bodies)])
                i += clients
                path = "/cases/" + case["id"]
                steps = []
                if "dispatch" not in case["available_actions"]:
                    steps.append(("verify", {"note": "已电话核实（基准测试）"}))
                steps += [
                    ("dispatch", {"department_id": department}),
                    ("resolve", {"result": "已处理（基准测试）"}),
                    ("reply", {"content": "已回复（基准测试）", "method": "phone"}),
                    ("visit", {"reached": True, "satisfaction": "satisfied"}),
                ]
                mine = [("create", t0)]
                version = case["version"]
                for name, body in steps:
                    case, t = c.call("POST", "%s/%s" % (path, name), body, version)
                    version = case["version"]
                    mine.append((name, t))
                with lock:
                    for name, t in mine:
                        times[name].append(t)
        except BaseException as e:  # noqa: BLE001 - report any failure of a client
            failed.append(repr(e))

    threads = [threading.Thread(target=run, args=(k,)) for k in range(clients)]
    started = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.perf_counter() - started
    if failed:
        sys.stderr.write("clients failed: %s\n" % failed[:3])
        raise SystemExit(1)
    for name in ACTIONS:
        if times[name]:
            row(name, clients, times[name], elapsed)


def queues(base, token, seconds, label):
    c = Client(base, token)
    for queue in ["mine", "department", "unassigned", "awaiting_visit", "overdue"]:
        path = "/cases?queue=%s&sort=due&limit=50" % queue
        c.call("GET", path)  # warm-up
        times = []
        deadline = time.perf_counter() + seconds
        started = time.perf_counter()
        while time.perf_counter() < deadline:
            _, t = c.call("GET", path)
            times.append(t)
        row("queue %s (%s)" % (queue, label), 1, times, time.perf_counter() - started)


if __name__ == "__main__":
    mode = sys.argv[1]
    if mode == "actions":
        actions(sys.argv[2], sys.argv[3], float(sys.argv[4]), int(sys.argv[5]), sys.argv[6], sys.argv[7])
    elif mode == "queues":
        queues(sys.argv[2], sys.argv[3], float(sys.argv[4]), sys.argv[5])
    else:
        raise SystemExit(__doc__)
