// Baseline (b): the text part done by MiniSearch (npm), a well-known in-memory search library with
// prefix search. Folding and word splitting are the plain baseline's, handed to MiniSearch as its
// tokenizer, so both see the same words. MiniSearch has no phrases: a phrase is searched as its words
// and the texts of the practices found are then checked for the words in order. Ranking is
// MiniSearch's own (BM25), so only the counts are expected to agree with the engine, not the order.
import MiniSearch from 'minisearch';
import { fold, phraseFields, words } from './baseline_text.mjs';

const ALL_FIELDS = 31;

export class MiniSearchSearch {
  constructor(practices) {
    this.practices = practices;
    this.index = new MiniSearch({
      idField: 'i',
      fields: ['title', 'summary', 'why', 'clauses', 'evidence'],
      tokenize: (text) => words(fold(text)),
      processTerm: (term) => term,
      searchOptions: { prefix: true, combineWith: 'AND' },
    });
    this.index.addAll(practices.map((p, i) => ({
      i, title: p.title, summary: p.summary, why: p.why, clauses: p.clauses.join('\n'), evidence: p.evidence.join('\n'),
    })));
  }

  // null when there is nothing to search for; else { matched, scores } per practice.
  match(terms) {
    if (terms.length === 0) return null;
    const n = this.practices.length;
    const matched = new Uint8Array(n);
    const scores = new Float64Array(n);
    for (const r of this.index.search(terms.flatMap((t) => t.words).join(' '))) {
      matched[r.id] = 1;
      scores[r.id] = r.score;
    }
    for (const t of terms) {
      if (!t.phrase) continue;
      for (let i = 0; i < n; i++) if (matched[i] && !phraseFields(this.practices[i], ALL_FIELDS, t.words)) matched[i] = 0;
    }
    return { matched, scores };
  }
}
