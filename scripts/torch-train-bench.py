"""Native reference for `npm run bench`: LeNet-300-100 trained by PyTorch on the CPU, on the same
MNIST files and with the same setup as the browser (784-300-100-10, ReLU, Glorot normal init,
Adam 1.2e-3, shuffled batches of the first 55,000 training images).

Usage: python3 scripts/torch-train-bench.py THREADS IMAGES_IDX LABELS_IDX SECONDS BATCH [BATCH ...]
Prints JSON {torch, rows: [{batchSize, threads, adam, steps, seconds, samplesPerSecond}]}: one
row per batch size and Adam implementation. PyTorch 1.13's default Adam on the CPU updates one
tensor at a time and is about 3x slower at batch 60 here than its multi-tensor (foreach) variant,
so both are measured and the faster is the native bar. Run once per thread count, with
OPENBLAS_NUM_THREADS set to the same number (npm run bench does).
Reads the IDX file with the standard library only: Debian's torch and a pip numpy 2 do not
always agree, so numpy is not needed here."""
import gzip, json, struct, sys, time
import torch

TRAIN = 55_000


def read_idx(path):
    opener = gzip.open if path.endswith('.gz') else open
    with opener(path, 'rb') as f:
        return f.read()


def read_images(path):
    raw = read_idx(path)
    magic, count, rows, cols = struct.unpack('>IIII', raw[:16])
    if magic != 2051:
        raise SystemExit(f'{path} is not an IDX image file (magic {magic})')
    pixels = torch.frombuffer(bytearray(raw[16:16 + count * rows * cols]), dtype=torch.uint8)
    return pixels.view(count, rows * cols)[:TRAIN].float().div_(255)


def read_labels(path):
    raw = read_idx(path)
    magic, count = struct.unpack('>II', raw[:8])
    if magic != 2049:
        raise SystemExit(f'{path} is not an IDX label file (magic {magic})')
    return torch.frombuffer(bytearray(raw[8:8 + count]), dtype=torch.uint8)[:TRAIN].long()


def lenet_300_100():
    model = torch.nn.Sequential(
        torch.nn.Linear(784, 300), torch.nn.ReLU(),
        torch.nn.Linear(300, 100), torch.nn.ReLU(),
        torch.nn.Linear(100, 10),
    )
    for layer in model:
        if isinstance(layer, torch.nn.Linear):
            torch.nn.init.xavier_normal_(layer.weight)
            torch.nn.init.zeros_(layer.bias)
    return model


def measure(x, y, batch, seconds, foreach):
    torch.manual_seed(0)
    model = lenet_300_100()
    opt = torch.optim.Adam(model.parameters(), lr=1.2e-3, foreach=foreach)
    loss_fn = torch.nn.CrossEntropyLoss()
    order = torch.randperm(TRAIN)
    cursor = 0

    def step():
        nonlocal cursor, order
        if cursor + batch > TRAIN:
            order, cursor = torch.randperm(TRAIN), 0
        idx = order[cursor:cursor + batch]
        cursor += batch
        opt.zero_grad(set_to_none=True)
        loss = loss_fn(model(x[idx]), y[idx])
        loss.backward()
        opt.step()
        return loss

    for _ in range(20):
        step()
    steps, t0 = 0, time.perf_counter()
    while time.perf_counter() - t0 < seconds:
        for _ in range(10):
            last = step()
        steps += 10
    float(last)  # the browser side ends each block with a readback too
    elapsed = time.perf_counter() - t0
    return {'steps': steps, 'seconds': round(elapsed, 2), 'samplesPerSecond': round(steps * batch / elapsed)}


def main():
    threads, images, labels, seconds = int(sys.argv[1]), sys.argv[2], sys.argv[3], float(sys.argv[4])
    batches = [int(b) for b in sys.argv[5:]]
    x, y = read_images(images), read_labels(labels)
    torch.set_num_threads(threads)
    rows = []
    for batch in batches:
        for adam, foreach in (('default', None), ('foreach', True)):
            rows.append({'batchSize': batch, 'threads': threads, 'adam': adam, **measure(x, y, batch, seconds, foreach)})
    json.dump({'torch': torch.__version__, 'rows': rows}, sys.stdout)


main()
