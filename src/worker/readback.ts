// Which way the worker reads results back from the backend. WebGPU's blocking read goes through a
// canvas that loses the device on some adapters (README, WebGPU), so on WebGPU every read awaits.
// Everywhere else the blocking read stays: on WebGL the awaited read waits on a fence that never
// signals once the context is lost, which hung a run instead of moving it to WebAssembly
// (e2e/fault.spec.ts, "WebGL context lost mid-training"); on wasm and cpu the two are the same.
import * as tf from '@tensorflow/tfjs';

export const readsWithoutBlocking = (): boolean => tf.getBackend() === 'webgpu';
