"""numpy reference for the compression kernels, run by `npm run bench` in the same session.
Prints JSON: [{kernel, n, medianMs}] with the same kernel names as src/bench/kernel-bench.ts."""
import json, sys, time
import numpy as np

def median_ms(fn, reps):
    fn()
    times = []
    for _ in range(reps):
        t = time.perf_counter(); fn(); times.append((time.perf_counter() - t) * 1000)
    return sorted(times)[len(times) // 2]

rows = []
for n in (266_200, 10_000_000):
    reps = 5 if n > 1e6 else 21
    w = (np.random.default_rng(1).standard_normal(n) * 0.05).astype(np.float32)
    k = round(0.9 * n)
    mask = np.abs(w) > np.partition(np.abs(w), k - 1)[k - 1]
    def q4():
        scale = np.abs(w).max() / 7
        return np.clip(np.round(w / scale), -7, 7).astype(np.float32) * scale
    for name, fn, r in [
        ('threshold 90%: abs + full sort', lambda: np.sort(np.abs(w))[k - 1], min(reps, 5)),
        ('threshold 90%: abs + quickselect', lambda: np.partition(np.abs(w), k - 1)[k - 1], reps),
        ('apply mask', lambda: w * mask, reps),
        ('4-bit quantize + dequantize', q4, reps),
    ]:
        rows.append({'kernel': name, 'n': n, 'medianMs': round(median_ms(fn, r), 2)})
json.dump(rows, sys.stdout)
