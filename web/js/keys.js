// The keyboard and the typing: results as you type, and keys through the results. Both act
// through callbacks, so that navigation stays in main.js.

/**
 * Results as you type. The first search of a typing session adds a history entry, later ones
 * replace it, so Back leaves the typing in one step. While a Chinese input method is composing,
 * the box holds pinyin letters: it waits for the composed characters.
 * @param {HTMLInputElement} input
 * @param {number} delay ms after the last key
 * @param {(q: string, replace: boolean) => boolean} search runs the search; false when there was nothing new
 * @returns {{end: () => void}} end() closes the typing session (a submit, a pick, a click elsewhere)
 */
export function initTyping(input, delay, search) {
  let timer = 0;
  let session = false;
  function schedule() {
    clearTimeout(timer);
    timer = setTimeout(() => {
      if (search(input.value.trim(), session)) session = true;
    }, delay);
  }
  input.addEventListener('input', (e) => {
    if (!e.isComposing) schedule();
  });
  input.addEventListener('compositionend', schedule);
  return {
    end() {
      clearTimeout(timer);
      session = false;
    },
  };
}

/**
 * Keys: / to the search box; ↑ ↓ through the results (↑ from the first back to the box); Enter
 * opens a result (it is a link); Esc in an item view goes back to the result it was opened from.
 */
export function initKeys({ input, hitLinks, inItemView, back }) {
  document.addEventListener('keydown', (e) => {
    const typingIn = e.target.closest?.('input, select, textarea, [contenteditable]');
    const hit = e.target.closest?.('#results .hit-link');
    if (hit && (e.key === 'ArrowDown' || e.key === 'ArrowUp') && !e.altKey && !e.ctrlKey && !e.metaKey) {
      e.preventDefault();
      const links = hitLinks();
      const i = links.indexOf(hit);
      if (e.key === 'ArrowDown') links[Math.min(i + 1, links.length - 1)].focus();
      else if (i > 0) links[i - 1].focus();
      else input.focus();
    } else if (e.key === '/' && !typingIn) {
      e.preventDefault();
      input.focus();
      input.select();
    } else if (e.key === 'Escape' && !typingIn && inItemView()) {
      back();
    }
  });
}
