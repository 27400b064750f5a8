// Languages in the browser: the first language comes from navigator.languages; switching at run time
// fetches only that language's files, shows them, is remembered and goes into the share link; every
// language draws all of its characters (no missing-glyph boxes). Prints the bytes each language needs.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SITE, click, openPage, screenshotPath, settle, startBrowser, startServer, until, waitForApp } from './harness.mjs';

const registry = JSON.parse(readFileSync(join(SITE, 'i18n/languages.json'), 'utf8')).languages.map((l) => l.code);
const manifest = JSON.parse(readFileSync(join(SITE, 'build.json'), 'utf8'));
const catalogueId = JSON.parse(readFileSync(join(SITE, 'data/catalogue.json'), 'utf8')).id;
const hasContent = (code) => manifest.translations.content.includes(`${catalogueId}/${code}`);

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

async function open(options = {}) {
  const session = await openPage(browser, options);
  const translationRequests = [];
  session.page.on('request', (r) => { if (r.url().includes('/i18n/') && !r.url().endsWith('languages.json')) translationRequests.push(new URL(r.url()).pathname); });
  await session.page.goto(url + (options.hash || ''));
  assert.equal((await waitForApp(session.page)).failed, null);
  await settle(session.page);
  return { ...session, translationRequests };
}

describe('languages', () => {
  test('the first language follows navigator.languages, and only its files are fetched', async () => {
    const { page, problems, context, translationRequests } = await open({ locale: 'pl-PL' });
    const s = await state(page);
    assert.equal(s.language, 'pl');
    assert.match(s.fragment, /lang=pl/);
    for (const path of translationRequests) assert.match(path, /\/(pl|en)\.json$/, `${path} is not Polish or the English fallback`);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('switching through all 24 languages: shown, complete glyphs, remembered, in the link', async () => {
    const { page, problems, context, translationRequests } = await open({ locale: 'en-GB' });
    assert.equal((await state(page)).language, 'en');
    const sizes = [];
    const screenshots = new Set(['el', 'bg', 'mt', 'pl', 'ga']);
    for (const code of registry) {
      const before = translationRequests.length;
      await click(page, 'header.language');
      await click(page, `language.${code}`);
      await until(page, (c) => window.procureApp.state().language === c, code);
      await settle(page);
      const s = await state(page);
      assert.equal(s.missingGlyphs, '', `${code}: the font cannot draw ${JSON.stringify(s.missingGlyphs)}`);
      if (hasContent(code)) assert.equal(s.catalogue.language, code, `${code}: the catalogue is shown in it`);
      assert.match(s.fragment, new RegExp(`lang=${code}`));
      for (const path of translationRequests.slice(before)) assert.match(path, new RegExp(`/${code}\\.json$`), `${code}: fetched ${path}`);
      sizes.push([code, await page.evaluate((c) => window.procureApp.languageBytes[c], code)]);
      if (screenshots.has(code)) await page.screenshot({ path: screenshotPath(`language-${code}`) });
    }
    // Figures for the closing note: what one language costs to load (uncompressed JSON).
    console.log('# bytes fetched when switching to each language (interface + content, uncompressed; English is already loaded as the fallback):');
    console.log(`# ${sizes.map(([c, b]) => `${c} ${b ?? 0}`).join(', ')}`);

    await page.reload();
    assert.equal((await waitForApp(page)).failed, null);
    assert.equal((await state(page)).language, registry[registry.length - 1], 'the last choice is remembered');
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('a link with lang= wins over the browser language', async () => {
    const { page, problems, context } = await open({ locale: 'de-DE', hash: '#lang=el&open=encryption' });
    const s = await state(page);
    assert.equal(s.language, 'el');
    assert.equal(s.openPractice, 'encryption');
    assert.equal(s.missingGlyphs, '');
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('a damaged translation file is reported and English fills in', async () => {
    const { page, problems, context } = await (async () => {
      const session = await openPage(browser, { locale: 'fr-FR' });
      await session.page.route('**/i18n/ui/fr.json', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: '{"language": "fr", "strings": ' }));
      await session.page.goto(url);
      assert.equal((await waitForApp(session.page)).failed, null);
      await settle(session.page);
      return session;
    })();
    const s = await state(page);
    assert.equal(s.language, 'fr');
    assert.ok(s.notices.some((n) => /translation file could not be read/i.test(n)), JSON.stringify(s.notices));
    assert.deepEqual(problems, []);
    await context.close();
  });
});
