// Notices when the WebGL context under tfjs is lost (the GPU was reset, the browser reclaimed it,
// or a test called WEBGL_lose_context), so a run can move to WebAssembly instead of training on
// a dead context. After a loss every WebGL call is a silent no-op or returns zeros, so the
// training session asks `lost()` between slices rather than waiting for an exception.
import * as tf from '@tensorflow/tfjs';

/** The two calls needed of tfjs's WebGL context (typed locally: tests compile without DOM). */
interface GlLike {
  isContextLost(): boolean;
  getExtension(name: 'WEBGL_lose_context'): { loseContext(): void } | null;
}

interface WebglBackendLike {
  gpgpu?: { gl?: GlLike };
}

export class GpuWatch {
  private gl: GlLike | null = null;

  /** Follows the backend tfjs runs now: call after every backend selection. */
  attach(): void {
    this.gl = tf.getBackend() === 'webgl' ? ((tf.backend() as unknown as WebglBackendLike).gpgpu?.gl ?? null) : null;
  }

  /** Training runs on WebGL (so weight snapshots are worth taking). */
  get active(): boolean {
    return this.gl !== null;
  }

  lost(): boolean {
    return this.gl?.isContextLost() ?? false;
  }

  /** Forgets the dead backend so that choosing WebGL again builds a new context. */
  forgetLostBackend(): void {
    this.gl = null;
    const engine = tf.engine() as unknown as { registry: Record<string, { dispose(): void } | undefined> };
    try {
      engine.registry.webgl?.dispose();
    } catch {
      // A lost context may refuse to free its textures; they are gone with it anyway.
    }
    delete engine.registry.webgl;
  }

  /** Test hook: loses the context now, as a GPU reset would. False when not on WebGL. */
  loseForTests(): boolean {
    const ext = this.gl?.getExtension('WEBGL_lose_context');
    ext?.loseContext();
    return !!ext;
  }
}
