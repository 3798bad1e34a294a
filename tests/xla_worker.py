"""One process of a multi-process data-parallel run (tests/test_xla.py starts several):
joins ``jax.distributed`` on localhost, runs the tiny spec's 4-replica sync-BN train step for
``--steps`` steps, each process feeding ONLY its rows of every global batch, and process 0
writes the losses and final state to ``--out`` (npz).  ``--die-at S`` makes process 1 exit
abruptly before step S (the others must then fail with a clear error, not hang)."""

from __future__ import annotations

import argparse
import os
import sys
import time

import numpy as np


def main(argv=None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--process-id", type=int, required=True)
    ap.add_argument("--num-processes", type=int, default=2)
    ap.add_argument("--coordinator", required=True)
    ap.add_argument("--steps", type=int, default=10)
    ap.add_argument("--out", required=True)
    ap.add_argument("--cache-dir", required=True)
    ap.add_argument("--die-at", type=int, default=0)
    ap.add_argument("--timeout", type=int, default=20)
    a = ap.parse_args(argv)
    from runtime.engines.xla import pjrt
    local = 4 // a.num_processes
    pjrt.init_distributed(a.coordinator, a.num_processes, a.process_id, local_devices=local,
                          timeout_s=a.timeout)
    from tests.test_xla import _session, tiny_spec, global_batch
    s, _ = _session(tiny_spec(), "xla", 4, a.cache_dir, replicas=4, sync_bn=True)
    rows = slice(a.process_id * local * 4, (a.process_id + 1) * local * 4)
    losses = []
    from netspec.state import hyper_vector
    for step in range(1, a.steps + 1):
        if a.die_at and step == a.die_at and a.process_id == 1:
            os._exit(9)                                   # as a crash would: no goodbye
        images, labels = global_batch(step)
        h = hyper_vector(lr=2e-2, step=step, optimizer="adam", label_smoothing=0.1, weight_decay=1e-4)
        rand = s.rand_for_step(0, step)
        r = s.train_step(images[rows], labels[rows], h, None if rand is None else rand[rows])
        losses.append(r.loss)
    if a.process_id == 0:
        np.savez(a.out, losses=np.array(losses), **{k.replace(".", "_"): v for k, v in s.state_to_host().items()})
    return 0


if __name__ == "__main__":
    sys.exit(main())
