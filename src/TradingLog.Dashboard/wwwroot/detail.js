// The event panel: everything about one event, fetched by id, rendered as text.
import { api, el, time, levelBadge } from './core.js';

export async function showEvent(id) {
  const panel = document.getElementById('detail');
  panel.hidden = false;
  panel.replaceChildren(el('p', { class: 'muted', text: 'Loading…' }));
  const e = await api('events/' + encodeURIComponent(id));
  const meta = e.metadata || {};
  // ILogger calls carry their type as the source context; TradingLog's typed events carry it in the caller.
  const type = meta.caller?.type || meta.source_context || '';
  const caller = meta.caller ? `${type}${type ? '.' : ''}${meta.caller.member || ''}:${meta.caller.line ?? ''}` : '';
  const rows = [
    ['Time', time(e.timestamp, true)], ['Service', e.service], ['Level', levelBadge(e.level)], ['Event type', e.event_type || ''],
    ['Category', meta.category || ''], ['Caller', caller], ['File', meta.caller?.file || ''], ['Source', meta.source_context || ''],
    ['Correlation ID', e.correlation_id ? el('a', { href: '#/trace/' + encodeURIComponent(e.correlation_id), text: e.correlation_id }) : ''],
    ['Stored in', e.archived ? 'archive' : 'active table'], ['Id', String(e.id)],
  ];
  const children = [
    el('button', { type: 'button', onclick: () => { panel.hidden = true; }, text: 'Close' }),
    el('h2', { text: 'Event' }),
    el('pre', { class: 'message', text: e.message ?? '' }),
    el('dl', {}, rows.flatMap(([k, v]) => [el('dt', { text: k }), el('dd', {}, v)])),
  ];
  if (meta.exception) {
    children.push(el('h3', { text: 'Exception: ' + (meta.exception.type || '') }), el('pre', { class: 'exception', text: meta.exception.detail || meta.exception.message || '' }));
  }
  children.push(el('h3', { text: 'Metadata' }), el('pre', { class: 'metadata', text: JSON.stringify(meta, null, 2) }));
  panel.replaceChildren(...children);
}

document.addEventListener('keydown', e => { if (e.key === 'Escape') document.getElementById('detail').hidden = true; });
