// The fixed part of the exported PyTorch script: everything except the EXPERIMENT table, which
// pytorchScript.ts writes from the playground's settings. Kept as plain Python text so it reads
// (and diffs) as the file the user gets. No backslashes or `${` inside: this is a template string.

export const PYTORCH_BODY = `
import argparse
import gzip
import math
import os
import random
import struct
import sys

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F
import torch.nn.utils.prune as prune


# ---------------------------------------------------------------------------------------------
# Data
# ---------------------------------------------------------------------------------------------

IDX_NAMES = {
    "train_images": ["train-images-idx3-ubyte", "train-images.idx"],
    "train_labels": ["train-labels-idx1-ubyte", "train-labels.idx"],
    "test_images": ["t10k-images-idx3-ubyte", "test-images.idx"],
    "test_labels": ["t10k-labels-idx1-ubyte", "test-labels.idx"],
}


def read_idx(path):
    """One IDX file (optionally gzipped) as a uint8 numpy array of its declared shape."""
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rb") as f:
        data = f.read()
    zero, dtype, dims = struct.unpack(">HBB", data[:4])
    if zero != 0 or dtype != 0x08:
        raise ValueError(f"{path} is not an IDX file of unsigned bytes")
    shape = struct.unpack(">" + "I" * dims, data[4 : 4 + 4 * dims])
    return np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * dims).reshape(shape)


def find_idx(data_dir, key):
    for base in IDX_NAMES[key]:
        for name in (base, base + ".gz"):
            for folder in (data_dir, os.path.join(data_dir, "MNIST", "raw")):
                path = os.path.join(folder, name)
                if os.path.exists(path):
                    return path
    return None


def load_mnist(data_dir, download):
    """MNIST as float tensors in [0, 1] (N, 1, 28, 28) and int64 labels. Reads the four IDX files
    from data_dir (the playground's public/data/mnist or the originals, gzipped or not); if they
    are missing, torchvision downloads them."""
    paths = {key: find_idx(data_dir, key) for key in IDX_NAMES}
    if None in paths.values():
        if not download:
            raise SystemExit(f"The MNIST IDX files are not in {data_dir}; pass --download or copy them there.")
        import torchvision  # only needed when the files are not already on disk

        torchvision.datasets.MNIST(data_dir, train=True, download=True)
        torchvision.datasets.MNIST(data_dir, train=False, download=True)
        paths = {key: find_idx(data_dir, key) for key in IDX_NAMES}
    arrays = {key: read_idx(path) for key, path in paths.items()}
    to_x = lambda a: torch.from_numpy(a.astype(np.float32) / 255.0).reshape(-1, 1, 28, 28)
    to_y = lambda a: torch.from_numpy(a.astype(np.int64))
    x, y = to_x(arrays["train_images"]), to_y(arrays["train_labels"])
    # The last images of the training file are the validation set, as in the Lottery Ticket paper.
    cut = x.shape[0] - EXPERIMENT["validation_size"]
    return {
        "train": (x[:cut], y[:cut]),
        "validation": (x[cut:], y[cut:]),
        "test": (to_x(arrays["test_images"]), to_y(arrays["test_labels"])),
    }


def toy_point(name, label, rng, noise):
    """One point of the playground's 2-D sets, in the TensorFlow Playground's [-6, 6] square."""
    u = lambda lo, hi: rng.uniform(lo, hi)
    if name == "circle":
        r = u(0, 2.5) if label == 1 else u(3.5, 5)
        angle = u(0, 2 * math.pi)
        n = 5 * noise
        return r * math.sin(angle) + u(-n, n), r * math.cos(angle) + u(-n, n)
    if name == "xor":
        sx = -1 if rng.random() < 0.5 else 1
        sy = sx if label == 1 else -sx
        n = 5 * noise
        return sx * (u(0, 5) + 0.3) + u(-n, n), sy * (u(0, 5) + 0.3) + u(-n, n)
    if name == "gaussians":
        centre = 2 if label == 1 else -2
        sd = math.sqrt(0.5 + (noise / 0.5) * 3.5)
        return centre + sd * rng.normal(), centre + sd * rng.normal()
    if name == "spiral":
        v = rng.random()
        r = v * 5
        t = 1.75 * v * 2 * math.pi + (0 if label == 1 else math.pi)
        return r * math.sin(t) + u(-1, 1) * noise, r * math.cos(t) + u(-1, 1) * noise
    raise ValueError(f"unknown 2-D set {name}")


def load_toy(name, seed, count=500, noise=0.1):
    """The same distributions as the playground's 2-D sets (not the same points: numpy draws
    its own random numbers). Coordinates scaled by 1/6 to about [-1, 1]; classes balanced."""
    splits = {}
    for index, split in enumerate(["train", "validation", "test"]):
        rng = np.random.default_rng([seed, index])
        labels = np.array([0] * ((count + 1) // 2) + [1] * (count // 2))
        rng.shuffle(labels)
        points = np.array([toy_point(name, int(c), rng, noise) for c in labels], dtype=np.float32) / 6
        splits[split] = (torch.from_numpy(points), torch.from_numpy(labels.astype(np.int64)))
    return splits


# ---------------------------------------------------------------------------------------------
# Models: the playground's three, with Glorot (Xavier) normal weights and zero biases
# ---------------------------------------------------------------------------------------------


def build_model(model_id, hidden):
    if model_id == "lenet_300_100":
        layers, width = [nn.Flatten()], 28 * 28
        for units in hidden:
            layers += [nn.Linear(width, units), nn.ReLU()]
            width = units
        layers.append(nn.Linear(width, 10))
    elif model_id == "lenet5":
        conv1, conv2, dense1, dense2 = hidden
        layers = [
            nn.Conv2d(1, conv1, 5, padding=2), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(conv1, conv2, 5), nn.ReLU(), nn.MaxPool2d(2),
            nn.Flatten(),
            nn.Linear(conv2 * 5 * 5, dense1), nn.ReLU(),
            nn.Linear(dense1, dense2), nn.ReLU(),
            nn.Linear(dense2, 10),
        ]
    elif model_id == "mlp_2d":
        layers, width = [], 2
        for units in hidden:
            layers += [nn.Linear(width, units), nn.ReLU()]
            width = units
        layers.append(nn.Linear(width, 2))
    else:
        raise ValueError(f"unknown model {model_id}")
    model = nn.Sequential(*layers)
    for layer in weighted_layers(model):
        nn.init.xavier_normal_(layer.weight)
        nn.init.zeros_(layer.bias)
    return model


def weighted_layers(model):
    return [m for m in model.modules() if isinstance(m, (nn.Linear, nn.Conv2d))]


# ---------------------------------------------------------------------------------------------
# Training
# ---------------------------------------------------------------------------------------------


def learning_rate_at(step):
    """The playground's schedule: constant, or a linear warmup then x gamma every N batches."""
    base, schedule = EXPERIMENT["learning_rate"], EXPERIMENT["schedule"]
    if schedule["kind"] == "constant":
        return base
    warmup, every, gamma = schedule["warmup_steps"], schedule["decay_every_steps"], schedule["gamma"]
    if warmup > 0 and step < warmup:
        return base * (step + 1) / warmup
    return base * gamma ** ((step - warmup) // every)


def make_optimizer(params):
    name, lr = EXPERIMENT["optimizer"], EXPERIMENT["learning_rate"]
    if name == "sgd":
        return torch.optim.SGD(params, lr=lr)
    if name == "momentum":
        return torch.optim.SGD(params, lr=lr, momentum=0.9)
    # tfjs's Adam: betas (0.9, 0.999), epsilon 1e-7.
    return torch.optim.Adam(params, lr=lr, betas=(0.9, 0.999), eps=1e-7)


@torch.no_grad()
def accuracy(model, split, device):
    model.eval()
    x, y = split
    correct = 0
    for start in range(0, x.shape[0], 1000):
        logits = model(x[start : start + 1000].to(device))
        correct += (logits.argmax(1).cpu() == y[start : start + 1000]).sum().item()
    return correct / x.shape[0]


def train(model, data, epochs, device):
    x, y = data["train"]
    batch = EXPERIMENT["batch_size"]
    steps_per_epoch = x.shape[0] // batch  # the last partial batch is dropped, as in the browser
    optimizer = make_optimizer(model.parameters())
    order = torch.Generator().manual_seed(EXPERIMENT["seed"])
    step = 0
    for epoch in range(1, epochs + 1):
        model.train()
        perm = torch.randperm(x.shape[0], generator=order)
        for i in range(steps_per_epoch):
            for group in optimizer.param_groups:
                group["lr"] = learning_rate_at(step)
            idx = perm[i * batch : (i + 1) * batch]
            loss = F.cross_entropy(model(x[idx].to(device)), y[idx].to(device))
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            step += 1
        val = accuracy(model, data["validation"], device)
        print(f"epoch {epoch}: loss {loss.item():.4f}, validation {val:.2%}, test {accuracy(model, data['test'], device):.2%}")


# ---------------------------------------------------------------------------------------------
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
