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
           "ensure_host_devices", "execute", "global_devices", "host_sum", "init_distributed",
           "jaxlib_version", "process_count", "process_index", "put", "serialize", "to_host"]

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


def global_devices(backend: str) -> list:
    """Every process's devices of ``backend`` (the local ones when there is one process), in
    replica order: process 0's, then process 1's, ..."""
    try:
        return sorted(client(backend).devices(), key=lambda d: (d.process_index, d.id))
    except Exception:  # noqa: BLE001
        return []


def process_index() -> int:
    import jax
    return jax.process_index()


def process_count() -> int:
    import jax
    return jax.process_count()


def init_distributed(coordinator: str, num_processes: int, process_id: int, *,
                     local_devices: int = 1, timeout_s: int = 60) -> None:
    """Join a multi-process run before any backend starts: ``jax.distributed`` with its
    coordinator at ``coordinator`` (HOST:PORT, served by process 0), CPU collectives over
    gloo, ``local_devices`` host devices in this process.  ``timeout_s`` bounds both joining
    and noticing a dead peer (the coordination service's heartbeat)."""
    import jax
    jax.config.update("jax_cpu_collectives_implementation", "gloo")
    if "xla_force_host_platform_device_count" not in os.environ.get("XLA_FLAGS", ""):
        jax.config.update("jax_num_cpu_devices", int(local_devices))
    jax.distributed.initialize(coordinator, num_processes=num_processes, process_id=process_id,
                               initialization_timeout=int(timeout_s),
                               heartbeat_timeout_seconds=int(timeout_s))


_host_sums = iter(range(1 << 62))   # one key-value round per host_sum call, same order everywhere


def host_sum(name: str, array: np.ndarray, timeout_s: int = 120) -> np.ndarray:
    """``array`` summed over every process of a ``jax.distributed`` run, in process order
    (so every process gets the same bits), through the coordinator's key-value store: host
    figures such as evaluation counts, not device data.  Every process must call it with the
    same ``name`` and shape, in the same order."""
    from jax._src import distributed
    kv = distributed.global_state.client
    a = np.ascontiguousarray(array)
    if kv is None or process_count() == 1:
        return a.copy()
    round_ = next(_host_sums)
    key = f"netspec/host_sum/{name}/{round_}"
    kv.key_value_set_bytes(f"{key}/{process_index()}", a.tobytes())
    total = np.zeros_like(a)
    for p in range(process_count()):
        blob = kv.blocking_key_value_get_bytes(f"{key}/{p}", int(timeout_s * 1000))
        total += np.frombuffer(blob, a.dtype).reshape(a.shape)
    return total


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


def _options(devs: Sequence):
    from jax._src.lib import xla_client as xc
    n = len(devs)
    opts = xc.CompileOptions()
    bo = opts.executable_build_options
    bo.num_replicas, bo.num_partitions = n, 1
    # replica r runs on devs[r] (device ids: 0..n-1 on one process; 0, 1, 2048, 2049 ... on several)
    bo.device_assignment = xc.DeviceAssignment.create(np.array([d.id for d in devs]).reshape(n, 1))
    return opts


def _device_list(devs: Sequence):
    from jax._src.lib import xla_client as xc
    return xc.DeviceList(tuple(devs))


def compile(backend: str, text: str, devs: Sequence):
    """Compile one ``@main`` module for ``len(devs)`` replicas on ``devs``."""
    return client(backend).compile_and_load(text, _device_list(devs), _options(devs))


def serialize(executable) -> bytes:
    return executable.serialize()


def deserialize(backend: str, data: bytes, devs: Sequence):
    return client(backend).deserialize_executable(data, _device_list(devs), _options(devs))


def put(array: np.ndarray, device):
    """``array`` on ``device`` with its dtype kept (f64 stays f64 whatever jax's x64 flag)."""
    import jax
    if np.asarray(array).dtype.itemsize == 8:
        with jax.enable_x64(True):
            return jax.device_put(array, device)
    return jax.device_put(array, device)


def to_host(array) -> np.ndarray:
    return np.asarray(array)


def execute(executable, args: Sequence[Sequence], devs: Sequence, local: Sequence | None = None) -> list[list]:
    """Run ``executable`` with ``args[i][r]`` the i-th argument on local replica r (device
    arrays or host arrays); -> ``out[j][r]`` the j-th result on local replica r, device arrays.
    ``devs`` are all replicas' devices, ``local`` this process's (default: all of them)."""
    import jax
    n = len(devs)
    local = list(devs if local is None else local)
    if n == 1:
        with jax.enable_x64(True):   # f64 modules: results keep their dtype
            return [[r] for r in executable.execute([_on(a[0], devs[0]) for a in args])]
    from jax.sharding import Mesh, NamedSharding, PartitionSpec
    sharding = NamedSharding(Mesh(np.array(devs), ("replica",)), PartitionSpec("replica"))
    glob = []
    for shards in args:
        shards = [_on(s, d) for s, d in zip(shards, local)]
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
    from jax._src import distributed
    if (xb.backends_are_initialized() or distributed.global_state.client is not None
            or "xla_force_host_platform_device_count" in os.environ.get("XLA_FLAGS", "")):
        return      # fixed already (or by init_distributed: n counts every process's devices)
    if n > 1:
        jax.config.update("jax_num_cpu_devices", int(n))
