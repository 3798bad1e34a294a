"""Whole MobileNetV2 and EfficientNet-B0 (10 classes) at 64x64, batch 4, compiled for the CPU.

Why 64x64 and not 32x32: at 32x32 both networks end at 1x1 spatial, so their last
BatchNorms normalise over N = batch = 2..4 values; the float32 forward is then chaotic
(two samples normalise to +-1 whatever their values) and comparing with a float64 truth
measures that conditioning, not the emitter.  At 64x64 the last stage is 2x2 (N = 16).

- predict logits, loss, BN statistics, every parameter gradient and the input cotangent
  against the float64 JAX reference (``runtime.verify``'s metric and tolerances);
- three consecutive ``train_step`` calls per optimizer (each on one of the models, each model
  with two; ``TRAIN_CASES``) against the reference optimizer:
  losses per step, BN running statistics and the parameter update p3 - p0.  The update is
  compared per tensor by the same metric, except for tensors whose float64 gradient is
  analytically zero (err floor in runtime.verify): Adam/RMSProp normalise a gradient by
  its own magnitude, so float32 rounding noise of 1e-7 there becomes an O(lr) step while the
  float64 truth's 1e-15 does not.  For those tensors we assert the step is bounded by what
  the optimizer allows (|dp| <= 3 steps * lr * bound), not equality.
"""

from __future__ import annotations

import functools

import numpy as np
import pytest

from codegen import emit_module
from netspec.state import OPT_STATE, hyper_vector
from netspec import analyze, efficientnet, mobilenet_v2
from runtime.engines.iree import compile_mlir
from runtime.engines.iree.run import load_module
from runtime.verify import Tolerance, check_grads, compare_tensors, compile_grads_module, random_inputs

from .conftest import report_table

MODELS = {
    "effnet_b0": lambda: efficientnet("b0", 10, image_size=64),
    "mobilenet_v2": lambda: mobilenet_v2(10, image_size=64),
}
BATCH = 4

OPT_CASES = {
    "sgd": dict(lr=0.01, momentum=0.9, nesterov=True, weight_decay=1e-4),
    "adam": dict(lr=1e-3, weight_decay=1e-4),
    "adamw": dict(lr=1e-3, weight_decay=1e-2),
    "rmsprop": dict(lr=1e-3, momentum=0.9, weight_decay=1e-5),
}


@pytest.mark.slow
@pytest.mark.parametrize("model,dtype", [("effnet_b0", "f32"), ("mobilenet_v2", "f32"), ("mobilenet_v2", "f64")])
def test_whole_model_grads(model, dtype, cache_dir):
    """f32 modules with runtime.verify's tolerances; MobileNetV2's relu6 kinks make its f32
    comparison loose, so the same emitted code is also checked as an f64 module (1e-6)."""
    spec = MODELS[model]()
    module, _ = compile_grads_module(spec, batch=BATCH, dtype=dtype, cache_dir=cache_dir)
    inputs = random_inputs(spec, BATCH, seed=3, dtype=np.float64 if dtype == "f64" else np.float32)
    report = check_grads(spec, module, inputs, dtype=dtype)
    assert report.ok, report_table(report)


@functools.cache
def _reference(model):
    from netspec.reference import Reference, x64
    with x64():
        return Reference(MODELS[model]())


#: every optimizer once and every model twice: the optimizer's update is one network-independent
#: kernel over the flat buffers (codegen/optim.py), so each (optimizer, model) pair adds a whole
#: train_step compile (~100 s on 2 cores) without a new emitted path; the case table's rows run
#: CASE_OPTIMIZER on every layer kind
TRAIN_CASES = [("effnet_b0", "adam"), ("effnet_b0", "sgd"), ("mobilenet_v2", "adamw"),
               ("mobilenet_v2", "rmsprop")]
assert {o for _, o in TRAIN_CASES} == set(OPT_CASES) and {m for m, _ in TRAIN_CASES} == set(MODELS)


@pytest.mark.slow
@pytest.mark.parametrize("model,optimizer", TRAIN_CASES)
def test_three_train_steps(model, optimizer, cache_dir):
    """Three consecutive steps of the compiled train_step.  At each step the float64
    reference takes the module's own state (parameters, optimizer state, BN statistics), so
    float32 differences do not compound across steps.  Checked per step:
      - the loss and the BN running statistics against the reference;
      - every optimizer state buffer (momentum / Adam moments / RMS) against the reference's
        (global relative L2; these are linear or quadratic in the gradient);
      - the parameter update against the optimizer formula applied to the module's own new
        state.  Comparing p' itself with the reference would judge Adam's sign(g) for
        gradient entries below float32 resolution (|m/sqrt(v)| ~ 1 whatever |g| is): a 2*lr
        difference that says nothing about the emitter."""
    from netspec.reference import x64
    spec = MODELS[model]()
    a = analyze(spec)
    text = emit_module(spec, batch=BATCH, functions=("train_step",), optimizer=optimizer)
    module = load_module(compile_mlir(text, cache_dir=cache_dir, source_hint=spec.name).vmfb_path)
    ref = _reference(model)
    inp = random_inputs(spec, BATCH, seed=4)
    rng = np.random.default_rng(5)
    kw = OPT_CASES[optimizer]
    state = [np.full(a.n_params, init, np.float32) for _, init in OPT_STATE[optimizer]]
    p, bn = inp["params"], inp["bn"]
    decay = np.concatenate([np.full(q.size, float(q.decay)) for q in a.params])
    # the state buffers carry the float32 gradient: runtime.verify's per-spec bound applies
    # (MobileNetV2's relu6 kinks: 1e-1; smooth B0: 2e-3)
    state_tol = Tolerance.for_spec(spec).rel
    for step in range(1, 4):
        images = rng.standard_normal(inp["images"].shape).astype(np.float32)
        labels = rng.integers(0, 10, BATCH).astype(np.int32)
        rand = rng.uniform(size=(BATCH, a.rand_width)).astype(np.float32)
        h = hyper_vector(step=step, optimizer=optimizer, label_smoothing=0.1, **kw)
        out = module.call("train_step", p, *state, bn, images, labels, rand, h)
        new_p, new_state, new_bn, loss = out[0], list(out[1:-3]), out[-3], float(out[-2])
        with x64():
            _, rstate, rbn, rloss, _ = ref.train_step_flat(f64(p), [f64(s) for s in state], f64(bn), f64(images),
                                                           labels, f64(h), optimizer=optimizer, rand=f64(rand))
        assert abs(loss - rloss) <= 1e-4 * abs(rloss), (step, loss, rloss)
        bn_rows = compare_tensors({"bn": new_bn}, {"bn": rbn}, 1e-4)
        assert bn_rows[0].ok, (step, bn_rows)
        for (name, _), ours, theirs in zip(OPT_STATE[optimizer], new_state, rstate):
            rows = compare_tensors({name: ours}, {name: theirs}, state_tol)
            assert rows[0].ok, (step, rows)
        expected = _formula(optimizer, f64(p), [f64(s) for s in state], [f64(s) for s in new_state], h, decay)
        # p' is stored in float32: besides 1e-4 relative to the step, allow the rounding of
        # |p| itself (half an ulp, 2^-24 |p|, per element) — steps can be smaller than an ulp.
        d_ours, d_exp, p_t = a.split(f64(new_p) - f64(p)), a.split(expected - f64(p)), a.split(f64(p))
        bad = [(n, float(np.linalg.norm(d_ours[n] - d_exp[n])), float(np.linalg.norm(d_exp[n]))) for n in d_exp
               if np.linalg.norm(d_ours[n] - d_exp[n]) > 1e-4 * np.linalg.norm(d_exp[n])
               + 2.0 ** -23 * np.linalg.norm(p_t[n]) + 1e-30]
        assert not bad, f"step {step}: update differs from the formula: {bad[:5]}"
        p, state, bn = new_p, new_state, new_bn


def _formula(optimizer, p, state, new_state, h, decay):
    """p' from the optimizer's new state (netspec/state.py's formulas), in float64."""
    from netspec.state import HYPER_INDEX as I
    lr, wd, mu = h[I["lr"]], h[I["weight_decay"]], h[I["momentum"]]
    if optimizer == "sgd":
        (buf,), (buf2,) = state, new_state
        g = buf2 - mu * buf
        d = g + mu * buf2 if h[I["nesterov"]] else buf2
        return p - lr * d
    if optimizer in ("adam", "adamw"):
        m, v = new_state
        d = (m / h[I["bias_correction1"]]) / (np.sqrt(v / h[I["bias_correction2"]]) + h[I["eps"]])
        if optimizer == "adamw":
            d = d + wd * decay * p
        return p - lr * d
    if optimizer == "rmsprop":
        return p - new_state[1]
    raise AssertionError(optimizer)


def f64(v):
    return np.asarray(v, np.float64)
