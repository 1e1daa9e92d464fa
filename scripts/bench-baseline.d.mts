// Types of bench-baseline.mjs, for its unit test (src/bench/baseline.test.ts).
export declare const TORCH_PACKAGES: string[];
export declare const TORCH_INSTALL: string;
export interface BaselineSystem {
  candidates(): string[];
  importsTorch(python: string): boolean;
  isRoot(): boolean;
  hasApt(): boolean;
  apt(args: string[]): void;
  log(line: string): void;
}
export declare const SYSTEM: BaselineSystem;
export declare function findTorchPython(system?: BaselineSystem): string | null;
export declare function ensureTorch(overrides?: Partial<BaselineSystem>): { python: string; error?: undefined } | { error: string; python?: undefined };
