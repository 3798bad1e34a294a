"""``netspec train`` / ``eval`` / ``predict`` end to end on a tiny spec and a synthetic .npz
data set, compiled and run through IREE on the CPU (issues 5 and 6).

The data: three classes of 12x12 grayscale images — horizontal stripes, vertical stripes and a
checkerboard at random phase, plus noise — easy enough that a few epochs must learn them.
"""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import numpy as np
import pytest
from click.testing import CliRunner

from netspec.cli import main
from runtime.checkpoint import load_checkpoint

SPEC_SRC = textwrap.dedent("""
    from netspec import NetSpec, TrainConfig, convBn, dense, dropout, globalAvgPool, mbConv
    spec = NetSpec("TrainTiny", 12, 12, in_channels=1, layers=[
        convBn(1, 8, 3, 2, act="swish"),
        mbConv(8, 8, 2, 3, 1, 1, True),
        globalAvgPool(),
        dropout(0.2),
        dense(8, 3),
    ])
    config = TrainConfig(learning_rate=2e-2, batch_size=16, epochs=EPOCHS, optimizer="adam",
                         warmup_epochs=0.5, label_smoothing=0.1, weight_decay=1e-4,
                         default_data=DATA)
""")


def make_npz(path: Path, n_train=96, n_val=30, size=12, seed=0):
    rng = np.random.default_rng(seed)
    yy, xx = np.mgrid[0:size, 0:size]

    def images(n):
        labels = np.arange(n) % 3
        rng.shuffle(labels)
        out = np.empty((n, size, size), np.uint8)
        for i, c in enumerate(labels):
            ph = rng.integers(0, 2)
            pat = [(yy + ph) % 2, (xx + ph) % 2, (yy + xx + ph) % 2][c].astype(np.float64)
            img = 60 + 130 * pat + rng.normal(0, 25, (size, size))
            out[i] = np.clip(img, 0, 255).astype(np.uint8)
        return out, labels.astype(np.int64)

    xt, yt = images(n_train)
    xv, yv = images(n_val)
    np.savez(path, x_train=xt, y_train=yt, x_val=xv, y_val=yv,
             classes=np.array(["hstripes", "vstripes", "checker"]))
    return path


@pytest.fixture(scope="module")
def workdir(tmp_path_factory):
    d = tmp_path_factory.mktemp("train")
    make_npz(d / "data.npz")
    return d


def spec_file(workdir: Path, epochs=4, name="tiny.py") -> Path:
    p = workdir / name
    p.write_text(SPEC_SRC.replace("EPOCHS", str(epochs)).replace("DATA", repr(str(workdir / "data.npz"))))
    return p


def cli(*args, cache_dir):
    r = CliRunner().invoke(main, [*map(str, args), "--cache-dir", cache_dir])
    return r


def steps(run_dir: Path) -> list[dict]:
    recs = [json.loads(l) for l in (run_dir / "metrics.jsonl").read_text().splitlines()]
    return [r for r in recs if r["kind"] == "step"]


def epochs_of(run_dir: Path) -> list[dict]:
    recs = [json.loads(l) for l in (run_dir / "metrics.jsonl").read_text().splitlines()]
    return [r for r in recs if r["kind"] == "epoch"]


def tiny_session(workdir, cache_dir):
    """(spec, config, Session) of the tiny spec, freshly initialised (seed 0)."""
    from runtime.build import build
    from netspec.loader import load_spec_file
    from runtime.session import open_session

    spec, config, _ = load_spec_file(str(spec_file(workdir)), None)
    built = build(spec, config, batch=16, functions=("predict", "train_step"),
                  cache_dir=cache_dir)
    s = open_session(built, optimizer="adam")
    s.init_state(0)
    return spec, config, s


@pytest.fixture(scope="module")
def full_run(workdir, cache_dir):
    """The uninterrupted reference run: 4 epochs x 6 steps."""
    out = workdir / "full"
    r = cli("train", spec_file(workdir), "--out", out, cache_dir=cache_dir)
    assert r.exit_code == 0, r.output
    return out, r.output


def test_training_learns_and_writes_the_run(full_run):
    out, output = full_run
    st = steps(out)
    assert [s["step"] for s in st] == list(range(24))
    first = np.mean([s["loss"] for s in st[:3]])
    last = np.mean([s["loss"] for s in st[-3:]])
    assert last < first - 0.2, (first, last)
    ep = epochs_of(out)
    assert [e["epoch"] for e in ep] == [0, 1, 2, 3]
    assert ep[-1]["val_top1"] >= 0.7, ep        # chance is 1/3
    assert ep[-1]["val_loss"] < ep[0]["val_loss"]
    assert ep[-1]["val_images"] == 30
    assert "final validation accuracy:" in output and "%" in output
    for f in ("run.json", "curves.png", "checkpoints/last.safetensors",
              "checkpoints/best.safetensors", "module/manifest.json"):
        assert (out / f).is_file(), f
    _, man = load_checkpoint(out / "checkpoints" / "last.safetensors")
    assert man["step"] == 24 and man["epochs_evaluated"] == 4
    assert man["data"]["classes"] == ["hstripes", "vstripes", "checker"]
    # the startup summary
    for needle in ("parameters", "BN layers", "MLIR", "batches/epoch   6 train", "schedule"):
        assert needle in output, needle


def test_resume_after_stop_reproduces_losses_exactly(workdir, full_run, cache_dir):
    full, _ = full_run
    out = workdir / "stopped"
    r = cli("train", spec_file(workdir), "--out", out, "--stop-at-step", 8, cache_dir=cache_dir)
    assert r.exit_code == 0, r.output
    assert "resume with" in r.output
    _, man = load_checkpoint(out / "checkpoints" / "last.safetensors")
    assert (man["step"], man["epoch"], man["batch_in_epoch"]) == (8, 1, 2)
    r = cli("train", spec_file(workdir), "--resume", out, cache_dir=cache_dir)
    assert r.exit_code == 0, r.output
    assert "resuming at step 8" in r.output
    a, b = steps(full), steps(out)
    assert [s["step"] for s in b] == list(range(24))   # no step twice, none missing
    assert [s["loss"] for s in a] == [s["loss"] for s in b]   # bit for bit
    assert [e["val_top1"] for e in epochs_of(full)] == [e["val_top1"] for e in epochs_of(out)]
    ta, _ = load_checkpoint(full / "checkpoints" / "last.safetensors")
    tb, _ = load_checkpoint(out / "checkpoints" / "last.safetensors")
    for k in ta:
        np.testing.assert_array_equal(ta[k], tb[k])


@pytest.mark.parametrize("sig, code", [(signal.SIGINT, 130), (signal.SIGTERM, 143)])
def test_signal_saves_checkpoint_and_resume_is_exact(workdir, cache_dir, sig, code):
    """A real process interrupted at an arbitrary point resumes to the uninterrupted losses."""
    sf = spec_file(workdir, epochs=25, name="long.py")   # 150 steps
    ref = workdir / "long-ref"
    if not (ref / "checkpoints" / "last.safetensors").exists():
        r = cli("train", sf, "--out", ref, cache_dir=cache_dir)
        assert r.exit_code == 0, r.output
    out = workdir / f"long-{sig.name}"
    proc = subprocess.Popen(
        [sys.executable, "-c", "from netspec.cli import main; main()", "train", str(sf),
         "--out", str(out), "--cache-dir", cache_dir],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    deadline = time.time() + 120
    while time.time() < deadline:
        m = out / "metrics.jsonl"
        if m.exists() and m.read_text().count('"kind": "step"') >= 20:
            break
        time.sleep(0.02)
    proc.send_signal(sig)
    output, _ = proc.communicate(timeout=120)
    assert proc.returncode == code, output
    assert f"stopped by {sig.name}" in output and "resume with" in output
    _, man = load_checkpoint(out / "checkpoints" / "last.safetensors")
    assert 20 <= man["step"] < 150, man["step"]
    r = cli("train", sf, "--resume", out, cache_dir=cache_dir)
    assert r.exit_code == 0, r.output
    assert [s["loss"] for s in steps(ref)] == [s["loss"] for s in steps(out)]


def test_frozen_parameters_give_the_same_loss(workdir, cache_dir):
    """lr = 0: the same batch gives the same loss however it was produced (workers or not),
    and the loss equals the JAX reference's on the batch the host built."""
    from netspec.state import hyper_vector
    from netspec.reference import Reference
    from runtime.data import Loader, open_dataset

    spec, config, s = tiny_session(workdir, cache_dir)
    p0 = s.state_to_host()["params"]
    splits = open_dataset(str(workdir / "data.npz"), image_hw=(12, 12), channels=1, seed=0)
    batches = []
    for workers in (0, 2):
        with Loader(splits.train, 16, train=True, image_hw=(12, 12), channels=1,
                    mean=splits.mean, std=splits.std, seed=0, workers=workers) as ld:
            batches.append(next(iter(ld.epoch(1))))
    np.testing.assert_array_equal(batches[0].images, batches[1].images)
    hyper = hyper_vector(lr=0.0, step=1, optimizer="adam", label_smoothing=0.1)
    rand = s.rand_for_step(0, 7)
    losses = [s.train_step(b.images, b.labels, hyper, rand).loss for b in batches * 2]
    assert len(set(losses)) == 1, losses
    np.testing.assert_array_equal(s.state_to_host()["params"], p0)
    ref = Reference(spec)
    a = ref.analysis
    ref_loss, _ = ref.loss(a.split(p0), a.split_bn(a.init_bn()), batches[0].images,
                           batches[0].labels, label_smoothing=0.1, rand=rand)
    assert abs(float(ref_loss) - losses[0]) < 1e-5 * max(1.0, abs(losses[0]))


def test_nan_loss_stops_with_a_clear_message(workdir, cache_dir):
    out = workdir / "nan"
    r = cli("train", spec_file(workdir), "--out", out, "--optimizer", "sgd", "--lr", "1e30",
            "--save-every", 1, cache_dir=cache_dir)
    assert r.exit_code == 2, r.output
    assert "the loss is" in r.output and "at step" in r.output
    assert "lower the learning rate" in r.output
    tensors, man = load_checkpoint(out / "checkpoints" / "last.safetensors")
    assert np.isfinite(tensors["params"]).all()
    assert f"(step {man['step']})" in r.output


def test_two_runs_on_one_directory_are_refused(workdir, full_run, cache_dir):
    from runtime.train import RunDir
    busy = RunDir(workdir / "busy")
    busy.lock()
    try:
        r = cli("train", spec_file(workdir), "--out", busy.path, cache_dir=cache_dir)
        assert r.exit_code == 2 and "in use by another netspec train" in r.output, r.output
    finally:
        busy.unlock()
    full, _ = full_run
    r = cli("train", spec_file(workdir), "--out", full, cache_dir=cache_dir)
    assert r.exit_code == 2 and "already holds a run" in r.output and "--resume" in r.output


def test_resume_refuses_other_spec_and_changed_flags(workdir, full_run, cache_dir):
    full, _ = full_run
    r = cli("train", spec_file(workdir), "--resume", full, "--lr", "0.5", cache_dir=cache_dir)
    assert r.exit_code == 2 and "learning_rate" in r.output and "resumed run keeps" in r.output
    other = workdir / "other.py"
    other.write_text(spec_file(workdir).read_text().replace("mbConv(8, 8, 2", "mbConv(8, 8, 3"))
    r = cli("train", other, "--resume", full, cache_dir=cache_dir)
    assert r.exit_code == 2 and "different architecture" in r.output, r.output


def test_eval_and_predict(workdir, full_run, cache_dir, tmp_path):
    full, _ = full_run
    r = cli("eval", spec_file(workdir), "--checkpoint", full, "--out", tmp_path / "ev",
            cache_dir=cache_dir)
    assert r.exit_code == 0, r.output
    ev = json.loads((tmp_path / "ev" / "eval.json").read_text())
    assert ev["images"] == 30 and 0 <= ev["top1"] <= 1 and len(ev["per_class_accuracy"]) == 3
    assert np.array(ev["confusion"]).sum() == 30
    assert (tmp_path / "ev" / "confusion.png").stat().st_size > 1000
    # eval's top-1 equals what training reported for the best epoch
    best = max(e["val_top1"] for e in epochs_of(full))
    assert abs(ev["top1"] - best) < 1e-9
    # predict on image files
    from PIL import Image
    d = np.load(workdir / "data.npz")
    files = []
    for i in range(3):
        f = tmp_path / f"img{i}.png"
        Image.fromarray(d["x_val"][i]).save(f)
        files.append(f)
    r = cli("predict", spec_file(workdir), "--checkpoint", full, *files, cache_dir=cache_dir)
    assert r.exit_code == 0, r.output
    for f in files:
        assert f.name in r.output
    assert "hstripes" in r.output or "vstripes" in r.output or "checker" in r.output


def test_memory_stays_flat_over_hundreds_of_steps(workdir, cache_dir):
    """No per-step growth, measured two ways.

    1. The step loop alone (Session.train_step with device-resident state, 2,000 steps): RSS
       after warm-up may not grow by 2 MiB (measured: about 0.1 MiB).
    2. ``netspec train`` for 300 steps (50 epochs x 6) with two data worker processes: the
       workers may not grow by 3 MiB over the second half.  The trainer process grows by
       ~30 MiB over the first ~20 epochs and then plateaus: that is the allocator plus
       matplotlib redrawing curves.png each epoch (measured: a loop that only plots shows the
       same curve).  Its bound over the second half (150 steps) is 8 MiB, ~50 KiB per step,
       while a leaked batch or state buffer at real sizes would be megabytes per step."""
    from runtime.schedule import hyper_for_step
    from runtime.train import rss_mb

    spec, config, s = tiny_session(workdir, cache_dir)
    rng = np.random.default_rng(0)
    x = rng.standard_normal((16, 12, 12, 1)).astype(np.float32)
    y = (np.arange(16) % 3).astype(np.int32)
    rss = []
    for i in range(2000):
        s.train_step(x, y, hyper_for_step(config, spec, i, 6), s.rand_for_step(0, i))
        if i % 100 == 99:
            rss.append(rss_mb())
    print(f"step loop RSS {rss[1]:.1f} -> max {max(rss[1:]):.1f} MiB over 1,800 steps")
    assert max(rss[1:]) - rss[1] < 2.0, rss

    out = workdir / "rss"
    r = cli("train", spec_file(workdir, epochs=50, name="rss.py"), "--out", out,
            "--workers", 2, cache_dir=cache_dir)
    assert r.exit_code == 0, r.output
    ep = epochs_of(out)
    main_rss = [e["rss_mb"] for e in ep]
    worker_rss = [e["rss_workers_mb"] for e in ep]
    assert all(w > 0 for w in worker_rss), worker_rss       # the workers were measured
    warm = len(ep) // 2
    growth = max(main_rss[warm:]) - main_rss[warm]
    wgrowth = max(worker_rss[warm:]) - worker_rss[warm]
    print(f"RSS trainer {main_rss[warm]:.1f} -> max {max(main_rss[warm:]):.1f} MiB, "
          f"workers {worker_rss[warm]:.1f} -> max {max(worker_rss[warm:]):.1f} MiB "
          f"over {len(steps(out))} steps")
    assert growth < 8.0, main_rss
    assert wgrowth < 3.0, worker_rss


BIG_SRC = textwrap.dedent("""
    from netspec import NetSpec, TrainConfig, convBn, dense, globalAvgPool
    spec = NetSpec("TrainWide", 12, 12, in_channels=1, layers=[
        convBn(1, 64, 3, 2), convBn(64, 1024, 1, 1), globalAvgPool(), dense(1024, 3)])
    config = TrainConfig(learning_rate=1e-3, batch_size=16, epochs=2, default_data=DATA)
""")


def test_full_disk_during_checkpoint_fails_clearly(workdir, cache_dir):
    """The run resumes under a 400 KB file-size limit (RLIMIT_FSIZE, standing in for a full
    disk: every other file of the run stays below it, the 850 KB checkpoint does not).  The
    epoch-end checkpoint fails: exit 2, a message saying so, and the previous checkpoint
    still loads."""
    sf = workdir / "wide.py"
    sf.write_text(BIG_SRC.replace("DATA", repr(str(workdir / "data.npz"))))
    out = workdir / "wide"
    r = cli("train", sf, "--out", out, "--stop-at-step", 3, cache_dir=cache_dir)
    assert r.exit_code == 0, r.output
    last = out / "checkpoints" / "last.safetensors"
    assert last.stat().st_size > 800_000
    before = last.read_bytes()
    limit = 400_000

    def limited():
        import resource
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    proc = subprocess.run(
        [sys.executable, "-c", "from netspec.cli import main; main()", "train", str(sf),
         "--resume", str(out), "--cache-dir", cache_dir],
        capture_output=True, text=True, preexec_fn=limited, timeout=300)
    assert proc.returncode == 2, proc.stdout + proc.stderr
    err = proc.stderr
    assert "could not write checkpoint" in err and "full" in err and "intact" in err, err
    assert "Traceback" not in err
    assert last.read_bytes() == before
    _, man = load_checkpoint(last)
    assert man["step"] == 3
    assert not list(last.parent.glob(".*.tmp"))


def test_imagefolder_with_a_corrupt_jpeg_trains_and_warns(tmp_path, cache_dir):
    """The ImageFolder path end to end (JPEG decode in worker processes, RGB, augmentation):
    a corrupt JPEG is replaced and reported, the run finishes; a missing --data is an error."""
    from PIL import Image
    rng = np.random.default_rng(0)
    colours = {"red": (200, 30, 30), "green": (30, 200, 30), "blue": (30, 30, 200)}
    for split, n in (("train", 16), ("val", 4)):
        for name, c in colours.items():
            d = tmp_path / "data" / split / name
            d.mkdir(parents=True)
            for i in range(n):
                img = np.clip(np.array(c) + rng.normal(0, 20, (20, 24, 3)), 0, 255)
                Image.fromarray(img.astype(np.uint8)).save(d / f"{i}.jpg", quality=90)
    (tmp_path / "data" / "train" / "red" / "broken.jpg").write_bytes(b"\xff\xd8\xff\xe0 not a jpeg")
    sf = tmp_path / "rgb.py"
    sf.write_text(textwrap.dedent("""
        from netspec import NetSpec, TrainConfig, convBn, dense, globalAvgPool
        spec = NetSpec("RGBTiny", 16, 16, layers=[convBn(3, 8, 3, 2), globalAvgPool(), dense(8, 3)])
        config = TrainConfig(learning_rate=1e-2, batch_size=8, epochs=2, augment=True)
    """))
    r = cli("train", sf, "--data", tmp_path / "data", "--out", tmp_path / "run", "--workers", 2,
            cache_dir=cache_dir)
    assert r.exit_code == 0, r.output
    assert "unreadable image" in r.output
    ep = epochs_of(tmp_path / "run")
    assert len(ep) == 2 and ep[-1]["val_images"] == 12 and ep[-1]["skipped_images"] >= 1
    r = cli("train", sf, "--data", tmp_path / "nope", "--out", tmp_path / "run2",
            cache_dir=cache_dir)
    assert r.exit_code == 2 and "nope" in r.output and "Traceback" not in r.output
    assert not (tmp_path / "run2").exists()      # nothing written for a run that never began


def test_unsupported_knob_and_class_mismatch_are_refused(workdir, cache_dir, tmp_path):
    # (EMA, once refused here, is implemented: tests/test_ema_clip.py); a knob that
    # contradicts another is refused before anything is compiled
    r = cli("train", spec_file(workdir), "--best-on", "ema_val_top1", "--out", tmp_path / "r1",
            cache_dir=cache_dir)
    assert r.exit_code == 2 and "--best-on ema_val_top1" in r.output and "EMA is off" in r.output, r.output
    assert not (tmp_path / "r1").exists()
    four = tmp_path / "four.py"
    four.write_text(spec_file(workdir).read_text().replace("dense(8, 3)", "dense(8, 4)"))
    r = cli("train", four, "--out", tmp_path / "r2", cache_dir=cache_dir)
    assert r.exit_code == 2 and "has 3 classes" in r.output and "4 outputs" in r.output
    assert "layer 4 (dense)" in r.output, r.output


def test_bad_images_are_named_once_listed_and_kept_on_resume(tmp_path, cache_dir):
    """Issue 18: a truncated JPEG and a text file named .jpg in train/, a truncated JPEG in
    val/.  Over 3 epochs (stopped in epoch 2, resumed) each file is named once, with a plain
    reason (not libjpeg's message); the epoch lines do not repeat a count of substitutions;
    bad_images.txt lists the files (path<TAB>reason) and survives the resume; eval names the
    val file once."""
    from PIL import Image
    rng = np.random.default_rng(1)
    data = tmp_path / "data"
    colours = {"red": (200, 30, 30), "green": (30, 200, 30), "blue": (30, 30, 200)}
    for split, n in (("train", 8), ("val", 2)):
        for name, c in colours.items():
            d = data / split / name
            d.mkdir(parents=True)
            for i in range(n - (split == "train" and name != "red")):
                img = np.clip(np.array(c) + rng.normal(0, 20, (20, 24, 3)), 0, 255)
                Image.fromarray(img.astype(np.uint8)).save(d / f"{i}.jpg", quality=90)
    good = (data / "train" / "red" / "0.jpg").read_bytes()
    truncated = data / "train" / "red" / "cut.jpg"
    truncated.write_bytes(good[:len(good) // 2])
    text = data / "train" / "green" / "notes.jpg"
    text.write_text("this is text, not a JPEG\n")
    val_bad = data / "val" / "blue" / "cut.jpg"
    val_bad.write_bytes(good[:len(good) // 3])                 # 24 train (3 batches), 7 val
    sf = tmp_path / "rgb.py"
    sf.write_text(textwrap.dedent("""
        from netspec import NetSpec, TrainConfig, convBn, dense, globalAvgPool
        spec = NetSpec("RGBTiny", 16, 16, layers=[convBn(3, 8, 3, 2), globalAvgPool(), dense(8, 3)])
        config = TrainConfig(learning_rate=1e-2, batch_size=8, epochs=3, augment=True)
    """))
    out = tmp_path / "run"
    r = cli("train", sf, "--data", data, "--out", out, "--workers", 2, "--stop-at-step", 4,
            cache_dir=cache_dir)
    assert r.exit_code == 0, r.output
    expect = {str(truncated): "truncated JPEG", str(text): "not an image file (it holds text)",
              str(val_bad): "truncated JPEG"}
    warnings_ = [l for l in r.output.splitlines() if l.startswith("warning:")]
    assert len(warnings_) == 3, r.output
    for path, reason in expect.items():
        assert sum(path in l for l in warnings_) == 1, (path, warnings_)
        assert any(f"{path}: {reason};" in l for l in warnings_), (path, warnings_)
    assert "Premature end" not in r.output and "tjDecompress" not in r.output
    assert r.output.count("unreadable image file(s) so far") == 1      # epoch 1 only
    assert f"3 unreadable image file(s) so far" in r.output and "bad_images.txt" in r.output
    listed = [l.split("\t") for l in (out / "bad_images.txt").read_text().splitlines()]
    assert dict(listed) == expect and len(listed) == 3

    r = cli("train", sf, "--resume", out, "--workers", 2, cache_dir=cache_dir)
    assert r.exit_code == 0, r.output
    assert not [l for l in r.output.splitlines() if l.startswith("warning:")], r.output
    assert r.output.count("3 unreadable image file(s) so far") == 1     # a reminder, once
    listed = [l.split("\t") for l in (out / "bad_images.txt").read_text().splitlines()]
    assert dict(listed) == expect
    ep = epochs_of(out)
    assert [e["epoch"] for e in ep] == [0, 1, 2] and ep[-1]["bad_images"] == 3

    r = cli("eval", "--checkpoint", out, "--out", tmp_path / "ev", cache_dir=cache_dir)
    assert r.exit_code == 0, r.output
    assert r.output.count(str(val_bad)) == 1 and "truncated JPEG" in r.output, r.output
    assert "1 unreadable image file(s)" in r.output
    ev = json.loads((tmp_path / "ev" / "eval.json").read_text())
    assert ev["bad_images"] == [{"path": str(val_bad), "reason": "truncated JPEG"}]
