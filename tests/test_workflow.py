"""The run workflow (issue 18): train -> eval RUN_DIR (no spec argument) -> predict on files,
folders and globs -> resume of a finished run, which says it is complete."""

from __future__ import annotations

import json
import shutil

import numpy as np
import pytest
from PIL import Image

from .test_train import cli, epochs_of, make_npz, spec_file, steps


@pytest.fixture(scope="module")
def run(tmp_path_factory, cache_dir):
    """A finished 2-epoch run of the tiny spec, and a folder of images for predict."""
    work = tmp_path_factory.mktemp("workflow")
    make_npz(work / "data.npz")
    sf = spec_file(work, epochs=2)
    out = work / "runs" / "tiny"
    r = cli("train", sf, "--out", out, cache_dir=cache_dir)
    assert r.exit_code == 0, r.output
    d = np.load(work / "data.npz")
    imgs = work / "imgs"
    (imgs / "more").mkdir(parents=True)
    for i in range(3):
        Image.fromarray(d["x_val"][i]).save(imgs / f"val{i}.png")
    Image.fromarray(d["x_val"][3]).save(imgs / "more" / "val3.png")
    (imgs / "notes.txt").write_text("not an image\n")
    (imgs / "broken.png").write_bytes(b"\x89PNG\r\n\x1a\n cut here")
    return work, sf, out, imgs


def test_eval_takes_a_run_directory_alone(run, cache_dir, tmp_path):
    work, sf, out, _ = run
    r = cli("eval", "--checkpoint", out, "--out", tmp_path / "ev", cache_dir=cache_dir)
    assert r.exit_code == 0, r.output
    best = max(e["val_top1"] for e in epochs_of(out))
    assert f"checkpoint  {out / 'checkpoints' / 'best.safetensors'} (best: step 12, epoch 2/2; " \
           f"val top-1 {100 * best:.2f}%)" in r.output, r.output
    assert "TrainTiny" in r.output and "from run.json" in r.output
    ev = json.loads((tmp_path / "ev" / "eval.json").read_text())
    assert ev["checkpoint_kind"] == "best" and abs(ev["top1"] - best) < 1e-9
    # --checkpoint-kind last: the last checkpoint, its own top-1 (the last epoch's)
    r = cli("eval", "--checkpoint", out, "--checkpoint-kind", "last", "--out", tmp_path / "ev2",
            cache_dir=cache_dir)
    assert r.exit_code == 0, r.output
    last = epochs_of(out)[-1]["val_top1"]
    assert f"last.safetensors (last: step 12, epoch 2/2; val top-1 {100 * last:.2f}%)" in r.output
    ev = json.loads((tmp_path / "ev2" / "eval.json").read_text())
    assert ev["checkpoint"].endswith("last.safetensors") and abs(ev["top1"] - last) < 1e-9


def test_eval_without_spec_errors_name_the_problem(run, cache_dir, tmp_path):
    work, sf, out, _ = run
    moved = tmp_path / "moved"
    shutil.copytree(out, moved)
    info = json.loads((moved / "run.json").read_text())
    info["spec_path"] = str(tmp_path / "gone" / "tiny.py")
    info["spec_file"] = "gone/tiny.py"
    (moved / "run.json").write_text(json.dumps(info))
    r = cli("eval", "--checkpoint", moved, cache_dir=cache_dir)
    assert r.exit_code == 2 and "Traceback" not in r.output
    assert f"spec file {tmp_path / 'gone' / 'tiny.py'}" in r.output and "no longer exists" in r.output
    assert "run.json" in r.output and "pass SPEC.py" in r.output
    # ... and with the spec given explicitly the same run evaluates
    r = cli("eval", sf, "--checkpoint", moved, "--out", tmp_path / "ev", cache_dir=cache_dir)
    assert r.exit_code == 0, r.output
    lone = tmp_path / "lone.safetensors"
    shutil.copy(out / "checkpoints" / "last.safetensors", lone)
    r = cli("eval", "--checkpoint", lone, cache_dir=cache_dir)
    assert r.exit_code == 2 and "SPEC.py is required" in r.output and str(lone) in r.output
    r = cli("eval", sf, "--checkpoint", lone, "--checkpoint-kind", "best", cache_dir=cache_dir)
    assert r.exit_code == 2 and "--checkpoint-kind best" in r.output and "run directory" in r.output
    stopped = tmp_path / "nobest"
    shutil.copytree(out, stopped)
    (stopped / "checkpoints" / "best.safetensors").unlink()
    r = cli("eval", "--checkpoint", stopped, "--checkpoint-kind", "best", cache_dir=cache_dir)
    assert r.exit_code == 2 and "no best checkpoint" in r.output and "Traceback" not in r.output


def test_predict_on_a_folder_and_a_glob(run, cache_dir):
    work, sf, out, imgs = run
    r = cli("predict", "--checkpoint", out, imgs, "--json", cache_dir=cache_dir)
    assert r.exit_code == 0, r.output
    payload = r.stdout[r.stdout.index("["):]
    got = [e["image"] for e in json.loads(payload)]
    assert got == [str(imgs / "more" / "val3.png"), str(imgs / "val0.png"),
                   str(imgs / "val1.png"), str(imgs / "val2.png")]
    assert "skipping" in r.stderr and "broken.png: truncated PNG" in r.stderr
    assert "skipped 1 file(s) that are not images" in r.stderr
    assert "checkpoint  " in r.stderr and "best.safetensors" in r.stderr
    # a quoted glob (no shell here) is expanded by netspec; with SPEC.py given too
    r = cli("predict", sf, "--checkpoint", out, str(imgs / "val*.png"), "--top", 1,
            cache_dir=cache_dir)
    assert r.exit_code == 0, r.output
    for i in range(3):
        assert f"val{i}.png" in r.output
    assert "val3.png" not in r.output and "broken" not in r.output
    r = cli("predict", "--checkpoint", out, str(imgs / "*.jpg"), cache_dir=cache_dir)
    assert r.exit_code == 2 and "no file matches" in r.output and "Traceback" not in r.output
    # a file named explicitly that is unreadable is still an error (after the others)
    r = cli("predict", "--checkpoint", out, imgs / "val0.png", imgs / "notes.txt",
            cache_dir=cache_dir)
    assert r.exit_code == 2 and "val0.png" in r.output
    assert "notes.txt: not an image file (it holds text)" in r.output


def test_resume_of_a_finished_run_says_it_is_complete(run, cache_dir):
    work, sf, out, _ = run
    before = (out / "metrics.jsonl").read_bytes()
    r = cli("train", sf, "--resume", out, cache_dir=cache_dir)
    assert r.exit_code == 0, r.output
    assert f"run {out} is already complete: 2/2 epochs (12 steps) done" in r.output, r.output
    assert "--epochs N (N > 2" in r.output and "nothing to train" in r.output
    assert "final validation accuracy" not in r.output      # nothing ran
    assert (out / "metrics.jsonl").read_bytes() == before
    # with a larger --epochs it resumes as before and trains the extra epoch
    ext = work / "runs" / "extended"
    shutil.copytree(out, ext)
    r = cli("train", sf, "--resume", ext, "--epochs", 3, cache_dir=cache_dir)
    assert r.exit_code == 0, r.output
    assert "already complete" not in r.output
    assert [e["epoch"] for e in epochs_of(ext)] == [0, 1, 2] and len(steps(ext)) == 18
