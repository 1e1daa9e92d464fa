// Binds the compiled fused Adam kernel to a tfjs wasm backend's memory (engine/training/adam_kernel.ts).
import type { AdamKernel, AdamKernelBinder } from '../engine/training/adam_kernel';

export function adamBinderOf(module: WebAssembly.Module): AdamKernelBinder {
  return (memory) => {
    if (!(memory instanceof WebAssembly.Memory)) return null;
    // Threaded wasm's memory is shared; the kernel imports a plain one and would not link.
    if (typeof SharedArrayBuffer !== 'undefined' && memory.buffer instanceof SharedArrayBuffer) return null;
    return new WebAssembly.Instance(module, { env: { memory } }).exports as unknown as AdamKernel;
  };
}
