// Calls to the same-origin JSON API. Every failure becomes an ApiError whose message is a
// sentence fit to show to a citizen, saying what to do; `retryable` says whether trying the same
// request again can help (a busy server can, a query that is too long cannot).

export class ApiError extends Error {
  constructor(message, { status = 0, code = '', retryable = false } = {}) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.retryable = retryable;
  }
}

const PAGE_SIZE = 10;

async function getJson(path, signal) {
  let response;
  try {
    response = await fetch(path, { signal, headers: { Accept: 'application/json' } });
  } catch (e) {
    if (e.name === 'AbortError') throw e;
    throw new ApiError('无法连接检索服务。请检查网络连接，然后点“重试”。', { retryable: true });
  }
  let body = null;
  try {
    body = await response.json();
  } catch (e) {
    if (e.name === 'AbortError') throw e;
    // A proxy error page or an empty body: fall through to the status-based message.
  }
  if (response.ok && body) return body;
  throw errorFor(response.status, body);
}

// The API's `error` codes are stable; its messages are Chinese sentences already, shown as they
// are where the page has nothing better to say. A 503 says whether the server is busy, the search
// took too long, or the data is still being prepared (a server starting or rebuilding).
function errorFor(status, body) {
  const code = body?.error || '';
  const message = body?.message || '';
  if (status === 503 && code === 'busy') {
    return new ApiError('检索服务正忙。请稍等几秒，然后点“重试”。', { status, code, retryable: true });
  }
  if (status === 503 && code === 'search_timeout') {
    return new ApiError('这次检索用时太长，已停止。请加上更具体的词或筛选条件再检索，或稍后点“重试”。', { status, code, retryable: true });
  }
  if (status === 503) {
    return new ApiError('检索服务正在准备数据（刚启动或正在更新清单）。请稍等片刻，然后点“重试”。', { status, code, retryable: true });
  }
  if (status === 404) {
    return new ApiError(message || '没有找到所请求的内容，它可能已随清单更新而移除。请返回重新检索。', { status, code });
  }
  if (status === 414) {
    return new ApiError('检索词太长，网址超出了上限。请删减检索词后再检索。', { status, code });
  }
  if (status === 400) {
    return new ApiError(message ? `检索条件有误：${message}` : '检索条件有误，请修改后再检索。', { status, code });
  }
  return new ApiError('检索服务出了问题，已记录在服务器日志中。请稍后点“重试”。', { status, code, retryable: true });
}

/** @param {URLSearchParams} params the search part of the page state */
export function search(params, signal) {
  const p = new URLSearchParams(params);
  p.set('size', String(PAGE_SIZE));
  return getJson(`api/search?${p}`, signal);
}

export function item(id, signal) {
  return getJson(`api/items/${encodeURIComponent(id)}`, signal);
}

/** One law's page: its versions, its articles' official text and the items citing each. */
export function law(name, signal) {
  return getJson(`api/statutes/${encodeURIComponent(name)}`, signal);
}

export function suggest(q, signal) {
  return getJson(`api/suggest?${new URLSearchParams({ q })}`, signal);
}

let configAnswer = null;

/**
 * The server's limits (query length, export cap …), asked once. Until it answers, or if it
 * cannot, the page simply applies no limit of its own: the server still checks every request.
 */
export function config() {
  configAnswer ??= getJson('api/config').catch(() => ({}));
  return configAnswer;
}

/** The download of a whole result set: the search's parameters without paging, and a format. */
export function exportUrl(params, format) {
  const p = new URLSearchParams(params);
  p.delete('page');
  p.delete('size');
  p.set('format', format);
  return `api/export?${p}`;
}

export { PAGE_SIZE };
