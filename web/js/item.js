// The item view: one record laid out the way the official lists print it — a two-column table
// of labelled fields — with a copy button on each text block for staff drafting their own list.

import { el, clear, present, typeBadge, sourceTitle, phoneLink } from './render.js';
import { emptyState, stateUrl, isBrowsing } from './state.js';
import { copyButton } from './copy.js';
import { citationPanel } from './statute-text.js';

/**
 * @param {HTMLElement} container #item
 * @param {object} item the /api/items/{id} answer
 * @param {{backHref: string, searchState: import('./state.js').State}} ctx
 */
export function renderItem(container, item, ctx) {
  clear(container);
  const back = el('a', { class: 'back-link', href: ctx.backHref, id: 'item-back' },
    isBrowsing(ctx.searchState) ? '← 浏览全部事项' : '← 返回检索结果');

  const title = el('h2', { id: 'item-title', class: 'item-title', tabindex: '-1' }, item.name || '（无名称）');
  const head = el('header', { class: 'item-head' },
    el('div', { class: 'item-badges' },
      typeBadge(item.powerType, item.kind),
      item.source ? el('span', { class: 'item-source' }, sourceTitle(item.source.id, item.source.title)) : null),
    el('div', { class: 'item-title-row' }, title, copyButton(() => item.name, item.kind === 'duty' ? '职责内容' : '权力名称')));

  const fields = el('dl', { class: 'fields' });
  for (const row of rows(item)) if (row) fields.append(row);

  container.append(back, head, fields);
  const statutes = statuteBlock(item);
  if (statutes) container.append(statutes);
  const texts = citationPanel(item);
  if (texts) container.append(texts);
  container.append(relatedPanel(item, ctx.searchState));
}

function rows(item) {
  const rawType = present(item.powerTypeRaw) && item.powerTypeRaw !== item.powerType ? `（清单原文：${item.powerTypeRaw}）` : '';
  const levels = (item.levels || []).join('、');
  const levelRaw = present(item.levelRaw) && item.levelRaw !== levels ? `（清单原文：${item.levelRaw}）` : '';
  return [
    textRow('子项', item.subItem),
    present(item.powerType) ? row('权力类型', el('p', { class: 'field-text' }, item.powerType, rawType)) : null,
    textRow('行使主体', item.authority),
    whereRow(item),
    textRow('责任主体/承办机构', (item.units || []).join('、')),
    present(levels) || present(item.levelRaw) ? row('层级', el('p', { class: 'field-text' }, levels, levelRaw)) : null,
    // Who to call comes with who acts, not after the accountability texts a screen or two below.
    phoneRow(item),
    basisRow(item),
    stepsRow(item.responsibilities),
    textRow('责任事项依据', item.responsibilityBasis),
    textRow('追责对象范围', item.accountableParties),
    textRow('追责情形', item.accountability),
    textRow('免责情形', item.exemption),
    textRow('受理条件', item.acceptanceConditions),
    textRow('法定期限', item.timeLimit),
    textRow('受理地点', item.place),
    textRow('部门职责', item.departmentDuty),
    textRow('备注', item.notes),
    sourceRow(item),
  ];
}

// The department and place the list belongs to, with what they rest on (its title, its phone
// numbers' area code …), so a reader can judge them.
function whereRow(item) {
  const s = item.source || {};
  const department = present(item.authority) ? null : s.authority;
  if (!present(department) && !present(s.region)) return null;
  const evidence = (s.evidence || []).filter(present);
  return row('所属部门与地区',
    el('p', { class: 'field-text', id: 'item-where' }, [department, s.region].filter(present).join(' · ')),
    evidence.length ? el('ul', { class: 'evidence muted' }, evidence.map((e) => el('li', {}, e))) : null);
}

// The phone numbers as links that dial them, beside the column's own text; or a plain word that
// the list gives none.
function phoneRow(item) {
  const phones = (item.phones || []).filter(present);
  if (!phones.length && !present(item.supervision)) {
    return row('监督电话', el('p', { class: 'field-text muted' }, (item.source?.itemsWithPhone ?? 0) > 0 ? '本事项未列电话' : '本清单未公布电话'));
  }
  const shownAsLinks = present(item.supervision) && phones.length && item.supervision.replace(/[^0-9]/g, '') === phones.join('').replace(/[^0-9]/g, '');
  return row('监督电话', el('div', { class: 'field-body' },
    el('div', {},
      phones.length ? el('p', { class: 'field-text phones' }, phones.map((p) => phoneLink(p))) : null,
      present(item.supervision) && !shownAsLinks ? el('p', { class: 'field-text' }, item.supervision) : null),
    present(item.supervision) ? copyButton(() => item.supervision, '监督电话') : null));
}

function row(label, ...content) {
  return el('div', { class: 'field' }, el('dt', {}, label), el('dd', {}, ...content));
}

// A power's legal basis; where its list gives none, the page says so rather than leaving the row
// out, so a reader drafting a list sees the gap (a search for an article shows such a power after
// the items citing it when the same power cites it elsewhere).
function basisRow(item) {
  if (present(item.basis) || item.kind !== 'power') return textRow('设定依据', item.basis);
  return row('设定依据', el('p', { class: 'field-text muted', id: 'item-no-basis' }, '本清单未列法律依据'));
}

// Plain text with "\n" paragraph breaks: CSS white-space: pre-line keeps the breaks.
function textRow(label, text) {
  if (!present(text)) return null;
  return row(label, el('div', { class: 'field-body' }, el('p', { class: 'field-text' }, text), copyButton(() => text, label)));
}

function stepsRow(steps) {
  if (!present(steps)) return null;
  const ol = el('ol', { class: 'steps' });
  for (const s of steps) {
    ol.append(el('li', {}, present(s.title) ? el('strong', { class: 'step-title' }, s.title) : null, present(s.text) ? el('span', { class: 'step-text' }, s.text) : null));
  }
  // Copied as the lists number them ("1.立案责任：…"), ready to paste into a draft.
  const asText = () => steps.map((s, i) => `${i + 1}.${[s.title, s.text].filter(present).join('：')}`).join('\n');
  return row('责任事项', el('div', { class: 'field-body' }, ol, copyButton(asText, '责任事项')));
}

function sourceRow(item) {
  const s = item.source || {};
  const parts = [
    present(s.id) || present(s.title) ? sourceTitle(s.id, s.title) : null,
    present(s.file) ? `文件：${s.file}` : null,
    present(item.seq) ? `序号：${item.seq}` : null,
    present(item.table) ? `表格：${item.table}` : null,
  ].filter(Boolean);
  if (!parts.length) return null;
  const sourceLink = present(s.id)
    ? el('a', { href: stateUrl({ ...emptyState(), filters: [{ facet: 'source', value: s.id }] }), class: 'nav-link' }, '查看本清单全部事项')
    : null;
  return row('来源', el('p', { class: 'field-text' }, parts.join('\n')), sourceLink);
}

// Each cited law or article links to a search filtered by it: "which other items rest on this?"
// Articles are grouped under their law (《行政处罚法》 第76条 第77条 …), as a lawyer cites them,
// which also keeps a long list of accountability articles to a few lines on a phone.
function statuteBlock(item) {
  const statutes = item.statutes || [];
  if (!statutes.length) return null;
  const section = el('section', { class: 'panel statutes', 'aria-labelledby': 'statutes-title' },
    el('h3', { id: 'statutes-title', class: 'panel-title' }, '引用的法律法规'),
    el('p', { class: 'muted' }, '点击法规或条款，查看引用同一依据的其他事项。'));
  for (const [role, label] of [['basis', '设定依据'], ['accountability', '问责依据']]) {
    const byLaw = groupByLaw(statutes.filter((s) => s.role === role));
    if (!byLaw.size) continue;
    const ul = el('ul', { class: 'statute-list' });
    for (const [law, articles] of byLaw) {
      const li = el('li', { class: 'statute-law' }, statuteLink(law, `《${law}》`, 'statute-link statute-name'));
      for (const a of articles) {
        li.append(statuteLink(`${law}/${a}`, `第${a}条`, 'statute-link statute-article', `《${law}》第${a}条`));
      }
      ul.append(li);
    }
    section.append(el('h4', { class: 'statute-role' }, label), ul);
  }
  return section;
}

function statuteLink(value, text, cls, ariaLabel = null) {
  const href = stateUrl({ ...emptyState(), filters: [{ facet: 'statute', value }] });
  return el('a', { class: cls, href, 'data-statute': value, 'aria-label': ariaLabel }, text);
}

/** law → its cited article numbers, both in the order the list cites them, without repeats. */
function groupByLaw(statutes) {
  const byLaw = new Map();
  for (const s of statutes) {
    if (!byLaw.has(s.law)) byLaw.set(s.law, []);
    const articles = byLaw.get(s.law);
    if (s.article !== null && s.article !== undefined && !articles.includes(s.article)) articles.push(s.article);
  }
  return byLaw;
}

// Related items keep the current search behind them, so "返回检索结果" still means that search.
function relatedPanel(item, searchState) {
  const related = item.related || [];
  const section = el('section', { class: 'panel', id: 'related', 'aria-labelledby': 'related-title' },
    el('h3', { id: 'related-title', class: 'panel-title' }, '其他地区同类事项'));
  if (!related.length) {
    section.append(el('p', { class: 'muted' }, '暂未找到其他清单中的同类事项。'));
    return section;
  }
  const ul = el('ul', { class: 'related-list' });
  for (const r of related) {
    ul.append(el('li', { class: 'related-item', 'data-id': r.id },
      el('a', { href: stateUrl({ ...searchState, item: r.id }), 'data-item': r.id, class: 'related-link' }, r.name || '（无名称）'),
      el('div', { class: 'related-meta' },
        typeBadge(r.powerType, r.kind),
        present(r.units) ? el('span', {}, r.units.join('、')) : null,
        r.source ? el('span', { class: 'muted' }, sourceTitle(r.source.id, r.source.title)) : null)));
  }
  section.append(ul);
  return section;
}
