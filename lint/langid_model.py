"""py3langid's model, memory-mapped: loaded in about a millisecond instead of half a second.

py3langid ships its model LZMA-compressed, and decompresses all of it (about 70 MB) in
every process that identifies a language: half a second of each run, and again in each
--jobs worker. The first load here keeps the decompressed arrays as .npy files in the
user's cache folder; every later one maps them (numpy's mmap_mode), so a process reads
only the pages it touches. When the cache folder cannot be written, py3langid loads its
model itself, as before: the identifier is the same either way.
"""
from __future__ import annotations

import os
import tempfile

_ARRAYS = ("ptc", "pc", "classes", "nextmove", "nextmove_row", "out_feat")


def _folder() -> str:
    from importlib import metadata

    from .cache import default_dir

    return os.path.join(default_dir(), f"py3langid-{metadata.version('py3langid')}")


def _unpack(folder: str) -> None:
    """Decompress the shipped model into `folder` (written whole, then renamed: never half there)."""
    import lzma
    import shutil

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
    """py3langid's LanguageIdentifier (normalised probabilities), from the memory-mapped model if it can be;
    restricted to `languages` (as `set_languages` restricts it) when given.

    Nothing is copied that need not be: the tokenizer's transition table (10 million entries) is read
    through a memoryview of the mapped file, so a process holds only the pages its texts visit, and the
    probability table restricted to `languages` is kept as a file of its own, so the full one (28 MB)
    is read once, not by every process."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    try:
        import numpy as np
        from py3langid.modelio import _TYPECODE

        folder = _folder()
        if not os.path.isdir(folder):
            _unpack(folder)
        arrays = {name: np.load(os.path.join(folder, name + ".npy"), mmap_mode="r", allow_pickle=False)
                  for name in _ARRAYS}
        classes = arrays["classes"].tolist()
        ptc, pc = arrays["ptc"], arrays["pc"]
        if languages is not None:
            unknown = set(languages) - set(classes)
            if unknown:
                raise _Unknown(f"Unknown language code(s): {unknown}")
            indices = [i for i, c in enumerate(classes) if c in set(languages)]
            ptc = _restricted(folder, ptc, indices, "-".join(classes[i] for i in indices))
            pc, classes = np.asarray(pc[indices]), [classes[i] for i in indices]

        def table(name):
            array = arrays[name]
            return memoryview(array).cast("B").cast(_TYPECODE[array.dtype.itemsize])

        return LanguageIdentifier(np.asarray(ptc), np.asarray(pc), classes, table("nextmove"),
                                  arrays["out_feat"].tolist(), norm_probs=True, tk_row=table("nextmove_row"))
    except _Unknown:
        raise
    except (OSError, ValueError, ImportError):  # no cache folder, a damaged file: py3langid's own loading
        identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
        if languages is not None:
            identifier.set_languages(list(languages))
        return identifier


def _restricted(folder: str, ptc, indices: list[int], name: str):
    """The columns `indices` of the probability table, mapped from a file of their own (written on first use)."""
    import numpy as np

    path = os.path.join(folder, f"ptc-{name}.npy")
    if not os.path.isfile(path):
        fd, temporary = tempfile.mkstemp(dir=folder, prefix=".ptc-", suffix=".npy")
        try:
            with os.fdopen(fd, "wb") as handle:
                np.save(handle, np.ascontiguousarray(ptc[:, indices]), allow_pickle=False)
            os.replace(temporary, path)
        except BaseException:
            os.unlink(temporary)
            raise
    return np.load(path, mmap_mode="r", allow_pickle=False)
