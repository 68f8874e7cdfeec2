// Performance: p50/p95/p99 over time (precise durations), a latency heatmap, the slowest operations, memory and CPU.
import { api, el, chart, chartSlot, panel, table, time, rangeParams, number, axisTime, bucketStarts, at } from '../core.js';

export async function performancePage(root, params, navigate) {
  const service = el('input', { id: 'perf-service', value: params.get('service') || '', placeholder: 'service (all)', 'aria-label': 'Service' });
  const operation = el('input', { id: 'perf-operation', value: params.get('operation') || '', placeholder: 'operation (all)', 'aria-label': 'Operation' });
  const form = el('form', { class: 'toolbar' }, service, operation, el('button', { class: 'primary', type: 'submit', text: 'Show' }));
  form.addEventListener('submit', e => { e.preventDefault(); navigate({ service: service.value, operation: operation.value }); });
  const latency = chartSlot(true), heatmap = chartSlot(true), memory = chartSlot(), cpu = chartSlot();
  const slowest = el('div'), operations = el('div');
  root.append(form, el('div', { class: 'grid2' }, panel('Latency percentiles (ms)', latency), panel('Latency heatmap (operations per duration bucket)', heatmap)),
    el('div', { class: 'grid2' }, panel('Memory (MiB)', memory), panel('CPU (%)', cpu)),
    el('div', { class: 'grid2' }, panel('Slowest operations', slowest), panel('Operations', operations)));
  const common = { ...rangeParams(), service: service.value, operation: operation.value };
  const [l, h, s, r, o] = await Promise.all([api('performance/latency', common), api('performance/heatmap', common),
    api('performance/slowest', { ...common, top: 15 }), api('performance/resources', common), api('performance/operations', common)]);

  // One line per percentile when one operation is chosen; otherwise p95 per service and operation.
  const starts = bucketStarts(l.from, l.to, l.bucket_seconds);
  const keys = [...new Set(l.points.map(p => p.service + '/' + (p.operation ?? '-')))];
  const series = keys.length === 1
    ? [['p50', 'p50_ms'], ['p95', 'p95_ms'], ['p99', 'p99_ms']].map(([name, field]) => ({
      name, type: 'line', symbolSize: 4, data: starts.map(st => l.points.find(p => at(p.start) === st)?.[field] ?? null) }))
    : keys.map(key => ({ name: key + ' p95', type: 'line', symbolSize: 4,
      data: starts.map(st => l.points.find(p => at(p.start) === st && p.service + '/' + (p.operation ?? '-') === key)?.p95_ms ?? null) }));
  chart(latency, { legend: { type: 'scroll', top: 0, textStyle: { color: '#cbd5e1' } }, grid: { left: 60, right: 16, top: 40, bottom: 30 },
    xAxis: { type: 'category', data: starts.map(axisTime) }, yAxis: { type: 'log', name: 'ms', min: 0.001 }, series }, l.points.length);

  const hStarts = bucketStarts(h.from, h.to, h.bucket_seconds);
  const bounds = [...new Set(h.cells.map(c => c.lower_ms))].sort((a, b) => a - b);
  const max = Math.max(1, ...h.cells.map(c => c.count));
  chart(heatmap, { grid: { left: 80, right: 16, top: 10, bottom: 95 },
    xAxis: { type: 'category', data: hStarts.map(axisTime) }, yAxis: { type: 'category', name: 'ms ≥', data: bounds.map(b => String(b)) },
    visualMap: { min: 0, max, calculable: true, orient: 'horizontal', left: 'center', bottom: 0, textStyle: { color: '#cbd5e1' },
      inRange: { color: ['#0f172a', '#0369a1', '#f59e0b', '#ef4444'] } },
    series: [{ type: 'heatmap', data: h.cells.map(c => [hStarts.indexOf(at(c.start)), bounds.indexOf(c.lower_ms), c.count]) }] }, h.cells.length);

  const rStarts = bucketStarts(r.from, r.to, r.bucket_seconds);
  const services = [...new Set(r.points.map(p => p.service))];
  const resource = field => services.map(sv => ({ name: sv, type: 'line', symbolSize: 4,
    data: rStarts.map(st => { const p = r.points.find(x => at(x.start) === st && x.service === sv); return p?.[field] ?? null; }) }));
  const resourceChart = (slot, field) => chart(slot, { legend: { type: 'scroll', top: 0, textStyle: { color: '#cbd5e1' } },
    grid: { left: 50, right: 16, top: 40, bottom: 30 }, xAxis: { type: 'category', data: rStarts.map(axisTime) }, yAxis: { type: 'value' },
    series: resource(field) }, r.points.filter(p => p[field] !== null && p[field] !== undefined).length);
  resourceChart(memory, 'memory_mb');
  resourceChart(cpu, 'cpu_percent');

  slowest.replaceChildren(table([
    { title: 'Time', value: x => time(x.timestamp, true) }, { title: 'Service', value: x => x.service }, { title: 'Operation', value: x => x.operation ?? '' },
    { title: 'ms', num: true, value: x => number(x.duration_ms, 3) }, { title: 'MiB', num: true, value: x => x.memory_mb ?? '' },
  ], s.operations));
  operations.replaceChildren(table([
    { title: 'Service', value: x => x.service }, { title: 'Operation', value: x => x.operation ?? '' }, { title: 'Calls', num: true, value: x => number(x.calls) },
    { title: 'p50 ms', num: true, value: x => number(x.p50_ms, 3) }, { title: 'p95 ms', num: true, value: x => number(x.p95_ms, 3) },
    { title: 'p99 ms', num: true, value: x => number(x.p99_ms, 3) }, { title: 'max ms', num: true, value: x => number(x.max_ms, 3) },
  ], o.operations, x => navigate({ service: x.service, operation: x.operation ?? '' })));
}
