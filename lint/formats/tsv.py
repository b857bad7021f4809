"""Two-column TSV segment exports (source <TAB> target): see `segments`."""
from .segments import parse_tsv as parse

__all__ = ["parse"]
