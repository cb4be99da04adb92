// The error box: what went wrong and what to do, with a button only where one helps.
import { el, clear } from './render.js';
import { hideNoResults } from './results.js';

const $ = (id) => document.getElementById(id);

/**
 * Shows `error` with `actions` (buttons) and, for a failure that trying again can fix, 重试,
 * which calls `retry`. On a search the results are cleared, so no stale list stands under the
 * message; on an item (`backUrl` set) the item gives way to a link back to its results.
 */
export function showErrorBox(error, { actions = [], retry, backUrl = null }) {
  const box = $('error');
  const buttons = [...actions];
  if (error.retryable) {
    const button = el('button', { type: 'button', class: 'btn', id: 'error-retry' }, '重试');
    button.addEventListener('click', retry);
    buttons.push(button);
  }
  clear(box).append(el('p', { id: 'error-text' }, error.message || '出了点问题，请稍后再试。'), ...buttons);
  box.hidden = false;
  if (backUrl === null) {
    clear($('results'));
    clear($('total'));
    $('query-echo').textContent = '';
    $('export').hidden = true;
    $('partial').hidden = true;
    $('took').textContent = '';
    $('pager').hidden = true;
    hideNoResults();
  } else {
    clear($('item')).append(el('a', { class: 'back-link', href: backUrl }, '← 返回检索结果'));
  }
}

export function hideErrorBox() {
  $('error').hidden = true;
}
