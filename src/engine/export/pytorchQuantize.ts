// The exported script's quantizers, as the playground's encoder computes them (docs/FORMAT.md):
// scales rounded up to float32, round half to even, k-means (Deep Compression's weight sharing)
// from min to max. Each returns the codes the .cpgm file stores and the values it decodes to.
// Plain Python text (no backslashes or `${`).

export const PYTORCH_QUANTIZE = `def f32_up(value):
    """value rounded up to float32: a scale that rounds down would clip the largest weight."""
    f = np.float32(value)
    return np.nextafter(f, np.float32(np.inf)) if float(f) < value else f


def nearest_centroid(values, centroids):
    """Centroids stay ascending, so the nearest one is a binary search among the midpoints; a
    value exactly on a midpoint joins the lower cluster, as in the playground."""
    return torch.bucketize(values, (centroids[1:] + centroids[:-1]) / 2)


def kmeans_1d(values, clusters, iterations=100):
    """Deep Compression's weight sharing: centroids start evenly spaced from min to max, then
    Lloyd's iterations; an empty cluster keeps its centroid. Returns the float32 codebook."""
    v = torch.from_numpy(values)
    centroids = torch.linspace(v.min().item(), v.max().item(), clusters, dtype=torch.float64)
    for _ in range(iterations):
        assign = nearest_centroid(v, centroids)
        sums = torch.zeros(clusters, dtype=torch.float64).index_add_(0, assign, v)
        counts = torch.bincount(assign, minlength=clusters)
        moved = torch.where(counts > 0, sums / counts.clamp(min=1), centroids)
        if torch.equal(moved, centroids):
            break
        centroids = moved
    return centroids.numpy().astype(np.float32)


def quantize_group(w, scheme, bits):
    """w: the kept weights of one group (float64). Returns (codes, float32 scale or codebook,
    zero point, dequantized float32 values), each value computed as the decoder does."""
    if scheme == "none":
        f = w.astype(np.float32)
        return f.view(np.uint32), None, None, f
    if scheme == "float16":
        h = np.clip(w, -65504, 65504).astype(np.float16)
        return h.view(np.uint16), None, None, h.astype(np.float32)
    if scheme == "kmeans":
        book = kmeans_1d(w, 2 ** bits) if w.size else np.linspace(0, 0, 2 ** bits, dtype=np.float32)
        codes = nearest_centroid(torch.from_numpy(w), torch.from_numpy(book.astype(np.float64))).numpy() if w.size else np.zeros(0, np.int64)
        return codes, book, None, book[codes]
    if scheme == "symmetric" and bits == 1:
        alpha = np.float32(np.abs(w).mean()) if w.size else np.float32(0)
        codes = (w >= 0).astype(np.int64)
        return codes, alpha, None, np.where(codes == 1, alpha, -alpha).astype(np.float32)
    lo, hi = (min(w.min(), 0.0), max(w.max(), 0.0)) if w.size else (0.0, 0.0)
    if scheme == "symmetric":
        qmax = 2 ** (bits - 1) - 1
        scale = f32_up(max(-lo, hi) / qmax)
        q = np.clip(np.rint(w / float(scale)), -qmax, qmax) if scale > 0 else np.zeros_like(w)
        return (q + qmax).astype(np.int64), scale, None, (float(scale) * q).astype(np.float32)
    top = 2 ** bits - 1
    scale = f32_up((hi - lo) / top)
    zero = int(min(max(np.rint(-lo / float(scale)), 0), top)) if scale > 0 else 0
    q = np.clip(np.rint(w / float(scale)) + zero, 0, top) if scale > 0 else np.full_like(w, zero)
    return q.astype(np.int64), scale, zero, (float(scale) * (q - zero)).astype(np.float32)


`;
