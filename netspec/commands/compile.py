"""``netspec compile``: emit a spec's StableHLO and compile it with IREE into a build directory.

    netspec compile SPEC.py [--spec NAME] [--backend cpu|rocm|cuda|vulkan] [--chip CHIP]
                    [-o DIR] [--batch N] [--optimizer NAME] [--layout NHWC|NCHW]
                    [--image-size N] [--function F]... [--iree-flag FLAG]... [--cache-dir DIR]

The module options resolve exactly as for ``netspec emit`` (:func:`runtime.build.resolve`:
batch and optimizer from the spec file's TrainConfig, all three functions, NHWC).  The backend
and chip come from ``runtime.engines.iree.BACKENDS`` (default ``cpu``/``host``); ``--iree-flag``
is passed to ``iree-compile`` verbatim (repeatable) and is part of the cache key.  Compilation
goes through the content-addressed cache of ``runtime.engines.iree.compile_mlir``
(``--cache-dir``, else ``$NETSPEC_CACHE_DIR``, else ``~/.cache/netspec``), so compiling the
same thing twice is a cache hit.

DIR (default ``build/<spec name, lowercased>-<backend>[-<chip>]/``) receives::

    <name>.mlir            the emitted, verified StableHLO
    <name>.vmfb            the compiled module (a copy of the cache entry's)
    compile_command.txt    the exact iree-compile command (run it inside DIR)
    manifest.json          what was built, from what, for what, with which tools (see build())

All four are written to a staging folder inside DIR first and renamed into place only after
the compile succeeded, so a failure leaves DIR's previous content untouched.

:func:`runtime.build.build` is the same pipeline as a plain function (``netspec train`` uses
it); this module only parses the options, calls it and prints the summary.
"""

from __future__ import annotations

import os
from pathlib import Path

import click
from rich.markup import escape

from codegen import DEFAULT_LAYOUT, FUNCTIONS
from netspec.cli import _stdout_console, engine_option, load_spec, main, replica_options, spec_options
from netspec.spec import OPTIMIZERS
from runtime.build import DEFAULT_BATCH, DEFAULT_OPTIMIZER, build, default_out_dir
from runtime.engines.iree import BACKENDS, resolve_chip

from ._progress import stage_display


# --------------------------------------------------------------------------- the command
def _fmt_bytes(n: int) -> str:
    return f"{n:,} bytes ({n / 2**20:.2f} MiB)" if n >= 2**20 else f"{n:,} bytes"


@main.command(name="compile")
@spec_options
@click.option("--backend", default="cpu", show_default=True, metavar="NAME",
              help="Target: " + ", ".join(BACKENDS) + ".")
@click.option("--chip", default=None, metavar="CHIP",
              help="Target chip (default per backend: "
                   + ", ".join(f"{b.name} {b.default_chip}" for b in BACKENDS.values()) + ").")
@click.option("-o", "--output", "out_dir", default=None, metavar="DIR",
              help="Build directory (default build/<spec name>-<backend>[-<chip>]).")
@click.option("--batch", default=None, metavar="N",
              help=f"Batch size (default: the TrainConfig's batch_size, else {DEFAULT_BATCH}).")
@click.option("--optimizer", default=None, metavar="NAME",
              help="Optimizer of train_step: " + ", ".join(OPTIMIZERS)
                   + f" (default: the TrainConfig's, else {DEFAULT_OPTIMIZER}).")
@click.option("--layout", default=None, metavar="NHWC|NCHW",
              help=f"Activation layout inside the module (default {DEFAULT_LAYOUT.name}).")
@click.option("--image-size", "image_size", default=None, metavar="N",
              help="Override the input height and width with N.")
@click.option("--function", "functions", multiple=True, metavar="NAME",
              help="Compile only this function: " + ", ".join(FUNCTIONS)
                   + " (repeatable; default all).")
@click.option("--iree-flag", "iree_flags", multiple=True, metavar="FLAG",
              help="Extra iree-compile flag, passed verbatim (repeatable), e.g. "
                   "--iree-flag=--iree-opt-level=O3.")
@click.option("--cache-dir", "cache_dir", default=None, metavar="DIR",
              help="Compile cache (default $NETSPEC_CACHE_DIR, else ~/.cache/netspec).")
@engine_option
@replica_options
def compile_cmd(spec_file, spec_name, backend, chip, out_dir, batch, optimizer, layout,
                image_size, functions, iree_flags, cache_dir, engine, replicas, sync_bn):
    """Compile a spec's module with IREE into a build directory.

    Writes <name>.mlir, <name>.vmfb, compile_command.txt and manifest.json into DIR
    (atomically: a failure leaves DIR as it was).  Compiles are cached by content.
    """
    spec, config = load_spec(spec_file, spec_name)
    if engine == "iree":
        backend = resolve_chip(backend, chip)[0].name
    out = Path(out_dir) if out_dir else default_out_dir(spec.name, backend, chip)
    console = _stdout_console()
    # the stages as they start (a live line on a terminal) go with the summary on stdout, so
    # that a failed compile's stderr is its error message alone
    with stage_display(console) as progress:
        b = build(spec, config, backend=backend, chip=chip, batch=batch, optimizer=optimizer,
                  functions=functions, layout=layout, image_size=image_size,
                  extra_flags=iree_flags, cache_dir=cache_dir, out_dir=out,
                  spec_file=spec_file, progress=progress, engine=engine, replicas=replicas,
                  sync_bn=sync_bn)
    res, m = b.result, b.manifest
    how = (f"cache hit ({1000 * res.seconds:.0f} ms)" if res.cache_hit
           else f"compiled in {res.seconds:.1f} s")
    s = b.plan.spec
    rows = [
        ("target", f"{res.backend} ({res.chip}), runs on driver {res.driver}; "
                   + (f"IREE {m['iree_compiler']}" if m["engine"] == "iree" else m["engine_version"])
                   + (f"; extra flags {' '.join(m['extra_flags'])}" if m["extra_flags"] else "")
                   + (f"; {m['replicas']} replicas of batch {m['replica_batch']}"
                      f"{' (sync BN)' if m['sync_bn'] else ''}" if m["replicas"] > 1 else "")),
        ("functions", f"{', '.join(b.plan.functions)} — {s.name} {s.image_h}x{s.image_w}x"
                      f"{s.in_channels}, batch {b.plan.batch}, {b.plan.optimizer}, "
                      f"{b.plan.layout.name}"),
        ("MLIR", _fmt_bytes(m["mlir_bytes"])),
        ("vmfb" if m["engine"] == "iree" else "module", _fmt_bytes(m["vmfb_bytes"])),
        ("compile", how),
        ("output", f"{out}{os.sep}"),
    ]
    width = max(len(k) for k, _ in rows)
    for k, v in rows:
        console.print(f"[bold]{k:<{width}}[/bold]  {escape(v)}", highlight=False,
                      soft_wrap=True)


compile = compile_cmd   # noqa: A001 - cli.NetspecGroup also finds a command by its name
