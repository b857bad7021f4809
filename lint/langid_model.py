"""py3langid's model, memory-mapped: loaded in about a millisecond instead of half a second.

py3langid ships its model LZMA-compressed, and decompresses all of it (about 70 MB) in
every process that identifies a language: half a second of each run, and again in each
--jobs worker. The first load here keeps the decompressed arrays as .npy files in the
user's cache folder; every later one maps them, so a process reads only the pages it
touches, and classifies with `MappedIdentifier`: py3langid's own arithmetic in plain
Python over the mapped tables, because importing numpy and py3langid (70 ms) cost more
than the few fragments an article needs identified. When the cache folder cannot be
written, or a file of it is damaged, py3langid loads its model itself, as before: either
way it identifies alike.
"""
from __future__ import annotations

import math
import mmap
import os
import re
import struct
import sys
import unicodedata
from collections import Counter
from itertools import repeat
from operator import add, itemgetter, mul

_ARRAYS = ("ptc", "pc", "classes", "nextmove", "nextmove_row", "out_feat")


def _folder() -> str:
    from .cache import library_versions, default_dir  # (the version from the .dist-info name: no importlib.metadata)

    return os.path.join(default_dir(), f"py3langid-{library_versions(('py3langid',))['py3langid']}")


def _unpack(folder: str) -> None:
    """Decompress the shipped model into `folder` (written whole, then renamed: never half there)."""
    import lzma
    import shutil
    import tempfile

    import numpy as np
    from py3langid.langid import MODEL_DIR, MODEL_FILE

    parent = os.path.dirname(folder)
    os.makedirs(parent, exist_ok=True)
    work = tempfile.mkdtemp(prefix=".py3langid-", dir=parent)
    try:
        with tempfile.TemporaryFile(suffix=".npz") as tmp:
            with lzma.open(MODEL_DIR / MODEL_FILE) as src:
                shutil.copyfileobj(src, tmp, length=1 << 20)
            tmp.seek(0)
            with np.load(tmp, allow_pickle=False) as data:
                for name in _ARRAYS:
                    np.save(os.path.join(work, name + ".npy"), data[name], allow_pickle=False)
        os.replace(work, folder)
    except OSError:
        shutil.rmtree(work, ignore_errors=True)
        if not os.path.isdir(folder):  # another process may have put it there first
            raise


class _Unknown(ValueError):
    """A language the model does not know (as py3langid's set_languages says)."""


def load_identifier(languages: tuple[str, ...] | None = None):
    """py3langid's classifier (normalised probabilities), over the memory-mapped model if it can be;
    restricted to `languages` (as `set_languages` restricts it) when given.

    Nothing is copied that need not be: the tokenizer's transition table (10 million entries) is read
    through a memoryview of the mapped file, so a process holds only the pages its texts visit, and the
    probability table restricted to `languages` is kept as a file of its own, so the full one (28 MB)
    is read once, not by every process."""
    try:
        folder = _folder()
        if not os.path.isdir(folder):
            _unpack(folder)
        return MappedIdentifier(folder, languages)
    except _Unknown:
        raise
    except (OSError, ValueError, KeyError, TypeError, ImportError):  # no cache folder, a damaged file: py3langid's own
        from py3langid.langid import MODEL_FILE, LanguageIdentifier

        identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
        if languages is not None:
            identifier.set_languages(list(languages))
        return identifier


# The header of a .npy file numpy wrote: a dict literal of these three keys.
_HEADER = re.compile(r"\{'descr': '([<>|][a-zA-Z]\d+)', 'fortran_order': (True|False), 'shape': \(([\d, ]*)\), *\}")
# .npy element types the model's arrays use -> the memoryview format of one element (this machine's byte order)
_FORMATS = {"<u2": "H", "<u4": "I", "<i4": "i", "<f4": "f"}


def _mapped(path: str) -> tuple[str, tuple[int, ...], memoryview]:
    """A .npy file mapped read-only: its element type, its shape and a memoryview of its elements' bytes
    (numpy's format: a magic string, a version, the header's length, a header that is a dict literal)."""
    with open(path, "rb") as handle:
        data = mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)  # (an empty file: ValueError)
    if data[:6] != b"\x93NUMPY" or sys.byteorder != "little":
        raise ValueError(f"{path}: not a .npy file this loader reads")
    size_format, start = ("<H", 10) if data[6] == 1 else ("<I", 12)
    (length,) = struct.unpack_from(size_format, data, 8)
    header = _HEADER.match(data[start:start + length].decode("latin-1"))
    if header is None or header[2] != "False":
        raise ValueError(f"{path}: not a C-ordered array")
    shape = tuple(int(n) for n in header[3].split(",") if n.strip())
    descr = header[1]
    size = int(descr[2:]) * (4 if descr[1] == "U" else 1)  # bytes an element ("<U3": three UTF-32 units)
    for extent in shape:
        size *= extent
    body = memoryview(data)[start + length:]
    if len(body) != size:  # a file cut short (or grown): never read past what it holds
        raise ValueError(f"{path}: {len(body)} bytes of data where its header says {size}")
    return descr, shape, body


def _elements(path: str) -> memoryview:
    """The elements of a one-dimensional .npy array of integers or float32, as a memoryview of the mapped file."""
    descr, shape, data = _mapped(path)
    if descr not in _FORMATS or len(shape) != 1:
        raise ValueError(f"{path}: unexpected array {descr} {shape}")
    return data.cast(_FORMATS[descr])


class MappedIdentifier:
    """py3langid's `LanguageIdentifier` with `norm_probs`, in plain Python over the memory-mapped arrays.

    The same steps as py3langid 0.4's: the text NFC-normalised (lower-cased when all capitals) and walked
    byte by byte through the tokenizer's automaton, each feature reached counted; naive Bayes scores
    (log1p of each count times its row of the float16 probability table, plus the class priors); scaled
    by one over the square root of the byte length, normalised to probabilities, and a label's aliased
    column folded into its first. py3langid does the sums in float32 with numpy, this in float64: the
    probabilities agree within 1e-5 and the likeliest language is the same (a test pins both). A fragment
    has a few hundred features, so the sums cost about a millisecond, and no process pays numpy's import to
    identify a handful of them."""

    def __init__(self, folder: str, languages: tuple[str, ...] | None) -> None:
        descr, shape, data = _mapped(os.path.join(folder, "classes.npy"))
        width = int(descr[2:])  # "<U3": three UTF-32 code units a label
        if descr[:2] != "<U" or len(shape) != 1:
            raise ValueError(f"classes.npy: unexpected array {descr}")
        labels = bytes(data).decode("utf-32-le")
        classes = [labels[i:i + width].rstrip("\x00") for i in range(0, len(labels), width)]
        priors = _elements(os.path.join(folder, "pc.npy")).tolist()
        table = os.path.join(folder, "ptc.npy")
        if languages is not None:
            unknown = set(languages) - set(classes)
            if unknown:
                raise _Unknown(f"Unknown language code(s): {unknown}")
            indices = [i for i, c in enumerate(classes) if c in set(languages)]
            table = _restricted(folder, indices, "-".join(classes[i] for i in indices))
            classes, priors = [classes[i] for i in indices], [priors[i] for i in indices]
        descr, shape, self._table = _mapped(table)
        if descr != "<f2" or shape[1:] != (len(classes),):
            raise ValueError(f"{table}: unexpected array {descr} {shape}")
        self.classes, self._priors = classes, priors
        self._row = struct.Struct(f"<{len(classes)}e")  # one feature's row of half floats
        self._nextmove = _elements(os.path.join(folder, "nextmove.npy"))
        self._row_of_state = _elements(os.path.join(folder, "nextmove_row.npy"))
        self._feature_of_state = _elements(os.path.join(folder, "out_feat.npy"))
        states = len(self._row_of_state)
        if (len(priors) != len(classes) or len(self._feature_of_state) != states or len(self._nextmove) % 256
                or max(self._row_of_state) >= len(self._nextmove) // 256
                or max(self._feature_of_state) >= shape[0]):
            raise ValueError(f"{folder}: the model's arrays do not fit together")
        first: dict[str, int] = {}
        self._aliases = [(first[c], i) for i, c in enumerate(classes) if first.setdefault(c, i) != i]

    def _probabilities(self, text: str) -> list[float]:
        if text.isupper():
            text = text.lower()
        data = unicodedata.normalize("NFC", text).encode("utf8", errors="surrogatepass")
        nextmove, row_of, feature_of = self._nextmove, self._row_of_state, self._feature_of_state
        state, features = 0, []
        for byte in data:
            state = nextmove[(row_of[state] << 8) + byte]
            feature = feature_of[state]
            if feature >= 0:
                features.append(feature)
        if not features:  # no feature: every language alike
            scores = [1.0] * len(self.classes)
        else:
            scores, unpack, size = self._priors, self._row.unpack_from, self._row.size
            for feature, count in Counter(features).items():
                scores = list(map(add, scores, map(mul, unpack(self._table, feature * size), repeat(math.log1p(count)))))
            scale = 1.0 / math.sqrt(len(data))
            top = max(scores)
            scores = [math.exp((s - top) * scale) for s in scores]
        total = sum(scores)
        scores = [s / total for s in scores]
        for first, alias in self._aliases:
            scores[first] += scores[alias]
            scores[alias] = 0.0
        return scores

    def classify(self, text: str) -> tuple[str, float]:
        """(language, probability) of the likeliest language, as py3langid's `classify`."""
        scores = self._probabilities(text)
        best = max(range(len(scores)), key=scores.__getitem__)
        return self.classes[best], scores[best]

    def rank(self, text: str) -> list[tuple[str, float]]:
        """Every language with its probability, likeliest first, one entry a label, as py3langid's `rank`."""
        merged: dict[str, float] = {}
        for label, score in zip(self.classes, self._probabilities(text)):
            merged.setdefault(label, score)
        return sorted(merged.items(), key=itemgetter(1), reverse=True)


def _restricted(folder: str, indices: list[int], name: str) -> str:
    """The path of the probability table's columns `indices`, as a file of its own (written with numpy on first use)."""
    path = os.path.join(folder, f"ptc-{name}.npy")
    if not os.path.isfile(path):
        import tempfile

        import numpy as np

        ptc = np.load(os.path.join(folder, "ptc.npy"), mmap_mode="r", allow_pickle=False)
        fd, temporary = tempfile.mkstemp(dir=folder, prefix=".ptc-", suffix=".npy")
        try:
            with os.fdopen(fd, "wb") as handle:
                np.save(handle, np.ascontiguousarray(ptc[:, indices]), allow_pickle=False)
            os.replace(temporary, path)
        except BaseException:
            os.unlink(temporary)
            raise
    return path
