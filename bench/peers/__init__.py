"""The peers of the benchmark, by name (imported lazily: each lives in its own worker process
and only imports its own framework)."""

from __future__ import annotations

import importlib

#: name -> (module, class, the pip requirement that provides its framework or None)
PEERS: dict[str, tuple[str, str, str | None]] = {
    "netspec": ("bench.peers.netspec_peer", "NetspecPeer", None),
    "jax-iree-nhwc": ("bench.peers.jax_peer", "JaxIreeNhwcPeer", None),
    "jax-iree-nchw": ("bench.peers.jax_peer", "JaxIreeNchwPeer", None),
    "torch": ("bench.peers.torch_peer", "TorchPeer", "torch==2.13.0"),
    # opt-in (--peers ...,torch-compile): inductor compiles for minutes per workload on 2 cores
    "torch-compile": ("bench.peers.torch_peer", "TorchCompilePeer", "torch==2.13.0"),
    "jax-xla": ("bench.peers.jax_peer", "JaxXlaPeer", None),
    "netspec-xla": ("bench.peers.netspec_peer", "NetspecXlaPeer", None),
    # the data-parallel module on 2 / 4 XLA host devices (opt-in: --peers ...,netspec-xla-dp4)
    "netspec-xla-dp2": ("bench.peers.netspec_peer", "NetspecXlaDp2Peer", None),
    "netspec-xla-dp4": ("bench.peers.netspec_peer", "NetspecXlaDp4Peer", None),
}

LABELS = {"netspec": "netspec", "jax-iree-nhwc": "JAX→IREE NHWC",
          "jax-iree-nchw": "JAX→IREE NCHW", "torch": "PyTorch eager", "jax-xla": "JAX XLA CPU",
          "netspec-xla": "netspec on XLA CPU", "netspec-xla-dp2": "netspec XLA 2 replicas",
          "netspec-xla-dp4": "netspec XLA 4 replicas", "torch-compile": "torch.compile"}


_EMITTED = ("the emitted module's bf16 casts (netspec/precision.py: bf16 operands of every "
            "conv / dense, f32 accumulation, bf16 feature maps; BN, loss, optimizer and master "
            "weights f32)")
_REFERENCE = ("the JAX model with netspec's precision policy (netspec.reference's Precision: "
              "the same casts as the emitted module, in jnp)")
_F32 = "float32"
#: name -> {netspec.precision mode: how the peer computes in it}.  A workload whose mode a
#: peer lacks is skipped for it, with :func:`precision_skip`'s reason in the report.
PRECISIONS: dict[str, dict[str, str]] = {
    **{n: {"f32": _F32, "bf16_conv": _EMITTED, "bf16": _EMITTED}
       for n in ("netspec", "netspec-xla", "netspec-xla-dp2", "netspec-xla-dp4")},
    **{n: {"f32": _F32, "bf16_conv": _REFERENCE, "bf16": _REFERENCE}
       for n in ("jax-iree-nhwc", "jax-iree-nchw", "jax-xla")},
    # PyTorch's CPU mixed precision is autocast: conv / linear / matmul in bf16 (their outputs
    # bf16, so the activations between them too), the ops on its fp32 list in f32; it has no
    # "bf16 convolutions but f32 activations" mode
    "torch": {"f32": _F32, "bf16": "torch.autocast('cpu', dtype=torch.bfloat16) around the "
              "forward; the loss in f32; f32 master weights and Adam"},
}
PRECISIONS["torch-compile"] = dict(PRECISIONS["torch"])


def precision_skip(name: str, precision: str) -> str | None:
    """Why peer ``name`` cannot run a workload in ``precision`` (None: it can)."""
    modes = PRECISIONS.get(name, {"f32": _F32})
    if precision in modes:
        return None
    return (f"no {precision} mode: {LABELS.get(name, name)} has "
            + ", ".join(modes) + (" (torch.autocast's bf16 casts conv and linear outputs "
                                  "too: that is the bf16 workload)" if name == "torch" else ""))


def peer_class(name: str):
    module, cls, _ = PEERS[name]
    return getattr(importlib.import_module(module), cls)


def missing_requirement(name: str) -> str | None:
    """The pip requirement to install when the peer's framework is absent, else None."""
    _, _, req = PEERS[name]
    if req is None:
        return None
    top = req.split("=")[0].split("[")[0]
    try:
        importlib.import_module(top)
    except ImportError:
        return req
    return None
