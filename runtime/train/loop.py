"""The training loop: :class:`Trainer` (setup, resume, the epoch loop, checkpoints, reporting)."""

from __future__ import annotations

import functools
import json
import math
import platform
import sys
import time
from array import array
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from netspec import __version__
from netspec.analysis import analyze, layout_dict, layout_hash, spec_dict, spec_hash
from netspec.atomic import write_atomic
from netspec.errors import ConfigError
from netspec.spec import ConfigProblems, TrainConfig

from ..checkpoint import check_compatible, load_checkpoint, save_checkpoint
from ..distributed import SINGLE, Processes
from ..schedule import hyper_for_step, lr_at
from ..session import Session, open_session, state_keys
from .errors import Diverged, TrainError
from .metrics import evaluate_weights, rss_mb, workers_rss_mb
from .plots import plot_curves
from .rundir import FollowerRunDir, RunDir
from .signals import EXIT_SIGNAL, Interrupts

#: TrainConfig knobs the IREE train step does not implement yet: refused, never ignored.
#: (knob -> (its off value, what it asks for); every knob is implemented today.)
UNSUPPORTED: dict[str, tuple[object, str]] = {}

#: On resume these may differ from the run's stored config (the rest must not).
RESUME_OVERRIDABLE = ("epochs",)


@dataclass
class TrainOptions:
    data: str | None = None
    backend: str = "cpu"
    chip: str | None = None
    engine: str = "iree"             # runtime.engines: what compiles and runs the module
    replicas: int = 1                # data parallel over this many devices (--engine xla)
    sync_bn: bool = False            # BatchNorm statistics over all replicas
    processes: Processes = SINGLE    # one of several processes (runtime.distributed)
    out: Path | None = None
    resume: Path | None = None
    workers: int | None = None
    cache_dir: str | None = None
    iree_flags: tuple[str, ...] = ()
    save_every: int = 0              # also checkpoint every N steps (0: per epoch only)
    stop_at_step: int | None = None  # stop cleanly (with a checkpoint) at this global step
    spec_file: str | None = None     # for messages and run.json
    init: Path | None = None         # --init: start from this checkpoint's params + BN stats
    init_skip: tuple[str, ...] = ()  # --init-skip: tensors re-initialised anyway (patterns)
    freeze: tuple[str, ...] = ()     # --freeze: patterns of the tensors frozen at first
    freeze_epochs: int | None = None  # --freeze-epochs: for this many epochs (finetune.py)
    spec_overrides: dict = field(default_factory=dict)  # --image-size / --num-classes given


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
    already_complete: bool = False   # --resume of a run with every epoch done: nothing ran


def unsupported(config: TrainConfig) -> list[ConfigError]:
    """One ConfigError per knob the train step does not implement (``UNSUPPORTED``)."""
    return [ConfigError(f"asks for {what}, which the IREE train step does not implement "
                        "yet; it is refused rather than silently ignored",
                        where="TrainConfig", field=knob, expected=repr(off),
                        received=getattr(config, knob))
                for knob, (off, what) in UNSUPPORTED.items() if getattr(config, knob) != off]


def check_supported(config: TrainConfig) -> None:
    """Refuse every knob the train step does not implement, all in one message."""
    problems = unsupported(config)
    if problems:
        raise ConfigProblems(problems)


def _fmt_time(s: float) -> str:
    s = int(round(s))
    return f"{s // 3600}h{s % 3600 // 60:02d}m" if s >= 3600 else f"{s // 60}m{s % 60:02d}s"



@dataclass
class _RunState:
    """Where a run stands: read and advanced by the epoch loop, recorded in each checkpoint."""

    run: RunDir
    config: TrainConfig
    splits: object              # the data source's splits (runtime.data.open_dataset)
    session: Session
    S: int                      # batches per epoch
    step: int                   # optimizer steps done
    evaluated: int              # epochs evaluated
    best: float | None          # best value so far of config.best_metric (val / EMA top-1)
    history: list               # the epoch records
    saved: dict                 # {"step": step of the last checkpoint written, or None}


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
        self.init = None                    # finetune.InitState of --init
        self.freeze: dict | None = None     # {"patterns", "tensors", "epochs"} of --freeze
        self._bad: dict[str, str] = {}      # unreadable image -> reason (bad_images.txt)
        self._bad_reported = 0              # how many of them the epoch notes have mentioned

    # ---- setup ----------------------------------------------------------------------------
    def _resolve_run_dir(self) -> RunDir:
        o = self.opts
        if not o.processes.main:    # process 0 owns (creates, locks, checks) the directory
            return FollowerRunDir(o.resume if o.resume is not None else o.out)
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
                         state_keys=state_keys(stored.optimizer, stored.ema))
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

    def _already_complete(self, run: RunDir) -> TrainResult | None:
        """``--resume`` of a run whose epochs are all trained and evaluated (and no larger
        ``--epochs``): nothing to do.  Says so and how to extend it; the command exits 0 (a
        finished run is not an error).  None when there is something left to train."""
        _, man = self.resume_from
        epochs, S = self.config.epochs, int(man["steps_per_epoch"])
        step, done = int(man["step"]), int(man["epochs_evaluated"])
        if done < epochs or step < epochs * S:
            return None
        history = [r for r in run.read_metrics() if r.get("kind") == "epoch"]
        last = history[-1] if history else {}
        best = man.get("best_top1")
        acc = ""
        if best is not None:
            acc = (f"; {'EMA ' if man.get('best_on') == 'ema_val_top1' else ''}val top-1 best "
                   f"{100 * best:.2f}%")
            if last.get("val_top1") is not None:
                acc += f", last {100 * last['val_top1']:.2f}%"
        self.console.print(f"run {run.path} is already complete: {done}/{epochs} epochs "
                           f"({step} steps) done{acc}; nothing to train", highlight=False)
        self.console.print(f"  to train it further, give more epochs: netspec train "
                           f"{self.opts.spec_file or 'SPEC.py'} --resume {run.path} --epochs N "
                           f"(N > {epochs}, e.g. {2 * epochs})", highlight=False)
        return TrainResult(run.path, step, done, val_top1=last.get("val_top1"),
                           val_top5=last.get("val_top5"), history=history,
                           already_complete=True)

    # ---- unreadable images: bad_images.txt ------------------------------------------------
    def _open_bad_images(self, run: RunDir) -> None:
        """The run's list of unreadable images: kept on resume, started afresh otherwise."""
        self._bad_run = run
        self._bad_warned = False
        if self.opts.resume is not None:
            self._bad = run.read_bad_images()
        else:
            self._bad = {}
            run.bad_images.unlink(missing_ok=True)

    def _note_bad_file(self, path: str, reason: str) -> None:
        """A loader met an unreadable file: add it to bad_images.txt (rewritten atomically)."""
        if self._bad.get(path) == reason:
            return
        self._bad[path] = reason
        try:
            self._bad_run.write_bad_images(self._bad)
        except OSError as e:
            if not self._bad_warned:
                self._bad_warned = True
                self.console.print(f"[yellow]warning:[/yellow] could not write "
                                   f"{self._bad_run.bad_images}: {e.strerror or e}",
                                   highlight=False)

    # ---- main -----------------------------------------------------------------------------
    def run(self, overrides: dict | None = None) -> TrainResult:
        from runtime.build import build
        from runtime.data import Loader, open_dataset
        from runtime.engines import get_engine

        t_start = time.perf_counter()
        o, a, spec = self.opts, self.a, self.spec
        # a device this machine cannot open is reported before anything is compiled or written
        get_engine(o.engine).check_device(o.backend, o.replicas)
        run = self._resolve_run_dir()
        created = not run.path.exists() and o.processes.main
        run.lock()
        try:
            if self.resume_from is None and o.resume is not None:
                self._load_resume(run, overrides or {})
            if o.resume is not None and (done := self._already_complete(run)) is not None:
                return done     # nothing left to train: said so, exit 0
            config = self.config
            check_supported(config)
            man = self.resume_from[1] if self.resume_from else None
            self._fine_tune(config, man)

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
                    f"last dense layer's output to {len(splits.classes)}, or train with "
                    f"--num-classes {len(splits.classes)}")
            if man and man["data"]["classes"] != list(splits.classes):
                raise TrainError(f"the data at {source} has classes {splits.classes[:5]}..., "
                                 "not the classes the run was trained on")
            B = config.batch_size
            # a resumed run normalises exactly as it started (the stats are in the checkpoint)
            mean, std = ((tuple(man["data"]["mean"]), tuple(man["data"]["std"])) if man
                         else self.init.norm if self.init is not None and self.init.norm
                         else (splits.mean, splits.std))
            self.norm = (mean, std)
            self._open_bad_images(run)
            # several processes: each loads only its rows of every global batch
            loader_kw = dict(image_hw=(spec.image_h, spec.image_w), channels=spec.in_channels,
                             mean=mean, std=std, seed=config.seed, workers=o.workers,
                             known_bad=tuple(self._bad), on_bad_file=self._note_bad_file,
                             shard=(o.processes.index, o.processes.count))
            train_loader = Loader(splits.train, B, train=True, augment=config.augment,
                                  flip=splits.flip_ok, randaugment=config.randaugment,
                                  random_erasing=config.random_erasing,
                                  mixup_alpha=config.mixup_alpha,
                                  cutmix_alpha=config.cutmix_alpha,
                                  mixup_prob=config.mixup_prob,
                                  mixup_switch_prob=config.mixup_switch_prob, **loader_kw)
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
        S = self._batches_per_epoch(splits, train_loader, config)
        total_steps = config.epochs * S
        # the header first, then the compile's progress (a cold compile takes minutes)
        self._summary(run, config, splits, S, val_loader.batches_per_epoch,
                      int(self.resume_from[1]["step"]) if self.resume_from else 0)
        built, session = self._compile(run, config, build)
        self._module_summary(built, config)
        st = self._start_state(run, config, splits, built, session, S)
        result = TrainResult(run.path, st.step, st.evaluated, history=st.history)
        with Interrupts() as intr:
            stop = lambda: intr.signum is not None  # noqa: E731
            self._loop(st, train_loader, val_loader, total_steps, stop)
            self._save_if_stopped(st, result, intr, total_steps)
        return self._finish(st, result, t_start)

    def _batches_per_epoch(self, splits, train_loader, config) -> int:
        S = train_loader.batches_per_epoch
        B = config.batch_size
        if S == 0:
            raise TrainError(f"the training split has {len(splits.train)} images, fewer than "
                             f"one batch of {B}\n  hint: lower --batch-size")
        return S

    def _compile(self, run, config, build):
        """(Build, Session): train_step + predict, one module, written to run/module/; its
        stages shown on the console as they happen (``runtime.progress``)."""
        from ..progress import ConsoleProgress, Reporter
        o, spec = self.opts, self.spec
        B = config.batch_size
        with ConsoleProgress(self.console, prefix=f"  {'compile':<16}") as show:
            rep = Reporter(show)
            built = build(spec, config, backend=o.backend, chip=o.chip, batch=B,
                          optimizer=config.optimizer, functions=("predict", "train_step"),
                          extra_flags=o.iree_flags, cache_dir=o.cache_dir,
                          out_dir=run.module_dir, engine=o.engine, progress=rep,
                          replicas=o.replicas, sync_bn=o.sync_bn,
                          soft_targets=config.mixes,
                          freeze=self.freeze["tensors"] if self.freeze else ())
            rep("load", driver=built.result.driver)
            session = open_session(built, optimizer=config.optimizer, engine=o.engine)
            rep("done")
        return built, session

    def _start_state(self, run, config, splits, built, session, S) -> _RunState:
        """The state from the checkpoint being resumed (metrics.jsonl cut back to its step),
        else a freshly initialised one (and run.json)."""
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
            if self.init is not None:   # --init: its params + BN stats, fresh optimizer state
                from .finetune import initial_state
                initial_state(session, config.seed, self.init)
            else:
                session.init_state(config.seed)
            step, evaluated, best, history = 0, 0, None, []
            self.losses, self.epoch_steps = array("d"), []
            if self.opts.processes.main:
                run.metrics.unlink(missing_ok=True)
                write_atomic(run.path / "run.json",
                             json.dumps(self._run_info(splits, built), indent=1) + "\n")
        return _RunState(run, config, splits, session, S, step, evaluated, best, history,
                         saved={"step": step if self.resume_from else None})

    # ---- checkpoints ----------------------------------------------------------------------
    def _manifest(self, st: _RunState, reason: str, step: int) -> dict:
        o, a, spec, config, splits, S = self.opts, self.a, self.spec, st.config, st.splits, st.S
        return {"spec_name": spec.name, "spec_hash": self.spec_hash,
                "layout_hash": self.layout_hash, "n_params": a.n_params,
                "n_bn_floats": a.n_bn_floats, "dtype": "float32",
                "optimizer": config.optimizer, "state_names": [b.arg for b in st.session.state if b.role == "opt"],
                "step": step, "epoch": step // S, "batch_in_epoch": step % S,
                "steps_per_epoch": S, "epochs_evaluated": st.evaluated,
                "best_top1": st.best, "best_on": config.best_metric, "reason": reason,
                "config": config.to_dict(),
                "rng": {"seed": config.seed, "scheme": "numpy default_rng([seed, stream, "
                        "step|epoch]); data order [seed, epoch]; dropout [seed, 1, step]"},
                "data": {"source": splits.source, "classes": list(splits.classes),
                         "mean": list(self.norm[0]), "std": list(self.norm[1]),
                         "image_hw": [spec.image_h, spec.image_w],
                         "channels": spec.in_channels, "description": splits.description},
                "backend": o.backend, "time": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
                "parameter_layout": layout_dict(a), **self._spec_overrides_record(),
                **self._fine_tune_record()}

    # ---- fine-tuning: --init, --freeze (finetune.py) ------------------------------------------
    def _fine_tune(self, config, man) -> None:
        """Resolve --init / --init-skip / --freeze / --freeze-epochs (a resumed run: its
        manifest's freeze set, and the flags refused), before any data or compile."""
        from .finetune import load_init, resolve_freeze
        o = self.opts
        if man is not None:
            for flag, v in (("--init", o.init), ("--init-skip", o.init_skip),
                            ("--freeze", o.freeze), ("--freeze-epochs", o.freeze_epochs)):
                if v is not None and v != ():
                    raise ConfigError("does not combine with --resume: a resumed run already has "
                                      "its state (and keeps its freeze schedule)", where=flag,
                                      received=v if not isinstance(v, Path) else str(v))
            self.freeze = man.get("freeze")
            self._init_record = man.get("init")
            return
        if o.init_skip and o.init is None:
            raise ConfigError("needs --init FILE (it re-initialises tensors of what --init loads)",
                              where="--init-skip", received=list(o.init_skip))
        names, epochs = resolve_freeze(self.a, o.freeze, o.freeze_epochs, config.epochs)
        if names:
            self.freeze = {"patterns": list(o.freeze), "tensors": list(names), "epochs": epochs}
        if o.init is not None:
            self.init = load_init(o.init, self.a, config.seed, o.init_skip,
                                  channels=self.spec.in_channels)
            self._init_record = self.init.source
            for note in self.init.notes:
                self.console.print(f"[yellow]note:[/yellow] {note}", highlight=False)

    _init_record = None

    def _fine_tune_record(self) -> dict:
        """run.json / checkpoint manifest entries: where the weights came from, the freeze set."""
        out = {}
        if self._init_record is not None:
            out["init"] = self._init_record
        if self.freeze:
            out["freeze"] = self.freeze
        return out

    def _freeze_steps(self, S: int) -> int | None:
        return self.freeze["epochs"] * S if self.freeze else None

    def _save(self, st: _RunState, reason: str, step: int, also_best: bool = False) -> None:
        """checkpoints/last.safetensors (and best.safetensors) at ``step`` (process 0 only:
        every process holds the same state)."""
        if not self.opts.processes.main:
            st.saved["step"] = step
            return
        state = st.session.state_to_host()
        m = self._manifest(st, reason, step)
        save_checkpoint(st.run.last, state, m)
        if also_best:
            save_checkpoint(st.run.best, state, m)
        st.saved["step"] = step

    # ---- the epoch loop -------------------------------------------------------------------
    def _loop(self, st: _RunState, train_loader, val_loader, total_steps: int, stop) -> None:
        """Train and evaluate epoch by epoch until all epochs are done or the run is stopped."""
        o = self.opts
        save = functools.partial(self._save, st)
        while True:
            if st.evaluated < st.step // st.S:
                # an epoch whose batches are all done is evaluated before anything else
                # (also after a resume that stopped between its last step and its eval)
                if not self._evaluate_epoch(st, val_loader, stop):
                    break
                continue
            if st.step >= total_steps:
                break
            if stop() or (o.stop_at_step is not None and st.step >= o.stop_at_step):
                break
            st.step = self._train_epoch(st.session, train_loader, st.config, st.run, st.step,
                                        st.S, stop, save, st.saved)

    def _evaluate_epoch(self, st: _RunState, val_loader, stop) -> bool:
        """Evaluate epoch ``st.evaluated``: record, print, plot, checkpoint (and best).
        False when a stop was requested during the evaluation."""
        config = st.config
        weights = ("raw", "ema") if config.ema else ("raw",)
        rs = evaluate_weights(st.session, val_loader, self.a.num_classes, weights, st.evaluated,
                              stop, processes=self.opts.processes)
        if rs is None:
            return False
        rec = self._epoch_record(st.evaluated, st.S, config.batch_size, rs["raw"], config)
        if config.ema:
            e = rs["ema"]
            rec.update(ema_val_loss=e.loss, ema_val_top1=e.top1, ema_val_top5=e.top5)
        st.evaluated += 1
        score = rec[config.best_metric]
        improved = st.best is None or score > st.best
        if improved:
            st.best = score
        st.history.append(rec)
        st.run.append(rec)
        self._print_epoch(rec, config, improved)
        if self.opts.processes.main:
            plot_curves(st.history, self.losses, st.run.curves)
        self._save(st, "epoch", st.step, also_best=improved)
        return True

    def _save_if_stopped(self, st: _RunState, result: TrainResult, intr: Interrupts,
                         total_steps: int) -> None:
        """A run that ends early (signal, --stop-at-step) saves a checkpoint to resume from."""
        o, console, S, run, step = self.opts, self.console, st.S, st.run, st.step
        stopped = intr.name or ("stop-at-step" if step < total_steps
                                or st.evaluated < st.config.epochs else None)
        if stopped:
            self._save(st, f"interrupted ({stopped})", step)
            result.stopped_by = stopped
            result.exit_code = EXIT_SIGNAL.get(intr.signum, 0)
            console.print(f"[yellow]stopped by {stopped}[/yellow] at step {step} (epoch "
                          f"{step // S + 1}, batch {step % S}); checkpoint saved to "
                          f"{run.last}\n  resume with: netspec train "
                          f"{o.spec_file or 'SPEC.py'} --resume {run.path}")

    def _finish(self, st: _RunState, result: TrainResult, t_start: float) -> TrainResult:
        console, config, history, step, run = self.console, st.config, st.history, st.step, st.run
        result.step, result.epochs_done = step, st.evaluated
        result.seconds = time.perf_counter() - t_start
        result.history = history
        if history:
            result.val_top1, result.val_top5 = history[-1]["val_top1"], history[-1]["val_top5"]
        if result.stopped_by is None:
            ema = (f"; EMA weights {100 * history[-1]['ema_val_top1']:.2f}% top-1"
                   if history and history[-1].get("ema_val_top1") is not None else "")
            console.print(f"final validation accuracy: [bold]{100 * (result.val_top1 or 0):.2f}%"
                          f"[/bold] top-1, {100 * (result.val_top5 or 0):.2f}% top-5{ema} "
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
                "skipped_images": self._skipped, "bad_images": len(self._bad)}

    def _print_epoch(self, rec, config, improved) -> None:
        tl = "n/a" if rec["train_loss"] is None else f"{rec['train_loss']:.4f}"
        ta = "n/a" if rec["train_acc"] is None else f"{100 * rec['train_acc']:.2f}%"
        self.console.print(
            f"epoch {rec['epoch'] + 1}/{config.epochs}  train loss {tl} acc {ta}  |  val loss "
            f"{rec['val_loss']:.4f} top-1 [bold]{100 * rec['val_top1']:.2f}%[/bold] top-5 "
            f"{100 * rec['val_top5']:.2f}%"
            + (f", EMA top-1 {100 * rec['ema_val_top1']:.2f}%" if "ema_val_top1" in rec else "")
            + f"  |  {rec['img_per_s']:.0f} img/s, "
            f"{rec['epoch_seconds']:.1f} s, data wait {rec['data_wait_s']:.2f} s"
            + ("  *best*" if improved else ""), highlight=False)
        n_bad = rec.get("bad_images", 0)
        if n_bad > self._bad_reported:   # said once per new bad file, not after every epoch
            self._bad_reported = n_bad
            self.console.print(f"  [yellow]note:[/yellow] {n_bad} unreadable image file(s) so "
                               "far, each replaced by the next readable image; listed in "
                               f"{self._bad_run.bad_images}", highlight=False)

    _epoch_seconds = 0.0
    _epoch_img_s = 0.0
    _epoch_wait = 0.0
    _skipped = 0

    def _train_epoch(self, session, loader, config, run, step, S, stop, save, saved):
        from rich.progress import (BarColumn, MofNCompleteColumn, Progress, TextColumn,
                                   TimeRemainingColumn)
        o, console, spec = self.opts, self.console, self.spec
        B = config.batch_size
        rows = o.processes.rows(B)       # this process's rows of the global batch
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
                hyper = hyper_for_step(config, spec, step, S, self._freeze_steps(S))
                rand = session.rand_for_step(config.seed, step)
                if rand is not None:
                    rand = rand[rows]
                # mixup / cutmix: soft targets f32[B, K] (the module was built for them)
                targets = batch.targets if batch.targets is not None else batch.labels
                r = session.train_step(batch.images, targets, hyper, rand)
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
                if r.grad_norm is not None:     # clipping: the norm before clipping
                    rec["grad_norm"] = r.grad_norm
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
    def _spec_overrides_record(self) -> dict:
        """``spec_overrides`` (runtime.spec_overrides) when --image-size / --num-classes changed
        the spec file's network: eval, predict, export and --resume rebuild it from this."""
        o = self.opts.spec_overrides
        return {"spec_overrides": dict(o)} if o else {}

    def _run_info(self, splits, built) -> dict:
        return {"netspec_version": __version__, "spec_file": self.opts.spec_file,
                "spec_path": (str(Path(self.opts.spec_file).resolve())
                              if self.opts.spec_file else None),
                "spec": spec_dict(self.spec), "spec_hash": self.spec_hash,
                "config": self.config.to_dict(), "data": splits.source,
                "data_description": splits.description, "backend": self.opts.backend,
                "engine": self.opts.engine, "replicas": self.opts.replicas,
                "sync_bn": self.opts.sync_bn, "processes": self.opts.processes.count,
                "chip": built.result.chip, "driver": built.result.driver,
                "iree_flags": list(built.result.flags), "python": platform.python_version(),
                "host": platform.node(), "started": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
                "argv": sys.argv, **self._spec_overrides_record(), **self._fine_tune_record()}

    def _summary(self, run, config, splits, S, S_val, step) -> None:
        """The run's header, printed before the compile (``_module_summary`` after it)."""
        from ..engines.iree import resolve_chip
        a, spec, o = self.a, self.spec, self.opts
        n_bn = len(a.bns)
        bspec, chip = resolve_chip(o.backend, o.chip)
        warm = round(config.warmup_epochs * S)
        lines = [
            f"[bold]netspec train[/bold] — {spec.name} ({self.opts.spec_file or 'spec'})",
            f"  parameters      {a.n_params:,} ({a.n_params * 4 / 2**20:.2f} MiB f32); "
            f"BN layers {n_bn}, stat floats {a.n_bn_floats:,}",
            f"  target          {bspec.name} ({chip}) on driver {bspec.driver}",
            *([f"  data parallel   {o.replicas} replicas of batch {config.batch_size // o.replicas}"
               f" ({'synchronised' if o.sync_bn else 'per-replica'} BatchNorm)"
               + (f" over {o.processes.count} processes, each loading its rows of every batch"
                  if o.processes.count > 1 else "")] if o.replicas > 1 else []),
            f"  data            {splits.description}",
            f"  batches/epoch   {S} train (last partial batch dropped), {S_val} val",
            f"  schedule        {config.schedule}, lr {config.learning_rate:g}, warmup {warm} "
            f"steps, {config.epochs} epochs = {config.epochs * S} steps"
            + (f"; label smoothing {config.label_smoothing:g}" if config.label_smoothing else "")
            + (f"; weight decay {config.weight_decay:g}" if config.weight_decay else "")
            + (f"; gradient clipping at norm {config.clip_grad_norm:g}"
               if config.clip_grad_norm else ""),
            *([f"  EMA             decay {config.ema_decay:g}"
               + (" with warm-up min(d, (1+t)/(10+t))" if config.ema_warmup else "")
               + f"; best checkpoint on {config.best_metric}"] if config.ema else []),
            *([f"  init            {self._init_record['file']} ({self._init_record['taken']} "
               f"tensors; re-initialised {len(self._init_record['reinitialised'])})"]
              if self._init_record else []),
            *([f"  frozen          {len(self.freeze['tensors'])} of {len(a.params)} tensors "
               f"({', '.join(self.freeze['patterns'])}) for the first {self.freeze['epochs']} "
               f"epoch(s) = {self.freeze['epochs'] * S} steps"] if self.freeze else []),
            f"  run directory   {run.path}"
            + (f"  (resuming at step {step}: epoch {step // S + 1}, batch {step % S})"
               if step else ""),
        ]
        for line in lines:
            self.console.print(line, highlight=False)

    def _module_summary(self, built, config) -> None:
        """What was compiled (after the compile's own progress line)."""
        mlir_bytes = len(built.text.encode("utf-8"))
        self.console.print(
            f"  module          {', '.join(built.plan.functions)}; MLIR {mlir_bytes:,} bytes; "
            f"batch {config.batch_size}, {config.optimizer}, {built.plan.layout.name}",
            highlight=False)


def train(spec, config: TrainConfig, opts: TrainOptions, console, overrides=None) -> TrainResult:
    return Trainer(spec, config, opts, console).run(overrides)
