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
    "jax-xla": ("bench.peers.jax_peer", "JaxXlaPeer", None),
    "netspec-xla": ("bench.peers.netspec_peer", "NetspecXlaPeer", None),
    # the data-parallel module on 2 / 4 XLA host devices (opt-in: --peers ...,netspec-xla-dp4)
    "netspec-xla-dp2": ("bench.peers.netspec_peer", "NetspecXlaDp2Peer", None),
    "netspec-xla-dp4": ("bench.peers.netspec_peer", "NetspecXlaDp4Peer", None),
}

LABELS = {"netspec": "netspec", "jax-iree-nhwc": "JAX→IREE NHWC",
          "jax-iree-nchw": "JAX→IREE NCHW", "torch": "PyTorch eager", "jax-xla": "JAX XLA CPU",
          "netspec-xla": "netspec on XLA CPU", "netspec-xla-dp2": "netspec XLA 2 replicas",
          "netspec-xla-dp4": "netspec XLA 4 replicas"}


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
