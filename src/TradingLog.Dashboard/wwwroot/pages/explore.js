// Explore: the histogram stacked by level (a click on a bar narrows the range to it), error rate per service, the busiest
// event types, and a search in the filter syntax with paging, over active and archived logs.
import { api, el, chart, chartSlot, panel, table, time, rangeParams, levelBadge, levelColors, state, axisTime, bucketStarts, at } from '../core.js';
import { showEvent } from '../detail.js';

const LEVELS = ['TRACE', 'DEBUG', 'INFO', 'WARNING', 'ERROR', 'CRITICAL'];

export async function explorePage(root, params, navigate) {
  const search = el('input', { id: 'explore-q', class: 'wide', value: params.get('q') || '',
    placeholder: 'service:execution level>=WARNING symbol:AAPL "timeout"', 'aria-label': 'Search' });
  const archive = el('input', { type: 'checkbox', id: 'explore-archive', checked: params.get('archive') !== 'false' });
  const run = el('button', { class: 'primary', type: 'submit', text: 'Search' });
  const form = el('form', { class: 'toolbar' }, search, el('label', {}, archive, ' include archive'), run);
  form.addEventListener('submit', e => { e.preventDefault(); navigate({ q: search.value, archive: archive.checked ? null : 'false' }); });
  const histogram = chartSlot(), errors = chartSlot(), types = chartSlot();
  const results = el('div', { id: 'explore-results' });
  const more = el('button', { type: 'button', text: 'Older events', hidden: true });
  root.append(form, panel('Events per interval, by level', histogram),
    el('div', { class: 'grid2' }, panel('Error rate per service (%)', errors), panel('Busiest event types', types)),
    panel('Events', results, more));

  const common = { ...rangeParams(), q: search.value, archive: archive.checked ? 'true' : 'false' };
  const [h, rates, busiest] = await Promise.all([api('histogram', common), api('error-rates', common), api('event-types', common)]);
  const starts = bucketStarts(h.from, h.to, h.bucket_seconds);
  const bucketMs = h.bucket_seconds * 1000;
  const instance = chart(histogram, {
    legend: { top: 0, textStyle: { color: '#cbd5e1' } }, grid: { left: 50, right: 16, top: 30, bottom: 30 },
    xAxis: { type: 'category', data: starts.map(axisTime) }, yAxis: { type: 'value' },
    series: LEVELS.filter(l => h.buckets.some(b => b.level === l)).map(level => ({
      name: level, type: 'bar', stack: 'levels', itemStyle: { color: levelColors[level] },
      data: starts.map(s => h.buckets.find(b => at(b.start) === s && b.level === level)?.count ?? 0),
    })),
  }, h.buckets.length);
  // A click anywhere in a bucket's column (not only on its bar) narrows the range to that bucket.
  instance.getZr().on('click', e => {
    const index = Math.round((instance.convertFromPixel({ gridIndex: 0 }, [e.offsetX, e.offsetY]) || [-1])[0]);
    if (!(index >= 0 && index < starts.length)) return;
    const from = new Date(starts[index]);
    state.range = 'custom'; state.from = from; state.to = new Date(from.getTime() + bucketMs);
    navigate({});
  });
  chart(errors, {
    grid: { left: 120, right: 16, top: 10, bottom: 30 }, xAxis: { type: 'value' },
    yAxis: { type: 'category', data: rates.services.map(r => r.service) },
    series: [{ type: 'bar', data: rates.services.map(r => Number(r.error_rate_percent)), itemStyle: { color: '#ef4444' } }],
  }, rates.services.length);
  chart(types, {
    grid: { left: 170, right: 16, top: 10, bottom: 30 }, xAxis: { type: 'value' },
    yAxis: { type: 'category', inverse: true, data: busiest.event_types.map(t => t.event_type) },
    series: [{ type: 'bar', data: busiest.event_types.map(t => t.events), itemStyle: { color: '#38bdf8' } }],
  }, busiest.event_types.length);

  const columns = [
    { title: 'Time', value: e => time(e.timestamp, true) }, { title: 'Level', value: e => levelBadge(e.level) },
    { title: 'Service', value: e => e.service }, { title: 'Event type', value: e => e.event_type || '' },
    { title: 'Message', value: e => e.message ?? '' }, { title: 'Correlation ID', value: e => e.correlation_id || '' },
  ];
  const rows = [];
  async function page(next) {
    const body = await api('events', { ...common, limit: 100, before_id: next?.before_id, before_time: next?.before_time });
    rows.push(...body.events);
    results.replaceChildren(el('p', { class: 'muted', text: `${rows.length} events shown, newest first` }),
      table(columns, rows, e => showEvent(e.id).catch(() => {})));
    more.hidden = !body.next;
    more.onclick = () => page(body.next);
  }
  await page(null);
}
