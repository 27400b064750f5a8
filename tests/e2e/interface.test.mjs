// The interface driven like a person would: clicks at the widget positions the app reports
// (window.procureApp.widgets()), typing, keyboard, presets, notes that survive a reload, every export,
// and Back/Forward. State is read through window.procureApp.state().
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SITE, click, clickText, distinctColours, openPage, screenshotPath, settle, startBrowser, startServer, until, waitForApp } from './harness.mjs';

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

async function open(options = {}) {
  const session = await openPage(browser, { ...options, acceptDownloads: true });
  await session.page.goto(url + (options.hash || ''));
  const status = await waitForApp(session.page);
  assert.equal(status.failed, null);
  await settle(session.page);
  return session;
}

describe('interface', () => {
  test('facet clicks filter with OR inside a facet, AND across facets, and show chips', async () => {
    const { page, problems, context } = await open();
    await click(page, 'facet.asset.cloud_services');
    let s = await state(page);
    assert.deepEqual(s.results, withAsset('cloud_services'));
    assert.match(s.fragment, /type=cloud_services/);
    await click(page, 'facet.asset.medical_devices');
    s = await state(page);
    const either = catalogue.practices.filter((p) => p.assets.some((a) => a.id === 'cloud_services' || a.id === 'medical_devices')).map((p) => p.id);
    assert.deepEqual(s.results, either);
    await click(page, 'facet.phase.manage');
    s = await state(page);
    assert.deepEqual(s.results, either.filter((id) => catalogue.practices.find((p) => p.id === id).phase === 'manage'));
    await click(page, 'chip.manage');  // removing a chip lifts that filter
    assert.deepEqual((await state(page)).results, either);
    await click(page, 'chips.clear_all');
    assert.equal((await state(page)).results.length, 28);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('typing in the search box finds practices live, accents and case ignored', async () => {
    const { page, problems, context } = await open();
    await clickText(page, 'search');
    await page.keyboard.type('ENCRYPTÍON');
    await until(page, () => window.procureApp.state().search === 'ENCRYPTÍON');
    const s = await state(page);
    assert.equal(s.results[0], 'encryption');
    assert.ok(s.results.length < 28);
    await page.screenshot({ path: screenshotPath('search-encryption') });
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('keyboard: "/" focuses search, Esc clears it, arrows and Enter move between practices', async () => {
    const { page, problems, context } = await open();
    await page.keyboard.press('/');
    await until(page, () => window.procureApp.state().textInputActive && document.activeElement.id === 'text-proxy');
    await page.keyboard.type('remote');
    await until(page, () => window.procureApp.state().search === 'remote');
    await page.keyboard.press('Escape');
    await until(page, () => window.procureApp.state().search === '');

    await click(page, 'card.involve-it');
    assert.equal((await state(page)).openPractice, 'involve-it');
    await page.keyboard.press('ArrowDown');
    await settle(page);
    await page.keyboard.press('Enter');
    await settle(page);
    assert.equal((await state(page)).openPractice, 'vulnerability-management');
    await page.keyboard.press('Escape');
    await settle(page);
    assert.equal((await state(page)).openPractice, '');
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('a scenario preset applies its filters in one click', async () => {
    const { page, problems, context } = await open();
    await click(page, 'scenario.cloud-services');
    const s = await state(page);
    assert.deepEqual(s.results, withAsset('cloud_services'));
    assert.match(s.fragment, /scenario=cloud-services/);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('a status and a note survive a reload', async () => {
    const { page, problems, context } = await open({ hash: '#open=encryption' });
    assert.equal((await state(page)).openPractice, 'encryption');
    await click(page, 'detail.status.in_tender');
    await clickText(page, 'detail.note');
    await page.keyboard.type('Asked the supplier for key management details');
    await until(page, () => (window.procureApp.state().checklist.encryption || {}).note === 'Asked the supplier for key management details');
    await page.reload();
    await waitForApp(page);
    const s = await state(page);
    assert.equal(s.checklist.encryption.status, 'in_tender');
    assert.equal(s.checklist.encryption.note, 'Asked the supplier for key management details');
    assert.ok(s.checklist.encryption.changedAt > 0);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('Back and Forward move through the views; a shared link restores one', async () => {
    const { page, problems, context } = await open();
    await click(page, 'facet.threat.malicious');
    await click(page, 'card.' + (await state(page)).results[0]);
    const opened = await state(page);
    assert.notEqual(opened.openPractice, '');
    await page.goBack();
    await until(page, () => window.procureApp.state().openPractice === '');
    assert.match((await state(page)).fragment, /threat=malicious/);
    await page.goBack();
    await until(page, () => window.procureApp.state().results.length === 28);
    await page.goForward();
    await until(page, () => /threat=malicious/.test(window.procureApp.state().fragment));

    const shared = await openPage(browser);
    await shared.page.goto(`${url}#${opened.fragment}`);
    await waitForApp(shared.page);
    const restored = await state(shared.page);
    assert.equal(restored.fragment, opened.fragment);
    assert.equal(restored.openPractice, opened.openPractice);
    await shared.context.close();
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('the matrix and the guide are drawn, and a matrix cell opens its practice', async () => {
    const { page, problems, context } = await open();
    await click(page, 'tab.matrix');
    await page.screenshot({ path: screenshotPath('matrix-1280x800') });
    const cell = Object.keys(await page.evaluate(() => window.procureApp.widgets())).find((n) => n === 'matrix.cell.segregate-network.networking_equipment');
    assert.ok(cell, 'a linked cell is on screen');
    await click(page, cell);
    assert.equal((await state(page)).openPractice, 'segregate-network');
    await click(page, 'tab.guide');
    const png = await page.screenshot({ path: screenshotPath('guide-1280x800') });
    assert.ok(await distinctColours(page, png) > 50);
    await click(page, 'guide.phase.plan');
    const s = await state(page);
    assert.deepEqual(s.results, catalogue.practices.filter((p) => p.phase === 'plan').map((p) => p.id));
    assert.deepEqual(problems, []);
    await context.close();
  });
});

describe('dialogs, theme, checklist tools', () => {
  test('theme override, About/Sources/Help, empty state, progress, copy link, import and reset', async () => {
    const { page, problems, context } = await open({ colorScheme: 'light' });
    // Theme: automatic follows the system (light here); the button cycles light -> dark -> automatic.
    assert.equal((await state(page)).theme, 'light');
    await click(page, 'header.theme');  // automatic -> light
    await click(page, 'header.theme');  // light -> dark
    assert.equal((await state(page)).theme, 'dark');
    await page.reload();
    await waitForApp(page);
    assert.equal((await state(page)).theme, 'dark', 'the choice is remembered');

    for (const dialog of ['header.about', 'header.sources', 'header.help']) {
      await click(page, dialog);
      assert.notEqual((await state(page)).dialog, 0);
      await page.screenshot({ path: screenshotPath(`dialog-${dialog.split('.')[1]}`) });
      await click(page, 'dialog.close');
      assert.equal((await state(page)).dialog, 0);
    }

    // Empty state: nothing is verified yet, so this filter leaves nothing and the app offers the way back.
    await click(page, 'facet.status.verified');
    assert.deepEqual((await state(page)).results, []);
    await page.screenshot({ path: screenshotPath('empty-state') });
    await click(page, 'empty.remove.verified');
    assert.equal((await state(page)).results.length, 28);

    // Progress: a verified practice counts as done in its phase.
    await click(page, 'card.dpia');
    await click(page, 'detail.status.verified');
    assert.ok(await page.evaluate(() => !!window.procureApp.widgets()['progress.source']));

    // Copy share link goes through the browser clipboard bridge.
    await click(page, 'header.export');
    await click(page, 'export.copy_link');
    const copied = await page.evaluate(() => window.procureApp.lastCopied);
    assert.match(copied, /#.*open=dpia/);
    await click(page, 'dialog.close');

    // Import: a checklist file from another colleague merges in, newest change wins.
    await click(page, 'header.export');
    const incoming = JSON.stringify({
      format: 'hospital-procurement-checklist', format_version: 1,
      catalogue: { id: 'enisa-hospitals-2020', version: '1.0.0' },
      entries: { patching: { status: 'in_tender', note: 'Patch SLA asked', changed_at: '2030-01-01T00:00:00.000Z' } },
    });
    // The menu item puts a file input on the page and opens it; a browser may show the picker only
    // within a short time of the click, so the test gives the file to that input directly.
    await click(page, 'checklist.import');
    await page.waitForSelector('input[type=file]', { state: 'attached', timeout: 30000 });
    await page.setInputFiles('input[type=file]', { name: 'colleague.json', mimeType: 'application/json', buffer: Buffer.from(incoming) });
    await until(page, () => !!window.procureApp.state().checklist.patching);
    let s = await state(page);
    assert.equal(s.checklist.patching.note, 'Patch SLA asked');
    assert.equal(s.checklist.dpia.status, 'verified', 'existing work is kept');
    assert.ok(s.notices.some((n) => /imported/i.test(n)));

    // Reset asks first; cancelling keeps everything.
    await click(page, 'header.export');
    await click(page, 'checklist.reset');
    await click(page, 'reset.cancel');
    assert.ok((await state(page)).checklist.dpia);
    await click(page, 'header.export');
    await click(page, 'checklist.reset');
    await click(page, 'reset.confirm');
    s = await state(page);
    assert.deepEqual(s.checklist, {});
    assert.deepEqual(problems, []);
    await context.close();
  });
});

describe('exports', () => {
  async function download(page, widget) {
    await click(page, 'header.export');
    const [file] = await Promise.all([page.waitForEvent('download'), click(page, widget)]);
    const path = await file.path();
    return { name: file.suggestedFilename(), bytes: readFileSync(path) };
  }

  test('each export downloads with the selection and the checklist', async () => {
    const { page, problems, context } = await open({ hash: '#type=cloud_services&open=cloud-rfp' });
    await click(page, 'detail.status.verified');
    const expected = withAsset('cloud_services');

    const csv = await download(page, 'export.csv');
    assert.match(csv.name, /\.csv$/);
    const text = csv.bytes.toString('utf8');
    assert.ok(text.startsWith('\uFEFF'), 'CSV starts with a BOM for spreadsheet programs');
    assert.equal(text.trim().split('\r\n').length >= expected.length + 1, true);
    assert.match(text, /Create dedicated RfP for cloud/);

    const md = (await download(page, 'export.markdown')).bytes.toString('utf8');
    assert.match(md, /Create dedicated RfP for cloud/);
    const json = JSON.parse((await download(page, 'export.json')).bytes.toString('utf8'));
    assert.ok(JSON.stringify(json).includes('cloud-rfp'));
    const annex = (await download(page, 'export.annex')).bytes.toString('utf8');
    assert.match(annex, /^1\. /m);
    const oscal = JSON.parse((await download(page, 'export.oscal_catalog')).bytes.toString('utf8'));
    assert.ok(oscal.catalog && oscal.catalog.groups.length === 4);
    const profile = JSON.parse((await download(page, 'export.oscal_profile')).bytes.toString('utf8'));
    assert.ok(profile.profile);
    const checklist = JSON.parse((await download(page, 'checklist.export')).bytes.toString('utf8'));
    assert.equal(checklist.entries['cloud-rfp'].status, 'verified');

    // Word documents must open cleanly: LibreOffice (Debian) converts them, and the text is all there.
    for (const [widget, expectedText] of [['export.docx_report', 'Why it matters'], ['export.docx_annex', 'The Supplier shall']]) {
      const docx = await download(page, widget);
      assert.match(docx.name, /\.docx$/);
      assert.equal(docx.bytes.subarray(0, 2).toString('latin1'), 'PK', 'a zip package');
      const dir = mkdtempSync(join(tmpdir(), 'docx-'));
      writeFileSync(join(dir, 'export.docx'), docx.bytes);
      execFileSync('libreoffice', ['--headless', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', 'txt:Text',
        '--outdir', dir, join(dir, 'export.docx')], { timeout: 180000, stdio: 'pipe' });
      execFileSync('libreoffice', ['--headless', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', 'pdf',
        '--outdir', dir, join(dir, 'export.docx')], { timeout: 180000, stdio: 'pipe' });
      assert.equal(readFileSync(join(dir, 'export.pdf')).subarray(0, 4).toString('latin1'), '%PDF');
      const converted = readFileSync(join(dir, 'export.txt'), 'utf8');
      assert.match(converted, /Create dedicated RfP for cloud/);
      assert.match(converted, new RegExp(expectedText));
    }

    await click(page, 'header.export');
    const [report] = await Promise.all([context.waitForEvent('page'), click(page, 'export.report')]);
    await report.waitForLoadState();
    assert.match(await report.content(), /Create dedicated RfP for cloud/);
    assert.deepEqual(problems.filter((p) => !/blob:/.test(p)), []);
    await context.close();
  });
});

describe('screenshots', () => {
  for (const [width, height] of [[1280, 800], [390, 844]]) {
    for (const scheme of ['light', 'dark']) {
      test(`${width}x${height} ${scheme}`, async () => {
        const phone = width < 500;
        const { page, problems, context } = await open({
          viewport: { width, height }, colorScheme: scheme, hash: phone ? '' : '#type=medical_devices&open=segregate-network',
          ...(phone ? { isMobile: true, hasTouch: true, deviceScaleFactor: 2 } : {}),
        });
        assert.equal((await state(page)).theme, scheme);
        const png = await page.screenshot({ path: screenshotPath(`app-${width}x${height}-${scheme}`) });
        assert.ok(await distinctColours(page, png) > 50);
        if (phone) {
          await click(page, 'drawer.open');
          await page.screenshot({ path: screenshotPath(`app-${width}x${height}-${scheme}-filters`) });
          await click(page, 'facet.asset.cloud_services');
          await click(page, 'drawer.close');
          // A finger dragging up scrolls the list.
          const first = `card.${(await state(page)).results[0]}`;
          const before = (await page.evaluate(() => window.procureApp.widgets()))[first];
          assert.ok(before, 'the first card is on screen before scrolling');
          const cdp = await context.newCDPSession(page);
          const touch = (type, y) => cdp.send('Input.dispatchTouchEvent', { type, touchPoints: type === 'touchEnd' ? [] : [{ x: 200, y }] });
          await touch('touchStart', 700);
          for (let y = 680; y >= 400; y -= 20) { await touch('touchMove', y); await page.waitForTimeout(16); }
          await touch('touchEnd');
          await settle(page);
          const afterScroll = (await page.evaluate(() => window.procureApp.widgets()))[first];
          // The registry reports the visible part of a widget: a card scrolled up shrinks or disappears.
          assert.ok(!afterScroll || afterScroll.height < before.height - 50, 'the list scrolled with the finger');
          assert.equal((await state(page)).openPractice, '', 'a drag is not a tap');
          await page.evaluate(() => window.procureApp.reveal('card.cloud-rfp'));
          await click(page, 'card.cloud-rfp');
          await page.screenshot({ path: screenshotPath(`app-${width}x${height}-${scheme}-detail`) });
          assert.equal((await state(page)).openPractice, 'cloud-rfp');
        }
        assert.deepEqual(problems, []);
        await context.close();
      });
    }
  }
});
