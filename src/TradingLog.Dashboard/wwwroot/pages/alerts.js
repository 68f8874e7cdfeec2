// Alerts: firing, pending, silenced and flapping alerts with each rule's value over time against its threshold, the
// notifications sent, silences (added and ended from here) and the history. Refreshed every 15 s by the router.
import { api, send, el, panel, table, time, chart, chartSlot, at, rangeParams } from '../core.js';

const order = { firing: 0, pending: 1, resolved: 3, inactive: 4 };

export async function alertsPage(root, params, navigate, ruleFromPath) {
  const body = await api('alerts');
  const alerts = [...body.alerts].sort((a, b) => rank(a) - rank(b) || a.rule.localeCompare(b.rule) || String(a.service).localeCompare(String(b.service)));
  const count = predicate => alerts.filter(predicate).length;
  const chosen = ruleFromPath || params.get('rule') || alerts.find(a => a.state === 'firing')?.rule || body.rules[0]?.name;
  const evaluator = body.evaluator;
  const who = evaluator.here ? (evaluator.leader ? 'this dashboard evaluates the rules' : 'another process evaluates; this dashboard stands by')
    : 'evaluated by tradelog monitor or a service with AddTradingLogAlerting';
  const newest = evaluator.newest_evaluation ? `last evaluation ${time(evaluator.newest_evaluation, true)}` : 'never evaluated yet';
  root.append(
    el('section', { class: 'panel', id: 'alerts-summary' },
      el('h2', {}, el('span', { class: 'status ' + (count(a => a.state === 'firing') ? 'red' : count(a => a.state === 'pending') ? 'amber' : 'green') }),
        `${count(a => a.state === 'firing')} firing · ${count(a => a.state === 'pending')} pending · ` +
        `${count(a => a.silenced_by)} silenced · ${count(a => a.flapping)} flapping · ${count(a => a.error)} in error`),
      el('p', { class: 'muted', text: `${body.rules.length} rules every ${body.interval_seconds} s; ${who}; ${newest}.` +
        (evaluator.problem ? ` Problem: ${evaluator.problem}` : '') })),
    panel('Alerts', table([
      { title: 'State', value: a => el('span', { class: 'state ' + a.state, text: a.state }) },
      { title: 'Rule', value: a => a.rule }, { title: 'Service', value: a => a.service ?? '' }, { title: 'Severity', value: a => a.severity },
      { title: 'Value', num: true, value: a => a.value_text }, { title: 'Since', value: a => time(a.since, true) },
      { title: 'Summary', value: a => a.summary },
      { title: 'Notes', value: a => [a.silenced_by ? `silenced (#${a.silenced_by})` : '', a.flapping ? 'flapping' : '', a.error ? 'error: ' + a.error : '']
        .filter(Boolean).join('; ') },
      { title: '', value: a => a.silenced_by
        ? el('button', { type: 'button', class: 'small', text: 'Unsilence', onclick: e => { e.stopPropagation(); unsilence(a.silenced_by, root, params, navigate); } })
        : el('button', { type: 'button', class: 'small', 'data-silence': a.rule, text: 'Silence…', onclick: e => { e.stopPropagation(); silence(a, root, params, navigate); } }) },
    ], alerts.filter(a => a.state !== 'inactive' || a.error), a => navigate({ rule: a.rule }), a => 'alert-' + a.state,
    'Nothing fires or is pending. Every rule is quiet.')),
    valuePanel(body, chosen, navigate),
    el('div', { class: 'grid2' },
      panel('Silences in force', table([
        { title: '#', value: s => s.id }, { title: 'Matchers', value: s => Object.entries(s.matchers).map(([k, v]) => `${k}=${v}`).join(', ') },
        { title: 'Until', value: s => time(s.ends_at, true) }, { title: 'By', value: s => s.created_by ?? '' }, { title: 'Comment', value: s => s.comment ?? '' },
        { title: '', value: s => el('button', { type: 'button', class: 'small', text: 'End', onclick: () => unsilence(s.id, root, params, navigate) }) },
      ], body.silences, null, null, 'No silence is in force.')),
      panel('Notifications (last 24 h)', table([
        { title: 'Created', value: n => time(n.created_at, true) }, { title: 'Receiver', value: n => n.receiver }, { title: 'Rule', value: n => n.rule },
        { title: 'Status', value: n => n.status },
        { title: 'Delivery', value: n => n.delivered_at ? `delivered ${time(n.delivered_at)}` + (n.attempts > 1 ? ` after ${n.attempts} attempts (${n.last_error})` : '')
          : n.failed_at ? `given up after ${n.attempts} attempts: ${n.last_error}`
          : n.attempts ? `retrying (${n.attempts} attempts): ${n.last_error}` : 'waiting' },
      ], body.notifications, null, n => n.failed_at ? 'failing' : '', 'No notification in the last 24 hours.'))),
    el('section', { class: 'panel', id: 'alerts-history' }, el('h2', { text: 'History' })));
  const history = await api('alerts/history', { ...rangeParams() });
  root.querySelector('#alerts-history').append(table([
    { title: 'At', value: h => time(h.at, true) }, { title: 'Rule', value: h => h.rule }, { title: 'Service', value: h => h.labels.service ?? '' },
    { title: 'From', value: h => h.from ?? '' }, { title: 'To', value: h => el('span', { class: 'state ' + h.to, text: h.to }) },
    { title: 'Detail', value: h => h.detail ?? '' },
  ], history.history, null, null, 'No transition in this range.'));
  if (chosen) await drawValues(root, chosen, body.rules.find(r => r.name === chosen)?.type);
}

function rank(a) { return a.error ? 2 : order[a.state] ?? 5; }

function valuePanel(body, chosen, navigate) {
  const select = el('select', { id: 'alert-rule', 'aria-label': 'Rule', onchange: e => navigate({ rule: e.target.value }) },
    body.rules.map(r => el('option', { value: r.name, text: `${r.name} (${r.type}, threshold ${r.threshold})`, selected: r.name === chosen ? 'selected' : null })));
  const rule = body.rules.find(r => r.name === chosen);
  return el('section', { class: 'panel' }, el('h2', {}, 'Value over time ', select),
    rule ? el('p', { class: 'muted', text: `${rule.source}: window ${rule.window}, for ${rule.for}, receivers ${rule.receivers.join(', ') || 'none'}` }) : null,
    el('div', { class: 'chart', id: 'alert-values' }));
}

async function drawValues(root, rule, type) {
  if (type === 'forecast') return drawForecast(root, rule);
  const values = await api('alerts/values', { rule, ...rangeParams() });
  const scale = values.unit === 'share' ? 100 : 1;
  const series = values.series.map(s => ({
    name: s.service ?? rule, type: 'line', showSymbol: false, connectNulls: false,
    data: s.points.map(([t, v]) => [at(t), v === null ? null : v * scale]),
  }));
  if (series.length && values.threshold !== null) {
    series[0].markLine = { symbol: 'none', silent: true, lineStyle: { color: '#ef4444', type: 'dashed' },
      label: { formatter: 'threshold ' + values.threshold_text, position: 'insideEndTop' }, data: [{ yAxis: values.threshold * scale }] };
  }
  chart(root.querySelector('#alert-values'), {
    legend: { top: 0, textStyle: { color: '#cbd5e1' } }, grid: { left: 60, right: 20, top: 30, bottom: 30 },
    xAxis: { type: 'time' }, yAxis: { type: 'value', name: values.unit === 'share' ? '%' : values.unit }, tooltip: { trigger: 'axis', renderMode: 'richText' },
    series,
  }, values.series.reduce((n, s) => n + s.points.length, 0));
}

// A forecast rule: the measured series, the forecast to the horizon (dashed) and its 95% band, the threshold and the gate.
async function drawForecast(root, rule) {
  const f = await api('alerts/forecast', { rule, ...rangeParams() }); // the forecast as of the range's end
  const scale = f.unit === 'share' ? 100 : f.unit === 'bytes' ? 1 / 1048576 : 1;
  const v = x => x === null ? null : x * scale;
  const band = f.forecast.map(([t, , lower, upper]) => [at(t), v(lower), v(upper)]);
  const series = [
    { name: 'measured', type: 'line', showSymbol: f.points.length < 3, data: f.points.map(([t, x]) => [at(t), v(x)]),
      markLine: { symbol: 'none', silent: true, data: [
        { yAxis: v(f.threshold), lineStyle: { color: '#ef4444', type: 'dashed' }, label: { formatter: 'threshold ' + f.threshold_text, position: 'insideEndTop' } },
        { yAxis: v(f.gate), lineStyle: { color: '#f59e0b', type: 'dotted' }, label: { formatter: 'gate', position: 'insideStartTop' } }] } },
    { name: `forecast (${f.method})`, type: 'line', showSymbol: false, lineStyle: { type: 'dashed' }, data: f.forecast.map(([t, x]) => [at(t), v(x)]) },
    { name: 'band low', type: 'line', showSymbol: false, stack: 'band', lineStyle: { opacity: 0 }, data: band.map(([t, lo]) => [t, lo]) },
    { name: '95% band', type: 'line', showSymbol: false, stack: 'band', lineStyle: { opacity: 0 }, areaStyle: { color: 'rgba(56,189,248,0.18)' },
      data: band.map(([t, lo, hi]) => [t, hi - lo]) },
  ];
  const slot = root.querySelector('#alert-values');
  slot.dataset.forecast = f.forecast.length ? 'true' : 'false';
  chart(slot, {
    legend: { top: 0, textStyle: { color: '#cbd5e1' }, data: ['measured', `forecast (${f.method})`, '95% band'] },
    grid: { left: 60, right: 20, top: 30, bottom: 30 }, xAxis: { type: 'time' },
    yAxis: { type: 'value', name: f.unit === 'share' ? '%' : f.unit === 'bytes' ? 'MB' : f.unit }, tooltip: { trigger: 'axis', renderMode: 'richText' },
    series,
  }, f.points.length + f.forecast.length);
}

async function silence(alert, root, params, navigate) {
  const duration = prompt(`Silence ${alert.rule}${alert.service ? ' for ' + alert.service : ''} for how long? (30m, 1h, 1d)`, '1h');
  if (!duration) return;
  const comment = prompt('Why? (shown with the silence)', '') ?? '';
  await send('POST', 'alerts/silences', { rule: alert.rule, service: alert.service, duration, comment });
  window.dispatchEvent(new HashChangeEvent('hashchange')); // draw the page again
}

async function unsilence(id, root, params, navigate) {
  await send('DELETE', `alerts/silences/${id}`);
  window.dispatchEvent(new HashChangeEvent('hashchange')); // draw the page again
}
