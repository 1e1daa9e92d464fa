// Notices when the GPU under tfjs fails mid-run, so a run can move to another backend instead of
// training on a dead device. WebGL: the context is lost (the GPU was reset, the browser reclaimed
// it, or a test called WEBGL_lose_context); after a loss every WebGL call is a silent no-op or
// returns zeros, so the training session asks `lost()` between slices rather than waiting for an
// exception. WebGPU: the device is lost, or a call throws (on a lost device createBuffer throws
// "createBuffer failed, size (...) is too large for the implementation when mappedAtCreation ==
// true"; README, WebGPU), so the session also hands every error of a slice to `failed()`.
import * as tf from '@tensorflow/tfjs';

/** The two calls needed of tfjs's WebGL context (typed locally: tests compile without DOM). */
interface GlLike {
  isContextLost(): boolean;
  getExtension(name: 'WEBGL_lose_context'): { loseContext(): void } | null;
}

interface WebglBackendLike {
  gpgpu?: { gl?: GlLike };
}

interface WebgpuBackendLike {
  device?: { lost: Promise<{ message: string }> };
}

export class GpuWatch {
  private gl: GlLike | null = null;
  private onWebgpu = false;
  /** Why WebGPU stopped working; null while it works (or another backend runs). */
  private webgpuFailure: string | null = null;
  /** Bumped by every attach, so a device lost long after a switch is not blamed on the next. */
  private attached = 0;

  /** Follows the backend tfjs runs now: call after every backend selection. */
  attach(): void {
    const name = tf.getBackend();
    const token = ++this.attached;
    this.gl = name === 'webgl' ? ((tf.backend() as unknown as WebglBackendLike).gpgpu?.gl ?? null) : null;
    this.onWebgpu = name === 'webgpu';
    this.webgpuFailure = null;
    const device = this.onWebgpu ? (tf.backend() as unknown as WebgpuBackendLike).device : undefined;
    void device?.lost.then((info) => {
      if (token === this.attached) this.webgpuFailure ??= `its device was lost: ${info.message}`;
    });
  }

  /** Training runs on a GPU backend (so weight snapshots are worth taking). */
  get active(): boolean {
    return this.gl !== null || this.onWebgpu;
  }

  lost(): boolean {
    return (this.gl?.isContextLost() ?? false) || this.webgpuFailure !== null;
  }

  /** On WebGPU, an error thrown while training is taken as the device failing (true; `lost()`
   * answers true from now on). On other backends an error is the run's own (false). */
  failed(err: unknown): boolean {
    if (!this.onWebgpu) return false;
    this.webgpuFailure ??= err instanceof Error ? err.message : String(err);
    return true;
  }

  /** What went wrong, in a sentence for the page; null while nothing has. */
  describeFailure(): string | null {
    if (this.webgpuFailure !== null) return `WebGPU failed during training (${this.webgpuFailure})`;
    if (this.gl?.isContextLost()) return 'The WebGL context was lost during training (the graphics driver reset or the browser reclaimed it)';
    return null;
  }

  /** Forgets the dead backend so that choosing it again builds a new one. */
  forgetLostBackend(): void {
    const name = this.onWebgpu ? 'webgpu' : 'webgl';
    this.gl = null;
    this.onWebgpu = false;
    this.webgpuFailure = null;
    this.attached++;
    const engine = tf.engine() as unknown as { registry: Record<string, { dispose(): void } | undefined> };
    try {
      engine.registry[name]?.dispose();
    } catch {
      // A lost context or device may refuse to free its memory; it is gone with it anyway.
    }
    delete engine.registry[name];
  }

  /** Test hook: loses the context now, as a GPU reset would. False when not on WebGL. */
  loseForTests(): boolean {
    const ext = this.gl?.getExtension('WEBGL_lose_context');
    ext?.loseContext();
    return !!ext;
  }
}
