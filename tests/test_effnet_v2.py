"""EfficientNetV2-S (issue 16): ``netspec.efficientnet_v2_s`` and the ``fusedMbConv`` kind
against torchvision's ``efficientnet_v2_s`` (torchvision 0.28.0; timm's ``efficientnetv2_s``
has the same layers and names).

- parameter count 21,458,488 at 1000 classes, and the kinds' ``torch_names`` give exactly the
  real state dict's keys and shapes (torchvision; timm's too); ``netspec info`` of the example
  prints the count;
- stochastic depth: netspec's rate of each residual block under ``drop_path=0.2`` is the
  ``StochasticDepth.p`` torchvision gives it (``0.2 * stage_block_id / 40``);
- the torch peer's Fused-MBConv blocks compute the float64 reference (loss, every gradient,
  BN statistics);
- import: a random-init torchvision model with randomised BatchNorm statistics / affine
  parameters, saved to safetensors, imports with ``netspec weights import``; the compiled
  ``predict`` (IREE) matches the torch eval logits; fresh BN statistics do not; export loads
  back with ``load_state_dict(strict=True)``, bit-identical, the same logits.

The compiled check is ONE predict module at 64x64, batch 2, 10 classes (40 blocks: the net
reduces by 32, a 2x2 map before the pool).  The per-kind gradients of ``fusedMbConv`` are
the ``fused_*`` rows of codegen/cases.py (tests/test_grads.py); no whole-net gradient here.
"""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pytest
import torch
from click.testing import CliRunner
from safetensors.torch import load_file, save_file

from netspec import analyze, efficientnet_v2_s, fusedMbConv
from netspec.cli import main
from netspec.errors import SpecError
from netspec.loader import load_spec_file
from runtime.inference import inference_session, open_checkpoint
from runtime.weights import torch_key_table, torch_zoo

from .test_weights import randomize_bn, rel_err, torch_logits

tvm, timm = torch_zoo()

ROOT = Path(__file__).resolve().parent.parent
IMAGE, BATCH, CLASSES = 64, 2, 10
COUNT = 21_458_488

# Max relative logit error (max |netspec - torch| / max |torch logit|) of the compiled f32
# predict against torch's eval-mode f32 logits: measured 6.3e-7 on this model and these images,
# while torch's own f32 forward differs from its f64 forward by 2.1e-7 (tests/test_nets.py
# measures 8.0e-7 / 1.1e-6 on Lite0 / MobileNetV3-Large); the bound is tests/test_nets.py's,
# ~16x the measured error.  A mis-mapped tensor gives errors of order 1 (fresh BN statistics:
# asserted > 1e3x the bound).
REL_TOL = 1e-5


def invoke(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


# --------------------------------------------------------------------------- counts and names
@pytest.mark.parametrize("scheme,model", [
    ("torchvision", lambda: tvm.efficientnet_v2_s(num_classes=1000)),
    ("timm", lambda: timm.create_model("efficientnetv2_s", pretrained=False, num_classes=1000)),
])
def test_parameter_count_and_keys_are_the_real_models(scheme, model):
    spec, m = efficientnet_v2_s(1000), model()
    assert analyze(spec).n_params == sum(p.numel() for p in m.parameters()) == COUNT
    sd = m.state_dict()
    table = {r.key: r.shape for r in torch_key_table(spec, scheme)}
    assert set(table) == set(sd), (sorted(set(table) - set(sd))[:5], sorted(set(sd) - set(table))[:5])
    bad = {k: (table[k], tuple(v.shape)) for k, v in sd.items() if table[k] != tuple(v.shape)}
    assert not bad, bad


def test_example_is_the_zoo_and_info_prints_the_count():
    spec, config, _ = load_spec_file(ROOT / "examples" / "efficientnet_v2_s.py")
    zoo = efficientnet_v2_s(1000)
    assert spec.layers == zoo.layers and (spec.bn_eps, spec.bn_momentum) == (1e-3, 0.1)
    assert (zoo.bn_eps, zoo.bn_momentum) == (1e-3, 0.1) and config.drop_path == 0.2
    r = invoke("info", ROOT / "examples" / "efficientnet_v2_s.py")
    assert r.exit_code == 0, r.output
    assert re.search(r"^total params +21,458,488$", r.stdout, re.M), r.stdout


def test_stochastic_depth_rates_are_torchvisions():
    """torchvision numbers its blocks over all stages (``sd_prob = p * stage_block_id /
    total_stage_blocks``), residual or not, and applies the rate only on the residual ones;
    netspec's ``depth_blocks`` numbering gives every block the same rate."""
    m = tvm.efficientnet_v2_s(num_classes=1000, stochastic_depth_prob=0.2)
    theirs = [(blk.use_res_connect, blk.stochastic_depth.p) for stage in list(m.features)[1:-1]
              for blk in stage]
    ours = analyze(efficientnet_v2_s(1000), drop_path=0.2).depth
    assert len(ours) == len(theirs) == 40
    for d, (res, p) in zip(ours, theirs):
        assert d.residual == res, d.name
        assert d.rate == pytest.approx(p if res else 0.0, abs=1e-15), (d.name, d.rate, p)
    assert sum(d.residual for d in ours) == 35     # all but the first of stages 2..6


def test_fused_fields_are_validated():
    with pytest.raises(SpecError, match="kernel"):
        fusedMbConv(24, 48, 4, 2, 2)
    with pytest.raises(SpecError, match="act"):
        fusedMbConv(24, 48, 4, 3, 2, act="gelu")
    with pytest.raises(SpecError, match="expand"):
        fusedMbConv(24, 48, 0, 3, 2)
    assert fusedMbConv(24, 48, 4, 3, 2, 4).describe() == "24→48 e4 k3 s2 ×4"


def test_torch_peer_blocks_compute_the_reference_float64():
    """The benchmark's PyTorch blocks of ``fusedMbConv`` (expand 1 with residual, expand 4
    stride 2, expand 4 with residual) against the float64 JAX reference: loss, every gradient
    and the BN statistics to tests/test_bench_torch.py's bound (the two differ only by the
    summation order)."""
    from netspec import NetSpec, convBn, dense, globalAvgPool
    from netspec.init import init_params

    from .test_bench_torch import TOL64, compare, reference64, torch64
    spec = NetSpec("torch-fused", 9, 9, [
        convBn(3, 8, 3, 1, act="swish"), fusedMbConv(8, 8, 1, 3, 1, 1),
        fusedMbConv(8, 12, 4, 3, 2, 2), globalAvgPool(), dense(12, 5)], bn_eps=1e-3)
    a = analyze(spec)
    rng = np.random.default_rng(5)
    params = init_params(a, 1)
    bn = (a.init_bn() + rng.uniform(0.1, 0.5, a.n_bn_floats)).astype(np.float32)
    images = rng.standard_normal((3, 9, 9, 3))
    labels = np.array([0, 4, 2], np.int32)
    rand = rng.random((3, a.rand_width))
    compare(reference64(spec, params, bn, images, labels, rand),
            torch64(spec, params, bn, images, labels, rand), TOL64)


# --------------------------------------------------------------------------- import / export
@pytest.fixture(scope="module")
def work(tmp_path_factory):
    root = tmp_path_factory.mktemp("effnet_v2")
    spec_file = root / "v2s.py"
    spec_file.write_text(f"from netspec import efficientnet_v2_s\n"
                         f"spec = efficientnet_v2_s({CLASSES}, image_size={IMAGE})\n")
    torch.manual_seed(0)
    model = randomize_bn(tvm.efficientnet_v2_s(num_classes=CLASSES), 0, 77)
    weights = root / "v2s.safetensors"
    save_file(model.state_dict(), str(weights))
    ck = root / "v2s.netspec.safetensors"
    r = invoke("weights", "import", spec_file, weights, "--from", "torchvision", "-o", ck,
               "--arch", "efficientnet_v2_s")
    assert r.exit_code == 0, r.output
    assert "and the key set match the model class" in r.output, r.output
    images = np.random.default_rng(11).standard_normal((BATCH, IMAGE, IMAGE, 3)).astype(np.float32)
    return dict(spec_file=spec_file, model=model, ck=ck, images=images)


def test_import_matches_torch_logits(work, cache_dir):
    spec, ck = open_checkpoint(str(work["spec_file"]), None, str(work["ck"]))
    s = inference_session(spec, ck, batch=BATCH, cache_dir=cache_dir)[0]
    want = torch_logits(work["model"], work["images"])
    err = rel_err(s.predict(work["images"]), want)
    print(f"efficientnet_v2_s: max relative logit error {err:.2e}")
    assert err < REL_TOL, f"max relative logit error {err:.2e}"
    s.load_state({"params": ck.tensors["params"], "bn": analyze(spec).init_bn()})
    fresh = rel_err(s.predict(work["images"]), want)
    print(f"efficientnet_v2_s: with fresh BN statistics {fresh:.2e}")
    assert fresh > 1e3 * REL_TOL


def test_export_loads_strict_and_round_trips_exactly(work, tmp_path):
    out = tmp_path / "v2s.export.safetensors"
    r = invoke("weights", "export", work["spec_file"], work["ck"], "--to", "torchvision", "-o", out)
    assert r.exit_code == 0, r.output
    fresh = tvm.efficientnet_v2_s(num_classes=CLASSES)
    res = fresh.load_state_dict(load_file(str(out)), strict=True)
    assert not res.missing_keys and not res.unexpected_keys
    fresh.eval()
    orig = work["model"].state_dict()
    for k, v in fresh.state_dict().items():
        if k.endswith("num_batches_tracked"):
            assert int(v) == 0, k              # the imported checkpoint's step count
        else:
            assert torch.equal(v, orig[k]), k
    images = work["images"]
    assert np.array_equal(torch_logits(fresh, images), torch_logits(work["model"], images))
