// Shared by every page: the API client, safe DOM building (text only, never HTML), times, charts and the range.
// Every value from the log store is attacker-controlled text: it is set with textContent and drawn by charts on canvas.

export const state = { range: '1h', from: null, to: null, utc: false };

export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'class') node.className = value;
    else if (key === 'text') node.textContent = String(value);
    else if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

export function problem(message) {
  const box = document.getElementById('problem');
  box.textContent = message || '';
  box.hidden = !message;
}

export function rangeParams() {
  return state.range === 'custom' && state.from && state.to
    ? { from: state.from.toISOString(), to: state.to.toISOString() }
    : { range: state.range };
}

export async function api(path, params = {}) {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') query.set(key, value);
  }
  const url = 'api/' + path + (query.size ? '?' + query : '');
  const response = await fetch(url, { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
  if (response.status === 401) { location.href = 'login'; throw new Error('sign in needed'); }
  const body = await response.json().catch(() => null);
  if (!response.ok) {
    const message = (body && (body.detail || body.title)) || response.statusText;
    problem(message);
    throw new Error(message);
  }
  return body;
}

// A change through the API (POST, DELETE): JSON in, problem JSON shown on failure.
export async function send(method, path, body) {
  const response = await fetch('api/' + path, {
    method, credentials: 'same-origin',
    headers: { Accept: 'application/json', ...(body ? { 'Content-Type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  if (response.status === 401) { location.href = 'login'; throw new Error('sign in needed'); }
  const answer = response.status === 204 ? null : await response.json().catch(() => null);
  if (!response.ok) {
    const message = (answer && (answer.detail || answer.title)) || response.statusText;
    problem(message);
    throw new Error(message);
  }
  return answer;
}

export function time(value, withDate = false) {
  if (!value) return '';
  const d = new Date(value);
  const pad = (n, w = 2) => String(n).padStart(w, '0');
  const [y, mo, da, h, mi, s, ms] = state.utc
    ? [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds(), d.getUTCMilliseconds()]
    : [d.getFullYear(), d.getMonth() + 1, d.getDate(), d.getHours(), d.getMinutes(), d.getSeconds(), d.getMilliseconds()];
  const clock = `${pad(h)}:${pad(mi)}:${pad(s)}.${pad(ms, 3)}`;
  return withDate ? `${y}-${pad(mo)}-${pad(da)} ${clock}` : clock;
}

export function number(value, digits = 0) {
  return value === null || value === undefined ? '' : Number(value).toLocaleString(undefined, { maximumFractionDigits: digits });
}

export function bytes(value) {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let n = Number(value), i = 0;
  while (n >= 1024 && i < units.length - 1) { n /= 1024; i++; }
  return `${n.toFixed(i ? 1 : 0)} ${units[i]}`;
}

export function levelBadge(level) { return el('span', { class: 'level ' + level, text: level }); }

export const levelColors = { TRACE: '#64748b', DEBUG: '#94a3b8', INFO: '#38bdf8', WARNING: '#f59e0b', ERROR: '#ef4444', CRITICAL: '#b91c1c' };
export const statusColors = { FILLED: '#22c55e', REJECTED: '#f59e0b', FAILED: '#ef4444' };

const charts = new Set();
// Charts draw on canvas and their tooltips as rich text, never as HTML, so a service or event type name cannot inject markup.
export function chart(container, option, points) {
  const instance = echarts.init(container, 'dark', { renderer: 'canvas' });
  instance.setOption({ backgroundColor: 'transparent', animation: false, tooltip: { renderMode: 'richText' }, ...option });
  container.dataset.points = String(points);
  charts.add(instance);
  return instance;
}

export function disposeCharts() {
  for (const instance of charts) instance.dispose();
  charts.clear();
}

window.addEventListener('resize', () => { for (const instance of charts) instance.resize(); });

export function panel(title, ...children) { return el('section', { class: 'panel' }, el('h2', { text: title }), ...children); }

export function table(columns, rows, onClick, rowClass, empty = 'Nothing in this range.') {
  const head = el('tr', {}, columns.map(c => el('th', { class: c.num ? 'num' : null, text: c.title })));
  const body = rows.map(row => {
    const tr = el('tr', { class: [onClick ? 'clickable' : '', rowClass ? rowClass(row) : ''].join(' ').trim() || null,
      onclick: onClick ? () => onClick(row) : null });
    for (const c of columns) {
      const value = c.value(row);
      tr.append(el('td', { class: c.num ? 'num' : null }, value instanceof Node ? value : String(value ?? '')));
    }
    return tr;
  });
  return el('table', {}, el('thead', {}, head), el('tbody', {}, body.length ? body : el('tr', {}, el('td', { class: 'muted', colspan: columns.length, text: empty }))));
}

// Axis labels to the second, or to the minute when the seconds are zero: milliseconds are noise on an axis.
export function axisTime(value) {
  const clock = time(value).slice(0, 8);
  return clock.endsWith(':00') ? clock.slice(0, 5) : clock;
}

export function chartSlot(tall = false) { return el('div', { class: tall ? 'chart tall' : 'chart' }); }

export function link(href, text) { return el('a', { href, text }); }

// Every bucket start of a range, aligned as the server aligns them (to whole bucket widths since 2000-01-01 UTC), so
// that a chart covers the whole range and shows quiet intervals as zero rather than leaving them out.
export function bucketStarts(from, to, bucketSeconds) {
  const width = bucketSeconds * 1000, origin = Date.UTC(2000, 0, 1);
  const first = origin + Math.floor((new Date(from).getTime() - origin) / width) * width;
  const starts = [];
  for (let t = first; t < new Date(to).getTime() && starts.length < 2000; t += width) starts.push(t);
  return starts;
}

export function at(value) { return new Date(value).getTime(); }
