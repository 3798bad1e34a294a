"""Loading spec files: a spec file is an ordinary Python module that builds NetSpecs.

    # examples/mobilenet_v2.py
    from netspec import NetSpec, TrainConfig, convBn, ...
    spec = NetSpec("MobileNetV2", 224, 224, [convBn(3, 32, 3, 2, act="relu6"), ...])
    config = TrainConfig(learning_rate=1e-3, ...)

``load_spec_file(path)`` imports the file by path (under a unique module name, with the file's
folder on ``sys.path`` while it runs, so it may import helpers next to it) and picks its
module-level ``NetSpec`` instances.  Everything that can go wrong becomes a ``SpecFileError``
(a ``NetspecError``, printed by the CLI without a traceback) that names the user's file, line
and source line and carries the original message — never netspec's own stack.

Choosing the spec (``spec_name``):
  - by variable name (``--spec b3``) or, failing that, by ``NetSpec.name`` (``--spec
    EfficientNet-B3``, exact, then case-insensitive);
  - with no name, the file must define exactly one NetSpec (several names bound to the same
    object count once).

Pairing the TrainConfig with the chosen spec bound to variable ``var``, first rule that applies:
  1. a module-level dict ``CONFIGS`` with key ``var`` (or the spec's ``.name``) -> that value;
  2. a module-level TrainConfig named ``<var>_config``;
  3. exactly one TrainConfig in the module -> it (shared by every spec in the file);
  4. no TrainConfig -> ``None``;  several and none of the above -> ``SpecFileError``.
"""

from __future__ import annotations

import ast
import importlib.util
import itertools
import linecache
import re
import sys
import traceback
from pathlib import Path
from types import ModuleType

from .errors import NetspecError
from .spec import NetSpec, TrainConfig

_counter = itertools.count()


class SpecFileError(NetspecError):
    """A spec file that is missing, fails to import, or does not define what was asked for."""


# --------------------------------------------------------------------------- public API
def load_spec_file(path, spec_name: str | None = None) -> tuple[NetSpec, TrainConfig | None, ModuleType]:
    """Import the spec file at ``path``; return ``(spec, train_config_or_None, module)``.

    See the module docstring for how ``spec_name`` selects a spec and how the TrainConfig is
    paired.  Raises ``SpecFileError`` for every problem with the file."""
    file, module = _import(path)
    specs = _find(module, NetSpec)
    if not specs:
        raise SpecFileError(f"{file}: defines no NetSpec at module level"
                            "\n  hint: assign one to a variable, e.g. spec = NetSpec(\"MyNet\", 224, 224, [...])")
    var, spec = _select(file, specs, spec_name)
    return spec, _pair_config(file, module, var, spec), module


def list_specs(path) -> list[tuple[str, NetSpec]]:
    """The module-level NetSpecs of a spec file as ``(variable name, spec)``, in file order."""
    _, module = _import(path)
    return _find(module, NetSpec)


# --------------------------------------------------------------------------- importing
def _import(path) -> tuple[Path, ModuleType]:
    file = Path(path)
    if not file.exists():
        raise SpecFileError(f"{file}: no such spec file")
    if file.is_dir():
        raise SpecFileError(f"{file}: is a directory; expected a Python spec file (.py)")
    if file.suffix != ".py":
        raise SpecFileError(f"{file}: a spec file must be a Python file ending in .py")
    resolved = file.resolve()
    stem = re.sub(r"\W", "_", file.stem)
    mod_name = f"_netspec_specfile_{next(_counter)}_{stem}"
    importer = importlib.util.spec_from_file_location(mod_name, resolved)
    module = importlib.util.module_from_spec(importer)
    # Registered while it runs (dataclasses and pickling look modules up in sys.modules).
    sys.modules[mod_name] = module
    sys.path.insert(0, str(resolved.parent))
    linecache.checkcache(str(resolved))
    try:
        importer.loader.exec_module(module)
    except BaseException as exc:
        sys.modules.pop(mod_name, None)
        if not isinstance(exc, Exception):  # KeyboardInterrupt, SystemExit: not ours to wrap
            raise
        raise SpecFileError(_describe_failure(file, resolved, exc)) from None
    finally:
        try:
            sys.path.remove(str(resolved.parent))
        except ValueError:  # the spec file removed it itself
            pass
    return file, module


def _describe_failure(file: Path, resolved: Path, exc: Exception) -> str:
    """The message of an exception raised while importing the spec file, located at the
    innermost frame in the user's file::

        spec.py, line 7: layer 2 (mbConv): field 'ic': does not match ... (expected 24; received 32)
            7 | mbConv(32, 40, 6, 5, 2, 2, True),
    """
    caret = None
    if isinstance(exc, SyntaxError) and exc.filename and Path(exc.filename).resolve() == resolved:
        lineno, message = exc.lineno, f"SyntaxError: {exc.msg}"
        caret = exc.offset
    else:
        lineno = None
        for frame in traceback.extract_tb(exc.__traceback__):
            if Path(frame.filename).resolve() == resolved:
                lineno = frame.lineno
        message = str(exc) if isinstance(exc, NetspecError) else f"{type(exc).__name__}: {exc}"
        if lineno is not None and isinstance(exc, NetspecError):
            lineno = _refine_to_layer(resolved, lineno, message)
    if lineno is None:  # raised elsewhere (e.g. in a helper module the spec file imports)
        return f"{file}: failed to load: {message}"
    head, _, rest = message.partition("\n")
    text = linecache.getline(str(resolved), lineno).rstrip()
    lines = [f"{file}, line {lineno}: {head}"]
    if text.strip():
        indent = len(text) - len(text.lstrip())
        lines.append(f"    {lineno} | {text.strip()}")
        if caret is not None and caret - 1 >= indent:
            lines.append(f"    {' ' * len(str(lineno))} | {' ' * (caret - 1 - indent)}^")
    if rest:
        lines.append(rest)
    return "\n".join(lines)


def _refine_to_layer(resolved: Path, lineno: int, message: str) -> int:
    """A cross-layer error ("layer 3 (mbConv): ...") is raised by the NetSpec(...) call; when
    that call lists its layers literally, point at the offending layer's own line instead."""
    m = re.match(r"layer (\d+) \(", message)
    if not m:
        return lineno
    index = int(m.group(1))
    try:
        tree = ast.parse(resolved.read_text(), str(resolved))
    except (OSError, SyntaxError, ValueError):
        return lineno
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Call) and node.lineno <= lineno <= (node.end_lineno or node.lineno)):
            continue
        func = node.func
        if (func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)) != "NetSpec":
            continue
        layers = next((kw.value for kw in node.keywords if kw.arg == "layers"), None)
        if layers is None and len(node.args) >= 4:
            layers = node.args[3]
        if (isinstance(layers, (ast.List, ast.Tuple)) and index < len(layers.elts)
                and not any(isinstance(e, ast.Starred) for e in layers.elts)):
            return layers.elts[index].lineno
    return lineno


# --------------------------------------------------------------------------- selecting
def _find(module: ModuleType, cls) -> list[tuple[str, object]]:
    """Public module-level instances of ``cls`` in definition order, aliases counted once."""
    seen, found = set(), []
    for var, value in vars(module).items():
        if var.startswith("_") or not isinstance(value, cls) or id(value) in seen:
            continue
        seen.add(id(value))
        found.append((var, value))
    return found


def _listing(specs) -> str:
    return "\n".join(f"  {var:<16} {spec.name}" for var, spec in specs)


def _select(file: Path, specs, spec_name: str | None) -> tuple[str, NetSpec]:
    if spec_name is None:
        if len(specs) == 1:
            return specs[0]
        raise SpecFileError(f"{file}: defines {len(specs)} NetSpecs; choose one with --spec NAME "
                            f"(variable or NetSpec name):\n{_listing(specs)}")
    for match in (lambda var, s: var == spec_name,
                  lambda var, s: s.name == spec_name,
                  lambda var, s: s.name.lower() == spec_name.lower()):
        hits = [(var, s) for var, s in specs if match(var, s)]
        if len(hits) == 1:
            return hits[0]
        if len(hits) > 1:
            raise SpecFileError(f"{file}: spec name '{spec_name}' is ambiguous; it matches:\n"
                                f"{_listing(hits)}\n  hint: select by variable name")
    raise SpecFileError(f"{file}: no NetSpec named '{spec_name}'; the file defines:\n{_listing(specs)}")


def _pair_config(file: Path, module: ModuleType, var: str, spec: NetSpec) -> TrainConfig | None:
    table = getattr(module, "CONFIGS", None)
    if isinstance(table, dict):
        for key in (var, spec.name):
            if key in table:
                cfg = table[key]
                if not isinstance(cfg, TrainConfig):
                    raise SpecFileError(f"{file}: CONFIGS[{key!r}] is not a TrainConfig "
                                        f"(received {type(cfg).__name__})")
                return cfg
    named = getattr(module, f"{var}_config", None)
    if isinstance(named, TrainConfig):
        return named
    configs = _find(module, TrainConfig)
    if not configs:
        return None
    if len(configs) == 1:
        return configs[0][1]
    names = ", ".join(v for v, _ in configs)
    raise SpecFileError(f"{file}: defines several TrainConfigs ({names}) and none is paired with "
                        f"spec '{var}'\n  hint: name it '{var}_config' or add CONFIGS = "
                        f"{{'{var}': ...}}")
