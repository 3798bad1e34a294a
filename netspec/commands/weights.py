"""``netspec weights``: pretrained weights in and out (torchvision / timm state dicts).

    netspec weights import SPEC.py FILE --from torchvision|timm [-o OUT] [--classes FILE]
                           [--arch NAME] [--spec NAME]
    netspec weights export [SPEC.py] RUN_DIR|CKPT --to torchvision|timm -o FILE.safetensors
                           [--checkpoint-kind best|last] [--weights ema|raw] [--arch NAME]

``import`` writes a netspec checkpoint (parameters + BN statistics) that ``netspec predict
SPEC.py --checkpoint OUT`` and ``netspec eval`` load; ``export`` writes a safetensors state dict
that the real model loads with ``load_state_dict(strict=True)``.  The mapping and layouts:
``runtime.weights`` and docs/weights.md.
"""

from __future__ import annotations

from pathlib import Path

import click
from rich.console import Console
from rich.markup import escape

from netspec.cli import load_spec, main

SCHEMES = ("torchvision", "timm")   # runtime.weights.SCHEMES (the kinds' TORCH_SCHEMES)


@main.group()
def weights():
    """Import torchvision / timm weights into a netspec checkpoint, or export one back."""


def _print(summary: dict, verb: str) -> None:
    c = Console(highlight=False, soft_wrap=True)
    c.print(f"{verb} {summary['keys']} tensors -> {escape(summary['out'])}")
    for n in summary["notes"]:
        c.print(f"[dim]note:[/dim] {escape(n)}")


@weights.command("import")
@click.argument("spec_file", metavar="SPEC.py")
@click.argument("file", metavar="FILE")
@click.option("--from", "scheme", type=click.Choice(SCHEMES), required=True,
              help="The naming of FILE's state dict.")
@click.option("-o", "--out", default=None, metavar="OUT",
              help="The netspec checkpoint to write (default: FILE's name + .netspec.safetensors).")
@click.option("--spec", "spec_name", metavar="NAME", default=None,
              help="Which NetSpec of the file (variable name or NetSpec name).")
@click.option("--classes", "classes_file", default=None, metavar="FILE",
              help="Class names, one per line, stored in the checkpoint (default: 0..K-1).")
@click.option("--arch", default=None, metavar="NAME",
              help="Build this model class of the library (random init, no download) to check "
                   "its BatchNorm eps/momentum and key set against SPEC.py.")
def import_(spec_file, file, scheme, out, spec_name, classes_file, arch):
    """Read a torchvision / timm state dict (safetensors; a .pth through
    torch.load(weights_only=True)) into a netspec checkpoint."""
    from netspec.errors import ConfigError
    from runtime.weights import import_file

    spec, _ = load_spec(spec_file, spec_name)
    classes = None
    if classes_file is not None:
        try:
            classes = [l.strip() for l in Path(classes_file).read_text().splitlines() if l.strip()]
        except OSError as e:
            raise ConfigError(f"cannot be read: {e.strerror}", where=f"--classes {classes_file}"
                              ) from None
    p = Path(file)
    out = out or str(p.with_name(p.name.rsplit(".", 1)[0] + ".netspec.safetensors"))
    _print(import_file(spec, file, scheme, out, spec_file=spec_file, classes=classes, arch=arch),
           "imported")


@weights.command("export")
@click.argument("paths", nargs=-1, required=True, metavar="[SPEC.py] RUN_DIR|CKPT")
@click.option("--to", "scheme", type=click.Choice(SCHEMES), required=True,
              help="The naming of the state dict to write.")
@click.option("-o", "--out", required=True, metavar="FILE.safetensors",
              help="The safetensors state dict to write (atomically).")
@click.option("--spec", "spec_name", metavar="NAME", default=None,
              help="Which NetSpec of the file (default: the run's).")
@click.option("--checkpoint-kind", "checkpoint_kind", type=click.Choice(["best", "last"]),
              default=None, help="Which checkpoint of a run directory (default: best, else last).")
@click.option("--weights", "which", type=click.Choice(["ema", "raw"]), default=None,
              help="The EMA weights or the raw ones (default: ema when the run has them).")
@click.option("--arch", default=None, metavar="NAME",
              help="Check the state dict against this model class of the library first.")
def export(paths, scheme, out, spec_name, checkpoint_kind, which, arch):
    """Write a run's (or a checkpoint's) weights as a torchvision / timm state dict."""
    from netspec.errors import ConfigError
    from runtime.inference import WEIGHTS, open_checkpoint, resolve_weights
    from runtime.weights import export_file

    args = list(paths)
    spec_file = args.pop(0) if args[0].lower().endswith(".py") else None
    if len(args) != 1:
        raise ConfigError("takes one RUN_DIR or checkpoint file (after an optional SPEC.py)",
                          where="netspec weights export", received=" ".join(paths))
    spec, ck = open_checkpoint(spec_file, spec_name, args[0], kind=checkpoint_kind)
    p_key, bn_key = WEIGHTS[resolve_weights(ck, which)]
    _print(export_file(spec, ck.tensors[p_key], ck.tensors[bn_key], scheme, out,
                       step=int(ck.manifest.get("step") or 0), source=str(ck.path), arch=arch),
           "exported")
