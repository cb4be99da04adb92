// Calls to the same-origin JSON API. Every failure becomes an ApiError whose message is a
// sentence fit to show to a citizen, so callers never have to look at status codes.

export class ApiError extends Error {
  constructor(message, status = 0) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
  }
}

const PAGE_SIZE = 10;

async function getJson(path, signal) {
  let response;
  try {
    response = await fetch(path, { signal, headers: { Accept: 'application/json' } });
  } catch (e) {
    if (e.name === 'AbortError') throw e;
    throw new ApiError('无法连接检索服务，请检查网络后重试。');
  }
  let body = null;
  try {
    body = await response.json();
  } catch {
    // A proxy error page or an empty body: fall through to the status-based message.
  }
  if (response.ok && body) return body;
  throw new ApiError(messageFor(response.status, body), response.status);
}

function messageFor(status, body) {
  if (status === 404) return (body && body.message) || '没有找到所请求的内容，它可能已被移除。';
  if (status === 503) return '检索服务正在准备数据，请稍后再试。';
  if (status === 400 && body && body.message) return `检索条件有误：${body.message}`;
  return '检索服务暂时出了问题，请稍后再试。';
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

/** The server puts at most this many items in one download. */
export const EXPORT_LIMIT = 10000;

/** The download of a whole result set: the search's parameters without paging, and a format. */
export function exportUrl(params, format) {
  const p = new URLSearchParams(params);
  p.delete('page');
  p.delete('size');
  p.set('format', format);
  return `api/export?${p}`;
}

export { PAGE_SIZE };
