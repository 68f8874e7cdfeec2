// Health: per service a green, amber or red status with its reasons; each process's sink health from its heartbeat; the
// last cleanup runs; table sizes and partitions ahead; how far a read replica trails. Refreshed every 10 s.
import { api, el, panel, table, time, number, bytes } from '../core.js';

export async function healthPage(root) {
  const body = await api('health');
  const cards = el('div', { class: 'cards', id: 'health-services' }, body.services.map(s => el('div', { class: 'card ' + s.status, 'data-service': s.service },
    el('h3', {}, el('span', { class: 'status ' + s.status, title: s.status }), s.service),
    el('div', { class: 'muted', text: `last event ${time(s.last_event, true)}` }),
    el('div', { text: `${number(s.events_per_minute, 1)} events/min · ${number(s.error_rate_percent, 2)}% errors · ${s.processes} process(es)` }),
    el('ul', {}, s.reasons.map(r => el('li', { text: r }))))));
  root.append(
    el('section', { class: 'panel' }, el('h2', {}, el('span', { class: 'status ' + body.status }), `Overall: ${body.status}`),
      el('p', { class: 'muted', text: `Rates over the last ${body.window_seconds / 60} min. Live tail: ${body.live_tail.subscribers} watching` +
        (body.live_tail.last_error ? ` · poller failing: ${body.live_tail.last_error}` : '') }),
      replication(body.replication)),
    cards,
    panel('Sink health per process (from heartbeats)', table([
      { title: 'Service', value: p => p.service }, { title: 'Process', value: p => `${p.host ?? ''}:${p.process_id}` },
      { title: 'Heartbeat', value: p => time(p.last_heartbeat, true) }, { title: 'Queued', num: true, value: p => number(p.queued) },
      { title: 'Spooled', num: true, value: p => number(p.spooled) }, { title: 'Dropped', num: true, value: p => number(p.dropped + p.queue_dropped) },
      { title: 'Dead-lettered', num: true, value: p => number(p.dead_lettered) }, { title: 'File write failures', num: true, value: p => number(p.file_write_failures) },
      { title: 'Written', num: true, value: p => number(p.written) }, { title: 'MiB', num: true, value: p => number(p.working_set_mb, 1) },
      { title: 'CPU %', num: true, value: p => number(p.cpu_percent, 1) },
    ], body.processes, null, p => (p.dropped + p.queue_dropped + p.file_lines_dropped > 0 || p.unwritable_files > 0 ? 'failing' : ''),
    'No heartbeat in the last minutes (logging.heartbeat_interval).')),
    el('div', { class: 'grid2' },
      panel('Last cleanup runs', table([
        { title: 'Started', value: r => time(r.started_at, true) }, { title: 'Status', value: r => r.status }, { title: 'Trigger', value: r => r.trigger },
        { title: 'Error', value: r => r.error ?? '' },
      ], body.cleanup_runs, null, null, 'No cleanup has run yet.')),
      panel('Tables', table([
        { title: 'Table', value: t => t.table }, { title: 'Size', num: true, value: t => bytes(t.bytes) }, { title: 'Rows (est.)', num: true, value: t => number(t.estimated_rows) },
        { title: 'Partitions', num: true, value: t => t.partitions }, { title: 'Days ahead', num: true, value: t => t.days_ahead ?? '' },
      ], body.tables))));
}

// Reads from a streaming standby (database.reader_connection_string) trail the primary by its replay lag.
function replication(r) {
  if (!r || !r.is_standby) {
    return el('p', { class: 'muted', id: 'health-replication', text: 'Reads: the primary.' });
  }
  const lag = r.replay_lag_seconds == null ? 'unknown' : `${number(r.replay_lag_seconds, 1)} s`;
  return el('p', { id: 'health-replication', class: r.receiving ? '' : 'failing',
    text: `Reads: a streaming standby, ${lag} behind the primary (${bytes(r.bytes_behind ?? 0)} of WAL not yet replayed)` +
      (r.receiving ? '' : ' · not streaming from the primary now') });
}
