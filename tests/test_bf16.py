"""bf16 mixed precision (``netspec.precision``): the emitted bf16_conv / bf16 modules, compiled
by IREE for the CPU and run, against the float64 truth and against a JAX reference that rounds
where the emitted module does (``Reference(precision=...)``); a Trainer run in bf16.

Metric: ``runtime.verify.compare_tensors`` (per tensor, relative L2 error with a floor), over
the loss, every parameter gradient and the input gradient.  The floor is one bf16 ulp, 2^-8,
of the RMS tensor norm (f32 modules use 1e-3): gradients that are analytically zero — the
beta of a BatchNorm whose output reaches the next BatchNorm only through a convolution (the
project convBn before the next block's expand) — come out as bf16 rounding noise of the
gradients around them, ~2e-4 of the RMS norm here (an error of 0.2 against the f32 floor).

Why the bounds (vs the float64 truth).  bf16 keeps 8 significand bits: one rounding is a
relative error of at most 2^-9 (~2e-3), standard deviation ~2^-8/sqrt(12) ~ 1.1e-3.  A K-term
dot product of two rounded operands accumulated in f32 carries sqrt(2) such errors per
product; they are independent, so the sum's relative error is ~1.6e-3 * ||a*b||_2 / |sum a*b|
— O(1e-3) without cancellation, more where the sum cancels.  A gradient passes through one
rounded contraction (plus, in mode bf16, a rounded activation and cotangent) per layer, so
the errors add in quadrature over the depth, and BatchNorm's backward (N du - sum du -
xhat sum du xhat) cancels, which amplifies them for the BN parameters and everything below.
Measured here (seed 1, batch as in the case table; median / worst tensor):
    conv_k3_s2_odd      bf16_conv 1.6e-3 / 6.9e-3    bf16 2.7e-3 / 7.9e-3
    dw_k3_s2_odd        bf16_conv 5.9e-3 / 3.3e-2    bf16 8.8e-3 / 3.2e-2
    se_mid4             bf16_conv 1.5e-2 / 5.6e-2    bf16 1.9e-2 / 6.9e-2   (SE biases: cancelling sums)
    mbconv_e6_k3_res_r2 bf16_conv 2.9e-2 / 4.5e-2    bf16 3.9e-2 / 5.6e-2
    SMALL (whole net)   bf16_conv 1.4e-2 / 5.0e-2    bf16 1.9e-2 / 1.2e-1   (batch 4)
    head_dense_relu_chain (not tested) 1.1e-2 / 2.4e-1: relu6, a bf16-perturbed pre-activation
                        near a kink takes the other branch than the truth
Bounds: median <= 6e-2, worst tensor <= 1.5e-1 (1.5x and 1.25x the worst measured; a wrong or
missing VJP term is an O(1) error), loss <= 2e-3 relative (measured <= 8.5e-4).

Against the bf16-policy reference (the same roundings in jnp, f32 sums) the case rows agree to
median ~1e-8..1e-7, worst <= 3e-5: the differences are the order of the f32 sums and the rare
bf16 rounding flipped by it.  Two exceptions, measured and not explained further:
bf16_conv on the residual two-repeat mbConv (median 4e-4, worst 4.8e-3; still 70x / 9x
tighter than against the truth), and the whole net SMALL (bf16_conv 5.2e-3 / 5.9e-2, bf16
1.1e-2 / 1.5e-1: median only 2-3x tighter than against the truth, and the worst tensors, the
analytically-zero BN betas, are noise against noise).  Where the flips come from at that
depth (f32 summation order through train-mode BatchNorm, or a rounding IREE still elides) is
open.  Bounds on the case rows: median <= 1e-3, worst <= 1e-2, and at least 10x (median) / 5x
(worst) tighter than against the truth, and a reference WITHOUT the module's roundings (the
next mode down) misses that bound (a test of the test); on SMALL: median no worse than
against the truth.
"""

from __future__ import annotations

import json
import textwrap

import numpy as np
import pytest

from codegen import emit
from codegen.cases import CASE_BY_ID
from netspec import NetSpec, TrainConfig, convBn, dense, globalAvgPool, mbConv
from netspec.analysis import analyze
from netspec.errors import SpecError
from netspec.precision import Precision, mode_of
from runtime.verify import _split64, compare_tensors, compile_grads_module, random_inputs

MODES = ("bf16_conv", "bf16")
ROWS = ("conv_k3_s2_odd", "dw_k3_s2_odd", "se_mid4", "mbconv_e6_k3_res_r2")
SMALL = NetSpec("Bf16Small", 16, 16, in_channels=1, layers=[
    convBn(1, 16, 3, 1, act="swish"), mbConv(16, 24, 4, 3, 2, 1, True),
    mbConv(24, 24, 4, 3, 1, 2, True), convBn(24, 48, 1, 1, act="swish"),
    globalAvgPool(), dense(48, 10)])

TRUTH_MEDIAN, TRUTH_MAX, TRUTH_LOSS = 6e-2, 1.5e-1, 2e-3
POLICY_MEDIAN, POLICY_MAX = 1e-3, 1e-2

_LS = 0.1


def _run_grads(module, spec, inputs):
    from netspec.state import hyper_vector
    hyper = hyper_vector(lr=0.0, step=1, optimizer="adam", label_smoothing=_LS,
                         bn_momentum=spec.bn_momentum).astype(np.float32)
    values = dict(inputs, hyper=hyper)
    fn = module.abi["grads"]
    return dict(zip((t.name for t in fn.results), module.call_host("grads", [values[t.name] for t in fn.args])))


def _reference(spec, inputs, precision, f64):
    from netspec.reference import Reference, x64
    cast = (lambda v: None if v is None else np.asarray(v, np.float64)) if f64 else (lambda v: v)
    def go():
        r = Reference(spec, precision=precision)
        return r.grads_flat(cast(inputs["params"]), cast(inputs["bn"]), cast(inputs["images"]),
                            inputs["labels"], label_smoothing=_LS, rand=cast(inputs["rand"]),
                            wrt_input=True)
    if f64:
        with x64():
            return go()
    return go()


def _errors(spec, out, ref):
    a = analyze(spec)
    rows = compare_tensors({**_split64(a, out["grads"]), "d_images": out["d_images"]},
                           {**_split64(a, ref[2]), "d_images": ref[4]}, np.inf, floor_ratio=2.0 ** -8)
    errs = np.array([r.err for r in rows])
    loss = abs(float(out["loss"]) - ref[0]) / abs(ref[0])
    return loss, float(np.median(errs)), float(errs.max()), rows


def _table(rows) -> str:
    return "\n".join(f"  {r.name:36s} {r.err:.2e}" for r in rows)


def _check(spec, batch, mode, cache_dir, tight: bool = True):
    module, _ = compile_grads_module(spec, batch=batch, precision=mode, cache_dir=cache_dir)
    inputs = random_inputs(spec, batch, seed=1)
    out = _run_grads(module, spec, inputs)
    t_loss, t_med, t_max, t_rows = _errors(spec, out, _reference(spec, inputs, "f32", f64=True))
    assert t_loss <= TRUTH_LOSS and t_med <= TRUTH_MEDIAN and t_max <= TRUTH_MAX, (
        f"{spec.name} {mode} vs float64 truth: loss {t_loss:.1e}, median {t_med:.1e}, "
        f"max {t_max:.1e}\n{_table(t_rows)}")
    p_loss, p_med, p_max, p_rows = _errors(spec, out, _reference(spec, inputs, mode, f64=False))
    if not tight:     # the whole net: see the module docstring
        assert p_med <= t_med, (p_med, t_med)
        return t_med, t_max, p_med, p_max
    assert p_med <= POLICY_MEDIAN and p_max <= POLICY_MAX, (
        f"{spec.name} {mode} vs the bf16-policy reference: median {p_med:.1e}, max {p_max:.1e}"
        f"\n{_table(p_rows)}")
    assert p_med * 10 <= t_med and p_max * 5 <= t_max, (p_med, t_med, p_max, t_max)
    # a reference without this mode's roundings does not pass the policy bound
    other = "bf16_conv" if mode == "bf16" else "f32"
    _, o_med, o_max, _ = _errors(spec, out, _reference(spec, inputs, other, f64=False))
    assert o_med > POLICY_MEDIAN or o_max > POLICY_MAX, (other, o_med, o_max)
    return t_med, t_max, p_med, p_max


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("row", ROWS)
def test_case_rows_match_truth_and_policy_reference(row, mode, cache_dir):
    c = CASE_BY_ID[row]
    _check(c.spec, c.batch, mode, cache_dir)


@pytest.mark.parametrize("mode", MODES)
def test_whole_small_net(mode, cache_dir):
    _check(SMALL, 4, mode, cache_dir, tight=False)


# ----------------------------------------------------------------------------- emitted text
def test_f32_policy_emits_the_default_text():
    for row in ("se_mid4", "head_dense_relu_chain"):
        spec = CASE_BY_ID[row].spec
        assert emit(spec, batch=2, precision="f32").text == emit(spec, batch=2).text


def test_bf16_text_follows_the_policy():
    spec = CASE_BY_ID["se_mid4"].spec
    text = emit(spec, batch=2, precision="bf16").text
    convs = [l for l in text.splitlines() if "stablehlo.convolution" in l]
    dots = [l for l in text.splitlines() if "stablehlo.dot_general" in l]
    dense_convs = [l for l in convs if "feature_group_count = 1 :" in l]
    assert dense_convs and all(l.rstrip().endswith("xf32>") and "xbf16>, tensor<" in l
                               for l in dense_convs)
    # depthwise: bf16-rounded f32 operands (IREE 3.13 cannot take mixed grouped convolutions)
    assert all("xbf16>" not in l for l in convs if l not in dense_convs)
    assert dots and all("xbf16>, tensor<" in l and l.rstrip().endswith("xf32>") for l in dots)
    # BN statistics, the squeeze, the loss: every reduction is over f32
    for l in text.splitlines():
        if "stablehlo.reduce(" in l:
            assert "xbf16>" not in l, l
    # master weights, optimizer state and BN state cross the ABI in f32
    e = emit(spec, batch=2, precision="bf16", functions=("train_step",))
    assert all(t.dtype in ("f32", "i32") for t in (*e.abi.functions["train_step"].args,
                                                     *e.abi.functions["train_step"].results))


def test_bad_precision_is_a_spec_error():
    spec = CASE_BY_ID["se_mid4"].spec
    with pytest.raises(SpecError) as e:
        emit(spec, batch=2, precision="fp8")
    assert e.value.field == "precision"
    with pytest.raises(SpecError) as e:
        emit(spec, batch=2, precision="bf16", dtype="f64")
    assert e.value.field == "precision"
    assert mode_of(TrainConfig(bf16_conv=True)) == "bf16_conv"
    assert mode_of(TrainConfig(bf16=True)) == mode_of(TrainConfig(bf16=True, bf16_conv=True)) == "bf16"
    assert not Precision("f32").lowered


# ----------------------------------------------------------------------------- training
def test_trainer_trains_in_bf16_and_keeps_f32_master_weights(tmp_path, cache_dir):
    """A short Trainer run on the embedded digits in mode bf16: the loss falls, the module is
    the bf16 one, and the checkpoint's parameters, optimizer state and BN state are f32."""
    from click.testing import CliRunner
    from netspec.cli import main
    from runtime.checkpoint import load_checkpoint

    spec = tmp_path / "digits_bf16.py"
    spec.write_text(textwrap.dedent("""
        from netspec import NetSpec, TrainConfig, convBn, dense, globalAvgPool, mbConv
        spec = NetSpec("DigitsBf16", 16, 16, in_channels=1, layers=[
            convBn(1, 16, 3, 1, act="swish"), mbConv(16, 24, 4, 3, 2, 1, True),
            globalAvgPool(), dense(24, 10)])
        config = TrainConfig(learning_rate=1e-2, batch_size=64, epochs=2, optimizer="adam",
                             label_smoothing=0.1, bf16=True, bf16_conv=True,
                             default_data="embedded:digits")
    """))
    out = tmp_path / "run"
    r = CliRunner().invoke(main, ["train", str(spec), "--out", str(out), "--cache-dir", cache_dir,
                                  "--workers", "0"])
    assert r.exit_code == 0, r.output
    recs = [json.loads(l) for l in (out / "metrics.jsonl").read_text().splitlines()]
    losses = [s["loss"] for s in recs if s["kind"] == "step"]
    assert all(np.isfinite(losses)) and np.mean(losses[-5:]) < np.mean(losses[:5]) - 0.3, losses
    man = json.loads((out / "module" / "manifest.json").read_text())
    assert man["precision"] == "bf16"
    assert "bf16" in (out / "module" / man["files"]["mlir"]).read_text()
    tensors, _ = load_checkpoint(out / "checkpoints" / "last.safetensors")
    assert tensors and all(np.asarray(v).dtype == np.float32 for k, v in tensors.items()
                           if np.asarray(v).dtype.kind == "f"), {k: np.asarray(v).dtype for k, v in tensors.items()}
