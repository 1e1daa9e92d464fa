// The fixed first part of every exported PyTorch script (the training/compression one and the
// lottery one): imports, data and models. Kept as plain Python text so it reads (and diffs) as
// the file the user gets. No backslashes or `${` inside: these are template strings. The
// EXPERIMENT table above it is written by pytorchScript.ts / pytorchLottery.ts from validated
// settings; distributed running is in pytorchDistributed.ts, training in pytorchTraining.ts.

export const PYTORCH_PRELUDE = `
import argparse
import datetime
import gzip
import json
import math
import os
import random
import socket
import struct
import sys
import time

import numpy as np
import torch
import torch.nn as nn
import torch.distributed as dist
import torch.nn.functional as F
import torch.nn.utils.prune as prune
from torch.nn.parallel import DistributedDataParallel


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


`;
