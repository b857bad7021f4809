"""substitution: a wrong form with its right one, offered as a fix.

Two sources of pairs, usable together:
- `swap` / `swap_file`: explicit wrong -> right pairs (outdated exonyms, house style);
- `names` / `names_file`: canonical spellings; any spelling that differs only by
  missing diacritics ("Sejourne" for "Séjourné") is the wrong form. A person's
  short form (the surname) alone is only reported when the article also names the
  person in full, because a bare "Sanchez" may be someone else.
"""
from __future__ import annotations

import os
import unicodedata

from ..cache import blake2b
from ..candidates import enabled as candidates_enabled
from ..lazyre import compile_lazily
from ..packcache import remember_pattern, remembered_pattern
from ..prefilter import Prefilter, longest_word
from ..textutil import WORD_END, WORD_START, Trie, fold, has_diacritics, squash_spaces
from .base import Rule
from .fields import Field



# Capitalised words that may stand before a surname without being part of another name.
_TITLES = frozenset(
    "President Prime Minister Chancellor Premier Secretary General Gen Foreign Defence Defense Interior Finance "
    "Mr Mrs Ms Dr Prof Sir Dame Lord Lady King Queen Prince Princess Pope Senator Sen Rep Governor Gov Mayor "
    "Judge Justice Leader Commissioner Ambassador Envoy Chief Deputy Vice Speaker Colonel Captain Coach".split()
)
_WORD_BEFORE = compile_lazily(r"(\p{Lu}[\p{L}\p{M}'’-]*)\.?[ \t\u00a0]+\Z")
_SENTENCE_START = compile_lazily(r"(?:\A|[.!?:;“\"‘(]\s*)\Z")


def _inside_other_name(text: str, start: int) -> bool:
    """Whether a bare surname at `start` follows another capitalised name word ("Nanjie Store").

    A title ("President Erdogan") or an ordinary word opening the sentence ("Later
    Erdogan") does not make it another person's name.
    """
    m = _WORD_BEFORE.search(text, max(0, start - 40), start)
    if m is None or m.group(1) in _TITLES:
        return False
    return not _SENTENCE_START.search(text, max(0, m.start() - 3), m.start())


def _keep_case(match: str, replacement: str) -> str:
    if match.isupper() and len(match) > 1:
        return replacement.upper()
    if match[:1].islower() and replacement[:1].isupper() and match[:1].upper() == replacement[:1].upper():
        return replacement[:1].lower() + replacement[1:]
    return replacement


class Substitution(Rule):
    kind = "substitution"
    FIELDS = (
        Field("swap", "pairs", "mapping of wrong form -> right form", dict),
        Field("swap_file", "mapping", "{path, from, to, where: {column: [values]}}: pairs from a TSV file in the pack"),
        Field("names", "strings", "canonical spellings with diacritics; stripped spellings are flagged", list),
        Field("names_file", "text", "a file in the pack with one canonical name per line ('Full Name | Short | ...  # note')"),
    )
    DEFAULT_MESSAGE = "Use '{suggestion}' instead of '{match}'."

    def __init__(self, *args) -> None:
        super().__init__(*args)
        self.swaps: dict[str, str] = {}
        if self.swap_file:
            self.swaps.update(self._read_swap_file(self.swap_file))
        self.swaps.update(self.swap)  # the rule's own pairs override the file's
        names = self.names
        # folded spelling -> (canonical, full name it belongs to or None for a full name)
        self.names: dict[str, tuple[str, str | None]] = {}
        self.canonical: set[str] = set()
        for line in names:
            self._add_name(line)
        if self.names_file:
            for line in self._read_lines(self.names_file, "names_file"):
                self._add_name(line)
        if not self.swaps and not self.names:
            self.fail("needs 'swap', 'swap_file', 'names' or 'names_file'")
        self.lookup = {}
        for wrong, right in self.swaps.items():
            for variant in [wrong] if self.ignorecase else [wrong, wrong.upper()]:  # KIEV in a headline too
                self.lookup[variant.casefold() if self.ignorecase else variant] = right
        canonical_names = [canonical for canonical, _ in self.names.values()]
        # the very phrases the trie holds, so that each phrase's needle is one the prefilter looks for
        self.prefilter = Prefilter(list(self.lookup if not self.ignorecase else self.swaps) + canonical_names)
        self._trie = None
        self._patterns: dict[frozenset[str] | None, object] = {}
        # what the trie is made of, as a digest: the key (with a set of needles) of its pruned patterns, which
        # packcache keeps compiled between processes, so that a process that finds them builds no trie
        self.trie_identity = blake2b(repr(self._phrases()).encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()

    @property
    def pattern(self):
        """The exact trie of every wrong form and name, compiled when a block first needs it (not at start-up)."""
        return self.pattern_for(None)

    def _phrases(self) -> list[tuple[bool, str, str]]:
        """(folded, phrase, needle) of every phrase the trie holds, in the order it adds them: the wrong forms as
        written, then the names with or without their diacritics."""
        needle = lambda phrase: self.prefilter.needle_of.get(phrase) or longest_word(phrase)  # noqa: E731
        return ([(False, variant, needle(variant)) for variant in (self.lookup if not self.ignorecase else self.swaps)]
                + [(True, canonical, needle(canonical)) for canonical, _ in self.names.values()])

    def _whole_trie(self) -> Trie:
        if self._trie is None:
            self._trie = Trie()
            for folded, phrase, needle in self._phrases():
                (self._trie.add_folded if folded else self._trie.add_literal)(phrase, needle)
        return self._trie

    def pattern_for(self, needles: frozenset[str] | None):
        """The trie pruned to the phrases of `needles` (None: all of them), compiled once per set of needles.

        A block holding only the needles of "Kiev" and "Kharkov" is searched with a regex of a few phrases
        instead of hundreds: it finds the same matches there (a match of any phrase holds that phrase's needle),
        and a short article pays for a small compile instead of the whole trie's."""
        compiled = self._patterns.get(needles)
        if compiled is None:
            if len(self._patterns) >= 256:  # many articles, each with its own few names: keep memory flat
                self._patterns.clear()
            key = ("substitution", self.trie_identity, self.ignorecase, needles)
            compiled = remembered_pattern(key)
            if compiled is None:
                body = self._whole_trie().pattern(needles)
                # (no phrase of these needles, which the prefilter never gives: nothing to search for)
                compiled = self.compile(WORD_START + body + WORD_END, "swap").compiled if body else False
                remember_pattern(key, compiled)
            self._patterns[needles] = compiled
        return compiled

    # -- loading ----------------------------------------------------------------
    def data_files(self) -> list[str]:
        files = [self.swap_file["path"]] if self.swap_file else []
        return [os.path.join(self.pack_dir, str(name)) for name in files + ([self.names_file] if self.names_file else [])]

    def _path(self, name: str, key: str) -> str:
        path = os.path.join(self.pack_dir, str(name))
        if not os.path.isfile(path):
            self.fail(f"'{key}' file not found: {name}", key)
        return path

    def _read_lines(self, name: str, key: str) -> list[str]:
        try:
            with open(self._path(name, key), encoding="utf-8") as handle:
                lines = [line.split("  #", 1)[0].strip() for line in handle]
        except UnicodeDecodeError:
            self.fail(f"'{key}' file {name} is not valid UTF-8", key)
        return [line for line in lines if line and not line.startswith("#")]

    def _read_swap_file(self, spec) -> dict[str, str]:
        if "path" not in spec:
            self.fail("'swap_file' needs at least 'path' (and 'from', 'to' column names)", "swap_file")
        src, dst = spec.get("from", "wrong"), spec.get("to", "right")
        where = spec.get("where", {}) or {}
        if not isinstance(where, dict):
            self.fail("'swap_file' 'where' must map a column name to the value (or values) a row needs", "swap_file")
        name = spec["path"]
        numbers: list[int] = []  # the file's line number of each line the reader gets (comments are left out)

        def lines(handle):
            for number, line in enumerate(handle, 1):
                if not line.startswith("#"):
                    numbers.append(number)
                    yield line

        import csv  # (a pack found in the pack cache reads no word list: start-up)

        try:
            with open(self._path(name, "swap_file"), encoding="utf-8", newline="") as handle:
                rows = csv.DictReader(lines(handle), delimiter="\t")
                if rows.fieldnames is None or src not in rows.fieldnames or dst not in rows.fieldnames:
                    self.fail(f"'swap_file' {name} has no columns '{src}' and '{dst}'", "swap_file")
                pairs = {}
                for row in rows:
                    wrong, right = row.get(src), row.get(dst)
                    if not wrong or right is None:  # a short row: the pair would be "" or None
                        self.fail(f"'swap_file' {name} line {numbers[rows.line_num - 1]}: no '{src}' or no '{dst}' value", "swap_file")
                    if all(row.get(col) in (vals if isinstance(vals, list) else [vals]) for col, vals in where.items()):
                        pairs[wrong] = right
        except UnicodeDecodeError:
            self.fail(f"'swap_file' {name} is not valid UTF-8", "swap_file")
        return pairs

    def _add_name(self, line: str) -> None:
        forms = [unicodedata.normalize("NFC", f.strip()) for f in line.split("|") if f.strip()]
        if not forms:
            return
        full = forms[0]
        shorts = forms[1:]
        last = full.split()[-1]
        if " " in full and last not in shorts:
            shorts.append(last)
        for form in [full] + shorts:
            if not has_diacritics(form):
                continue
            self.canonical.add(form)
            # A short form of two words or more ("Guðni Jóhannesson", "López Obrador") is as distinctive as
            # the full name; a one-word surname is only reported next to the full name.
            self.names.setdefault(fold(form), (form, None if form == full or " " in form else full))

    # -- matching ---------------------------------------------------------------
    def _full_name_present(self, doc, full: str) -> bool:
        """Whether the article names `full` somewhere, diacritics aside (once per name and article; block by
        block, as a name never spans two, so a book-length file is not folded into one more copy of itself)."""
        known = doc.cache.setdefault("substitution.full_names", {})
        present = known.get(full)
        if present is None:
            target = fold(full)
            present = known[full] = any(target in fold(block.text) for block in doc.blocks)
        return present

    def trigger(self):
        # the prefilter's own test, for every substitution rule in one pass (which leaves its finds where it looks)
        return self.prefilter.needles, True, self.prefilter.key

    def hits(self, doc):
        narrowing = candidates_enabled()
        for block, start, end in doc.units(self.scope):
            needles = self.prefilter.found(block)
            if needles is not None and not needles:
                continue
            pattern = self.pattern_for(needles if narrowing else None)
            if pattern is False:
                continue
            for m in self.finditer(pattern, block.text, start, end):
                text = squash_spaces(m.group())
                if self.excepted(block, m.start(), m.end()):
                    continue
                right = self.lookup.get(text.casefold() if self.ignorecase else text)
                values = {}
                if right is None:
                    nfc = unicodedata.normalize("NFC", text)
                    if nfc in self.canonical:
                        continue
                    entry = self.names.get(fold(nfc))
                    if entry is None:
                        continue
                    right, full = entry
                    if full is not None and (not self._full_name_present(doc, full) or _inside_other_name(block.text, m.start())):
                        continue
                    values["name"] = full or right
                    values["person"] = f" ({full})" if full else ""
                yield self.hit(block, m.start(), m.end(), values, [_keep_case(text, right)])
