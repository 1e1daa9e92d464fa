// Fills the History with `count` realistic runs through its own IndexedDB adapter: the load
// check of `npm run bench` calls it from bench.html (the playground itself never does).
import { openIdbAdapter } from './idbAdapter';
import { realisticRun } from './sampleRun';

export async function seedHistory(count: number): Promise<number> {
  const adapter = await openIdbAdapter();
  const start = Date.UTC(2026, 10, 1);
  for (let i = 0; i < count; i++) await adapter.put(realisticRun(i, start + i * 60_000));
  return count;
}
