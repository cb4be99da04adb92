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

const NAMED = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'", nbsp: '\u00a0' };

/**
 * Decodes the HTML character references the API uses when escaping snippet text. Unknown or
 * malformed references are kept as they are (as text), which is harmless.
 */
export function decodeEntities(text) {
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (whole, ref) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      // Out-of-range and surrogate code points would throw or produce garbage.
      if (!Number.isFinite(code) || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return whole;
      return String.fromCodePoint(code);
    }
    return Object.hasOwn(NAMED, ref) ? NAMED[ref] : whole;
  });
}

/**
 * Renders an API highlight snippet into `parent`. The snippet's only markup is <mark>…</mark>;
 * everything else is escaped text. Splitting on the literal tags and decoding each piece gives
 * the same result as an HTML parser would for that input, without ever running one.
 */
export function appendSnippet(parent, snippet) {
  let inMark = false;
  for (const piece of String(snippet).split(/(<mark>|<\/mark>)/)) {
    if (piece === '<mark>') inMark = true;
    else if (piece === '</mark>') inMark = false;
    else if (piece) {
      const text = decodeEntities(piece);
      // Terms marked one after another ("<mark>行政</mark><mark>处罚</mark>") read as one highlight.
      const previous = parent.lastChild;
      if (inMark && previous?.nodeName === 'MARK') previous.append(text);
      else parent.append(inMark ? el('mark', {}, text) : document.createTextNode(text));
    }
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
