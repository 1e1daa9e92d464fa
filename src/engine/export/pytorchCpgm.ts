// The exported script's quantizers and its writer of the playground's compressed model format
// (docs/FORMAT.md), so the size a script reports is the length of a real .cpgm file that the
// playground opens (History > Import), not an estimate. The quantizers follow the format's
// conventions (scales rounded up to float32, round half to even, k-means from min to max), and
// the model is evaluated with exactly the weights the file decodes to. Streams are packed, or
// Huffman-coded when that is smaller (Deep Compression's entropy coding, the page's default);
// units emptied by structured pruning are kept in the file (the page leaves them out), so a
// structured point is larger here than on the page. Plain Python text (no backslashes or `${`).
import { PYTORCH_HUFFMAN } from './pytorchHuffman';
import { PYTORCH_QUANTIZE } from './pytorchQuantize';

export const PYTORCH_CPGM = `# ---------------------------------------------------------------------------------------------
# Quantization and the .cpgm file (the playground's format, docs/FORMAT.md)
# ---------------------------------------------------------------------------------------------

CPGM_SCHEMES = {"none": 0, "symmetric": 1, "affine": 2, "float16": 3, "kmeans": 4}


` + PYTORCH_QUANTIZE + `def tf_layout(layer, previous):
    """A kernel as the playground stores it: dense [in, out], conv [kh, kw, in, out]; a dense
    layer after a conv reads the flattened map in (h, w, channel) order, as tfjs flattens it."""
    w = layer.weight.detach().cpu().double()
    if isinstance(layer, nn.Conv2d):
        return w.permute(2, 3, 1, 0).numpy()
    if isinstance(previous, nn.Conv2d):
        channels = previous.out_channels
        side = math.isqrt(layer.in_features // channels)
        w = w.reshape(layer.out_features, channels, side, side).permute(2, 3, 1, 0).reshape(-1, layer.out_features)
        return w.numpy()
    return w.t().numpy()


def from_tf_layout(values, layer, previous):
    t = torch.from_numpy(values)
    if isinstance(layer, nn.Conv2d):
        return t.permute(3, 2, 0, 1).contiguous()
    if isinstance(previous, nn.Conv2d):
        channels = previous.out_channels
        side = math.isqrt(layer.in_features // channels)
        return t.reshape(side, side, channels, layer.out_features).permute(3, 2, 0, 1).reshape(layer.out_features, -1).contiguous()
    return t.t().contiguous()


def pack(values, bits):
    """LSB-first bit packing of values of bits bits each (16 and 32: little-endian integers)."""
    v = np.asarray(values).astype(np.uint64)
    if bits in (16, 32):
        return v.astype("<u2" if bits == 16 else "<u4").tobytes()
    planes = ((v[:, None] >> np.arange(bits, dtype=np.uint64)) & 1).astype(np.uint8)
    return np.packbits(planes.reshape(-1), bitorder="little").tobytes()


def stream(values, bits, entropy):
    """A stream: packed, or Huffman-coded when allowed and smaller (ties go to packed)."""
    packed = bytes([0]) + pack(values, bits)
    if entropy and bits <= 8 and len(values) > 0:
        coded = huffman_stream(np.asarray(values, dtype=np.int64), bits)
        if len(coded) < len(packed):
            return coded
    return packed


def positions(keep, entropy):
    """Where the kept weights are: dense, a bitmask, or Deep Compression's relative-index gaps,
    whichever is smallest (ties go to the bitmask)."""
    flat = keep.reshape(-1)
    n, kept = flat.size, int(flat.sum())
    if kept == n:
        return bytes([0])
    best = bytes([1]) + np.packbits(flat.astype(np.uint8), bitorder="little").tobytes()
    gaps = np.diff(np.concatenate([[-1], np.flatnonzero(flat)])) - 1
    for k in range(1, 17):
        filler = 2 ** k - 1
        counts = gaps // filler + 1
        if 7 + math.ceil(int(counts.sum()) * k / 8) >= len(best) and not (entropy and k <= 8):
            continue  # packed is already too big, and Huffman is not tried at this width
        entries = np.full(int(counts.sum()), filler, dtype=np.int64)
        entries[np.cumsum(counts) - 1] = gaps % filler
        block = bytes([2, k]) + struct.pack("<I", entries.size) + stream(entries, k, entropy)
        if len(block) < len(best):
            best = block
    return best


def short_ascii(text):
    return bytes([len(text)]) + text.encode("ascii")


def tensor_record(name, values, keep, scheme, bits, per_channel, entropy):
    """One tensor: header, positions, tables, codes. Returns (bytes, dequantized float32 values,
    whether a stream of it is Huffman-coded)."""
    channels = values.shape[-1]
    groups = range(channels) if per_channel else [None]
    codes = np.zeros(values.shape, dtype=np.int64)
    out = np.zeros(values.shape, dtype=np.float32)
    scales, zeros, book = [], [], None
    for c in groups:
        sel = keep if c is None else np.zeros_like(keep)
        if c is not None:
            sel[..., c] = keep[..., c]
        q, table, zero, deq = quantize_group(values[sel], scheme, bits)
        codes[sel], out[sel] = q, deq
        if scheme == "kmeans":
            book = table
        elif table is not None:
            scales.append(table)
            zeros.append(zero)
    masked = not keep.all()
    flags = (1 if masked else 0) | (2 if per_channel else 0)
    head = short_ascii(name) + bytes([values.ndim]) + struct.pack("<" + "I" * values.ndim, *values.shape)
    where = positions(keep, entropy)
    body = bytes([CPGM_SCHEMES[scheme], bits, flags]) + where
    if scheme in ("symmetric", "affine"):
        body += np.array(scales, dtype="<f4").tobytes()
    if scheme == "affine":
        body += bytes(zeros)
    if scheme == "kmeans":
        body += struct.pack("<H", book.size) + book.astype("<f4").tobytes()
    coded = stream(codes[keep], bits, entropy)
    # The coding byte of the codes, and of the gaps (after encoding 2, k and the u32 count).
    huffman = coded[0] == 1 or (where[0] == 2 and where[6] == 1)
    return head + body + coded, out, huffman


@torch.no_grad()
def compress_model(model, scheme="none", bits=32, per_channel=False, entropy=True, keep_zeros=True):
    """Quantizes every kernel (biases stay float32), writes the dequantized weights back into the
    model (so it is evaluated as stored) and returns the .cpgm bytes. Pruned weights are the exact
    zeros; keep_zeros=False stores every kernel dense (the dense float32 reference)."""
    records, previous, counts, huffman = [], None, {"dense": 0, "conv": 0}, False
    for layer in weighted_layers(model):
        kind = "conv" if isinstance(layer, nn.Conv2d) else "dense"
        name = f"{kind}_{counts[kind]}"
        counts[kind] += 1
        kernel = tf_layout(layer, previous)
        keep = kernel != 0 if keep_zeros else np.ones(kernel.shape, dtype=bool)
        record, values, coded = tensor_record(name + "/kernel", kernel, keep, scheme, bits, per_channel, entropy)
        layer.weight.copy_(from_tf_layout(values, layer, previous).to(layer.weight.dtype))
        bias = layer.bias.detach().cpu().double().numpy()
        bias_record, _, _ = tensor_record(name + "/bias", bias, np.ones(bias.shape, dtype=bool), "none", 32, False, False)
        records += [record, bias_record]
        huffman = huffman or coded
        previous = layer
    header = b"CPGM" + bytes([1, 1 if huffman else 0]) + short_ascii(EXPERIMENT["model"]) + struct.pack("<H", len(records))
    return header + b"".join(records)


` + PYTORCH_HUFFMAN;
