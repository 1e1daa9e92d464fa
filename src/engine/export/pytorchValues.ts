// Values as they go into an exported PyTorch script. The settings come from a share link, that
// is from anyone, and the file is meant to be run: every value is checked against a closed list
// or a number range before it is written, and text goes in only from a closed character set.

export function check(ok: boolean, what: string): void {
  if (!ok) throw new Error(`Cannot export a PyTorch script: ${what}.`);
}

export const isWhole = (n: unknown, min: number, max: number): n is number =>
  typeof n === 'number' && Number.isInteger(n) && n >= min && n <= max;

export const isIn = <T extends string>(value: unknown, allowed: readonly T[]): value is T =>
  typeof value === 'string' && (allowed as readonly string[]).includes(value);

/** A finite number as a Python literal (JS and Python agree on 0.0012, 1e-7, 300). */
export function py(n: number): string {
  check(typeof n === 'number' && Number.isFinite(n), `${String(n)} is not a finite number`);
  return String(n);
}

export const pyBool = (b: boolean): string => (b ? 'True' : 'False');

/** Text the script prints or records (run names, labels): printable, no quote, no backslash. */
const SAFE_TEXT = /^[ !#-[\]-~·→]*$/;

/** A Python string literal of text built by the exporter itself (labels from the registries). */
export function pyText(text: string): string {
  check(typeof text === 'string' && text.length <= 200 && SAFE_TEXT.test(text), 'a label holds characters a script cannot take');
  return `"${text}"`;
}

/** The characters a share link's hash holds (URLSearchParams writes letters, digits, * - . _ + %
 * and = &): the results file names the link as the run's settings, so "Open" in the History
 * restores them. */
const LINK_TEXT = /^[A-Za-z0-9_.!~*'()%=&,+-]*$/;

export function pyLink(link: string | undefined): string {
  const text = (link ?? '').replace(/^#/, '');
  check(text.length <= 4096 && LINK_TEXT.test(text), 'the share link holds characters a script cannot take');
  return `"${text}"`;
}

export const percent = (f: number): string => `${Number((f * 100).toFixed(3))}%`;

/** How to run a script: one process, N spawned, a launcher, a GPU; and where results go. */
export function runInstructions(file: string, isMnist: boolean): string {
  const data = isMnist ? ' --data path/to/mnist' : '';
  return `Run (--data: the four MNIST IDX files, gzipped or not; --download fetches them with torchvision):
  python3 ${file}${data}                      # one process
  python3 ${file}${data} --nproc 4            # 4 local processes, DistributedDataParallel
  torchrun --nproc_per_node 4 ${file}${data}  # or srun, a PyTorchJob: any launcher that sets
                                              # RANK, WORLD_SIZE, LOCAL_RANK, MASTER_ADDR, MASTER_PORT
  python3 ${file}${data} --device cuda        # on the GPU (nccl between processes; gloo on the CPU)
Each process takes its share of every batch; the loss is scaled so the averaged gradient is the
whole batch's mean, so the results match one process up to float summation order.
--results FILE names the results JSON (default: next to where you run it): open the playground's
History, choose Import, and the run appears beside the browser's runs, marked as PyTorch's.`;
}
