// The canvas interface by keyboard alone: "/" to search, Tab to a result, Enter to open it, Tab to a
// checklist status, Enter to set it, Esc to close; the focus follows and stays visible. On a wide
// screen and on a phone, where the filters are a drawer and the practice is a page of its own.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { click, openPage, screenshotPath, settle, startBrowser, startServer, waitForApp } from './harness.mjs';

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
const focused = async (page) => (await state(page)).focusedWidget;

async function press(page, key) {
  await page.keyboard.press(key);
  await settle(page);
}

// Presses Tab until the named widget has the focus, and returns the widgets passed on the way.
async function tabTo(page, name, limit = 40) {
  const passed = [];
  for (let i = 0; i < limit; i++) {
    await press(page, 'Tab');
    const now = await focused(page);
    if (now === name) return passed;
    passed.push(now);
  }
  throw new Error(`Tab never reached ${name}; it went through: ${passed.join(', ')}`);
}

async function open(viewport) {
  const session = await openPage(browser, { viewport });
  await session.page.goto(url);
  assert.equal((await waitForApp(session.page)).failed, null);
  await settle(session.page);
  await session.page.focus('#canvas');  // as after clicking into the page or tabbing past the skip link
  return session;
}

describe('keyboard alone', () => {
  for (const [name, viewport] of [['wide', { width: 1280, height: 800 }], ['phone', { width: 390, height: 844 }]]) {
    test(`${name}: search, open a result, set its checklist status, close, and come back to it`, async () => {
      const { page, problems, context } = await open(viewport);
      await press(page, 'Slash');
      assert.equal((await state(page)).textInputActive, true, '"/" puts the caret in the search box');
      await page.keyboard.type('encryption');
      await settle(page);
      const first = (await state(page)).results[0];
      assert.equal(first, 'encryption');

      // Out of the search box, past the filter button on a phone, to the first result.
      await tabTo(page, `card.${first}`, 3);
      await press(page, 'Enter');
      assert.equal((await state(page)).openPractice, first);
      assert.equal(await focused(page), 'detail.close', 'opening moves the focus into the practice');

      const passed = await tabTo(page, 'detail.status.verified', 8);
      assert.ok(passed.every((w) => w.startsWith('detail.')), `stays in the practice on the way: ${passed}`);
      await page.screenshot({ path: screenshotPath(`keyboard-${name}-status-focused`) });
      await press(page, 'Enter');
      assert.equal((await state(page)).checklist[first].status, 'verified');

      await press(page, 'Escape');
      const s = await state(page);
      assert.equal(s.openPractice, '');
      assert.equal(s.focusedWidget, `card.${first}`, 'closing puts the focus back on the practice it came from');
      await press(page, 'Escape');
      assert.equal((await state(page)).search, '', 'a second Esc clears the search');
      assert.deepEqual(problems, []);
      await context.close();
    });
  }

  test('Esc closes a dialog, and only the dialog', async () => {
    const { page, problems, context } = await open({ width: 1280, height: 800 });
    await click(page, 'header.about');
    assert.notEqual((await state(page)).dialog, 0, 'the About dialog is open');
    await page.focus('#canvas');
    await press(page, 'Escape');
    assert.equal((await state(page)).dialog, 0);
    assert.equal(await page.evaluate(() => document.activeElement.id), 'canvas');
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('phone: the filter drawer opens and closes by keyboard, with the focus inside it', async () => {
    const { page, problems, context } = await open({ width: 390, height: 844 });
    await tabTo(page, 'drawer.open');
    await press(page, 'Enter');
    assert.equal(await focused(page), 'drawer.close');
    const scenario = (await tabTo(page, 'facet.phase.plan')).length;
    assert.ok(scenario >= 1, 'the scenarios come first');
    await press(page, 'Space');
    assert.match((await state(page)).fragment, /phase=plan/);
    await press(page, 'Escape');
    assert.equal(await focused(page), 'drawer.open');

    // Esc that closes a menu only closes the menu; a second one, with nothing open, leaves the canvas.
    await click(page, 'header.menu');
    assert.ok((await page.evaluate(() => window.procureApp.widgets()))['header.theme'], 'the menu is open');
    await press(page, 'Escape');
    assert.equal((await page.evaluate(() => window.procureApp.widgets()))['header.theme'], undefined, 'the menu closed');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'canvas');
    await press(page, 'Escape');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'skip-to-text');
    assert.deepEqual(problems, []);
    await context.close();
  });
});
