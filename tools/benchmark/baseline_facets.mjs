// Facets and ranking for both JavaScript baselines, in plain code: options OR-ed within a facet and
// facets AND-ed; for every option the number of results the query would have with that option
// toggled, counted by toggling it; results ranked by score (title > summary > body), ties in catalogue
// order. Membership is kept as one byte array per option, so each count is a loop over typed arrays.
// The checklist is empty, so every practice's status is "not started", as in the engine runs.
const STATUSES = ['not_started', 'in_tender', 'verified', 'not_applicable'];

export class Facets {
  constructor(catalogue) {
    const practices = catalogue.practices;
    this.practices = practices;
    const facet = (key, options, has) => ({
      key,
      options,
      members: options.map((id) => Uint8Array.from(practices, (p) => (has(p, id) ? 1 : 0))),
    });
    this.facets = [
      facet('phases', catalogue.phases.map((t) => t.id), (p, id) => p.phase === id),
      facet('assets', catalogue.asset_types.map((t) => t.id), (p, id) => p.assets.some((l) => l.id === id)),
      facet('threats', catalogue.threats.map((t) => t.id), (p, id) => p.threats.some((l) => l.id === id)),
      facet('statuses', STATUSES, (p, id) => id === 'not_started'),
    ];
  }

  // The practices a selection of options admits (their union), or null for no selection: all of them.
  admitted(facet, selection) {
    if (selection.length === 0) return null;
    const n = this.practices.length;
    const out = new Uint8Array(n);
    for (const o of selection) {
      const m = facet.members[o];
      for (let i = 0; i < n; i++) out[i] |= m[i];
    }
    return out;
  }

  // `text` is a search's { matched, scores }, or null without search text.
  // Returns { count, facets: [every option's count, facet after facet], results: ranked practice indices }.
  answer(query, text) {
    const n = this.practices.length;
    const selected = this.facets.map((f) => {
      const wanted = query[f.key] || [];
      return f.options.map((_, o) => o).filter((o) => wanted.includes(f.options[o]));
    });
    const passes = this.facets.map((f, k) => this.admitted(f, selected[k]));

    // Practices that pass the text and every facet but `skip`.
    const allBut = (skip) => {
      const out = text ? Uint8Array.from(text.matched) : new Uint8Array(n).fill(1);
      passes.forEach((pass, k) => {
        if (k === skip || !pass) return;
        for (let i = 0; i < n; i++) out[i] &= pass[i];
      });
      return out;
    };

    const facets = [];
    this.facets.forEach((f, k) => {
      const others = allBut(k);
      f.options.forEach((_, o) => {
        const toggled = selected[k].includes(o) ? selected[k].filter((s) => s !== o) : [...selected[k], o];
        const admitted = this.admitted(f, toggled);
        let count = 0;
        if (admitted) for (let i = 0; i < n; i++) count += others[i] & admitted[i];
        else for (let i = 0; i < n; i++) count += others[i];
        facets.push(count);
      });
    });

    const matching = allBut(-1);
    const results = [];
    for (let i = 0; i < n; i++) if (matching[i]) results.push(i);
    if (text) results.sort((a, b) => text.scores[b] - text.scores[a]); // Array.prototype.sort is stable
    return { count: results.length, facets, results };
  }
}
