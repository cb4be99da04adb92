// The search view: total, chips for the chosen filters, the hit list, the pager and the
// no-result help. Links carry real URLs (so they open in a new tab and can be copied); main.js
// turns ordinary clicks on them into in-page navigation.

import { el, clear, appendSpans, typeBadge, present, sourceTitle, shortTitle, phoneLink } from './render.js';
import { stateUrl, isBrowsing, searchParams, statuteLabel, hasFilter, toggleFilter } from './state.js';
import { exportUrl } from './api.js';
import { chipLabel } from './facets.js';

const $ = (id) => document.getElementById(id);

export function renderTotal(answer, state) {
  // The query is echoed as text: whatever was typed, markup included, reads back as typed.
  const echo = clear($('query-echo'));
  if (state.q) echo.append('“', el('span', { class: 'query-text' }, state.q), '”的检索结果，');
  const total = $('total');
  clear(total).append(
    isBrowsing(state) ? '全部 ' : '共 ',
    el('strong', { class: 'total-number' }, String(answer.total)),
    ' 项',
  );
  // A short list filled out with items that hold fewer of the question's words: those that hold
  // enough of them come first, and the rest say what they lack.
  if (typeof answer.matched === 'number') total.append(`，前 ${answer.matched} 项最相符`);
  // Outside the live region: the timing is not worth announcing after every click.
  $('took').textContent = typeof answer.tookMs === 'number' ? `用时 ${answer.tookMs} 毫秒` : '';
}

/**
 * Download links for the current result set, in the order the list shows it. Plain links to the
 * API (no script), so they also work as "save link as"; the server names the file after the
 * search. `exportLimit` is the server's cap, from /api/config (unknown: no cap is mentioned).
 */
export function renderExport(answer, state, exportLimit) {
  const box = $('export');
  box.hidden = !answer.total;
  if (box.hidden) return;
  const params = searchParams(state);
  if (!params.has('sort')) params.set('sort', state.q ? 'relevance' : 'source');
  const capped = exportLimit && answer.total > exportLimit ? `（最多导出前 ${exportLimit} 项）` : '';
  for (const [id, format, label] of [['export-xlsx', 'xlsx', 'Excel 表格'], ['export-csv', 'csv', 'CSV 文件']]) {
    const a = $(id);
    a.setAttribute('href', exportUrl(params, format));
    a.setAttribute('title', `将当前 ${answer.total} 项结果下载为 ${label}${capped}`);
  }
}

/**
 * The offices the question names (`offices`: 稽查科 → 稽核稽查科): their items come first, and a
 * link narrows the list to them, or says it already is. Office names are list text: set as text.
 */
export function renderOffices(answer, state) {
  const box = $('offices');
  const offices = answer.offices || [];
  box.hidden = offices.length === 0;
  if (box.hidden) return;
  clear(box).append('问题提到了承办机构，其承办的事项排在前面：');
  for (const office of offices) {
    if (hasFilter(state, 'unit', office)) {
      box.append(el('span', { class: 'office-name' }, `已只看“${office}”`));
    } else {
      box.append(el('a', { class: 'office-filter', href: stateUrl(toggleFilter(state, 'unit', office)) }, `只看“${office}”承办的事项`));
    }
  }
}

export function renderIntro(answer, state) {
  const intro = $('intro');
  intro.hidden = !isBrowsing(state);
  if (intro.hidden) return;
  const sources = answer.facets?.source?.length;
  const kindCount = (k) => answer.facets?.kind?.find((v) => v.value === k)?.count;
  const powers = kindCount('power') ?? answer.total;
  const duties = kindCount('duty');
  clear(intro).append(
    `这里收录了${sources ? ` ${sources} 份` : ''}政府部门权责清单中的 ${powers} 项权力事项`,
    duties ? `和 ${duties} 项部门主体责任` : '',
    '。输入关键词检索，或用筛选条件浏览；每一项都列出承办部门、电话、设定依据和追责情形。',
  );
}

/**
 * One chip per chosen filter, naming its facet (层级：县级), labelled from the answer's facets.
 * @param {(facet: string, value: string) => void} onRemove
 */
export function renderChips(state, facets, onRemove) {
  const chips = clear($('chips'));
  $('chips-bar').hidden = state.filters.length === 0;
  for (const f of state.filters) {
    const label = chipLabel(facets, f.facet, f.value);
    const remove = el('button', { type: 'button', class: 'chip-remove', 'aria-label': `移除筛选：${label}` }, '×');
    remove.addEventListener('click', () => onRemove(f.facet, f.value));
    chips.append(el('li', { class: 'chip', 'data-facet': f.facet, 'data-value': f.value },
      el('span', { class: 'chip-label' }, label), remove));
  }
}

/**
 * The hits. When the answer says no hit covers the whole question (`partial`), a notice says so;
 * a hit's `missing` words (those of the question it does not contain) are shown struck through,
 * and a hit found by the same power's citation elsewhere (`samePowerCites`) says so. All are
 * optional: an answer without them shows none.
 */
export function renderHits(answer, state) {
  $('partial').hidden = answer.partial !== true;
  const list = clear($('results'));
  for (const hit of answer.hits || []) list.append(hitCard(hit, state));
}

// Fields whose snippet says something particular about the item, most telling first. Duty steps
// and 追责情形 are mostly the same boilerplate in every item: when the name itself matched, only the
// legal basis adds to it; otherwise they show why the item matched at all.
const SNIPPET_ORDER = ['duties', 'basis', 'other', 'accountability'];
const AFTER_A_NAME_MATCH = ['basis'];

function hitCard(hit, state) {
  const highlights = (hit.highlights || []).filter((h) => h.spans?.some((s) => s.mark));
  // A highlight of the name is shown in the title itself rather than repeated below it.
  const nameHighlight = highlights.find((h) => h.field === 'name');
  const link = el('a', { class: 'hit-link', href: stateUrl({ ...state, item: hit.id }), 'data-item': hit.id });
  if (nameHighlight) appendSpans(link, nameHighlight.spans);
  else link.append(hit.name || '（无名称）');

  const card = el('li', { class: 'hit', 'data-id': hit.id },
    el('div', { class: 'hit-head' }, typeBadge(hit.powerType, hit.kind), el('h3', { class: 'hit-title' }, link)),
    whoAndWhere(hit),
    phoneLine(hit),
    officeLine(hit));
  // Found only because the same power cites the article in another list; its own list gives no basis.
  const samePower = (hit.samePowerCites || []).filter(present);
  if (samePower.length) {
    card.append(el('p', { class: 'hit-same-power' },
      `本清单未列法律依据；其他清单中的同一事项以${samePower.map(statuteLabel).join('、')}为依据`));
  }
  const missing = (hit.missing || []).filter(present);
  if (missing.length) {
    card.append(el('p', { class: 'hit-missing' }, '未包含：',
      missing.map((w) => [el('s', {}, w), ' '])));
  }
  const snippet = chooseSnippet(highlights.filter((h) => h !== nameHighlight), Boolean(nameHighlight));
  // The words of the question that only an article the item cites holds: shown beside its own snippet.
  const inArticle = highlights.find((h) => h.field === 'articles');
  for (const h of [snippet, inArticle]) {
    if (!h) continue;
    card.append(el('p', { class: 'snippet' },
      el('span', { class: 'snippet-label' }, h.label || ''),
      appendSpans(el('span', { class: 'snippet-text' }), h.spans)));
  }
  if (hit.source) card.append(sourceLine(hit.source));
  return card;
}

function chooseSnippet(others, nameMatched) {
  for (const field of nameMatched ? AFTER_A_NAME_MATCH : SNIPPET_ORDER) {
    const h = others.find((x) => x.field === field);
    if (h) return h;
  }
  return null;
}

// Who acts and where: the department (the item's 行使主体, else its list's) and the list's region.
function whoAndWhere(hit) {
  if (!present(hit.department) && !present(hit.region)) return null;
  return el('p', { class: 'hit-who' },
    present(hit.department) ? el('span', { class: 'hit-department' }, hit.department) : null,
    present(hit.department) && present(hit.region) ? el('span', { class: 'sep', 'aria-hidden': 'true' }, ' · ') : null,
    present(hit.region) ? el('span', { class: 'hit-region' }, hit.region) : null);
}

function phoneLine(hit) {
  const phones = (hit.phones || []).filter(present);
  if (phones.length) {
    return el('p', { class: 'hit-phone' }, el('span', { class: 'phone-label' }, '监督电话'),
      phones.map((p) => phoneLink(p)));
  }
  return el('p', { class: 'hit-phone hit-no-phone' }, hit.listGivesPhones ? '本事项未列电话' : '本清单未公布电话');
}

function officeLine(hit) {
  const units = (hit.units || []).join('、');
  const levels = (hit.levels || []).join('、');
  if (!present(units) && !present(levels)) return null;
  return el('p', { class: 'hit-office' },
    present(units) ? [el('span', { class: 'office-label' }, '承办'), units] : null,
    present(units) && present(levels) ? el('span', { class: 'sep', 'aria-hidden': 'true' }, ' · ') : null,
    present(levels) ? levels : null);
}

// The list's title, cut short; a tap (or Enter) shows it whole, and its full text is the tooltip.
function sourceLine(source) {
  const full = sourceTitle(source.id, source.title);
  const short = shortTitle(full);
  const line = el('p', { class: 'hit-source' }, el('span', { class: 'source-label' }, '来源'));
  if (short === full) {
    line.append(el('span', { class: 'source-title' }, full));
    return line;
  }
  const button = el('button', { type: 'button', class: 'source-title', title: full, 'aria-expanded': 'false', 'aria-label': `来源：${full}` }, short);
  button.addEventListener('click', () => {
    const open = button.getAttribute('aria-expanded') !== 'true';
    button.setAttribute('aria-expanded', String(open));
    button.textContent = open ? full : short;
  });
  line.append(button);
  return line;
}

/** Page numbers around the current page, with the first and last always reachable. */
export function renderPager(answer, state) {
  const nav = clear($('pager'));
  const pages = Math.ceil(answer.total / (answer.size || 10));
  nav.hidden = pages <= 1;
  if (pages <= 1) return;
  const current = Math.min(answer.page || state.page, pages);
  const link = (page, text, extra = {}) =>
    el('a', { href: stateUrl({ ...state, page, item: '' }), 'data-page': page, class: 'pager-link', ...extra }, text);

  const ul = el('ul', { class: 'pager-list' });
  ul.append(el('li', {}, current > 1 ? link(current - 1, '上一页', { rel: 'prev' }) : el('span', { class: 'pager-link disabled', 'aria-disabled': 'true' }, '上一页')));
  let last = 0;
  for (const p of pageWindow(current, pages)) {
    if (p - last > 1) ul.append(el('li', { class: 'pager-gap', 'aria-hidden': 'true' }, '…'));
    ul.append(el('li', {}, p === current
      ? el('span', { class: 'pager-link current', 'aria-current': 'page' }, el('span', { class: 'visually-hidden' }, '第'), String(p), el('span', { class: 'visually-hidden' }, '页'))
      : link(p, String(p), { 'aria-label': `第 ${p} 页` })));
    last = p;
  }
  ul.append(el('li', {}, current < pages ? link(current + 1, '下一页', { rel: 'next' }) : el('span', { class: 'pager-link disabled', 'aria-disabled': 'true' }, '下一页')));
  nav.append(ul, el('p', { class: 'pager-info' }, `第 ${current} / ${pages} 页`));
}

function pageWindow(current, pages) {
  const set = new Set([1, pages, current - 1, current, current + 1]);
  if (current <= 3) [2, 3, 4].forEach((p) => set.add(p));
  if (current >= pages - 2) [pages - 1, pages - 2, pages - 3].forEach((p) => set.add(p));
  return [...set].filter((p) => p >= 1 && p <= pages).sort((a, b) => a - b);
}

/**
 * The no-result message. The query appears only as text. Suggestions arrive later (a second
 * request), so they are filled into a placeholder by fillNoResultSuggestions.
 */
export function renderNoResults(state, facets, onDropLast, onClearAll) {
  const box = clear($('no-results'));
  box.hidden = false;
  const title = el('h3', { class: 'no-results-title' });
  if (state.q) {
    title.append(state.filters.length ? '在当前筛选条件下，' : '', '没有找到与“', el('span', { class: 'query-echo' }, state.q), '”相关的事项');
  }
  else title.append('没有符合这些筛选条件的事项');
  box.append(title);

  const actions = el('div', { class: 'no-results-actions' });
  if (state.filters.length) {
    const last = state.filters[state.filters.length - 1];
    const drop = el('button', { type: 'button', class: 'btn', id: 'drop-last-filter' }, `去掉最后一个筛选条件：${chipLabel(facets, last.facet, last.value)}`);
    drop.addEventListener('click', onDropLast);
    actions.append(drop);
    if (state.filters.length > 1) {
      const all = el('button', { type: 'button', class: 'btn-link' }, '清除全部筛选');
      all.addEventListener('click', onClearAll);
      actions.append(all);
    }
  }
  if (actions.firstChild) box.append(actions);
  box.append(el('div', { id: 'no-results-suggestions' }));
  if (state.q) box.append(el('p', { class: 'muted' }, '也可以换一个说法，或用更短的关键词，例如只输入法规简称或事项中的两三个字。'));
}

/** @param {{text: string, kind: string}[]} suggestions @param {(s) => void} onPick */
export function fillNoResultSuggestions(suggestions, onPick) {
  const slot = $('no-results-suggestions');
  if (!slot || !suggestions.length) return;
  const ul = el('ul', { class: 'closest' });
  for (const s of suggestions) {
    const b = el('button', { type: 'button', class: 'btn-link' }, s.kind === 'statute' ? `《${s.text}》` : s.text);
    b.addEventListener('click', () => onPick(s));
    ul.append(el('li', {}, b, s.kind === 'statute' ? el('span', { class: 'kind-tag' }, '法规') : null));
  }
  clear(slot).append(el('p', { class: 'closest-title' }, '您是不是要找：'), ul);
}

export function hideNoResults() {
  $('no-results').hidden = true;
}
