"""Compiles show their progress (issue 18, point 1) and a driver error is one line (point 5).

* ``runtime.build.build(progress=...)`` reports emit, verify, compile (with the iree-compile
  target), cache hit (when and how long the cached compile took) and done, in order, while the
  build runs (test_build_reports_its_stages_as_they_start, ..._cache_hit).
* ``runtime.progress.ConsoleProgress``: one line per stage off a terminal, the final line with
  the time, the cache hit said as such (test_plain_display_*).
* ``netspec compile`` in plain mode (CliRunner; a subprocess with stdout and stderr piped):
  the stage lines, in order, before the summary and while the compile still runs
  (test_compile_cli_plain_stage_lines, test_compile_streams_stage_lines_before_it_ends); they
  go with the summary on stdout, so a failed compile's stderr is its error alone.
* under a pseudo-terminal: the live line with the stage and the seconds, updating, before the
  end (test_compile_under_a_pty_shows_a_live_line).
* ``netspec verify`` / ``train`` / ``eval`` use the same display; train prints its header
  (spec, target, data, schedule) before the compile (test_train_header_comes_before_the_
  compile_and_eval_shows_its_stages).
* bench: the netspec peer writes its stages to the worker log, the suite relays them while the
  worker prepares (test_bench_*).
* a multi-line driver error from iree.runtime becomes one line plus the hint
  (test_multiline_driver_error_is_one_line_and_a_hint).
"""

from __future__ import annotations

import io
import os
import re
import select
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from rich.console import Console

from netspec.cli import main
from netspec.loader import load_spec_file
from runtime.progress import ConsoleProgress, Reporter, StageEvent

from .test_compile_cli import TINY as COMPILE_TINY

TINY = COMPILE_TINY.replace('"Tiny-Net"', '"Tiny-Progress"')   # the compile tests' tiny spec
ROOT = Path(__file__).resolve().parent.parent
NETSPEC = [sys.executable, "-c", "from netspec.cli import main; main()"]
COMPILE_LINE = "compiling (IREE llvm-cpu)..."
ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")


@pytest.fixture(scope="module")
def spec_file(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("spec") / "tiny.py"
    path.write_text(textwrap.dedent(TINY))
    return path


def _env() -> dict:
    env = dict(os.environ, PYTHONUNBUFFERED="1", TERM="xterm-256color", COLUMNS="120")
    for k in ("NO_COLOR", "FORCE_COLOR", "TTY_COMPATIBLE", "TTY_INTERACTIVE"):
        env.pop(k, None)
    return env


# --------------------------------------------------------------------------- the runtime hook
def _recorded_build(spec_file, cache_dir, **kw):
    from runtime.build import build
    spec, config, _ = load_spec_file(str(spec_file))
    events: list[tuple[StageEvent, float]] = []
    t0 = time.perf_counter()
    b = build(spec, config, cache_dir=cache_dir, functions=("predict",),
              progress=lambda ev: events.append((ev, time.perf_counter())), **kw)
    return b, events, t0, time.perf_counter()


def test_build_reports_its_stages_as_they_start(spec_file, tmp_path):
    b, events, t0, t_end = _recorded_build(spec_file, tmp_path / "cache")
    assert not b.result.cache_hit
    assert [e.stage for e, _ in events] == ["emit", "verify", "compile", "done"]
    compile_ev = events[2][0]
    assert compile_ev.target == "llvm-cpu" and compile_ev.chip == "host"
    # elapsed is on one clock from the start, and each event arrived when it happened:
    # the compile event before iree-compile ran (its seconds are after it)
    elapsed = [e.elapsed for e, _ in events]
    assert elapsed == sorted(elapsed)
    t_compile = events[2][1]
    assert t_end - t_compile >= 0.9 * b.result.seconds
    assert events[-1][0].elapsed >= b.result.seconds


def test_build_reports_a_cache_hit(spec_file, tmp_path):
    cache = tmp_path / "cache"
    _recorded_build(spec_file, cache)
    from runtime.engines.iree import clear_memo
    clear_memo()
    b, events, _, _ = _recorded_build(spec_file, cache)
    assert b.result.cache_hit
    assert [e.stage for e, _ in events] == ["emit", "verify", "compile", "cache hit", "done"]
    hit = events[3][0]
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d.*", hit.compiled or "")
    assert hit.compile_seconds == b.manifest["cold_compile_seconds"] > 0


def test_a_caller_reporter_keeps_done_for_itself(spec_file, tmp_path):
    """A Reporter passed down is part of the caller's pipeline: build reports no "done"."""
    from runtime.build import build
    spec, config, _ = load_spec_file(str(spec_file))
    seen = []
    rep = Reporter(seen.append)
    build(spec, config, cache_dir=tmp_path / "c", functions=("predict",), progress=rep)
    assert [e.stage for e in seen] == ["emit", "verify", "compile"]


# --------------------------------------------------------------------------- the display
def _plain_console() -> tuple[Console, io.StringIO]:
    buf = io.StringIO()
    return Console(file=buf, force_terminal=False, width=200, highlight=False), buf


def test_plain_display_one_line_per_stage_and_the_time():
    console, buf = _plain_console()
    with ConsoleProgress(console) as show:
        assert not show.live
        show(StageEvent("emit", 0.0))
        show(StageEvent("verify", 0.4))
        assert buf.getvalue().splitlines() == ["emitting...", "verifying..."]   # as they start
        show(StageEvent("compile", 0.9, target="llvm-cpu", chip="host"))
        show(StageEvent("load", 42.1, driver="local-task"))
        show(StageEvent("done", 42.3))
    assert buf.getvalue().splitlines() == [
        "emitting...", "verifying...", COMPILE_LINE, "loading on local-task...",
        "done in 42.3 s (compiled in 41.2 s)"]


def test_plain_display_says_cache_hit():
    console, buf = _plain_console()
    with ConsoleProgress(console, prefix="  compile  ") as show:
        for ev in (StageEvent("emit", 0.0), StageEvent("verify", 0.1),
                   StageEvent("compile", 0.2, target="hip", chip="gfx1100"),
                   StageEvent("cache hit", 0.21, compiled="2026-01-02T10:11:12+0000",
                              compile_seconds=41.234),
                   StageEvent("done", 0.3)):
            show(ev)
    lines = buf.getvalue().splitlines()
    assert lines[2:] == ["  compile  compiling (IREE hip)...",
                         "  compile  cache hit, compiled 2026-01-02 10:11 in 41.2 s",
                         "  compile  done in 0.3 s (cache hit, compiled 2026-01-02 10:11 in "
                         "41.2 s)"]


def test_live_display_stops_on_an_error():
    buf = io.StringIO()
    console = Console(file=buf, force_terminal=True, force_interactive=True, width=100)
    with pytest.raises(RuntimeError):
        with ConsoleProgress(console) as show:
            assert show.live
            show(StageEvent("compile", 0.0, target="llvm-cpu"))
            assert show._live is not None
            raise RuntimeError("boom")
    assert show._live is None
    assert "compiling (IREE llvm-cpu)..." in ANSI.sub("", buf.getvalue())


# --------------------------------------------------------------------------- netspec compile
def test_compile_cli_plain_stage_lines(spec_file, tmp_path):
    cache = tmp_path / "cache"
    args = ["compile", str(spec_file), "-o", str(tmp_path / "out"), "--cache-dir", str(cache)]
    r = CliRunner().invoke(main, args)
    assert r.exit_code == 0, (r.output, r.exception)
    assert r.stderr == ""                 # stderr is for an error only (tests/test_compile_cli)
    lines = r.stdout.splitlines()
    assert lines[:3] == ["emitting...", "verifying...", COMPILE_LINE], r.stdout
    assert re.fullmatch(r"done in \d+\.\d s \(compiled in \d+\.\d s\)", lines[3]), r.stdout
    # then the summary
    assert lines[4].startswith("target ") and "compile    compiled in" in r.stdout

    r = CliRunner().invoke(main, args)              # again: a cache hit, said as such
    assert r.exit_code == 0, r.output
    lines = r.stdout.splitlines()
    hit = r"cache hit, compiled \d{4}-\d\d-\d\d \d\d:\d\d in \d+\.\d s"
    assert lines[:3] == ["emitting...", "verifying...", COMPILE_LINE], r.stdout
    assert re.fullmatch(hit, lines[3]), r.stdout
    assert re.fullmatch(rf"done in \d+\.\d s \({hit}\)", lines[4]), r.stdout
    assert lines[5].startswith("target ")


def test_compile_error_after_the_stages_leaves_stderr_to_the_error(spec_file, tmp_path):
    r = CliRunner().invoke(main, ["compile", str(spec_file), "--function", "predict",
                                  "--cache-dir", str(tmp_path / "c"), "-o", str(tmp_path / "o"),
                                  "--iree-flag=--no-such-iree-flag"])
    assert r.exit_code == 2
    assert r.stdout.splitlines() == ["emitting...", "verifying...", COMPILE_LINE]
    assert r.stderr.startswith("error: --iree-flag")


def _read_with_times(streams: dict, proc) -> dict:
    """{name: [(time, bytes)]} for each pipe/fd in ``streams`` until all are closed."""
    got = {name: [] for name in streams}
    fds = {fd: name for name, fd in streams.items()}
    while fds:
        ready, _, _ = select.select(list(fds), [], [], 120)
        if not ready:
            proc.kill()
            pytest.fail("no output for 120 s")
        for fd in ready:
            try:
                data = os.read(fd, 65536)
            except OSError:            # a pty's master reads EIO once the child is gone
                data = b""
            if not data:
                del fds[fd]
                continue
            got[fds[fd]].append((time.perf_counter(), data))
    return got


def test_compile_streams_stage_lines_before_it_ends(spec_file, tmp_path):
    """A subprocess with stderr piped (into stdout's pipe, so the order is the order written):
    each stage line arrives while the compile still runs, before the summary."""
    proc = subprocess.Popen([*NETSPEC, "compile", str(spec_file), "-o", str(tmp_path / "out"),
                             "--cache-dir", str(tmp_path / "cache")], cwd=ROOT, env=_env(),
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    got = _read_with_times({"out": proc.stdout.fileno()}, proc)["out"]
    assert proc.wait() == 0, got
    t_exit = time.perf_counter()
    text = b"".join(d for _, d in got).decode()
    lines = text.splitlines()
    assert lines[:3] == ["emitting...", "verifying...", COMPILE_LINE], text
    assert re.fullmatch(r"done in \d+\.\d s \(compiled in \d+\.\d s\)", lines[3]), text
    assert lines[4].startswith("target "), text           # the summary only after the stages

    def arrived(needle: str) -> float:
        seen = b""
        for t, d in got:
            seen += d
            if needle.encode() in seen:
                return t
        pytest.fail(f"{needle!r} never arrived: {text}")

    t_compile = arrived(COMPILE_LINE)
    compiled = float(re.search(r"\(compiled in (\d+\.\d) s\)", text).group(1))
    # the compile line was shown when iree-compile started, not when the command ended
    assert t_exit - t_compile >= 0.8 * compiled, (t_exit - t_compile, compiled)
    assert arrived("done in") - t_compile >= 0.8 * compiled


def test_compile_under_a_pty_shows_a_live_line(spec_file, tmp_path):
    import fcntl
    import pty
    import struct
    import termios
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
    proc = subprocess.Popen([*NETSPEC, "compile", str(spec_file), "-o", str(tmp_path / "out"),
                             "--cache-dir", str(tmp_path / "cache")], cwd=ROOT, env=_env(),
                            stdin=slave, stdout=slave, stderr=slave, close_fds=True)
    os.close(slave)
    try:
        got = _read_with_times({"tty": master}, proc)
    finally:
        os.close(master)
    assert proc.wait() == 0
    t_exit = time.perf_counter()
    frames = []                     # (time, text) of each redraw of the live line
    text = ""
    for t, d in got["tty"]:
        text += d.decode("utf-8", errors="replace")
        for m in re.finditer(r"compiling \(IREE llvm-cpu\)\.\.\.\s+(\d+\.\d) s", ANSI.sub("", text)):
            frames.append((t, m.group(1)))
    plain = ANSI.sub("", text)
    assert frames, plain
    seconds = sorted({float(s) for _, s in frames})
    assert len(seconds) >= 2, plain                 # the seconds advance while it compiles
    first = min(t for t, _ in frames)
    assert t_exit - first >= 0.5, plain             # shown before the end, not after
    # a live line (redrawn in place), then the final line and the summary
    assert "\r" in text and "\x1b[2K" in text
    assert not re.search(r"^emitting\.\.\.\r?$", plain, re.M)     # no plain stage lines
    tail = plain[plain.rindex("compiling"):]
    assert re.search(r"done in \d+\.\d s \(compiled in \d+\.\d s\)", tail), tail
    assert tail.index("done in") < tail.index("target ") < tail.index("output")


# --------------------------------------------------------------------------- verify, train, eval
def test_verify_shows_the_same_stage_lines(tmp_path):
    path = tmp_path / "v.py"
    path.write_text(textwrap.dedent("""
        from netspec import NetSpec, convBn, dense, globalAvgPool
        spec = NetSpec("TinyVerifyProgress", 8, 8, in_channels=1, layers=[
            convBn(1, 4, 3, 2, act="swish"), globalAvgPool(), dense(4, 3)])
    """))
    r = CliRunner().invoke(main, ["verify", str(path), "--json"])
    assert r.exit_code == 0, r.output
    lines = r.stderr.splitlines()
    assert lines[:2] == ["emitting...", COMPILE_LINE], r.stderr
    at = {s: lines.index(s) for s in ("loading on local-task...", "running...",
                                      "reference (JAX float64)...", "comparing...")}
    assert list(at.values()) == sorted(at.values())
    assert re.fullmatch(r"done in \d+\.\d s \((compiled in \d+\.\d s|cache hit, .*)\)",
                        lines[-1]), r.stderr
    import json
    assert json.loads(r.stdout)["ok"] is True          # stdout is still only the JSON


def test_train_header_comes_before_the_compile_and_eval_shows_its_stages(tmp_path, cache_dir):
    from tests.test_train import make_npz, spec_file as train_spec
    make_npz(tmp_path / "data.npz")
    spec = train_spec(tmp_path, epochs=1)
    run = tmp_path / "run"
    r = CliRunner().invoke(main, ["train", str(spec), "--out", str(run), "--stop-at-step", "1",
                                  "--cache-dir", str(tmp_path / "fresh-cache")])
    assert r.exit_code == 0, r.output
    out = r.output
    order = ["netspec train", "  parameters", "  target          cpu (host) on driver "
             "local-task", "  data", "  batches/epoch", "  schedule", "  run directory",
             "  compile         emitting...", "  compile         verifying...",
             f"  compile         {COMPILE_LINE}", "  compile         loading on local-task...",
             "  compile         done in", "  module          predict, train_step"]
    at = [out.index(s) for s in order]
    assert at == sorted(at), out
    assert re.search(r"  compile         done in \d+\.\d s \(compiled in \d+\.\d s\)", out), out

    r = CliRunner().invoke(main, ["eval", str(spec), "--checkpoint", str(run),
                                  "--cache-dir", cache_dir])
    assert r.exit_code == 0, r.output
    lines = r.stdout.splitlines()
    at = [lines.index(s) for s in ("emitting...", "verifying...", COMPILE_LINE,
                                   "loading on local-task...")]
    assert at == sorted(at), r.stdout
    done = [i for i, l in enumerate(lines) if l.startswith("done in ")]
    assert done and done[0] > at[-1], r.stdout
    assert r.stdout.index("done in ") < r.stdout.index("top-1")


# --------------------------------------------------------------------------- bench
def test_bench_relay_passes_on_progress_lines_only(tmp_path):
    from bench.suite import PROGRESS_MARK, _Relay
    log = tmp_path / "w.log"
    log.write_text("old line\n" + PROGRESS_MARK + "from an earlier call\n")
    seen = []
    relay = _Relay(log, seen.append)
    with open(log, "a") as f:
        f.write("a framework's chatter\n" + PROGRESS_MARK + "emitting...\n")
        f.flush()
        deadline = time.time() + 10
        while not seen and time.time() < deadline:
            time.sleep(0.05)
        assert seen == ["emitting..."]          # while the call is still waiting
        f.write(PROGRESS_MARK + "compiling (IREE llvm-cpu)...\n" + PROGRESS_MARK + "half")
    relay.finish()
    assert seen == ["emitting...", "compiling (IREE llvm-cpu)..."]


def test_bench_netspec_peer_writes_its_stages(capsys):
    from bench.peers.netspec_peer import _stage_lines
    from bench.suite import PROGRESS_MARK
    with _stage_lines() as rep:
        rep("emit")
        rep("compile", target="llvm-cpu")
        rep("done")
    err = capsys.readouterr().err.splitlines()
    assert err[:2] == [PROGRESS_MARK + "emitting...", PROGRESS_MARK + COMPILE_LINE]
    assert err[2].startswith(PROGRESS_MARK + "done in ")


# --------------------------------------------------------------------------- driver errors
HIP_ERROR = ("Error creating driver: c/runtime/src/iree/hal/drivers/hip/dynamic_symbols.c:155: "
             "UNAVAILABLE; HIP runtime library 'amdhip64.dll'/'libamdhip64.so' not available: "
             "please ensure installed and in dynamic library search path: \n"
             "  Tried: libamdhip64.so\n"
             "    c/runtime/src/iree/base/internal/dynamic_library_posix.c:165: NOT_FOUND; "
             "failed to load dynamic library (possibly not found on any search path): "
             "libamdhip64.so: cannot open shared object file: No such file or directory")


def test_multiline_driver_error_is_one_line_and_a_hint(monkeypatch):
    import iree.runtime as rt

    from runtime.engines.iree import run
    from runtime.engines.iree.engine import IreeEngine

    def config(driver):
        try:
            raise RuntimeError(HIP_ERROR)
        except RuntimeError as inner:    # iree.runtime chains the driver's error like this
            raise RuntimeError("Could not create device. Exception for last tried "
                               "follows.") from inner

    monkeypatch.setattr(rt, "Config", config)
    monkeypatch.setattr(run, "_configs", {})
    monkeypatch.setattr(run, "available_drivers", lambda: ["hip", "local-task"])
    with pytest.raises(run.DriverError) as ei:
        IreeEngine().check_device("rocm")
    msg = str(ei.value)
    lines = msg.splitlines()
    assert len(lines) == 2, msg
    assert lines[0] == ("cannot open IREE runtime driver 'hip': UNAVAILABLE; HIP runtime "
                        "library 'amdhip64.dll'/'libamdhip64.so' not available: please "
                        "ensure installed and in dynamic library search path")
    assert lines[1].startswith("  hint: needs an AMD GPU with ROCm") and "--backend cpu" in lines[1]
    assert ".c:" not in msg and "runtime/src" not in msg


@pytest.mark.parametrize("detail, first", [
    ("iree/runtime/src/iree/hal/drivers/cuda/cuda_dynamic_symbols.c:66: UNAVAILABLE; CUDA "
     "driver library 'libcuda.so' not available;\n  more", "UNAVAILABLE; CUDA driver library "
     "'libcuda.so' not available"),
    ("\n\n  No device found from list ['vulkan']  \n", "No device found from list ['vulkan']"),
])
def test_driver_detail_first_meaningful_line(detail, first):
    from runtime.engines.iree.run import _first_line
    assert _first_line(detail) == first
