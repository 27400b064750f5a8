// Hostile input in the browser: a malicious link, a catalogue with script-like text (and one with a
// hostile id), an oversized note, an oversized checklist file, corrupted storage and a failed
// catalogue download. In each case the
// app stays responsive, says what happened in a specific message, and runs nothing that was injected:
// a trap (window.__pwned) and a dialog listener catch any script, event handler or javascript: URL.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SITE, click, clickText, openPage, screenshotPath, settle, startBrowser, startServer, until, waitForApp } from './harness.mjs';

const catalogue = JSON.parse(readFileSync(join(SITE, 'data/catalogue.json'), 'utf8'));
const CHECKLIST_KEY = `hospital-procurement.checklist.${catalogue.id}`;
const en = JSON.parse(readFileSync(join(SITE, 'i18n/ui/en.json'), 'utf8')).strings;
// The start of an English interface string, up to its first placeholder, as a pattern.
const message = (key) => new RegExp(en[key].split('{')[0].replace(/[.*+?^$()|[\]\\]/g, '\\$&'));

const PAYLOAD = 'window.__pwned=(window.__pwned||0)+1';
const HOSTILE = [
  `</script><script>${PAYLOAD}</script>`,
  `<img src=x onerror="${PAYLOAD}">`,
  `"><svg onload=${PAYLOAD}>`,
  `javascript:${PAYLOAD}`,
  '[link](javascript:alert(1)) =cmd|\' /C calc\'!A0',
];

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

// The trap: anything injected that runs sets window.__pwned or opens a dialog.
function trap() {
  window.__pwned = 0;
  for (const name of ['alert', 'confirm', 'prompt']) window[name] = () => { window.__pwned += 1; };
}

async function open({ hash = '', storage, setup, options = {} } = {}) {
  const initScript = storage
    ? `(${trap})(); if (!sessionStorage.getItem('seeded')) { sessionStorage.setItem('seeded', '1'); ${Object.entries(storage)
      .map(([k, v]) => `localStorage.setItem(${JSON.stringify(k)}, ${JSON.stringify(v)});`).join(' ')} }`
    : `(${trap})();`;
  const session = await openPage(browser, { ...options, initScript });
  session.dialogs = [];
  session.page.on('dialog', (d) => { session.dialogs.push(d.message()); d.dismiss().catch(() => {}); });
  if (setup) await setup(session.page);
  await session.page.goto(url + hash);
  session.status = await waitForApp(session.page);
  return session;
}

// Nothing injected ran, and no element came from hostile text.
async function assertNothingRan(session) {
  const { page, dialogs } = session;
  assert.equal(await page.evaluate(() => window.__pwned), 0, 'an injected script ran');
  assert.deepEqual(dialogs, []);
  const injected = await page.evaluate(() => document.querySelectorAll('img[src="x"], svg[onload], [onerror], [onload], a[href^="javascript:"], script:not([src])').length);
  assert.equal(injected, 0, 'an element came from hostile text');
}

// Responsive: a click on a filter is drawn and takes effect (the view's link names the filter).
async function assertResponsive(page) {
  const before = await page.evaluate(() => window.procureApp.frames());
  await click(page, 'facet.asset.cloud_services');
  const s = await state(page);
  assert.ok(s.frames > before, 'no frame drawn after a click');
  assert.match(s.fragment, /type=cloud_services/);
}

describe('hostile input', () => {
  test('a malicious link: ignored parts are named, the search text stays text', async () => {
    const fragment = `q=${encodeURIComponent(HOSTILE[1])}&open=${encodeURIComponent(HOSTILE[0])}` +
      `&type=${encodeURIComponent(HOSTILE[2])}&view=${encodeURIComponent('javascript:alert(1)')}&%00=%FF`;
    const session = await open({ hash: `#${fragment}` });
    const { page, problems, context } = session;
    assert.equal(session.status.failed, null);
    await settle(page);
    const s = await state(page);
    assert.equal(s.search, HOSTILE[1], 'the search text is kept as typed text');
    assert.equal(s.openPractice, '');
    assert.ok(s.notices.some((n) => message('notice.link_ignored').test(n)), JSON.stringify(s.notices));
    await page.screenshot({ path: screenshotPath('hostile-link') });
    await assertNothingRan(session);
    await assertResponsive(page);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('a catalogue with script-like text shows it as text and runs none of it', async () => {
    const hostile = structuredClone(catalogue);
    const p = hostile.practices[0];
    p.title = HOSTILE[1];
    p.summary = HOSTILE[0];
    p.clauses[0] = HOSTILE[2];
    p.evidence[0] = HOSTILE[3];
    hostile.metadata.title = HOSTILE[0];
    const served = JSON.stringify(hostile);
    const session = await open({
      hash: `#open=${p.id}`,
      setup: (page) => page.route('**/data/catalogue.json', (route) => route.fulfill({ contentType: 'application/json', body: served })),
    });
    const { page, problems, context } = session;
    assert.equal(session.status.failed, null);
    await settle(page);
    let s = await state(page);
    assert.equal(s.openPractice, p.id);
    assert.deepEqual(s.problems, []);
    // The accessible HTML mirror shows the same texts as text.
    const mirrorText = await page.evaluate(() => document.body.textContent);
    assert.ok(mirrorText.includes(HOSTILE[1]), 'the title is shown literally');
    // The message: searching for the payload finds the practice that carries it.
    await clickText(page, 'search');
    await page.keyboard.insertText('onerror');
    await until(page, () => window.procureApp.state().search === 'onerror');
    s = await state(page);
    assert.equal(s.results[0], p.id);
    await page.keyboard.press('Escape');
    // The printable report, opened from the app, carries the text escaped and runs nothing.
    await click(page, 'header.export');
    const [report] = await Promise.all([context.waitForEvent('page'), click(page, 'export.report')]);
    await report.waitForLoadState();
    assert.equal(await report.evaluate(() => document.scripts.length), 0);
    assert.equal(await report.evaluate(() => document.querySelectorAll('img, svg, [onerror], [onload]').length), 0);
    assert.ok((await report.evaluate(() => document.body.textContent)).includes(HOSTILE[1]));
    await report.close();
    await page.screenshot({ path: screenshotPath('hostile-catalogue') });
    await assertNothingRan(session);
    assert.deepEqual(problems.filter((x) => !/blob:/.test(x)), []);
    await context.close();
  });

  test('a catalogue with a hostile practice id is refused with the place and the reason', async () => {
    const hostile = structuredClone(catalogue);
    hostile.practices[1].id = HOSTILE[2];
    const session = await open({
      setup: (page) => page.route('**/data/catalogue.json', (route) => route.fulfill({ contentType: 'application/json', body: JSON.stringify(hostile) })),
    });
    const { page, context } = session;
    assert.equal(session.status.ready, true, 'the app starts and lists the problems');
    const s = await state(page);
    assert.equal(s.catalogue, null);
    assert.ok(s.problems.some((x) => x.includes('/practices/1/id') && /not a valid/.test(x)), JSON.stringify(s.problems));
    await page.screenshot({ path: screenshotPath('hostile-catalogue-id') });
    await assertNothingRan(session);
    // Still drawing: a resize is answered with frames.
    const before = await page.evaluate(() => window.procureApp.frames());
    await page.setViewportSize({ width: 1000, height: 700 });
    await until(page, (n) => window.procureApp.frames() > n, before);
    await context.close();
  });

  test('a catalogue past the size limit is refused before the app takes it in, with the limit named', async () => {
    const padded = JSON.stringify(catalogue) + ' '.repeat(9 * 1024 * 1024);
    const session = await open({
      setup: (page) => page.route('**/data/catalogue.json', (route) => route.fulfill({ contentType: 'application/json', body: padded })),
    });
    const { page, context } = session;
    assert.equal(session.status.ready, true, 'the app starts and shows the problem');
    const s = await state(page);
    assert.equal(s.catalogue, null);
    assert.deepEqual(s.problems, [`(document): the file is ${Buffer.byteLength(padded)} bytes; the limit is 8388608 bytes`]);
    await page.screenshot({ path: screenshotPath('hostile-catalogue-size') });
    await assertNothingRan(session);
    await context.close();
  });

  test('an oversized note is refused at the limit with a message, and what fits is kept', async () => {
    const session = await open({ hash: '#open=patching' });
    const { page, problems, context } = session;
    await clickText(page, 'detail.note');
    await page.keyboard.insertText('Start. ' + 'x'.repeat(9000));
    await until(page, () => (window.procureApp.state().checklist.patching?.note.length ?? 0) === 8192);
    await page.keyboard.insertText('more text');  // refused as well: the note is full
    await settle(page);
    let s = await state(page);
    assert.equal(s.checklist.patching.note.length, 8192);
    assert.ok(s.checklist.patching.note.startsWith('Start. xxx'));
    assert.ok(s.notices.some((n) => /8192/.test(n) && message('notice.note_too_long').test(n)), JSON.stringify(s.notices));
    await page.screenshot({ path: screenshotPath('hostile-long-note') });
    // Nothing lost: the saved note is the one shown, after a reload too.
    await page.reload();
    await waitForApp(page);
    s = await state(page);
    assert.equal(s.checklist.patching.note.length, 8192);
    await assertNothingRan(session);
    await assertResponsive(page);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('a checklist file past the import limit is refused unread, with the limit named', async () => {
    const session = await open({ hash: '#open=patching' });
    const { page, problems, context } = session;
    await click(page, 'detail.status.verified');
    await click(page, 'header.export');
    await click(page, 'checklist.import');
    await page.waitForSelector('input[type=file]', { state: 'attached', timeout: 30000 });
    const huge = Buffer.alloc(5 * 1024 * 1024, ' ');
    await page.setInputFiles('input[type=file]', { name: '../../etc/passwd.json', mimeType: 'application/json', buffer: huge });
    await until(page, () => window.procureApp.state().notices.length > 0);
    const s = await state(page);
    assert.ok(s.notices.some((n) => message('notice.import_failed').test(n) && n.includes('5242880 bytes; the limit is 4194304 bytes')),
      JSON.stringify(s.notices));
    assert.equal(s.checklist.patching.status, 'verified', 'the checklist is unchanged');
    await assertNothingRan(session);
    await assertResponsive(page);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('corrupted storage is set aside under a backup key and reported', async () => {
    const corrupt = `{"format": "hospital-procurement-checklist", "entries": ${HOSTILE[0]}`;
    const session = await open({ hash: '#open=patching', storage: { [CHECKLIST_KEY]: corrupt } });
    const { page, problems, context } = session;
    assert.equal(session.status.failed, null);
    await settle(page);
    const s = await state(page);
    assert.deepEqual(s.checklist, {});
    assert.ok(s.notices.some((n) => message('notice.storage_corrupt').test(n)), JSON.stringify(s.notices));
    const backups = await page.evaluate((key) => Object.keys(localStorage).filter((k) => k.startsWith(`${key}.unreadable-`))
      .map((k) => localStorage.getItem(k)), CHECKLIST_KEY);
    assert.deepEqual(backups, [corrupt], 'the unreadable data is kept, byte for byte');
    await page.screenshot({ path: screenshotPath('hostile-storage') });
    // Work goes on and is saved again.
    await click(page, 'detail.status.verified');
    assert.equal(JSON.parse(await page.evaluate((k) => localStorage.getItem(k), CHECKLIST_KEY)).entries.patching.status, 'verified');
    await assertNothingRan(session);
    await assertResponsive(page);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('a failed catalogue download shows the failure page, which still responds', async () => {
    const session = await open({ setup: (page) => page.route('**/data/catalogue.json', (route) => route.abort('failed')) });
    const { page, context } = session;
    assert.equal(session.status.ready, false);
    assert.match(session.status.failed.reason, /could not be loaded/);
    assert.match(session.status.failed.detail, /catalogue\.json/);
    assert.equal(await page.isVisible('#failure'), true);
    assert.match(await page.textContent('#failure'), /could not be loaded/);
    await page.screenshot({ path: screenshotPath('hostile-catalogue-download') });
    // The page is alive: its link to the plain text version can be focused and followed.
    const link = await page.$('#failure-text-link');
    if (link) assert.match(await link.getAttribute('href'), /^text\//);
    assert.equal(await page.evaluate(() => 1 + 1), 2);
    await assertNothingRan(session);
    await context.close();
  });
});
