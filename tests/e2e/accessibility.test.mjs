// axe-core (npm) in Chromium: no serious or critical violation on the app page with its accessible
// mirror shown as the text view (a list of results, then a practice open), nor on the static HTML
// rendition (text/): its list of languages, a language's index and a practice page, in English and in
// languages written in Greek and Cyrillic letters. Every finding is printed with its impact, and the
// counts of passed and incomplete checks, for the closing note.
//
// axe is evaluated as source through the DevTools protocol (page.evaluate), not added as a <script>:
// the static pages forbid every script by their own Content-Security-Policy, and the deployed app
// allows only its own files. Evaluating it this way leaves each page's real policy in force.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { openPage, screenshotPath, startBrowser, startServer, waitForApp } from './harness.mjs';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const BLOCKING = new Set(['serious', 'critical']);

let browser, server, url;
before(async () => {
  browser = await startBrowser();
  ({ server, url } = await startServer());
});
after(async () => {
  await browser?.close();
  server?.close();
});

// Runs every axe rule that is not experimental on the page as it is now, prints what it found, and
// returns the serious and critical violations.
async function audit(page, name) {
  await page.evaluate(AXE_SOURCE);
  const result = await page.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ['violations', 'incomplete'] });
    const brief = (items) => items.map((v) => ({ id: v.id, impact: v.impact, help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target.join(' '), summary: n.failureSummary })) }));
    return { violations: brief(r.violations), incomplete: brief(r.incomplete), passes: r.passes.length, axe: r.testEngine.version };
  });
  const byImpact = {};
  for (const v of result.violations) byImpact[v.impact] = (byImpact[v.impact] || 0) + 1;
  console.log(`axe ${result.axe} on ${name}: ${result.passes} rules passed, ${result.incomplete.length} incomplete, ` +
              `violations ${JSON.stringify(byImpact)}`);
  for (const v of result.violations) {
    console.log(`  [${v.impact}] ${v.id}: ${v.help} (${v.nodes.length} element${v.nodes.length === 1 ? '' : 's'})`);
    for (const n of v.nodes.slice(0, 3)) console.log(`      ${n.target}: ${(n.summary || '').split('\n').slice(0, 2).join(' ')}`);
  }
  for (const v of result.incomplete) console.log(`  incomplete: ${v.id} (${v.nodes.map((n) => n.target).join(', ')}): ${v.help}`);
  return result.violations.filter((v) => BLOCKING.has(v.impact));
}

describe('axe: the app page with its accessible mirror', () => {
  test('the text view with the results, then with a practice open, has no serious or critical violation', async () => {
    const { page, problems, context } = await openPage(browser, { locale: 'en-GB' });
    await page.goto(url);
    assert.equal((await waitForApp(page)).failed, null);
    assert.equal((await page.evaluate(() => window.procureApp.state())).language, 'en');
    // The way a keyboard user gets there: the skip link, first on the page.
    await page.focus('#skip-to-text');
    await page.keyboard.press('Enter');
    await page.waitForSelector('body.text-view #mirror-results li a');
    await page.screenshot({ path: screenshotPath('a11y-mirror-text-view') });
    assert.deepEqual(await audit(page, 'the app, text view'), []);

    await page.click('#mirror-results li a >> nth=0');
    await page.waitForSelector('#mirror-detail h2#mirror-detail-title');
    await page.waitForSelector('#mirror-detail input[type=radio]');
    await page.screenshot({ path: screenshotPath('a11y-mirror-practice-open'), fullPage: true });
    assert.deepEqual(await audit(page, 'the app, text view with a practice open'), []);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('in Greek, with a practice open from the link, the text view has no serious or critical violation', async () => {
    const { page, problems, context } = await openPage(browser, { locale: 'el-GR' });
    await page.goto(url + '#lang=el&open=encryption');
    assert.equal((await waitForApp(page)).failed, null);
    await page.focus('#skip-to-text');
    await page.keyboard.press('Enter');
    await page.waitForSelector('body.text-view #mirror-detail input[type=radio]');
    assert.equal(await page.getAttribute('#mirror', 'lang'), 'el');
    await page.screenshot({ path: screenshotPath('a11y-mirror-el-practice-open') });
    assert.deepEqual(await audit(page, 'the app in Greek, text view with a practice open'), []);
    assert.deepEqual(problems, []);
    await context.close();
  });
});

describe('axe: the static HTML rendition', () => {
  const pages = [
    ['text/index.html', 'the list of languages'],
    ['text/en/index.html', 'the English index'],
    ['text/en/encryption.html', 'an English practice page'],
    ['text/en/all.html', 'every English practice on one page'],
    ['text/el/index.html', 'the Greek index'],
    ['text/el/encryption.html', 'a Greek practice page'],
    ['text/bg/remote-access.html', 'a Bulgarian practice page'],
  ];
  for (const [path, name] of pages) {
    for (const colorScheme of ['light', 'dark']) {
      test(`${name} (${path}, ${colorScheme}) has no serious or critical violation`, async () => {
        const { page, problems, context } = await openPage(browser, { colorScheme });
        const response = await page.goto(url + path);
        assert.equal(response.status(), 200);
        if (colorScheme === 'light') await page.screenshot({ path: screenshotPath(`a11y-${path.replaceAll('/', '-').replace('.html', '')}`) });
        assert.deepEqual(await audit(page, `${path} (${colorScheme})`), []);
        assert.deepEqual(problems, []);
        await context.close();
      });
    }
  }
});
