// The legal text beside an item: each cited article's official text (collapsed), the flags the
// statute library raised (repealed, superseded, quotation differs, no such article) and, where
// the list's quotation differs from the law, both texts side by side with the differences marked.
// Also the article a search names, shown above the results. All list text goes into text nodes.

import { el, clear, present } from './render.js';

const STATUS_LABELS = {
  current: '现行有效',
  superseded: '引用旧版本（条文已变）',
  repealed: '已废止',
  unknown: '法规库未收录',
  misquoted: '引文与法律不符',
};
const FLAG_LABELS = {
  repealed: '已废止',
  superseded: '引用的是旧版本',
  'quotation differs from the law': '引文与法律原文不符',
  'no such article': '该法规无此条',
};

let stylesLoaded = false;
function loadStyles() {
  if (stylesLoaded) return;
  stylesLoaded = true;
  document.head.append(el('link', { rel: 'stylesheet', href: 'statutes.css' }));
}

export function statusLabel(status) {
  return STATUS_LABELS[status] || status;
}

/** The law page's address: a full page load (the URL's own state), opened at an article. */
export function lawHref(law, article) {
  const p = new URLSearchParams({ law });
  if (article) p.set('article', String(article));
  return `?${p}#law-page`;
}

/**
 * The item view's panel of cited articles: one collapsed block per citation that has an article
 * text or a flag. @param {object} item the /api/items/{id} answer
 */
export function citationPanel(item) {
  const citations = (item.statutes || []).filter((s) => present(s.text) || (s.check?.flags || []).length);
  if (!citations.length) return null;
  loadStyles();
  const section = el('section', { class: 'panel legal-texts', 'aria-labelledby': 'legal-texts-title' },
    el('h3', { id: 'legal-texts-title', class: 'panel-title' }, '法律条文原文'),
    el('p', { class: 'muted' }, '展开查看所引条款的正式文本；标注的问题由法规库比对得出。'));
  const ul = el('ul', { class: 'legal-text-list' });
  const seen = new Set();
  for (const s of citations) {
    const key = `${s.law}/${s.article ?? ''}`;
    if (seen.has(key)) continue; // the same article cited as basis and for accountability
    seen.add(key);
    ul.append(el('li', { class: 'legal-text', 'data-statute': key }, citationBlock(s)));
  }
  section.append(ul);
  return section;
}

function citationBlock(s) {
  const flags = s.check?.flags || [];
  const summary = el('summary', { class: 'legal-text-summary' },
    el('span', { class: 'legal-text-name' }, `《${s.law}》${s.label || ''}`),
    ...flags.map((f) => el('span', { class: `flag flag-${flagClass(f)}` }, FLAG_LABELS[f] || f)));
  const details = el('details', { class: 'legal-text-details' }, summary);
  if (present(s.text)) details.append(el('p', { class: 'article-text' }, s.text));
  const c = s.check;
  if (c) {
    const facts = [];
    if (c.version) facts.push(`${c.named ? '所引版本' : '对照版本'}：${c.version}${c.current ? `（现行版本 ${c.current}）` : ''}`);
    if (c.successor?.law) facts.push(`${c.status === 'repealed' ? '已由' : '现行为'}《${c.successor.law}》${c.status === 'repealed' ? '取代' : ''}${c.successor.date ? `（${c.successor.date} 起）` : ''}`);
    if (c.successor?.source) facts.push(`依据：${c.successor.source}`);
    if (facts.length) details.append(el('ul', { class: 'legal-facts' }, facts.map((f) => el('li', {}, f))));
    if (c.quotation && c.quotation.differs && s.quote) details.append(sideBySide(s.quote.text, c.quotation));
  }
  details.append(el('a', { class: 'nav-link', href: lawHref(s.law, s.article) }, `查看《${s.law}》全文及引用事项`));
  return details;
}

function flagClass(f) {
  return f === 'quotation differs from the law' ? 'misquoted' : f.replace(/\s+/g, '-');
}

/** The list's quotation beside the official text, each difference marked in both. */
export function sideBySide(quoted, quotation) {
  const diffs = quotation.differences || [];
  const table = el('div', { class: 'quote-compare' },
    el('div', { class: 'quote-side' }, el('h5', {}, '清单引文'), marked(quoted, diffs.map((d) => d.quoted))),
    el('div', { class: 'quote-side' }, el('h5', {}, '法律原文'), marked(quotation.official || '', diffs.map((d) => d.official))));
  const note = el('p', { class: 'muted' }, `相似度 ${Math.round((quotation.similarity || 0) * 100)}%，共 ${diffs.length} 处不同`,
    quotation.elsewhere ? `；引文与现行第${quotation.elsewhere}条相同` : '');
  return el('div', { class: 'quote-check' }, note, table);
}

/** Text with each of the given stretches wrapped in <mark>, found left to right. */
function marked(text, stretches) {
  const p = el('p', { class: 'article-text' });
  let at = 0;
  for (const part of stretches) {
    if (!present(part)) continue;
    const i = text.indexOf(part, at);
    if (i < 0) continue;
    p.append(text.slice(at, i), el('mark', {}, part));
    at = i + part.length;
  }
  p.append(text.slice(at));
  return p;
}

/**
 * Above the results: the article a search names, its official text, and whether any item cites
 * it as legal basis (if none does, the items below cite the law). Hidden for other searches.
 */
export function renderStatuteAnswer(answer) {
  let box = document.getElementById('statute-answer');
  const results = document.getElementById('results');
  if (!box && results) {
    box = el('section', { id: 'statute-answer', class: 'panel statute-answer', 'aria-labelledby': 'statute-answer-title' });
    results.before(box);
  }
  if (!box) return;
  const st = answer.statute;
  box.hidden = !st;
  if (!st) return;
  loadStyles();
  const title = el('h3', { id: 'statute-answer-title', class: 'panel-title' },
    el('a', { href: lawHref(st.law, st.article) }, `《${st.law}》${st.label}`),
    st.status && st.status !== 'current' ? el('span', { class: `flag flag-${st.status}` }, statusLabel(st.status)) : null);
  const cited = st.cited
    ? `${st.count} 项事项以该条为设定依据，排在下方结果最前。`
    : `没有事项以该条为设定依据；下方为引用《${st.law}》的 ${st.lawCount} 项事项。`;
  clear(box).append(title,
    present(st.text) ? el('details', { class: 'legal-text-details', open: true }, el('summary', {}, `条文原文${st.version ? `（${st.version} 版）` : ''}`),
      el('p', { class: 'article-text' }, st.text)) : el('p', { class: 'muted' }, '法规库未收录该条文本。'),
    el('p', { class: st.cited ? 'statute-answer-note' : 'statute-answer-note not-cited' }, cited));
}
