// Work is never lost in the browser: a full storage quota is reported with a prompt to save a file;
// notes of practices that a newer catalogue renamed or removed stay visible and go into the checklist
// file; two tabs editing at once merge each other's changes instead of overwriting them.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SITE, click, clickText, openPage, screenshotPath, settle, startBrowser, startServer, until, waitForApp } from './harness.mjs';

const catalogue = JSON.parse(readFileSync(join(SITE, 'data/catalogue.json'), 'utf8'));
const CHECKLIST_KEY = `hospital-procurement.checklist.${catalogue.id}`;
const en = JSON.parse(readFileSync(join(SITE, 'i18n/ui/en.json'), 'utf8')).strings;
const message = (key) => new RegExp(en[key].split('{')[0].replace(/[.*+?^$()|[\]\\]/g, '\\$&'));

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
const stored = (page) => page.evaluate((k) => JSON.parse(localStorage.getItem(k) || 'null'), CHECKLIST_KEY);

async function ready(page, hash = '') {
  await page.goto(url + hash);
  const status = await waitForApp(page);
  assert.equal(status.failed, null);
  await settle(page);
}

async function download(page, widget) {
  await click(page, 'header.export');
  const [file] = await Promise.all([page.waitForEvent('download'), click(page, widget)]);
  return { name: file.suggestedFilename(), text: readFileSync(await file.path(), 'utf8') };
}

describe('never lose work', () => {
  test('a full storage quota is reported with a prompt to save a checklist file', async () => {
    const { page, problems, context } = await openPage(browser, {
      acceptDownloads: true,
      // The browser's own error for a full quota, for the checklist only (the theme and language still save).
      initScript: () => {
        const setItem = Storage.prototype.setItem;
        Storage.prototype.setItem = function (key, value) {
          if (String(key).startsWith('hospital-procurement.checklist.')) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
          return setItem.call(this, key, value);
        };
      },
    });
    await ready(page, '#open=patching');
    await click(page, 'detail.status.verified');
    const s = await state(page);
    assert.equal(s.checklist.patching.status, 'verified', 'the change stays in the open page');
    assert.equal(await stored(page), null);
    assert.ok(s.notices.some((n) => message('notice.storage_full').test(n) && /checklist file/.test(n)), JSON.stringify(s.notices));
    await page.screenshot({ path: screenshotPath('storage-full') });
    // The prompt can be followed: the file holds the change that could not be stored.
    const file = await download(page, 'checklist.export');
    assert.equal(JSON.parse(file.text).entries.patching.status, 'verified');
    // Reported once, not once per change.
    await click(page, 'detail.status.in_tender');
    assert.equal((await state(page)).notices.filter((n) => message('notice.storage_full').test(n)).length, 1);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('a newer catalogue that renamed and removed practices keeps their notes visible and exportable', async () => {
    const [renamed, removed] = [catalogue.practices[2], catalogue.practices[5]];
    const newer = structuredClone(catalogue);
    newer.version = '2.0.0';
    newer.practices = newer.practices.filter((p) => p.id !== removed.id);
    newer.practices.find((p) => p.id === renamed.id).id = `${renamed.id}-v2`;
    for (const s of newer.scenarios || []) for (const list of Object.values(s.filters || {})) if (Array.isArray(list)) list.splice(0, list.length, ...list.filter((id) => id !== removed.id));
    newer.practices.forEach((p, i) => { p.number = i + 1; });
    const saved = {
      format: 'hospital-procurement-checklist', format_version: 1, catalogue: { id: catalogue.id, version: catalogue.version },
      entries: {
        [renamed.id]: { status: 'in_tender', note: 'Asked the vendor on 3 Dec.', changed_at: '2026-12-03T10:15:00.000Z' },
        [removed.id]: { status: 'verified', note: 'Checked on site.', changed_at: '2026-12-03T10:16:00.000Z' },
        dpia: { status: 'verified', note: '', changed_at: '2026-12-03T10:17:00.000Z' },
      },
    };
    const { page, problems, context } = await openPage(browser, {
      acceptDownloads: true,
      initScript: `if (!sessionStorage.getItem('seeded')) { sessionStorage.setItem('seeded', '1'); localStorage.setItem(${JSON.stringify(CHECKLIST_KEY)}, ${JSON.stringify(JSON.stringify(saved))}); }`,
    });
    await page.route('**/data/catalogue.json', (route) => route.fulfill({ contentType: 'application/json', body: JSON.stringify(newer) }));
    await ready(page);
    const s = await state(page);
    assert.equal(s.catalogue.version, '2.0.0');
    // Visible: a notice names how many and which.
    const notice = s.notices.find((n) => message('checklist.orphans').test(n));
    assert.ok(notice, JSON.stringify(s.notices));
    assert.match(notice, /^2 /);
    assert.ok(notice.includes(renamed.id) && notice.includes(removed.id));
    assert.ok(notice.includes('Checked on site.'), 'the notes themselves are shown');
    assert.equal(s.checklist[removed.id].note, 'Checked on site.');
    await page.screenshot({ path: screenshotPath('storage-orphans') });
    // Kept through a change elsewhere and saved again.
    await click(page, 'card.dpia');
    await click(page, 'detail.status.in_tender');
    assert.equal((await stored(page)).entries[removed.id].note, 'Checked on site.');
    // Exportable: the checklist file carries them.
    const file = JSON.parse((await download(page, 'checklist.export')).text);
    assert.equal(file.entries[renamed.id].note, 'Asked the vendor on 3 Dec.');
    assert.equal(file.entries[removed.id].note, 'Checked on site.');
    assert.equal(file.entries.dpia.status, 'in_tender');
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('two tabs editing at once merge each other\'s changes, conflicts kept and reported', async () => {
    const { page: a, problems, context } = await openPage(browser);
    await ready(a, '#open=patching');
    const b = await context.newPage();
    await ready(b, '#open=patching');

    // Different practices: both changes end up in both tabs and in storage.
    await click(a, 'detail.status.verified');
    await b.evaluate(() => { location.hash = '#open=dpia'; });
    await settle(b);
    await click(b, 'detail.status.in_tender');
    await until(a, () => window.procureApp.state().checklist.dpia?.status === 'in_tender');
    await until(b, () => window.procureApp.state().checklist.patching?.status === 'verified');
    let saved = await stored(a);
    assert.equal(saved.entries.patching.status, 'verified');
    assert.equal(saved.entries.dpia.status, 'in_tender');

    // The same note edited in both tabs before either saw the other's (tab B's storage events are held
    // back, as for a tab that was asleep): the later one wins, the earlier is kept under it, the tab
    // whose note lost is told, and both tabs settle on the same text.
    await b.evaluate(() => {
      window.__holdStorage = true;
      const module = window.procureApp.module, merge = module._app_on_storage_changed;
      module._app_on_storage_changed = (key, value) => { if (!window.__holdStorage) merge(key, value); };
    });
    await clickText(a, 'detail.note');
    await a.keyboard.insertText('Note from tab A.');
    await until(a, () => window.procureApp.state().checklist.patching?.note === 'Note from tab A.');
    await b.evaluate(() => { window.__holdStorage = false; });  // B missed A's note; it hears from now on
    await b.evaluate(() => { location.hash = '#open=patching'; });
    await settle(b);
    assert.equal((await state(b)).checklist.patching.note, '');
    await clickText(b, 'detail.note');
    await b.keyboard.insertText('Tab B wrote this.');
    await until(a, () => /Tab B wrote this\./.test(window.procureApp.state().checklist.patching?.note));
    const noteA = (await state(a)).checklist.patching.note;
    assert.match(noteA, /^Tab B wrote this\.\n--- earlier note \(kept on import\) ---\nNote from tab A\.$/);
    assert.ok((await state(a)).notices.some((n) => message('notice.other_tab').test(n)), JSON.stringify((await state(a)).notices));
    await until(b, (text) => window.procureApp.state().checklist.patching?.note === text, noteA);
    saved = await stored(b);
    assert.equal(saved.entries.patching.note, noteA);
    // Settled: nothing keeps bouncing between the tabs.
    const framesA = await a.evaluate(() => window.procureApp.frames());
    await b.waitForTimeout(1000);
    assert.equal((await stored(a)).entries.patching.note, noteA);
    assert.ok((await a.evaluate(() => window.procureApp.frames())) - framesA < 10);
    await a.screenshot({ path: screenshotPath('storage-two-tabs') });
    assert.deepEqual(problems, []);
    await context.close();
  });
});
