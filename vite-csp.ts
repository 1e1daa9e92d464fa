// The Content-Security-Policy of the built app. Scripts only from the app's own origin: no
// 'unsafe-eval' and no 'unsafe-inline' for scripts. tfjs's WebAssembly backend needs
// 'wasm-unsafe-eval', which lets the page compile WebAssembly and nothing else (no eval, no
// new Function). Nothing may connect anywhere but the app's own origin.
//
// It travels three ways, so it holds wherever the app is served:
//  - a <meta http-equiv> in every built HTML page (any static host, even one without headers);
//  - a `_headers` file next to them (Netlify, Cloudflare Pages), which also covers the worker
//    script, where a <meta> cannot reach, and adds frame-ancestors (ignored in a <meta>);
//  - the same header from `vite preview` (what the end-to-end tests run against).
// `vite dev` gets none: React's fast refresh injects an inline script there.
import type { Plugin } from 'vite';

const DIRECTIVES: Record<string, string> = {
  'default-src': "'self'",
  'script-src': "'self' 'wasm-unsafe-eval'",
  'worker-src': "'self'",
  'connect-src': "'self'",
  'img-src': "'self' data: blob:",
  'style-src': "'self'",
  'font-src': "'self'",
  'object-src': "'none'",
  'base-uri': "'none'",
  'form-action': "'none'",
};

const join = (d: Record<string, string>) =>
  Object.entries(d)
    .map(([k, v]) => `${k} ${v}`)
    .join('; ');

/** For a <meta> element, where frame-ancestors is not allowed. */
export const CSP_META = join(DIRECTIVES);
/** For a response header. */
export const CSP_HEADER = join({ ...DIRECTIVES, 'frame-ancestors': "'none'" });

export function contentSecurityPolicy(): Plugin {
  return {
    name: 'content-security-policy',
    apply: 'build',
    transformIndexHtml: {
      order: 'pre',
      handler: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CSP_META }, injectTo: 'head-prepend' }],
    },
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: '_headers', source: `/*\n  Content-Security-Policy: ${CSP_HEADER}\n  X-Content-Type-Options: nosniff\n` });
    },
  };
}
