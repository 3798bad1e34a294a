"""The benchmark suite (``netspec bench``): the NCHW variant of the JAX reference that the
JAX peers use, the peers' step-0 agreement, and a ``--quick`` smoke run of the CLI (no timed
assertions: speed is measured in bench/RESULTS.md, not asserted)."""

from __future__ import annotations

import json

import numpy as np
import pytest
from click.testing import CliRunner

from netspec import (NetSpec, convBn, dense, dropout, globalAvgPool, invertedResidual,
                     mbConv)
from netspec.cli import main
from netspec.init import init_params
from netspec.reference import Reference, x64


def test_reference_nchw_equals_nhwc_in_float64():
    """The JAX peers run the reference in NCHW too; in float64 the two layouts are the same
    function (only summation order differs: ~1e-15 relative on a well-conditioned case)."""
    spec = NetSpec("tiny", 16, 16, [
        convBn(3, 8, 3, 2, act="swish"), mbConv(8, 8, 4, 3, 1, 2, True),
        mbConv(8, 16, 6, 5, 2, 1, True), invertedResidual(16, 16, 6, 1, 1),
        convBn(16, 32, 1, 1), globalAvgPool(), dropout(0.2), dense(32, 5)])
    with x64():
        r_hwc, r_chw = Reference(spec), Reference(spec, layout="NCHW")
        a = r_hwc.analysis
        p = init_params(a, 0).astype(np.float64)
        bn = a.init_bn().astype(np.float64)
        rng = np.random.default_rng(0)
        x = rng.standard_normal((4, 16, 16, 3))
        y = np.array([1, 2, 3, 4], np.int32)
        u = rng.random((4, a.rand_width))
        o1 = r_hwc.grads_flat(p, bn, x, y, label_smoothing=0.1, rand=u)
        o2 = r_chw.grads_flat(p, bn, x, y, label_smoothing=0.1, rand=u)
        assert abs(o1[0] - o2[0]) <= 1e-12 * abs(o1[0])
        assert np.linalg.norm(o1[2] - o2[2]) <= 1e-9 * np.linalg.norm(o1[2])
        np.testing.assert_allclose(o2[3], o1[3], rtol=1e-10, atol=1e-12)
        l1 = r_hwc.predict(r_hwc.split(p), r_hwc.split_bn(bn), x)
        l2 = r_chw.predict(r_chw.split(p), r_chw.split_bn(bn), x)
        np.testing.assert_allclose(np.asarray(l2), np.asarray(l1), rtol=1e-10, atol=1e-12)
    with pytest.raises(ValueError, match="layout"):
        Reference(spec, layout="CHWN")


def test_bench_rejects_bad_options(tmp_path):
    r = CliRunner().invoke(main, ["bench", "--workloads", "W9", "--out", str(tmp_path / "r.json")])
    assert r.exit_code == 2 and "W9" in r.output and "W1" in r.output
    r = CliRunner().invoke(main, ["bench", "--peers", "tensorflow"])
    assert r.exit_code == 2 and "tensorflow" in r.output
    r = CliRunner().invoke(main, ["bench", "--peers", "torch"])
    assert r.exit_code == 2 and "must include netspec" in r.output
    # --report-only: a file that is not JSON, or JSON that is not a results file
    bad, other = tmp_path / "bad.json", tmp_path / "other.json"
    bad.write_text("not json")
    other.write_text('{"workloads": []}')
    for f, why in [(bad, "not a readable JSON results file"), (other, "missing machine")]:
        r = CliRunner().invoke(main, ["bench", "--report-only", str(f), "--md",
                                      str(tmp_path / "R.md"), "--plot", ""])
        assert r.exit_code == 2 and str(f) in r.output and why in r.output, r.output
        assert not (tmp_path / "R.md").exists()


def test_bench_quick_smoke(tmp_path, cache_dir):
    """A real run of every peer on a train and a predict workload (batch 2, 64x64): each peer
    compiles / builds, runs, and computes netspec's step-0 loss and gradient norm (logits for
    predict) within the suite's tolerances; the JSON, the Markdown and the plot are written."""
    out, md, png = tmp_path / "r.json", tmp_path / "R.md", tmp_path / "r.png"
    common = ["--quick", "--rounds", "2", "--steps", "1", "--warmup", "1", "--plot", "",
              "--cache-dir", cache_dir]
    # the predict workload with every peer; the train workload without the NCHW export, whose
    # compile is the slowest of the smoke test (its model is the reference's NCHW variant,
    # checked against NHWC in float64 above, and it ran in bench/RESULTS.md)
    r = CliRunner().invoke(main, ["bench", "--workloads", "W4", "--out", str(tmp_path / "p.json"),
                                  "--md", str(tmp_path / "P.md"), *common])
    assert r.exit_code == 0, r.output
    r = CliRunner().invoke(main, ["bench", "--workloads", "W2", "--peers",
                                  "netspec,jax-iree-nhwc,torch,jax-xla,netspec-xla-dp2", "--out", str(out),
                                  "--md", str(tmp_path / "T.md"), *common])
    assert r.exit_code == 0, r.output
    res = json.loads(out.read_text())
    res["workloads"] += json.loads((tmp_path / "p.json").read_text())["workloads"]
    assert {p for wl in res["workloads"] for p in wl["peers"]} == {
        "netspec", "jax-iree-nhwc", "jax-iree-nchw", "torch", "jax-xla", "netspec-xla",
        "netspec-xla-dp2"}
    torch_missing = False
    try:
        import torch  # noqa: F401
    except ImportError:
        torch_missing = True
    for wl in res["workloads"]:
        peers = wl["peers"]
        assert peers["netspec"]["status"] == "ok"
        for name, row in peers.items():
            if name == "torch" and torch_missing:
                assert row["status"] == "skipped" and "torch==2.13.0" in row["why"]
                continue
            assert row["status"] == "ok", (name, row.get("why"))
            assert row["check"]["agrees"], (wl["workload"]["key"], name, row["check"])
            assert row["steps_timed"] == 2 and row["ms_median"] > 0
            assert row["params"] == peers["netspec"]["params"]
            assert row["peak_rss_mib"] > 0
            # achieved rate: the workload's nominal FLOPs (registry MACs) over the median step
            assert row["gflops_per_s"] == round(wl["flops"] / (row["ms_median"] / 1e3) / 1e9, 1)
        if wl["workload"]["kind"] == "train":
            assert np.isfinite(peers["netspec"]["step0_value"])
            assert peers["netspec"]["check_grad_norm"] > 0
    # the report (Markdown and plot) regenerates from the JSON alone
    out.write_text(json.dumps(res))
    r = CliRunner().invoke(main, ["bench", "--report-only", str(out), "--md", str(md),
                                  "--plot", str(png)])
    assert r.exit_code == 0, r.output
    text = md.read_text()
    assert "## Summary" in text and "| W2 |" in text and "| W4 |" in text
    assert "✗" not in text and "JAX→IREE NCHW" in text
    assert res["machine"]["matmul_peak"]["gflops_per_s"] > 0 and "matmul peak" in text
    assert "GFLOP/s (% peak)" in text
    assert png.stat().st_size > 1000


# --------------------------------------------------------------------------- W6: W1 in bf16
def test_w6_is_w1_in_bf16_and_peers_say_their_modes():
    from bench.peers import PEERS, PRECISIONS, precision_skip
    from bench.workloads import WORKLOADS
    w1, w6 = WORKLOADS["W1"], WORKLOADS["W6"]
    assert (w6.model, w6.batch, w6.image, w6.kind) == (w1.model, w1.batch, w1.image, w1.kind)
    assert (w1.precision, w6.precision) == ("f32", "bf16")
    assert w6.quick().precision == "bf16" and "bf16 mixed precision" in w6.describe
    assert set(PRECISIONS) == set(PEERS)
    assert all(precision_skip(p, "f32") is None for p in PEERS)
    assert precision_skip("netspec", "bf16") is None and precision_skip("torch", "bf16") is None
    assert "autocast" in PRECISIONS["torch"]["bf16"]
    why = precision_skip("torch", "bf16_conv")
    assert why and "no bf16_conv mode" in why and "PyTorch eager" in why


def test_a_peer_without_the_precision_is_skipped_with_its_reason(tmp_path):
    """No worker is started for it; the report prints why."""
    from bench.report import markdown
    from bench.suite import CHECK_TOL_BF16, SuiteOptions, run_workload
    from bench.workloads import WORKLOADS, Workload
    import dataclasses
    w = dataclasses.replace(WORKLOADS["W1"].quick(), key="Wx", precision="bf16_conv")
    res = run_workload(w, SuiteOptions(peers=("torch",)), tmp_path, log=lambda s: None)
    row = res["peers"]["torch"]
    assert row["status"] == "skipped" and "no bf16_conv mode" in row["why"]
    assert not list(tmp_path.glob("*.log"))            # no worker process was started
    assert res["check_tolerances"] == CHECK_TOL_BF16
    text = markdown({"machine": {"cpu": "c", "cores": 2, "os": "o", "versions": {}},
                     "started": "t", "seconds": 1, "check_tolerances": {},
                     "options": {"warmup": 1, "rounds": 1, "steps": 1, "quick": True},
                     "workloads": [res]})
    assert "skipped: no bf16_conv mode" in text and "Precision bf16_conv" in text
    # a failure's reason is cut in the table (an iree-compile error quotes its whole target)
    res["peers"]["torch"] = {"status": "failed", "why": "CompileError: " + "x" * 5000 + "\nmore"}
    text = markdown({"machine": {"cpu": "c", "cores": 2, "os": "o", "versions": {}},
                     "started": "t", "seconds": 1, "check_tolerances": {},
                     "options": {"warmup": 1, "rounds": 1, "steps": 1, "quick": True},
                     "workloads": [res]})
    line = next(ln for ln in text.splitlines() if "failed: CompileError" in ln)
    assert len(line) < 400 and "the full message: the results JSON" in line


@pytest.mark.slow
def test_bench_quick_bf16(tmp_path, cache_dir):
    """W6 --quick with netspec and PyTorch: netspec's bf16 module and torch under CPU
    autocast run, agree at step 0 within the bf16 tolerances, and autocast really changed
    torch's numbers (its f32 step-0 loss on the same inputs differs)."""
    out = tmp_path / "r.json"
    r = CliRunner().invoke(main, ["bench", "--workloads", "W6", "--peers", "netspec,torch",
                                  "--quick", "--rounds", "1", "--steps", "1", "--warmup", "1",
                                  "--plot", "", "--out", str(out), "--md", str(tmp_path / "R.md"),
                                  "--cache-dir", cache_dir])
    assert r.exit_code == 0, r.output
    wl = json.loads(out.read_text())["workloads"][0]
    assert wl["workload"]["precision"] == "bf16"
    peers = wl["peers"]
    assert peers["netspec"]["status"] == "ok" and "bf16" in peers["netspec"]["precision"]
    try:
        import torch  # noqa: F401
    except ImportError:
        assert peers["torch"]["status"] == "skipped"
        return
    t = peers["torch"]
    assert t["status"] == "ok" and t["check"]["agrees"], t.get("check")
    assert "autocast" in t["precision"]
    from bench.peers.torch_peer import TorchPeer
    from bench.workloads import WORKLOADS, make_inputs
    w1 = WORKLOADS["W1"].quick()
    f32 = TorchPeer(w1, make_inputs(w1))
    f32.prepare()
    loss32 = f32.step(0)
    # the same inputs (make_inputs depends on model, batch and size only)
    assert abs(t["step0_value"] - loss32) / loss32 > 1e-3, (t["step0_value"], loss32)
    assert "Precision bf16" in (tmp_path / "R.md").read_text()
