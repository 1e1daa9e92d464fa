"""numpy reference for the compression kernels, run by `npm run bench` in the same session.
Prints JSON: [{kernel, n, medianMs}] with the same kernel names as src/bench/kernel-bench.ts.
Same rules as there: three untimed calls first, median of repeats (each a ~2 ms batch of
calls), and `out=` wherever the engine writes into a reused array."""
import json, sys, time
import numpy as np

WARM_UP = 3
SAMPLE_MS = 2  # each timed sample is a batch of calls lasting about this long, as in the page

def median_ms(fn, reps):
    first = 0
    for _ in range(WARM_UP):
        t = time.perf_counter(); fn(); first = (time.perf_counter() - t) * 1000
    calls = max(1, min(1000, -(-SAMPLE_MS // max(first, 0.005))))
    calls = int(calls)
    times = []
    for _ in range(reps):
        t = time.perf_counter()
        for _ in range(calls):
            fn()
        times.append((time.perf_counter() - t) * 1000 / calls)
    return sorted(times)[len(times) // 2]

rows = []
for n in (266_200, 10_000_000):
    reps = 7 if n > 1e6 else 31
    w = (np.random.default_rng(1).standard_normal(n) * 0.05).astype(np.float32)
    k = round(0.9 * n)
    a = np.abs(w)
    mask = np.abs(w) > np.partition(np.abs(w), k - 1)[k - 1]
    out = np.empty_like(w)
    t = np.empty_like(w)
    codes = np.empty(n, dtype=np.int8)
    mags = np.empty_like(w)
    def kth_in_place(k):
        np.abs(w, out=mags)
        mags.partition(k - 1)
        return mags[k - 1]
    def q4():
        # Codes and dequantized values into reused arrays, as the engine's benchmark does.
        scale = np.abs(w).max() / 7
        np.divide(w, scale, out=t)
        np.round(t, out=t)
        np.clip(t, -7, 7, out=t)
        codes[:] = t
        return np.multiply(codes, scale, out=out, casting='unsafe')
    for name, fn, r in [
        # |w| into a reused array, partitioned in place: the engine's threshold reuses its
        # scratch too, and this measured ~15% faster than np.partition(np.abs(w), k - 1).
        ('threshold 90%: k-th smallest |w|', lambda: kth_in_place(k), reps),
        ('sort |w| (radix sort)', lambda: np.sort(a), min(reps, 7)),
        ('apply mask (new array)', lambda: w * mask, reps),
        ('copy into a new array (allocation, no kernel)', lambda: w.copy(), reps),
        ('apply mask (reused output)', lambda: np.multiply(w, mask, out=out), reps),
        ('4-bit quantize + dequantize (reused output)', q4, reps),
    ]:
        rows.append({'kernel': name, 'n': n, 'medianMs': round(median_ms(fn, r), 3)})
json.dump(rows, sys.stdout)
