// Service map: services as nodes (size by events, colour by error rate), the flows between them from correlation IDs
// as edges with their counts and median hop latency.
import { api, el, chart, chartSlot, panel, table, rangeParams, number } from '../core.js';

export async function mapPage(root) {
  const slot = chartSlot(true);
  slot.style.height = '480px';
  const edges = el('div');
  root.append(panel('Flows between services (from correlation IDs; edge labels count hops, the table gives their latency)', slot),
    panel('Hops', edges));
  const body = await api('service-map', rangeParams());
  const maxEvents = Math.max(1, ...body.nodes.map(n => n.events));
  const color = rate => (rate >= 5 ? '#ef4444' : rate >= 1 ? '#f59e0b' : '#22c55e');
  chart(slot, {
    series: [{
      type: 'graph', layout: 'circular', roam: true, circular: { rotateLabel: false },
      label: { show: true, position: 'right', color: '#e2e8f0' }, edgeSymbol: ['none', 'arrow'], edgeSymbolSize: 10,
      edgeLabel: { show: true, color: '#94a3b8', formatter: p => String(p.data.count) },
      lineStyle: { color: '#64748b', curveness: 0.2, opacity: 0.9 },
      data: body.nodes.map(n => ({ name: n.service, symbolSize: 20 + 30 * Math.sqrt(n.events / maxEvents),
        itemStyle: { color: color(Number(n.error_rate_percent)) } })),
      links: body.edges.map(e => ({ source: e.from, target: e.to, count: e.count, median: number(e.median_ms, 1),
        lineStyle: { width: 1 + Math.log10(1 + e.count) } })),
    }],
  }, body.edges.length);
  edges.replaceChildren(table([
    { title: 'From', value: e => e.from }, { title: 'To', value: e => e.to }, { title: 'Hops', num: true, value: e => number(e.count) },
    { title: 'Correlations', num: true, value: e => number(e.correlations) }, { title: 'Median ms', num: true, value: e => number(e.median_ms, 3) },
    { title: 'p95 ms', num: true, value: e => number(e.p95_ms, 3) },
  ], body.edges));
}
