// Trades: trades per interval by status, rejection reasons, the trade list (a click opens the trade's timeline) and the
// slowest trades compared step by step.
import { api, el, chart, chartSlot, panel, table, time, rangeParams, number, statusColors, axisTime, bucketStarts, at } from '../core.js';

export async function tradesPage(root, params, navigate) {
  const symbol = el('input', { id: 'trades-symbol', value: params.get('symbol') || '', placeholder: 'symbol', 'aria-label': 'Symbol' });
  const status = el('select', { id: 'trades-status', 'aria-label': 'Status' },
    ['', 'FILLED', 'REJECTED', 'FAILED'].map(s => el('option', { value: s, text: s || 'any status', selected: params.get('status') === s && s !== '' })));
  const trace = el('input', { id: 'trace-id', placeholder: 'trade or correlation ID', 'aria-label': 'Trade or correlation ID' });
  const form = el('form', { class: 'toolbar' }, symbol, status, el('button', { class: 'primary', type: 'submit', text: 'Filter' }), trace,
    el('button', { type: 'button', text: 'Open timeline', onclick: () => { if (trace.value.trim()) location.hash = '#/trace/' + encodeURIComponent(trace.value.trim()); } }));
  form.addEventListener('submit', e => { e.preventDefault(); navigate({ symbol: symbol.value, status: status.value }); });
  const perMinute = chartSlot(), reasons = chartSlot(), slowest = chartSlot(true);
  const list = el('div', { id: 'trades-list' });
  root.append(form, el('div', { class: 'grid2' }, panel('Trades per interval, by status', perMinute), panel('Rejection and failure reasons', reasons)),
    panel('Slowest trades, step by step (ms between events)', slowest), panel('Trades', list));
  const common = rangeParams();
  const [overTime, why, trades, slow] = await Promise.all([api('trades/over-time', common), api('trades/rejections', common),
    api('trades', { ...common, symbol: symbol.value, status: status.value, limit: 200 }), api('trades/slowest', { ...common, top: 5 })]);

  const starts = bucketStarts(overTime.from, overTime.to, overTime.bucket_seconds);
  const statuses = [...new Set(overTime.buckets.map(b => b.status))];
  chart(perMinute, { legend: { top: 0, textStyle: { color: '#cbd5e1' } }, grid: { left: 50, right: 16, top: 30, bottom: 30 },
    xAxis: { type: 'category', data: starts.map(axisTime) }, yAxis: { type: 'value' },
    series: statuses.map(s => ({ name: s, type: 'bar', stack: 'status', itemStyle: { color: statusColors[s] },
      data: starts.map(st => overTime.buckets.find(b => at(b.start) === st && b.status === s)?.count ?? 0) })) }, overTime.buckets.length);
  chart(reasons, { grid: { left: 180, right: 16, top: 10, bottom: 30 }, xAxis: { type: 'value' },
    yAxis: { type: 'category', inverse: true, data: why.reasons.map(r => r.reason) },
    series: [{ type: 'bar', data: why.reasons.map(r => r.count), itemStyle: { color: '#f59e0b' } }] }, why.reasons.length);

  // Each slow trade is a bar of its steps' gaps stacked in order, so that the step that took long stands out.
  const steps = Math.max(0, ...slow.trades.map(t => t.timeline.steps.length));
  chart(slowest, { grid: { left: 130, right: 16, top: 10, bottom: 30 }, xAxis: { type: 'value', name: 'ms' },
    yAxis: { type: 'category', inverse: true, data: slow.trades.map(t => t.trade.trade_id) },
    series: Array.from({ length: steps }, (_, i) => ({ name: 'step ' + (i + 1), type: 'bar', stack: 'steps',
      data: slow.trades.map(t => t.timeline.steps[i]?.since_previous_ms ?? 0) })) }, slow.trades.length);
  list.replaceChildren(table([
    { title: 'Time', value: t => time(t.timestamp, true) }, { title: 'Trade', value: t => t.trade_id ?? '' }, { title: 'Symbol', value: t => t.symbol ?? '' },
    { title: 'Side', value: t => t.side ?? '' }, { title: 'Qty', num: true, value: t => number(t.quantity) }, { title: 'Price', num: true, value: t => t.price ?? '' },
    { title: 'Status', value: t => t.status ?? '' }, { title: 'Strategy', value: t => t.strategy ?? '' }, { title: 'Reason', value: t => t.error_message ?? '' },
  ], trades.trades, t => { location.hash = '#/trace/' + encodeURIComponent(t.trade_id || t.correlation_id); },
  t => (t.status === 'REJECTED' || t.status === 'FAILED') ? 'failing' : ''));
}
