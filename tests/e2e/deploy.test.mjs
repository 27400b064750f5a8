// The three ways the guide ships, each rendered in Chromium with the real catalogue:
//   (a) the deployed folder served by Debian's nginx with the sample configuration (docs/deploy/nginx.conf);
//   (b) the single-file edition opened from disk with the network off;
//   (c) a reload while offline after a first visit (service worker), and a move to a new deployment
//       that never mixes the files of two versions.
// The harness fails a test on any request outside the app's origin and on any console error, which
// includes Content-Security-Policy violations.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { appendFileSync, cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DIST, ROOT, SINGLE_FILE, SITE, click, distinctColours, openPage, screenshotPath, settle, startBrowser, startServer, until, waitForApp } from './harness.mjs';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const state = (page) => page.evaluate(() => window.procureApp.state());
const metaPolicy = (html) => /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)[1];

async function freePort() {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

// nginx with the sample server block, changed only in its port and root, in a private prefix.
async function startNginx(root) {
  const dir = mkdtempSync(join(tmpdir(), 'hp-nginx-'));
  const port = await freePort();
  const site = readFileSync(join(ROOT, 'docs/deploy/nginx.conf'), 'utf8')
    .replace('listen 80;', `listen 127.0.0.1:${port};`).replace(/\n\s*listen \[::\]:80;/, '')
    .replace(/root [^;]+;/, `root ${root};`);
  writeFileSync(join(dir, 'site.conf'), site);
  writeFileSync(join(dir, 'nginx.conf'), `daemon off; master_process off; pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
load_module /usr/lib/nginx/modules/ngx_http_brotli_static_module.so;
events {}
http {
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  access_log off;
  client_body_temp_path ${dir}/body; proxy_temp_path ${dir}/proxy; fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi; scgi_temp_path ${dir}/scgi;
  include ${dir}/site.conf;
}
`);
  const nginx = spawn('/usr/sbin/nginx', ['-p', dir, '-e', join(dir, 'error.log'), '-c', join(dir, 'nginx.conf')], { stdio: ['ignore', 'inherit', 'inherit'] });
  const url = `http://127.0.0.1:${port}/`;
  for (let i = 0; i < 100; i++) {
    try {
      await fetch(url);
      return { url, stop: () => nginx.kill() };
    } catch {
      await sleep(100);
    }
  }
  nginx.kill();
  throw new Error(`nginx did not start: ${readFileSync(join(dir, 'error.log'), 'utf8')}`);
}

let browser;
before(async () => { browser = await startBrowser(); });
after(async () => { await browser?.close(); });

describe('(a) the deployed folder on nginx with the sample configuration', () => {
  let nginx;
  before(async () => { nginx = await startNginx(DIST); });
  after(() => nginx?.stop());

  test('headers: wasm type, immutable hashed files, precompressed copies, security headers', async () => {
    const build = JSON.parse(readFileSync(join(DIST, 'build.json'), 'utf8'));
    const index = await fetch(nginx.url, { headers: { 'Accept-Encoding': 'br' } });
    assert.equal(index.headers.get('content-encoding'), 'br');
    assert.equal(index.headers.get('cache-control'), 'no-cache');
    assert.equal(index.headers.get('x-content-type-options'), 'nosniff');
    const html = readFileSync(join(DIST, 'index.html'), 'utf8');
    assert.equal(index.headers.get('content-security-policy'), `${metaPolicy(html)}; frame-ancestors 'none'`,
      'the header and the <meta> policy must agree (update docs/deploy/nginx.conf when the policy changes)');

    const wasm = await fetch(nginx.url + build.wasm.file, { headers: { 'Accept-Encoding': 'gzip' } });
    assert.equal(wasm.headers.get('content-type'), 'application/wasm');
    assert.equal(wasm.headers.get('content-encoding'), 'gzip');
    assert.equal(wasm.headers.get('cache-control'), 'public, max-age=31536000, immutable');
    for (const path of ['sw.js', 'build.json', 'data/catalogue.json', 'i18n/languages.json'])
      assert.equal((await fetch(nginx.url + path)).headers.get('cache-control'), 'no-cache', path);

    const manifest = await (await fetch(nginx.url + 'manifest.webmanifest')).json();
    assert.ok(manifest.icons.some((i) => i.sizes === '512x512' && i.purpose === 'maskable'));
    for (const icon of manifest.icons) assert.equal((await fetch(nginx.url + icon.src)).status, 200, icon.src);
  });

  test('the app renders the catalogue under the strict policy, with nothing from other origins', async () => {
    const { page, problems, context } = await openPage(browser);
    const started = Date.now();
    await page.goto(nginx.url);
    assert.equal((await waitForApp(page)).failed, null);
    const readyMs = Date.now() - started;
    await settle(page);
    assert.equal((await state(page)).results.length, 28);
    // What a first visit costs over the wire (brotli from nginx), for the closing note's size table.
    const wire = await page.evaluate(() => [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')]
      .map((e) => [e.name.split('/').pop() || 'index.html', e.transferSize, e.decodedBodySize]));
    const total = wire.reduce((sum, [, sent]) => sum + sent, 0);
    console.log(`# first visit on nginx: ${(total / 1024).toFixed(0)} KB transferred in ${wire.length} requests, ready in ${readyMs} ms (local, software WebGL)`);
    console.log(`# ${wire.map(([n, sent, body]) => `${n} ${sent}/${body}`).join(', ')}`);
    const png = await page.screenshot({ path: screenshotPath('deploy-nginx') });
    assert.ok(await distinctColours(page, png) > 200, 'the canvas is drawn');
    // The printable report opens as a document of its own under the inherited policy; its style is allowed.
    await click(page, 'header.export');
    const [report] = await Promise.all([context.waitForEvent('page'), click(page, 'export.report')]);
    await report.waitForLoadState();
    const reportErrors = [];
    report.on('console', (m) => { if (m.type() === 'error') reportErrors.push(m.text()); });
    assert.equal(await report.evaluate(() => getComputedStyle(document.body).maxWidth), '960px', 'the report is styled');
    assert.deepEqual(reportErrors, []);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('the plain pages (text/) come precompressed and revalidated, and render under the same policy', async () => {
    const response = await fetch(nginx.url + 'text/en/encryption.html', { headers: { 'Accept-Encoding': 'br' } });
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('content-encoding'), 'br');
    assert.equal(response.headers.get('cache-control'), 'no-cache');
    assert.match(response.headers.get('content-security-policy'), /^default-src 'none'/);
    const { page, problems, context } = await openPage(browser);
    await page.goto(nginx.url + 'text/en/encryption.html');
    assert.match(await page.textContent('h1'), /Use encryption/);
    assert.equal(await page.evaluate(() => getComputedStyle(document.body).maxWidth), '736px', 'its stylesheet applies');
    assert.deepEqual(problems, []);
    await context.close();
  });
});

describe('(b) the single-file edition from disk, offline', () => {
  test('renders, switches language, keeps the checklist and exports with no network', async () => {
    const { page, problems, context } = await openPage(browser, { acceptDownloads: true, locale: 'en-GB' });
    await context.setOffline(true);
    await page.goto(pathToFileURL(SINGLE_FILE).href);
    assert.equal((await waitForApp(page)).failed, null);
    await settle(page);
    assert.equal((await state(page)).results.length, 28);
    assert.equal(await page.evaluate(() => document.querySelectorAll('script[src], link[rel=stylesheet]').length), 0, 'everything is inline');

    await click(page, 'header.language');
    await click(page, 'language.de');
    await until(page, () => window.procureApp.state().language === 'de');
    assert.equal((await state(page)).catalogue.language, 'de', 'every language travels inside the file');

    await click(page, 'card.dpia');
    await click(page, 'detail.status.verified');
    await page.reload();
    assert.equal((await waitForApp(page)).failed, null);
    assert.equal((await state(page)).checklist.dpia.status, 'verified', 'the checklist survives a reload from disk');

    await click(page, 'header.export');
    const [download] = await Promise.all([page.waitForEvent('download'), click(page, 'export.csv')]);
    assert.match(readFileSync(await download.path(), 'utf8'), /dpia|DPIA|Datenschutz/);
    await page.screenshot({ path: screenshotPath('deploy-single-file') });
    assert.deepEqual(problems, []);
    await context.close();
  });

  test("an agency's own catalogue, packed from the built site without recompiling", async () => {
    const own = join(ROOT, 'tests/data/minimal-catalogue.json');
    const ownCatalogue = JSON.parse(readFileSync(own, 'utf8'));
    const out = join(mkdtempSync(join(tmpdir(), 'agency-')), 'guide.html');
    execFileSync('node', [join(ROOT, 'tools/package-site.mjs'), 'single', SITE, out, '--catalogue', own, '--i18n', join(ROOT, 'i18n')]);
    const { page, problems, context } = await openPage(browser);
    await context.setOffline(true);
    await page.goto(pathToFileURL(out).href);
    assert.equal((await waitForApp(page)).failed, null);
    await settle(page);
    const s = await state(page);
    assert.equal(s.catalogue.id, ownCatalogue.id);
    assert.deepEqual(s.results, ownCatalogue.practices.map((p) => p.id));
    assert.deepEqual(problems, []);
    await context.close();
  });
});

describe('(c) offline and updates through the service worker', () => {
  let served, server, url;
  before(async () => {
    served = mkdtempSync(join(tmpdir(), 'hp-served-'));
    cpSync(DIST, served, { recursive: true });
    ({ server, url } = await startServer(served));
  });
  after(() => server?.close());

  // The worker asks the network first for data files and falls back to its cache. Its attempts that going
  // offline or leaving the page cut short are reported as aborted requests, though the page got its
  // answer from the cache (the checks on what the page shows prove that); any other problem counts.
  const realProblems = (problems) => problems.filter((p) => !/^request failed: \S+\/(data|i18n)\/\S+\.json net::ERR_ABORTED$/.test(p));

  // The names of the hashed code files a page loaded.
  const codeRequests = (requests) => requests.filter((u) => /\.[0-9a-f]{10}\.(js|wasm|css)$/.test(u)).map((u) => u.split('/').pop());
  const filesOf = (dir) => new Set(readdirSync(dir));
  // Controlled by the service worker, with the data this page loaded before that kept for offline use.
  const offlineReady = (page) => page.waitForFunction(async () => {
    if (!navigator.serviceWorker.controller || !window.procureApp.keptForOffline) return false;
    const kept = await (await caches.open('hospital-procurement-data')).keys();
    return kept.some((r) => r.url.endsWith('data/catalogue.json')) && kept.some((r) => r.url.endsWith('ui/en.json'));
  }, null, { timeout: 30000, polling: 200 });

  test('a reload with the network off is served by the service worker', async () => {
    const { page, problems, context } = await openPage(browser, { locale: 'fr-FR' });
    await page.goto(url);
    assert.equal((await waitForApp(page)).failed, null);
    await offlineReady(page);
    await context.setOffline(true);
    await page.reload();
    assert.equal((await waitForApp(page)).failed, null);
    await settle(page);
    const s = await state(page);
    assert.equal(s.results.length, 28);
    assert.equal(s.catalogue.language, 'fr', 'the language in use was kept for offline use');
    await page.screenshot({ path: screenshotPath('deploy-offline-reload') });
    assert.deepEqual(realProblems(problems), []);
    await context.close();
  });

  test('the worker hands over the plain pages (text/), not the app, and keeps those read for offline use', async () => {
    const { page, problems, context } = await openPage(browser);
    await page.goto(url);
    assert.equal((await waitForApp(page)).failed, null);
    await offlineReady(page);
    await page.goto(url + 'text/en/encryption.html');
    assert.equal(await page.evaluate(() => !!navigator.serviceWorker.controller), true);
    assert.match(await page.textContent('h1'), /Use encryption/);
    await context.setOffline(true);
    await page.reload();
    assert.match(await page.textContent('h1'), /Use encryption/);
    assert.equal(await page.evaluate(() => getComputedStyle(document.body).maxWidth), '736px', 'its stylesheet was kept too');
    assert.deepEqual(realProblems(problems), []);
    await context.close();
  });

  test('a new deployment is offered, and the page never runs files of two versions', async () => {
    const { page, problems, context } = await openPage(browser);
    const requests = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(url);
    assert.equal((await waitForApp(page)).failed, null);
    await offlineReady(page);
    const v1 = await page.evaluate(() => window.procureApp.version);
    const v1Files = filesOf(served);

    // Version 2: the same site with a changed stylesheet, packaged as a release would be.
    const site2 = mkdtempSync(join(tmpdir(), 'hp-site2-'));
    cpSync(SITE, site2, { recursive: true });
    appendFileSync(join(site2, 'shell.css'), '\n/* release 2 */\n');
    const dist2 = mkdtempSync(join(tmpdir(), 'hp-dist2-'));
    execFileSync('node', [join(ROOT, 'tools/package-site.mjs'), 'dist', site2, dist2]);
    for (const entry of readdirSync(served)) rmSync(join(served, entry), { recursive: true, force: true });
    cpSync(dist2, served, { recursive: true });
    const v2Files = filesOf(dist2);

    // The next load still runs version 1, whole, while version 2 installs beside it.
    requests.length = 0;
    await page.reload();
    assert.equal((await waitForApp(page)).failed, null);
    assert.equal(await page.evaluate(() => window.procureApp.version), v1);
    for (const f of codeRequests(requests)) assert.ok(v1Files.has(f), `${f} is not from version 1`);
    await page.waitForSelector('#update:not([hidden])', { timeout: 30000 });
    await page.screenshot({ path: screenshotPath('deploy-update-offered') });

    // Accepting switches to version 2, whole.
    requests.length = 0;
    await Promise.all([page.waitForEvent('load'), page.click('#update-reload')]);
    assert.equal((await waitForApp(page)).failed, null);
    const v2 = await page.evaluate(() => window.procureApp.version);
    assert.notEqual(v2, v1);
    assert.ok(codeRequests(requests).length >= 3);
    for (const f of codeRequests(requests)) assert.ok(v2Files.has(f), `${f} is not from version 2`);
    assert.equal((await state(page)).results.length, 28);
    assert.deepEqual(realProblems(problems), []);
    await context.close();
  });
});
