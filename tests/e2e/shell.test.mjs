// The app shell in a real browser: it loads, draws real pixels, follows the window and the pixel
// ratio, stays idle when nothing happens, and shows a readable page instead of a blank canvas on failure.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SITE, distinctColours, openPage, screenshotPath, startBrowser, startServer, waitForApp } from './harness.mjs';

let browser, server, url;
before(async () => {
  browser = await startBrowser();
  ({ server, url } = await startServer());
});
after(async () => {
  await browser?.close();
  server?.close();
});

describe('the app shell', () => {
  test('loads, draws the bundled catalogue and reports no errors', async () => {
    const { page, problems, context } = await openPage(browser);
    await page.goto(url);
    const status = await waitForApp(page);
    assert.equal(status.failed, null);
    assert.equal(status.ready, true);

    const state = await page.evaluate(() => window.procureApp.state());
    const bundled = JSON.parse(readFileSync(join(SITE, 'data/catalogue.json'), 'utf8'));
    assert.equal(state.catalogue.id, bundled.id);
    assert.deepEqual(state.catalogue.practices, bundled.practices.map((p) => p.id));
    assert.equal(state.catalogue.practices.length, 28);

    const png = await page.screenshot({ path: screenshotPath('shell-1280x800') });
    assert.ok(await distinctColours(page, png) > 50, 'the canvas shows a drawn interface, not a blank or flat colour');
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('draws no frames while idle', async () => {
    const { page, problems, context } = await openPage(browser);
    await page.goto(url);
    await waitForApp(page);
    await page.waitForTimeout(500); // let the frames requested by start-up finish
    const before = await page.evaluate(() => window.procureApp.frames());
    await page.waitForTimeout(1500);
    const after = await page.evaluate(() => window.procureApp.frames());
    console.log(`# idle: ${(after - before) / 1.5} frames per second`);
    assert.equal(after, before, 'an idle tab draws nothing');
    await page.mouse.move(300, 300);
    await page.waitForTimeout(300);
    assert.ok(await page.evaluate(() => window.procureApp.frames()) > after, 'input wakes the app');

    // The CPU cost of a frame while interacting (measured inside the app, so SwiftShader's GPU work
    // done after the frame is not counted; it is a figure, not a limit).
    const start = await page.evaluate(() => window.procureApp.state().frameMs);
    const startFrames = await page.evaluate(() => window.procureApp.frames());
    for (let i = 0; i < 40; i++) await page.mouse.move(300 + i * 15, 200 + (i % 10) * 40);
    await page.mouse.wheel(0, 400);
    await page.waitForTimeout(600);
    const end = await page.evaluate(() => window.procureApp.state().frameMs);
    const frames = (await page.evaluate(() => window.procureApp.frames())) - startFrames;
    console.log(`# interacting: ${frames} frames; per frame ${((end.build - start.build) / frames).toFixed(2)} ms to build the UI, ` +
                `${((end.submit - start.submit) / frames).toFixed(2)} ms to submit to WebGL (software renderer here)`);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('the backing store follows the window size and devicePixelRatio', async () => {
    const { page, problems, context } = await openPage(browser, { viewport: { width: 900, height: 600 }, deviceScaleFactor: 2 });
    await page.goto(url);
    await waitForApp(page);
    const size = () => page.evaluate(() => {
      const c = document.getElementById('canvas');
      return { width: c.width, height: c.height, cssWidth: c.clientWidth, cssHeight: c.clientHeight, dpr: devicePixelRatio };
    });
    let s = await size();
    assert.equal(s.dpr, 2);
    assert.equal(s.width, s.cssWidth * 2);
    assert.equal(s.height, s.cssHeight * 2);
    const state = await page.evaluate(() => window.procureApp.state());
    assert.equal(state.display.scale, 2);

    await page.setViewportSize({ width: 700, height: 500 });
    await page.waitForTimeout(300);
    s = await size();
    assert.equal(s.cssWidth, 700);
    assert.equal(s.width, 1400);
    assert.equal(s.height, 1000);
    await page.screenshot({ path: screenshotPath('shell-700x500@2x') });
    assert.deepEqual(problems, []);
    await context.close();
  });
});

describe('failure pages', () => {
  async function expectFailure(options, setup, reasonPattern, name) {
    const { page, context } = await openPage(browser, options);
    if (setup) await setup(page);
    await page.goto(url);
    const status = await waitForApp(page);
    assert.equal(status.ready, false);
    assert.match(status.failed.reason, reasonPattern);
    assert.equal(await page.isVisible('#failure'), true);
    assert.match(await page.textContent('#failure'), reasonPattern);
    // Every failure leads to the plain pages (text/), which need neither WebGL, wasm nor scripts.
    assert.equal(await page.isVisible('#failure-text-link'), true);
    const href = await page.getAttribute('#failure-text-link', 'href');
    assert.match(href, /^text\/([a-z]{2,3}\/)?index\.html$/);
    assert.equal((await page.request.get(new URL(href, url).href)).status(), 200);
    await page.screenshot({ path: screenshotPath(name) });
    await context.close();
  }

  test('without WebGL2', () => expectFailure(
    { initScript: () => {
      const original = HTMLCanvasElement.prototype.getContext;
      HTMLCanvasElement.prototype.getContext = function (type, ...rest) { return type === 'webgl2' ? null : original.call(this, type, ...rest); };
    } }, null, /WebGL 2 is not available/, 'failure-no-webgl2'));

  test('without WebAssembly', () => expectFailure(
    { initScript: () => { delete window.WebAssembly; } }, null, /cannot run WebAssembly/, 'failure-no-wasm'));

  test('when the wasm download fails', () => expectFailure({}, (page) =>
    page.route('**/app.wasm', (route) => route.fulfill({ status: 404, body: 'gone' })), /could not be loaded/, 'failure-wasm-404'));

  test('when the app aborts', () => expectFailure({}, (page) =>
    page.route('**/app.wasm', (route) => route.fulfill({ status: 200, contentType: 'application/wasm', body: Buffer.from('not wasm at all') })),
    /internal error|could not/, 'failure-abort'));
});
