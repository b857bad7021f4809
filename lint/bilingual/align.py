"""Length-based alignment (Gale & Church 1993) with anchors.

Each side is a list of units (paragraphs or sentences) given by their lengths in
characters. Source lengths are scaled by the pair's overall length ratio (so
Japanese to English works as French to English does), and a pair of groups that
share anchors (numbers, Latin-script names) costs less: the anchors are what a
human reader aligns by.
"""
from __future__ import annotations

import math

# (source units, target units) -> prior probability (Gale & Church without 2-2, plus 1-3/3-1: translations split).
_MOVES = {(1, 1): 0.85, (1, 0): 0.01, (0, 1): 0.01, (2, 1): 0.05, (1, 2): 0.06, (3, 1): 0.01, (1, 3): 0.02}
_VARIANCE = 6.8
_DIAGONAL_Z = 2.0  # one-to-one pairs all within this many deviations: no search needed
_ANCHOR_BONUS = 3.0


def _norm_sf(z: float) -> float:
    """Two-sided tail probability of a standard normal deviate."""
    return max(math.erfc(abs(z) / math.sqrt(2)), 1e-12)


def align(src: list[int], tgt: list[int], anchors=None, ratio: float | None = None) -> list[tuple[range, range]]:
    """Aligned groups as (source index range, target index range), in order.

    `anchors(si, sj, ti, tj)`, when given, says how many anchors source units
    [si, sj) share with target units [ti, tj); a function without arguments
    (is_anchors unset) is a factory, called only when the search needs them. `ratio` is the expected target
    length per source character (else the totals' ratio, which an omission skews).
    """
    n, m = len(src), len(tgt)
    if n == 0 or m == 0:
        return [(range(0, n), range(0, m))] if n or m else []
    ratio = ratio or (sum(tgt) or 1) / (sum(src) or 1)
    if n == m and all(abs(t - s * ratio) / math.sqrt(((s * ratio + t) / 2 or 1) * _VARIANCE) < _DIAGONAL_Z
                      for s, t in zip(src, tgt)):
        # Sentence for sentence with plausible lengths (as machine translation mostly is): the diagonal.
        return [(range(i, i + 1), range(i, i + 1)) for i in range(n)]
    if callable(anchors) and not getattr(anchors, "is_anchors", False):
        anchors = anchors()  # built only now that the search needs them
    src_pre = [0]
    for x in src:
        src_pre.append(src_pre[-1] + x)
    tgt_pre = [0]
    for x in tgt:
        tgt_pre.append(tgt_pre[-1] + x)
    inf = float("inf")
    cost = [[inf] * (m + 1) for _ in range(n + 1)]
    back = [[None] * (m + 1) for _ in range(n + 1)]
    cost[0][0] = 0.0
    log, sqrt, erfc = math.log, math.sqrt, math.erfc
    src_pre = [x * ratio for x in src_pre]
    matches = [(di, dj, -math.log(prior)) for (di, dj), prior in _MOVES.items() if di and dj]
    skip_src, skip_tgt = -math.log(_MOVES[(1, 0)]), -math.log(_MOVES[(0, 1)])
    inv_root2, floor = 1 / sqrt(2), 1e-12
    # Search a band around the diagonal: translations do not move sentences across half an article.
    band = abs(n - m) + max(3, max(n, m) // 16)
    for i in range(n + 1):
        centre = i * m // n
        row_cost, row_back = cost[i], back[i]
        for j in range(max(0, centre - band), min(m, centre + band) + 1):
            here = row_cost[j]
            if here == inf:
                continue
            if i < n:  # a source unit left without translation
                c = here + skip_src + 0.02 * (src_pre[i + 1] - src_pre[i]) ** 0.5
                if c < cost[i + 1][j]:
                    cost[i + 1][j], back[i + 1][j] = c, (i, j)
            if j < m:  # a target unit with no source
                c = here + skip_tgt + 0.02 * (tgt_pre[j + 1] - tgt_pre[j]) ** 0.5
                if c < row_cost[j + 1]:
                    row_cost[j + 1], row_back[j + 1] = c, (i, j)
            for di, dj, prior_cost in matches:
                ni, nj = i + di, j + dj
                if ni > n or nj > m:
                    continue
                ls = src_pre[ni] - src_pre[i]
                lt = tgt_pre[nj] - tgt_pre[j]
                z = abs(lt - ls) / sqrt(((ls + lt) * 0.5 or 1) * _VARIANCE)
                tail = erfc(z * inv_root2)
                c = here + prior_cost - log(tail if tail > floor else floor)
                if anchors is not None:
                    shared = anchors(i, ni, j, nj)
                    if shared:
                        c -= _ANCHOR_BONUS * (shared if shared < 3 else 3)
                if c < cost[ni][nj]:
                    cost[ni][nj], back[ni][nj] = c, (i, j)
    pairs = []
    i, j = n, m
    while (i, j) != (0, 0):
        pi, pj = back[i][j]
        pairs.append((range(pi, i), range(pj, j)))
        i, j = pi, pj
    pairs.reverse()
    return pairs
