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
    src_pre = [x * ratio for x in src_pre]
    tgt_pre = [0]
    for x in tgt:
        tgt_pre.append(tgt_pre[-1] + x)
    inf = float("inf")
    cost = [[inf] * (m + 1) for _ in range(n + 1)]
    back = [[None] * (m + 1) for _ in range(n + 1)]
    cost[0][0] = 0.0
    log, sqrt, erfc = math.log, math.sqrt, math.erfc
    matches = [(di, dj, -math.log(prior)) for (di, dj), prior in _MOVES.items() if di and dj]
    skip_src, skip_tgt = -math.log(_MOVES[(1, 0)]), -math.log(_MOVES[(0, 1)])
    inv_root2, floor, half_var = 1 / sqrt(2), 1e-12, 0.5 * _VARIANCE
    table = getattr(anchors, "table", None)  # anchors' 2-D prefix sums, when it has them: read inline
    # Search a band around the diagonal: translations do not move sentences across half an article.
    band = abs(n - m) + max(3, max(n, m) // 16)
    for i in range(n + 1):
        centre = i * m // n
        row_cost, row_back = cost[i], back[i]
        src_i = src_pre[i]
        # the length costs of this row's source groups: 1, 2 or 3 units from i
        spans = [(di, dj, prior_cost, src_pre[i + di] - src_i, cost[i + di], back[i + di],
                  table[i] if table else None, table[i + di] if table else None)
                 for di, dj, prior_cost in matches if i + di <= n]
        skip_len = 0.02 * (src_pre[i + 1] - src_i) ** 0.5 if i < n else inf
        next_cost, next_back = (cost[i + 1], back[i + 1]) if i < n else (None, None)
        for j in range(max(0, centre - band), min(m, centre + band) + 1):
            here = row_cost[j]
            if here == inf:
                continue
            if i < n:  # a source unit left without translation
                c = here + skip_src + skip_len  # the sum in this order: ties between equal paths break as they always did
                if c < next_cost[j]:
                    next_cost[j], next_back[j] = c, (i, j)
            if j < m:  # a target unit with no source
                c = here + skip_tgt + 0.02 * (tgt_pre[j + 1] - tgt_pre[j]) ** 0.5
                if c < row_cost[j + 1]:
                    row_cost[j + 1], row_back[j + 1] = c, (i, j)
            tgt_j = tgt_pre[j]
            for di, dj, prior_cost, ls, target_cost, target_back, pre_top, pre_bottom in spans:
                nj = j + dj
                if nj > m:
                    continue
                base = here + prior_cost
                bonus = 0.0
                if anchors is not None:
                    shared = (pre_bottom[nj] - pre_top[nj] - pre_bottom[j] + pre_top[j]) if table else anchors(i, i + di, j, nj)
                    if shared:
                        bonus = _ANCHOR_BONUS * (shared if shared < 3 else 3)
                if base - bonus >= target_cost[nj]:
                    continue  # the length cost is never negative: this move cannot win, its erfc is not needed
                lt = tgt_pre[nj] - tgt_j
                z = abs(lt - ls) / sqrt((ls + lt) * half_var or _VARIANCE)
                tail = erfc(z * inv_root2)
                c = base - log(tail if tail > floor else floor)
                if bonus:
                    c -= bonus
                if c < target_cost[nj]:
                    target_cost[nj], target_back[nj] = c, (i, j)
    pairs = []
    i, j = n, m
    while (i, j) != (0, 0):
        pi, pj = back[i][j]
        pairs.append((range(pi, i), range(pj, j)))
        i, j = pi, pj
    pairs.reverse()
    return pairs
