// The canvas honours the reader's text size: the browser's default font size (its settings) scales
// the drawn text, and browser zoom reaches it through devicePixelRatio (see shell.test.mjs).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, screenshotPath, settle, startBrowser, startServer, waitForApp } from './harness.mjs';

let browser, server, url;
before(async () => {
  browser = await startBrowser();
  ({ server, url } = await startServer());
});
after(async () => {
  await browser?.close();
  server?.close();
});

async function searchBoxHeight(rootFontSize) {
  // A user style sheet or the browser's font-size setting changes the root element's font size.
  const initScript = rootFontSize
    ? `document.addEventListener('DOMContentLoaded', () => { document.documentElement.style.fontSize = '${rootFontSize}'; });`
    : undefined;
  const { page, problems, context } = await openPage(browser, { initScript });
  await page.goto(url);
  assert.equal((await waitForApp(page)).failed, null);
  await settle(page);
  const state = await page.evaluate(() => window.procureApp.state());
  const height = (await page.evaluate(() => window.procureApp.widgets())).search.height;
  if (rootFontSize) await page.screenshot({ path: screenshotPath('text-size-large') });
  assert.deepEqual(problems, []);
  await context.close();
  return { scale: state.textScale, height };
}

describe('text size', () => {
  test("the browser's default font size scales the canvas text", async () => {
    const normal = await searchBoxHeight();
    assert.equal(normal.scale, 1);
    const large = await searchBoxHeight('24px');  // "very large" in Chromium's settings
    assert.equal(large.scale, 1.5);
    // Its padding stays; its line of 17 px text becomes 25.5 px.
    assert.ok(large.height - normal.height >= 8, `the search box grows with its text: ${normal.height} -> ${large.height} px`);
  });
});
