// PyTorch, the baseline of `npm run bench`'s headline figure (trainVsNative: the browser's
// training speed against PyTorch on the same CPU). Without it the figure cannot be measured, and
// a bench that then exits 0 hides that: so the bench finds a Python that imports torch, installs
// Debian's package itself when it runs as root with apt, and otherwise stops at once with the one
// command that installs it. Debian's python3-torch lives in /usr/bin/python3, which need not be
// the python3 on PATH (pyenv).
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const TORCH_PACKAGES = ['python3-torch', 'libopenblas0'];
export const TORCH_INSTALL = `apt-get install -y ${TORCH_PACKAGES.join(' ')}`;

/** What the checks touch, replaceable in tests. */
export const SYSTEM = {
  candidates: () => [process.env.BENCH_PYTHON, 'python3', '/usr/bin/python3'].filter(Boolean),
  importsTorch: (python) => {
    try {
      execFileSync(python, ['-c', 'import torch'], { stdio: 'ignore' });
      return true;
    } catch {
      return false;
    }
  },
  isRoot: () => process.getuid?.() === 0,
  hasApt: () => existsSync('/usr/bin/apt-get'),
  apt: (args) => execFileSync('apt-get', args, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } }),
  log: (line) => console.log(line),
};

/** The first candidate Python that imports torch, or null. */
export function findTorchPython(system = SYSTEM) {
  return system.candidates().find((python) => system.importsTorch(python)) ?? null;
}

/** { python } that imports torch (installed first if need be and possible), or { error }: a
 * sentence with the command that installs it. */
export function ensureTorch(overrides = {}) {
  const system = { ...SYSTEM, ...overrides };
  const found = findTorchPython(system);
  if (found) return { python: found };
  if (system.isRoot() && system.hasApt()) {
    system.log(`PyTorch, the bench's baseline, is not installed: running ${TORCH_INSTALL}`);
    const install = () => system.apt(['install', '-y', ...TORCH_PACKAGES]);
    try {
      install();
    } catch {
      // A fresh machine may have no package lists yet.
      try {
        system.apt(['update']);
        install();
      } catch {
        // said below
      }
    }
    const installed = findTorchPython(system);
    if (installed) return { python: installed };
    return { error: `npm run bench needs PyTorch for trainVsNative, and "${TORCH_INSTALL}" did not give a Python that imports torch (tried ${system.candidates().join(', ')}). Set BENCH_PYTHON to one that does.` };
  }
  return {
    error:
      `npm run bench needs PyTorch for its headline figure (trainVsNative), and no Python here imports torch (tried ${system.candidates().join(', ')}). Install it, as root, with:\n` +
      `  ${TORCH_INSTALL}\n` +
      'It goes into Debian\'s /usr/bin/python3, which the bench finds even when another python3 is on PATH. (BENCH_PARTS without "native" measures the rest.)',
  };
}
