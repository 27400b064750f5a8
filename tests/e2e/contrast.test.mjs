// WCAG 2.1 contrast of every text colour on every background the canvas draws it on, in both themes,
// computed from the theme's own colours (the app lists the pairs: src/ui/theme.cpp text_colour_pairs).
// Text needs 4.5:1 (success criterion 1.4.3, level AA). Prints the lowest ratios for the closing note.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, settle, startBrowser, startServer, waitForApp } from './harness.mjs';

let browser, server, url;
before(async () => {
  browser = await startBrowser();
  ({ server, url } = await startServer());
});
after(async () => {
  await browser?.close();
  server?.close();
});

// Relative luminance and contrast ratio as WCAG 2.1 defines them.
function luminance(hex) {
  const [r, g, b] = [16, 8, 0].map((shift) => {
    const c = ((hex >> shift) & 0xff) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
export function contrast(a, b) {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}
const hex = (n) => `#${n.toString(16).padStart(6, '0')}`;

describe('contrast', () => {
  test('the formula gives the known values', () => {
    assert.equal(contrast(0x000000, 0xffffff), 21);
    assert.equal(contrast(0xffffff, 0xffffff), 1);
    assert.ok(Math.abs(contrast(0x767676, 0xffffff) - 4.54) < 0.01);  // the lightest grey that passes on white
  });

  for (const colorScheme of ['light', 'dark']) {
    test(`${colorScheme} theme: every text colour pair reaches 4.5:1`, async () => {
      const { page, context } = await openPage(browser, { colorScheme });
      await page.goto(url);
      assert.equal((await waitForApp(page)).failed, null);
      await settle(page);
      const state = await page.evaluate(() => window.procureApp.state());
      assert.equal(state.theme, colorScheme);
      const pairs = state.colourPairs.map((p) => ({ ...p, ratio: contrast(p.text, p.background) }));
      assert.ok(pairs.length >= 40, 'all pairs are listed');
      pairs.sort((a, b) => a.ratio - b.ratio);
      for (const p of pairs.slice(0, 5))
        console.log(`# ${colorScheme}: ${p.ratio.toFixed(2)}:1 ${p.name} (${hex(p.text)} on ${hex(p.background)})`);
      const failing = pairs.filter((p) => p.ratio < 4.5).map((p) => `${p.name} ${p.ratio.toFixed(2)}:1`);
      assert.deepEqual(failing, []);
      await context.close();
    });
  }
});
