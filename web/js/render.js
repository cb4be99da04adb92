// Safe DOM building. The lists' text is untrusted, so nothing here ever assigns HTML strings:
// elements are created one by one and data only ever lands in text nodes or attributes.

/**
 * el('a', {href: url, class: 'x'}, 'text', otherNode) — attributes are set with setAttribute
 * (never on*-handlers: those are attached with addEventListener by the caller), children may be
 * strings (become text nodes), nodes, null/false (skipped) or arrays of those.
 */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith('on')) throw new Error('attach event handlers with addEventListener');
    node.setAttribute(name, value === true ? '' : String(value));
  }
  append(node, children);
  return node;
}

export function append(parent, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    parent.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return parent;
}

export function clear(node) {
  node.replaceChildren();
  return node;
}

/**
 * Renders an API highlight (spans of plain text, `mark` where the query matched) into `parent`:
 * every span becomes a text node, marked ones inside <mark>. Nothing is parsed or decoded.
 */
export function appendSpans(parent, spans) {
  for (const span of spans || []) {
    if (!span || typeof span.text !== 'string' || !span.text) continue;
    parent.append(span.mark ? el('mark', {}, span.text) : document.createTextNode(span.text));
  }
  return parent;
}

/**
 * A list's title. Some documents carry no heading, and the API then has no title (or, in the
 * source facet, repeats the id): such a list is named by its file's number rather than a hash.
 */
export function sourceTitle(id, title) {
  if (present(title) && title !== id) return title;
  const number = /^(\d+)_/.exec(id || '');
  return number ? `未具名清单 ${number[1]}` : '未具名清单';
}

/**
 * A long list title cut for a card: at its first bracket (伊宁市医疗保障局权责清单汇总表（共计18项…）
 * reads as its name), else at `max` characters. Returns the title itself when it is short enough.
 */
export function shortTitle(title, max = 18) {
  const chars = [...title];
  if (chars.length <= max) return title;
  const bracket = title.search(/[（(]/);
  if (bracket >= 4 && [...title.slice(0, bracket)].length <= max) return `${title.slice(0, bracket)}…`;
  return `${chars.slice(0, max - 1).join('')}…`;
}

/** A phone number as a link that dials it; the number is shown as the list writes it. */
export function phoneLink(phone, cls = 'phone-link') {
  return el('a', { class: cls, href: `tel:${String(phone).replace(/[^0-9]/g, '')}` }, phone);
}

/** Characters as a reader counts them (and as the server counts q): one per code point. */
export function charCount(text) {
  return [...String(text)].length;
}

/** Blank-or-null check for the API's optional text fields. */
export function present(value) {
  if (Array.isArray(value)) return value.length > 0;
  return value !== null && value !== undefined && String(value).trim() !== '';
}

/**
 * A small coloured label for the power type; the class picks the colour family. A department's
 * duty has no power type, so it is labelled as what it is.
 */
export function typeBadge(powerType, kind) {
  if (present(powerType)) return el('span', { class: `badge badge-${badgeTone(powerType)}` }, powerType);
  if (kind === 'duty') return el('span', { class: 'badge badge-duty' }, '部门主体责任');
  return null;
}

// Grouped by what they mean for the citizen: sanctions, inspections and coercion read as
// "enforcement", permits and confirmations as "services", the rest neutral.
function badgeTone(type) {
  if (/处罚|强制|征收/.test(type)) return 'enforce';
  if (/检查|监督/.test(type)) return 'inspect';
  if (/许可|确认|给付|奖励|裁决/.test(type)) return 'service';
  return 'other';
}
