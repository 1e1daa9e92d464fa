// The optional main() of the exported C file (compiled with -DCPG_MAIN): reads the MNIST test
// files (uncompressed IDX) from a directory, classifies every image with cpg_predict and prints
// the accuracy and the time per image. Only this part uses stdio and the clock; predict() does
// not. The images are read before the clock starts, so the time is inference alone.
export const C_MAIN = String.raw`
#ifdef CPG_MAIN
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#define CPG_MAX_IMAGES 10000
static uint8_t cpg_images[CPG_MAX_IMAGES][CPG_INPUT_SIZE];
static uint8_t cpg_labels[CPG_MAX_IMAGES];

static uint32_t cpg_big_endian(const uint8_t b[4]) {
  return ((uint32_t)b[0] << 24) | ((uint32_t)b[1] << 16) | ((uint32_t)b[2] << 8) | (uint32_t)b[3];
}

/* Opens dir/name for the first name that exists. */
static FILE *cpg_open(const char *dir, const char *const names[2], char *path, size_t size) {
  int i;
  for (i = 0; i < 2; i++) {
    FILE *f;
    snprintf(path, size, "%s/%s", dir, names[i]);
    f = fopen(path, "rb");
    if (f) return f;
  }
  return 0;
}

/* Reads an IDX file's header and its items into out; returns the item count, or -1. */
static long cpg_read_idx(const char *dir, const char *const names[2], uint32_t magic, size_t item, uint8_t *out) {
  char path[4096];
  uint8_t header[16];
  size_t header_size = magic == 0x803u ? 16 : 8;
  uint32_t count;
  FILE *f = cpg_open(dir, names, path, sizeof path);
  if (!f) {
    fprintf(stderr, "Cannot open %s/%s (or %s): gunzip the playground's public/data/mnist files or use the original MNIST test files.\n", dir, names[0], names[1]);
    return -1;
  }
  if (fread(header, 1, header_size, f) != header_size || cpg_big_endian(header) != magic ||
      (magic == 0x803u && (cpg_big_endian(header + 8) != 28 || cpg_big_endian(header + 12) != 28))) {
    fprintf(stderr, "%s is not an MNIST IDX file of the expected kind.\n", path);
    fclose(f);
    return -1;
  }
  count = cpg_big_endian(header + 4);
  if (count > CPG_MAX_IMAGES) count = CPG_MAX_IMAGES;
  if (fread(out, item, count, f) != count) {
    fprintf(stderr, "%s ends before its %lu items.\n", path, (unsigned long)count);
    fclose(f);
    return -1;
  }
  fclose(f);
  return (long)count;
}

int main(int argc, char **argv) {
  static const char *const image_names[2] = { "t10k-images-idx3-ubyte", "test-images.idx" };
  static const char *const label_names[2] = { "t10k-labels-idx1-ubyte", "test-labels.idx" };
  float pixel[256], input[CPG_INPUT_SIZE], logits[CPG_CLASSES];
  long images, labels, i, correct = 0;
  int j;
  clock_t start, end;
  double seconds;
  if (argc != 2 && argc != 3) {
    fprintf(stderr, "Usage: %s DIR [COUNT]   (DIR holds the MNIST test images and labels, uncompressed IDX;\n"
                    "COUNT: classify only the first COUNT images)\n", argv[0]);
    return 2;
  }
  images = cpg_read_idx(argv[1], image_names, 0x803u, CPG_INPUT_SIZE, &cpg_images[0][0]);
  labels = cpg_read_idx(argv[1], label_names, 0x801u, 1, cpg_labels);
  if (images < 0 || labels < 0) return 1;
  if (images != labels || images == 0) {
    fprintf(stderr, "The image and label files hold %ld and %ld items.\n", images, labels);
    return 1;
  }
  if (argc == 3) {
    long limit = strtol(argv[2], 0, 10);
    if (limit < 1) {
      fprintf(stderr, "COUNT must be a whole number from 1.\n");
      return 2;
    }
    if (limit < images) images = limit;
  }
  for (j = 0; j < 256; j++) pixel[j] = (float)((double)j / 255.0); /* as the playground scales pixels */
  start = clock();
  for (i = 0; i < images; i++) {
    for (j = 0; j < CPG_INPUT_SIZE; j++) input[j] = pixel[cpg_images[i][j]];
    if (cpg_predict(input, logits) == (int)cpg_labels[i]) correct++;
  }
  end = clock();
  seconds = (double)(end - start) / CLOCKS_PER_SEC;
  printf("images %ld\n", images);
  printf("correct %ld\n", correct);
  printf("accuracy %.4f%%\n", 100.0 * (double)correct / (double)images);
  printf("microseconds per image %.2f\n", 1e6 * seconds / (double)images);
  printf("weight array bytes %lu\n", (unsigned long)CPG_WEIGHT_BYTES);
  return 0;
}
#endif
`;
