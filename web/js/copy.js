// Copy buttons for text blocks. The Clipboard API needs a secure context (https or localhost);
// on plain http elsewhere we fall back to selecting a hidden textarea, which still works.

import { el } from './render.js';

const CONFIRM_MS = 1800;

/** @param {() => string} getText @param {string} what field name, for the accessible label */
export function copyButton(getText, what) {
  const button = el('button', { type: 'button', class: 'copy-btn', 'aria-label': `复制${what}` }, '复制');
  button.addEventListener('click', async () => {
    const ok = await copyText(getText() || '');
    button.textContent = ok ? '已复制' : '复制失败';
    button.classList.toggle('copied', ok);
    announce(ok ? `已复制${what}` : '复制失败，请手动选择文字复制');
    clearTimeout(button.resetTimer);
    button.resetTimer = setTimeout(() => {
      button.textContent = '复制';
      button.classList.remove('copied');
    }, CONFIRM_MS);
  });
  return button;
}

async function copyText(text) {
  if (navigator.clipboard && window.isSecureContext) {
    try {
      await navigator.clipboard.writeText(text);
      return true;
    } catch {
      // Permission refused (e.g. headless or embedded): try the old way below.
    }
  }
  const previousFocus = document.activeElement;
  const area = el('textarea', { class: 'copy-buffer', readonly: true, 'aria-hidden': 'true' });
  area.value = text;
  document.body.append(area);
  area.select();
  let ok = false;
  try {
    ok = document.execCommand('copy');
  } catch {
    ok = false;
  }
  area.remove();
  previousFocus?.focus(); // selecting the textarea moved focus; give it back to the button
  return ok;
}

export function announce(message) {
  const live = document.getElementById('announcer');
  if (!live) return;
  // Clearing first makes screen readers repeat an identical message.
  live.textContent = '';
  setTimeout(() => { live.textContent = message; }, 50);
}
