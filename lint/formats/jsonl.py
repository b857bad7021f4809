"""JSONL segment exports ({"source": ..., "target": ...} per line): see `segments`."""
from .segments import parse_jsonl as parse

__all__ = ["parse"]
