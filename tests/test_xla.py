"""The XLA engine (jaxlib's PJRT client running netspec's own emitted text) and data
parallelism (issue 15), on the CPU with 4 XLA host devices (tests/conftest.py sets them).

- engine differential: every row of the case table and both whole nets, the SAME emitted
  grads module compiled by IREE and by XLA, every output compared; and the XLA run judged by
  the float64 reference (runtime.verify), so where the engines disagree the truth says who
  is wrong;
- data parallel: 4 replicas with synchronised BN at global batch 16 follow the 1-replica run
  at batch 16 for 20 steps (losses, parameters, optimizer state, BN statistics); with
  per-replica BN the gradient equals the mean of the float64 reference's per-shard
  gradients, as PyTorch DDP computes it;
- the emitted text holds ONE all_reduce; the CLI trains, stops and resumes across replica
  counts and engines; bad combinations are refused naming the flag.
"""

from __future__ import annotations

import functools
import json
import re

import numpy as np
import pytest

from codegen import emit
from codegen.cases import CASES
from netspec import efficientnet, mobilenet_v2
from netspec.analysis import analyze
from netspec.state import hyper_vector
from runtime.engines import get_engine
from runtime.session import Session
from runtime.verify import check_grads, compile_grads_module, random_inputs

from .conftest import report_table
from .test_train import SPEC_SRC, cli, epochs_of, make_npz, steps

# Same emitted module, two engines.  Both lower StableHLO to LLVM for this CPU but fuse and
# order reductions differently, so they differ by rounding only: measured over the case table
# f64 <= 3.3e-15 and f32 <= 2.6e-6 (relative L2 per output; worst ir_e6_res_r3,
# mbconv_e6_k3_res_r2: long channel sums through BN's backward).  Bounds: f64 1e-12 (a real
# difference in the math is O(1)), f32 2e-5 (~8x the worst observed).
ENGINE_TOL = {"f64": 1e-12, "f32": 2e-5}


def rel(a, b) -> float:
    a, b = np.asarray(a, np.float64), np.asarray(b, np.float64)
    return float(np.linalg.norm(a - b) / max(np.linalg.norm(b), 1e-30))


def _outputs(module, inputs, dtype):
    hyper = hyper_vector(lr=0.0, step=1, optimizer="adam", label_smoothing=0.1)
    values = dict(inputs, hyper=hyper.astype(np.float64 if dtype == "f64" else np.float32))
    fn = module.abi["grads"]
    out = module.call_host("grads", [values[t.name] for t in fn.args])
    named = dict(zip((t.name for t in fn.results), out))
    (named["logits"],) = module.call_host("predict", [values[t.name] for t in module.abi["predict"].args])
    return named


def _differential(spec, batch, dtype, cache_dir, seed=1, dw_chunk=None):
    iree, _ = compile_grads_module(spec, batch=batch, dtype=dtype, cache_dir=cache_dir, dw_chunk=dw_chunk)
    xla, res = compile_grads_module(spec, batch=batch, dtype=dtype, cache_dir=cache_dir, engine="xla",
                                    dw_chunk=dw_chunk)
    assert res.backend == "cpu" and "jaxlib" in res.command   # really compiled by XLA
    inputs = random_inputs(spec, batch, seed=seed, dtype=np.float64 if dtype == "f64" else np.float32)
    a, b = _outputs(iree, inputs, dtype), _outputs(xla, inputs, dtype)
    assert set(a) == set(b) == {"loss", "correct", "grads", "bn", "d_images", "logits"}
    assert b["grads"].dtype == (np.float64 if dtype == "f64" else np.float32)
    assert int(a["correct"]) == int(b["correct"])
    diffs = {k: rel(b[k], a[k]) for k in a if k != "correct"}
    return xla, inputs, diffs


@pytest.mark.parametrize("dtype", ["f32", "f64"])
@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_engines_agree_on_the_case_table(case, dtype, cache_dir):
    xla, inputs, diffs = _differential(case.spec, case.batch, dtype, cache_dir, dw_chunk=case.dw_chunk)
    bad = {k: f"{v:.2e}" for k, v in diffs.items() if not v <= ENGINE_TOL[dtype]}
    assert not bad, f"IREE and XLA disagree beyond {ENGINE_TOL[dtype]:g}: {bad}"
    if dtype == "f64":    # and the truth agrees with the XLA run
        report = check_grads(case.spec, xla, inputs, dtype=dtype)
        assert report.ok, report_table(report)


@pytest.mark.slow
@pytest.mark.parametrize("model,dtype,bound", [("effnet_b0", "f32", 1e-4), ("mobilenet_v2", "f64", 1e-12)])
def test_engines_agree_on_whole_nets(model, dtype, bound, cache_dir):
    """Whole nets at 64x64, batch 4 (the shapes of tests/test_models.py, whose IREE modules
    the compile cache shares); the XLA run must also pass the float64 reference check.
    Measured: B0 f32 grads 1.7e-5, loss 3.9e-6 (rounding amplified through 16 blocks of BN
    backward, so 1e-4 rather than the case table's 2e-5); MobileNetV2 f64 grads 6.2e-14.
    MobileNetV2 is compared in f64 because in f32 its relu6 kinks turn rounding into
    different subgradients (2.4e-2 between the engines, as between either and the truth:
    tests/test_models.py)."""
    spec = {"effnet_b0": lambda: efficientnet("b0", 10, image_size=64),
            "mobilenet_v2": lambda: mobilenet_v2(10, image_size=64)}[model]()
    xla, inputs, diffs = _differential(spec, 4, dtype, cache_dir, seed=3)
    bad = {k: f"{v:.2e}" for k, v in diffs.items() if not v <= bound}
    assert not bad, f"IREE and XLA disagree beyond {bound:g}: {bad}"
    report = check_grads(spec, xla, inputs, dtype=dtype)
    assert report.ok, report_table(report)


# --------------------------------------------------------------------------- data parallel
TINY = None


def tiny_spec():
    global TINY
    if TINY is None:
        ns: dict = {}
        exec(SPEC_SRC.replace("EPOCHS", "1").replace("DATA", "None"), ns)
        TINY = ns["spec"]
    return TINY


def _session(spec, engine, batch, cache_dir, replicas=1, sync_bn=False, optimizer="adam"):
    em = emit(spec, batch=batch, functions=("predict", "train_step"), optimizer=optimizer,
              replicas=replicas, sync_bn=sync_bn)
    eng = get_engine(engine)
    res = eng.compile(em.text, backend="cpu", cache_dir=cache_dir, source_hint=spec.name)
    s = Session(spec, eng.load(res.vmfb_path, backend="cpu", abi=em.abi), optimizer=optimizer)
    s.init_state(0)
    return s, em


def global_batch(step, batch=16):
    """The global batch of ``step`` (a function of the step alone, so every process of a
    multi-process run can take its own rows of it)."""
    rng = np.random.default_rng([7, step])
    return (rng.standard_normal((batch, 12, 12, 1)).astype(np.float32),
            rng.integers(0, 3, batch).astype(np.int32))


def _run(s, n_steps):
    losses, hits = [], []
    for step in range(1, n_steps + 1):
        images, labels = global_batch(step)
        h = hyper_vector(lr=2e-2, step=step, optimizer="adam", label_smoothing=0.1, weight_decay=1e-4)
        r = s.train_step(images, labels, h, s.rand_for_step(0, step))
        losses.append(r.loss)
        hits.append(r.correct)
    return np.array(losses), hits, s.state_to_host()


def test_one_fused_all_reduce_in_the_text():
    spec = tiny_spec()
    for sync in (False, True):
        em = emit(spec, batch=4, replicas=4, sync_bn=sync, functions=("train_step",))
        text = em.text
        assert "mhlo.num_replicas = 4" in text
        # one all_reduce for gradient + loss + hits (+ BN stats without sync BN); with sync BN
        # each BN adds three: the forward's sum(x), then sum((x - mean)^2) (two-pass variance:
        # the second needs the global mean), and the backward's (dbeta, dgamma) pair
        n_bn = len(analyze(spec).bns)
        ar = re.findall(r"\"stablehlo\.all_reduce\"\(", text)
        assert len(ar) == 1 + (3 * n_bn if sync else 0), (sync, len(ar))
        assert "replica_groups = dense<[[0, 1, 2, 3]]>" in text
        assert em.abi.global_batch == 16 and em.abi.replicas == 4 and em.abi.sync_bn is sync
    # the 1-replica text has none
    assert "all_reduce" not in emit(spec, batch=16, functions=("train_step",)).text


def test_four_replicas_sync_bn_follow_one_replica(cache_dir):
    """20 Adam steps at global batch 16: XLA, 4 replicas x 4, synchronised BN, against IREE,
    1 replica x 16, from the same initial state with the same data and dropout uniforms.
    The two compute the same sums in different orders (per replica, then all-reduced), so
    they differ by float32 rounding that 20 steps of Adam carry forward; measured (relative
    L2): losses 1.0e-7, parameters 3.5e-7, Adam m 7.0e-7, v 2.8e-7, BN statistics 4.0e-7.
    Bounds 1e-4: the same run with per-replica BN (a different but legitimate computation)
    is off by 1.9e-2 in the losses and 0.12-0.46 in the state, so a wrong all-reduce (a
    missing 1/N, a per-replica statistic) cannot pass."""
    spec = tiny_spec()
    dp, _ = _session(spec, "xla", 4, cache_dir, replicas=4, sync_bn=True)
    one, _ = _session(spec, "iree", 16, cache_dir)
    la, ha, sa = _run(dp, 20)
    lb, hb, sb = _run(one, 20)
    assert rel(la, lb) <= 1e-4, (la, lb)
    assert abs(sum(ha) - sum(hb)) <= 2, (ha, hb)   # an argmax may flip on a rounding tie
    for k in sb:
        assert rel(sa[k], sb[k]) <= 1e-4, (k, rel(sa[k], sb[k]))
    local, _ = _session(spec, "xla", 4, cache_dir, replicas=4, sync_bn=False)
    lc, _, sc = _run(local, 20)
    assert rel(lc, lb) > 1e-3 and rel(sc["params"], sb["params"]) > 1e-2
    # every replica holds the same state (replica 0 is what download returns)
    for k, buf in dp._state.items():
        host = [np.asarray(b) for b in buf]
        assert all(np.array_equal(host[0], h) for h in host[1:]), k


def _free_port() -> int:
    import socket
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _spawn(argv_of, n=2, limit_s=240):
    """Start ``argv_of(i)`` for i < n as processes of one run on localhost (XLA_FLAGS removed:
    each process asks for its own host devices); -> (return codes, seconds from the first exit
    to the last, every process's stderr)."""
    import os
    import subprocess
    import time
    from pathlib import Path
    env = {k: v for k, v in os.environ.items() if k != "XLA_FLAGS"}
    root = Path(__file__).resolve().parent.parent
    procs = [subprocess.Popen([str(a) for a in argv_of(i)], cwd=root, env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE) for i in range(n)]
    ends = [None] * n
    deadline = time.monotonic() + limit_s
    while any(e is None for e in ends) and time.monotonic() < deadline:
        for i, p in enumerate(procs):
            if ends[i] is None and p.poll() is not None:
                ends[i] = time.monotonic()
        time.sleep(0.1)
    for p in procs:
        if p.poll() is None:
            p.kill()
    errs = [p.communicate()[1].decode(errors="replace") for p in procs]
    assert all(e is not None for e in ends), f"a process hung (killed after {limit_s} s)"
    return [p.returncode for p in procs], max(ends) - min(ends), errs


def _workers(tmp_path, *extra, timeout=20):
    """tests/xla_worker.py as 2 processes x 2 host devices; -> (return codes, exit spread,
    process 0's stderr)."""
    import sys
    port = _free_port()
    codes, spread, errs = _spawn(lambda i: [
        sys.executable, "-m", "tests.xla_worker", "--process-id", i,
        "--coordinator", f"127.0.0.1:{port}", "--out", tmp_path / "out.npz",
        "--cache-dir", tmp_path / f"cache{i}", "--timeout", timeout, *extra])
    return codes, spread, errs[0]


def test_two_processes_equal_one_process(tmp_path, cache_dir):
    """2 processes x 2 host devices (jax.distributed, gloo collectives on localhost), each
    feeding only its 8 rows of every global batch of 16, against this process's 4 devices:
    10 steps of the 4-replica sync-BN module.  Same module, same devices' arithmetic; only
    gloo's all-reduce sums in another order: measured losses within 1 ulp (1.2e-7), state
    relative L2 <= 1e-6."""
    codes, _, err = _workers(tmp_path, "--steps", 10)
    assert codes == [0, 0], err[-2000:]
    two = np.load(tmp_path / "out.npz")
    s, _ = _session(tiny_spec(), "xla", 4, cache_dir, replicas=4, sync_bn=True)
    losses, _, state = _run(s, 10)
    assert np.max(np.abs(two["losses"] - losses)) <= 1e-6, (two["losses"], losses)
    for k, v in state.items():
        assert rel(two[k.replace(".", "_")], v) <= 1e-5, k


def test_a_dead_process_stops_the_others(tmp_path):
    """Process 1 exits abruptly before step 3; process 0, blocked in the step's all-reduce,
    must not hang: the coordination service misses process 1's heartbeat (timeout 10 s) and
    terminates process 0 with jax's message that another task died (measured: ~10 s after
    process 1's exit, SIGABRT)."""
    codes, spread, err = _workers(tmp_path, "--steps", 50, "--die-at", 3, timeout=10)
    assert codes[1] == 9 and codes[0] != 0, codes
    assert spread <= 10 + 30, spread
    assert "another task died" in err or "heartbeat" in err, err[-2000:]


def _per_replica_reference(spec, inputs, n):
    """DDP's semantics from the float64 reference: each shard's own BN statistics, the mean
    of the shards' gradients, losses and updated running statistics, the sum of hits."""
    from netspec.reference import Reference, x64
    # the hyper vector is float32 (netspec.state.hyper_vector): give the reference the same
    # rounded label smoothing and momentum, or 0.1's rounding (1.5e-8) shows up as ~1e-9
    ls, mom = float(np.float32(0.1)), float(np.float32(spec.bn_momentum))
    with x64():
        ref = Reference(spec)
        outs = []
        for r in range(n):
            sl = slice(r * len(inputs["labels"]) // n, (r + 1) * len(inputs["labels"]) // n)
            shard = lambda v: None if v is None else np.asarray(v[sl], np.float64)
            outs.append(ref.grads_flat(np.asarray(inputs["params"], np.float64),
                                       np.asarray(inputs["bn"], np.float64), shard(inputs["images"]),
                                       inputs["labels"][sl], label_smoothing=ls,
                                       bn_momentum=mom, rand=shard(inputs["rand"])))
    loss = np.mean([float(o[0]) for o in outs])
    correct = sum(int(o[1]) for o in outs)
    grads = np.mean([np.asarray(o[2]) for o in outs], axis=0)
    bn = np.mean([np.asarray(o[3]) for o in outs], axis=0)
    return loss, correct, grads, bn


def _grads_dp(spec, cache_dir, replicas, sync_bn, batch):
    em = emit(spec, batch=batch // replicas, functions=("grads",), dtype="f64",
              replicas=replicas, sync_bn=sync_bn)
    eng = get_engine("xla")
    res = eng.compile(em.text, backend="cpu", cache_dir=cache_dir, source_hint=spec.name)
    exe = eng.load(res.vmfb_path, backend="cpu", abi=em.abi)
    inputs = random_inputs(spec, batch, seed=4, dtype=np.float64)
    hyper = hyper_vector(lr=0.0, step=1, optimizer="adam", label_smoothing=0.1).astype(np.float64)
    values = dict(inputs, hyper=hyper)
    out = exe.call("grads", [values[t.name] for t in em.abi["grads"].args])
    named = {t.name: out[i] for i, t in enumerate(em.abi["grads"].results)}
    # every replica returns the same (all-reduced) values
    for k, bufs in named.items():
        host = [np.asarray(b) for b in bufs]
        assert all(np.array_equal(host[0], h) for h in host[1:]), k
    return inputs, {k: np.asarray(v[0]) for k, v in named.items()}


DP_CASES = [c for c in CASES if c.id in ("mbconv_e6_k3_res_r2", "conv_k3_s2_even")]


@pytest.mark.parametrize("case", DP_CASES, ids=[c.id for c in DP_CASES])
def test_per_replica_bn_is_the_mean_of_shard_gradients(case, cache_dir):
    """f64 module, 4 replicas, per-replica BN: the emitted all-reduced gradient, loss and BN
    statistics equal the means of the float64 reference over the 4 shards (measured 1e-15)."""
    spec = case.spec
    inputs, out = _grads_dp(spec, cache_dir, 4, False, 8)
    loss, correct, grads, bn = _per_replica_reference(spec, inputs, 4)
    assert abs(float(out["loss"]) - loss) <= 1e-12 * max(1.0, abs(loss))
    assert int(out["correct"]) == correct
    assert rel(out["grads"], grads) <= 1e-10, rel(out["grads"], grads)
    assert rel(out["bn"], bn) <= 1e-10
    # and it is NOT the whole-batch gradient (the test could tell the two apart)
    whole = _per_replica_reference(spec, inputs, 1)
    assert rel(whole[2], grads) > 1e-4


@pytest.mark.parametrize("case", DP_CASES, ids=[c.id for c in DP_CASES])
def test_sync_bn_is_the_whole_batch_gradient(case, cache_dir):
    """f64 module, 4 replicas, synchronised BN: the gradient and BN statistics of the whole
    batch of 8, as the float64 reference computes them on one device (measured 1e-15)."""
    spec = case.spec
    inputs, out = _grads_dp(spec, cache_dir, 4, True, 8)
    loss, correct, grads, bn = _per_replica_reference(spec, inputs, 1)
    assert abs(float(out["loss"]) - loss) <= 1e-12 * max(1.0, abs(loss))
    assert int(out["correct"]) == correct
    assert rel(out["grads"], grads) <= 1e-10, rel(out["grads"], grads)
    assert rel(out["bn"], bn) <= 1e-10


# --------------------------------------------------------------------------- the CLI
@pytest.fixture(scope="module")
def xla_work(tmp_path_factory):
    d = tmp_path_factory.mktemp("xla")
    make_npz(d / "data.npz")
    (d / "tiny.py").write_text(SPEC_SRC.replace("EPOCHS", "2").replace("DATA", repr(str(d / "data.npz"))))
    return d


@pytest.fixture(scope="module")
def xla_full_run(xla_work, cache_dir):
    out = xla_work / "full-r4"
    r = cli("train", xla_work / "tiny.py", "--out", out, "--engine", "xla", "--replicas", 4,
            "--sync-bn", cache_dir=cache_dir)
    assert r.exit_code == 0, r.output
    return out


def test_train_on_four_replicas_and_resume_anywhere(xla_work, xla_full_run, cache_dir):
    """2 epochs x 6 steps on 4 replicas (sync BN).  Stopped at step 4, the run resumes
    (a) on the same 4 replicas: bit-exact, the arithmetic is the same;
    (b) on IREE with 1 replica at batch 16: the same state and data, but sums in another
        order, so losses follow within float32 rounding (measured ~1e-6 relative), not bits.
    The checkpoint holds replica-independent state (every replica's copy is equal)."""
    run = json.loads((xla_full_run / "run.json").read_text())
    (man_path,) = (xla_full_run / "module").glob("*manifest*.json")
    man = json.loads(man_path.read_text())
    assert man["engine"] == "xla" and man["replicas"] == 4 and man["replica_batch"] == 4
    full = [s["loss"] for s in steps(xla_full_run)]
    assert len(full) == 12 and run is not None
    for tag, extra in (("same", ["--engine", "xla", "--replicas", 4, "--sync-bn"]),
                       ("iree", ["--engine", "iree"])):
        out = xla_work / f"stop-{tag}"
        r = cli("train", xla_work / "tiny.py", "--out", out, "--engine", "xla", "--replicas", 4,
                "--sync-bn", "--stop-at-step", 4, cache_dir=cache_dir)
        assert r.exit_code == 0, r.output
        r = cli("train", xla_work / "tiny.py", "--resume", out, *extra, cache_dir=cache_dir)
        assert r.exit_code == 0, r.output
        resumed = [s["loss"] for s in steps(out)]
        assert len(resumed) == 12
        if tag == "same":
            assert resumed == full
        else:
            assert resumed[:4] == full[:4]
            assert rel(resumed[4:], full[4:]) <= 1e-4, (resumed, full)


def _train_processes(xla_work, cache_dir, *extra, n=2):
    """``netspec train`` of the tiny spec as n processes x (4 / n) host devices, 4 replicas."""
    import sys
    port = _free_port()
    return _spawn(lambda i: [
        sys.executable, "-m", "netspec.cli", "train", xla_work / "tiny.py", "--engine", "xla", "--replicas", 4, "--sync-bn", "--workers", 0, "--cache-dir", cache_dir,
        "--num-processes", n, "--process-id", i, "--coordinator", f"127.0.0.1:{port}",
        "--process-timeout", 20, *extra], n=n)


def test_train_as_two_processes_equals_one(xla_work, xla_full_run, cache_dir):
    """``netspec train --num-processes 2 --process-id I --coordinator HOST:PORT --replicas 4``:
    2 processes x 2 host devices, each loading only its 8 rows of every batch of 16, follow the
    one-process 4-replica run (xla_full_run): the same module, data and devices' arithmetic;
    only gloo's all-reduce sums in another order, so losses agree within 1 ulp (measured
    1.2e-7), and the evaluation, whose counts are summed over the processes (30 val images:
    the last batch's 14 split 8 + 6), gives the same top-1; the val loss is the f32 logits of
    two trained states that differ by that same rounding, so it gets the step losses' bound
    1e-6 (measured 2e-10 and 1.5e-8 in two runs).  Only process 0 writes the run directory.  Stopped at step 4 and resumed as two
    processes, the run continues bit-exactly."""
    out = xla_work / "two-procs"
    codes, _, errs = _train_processes(xla_work, cache_dir, "--out", out)
    assert codes == [0, 0], errs
    assert "process 1 of 2" in errs[1] and "Traceback" not in errs[1]
    one, two = steps(xla_full_run), steps(out)
    assert [s["step"] for s in two] == list(range(12))     # one writer: no duplicate records
    assert np.max(np.abs(np.array([s["loss"] for s in two]) - [s["loss"] for s in one])) <= 1e-6
    e1, e2 = epochs_of(xla_full_run), epochs_of(out)
    assert [e["val_top1"] for e in e2] == [e["val_top1"] for e in e1]
    assert [e["val_images"] for e in e2] == [30, 30]
    assert np.allclose([e["val_loss"] for e in e2], [e["val_loss"] for e in e1], rtol=0, atol=1e-6)
    assert json.loads((out / "run.json").read_text())["processes"] == 2
    stop = xla_work / "two-procs-stop"
    codes, _, errs = _train_processes(xla_work, cache_dir, "--out", stop, "--stop-at-step", 4)
    assert codes == [0, 0], errs
    assert len(steps(stop)) == 4
    codes, _, errs = _train_processes(xla_work, cache_dir, "--resume", stop)
    assert codes == [0, 0], errs
    assert [s["loss"] for s in steps(stop)] == [s["loss"] for s in two]


def test_a_failing_process_does_not_hang_the_others(xla_work, xla_full_run, cache_dir):
    """Process 0 refuses the run (its --out already holds one) after both joined: it prints
    its error and leaves at once (no shutdown barrier), and process 1, blocked in the first
    step's all-reduce, is stopped by the coordination service after --process-timeout (20 s)
    instead of hanging; the existing run is untouched."""
    before = (xla_full_run / "metrics.jsonl").read_bytes()
    codes, spread, errs = _train_processes(xla_work, cache_dir, "--out", xla_full_run)
    assert codes[0] == 2 and "already holds a run" in errs[0], errs
    assert codes[1] != 0 and spread <= 20 + 30, (codes, spread, errs[1][-1500:])
    assert (xla_full_run / "metrics.jsonl").read_bytes() == before


def test_multi_process_flags_are_checked(xla_work, cache_dir, tmp_path):
    for args, where in ((["--num-processes", 2, "--process-id", 0, "--coordinator", "h:1"],
                         "--num-processes"),                       # IREE engine
                        (["--engine", "xla", "--replicas", 4, "--num-processes", 2,
                          "--process-id", 0], "--coordinator"),
                        (["--engine", "xla", "--replicas", 4, "--num-processes", 2,
                          "--process-id", 2, "--coordinator", "h:1"], "--process-id"),
                        (["--engine", "xla", "--replicas", 3, "--num-processes", 2,
                          "--process-id", 0, "--coordinator", "h:1"], "--replicas"),
                        (["--process-id", 1], "--process-id")):
        r = cli("train", xla_work / "tiny.py", "--out", tmp_path / "run", *args, cache_dir=cache_dir)
        assert r.exit_code != 0 and where in r.output and "Traceback" not in r.output, r.output
        assert not (tmp_path / "run").exists()


@pytest.mark.parametrize("args,where,words", [
    (["--replicas", 2], "--replicas", ["IREE", "--engine xla"]),
    (["--engine", "xla", "--replicas", 3], "--replicas", ["16", "3"]),
    (["--engine", "xla", "--sync-bn"], "--sync-bn", ["replica"]),
    (["--engine", "xla", "--iree-flag", "--iree-opt-level=O2"], "--iree-flag", ["IREE"]),
    (["--engine", "xla", "--backend", "vulkan"], "--backend", ["xla", "vulkan"]),
])
def test_bad_combinations_are_refused(xla_work, cache_dir, args, where, words, tmp_path):
    r = cli("train", xla_work / "tiny.py", "--out", tmp_path / "run", *args, cache_dir=cache_dir)
    assert r.exit_code != 0, r.output
    assert "Traceback" not in r.output
    msg = r.output
    assert where in msg, msg
    for w in words:
        assert w.lower() in msg.lower(), (w, msg)
    assert not (tmp_path / "run" / "checkpoints").exists()
