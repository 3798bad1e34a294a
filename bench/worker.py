"""One peer in its own process: ``python -m bench.worker``, driven over stdin/stdout with JSON
lines by ``bench.suite`` (one command per line, one reply per command).

    {"cmd": "init", "peer": NAME, "workload": {...}, "inputs": NPZ, "options": {...}}
    {"cmd": "prepare"}                 -> {"compile_s", "mlir_bytes", "params", ...}
    {"cmd": "run", "start": i, "n": k} -> {"ms": [k floats], "values": [k floats]}
    {"cmd": "check"}                   -> after step 0: {"grad_norm"} or {"logits"}
    {"cmd": "rss"}                     -> {"peak_rss_mib", "rss_mib"}
    {"cmd": "quit"}

Every reply carries ``"ok"``; a failure replies ``{"ok": false, "error": ...}``.  The protocol
uses a private copy of the original stdout: anything a framework prints goes to stderr.
A process per peer keeps the frameworks' thread pools, allocators and peak RSS apart.
"""

from __future__ import annotations

import json
import os
import resource
import sys
import time
import traceback


def _rss_mib() -> float:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def main() -> None:
    proto = os.fdopen(os.dup(1), "w", buffering=1)
    os.dup2(2, 1)                      # stray prints -> stderr
    sys.stdout = sys.stderr
    peer = None
    for line in sys.stdin:
        msg = json.loads(line)
        cmd = msg.get("cmd")
        try:
            if cmd == "quit":
                break
            if cmd == "init":
                import numpy as np
                from bench.peers import peer_class
                from bench.workloads import Workload
                with np.load(msg["inputs"]) as z:
                    inputs = {k: z[k] for k in z.files}
                peer = peer_class(msg["peer"])(Workload(**msg["workload"]), inputs,
                                               msg.get("options"))
                reply = {"rss_mib": _rss_mib()}
            elif cmd == "prepare":
                reply = peer.prepare()
            elif cmd == "run":
                ms, values = [], []
                for i in range(msg["start"], msg["start"] + msg["n"]):
                    t = time.perf_counter()
                    values.append(float(peer.step(i)))
                    ms.append(1000 * (time.perf_counter() - t))
                reply = {"ms": ms, "values": values}
            elif cmd == "check":
                reply = peer.check()
            elif cmd == "rss":
                peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
                reply = {"peak_rss_mib": peak, "rss_mib": _rss_mib()}
            else:
                raise ValueError(f"unknown command {cmd!r}")
            reply["ok"] = True
        except Exception as e:  # reported to the orchestrator, which names the peer
            traceback.print_exc()
            reply = {"ok": False, "error": f"{type(e).__name__}: {e}"}
        proto.write(json.dumps(reply) + "\n")


if __name__ == "__main__":
    main()
