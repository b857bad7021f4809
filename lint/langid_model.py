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


def load_identifier():
    """py3langid's LanguageIdentifier (normalised probabilities), from the memory-mapped model if it can be."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    try:
        import numpy as np
        from py3langid.modelio import _to_array

        folder = _folder()
        if not os.path.isdir(folder):
            _unpack(folder)
        arrays = {name: np.load(os.path.join(folder, name + ".npy"), mmap_mode="r", allow_pickle=False)
                  for name in _ARRAYS}
        return LanguageIdentifier(np.asarray(arrays["ptc"]), np.asarray(arrays["pc"]), arrays["classes"].tolist(),
                                  _to_array(arrays["nextmove"]), arrays["out_feat"].tolist(), norm_probs=True,
                                  tk_row=_to_array(arrays["nextmove_row"]))
    except (OSError, ValueError, ImportError):
        return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
