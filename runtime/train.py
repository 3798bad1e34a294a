"""The host training loop behind ``netspec train``.

    spec + config ──build()──> <spec>.mlir / <spec>.vmfb + manifest (run_dir/module/; the
                               compile is cached by content, see runtime.compile)
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
    checkpoints/last.safetensors  state + manifest (atomic), each epoch, on --save-every N,
                                  on Ctrl-C / SIGTERM and at the end
    checkpoints/best.safetensors  the state with the best validation top-1 so far

Exact resume.  The position of a run is one integer, ``step`` (optimizer steps done); with S
batches per epoch it is in epoch ``step // S`` at batch ``step % S``.  Everything random is
a function of (seed, step) or (seed, epoch): the epoch's order and augmentation
(``runtime.data``) and the dropout uniforms (``Session.rand_for_step``); the learning rate and
the Adam bias corrections are functions of ``step`` (``runtime.schedule``).  So restoring the
state buffers and ``step`` from the checkpoint continues with exactly the batches, random
numbers and hyper-parameters the uninterrupted run would have used, and on the CPU backend
reproduces its losses bit for bit (tested).  On resume, metrics.jsonl is cut back to the
checkpoint's step so that it never holds a step twice.
"""

from __future__ import annotations

import fcntl
from array import array
import json
import math
import os
import platform
import signal
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from netspec import __version__
from netspec.analysis import analyze, layout_hash, spec_dict, spec_hash
from netspec.atomic import write_atomic
from netspec.errors import ConfigError, NetspecError
from netspec.spec import TrainConfig

from .checkpoint import check_compatible, load_checkpoint, save_checkpoint
from .schedule import hyper_for_step, lr_at
from .session import Session, state_keys

#: TrainConfig knobs the IREE train step does not implement yet: refused, never ignored.
UNSUPPORTED = {
    "ema": (False, "EMA of the weights"),
    "drop_path": (0.0, "stochastic depth"),
    "bf16": (False, "bf16 training"),
    "bf16_conv": (False, "bf16 convolutions"),
}

#: On resume these may differ from the run's stored config (the rest must not).
RESUME_OVERRIDABLE = ("epochs",)

EXIT_SIGNAL = {signal.SIGINT: 130, signal.SIGTERM: 143}


class TrainError(NetspecError):
    """The run cannot start or continue (data / run directory / numerics)."""


class Diverged(TrainError):
    """The loss became NaN or Inf."""


@dataclass
class TrainOptions:
    data: str | None = None
    backend: str = "cpu"
    chip: str | None = None
    out: Path | None = None
    resume: Path | None = None
    workers: int | None = None
    cache_dir: str | None = None
    iree_flags: tuple[str, ...] = ()
    save_every: int = 0              # also checkpoint every N steps (0: per epoch only)
    stop_at_step: int | None = None  # stop cleanly (with a checkpoint) at this global step
    spec_file: str | None = None     # for messages and run.json


@dataclass
class TrainResult:
    run_dir: Path
    step: int
    epochs_done: int
    val_top1: float | None = None
    val_top5: float | None = None
    stopped_by: str | None = None    # None: finished; "SIGINT" / "SIGTERM" / "stop-at-step"
    seconds: float = 0.0
    exit_code: int = 0
    history: list = field(default_factory=list)   # the epoch records


# --------------------------------------------------------------------------- run directory
class RunDir:
    def __init__(self, path: Path):
        self.path = Path(path)
        self.ckpt_dir = self.path / "checkpoints"
        self.last = self.ckpt_dir / "last.safetensors"
        self.best = self.ckpt_dir / "best.safetensors"
        self.metrics = self.path / "metrics.jsonl"
        self.curves = self.path / "curves.png"
        self.module_dir = self.path / "module"
        self._lock_fd: int | None = None
        self._metrics_f = None

    def lock(self) -> None:
        """Refuse a second ``netspec train`` on the same directory (the lock dies with us)."""
        self.path.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path / ".lock", os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            try:
                other = os.read(fd, 64).decode(errors="replace").strip() or "?"
            finally:
                os.close(fd)
            raise TrainError(f"run directory {self.path} is in use by another netspec train "
                             f"(pid {other})\n  hint: wait for it, stop it, or pass another "
                             "--out") from None
        os.ftruncate(fd, 0)
        os.write(fd, str(os.getpid()).encode())
        self._lock_fd = fd

    def unlock(self) -> None:
        if self._metrics_f is not None:
            self._metrics_f.close()
            self._metrics_f = None
        if self._lock_fd is not None:
            os.close(self._lock_fd)
            self._lock_fd = None

    def append(self, record: dict) -> None:
        if self._metrics_f is None:
            self._metrics_f = open(self.metrics, "a", encoding="utf-8")
        self._metrics_f.write(json.dumps(record, sort_keys=True) + "\n")
        self._metrics_f.flush()

    def read_metrics(self) -> list[dict]:
        return read_metrics(self.metrics)

    def cut_metrics(self, step: int, epochs_evaluated: int) -> list[dict]:
        """Keep the records of steps < ``step`` and epochs < ``epochs_evaluated`` (atomic)."""
        keep = [r for r in self.read_metrics()
                if (r.get("kind") == "step" and r["step"] < step)
                or (r.get("kind") == "epoch" and r["epoch"] < epochs_evaluated)]
        write_atomic(self.metrics, "".join(json.dumps(r, sort_keys=True) + "\n" for r in keep))
        return keep


def read_metrics(path: Path) -> list[dict]:
    out = []
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        return out
    for line in lines:
        try:
            out.append(json.loads(line))
        except ValueError:   # a line cut by a crash: everything before it is intact
            break
    return out


# --------------------------------------------------------------------------- signals
class Interrupts:
    """SIGINT / SIGTERM set a flag the loop polls between steps; a second SIGINT aborts."""

    def __init__(self):
        self.signum: int | None = None
        self._old = {}

    def __enter__(self):
        for s in (signal.SIGINT, signal.SIGTERM):
            try:
                self._old[s] = signal.signal(s, self._handle)
            except ValueError:   # not the main thread: leave the defaults alone
                pass
        return self

    def _handle(self, signum, frame):
        if self.signum is not None and signum == signal.SIGINT:
            raise KeyboardInterrupt
        self.signum = signum

    def __exit__(self, *exc):
        for s, h in self._old.items():
            signal.signal(s, h)

    @property
    def name(self) -> str | None:
        return None if self.signum is None else signal.Signals(self.signum).name


# --------------------------------------------------------------------------- helpers
def rss_mb(pid: int | str = "self") -> float:
    """Resident set size in MiB (Linux /proc; 0 where unavailable)."""
    try:
        with open(f"/proc/{pid}/statm") as f:
            return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20
    except (OSError, ValueError, IndexError):
        return 0.0


def workers_rss_mb() -> float:
    """Summed RSS of this process's live child processes (the data workers)."""
    import multiprocessing
    return sum(rss_mb(p.pid) for p in multiprocessing.active_children())


def check_supported(config: TrainConfig) -> None:
    for knob, (off, what) in UNSUPPORTED.items():
        if getattr(config, knob) != off:
            raise ConfigError(f"asks for {what}, which the IREE train step does not implement "
                              "yet; it is refused rather than silently ignored",
                              where="TrainConfig", field=knob, expected=repr(off),
                              received=getattr(config, knob))


def topk_correct(logits: np.ndarray, labels: np.ndarray, k: int) -> np.ndarray:
    """Per row: is the label among the k largest logits (ties broken by index)."""
    k = min(k, logits.shape[1])
    top = np.argsort(-logits, axis=1, kind="stable")[:, :k]
    return (top == labels[:, None]).any(axis=1)


def log_softmax(logits: np.ndarray) -> np.ndarray:
    z = logits - logits.max(axis=1, keepdims=True)
    return z - np.log(np.exp(z).sum(axis=1, keepdims=True))


@dataclass
class EvalResult:
    n: int
    loss: float
    top1: float
    top5: float
    confusion: np.ndarray    # [true, predicted] counts

    def per_class(self) -> np.ndarray:
        tot = self.confusion.sum(axis=1)
        return np.where(tot > 0, np.diag(self.confusion) / np.maximum(tot, 1), np.nan)


def evaluate(session: Session, loader, num_classes: int, epoch: int = 0,
             should_stop=lambda: False) -> EvalResult | None:
    """Top-1 / top-5 / loss / confusion of the running-BN model over a whole split."""
    n = 0
    loss = 0.0
    c1 = c5 = 0
    conf = np.zeros((num_classes, num_classes), np.int64)
    for batch in loader.epoch(epoch):
        if should_stop():
            return None
        logits = session.predict(batch.images)[:batch.n_valid].astype(np.float64)
        labels = batch.labels[:batch.n_valid].astype(np.int64)
        loss += float(-log_softmax(logits)[np.arange(len(labels)), labels].sum())
        c1 += int(topk_correct(logits, labels, 1).sum())
        c5 += int(topk_correct(logits, labels, 5).sum())
        np.add.at(conf, (labels, logits.argmax(axis=1)), 1)
        n += len(labels)
    if n == 0:
        raise TrainError("the validation split is empty")
    return EvalResult(n, loss / n, c1 / n, c5 / n, conf)


def plot_curves(epochs: list[dict], losses, path: Path) -> None:
    """Loss (per step, and per epoch) and accuracy curves as a PNG (atomic).  ``losses`` is
    the per-step loss series (a compact array: 8 bytes per step, never step dicts)."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    if not len(losses):
        return
    fig = Figure(figsize=(10, 3.6), dpi=100)   # no pyplot: no global figure registry
    FigureCanvasAgg(fig)
    ax1, ax2 = fig.subplots(1, 2)
    stride = max(1, len(losses) // 4000)          # at most ~4,000 points drawn
    ys = np.asarray(losses)
    ax1.plot(np.arange(1, len(ys) + 1)[::stride], ys[::stride], lw=0.6, alpha=0.5,
             label="train loss (step)")
    if epochs:
        ex = [r["step"] for r in epochs]
        ax1.plot(ex, [r["train_loss"] for r in epochs], "o-", label="train loss (epoch mean)")
        ax1.plot(ex, [r["val_loss"] for r in epochs], "s-", label="val loss")
        ax2.plot(ex, [100 * r["train_acc"] for r in epochs], "o-", label="train top-1")
        ax2.plot(ex, [100 * r["val_top1"] for r in epochs], "s-", label="val top-1")
        ax2.plot(ex, [100 * r["val_top5"] for r in epochs], "^-", label="val top-5")
    ax1.set_xlabel("step"), ax1.set_ylabel("loss"), ax1.legend(fontsize=8)
    ax2.set_xlabel("step"), ax2.set_ylabel("accuracy %"), ax2.legend(fontsize=8)
    ax1.grid(alpha=0.3), ax2.grid(alpha=0.3)
    fig.tight_layout()
    tmp = path.with_name(f".{path.name}.tmp.png")
    fig.savefig(tmp)
    os.replace(tmp, path)


def _fmt_time(s: float) -> str:
    s = int(round(s))
    return f"{s // 3600}h{s % 3600 // 60:02d}m" if s >= 3600 else f"{s // 60}m{s % 60:02d}s"


# --------------------------------------------------------------------------- the run
class Trainer:
    def __init__(self, spec, config: TrainConfig, opts: TrainOptions, console):
        self.spec = spec
        self.opts = opts
        self.console = console
        self.a = analyze(spec)
        self.spec_hash = spec_hash(spec)
        self.layout_hash = layout_hash(self.a)
        self.config = config
        self.resume_from: tuple[dict, dict] | None = None

    # ---- setup ----------------------------------------------------------------------------
    def _resolve_run_dir(self) -> RunDir:
        o = self.opts
        if o.resume is not None:
            run = RunDir(o.resume)
            if not run.path.is_dir():
                raise TrainError(f"--resume {run.path}: no such run directory")
            if not run.last.exists():
                raise TrainError(f"--resume {run.path}: it holds no checkpoint "
                                 f"({run.last} is missing)")
            return run
        path = o.out
        if path is None:
            path = Path("runs") / f"{self.spec.name.lower()}-{time.strftime('%Y%m%d-%H%M%S')}"
        run = RunDir(path)
        if run.last.exists():
            raise TrainError(f"--out {run.path} already holds a run (its checkpoint is "
                             f"{run.last})\n  hint: continue it with --resume {run.path}, "
                             "or pass another --out")
        return run

    def _load_resume(self, run: RunDir, overrides: dict) -> None:
        tensors, man = load_checkpoint(run.last)
        stored = TrainConfig(**man["config"])
        # the optimizer cannot change on resume (not in RESUME_OVERRIDABLE): its state names
        # are known here, so the checkpoint is checked once, before any data is opened
        check_compatible(run.last, tensors, man, spec_name=self.spec.name,
                         spec_hash=self.spec_hash, layout_hash=self.layout_hash,
                         n_params=self.a.n_params, n_bn_floats=self.a.n_bn_floats,
                         state_keys=state_keys(stored.optimizer))
        changes = {}
        for k, v in overrides.items():
            if v is None or getattr(stored, k) == v:
                continue
            if k not in RESUME_OVERRIDABLE:
                raise ConfigError(f"differs from the run being resumed ({getattr(stored, k)!r});"
                                  " a resumed run keeps its configuration",
                                  where="--resume", field=k, expected=repr(getattr(stored, k)),
                                  received=v)
            changes[k] = v
        if changes:
            if man["step"] >= changes.get("epochs", stored.epochs) * man["steps_per_epoch"]:
                raise ConfigError("is not beyond the steps already done",
                                  where="--resume", field="epochs",
                                  expected=f"> {man['step'] / man['steps_per_epoch']:g}",
                                  received=changes.get("epochs"))
            self.console.print(f"[yellow]note:[/yellow] resuming with {changes}: the learning-"
                               "rate schedule is recomputed, so the losses from here differ "
                               "from a run started with these settings")
            stored = stored.replace(**changes)
        self.config = stored
        self.resume_from = (tensors, man)

    # ---- main -----------------------------------------------------------------------------
    def run(self, overrides: dict | None = None) -> TrainResult:
        from netspec.commands.compile import build
        from runtime.compile import backend_spec
        from runtime.data import Loader, open_dataset
        from runtime.iree_run import open_driver

        t_start = time.perf_counter()
        o, a, spec = self.opts, self.a, self.spec
        # a device this machine cannot open is reported before anything is compiled or written
        open_driver(backend_spec(o.backend).driver)
        run = self._resolve_run_dir()
        created = not run.path.exists()
        run.lock()
        try:
            if self.resume_from is None and o.resume is not None:
                self._load_resume(run, overrides or {})
            config = self.config
            check_supported(config)
            man = self.resume_from[1] if self.resume_from else None

            # ---- data
            source = o.data or (man["data"]["source"] if man else None) or config.default_data
            if source is None:
                raise TrainError(
                    "no training data: pass --data (an ImageFolder directory with train/ and "
                    "val/, a .npz file, or embedded:digits); the spec's TrainConfig names no "
                    "default_data")
            if not source.startswith("embedded:"):   # a resume may start from another cwd
                source = str(Path(source).expanduser().resolve())
            splits = open_dataset(source, image_hw=(spec.image_h, spec.image_w),
                                  channels=spec.in_channels, seed=config.seed)
            if len(splits.classes) != a.num_classes:
                last = a.layers[-1]
                raise TrainError(
                    f"the data at {source} has {len(splits.classes)} classes, but the spec's "
                    f"classifier ({last.where}) has {a.num_classes} outputs\n  hint: set the "
                    f"last dense layer's output to {len(splits.classes)}")
            if man and man["data"]["classes"] != list(splits.classes):
                raise TrainError(f"the data at {source} has classes {splits.classes[:5]}..., "
                                 "not the classes the run was trained on")
            B = config.batch_size
            # a resumed run normalises exactly as it started (the stats are in the checkpoint)
            mean, std = ((tuple(man["data"]["mean"]), tuple(man["data"]["std"])) if man
                         else (splits.mean, splits.std))
            self.norm = (mean, std)
            loader_kw = dict(image_hw=(spec.image_h, spec.image_w), channels=spec.in_channels,
                             mean=mean, std=std, seed=config.seed, workers=o.workers)
            train_loader = Loader(splits.train, B, train=True, augment=config.augment,
                                  flip=splits.flip_ok, **loader_kw)
            val_loader = Loader(splits.val, B, train=False, **loader_kw)
            try:
                return self._run(run, config, splits, train_loader, val_loader, build, t_start)
            finally:
                train_loader.close()
                val_loader.close()
        except BaseException:
            if created and [p.name for p in run.path.iterdir()] == [".lock"]:
                run.unlock()    # failed before writing anything: leave no empty run dir
                import shutil
                shutil.rmtree(run.path, ignore_errors=True)
            raise
        finally:
            run.unlock()

    def _run(self, run, config, splits, train_loader, val_loader, build, t_start):
        o, console, a, spec = self.opts, self.console, self.a, self.spec
        S = train_loader.batches_per_epoch
        B = config.batch_size
        if S == 0:
            raise TrainError(f"the training split has {len(splits.train)} images, fewer than "
                             f"one batch of {B}\n  hint: lower --batch-size")
        total_steps = config.epochs * S

        # ---- compile (train_step + predict, one module)
        built = build(spec, config, backend=o.backend, chip=o.chip, batch=B,
                      optimizer=config.optimizer, functions=("predict", "train_step"),
                      extra_flags=o.iree_flags, cache_dir=o.cache_dir, out_dir=run.module_dir)
        res = built.result
        session = Session(spec, vmfb_path=built.vmfb_path, driver=res.driver, batch=B,
                          optimizer=config.optimizer)

        # ---- state
        if self.resume_from:
            tensors, man = self.resume_from
            if man["steps_per_epoch"] != S:
                raise TrainError(f"the run had {man['steps_per_epoch']} batches per epoch, the "
                                 f"data now gives {S}: it cannot be resumed exactly")
            session.load_state(tensors)
            step, evaluated = int(man["step"]), int(man["epochs_evaluated"])
            best = man.get("best_top1")
            kept = run.cut_metrics(step, evaluated)
            history = [r for r in kept if r["kind"] == "epoch"]
            self.losses = array("d", (r["loss"] for r in kept if r["kind"] == "step"))
            self.epoch_steps = [r for r in kept if r["kind"] == "step" and r["step"] >= evaluated * S]
        else:
            session.init_state(config.seed)
            step, evaluated, best, history = 0, 0, None, []
            self.losses, self.epoch_steps = array("d"), []
            run.metrics.unlink(missing_ok=True)
            write_atomic(run.path / "run.json",
                         json.dumps(self._run_info(splits, built), indent=1) + "\n")

        self._summary(run, config, splits, built, S, val_loader.batches_per_epoch, step)

        def manifest(reason: str, step: int) -> dict:
            return {"spec_name": spec.name, "spec_hash": self.spec_hash,
                    "layout_hash": self.layout_hash, "n_params": a.n_params,
                    "n_bn_floats": a.n_bn_floats, "dtype": "float32",
                    "optimizer": config.optimizer, "state_names": list(session.state_names),
                    "step": step, "epoch": step // S, "batch_in_epoch": step % S,
                    "steps_per_epoch": S, "epochs_evaluated": evaluated,
                    "best_top1": best, "reason": reason, "config": config.to_dict(),
                    "rng": {"seed": config.seed, "scheme": "numpy default_rng([seed, stream, "
                            "step|epoch]); data order [seed, epoch]; dropout [seed, 1, step]"},
                    "data": {"source": splits.source, "classes": list(splits.classes),
                             "mean": list(self.norm[0]), "std": list(self.norm[1]),
                             "image_hw": [spec.image_h, spec.image_w],
                             "channels": spec.in_channels, "description": splits.description},
                    "backend": o.backend, "time": time.strftime("%Y-%m-%dT%H:%M:%S%z")}

        saved = {"step": step if self.resume_from else None}

        def save(reason: str, step: int, also_best: bool = False) -> None:
            state = session.state_to_host()
            m = manifest(reason, step)
            save_checkpoint(run.last, state, m)
            if also_best:
                save_checkpoint(run.best, state, m)
            saved["step"] = step

        result = TrainResult(run.path, step, evaluated, history=history)
        with Interrupts() as intr:
            stop = lambda: intr.signum is not None  # noqa: E731
            while True:
                if evaluated < step // S:
                    # an epoch whose batches are all done is evaluated before anything else
                    # (also after a resume that stopped between its last step and its eval)
                    r = evaluate(session, val_loader, a.num_classes, evaluated, stop)
                    if r is None:
                        break
                    rec = self._epoch_record(evaluated, S, B, r, config)
                    evaluated += 1
                    improved = best is None or r.top1 > best
                    if improved:
                        best = r.top1
                    history.append(rec)
                    run.append(rec)
                    self._print_epoch(rec, config, improved)
                    plot_curves(history, self.losses, run.curves)
                    save("epoch", step, also_best=improved)
                    continue
                if step >= total_steps:
                    break
                if stop() or (o.stop_at_step is not None and step >= o.stop_at_step):
                    break
                step = self._train_epoch(session, train_loader, config, run, step, S, stop,
                                         save, saved)
            stopped = intr.name or ("stop-at-step" if step < total_steps
                                    or evaluated < config.epochs else None)
            if stopped:
                save(f"interrupted ({stopped})", step)
                result.stopped_by = stopped
                result.exit_code = EXIT_SIGNAL.get(intr.signum, 0)
                console.print(f"[yellow]stopped by {stopped}[/yellow] at step {step} (epoch "
                              f"{step // S + 1}, batch {step % S}); checkpoint saved to "
                              f"{run.last}\n  resume with: netspec train "
                              f"{o.spec_file or 'SPEC.py'} --resume {run.path}")
        result.step, result.epochs_done = step, evaluated
        result.seconds = time.perf_counter() - t_start
        result.history = history
        if history:
            result.val_top1, result.val_top5 = history[-1]["val_top1"], history[-1]["val_top5"]
        if result.stopped_by is None:
            console.print(f"final validation accuracy: [bold]{100 * (result.val_top1 or 0):.2f}%"
                          f"[/bold] top-1, {100 * (result.val_top5 or 0):.2f}% top-5 "
                          f"({config.epochs} epochs, {step} steps, "
                          f"{_fmt_time(result.seconds)}); run saved in {run.path}",
                          highlight=False)
        return result

    def _epoch_record(self, ep, S, B, r, config) -> dict:
        steps = [h for h in self.epoch_steps if ep * S <= h["step"] < (ep + 1) * S]
        self.epoch_steps = [h for h in self.epoch_steps if h["step"] >= (ep + 1) * S]
        return {"kind": "epoch", "epoch": ep, "step": (ep + 1) * S,
                "train_loss": float(np.mean([h["loss"] for h in steps])) if steps else None,
                "train_acc": float(sum(h["correct"] for h in steps) / (B * len(steps)))
                if steps else None,
                "val_loss": r.loss, "val_top1": r.top1, "val_top5": r.top5, "val_images": r.n,
                "lr": lr_at(config, (ep + 1) * S - 1, S),
                "epoch_seconds": round(self._epoch_seconds, 3),
                "img_per_s": round(self._epoch_img_s, 1),
                "data_wait_s": round(self._epoch_wait, 3), "rss_mb": round(rss_mb(), 1),
                "rss_workers_mb": round(workers_rss_mb(), 1),
                "skipped_images": self._skipped}

    def _print_epoch(self, rec, config, improved) -> None:
        tl = "n/a" if rec["train_loss"] is None else f"{rec['train_loss']:.4f}"
        ta = "n/a" if rec["train_acc"] is None else f"{100 * rec['train_acc']:.2f}%"
        self.console.print(
            f"epoch {rec['epoch'] + 1}/{config.epochs}  train loss {tl} acc {ta}  |  val loss "
            f"{rec['val_loss']:.4f} top-1 [bold]{100 * rec['val_top1']:.2f}%[/bold] top-5 "
            f"{100 * rec['val_top5']:.2f}%  |  {rec['img_per_s']:.0f} img/s, "
            f"{rec['epoch_seconds']:.1f} s, data wait {rec['data_wait_s']:.2f} s"
            + ("  *best*" if improved else ""), highlight=False)
        if rec["skipped_images"]:
            self.console.print(f"  [yellow]warning:[/yellow] {rec['skipped_images']} unreadable "
                               "image(s) so far were replaced by the next readable one (see "
                               "the warnings above for the files)", highlight=False)

    _epoch_seconds = 0.0
    _epoch_img_s = 0.0
    _epoch_wait = 0.0
    _skipped = 0

    def _train_epoch(self, session, loader, config, run, step, S, stop, save, saved):
        from rich.progress import (BarColumn, MofNCompleteColumn, Progress, TextColumn,
                                   TimeRemainingColumn)
        o, console, spec = self.opts, self.console, self.spec
        B = config.batch_size
        epoch, start_batch = step // S, step % S
        wait0 = loader.stats.get("wait_seconds", 0.0)
        t0 = time.perf_counter()
        n_img = 0
        tty = console.is_terminal
        every = max(1, S // 4)
        progress = Progress(TextColumn(f"epoch {epoch + 1}/{config.epochs}"), BarColumn(),
                            MofNCompleteColumn(), TextColumn("{task.fields[info]}"),
                            TimeRemainingColumn(), console=console, transient=True,
                            disable=not tty)
        with progress:
            task = progress.add_task("train", total=S, completed=start_batch, info="")
            for batch in loader.epoch(epoch, start_batch=start_batch):
                hyper = hyper_for_step(config, spec, step, S)
                rand = session.rand_for_step(config.seed, step)
                r = session.train_step(batch.images, batch.labels, hyper, rand)
                if not math.isfinite(r.loss):
                    good = saved["step"]
                    raise Diverged(
                        f"the loss is {r.loss} at step {step} (epoch {epoch + 1}, batch "
                        f"{step % S}); the run stopped and nothing was saved from this step"
                        + (f"; the last good checkpoint is {run.last} (step {good})"
                           if good is not None and run.last.exists() else "")
                        + f"\n  hint: lower the learning rate (it was "
                          f"{float(hyper[0]):.3g} at this step; try --lr "
                          f"{config.learning_rate / 10:.3g})")
                rec = {"kind": "step", "step": step, "epoch": epoch, "loss": r.loss,
                       "correct": r.correct, "lr": float(hyper[0])}
                self.epoch_steps.append(rec)
                self.losses.append(r.loss)
                run.append(rec)
                step += 1
                n_img += B
                el = time.perf_counter() - t0
                info = f"loss {r.loss:.4f}  {n_img / el:.0f} img/s"
                progress.update(task, advance=1, info=info)
                if not tty and ((step % S) % every == 0) and step % S:
                    console.print(f"  epoch {epoch + 1} batch {step % S}/{S}  {info}",
                                  highlight=False)
                if o.save_every and step % o.save_every == 0 and step % S:
                    save("periodic", step)
                if stop() or (o.stop_at_step is not None and step >= o.stop_at_step):
                    break
        self._epoch_seconds = time.perf_counter() - t0
        self._epoch_img_s = n_img / max(self._epoch_seconds, 1e-9)
        self._epoch_wait = loader.stats.get("wait_seconds", 0.0) - wait0
        self._skipped = loader.stats.get("skipped", 0)
        return step

    # ---- reporting ------------------------------------------------------------------------
    def _run_info(self, splits, built) -> dict:
        return {"netspec_version": __version__, "spec_file": self.opts.spec_file,
                "spec": spec_dict(self.spec), "spec_hash": self.spec_hash,
                "config": self.config.to_dict(), "data": splits.source,
                "data_description": splits.description, "backend": self.opts.backend,
                "chip": built.result.chip, "driver": built.result.driver,
                "iree_flags": list(built.result.flags), "python": platform.python_version(),
                "host": platform.node(), "started": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
                "argv": sys.argv}

    def _summary(self, run, config, splits, built, S, S_val, step) -> None:
        a, spec, res = self.a, self.spec, built.result
        n_bn = len(a.bns)
        mlir_bytes = len(built.text.encode("utf-8"))
        comp = (f"cache hit ({1000 * res.seconds:.0f} ms)" if res.cache_hit
                else f"compiled in {res.seconds:.1f} s")
        warm = round(config.warmup_epochs * S)
        lines = [
            f"[bold]netspec train[/bold] — {spec.name} ({self.opts.spec_file or 'spec'})",
            f"  parameters      {a.n_params:,} ({a.n_params * 4 / 2**20:.2f} MiB f32); "
            f"BN layers {n_bn}, stat floats {a.n_bn_floats:,}",
            f"  module          {', '.join(built.plan.functions)}; MLIR {mlir_bytes:,} bytes; "
            f"batch {config.batch_size}, {config.optimizer}, {built.plan.layout.name}",
            f"  target          {res.backend} ({res.chip}) on driver {res.driver}: {comp}",
            f"  data            {splits.description}",
            f"  batches/epoch   {S} train (last partial batch dropped), {S_val} val",
            f"  schedule        {config.schedule}, lr {config.learning_rate:g}, warmup {warm} "
            f"steps, {config.epochs} epochs = {config.epochs * S} steps"
            + (f"; label smoothing {config.label_smoothing:g}" if config.label_smoothing else "")
            + (f"; weight decay {config.weight_decay:g}" if config.weight_decay else ""),
            f"  run directory   {run.path}"
            + (f"  (resuming at step {step}: epoch {step // S + 1}, batch {step % S})"
               if step else ""),
        ]
        for line in lines:
            self.console.print(line, highlight=False)


def train(spec, config: TrainConfig, opts: TrainOptions, console, overrides=None) -> TrainResult:
    return Trainer(spec, config, opts, console).run(overrides)
