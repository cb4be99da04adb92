// Wiring: URL → state → API → views. Every user action builds a new state and calls navigate(),
// which pushes the URL and shows it; popstate shows whatever state the browser steps back to.
// Typing in the search box shows results as you type: one history entry per typing session.

import * as api from './api.js';
import { parseState, stateUrl, searchParams, toggleFilter, hasFilter } from './state.js';
import { renderFacets } from './facets.js';
import { renderTotal, renderOffices, renderExport, renderIntro, renderChips, renderHits, renderPager, renderNoResults, fillNoResultSuggestions, hideNoResults } from './results.js';
import { showErrorBox, hideErrorBox } from './error-box.js';
import { renderItem } from './item.js';
import { initSuggest } from './suggest.js';
import { el, clear, charCount } from './render.js';
import { initTyping, initKeys } from './keys.js';
import { renderStatuteAnswer } from './statute-text.js';
import { showLawPage } from './law-page.js';

const $ = (id) => document.getElementById(id);
const input = $('q');
const APP_TITLE = '权责清单检索';
/** Results follow the typing this long after the last key: a word's worth of pause. */
const LIVE_DELAY_MS = 300;

let current = parseState(location.search);
let showToken = 0; // answers to superseded requests are dropped
let inflight = null;
let limits = {}; // the server's limits (/api/config): query length, export cap
// Answers are kept for the page's lifetime (the index changes rarely), which makes "back" instant.
const searchCache = new Map(); // search-params string → answer
const itemCache = new Map(); // item id → record
const CACHE_LIMIT = 30;

// ---- navigation -------------------------------------------------------------------------------

function navigate(next, { focus = null, replace = false } = {}) {
  // When an item is opened straight from the results, remember them: its "返回" link can then
  // step back in history (restoring the scroll position) instead of piling up a new entry.
  const fromSearch = !current.item && next.item ? stateUrl(current) : null;
  if (replace) history.replaceState({ fromSearch: history.state?.fromSearch ?? null }, '', stateUrl(next));
  else history.pushState({ fromSearch }, '', stateUrl(next));
  const previous = current;
  current = next;
  show(next, { focus, previous });
}

window.addEventListener('popstate', () => {
  if (showLawPage($('item'), $('layout'), $('search-view'))) return;
  const previous = current;
  current = parseState(location.search);
  typing.end();
  show(current, { focus: previous.item && !current.item ? 'returned-hit' : null, previous });
});

// Same-page links (results, pager, statutes, related items) route in place on a plain click;
// modified clicks keep their browser meaning (new tab, copy link…).
document.addEventListener('click', (e) => {
  const a = e.target.closest('a[href]');
  if (!a || e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
  const url = new URL(a.href, location.href);
  if (url.origin !== location.origin || url.pathname !== location.pathname || url.hash) return;
  e.preventDefault();
  typing.end();
  if (a.id === 'item-back' && history.state?.fromSearch === a.getAttribute('href')) {
    history.back();
    return;
  }
  const next = parseState(url.search);
  navigate(next, { focus: next.item ? 'item' : a.dataset.page ? 'results' : null });
});

// ---- showing a state --------------------------------------------------------------------------

function show(state, { focus = null, previous = null } = {}) {
  const token = ++showToken;
  if (document.activeElement !== input || input.value.trim() !== state.q) input.value = state.q;
  $('sort').value = state.sort || (state.q ? 'relevance' : 'source');
  hideErrorBox();
  const itemMode = Boolean(state.item);
  $('layout').classList.toggle('item-mode', itemMode);
  $('search-view').hidden = itemMode;
  $('item').hidden = !itemMode;
  if (itemMode) showItem(state, token, focus);
  else showSearch(state, token, focus, previous);
}

async function showSearch(state, token, focus, previous) {
  document.title = state.q ? `“${state.q}”的检索结果 - ${APP_TITLE}` : state.filters.length ? `筛选结果 - ${APP_TITLE}` : APP_TITLE;
  if (limits.maxQueryChars && charCount(state.q) > limits.maxQueryChars) {
    showQueryTooLong(state);
    return;
  }
  if (limits.maxResultWindow && state.page * api.PAGE_SIZE > limits.maxResultWindow) {
    const first = el('a', { class: 'btn', href: stateUrl({ ...state, page: 1 }), 'data-page': 1 }, '回到第 1 页');
    showError(new api.ApiError(`第 ${state.page} 页超出了可以翻看的前 ${limits.maxResultWindow} 项结果。`
      + '请加上检索词或筛选条件缩小范围。'), [first]);
    return;
  }
  const key = searchParams(state).toString();
  let answer = searchCache.get(key);
  if (!answer) {
    answer = await load(token, (signal) => api.search(searchParams(state), signal));
    if (!answer) return;
    remember(searchCache, key, answer);
  }
  if (token !== showToken) return;

  // A shared link may point past the last page after the data changed: show the last page.
  if (answer.total > 0 && !answer.hits?.length && state.page > 1) {
    const last = Math.max(1, Math.ceil(answer.total / (answer.size || api.PAGE_SIZE)));
    current = { ...state, page: last };
    history.replaceState(history.state, '', stateUrl(current));
    show(current);
    return;
  }

  const toggle = (facet, value) => navigate(toggleFilter(current, facet, value));
  renderTotal(answer, state);
  renderOffices(answer, state);
  renderExport(answer, state, limits.exportLimit);
  renderIntro(answer, state);
  renderFacets($('facet-groups'), answer.facets, state, toggle);
  renderChips(state, answer.facets, toggle);
  renderHits(answer, state);
  renderStatuteAnswer(answer);
  renderPager(answer, state);
  updateFacetsToggle(state, answer.total);
  if (answer.total === 0) showNoResults(state, answer.facets, token);
  else hideNoResults();

  if (focus === 'results') {
    $('results-title').focus({ preventScroll: true });
    $('main').scrollIntoView({ block: 'start' });
  } else if (focus === 'returned-hit' && previous?.item) {
    // Back from an item view: put the keyboard user where they left off.
    hitLinks().find((a) => a.dataset.item === previous.item)?.focus();
  }
}

async function showItem(state, token, focus) {
  let item = itemCache.get(state.item);
  if (!item) {
    item = await load(token, (signal) => api.item(state.item, signal));
    if (!item) return;
    remember(itemCache, state.item, item);
  }
  if (token !== showToken) return;
  document.title = `${item.name || '事项详情'} - ${APP_TITLE}`;
  renderItem($('item'), item, { backHref: stateUrl({ ...state, item: '' }), searchState: { ...state, item: '' } });
  if (focus === 'item') {
    window.scrollTo(0, 0);
    $('item-title').focus({ preventScroll: true });
  }
}

// Runs one request for the current state, cancelling the one before it; shows the loading state
// while it runs (CSS lets it appear only if the answer is slow), and turns failures into the
// error box. Returns null when the answer is stale, cancelled or failed.
async function load(token, request) {
  inflight?.abort();
  const controller = new AbortController();
  inflight = controller;
  const slow = setTimeout(() => $('main').classList.add('is-loading'), 150);
  $('main').setAttribute('aria-busy', 'true');
  $('loading').hidden = false;
  try {
    return await request(controller.signal);
  } catch (e) {
    if (e.name !== 'AbortError' && token === showToken) showError(e);
    return null;
  } finally {
    clearTimeout(slow);
    if (token === showToken) {
      $('main').classList.remove('is-loading');
      $('main').removeAttribute('aria-busy');
      $('loading').hidden = true;
    }
  }
}

function remember(cache, key, value) {
  cache.set(key, value);
  if (cache.size > CACHE_LIMIT) cache.delete(cache.keys().next().value); // oldest first
}

function showNoResults(state, facets, token) {
  renderNoResults(state, facets,
    () => navigate({ ...current, filters: current.filters.slice(0, -1), page: 1 }),
    () => navigate({ ...current, filters: [], page: 1 }));
  if (!state.q || (limits.maxSuggestChars && charCount(state.q) > limits.maxSuggestChars)) return;
  api.suggest(state.q).then((answer) => {
    if (token === showToken) fillNoResultSuggestions(answer.suggestions || [], pickSuggestion);
  }, () => { /* the no-result message stands on its own */ });
}

/** The error box (error-box.js) for the page shown now: 重试 shows it again. */
function showError(error, actions = []) {
  showErrorBox(error, {
    actions,
    retry: () => show(current),
    backUrl: current.item ? stateUrl({ ...current, item: '' }) : null,
  });
}

function showQueryTooLong(state) {
  const max = limits.maxQueryChars;
  const shorten = el('button', { type: 'button', class: 'btn', id: 'shorten-query' }, `只检索前 ${max} 个字`);
  shorten.addEventListener('click', () => navigate({ ...current, q: [...state.q].slice(0, max).join('').trim(), page: 1 }));
  showError(new api.ApiError(`检索词有 ${charCount(state.q)} 个字，超过了 ${max} 个字的上限。`
    + '请删减后再检索，例如只保留事项名称或法规名称中的关键词。'), [shorten]);
}

// ---- controls ---------------------------------------------------------------------------------

function pickSuggestion(s) {
  typing.end();
  if (s.kind === 'statute') {
    // The typed text only served to find the law; the law itself is now the filter.
    const base = { ...current, q: '', page: 1, item: '' };
    navigate(hasFilter(base, 'statute', s.text) ? base : toggleFilter(base, 'statute', s.text));
  } else if (s.kind === 'term') {
    // The everyday word gives way to the lists' own term, the rest of the question stays.
    const typed = input.value.trim() || current.q;
    navigate({ ...current, q: typed.includes(s.word) ? typed.replace(s.word, s.text) : s.text, page: 1, item: '' });
  } else if (s.item) {
    navigate({ ...current, item: s.item }, { focus: 'item' });
  } else {
    // A name several lists share: those items, by the name as a phrase.
    navigate({ ...current, q: `"${s.text}"`, page: 1, item: '' });
  }
}

function hitLinks() {
  return [...document.querySelectorAll('#results .hit-link')];
}

const suggest = initSuggest(input, $('suggestions'), pickSuggestion, {
  onArrowOut: () => {
    const first = hitLinks()[0];
    if (!first || $('search-view').hidden) return false;
    first.focus();
    return true;
  },
  maxChars: () => limits.maxSuggestChars,
});

const typing = initTyping(input, LIVE_DELAY_MS, (q, replace) => {
  if (q === current.q && !current.item) return false;
  navigate({ ...current, q, page: 1, item: '' }, { replace });
  return true;
});

$('search-form').addEventListener('submit', (e) => {
  e.preventDefault();
  suggest.close();
  typing.end();
  const q = input.value.trim();
  if (q !== current.q || current.item || $('error').hidden === false) navigate({ ...current, q, page: 1, item: '' });
  // On phones, hide the on-screen keyboard so the results are visible.
  if (matchMedia('(pointer: coarse)').matches) input.blur();
});

$('sort').addEventListener('change', (e) => navigate({ ...current, sort: e.target.value, page: 1 }));
$('clear-all').addEventListener('click', () => navigate({ ...current, filters: [], page: 1 }));

// On phones the facets fold away behind a button; on wide screens CSS always shows them.
function setFacetsOpen(open) {
  document.querySelector('.sidebar').classList.toggle('open', open);
  $('facets-toggle').setAttribute('aria-expanded', String(open));
}
$('facets-toggle').addEventListener('click', () => setFacetsOpen($('facets-toggle').getAttribute('aria-expanded') !== 'true'));
$('facets-done').addEventListener('click', () => {
  setFacetsOpen(false);
  $('results-title').focus({ preventScroll: true });
  $('main').scrollIntoView({ block: 'start' });
});

function updateFacetsToggle(state, total) {
  const n = state.filters.length;
  $('facets-toggle-count').textContent = n ? `（已选 ${n}）` : '';
  $('facets-toggle').setAttribute('aria-label', `筛选，已选 ${n} 项，当前 ${total} 项结果`);
  $('facets-done').textContent = `查看 ${total} 项结果`;
}

initKeys({ input, hitLinks, inItemView: () => Boolean(current.item), back: () => $('item-back')?.click() });

api.config().then((cfg) => {
  limits = cfg || {};
  if (limits.maxQueryChars) input.setAttribute('maxlength', String(limits.maxQueryChars));
  if (!showLawPage($('item'), $('layout'), $('search-view'))) show(current, { focus: null });
});
