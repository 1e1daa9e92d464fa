// The worker's data loader in Node, fetching the real gzip MNIST files from public/data/mnist
// through a stubbed fetch: loads that overlap share one download (issue 16 item 7: Train, then
// an import or a lottery run while MNIST loads, downloaded and built it twice).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DataStatus } from './protocol';

const MNIST_DIR = join(__dirname, '../../public/data/mnist');

let requests: string[] = [];
/** When set, the next requests fail as a dropped connection would. */
let offline = false;

beforeEach(() => {
  vi.resetModules();
  requests = [];
  offline = false;
  vi.stubGlobal('self', { location: { origin: 'http://playground.test' } });
  vi.stubGlobal('fetch', async (url: string) => {
    requests.push(url);
    if (offline) throw new TypeError('Failed to fetch');
    const file = new URL(url).pathname.split('/').at(-1)!;
    return new Response(readFileSync(join(MNIST_DIR, file)));
  });
});
afterEach(() => vi.unstubAllGlobals());

describe('loadDataset (MNIST)', () => {
  it('shares a load in flight: two overlapping loads download the four files once, and both hear its progress', async () => {
    const { loadDataset } = await import('./data-loader');
    const heard: [DataStatus[], DataStatus[]] = [[], []];
    const [first, second] = await Promise.all([loadDataset('mnist', 1, (s) => heard[0].push(s)), loadDataset('mnist', 0, (s) => heard[1].push(s))]);
    expect(requests).toHaveLength(4);
    expect(second).toBe(first);
    expect(first.test.count).toBe(10_000);
    for (const statuses of heard) expect(statuses.at(-1)?.message).toMatch(/^Checking and unpacking 70,000 images/);
    // Loaded once, kept: a later load asks for nothing.
    expect(await loadDataset('mnist', 2, () => undefined)).toBe(first);
    expect(requests).toHaveLength(4);
  });

  it('does not keep a failed load: the next attempt downloads again', async () => {
    const { loadDataset } = await import('./data-loader');
    offline = true;
    await expect(loadDataset('mnist', 0, () => undefined)).rejects.toThrow(/Could not download/);
    offline = false;
    requests = [];
    expect((await loadDataset('mnist', 0, () => undefined)).test.count).toBe(10_000);
    expect(requests).toHaveLength(4);
  });
});
