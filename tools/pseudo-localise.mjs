#!/usr/bin/env node
// Pseudo-localisation: turns English translation files into a made-up language whose texts are 40 %
// longer, use accented capitals and small letters, and are bracketed, so a layout test shows where
// longer translations (German, Finnish, Greek…) will not fit, and a missing "]" shows clipped text.
// Placeholders such as {count} are kept as they are. The accented letters all come from Latin-1 and
// Latin Extended-A, which the font subset always holds (tools/font-characters.py).
//
// usage: node tools/pseudo-localise.mjs UI_EN.json CONTENT_EN.json OUT_DIR [CODE]
//   UI_EN.json       i18n/ui/en.json
//   CONTENT_EN.json  the catalogue's English texts: `catalogue-tool extract CATALOGUE`
//   writes OUT_DIR/ui/CODE.json and OUT_DIR/content/<catalogue id>/CODE.json (CODE defaults to qps)
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const PSEUDO_CODE = 'qps';
export const EXPANSION = 0.4;

// Accented forms of each letter, used in turn; letters without any in Latin-1 or Extended-A stay.
const ACCENTED = {
  a: 'áàâäãåāăą', c: 'çćĉċč', d: 'ďđ', e: 'éèêëēĕėęě', g: 'ĝğġģ', h: 'ĥħ', i: 'íìîïĩīĭį', j: 'ĵ', k: 'ķ',
  l: 'ĺļľŀł', n: 'ñńņň', o: 'óòôöõøōŏő', r: 'ŕŗř', s: 'śŝşš', t: 'ţťŧ', u: 'úùûüũūŭůűų', w: 'ŵ', y: 'ýÿŷ', z: 'źżž',
  A: 'ÁÀÂÄÃÅĀĂĄ', C: 'ÇĆĈĊČ', D: 'ĎĐ', E: 'ÉÈÊËĒĔĖĘĚ', G: 'ĜĞĠĢ', H: 'ĤĦ', I: 'ÍÌÎÏĨĪĬĮ', J: 'Ĵ', K: 'Ķ',
  L: 'ĹĻĽĿŁ', N: 'ÑŃŅŇ', O: 'ÓÒÔÖÕØŌŎŐ', R: 'ŔŖŘ', S: 'ŚŜŞŠ', T: 'ŢŤŦ', U: 'ÚÙÛÜŨŪŬŮŰŲ', W: 'Ŵ', Y: 'ÝŶŸ', Z: 'ŹŻŽ',
};
const VOWELS = new Set('aeiouyAEIOUY');

// One word, accented and lengthened by EXPANSION: vowels are doubled in turn (as in "Séééaŕçh"), so
// words grow where a real translation's would, not only at the end of the text.
function pseudoWord(word, turn) {
  const letters = [...word];
  let extra = Math.ceil(letters.length * EXPANSION);
  const accent = (c) => {
    const forms = ACCENTED[c];
    return forms ? [...forms][turn.n++ % [...forms].length] : c;
  };
  let out = '';
  for (const c of letters) {
    out += accent(c);
    if (extra > 0 && VOWELS.has(c)) {
      out += accent(c.toLowerCase());
      extra--;
    }
  }
  for (const last = letters[letters.length - 1].toLowerCase(); extra > 0; extra--) out += accent(last);
  return out;
}

// A whole text: words changed, everything else (spaces, punctuation, digits, {placeholders}) kept.
export function pseudoText(text) {
  const turn = { n: 0 };
  const body = text.split(/(\{[A-Za-z0-9_]+\})/).map((part, i) =>
    i % 2 === 1 ? part : part.replace(/[A-Za-z]+/g, (w) => pseudoWord(w, turn))).join('');
  return text.trim() === '' ? text : `[${body}]`;
}

export function pseudoOverlay(english, code = PSEUDO_CODE) {
  const strings = Object.fromEntries(Object.entries(english.strings).map(([key, text]) => [key, pseudoText(text)]));
  return { language: code, ...(english.catalogue ? { catalogue: english.catalogue } : {}), strings };
}

// The registry entry the pseudo language needs next to the real ones.
export function pseudoLanguage(code = PSEUDO_CODE) {
  return { code, name: 'Pseudo', native_name: pseudoText('Pseudo'), fallback: 'en' };
}

function main([uiFile, contentFile, outDir, code = PSEUDO_CODE]) {
  if (!uiFile || !contentFile || !outDir) {
    console.error('usage: node tools/pseudo-localise.mjs UI_EN.json CONTENT_EN.json OUT_DIR [CODE]');
    process.exit(2);
  }
  const content = JSON.parse(readFileSync(contentFile, 'utf8'));
  if (!content.catalogue) throw new Error(`${contentFile} names no catalogue: write it with catalogue-tool extract`);
  const outputs = [
    [join(outDir, 'ui', `${code}.json`), pseudoOverlay(JSON.parse(readFileSync(uiFile, 'utf8')), code)],
    [join(outDir, 'content', content.catalogue, `${code}.json`), pseudoOverlay(content, code)],
  ];
  for (const [path, overlay] of outputs) {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, `${JSON.stringify(overlay, null, 2)}\n`);
    console.log(`${path}: ${Object.keys(overlay.strings).length} texts`);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) main(process.argv.slice(2));
