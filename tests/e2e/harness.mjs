// Shared set-up for the browser tests: Debian's Chromium driven by playwright-core, with SwiftShader
// WebGL2, the built site served over local HTTP, and a record of console errors and failed requests.
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { serve } from '../../tools/static-server.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const BUILD = process.env.HP_BUILD || join(ROOT, 'build');
export const SITE = process.env.HP_SITE || join(BUILD, 'wasm/site');
export const DIST = join(BUILD, 'wasm/dist');                              // what is deployed
export const SINGLE_FILE = join(BUILD, 'wasm/hospital-procurement-guide.html');  // the single-file edition
export { ROOT };
export const SCREENSHOTS = join(BUILD, 'screenshots');
mkdirSync(SCREENSHOTS, { recursive: true });

const CHROMIUM_ARGS = [
  '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--no-sandbox', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic', '--disable-dev-shm-usage',
];

export async function startBrowser() {
  return chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: CHROMIUM_ARGS, headless: true });
}

export async function startServer(dir = SITE) {
  return serve(dir, 0);
}

// Opens a page that records every console error, page error and failed request in `problems`.
export async function openPage(browser, { viewport = { width: 1280, height: 800 }, deviceScaleFactor = 1, colorScheme = 'light', initScript, hash, ...rest } = {}) {
  const context = await browser.newContext({ viewport, deviceScaleFactor, colorScheme, ...rest });
  const page = await context.newPage();
  const problems = [];
  page.on('console', (msg) => { if (msg.type() === 'error') problems.push(`console error: ${msg.text()}`); });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('requestfailed', (req) => problems.push(`request failed: ${req.url()} ${req.failure()?.errorText}`));
  page.on('response', (res) => { if (res.status() >= 400) problems.push(`HTTP ${res.status()}: ${res.url()}`); });
  // The app asks for nothing outside its own origin (the CSP says so too; this catches it either way).
  let origin = null;
  page.on('request', (req) => {
    const u = new URL(req.url());
    if (u.protocol === 'data:' || u.protocol === 'blob:') return;
    if (!origin && req.isNavigationRequest()) origin = u.origin;
    if (origin && u.origin !== origin) problems.push(`request outside the app's origin: ${req.url()}`);
  });
  if (initScript) await page.addInitScript(initScript);
  return { context, page, problems };
}

// The readiness signal documented in README.md: window.procureApp.ready, or a failure page.
export async function waitForApp(page, timeout = 60000) {
  await page.waitForFunction(() => window.procureApp && (window.procureApp.ready || window.procureApp.failed), null, { timeout });
  return page.evaluate(() => ({ ready: window.procureApp.ready, failed: window.procureApp.failed }));
}

// Counts distinct colours in a screenshot, decoded by the browser itself: a blank or single-colour
// canvas has one or two; a drawn interface with anti-aliased text has hundreds.
export async function distinctColours(page, png) {
  return page.evaluate(async (b64) => {
    // Decoded from base64 by hand: a fetch of a data: URL would break the pages' connect-src policy.
    const binary = atob(b64);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    const blob = new Blob([bytes], { type: 'image/png' });
    const bitmap = await createImageBitmap(blob);
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const ctx = canvas.getContext('2d');
    ctx.drawImage(bitmap, 0, 0);
    const data = ctx.getImageData(0, 0, bitmap.width, bitmap.height).data;
    const colours = new Set();
    for (let i = 0; i < data.length; i += 4) colours.add((data[i] << 16) | (data[i + 1] << 8) | data[i + 2]);
    return colours.size;
  }, png.toString('base64'));
}

export function screenshotPath(name) {
  return join(SCREENSHOTS, `${name}.png`);
}

// ---- Driving the app like a person: clicks at the widget positions the app reports -------------------

// Scrolls the named widget into view, waits until it is on screen, then clicks its centre.
export async function click(page, name) {
  await page.evaluate((n) => { if (!window.procureApp.widgets()[n]) window.procureApp.reveal(n); }, name);
  await page.waitForFunction((n) => !!window.procureApp.widgets()[n], name, { timeout: 5000 })
    .catch(async () => {
      await page.screenshot({ path: screenshotPath(`missing-${name}`) });
      throw new Error(`widget "${name}" is not on screen (see missing-${name}.png)`);
    });
  const r = await page.evaluate((n) => window.procureApp.widgets()[n], name);
  await page.mouse.click(r.x + r.width / 2, r.y + r.height / 2);
  await settle(page);
}

// Clicks a text field and waits until it has the keyboard (the page's hidden text field is focused).
export async function clickText(page, name) {
  await click(page, name);
  await until(page, () => window.procureApp.state().textInputActive && document.activeElement.id === 'text-proxy');
}

// Waits until the app has drawn the frames that follow an input event: it draws only while something
// changes, so a frame count that stays still means it is done (software WebGL can take 50 ms a frame).
export async function settle(page) {
  let last = -1;
  for (let i = 0; i < 100; i++) {
    await page.waitForTimeout(i === 0 ? 50 : 120);
    const now = await page.evaluate(() => window.procureApp.frames());
    if (now === last) return;
    last = now;
  }
}

// Software WebGL draws slowly and ImGui takes typed characters a frame at a time: allow for both.
export async function until(page, predicate, arg) {
  await page.waitForFunction(predicate, arg, { timeout: 30000 });
}
