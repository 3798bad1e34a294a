"""The ONE place netspec touches jaxlib's private modules (``jax._src``): a jax upgrade that
moves them breaks this file only.

What netspec needs from XLA is small: a PJRT client per platform, compiling a StableHLO module
*text* for k devices (k replicas), serialising / deserialising the compiled executable (the
on-disk cache), putting host arrays on a device and executing with device arrays in and out.
Nothing here traces or differentiates anything: the module is netspec's own emitted text.

XLA compiles one entry function per module, named ``main``: ``entry_modules`` cuts netspec's
module (predict, grads, train_step) into one module per function with MLIR's own parser, the
module attributes (``mhlo.num_replicas``) kept.
"""

from __future__ import annotations

import os
from typing import Sequence

import numpy as np

__all__ = ["PLATFORMS", "client", "compile", "deserialize", "devices", "entry_modules",
           "ensure_host_devices", "execute", "jaxlib_version", "put", "serialize", "to_host"]

#: netspec backend -> PJRT platform name (``jax.devices(platform)``)
PLATFORMS = {"cpu": "cpu", "cuda": "cuda", "rocm": "rocm"}


def jaxlib_version() -> str:
    import jaxlib
    return jaxlib.__version__


def client(backend: str):
    """The PJRT client of ``backend`` (RuntimeError when jax has no such platform here)."""
    from jax._src import xla_bridge as xb
    return xb.get_backend(PLATFORMS[backend])


def devices(backend: str) -> list:
    """The local devices of ``backend`` (empty when there are none)."""
    try:
        return list(client(backend).local_devices())
    except Exception:  # noqa: BLE001 - no plugin / no device: jax raises RuntimeError variants
        return []


def entry_modules(text: str) -> dict[str, str]:
    """``text``'s functions, each as a module of its own whose entry is ``@main``."""
    from jax._src.interpreters import mlir as jmlir
    from jaxlib.mlir import ir
    out = {}
    with jmlir.make_ir_context():
        names = [ir.StringAttr(op.attributes["sym_name"]).value
                 for op in ir.Module.parse(text).body.operations]
        for name in names:
            m = ir.Module.parse(text)
            for op in list(m.body.operations):
                if ir.StringAttr(op.attributes["sym_name"]).value == name:
                    op.attributes["sym_name"] = ir.StringAttr.get("main")
                else:
                    op.erase()
            out[name] = str(m)
    return out


def _options(n: int):
    from jax._src.lib import xla_client as xc
    opts = xc.CompileOptions()
    bo = opts.executable_build_options
    bo.num_replicas, bo.num_partitions = n, 1
    bo.device_assignment = xc.DeviceAssignment.create(np.arange(n).reshape(n, 1))
    return opts


def _device_list(devs: Sequence):
    from jax._src.lib import xla_client as xc
    return xc.DeviceList(tuple(devs))


def compile(backend: str, text: str, devs: Sequence):
    """Compile one ``@main`` module for ``len(devs)`` replicas on ``devs``."""
    return client(backend).compile_and_load(text, _device_list(devs), _options(len(devs)))


def serialize(executable) -> bytes:
    return executable.serialize()


def deserialize(backend: str, data: bytes, devs: Sequence):
    return client(backend).deserialize_executable(data, _device_list(devs), _options(len(devs)))


def put(array: np.ndarray, device):
    """``array`` on ``device`` with its dtype kept (f64 stays f64 whatever jax's x64 flag)."""
    import jax
    if np.asarray(array).dtype.itemsize == 8:
        with jax.enable_x64(True):
            return jax.device_put(array, device)
    return jax.device_put(array, device)


def to_host(array) -> np.ndarray:
    return np.asarray(array)


def execute(executable, args: Sequence[Sequence], devs: Sequence) -> list[list]:
    """Run ``executable`` with ``args[i][r]`` the i-th argument on replica r (device arrays or
    host arrays); -> ``out[j][r]`` the j-th result on replica r, device arrays."""
    import jax
    n = len(devs)
    if n == 1:
        with jax.enable_x64(True):   # f64 modules: results keep their dtype
            return [[r] for r in executable.execute([_on(a[0], devs[0]) for a in args])]
    from jax.sharding import Mesh, NamedSharding, PartitionSpec
    sharding = NamedSharding(Mesh(np.array(devs), ("replica",)), PartitionSpec("replica"))
    glob = []
    for shards in args:
        shards = [_on(s, d) for s, d in zip(shards, devs)]
        s0 = shards[0]
        shape = (n * s0.shape[0], *s0.shape[1:]) if s0.ndim else (n,)
        if not s0.ndim:
            shards = [s.reshape(1) for s in shards]
        glob.append(jax.make_array_from_single_device_arrays(shape, sharding, shards))
    with jax.enable_x64(True):
        res = executable.execute_sharded(glob)
        return [list(r) for r in res.disassemble_into_single_device_arrays()]


def _on(a, device):
    return a if hasattr(a, "devices") else put(a, device)


def ensure_host_devices(n: int) -> None:
    """Ask XLA's CPU client for ``n`` devices, if jax has not started its backends yet (then
    the count is fixed: ``devices`` tells how many there are).  ``XLA_FLAGS`` with
    ``--xla_force_host_platform_device_count`` set by the user wins."""
    import jax
    from jax._src import xla_bridge as xb
    if xb.backends_are_initialized() or "xla_force_host_platform_device_count" in os.environ.get("XLA_FLAGS", ""):
        return
    if n > 1:
        jax.config.update("jax_num_cpu_devices", int(n))
