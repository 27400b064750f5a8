// The page's own loader for the WebAssembly app (we do not use Emscripten's generated shell), and the
// small bridge through which the app reaches the browser.
//
// Loading: checks that the browser can run the app, downloads app.wasm with real progress, fetches the
// catalogue, the interface strings and the fonts as data, starts the module, and turns any failure
// into a readable page.
//
// Public interface, also used by the browser tests (documented in README.md, "Test interface"):
//   window.procureApp.ready        true once the app has drawn its first frame with the catalogue
//   window.procureApp.failed       null, or { reason, detail } when the app could not start or aborted
//   window.procureApp.state()      the app's state as a plain object (catalogue, results, checklist, ...)
//   window.procureApp.widgets()    { name: {x, y, width, height} } of the widgets on screen, CSS pixels
//   window.procureApp.frames()     number of frames drawn so far (stays still while the tab is idle)
//   window.procureApp.version      the deployment's version (build.json), e.g. "0.1.0+348b99a839c4"
//   document event 'procure:ready' fired once, when ready becomes true
//
// Bridge (called from C++, src/app/browser.cpp): window.procureApp.bridge.*
'use strict';

(function () {
  const $ = (id) => document.getElementById(id);
  // mirror.js (loaded first) may have put its part here already.
  const api = (window.procureApp = Object.assign(window.procureApp || {}, { ready: false, failed: null, module: null }));
  const STORAGE_PREFIX = 'hospital-procurement.';
  let manifest = null;
  let languages = [];

  function fail(reason, detail) {
    if (api.failed) return;
    api.failed = { reason, detail: detail ? String(detail) : '' };
    $('failure-reason').textContent = reason;
    $('failure-detail').textContent = api.failed.detail;
    $('failure').hidden = false;
    document.body.classList.add('failed');
    document.documentElement.dataset.appState = 'failed';
    pointToTextVersion();
  }

  // The failure page links to the plain pages (text/): in the reader's language when the page can tell
  // it, else to their list of languages. The registry is fetched when the app failed before reading it.
  async function pointToTextVersion() {
    const link = $('failure-text-link');
    if (!link) return;  // the single-file edition carries no text/ folder
    try {
      if (!languages.length) languages = JSON.parse(new TextDecoder().decode(await fetchBytes('i18n/languages.json'))).languages || [];
      const code = preferredLanguage();
      if (code) link.href = `text/${encodeURIComponent(code)}/index.html`;
    } catch (e) { /* the list of languages, then */ }
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
    if (bundle) return Promise.resolve().then(() => fromBundle(url));
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

  // The single-file edition (tools/package-site.mjs single) carries every file in a data block,
  // gzipped and base64-encoded; it fetches nothing.
  const bundle = (() => {
    const block = document.getElementById('bundle');
    if (!block) return null;
    const files = JSON.parse(block.textContent);
    block.remove();
    return files;
  })();
  function fromBundle(path) {
    const packed = bundle[path.replace(/^\.\//, '')];
    if (packed === undefined) throw new Error(`${path}: not in this file`);
    const binary = atob(packed);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return window.fflate.gunzipSync(bytes);
  }

  async function fetchBytes(url, optional = false) {
    if (bundle) return fromBundle(url);
    // A network failure names no file by itself; the failure page should say which one.
    const response = await fetch(url).catch((e) => { throw new Error(`${url}: the download failed (${e.message})`); });
    if (!response.ok) {
      if (optional && response.status === 404) return null;
      throw new Error(`${url}: HTTP ${response.status}`);
    }
    return new Uint8Array(await response.arrayBuffer());
  }

  function loadScript(src) {
    if (bundle) return Promise.resolve();  // already inline
    return new Promise((resolve, reject) => {
      const script = document.createElement('script');
      script.src = src;
      script.onload = resolve;
      script.onerror = () => reject(new Error(`${src} could not be loaded`));
      document.head.appendChild(script);
    });
  }

  // Copies bytes into the module's memory and calls an exported C function with (..., pointer, length).
  function passBytes(fn, bytes, ...extra) {
    const module = api.module;
    const pointer = module._malloc(bytes.length + 1);
    module.HEAPU8.set(bytes, pointer);
    module.HEAPU8[pointer + bytes.length] = 0;
    try {
      return fn(...extra, pointer, bytes.length);
    } finally {
      module._free(pointer);
    }
  }

  function passString(fn, text) {
    return passBytes((pointer) => fn(pointer), new TextEncoder().encode(text));
  }

  // ---- language: ?lang / #lang=, then the stored choice, then the browser's languages, then English ----
  function initialLanguage() {
    return preferredLanguage() || 'en';
  }

  // The first of the reader's languages that the registry has, or null.
  function preferredLanguage() {
    const known = new Set(languages.map((l) => l.code));
    const fromLink = /(?:^|[#&])lang=([a-z]{2,3}(?:-[A-Za-z0-9]+)?)/.exec(location.hash);
    const candidates = [fromLink && fromLink[1], bridge.storageGet(STORAGE_PREFIX + 'language'),
      ...(navigator.languages || [navigator.language || 'en'])];
    for (const candidate of candidates) {
      if (!candidate) continue;
      if (known.has(candidate)) return candidate;
      const base = candidate.split('-')[0].toLowerCase();
      if (known.has(base)) return base;
    }
    return null;
  }

  // Fetches a language's interface strings and catalogue texts, and those of its fallbacks, each file
  // once, and hands them over. Only the chosen language is fetched: the others stay on the server.
  // A switch that takes a moment shows its progress (`announce`); the bytes each language needed are
  // kept in window.procureApp.languageBytes, where the browser test reads and reports them.
  const loadedTranslations = new Set();
  api.languageBytes = {};
  async function loadLanguage(code, announce = false) {
    const catalogueId = manifest.catalogueId;
    const chain = [];
    for (let c = code; c && !chain.includes(c);) {
      chain.push(c);
      const entry = languages.find((l) => l.code === c);
      c = entry && entry.fallback;
    }
    if (!chain.includes('en')) chain.push('en');
    const available = manifest.translations || { ui: [], content: [], bytes: {} };
    const files = [];
    for (const c of chain) {
      if (available.ui.includes(c)) files.push({ path: `ui/${c}.json`, kind: 0 });
      if (catalogueId && available.content.includes(`${catalogueId}/${c}`)) files.push({ path: `content/${catalogueId}/${c}.json`, kind: 1 });
    }
    const needed = files.filter((f) => !loadedTranslations.has(f.path));
    const sizes = needed.map((f) => (available.bytes && available.bytes[f.path]) || 0);
    const total = sizes.reduce((a, b) => a + b, 0) || 1;
    const done = new Array(needed.length).fill(0);
    const name = (languages.find((l) => l.code === code) || {}).native_name || code;
    const status = announce ? languageStatus(name) : null;
    try {
      const bytes = await Promise.all(needed.map((f, i) => downloadWithProgress(`i18n/${f.path}`, sizes[i], (fraction) => {
        done[i] = Math.min(1, fraction) * sizes[i];
        if (status) status.update(done.reduce((a, b) => a + b, 0) / total);
      })));
      needed.forEach((f, i) => {
        passBytes(api.module._app_load_overlay, bytes[i], f.kind);
        loadedTranslations.add(f.path);
      });
      api.languageBytes[code] = bytes.reduce((sum, b) => sum + b.length, 0);
    } finally {
      if (status) status.close();
    }
    passString(api.module._app_apply_language, code);
    document.documentElement.lang = code;
  }

  // A small status line over the app while a language loads; shown only if it takes more than a moment.
  function languageStatus(name) {
    const box = $('language-status');
    $('language-status-text').textContent = `${name}…`;
    $('language-status-progress').value = 0;
    const timer = setTimeout(() => { box.hidden = false; }, 150);
    return {
      update(fraction) { $('language-status-progress').value = fraction; },
      close() { clearTimeout(timer); box.hidden = true; },
    };
  }

  // ---- the bridge ----------------------------------------------------------------------------------
  const bridge = (api.bridge = {
    fragment() {
      return location.hash.slice(1);
    },
    // The view goes into the fragment; significant changes add a history entry so Back undoes them.
    setFragment(fragment, push) {
      const target = fragment ? `#${fragment}` : location.pathname + location.search;
      if (`#${fragment}` === location.hash || (!fragment && !location.hash)) return;
      if (push) history.pushState(null, '', target);
      else history.replaceState(null, '', target);
    },
    copyText(text) {
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(text).catch(() => bridge.copyFallback(text));
      } else {
        bridge.copyFallback(text);
      }
      api.lastCopied = text;
    },
    // For file:// and other insecure contexts, where navigator.clipboard is missing.
    copyFallback(text) {
      const area = document.createElement('textarea');
      area.value = text;
      area.setAttribute('readonly', '');
      area.style.position = 'fixed';
      area.style.opacity = '0';
      document.body.appendChild(area);
      area.select();
      try { document.execCommand('copy'); } catch (e) { /* nothing else to try */ }
      area.remove();
    },
    // Blob + <a download>: works from http(s) and from file://.
    download(name, mime, bytes) {
      const blob = new Blob([bytes], { type: mime });
      const url = URL.createObjectURL(blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = name;
      document.body.appendChild(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60000);
    },
    // The engine writes the DOCX parts; fflate (npm, loaded on first use) zips them.
    async downloadDocx(name, partsJson) {
      if (!window.fflate) await loadScript((manifest.vendor && manifest.vendor.fflate) || 'vendor/fflate.js');
      const parts = JSON.parse(partsJson);
      const files = {};
      for (const [path, content] of Object.entries(parts)) files[path] = window.fflate.strToU8(content);
      bridge.download(name, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', window.fflate.zipSync(files));
    },
    // The printable report in a new tab; a download when pop-ups are blocked.
    openReport(html) {
      const url = URL.createObjectURL(new Blob([html], { type: 'text/html;charset=utf-8' }));
      const tab = window.open(url, '_blank', 'noopener');
      if (!tab) bridge.download('hospital-procurement-report.html', 'text/html;charset=utf-8', new TextEncoder().encode(html));
      setTimeout(() => URL.revokeObjectURL(url), 600000);
    },
    pickFile() {
      const input = document.createElement('input');
      input.type = 'file';
      input.accept = '.json,application/json';
      input.hidden = true;
      document.body.appendChild(input);
      input.onchange = async () => {
        input.remove();
        const file = input.files && input.files[0];
        if (!file) return;
        // The app says whether it would read a file this large, and tells the user when not.
        if (!api.module._app_accepts_file(file.size)) return;
        passBytes(api.module._app_on_file, new Uint8Array(await file.arrayBuffer()));
      };
      input.click();
    },
    chooseLanguage(code) {
      bridge.storageSet(STORAGE_PREFIX + 'language', code);
      loadLanguage(code, true).catch((e) => console.warn('language', code, e));
    },
    storageGet(key) {
      try { return localStorage.getItem(key); } catch (e) { return null; }
    },
    // 0 saved, 1 the quota is full, 2 storage is unavailable (private mode, policy).
    storageSet(key, value) {
      try {
        localStorage.setItem(key, value);
        return 0;
      } catch (e) {
        return e && (e.name === 'QuotaExceededError' || e.code === 22) ? 1 : 2;
      }
    },
    storageRemove(key) {
      try { localStorage.removeItem(key); } catch (e) { /* nothing to remove */ }
    },
    // The accessible HTML mirror of the view (web/mirror.js).
    updateMirror(model) {
      if (api.mirror) api.mirror.update(model);
    },
    // Esc in the canvas with nothing left to close: the skip link to the text view takes the focus.
    leaveCanvas() {
      $('skip-to-text').focus();
    },
    // While ImGui edits text, a hidden real text field has the focus: phones then show their keyboard,
    // and dead keys, AltGr, IME composition and paste arrive as text (see wireTextProxy).
    setTextInputActive(active) {
      const proxy = $('text-proxy');
      if (active) proxy.focus({ preventScroll: true });
      else { proxy.blur(); $('canvas').focus({ preventScroll: true }); }
    },
  });

  // Text arrives in the hidden field and goes to ImGui as characters. Key presses still reach SDL
  // (keydown: Backspace, arrows, Enter, shortcuts), but its keypress-based text is stopped here so that
  // nothing is typed twice.
  function wireTextProxy() {
    const proxy = $('text-proxy');
    const forward = () => {
      const text = proxy.value;
      proxy.value = '';
      if (text) passString(api.module._app_text_input, text);
    };
    proxy.addEventListener('keypress', (event) => event.stopPropagation());
    proxy.addEventListener('input', (event) => { if (!event.isComposing) forward(); });
    proxy.addEventListener('compositionend', forward);
  }

  function watchSystemPreferences() {
    const dark = matchMedia('(prefers-color-scheme: dark)');
    const still = matchMedia('(prefers-reduced-motion: reduce)');
    const send = () => api.module._app_set_system_theme(dark.matches ? 1 : 0, still.matches ? 1 : 0);
    dark.addEventListener('change', send);
    still.addEventListener('change', send);
    send();
  }

  async function start() {
    if (typeof WebAssembly !== 'object' || typeof WebAssembly.instantiate !== 'function')
      return fail('This browser cannot run WebAssembly.', 'WebAssembly is missing or disabled.');
    if (!supportsWebGL2())
      return fail('This browser cannot draw the guide: WebGL 2 is not available.',
                  'WebGL 2 is missing, disabled, or blocked by the graphics driver.');

    progress(0, 'Downloading the app…');
    manifest = JSON.parse(new TextDecoder().decode(await fetchBytes('build.json')));
    api.version = manifest.version;
    const data = Promise.all([
      fetchBytes(manifest.catalogue),
      fetchBytes(manifest.fonts.regular),
      fetchBytes(manifest.fonts.bold),
      fetchBytes('i18n/languages.json'),
    ]);
    data.catch(() => {}); // reported where it is awaited
    const wasmBinary = await downloadWithProgress(manifest.wasm.file, manifest.wasm.bytes, (f) =>
      progress(0.9 * f, `Downloading the app… ${Math.round(100 * Math.min(f, 1))}%`));
    progress(0.9, 'Starting…');
    await loadScript(manifest.js);

    // SDL listens for keys on the whole window and keeps Tab, Backspace and the arrows for the canvas.
    // Keys pressed in the page's own controls (the text view, the skip link, the update banner) are
    // theirs: stopped here, before SDL's listeners, which are added after this one.
    for (const type of ['keydown', 'keypress', 'keyup']) {
      window.addEventListener(type, (event) => {
        const t = event.target;
        if (t instanceof Element && t.closest('#mirror, #skip-to-text, #update')) event.stopImmediatePropagation();
      }, true);
    }

    api.module = await window.createProcureApp({
      wasmBinary,
      canvas: $('canvas'),
      print: (text) => console.log(text),
      printErr: (text) => console.warn(text),
      onAbort: (what) => fail('The guide stopped because of an internal error.', what),
    });

    progress(0.95, 'Loading the catalogue…');
    const [catalogue, fontRegular, fontBold, languageRegistry] = await data;
    passBytes(api.module._app_load_font, fontRegular, 0);
    passBytes(api.module._app_load_font, fontBold, 1);
    languages = JSON.parse(new TextDecoder().decode(languageRegistry)).languages || [];
    // A catalogue past the app's size limit is not copied into its memory (nor read here); the app
    // shows why instead.
    const catalogueFits = api.module._app_accepts_catalogue(catalogue.length) === 1;
    // Translations of the catalogue live under its id; the app validates the file itself.
    try {
      const id = catalogueFits ? JSON.parse(new TextDecoder().decode(catalogue)).id : null;
      if (typeof id === 'string' && /^[a-z0-9][a-z0-9_-]{0,63}$/.test(id)) manifest.catalogueId = id;
    } catch (e) { /* the app reports what is wrong with the catalogue */ }
    passBytes(api.module._app_set_languages, languageRegistry);
    watchSystemPreferences();
    if (catalogueFits) passBytes(api.module._app_load_catalogue, catalogue);
    await loadLanguage(initialLanguage());

    window.addEventListener('resize', () => api.module._app_request_frame());
    window.addEventListener('hashchange', () => passString(api.module._app_on_fragment, location.hash.slice(1)));
    // Another tab of the app saved its checklist: the app merges it, so neither tab overwrites the other.
    window.addEventListener('storage', (event) => {
      if (event.storageArea !== localStorage || !event.key || event.newValue === null) return;
      if (!event.key.startsWith(STORAGE_PREFIX + 'checklist.')) return;
      passString((key) => passString((value) => api.module._app_on_storage_changed(key, value), event.newValue), event.key);
    });
    wireTextProxy();
    if (api.mirror) api.mirror.attach((intent) => passString(api.module._app_mirror_intent, JSON.stringify(intent)));
    document.body.classList.add('running');
    registerServiceWorker();
    $('canvas').focus();
    api.module._app_request_frame();
  }

  // ---- offline: the service worker of the deployed site (web/sw.js) ---------------------------------
  // A new deployment installs beside the running one and waits; the page offers to switch now, and
  // reloads once the new version has taken over, so one page never runs files of two versions.
  function registerServiceWorker() {
    if (!manifest.serviceWorker || !('serviceWorker' in navigator) || !/^https?:$/.test(location.protocol)) return;
    const offerUpdate = (registration) => {
      if (!registration.waiting || !navigator.serviceWorker.controller) return;
      $('update').hidden = false;
      $('update-reload').onclick = () => registration.waiting && registration.waiting.postMessage({ type: 'activate-update' });
    };
    let reloading = false;
    // On a first visit the page loaded its language before the worker took control: fetch those files
    // again through the worker, so they are kept for offline use too.
    // api.keptForOffline says when that is done (a page already controlled fetched everything through it).
    api.keptForOffline = !!navigator.serviceWorker.controller;
    const keepForOffline = () => {
      const paths = [manifest.catalogue, ...[...loadedTranslations].map((p) => `i18n/${p}`)];
      Promise.all(paths.map((path) => fetch(path).then((r) => r.arrayBuffer()).catch(() => {})))
        .then(() => { api.keptForOffline = true; });
    };
    navigator.serviceWorker.addEventListener('controllerchange', () => {
      if (!api.updateAccepted) keepForOffline();
      if (!api.updateAccepted || reloading) return;
      reloading = true;
      location.reload();
    });
    $('update-reload').addEventListener('click', () => { api.updateAccepted = true; });
    navigator.serviceWorker.register(manifest.serviceWorker).then((registration) => {
      offerUpdate(registration);
      registration.addEventListener('updatefound', () => {
        const worker = registration.installing;
        if (worker) worker.addEventListener('statechange', () => { if (worker.state === 'installed') offerUpdate(registration); });
      });
    }).catch((e) => console.warn('service worker', e));
  }

  // Called by the app (src/app/browser.cpp) once its first frame with content is on screen.
  api.notifyReady = function () {
    if (api.ready) return;
    api.ready = true;
    document.documentElement.dataset.appState = 'ready';
    document.dispatchEvent(new CustomEvent('procure:ready'));
  };

  function readJson(fn) {
    const module = api.module;
    return module ? JSON.parse(module.UTF8ToString(fn())) : null;
  }
  api.state = () => readJson(() => api.module._app_state_json());
  api.widgets = () => readJson(() => api.module._app_widgets_json()) || {};
  api.frames = () => (api.module ? api.module._app_frame_count() : 0);
  // Scrolls a widget into view so that a test (or a script) can click it.
  api.reveal = (name) => { if (api.module) passString(api.module._app_reveal_widget, name); };

  window.addEventListener('error', (event) => {
    if (!api.ready) fail('The guide could not start.', event.message);
  });
  window.addEventListener('unhandledrejection', (event) => {
    if (!api.ready) fail('The guide could not start.', event.reason && (event.reason.message || event.reason));
  });

  start().catch((error) => fail('The guide could not be loaded.', error && (error.message || error)));
})();
