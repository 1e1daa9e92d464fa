// `npm run bench` on a fresh machine printed "trainVsNative not measured" and exited 0 (issue 16,
// item 14): its baseline, PyTorch, must be found, installed (as root with apt) or asked for.
import { describe, expect, it } from 'vitest';
import { ensureTorch, TORCH_INSTALL } from '../../scripts/bench-baseline.mjs';

/** A machine where `withTorch` Pythons import torch, and installing adds `afterInstall`. */
function machine(opts: { withTorch?: string[]; root?: boolean; apt?: boolean; afterInstall?: string[]; installFailsUntilUpdate?: boolean }) {
  const calls: string[][] = [];
  let torch = new Set(opts.withTorch ?? []);
  let updated = false;
  return {
    calls,
    system: {
      candidates: () => ['python3', '/usr/bin/python3'],
      importsTorch: (python: string) => torch.has(python),
      isRoot: () => opts.root ?? false,
      hasApt: () => opts.apt ?? false,
      apt: (args: string[]) => {
        calls.push(args);
        if (args[0] === 'update') updated = true;
        else if (opts.installFailsUntilUpdate && !updated) throw new Error('Unable to locate package python3-torch');
        else torch = new Set([...torch, ...(opts.afterInstall ?? [])]);
      },
      log: () => undefined,
    },
  };
}

describe('the bench baseline (PyTorch)', () => {
  it('uses Debian\'s /usr/bin/python3 when the python3 on PATH has no torch, and installs nothing', () => {
    const m = machine({ withTorch: ['/usr/bin/python3'], root: true, apt: true });
    expect(ensureTorch(m.system)).toEqual({ python: '/usr/bin/python3' });
    expect(m.calls).toEqual([]);
  });

  it('without torch and without root: an error that gives the one install command', () => {
    const m = machine({ root: false, apt: true });
    const result = ensureTorch(m.system);
    expect(result.python).toBeUndefined();
    expect(result.error).toContain(`\n  ${TORCH_INSTALL}\n`);
    expect(TORCH_INSTALL).toBe('apt-get install -y python3-torch libopenblas0');
    expect(m.calls).toEqual([]);
  });

  it('as root with apt: installs the package, updating the lists first if the install fails', () => {
    const plain = machine({ root: true, apt: true, afterInstall: ['/usr/bin/python3'] });
    expect(ensureTorch(plain.system)).toEqual({ python: '/usr/bin/python3' });
    expect(plain.calls).toEqual([['install', '-y', 'python3-torch', 'libopenblas0']]);
    const fresh = machine({ root: true, apt: true, afterInstall: ['/usr/bin/python3'], installFailsUntilUpdate: true });
    expect(ensureTorch(fresh.system)).toEqual({ python: '/usr/bin/python3' });
    expect(fresh.calls.map((c) => c[0])).toEqual(['install', 'update', 'install']);
  });

  it('says so when installing did not help', () => {
    const m = machine({ root: true, apt: true, afterInstall: [] });
    expect(ensureTorch(m.system).error).toMatch(/did not give a Python that imports torch \(tried python3, \/usr\/bin\/python3\)/);
  });
});
