// The static HTML rendition (text/, written by catalogue-tool static-site at build time) as readers
// reach it: from the failure page when the browser cannot run the app, in their language when the
// page can tell it; from the <noscript> block; and on its own, under a policy that allows no script,
// and from disk.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DIST, SINGLE_FILE, SITE, openPage, screenshotPath, startBrowser, startServer, waitForApp } from './harness.mjs';

const catalogue = JSON.parse(readFileSync(join(SITE, 'data/catalogue.json'), 'utf8'));
const languages = JSON.parse(readFileSync(join(SITE, 'i18n/languages.json'), 'utf8')).languages;
const noWebGL2 = () => {
  const original = HTMLCanvasElement.prototype.getContext;
  HTMLCanvasElement.prototype.getContext = function (type, ...rest) { return type === 'webgl2' ? null : original.call(this, type, ...rest); };
};

let browser, server, url;
before(async () => {
  browser = await startBrowser();
  ({ server, url } = await startServer());
});
after(async () => {
  await browser?.close();
  server?.close();
});

// The practices a language's index links to from its list by phase, by page name.
const practicesByPhase = (page) => page.$$eval('section:has(> h2#phases) ul.practices a',
  (links) => [...new Set(links.map((a) => a.getAttribute('href')))]);

describe('reaching the plain pages from the app page', () => {
  test('without WebGL2 the failure page links to them in the reader\'s language, and they show every practice', async () => {
    const { page, context } = await openPage(browser, { locale: 'el-GR', initScript: noWebGL2 });
    await page.goto(url);
    assert.match((await waitForApp(page)).failed.reason, /WebGL 2 is not available/);
    const link = page.locator('#failure-text-link');
    assert.equal(await link.isVisible(), true);
    await page.waitForFunction(() => document.getElementById('failure-text-link').getAttribute('href') === 'text/el/index.html');
    await page.screenshot({ path: screenshotPath('text-version-failure-link') });

    await Promise.all([page.waitForURL('**/text/el/index.html'), link.click()]);
    assert.equal(await page.getAttribute('html', 'lang'), 'el');
    const hrefs = await practicesByPhase(page);
    assert.deepEqual(hrefs.sort(), catalogue.practices.map((p) => `${p.id}.html`).sort(), 'every practice, once, by phase');
    await page.screenshot({ path: screenshotPath('text-version-el-index'), fullPage: false });

    await Promise.all([page.waitForURL('**/text/el/encryption.html'), page.click('section:has(> h2#phases) a[href="encryption.html"]')]);
    assert.match(await page.textContent('article h1'), /Χρήση κρυπτογράφησης/);
    assert.ok(await page.locator('ol.clauses li').count() >= 3, 'the tender clauses are there');
    await page.screenshot({ path: screenshotPath('text-version-el-practice') });
    await context.close();
  });

  test('a reader whose language the guide lacks is offered the list of languages', async () => {
    const { page, context } = await openPage(browser, { locale: 'ja-JP', initScript: noWebGL2 });
    // The registry is fetched after the failure; wait for that, then check the link was left alone.
    const registry = page.waitForResponse((r) => r.url().endsWith('i18n/languages.json'));
    await page.goto(url);
    assert.ok((await waitForApp(page)).failed);
    await registry;
    await page.waitForTimeout(200);
    assert.equal(await page.getAttribute('#failure-text-link', 'href'), 'text/index.html');
    await Promise.all([page.waitForURL('**/text/index.html'), page.click('#failure-text-link')]);
    const listed = await page.$$eval('ul.languages a', (as) => as.map((a) => a.getAttribute('hreflang')));
    assert.deepEqual(listed, languages.map((l) => l.code));
    await context.close();
  });

  test('with JavaScript off the <noscript> block links to them', async () => {
    const { page, problems, context } = await openPage(browser, { javaScriptEnabled: false });
    await page.goto(url);
    const link = page.locator('#noscript a[href="text/index.html"]');
    assert.equal(await link.isVisible(), true);
    await page.screenshot({ path: screenshotPath('text-version-noscript') });
    await Promise.all([page.waitForURL('**/text/index.html'), link.click()]);
    await Promise.all([page.waitForURL('**/text/en/index.html'), page.click('ul.languages a[hreflang="en"]')]);
    assert.equal((await practicesByPhase(page)).length, catalogue.practices.length);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('the page names them as its alternate for printing and search engines', async () => {
    const { page, context } = await openPage(browser);
    await page.goto(url);
    assert.equal(await page.getAttribute('link[rel=alternate][type="text/html"]', 'href'), 'text/index.html');
    await context.close();
  });
});

describe('the plain pages on their own', () => {
  test('a practice page renders under a policy that allows no script at all', async () => {
    const { page, problems, context } = await openPage(browser);
    // The strictest policy a host could send, on top of the one each page carries in a <meta>.
    await page.route('**/text/**', async (route) => {
      const response = await route.fetch();
      await route.fulfill({ response, headers: { ...response.headers(), 'content-security-policy': "default-src 'none'; style-src 'self'" } });
    });
    const response = await page.goto(url + 'text/en/encryption.html');
    assert.equal(response.headers()['content-security-policy'], "default-src 'none'; style-src 'self'");
    assert.equal(await page.evaluate(() => document.scripts.length), 0);
    assert.equal(await page.evaluate(() => getComputedStyle(document.body).maxWidth), '736px', 'its one stylesheet applies');
    assert.match(await page.textContent('h1'), /Use encryption/);
    // The policy is in force: a script added to the page does not run (Chromium reports the refusal).
    await page.addScriptTag({ content: 'window.ranInline = true;' }).catch(() => {});
    assert.equal(await page.evaluate(() => window.ranInline), undefined);
    assert.ok(problems.length > 0 && problems.every((p) => /Content Security Policy/.test(p)), problems.join('\n'));
    problems.length = 0;
    // Onward links work: next practice, back to the index, and the interactive app in the same language.
    await Promise.all([page.waitForURL('**/text/en/risk-assessment.html'), page.click('a[rel=next]')]);
    assert.equal(await page.getAttribute('a[href^="../../index.html"]', 'href'), '../../index.html#lang=en&open=risk-assessment');
    await page.screenshot({ path: screenshotPath('text-version-en-practice'), fullPage: true });
    await page.emulateMedia({ media: 'print' });
    await page.screenshot({ path: screenshotPath('text-version-en-practice-print'), fullPage: true });
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('a saved copy opened from disk keeps its style and its links between pages', async () => {
    const { page, problems, context } = await openPage(browser);
    await page.goto(pathToFileURL(join(SITE, 'text/index.html')).href);
    await Promise.all([page.waitForURL('**/text/de/index.html'), page.click('ul.languages a[hreflang="de"]')]);
    await Promise.all([page.waitForURL('**/text/de/all.html'), page.click('p.print a')]);
    assert.equal(await page.evaluate(() => getComputedStyle(document.body).maxWidth), '736px');
    assert.equal(await page.locator('main > article').count(), catalogue.practices.length);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('the deployed folder carries them precompressed under their own names; the single file leaves them out', () => {
    for (const path of ['text/index.html', 'text/style.css', 'text/de/index.html', 'text/de/encryption.html'])
      for (const suffix of ['', '.gz', '.br']) assert.ok(existsSync(join(DIST, path + suffix)), path + suffix);
    const single = readFileSync(SINGLE_FILE, 'utf8');
    assert.ok(!single.includes('text/index.html'), 'no link to a folder the file does not carry');
    assert.ok(single.includes('id="failure"'));
  });
});
