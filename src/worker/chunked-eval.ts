// Evaluates a network on a split in chunks, yielding between chunks, so a cancel arriving
// during a 10,000-image test pass still lands within a fraction of a second.
import type { Network } from '../engine/models/network';
import type { Split } from '../engine/spec/types';
import { evaluateNetwork, evaluateNetworkAsync, type SplitMetrics } from '../engine/training/evaluate';
import { yieldToEventLoop } from '../engine/training/yield';
import { readsWithoutBlocking } from './readback';

const CHUNK_ROWS = 2000;

export async function evaluateInChunks(
  network: Network,
  split: Split,
  featureShape: number[],
  shouldStop: () => boolean,
): Promise<SplitMetrics | null> {
  const width = featureShape.reduce((a, b) => a * b, 1);
  let lossSum = 0;
  let correct = 0;
  for (let start = 0; start < split.count; start += CHUNK_ROWS) {
    if (shouldStop()) return null;
    const end = Math.min(split.count, start + CHUNK_ROWS);
    const chunk: Split = { x: split.x.subarray(start * width, end * width), y: split.y.subarray(start, end), count: end - start };
    const score = readsWithoutBlocking() ? await evaluateNetworkAsync(network, chunk, featureShape) : evaluateNetwork(network, chunk, featureShape);
    lossSum += score.loss * chunk.count;
    correct += score.accuracy * chunk.count;
    await yieldToEventLoop();
  }
  return { loss: lossSum / split.count, accuracy: correct / split.count };
}
