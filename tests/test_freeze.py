"""Frozen parameters (issue 16, ``netspec train --freeze PATTERN --freeze-epochs E``): the
emitted masked train step against the float64 reference, per tensor, for every optimizer.

Semantics (netspec/state.py): PyTorch ``requires_grad=False`` while hyper ``freeze_on`` = 1 —
no gradient (so not in the clipping norm), parameters AND optimizer state kept bit for bit (no
weight decay, no moment decay), BN statistics still tracked; once thawed, adam's bias corrections
of the frozen set count its own steps (``thaw_bias_correction*``).
"""

from __future__ import annotations

import numpy as np
import pytest

from codegen import emit
from netspec import NetSpec, convBn, dense, globalAvgPool, mbConv
from netspec.analysis import analyze
from netspec.state import HYPER, OPT_STATE, hyper_names, hyper_vector
from runtime.verify import compare_tensors, random_inputs

SPEC = NetSpec("FreezeTiny", 6, 6, in_channels=2, layers=[
    convBn(2, 4, 3, 1, act="swish"), mbConv(4, 4, 2, 3, 1, 1, True), globalAvgPool(), dense(4, 3)])
BATCH = 4
#: the stem and the block's expansion and depthwise tensors (decayed weights and undecayed BN
#: gammas / betas both), the SE / projection / classifier train
FROZEN = tuple(p.name for p in analyze(SPEC).params
               if p.name.startswith(("conv.0.", "blocks.1.0.expand.", "blocks.1.0.dw.")))
OPT_KW = {"sgd": dict(momentum=0.9, nesterov=True), "adam": {}, "adamw": {}, "rmsprop": dict(momentum=0.9)}


def f64(x):
    return np.asarray(x, np.float64)


def test_freeze_adds_hyper_rows_and_header_only_when_on():
    base = emit(SPEC, batch=BATCH, functions=("train_step",), optimizer="adam")
    on = emit(SPEC, batch=BATCH, functions=("train_step",), optimizer="adam", freeze=FROZEN)
    assert base.abi.hyper == HYPER and "freeze" not in base.text
    assert on.abi.hyper == HYPER + ("freeze_on", "thaw_bias_correction1", "thaw_bias_correction2")
    assert on.abi.hyper == hyper_names(freeze=True)
    assert on.abi.state == base.abi.state           # no new state rows: the set is compile-time
    n = sum(p.size for p in analyze(SPEC).params if p.name in FROZEN)
    line = next(l for l in on.text.splitlines() if l.startswith("// frozen while"))
    assert f"{len(FROZEN)} of {len(analyze(SPEC).params)} tensors, {n} of" in line
    assert all(name in line for name in FROZEN)
    with pytest.raises(Exception, match="freeze"):
        emit(SPEC, batch=BATCH, functions=("train_step",), optimizer="adam", freeze=("nope.w",))


def _iree(text, cache_dir):
    from runtime.engines.iree import compile_mlir
    from runtime.engines.iree.run import load_module
    return load_module(compile_mlir(text, cache_dir=cache_dir, source_hint="freeze").vmfb_path)


@pytest.mark.parametrize("optimizer,clip", [("sgd", False), ("adam", False), ("adamw", False),
                                            ("rmsprop", False), ("adam", True)])
def test_masked_step_matches_the_reference_per_tensor(optimizer, clip, cache_dir):
    """K = 3 frozen steps then 2 thawed ones (the module's own trajectory; the float64 reference
    is given the module's state before each step).  Frozen tensors and their optimizer slots
    must be bit-identical to where they started after the K steps (and weight decay 0.05 is on,
    so any leak would move them); every tensor of every step equals the reference within 2e-4
    (runtime.verify's smooth-spec bound; measured worst per case over the 5 steps: sgd 4.1e-6
    (the momentum buffer of the SE reduce bias), adam 4.2e-7, adamw 4.1e-7, rmsprop 3.4e-7,
    adam + clipping 1.0e-7, all on optimizer slots).  Thawing is told
    apart: adam's first thawed step with the run's bias corrections instead of the frozen set's
    own would move the frozen set's parameters by a different step (asserted > 1e-2 relative).
    With ``clip`` (threshold 0.05, below the loss gradient's norm) the norm excludes the frozen
    tensors."""
    from netspec.reference import Reference, x64
    a = analyze(SPEC)
    kw = dict(clip_grad=True) if clip else {}
    em = emit(SPEC, batch=BATCH, functions=("train_step",), optimizer=optimizer, freeze=FROZEN, **kw)
    mod = _iree(em.text, cache_dir)
    names = hyper_names(clip_grad=clip, freeze=True)
    rng = np.random.default_rng(11)
    inp = random_inputs(SPEC, BATCH, seed=5)
    p, bn = inp["params"], inp["bn"]
    # non-trivial slots: a kept slot is then distinguishable from a decayed / reset one
    state = [(np.full(a.n_params, init, np.float32)
              + 0.01 * np.abs(rng.standard_normal(a.n_params)).astype(np.float32))
             for _, init in OPT_STATE[optimizer]]
    start = {"params": p.copy(), **{n: s.copy() for (n, _), s in zip(OPT_STATE[optimizer], state)}}
    frozen_mask = np.concatenate([np.full(q.size, q.name in FROZEN) for q in a.params])
    K, T = 5, 3
    moved_after_thaw = None
    with x64():
        ref = Reference(SPEC)
        for step in range(K):
            on = step < T
            h = hyper_vector(lr=0.05, step=step + 1, optimizer=optimizer, weight_decay=0.05,
                             max_grad_norm=0.05, freeze_on=on, thaw_step=0 if on else step + 1 - T,
                             names=names, **OPT_KW[optimizer])
            x = rng.standard_normal(inp["images"].shape).astype(np.float32)
            y = rng.integers(0, 3, BATCH).astype(np.int32)
            out = [np.asarray(o) for o in mod.call("train_step", p, *state, bn, x, y, h)]
            r = ref.train_step_flat(f64(p), [f64(s) for s in state], f64(bn), f64(x), y, f64(h),
                                    optimizer=optimizer, clip=clip, freeze=FROZEN)
            n_opt = len(state)
            ours = {"bn": out[1 + n_opt], **{f"p.{k}": v for k, v in a.split(out[0]).items()}}
            theirs = {"bn": r[2], **{f"p.{k}": v for k, v in a.split(r[0]).items()}}
            for (n, _), mine, want in zip(OPT_STATE[optimizer], out[1:1 + n_opt], r[1]):
                ours.update({f"{n}.{k}": v for k, v in a.split(mine).items()})
                theirs.update({f"{n}.{k}": v for k, v in a.split(want).items()})
            bad = [row for row in compare_tensors(ours, theirs, 2e-4) if not row.ok]
            assert not bad, (step, bad[:4])
            assert abs(float(out[2 + n_opt]) - r[3]) <= 1e-5 * abs(r[3])
            if step == T and optimizer in ("adam", "adamw"):
                # the other convention: the frozen set's first update with the run's step count
                h_alt = h.copy()
                h_alt[names.index("thaw_bias_correction1")] = h[names.index("bias_correction1")]
                h_alt[names.index("thaw_bias_correction2")] = h[names.index("bias_correction2")]
                alt = ref.train_step_flat(f64(p), [f64(s) for s in state], f64(bn), f64(x), y,
                                          f64(h_alt), optimizer=optimizer, clip=clip,
                                          freeze=FROZEN)[0]
                d_ours, d_alt = (out[0] - p)[frozen_mask], (alt - f64(p))[frozen_mask]
                moved_after_thaw = np.linalg.norm(d_ours - d_alt) / np.linalg.norm(d_ours)
            p, state, bn = out[0], list(out[1:1 + n_opt]), out[1 + n_opt]
            if step == T - 1:       # end of the frozen phase: the frozen set untouched, bit for bit
                assert np.array_equal(p[frozen_mask], start["params"][frozen_mask])
                assert not np.array_equal(p[~frozen_mask], start["params"][~frozen_mask])
                for (n, _), s in zip(OPT_STATE[optimizer], state):
                    assert np.array_equal(s[frozen_mask], start[n][frozen_mask]), n
                    assert not np.array_equal(s[~frozen_mask], start[n][~frozen_mask]), n
    # thawed: the frozen set trains again
    assert not np.array_equal(p[frozen_mask], start["params"][frozen_mask])
    if moved_after_thaw is not None:
        assert moved_after_thaw > 1e-2, moved_after_thaw
