// The second half of the exported PyTorch script: pruning with torch.nn.utils.prune, fake
// quantization of the kernels, and main(). Plain Python text (no backslashes or `${`).

// Starts right after the backtick, so joined to the first half the text is unchanged.
export const PYTORCH_COMPRESSION = `# ---------------------------------------------------------------------------------------------
# Pruning with torch.nn.utils.prune
# ---------------------------------------------------------------------------------------------


def pruned_layers(model):
    """The layers the playground's "first layer" / "output layer" switches leave in play."""
    layers = weighted_layers(model)
    chosen = []
    for i, layer in enumerate(layers):
        if i == 0 and not EXPERIMENT["prune_first_layer"]:
            continue
        if i == len(layers) - 1 and not EXPERIMENT["prune_output_layer"]:
            continue
        chosen.append(layer)
    return chosen


def disconnect_removed_units(model, layer):
    """Structured pruning: a removed unit's outgoing weights go too (the next layer's input
    columns or channels), so the masked network is what a physically smaller one computes."""
    layers = weighted_layers(model)
    at = layers.index(layer)
    if at + 1 >= len(layers):
        return
    dead = layer.weight_mask.flatten(1).sum(1) == 0  # one flag per output unit
    nxt = layers[at + 1]
    mask = torch.ones_like(nxt.weight)
    if isinstance(nxt, nn.Conv2d):
        mask[:, dead] = 0
    else:
        # A conv's flattened output has its channels outermost (N, C, H, W): C blocks of H*W columns.
        mask[:, dead.repeat_interleave(nxt.in_features // dead.numel())] = 0
    prune.custom_from_mask(nxt, "weight", mask)


def apply_pruning(model):
    method, amount = EXPERIMENT["prune_method"], EXPERIMENT["sparsity"]
    layers = pruned_layers(model)
    if amount <= 0 or not layers:
        return
    if method == "global_magnitude":
        # One |w| threshold across every included layer.
        prune.global_unstructured([(m, "weight") for m in layers], pruning_method=prune.L1Unstructured, amount=amount)
    elif method == "layerwise_magnitude":
        for m in layers:
            prune.l1_unstructured(m, "weight", amount=amount)
    elif method == "random":
        # The control: as many weights per layer as layer-wise magnitude, chosen at random.
        torch.manual_seed(EXPERIMENT["seed"])
        for m in layers:
            prune.random_unstructured(m, "weight", amount=amount)
    elif method == "structured":
        # Whole output units with the smallest L1 norm; the output layer keeps its classes.
        output = weighted_layers(model)[-1]
        for m in [m for m in layers if m is not output]:
            prune.ln_structured(m, "weight", amount=amount, n=1, dim=0)
            disconnect_removed_units(model, m)
    # Make the masks permanent: the zeros are now plain zeros in layer.weight.
    for m in weighted_layers(model):
        if prune.is_pruned(m):
            prune.remove(m, "weight")


# ---------------------------------------------------------------------------------------------
# Quantization: fake-quant of the kernels (biases stay float32), only kept weights set the range
# ---------------------------------------------------------------------------------------------


def fake_quant_uniform(w, keep, bits, scheme):
    """w: one group of weights (a tensor or one output channel); returns its dequantized values."""
    kept = w[keep]
    if kept.numel() == 0:
        return w
    if scheme == "symmetric" and bits == 1:
        alpha = kept.abs().mean()  # sign binarisation with the L2-optimal scale
        return torch.where(w >= 0, alpha, -alpha)
    lo, hi = min(kept.min().item(), 0.0), max(kept.max().item(), 0.0)
    if scheme == "symmetric":
        qmax = 2 ** (bits - 1) - 1
        scale = max(-lo, hi) / qmax
        if scale == 0:
            return w
        return torch.clamp(torch.round(w / scale), -qmax, qmax) * scale  # torch.round: half to even
    top = 2 ** bits - 1
    scale = (hi - lo) / top
    if scale == 0:
        return w
    zero = min(max(round(-lo / scale), 0), top)
    return torch.clamp(torch.round(w / scale), -zero, top - zero) * scale


def nearest_centroid(values, centroids):
    """Centroids stay ascending, so the nearest one is a binary search among the midpoints; a
    value exactly on a midpoint joins the lower cluster, as in the playground."""
    return torch.bucketize(values, (centroids[1:] + centroids[:-1]) / 2)


def kmeans_1d(values, clusters, iterations=100):
    """Deep Compression's weight sharing: centroids start evenly spaced from min to max, then
    Lloyd's iterations; an empty cluster keeps its centroid."""
    v = values.double()
    centroids = torch.linspace(v.min().item(), v.max().item(), clusters, dtype=torch.float64, device=v.device)
    for _ in range(iterations):
        assign = nearest_centroid(v, centroids)
        sums = torch.zeros(clusters, dtype=torch.float64, device=v.device).index_add_(0, assign, v)
        counts = torch.bincount(assign, minlength=clusters)
        moved = torch.where(counts > 0, sums / counts.clamp(min=1), centroids)
        if torch.equal(moved, centroids):
            break
        centroids = moved
    return centroids[nearest_centroid(v, centroids)].to(values.dtype)


@torch.no_grad()
def apply_quantization(model):
    scheme, bits, per_channel = EXPERIMENT["quant_scheme"], EXPERIMENT["bits"], EXPERIMENT["per_channel"]
    if scheme == "none":
        return
    for layer in weighted_layers(model):
        w = layer.weight.data
        keep = w != 0  # pruned weights are exactly 0 and stay 0
        if scheme == "float16":
            q = w.half().float()
        elif scheme == "kmeans":
            q = w.clone()
            if keep.any():
                q[keep] = kmeans_1d(w[keep], 2 ** bits)
        elif per_channel:
            # Per output channel: dim 0 in PyTorch (a column of the playground's [in, out] kernel).
            q = torch.stack([fake_quant_uniform(w[c], keep[c], bits, scheme) for c in range(w.shape[0])])
        else:
            q = fake_quant_uniform(w, keep, bits, scheme)
        layer.weight.data = torch.where(keep, q, torch.zeros_like(q))


# ---------------------------------------------------------------------------------------------
# Main
# ---------------------------------------------------------------------------------------------


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", default="data", help="folder with the MNIST IDX files (default: ./data)")
    parser.add_argument("--download", action="store_true", help="download MNIST with torchvision if missing")
    parser.add_argument("--epochs", type=int, default=EXPERIMENT["epochs"], help="override the number of epochs")
    parser.add_argument("--device", default="cuda" if torch.cuda.is_available() else "cpu")
    args = parser.parse_args()

    seed = EXPERIMENT["seed"]
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.use_deterministic_algorithms(True, warn_only=True)

    if EXPERIMENT["dataset"] == "mnist":
        data = load_mnist(args.data, args.download)
    else:
        data = load_toy(EXPERIMENT["dataset"], seed)
    model = build_model(EXPERIMENT["model"], EXPERIMENT["hidden"]).to(args.device)
    print(f"{EXPERIMENT['model']} on {EXPERIMENT['dataset']}: {sum(p.numel() for p in model.parameters()):,} parameters")

    train(model, data, args.epochs, args.device)
    dense = accuracy(model, data["test"], args.device)
    print(f"dense test accuracy: {dense:.2%}")

    apply_pruning(model)
    weights = [layer.weight for layer in weighted_layers(model)]
    zeros = sum((w == 0).sum().item() for w in weights)
    total = sum(w.numel() for w in weights)
    print(f"pruned ({EXPERIMENT['prune_method']}): {zeros / total:.2%} of the weights are zero, test accuracy {accuracy(model, data['test'], args.device):.2%}")

    apply_quantization(model)
    final = accuracy(model, data["test"], args.device)
    print(f"quantized ({EXPERIMENT['quant_label']}): test accuracy {final:.2%}")
    print(f"test accuracy: {final:.4f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
`;
