"""The full EfficientNet recipe files train as written (issue 14): ``netspec train
examples/effnet_b0_imagenet.py --data <ImageFolder>`` and the Imagenette recipe
(``examples/effnet_b0_imagenette.py``) start and train through the real CLI, every knob of
their TrainConfig honoured (bf16 with bf16 convolutions, EMA, stochastic depth: none refused),
and write a checkpoint.

Only the sizes are overridden (``--image-size 32 --batch-size 4 --epochs 1``) and the class
count follows a tiny 3-class ImageFolder of JPEGs (``--num-classes 3``); without that flag the
class mismatch is refused, naming the flag.
"""

from __future__ import annotations

import json
import math
import runpy
from pathlib import Path

import numpy as np
import pytest
from click.testing import CliRunner

from netspec.analysis import analyze
from netspec.cli import main
from runtime.checkpoint import load_checkpoint

ROOT = Path(__file__).resolve().parent.parent
RECIPES = {"imagenet": ROOT / "examples" / "effnet_b0_imagenet.py",
           "imagenette": ROOT / "examples" / "effnet_b0_imagenette.py"}
CLASSES = ("cat", "dog", "fish")
TRAIN_PER_CLASS, VAL_PER_CLASS = 4, 2
SIZE, BATCH = 32, 4


def invoke(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    """train/<class>/*.jpg and val/<class>/*.jpg: 3 classes of small colour-tinted JPEGs."""
    from PIL import Image
    root = tmp_path_factory.mktemp("recipe") / "folder"
    rng = np.random.default_rng(0)
    for split, n in (("train", TRAIN_PER_CLASS), ("val", VAL_PER_CLASS)):
        for c, name in enumerate(CLASSES):
            d = root / split / name
            d.mkdir(parents=True)
            for i in range(n):
                img = rng.normal(60, 25, (40, 48, 3))
                img[..., c] += 120                    # the class is the dominant channel
                Image.fromarray(np.clip(img, 0, 255).astype(np.uint8)).save(d / f"{i}.jpg",
                                                                            quality=90)
    return root


def test_class_mismatch_is_refused_naming_the_flag(folder, tmp_path):
    out = tmp_path / "run"
    r = invoke("train", RECIPES["imagenet"], "--data", folder, "--image-size", SIZE,
               "--batch-size", BATCH, "--epochs", 1, "--warmup-epochs", 0, "--out", out)
    assert r.exit_code == 2, r.output
    assert "has 3 classes, but the spec's classifier" in r.stderr and "1000 outputs" in r.stderr
    assert "--num-classes 3" in r.stderr and "Traceback" not in r.output
    r = invoke("train", RECIPES["imagenet"], "--num-classes", 0, "--out", out)
    assert r.exit_code == 2 and r.stderr.startswith("error: --num-classes: must be a positive")


def test_with_num_classes_sets_the_classifier_only():
    spec = runpy.run_path(str(RECIPES["imagenet"]))["spec"]
    three = spec.with_num_classes(3)
    assert analyze(three).num_classes == 3 and analyze(spec).num_classes == 1000
    assert three.layers[:-1] == spec.layers[:-1]
    assert (three.layers[-1].ic, three.layers[-1].oc) == (1280, 3)
    assert spec.with_num_classes(1000) is spec


@pytest.mark.slow
@pytest.mark.parametrize("recipe", sorted(RECIPES))
def test_recipe_trains_on_an_image_folder(recipe, folder, tmp_path, cache_dir):
    path = RECIPES[recipe]
    config = runpy.run_path(str(path))["config"]
    # the knobs this test is about are on in the recipe file itself (no flag turns them on)
    assert config.bf16 and config.bf16_conv and config.ema and config.drop_path == 0.2
    out = tmp_path / "run"
    # sizes only: 1 epoch of 12 images at batch 4 = 3 steps; warm-up half of it (5 epochs of
    # warm-up in a 1-epoch run is refused); the ImageNet recipe's lr 0.1 (for batch 256)
    # scaled to batch 4 would be 0.0016 — 0.01 keeps the raw weights from diverging
    args = ["--data", folder, "--num-classes", len(CLASSES), "--image-size", SIZE,
            "--batch-size", BATCH, "--epochs", 1, "--warmup-epochs", 0.5, "--workers", 0,
            "--cache-dir", cache_dir, "--out", out]
    if recipe == "imagenet":
        args += ["--lr", 0.01]
    r = invoke("train", path, *args)
    assert r.exit_code == 0, r.output
    assert "refus" not in r.output.lower() and "not supported" not in r.output.lower()

    # the module: bf16 with bf16 convolutions, EMA rows, the stochastic-depth columns
    man = json.loads((out / "module" / "manifest.json").read_text())
    assert man["precision"] == "bf16" and man["ema"] is True and man["drop_path"] == 0.2
    assert man["classes"] == 3 and man["image_size"] == [SIZE, SIZE] and man["batch"] == BATCH
    assert man["optimizer"] == config.optimizer
    args_ = {a["name"]: a for a in man["functions"]["train_step"]["args"]}
    assert {"ema_params", "ema_bn"} <= set(args_)
    spec = runpy.run_path(str(path))["spec"].with_num_classes(3).with_(image_h=SIZE,
                                                                        image_w=SIZE)
    dropping = analyze(spec, drop_path=0.2)
    n_drop = len(dropping.drop_blocks)
    assert n_drop == 9     # B0's residual MBConv blocks: 16 blocks - 7 stage openers
    assert args_["rand"]["shape"] == [BATCH, analyze(spec).rand_width + n_drop]
    mlir = (out / "module" / man["files"]["mlir"]).read_text()
    assert "xbf16>" in mlir            # bf16 tensors in the emitted text
    assert "func.func @predict" in mlir

    # it trained: 3 finite steps, one evaluated epoch with raw and EMA top-1
    recs = [json.loads(l) for l in (out / "metrics.jsonl").read_text().splitlines()]
    steps = [r for r in recs if r["kind"] == "step"]
    epochs = [r for r in recs if r["kind"] == "epoch"]
    assert [s["step"] for s in steps] == [0, 1, 2]
    assert all(math.isfinite(s["loss"]) for s in steps)
    assert len(epochs) == 1 and epochs[0]["val_images"] == 3 * VAL_PER_CLASS
    assert "val_top1" in epochs[0] and "ema_val_top1" in epochs[0]

    # the checkpoint: float32 master weights next to the EMA buffers; the config as trained
    tensors, ck = load_checkpoint(out / "checkpoints" / "last.safetensors")
    assert ck["step"] == 3 and ck["best_on"] == "ema_val_top1"
    n = analyze(spec).n_params
    for key in ("params", "ema"):
        assert tensors[key].dtype == np.float32 and tensors[key].shape == (n,), key
    assert not np.array_equal(tensors["params"], tensors["ema"])
    stored = ck["config"]
    assert stored["bf16"] and stored["bf16_conv"] and stored["ema"]
    assert stored["drop_path"] == 0.2 and stored["ema_decay"] == config.ema_decay
    assert (out / "checkpoints" / "best.safetensors").is_file()
    # the network as trained is recorded (runtime.spec_overrides) for every later reader
    assert ck["spec_overrides"] == {"image_size": SIZE, "num_classes": len(CLASSES)}
    assert json.loads((out / "run.json").read_text())["spec_overrides"] == ck["spec_overrides"]
    if recipe == "imagenette":
        _readers_rebuild_the_network_as_trained(path, folder, out, cache_dir)


def _readers_rebuild_the_network_as_trained(path, folder, out, cache_dir):
    """eval, predict and --resume of a run trained with --num-classes / --image-size build the
    3-class 32-px network again from the 1000-class 224-px spec file, without the flags."""
    r = invoke("eval", "--checkpoint", out, "--data", folder, "--workers", 0,
               "--cache-dir", cache_dir)
    assert r.exit_code == 0, r.output
    assert f"({3 * VAL_PER_CLASS} images)" in r.output, r.output
    image = next((folder / "val" / CLASSES[0]).glob("*.jpg"))
    r = invoke("predict", path, image, "--checkpoint", out, "--json", "--top", 3,
               "--cache-dir", cache_dir)
    assert r.exit_code == 0, r.output
    assert set(CLASSES) == {c["class"] for c in json.loads(r.stdout)[0]["top"]}, r.stdout
    r = invoke("train", path, "--resume", out, "--epochs", 2, "--data", folder, "--workers", 0,
               "--cache-dir", cache_dir)
    assert r.exit_code == 0, r.output
    _, ck = load_checkpoint(out / "checkpoints" / "last.safetensors")
    assert ck["step"] == 6 and ck["spec_overrides"]["num_classes"] == len(CLASSES)


#: Every knob of the full recipe on examples/demo_digits.py (DigitsNet, the embedded 8x8
#: digits upscaled to 32x32; its spec has dropout 0.1 and label smoothing 0.1 already).
#: RandAugment at magnitude 5, not timm's 9: at m9 the translate ops shift up to 40% of the
#: frame (TRANSLATE_PCT 0.45 * 9/10) and rotate up to 27 degrees, enough to push a digit that
#: fills its frame partly outside it; m5 keeps shifts to 22% and rotations to 15 degrees.
#: EMA decay 0.999 with the TF warm-up: in 176 steps the warm-up min(d, (1+t)/(10+t)) is the
#: binding decay throughout (it reaches 0.999 only at t = 8991).
FULL_RECIPE = ["--bf16", "--bf16-conv", "--ema", "--ema-decay", 0.999, "--ema-warmup",
               "--drop-path", 0.2, "--label-smoothing", 0.1, "--randaugment", "rand-m5-mstd0.5",
               "--mixup", 0.2, "--cutmix", 1.0, "--reprob", 0.25, "--warmup-epochs", 1,
               "--lr-schedule", "cosine", "--clip-grad-norm", 1.0]


@pytest.mark.slow
def test_full_recipe_converges_on_the_embedded_digits(tmp_path, cache_dir):
    """The demo's 8 epochs (176 steps, Adam 3e-3) with every recipe knob on.  Measured on this
    2-core machine (`netspec train examples/demo_digits.py` + FULL_RECIPE, 2026-12-03): val
    top-1 92.22% raw and 92.22% EMA after epoch 8 (91.39 / 91.39% after epoch 6, 92.50 /
    92.22% after epoch 7), 1m45s wall with a 31 s compile while other jobs loaded the machine.
    Chance is 10%.  The bound, 85% for both, sits 7 points under the measurement: the run is
    deterministic on one machine, and the last three epochs moved by 1.1 points, so 7 points
    covers another CPU's bf16 kernels and summation order without letting a broken knob
    (a run that stalls near chance, or an EMA that lags like epoch 2's 10%) pass."""
    out = tmp_path / "run"
    r = invoke("train", ROOT / "examples" / "demo_digits.py", *FULL_RECIPE, "--workers", 0,
               "--cache-dir", cache_dir, "--out", out)
    assert r.exit_code == 0, r.output
    man = json.loads((out / "module" / "manifest.json").read_text())
    assert man["precision"] == "bf16" and man["ema"] and man["clip_grad"]
    assert man["drop_path"] == 0.2
    cfg = json.loads((out / "run.json").read_text())["config"]
    assert cfg["randaugment"] == "rand-m5-mstd0.5" and cfg["mixup_alpha"] == 0.2
    assert cfg["cutmix_alpha"] == 1.0 and cfg["random_erasing"] == 0.25
    recs = [json.loads(l) for l in (out / "metrics.jsonl").read_text().splitlines()]
    epochs = [r for r in recs if r["kind"] == "epoch"]
    assert len(epochs) == 8
    last = epochs[-1]
    assert last["val_top1"] >= 0.85, [e["val_top1"] for e in epochs]
    assert last["ema_val_top1"] >= 0.85, [e["ema_val_top1"] for e in epochs]
    assert last["train_loss"] < epochs[0]["train_loss"]
