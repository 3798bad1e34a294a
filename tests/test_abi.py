"""The ABI returned with the emitted text describes exactly the text: every ``func.func`` line,
argument and result, from the training-state and hyper tables."""

from __future__ import annotations

import re

import pytest

from codegen import FUNCTIONS, emit
from codegen.abi import ModuleABI
from codegen.cases import CASES
from netspec import zoo
from netspec.analysis import analyze
from netspec.state import HYPER, OPT_STATE, train_state

FUNC_LINE = re.compile(r"^\s*(func\.func @[\w.]+\(.*\) -> \(.*\)) \{$", re.M)
SPECS = [(c.id, c.spec, c.batch) for c in CASES] + [
    ("b0", zoo.efficientnet("b0", 10, image_size=64), 2), ("mnv2", zoo.mobilenet_v2(10, image_size=64), 2)]


@pytest.mark.parametrize("optimizer", sorted(OPT_STATE))
@pytest.mark.parametrize("sid,spec,batch", SPECS[:4] + SPECS[-2:], ids=[s[0] for s in SPECS[:4] + SPECS[-2:]])
def test_signatures_are_the_emitted_lines(sid, spec, batch, optimizer):
    e = emit(spec, batch=batch, optimizer=optimizer)
    lines = FUNC_LINE.findall(e.text)
    assert lines == [e.abi[f].signature for f in FUNCTIONS]
    assert list(e.abi.functions) == list(FUNCTIONS)


@pytest.mark.parametrize("sid,spec,batch", SPECS, ids=[s[0] for s in SPECS])
def test_roles_shapes_and_state(sid, spec, batch):
    a = analyze(spec)
    for soft in (False, True):
        e = emit(spec, batch=batch, optimizer="adam", soft_targets=soft, input_grad=True)
        ts = e.abi["train_step"]
        state = train_state("adam")
        assert [t.key for t in ts.state_args()] == [s.key for s in state] == list(e.abi.state)
        assert [t.key for t in ts.state_results()] == [s.key for s in state]
        for t in ts.state_args():
            assert t.shape == ((a.n_params,) if t.key != "bn" else (a.n_bn_floats,))
        names = ts.arg_names()
        assert len(set(names)) == len(names)
        assert ts.arg("images").shape == (batch, spec.image_h, spec.image_w, spec.in_channels)
        label = ts.arg("targets" if soft else "labels")
        assert label.shape == ((batch, a.num_classes) if soft else (batch,))
        assert label.dtype == ("f32" if soft else "i32")
        assert ("rand" in names) == bool(a.rand_width)
        assert ts.arg("hyper").shape == (len(HYPER),) and ts.arg("hyper").role == "hyper"
        assert [t.name for t in ts.results if t.role == "output"] == ["loss", "correct"]
        g = e.abi["grads"]
        assert [t.name for t in g.results] == ["loss", "correct", "grads", "bn", "d_images"]
        assert g.result("grads").shape == (a.n_params,)
        assert e.abi["predict"].result("logits").shape == (batch, a.num_classes)
        assert ModuleABI.from_dict(e.abi.to_dict()) == e.abi
        assert e.abi.hyper == HYPER


def test_unknown_names_are_named():
    e = emit(CASES[0].spec, batch=2)
    with pytest.raises(KeyError, match="no argument named 'nope'"):
        e.abi["train_step"].arg("nope")
    with pytest.raises(KeyError, match="no function @nope"):
        e.abi["nope"]
