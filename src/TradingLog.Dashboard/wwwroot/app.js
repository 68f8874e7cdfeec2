// The dashboard's router: #/page?params. Each page renders into <main> from the JSON API; the range and UTC choice are
// shared and kept in the address, so a view can be bookmarked and shared.
import { state, disposeCharts, problem } from './core.js';
import { tailPage, leaveTail } from './pages/tail.js';
import { explorePage } from './pages/explore.js';
import { performancePage } from './pages/performance.js';
import { tradesPage } from './pages/trades.js';
import { tracePage } from './pages/trace.js';
import { mapPage } from './pages/map.js';
import { healthPage } from './pages/health.js';
import { alertsPage } from './pages/alerts.js';
import { patternsPage } from './pages/patterns.js';

const pages = { tail: tailPage, explore: explorePage, performance: performancePage, trades: tradesPage, map: mapPage, health: healthPage,
  alerts: alertsPage, patterns: patternsPage };
let refresh = null;

function parse() {
  const [path, query = ''] = location.hash.replace(/^#\/?/, '').split('?');
  return { path: path || 'tail', params: new URLSearchParams(query) };
}

function navigate(changes) {
  const { path, params } = parse();
  for (const [key, value] of Object.entries(changes)) {
    if (value === null || value === undefined || value === '') params.delete(key); else params.set(key, value);
  }
  writeRange(params);
  location.hash = '#/' + path + (params.size ? '?' + params : '');
}

function writeRange(params) {
  params.delete('range'); params.delete('from'); params.delete('to'); params.delete('utc');
  if (state.range === 'custom' && state.from && state.to) { params.set('from', state.from.toISOString()); params.set('to', state.to.toISOString()); }
  else if (state.range !== '1h') params.set('range', state.range);
  if (state.utc) params.set('utc', '1');
}

function readRange(params) {
  state.utc = params.get('utc') === '1';
  if (params.get('from') && params.get('to')) {
    state.range = 'custom'; state.from = new Date(params.get('from')); state.to = new Date(params.get('to'));
  } else {
    state.range = params.get('range') || '1h';
  }
  document.getElementById('range-select').value = state.range;
  document.getElementById('custom-range').hidden = state.range !== 'custom';
  document.getElementById('utc').checked = state.utc;
  if (state.range === 'custom' && state.from && state.to) {
    document.getElementById('range-from').value = local(state.from);
    document.getElementById('range-to').value = local(state.to);
  }
}

function local(date) {
  const shifted = state.utc ? date : new Date(date.getTime() - date.getTimezoneOffset() * 60000);
  return shifted.toISOString().slice(0, 19);
}

function fromInput(value) {
  return state.utc ? new Date(value + 'Z') : new Date(value);
}

async function render() {
  const { path, params } = parse();
  readRange(params);
  leaveTail();
  disposeCharts();
  clearInterval(refresh);
  problem('');
  const [name, ...rest] = path.split('/');
  for (const a of document.querySelectorAll('#nav a')) a.classList.toggle('active', a.dataset.page === (name === 'trace' ? 'trades' : name));
  const root = document.getElementById('page');
  root.replaceChildren();
  root.dataset.page = name;
  // The live tail, health and a timeline do not take the time range.
  document.getElementById('range').hidden = ['tail', 'health', 'trace'].includes(name);
  root.dataset.ready = 'false';
  try {
    if (name === 'trace') await tracePage(root, decodeURIComponent(rest.join('/')));
    else if (name === 'alerts') await alertsPage(root, params, navigate, rest.length ? decodeURIComponent(rest.join('/')) : null);
    else await (pages[name] || tailPage)(root, params, navigate);
    if (name === 'health') refresh = setInterval(() => { root.replaceChildren(); healthPage(root).catch(() => {}); }, 10000);
    if (name === 'alerts') refresh = setInterval(() => { render(); }, 15000);
  } catch (e) {
    problem(e.message);
  } finally {
    root.dataset.ready = 'true';
  }
}

document.getElementById('range-select').addEventListener('change', e => {
  state.range = e.target.value;
  if (state.range === 'custom') {
    state.to = new Date(); state.from = new Date(state.to.getTime() - 3600000);
    readRange(new URLSearchParams({ from: state.from.toISOString(), to: state.to.toISOString(), utc: state.utc ? '1' : '0' }));
    return;
  }
  navigate({});
});
document.getElementById('range-apply').addEventListener('click', () => {
  const from = fromInput(document.getElementById('range-from').value), to = fromInput(document.getElementById('range-to').value);
  if (isNaN(from) || isNaN(to) || from >= to) { problem('The custom range needs a start before its end.'); return; }
  state.range = 'custom'; state.from = from; state.to = to;
  navigate({});
});
document.getElementById('utc').addEventListener('change', e => { state.utc = e.target.checked; navigate({}); });
window.addEventListener('hashchange', render);
render();

// The banner on every page while an alert fires: its own request, so that a failure here never hides a page's problem.
async function banner() {
  const box = document.getElementById('banner');
  try {
    const response = await fetch('api/alerts', { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
    const body = response.ok ? await response.json() : null;
    const firing = body ? body.alerts.filter(a => a.state === 'firing' && !a.silenced_by) : [];
    const silenced = body ? body.alerts.filter(a => a.state === 'firing' && a.silenced_by).length : 0;
    box.textContent = firing.length
      ? `${firing.length} alert${firing.length > 1 ? 's' : ''} firing: ` + firing.slice(0, 5).map(a => a.rule + (a.service ? ` (${a.service})` : '')).join(', ') +
        (firing.length > 5 ? ', …' : '') + (silenced ? ` (and ${silenced} silenced)` : '') + ' — open Alerts'
      : '';
    box.hidden = !firing.length;
  } catch {
    box.hidden = true;
  }
}
banner();
setInterval(banner, 15000);
