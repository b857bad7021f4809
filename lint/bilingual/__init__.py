"""Bilingual checking: a translation read beside its source (and a termbase).

`context` pairs a target Document with its source and aligns them (paragraphs,
then sentences); `checks` holds what the `source` rule kind runs over the pairs.
The other modules are the pieces: sentence segmentation, alignment, numbers,
names and other entities, termbases.
"""

# The checks a `source` rule can name (`check:`): known without importing the checks themselves, which
# compile their patterns at import (a run without a source never needs them). checks.CHECKS has these keys.
CHECK_NAMES = ("terminology", "glossary", "glossary_missing", "numbers", "number_format", "names", "diacritics", "cyrillic_names",
               "chinese_names", "japanese_names", "entities", "omission", "paragraphs", "untranslated", "quotations", "negation")
