"""Pretrained weights in and out (issue 16): torchvision / timm state dicts <-> netspec.

The state dicts come from the real model classes (``torchvision.models.efficientnet_b0``,
``mobilenet_v2``, ``timm.create_model("efficientnet_b0" | "mobilenetv2_100")``), randomly
initialised (no download is possible) with BatchNorm running statistics and affine
parameters set to non-trivial random values, in eval mode, saved with safetensors.  They are
imported with ``netspec weights import``; netspec's compiled ``predict`` (IREE, opened as
``netspec predict`` opens a checkpoint: ``runtime.inference``) must match the torch model's
eval-mode logits, and ``netspec weights export`` must load back into the real model with
``load_state_dict(strict=True)`` bit for bit.

torchvision and timm are required (the ``weights`` extra): a missing one fails this module
at import, loudly, never a skip.  Compiles are shared: one ``predict`` module per net at a
64x64 input and batch 4 (the build cache is content-addressed: every test of a net reuses it).
"""

from __future__ import annotations

import json
import sys

import numpy as np
import pytest
import torch
from click.testing import CliRunner
from safetensors.torch import save_file

from netspec.analysis import analyze
from netspec.cli import main
from netspec.errors import SpecError
from netspec.loader import load_spec_file
from runtime.inference import inference_session, open_checkpoint, preprocess_file
from runtime.weights import (WeightsError, check_model_conventions, import_state_dict,
                             read_state_dict, torch_key_table, torch_zoo)

tvm, timm = torch_zoo()      # the one import shim (runtime.weights); fails loudly if absent

IMAGE = 64        # B0 / MobileNetV2 reduce by 32: a 2x2 map before the pool; compiles in ~10 s
BATCH = 4
CLASSES = 10
SPECS = {
    "b0": f'from netspec import efficientnet\nspec = efficientnet("b0", {CLASSES}, image_size={IMAGE})\n',
    "mbv2": f'from netspec import mobilenet_v2\nspec = mobilenet_v2({CLASSES}, image_size={IMAGE})\n',
}
#: (net, scheme) -> (model class name for --arch, constructor)
MODELS = {
    ("b0", "torchvision"): ("efficientnet_b0", lambda: tvm.efficientnet_b0(num_classes=CLASSES)),
    ("b0", "timm"): ("efficientnet_b0", lambda: timm.create_model(
        "efficientnet_b0", pretrained=False, num_classes=CLASSES)),
    ("mbv2", "torchvision"): ("mobilenet_v2", lambda: tvm.mobilenet_v2(num_classes=CLASSES)),
    ("mbv2", "timm"): ("mobilenetv2_100", lambda: timm.create_model(
        "mobilenetv2_100", pretrained=False, num_classes=CLASSES)),
}
CASES = sorted(MODELS)
IDS = [f"{n}-{s}" for n, s in CASES]

# Max relative error (max |netspec - torch| / max |torch logit|) of netspec's compiled predict
# against the torch model's eval-mode logits, measured on these tests' models and images:
#   B0 torchvision 6.7e-7, B0 timm 5.8e-7, MobileNetV2 torchvision 1.2e-6, timm 1.8e-6,
# while torch's own f32 forward differs from its f64 forward by up to 1.3e-6 (MobileNetV2
# timm).  Both sides are f32 and sum each convolution / matmul in a different order (IREE's
# tiled kernels vs ATen's); the rounding of ~50-70 convolutions (reductions of up to 1280
# terms), each BN and the residual adds accumulates to ~10 ulps of the largest logit.  The
# bound is ~5x the worst measured error; a mis-mapped tensor (a wrong transpose, a swapped BN
# statistic) gives errors of order 1: the same parameters with fresh BN statistics measure
# 0.67-1.0 (``test_import_matches_torch_logits`` asserts > 1e3 * REL_TOL).
REL_TOL = 1e-5


def runner_invoke(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def randomize_bn(m, seed: int, tracked: int):
    """``m`` with every BatchNorm's running statistics and affine parameters random (seeded), so
    an import that misplaced or dropped them shows in the logits; -> ``m`` in eval mode."""
    g = torch.Generator().manual_seed(seed + 1)
    with torch.no_grad():
        for mod in m.modules():
            if isinstance(mod, torch.nn.BatchNorm2d):
                c = mod.num_features
                mod.running_mean.copy_(0.2 * torch.randn(c, generator=g))
                mod.running_var.copy_(0.5 + 1.5 * torch.rand(c, generator=g))
                mod.weight.copy_(1 + 0.2 * torch.randn(c, generator=g))
                mod.bias.copy_(0.1 * torch.randn(c, generator=g))
                mod.num_batches_tracked.fill_(tracked)
    return m.eval()


def randomized(net: str, scheme: str, seed: int = 0):
    """The real model, random init (seeded), BN statistics and affine parameters random, eval."""
    torch.manual_seed(seed)
    return randomize_bn(MODELS[net, scheme][1](), seed, 1234)


def torch_logits(model, x_nhwc: np.ndarray) -> np.ndarray:
    with torch.no_grad():
        return model(torch.from_numpy(np.ascontiguousarray(x_nhwc.transpose(0, 3, 1, 2)))).numpy()


def rel_err(got, want) -> float:
    return float(np.abs(np.asarray(got, np.float64) - want).max() / np.abs(want).max())


@pytest.fixture(scope="module")
def work(tmp_path_factory):
    """Spec files, the saved state dicts and their imported checkpoints (made once)."""
    root = tmp_path_factory.mktemp("weights")
    specs = {}
    for net, text in SPECS.items():
        (root / f"{net}.py").write_text(text)
        specs[net] = root / f"{net}.py"
    return {"root": root, "specs": specs, "models": {}, "imported": {}}


def saved(work, net, scheme):
    """(model, its safetensors file)."""
    key = (net, scheme)
    if key not in work["models"]:
        m = randomized(net, scheme)
        path = work["root"] / f"{net}-{scheme}.safetensors"
        save_file(m.state_dict(), str(path))
        work["models"][key] = (m, path)
    return work["models"][key]


def imported(work, net, scheme):
    """The checkpoint ``netspec weights import`` wrote (with --arch: BN eps and key set checked
    against the model class)."""
    key = (net, scheme)
    if key not in work["imported"]:
        _, path = saved(work, net, scheme)
        out = work["root"] / f"{net}-{scheme}.netspec.safetensors"
        r = runner_invoke("weights", "import", work["specs"][net], path, "--from", scheme,
                          "-o", out, "--arch", MODELS[key][0])
        assert r.exit_code == 0, r.output
        assert "BatchNorm eps 1e-05 and the key set match" in r.output, r.output
        work["imported"][key] = out
    return work["imported"][key]


@pytest.fixture(scope="module")
def images():
    return np.random.default_rng(7).standard_normal((BATCH, IMAGE, IMAGE, 3)).astype(np.float32)


@pytest.fixture(scope="module")
def sessions(work, cache_dir):
    """net -> a compiled predict session (opened like ``netspec predict``), reloaded per case."""
    out = {}

    def get(net, ck_path):
        spec, ck = open_checkpoint(str(work["specs"][net]), None, ck_path)
        if net not in out:
            out[net] = inference_session(spec, ck, batch=BATCH, cache_dir=cache_dir)[0]
        s = out[net]
        s.load_state({"params": ck.tensors["params"], "bn": ck.tensors["bn"]})
        return s, spec, ck
    return get


# --------------------------------------------------------------------------- the mapping
@pytest.mark.parametrize("net,scheme", CASES, ids=IDS)
def test_key_table_is_the_real_models_state_dict(work, net, scheme):
    """The kinds' torch_names give exactly the real model's keys, with its shapes."""
    spec, _, _ = load_spec_file(work["specs"][net])
    sd = MODELS[net, scheme][1]().state_dict()
    table = {r.key: r.shape for r in torch_key_table(spec, scheme)}
    assert set(table) == set(sd), (sorted(set(table) - set(sd))[:5], sorted(set(sd) - set(table))[:5])
    bad = {k: (table[k], tuple(v.shape)) for k, v in sd.items() if table[k] != tuple(v.shape)}
    assert not bad, bad
    assert sum(v.numel() for k, v in sd.items() if "running" not in k
               and "num_batches" not in k) == analyze(spec).n_params


# --------------------------------------------------------------------------- import -> predict
@pytest.mark.parametrize("net,scheme", CASES, ids=IDS)
def test_import_matches_torch_logits(work, sessions, images, net, scheme):
    model, _ = saved(work, net, scheme)
    s, spec, ck = sessions(net, imported(work, net, scheme))
    want = torch_logits(model, images)
    got = s.predict(images)
    err = rel_err(got, want)
    assert err < REL_TOL, f"{net} {scheme}: max relative logit error {err:.2e}"
    # the running statistics matter: the same parameters with fresh BN stats are far off
    s.load_state({"params": ck.tensors["params"], "bn": analyze(spec).init_bn()})
    assert rel_err(s.predict(images), want) > 1e3 * REL_TOL


# --------------------------------------------------------------------------- export
@pytest.mark.parametrize("net,scheme", CASES, ids=IDS)
def test_export_loads_strict_and_round_trips_exactly(work, images, net, scheme):
    model, _ = saved(work, net, scheme)
    ck = imported(work, net, scheme)
    out = work["root"] / f"{net}-{scheme}.export.safetensors"
    r = runner_invoke("weights", "export", work["specs"][net], ck, "--to", scheme, "-o", out)
    assert r.exit_code == 0, r.output
    fresh = MODELS[net, scheme][1]()
    res = fresh.load_state_dict(read_state_dict_torch(out), strict=True)
    assert not res.missing_keys and not res.unexpected_keys
    fresh.eval()
    orig = model.state_dict()
    for k, v in fresh.state_dict().items():
        if k.endswith("num_batches_tracked"):
            assert int(v) == 0, k           # the imported checkpoint's step count
        else:
            assert torch.equal(v, orig[k]), k
    assert np.array_equal(torch_logits(fresh, images), torch_logits(model, images))


def read_state_dict_torch(path):
    from safetensors.torch import load_file
    return load_file(str(path))


def test_export_across_schemes(work, images):
    """torchvision B0 weights exported with timm's names drive timm's B0 to the same logits:
    the two schemes name the same tensors (both run ATen's f32 kernels on the same ops: the
    measured difference is 0; bounded like the import, as the two models' pooling ops may sum
    in another order on another CPU)."""
    model, _ = saved(work, "b0", "torchvision")
    ck = imported(work, "b0", "torchvision")
    out = work["root"] / "b0-tv-as-timm.safetensors"
    r = runner_invoke("weights", "export", work["specs"]["b0"], ck, "--to", "timm", "-o", out)
    assert r.exit_code == 0, r.output
    other = MODELS["b0", "timm"][1]()
    other.load_state_dict(read_state_dict_torch(out), strict=True)
    err = rel_err(torch_logits(other.eval(), images), torch_logits(model, images))
    assert err < REL_TOL, err


# --------------------------------------------------------------------------- predict CLI
def test_netspec_predict_uses_the_imported_checkpoint(work, cache_dir, tmp_path):
    """``netspec predict SPEC.py --checkpoint IMPORTED img...``: probabilities as torch's
    softmax of the same preprocessed images (ImageNet normalisation stored by the import)."""
    from PIL import Image
    rng = np.random.default_rng(3)
    files = []
    for i in range(BATCH):
        f = tmp_path / f"img{i}.png"
        Image.fromarray(rng.integers(0, 256, (IMAGE, IMAGE, 3), dtype=np.uint8)).save(f)
        files.append(f)
    ck = imported(work, "mbv2", "timm")
    model, _ = saved(work, "mbv2", "timm")
    r = runner_invoke("predict", work["specs"]["mbv2"], "--checkpoint", ck, *files,
                      "--top", CLASSES, "--json", "--cache-dir", cache_dir)
    assert r.exit_code == 0, r.output
    assert "imported timm weights from" in r.stderr
    results = json.loads(r.stdout)
    man = json.loads(ck.with_suffix(".json").read_text())
    x = np.stack([preprocess_file(f, (IMAGE, IMAGE), 3, man["data"]["mean"], man["data"]["std"])
                  for f in files])
    want = torch.softmax(torch.from_numpy(torch_logits(model, x)).double(), 1).numpy()
    for res, p in zip(results, want):
        got = np.zeros(CLASSES)
        for e in res["top"]:
            got[e["index"]] = e["probability"]
        # probabilities: |dp| <= |d logit| / 2; the logit bound is REL_TOL * max|logit|
        assert np.abs(got - p).max() < REL_TOL * np.abs(torch_logits(model, x)).max(), res


# --------------------------------------------------------------------------- bad input
def _edited(work, tmp_path, edit):
    model, _ = saved(work, "b0", "torchvision")
    sd = {k: v.clone() for k, v in model.state_dict().items()}
    edit(sd)
    path = tmp_path / "edited.safetensors"
    save_file(sd, str(path))
    return path


def test_cli_wrong_key_names_it_and_writes_nothing(work, tmp_path):
    path = _edited(work, tmp_path, lambda sd: sd.__setitem__(
        "features.2.1.block.2.fc9.weight", sd.pop("features.2.1.block.2.fc1.weight")))
    out = tmp_path / "out.netspec.safetensors"
    r = runner_invoke("weights", "import", work["specs"]["b0"], path, "--from", "torchvision",
                      "-o", out)
    assert r.exit_code == 2, r.output
    err = r.stderr
    assert err.startswith("error: "), err
    assert "missing keys (1):" in err and "features.2.1.block.2.fc1.weight  (6, 144, 1, 1)" in err
    assert "unexpected keys (1):" in err and "features.2.1.block.2.fc9.weight" in err
    assert "netspec blocks.2.1.se.reduce.w" in err
    assert "Traceback" not in r.output
    assert not out.exists() and not list(tmp_path.glob(".out*"))


def test_wrong_shape_names_the_tensor(work, tmp_path):
    path = _edited(work, tmp_path, lambda sd: sd.__setitem__(
        "features.2.0.block.1.0.weight", torch.zeros(96, 1, 5, 5)))
    out = tmp_path / "out.netspec.safetensors"
    r = runner_invoke("weights", "import", work["specs"]["b0"], path, "--from", "torchvision",
                      "-o", out)
    assert r.exit_code == 2 and not out.exists(), r.output
    assert ("features.2.0.block.1.0.weight: has shape (96, 1, 5, 5), expected (96, 1, 3, 3) "
            "(netspec blocks.2.0.dw.conv.w (3, 3, 1, 96), OIHW)") in r.stderr, r.stderr


def test_missing_tensor_names_it(work):
    spec, _, _ = load_spec_file(work["specs"]["b0"])
    model, _ = saved(work, "b0", "torchvision")
    sd = {k: v.numpy() for k, v in model.state_dict().items()}
    del sd["features.8.1.running_var"]
    with pytest.raises(WeightsError, match=r"missing keys \(1\):\n    features\.8\.1\.running_var"
                                           r"  \(1280,\)  \(netspec conv\.8\.bn\)"):
        import_state_dict(spec, sd, "torchvision")


def test_other_class_count_and_scheme_are_refused_by_name(work, tmp_path):
    """A 1000-class model into the 10-class spec: the classifier is named; timm weights read
    as torchvision: every key listed as missing / unexpected (the listing is capped)."""
    spec, _, _ = load_spec_file(work["specs"]["mbv2"])
    sd = {k: v.numpy() for k, v in tvm.mobilenet_v2().state_dict().items()}
    with pytest.raises(WeightsError) as e:
        import_state_dict(spec, sd, "torchvision")
    assert "mis-shaped keys (2):" in str(e.value)
    assert "classifier.1.weight: has shape (1000, 1280), expected (10, 1280)" in str(e.value)
    _, path = saved(work, "mbv2", "timm")
    with pytest.raises(WeightsError, match=r"missing keys \(262\)[\s\S]*unexpected keys \(314\)"
                                           r":\n    blocks\.0\.0\.bn1\.num_batches_tracked  \(\)"
                                           r"[\s\S]*\.\.\. and 274 more\n  hint: most keys are "
                                           r"timm's names for this network: pass --from timm"):
        import_state_dict(spec, read_state_dict(path), "torchvision", source=str(path))


def test_pth_reads_through_torch_load_weights_only(work, tmp_path):
    spec, _, _ = load_spec_file(work["specs"]["b0"])
    model, path = saved(work, "b0", "timm")
    pth = tmp_path / "w.pth"
    torch.save({"state_dict": model.state_dict()}, pth)
    a = import_state_dict(spec, read_state_dict(path), "timm")
    b = import_state_dict(spec, read_state_dict(pth), "timm")
    assert np.array_equal(a.params, b.params) and np.array_equal(a.bn, b.bn)
    evil = tmp_path / "evil.pth"
    torch.save({"state_dict": {"x": object()}}, evil)
    with pytest.raises(WeightsError, match=r"evil\.pth: torch\.load\(weights_only=True\) refused it"):
        read_state_dict(evil)


def test_bn_eps_mismatch_is_reported_by_module(work):
    spec, _, _ = load_spec_file(work["specs"]["b0"])
    m = MODELS["b0", "torchvision"][1]()
    assert check_model_conventions(spec, m) == []
    m.features[0][1].eps = 1e-3
    m.features[8][1].momentum = 0.01
    with pytest.raises(WeightsError, match=r"eps differs from the spec's bn_eps 1e-05[\s\S]*"
                                           r"features\.0\.1: eps 0\.001"):
        check_model_conventions(spec, m)
    m.features[0][1].eps = 1e-5
    notes = check_model_conventions(spec, m)
    assert len(notes) == 1 and "features.8.1: momentum 0.01" in notes[0]


def test_export_refuses_a_non_safetensors_name(work, tmp_path):
    ck = imported(work, "b0", "timm")
    out = tmp_path / "w.pth"
    r = runner_invoke("weights", "export", work["specs"]["b0"], ck, "--to", "timm", "-o", out)
    assert r.exit_code == 2 and "-o: must name a .safetensors file" in r.stderr, r.output
    assert not out.exists()


def test_pth_without_torch_says_so(tmp_path, monkeypatch):
    pth = tmp_path / "w.pth"
    torch.save({"a": torch.zeros(2)}, pth)
    monkeypatch.setitem(sys.modules, "torch", None)       # `import torch` now fails
    with pytest.raises(WeightsError, match=r"w\.pth is a pickle \(\.pth\); netspec reads one only "
                                           r"through torch\.load\(weights_only=True\), and torch "
                                           r"is not installed"):
        read_state_dict(pth)


def test_a_layer_the_scheme_has_no_place_for_is_named():
    """timm's EfficientNet has one head conv: a second convBn after the blocks is refused with
    its layer; torchvision's InvertedResidual has no SE (an mbConv there is fine: its own)."""
    from netspec import NetSpec, convBn, dense, globalAvgPool, mbConv
    spec = NetSpec("two-heads", 32, 32, [convBn(3, 8, 3, 2, act="swish"),
                                         mbConv(8, 8, 1, 3, 1, 1, True),
                                         convBn(8, 16, 1, 1, act="swish"),
                                         convBn(16, 16, 1, 1, act="swish"),
                                         globalAvgPool(), dense(16, 4)])
    with pytest.raises(SpecError, match=r"layer 3 \(convBn\): has no timm state-dict name: timm's "
                                        r"model has one head convolution, and it is taken"):
        torch_key_table(spec, "timm")
    keys = [r.key for r in torch_key_table(spec, "torchvision")]
    assert "features.3.0.weight" in keys and "classifier.0.weight" in keys
