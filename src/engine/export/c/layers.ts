// The three layer kinds of the exported C file, computed straight from the encoded streams one
// kept weight at a time (runtime.ts reads the streams). C99, no malloc, nothing beyond the C
// standard library.

/** The layers: dense, stride-1 convolution and max pooling; the .c file holds them after C_RUNTIME. */
export const C_LAYERS = String.raw`/* ---- Layers --------------------------------------------------------------------------- */

static void cpg_relu(float *y, uint32_t n) {
  uint32_t i;
  for (i = 0; i < n; i++) if (y[i] < 0.0f) y[i] = 0.0f;
}

/* y = x W + b (W of k->rows x k->units), visiting only the kept weights. */
void cpg_dense(const cpg_kernel *k, const float *x, float *y, int relu) {
  cpg_walk w;
  cpg_reader codes;
  float levels[256];
  uint32_t p, last = 0, row = 0, unit = 0, n = k->rows * k->units;
  cpg_bias(k->bias, y);
  cpg_levels(k, levels);
  cpg_walk_start(&w, k);
  cpg_start(&codes, &k->codes);
  while ((p = cpg_next(&w)) < n) {
    unit += p - last;
    last = p;
    while (unit >= k->units) { unit -= k->units; row++; }
    y[unit] += x[row] * cpg_value(k, &codes, levels, unit);
  }
  if (relu) cpg_relu(y, k->units);
}

/* A stride-1 convolution, channels last; each kept weight is applied at every output pixel. */
void cpg_conv2d(const cpg_kernel *k, int size, int pad, int in_h, int in_w, int in_c, const float *x,
                int out_h, int out_w, float *y, int relu) {
  cpg_walk w;
  cpg_reader codes;
  float levels[256];
  uint32_t p, last = 0, row = 0, unit = 0, n = k->rows * k->units, units = k->units;
  int oy, ox;
  cpg_bias(k->bias, y); /* the first pixel's, copied to every other */
  for (p = 1; p < (uint32_t)(out_h * out_w); p++) memcpy(y + p * units, y, units * sizeof *y);
  cpg_levels(k, levels);
  cpg_walk_start(&w, k);
  cpg_start(&codes, &k->codes);
  while ((p = cpg_next(&w)) < n) {
    int ky, kx, ci;
    float v;
    unit += p - last;
    last = p;
    while (unit >= units) { unit -= units; row++; }
    v = cpg_value(k, &codes, levels, unit);
    ky = (int)row / (size * in_c);
    kx = ((int)row / in_c) % size;
    ci = (int)row % in_c;
    for (oy = 0; oy < out_h; oy++) {
      int iy = oy + ky - pad;
      if (iy < 0 || iy >= in_h) continue;
      for (ox = 0; ox < out_w; ox++) {
        int ix = ox + kx - pad;
        if (ix < 0 || ix >= in_w) continue;
        y[(uint32_t)(oy * out_w + ox) * units + unit] += x[(iy * in_w + ix) * in_c + ci] * v;
      }
    }
  }
  if (relu) cpg_relu(y, (uint32_t)(out_h * out_w) * units);
}

/* size x size max pooling, stride size, channels last. */
void cpg_max_pool(const float *x, int in_h, int in_w, int channels, int size, float *y) {
  int oy, ox, c, dy, dx, out_h = in_h / size, out_w = in_w / size;
  for (oy = 0; oy < out_h; oy++)
    for (ox = 0; ox < out_w; ox++)
      for (c = 0; c < channels; c++) {
        float m = x[((oy * size) * in_w + ox * size) * channels + c];
        for (dy = 0; dy < size; dy++)
          for (dx = 0; dx < size; dx++) {
            float v = x[((oy * size + dy) * in_w + ox * size + dx) * channels + c];
            if (v > m) m = v;
          }
        y[(oy * out_w + ox) * channels + c] = m;
      }
}
`;
