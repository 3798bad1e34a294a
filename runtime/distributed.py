"""The processes of a multi-process data-parallel run (``docs/distributed.md``).

``netspec train --engine xla --num-processes P --process-id I --coordinator HOST:PORT
--devices D`` starts one of P processes, each with D devices: the module has P x D replicas,
replica r on process r // D.  Every process

* joins ``jax.distributed`` (process 0 serves the coordinator at HOST:PORT) before XLA starts;
* loads ONLY its rows of every global batch, rows [I*B/P, (I+1)*B/P) (``Processes.rows``), from
  the same deterministic sampler: the same images, augmented with the same per-position
  randomness, as a one-process run feeds those replicas;
* takes the global loss and hit count from the step (the module all-reduces them), and sums
  its evaluation counts with the others' (``Processes.sum``), so every process sees the same
  metrics and makes the same choices (best checkpoint, stopping);
* writes nothing but process 0: checkpoints, metrics, plots and run.json are process 0's; the
  others read the run directory (``--resume``) and so need it on a shared file system.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

__all__ = ["Processes", "SINGLE", "join"]


@dataclass(frozen=True)
class Processes:
    count: int = 1
    index: int = 0
    coordinator: str | None = None

    @property
    def main(self) -> bool:
        """Process 0: the one that writes the run directory and prints the run."""
        return self.index == 0

    def rows(self, batch: int) -> slice:
        """This process's rows of a global batch of ``batch`` (its replicas' rows)."""
        b = batch // self.count
        return slice(self.index * b, (self.index + 1) * b)

    def sum(self, name: str, array) -> np.ndarray:
        """``array`` summed over all processes (every process calls it, in the same order)."""
        a = np.asarray(array)
        if self.count == 1:
            return a.copy()
        from .engines.xla import pjrt
        return pjrt.host_sum(name, a)


SINGLE = Processes()


def join(coordinator: str, count: int, index: int, *, local_devices: int,
         timeout_s: int = 60) -> Processes:
    """Join the run as process ``index`` of ``count`` (before anything starts XLA).
    ``timeout_s`` bounds the wait for the others to join and for noticing a dead one."""
    from .engines.xla import pjrt
    pjrt.init_distributed(coordinator, count, index, local_devices=local_devices,
                          timeout_s=timeout_s)
    return Processes(count, index, coordinator)
