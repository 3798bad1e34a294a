"""TensorFlow's SAME padding, ``padding="tf_same"`` (issue 16): timm's ``tf_efficientnet_b0``.

    out = ceil(H / s);  total = max((out - 1) s + k - H, 0);  lo = total // 2, hi = total - lo

(``netspec.kinds.base.conv_pads``; timm's ``pad_same`` / ``Conv2dSame``, TF's "SAME"): at
stride 2 on an even extent the extra row goes at the END, (0, 1) for a 3x3, (1, 2) for a 5x5;
odd extents and stride 1 are symmetric.

- the shape rule against timm's own ``get_same_padding`` and the direct formula, every kernel,
  stride and extent 1..40; 'same' / 'valid' as before; the block kinds' ``padding`` field
  (validation, describe, left out of the spec hash at its default);
- the emitted VJPs: the case table's ``tfsame_*`` rows (tests/test_grads.py, finite
  differences on the tiny ones, golden files); here a deliberately wrong input / weight
  gradient padding (the symmetric k//2 a naive port would assume) must fail the check;
- the torch peer (``F.pad`` then the unpadded conv) computes the float64 reference;
- ``tf_efficientnet("b0", 1000)`` has exactly timm's parameter count and state-dict keys; a
  random-init ``tf_efficientnet_b0`` (BN statistics randomised) imports with ``netspec
  weights import --from timm --arch tf_efficientnet_b0`` and netspec's compiled predict
  matches its eval logits; the same weights in the padding-'same' network do not.

64x64 inputs, batch 4 (B0 reduces by 32: every stride-2 conv sees an even extent, so every one
pads asymmetrically).
"""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pytest
from click.testing import CliRunner
from safetensors.torch import save_file

from netspec import (NetSpec, analyze, bneck, convBn, dense, dropout, efficientnet, globalAvgPool,
                     invertedResidual, mbConv, tf_efficientnet)
from netspec.analysis import spec_dict, spec_hash
from netspec.cli import main
from netspec.errors import SpecError
from netspec.kinds.base import KERNELS, STRIDES, conv_out, conv_pads
from netspec.loader import load_spec_file
from runtime.inference import inference_session, open_checkpoint
from runtime.verify import check_grads, compile_grads_module, random_inputs
from runtime.weights import torch_key_table, torch_zoo

from .conftest import report_table
from .test_weights import REL_TOL, randomize_bn, rel_err, torch_logits

tvm, timm = torch_zoo()

ROOT = Path(__file__).resolve().parent.parent
IMAGE, BATCH, CLASSES = 64, 4, 10


def invoke(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


# --------------------------------------------------------------------------- the shape rule
def test_conv_pads_are_tensorflows_same():
    """Against timm's ``get_same_padding`` (its Conv2dSame's) and the formula written directly;
    the output extent is ceil(H / s); the lo / hi split puts the odd pixel at the end."""
    from timm.layers import get_same_padding
    for size in range(1, 41):
        for k in KERNELS:
            for s in STRIDES:
                lo, hi = conv_pads(size, k, s, "tf_same")
                total = max((math.ceil(size / s) - 1) * s + k - size, 0)
                assert (lo, hi) == (total // 2, total - total // 2), (size, k, s)
                assert lo + hi == get_same_padding(size, k, s, 1), (size, k, s)
                assert hi - lo in (0, 1)
                assert conv_out(size, k, s, "tf_same") == math.ceil(size / s)
                # 'same' / 'valid' as before: symmetric k//2, none
                assert conv_pads(size, k, s, "same") == (k // 2, k // 2)
                assert conv_out(size, k, s, "same") == (size + 2 * (k // 2) - k) // s + 1
                if size >= k:
                    assert conv_out(size, k, s, "valid") == (size - k) // s + 1
    # the cases that matter: even extents at stride 2 pad asymmetrically, odd ones and
    # stride 1 symmetrically (= 'same')
    assert conv_pads(6, 3, 2, "tf_same") == (0, 1)
    assert conv_pads(7, 3, 2, "tf_same") == (1, 1)
    assert conv_pads(8, 5, 2, "tf_same") == (1, 2)
    assert conv_pads(9, 5, 2, "tf_same") == (2, 2)
    assert conv_pads(6, 5, 1, "tf_same") == (2, 2)
    assert conv_pads(2, 5, 2, "tf_same") == (1, 2)
    assert conv_pads(224, 3, 2, "tf_same") == (0, 1)


def test_plans_shapes_and_fields():
    spec = NetSpec("t", 9, 8, [convBn(3, 4, 3, 2, padding="tf_same"),
                               mbConv(4, 6, 2, 5, 2, 1, True, padding="tf_same"),
                               globalAvgPool(), dense(6, 2)])
    a = analyze(spec)
    stem, block = a.layers[0], a.layers[1]
    assert stem.out_shape == (4, 5, 4) and block.out_shape == (6, 3, 2)
    assert stem.plan.pads(9, 8) == ((1, 1), (0, 1))
    dw = block.plan[0].dw
    assert dw.padding == "tf_same" and dw.pads(5, 4) == ((2, 2), (1, 2))
    assert block.plan[0].expand.padding == "same"      # the 1x1s pad nothing either way
    with pytest.raises(ValueError, match="tf_same"):
        dw.pad                                          # no symmetric pad to give
    # the block kinds' field: 'same' | 'tf_same' ('valid' would shrink the residual's map)
    with pytest.raises(SpecError, match=r"mbConv.*padding.*'tf_same'"):
        mbConv(4, 4, 1, 3, 1, 1, padding="valid")
    with pytest.raises(SpecError, match=r"bneck.*padding"):
        bneck(8, 8, 8, 3, 1, "relu", False, padding="SAME")
    with pytest.raises(SpecError, match=r"invertedResidual.*padding"):
        invertedResidual(4, 4, 6, 1, 1, padding="full")
    assert invertedResidual(4, 4, 6, 2, 1, padding="tf_same").plan(1)[0].dw.padding == "tf_same"
    assert bneck(8, 8, 8, 3, 2, padding="tf_same").plan(1)[0].dw.padding == "tf_same"
    assert mbConv(4, 4, 1, 3, 2, padding="tf_same").describe().endswith(" tf_same")
    assert "tf_same" not in mbConv(4, 4, 1, 3, 2).describe()


def test_padding_keeps_the_spec_hash_of_older_specs():
    """The block kinds' ``padding`` is left out of the spec hash at its default ('same'), as
    ``mbConv.act`` is: specs saved before the field existed keep their hash; tf_same changes it."""
    b0 = efficientnet("b0", 10)
    blocks = [l for l in spec_dict(b0)["layers"] if l["kind"] in ("mbConv", "invertedResidual", "bneck")]
    assert blocks and all("padding" not in l for l in blocks)
    tf = NetSpec(b0.name, b0.image_h, b0.image_w, [
        type(l)(**{**l.__dict__, "padding": "tf_same"}) if l.kind == "mbConv" else l for l in b0.layers])
    assert spec_hash(tf) != spec_hash(b0)
    assert efficientnet("b0", 10, padding="same", bn_eps=1e-5) == b0


# --------------------------------------------------------------------------- wrong VJPs are caught
from codegen.ops import conv as conv_ops  # noqa: E402

_RIGHT_IGP, _RIGHT_WGP = conv_ops.input_grad_padding, conv_ops.weight_grad_padding


def _symmetric_igp(size, out, lo, g):
    """The input-gradient padding of a naive port: the symmetric k//2 instead of the forward's lo."""
    return _RIGHT_IGP(size, out, g.k // 2, g)


def _symmetric_wgp(size, out, lo, g):
    return _RIGHT_WGP(size, out, g.k // 2, g)


@pytest.mark.parametrize("target,replacement", [
    ("codegen.ops.conv.input_grad_padding", _symmetric_igp),
    ("codegen.ops.conv.weight_grad_padding", _symmetric_wgp),
], ids=["dx", "dw"])
def test_symmetric_backward_padding_is_caught(target, replacement, monkeypatch, cache_dir):
    """The tfsame_conv_k3_s2_dx row (H pads 0 / 1) with a backward that assumes lo = k//2."""
    from codegen.cases import CASE_BY_ID
    case = CASE_BY_ID["tfsame_conv_k3_s2_dx"]
    monkeypatch.setattr(target, replacement)
    module, _ = compile_grads_module(case.spec, batch=case.batch, dtype="f32", cache_dir=cache_dir)
    report = check_grads(case.spec, module, random_inputs(case.spec, case.batch, seed=1))
    assert not report.ok, "a wrong tf_same backward passed the gradient check:\n" + report_table(report)
    assert min(r.err for r in report.failures()) > 1e-2


# --------------------------------------------------------------------------- the torch peer
def test_torch_peer_computes_the_reference_float64():
    """The benchmark's torch blocks with tf_same (F.pad by the input's (lo, hi), then the
    unpadded conv) against the float64 JAX reference: loss, every gradient, BN statistics, on a
    non-square input where H and W pad differently; tests/test_bench_torch.py's 1e-8."""
    from netspec.init import init_params

    from .test_bench_torch import TOL64, compare, reference64, torch64
    spec = NetSpec("torch-tf-same", 12, 11, [
        convBn(3, 8, 3, 2, padding="tf_same", act="swish"),
        mbConv(8, 8, 2, 5, 2, 1, True, padding="tf_same"),
        invertedResidual(8, 8, 3, 1, 1, padding="tf_same"),
        bneck(8, 12, 8, 3, 2, "hswish", False, padding="tf_same"),
        globalAvgPool(), dropout(0.2), dense(8, 5)])
    a = analyze(spec)
    assert [i.out_shape[1:] for i in a.layers[:4]] == [(6, 6), (3, 3), (3, 3), (2, 2)]
    rng = np.random.default_rng(5)
    params = init_params(a, 1)
    bn = (a.init_bn() + rng.uniform(0.1, 0.5, a.n_bn_floats)).astype(np.float32)
    images = rng.standard_normal((3, 12, 11, 3))
    labels = np.array([0, 4, 2], np.int32)
    rand = rng.random((3, a.rand_width))
    ref = reference64(spec, params, bn, images, labels, rand)
    compare(ref, torch64(spec, params, bn, images, labels, rand), TOL64)
    # negative control: the padding matters (the same parameters in the 'same' network)
    same = NetSpec(spec.name, 12, 11, [
        type(l)(**{**l.__dict__, "padding": "same"}) if hasattr(l, "padding") else l
        for l in spec.layers])
    other = reference64(same, params, bn, images, labels, rand)
    assert abs(other[0] - ref[0]) > 1e-4 * abs(ref[0])


# --------------------------------------------------------------------------- timm's tf_efficientnet_b0
def test_parameter_count_and_keys_are_timms_tf_efficientnet_b0():
    spec = tf_efficientnet("b0", 1000)
    assert spec.bn_eps == 1e-3 and spec.image_h == 224
    model = timm.create_model("tf_efficientnet_b0", pretrained=False)
    n = analyze(spec).n_params
    assert n == sum(p.numel() for p in model.parameters()) == 5_288_548
    sd = model.state_dict()
    table = {r.key: r.shape for r in torch_key_table(spec, "timm")}
    assert set(table) == set(sd), (sorted(set(table) - set(sd))[:5], sorted(set(sd) - set(table))[:5])
    bad = {k: (table[k], tuple(v.shape)) for k, v in sd.items() if table[k] != tuple(v.shape)}
    assert not bad, bad
    # the model's conventions: BN eps 1e-3, TF SAME padding (timm's Conv2dSame) exactly where
    # the spec's convs stride 2 (stride 1 odd kernels are the static symmetric k//2)
    import torch
    assert {m.eps for m in model.modules() if isinstance(m, torch.nn.BatchNorm2d)} == {1e-3}
    dynamic = sorted(n for n, m in model.named_modules() if type(m).__name__ == "Conv2dSame")
    assert dynamic == ["blocks.1.0.conv_dw", "blocks.2.0.conv_dw", "blocks.3.0.conv_dw",
                       "blocks.5.0.conv_dw", "conv_stem"]


def test_example_is_the_zoo_and_info_prints_the_count():
    spec, _, _ = load_spec_file(ROOT / "examples" / "tf_efficientnet_b0.py")
    zoo = tf_efficientnet("b0", 1000)
    assert spec.layers == zoo.layers and spec.bn_eps == zoo.bn_eps == 1e-3
    r = invoke("info", ROOT / "examples" / "tf_efficientnet_b0.py")
    assert r.exit_code == 0, r.output
    assert "total params       5,288,548" in r.stdout, r.stdout


@pytest.fixture(scope="module")
def imported(tmp_path_factory):
    """A random-init timm tf_efficientnet_b0 (BN statistics and affine random), saved and
    imported with ``netspec weights import --from timm --arch tf_efficientnet_b0``."""
    import torch
    root = tmp_path_factory.mktemp("tf_same")
    spec_file = root / "tf_b0.py"
    spec_file.write_text(f"from netspec import tf_efficientnet\n"
                         f"spec = tf_efficientnet('b0', {CLASSES}, image_size={IMAGE})\n")
    torch.manual_seed(0)
    model = randomize_bn(timm.create_model("tf_efficientnet_b0", pretrained=False,
                                           num_classes=CLASSES), 0, 1234)
    weights = root / "tf_b0.safetensors"
    save_file(model.state_dict(), str(weights))
    ck = root / "tf_b0.netspec.safetensors"
    r = invoke("weights", "import", spec_file, weights, "--from", "timm", "-o", ck,
               "--arch", "tf_efficientnet_b0")
    assert r.exit_code == 0, r.output
    assert "BatchNorm eps 0.001 and the key set match the model class" in r.output, r.output
    return dict(spec_file=spec_file, model=model, ck=ck)


def test_import_matches_timm_logits_and_same_padding_does_not(imported, cache_dir):
    images = np.random.default_rng(11).standard_normal((BATCH, IMAGE, IMAGE, 3)).astype(np.float32)
    spec, ck = open_checkpoint(str(imported["spec_file"]), None, str(imported["ck"]))
    s = inference_session(spec, ck, batch=BATCH, cache_dir=cache_dir)[0]
    want = torch_logits(imported["model"], images)
    err = rel_err(s.predict(images), want)
    print(f"tf_efficientnet_b0: max relative logit error {err:.2e}")    # measured 1.6e-6
    assert err < REL_TOL, f"tf_efficientnet_b0: max relative logit error {err:.2e}"
    # the same parameters with fresh BN statistics: a mis-mapped tensor shows at order 1
    s.load_state({"params": ck.tensors["params"], "bn": analyze(spec).init_bn()})
    assert rel_err(s.predict(images), want) > 1e3 * REL_TOL
    # the same checkpoint in the padding-'same' network (bn_eps 1e-3 too): the padding matters
    same = efficientnet("b0", CLASSES, image_size=IMAGE, bn_eps=1e-3)
    assert analyze(same).n_params == analyze(spec).n_params
    s_same = inference_session(same, ck, batch=BATCH, cache_dir=cache_dir)[0]
    err_same = rel_err(s_same.predict(images), want)
    print(f"the same weights with padding 'same': max relative logit error {err_same:.2e}")
    # measured 1.9e-2 (tf_same: 1.6e-6): a one-pixel shift at the five stride-2 convs of a
    # random-init net; asserted 100x the bound
    assert err_same > 1e2 * REL_TOL
