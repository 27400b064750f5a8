// The service worker: the guide keeps working offline after the first visit, and moves from one
// deployment to the next without ever mixing their files.
//
// Each deployment is one versioned cache, filled completely at install (tools/package-site.mjs writes
// VERSION and PRECACHE). A page is always served from the cache of the worker that controls it, so the
// page, the shell, app.js and app.wasm of one version always go together. A new deployment installs
// beside the old one and waits; the page offers a reload (shell.js), or it takes over once every tab of
// the old version is closed. Only then are the old version's files deleted.
//
// The catalogue and the translations are data that an agency may replace without rebuilding: they are
// fetched from the network first and kept for offline use. So are the plain pages (text/): too many
// to precache, each kept once read, and never answered with the app's page.
'use strict';

const VERSION = '__VERSION__';
const PRECACHE = ['__PRECACHE__'];
const CODE_CACHE = `hospital-procurement-${VERSION}`;
const DATA_CACHE = 'hospital-procurement-data';

const scoped = (path) => new URL(path, self.registration.scope).href;
const isData = (url) => /\/(data|i18n)\/[^?]*\.json$/.test(url.pathname);
const isText = (url) => url.pathname.startsWith(new URL('text/', self.registration.scope).pathname);

self.addEventListener('install', (event) => {
  // All or nothing: if one file fails, this version is not installed and the old one stays.
  event.waitUntil(caches.open(CODE_CACHE).then((cache) => cache.addAll(PRECACHE.map((p) => new Request(scoped(p), { cache: 'reload' })))));
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const key of await caches.keys())
      if (key.startsWith('hospital-procurement-') && key !== CODE_CACHE && key !== DATA_CACHE) await caches.delete(key);
    await self.clients.claim();
  })());
});

// The page asks the waiting worker to take over when the user accepts the update.
self.addEventListener('message', (event) => {
  if (event.data && event.data.type === 'activate-update') self.skipWaiting();
});

async function dataFirstFromNetwork(request) {
  const cache = await caches.open(DATA_CACHE);
  try {
    const response = await fetch(request);
    if (response.ok) await cache.put(request, response.clone());
    return response;
  } catch (error) {
    const cached = (await cache.match(request)) || (await caches.match(request, { cacheName: CODE_CACHE }));
    if (cached) return cached;
    throw error;
  }
}

async function fromThisVersion(request) {
  const cache = await caches.open(CODE_CACHE);
  const key = request.mode === 'navigate' ? scoped('index.html') : request;
  const cached = await cache.match(key, { ignoreSearch: request.mode === 'navigate' });
  return cached || fetch(request);
}

self.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== 'GET' || url.origin !== self.location.origin) return;
  event.respondWith(isData(url) || isText(url) ? dataFirstFromNetwork(event.request) : fromThisVersion(event.request));
});
