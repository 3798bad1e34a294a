"""Shared fixtures: one compile cache per test session (vmfbs keyed by content hash, so a
module compiled by one test is reused by the next within a run; never across runs unless
NETSPEC_CACHE_DIR is set by the caller)."""

from __future__ import annotations

import os

import pytest

# Four XLA host devices for the data-parallel tests (tests/test_xla.py): set before anything
# starts jax's backends; the JAX reference and peers run on the first device as before.
if "xla_force_host_platform_device_count" not in os.environ.get("XLA_FLAGS", ""):
    os.environ["XLA_FLAGS"] = (os.environ.get("XLA_FLAGS", "") +
                               " --xla_force_host_platform_device_count=4").strip()


@pytest.fixture(scope="session")
def cache_dir(tmp_path_factory):
    env = os.environ.get("NETSPEC_TEST_CACHE_DIR")
    return env or str(tmp_path_factory.mktemp("vmfb-cache"))


def report_table(report) -> str:
    """A readable per-tensor table for assertion messages."""
    lines = [f"{report.spec_name}: loss {report.loss[0]:.8g} vs {report.loss[1]:.8g}, correct "
             f"{report.correct[0]} vs {report.correct[1]}, median err {report.median_err:.2e} "
             f"(tol rel {report.tol.rel:g}, median {report.tol.median:g})"]
    for r in report.rows + report.extras:
        flag = "" if r.ok else "   <-- FAIL"
        lines.append(f"  {r.name:40s} {str(r.shape):18s} err {r.err:.2e}  max|d| {r.max_abs:.2e}{flag}")
    return "\n".join(lines)
