// AssemblyScript, compiled to WebAssembly with SIMD by scripts/build-wasm.mjs. One Adam update
// (Kingma & Ba 2015, in the order tf.train.adam computes it) of n float32 values, four at a
// time. The module imports the memory of tfjs's wasm backend, so it reads the gradient and
// the weights where tfjs keeps them and writes the new weights into a tensor tfjs allocated:
// no copies. It keeps no data of its own (no static data, no allocation), so it never writes
// outside the five arrays it is given. f32x4 +, *, / and sqrt are exactly rounded IEEE float32,
// as tfjs's own kernels are, so the result is bit-identical to tf.train.adam on wasm.

/** m = b1 m + c1 g; v = b2 v + c2 g^2; out = w + (m / oma1) / (sqrt(v / oma2) + eps) * negRate. */
export function adam(
  g: usize, w: usize, m: usize, v: usize, out: usize, n: i32,
  b1: f32, c1: f32, b2: f32, c2: f32, oma1: f32, oma2: f32, eps: f32, negRate: f32,
): void {
  const vb1 = f32x4.splat(b1), vc1 = f32x4.splat(c1), vb2 = f32x4.splat(b2), vc2 = f32x4.splat(c2);
  const vo1 = f32x4.splat(oma1), vo2 = f32x4.splat(oma2), veps = f32x4.splat(eps), vrate = f32x4.splat(negRate);
  const whole = n & ~3;
  for (let i = 0; i < whole; i += 4) {
    const o = <usize>i << 2;
    const gi = v128.load(g + o);
    const mi = f32x4.add(f32x4.mul(v128.load(m + o), vb1), f32x4.mul(gi, vc1));
    const vi = f32x4.add(f32x4.mul(v128.load(v + o), vb2), f32x4.mul(f32x4.mul(gi, gi), vc2));
    v128.store(m + o, mi);
    v128.store(v + o, vi);
    const step = f32x4.div(f32x4.div(mi, vo1), f32x4.add(f32x4.sqrt(f32x4.div(vi, vo2)), veps));
    v128.store(out + o, f32x4.add(f32x4.mul(step, vrate), v128.load(w + o)));
  }
  for (let i = whole; i < n; i++) {
    const o = <usize>i << 2;
    const gi = load<f32>(g + o);
    const mi = load<f32>(m + o) * b1 + gi * c1;
    const vi = load<f32>(v + o) * b2 + gi * gi * c2;
    store<f32>(m + o, mi);
    store<f32>(v + o, vi);
    store<f32>(out + o, (mi / oma1 / (Mathf.sqrt(vi / oma2) + eps)) * negRate + load<f32>(w + o));
  }
}
