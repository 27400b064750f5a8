// The page's own loader for the WebAssembly app (we do not use Emscripten's generated shell).
//
// It checks that the browser can run the app, downloads app.wasm with real progress, fetches the
// catalogue and the fonts as data, starts the module, and turns any failure into a readable page.
//
// Public interface, also used by the browser tests (documented in README.md, "Test interface"):
//   window.procureApp.ready        true once the app has drawn its first frame with the catalogue
//   window.procureApp.failed       null, or { reason, detail } when the app could not start or aborted
//   window.procureApp.state()      the app's state as a plain object (catalogue, counts, frames drawn)
//   window.procureApp.frames()     number of frames drawn so far (stays still while the tab is idle)
//   document event 'procure:ready' fired once, when ready becomes true
'use strict';

(function () {
  const $ = (id) => document.getElementById(id);
  const api = (window.procureApp = { ready: false, failed: null, module: null });

  function fail(reason, detail) {
    if (api.failed) return;
    api.failed = { reason, detail: detail ? String(detail) : '' };
    $('failure-reason').textContent = reason;
    $('failure-detail').textContent = api.failed.detail;
    $('failure').hidden = false;
    document.body.classList.add('failed');
    document.documentElement.dataset.appState = 'failed';
  }

  function progress(fraction, text) {
    $('loading-progress').value = Math.max(0, Math.min(1, fraction));
    $('loading-text').textContent = text;
  }

  function supportsWebGL2() {
    try {
      return !!document.createElement('canvas').getContext('webgl2');
    } catch (e) {
      return false;
    }
  }

  // Downloads a file and reports progress. XHR progress events are used rather than a fetch stream
  // reader, which Chromium sometimes reports as an aborted request although every byte arrived.
  // Without a Content-Length (on-the-fly compression) the size written into build.json at build time
  // stands in for the total.
  function downloadWithProgress(url, expectedBytes, onProgress) {
    return new Promise((resolve, reject) => {
      const xhr = new XMLHttpRequest();
      xhr.open('GET', url);
      xhr.responseType = 'arraybuffer';
      xhr.onprogress = (e) => onProgress(e.lengthComputable && e.total ? e.loaded / e.total : e.loaded / (expectedBytes || 1));
      xhr.onload = () => (xhr.status >= 200 && xhr.status < 300)
        ? resolve(new Uint8Array(xhr.response)) : reject(new Error(`${url}: HTTP ${xhr.status}`));
      xhr.onerror = () => reject(new Error(`${url}: the download failed`));
      xhr.send();
    });
  }

  async function fetchBytes(url) {
    const response = await fetch(url);
    if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
    return new Uint8Array(await response.arrayBuffer());
  }

  function loadScript(src) {
    return new Promise((resolve, reject) => {
      const script = document.createElement('script');
      script.src = src;
      script.onload = resolve;
      script.onerror = () => reject(new Error(`${src} could not be loaded`));
      document.head.appendChild(script);
    });
  }

  // Copies bytes into the module's memory and calls an exported C function with (pointer, length).
  function passBytes(module, fn, bytes, ...extra) {
    const pointer = module._malloc(bytes.length || 1);
    module.HEAPU8.set(bytes, pointer);
    try {
      return fn(...extra, pointer, bytes.length);
    } finally {
      module._free(pointer);
    }
  }

  async function start() {
    if (typeof WebAssembly !== 'object' || typeof WebAssembly.instantiate !== 'function')
      return fail('This browser cannot run WebAssembly.', 'WebAssembly is missing or disabled.');
    if (!supportsWebGL2())
      return fail('This browser cannot draw the guide: WebGL 2 is not available.',
                  'WebGL 2 is missing, disabled, or blocked by the graphics driver.');

    progress(0, 'Downloading the app…');
    const manifest = await (await fetch('build.json')).json();
    const data = Promise.all([
      fetchBytes(manifest.catalogue),
      fetchBytes(manifest.fonts.regular),
      fetchBytes(manifest.fonts.bold),
    ]);
    data.catch(() => {}); // reported where it is awaited
    const wasmBinary = await downloadWithProgress(manifest.wasm.file, manifest.wasm.bytes, (f) =>
      progress(0.9 * f, `Downloading the app… ${Math.round(100 * Math.min(f, 1))}%`));
    progress(0.9, 'Starting…');
    await loadScript(manifest.js);

    const module = await window.createProcureApp({
      wasmBinary,
      canvas: $('canvas'),
      print: (text) => console.log(text),
      printErr: (text) => console.warn(text),
      onAbort: (what) => fail('The guide stopped because of an internal error.', what),
    });
    api.module = module;

    progress(0.95, 'Loading the catalogue…');
    const [catalogue, fontRegular, fontBold] = await data;
    passBytes(module, module._app_load_font, fontRegular, 0);
    passBytes(module, module._app_load_font, fontBold, 1);
    passBytes(module, module._app_load_catalogue, catalogue);

    window.addEventListener('resize', () => module._app_request_frame());
    document.body.classList.add('running');
    $('canvas').focus();
    module._app_request_frame();
  }

  // Called by the app (src/app/browser.cpp) once its first frame with content is on screen.
  api.notifyReady = function () {
    if (api.ready) return;
    api.ready = true;
    document.documentElement.dataset.appState = 'ready';
    document.dispatchEvent(new CustomEvent('procure:ready'));
  };

  api.state = function () {
    const module = api.module;
    if (!module) return null;
    return JSON.parse(module.UTF8ToString(module._app_state_json()));
  };

  api.frames = function () {
    return api.module ? api.module._app_frame_count() : 0;
  };

  window.addEventListener('error', (event) => {
    if (!api.ready) fail('The guide could not start.', event.message);
  });
  window.addEventListener('unhandledrejection', (event) => {
    if (!api.ready) fail('The guide could not start.', event.reason && (event.reason.message || event.reason));
  });

  start().catch((error) => fail('The guide could not be loaded.', error && (error.message || error)));
})();
