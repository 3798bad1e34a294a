"""``netspec runs`` (runtime.runs): a finished, a stopped, a running, a failed and a broken
run, and a folder that is not a run, each listed as what it is (issue 18)."""

from __future__ import annotations

import json
import os
import shutil

import pytest
from click.testing import CliRunner

from netspec.cli import main
from runtime.runs import list_runs, read_run
from runtime.train import RunDir, TrainError

from .test_train import cli, make_npz, spec_file


@pytest.fixture(scope="module")
def runs_root(tmp_path_factory, cache_dir):
    """runs/ with: full (2 epochs, finished), stopped (--stop-at-step 4 of 12), live (a copy
    of stopped whose lock the test holds), failed (metrics past its last checkpoint, as after
    a SIGKILL), broken (run.json cut short), notarun (an empty folder)."""
    work = tmp_path_factory.mktemp("runs")
    make_npz(work / "data.npz")
    sf = spec_file(work, epochs=2)
    root = work / "runs"
    r = cli("train", sf, "--out", root / "full", cache_dir=cache_dir)
    assert r.exit_code == 0, r.output
    r = cli("train", sf, "--out", root / "stopped", "--stop-at-step", 4, cache_dir=cache_dir)
    assert r.exit_code == 0, r.output
    shutil.copytree(root / "stopped", root / "live")
    shutil.copytree(root / "full", root / "failed")
    # a run killed during epoch 2: its last checkpoint is epoch 1's, metrics go on to step 9
    (root / "failed" / "checkpoints" / "best.safetensors").unlink()
    man = json.loads((root / "failed" / "checkpoints" / "last.json").read_text())
    man.update(step=6, epochs_evaluated=1, reason="epoch")
    (root / "failed" / "checkpoints" / "last.json").write_text(json.dumps(man))
    recs = [json.loads(l) for l in (root / "failed" / "metrics.jsonl").read_text().splitlines()]
    keep = [x for x in recs if (x["kind"] == "step" and x["step"] < 9)
            or (x["kind"] == "epoch" and x["epoch"] < 1)]
    (root / "failed" / "metrics.jsonl").write_text("".join(json.dumps(x) + "\n" for x in keep))
    shutil.copytree(root / "full", root / "broken")
    text = (root / "broken" / "run.json").read_text()
    (root / "broken" / "run.json").write_text(text[:len(text) // 2])
    (root / "notarun").mkdir()
    (root / "notarun" / "photo.jpg").write_bytes(b"x")
    return root


def test_runs_lists_each_run_with_its_status(runs_root):
    live = RunDir(runs_root / "live")
    live.lock()                     # as the trainer does: an flock held for the whole run
    try:
        res = CliRunner().invoke(main, ["runs", str(runs_root), "--json"])
        assert res.exit_code == 0, res.output
        data = json.loads(res.output)
        table = CliRunner().invoke(main, ["runs", str(runs_root)])
        assert table.exit_code == 0, table.output
        # the probe did not take the lock from its holder: a second trainer is still refused
        with pytest.raises(TrainError, match="in use by another netspec train"):
            RunDir(runs_root / "live").lock()
    finally:
        live.unlock()
    by = {r["name"]: r for r in data["runs"]}
    assert set(by) == {"full", "stopped", "live", "failed", "broken"}
    assert data["skipped"] == [str(runs_root / "notarun")]

    full = by["full"]
    assert full["status"] == "finished" and full["status_text"] == "finished"
    assert (full["step"], full["total_steps"], full["epochs_done"], full["epochs"]) == (12, 12, 2, 2)
    assert full["spec"] == "TrainTiny" and full["spec_file"].endswith("tiny.py")
    assert full["started"] and 0 <= full["best_top1"] <= 1 and 0 <= full["last_top1"] <= 1
    assert full["best_top1"] >= full["last_top1"]

    stopped = by["stopped"]
    assert stopped["status"] == "stopped"
    assert stopped["status_text"] == "stopped at step 4 (stop-at-step)"
    assert (stopped["step"], stopped["total_steps"], stopped["epochs_done"]) == (4, 12, 0)
    assert stopped["best_top1"] is None

    running = by["live"]
    assert running["status"] == "running" and running["pid"] == str(os.getpid())
    assert running["status_text"] == f"running (pid {running['pid']})"

    failed = by["failed"]
    assert failed["status"] == "failed" and failed["step"] == 6 and failed["epochs_done"] == 1
    assert "after step 9" in failed["status_text"] and "step 6" in failed["status_text"]

    broken = by["broken"]
    assert broken["status"] == "broken"
    assert "run.json is not valid JSON" in broken["status_text"]

    out = table.output
    assert "Traceback" not in out
    for needle in ("full", "finished", "stopped at step 4 (stop-at-step)", "running (pid",
                   "step 12/12, epoch 2/2", "step 4/12, epoch 0/2", "TrainTiny",
                   "skipped 1 folder(s) that are not runs: notarun", "broken: run.json"):
        assert needle in out, (needle, out)
    # once the lock is released the same run reads as what it is on disk: stopped
    assert read_run(runs_root / "live").status == "stopped"


def test_runs_on_one_run_and_missing_folder(runs_root, tmp_path):
    runs, skipped = list_runs(runs_root / "full")
    assert [r.name for r in runs] == ["full"] and skipped == []
    res = CliRunner().invoke(main, ["runs", str(tmp_path / "nope")])
    assert res.exit_code == 2 and "error:" in res.output and "nope" in res.output
    assert "no such directory" in res.output and "Traceback" not in res.output
    empty = tmp_path / "empty"
    empty.mkdir()
    res = CliRunner().invoke(main, ["runs", str(empty)])
    assert res.exit_code == 0 and "no runs in" in res.output


def test_run_without_checkpoint_or_with_damaged_checkpoint(tmp_path):
    """A run that died before its first checkpoint, and one whose checkpoint is damaged."""
    a = tmp_path / "early"
    (a / "module").mkdir(parents=True)
    (a / ".lock").write_text("12345")            # an old lock file, not held by anyone
    (a / "run.json").write_text(json.dumps({"spec": {"name": "X"}, "config": {"epochs": 3},
                                            "started": "2026-01-01T00:00:00+0000"}))
    (a / "metrics.jsonl").write_text("".join(
        json.dumps({"kind": "step", "step": i, "loss": 1.0}) + "\n" for i in range(5)))
    r = read_run(a)
    assert r.status == "failed" and "after step 5" in r.status_text and "no checkpoint" in r.status_text
    assert r.pid is None and r.step == 5 and r.epochs == 3
    b = tmp_path / "damaged"
    (b / "checkpoints").mkdir(parents=True)
    (b / "run.json").write_text(json.dumps({"spec": {"name": "X"}}))
    (b / "checkpoints" / "last.safetensors").write_bytes(b"\x01\x02")
    r = read_run(b)
    assert r.status == "broken" and "last checkpoint is unreadable" in r.status_text
    assert "truncated" in r.status_text


def _ema_run(root, name, *, best_on, config_best_on=None, best_top1):
    """A finished 3-epoch run with EMA whose raw and EMA top-1 differ every epoch."""
    d = root / name
    (d / "checkpoints").mkdir(parents=True)
    cfg = {"epochs": 3, "ema": True, "best_on": config_best_on}
    (d / "run.json").write_text(json.dumps({"spec": {"name": "X"}, "config": cfg,
                                            "started": "2026-01-01T00:00:00+0000"}))
    man = {"step": 6, "epochs_evaluated": 3, "steps_per_epoch": 2, "reason": "epoch",
           "best_top1": best_top1, "config": cfg}
    if best_on is not None:
        man["best_on"] = best_on
    (d / "checkpoints" / "last.json").write_text(json.dumps(man))
    raw, ema = [0.9, 0.95, 0.92], [0.3, 0.6, 0.5]
    recs = [{"kind": "epoch", "epoch": e, "step": 2 * (e + 1), "val_top1": raw[e],
             "ema_val_top1": ema[e]} for e in range(3)]
    (d / "metrics.jsonl").write_text("".join(json.dumps(x) + "\n" for x in recs))
    return d


def test_best_with_ema_says_its_metric_and_never_mixes_raw_and_ema(tmp_path):
    """best and last top-1 are both of the metric checkpoints/best was chosen on: with EMA
    (the default ema_val_top1) the raw 95% never shows as the best of an EMA-chosen run."""
    root = tmp_path / "runs"
    _ema_run(root, "ema", best_on="ema_val_top1", best_top1=0.6)
    _ema_run(root, "raw", best_on="val_top1", config_best_on="val_top1", best_top1=0.95)
    # a checkpoint without best_on (written before it existed): from its config's ema
    _ema_run(root, "old", best_on=None, best_top1=0.6)
    ema, raw, old = (read_run(root / n) for n in ("ema", "raw", "old"))
    assert ema.status == "finished"
    assert (ema.best_on, ema.best_top1, ema.last_top1) == ("ema_val_top1", 0.6, 0.5)
    assert (raw.best_on, raw.best_top1, raw.last_top1) == ("val_top1", 0.95, 0.92)
    assert (old.best_on, old.best_top1, old.last_top1) == ("ema_val_top1", 0.6, 0.5)
    res = CliRunner().invoke(main, ["runs", str(root), "--json"])
    by = {r["name"]: r for r in json.loads(res.output)["runs"]}
    assert by["ema"]["best_on"] == "ema_val_top1" and by["ema"]["best_top1"] == 0.6
    table = CliRunner().invoke(main, ["runs", str(root)]).output
    row = {line.split()[1]: line for line in table.splitlines() if line.split()[1:2] in
           (["ema"], ["raw"], ["old"])}
    assert "60.00% EMA" in row["ema"] and "50.00% EMA" in row["ema"] and "95.00%" not in row["ema"]
    assert "95.00%" in row["raw"] and "92.00%" in row["raw"] and "EMA" not in row["raw"]
