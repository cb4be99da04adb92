// The facet sidebar: one fieldset of checkboxes per facet, the statute facet with articles
// nested under each law. It is rebuilt from every search answer, so whatever UI state must
// survive a rebuild (which lists are expanded, which checkbox had focus) lives in this module.

import { el, clear, sourceTitle } from './render.js';
import { FACETS, KIND_LABELS, hasFilter, kindsOf, statuteLabel } from './state.js';

const TOP = 8;
const expandedFacets = new Set(); // facets showing all values ("更多")
const expandedLaws = new Set(); // laws whose articles are shown
const labels = new Map(); // "facet\0value" → display label, remembered for the chips

export function labelFor(facet, value) {
  const known = labels.get(`${facet}\0${value}`);
  if (known) return known;
  if (facet === 'kind') return KIND_LABELS[value] || value;
  if (facet === 'source') return sourceTitle(value, null);
  return facet === 'statute' ? statuteLabel(value) : value;
}

export function rememberLabel(facet, value, label) {
  if (label) labels.set(`${facet}\0${value}`, label);
}

/**
 * @param {HTMLElement} container
 * @param {object} facets the API's facets object
 * @param {import('./state.js').State} state
 * @param {(facet: string, value: string) => void} onToggle
 */
export function renderFacets(container, facets, state, onToggle) {
  const focusKey = container.contains(document.activeElement) ? document.activeElement.dataset.focusKey : null;

  clear(container);
  for (const { facet, title } of FACETS) {
    const values = withSelectedKept(facet, facets?.[facet] || [], state);
    if (values.length === 0) continue;
    container.append(facetGroup(facet, title, values, state, onToggle));
  }
  if (!container.firstChild) container.append(el('p', { class: 'muted' }, '暂无可用的筛选条件。'));

  // Rebuilding replaced the checkbox the keyboard user just pressed; put focus back on its twin.
  if (focusKey) focusByKey(container, focusKey);
}

// Keys hold arbitrary list text, so they are compared as strings rather than put in a selector.
function focusByKey(root, key) {
  [...root.querySelectorAll('[data-focus-key]')].find((n) => n.dataset.focusKey === key)?.focus();
}

// A selected value the server no longer counts (count 0) must stay visible so it can be unticked.
function withSelectedKept(facet, values, state) {
  const listed = new Set(values.map((v) => v.value));
  for (const a of values.flatMap((v) => v.articles || [])) listed.add(a.value);
  const missing = state.filters
    .filter((f) => f.facet === facet && !listed.has(f.value))
    .map((f) => ({ value: f.value, count: 0, selected: true }));
  return [...values, ...missing];
}

function facetGroup(facet, title, values, state, onToggle) {
  // Kinds have a default the URL leaves out; other facets are selected only when in the URL.
  const isSelected = facet === 'kind'
    ? (v) => kindsOf(state).includes(v.value)
    : (v) => v.selected || hasFilter(state, facet, v.value);
  const expanded = expandedFacets.has(facet);
  // Selected values always show, even when they rank below the top few.
  const shown = expanded ? values : values.filter((v, i) => i < TOP || isSelected(v) || hasSelectedArticle(v, state));
  const list = el('ul', { class: 'facet-values', id: `facet-${facet}-values` });

  for (const raw of shown) {
    const v = facet === 'kind' ? { ...raw, label: labelFor('kind', raw.value) }
      : facet === 'source' ? { ...raw, label: sourceTitle(raw.value, raw.label) } : raw;
    rememberLabel(facet, v.value, v.label);
    const li = el('li', {}, checkboxRow(facet, v, isSelected(v), onToggle));
    if (facet === 'statute' && v.articles?.length) li.append(...articles(v, state, onToggle));
    list.append(li);
  }

  const group = el('fieldset', { class: 'facet', 'data-facet': facet }, el('legend', { class: 'facet-title' }, title), list);

  if (values.length > TOP) {
    const more = el('button', {
      type: 'button',
      class: 'btn-link facet-more',
      'aria-expanded': String(expanded),
      'aria-controls': list.id,
      'data-focus-key': `more\0${facet}`,
    }, expanded ? '收起' : `更多（共 ${values.length} 项）`);
    more.addEventListener('click', () => {
      if (expandedFacets.has(facet)) expandedFacets.delete(facet);
      else expandedFacets.add(facet);
      const rebuilt = facetGroup(facet, title, values, state, onToggle);
      group.replaceWith(rebuilt);
      focusByKey(rebuilt, `more\0${facet}`);
    });
    group.append(more);
  }
  return group;
}

function hasSelectedArticle(v, state) {
  return (v.articles || []).some((a) => a.selected || hasFilter(state, 'statute', a.value));
}

function checkboxRow(facet, v, checked, onToggle) {
  const label = v.label || v.value;
  const input = el('input', {
    type: 'checkbox',
    value: v.value,
    checked,
    'data-focus-key': `${facet}\0${v.value}`,
  });
  input.addEventListener('change', () => onToggle(facet, v.value));
  return el('label', { class: 'facet-value' },
    input,
    el('span', { class: 'facet-label' }, label),
    el('span', { class: 'facet-count' }, String(v.count), el('span', { class: 'visually-hidden' }, ' 项')));
}

// The articles of one law, behind a disclosure button, so that the statute facet stays short.
function articles(law, state, onToggle) {
  const open = expandedLaws.has(law.value) || hasSelectedArticle(law, state);
  const id = `articles-${cssSafeId(law.value)}`;
  const toggle = el('button', {
    type: 'button',
    class: 'articles-toggle',
    'aria-expanded': String(open),
    'aria-controls': id,
    'data-focus-key': `articles\0${law.value}`,
  }, open ? '收起条款' : `按条款（${law.articles.length}）`);
  const list = el('ul', { class: 'facet-articles', id, hidden: !open });
  for (const a of law.articles) {
    rememberLabel('statute', a.value, `《${law.value}》${a.label || ''}`);
    const selected = a.selected || hasFilter(state, 'statute', a.value);
    list.append(el('li', {}, checkboxRow('statute', { ...a, label: a.label || a.value }, selected, onToggle)));
  }
  toggle.addEventListener('click', () => {
    const nowOpen = list.hidden;
    list.hidden = !nowOpen;
    if (nowOpen) expandedLaws.add(law.value);
    else expandedLaws.delete(law.value);
    toggle.setAttribute('aria-expanded', String(nowOpen));
    toggle.textContent = nowOpen ? '收起条款' : `按条款（${law.articles.length}）`;
  });
  return [toggle, list];
}

let idCounter = 0;
const ids = new Map();
// Law names are Chinese text; ids need only be unique and stable for the page's lifetime.
function cssSafeId(value) {
  if (!ids.has(value)) ids.set(value, ++idCounter);
  return ids.get(value);
}
