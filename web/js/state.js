// The page state and its URL form. The URL is the single source of truth: every view can be
// shared as a link, and the back button replays earlier states.

// Facet name in the API answer → query parameter name (the API and the page URL use the same ones).
// `chip` names the facet on a chip of a chosen value (层级：县级), shorter where the title is long.
export const FACETS = [
  { facet: 'kind', param: 'kind', title: '事项类别', chip: '事项类别' },
  { facet: 'powerType', param: 'type', title: '权力类型', chip: '权力类型' },
  { facet: 'unit', param: 'unit', title: '承办机构/责任主体', chip: '承办机构' },
  { facet: 'level', param: 'level', title: '层级', chip: '层级' },
  { facet: 'statute', param: 'statute', title: '法律依据', chip: '法律依据' },
  { facet: 'source', param: 'source', title: '来源清单', chip: '来源清单' },
  { facet: 'lawStatus', param: 'lawStatus', title: '法律依据状态', chip: '法律依据状态' },
];

// The API searches powers unless told otherwise (kind=power), and its kind facet marks that
// default as selected; the page mirrors it so the checkboxes and the URL agree with the answer.
export const KINDS = ['power', 'duty'];
export const DEFAULT_KINDS = ['power'];
export const KIND_LABELS = { power: '权力事项', duty: '部门主体责任' };

const PARAM_TO_FACET = new Map(FACETS.map((f) => [f.param, f.facet]));
const FACET_TO_PARAM = new Map(FACETS.map((f) => [f.facet, f.param]));
const SORTS = new Set(['relevance', 'source']);

/**
 * @typedef {{facet: string, value: string}} Filter
 * @typedef {{q: string, filters: Filter[], page: number, sort: string, item: string}} State
 * Filters are kept as one ordered list, in the order they were chosen, so that "drop the last
 * filter" means what the user expects and the URL keeps that order.
 */

/** @returns {State} */
export function emptyState() {
  return { q: '', filters: [], page: 1, sort: '', item: '' };
}

/** @param {string} search location.search @returns {State} */
export function parseState(search) {
  const params = new URLSearchParams(search);
  const state = emptyState();
  for (const [key, raw] of params) {
    const value = raw.trim();
    if (key === 'q') state.q = value;
    else if (key === 'page') state.page = Math.max(1, parseInt(value, 10) || 1);
    else if (key === 'sort') state.sort = SORTS.has(value) ? value : '';
    else if (key === 'item') state.item = value;
    else if (PARAM_TO_FACET.has(key) && value && !hasFilter(state, PARAM_TO_FACET.get(key), value)) {
      state.filters.push({ facet: PARAM_TO_FACET.get(key), value });
    }
  }
  const kinds = state.filters.filter((f) => f.facet === 'kind');
  if (kinds.length === DEFAULT_KINDS.length && kinds.every((f) => DEFAULT_KINDS.includes(f.value))) {
    state.filters = state.filters.filter((f) => f.facet !== 'kind');
  }
  return state;
}

/** The search part of a state as URL parameters (what the API needs, without item). */
export function searchParams(state) {
  const params = new URLSearchParams();
  if (state.q) params.set('q', state.q);
  for (const f of state.filters) params.append(FACET_TO_PARAM.get(f.facet), f.value);
  if (state.sort) params.set('sort', state.sort);
  if (state.page > 1) params.set('page', String(state.page));
  return params;
}

/** The page URL (relative, query string only) of a state. */
export function stateUrl(state) {
  const params = searchParams(state);
  if (state.item) params.set('item', state.item);
  const qs = params.toString();
  return qs ? `?${qs}` : location.pathname;
}

export function hasFilter(state, facet, value) {
  return state.filters.some((f) => f.facet === facet && f.value === value);
}

/**
 * A new state with the filter toggled; any change of filters starts again at page 1. Statutes
 * nest: an article narrows its law, and unticking a law drops its articles with it.
 */
export function toggleFilter(state, facet, value) {
  if (facet === 'kind') return toggleKind(state, value);
  const isArticleOf = (f) => facet === 'statute' && !splitStatute(value).article
    && f.facet === 'statute' && splitStatute(f.value).article && splitStatute(f.value).law === value;
  const filters = hasFilter(state, facet, value)
    ? state.filters.filter((f) => !(f.facet === facet && f.value === value) && !isArticleOf(f))
    : [...state.filters, { facet, value }];
  return { ...state, filters, page: 1, item: '' };
}

/** The kinds a state searches: those chosen, or the API's default when none is. */
export function kindsOf(state) {
  const chosen = state.filters.filter((f) => f.facet === 'kind').map((f) => f.value);
  return chosen.length ? chosen : DEFAULT_KINDS;
}

// Kinds partition the items, so "no kind" is not a choice: unticking the last one switches to
// the others. The default selection is kept out of the URL, so that /?kind=power and / are one
// view (and one cache entry), and the chips show only a departure from the default.
function toggleKind(state, value) {
  const now = kindsOf(state);
  let next = now.includes(value) ? now.filter((k) => k !== value) : [...now, value];
  if (!next.length) next = KINDS.filter((k) => k !== value);
  const isDefault = next.length === DEFAULT_KINDS.length && next.every((k) => DEFAULT_KINDS.includes(k));
  const others = state.filters.filter((f) => f.facet !== 'kind');
  const kinds = isDefault ? [] : next.map((k) => ({ facet: 'kind', value: k }));
  return { ...state, filters: [...others, ...kinds], page: 1, item: '' };
}

export function isBrowsing(state) {
  return !state.q && state.filters.length === 0;
}

/** "社会保险法/87" → {law: "社会保险法", article: "87"}; a law name alone has no article. */
export function splitStatute(value) {
  const slash = value.lastIndexOf('/');
  if (slash > 0 && /^\d+$/.test(value.slice(slash + 1))) {
    return { law: value.slice(0, slash), article: value.slice(slash + 1) };
  }
  return { law: value, article: '' };
}

export function statuteLabel(value) {
  const { law, article } = splitStatute(value);
  return article ? `《${law}》第${article}条` : `《${law}》`;
}
