// The facet sidebar: one fieldset of checkboxes per facet, the statute facet with articles
// nested under each law, and a filter box in a facet too long to scan. It is rebuilt from every
// search answer, so whatever UI state must survive a rebuild (which lists are expanded, what was
// typed in a filter box, which control had focus) lives in this module.

import { el, clear, present, sourceTitle } from './render.js';
import { statusLabel } from './statute-text.js';
import { FACETS, KIND_LABELS, hasFilter, kindsOf, statuteLabel, splitStatute } from './state.js';

const TOP = 8;
const expandedFacets = new Set(); // facets showing all values ("更多")
const expandedLaws = new Set(); // laws whose articles are shown
const filterTexts = new Map(); // facet → text typed in its filter box

/**
 * The display label of a facet value, read from a search answer's facets (list titles, article
 * numbers) or, for a value the answer does not list, made from the value itself. A pure function
 * of its arguments: chips and facets agree whatever is rendered first.
 */
export function valueLabel(facets, facet, value) {
  if (facet === 'kind') return KIND_LABELS[value] || value;
  if (facet === 'statute') return statuteLabel(value);
  const listed = (facets?.[facet] || []).find((v) => v.value === value);
  if (facet === 'source') return sourceTitle(value, listed?.label);
  // A value with a label of its own (法律依据状态: current → 现行有效) shows the label.
  if (facet === 'lawStatus') return present(listed?.label) ? listed.label : statusLabel(value);
  return value;
}

/** A chip's text: the facet's name and the value (层级：县级). */
export function chipLabel(facets, facet, value) {
  const name = FACETS.find((f) => f.facet === facet)?.chip;
  return name ? `${name}：${valueLabel(facets, facet, value)}` : valueLabel(facets, facet, value);
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
    container.append(facetGroup(facet, title, values, state, onToggle, facets));
  }
  if (!container.firstChild) container.append(el('p', { class: 'muted' }, '暂无可用的筛选条件。'));

  // Rebuilding replaced the control the keyboard user just used; put focus back on its twin.
  if (focusKey) focusByKey(container, focusKey);
}

// Keys hold arbitrary list text, so they are compared as strings rather than put in a selector.
function focusByKey(root, key) {
  const twin = [...root.querySelectorAll('[data-focus-key]')].find((n) => n.dataset.focusKey === key);
  if (!twin) return;
  twin.focus();
  if (twin.tagName === 'INPUT' && twin.type === 'search') twin.setSelectionRange(twin.value.length, twin.value.length);
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

function facetGroup(facet, title, values, state, onToggle, facets) {
  // Kinds have a default the URL leaves out; other facets are selected only when in the URL.
  const isSelected = facet === 'kind'
    ? (v) => kindsOf(state).includes(v.value)
    : (v) => v.selected || hasFilter(state, facet, v.value);
  // A law is listed by its name (the facet's title says what it is); everything else as on a chip.
  const lawName = (v) => facet === 'statute' && !splitStatute(v.value).article;
  const labelled = values.map((v) => ({ ...v, label: lawName(v) ? v.value : valueLabel(facets, facet, v.value) }));
  const long = values.length > TOP;
  const filter = long ? (filterTexts.get(facet) || '').trim() : '';
  const expanded = expandedFacets.has(facet) || Boolean(filter);
  // Selected values always show, even when they rank below the top few or do not match the filter.
  const shown = labelled.filter((v, i) => isSelected(v) || hasSelectedArticle(v, state)
    || (filter ? v.label.includes(filter) : expanded || i < TOP));
  const list = el('ul', { class: 'facet-values', id: `facet-${facet}-values` });

  for (const v of shown) {
    const li = el('li', {}, checkboxRow(facet, v, isSelected(v), onToggle));
    if (facet === 'statute' && v.articles?.length) li.append(...articles(v, state, onToggle));
    list.append(li);
  }
  if (filter && !shown.some((v) => v.label.includes(filter))) {
    list.append(el('li', { class: 'facet-none muted' }, `没有包含“${filter}”的${title}`));
  }

  const group = el('fieldset', { class: 'facet', 'data-facet': facet }, el('legend', { class: 'facet-title' }, title));
  if (long) group.append(filterBox(facet, title, values, state, onToggle, facets, group));
  group.append(list);

  if (long && !filter) {
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
      const rebuilt = facetGroup(facet, title, values, state, onToggle, facets);
      group.replaceWith(rebuilt);
      focusByKey(rebuilt, `more\0${facet}`);
    });
    group.append(more);
  }
  return group;
}

// Narrows a long facet to the values whose label holds the typed text, as the user types.
function filterBox(facet, title, values, state, onToggle, facets, group) {
  const input = el('input', {
    type: 'search',
    class: 'facet-filter',
    placeholder: `查找${title}`,
    'aria-label': `在${title}中查找`,
    'aria-controls': `facet-${facet}-values`,
    'data-focus-key': `filter\0${facet}`,
    enterkeyhint: 'search',
    spellcheck: 'false',
  });
  input.value = filterTexts.get(facet) || '';
  input.addEventListener('input', () => {
    filterTexts.set(facet, input.value);
    const current = group.isConnected ? group : null;
    if (!current) return;
    const rebuilt = facetGroup(facet, title, values, state, onToggle, facets);
    current.replaceWith(rebuilt);
    focusByKey(rebuilt, `filter\0${facet}`);
  });
  // Enter in the box must not submit anything or tick anything.
  input.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') e.preventDefault();
  });
  return input;
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
// Ticking an article under a ticked law narrows to that article (the API treats it so).
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
    const selected = a.selected || hasFilter(state, 'statute', a.value);
    const label = a.label || `第${splitStatute(a.value).article}条`;
    list.append(el('li', {}, checkboxRow('statute', { ...a, label }, selected, onToggle)));
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
