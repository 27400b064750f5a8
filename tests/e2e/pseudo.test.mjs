// Pseudo-localisation at the phone layout: the interface and the catalogue in a made-up language 40 %
// longer than English, with accented capitals (tools/pseudo-localise.mjs), at 390 x 844. In every view
// no text may be clipped (the app's own report, state().clippedText) and no two named widgets may
// overlap. Screenshots of each view go to build/screenshots/pseudo-*.png for a person to look at.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BUILD, ROOT, SITE, click, openPage, screenshotPath, settle, startBrowser, startServer, waitForApp } from './harness.mjs';
import { PSEUDO_CODE, pseudoLanguage, pseudoOverlay } from '../../tools/pseudo-localise.mjs';

const registry = JSON.parse(readFileSync(join(SITE, 'i18n/languages.json'), 'utf8')).languages.map((l) => l.code);
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };
const catalogueTool = join(BUILD, 'native/tools/catalogue-tool/catalogue-tool');
const catalogue = JSON.parse(readFileSync(join(SITE, 'data/catalogue.json'), 'utf8'));
const ui = JSON.stringify(pseudoOverlay(JSON.parse(readFileSync(join(ROOT, 'i18n/ui/en.json'), 'utf8'))));
// The catalogue's English texts, keyed the way the app's loader reads translations.
const content = JSON.stringify(pseudoOverlay(JSON.parse(execFileSync(catalogueTool, ['extract', join(SITE, 'data/catalogue.json')], { encoding: 'utf8' }))));

let browser, server, url;
before(async () => {
  browser = await startBrowser();
  ({ server, url } = await startServer());
});
after(async () => {
  await browser?.close();
  server?.close();
});

// Serves the site with the pseudo language added to the registry and the build manifest.
async function openPseudo(hash = '') {
  const session = await openPage(browser, PHONE);
  const { page } = session;
  const json = (body) => ({ status: 200, contentType: 'application/json', body });
  await page.route('**/i18n/languages.json', async (route) => {
    const registry = await (await route.fetch()).json();
    registry.languages.push(pseudoLanguage());
    await route.fulfill(json(JSON.stringify(registry)));
  });
  await page.route('**/build.json', async (route) => {
    const manifest = await (await route.fetch()).json();
    manifest.translations.ui.push(PSEUDO_CODE);
    manifest.translations.content.push(`${catalogue.id}/${PSEUDO_CODE}`);
    manifest.translations.bytes[`ui/${PSEUDO_CODE}.json`] = Buffer.byteLength(ui);
    manifest.translations.bytes[`content/${catalogue.id}/${PSEUDO_CODE}.json`] = Buffer.byteLength(content);
    await route.fulfill(json(JSON.stringify(manifest)));
  });
  await page.route(`**/i18n/ui/${PSEUDO_CODE}.json`, (route) => route.fulfill(json(ui)));
  await page.route(`**/i18n/content/${catalogue.id}/${PSEUDO_CODE}.json`, (route) => route.fulfill(json(content)));
  await page.goto(`${url}#lang=${PSEUDO_CODE}${hash}`);
  assert.equal((await waitForApp(page)).failed, null);
  await settle(page);
  return session;
}

const state = (page) => page.evaluate(() => window.procureApp.state());

// Pairs of named widgets whose rectangles overlap by more than 4 px each way: an ImGui selectable's
// hit area reaches half the item spacing (4 px) into the next row, which is not text on text.
function overlaps(widgets) {
  const found = [];
  const entries = Object.entries(widgets);
  for (let i = 0; i < entries.length; i++) {
    for (let j = i + 1; j < entries.length; j++) {
      const [a, ra] = entries[i], [b, rb] = entries[j];
      const w = Math.min(ra.x + ra.width, rb.x + rb.width) - Math.max(ra.x, rb.x);
      const h = Math.min(ra.y + ra.height, rb.y + rb.height) - Math.max(ra.y, rb.y);
      if (w > 4 && h > 4) found.push(`${a} and ${b}`);
    }
  }
  return found;
}

// Takes the screenshot first, so a failure can be looked at. Over a dialog, `only` names the dialog's
// own widgets: the view behind it is still drawn (and was checked on its own).
async function checkView(page, name, only = /./) {
  await settle(page);
  await page.screenshot({ path: screenshotPath(`pseudo-${name}`) });
  const s = await state(page);
  assert.equal(s.missingGlyphs, '', `${name}: the font cannot draw ${JSON.stringify(s.missingGlyphs)}`);
  assert.deepEqual(s.clippedText, [], `${name}: text does not fit (see pseudo-${name}.png)`);
  const widgets = Object.fromEntries(Object.entries(await page.evaluate(() => window.procureApp.widgets())).filter(([n]) => only.test(n)));
  assert.ok(Object.keys(widgets).length > 0, `${name}: named widgets on screen`);
  for (const [n, r] of Object.entries(widgets))
    assert.ok(r.x >= 0 && r.x + r.width <= 390 + 0.5, `${name}: ${n} lies outside the 390 px width: ${JSON.stringify(r)}`);
  assert.deepEqual(overlaps(widgets), [], `${name}: widgets overlap (see pseudo-${name}.png)`);
}

async function scrollTo(page, widget) {
  await page.evaluate((n) => window.procureApp.reveal(n), widget);
  await page.waitForFunction((n) => !!window.procureApp.widgets()[n], widget, { timeout: 5000 });
}

describe('text that fits: pseudo-localisation at 390 x 844, and every shipped language', () => {
  test('the pseudo language keeps every placeholder, is 40 % longer and uses only letters the font has', () => {
    const letters = (t) => [...t.replace(/\{[A-Za-z0-9_]+\}/g, '')].filter((c) => /\p{L}/u.test(c)).length;
    const placeholders = (t) => (t.match(/\{[A-Za-z0-9_]+\}/g) || []).sort();
    for (const [english, pseudo] of [
      [JSON.parse(readFileSync(join(ROOT, 'i18n/ui/en.json'), 'utf8')), JSON.parse(ui)],
      [JSON.parse(execFileSync(catalogueTool, ['extract', join(SITE, 'data/catalogue.json')], { encoding: 'utf8' })), JSON.parse(content)],
    ]) {
      assert.deepEqual(Object.keys(pseudo.strings), Object.keys(english.strings));
      for (const [key, text] of Object.entries(english.strings)) {
        const p = pseudo.strings[key];
        assert.deepEqual(placeholders(p), placeholders(text), key);
        assert.ok(letters(p) >= 1.4 * letters(text), `${key}: ${letters(p)} letters for ${letters(text)}`);
        // ASCII, Latin-1 and Latin Extended-A, which tools/font-characters.py always puts in the font.
        for (const c of p) assert.ok(c.codePointAt(0) <= 0x17f || text.includes(c), `${key}: ${c}`);
      }
    }
  });

  test('the pseudo language is loaded for the interface and the catalogue', async () => {
    const { page, problems, context } = await openPseudo();
    const s = await state(page);
    assert.equal(s.language, PSEUDO_CODE);
    assert.equal(s.catalogue.language, PSEUDO_CODE);
    const widgets = await page.evaluate(() => window.procureApp.widgets());
    assert.ok(widgets['tab.practices'] && widgets['card.involve-it'], 'the list is on screen');
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('the list, scrolled, shows no clipped or overlapping text', async () => {
    const { page, problems, context } = await openPseudo();
    await checkView(page, 'list-top');
    const results = (await state(page)).results;
    for (const at of [Math.floor(results.length / 2), results.length - 1]) {
      await scrollTo(page, `card.${results[at]}`);
      await checkView(page, `list-${at + 1}`);
    }
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('the filter drawer shows no clipped or overlapping text', async () => {
    const { page, problems, context } = await openPseudo();
    await click(page, 'drawer.open');
    await checkView(page, 'filters');
    const last = catalogue.threats[catalogue.threats.length - 1].id;
    await scrollTo(page, `facet.threat.${last}`);
    await checkView(page, 'filters-end');
    await click(page, 'drawer.close');
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('a practice in full shows no clipped or overlapping text', async () => {
    const { page, problems, context } = await openPseudo();
    await scrollTo(page, 'card.cloud-rfp');
    await click(page, 'card.cloud-rfp');
    assert.equal((await state(page)).openPractice, 'cloud-rfp');
    await checkView(page, 'detail');
    await scrollTo(page, 'detail.note');
    await checkView(page, 'detail-note');
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('the menu and the dialogs show no clipped or overlapping text', async () => {
    const { page, problems, context } = await openPseudo();
    await click(page, 'header.menu');
    await checkView(page, 'menu', /^header\.theme$/);
    await click(page, 'results.count');  // a click outside closes the menu
    for (const [button, name, own] of [['header.export', 'export', /^(export|checklist)\.|^dialog\.close$/],
      ['header.language', 'language', /^language\.|^dialog\.close$/]]) {
      await click(page, button);
      await checkView(page, name, own);
      await scrollTo(page, 'dialog.close');
      await checkView(page, `${name}-end`, own);
      await click(page, 'dialog.close');
    }
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('the guide and the matrix show no clipped or overlapping text', async () => {
    const { page, problems, context } = await openPseudo('&view=guide');
    await checkView(page, 'guide');
    await page.goto(`${url}#lang=${PSEUDO_CODE}&view=matrix`);
    assert.equal((await waitForApp(page)).failed, null);
    await checkView(page, 'matrix');
    assert.deepEqual(problems, []);
    await context.close();
  });

  // The real languages too: what the pseudo language stands in for, checked where it is cheap (no
  // screenshots; a failure names the language and view, and languages.test.mjs shows them drawn).
  for (const [layout, options, views] of [
    ['the phone in the list, a practice, the guide and the matrix', { ...PHONE, deviceScaleFactor: 1 }, ['', '&open=dpia', '&view=guide', '&view=matrix']],
    ['1280 x 800 in the list with a practice, the guide and the matrix', { viewport: { width: 1280, height: 800 } }, ['&open=dpia', '&view=guide', '&view=matrix']],
  ]) test(`every shipped language fits ${layout}`, async () => {
    const { page, problems, context } = await openPage(browser, options);
    let load = 0;
    for (const code of registry) {
      for (const view of views) {
        await page.goto(`${url}?load=${++load}#lang=${code}${view}`);  // a new query: a new page, not a new fragment
        assert.equal((await waitForApp(page)).failed, null);
        await settle(page);
        const s = await state(page);
        assert.equal(s.language, code);
        assert.deepEqual(s.clippedText, [], `${code} ${view || 'list'}: text does not fit`);
      }
    }
    assert.deepEqual(problems, []);
    await context.close();
  });
});
