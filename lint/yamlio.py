"""YAML loading that remembers where each key was, so errors can name file:line.

PyYAML is imported when a file is first read: packs read back from the pack cache
and a run without a YAML configuration need none of it (start-up).
"""
from __future__ import annotations

from functools import lru_cache

from .errors import MtlintError


class LineDict(dict):
    """A mapping loaded from YAML that knows the line of each of its keys."""

    path: str = ""
    line: int = 0
    key_lines: dict

    def line_of(self, key: str) -> int:
        return self.key_lines.get(key, self.line)


@lru_cache(maxsize=None)
def _loader():
    """The loader class: libyaml's C parser when PyYAML was built with it (its wheels are), several times faster."""
    import yaml

    class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
        pass

    _Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
    return _Loader


def _construct_mapping(loader, node) -> LineDict:
    loader.flatten_mapping(node)
    result = LineDict()
    result.path = loader.name
    result.line = node.start_mark.line + 1
    result.key_lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        try:
            hash(key)
        except TypeError:
            raise MtlintError("a mapping key must be a plain value", loader.name, key_node.start_mark.line + 1)
        result[key] = loader.construct_object(value_node, deep=True)
        result.key_lines[key] = key_node.start_mark.line + 1
    return result


def load_yaml(text: str, path: str, error_class: type[MtlintError] = MtlintError):
    """Parse YAML text; any syntax error becomes one `error_class` naming path:line."""
    import yaml

    loader = _loader()(text)
    loader.name = path
    try:
        return loader.get_single_data()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        raise error_class(f"invalid YAML: {exc.problem or exc.context}", path, line) from None
    except yaml.YAMLError as exc:
        raise error_class(f"invalid YAML: {exc}", path) from None
    except MtlintError as exc:
        raise error_class(exc.message, exc.path, exc.line) from None
    finally:
        loader.dispose()


def load_yaml_file(path: str, error_class: type[MtlintError] = MtlintError):
    try:
        with open(path, encoding="utf-8") as handle:
            text = handle.read()
    except UnicodeDecodeError:
        raise error_class("not valid UTF-8", path) from None
    except OSError as exc:
        raise error_class(f"cannot read: {exc.strerror}", path) from None
    return load_yaml(text, path, error_class)
