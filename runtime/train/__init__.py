"""The host training loop behind ``netspec train``.

    spec + config ──build()──> <spec>.mlir / <spec>.vmfb + manifest (run_dir/module/; the
                               compile is cached by content, see runtime.engines.iree)
    data source ──open_dataset()──> Loader (worker processes, prefetch) ──batches──┐
    Session (params, optimizer state, BN stats resident on the device) <───────────┘
        per step: upload images, labels, [rand], hyper; read back loss and correct only
    each epoch: evaluate on the val split (predict, running BN) → top-1 / top-5,
                metrics.jsonl, curves.png, checkpoints/last.safetensors (+ best)

Run directory (``--out``; one run per directory, guarded by an ``flock`` on ``.lock``)::

    run.json                      what was run: spec, config, data, target, versions
    module/                       the exact MLIR, vmfb, iree-compile command and manifest
    metrics.jsonl                 one record per step ("kind": "step") and per epoch ("epoch")
    curves.png                    loss and accuracy curves (rewritten each epoch)
    bad_images.txt                the unreadable images met so far, path<TAB>reason (if any)
    checkpoints/last.safetensors  state + manifest (atomic), each epoch, on --save-every N,
                                  on Ctrl-C / SIGTERM and at the end
    checkpoints/best.safetensors  the state with the best validation top-1 so far

Exact resume.  The position of a run is one integer, ``step`` (optimizer steps done); with S
batches per epoch it is in epoch ``step // S`` at batch ``step % S``.  Everything random is
a function of (seed, step) or (seed, epoch): the epoch's order and augmentation
(``runtime.data``) and the dropout / stochastic-depth uniforms (``Session.rand_for_step``); the learning rate and
the Adam bias corrections are functions of ``step`` (``runtime.schedule``).  So restoring the
state buffers and ``step`` from the checkpoint continues with exactly the batches, random
numbers and hyper-parameters the uninterrupted run would have used, and on the CPU backend
reproduces its losses bit for bit (tested).  On resume, metrics.jsonl is cut back to the
checkpoint's step so that it never holds a step twice.

Modules: ``loop`` (:class:`Trainer`, :func:`train`, the options and the result), ``rundir``
(the run directory, its lock and metrics.jsonl), ``metrics`` (evaluation, top-k, RSS),
``plots`` (curves.png), ``signals`` (SIGINT / SIGTERM), ``errors``.
"""

from .errors import Diverged, TrainError
from .loop import (RESUME_OVERRIDABLE, UNSUPPORTED, Trainer, TrainOptions, TrainResult,
                   check_supported, train, unsupported)
from .metrics import EvalResult, evaluate, log_softmax, rss_mb, topk_correct, workers_rss_mb
from .plots import plot_curves
from .rundir import RunDir, read_metrics
from .signals import EXIT_SIGNAL, Interrupts

__all__ = [
    "Diverged", "EXIT_SIGNAL", "EvalResult", "Interrupts", "RESUME_OVERRIDABLE", "RunDir",
    "TrainError", "TrainOptions", "TrainResult", "Trainer", "UNSUPPORTED", "check_supported", "unsupported",
    "evaluate", "log_softmax", "plot_curves", "read_metrics", "rss_mb", "topk_correct",
    "train", "workers_rss_mb",
]
