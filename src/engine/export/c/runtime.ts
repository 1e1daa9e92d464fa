// The fixed part of the exported C file: reading the encoded layout (packed or canonical Huffman
// streams, bitmask or gap positions) one kept weight at a time; layers.ts holds the layers that
// use it. C99, no malloc, nothing beyond the C standard library.
// Each weight's value is computed as the engine computes it (scale times code offset, in double
// precision, rounded once to float), so the program multiplies by the very floats the
// playground evaluated; only the order of the additions differs.

/** Types and declarations every generated header carries. */
export const C_TYPES = String.raw`/* A stream of fixed-width symbols: packed least significant bit first, or canonical Huffman
 * (DEFLATE's code order, each code written most significant bit first) when lengths != 0. */
typedef struct {
  const uint8_t *data;    /* the packed bits or the Huffman payload */
  uint32_t size;          /* bytes of data */
  const uint8_t *lengths; /* Huffman only: a 4-bit code length per symbol, two per byte */
  uint8_t bits;           /* bits per symbol */
  uint32_t count;         /* symbols in the stream */
} cpg_stream;

enum { CPG_ALL_KEPT = 0, CPG_BITMASK = 1, CPG_GAPS = 2 };
enum { CPG_FLOAT32 = 0, CPG_SYMMETRIC = 1, CPG_AFFINE = 2, CPG_FLOAT16 = 3, CPG_KMEANS = 4 };

/* One kernel as the file stores it: rows x units row-major (a conv kernel's rows are
 * kernel row, kernel column, input channel), only the kept weights, one code each. A layer's
 * biases are stored the same way, as a 1 x units kernel (float16 when auto-compressed). */
typedef struct cpg_kernel cpg_kernel;
struct cpg_kernel {
  uint32_t rows, units;
  uint8_t positions;       /* CPG_ALL_KEPT, CPG_BITMASK or CPG_GAPS */
  const uint8_t *bitmask;  /* CPG_BITMASK: bit i set when weight i is kept */
  cpg_stream gaps;         /* CPG_GAPS: pruned weights before each kept one; 2^bits - 1 = skip, no weight */
  uint8_t scheme, bits, per_channel;
  const float *scales;     /* CPG_SYMMETRIC, CPG_AFFINE: one, or one per unit */
  const uint8_t *zero_points;
  const float *codebook;   /* CPG_KMEANS */
  cpg_stream codes;
  const cpg_kernel *bias;  /* the layer's biases (0 in a bias itself) */
};
`;

/** Stream and weight reading: the start of every generated .c file's body (C_LAYERS follows). */
export const C_RUNTIME = String.raw`#include <string.h>

/* ---- Streams -------------------------------------------------------------------------- */

typedef struct {
  const uint8_t *data;
  uint32_t size, next, acc;
  int have, bits, huffman;
  int count[16];           /* Huffman: codes of each length */
  uint16_t symbol[256];    /* Huffman: symbols in canonical order */
  uint16_t fast[256];      /* Huffman: the next 8 bits -> length << 8 | symbol (0: longer code) */
} cpg_reader;

static void cpg_fill(cpg_reader *r) {
  while (r->have <= 24 && r->next < r->size) {
    r->acc |= (uint32_t)r->data[r->next++] << r->have;
    r->have += 8;
  }
}

static unsigned cpg_length_of(const cpg_stream *s, unsigned symbol) {
  return (s->lengths[symbol >> 1] >> ((symbol & 1u) * 4u)) & 15u;
}

/* Fills the 8-bit lookup table: a code of length len <= 8 read first-bit-first is the low len
 * bits of the next byte of the stream, reversed. */
static void cpg_fast_table(cpg_reader *r, const cpg_stream *s) {
  unsigned next[16], i, len, code, reversed, b, symbols = 1u << s->bits;
  next[1] = 0;
  for (len = 1; len < 15; len++) next[len + 1] = (next[len] + (unsigned)r->count[len]) << 1;
  for (i = 0; i < 256; i++) r->fast[i] = 0;
  for (i = 0; i < symbols; i++) {
    len = cpg_length_of(s, i);
    if (len == 0) continue;
    code = next[len]++;
    if (len > 8) continue;
    for (reversed = 0, b = 0; b < len; b++) reversed |= ((code >> b) & 1u) << (len - 1u - b);
    for (b = reversed; b < 256; b += 1u << len) r->fast[b] = (uint16_t)((len << 8) | i);
  }
}

static void cpg_start(cpg_reader *r, const cpg_stream *s) {
  int offset[16];
  unsigned i, len, symbols = 1u << s->bits;
  r->data = s->data;
  r->size = s->size;
  r->next = 0;
  r->acc = 0;
  r->have = 0;
  r->bits = s->bits;
  r->huffman = s->lengths != 0;
  if (!r->huffman) return;
  for (len = 0; len < 16; len++) r->count[len] = 0;
  for (i = 0; i < symbols; i++) r->count[cpg_length_of(s, i)]++;
  offset[1] = 0;
  for (len = 1; len < 15; len++) offset[len + 1] = offset[len] + r->count[len];
  for (i = 0; i < symbols; i++) {
    len = cpg_length_of(s, i);
    if (len != 0) r->symbol[offset[len]++] = (uint16_t)i;
  }
  cpg_fast_table(r, s);
}

static uint32_t cpg_take(cpg_reader *r, int bits) {
  uint32_t v;
  cpg_fill(r);
  v = r->acc & ((1u << bits) - 1u);
  r->acc >>= bits;
  r->have -= bits;
  return v;
}

/* The next symbol. Huffman codes of up to 8 bits come from the lookup table; longer ones are
 * decoded as in zlib's puff.c, one bit at a time in canonical order. */
static uint32_t cpg_read(cpg_reader *r) {
  int len, code = 0, first = 0, index = 0;
  uint16_t hit;
  if (!r->huffman) {
    if (r->bits == 32) {
      uint32_t low = cpg_take(r, 16);
      return low | (cpg_take(r, 16) << 16);
    }
    return cpg_take(r, r->bits);
  }
  if (r->have < 8) cpg_fill(r);
  hit = r->fast[r->acc & 255u];
  if (hit != 0 && (int)(hit >> 8) <= r->have) {
    r->acc >>= hit >> 8;
    r->have -= hit >> 8;
    return hit & 255u;
  }
  for (len = 1; len < 16; len++) {
    int count;
    if (r->have == 0) cpg_fill(r);
    code |= (int)(r->acc & 1u);
    r->acc >>= 1;
    r->have--;
    count = r->count[len];
    if (code - count < first) return r->symbol[index + (code - first)];
    index += count;
    first = (first + count) << 1;
    code <<= 1;
  }
  return 0; /* not reached: the playground checked every stream before writing this file */
}

/* ---- Weights -------------------------------------------------------------------------- */

/* Walks the kept positions of a kernel in row-major order. */
typedef struct {
  const cpg_kernel *k;
  uint32_t n, pos, left, skip;
  cpg_reader gaps;
} cpg_walk;

static void cpg_walk_start(cpg_walk *w, const cpg_kernel *k) {
  w->k = k;
  w->n = k->rows * k->units;
  w->pos = 0;
  if (k->positions == CPG_GAPS) {
    cpg_start(&w->gaps, &k->gaps);
    w->left = k->gaps.count;
    w->skip = (1u << k->gaps.bits) - 1u;
  }
}

/* The next kept position, or n when there is none. */
static uint32_t cpg_next(cpg_walk *w) {
  const cpg_kernel *k = w->k;
  if (k->positions == CPG_ALL_KEPT) return w->pos < w->n ? w->pos++ : w->n;
  if (k->positions == CPG_BITMASK) {
    while (w->pos < w->n && !((k->bitmask[w->pos >> 3] >> (w->pos & 7u)) & 1u)) w->pos++;
    return w->pos < w->n ? w->pos++ : w->n;
  }
  while (w->left > 0) {
    uint32_t gap = cpg_read(&w->gaps);
    w->left--;
    w->pos += gap;
    if (gap != w->skip) return w->pos++;
  }
  return w->n;
}

static float cpg_bits_to_float(uint32_t bits) {
  float f; /* IEEE 754 binary32, as on every target gcc and clang support */
  memcpy(&f, &bits, sizeof f);
  return f;
}

static float cpg_half(uint32_t h) {
  uint32_t sign = (h & 0x8000u) << 16, exponent = (h >> 10) & 31u, mantissa = h & 1023u;
  if (exponent == 0) { /* zero or subnormal: mantissa * 2^-24, exact in float */
    float v = (float)mantissa * 5.9604644775390625e-8f;
    return sign ? -v : v;
  }
  return cpg_bits_to_float(sign | ((exponent + 112u) << 23) | (mantissa << 13));
}

/* The value code q stands for in unit (channel) g, as docs/FORMAT.md defines it. */
static float cpg_level(const cpg_kernel *k, uint32_t g, uint32_t q) {
  double scale = k->scales[k->per_channel ? g : 0];
  double offset;
  if (k->scheme == CPG_SYMMETRIC && k->bits == 1) return (float)(q ? scale : -scale);
  offset = k->scheme == CPG_AFFINE ? (double)k->zero_points[k->per_channel ? g : 0] : (double)((1 << (k->bits - 1)) - 1);
  return (float)(scale * ((double)q - offset));
}

/* Codes whose value does not depend on the unit, computed once per layer. */
static void cpg_levels(const cpg_kernel *k, float levels[256]) {
  uint32_t q;
  if ((k->scheme == CPG_SYMMETRIC || k->scheme == CPG_AFFINE) && !k->per_channel)
    for (q = 0; q < (1u << k->bits); q++) levels[q] = cpg_level(k, 0, q);
}

static float cpg_value(const cpg_kernel *k, cpg_reader *codes, const float levels[256], uint32_t unit) {
  uint32_t q = cpg_read(codes);
  switch (k->scheme) {
    case CPG_FLOAT32: return cpg_bits_to_float(q);
    case CPG_FLOAT16: return cpg_half(q);
    case CPG_KMEANS: return k->codebook[q];
    default: return k->per_channel ? cpg_level(k, unit, q) : levels[q];
  }
}

/* A layer's biases, one per unit, into y (each decoded as a kernel's weights are). */
static void cpg_bias(const cpg_kernel *b, float *y) {
  cpg_walk w;
  cpg_reader codes;
  float levels[256];
  uint32_t p, n = b->rows * b->units;
  for (p = 0; p < n; p++) y[p] = 0.0f;
  cpg_levels(b, levels);
  cpg_walk_start(&w, b);
  cpg_start(&codes, &b->codes);
  while ((p = cpg_next(&w)) < n) y[p] = cpg_value(b, &codes, levels, p % b->units);
}
`;
