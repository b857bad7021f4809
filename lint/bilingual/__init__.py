"""Bilingual checking: a translation read beside its source (and a termbase).

`context` pairs a target Document with its source and aligns them (paragraphs,
then sentences); `checks` holds what the `source` rule kind runs over the pairs.
The other modules are the pieces: sentence segmentation, alignment, numbers,
names and other entities, termbases.
"""
