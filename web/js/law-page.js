// The law page (?law=社会保险法[&article=87]): the law's versions and status, and every article of
// its current text with the items grounded on it, each item with its flags. Opened by a full page
// load from the links the item view and the search answer give.

import * as api from './api.js';
import { el, clear, present, sourceTitle, typeBadge } from './render.js';
import { emptyState, stateUrl } from './state.js';
import { statusLabel } from './statute-text.js';

const FLAG_LABELS = {
  repealed: '已废止',
  superseded: '引用旧版本',
  'quotation differs from the law': '引文不符',
  'no such article': '无此条',
};

/** The law the address asks for, or null. */
export function lawFromUrl() {
  const p = new URLSearchParams(location.search);
  const law = (p.get('law') || '').trim();
  return law ? { law, article: parseInt(p.get('article') || '', 10) || null } : null;
}

/** Shows the law page in the item container; returns false when the address names no law. */
export function showLawPage(container, layout, searchView) {
  const wanted = lawFromUrl();
  if (!wanted) return false;
  layout.classList.add('item-mode');
  searchView.hidden = true;
  container.hidden = false;
  clear(container).append(el('p', { class: 'muted' }, '正在加载…'));
  api.law(wanted.law).then((law) => render(container, law, wanted.article), (e) => {
    clear(container).append(backLink(), el('p', { class: 'notice notice-error', role: 'alert' }, e.message));
  });
  return true;
}

function backLink() {
  return el('a', { class: 'back-link', href: location.pathname }, '← 返回检索');
}

function render(container, law, article) {
  document.title = `${law.title || law.law} - 权责清单检索`;
  document.head.append(el('link', { rel: 'stylesheet', href: 'statutes.css' }));
  const head = el('header', { class: 'item-head' },
    el('h2', { id: 'item-title', class: 'item-title', tabindex: '-1' }, law.title || law.law),
    el('p', { class: 'law-status' }, el('span', { class: `flag flag-${law.status}` }, statusLabel(law.status)),
      law.successor ? ` 已由《${law.successor.law}》取代（${law.successor.date}）。依据：${law.successor.source}` : '',
      law.current ? ` 现行版本：${law.current}` : '',
      law.level ? ` · ${law.level}` : ''),
    el('p', { class: 'muted' }, `引用本法的事项 ${law.count} 项`));
  const versions = (law.versions || []).length > 1
    ? el('p', { class: 'muted' }, `法规库收录的版本：${law.versions.map((v) => v.version + (v.current ? '（现行）' : '')).join('、')}`)
    : null;
  const list = el('ol', { class: 'law-articles' });
  for (const a of law.articles || []) list.append(articleBlock(law.law, a));
  const lawOnly = (law.withoutArticle || []).length
    ? el('section', { class: 'panel' }, el('h3', { class: 'panel-title' }, '只引用法规名称、未指明条款的事项'), itemList(law.withoutArticle))
    : null;
  clear(container).append(...[backLink(), head, versions, lawOnly, list].filter(Boolean));
  const target = article ? document.getElementById(`article-${article}`) : null;
  if (target) {
    target.querySelector('details')?.setAttribute('open', '');
    target.scrollIntoView({ block: 'start' });
  }
}

function articleBlock(law, a) {
  const n = (a.items || []).length;
  const summary = el('summary', {}, el('strong', {}, a.label), present(a.chapter) ? el('span', { class: 'muted' }, ` ${a.chapter}`) : '',
    el('span', { class: n ? 'article-count' : 'article-count none' }, n ? ` · ${a.count} 项事项引用` : ' · 无事项引用'));
  const details = el('details', { class: 'legal-text-details' }, summary,
    present(a.text) ? el('p', { class: 'article-text' }, a.text) : el('p', { class: 'muted' }, '现行文本中没有这一条。'));
  if (n) details.append(itemList(a.items));
  return el('li', { id: `article-${a.article}`, class: 'law-article', 'data-article': a.article }, details);
}

function itemList(items) {
  const ul = el('ul', { class: 'related-list' });
  for (const it of items) {
    ul.append(el('li', { class: 'related-item', 'data-id': it.id },
      el('a', { href: stateUrl({ ...emptyState(), item: it.id }) }, it.name || '（无名称）'),
      el('div', { class: 'related-meta' },
        typeBadge(it.powerType, null),
        it.role === 'accountability' ? el('span', { class: 'muted' }, '问责依据') : null,
        it.source ? el('span', { class: 'muted' }, sourceTitle(it.source.id, it.source.title)) : null,
        ...(it.flags || []).map((f) => el('span', { class: 'flag' }, FLAG_LABELS[f] || f)))));
  }
  return ul;
}
