"""The spec DSL: canonical counts, validation messages, the parameter registry, compound
scaling, TrainConfig validation, and property-based checks of shape/parameter inference."""

from __future__ import annotations

import math
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from netspec import (ConfigError, NetSpec, SpecError, TrainConfig, analyze, convBn, dense, dropout,
                     efficientnet, globalAvgPool, invertedResidual, mbConv, mobilenet_v2,
                     round_filters, round_repeats)
from netspec.loader import load_spec_file

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


# --------------------------------------------------------------------------- canonical numbers
@pytest.mark.parametrize("variant, params", [
    ("b0", 5_288_548), ("b1", 7_794_184), ("b2", 9_109_994), ("b3", 12_233_232),
    ("b4", 19_341_616), ("b5", 30_389_784), ("b6", 43_040_704), ("b7", 66_347_960),
])
def test_efficientnet_param_counts_1000_classes(variant, params):
    assert analyze(efficientnet(variant, 1000)).n_params == params


def test_mobilenet_v2_param_count_1000_classes():
    assert analyze(mobilenet_v2(1000)).n_params == 3_504_872


def test_ten_class_param_counts():
    assert analyze(efficientnet("b0", 10)).n_params == 4_020_358
    assert analyze(mobilenet_v2(10)).n_params == 2_236_682


def test_macs_per_image_at_224():
    assert analyze(efficientnet("b0", 1000)).macs == 385_814_752
    assert analyze(mobilenet_v2(1000)).macs == 300_774_272


@pytest.mark.parametrize("spec, bn_layers, bn_floats", [
    (efficientnet("b0", 10), 49, 42_016),
    (mobilenet_v2(10), 52, 34_112),
])
def test_bn_layout_sizes(spec, bn_layers, bn_floats):
    a = analyze(spec)
    assert len(a.bns) == bn_layers
    assert a.n_bn_floats == bn_floats
    offset = 0
    for b in a.bns:
        assert b.offset == offset
        offset += 2 * b.channels
    assert offset == bn_floats


def test_example_effnet_b0_equals_zoo_layer_for_layer():
    spec, config, _ = load_spec_file(EXAMPLES / "effnet_b0.py")
    zoo = efficientnet("b0", 10)
    assert len(spec.layers) == len(zoo.layers)
    for mine, ref in zip(spec.layers, zoo.layers):
        assert mine == ref
    assert (spec.image_h, spec.image_w, spec.in_channels) == (zoo.image_h, zoo.image_w, zoo.in_channels)
    assert analyze(spec).n_params == 4_020_358
    assert config is not None and config.optimizer == "adam"


def test_example_mobilenet_v2_equals_zoo():
    spec, _, _ = load_spec_file(EXAMPLES / "mobilenet_v2.py")
    assert spec.layers == mobilenet_v2(10).layers
    assert analyze(spec).n_params == 2_236_682


def test_example_imagenet_and_digits():
    spec, config, _ = load_spec_file(EXAMPLES / "effnet_b0_imagenet.py")
    assert analyze(spec).n_params == 5_288_548
    assert (config.optimizer, config.batch_size, config.ema, config.drop_path) == ("sgd", 256, True, 0.2)
    spec, config, _ = load_spec_file(EXAMPLES / "demo_digits.py")
    a = analyze(spec)
    assert spec.in_channels == 1 and a.num_classes == 10
    assert 10_000 <= a.n_params <= 100_000
    assert config.default_data == "embedded:digits"


# --------------------------------------------------------------------------- invalid specs
def _net(*layers, h=32, w=32, cin=3, name="t"):
    return NetSpec(name, h, w, list(layers), in_channels=cin)


INVALID = [
    # (id, builder, substrings the SpecError message must contain)
    ("channel mismatch", lambda: _net(convBn(3, 16, 3, 1), convBn(16, 24, 3, 1), mbConv(32, 40, 6, 3, 1),
                                      globalAvgPool(), dense(40, 10)),
     ["layer 2 (mbConv)", "ic", "expected 24", "received 32"]),
    ("first layer vs in_channels", lambda: _net(convBn(3, 8, 3, 1), globalAvgPool(), dense(8, 2), cin=1),
     ["layer 0 (convBn)", "expected 1", "received 3"]),
    ("inverted residual mismatch", lambda: _net(convBn(3, 16, 3, 1), invertedResidual(24, 24, 6, 1),
                                                globalAvgPool(), dense(24, 2)),
     ["layer 1 (invertedResidual)", "expected 16", "received 24"]),
    ("dense input size", lambda: _net(convBn(3, 16, 3, 1), globalAvgPool(), dense(32, 10)),
     ["layer 2 (dense)", "expected 16", "received 32"]),
    ("kernel 4", lambda: convBn(3, 16, 4, 1), ["convBn", "kernel", "received 4"]),
    ("mbConv kernel 4", lambda: mbConv(16, 24, 6, 4, 1), ["mbConv", "kernel", "received 4"]),
    ("stride 3", lambda: convBn(3, 16, 3, 3), ["convBn", "stride", "received 3"]),
    ("block stride 3", lambda: invertedResidual(16, 24, 6, 3), ["invertedResidual", "stride", "received 3"]),
    ("padding full", lambda: convBn(3, 16, 3, 1, padding="full"), ["padding", "full", "'tf_same'"]),
    ("unknown activation", lambda: convBn(3, 16, 3, 1, act="gelu"), ["act", "gelu"]),
    ("spatial collapse", lambda: _net(convBn(3, 8, 3, 1, padding="valid"), globalAvgPool(), dense(8, 2),
                                      h=2, w=2),
     ["layer 0 (convBn)", "collapses the spatial size to zero", "2x2 -> 0x0"]),
    ("dense on 4-D", lambda: _net(convBn(3, 16, 3, 1), dense(16, 10)),
     ["layer 1 (dense)", "4-D", "globalAvgPool"]),
    ("dropout on 4-D", lambda: _net(convBn(3, 16, 3, 1), dropout(0.2), globalAvgPool(), dense(16, 2)),
     ["layer 1 (dropout)", "feature vectors"]),
    ("conv after pooling", lambda: _net(convBn(3, 16, 3, 1), globalAvgPool(), convBn(16, 16, 1, 1),
                                        dense(16, 2)),
     ["layer 2 (convBn)", "4-D image tensor"]),
    ("empty spec", lambda: _net(), ["has no layers"]),
    ("not a layer", lambda: _net(convBn(3, 16, 3, 1), "pool", dense(16, 2)), ["layer 1", "not a netspec layer"]),
    ("float size", lambda: convBn(2.5, 16, 3, 1), ["convBn", "field 'ic'", "must be an integer", "2.5"]),
    ("string size", lambda: dense("3", 10), ["dense", "field 'ic'", "must be an integer", "'3'"]),
    ("bool size", lambda: mbConv(16, 24, True, 3, 1), ["mbConv", "field 'expand'", "must be an integer", "True"]),
    ("float image size", lambda: NetSpec("t", 32.0, 32, [globalAvgPool(), dense(3, 2)]),
     ["image_h", "must be an integer"]),
    ("zero size", lambda: convBn(3, 0, 3, 1), ["convBn", "field 'oc'", "out of range", "received 0"]),
    ("negative size", lambda: dense(16, -1), ["dense", "field 'oc'", "out of range", "received -1"]),
    ("zero repeats", lambda: mbConv(16, 24, 6, 3, 1, 0), ["mbConv", "repeats", "received 0"]),
    ("zero image", lambda: NetSpec("t", 0, 32, [globalAvgPool(), dense(3, 2)]), ["image_h", "out of range"]),
    ("last layer not dense", lambda: _net(convBn(3, 16, 3, 1), globalAvgPool(), dropout(0.1)),
     ["layer 2 (dropout)", "last layer must be dense"]),
    ("image output", lambda: _net(convBn(3, 16, 3, 1)), ["layer 0 (convBn)", "class logits"]),
    ("se_ratio 0", lambda: mbConv(16, 24, 6, 3, 1, se_ratio=0.0), ["mbConv", "se_ratio"]),
    ("dropout rate 1", lambda: dropout(1.0), ["dropout", "rate"]),
    ("unknown variant", lambda: efficientnet("b8"), ["variant", "b8"]),
]


@pytest.mark.parametrize("build, substrings", [row[1:] for row in INVALID], ids=[row[0] for row in INVALID])
def test_invalid_specs_raise_spec_error(build, substrings):
    with pytest.raises(SpecError) as info:
        build()
    message = str(info.value)
    for s in substrings:
        assert s in message, f"{s!r} not in {message!r}"


# --------------------------------------------------------------------------- parameter registry
@pytest.mark.parametrize("spec", [efficientnet("b0", 10), mobilenet_v2(10), efficientnet("b3", 1000)],
                         ids=["b0", "mnv2", "b3"])
def test_registry_names_unique_offsets_contiguous(spec):
    a = analyze(spec)
    names = [p.name for p in a.params]
    assert len(names) == len(set(names))
    offset = 0
    for p in a.params:
        assert p.offset == offset
        offset += p.size
    assert offset == a.n_params
    assert sum(l.params for l in a.layers) == a.n_params


def test_registry_se_reduce_of_block_5_2():
    a = analyze(efficientnet("b0", 10))
    p = a.param("blocks.5.2.se.reduce.w")
    # block 5.2 maps 112 -> 112 with expand 6: mid = 672; SE on the block input: int(112 * 0.25) = 28
    assert p.shape == (672, 28)
    assert p.role == "se_w" and p.decay
    assert a.param("blocks.5.2.se.expand.w").shape == (28, 672)
    assert a.param("blocks.5.2.dw.conv.w").shape == (5, 5, 1, 672)


def test_registry_decay_flags():
    a = analyze(efficientnet("b0", 10))
    for p in a.params:
        if p.role in ("bn_gamma", "bn_beta", "dense_b", "se_b"):
            assert not p.decay, p.name
        else:
            assert p.role in ("conv_w", "dw_w", "dense_w", "se_w") and p.decay, p.name
    assert a.param("fc.11.w").shape == (1280, 10)
    assert a.param("conv.0.conv.w").shape == (3, 3, 3, 32)  # HWIO


# --------------------------------------------------------------------------- compound scaling
@pytest.mark.parametrize("channels, width, expected", [
    (32, 1.0, 32), (32, 1.1, 32),    # 35.2 -> 32 (within 10%)
    (16, 1.2, 24),                   # 19.2 -> 16 would be > 10% below, so 24
    (32, 1.2, 40), (112, 1.2, 136), (192, 1.2, 232), (320, 1.2, 384),
    (40, 1.8, 72), (320, 2.0, 640), (24, 1.4, 32), (112, 1.6, 176),
])
def test_round_filters(channels, width, expected):
    assert round_filters(channels, width) == expected


@pytest.mark.parametrize("repeats, depth, expected", [
    (1, 1.0, 1), (1, 1.1, 2), (2, 1.1, 3), (3, 1.4, 5), (4, 1.8, 8), (4, 3.1, 13), (2, 1.2, 3),
])
def test_round_repeats(repeats, depth, expected):
    assert round_repeats(repeats, depth) == expected


def test_b7_head_and_stem():
    spec = efficientnet("b7", 1000)
    assert spec.layers[0] == convBn(3, 64, 3, 2, act="swish")
    assert spec.layers[-4] == convBn(640, 2560, 1, 1, act="swish")
    assert (spec.image_h, spec.image_w) == (600, 600)


# --------------------------------------------------------------------------- TrainConfig
@pytest.mark.parametrize("changes, field", [
    ({"optimizer": "adagrad"}, "optimizer"),
    ({"learning_rate": -1e-3}, "learning_rate"),
    ({"learning_rate": 0.0}, "learning_rate"),
    ({"learning_rate": float("inf")}, "learning_rate"),
    ({"learning_rate": True}, "learning_rate"),
    ({"epochs": 5, "warmup_epochs": 5}, "warmup_epochs"),
    ({"warmup_epochs": -1}, "warmup_epochs"),
    ({"label_smoothing": 1.0}, "label_smoothing"),
    ({"batch_size": 0}, "batch_size"),
    ({"batch_size": 32.0}, "batch_size"),
    ({"momentum": 1.0}, "momentum"),
    ({"optimizer": "adam", "nesterov": True}, "nesterov"),
    ({"lr_schedule": "linear"}, "lr_schedule"),
    ({"bf16": "yes"}, "bf16"),
    ({"drop_path": 1.0}, "drop_path"),
    ({"weight_decay": -0.1}, "weight_decay"),
    ({"seed": -1}, "seed"),
])
def test_train_config_validation(changes, field):
    with pytest.raises(ConfigError) as info:
        TrainConfig(**changes)
    assert f"field '{field}'" in str(info.value)
    assert "TrainConfig" in str(info.value)


def test_train_config_valid():
    cfg = TrainConfig(optimizer="sgd", nesterov=True, epochs=3, warmup_epochs=2.5)
    assert cfg.schedule == "cosine"
    assert cfg.replace(cosine_decay=False).schedule == "constant"
    assert cfg.replace(lr_schedule="step").schedule == "step"
    assert cfg.to_dict()["nesterov"] is True


# --------------------------------------------------------------------------- property-based
LAYER_KINDS = {k.kind: k for k in (convBn, mbConv, invertedResidual, globalAvgPool, dropout, dense)}


@st.composite
def valid_specs(draw):
    """A random valid spec as data: (image_h, image_w, in_channels, [(kind, kwargs), ...])."""
    image_h, image_w = draw(st.integers(1, 64)), draw(st.integers(1, 64))
    cin = draw(st.integers(1, 4))
    c, h, w = cin, image_h, image_w
    layers = []
    for _ in range(draw(st.integers(1, 4))):
        kind = draw(st.sampled_from(["convBn", "mbConv", "invertedResidual"]))
        oc = draw(st.integers(1, 24))
        stride = draw(st.sampled_from([1, 2]))
        if kind == "convBn":
            k = draw(st.sampled_from([1, 3, 5, 7]))
            padding = draw(st.sampled_from(["same", "valid"])) if min(h, w) >= k else "same"
            act = draw(st.sampled_from(["identity", "relu", "relu6", "swish", "sigmoid"]))
            kw = dict(ic=c, oc=oc, kernel=k, stride=stride, padding=padding, act=act)
            p = k // 2 if padding == "same" else 0
            h, w = (h + 2 * p - k) // stride + 1, (w + 2 * p - k) // stride + 1
        elif kind == "mbConv":
            kw = dict(ic=c, oc=oc, expand=draw(st.integers(1, 4)),
                      kernel=draw(st.sampled_from([1, 3, 5, 7])), stride=stride,
                      repeats=draw(st.integers(1, 3)), use_se=draw(st.booleans()),
                      se_ratio=draw(st.sampled_from([0.25, 0.5, 1.0, 0.1])))
            h, w = math.ceil(h / stride), math.ceil(w / stride)
        else:
            kw = dict(ic=c, oc=oc, expand=draw(st.integers(1, 4)), stride=stride,
                      repeats=draw(st.integers(1, 3)))
            h, w = math.ceil(h / stride), math.ceil(w / stride)
        layers.append((kind, kw))
        c = oc
    layers.append(("globalAvgPool", {}))
    if draw(st.booleans()):
        layers.append(("dropout", dict(rate=draw(st.floats(0.0, 0.9)))))
    if draw(st.booleans()):
        hidden = draw(st.integers(1, 32))
        layers.append(("dense", dict(ic=c, oc=hidden, act="relu")))
        c = hidden
    layers.append(("dense", dict(ic=c, oc=draw(st.integers(1, 20)))))
    return image_h, image_w, cin, layers


def build(image_h, image_w, cin, layers) -> NetSpec:
    return NetSpec("prop", image_h, image_w, [LAYER_KINDS[k](**kw) for k, kw in layers], in_channels=cin)


def expected_params(layer) -> int:
    """An independent count of a layer's parameters (conv: no bias; BN: gamma + beta)."""
    if isinstance(layer, convBn):
        return layer.kernel ** 2 * layer.ic * layer.oc + 2 * layer.oc
    if isinstance(layer, dense):
        return layer.ic * layer.oc + layer.oc
    if isinstance(layer, (mbConv, invertedResidual)):
        k = layer.kernel if isinstance(layer, mbConv) else 3
        se_ratio = layer.se_ratio if isinstance(layer, mbConv) and layer.use_se else None
        total, ic = 0, layer.ic
        for _ in range(layer.repeats):
            mid = ic * layer.expand
            if layer.expand != 1:
                total += ic * mid + 2 * mid
            total += k * k * mid + 2 * mid
            if se_ratio is not None:
                se = max(1, int(ic * se_ratio))
                total += 2 * mid * se + se + mid
            total += mid * layer.oc + 2 * layer.oc
            ic = layer.oc
        return total
    return 0


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(valid_specs())
def test_valid_random_specs_analyze_consistently(data):
    image_h, image_w, cin, layers = data
    a = analyze(build(*data))
    assert a.layers[0].in_shape == (cin, image_h, image_w)
    for prev, nxt in zip(a.layers, a.layers[1:]):
        assert prev.out_shape == nxt.in_shape
    for info in a.layers:
        layer = info.layer
        same = (isinstance(layer, convBn) and layer.padding == "same") or isinstance(layer, (mbConv, invertedResidual))
        if same:
            _, h_in, w_in = info.in_shape
            assert info.out_shape == (layer.oc, math.ceil(h_in / layer.stride), math.ceil(w_in / layer.stride))
        assert info.params == expected_params(layer)
    offset = 0
    for p in a.params:
        assert p.offset == offset
        offset += p.size
    assert offset == a.n_params == sum(l.params for l in a.layers)
    assert len({p.name for p in a.params}) == len(a.params)
    assert a.num_classes == layers[-1][1]["oc"]


def _perturbations(layers):
    """(description, new layer list) for one-field perturbations of a valid spec's layers."""
    convs = [i for i, (k, _) in enumerate(layers) if k in ("convBn", "mbConv", "invertedResidual")]
    last = len(layers) - 1
    out = []
    for i in convs:
        kind, kw = layers[i]
        out.append(("wrong ic", i, dict(kw, ic=kw["ic"] + 1)))
        out.append(("bad stride", i, dict(kw, stride=3)))
        out.append(("non-int oc", i, dict(kw, oc=float(kw["oc"]))))
        if kind != "invertedResidual":
            out.append(("bad kernel", i, dict(kw, kernel=4)))
        if kind == "convBn":
            out.append(("bad padding", i, dict(kw, padding="full")))
    out.append(("wrong dense ic", last, dict(layers[last][1], ic=layers[last][1]["ic"] + 3)))
    out.append(("zero classes", last, dict(layers[last][1], oc=0)))
    return out


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(valid_specs(), st.data())
def test_invalid_random_specs_raise_only_spec_error(data, choose):
    image_h, image_w, cin, layers = data
    mutations = _perturbations(layers) + [("drop pooling", None, None), ("drop classifier", None, None)]
    what, index, new_kw = choose.draw(st.sampled_from(mutations))
    if what == "drop pooling":
        bad = [l for l in layers if l[0] != "globalAvgPool"]
    elif what == "drop classifier":  # end the network at the pooling layer
        bad = layers[:[k for k, _ in layers].index("globalAvgPool") + 1]
    else:
        bad = list(layers)
        bad[index] = (layers[index][0], new_kw)
    try:
        build(image_h, image_w, cin, bad)
    except SpecError as exc:
        message = str(exc)
        assert "layer " in message or any(k in message for k in LAYER_KINDS), message
    else:
        pytest.fail(f"{what} was accepted: {bad}")
