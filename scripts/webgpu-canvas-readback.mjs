// Plain WebGPU (no tfjs) in headless Chromium: the blocking read tfjs-backend-webgpu does
// (dataSync: copy into a WebGPU canvas, draw it on a 2D canvas, getImageData) against mapAsync.
// On SwiftShader the canvas read loses the GPU channel once the worker yields, and buffers created
// mapped then fail with "createBuffer failed ... too large for the implementation when
// mappedAtCreation == true" (README, Results, WebGPU on a software adapter).
// Usage: node scripts/webgpu-canvas-readback.mjs [extra Chromium flags...]   (PORT, default 4241)
import { createServer } from 'node:http';
import { chromium } from 'playwright';

const worker = `self.onmessage = async () => {
  const device = await (await navigator.gpu.requestAdapter()).requestDevice();
  const src = device.createBuffer({ size: 4096, usage: GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_SRC | GPUBufferUsage.COPY_DST });
  device.queue.writeBuffer(src, 0, new Float32Array(1024).fill(123.456));
  const out = {};
  try { // mapAsync, 20 rounds
    for (let i = 0; i < 20; i++) {
      const r = device.createBuffer({ size: 4096, usage: GPUBufferUsage.MAP_READ | GPUBufferUsage.COPY_DST });
      const enc = device.createCommandEncoder(); enc.copyBufferToBuffer(src, 0, r, 0, 4096); device.queue.submit([enc.finish()]);
      await r.mapAsync(GPUMapMode.READ);
      out.mapAsync = 'read ' + new Float32Array(r.getMappedRange())[0] + ' x20';
      r.unmap(); r.destroy();
    }
  } catch (e) { out.mapAsync = e.message; }
  let i = 0;
  try { // the canvas read, yielding between rounds as a training loop does
    for (; i < 100; i++) {
      const staging = device.createBuffer({ size: 188160, usage: GPUBufferUsage.MAP_WRITE | GPUBufferUsage.COPY_SRC, mappedAtCreation: true });
      staging.unmap(); staging.destroy();
      const canvas = new OffscreenCanvas(256, 256);
      const ctx = canvas.getContext('webgpu');
      ctx.configure({ device, format: 'bgra8unorm', usage: GPUTextureUsage.COPY_DST, alphaMode: 'opaque' });
      const enc = device.createCommandEncoder();
      enc.copyBufferToTexture({ buffer: src, bytesPerRow: 1024 }, { texture: ctx.getCurrentTexture() }, { width: 256, height: 4 });
      device.queue.submit([enc.finish()]);
      const host = new OffscreenCanvas(256, 256).getContext('2d', { willReadFrequently: true });
      host.drawImage(canvas, 0, 0);
      if (i === 0) out.canvasFirstPixel = Array.from(host.getImageData(0, 0, 1, 1).data).join(',') + ' (123.456 gives 246,233,121,255)';
      await new Promise((r) => setTimeout(r, 0));
    }
    out.canvas = '100 rounds without error';
  } catch (e) { out.canvas = 'failed at round ' + i + ': ' + e.message; }
  self.postMessage(out);
};`;
const page = `<!doctype html><title>WebGPU readback</title><script>
window.result = new Promise((resolve) => { const w = new Worker('/worker.js'); w.onmessage = (e) => resolve(e.data); w.onerror = (e) => resolve({ error: e.message }); w.postMessage(0); });
</script>`;
const port = Number(process.env.PORT ?? 4241);
const server = createServer((req, res) => {
  res.setHeader('content-type', req.url === '/worker.js' ? 'text/javascript' : 'text/html');
  res.end(req.url === '/worker.js' ? worker : page);
}).listen(port, '127.0.0.1');
const flags = process.argv.length > 2 ? process.argv.slice(2) : ['--disable-gpu', '--enable-unsafe-webgpu'];
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--disable-quic', '--disable-dev-shm-usage', ...flags] });
try {
  const tab = await browser.newPage();
  await tab.goto(`http://127.0.0.1:${port}/`);
  console.log(flags.join(' '));
  console.log(JSON.stringify(await tab.evaluate(() => window.result), null, 2));
} finally {
  await browser.close();
  server.close();
}
