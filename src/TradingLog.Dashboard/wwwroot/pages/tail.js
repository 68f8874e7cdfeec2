// Live tail: one server-sent-event stream per browser, fed by the dashboard's one shared poller. The list holds at most
// MAX events and draws only the rows in view.
import { el, time, problem } from '../core.js';
import { showEvent } from '../detail.js';

const MAX = 5000;
const ROW = 22;
let source = null;

export function leaveTail() { if (source) { source.close(); source = null; } }

export function tailPage(root, params) {
  const events = [];
  let paused = false, pending = [], skipped = 0, received = 0;
  const field = (id, label, attrs = {}) => el('input', { id, placeholder: label, 'aria-label': label, ...attrs });
  const service = field('tail-service', 'service(s), comma-separated');
  const level = el('select', { id: 'tail-level', 'aria-label': 'Minimum level' },
    ['', 'DEBUG', 'INFO', 'WARNING', 'ERROR', 'CRITICAL'].map(l => el('option', { value: l, text: l ? '≥ ' + l : 'any level' })));
  const category = el('select', { id: 'tail-category', 'aria-label': 'Category' },
    ['', 'System', 'Trading', 'Performance', 'Strategy', 'Risk'].map(c => el('option', { value: c, text: c || 'any category' })));
  const type = field('tail-type', 'event type');
  const correlation = field('tail-correlation', 'correlation ID', { value: params.get('correlation') || '' });
  const text = field('tail-text', 'text');
  const metadata = field('tail-metadata', 'metadata field, e.g. Symbol = AAPL');
  const pause = el('button', { id: 'tail-pause', type: 'button', text: 'Pause' });
  const status = el('span', { id: 'tail-status', class: 'muted', text: 'connecting…' });
  const scroller = el('div', { class: 'tail panel', id: 'tail-list' });
  const spacer = el('div', { class: 'spacer' });
  scroller.append(spacer);

  function query() {
    const terms = [];
    if (service.value.trim()) terms.push('service:' + service.value.trim().replace(/\s+/g, ''));
    if (level.value) terms.push('level>=' + level.value);
    if (category.value) terms.push('category:' + category.value);
    if (type.value.trim()) terms.push('type:' + quote(type.value.trim()));
    if (correlation.value.trim()) terms.push('correlation:' + quote(correlation.value.trim()));
    const m = metadata.value.match(/^\s*([\w.-]+)\s*[=:]\s*(.+?)\s*$/);
    if (m) terms.push(m[1] + ':' + quote(m[2]));
    if (text.value.trim()) terms.push(quote(text.value.trim()));
    return terms.join(' ');
  }

  function render() {
    spacer.style.height = events.length * ROW + 'px';
    const first = Math.max(0, Math.floor(scroller.scrollTop / ROW) - 5);
    const last = Math.min(events.length, first + Math.ceil(scroller.clientHeight / ROW) + 10);
    const rows = [];
    for (let i = first; i < last; i++) {
      const e = events[events.length - 1 - i];
      const row = el('div', { class: 'row', 'data-id': e.id, onclick: () => showEvent(e.id).catch(() => {}) },
        el('span', { class: 'muted c-time', text: time(e.timestamp) }), el('span', { class: 'level c-level ' + e.level, text: e.level }),
        el('span', { class: 'c-service', text: e.service }), el('span', { class: 'muted c-type', text: e.event_type || '' }),
        el('span', { class: 'message', text: e.message ?? '' }));
      row.style.top = i * ROW + 'px';
      rows.push(row);
    }
    spacer.replaceChildren(...rows);
    status.textContent = `${paused ? 'paused' : 'live'} · ${received} received · ${events.length} shown` +
      (pending.length ? ` · ${pending.length} waiting` : '') + (skipped ? ` · ${skipped} skipped (browser too slow)` : '');
  }

  // Events arrive in the order they were stored; several services' batches interleave, so each is put in its place by
  // time (almost always at the end).
  function add(list) {
    for (const e of list) {
      e.at = Date.parse(e.timestamp);
      let i = events.length;
      while (i > 0 && (events[i - 1].at > e.at || (events[i - 1].at === e.at && events[i - 1].id > e.id))) i--;
      events.splice(i, 0, e);
    }
    if (events.length > MAX) events.splice(0, events.length - MAX);
    render();
  }

  function connect() {
    leaveTail();
    events.length = 0; pending = []; received = 0; skipped = 0;
    render();
    source = new EventSource('api/tail?q=' + encodeURIComponent(query()));
    source.addEventListener('open', () => { problem(''); render(); });
    source.addEventListener('log', m => {
      received++;
      const e = JSON.parse(m.data);
      if (paused) { pending.push(e); if (pending.length > MAX) pending.shift(); render(); } else add([e]);
    });
    source.addEventListener('skipped', m => { skipped += Number(m.data); render(); });
    source.addEventListener('error', m => {
      if (m.data) { const body = JSON.parse(m.data); problem(body.error ? 'Live tail: ' + body.error : ''); }
      else if (source.readyState === EventSource.CONNECTING) status.textContent = 'reconnecting…';
    });
  }

  pause.addEventListener('click', () => {
    paused = !paused;
    pause.textContent = paused ? 'Resume' : 'Pause';
    if (!paused) { add(pending); pending = []; }
    render();
  });
  for (const input of [service, type, correlation, text, metadata]) input.addEventListener('change', connect);
  for (const select of [level, category]) select.addEventListener('change', connect);
  scroller.addEventListener('scroll', render);
  root.append(el('div', { class: 'toolbar' }, service, level, category, type, correlation, metadata, text, pause, status), scroller);
  connect();
}

function quote(value) { return /[\s"]/.test(value) ? '"' + value.replace(/"/g, '\\"') + '"' : value; }
