// Adam (Kingma & Ba 2015, as tf.train.adam computes it) in one pass over each parameter, for
// the wasm backend. tfjs's AdamOptimizer runs about 15 kernels per parameter, each a full pass
// over the 784x300 kernel: on LeNet-300-100 at batch 60 that was 3.4 of 8 ms per step (tf.profile,
// Node, wasm SIMD). Here one SIMD loop (assembly/adam.ts), running in tfjs's own wasm memory,
// reads the gradient and the old weights where tfjs keeps them and writes the new weights into a
// fresh tensor; the moments are tensors of this optimizer, updated in place.
//
// Same numbers, bit for bit: the kernel applies tfjs's operations in tfjs's order, and f32x4
// +, *, / and sqrt are exactly rounded as tfjs's kernels are, so a link trained before this
// change gives the same weights now (wasm_adam.test.ts compares the two optimizers bit for bit).
//
// The new weights never overwrite the old buffer: the wasm backend caches XNNPACK matmul
// operators (with packed weights) by tensor id, so an in-place write would be multiplied with
// stale weights.
import * as tf from '@tensorflow/tfjs';
import { adamKernelFor, type AdamKernel } from './adam_kernel';

/** The slice of tfjs-backend-wasm's BackendWasm used here (its typings are not exported). */
interface WasmBackendView {
  wasm: { asm: { memory?: object } };
  getMemoryOffset(dataId: tf.DataId): number;
  makeOutput(shape: number[], dtype: 'float32'): tf.TensorInfo;
}

const f = Math.fround;

/** The fused kernel for the running backend, or null when the fused Adam cannot run there. */
export function wasmAdamKernel(): AdamKernel | null {
  if (tf.getBackend() !== 'wasm') return null;
  return adamKernelFor((tf.backend() as unknown as WasmBackendView).wasm.asm.memory);
}

export class WasmAdam extends tf.Optimizer {
  /** Reported as 'Adam', so learning-rate changes (optimizers.ts) treat it as tfjs's Adam. */
  static get className(): string {
    return 'Adam';
  }

  private readonly moments = new Map<string, { m: tf.Tensor; v: tf.Tensor }>();
  // tfjs keeps beta1^t and beta2^t as float32 scalars, multiplied once per step.
  private accBeta1: number;
  private accBeta2: number;
  private readonly kernel: AdamKernel;

  constructor(
    /** Read on every step (setLearningRate in optimizers.ts writes it), as in tfjs's Adam. */
    protected learningRate: number,
    private readonly beta1 = 0.9,
    private readonly beta2 = 0.999,
    private readonly epsilon = tf.backend().epsilon(),
  ) {
    super();
    const kernel = wasmAdamKernel();
    if (!kernel) throw new Error(`The fused Adam needs the wasm backend and its kernel; the backend is ${tf.getBackend()}.`);
    this.kernel = kernel;
    this.accBeta1 = f(beta1);
    this.accBeta2 = f(beta2);
  }

  applyGradients(variableGradients: Parameters<tf.Optimizer['applyGradients']>[0]): void {
    const named = Array.isArray(variableGradients)
      ? variableGradients
      : Object.entries(variableGradients).map(([name, tensor]) => ({ name, tensor }));
    const backend = tf.backend() as unknown as WasmBackendView;
    const at = (t: tf.TensorInfo) => backend.getMemoryOffset(t.dataId);
    const variables = tf.engine().registeredVariables;
    const oneMinusAcc1 = f(1 - this.accBeta1);
    const oneMinusAcc2 = f(1 - this.accBeta2);
    for (const { name, tensor: gradient } of named) {
      const variable = variables[name];
      if (gradient == null || variable == null) continue;
      let state = this.moments.get(name);
      if (!state) {
        // Kept: applyGradients may run inside the caller's tidy (transfer/fit.ts), which would
        // free them at its end.
        state = { m: tf.keep(tf.zeros(variable.shape)), v: tf.keep(tf.zeros(variable.shape)) };
        this.moments.set(name, state);
      }
      const outInfo = backend.makeOutput(variable.shape, 'float32');
      this.kernel.adam(
        at(gradient), at(variable), at(state.m), at(state.v), at(outInfo), variable.size,
        this.beta1, 1 - this.beta1, this.beta2, 1 - this.beta2, oneMinusAcc1, oneMinusAcc2, this.epsilon, -this.learningRate,
      );
      const next = tf.engine().makeTensorFromTensorInfo(outInfo);
      variable.assign(next);
      next.dispose();
    }
    this.accBeta1 = f(this.accBeta1 * f(this.beta1));
    this.accBeta2 = f(this.accBeta2 * f(this.beta2));
    this.incrementIterations();
  }

  override dispose(): void {
    for (const { m, v } of this.moments.values()) tf.dispose([m, v]);
    this.moments.clear();
  }

  getConfig(): tf.serialization.ConfigDict {
    return { learningRate: this.learningRate, beta1: this.beta1, beta2: this.beta2, epsilon: this.epsilon };
  }
}
