// The accessible mirror: real HTML kept in step with the canvas, for screen readers and keyboards.
//
// The app sends a model of its view whenever it changes (src/ui/mirror.cpp via
// window.procureApp.bridge.updateMirror); this file draws it as headings, checkboxes, a search box,
// a list of links, an article and form controls, and sends what the user does back as intents
// (Module._app_mirror_intent), which change the same engine state the canvas draws. Changes are
// announced in a polite live region. The mirror is visually hidden until it has keyboard focus or the
// user asks for the text view (the skip link, first on the page, opens it).
//
// Every text is set with textContent, never as HTML: catalogue texts may come from an agency's file.
'use strict';

(function () {
  const api = (window.procureApp = window.procureApp || {});  // shell.js adds the rest
  let root = null;
  let sent = null;          // send(intent) -> the app
  let last = {};            // the last model's sections, as JSON, to redraw only what changed
  let announceTimer = 0;

  // h('p', {class: 'x'}, 'text', child...) with attributes set as attributes or, for on*, listeners.
  function h(tag, attrs, ...children) {
    const el = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === false || v === null || v === undefined) continue;
      if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
      else if (k === 'checked' || k === 'value') el[k] = v;
      else el.setAttribute(k, v === true ? '' : String(v));
    }
    for (const c of children.flat()) if (c !== null && c !== undefined && c !== false) el.append(c instanceof Node ? c : String(c));
    return el;
  }

  // Replaces a section's content, keeping keyboard focus on the control with the same data-key.
  function replace(section, nodes) {
    const focused = section.contains(document.activeElement) ? document.activeElement.dataset.key : null;
    section.replaceChildren(...nodes);
    if (focused) {
      const again = section.querySelector(`[data-key="${CSS.escape(focused)}"]`);
      if (again) again.focus();
    }
  }

  function debounce(fn, ms) {
    let t = 0;
    return (...args) => { clearTimeout(t); t = setTimeout(() => fn(...args), ms); };
  }

  function build() {
    root = document.getElementById('mirror');
    const search = h('input', { id: 'mirror-search', type: 'search', 'data-key': 'search', autocomplete: 'off',
      oninput: debounce((e) => sent({ type: 'search', text: e.target.value }), 200) });
    root.replaceChildren(
      h('header', { id: 'mirror-header' }),
      h('div', { id: 'mirror-notices', role: 'alert' }),
      h('nav', { id: 'mirror-filters', 'aria-labelledby': 'mirror-filters-heading' }),
      h('main', { id: 'mirror-main' },
        h('div', { role: 'search' }, h('label', { for: 'mirror-search', id: 'mirror-search-label' }), search),
        h('h2', { id: 'mirror-count', tabindex: '-1' }),
        h('ul', { id: 'mirror-results' }),
        h('article', { id: 'mirror-detail' })),
      h('div', { id: 'mirror-live', role: 'status', 'aria-live': 'polite', class: 'visually-hidden' }));
  }

  function header(m) {
    const select = h('select', { id: 'mirror-language', 'data-key': 'language', onchange: (e) => sent({ type: 'language', code: e.target.value }) },
      m.languages.map((l) => h('option', { value: l.code, lang: l.code, selected: l.code === m.language }, l.name)));
    return [
      h('h1', { id: 'mirror-title', tabindex: '-1' }, m.title),
      h('p', {}, m.edition),
      h('p', {}, h('button', { type: 'button', 'data-key': 'view', onclick: toggleTextView }, document.body.classList.contains('text-view') ? m.labels.canvasView : m.labels.textView)),
      h('p', {}, h('label', { for: 'mirror-language' }, m.labels.language, ' '), select),
    ];
  }

  function filters(m) {
    return [
      h('h2', { id: 'mirror-filters-heading' }, m.labels.filters),
      h('p', {}, m.labels.semantics),
      h('h3', {}, m.labels.scenarios),
      h('ul', {}, m.scenarios.map((s) => h('li', {}, h('button', { type: 'button', 'data-key': `scenario:${s.id}`, 'aria-pressed': String(s.active),
        onclick: () => sent({ type: 'scenario', id: s.id }) }, s.name), ' ', s.description))),
      ...m.facets.map((f) => h('fieldset', {},
        h('legend', {}, f.label),
        f.options.map((o) => h('div', {}, h('label', {},
          h('input', { type: 'checkbox', 'data-key': `facet:${f.kind}:${o.id}`, checked: o.selected,
            'aria-disabled': String(o.count === 0 && !o.selected), onchange: () => sent({ type: 'toggle', facet: f.kind, id: o.id }) }),
          ` ${o.label} (${o.count})`))),
        h('button', { type: 'button', 'data-key': `clear:${f.kind}`, onclick: () => sent({ type: 'clear', facet: f.kind }) }, `${f.clear}: ${f.label}`))),
      h('p', {}, h('button', { type: 'button', 'data-key': 'clear-all', onclick: () => sent({ type: 'clear_all' }) }, m.labels.clearAll)),
    ];
  }

  function results(m) {
    if (!m.results.length) return [h('li', {}, m.empty)];
    return m.results.map((r) => h('li', {},
      // A link to the view with that practice open (a bare "#..." would read as a skip link).
      h('a', { href: `${location.href.split('#')[0]}#open=${encodeURIComponent(r.id)}`, 'data-key': `result:${r.id}`, 'aria-current': m.detail && m.detail.id === r.id ? 'true' : false,
        onclick: (e) => { e.preventDefault(); pendingFocus = 'mirror-detail-title'; sent({ type: 'open', id: r.id }); } }, `${r.number}. ${r.title}`),
      ` — ${r.phase}. ${r.summary}`));
  }

  let pendingFocus = null;
  function detail(m) {
    const d = m.detail;
    if (!d) return [h('p', {}, m.labels.noDetail)];
    const L = d.labels;
    const note = h('textarea', { id: 'mirror-note', 'data-key': `note:${d.id}`, 'data-saved': d.note, rows: 4, value: d.note,
      oninput: debounce((e) => sent({ type: 'note', id: d.id, note: e.target.value }), 400),
      onchange: (e) => sent({ type: 'note', id: d.id, note: e.target.value }) });
    return [
      h('h2', { id: 'mirror-detail-title', tabindex: '-1' }, `${d.number}. ${d.title}`),
      h('p', {}, `${L.phase}: ${d.phase}`),
      h('p', {}, d.summary),
      h('h3', {}, L.why), ...d.why.split(/\n\s*\n/).map((para) => h('p', {}, para)),
      h('h3', {}, L.how), h('ol', {}, d.clauses.map((c) => h('li', {}, c))),
      h('h3', {}, L.evidence), h('ul', {}, d.evidence.map((e) => h('li', {}, e))),
      h('h3', {}, L.applies), h('ul', {}, d.assets.map((a) => h('li', {}, `${a.label} (${a.provenance})`))),
      h('h3', {}, L.threats), h('ul', {}, d.threats.map((t) => h('li', {}, `${t.label} (${t.provenance})`))),
      h('h3', {}, L.references), h('ul', {}, d.references.map((r) => h('li', {}, r))),
      h('fieldset', {}, h('legend', {}, L.checklist),
        d.statuses.map((s) => h('div', {}, h('label', {},
          h('input', { type: 'radio', name: 'mirror-status', value: s.id, 'data-key': `status:${s.id}`, checked: s.id === d.status,
            onchange: () => sent({ type: 'status', id: d.id, status: s.id }) }), ` ${s.label}`))),
        h('label', { for: 'mirror-note' }, L.note), note),
      h('p', {}, h('button', { type: 'button', 'data-key': 'close', onclick: () => { pendingFocus = 'mirror-count'; sent({ type: 'open', id: '' }); } }, L.close)),
    ];
  }

  function toggleTextView() {
    const on = document.body.classList.toggle('text-view');
    if (last.model) update(last.model, true);
    if (on) document.getElementById('mirror-title').focus();
  }

  function update(json, force = false) {
    const m = JSON.parse(json);
    if (!root) build();
    root.lang = m.language;
    const sections = {
      header: JSON.stringify([m.title, m.edition, m.languages, m.language, m.labels, document.body.classList.contains('text-view')]),
      filters: JSON.stringify([m.labels, m.scenarios, m.facets]),
      results: JSON.stringify([m.results, m.empty, m.detail && m.detail.id]),
      detail: JSON.stringify(m.detail),
      notices: JSON.stringify(m.notices),
    };
    if (force || sections.notices !== last.notices)
      document.getElementById('mirror-notices').replaceChildren(...(m.notices || []).map((text) => h('p', {}, text)));
    if (force || sections.header !== last.header) replace(document.getElementById('mirror-header'), header(m));
    if (force || sections.filters !== last.filters) replace(document.getElementById('mirror-filters'), filters(m));
    if (force || sections.results !== last.results) replace(document.getElementById('mirror-results'), results(m));
    // The note being typed is never overwritten from the model while it has focus.
    const typing = document.activeElement && document.activeElement.id === 'mirror-note';
    if (typing) sections.detail = last.detail;  // drawn once the reader leaves the note
    else if (force || sections.detail !== last.detail) {
      const article = document.getElementById('mirror-detail');
      // Text the app did not take (a note past the limit) stays in the box for the reader to shorten.
      const box = document.getElementById('mirror-note');
      const unsaved = box && m.detail && box.dataset.key === `note:${m.detail.id}` && box.value !== box.dataset.saved ? box.value : null;
      replace(article, detail(m));
      if (unsaved !== null) document.getElementById('mirror-note').value = unsaved;
      // Named by the practice's title while one is open; there is no title to point at otherwise.
      if (m.detail) article.setAttribute('aria-labelledby', 'mirror-detail-title');
      else article.removeAttribute('aria-labelledby');
    }
    document.getElementById('mirror-search-label').textContent = m.labels.search;
    document.getElementById('skip-to-text').textContent = m.labels.skip;
    document.getElementById('canvas').setAttribute('aria-label', m.labels.canvas);
    const search = document.getElementById('mirror-search');
    if (document.activeElement !== search && search.value !== m.search) search.value = m.search;
    document.getElementById('mirror-count').textContent = m.count;
    if (pendingFocus) {
      const target = document.getElementById(pendingFocus);
      pendingFocus = null;
      if (target) target.focus();
    }
    if (last.announce !== undefined && m.announce !== last.announce) {
      clearTimeout(announceTimer);
      announceTimer = setTimeout(() => { document.getElementById('mirror-live').textContent = m.announce; }, 300);
    }
    Object.assign(last, sections, { announce: m.announce, model: json });
  }

  api.mirror = {
    // Called by shell.js once the module is running.
    attach(send) {
      sent = send;
      const skip = document.getElementById('skip-to-text');
      skip.addEventListener('click', (e) => {
        e.preventDefault();
        if (!document.body.classList.contains('text-view')) toggleTextView();
        else document.getElementById('mirror-title').focus();
      });
    },
    update,
    model: () => last.model,  // the last model drawn, as JSON (for tests)
  };
})();
