// A correlation's timeline: one lane per service on one time axis, the time between steps, the trade rows, and the
// failing step highlighted.
import { api, el, chart, chartSlot, panel, table, time, number, levelBadge, levelColors } from '../core.js';
import { showEvent } from '../detail.js';

export async function tracePage(root, id) {
  const slot = chartSlot(true);
  const steps = el('div'), trades = el('div');
  const title = el('h2', { id: 'trace-title', text: 'Timeline of ' + id });
  root.append(el('section', { class: 'panel' }, title, el('p', { class: 'muted', id: 'trace-summary' }), slot), panel('Steps', steps), panel('Trade rows', trades));
  const body = await api('trace/' + encodeURIComponent(id));
  const t = body.timeline;
  document.getElementById('trace-summary').textContent =
    `${t.steps.length} events across ${t.lanes.length} services in ${number(t.duration_ms, 3)} ms` + (t.failing_step ? ' · failing step highlighted' : '');
  const instance = chart(slot, { grid: { left: 130, right: 30, top: 20, bottom: 40 },
    xAxis: { type: 'value', name: 'ms from the first event', nameLocation: 'middle', nameGap: 25 },
    yAxis: { type: 'category', data: t.lanes, inverse: true },
    series: [
      { type: 'line', data: t.steps.map(s => [s.offset_ms, s.lane]), lineStyle: { color: '#475569' }, symbol: 'none' },
      { type: 'scatter', symbolSize: s => (s[3] ? 22 : 12),
        data: t.steps.map(s => ({ value: [s.offset_ms, s.lane, s.id, s.failing], itemStyle: { color: s.failing ? '#ef4444' : levelColors[s.level],
          borderColor: s.failing ? '#fff' : null, borderWidth: s.failing ? 2 : 0 } })) },
    ] }, t.steps.length);
  instance.on('click', e => { if (e.seriesType === 'scatter') showEvent(e.value[2]).catch(() => {}); });
  slot.dataset.lanes = String(t.lanes.length);
  steps.replaceChildren(table([
    { title: 'Time', value: s => time(s.timestamp, true) }, { title: '+ms', num: true, value: s => number(s.since_previous_ms, 3) },
    { title: 'Service', value: s => s.service }, { title: 'Level', value: s => levelBadge(s.level) },
    { title: 'Event type', value: s => s.event_type ?? '' }, { title: 'Message', value: s => s.message ?? '' },
  ], t.steps, s => showEvent(s.id).catch(() => {}), s => (s.failing ? 'failing' : '')));
  trades.replaceChildren(table([
    { title: 'Time', value: r => time(r.timestamp, true) }, { title: 'Trade', value: r => r.trade_id ?? '' }, { title: 'Symbol', value: r => r.symbol ?? '' },
    { title: 'Side', value: r => r.side ?? '' }, { title: 'Status', value: r => r.status ?? '' }, { title: 'Reason', value: r => r.error_message ?? '' },
  ], t.trades));
}
