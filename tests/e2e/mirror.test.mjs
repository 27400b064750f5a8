// The accessible mirror (web/mirror.js): real HTML that the app keeps in step with its canvas. This
// test uses nothing but the mirror's controls, as a screen reader or keyboard user would, and checks
// that the app's state and the canvas follow, and that changes are announced.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SITE, openPage, screenshotPath, settle, startBrowser, startServer, until, waitForApp } from './harness.mjs';

const catalogue = JSON.parse(readFileSync(join(SITE, 'data/catalogue.json'), 'utf8'));
const withAsset = (id) => catalogue.practices.filter((p) => p.assets.some((a) => a.id === id)).map((p) => p.id);

let browser, server, url;
before(async () => {
  browser = await startBrowser();
  ({ server, url } = await startServer());
});
after(async () => {
  await browser?.close();
  server?.close();
});

const state = (page) => page.evaluate(() => window.procureApp.state());
const widgets = (page) => page.evaluate(() => window.procureApp.widgets());

async function open(options = {}) {
  const session = await openPage(browser, options);
  await session.page.goto(url + (options.hash || ''));
  assert.equal((await waitForApp(session.page)).failed, null);
  await session.page.waitForSelector('#mirror-results li', { state: 'attached' });
  return session;
}

describe('accessible mirror', () => {
  test('filters, search, a practice and its checklist, all through the mirror; the canvas follows', async () => {
    const { page, problems, context } = await open();
    // The mirror is in the accessibility tree but off screen until a control in it has the focus.
    const box = await page.locator('#mirror').boundingBox();
    assert.ok(box.width <= 1 && box.height <= 1, 'visually hidden by default');
    assert.equal(await page.getByRole('checkbox').count() > 20, true);
    assert.equal(await page.locator('#mirror-results li').count(), 28);
    assert.match(await page.locator('#mirror-count').textContent(), /28/);

    // Filters: real checkboxes with labels and counts.
    const cloud = page.getByRole('checkbox', { name: /^Cloud services \(\d+\)$/ });
    await cloud.focus();  // a keyboard user tabs to it, which brings the mirror on screen
    assert.ok((await page.locator('#mirror').boundingBox()).width > 300);
    await page.keyboard.press('Space');
    await until(page, (n) => window.procureApp.state().results.length === n, withAsset('cloud_services').length);
    let s = await state(page);
    assert.deepEqual(s.results, withAsset('cloud_services'));
    assert.match(s.fragment, /type=cloud_services/);
    await page.waitForFunction((n) => document.querySelectorAll('#mirror-results li').length === n, s.results.length);
    assert.equal(await cloud.isChecked(), true);
    await settle(page);
    assert.ok((await widgets(page))['chip.cloud_services'], 'the canvas shows the filter chip');
    await page.waitForFunction(() => /\d/.test(document.getElementById('mirror-live').textContent));
    assert.match(await page.locator('#mirror-live').textContent(), new RegExp(`^${s.results.length} `), 'the new count is announced');

    // Search: a real input; the canvas's search box shows the same text.
    await page.getByRole('searchbox').focus();
    await page.keyboard.type('encryption');
    await until(page, () => window.procureApp.state().search === 'encryption');
    s = await state(page);
    assert.ok(s.results.length >= 1 && s.results.includes('encryption'));
    await page.waitForFunction((n) => document.querySelectorAll('#mirror-results li').length === n, s.results.length);

    // A result is a link; following it opens the practice as an article, and the focus goes there.
    await page.getByRole('link', { name: /Use encryption/ }).focus();
    await page.keyboard.press('Enter');
    await until(page, () => window.procureApp.state().openPractice === 'encryption');
    await page.waitForFunction(() => document.activeElement && document.activeElement.id === 'mirror-detail-title');
    const article = page.getByRole('article');
    assert.match(await article.getByRole('heading', { level: 2 }).textContent(), /Use encryption/);
    assert.ok(await article.getByRole('listitem').count() > 5, 'clauses, evidence and references are lists');
    await settle(page);
    assert.ok((await widgets(page))['detail.close'], 'the canvas shows the practice too');

    // The checklist: radio buttons and a text area.
    await article.getByRole('radio', { name: 'In tender' }).focus();
    await page.keyboard.press('Space');
    await until(page, () => window.procureApp.state().checklist.encryption?.status === 'in_tender');
    await article.getByRole('textbox').focus();
    await page.keyboard.type('Asked in lot 2, clause 4.1');
    await page.keyboard.press('Tab');
    await until(page, () => window.procureApp.state().checklist.encryption?.note === 'Asked in lot 2, clause 4.1');
    // A note past the limit is refused with the canvas's notice, shown in the mirror too; nothing typed is lost.
    const long = 'x'.repeat(9000);
    await article.getByRole('textbox').focus();
    await page.keyboard.insertText(long);
    await page.keyboard.press('Tab');
    await page.waitForFunction(() => /8192/.test(document.getElementById('mirror-notices').textContent));
    assert.equal((await state(page)).checklist.encryption.note, 'Asked in lot 2, clause 4.1', 'the saved note is unchanged');
    assert.equal((await article.getByRole('textbox').inputValue()).length, 'Asked in lot 2, clause 4.1'.length + 9000, 'the text area keeps it');

    // Clearing every filter from the mirror; the canvas's chips go.
    await page.getByRole('button', { name: 'Close' }).focus();
    await page.keyboard.press('Enter');
    await until(page, () => window.procureApp.state().openPractice === '');
    await page.getByRole('searchbox').focus();
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Delete');
    await page.getByRole('button', { name: /^Clear all/ }).focus();
    await page.keyboard.press('Enter');
    await until(page, () => window.procureApp.state().results.length === 28);
    await settle(page);
    assert.equal((await widgets(page))['chip.cloud_services'], undefined);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('the skip link shows the text view; the language chosen there applies to app and mirror', async () => {
    const { page, problems, context } = await open();
    // The canvas has the keyboard at first; Esc with nothing to close hands it to the skip link.
    assert.equal(await page.evaluate(() => document.activeElement.id), 'canvas');
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => document.activeElement.id === 'skip-to-text');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.body.classList.contains('text-view'));
    const box = await page.locator('#mirror').boundingBox();
    assert.ok(box.width > 300 && box.height > 300, 'the text view is on screen');
    // Tab now moves through the text view's controls (SDL does not take it from the page's own controls).
    await page.keyboard.press('Tab');
    assert.ok(await page.evaluate(() => document.getElementById('mirror').contains(document.activeElement)));
    await page.screenshot({ path: screenshotPath('mirror-text-view') });

    await page.getByLabel(/Language/).selectOption('de');
    await until(page, () => window.procureApp.state().language === 'de');
    await page.waitForFunction(() => document.getElementById('mirror').lang === 'de');
    assert.notEqual(await page.locator('#mirror-title').textContent(), 'Hospital Procurement Guide');
    await page.screenshot({ path: screenshotPath('mirror-text-view-de') });
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('texts from a catalogue are shown as text, never run as markup', async () => {
    const { page, problems, context } = await open({ hash: '#open=encryption' });
    await page.waitForSelector('#mirror-detail-title', { state: 'attached' });
    const html = '<img src=x onerror="window.__injected=1"><script>window.__injected=2</script>';
    const result = await page.evaluate(async (markup) => {
      // Every string of the app's model replaced with markup, as a hostile catalogue would have it.
      const poison = (v) => (typeof v === 'string' ? markup : Array.isArray(v) ? v.map(poison)
        : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, k === 'id' || k === 'kind' ? x : poison(x)])) : v);
      window.procureApp.mirror.update(JSON.stringify(poison(JSON.parse(window.procureApp.mirror.model()))), true);
      await new Promise((r) => setTimeout(r, 500));
      const mirror = document.getElementById('mirror');
      return { injected: window.__injected, elements: mirror.querySelectorAll('img, script').length,
               shown: mirror.textContent.split(markup).length - 1 };
    }, html);
    assert.equal(result.injected, undefined);
    assert.equal(result.elements, 0);
    assert.ok(result.shown > 20, `the markup is shown as text (${result.shown} times)`);
    assert.deepEqual(problems, []);
    await context.close();
  });
});
