// Baseline (a): full-text search in plain JavaScript, as a competent developer would write it without a
// library: an inverted index from folded words to the practices (and fields) that contain them, with
// the vocabulary sorted so that a prefix is a binary search and a scan.
import { EXACT_BIT, FIELDS, fold, phraseFields, weight, words } from './baseline_text.mjs';

export class PlainSearch {
  constructor(practices) {
    this.practices = practices;
    const index = new Map(); // word -> { docs: [practice index], masks: [field bits] }
    practices.forEach((p, i) => {
      const fields = new Map(); // word -> field bits, for this practice
      for (const f of FIELDS) {
        for (const text of f.texts(p)) for (const w of words(fold(text))) fields.set(w, (fields.get(w) || 0) | f.bit);
      }
      for (const [w, mask] of fields) {
        let entry = index.get(w);
        if (!entry) index.set(w, (entry = { docs: [], masks: [] }));
        entry.docs.push(i);
        entry.masks.push(mask);
      }
    });
    this.vocabulary = [...index.keys()].sort();
    this.postings = this.vocabulary.map((w) => {
      const e = index.get(w);
      return { docs: Int32Array.from(e.docs), masks: Uint8Array.from(e.masks) };
    });
  }

  // The first vocabulary index whose word is not before `word`.
  lowerBound(word) {
    let lo = 0;
    let hi = this.vocabulary.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.vocabulary[mid] < word) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  // Field bits per practice where a word starts with `word` (or equals it, when `whole`), plus
  // EXACT_BIT where the word itself occurs.
  fieldsFor(word, whole) {
    const fields = new Uint8Array(this.practices.length);
    for (let w = this.lowerBound(word); w < this.vocabulary.length; w++) {
      const v = this.vocabulary[w];
      if (whole ? v !== word : !v.startsWith(word)) break;
      const extra = v === word ? EXACT_BIT : 0;
      const { docs, masks } = this.postings[w];
      for (let k = 0; k < docs.length; k++) fields[docs[k]] |= masks[k] | extra;
    }
    return fields;
  }

  // null when there is nothing to search for; else { matched, scores } per practice.
  match(terms) {
    if (terms.length === 0) return null;
    const n = this.practices.length;
    const matched = new Uint8Array(n).fill(1);
    const scores = new Float64Array(n);
    for (const term of terms) {
      let fields;
      if (!term.phrase) {
        fields = this.fieldsFor(term.words[0], false);
      } else {
        // Fields holding every word (earlier words whole, the last as a prefix), then the texts read.
        fields = this.fieldsFor(term.words[0], true);
        for (let k = 1; k < term.words.length; k++) {
          const next = this.fieldsFor(term.words[k], k < term.words.length - 1);
          for (let i = 0; i < n; i++) fields[i] &= next[i] & ~EXACT_BIT;
        }
        for (let i = 0; i < n; i++) {
          if (fields[i] && matched[i]) fields[i] = phraseFields(this.practices[i], fields[i], term.words);
        }
      }
      for (let i = 0; i < n; i++) {
        if (!matched[i]) continue;
        if (fields[i] === 0) matched[i] = 0;
        else scores[i] += weight(fields[i]);
      }
    }
    return { matched, scores };
  }
}
