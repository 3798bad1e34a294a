"""``netspec info`` and the spec-file loader: counts on the examples, spec selection,
TrainConfig pairing, and readable errors (file, line, source line; never a traceback)."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from click.testing import CliRunner

from netspec import NetspecError, SpecError, TrainConfig
from netspec.cli import LAZY_COMMANDS, main, run_guarded
from netspec.loader import SpecFileError, list_specs, load_spec_file

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"


def invoke(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def write(tmp_path, source, name="spec.py"):
    path = tmp_path / name
    path.write_text(textwrap.dedent(source))
    return path


def assert_clean_failure(result, *substrings):
    """Exit status 2, an 'error:' message on stderr with the substrings, and no traceback."""
    assert result.exit_code == 2, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert result.stderr.startswith("error: ")
    assert "Traceback" not in result.output
    for s in substrings:
        assert s in result.stderr, f"{s!r} not in {result.stderr!r}"


# --------------------------------------------------------------------------- the examples
def test_info_effnet_b0():
    result = invoke("info", EXAMPLES / "effnet_b0.py")
    assert result.exit_code == 0, result.output
    assert "4,020,358" in result.stdout
    assert "0.385 G" in result.stdout
    assert "mbConv" in result.stdout and "1280×7×7" in result.stdout
    assert "optimizer='adam'" in result.stdout


def test_info_mobilenet_v2():
    result = invoke("info", EXAMPLES / "mobilenet_v2.py")
    assert result.exit_code == 0, result.output
    assert "2,236,682" in result.stdout
    assert "invertedResidual" in result.stdout


@pytest.mark.parametrize("example", sorted(p.name for p in EXAMPLES.glob("*.py")
                                           if not p.name.endswith("_family.py")))
def test_info_runs_on_every_example(example):
    result = invoke("info", EXAMPLES / example)
    assert result.exit_code == 0, result.output
    assert "total params" in result.stdout


def test_info_json():
    result = invoke("info", EXAMPLES / "effnet_b0.py", "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)  # stdout is the JSON object and nothing else
    assert data["name"] == "EfficientNet-B0"
    assert data["input_shape"] == [3, 224, 224]
    totals = data["totals"]
    assert totals["params"] == 4_020_358
    assert totals["macs_per_image"] == 384_547_552
    assert totals["bn_layers"] == 49 and totals["bn_stat_floats"] == 42_016
    assert totals["param_tensors"] == len(data["params"]) == 213
    assert sum(p["size"] for p in data["params"]) == totals["params"]
    assert sum(layer["params"] for layer in data["layers"]) == totals["params"]
    assert sum(layer["macs"] for layer in data["layers"]) == totals["macs_per_image"]
    assert data["layers"][2]["kind"] == "mbConv" and data["layers"][2]["out_shape"] == [24, 56, 56]
    assert data["layers"][2]["args"]["kernel"] == 3
    se = next(p for p in data["params"] if p["name"] == "blocks.5.2.se.reduce.w")
    assert se["shape"] == [672, 28] and se["role"] == "se_w" and se["decay"] is True
    assert sum(2 * b["channels"] for b in data["bn_layout"]) == 42_016
    assert data["train_config"]["optimizer"] == "adam"
    assert totals["batch"] == 32  # from the TrainConfig


def test_info_batch_option():
    result = invoke("info", EXAMPLES / "effnet_b0.py", "--batch", 8)
    assert result.exit_code == 0, result.output
    assert "MACs per batch of 8" in result.stdout
    data = json.loads(invoke("info", EXAMPLES / "effnet_b0.py", "--json", "--batch", 8).stdout)
    assert data["totals"]["macs_per_batch"] == 8 * 384_547_552


def test_family_list_and_select():
    result = invoke("info", EXAMPLES / "effnet_family.py", "--list")
    assert result.exit_code == 0, result.output
    for v in range(8):
        assert f"b{v}" in result.stdout and f"EfficientNet-B{v}" in result.stdout
    result = invoke("info", EXAMPLES / "effnet_family.py", "--spec", "b3")
    assert result.exit_code == 0, result.output
    assert "12,233,232" in result.stdout
    result = invoke("info", EXAMPLES / "effnet_family.py", "--spec", "EfficientNet-B7")
    assert "66,347,960" in result.stdout


def test_family_needs_a_choice():
    result = invoke("info", EXAMPLES / "effnet_family.py")
    assert_clean_failure(result, "8 NetSpecs", "--spec", "b0", "b7")


def test_unknown_spec_name_lists_the_available_ones():
    result = invoke("info", EXAMPLES / "effnet_family.py", "--spec", "b9")
    assert_clean_failure(result, "no NetSpec named 'b9'", *[f"b{v}" for v in range(8)])


# --------------------------------------------------------------------------- broken spec files
def test_channel_mismatch_names_layer_file_and_line(tmp_path):
    path = write(tmp_path, """\
        from netspec import NetSpec, convBn, dense, globalAvgPool, mbConv

        spec = NetSpec("Broken", 64, 64, [
            convBn(3, 16, 3, 2, act="swish"),
            mbConv(16, 24, 6, 3, 2, 1, True),
            mbConv(32, 40, 6, 5, 2, 1, True),
            globalAvgPool(),
            dense(40, 10),
        ])
        """)
    result = invoke("info", path)
    assert_clean_failure(result, "layer 2 (mbConv)", "expected 24", "received 32",
                         f"{path}, line 6", "mbConv(32, 40, 6, 5, 2, 1, True)")


def test_layer_constructor_error_shows_user_line(tmp_path):
    path = write(tmp_path, """\
        from netspec import NetSpec, convBn, dense, globalAvgPool
        spec = NetSpec("Broken", 32, 32, [
            convBn(3, 16, 4, 1),
            globalAvgPool(),
            dense(16, 10),
        ])
        """)
    assert_clean_failure(invoke("info", path), "line 3", "convBn(3, 16, 4, 1)", "kernel", "received 4")


def test_runtime_error_in_spec_file(tmp_path):
    path = write(tmp_path, """\
        from netspec import NetSpec
        x = 1
        raise RuntimeError("boom")
        """)
    assert_clean_failure(invoke("info", path), "boom", "RuntimeError", "line 3",
                         'raise RuntimeError("boom")')


def test_syntax_error_in_spec_file(tmp_path):
    path = write(tmp_path, """\
        from netspec import NetSpec, convBn
        layers = [
            convBn(3, 16, 3, 1)
            convBn(16, 16, 3, 1),
        ]
        """)
    assert_clean_failure(invoke("info", path), "SyntaxError", "line 3", "convBn(3, 16, 3, 1)")


def test_file_without_netspec(tmp_path):
    path = write(tmp_path, "from netspec import TrainConfig\nconfig = TrainConfig()\n")
    assert_clean_failure(invoke("info", path), "defines no NetSpec")
    assert_clean_failure(invoke("info", path, "--list"), "defines no NetSpec")


def test_missing_and_non_python_files(tmp_path):
    assert_clean_failure(invoke("info", tmp_path / "nope.py"), "no such spec file")
    other = tmp_path / "spec.txt"
    other.write_text("x = 1\n")
    assert_clean_failure(invoke("info", other), "must be a Python file ending in .py")
    assert_clean_failure(invoke("info", tmp_path), "is a directory")


# --------------------------------------------------------------------------- the loader
def test_loader_selection_and_aliases(tmp_path):
    path = write(tmp_path, """\
        from netspec import efficientnet, mobilenet_v2
        small = mobilenet_v2(10, name="Small")
        alias = small
        big = efficientnet("b0", 10)
        """)
    assert [v for v, _ in list_specs(path)] == ["small", "big"]
    assert load_spec_file(path, "big")[0].name == "EfficientNet-B0"
    assert load_spec_file(path, "Small")[0].name == "Small"           # by NetSpec.name
    assert load_spec_file(path, "efficientnet-b0")[0].name == "EfficientNet-B0"  # case-insensitive
    with pytest.raises(SpecFileError, match="no NetSpec named 'huge'"):
        load_spec_file(path, "huge")
    with pytest.raises(SpecFileError, match="defines 2 NetSpecs"):
        load_spec_file(path)


def test_loader_config_pairing(tmp_path):
    path = write(tmp_path, """\
        from netspec import TrainConfig, efficientnet, mobilenet_v2
        a = mobilenet_v2(10)
        b = efficientnet("b0", 10)
        c = efficientnet("b1", 10)
        a_config = TrainConfig(learning_rate=0.5)
        other = TrainConfig(learning_rate=0.25)
        CONFIGS = {"b": other}
        """)
    assert load_spec_file(path, "a")[1].learning_rate == 0.5    # <var>_config
    assert load_spec_file(path, "b")[1].learning_rate == 0.25   # CONFIGS
    with pytest.raises(SpecFileError, match="several TrainConfigs"):
        load_spec_file(path, "c")


def test_loader_single_config_is_shared(tmp_path):
    path = write(tmp_path, """\
        from netspec import TrainConfig, efficientnet
        b0 = efficientnet("b0", 10)
        b1 = efficientnet("b1", 10)
        config = TrainConfig(epochs=3)
        """)
    spec, config, module = load_spec_file(path, "b1")
    assert spec.name == "EfficientNet-B1" and isinstance(config, TrainConfig) and config.epochs == 3
    assert module.config is config


def test_loader_spec_file_imports_its_neighbours(tmp_path):
    write(tmp_path, "WIDTH = 8\n", name="helpers_for_spec.py")
    path = write(tmp_path, """\
        from helpers_for_spec import WIDTH
        from netspec import NetSpec, convBn, dense, globalAvgPool
        spec = NetSpec("Tiny", 8, 8, [convBn(3, WIDTH, 3, 1), globalAvgPool(), dense(WIDTH, 2)])
        """)
    assert load_spec_file(path)[0].layers[0].oc == 8


def test_loader_errors_are_netspec_errors(tmp_path):
    path = write(tmp_path, "raise ValueError('nope')\n")
    with pytest.raises(NetspecError) as info:
        load_spec_file(path)
    assert isinstance(info.value, SpecFileError)
    assert "line 1" in str(info.value) and "ValueError: nope" in str(info.value)


# --------------------------------------------------------------------------- the command group
def test_version_and_help():
    result = invoke("--version")
    assert result.exit_code == 0 and "0.1.0" in result.stdout
    result = invoke("--help")
    assert result.exit_code == 0 and "info" in result.stdout


def test_run_guarded_exit_codes(capsys):
    def user_error():
        raise SpecError("bad thing", where="layer 1 (dense)")

    def interrupted():
        raise KeyboardInterrupt

    with pytest.raises(SystemExit) as info:
        run_guarded(user_error)
    assert info.value.code == 2
    assert "error: layer 1 (dense): bad thing" in capsys.readouterr().err
    with pytest.raises(SystemExit) as info:
        run_guarded(interrupted)
    assert info.value.code == 130
    assert run_guarded(lambda x: x + 1, 1) == 2


def test_lazy_commands_are_registered_on_demand(tmp_path, monkeypatch):
    write(tmp_path, """\
        import click
        from netspec.cli import main
        from netspec.errors import SpecError

        @main.command()
        def hello_lazy():
            raise SpecError("from a lazy command")
        """, name="lazy_cmd_module.py")
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.setitem(LAZY_COMMANDS, "hello-lazy", "lazy_cmd_module")
    try:
        assert "hello-lazy" in invoke("--help").stdout
        assert_clean_failure(invoke("hello-lazy"), "from a lazy command")
    finally:
        main.commands.pop("hello-lazy", None)
        sys.modules.pop("lazy_cmd_module", None)


# --------------------------------------------------------------------------- the console script
def _console_script() -> str:
    script = Path(sys.executable).with_name("netspec")
    if not script.exists():
        pytest.skip("the netspec console script is not installed next to this interpreter")
    return str(script)


def test_console_script(tmp_path):
    ok = subprocess.run([_console_script(), "info", "examples/effnet_b0.py"], cwd=ROOT,
                        capture_output=True, text=True, timeout=120)
    assert ok.returncode == 0, ok.stderr
    assert "4,020,358" in ok.stdout
    bad = write(tmp_path, "from netspec import NetSpec\nraise RuntimeError('boom')\n")
    failed = subprocess.run([_console_script(), "info", str(bad)], capture_output=True, text=True,
                            timeout=120)
    assert failed.returncode == 2
    assert "boom" in failed.stderr and "line 2" in failed.stderr
    assert "Traceback" not in failed.stderr + failed.stdout
