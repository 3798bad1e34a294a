"""Stochastic depth (drop path) on residual MBConv / inverted-residual blocks (issue 14).

The rule (torchvision / timm): block i of the n blocks of the net (every block counted,
residual or not) gets the rate drop_path * i / n; a residual block with a rate > 0 reads one
column u of ``rand`` per sample and computes y = x + branch * [u >= rate] / (1 - rate).

Checked here: the rates against torchvision's EfficientNet-B0 construction; the default text is
untouched and predict never masks; compiled f32 / f64 gradients against the float64 reference
with masks that drop some samples and keep others in every dropping block; the reference's
mask against its own definition (no emitter code involved); float64 finite differences; a
wrong drop-path VJP is caught; a short training run resumes bit for bit; ``netspec info``
reports the per-block rates.
"""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import numpy as np
import pytest
from click.testing import CliRunner

from codegen import emit
from codegen.cases import CASE_BY_ID, CASES
from netspec import NetSpec, convBn, dense, globalAvgPool, mbConv
from netspec.analysis import analyze
from netspec.cli import main
from netspec.errors import SpecError
from netspec.loader import load_spec_file
from runtime.checkpoint import load_checkpoint
from runtime.verify import check_grads, compile_grads_module, random_inputs

from .conftest import report_table
from .test_train import epochs_of, make_npz, steps

ROOT = Path(__file__).resolve().parent.parent
ROWS = [c for c in CASES if c.drop_path]


def both_masks(case, dtype=np.float32, seed=1):
    """Seeded inputs whose drop-path columns drop every other sample of each dropping block
    (u = rate / 2) and keep the rest (u = (1 + rate) / 2), the pattern shifted per block, so
    every dropping block has dropped AND kept samples, far from the threshold."""
    inputs = random_inputs(case.spec, case.batch, seed=seed, dtype=dtype, drop_path=case.drop_path)
    a = analyze(case.spec, case.drop_path)
    rand = np.array(inputs["rand"], dtype)
    for k, d in enumerate(a.drop_blocks.values()):
        drop = (np.arange(case.batch) + k) % 2 == 0
        rand[:, d.column] = np.where(drop, d.rate / 2, (1 + d.rate) / 2)
    return dict(inputs, rand=rand)


def test_rows_drop_and_keep():
    assert len(ROWS) >= 3 and any(c.tiny for c in ROWS)
    for case in ROWS:
        a = analyze(case.spec, case.drop_path)
        u = both_masks(case)["rand"]
        assert a.drop_blocks, case.id
        for d in a.drop_blocks.values():
            kept = u[:, d.column] >= d.rate
            assert kept.any() and not kept.all(), (case.id, d.name)


# --------------------------------------------------------------------------- the rates
def test_rates_follow_torchvision_efficientnet_b0():
    """torchvision's efficientnet: ``sd_prob = stochastic_depth_prob * stage_block_id /
    total_stage_blocks`` over the B0 stage table, used only where the block has its residual
    (stride 1, in == out); timm's EfficientNetBuilder is the same (block_idx / block_count)."""
    spec, _, _ = load_spec_file(ROOT / "examples" / "effnet_b0.py")
    stages = [(1, 3, 1, 32, 16, 1), (6, 3, 2, 16, 24, 2), (6, 5, 2, 24, 40, 2), (6, 3, 2, 40, 80, 3),
              (6, 5, 1, 80, 112, 3), (6, 5, 2, 112, 192, 4), (6, 3, 1, 192, 320, 1)]
    total = sum(s[-1] for s in stages)
    expected, block_id = [], 0
    for _, _, stride, cin, cout, layers in stages:
        for r in range(layers):
            residual = (stride if r == 0 else 1) == 1 and (cin if r == 0 else cout) == cout
            sd_prob = 0.2 * float(block_id) / total
            expected.append((residual, sd_prob if residual else 0.0))
            block_id += 1
    a = analyze(spec, 0.2)
    assert len(a.depth) == total == 16
    got = [(d.residual, d.rate) for d in a.depth]
    assert [g[0] for g in got] == [e[0] for e in expected]
    np.testing.assert_allclose([g[1] for g in got], [e[1] for e in expected], rtol=1e-15, atol=0)
    assert [d.index for d in a.depth] == list(range(16))
    # the dropping blocks' columns follow the blocks in order, before the head dropout's
    cols = [d.column for d in a.depth if d.column is not None]
    assert cols == list(range(len(cols))) and len(cols) == 9
    assert a.rand_width == 9 + 1280
    assert analyze(spec).rand_width == 1280 and not analyze(spec).drop_blocks


def test_bad_drop_path_is_named():
    spec = CASE_BY_ID["droppath_mbconv_r3"].spec
    for bad in (1.0, -0.1, "0.2", True):
        with pytest.raises(SpecError) as e:
            emit(spec, batch=2, drop_path=bad)
        assert "drop_path" in str(e.value)


# --------------------------------------------------------------------------- emitted text
def _function(text: str, name: str) -> str:
    start = text.index(f"func.func @{name}(")
    end = text.find("func.func @", start + 1)
    return text[start:end if end > 0 else None]


@pytest.mark.parametrize("case", ROWS, ids=[c.id for c in ROWS])
def test_default_text_unchanged_predict_unmasked_header_reports_rates(case):
    off = emit(case.spec, batch=case.batch).text
    assert emit(case.spec, batch=case.batch, drop_path=0.0).text == off
    assert "stochastic depth" not in off and "drop_mask" not in off
    on = emit(case.spec, batch=case.batch, drop_path=case.drop_path)
    # predict never masks: the same function text, and it takes no rand
    assert _function(on.text, "predict") == _function(off, "predict")
    assert "rand" not in [t.name for t in on.abi["predict"].args]
    a = analyze(case.spec, case.drop_path)
    header = next(l for l in on.text.splitlines() if l.startswith("// stochastic depth"))
    for d in a.depth:
        if d.column is not None:
            assert f"{d.name} {d.rate:.4g} (u{d.column})" in header
            assert f"%{d.name}.drop_mask" in _function(on.text, "grads")
            assert f"%{d.name}.drop_mask" in _function(on.text, "train_step")
        else:
            assert f"{d.name} " not in header
    rand = {t.name: t for t in on.abi["train_step"].args}["rand"]
    assert rand.shape == (case.batch, a.rand_width)
    assert a.rand_width == analyze(case.spec).rand_width + len(a.drop_blocks)


def test_no_residual_blocks_no_columns():
    spec = NetSpec("noskip", 6, 6, [convBn(2, 4, 1, 1), mbConv(4, 6, 2, 3, 2, 1, False),
                                    globalAvgPool(), dense(6, 3)], in_channels=2)
    a = analyze(spec, 0.5)
    assert [d.residual for d in a.depth] == [False] and a.rand_width == 0
    on = emit(spec, batch=2, drop_path=0.5)
    assert "rand" not in [t.name for t in on.abi["train_step"].args]
    assert "residual blocks only: none" in on.text


# --------------------------------------------------------------------------- the reference
def test_reference_mask_is_the_definition():
    """Layer outputs of the float64 reference (no emitter involved): the second block's output
    is its input for a dropped sample and input + branch / (1 - rate) for a kept one, the
    branch taken from the run without drop path (the mask follows the branch's BatchNorm, so
    the branch does not depend on it)."""
    from netspec.reference import Reference, x64
    spec = NetSpec("dp_ref", 5, 5, [convBn(2, 4, 1, 1, act="swish"), mbConv(4, 4, 1, 3, 1, 1, True, 0.5),
                                    mbConv(4, 4, 2, 3, 1, 1, True, 0.5), globalAvgPool(), dense(4, 3)],
                   in_channels=2)
    a = analyze(spec, 0.5)
    (d,) = a.drop_blocks.values()
    assert (d.name, d.index, d.rate, d.column) == ("blocks.2.0", 1, 0.25, 0)
    inputs = random_inputs(spec, 4, seed=3, dtype=np.float64, drop_path=0.5)
    rand = np.array([[0.1], [0.9], [0.2], [0.3]])          # dropped, kept, dropped, kept
    with x64():
        args = (analyze(spec).split(inputs["params"]), analyze(spec).split_bn(inputs["bn"]),
                inputs["images"])
        on = Reference(spec, drop_path=0.5).layer_outputs(*args, train=True, rand=rand)
        off = Reference(spec).layer_outputs(*args, train=True)
    x, y, y0 = np.asarray(on[1]), np.asarray(on[2]), np.asarray(off[2])
    np.testing.assert_array_equal(x, np.asarray(off[1]))
    branch = y0 - x
    assert np.abs(branch).max() > 0.1
    for b, kept in enumerate([False, True, False, True]):
        want = x[b] + branch[b] / 0.75 if kept else x[b]
        np.testing.assert_allclose(y[b], want, rtol=1e-12, atol=1e-12)
    # eval: no mask (predict is the undropped network)
    with x64():
        ev_on = Reference(spec, drop_path=0.5).layer_outputs(*args, train=False)
        ev_off = Reference(spec).layer_outputs(*args, train=False)
    np.testing.assert_array_equal(np.asarray(ev_on[-1]), np.asarray(ev_off[-1]))


# --------------------------------------------------------------------------- compiled grads
@pytest.mark.parametrize("dtype", ["f32", "f64"])
@pytest.mark.parametrize("case", ROWS, ids=[c.id for c in ROWS])
def test_compiled_grads_match_reference_with_masks(case, dtype, cache_dir):
    """Per tensor, the tolerances of runtime.verify.Tolerance (f32: the smooth / kinked
    float32-vs-float64 bounds; f64: 1e-6, observed ~1e-12); the masks change the loss."""
    from netspec.reference import Reference, x64
    npdt = np.float64 if dtype == "f64" else np.float32
    module, _ = compile_grads_module(case.spec, batch=case.batch, dtype=dtype, cache_dir=cache_dir,
                                     drop_path=case.drop_path)
    inputs = both_masks(case, npdt)
    report = check_grads(case.spec, module, inputs, dtype=dtype, drop_path=case.drop_path)
    assert report.ok, report_table(report)
    kept = np.array(inputs["rand"], np.float64)
    for d in analyze(case.spec, case.drop_path).drop_blocks.values():
        kept[:, d.column] = 0.999
    with x64():
        ref = Reference(case.spec, drop_path=case.drop_path)
        f64 = lambda v: np.asarray(v, np.float64)
        l_all = ref.grads_flat(f64(inputs["params"]), f64(inputs["bn"]), f64(inputs["images"]),
                               inputs["labels"], label_smoothing=0.1, rand=kept)[0]
    assert abs(report.loss[1] - l_all) > 1e-4 * abs(l_all), "the masks dropped nothing"


def test_finite_differences_tiny_row_with_masks(cache_dir):
    """As tests/test_grads.py::test_finite_differences_tiny (eps 1e-5, agreement 1e-6
    relative, observed ~1e-9), with the masks of both_masks: the compiled f64 module's loss
    along random directions against its own gradient, and the reference's likewise."""
    from netspec.reference import Reference, central_difference, random_direction, x64
    from netspec.state import hyper_vector
    case = next(c for c in ROWS if c.tiny)
    a = analyze(case.spec, case.drop_path)
    inputs = both_masks(case, np.float64, seed=2)
    hyper = hyper_vector(lr=0.0, step=1, optimizer="adam", label_smoothing=0.1).astype(np.float64)
    module, _ = compile_grads_module(case.spec, batch=case.batch, dtype="f64", cache_dir=cache_dir,
                                     drop_path=case.drop_path)
    data = [inputs["bn"], inputs["images"], inputs["labels"], inputs["rand"], hyper]
    g_ours = module.call_host("grads", [inputs["params"], *data])[2]
    f_ours = lambda p: float(module.call_host("grads", [p, *data])[0])
    with x64():
        ref = Reference(case.spec, drop_path=case.drop_path)
        f_ref = lambda p: ref.loss(ref.split(p), ref.split_bn(inputs["bn"]), inputs["images"],
                                   inputs["labels"], label_smoothing=0.1, rand=inputs["rand"])[0]
        g_ref = ref.grads_flat(inputs["params"], inputs["bn"], inputs["images"], inputs["labels"],
                               label_smoothing=0.1, rand=inputs["rand"])[2]
    for seed in range(3):
        u = random_direction(np.zeros(a.n_params), seed=seed)
        with x64():
            fd_ref = central_difference(f_ref, inputs["params"], u, 1e-5)
        fd_ours = central_difference(f_ours, inputs["params"], u, 1e-5)
        scale = max(abs(fd_ref), 1e-8)
        assert abs(float(np.dot(g_ref, u)) - fd_ref) / scale < 1e-6, seed
        assert abs(float(np.dot(g_ours, u)) - fd_ours) / scale < 1e-6, seed


def _wrong_drop_vjp(ctx, p, m, dy):
    """The drop-path VJP without the 1 / (1 - rate) scale: dy * keep."""
    rate = ctx.drop_path[p.name][1]
    b = ctx.b
    keep = b.mul(m, b.const(1.0 - rate, m.dtype), hint="keep_only")
    return b.mul(dy, b.broadcast_in_dim(keep, dy.shape, (0,), hint="drop_b"), hint="d_dropped")


def test_wrong_drop_path_vjp_is_caught(monkeypatch, cache_dir):
    case = CASE_BY_ID["droppath_mbconv_r3"]
    monkeypatch.setattr("codegen.kinds.blocks.drop_vjp", _wrong_drop_vjp)
    module, _ = compile_grads_module(case.spec, batch=case.batch, dtype="f32", cache_dir=cache_dir,
                                     drop_path=case.drop_path)
    report = check_grads(case.spec, module, both_masks(case), drop_path=case.drop_path)
    assert not report.ok, "a wrong drop-path VJP passed the gradient check:\n" + report_table(report)
    assert min(r.err for r in report.failures()) > 1e-2     # gross, not rounding
    # the forward is right: the loss still agrees
    assert report.loss_err < report.tol.rel


# --------------------------------------------------------------------------- training
SPEC_SRC = textwrap.dedent("""
    from netspec import NetSpec, TrainConfig, convBn, dense, globalAvgPool, mbConv
    spec = NetSpec("DropPathTiny", 12, 12, in_channels=1, layers=[
        convBn(1, 8, 3, 2, act="swish"),
        mbConv(8, 8, 2, 3, 1, 3, True),
        globalAvgPool(),
        dense(8, 3),
    ])
    config = TrainConfig(learning_rate=2e-2, batch_size=16, epochs=2, optimizer="adam",
                         warmup_epochs=0, label_smoothing=0.1, drop_path=DROP, default_data=DATA)
""")


def _spec_file(d: Path, drop: float) -> Path:
    p = d / f"dp{drop}.py"
    p.write_text(SPEC_SRC.replace("DROP", repr(drop)).replace("DATA", repr(str(d / "data.npz"))))
    return p


def _cli(*args, cache_dir):
    return CliRunner().invoke(main, [*map(str, args), "--cache-dir", cache_dir])


def test_training_with_drop_path_resumes_bit_exact(tmp_path, cache_dir):
    make_npz(tmp_path / "data.npz")
    sf = _spec_file(tmp_path, 0.3)
    full, part = tmp_path / "full", tmp_path / "part"
    r = _cli("train", sf, "--out", full, "--workers", 0, cache_dir=cache_dir)
    assert r.exit_code == 0, r.output
    mlir = next((full / "module").glob("*.mlir")).read_text()
    assert "// stochastic depth 0.3: block i of 3" in mlir
    assert "blocks.1.1 0.1 (u0), blocks.1.2 0.2 (u1)" in mlir
    man = json.loads((full / "module" / "manifest.json").read_text())
    rand = [a for a in man["abi"]["functions"]["train_step"]["args"] if a["name"] == "rand"]
    assert len(rand) == 1 and rand[0]["shape"] == [16, 2], rand
    r = _cli("train", sf, "--out", part, "--workers", 0, "--stop-at-step", 5, cache_dir=cache_dir)
    assert r.exit_code == 0, r.output
    r = _cli("train", sf, "--resume", part, "--workers", 0, cache_dir=cache_dir)
    assert r.exit_code == 0, r.output
    a, b = steps(full), steps(part)
    assert [s["step"] for s in b] == list(range(12))
    assert [s["loss"] for s in a] == [s["loss"] for s in b]            # bit for bit
    assert np.isfinite([s["loss"] for s in a]).all()
    assert [e["val_top1"] for e in epochs_of(full)] == [e["val_top1"] for e in epochs_of(part)]
    ta, _ = load_checkpoint(full / "checkpoints" / "last.safetensors")
    tb, _ = load_checkpoint(part / "checkpoints" / "last.safetensors")
    for k in ta:
        np.testing.assert_array_equal(ta[k], tb[k])


def test_info_reports_per_block_rates(tmp_path):
    sf = _spec_file(tmp_path, 0.3)
    r = CliRunner().invoke(main, ["info", str(sf), "--json"])
    assert r.exit_code == 0, r.output
    sd = json.loads(r.stdout)["stochastic_depth"]
    assert (sd["drop_path"], sd["blocks"]) == (0.3, 3)
    assert [b["block"] for b in sd["per_block"]] == ["blocks.1.0", "blocks.1.1", "blocks.1.2"]
    np.testing.assert_allclose([b["rate"] for b in sd["per_block"]], [0.0, 0.1, 0.2], rtol=1e-12)
    assert [b["rand_column"] for b in sd["per_block"]] == [None, 0, 1]
    r = CliRunner().invoke(main, ["info", str(sf)])
    assert r.exit_code == 0 and "stochastic depth" in r.stdout
    assert "blocks.1.1 0.1, blocks.1.2 0.2" in r.stdout
    off = CliRunner().invoke(main, ["info", str(_spec_file(tmp_path, 0.0)), "--json"])
    assert "stochastic_depth" not in json.loads(off.stdout)
