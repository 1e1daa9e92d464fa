// Canonical Huffman coding for the exported script's .cpgm writer: the same code lengths as the
// playground's encoder (src/engine/encoding/huffman.ts: a two-queue Huffman tree, ties by symbol
// order, lengths limited to 15 by flattening the counts), canonical codes as in DEFLATE, each
// code written most significant bit first into an LSB-first stream. Plain Python text.

export const PYTORCH_HUFFMAN = `def tree_depths(freqs):
    """Depth of each leaf of a Huffman tree (two-queue construction, ties by input order)."""
    n = len(freqs)
    order = sorted(range(n), key=lambda i: (freqs[i], i))
    weight = [freqs[i] for i in order] + [0] * (n - 1)
    parent = [-1] * (2 * n - 1)
    leaf, inner = 0, n
    for nxt in range(n, 2 * n - 1):
        picked = []
        for _ in range(2):
            if leaf < n and (inner >= nxt or weight[leaf] <= weight[inner]):
                picked.append(leaf)
                leaf += 1
            else:
                picked.append(inner)
                inner += 1
        weight[nxt] = weight[picked[0]] + weight[picked[1]]
        parent[picked[0]] = parent[picked[1]] = nxt
    depth = [0] * (2 * n - 1)
    for node in range(2 * n - 3, -1, -1):
        depth[node] = depth[parent[node]] + 1
    out = [0] * n
    for position, original in enumerate(order):
        out[original] = depth[position]
    return out


def huffman_lengths(histogram):
    """Code lengths (0 for unused symbols), at most 15 bits."""
    freqs = list(histogram)
    while True:
        lengths = [0] * len(freqs)
        used = [(f, s) for s, f in enumerate(freqs) if f > 0]
        if len(used) == 1:
            lengths[used[0][1]] = 1  # one symbol still takes one bit per use
        if len(used) <= 1:
            return lengths
        depths = tree_depths([f for f, _ in used])
        if max(depths) <= 15:
            for (_, s), d in zip(used, depths):
                lengths[s] = d
            return lengths
        freqs = [max(1, -(-f // 2)) if f > 0 else 0 for f in freqs]  # too deep: flatten, again


def canonical_codes(lengths):
    per_length = [0] * 16
    for length in lengths:
        if length:
            per_length[length] += 1
    next_code, code = [0] * 17, 0
    for length in range(1, 16):
        code = (code + per_length[length - 1]) << 1
        next_code[length] = code
    codes = [0] * len(lengths)
    for s, length in enumerate(lengths):
        if length:
            codes[s] = next_code[length]
            next_code[length] += 1
    return codes


def huffman_stream(symbols, bits):
    """A Huffman-coded stream: coding byte 1, 4-bit lengths, payload byte count, payload."""
    lengths = huffman_lengths(np.bincount(symbols, minlength=2 ** bits).tolist())
    codes = canonical_codes(lengths)
    sizes = np.array(lengths, dtype=np.int64)[symbols]
    values = np.array(codes, dtype=np.int64)[symbols]
    starts = np.cumsum(sizes) - sizes
    out = np.zeros(int(sizes.sum()), dtype=np.uint8)
    for j in range(int(sizes.max())):
        sel = sizes > j
        out[starts[sel] + j] = (values[sel] >> (sizes[sel] - 1 - j)) & 1
    payload = np.packbits(out, bitorder="little").tobytes()
    table = bytearray(math.ceil(2 ** bits / 2))
    for s, length in enumerate(lengths):
        table[s >> 1] |= length << ((s & 1) * 4)
    return bytes([1]) + bytes(table) + struct.pack("<I", len(payload)) + payload


`;
