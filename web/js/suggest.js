// Suggestions as you type, following the WAI-ARIA combobox pattern: focus stays in the input,
// aria-activedescendant points at the highlighted option, and the list never steals keys it
// does not use (Enter without a highlighted option still submits the form). Three kinds: an
// item's name (picking it opens the item when one item has that name), a law (it becomes the
// filter) and an official term for an everyday word the query holds (医保卡 → 医疗保障凭证).

import { el, clear, charCount } from './render.js';
import * as api from './api.js';
import { announce } from './copy.js';

const DEBOUNCE_MS = 150;

const KIND_TAGS = { statute: '法规', name: '事项', term: '规范用语' };

/**
 * @param {HTMLInputElement} input
 * @param {HTMLElement} listbox
 * @param {(s: {text: string, kind: string, item?: string, word?: string}) => void} onPick
 * @param {{onArrowOut?: () => boolean, maxChars?: () => number|undefined}} options onArrowOut moves
 *   focus on to the results when ↓ is pressed with no list open (true when it did); maxChars is the
 *   longest text the server completes
 */
export function initSuggest(input, listbox, onPick, { onArrowOut = () => false, maxChars = () => undefined } = {}) {
  let items = [];
  let active = -1;
  let timer = 0;
  let inflight = null;

  const isOpen = () => !listbox.hidden;

  function close() {
    clearTimeout(timer);
    inflight?.abort();
    listbox.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  }

  function show(suggestions, query) {
    items = suggestions;
    active = -1;
    clear(listbox);
    if (!items.length) return close();
    items.forEach((s, i) => {
      const text = s.kind === 'term'
        ? el('span', { class: 'suggestion-text' }, s.word, el('span', { class: 'term-arrow', 'aria-label': '的规范用语是' }, ' → '), el('mark', {}, s.text))
        : withMatch(s.text, query);
      const option = el('li', { role: 'option', id: `suggestion-${i}`, class: 'suggestion', 'aria-selected': 'false', 'data-kind': s.kind },
        text, el('span', { class: 'kind-tag' }, KIND_TAGS[s.kind] || '事项'));
      // mousedown, not click: a click would first blur the input and close the list.
      option.addEventListener('mousedown', (e) => {
        e.preventDefault();
        pick(i);
      });
      listbox.append(option);
    });
    const wasOpen = isOpen();
    listbox.hidden = false;
    input.setAttribute('aria-expanded', 'true');
    if (!wasOpen) announce(`${items.length} 条建议，可用上下方向键选择`);
  }

  function highlight(index) {
    active = index;
    [...listbox.children].forEach((option, i) => option.setAttribute('aria-selected', String(i === index)));
    if (index >= 0) {
      input.setAttribute('aria-activedescendant', `suggestion-${index}`);
      listbox.children[index].scrollIntoView({ block: 'nearest' });
    } else {
      input.removeAttribute('aria-activedescendant');
    }
  }

  function pick(index) {
    const chosen = items[index];
    close();
    if (chosen) onPick(chosen);
  }

  async function fetchFor(query) {
    const max = maxChars();
    if (max && charCount(query) > max) return close(); // a whole question, not a prefix to complete
    inflight?.abort();
    inflight = new AbortController();
    try {
      const answer = await api.suggest(query, inflight.signal);
      // The user may have typed on while we waited; only the latest text counts.
      if (input.value.trim() === query && document.activeElement === input) show(answer.suggestions || [], query);
    } catch {
      // Suggestions are a convenience: on any failure the list simply stays closed.
    }
  }

  function scheduled() {
    clearTimeout(timer);
    const query = input.value.trim();
    if (!query) return close();
    timer = setTimeout(() => fetchFor(query), DEBOUNCE_MS);
  }
  // While a Chinese input method is composing, the box holds pinyin letters, not the query:
  // wait for the composed characters.
  input.addEventListener('input', (e) => {
    if (!e.isComposing) scheduled();
  });
  input.addEventListener('compositionend', scheduled);

  input.addEventListener('keydown', (e) => {
    if (e.isComposing) return; // keys belong to the Chinese input method while composing
    switch (e.key) {
      case 'ArrowDown':
        if (!isOpen()) {
          // ↓ with no list open goes on to the results; Alt+↓ opens the list (as a combobox does).
          if (e.altKey && input.value.trim()) {
            e.preventDefault();
            fetchFor(input.value.trim());
          } else if (onArrowOut()) e.preventDefault();
        } else {
          e.preventDefault();
          highlight(active + 1 >= items.length ? 0 : active + 1);
        }
        break;
      case 'ArrowUp':
        if (!isOpen()) return;
        e.preventDefault();
        highlight(active <= 0 ? items.length - 1 : active - 1);
        break;
      case 'Enter':
        if (isOpen() && active >= 0) {
          e.preventDefault();
          pick(active);
        } else close();
        break;
      case 'Escape':
        if (isOpen()) {
          e.preventDefault();
          close();
        }
        break;
      case 'Tab':
        close();
        break;
      default:
    }
  });

  input.addEventListener('blur', close);

  return { close };
}

// Marks where the typed text occurs in the suggestion, as text nodes only.
function withMatch(text, query) {
  const at = query ? text.indexOf(query) : -1;
  if (at < 0) return el('span', { class: 'suggestion-text' }, text);
  return el('span', { class: 'suggestion-text' },
    text.slice(0, at), el('mark', {}, text.slice(at, at + query.length)), text.slice(at + query.length));
}
