// Patterns: every pattern of the range per service (a message template, or a mined template for free text), anomalous
// and new ones first, each with a sparkline of its rate, first and last seen, an example and a link to its events.
import { api, el, panel, table, time, rangeParams, state } from '../core.js';

const SVG = 'http://www.w3.org/2000/svg';

export async function patternsPage(root, params, navigate) {
  const service = el('input', { id: 'patterns-service', value: params.get('service') || '', placeholder: 'all services', 'aria-label': 'Service' });
  const onlyNew = el('input', { type: 'checkbox', id: 'patterns-new', checked: params.get('new') === 'true' });
  const form = el('form', { class: 'toolbar' }, el('label', {}, 'Service ', service), el('label', {}, onlyNew, ' new only'),
    el('button', { class: 'primary', type: 'submit', text: 'Show' }));
  form.addEventListener('submit', e => { e.preventDefault(); navigate({ service: service.value, new: onlyNew.checked ? 'true' : null }); });
  root.append(form);
  const body = await api('patterns', { ...rangeParams(), service: params.get('service'), new: params.get('new') });
  root.append(
    el('section', { class: 'panel', id: 'patterns-summary' },
      el('h2', {}, el('span', { class: 'status ' + (body.anomalous_count ? 'red' : body.new_count ? 'amber' : 'green') }),
        `${body.patterns.length} patterns · ${body.anomalous_count} anomalous now · ${body.new_count} new in this range`),
      el('p', { class: 'muted', text: `Anomalies judged by ${body.anomaly_rule}; a sparkline slice is ${Math.round(body.bucket_seconds)} s.` })),
    panel('Patterns', table([
      { title: '', value: p => p.anomaly ? el('span', { class: 'state firing', text: 'anomaly' })
        : p.is_new ? el('span', { class: 'state pending', text: 'new' }) : '' },
      { title: 'Rate', value: p => sparkline(p.trend) },
      { title: 'Events', num: true, value: p => p.events },
      { title: 'Service', value: p => p.service },
      { title: 'Pattern', value: p => el('div', {}, el('code', { text: p.template }),
        p.anomaly ? el('div', { class: 'muted', text: p.anomaly }) : null,
        el('div', { class: 'muted', text: 'e.g. ' + (p.example ?? '') })) },
      { title: 'First seen', value: p => time(p.first_seen, true) },
      { title: 'Last seen', value: p => time(p.last_seen, true) },
      { title: '', value: p => el('a', { href: exploreLink(p.search), text: 'Events', class: 'small' }) },
    ], body.patterns, null, p => p.anomaly ? 'alert-firing' : p.is_new ? 'alert-pending' : '', 'No pattern in this range.')));
}

function exploreLink(search) {
  const query = new URLSearchParams({ q: search });
  if (state.range === 'custom' && state.from && state.to) { query.set('from', state.from.toISOString()); query.set('to', state.to.toISOString()); }
  else if (state.range !== '1h') query.set('range', state.range);
  return '#/explore?' + query;
}

// Numbers only: an SVG polyline scaled to the largest slice.
function sparkline(counts) {
  const width = 120, height = 24, max = Math.max(1, ...counts);
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('width', width); svg.setAttribute('height', height); svg.setAttribute('class', 'sparkline');
  svg.setAttribute('role', 'img'); svg.setAttribute('aria-label', `rate: ${counts.join(', ')}`);
  const line = document.createElementNS(SVG, 'polyline');
  const step = counts.length > 1 ? width / (counts.length - 1) : width;
  line.setAttribute('points', counts.map((c, i) => `${(i * step).toFixed(1)},${(height - 2 - (c / max) * (height - 4)).toFixed(1)}`).join(' '));
  line.setAttribute('fill', 'none'); line.setAttribute('stroke', '#38bdf8'); line.setAttribute('stroke-width', '1.5');
  svg.append(line);
  return svg;
}
