"""``netspec train``: compile the spec's train step for a device and train it from the host.

    netspec train SPEC.py [--spec NAME] [--data SRC] [--backend cpu|rocm|cuda|vulkan]
                  [--chip CHIP] [--epochs N] [--batch-size N] [--lr LR] [--optimizer OPT]
                  [--seed N] [--out RUN_DIR | --resume RUN_DIR] [--workers N]
                  [--engine xla --replicas N [--sync-bn]
                   [--num-processes P --process-id I --coordinator HOST:PORT]]
                  [--image-size N] [--num-classes K]
                  [--save-every N] [--stop-at-step N] [--iree-flag FLAG]... [--cache-dir DIR]
                  [--init CKPT|RUN_DIR [--init-skip PATTERN]...]
                  [--freeze PATTERN... --freeze-epochs E]

SRC is an ImageFolder directory (``train/<class>/*``, ``val/<class>/*``), a ``.npz`` file or
``embedded:digits``; without ``--data`` the spec file's ``TrainConfig(default_data=...)`` is
used.  Flags override the spec file's TrainConfig.  The loop itself is ``runtime.train``.
Exit status: 0 when the run finished (or stopped at ``--stop-at-step``), 2 on a user error
(bad spec, data, flags, checkpoint; a diverged loss), 130 / 143 after Ctrl-C / SIGTERM (a
checkpoint was saved; ``--resume RUN_DIR`` continues exactly).
"""

from __future__ import annotations

import ast
import contextlib
import os
import warnings
from pathlib import Path

import click
from rich.console import Console
from rich.markup import escape

from netspec.cli import engine_option, load_spec, main, replica_options, spec_options
from netspec.errors import ConfigError, NetspecError
from netspec.spec import BEST_ON, OPTIMIZERS, SCHEDULES, ConfigProblems, TrainConfig


def target_options(fn):
    fn = click.option("--cache-dir", default=None, metavar="DIR",
                      help="Compile cache (default $NETSPEC_CACHE_DIR or ~/.cache/netspec).")(fn)
    fn = click.option("--iree-flag", "iree_flags", multiple=True, metavar="FLAG",
                      help="Extra iree-compile flag, passed through (repeatable).")(fn)
    fn = click.option("--chip", default=None, help="Target chip (gfx1100, sm_80, host, ...).")(fn)
    fn = engine_option(fn)
    return click.option("--backend", default="cpu", show_default=True,
                        help="Target hardware: cpu, rocm, cuda or vulkan.")(fn)



@contextlib.contextmanager
def data_warnings_to(console):
    """Show ``DataWarning``s (an unreadable image, replaced) as one ``warning:`` line each."""
    from runtime.data import DataWarning

    with warnings.catch_warnings():
        original = warnings.showwarning

        def show(message, category, filename, lineno, file=None, line=None):
            if issubclass(category, DataWarning):
                console.print(f"[yellow]warning:[/yellow] {escape(str(message))}", highlight=False)
            else:
                original(message, category, filename, lineno, file, line)

        warnings.showwarning = show
        yield


#: The TrainConfig knobs a user tunes per run: field -> (flag, help).  One table makes the
#: options, maps an error in a knob back to the flag that set it, and is checked against
#: TrainConfig's fields by the tests (only ``cosine_decay``, superseded by ``--lr-schedule``,
#: and ``default_data``, which ``--data`` replaces, have none).
KNOB_FLAGS: dict[str, tuple[str, str]] = {
    "epochs": ("--epochs", "Epochs to train (a resumed run may be extended with a larger value)."),
    "batch_size": ("--batch-size", "Images per train step (the module is compiled for it)."),
    "learning_rate": ("--lr", "Base learning rate (reached after warm-up)."),
    "optimizer": ("--optimizer", "Optimizer of the train step."),
    "seed": ("--seed", "Seed of the initial weights, data order, augmentation and dropout."),
    "warmup_epochs": ("--warmup-epochs", "Linear learning-rate warm-up in epochs (fractions allowed; 0: none)."),
    "lr_schedule": ("--lr-schedule", "Learning-rate schedule after warm-up."),
    "step_size_epochs": ("--step-size-epochs", "Epochs between decays of --lr-schedule step."),
    "gamma": ("--gamma", "Decay factor of --lr-schedule step / exponential."),
    "weight_decay": ("--weight-decay", "Weight decay (never applied to BN parameters or biases)."),
    "label_smoothing": ("--label-smoothing", "Label smoothing epsilon of the cross-entropy."),
    "momentum": ("--momentum", "Momentum of sgd and rmsprop."),
    "nesterov": ("--nesterov/--no-nesterov", "Nesterov momentum (sgd only)."),
    "beta1": ("--beta1", "Adam / AdamW beta1."),
    "beta2": ("--beta2", "Adam / AdamW beta2."),
    "adam_eps": ("--adam-eps", "Adam / AdamW epsilon (outside the square root)."),
    "rmsprop_decay": ("--rmsprop-decay", "RMSProp decay rho."),
    "rmsprop_eps": ("--rmsprop-eps", "RMSProp epsilon (inside the square root, TF form)."),
    "augment": ("--augment/--no-augment", "Random-resized-crop + flip augmentation of training images."),
    "ema": ("--ema/--no-ema", "Exponential moving average of the weights."),
    "ema_decay": ("--ema-decay", "EMA decay d: ema = d*ema + (1-d)*weights after each step."),
    "ema_warmup": ("--ema-warmup/--no-ema-warmup", "EMA decay min(d, (1+t)/(10+t)) at "
                   "optimizer step t (TF's num_updates form)."),
    "clip_grad_norm": ("--clip-grad-norm", "Clip the loss gradient to this global L2 norm "
                       "(PyTorch clip_grad_norm_; 0: off)."),
    "best_on": ("--best-on", "Metric choosing checkpoints/best (default: ema_val_top1 with "
                "--ema, else val_top1)."),
    "drop_path": ("--drop-path", "Stochastic depth: block i of n drops with drop_path * i / n "
                                 "(torchvision / timm; 0: off)."),
    "bf16": ("--bf16/--no-bf16", "bfloat16 activations (mixed precision)."),
    "bf16_conv": ("--bf16-conv/--no-bf16-conv", "bfloat16 convolutions (mixed precision)."),
    "randaugment": ("--randaugment", "RandAugment of training images, as timm's string "
                    "(e.g. rand-m9-mstd0.5; docs/data.md)."),
    "mixup_alpha": ("--mixup", "Mixup Beta(alpha, alpha) of training batches (0: off)."),
    "cutmix_alpha": ("--cutmix", "CutMix Beta(alpha, alpha) of training batches (0: off)."),
    "mixup_prob": ("--mixup-prob", "Probability that a training batch is mixed (mixup/cutmix)."),
    "mixup_switch_prob": ("--mixup-switch-prob", "With --mixup and --cutmix both on: "
                          "probability of CutMix for a batch."),
    "random_erasing": ("--reprob", "Random-erasing probability per training image (0: off)."),
}
KNOB_CHOICES = {"optimizer": OPTIMIZERS, "lr_schedule": SCHEDULES, "best_on": BEST_ON}
#: Knobs whose default (None) gives no type: their click type.
KNOB_TYPES = {"randaugment": str}


def knob_options(fn):
    """One click option per row of KNOB_FLAGS, typed from TrainConfig's defaults."""
    defaults = TrainConfig()
    for field_, (flag, help_) in reversed(KNOB_FLAGS.items()):
        default = getattr(defaults, field_)
        kw = dict(default=None, help=help_)
        if isinstance(default, bool):
            fn = click.option(flag, field_, **kw)(fn)
            continue
        if field_ in KNOB_CHOICES:
            kw["type"] = click.Choice(KNOB_CHOICES[field_])
        elif field_ in KNOB_TYPES:
            kw["type"] = KNOB_TYPES[field_]
        else:
            kw["type"] = int if isinstance(default, int) else float
        fn = click.option(flag, field_, **kw)(fn)
    return fn


def flag_for(field_: str, value, fmt: str = "{}") -> str:
    """The flag spelling that sets knob ``field_`` to ``value`` ('--no-ema', '--epochs 1')."""
    flag = KNOB_FLAGS[field_][0]
    if isinstance(value, bool):
        on, off = flag.split("/")
        return on if value else off
    return f"{flag} {fmt.format(value)}"


def _relabel(problems: list[ConfigError], overrides: dict, *, turn_off: bool = False) -> list[ConfigError]:
    """Each problem located at the flag that set the knob (or that makes it wrong); a knob from
    the spec file's TrainConfig keeps its place and, when ``turn_off``, says which flag lifts it."""
    out = []
    for p in problems:
        f = p.field
        if f in overrides and f in KNOB_FLAGS:
            out.append(ConfigError(p.detail, where=flag_for(f, overrides[f]), expected=p.expected,
                                   received=p.received, hint=p.hint))
        elif f == "warmup_epochs" and "epochs" in overrides:
            out.append(ConfigError(p.detail, where=flag_for("epochs", overrides["epochs"]), field=f,
                                   expected=p.expected, received=p.received, hint=p.hint))
        elif turn_off and f in KNOB_FLAGS:
            hint = f"pass {flag_for(f, ast.literal_eval(p.expected), '{:g}')} to train without it"
            out.append(ConfigError(p.detail, where=p.where, field=f, expected=p.expected,
                                   received=p.received, hint=hint))
        else:
            out.append(p)
    return out


def process_options(fn):
    """A multi-process run (``docs/distributed.md``): this process's place in it."""
    fn = click.option("--process-timeout", "process_timeout", type=int, default=60,
                      show_default=True, metavar="S",
                      help="Seconds to wait for the other processes to join, and to notice "
                           "that one died.")(fn)
    fn = click.option("--coordinator", default=None, metavar="HOST:PORT",
                      help="Process 0's address, which it serves (with --num-processes).")(fn)
    fn = click.option("--process-id", "process_id", type=int, default=None, metavar="I",
                      help="This process's index, 0..P-1 (with --num-processes).")(fn)
    return click.option("--num-processes", "num_processes", type=int, default=1,
                        show_default=True, metavar="P",
                        help="Train as one of P processes (hosts) of one data-parallel run "
                             "(--engine xla); each loads its own rows of every batch.")(fn)


def join_processes(engine: str, replicas: int, num_processes: int, process_id, coordinator,
                   timeout_s: int):
    """Check the multi-process flags, then join the other processes (before XLA starts):
    -> ``runtime.distributed.Processes``."""
    from runtime.distributed import SINGLE, join
    if num_processes < 1:
        raise ConfigError("must be a positive integer", where="--num-processes",
                          expected="an integer >= 1", received=num_processes)
    if num_processes == 1:
        for flag, v in (("--process-id", process_id), ("--coordinator", coordinator)):
            if v is not None:
                raise ConfigError("belongs to a multi-process run", where=flag, received=v,
                                  hint="pass --num-processes P (> 1) with it")
        return SINGLE
    if engine != "xla":
        raise ConfigError("needs the XLA engine (jax.distributed)", where="--num-processes",
                          received=num_processes, hint="add --engine xla")
    if coordinator is None or ":" not in coordinator:
        raise ConfigError("needs the address process 0 serves", where="--coordinator",
                          expected="HOST:PORT", received=coordinator)
    if process_id is None or not 0 <= process_id < num_processes:
        raise ConfigError(f"must name this process among {num_processes}", where="--process-id",
                          expected=f"0..{num_processes - 1}", received=process_id)
    if replicas < num_processes or replicas % num_processes:
        raise ConfigError(f"{replicas} replica(s) do not split evenly over {num_processes} "
                          "processes", where="--replicas", received=replicas,
                          hint=f"pass --replicas {num_processes}*D for D devices per process")
    if timeout_s < 1:
        raise ConfigError("must be >= 1", where="--process-timeout", received=timeout_s)
    try:
        return join(coordinator, num_processes, process_id,
                    local_devices=replicas // num_processes, timeout_s=timeout_s)
    except Exception as e:  # noqa: BLE001 - jax raises RuntimeError variants
        first = str(e).strip().splitlines()[0] if str(e).strip() else type(e).__name__
        raise ConfigError(f"could not join the run at {coordinator} as process {process_id} of "
                          f"{num_processes} within {timeout_s} s: {first}", where="--coordinator",
                          hint="start every process with the same --coordinator and "
                               "--num-processes") from None


def finetune_options(fn):
    """Fine-tuning (runtime/train/finetune.py, docs/training.md)."""
    fn = click.option("--freeze-epochs", "freeze_epochs", type=int, default=None, metavar="E",
                      help="Epochs the --freeze tensors stay frozen; all train after.")(fn)
    fn = click.option("--freeze", "freeze", multiple=True, metavar="PATTERN",
                      help="Freeze these tensors (glob or regex over registry names, "
                           "repeatable) for --freeze-epochs: no gradient, no update, "
                           "optimizer state kept (PyTorch requires_grad=False).")(fn)
    fn = click.option("--init-skip", "init_skip", multiple=True, metavar="PATTERN",
                      help="Re-initialise these tensors (seeded) instead of taking them from "
                           "--init (glob or regex over registry names, repeatable).")(fn)
    return click.option("--init", "init", default=None, metavar="CKPT|RUN_DIR",
                        help="Start from this netspec checkpoint's parameters and BN statistics "
                             "(netspec weights import's output, a run's checkpoint or run "
                             "directory); optimizer state fresh, step 0; the classifier is "
                             "re-initialised when its class count differs.")(fn)


@main.command()
@spec_options
@click.option("--data", default=None, metavar="SRC",
              help="ImageFolder dir, .npz file or embedded:digits (default: the spec's).")
@target_options
@replica_options
@process_options
@knob_options
@click.option("--image-size", "image_size", type=int, default=None, metavar="N",
              help="Train at N×N input instead of the spec's resolution (e.g. a quick smoke run).")
@click.option("--num-classes", "num_classes", type=int, default=None, metavar="K",
              help="Train with K classifier outputs instead of the spec's (its last dense "
                   "layer's oc): the data's class count, e.g. the 1000-class ImageNet example "
                   "on a smaller ImageFolder.")
@click.option("--out", default=None, metavar="RUN_DIR",
              help="Run directory (default runs/<spec>-<time>).")
@click.option("--resume", default=None, metavar="RUN_DIR",
              help="Continue the run in RUN_DIR exactly where it stopped.")
@click.option("--workers", type=int, default=None,
              help="Data worker processes (default: automatic).")
@click.option("--save-every", type=int, default=0, show_default=True,
              help="Also checkpoint every N steps (0: each epoch only).")
@click.option("--stop-at-step", type=int, default=None,
              help="Stop with a checkpoint after this many steps (resume later).")
@finetune_options
def train(spec_file, spec_name, data, backend, engine, chip, iree_flags, cache_dir, replicas,
          sync_bn, num_processes, process_id, coordinator, process_timeout, image_size,
          num_classes, out, resume, workers, save_every, stop_at_step, init, init_skip, freeze,
          freeze_epochs, **knobs):
    """Train SPEC.py on the chosen device; evaluate, checkpoint and plot each epoch.

    Every knob of the spec file's TrainConfig can be overridden for this run by its flag."""
    from runtime.engines import get_engine
    from runtime.spec_overrides import apply_overrides, given, resumed_overrides
    from runtime.train import TrainOptions, train as run_training, unsupported

    if out is not None and resume is not None:
        raise ConfigError("--out and --resume are exclusive: a resumed run stays in its "
                          "directory", where="--out")
    if resume is not None:      # fine-tuning flags start a run; a resumed one keeps its own
        for flag, v in (("--init", init), ("--init-skip", init_skip), ("--freeze", freeze),
                        ("--freeze-epochs", freeze_epochs)):
            if v is not None and v != ():
                raise ConfigError("does not combine with --resume: a resumed run already has "
                                  "its state and keeps its freeze schedule", where=flag,
                                  received=v if isinstance(v, (str, int)) else list(v))
    for flag, v in (("--workers", workers), ("--save-every", save_every),
                    ("--stop-at-step", stop_at_step)):
        if v is not None and v < 0:
            raise ConfigError("must be >= 0", where=flag, expected="an integer >= 0", received=v)
    get_engine(engine)       # an unknown --engine is refused before anything else
    spec, config = load_spec(spec_file, spec_name)
    spec_overrides = given(image_size=image_size, num_classes=num_classes)
    if resume is not None and not spec_overrides:
        # a resumed run keeps the network it was trained as (its checkpoint records the flags)
        spec_overrides = resumed_overrides(resume)
    spec = apply_overrides(spec, spec_overrides)
    overrides = {k: v for k, v in knobs.items() if v is not None}
    if config is None:
        config = TrainConfig()
    if resume is None:
        # every problem of the flags and the spec file's config at once, before any work:
        # invalid values, then the knobs this train step refuses
        candidate = TrainConfig.unchecked(**{**config.to_dict(), **overrides})
        problems = _relabel(candidate.problems(), overrides)
        bad = {p.field for p in candidate.problems()}
        problems += _relabel([p for p in unsupported(candidate) if p.field not in bad], overrides,
                             turn_off=True)
        if problems:
            raise ConfigProblems(problems)
        config = config.replace(**overrides)
    processes = join_processes(engine, replicas, num_processes, process_id, coordinator,
                               process_timeout)
    opts = TrainOptions(data=data, backend=backend, chip=chip, engine=engine,
                        replicas=replicas, sync_bn=sync_bn, processes=processes,
                        out=Path(out) if out else None, resume=Path(resume) if resume else None,
                        workers=workers, cache_dir=cache_dir, iree_flags=tuple(iree_flags),
                        save_every=save_every, stop_at_step=stop_at_step, spec_file=spec_file,
                        init=Path(init) if init else None, init_skip=tuple(init_skip),
                        freeze=tuple(freeze), freeze_epochs=freeze_epochs,
                        spec_overrides=spec_overrides)
    console = Console(highlight=False, soft_wrap=True)
    if not processes.main:      # process 0 prints the run; the others only their errors
        click.echo(f"process {processes.index} of {processes.count}: joined the run at "
                   f"{processes.coordinator}; process 0 prints it and writes its directory",
                   err=True)
        console = Console(file=open(os.devnull, "w"), highlight=False, soft_wrap=True)
    try:
        with data_warnings_to(console):
            result = run_training(spec, config, opts, console, overrides=overrides)
    except BaseException as e:
        if processes.count > 1:
            leave_run(e)
        raise
    if result.exit_code:
        if processes.count > 1:
            leave_run(SystemExit(result.exit_code))
        raise SystemExit(result.exit_code)


def leave_run(exc: BaseException) -> None:
    """Leave a multi-process run at once, its error printed: the other processes are blocked
    in the next step's all-reduce, so waiting at jax.distributed's shutdown barrier would hang
    every process; exiting lets the coordination service see this one gone (within
    --process-timeout) and stop the others with its "another task died" error."""
    import sys
    import traceback
    from netspec.cli import EXIT_INTERRUPTED, EXIT_USER_ERROR, report_error
    if isinstance(exc, SystemExit):
        code = exc.code if isinstance(exc.code, int) else 1
    elif isinstance(exc, NetspecError):
        report_error(str(exc))
        code = EXIT_USER_ERROR
    elif isinstance(exc, KeyboardInterrupt):
        report_error("interrupted")
        code = EXIT_INTERRUPTED
    else:
        traceback.print_exception(exc)
        code = 1
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)
