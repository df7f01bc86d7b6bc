// <cn-member-search>: the member search of the Creative Norrbotten directory, for any web page.
//   <script type="module" src="https://DIRECTORY/embed/member-search.js"></script>
//   <cn-member-search lang="sv" page-size="10" municipality="2581"></cn-member-search>
// Attributes: api (the directory's base URL; default: where this file came from), lang (sv | en), page-size (1-100,
// default 10), municipality / skill / type / seeks / offers (fixed filters, comma-separated; e.g. offers="internship"
// lists the members who offer internships), profile-url (a link template such as
// https://example.se/medlemmar/{slug}; default: the member's own website).
// Theme: the --cn-* custom properties below, and ::part(...) for every named part. No dependencies; requests go to
// the API only; text from the API is only ever set as text (the highlight's <mark>s are built as elements).
const TEXTS = {
  sv: {
    label: 'Sök medlemmar', hint: 'Namn, kompetens eller ort', search: 'Sök', type: 'Typ', municipality: 'Kommun',
    skill: 'Kompetens', language: 'Språk', seeks: 'Söker', offers: 'Erbjuder', prev: 'Föregående', next: 'Nästa', loading: 'Söker…',
    error: 'Sökningen gick inte att genomföra.', retry: 'Försök igen', none: 'Inga medlemmar matchar sökningen.',
    count: (n) => (n === 1 ? '1 medlem hittades' : `${n.toLocaleString('sv-SE')} medlemmar hittades`),
    page: (p, n) => `Sida ${p} av ${n}`, suggestions: 'Förslag', filters: 'Filter', results: 'Sökresultat',
    paging: 'Sidor', website: 'webbplats', skills: 'Kompetenser', typeLabels: { agency: 'Byrå', freelancer: 'Frilansare', student: 'Student' },
  },
  en: {
    label: 'Search members', hint: 'Name, skill or place', search: 'Search', type: 'Type', municipality: 'Municipality',
    skill: 'Skill', language: 'Language', seeks: 'Seeks', offers: 'Offers', prev: 'Previous', next: 'Next', loading: 'Searching…',
    error: 'The search could not be completed.', retry: 'Try again', none: 'No members match the search.',
    count: (n) => (n === 1 ? '1 member found' : `${n.toLocaleString('en-GB')} members found`),
    page: (p, n) => `Page ${p} of ${n}`, suggestions: 'Suggestions', filters: 'Filters', results: 'Search results',
    paging: 'Pages', website: 'website', skills: 'Skills', typeLabels: { agency: 'Agency', freelancer: 'Freelancer', student: 'Student' },
  },
};
const FACETS = ['type', 'municipality', 'skill', 'language', 'seeks', 'offers'];
const PRESETS = ['municipality', 'skill', 'type', 'seeks', 'offers'];
// What a member seeks or offers is shown on its card with the facet's label.
const OPPORTUNITIES = ['seeks', 'offers'];
const HERE = new URL('../', import.meta.url).href;

const CSS = `
:host{display:block;font:var(--cn-font,inherit);color:var(--cn-color,inherit);background:var(--cn-background,transparent);
--_accent:var(--cn-accent,#0b5cad);--_border:var(--cn-border,#8a8f98);--_muted:var(--cn-muted,#50555c);--_radius:var(--cn-radius,.375rem);
--_gap:var(--cn-gap,1rem)}
:host([hidden]){display:none}
*{box-sizing:border-box}
form{display:flex;flex-wrap:wrap;gap:.5rem;align-items:flex-end;margin:0 0 var(--_gap)}
label.q{flex-basis:100%;font-weight:600}
.combo{position:relative;flex:1 1 16rem}
input[type=search]{width:100%;font:inherit;padding:.5rem .625rem;border:1px solid var(--_border);border-radius:var(--_radius);
background:var(--cn-input-background,#fff);color:var(--cn-input-color,#111)}
button{font:inherit;padding:.5rem .875rem;border:1px solid var(--_accent);border-radius:var(--_radius);background:var(--_accent);
color:var(--cn-accent-contrast,#fff);cursor:pointer}
button:disabled{opacity:.45;cursor:default}
button.secondary{background:transparent;color:var(--_accent)}
:focus-visible{outline:3px solid var(--cn-focus,#f2a900);outline-offset:2px}
[role=listbox]{position:absolute;z-index:10;left:0;right:0;top:100%;margin:.125rem 0 0;padding:.25rem 0;list-style:none;
background:var(--cn-input-background,#fff);color:var(--cn-input-color,#111);border:1px solid var(--_border);border-radius:var(--_radius);
box-shadow:0 4px 12px rgba(0,0,0,.15)}
[role=option]{padding:.375rem .625rem;cursor:pointer}
[role=option] small{color:var(--_muted);margin-inline-start:.5rem}
[role=option][aria-selected=true],[role=option]:hover{background:var(--cn-highlight-background,#e3eefa)}
.body{display:grid;grid-template-columns:minmax(10rem,14rem) 1fr;gap:var(--_gap)}
@media (max-width:40rem){.body{grid-template-columns:1fr}}
fieldset{border:0;margin:0 0 var(--_gap);padding:0;min-width:0}
legend{font-weight:600;padding:0;margin-bottom:.25rem}
.facet label{display:flex;gap:.375rem;align-items:baseline;padding:.125rem 0}
.facet .n{color:var(--_muted)}
.status{margin:0 0 .5rem;font-weight:600}
.status.error{color:var(--cn-error,#b00020)}
ol{list-style:none;margin:0;padding:0}
ol[aria-busy=true]{opacity:.5}
li.item{padding:.75rem 0;border-bottom:1px solid var(--cn-separator,#d6d9de)}
h3{margin:0 0 .25rem;font-size:1.0625rem}
a{color:var(--_accent)}
p{margin:.125rem 0}
.meta,.snippet{color:var(--_muted);font-size:.9375rem}
ul.skills{display:flex;flex-wrap:wrap;gap:.25rem;list-style:none;margin:.375rem 0 0;padding:0}
ul.skills li{font-size:.8125rem;padding:.0625rem .5rem;border-radius:999px;background:var(--cn-tag-background,#eef0f3)}
mark{background:var(--cn-mark-background,#ffe58a);color:inherit;padding:0}
nav{display:flex;gap:.5rem;align-items:center;margin-top:var(--_gap)}
nav[hidden]{display:none}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}`;

let sheet;
function styles(root) {
  if ('adoptedStyleSheets' in root && typeof CSSStyleSheet === 'function' && 'replaceSync' in CSSStyleSheet.prototype) {
    if (!sheet) {
      sheet = new CSSStyleSheet();
      sheet.replaceSync(CSS);
    }
    root.adoptedStyleSheets = [sheet];
  } else {
    root.append(el('style', {}, CSS));
  }
}

// An element with attributes (null/false leave one out) and children (strings become text nodes).
function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith('on')) node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, value === true ? '' : String(value));
  }
  node.append(...children.flat().filter((c) => c !== null && c !== undefined && c !== false));
  return node;
}

const ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" };
const decode = (s) => s.replace(/&(amp|lt|gt|quot|#39);/g, (_, e) => ENTITIES[e]);

// The API's highlight (escaped text with <mark> around matches) as DOM nodes; its plain text beside them.
function marked(html) {
  const nodes = [];
  let plain = '';
  let inMark = false;
  for (const piece of String(html).split(/(<mark>|<\/mark>)/)) {
    if (piece === '<mark>') inMark = true;
    else if (piece === '</mark>') inMark = false;
    else if (piece) {
      const text = decode(piece);
      plain += text;
      nodes.push(inMark ? el('mark', { part: 'mark' }, text) : document.createTextNode(text));
    }
  }
  return { nodes, plain };
}

function httpUrl(value) {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
  } catch {
    return null;
  }
}

const list = (value) => (value || '').split(',').map((v) => v.trim()).filter(Boolean);

let ids = 0;

class MemberSearch extends HTMLElement {
  static get observedAttributes() {
    return ['api', 'lang', 'page-size', 'profile-url', ...PRESETS];
  }

  constructor() {
    super();
    this.attachShadow({ mode: 'open' });
    this.id$ = `cn${++ids}`;
    this.state = { q: '', page: 1, selected: {} };
    this.skillNames = null;
    this.typeNames = {};
  }

  connectedCallback() {
    if (!this.built) this.build();
    this.search();
  }

  disconnectedCallback() {
    this.inflight?.abort();
    this.suggestAbort?.abort();
  }

  attributeChangedCallback(name, before, after) {
    if (!this.built || before === after) return;
    if (name === 'lang' || name === 'api') this.skillNames = null;
    if (name === 'lang') this.build();
    this.state.page = 1;
    this.search();
  }

  get lang() {
    return this.getAttribute('lang') === 'en' ? 'en' : 'sv';
  }

  get t() {
    return TEXTS[this.lang];
  }

  get api() {
    return (this.getAttribute('api') || HERE).replace(/\/+$/, '');
  }

  get pageSize() {
    const n = Number.parseInt(this.getAttribute('page-size') || '10', 10);
    return Number.isFinite(n) ? Math.min(100, Math.max(1, n)) : 10;
  }

  build() {
    const t = this.t;
    const id = this.id$;
    const root = this.shadowRoot;
    root.replaceChildren();
    styles(root);
    this.input = el('input', {
      id: `${id}-q`, type: 'search', part: 'input', autocomplete: 'off', spellcheck: 'false', placeholder: t.hint,
      'aria-autocomplete': 'list', 'aria-controls': `${id}-s`, 'aria-describedby': `${id}-h`, maxlength: 200,
      oninput: () => this.typed(), onkeydown: (e) => this.key(e), onblur: () => setTimeout(() => this.closeSuggestions(), 150),
    });
    this.input.value = this.state.q;
    this.suggestions = el('ul', { id: `${id}-s`, role: 'listbox', part: 'suggestions', 'aria-label': t.suggestions, hidden: true });
    this.status = el('p', { class: 'status', part: 'status', role: 'status', 'aria-live': 'polite', tabindex: '-1' });
    this.list = el('ol', { part: 'list', 'aria-label': t.results });
    this.facets = el('div', { part: 'facets', role: 'group', 'aria-label': t.filters });
    this.prev = el('button', { type: 'button', part: 'prev', class: 'secondary', onclick: () => this.go(-1) }, t.prev);
    this.next = el('button', { type: 'button', part: 'next', class: 'secondary', onclick: () => this.go(1) }, t.next);
    this.pageText = el('span', { part: 'page' });
    this.paging = el('nav', { part: 'paging', 'aria-label': t.paging, hidden: true }, this.prev, this.pageText, this.next);
    root.append(el('div', { part: 'root', lang: this.lang },
      el('form', { role: 'search', part: 'form', onsubmit: (e) => { e.preventDefault(); this.submit(); } },
        el('label', { class: 'q', for: `${id}-q`, part: 'label' }, t.label),
        el('span', { id: `${id}-h`, class: 'sr' }, t.hint),
        el('div', { class: 'combo' }, this.input, this.suggestions),
        el('button', { type: 'submit', part: 'button' }, t.search)),
      el('div', { class: 'body' }, this.facets,
        el('section', { part: 'results', 'aria-label': t.results }, this.status, this.list, this.paging))));
    this.built = true;
  }

  // Requests to the API, in the element's language; aborted when a newer one of the same kind starts.
  async fetchJson(path, params, signal) {
    const url = new URL(`${this.api}/api/v1/${path}`);
    for (const [name, value] of params) url.searchParams.append(name, value);
    const response = await fetch(url, { headers: { Accept: 'application/json', 'Accept-Language': this.lang }, signal });
    if (!response.ok) throw new Error(`${response.status}`);
    return response.json();
  }

  params() {
    const p = [];
    if (this.state.q) p.push(['q', this.state.q]);
    for (const name of PRESETS) for (const v of list(this.getAttribute(name))) p.push([name, v]);
    for (const [name, values] of Object.entries(this.state.selected)) {
      if (PRESETS.includes(name) && this.hasAttribute(name)) continue;
      for (const v of values) p.push([name, v]);
    }
    p.push(['page', String(this.state.page)], ['size', String(this.pageSize)]);
    return p;
  }

  async search() {
    if (!this.built) return;
    this.inflight?.abort();
    const abort = new AbortController();
    this.inflight = abort;
    this.list.setAttribute('aria-busy', 'true');
    this.status.classList.remove('error');
    this.status.textContent = this.t.loading;
    try {
      const [page] = await Promise.all([this.fetchJson('members', this.params(), abort.signal), this.loadSkillNames()]);
      if (abort.signal.aborted) return;
      this.render(page);
    } catch (e) {
      if (abort.signal.aborted) return;
      this.failed();
    } finally {
      if (this.inflight === abort) this.list.removeAttribute('aria-busy');
    }
  }

  // Skill names for the result cards (a card carries slugs); once per element and language, best effort.
  async loadSkillNames() {
    if (this.skillNames) return;
    try {
      const skills = await this.fetchJson('skills', []);
      this.skillNames = Object.fromEntries((skills.items || []).map((s) => [s.slug, this.lang === 'en' ? s.nameEn : s.nameSv]));
    } catch {
      this.skillNames = {};
    }
  }

  failed() {
    const t = this.t;
    this.status.classList.add('error');
    this.status.textContent = t.error;
    this.list.replaceChildren(el('li', { part: 'error' },
      el('button', { type: 'button', class: 'secondary', part: 'retry', onclick: () => this.search() }, t.retry)));
    this.paging.hidden = true;
  }

  render(page) {
    const t = this.t;
    const total = page.total || 0;
    const pages = Math.max(1, Math.ceil(total / this.pageSize));
    for (const f of page.facets?.type || []) this.typeNames[f.value] = f.label;
    this.municipalityNames = Object.fromEntries((page.facets?.municipality || []).map((f) => [f.value, f.label]));
    this.opportunityNames = Object.fromEntries((page.facets?.seeks || []).map((f) => [f.value, f.label]));
    this.renderFacets(page.facets || {});
    this.status.textContent = total === 0 ? t.none : t.count(total);
    this.list.replaceChildren(...(page.items || []).map((m) => this.card(m)));
    this.paging.hidden = total <= this.pageSize;
    this.pageText.textContent = t.page(this.state.page, pages);
    const focused = this.shadowRoot.activeElement;
    this.prev.disabled = this.state.page <= 1;
    this.next.disabled = this.state.page >= pages;
    if (focused && focused.disabled) {
      const other = focused === this.prev ? this.next : this.prev;
      (other.disabled ? this.status : other).focus();
    }
  }

  card(m) {
    const t = this.t;
    const name = m.highlight ? marked(m.highlight) : null;
    const nameNodes = name && name.plain === m.name ? name.nodes : [m.name];
    const headlineNodes = name && name.plain === m.headline ? name.nodes : [m.headline || ''];
    const snippet = name && name.plain !== m.name && name.plain !== m.headline ? name.nodes : null;
    const template = this.getAttribute('profile-url');
    const href = template ? httpUrl(template.replaceAll('{slug}', encodeURIComponent(m.slug))) : httpUrl(m.website);
    const framed = window.top !== window.self;
    const link = href
      ? el('a', { href, part: 'link', target: framed ? '_blank' : null, rel: framed ? 'noopener noreferrer' : null }, ...nameNodes)
      : nameNodes;
    const place = this.municipalityNames?.[m.municipality] || m.municipality;
    const type = this.typeNames[m.type] || t.typeLabels[m.type] || m.type;
    return el('li', { class: 'item', part: 'item' },
      el('h3', { part: 'name' }, link),
      m.headline ? el('p', { part: 'headline' }, ...headlineNodes) : null,
      snippet ? el('p', { class: 'snippet', part: 'snippet' }, ...snippet) : null,
      el('p', { class: 'meta', part: 'meta' }, [type, place].filter(Boolean).join(' · ')),
      ...OPPORTUNITIES.filter((name) => m[name]?.length).map((name) => el('p', { class: 'meta', part: name },
        `${t[name]}: ${m[name].map((v) => this.opportunityNames?.[v] || v).join(', ')}`)),
      m.skills?.length
        ? el('ul', { class: 'skills', part: 'skills', 'aria-label': t.skills },
          ...m.skills.map((s) => el('li', { part: 'skill' }, this.skillNames?.[s] || s)))
        : null);
  }

  renderFacets(facets) {
    const t = this.t;
    const active = this.shadowRoot.activeElement;
    const focusKey = active?.dataset?.key;
    const groups = [];
    for (const name of FACETS) {
      if (PRESETS.includes(name) && this.hasAttribute(name)) continue;
      const chosen = this.state.selected[name] || [];
      const values = (facets[name] || []).filter((v) => v.count > 0 || chosen.includes(v.value));
      if (values.length === 0) continue;
      groups.push(el('fieldset', { class: 'facet', part: 'facet' }, el('legend', {}, t[name]),
        ...values.map((v) => el('label', {},
          el('input', {
            type: 'checkbox', value: v.value, 'data-key': `${name}:${v.value}`, checked: chosen.includes(v.value),
            onchange: (e) => this.toggle(name, v.value, e.target.checked),
          }),
          el('span', {}, v.label), ' ', el('span', { class: 'n' }, `(${v.count})`)))));
    }
    this.facets.replaceChildren(...groups);
    if (focusKey) {
      const again = [...this.facets.querySelectorAll('input')].find((i) => i.dataset.key === focusKey);
      (again || this.status).focus();
    }
  }

  toggle(name, value, on) {
    const values = new Set(this.state.selected[name] || []);
    if (on) values.add(value);
    else values.delete(value);
    this.state.selected[name] = [...values];
    this.state.page = 1;
    this.search();
  }

  go(step) {
    this.state.page = Math.max(1, this.state.page + step);
    this.search();
    this.status.scrollIntoView?.({ block: 'nearest' });
  }

  submit() {
    this.closeSuggestions();
    this.state.q = this.input.value.trim().slice(0, 200);
    this.state.page = 1;
    this.search();
  }

  // Suggestions as one types, a moment after the last key.
  typed() {
    clearTimeout(this.suggestTimer);
    const q = this.input.value.trim();
    if (q.length === 0 || q.length > 100) {
      this.closeSuggestions();
      return;
    }
    this.suggestTimer = setTimeout(() => this.suggest(q), 150);
  }

  async suggest(q) {
    this.suggestAbort?.abort();
    const abort = new AbortController();
    this.suggestAbort = abort;
    try {
      const result = await this.fetchJson('members/suggest', [['q', q]], abort.signal);
      if (abort.signal.aborted || this.input.value.trim() !== q || this.shadowRoot.activeElement !== this.input) return;
      this.showSuggestions(result.items || []);
    } catch {
      if (!abort.signal.aborted) this.closeSuggestions();
    }
  }

  showSuggestions(items) {
    this.active = -1;
    this.options = items.map((s, i) => el('li', {
      id: `${this.id$}-o${i}`, role: 'option', part: 'option', 'aria-selected': 'false',
      onmousedown: (e) => e.preventDefault(), onclick: () => this.pick(i),
    }, s.text, s.kind === 'skill' ? el('small', {}, this.t.skill) : null));
    this.suggestionItems = items;
    this.suggestions.replaceChildren(...this.options);
    this.suggestions.hidden = items.length === 0;
    this.input.removeAttribute('aria-activedescendant');
  }

  closeSuggestions() {
    clearTimeout(this.suggestTimer);
    this.suggestAbort?.abort();
    if (!this.suggestions) return;
    this.suggestions.hidden = true;
    this.suggestions.replaceChildren();
    this.options = [];
    this.active = -1;
    this.input.removeAttribute('aria-activedescendant');
  }

  pick(i) {
    this.input.value = this.suggestionItems[i].text;
    this.input.focus();
    this.submit();
  }

  key(e) {
    const open = !this.suggestions.hidden && this.options?.length > 0;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      if (!open) return;
      e.preventDefault();
      const n = this.options.length;
      this.active = e.key === 'ArrowDown' ? (this.active + 1) % n : (this.active - 1 + n) % n;
      this.options.forEach((o, i) => o.setAttribute('aria-selected', String(i === this.active)));
      this.input.setAttribute('aria-activedescendant', this.options[this.active].id);
      this.options[this.active].scrollIntoView?.({ block: 'nearest' });
    } else if (e.key === 'Enter' && open && this.active >= 0) {
      e.preventDefault();
      this.pick(this.active);
    } else if (e.key === 'Escape' && open) {
      e.preventDefault();
      this.closeSuggestions();
    } else if (e.key === 'Tab') {
      this.closeSuggestions();
    }
  }
}

if (!customElements.get('cn-member-search')) customElements.define('cn-member-search', MemberSearch);
