// Text handling for the JavaScript baselines, written the way a JavaScript developer would: Unicode
// normalisation does the heavy lifting. It matches the engine's folding (src/engine/text_fold.cpp) on
// everything the benchmark catalogues hold:
//   - NFD, then dropping combining marks: á -> a, š -> s, ά -> α, and also й -> и and ё -> е, because
//     NFD splits those into a base letter and a breve or diaeresis;
//   - lower case; toLowerCase() turns a word-final Σ into ς, so final sigma is mapped to σ after it;
//   - a few Latin letters that NFD leaves whole (ł, ø, đ, ß, æ, œ, þ) mapped by hand, as the engine does.
// Words are runs of letters and digits. Known differences from the engine, none of which occur in the
// benchmark data: the engine also folds ligatures and some rare Latin letters, cuts terms at 64 bytes
// and queries at 256 bytes, and treats a few symbols (e.g. ª, µ) as letters.

const MARKS = /[\u0300-\u036f\u00ad]/g;
const WHOLE_LETTERS = /[łøđßæœþς]/g;
const WHOLE_LETTER_FOLDS = { 'ł': 'l', 'ø': 'o', 'đ': 'd', 'ß': 'ss', 'æ': 'ae', 'œ': 'oe', 'þ': 'th', 'ς': 'σ' };
const WORD = /[\p{L}\p{N}]+/gu;
const QUOTES = /["\u201C\u201D\u201E\u00AB\u00BB]/;
const MAX_TERMS = 16;

export function fold(text) {
  return text.normalize('NFD').replace(MARKS, '').toLowerCase().replace(WHOLE_LETTERS, (c) => WHOLE_LETTER_FOLDS[c]);
}

export function words(folded) {
  return folded.match(WORD) || [];
}

// Terms of a query as the engine parses them: every word must match (as a prefix of a word), and a
// quoted part of two or more words is a phrase. Repeated terms count once. [{ words: [...], phrase }]
export function parseQuery(text) {
  const terms = [];
  const seen = new Set();
  const add = (ws, phrase) => {
    const key = (phrase ? '"' : '') + ws.join(' ');
    if (ws.length === 0 || seen.has(key) || terms.length >= MAX_TERMS) return;
    seen.add(key);
    terms.push({ words: ws, phrase });
  };
  text.split(QUOTES).forEach((part, i) => {
    const ws = words(fold(part));
    if (i % 2 === 1 && ws.length > 1) add(ws, true);
    else for (const w of ws) add([w], false);
  });
  return terms;
}

// Whether `phraseWords` follow each other in folded `text`, the last as a prefix of a word.
export function hasPhrase(text, phraseWords) {
  const ws = words(fold(text));
  const last = phraseWords.length - 1;
  outer: for (let i = 0; i + last < ws.length; i++) {
    for (let k = 0; k < last; k++) if (ws[i + k] !== phraseWords[k]) continue outer;
    if (ws[i + last].startsWith(phraseWords[last])) return true;
  }
  return false;
}

// The searchable fields of a practice, with the bit each one has in a match mask (as in the engine).
export const FIELDS = [
  { name: 'title', bit: 1, texts: (p) => [p.title] },
  { name: 'summary', bit: 2, texts: (p) => [p.summary] },
  { name: 'why', bit: 4, texts: (p) => [p.why] },
  { name: 'clauses', bit: 8, texts: (p) => p.clauses },
  { name: 'evidence', bit: 16, texts: (p) => p.evidence },
];
export const EXACT_BIT = 32;

// Ranking: title 64, summary 16, each body field 4, and 2 more when a word term matched a whole word.
export function weight(mask) {
  return (mask & 1 ? 64 : 0) + (mask & 2 ? 16 : 0) + (mask & 4 ? 4 : 0) + (mask & 8 ? 4 : 0) + (mask & 16 ? 4 : 0) +
    (mask & EXACT_BIT ? 2 : 0);
}

// Fields (mask bits) of practice `p` where the phrase occurs, among those in `fields`.
export function phraseFields(p, fields, phraseWords) {
  let found = 0;
  for (const f of FIELDS) {
    if ((fields & f.bit) && f.texts(p).some((t) => hasPhrase(t, phraseWords))) found |= f.bit;
  }
  return found;
}
