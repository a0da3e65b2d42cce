/**
 * The topology as a standalone SVG, laid out offline without a layout library: one box per
 * account and region (VPCs on the left, the services their endpoints reach on the right),
 * services shared across boxes in a box of their own, boxes in a grid, curved labelled edges.
 */
import { ConnectivityReportData, ReportVpc } from './document';
import { envOf, peeringState, portsLabel, vpcPairs } from './render-common';

const FONT = 12;
const CHAR = 7.0; // average advance of a 12px sans-serif character, for sizing boxes
const NODE_H = 42;
const SERVICE_H = 28;
const GAP_Y = 22;
const PAD = 16;
const TITLE_H = 26;
const COLUMN_GAP = 110;
const CLUSTER_GAP = 110;
const LEFT = 90; // room for the bows of edges between VPCs of one column
const PER_ROW = 2;

interface Node { id: string; label: string[]; kind: 'vpc' | 'service'; x: number; y: number; w: number; h: number }
interface Cluster { title: string; vpcs: ReportVpc[]; services: string[]; x: number; y: number; w: number; h: number; nodes: Node[] }

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const textWidth = (s: string, size = FONT) => Math.ceil(s.length * CHAR * (size / FONT));
const fmt = (n: number) => String(Math.round(n * 10) / 10);

const STYLE = {
  'peering': { color: '#1f6feb', dash: '', both: true },
  'peering-one-way': { color: '#d97706', dash: '7 4', both: false },
  'peering-none': { color: '#9ca3af', dash: '2 4', both: false },
  'privatelink': { color: '#8250df', dash: '', both: false },
  'privatelink-resource': { color: '#bf3989', dash: '', both: false },
  'endpoint': { color: '#1a7f37', dash: '5 4', both: false },
  'other': { color: '#57606a', dash: '5 4', both: false },
} as const;
type EdgeStyle = keyof typeof STYLE;

/** Render the report's topology as an SVG document. */
export function toSvg(r: ConnectivityReportData): string {
  const vpcPaths = new Set(r.vpcs.map((v) => v.path));
  const envOfVpc = new Map(r.vpcs.map((v) => [v.path, envOf(v)]));
  // A service sits in the box of the VPCs that reach it, or in a shared box when several boxes do.
  const serviceEnvs = new Map<string, Set<string>>();
  for (const c of r.connections) {
    if (vpcPaths.has(c.to)) continue;
    serviceEnvs.set(c.to, new Set([...(serviceEnvs.get(c.to) ?? []), envOfVpc.get(c.from) ?? '']));
  }
  const clusters = new Map<string, Cluster>();
  const clusterOf = (title: string) => {
    let c = clusters.get(title);
    if (!c) clusters.set(title, c = { title, vpcs: [], services: [], x: 0, y: 0, w: 0, h: 0, nodes: [] });
    return c;
  };
  for (const v of r.vpcs) clusterOf(envOf(v)).vpcs.push(v);
  const SHARED = 'services reached from several accounts or regions';
  for (const [s, envs] of [...serviceEnvs].sort(([a], [b]) => a.localeCompare(b))) {
    clusterOf(envs.size === 1 ? [...envs][0] : SHARED).services.push(s);
  }
  const ordered = [...clusters.values()].sort((a, b) => (a.title === SHARED ? 1 : b.title === SHARED ? -1 : a.title.localeCompare(b.title)));

  // Size each box: a column of VPCs, a column of services.
  const nodes = new Map<string, Node>();
  for (const c of ordered) {
    const vw = Math.max(0, ...c.vpcs.map((v) => Math.max(textWidth(v.path), textWidth(v.cidrBlocks.join(', ') || 'CIDR unknown', 11)))) + 2 * PAD;
    const sw = Math.max(0, ...c.services.map((s) => textWidth(s, 11))) + 2 * PAD;
    let y = TITLE_H + PAD;
    for (const v of c.vpcs) {
      const n: Node = { id: v.path, label: [v.path, v.cidrBlocks.join(', ') || 'CIDR unknown'], kind: 'vpc', x: PAD, y, w: vw, h: NODE_H };
      c.nodes.push(n);
      y += NODE_H + GAP_Y;
    }
    const vh = y;
    y = TITLE_H + PAD;
    const sx = c.vpcs.length > 0 ? PAD + vw + COLUMN_GAP : PAD;
    for (const s of c.services) {
      const n: Node = { id: s, label: [s], kind: 'service', x: sx, y, w: sw, h: SERVICE_H };
      c.nodes.push(n);
      y += SERVICE_H + GAP_Y;
    }
    c.w = Math.max((c.services.length > 0 ? sx + sw : PAD + vw) + PAD, textWidth(c.title) + 2 * PAD);
    c.h = Math.max(vh, y) - GAP_Y + PAD;
  }
  // Grid of boxes: PER_ROW a row, each row as tall as its tallest box.
  let y = PAD;
  let width = 0;
  for (let i = 0; i < ordered.length; i += PER_ROW) {
    const row = ordered.slice(i, i + PER_ROW);
    let x = PAD + LEFT;
    for (const c of row) {
      c.x = x;
      c.y = y;
      x += c.w + CLUSTER_GAP;
      for (const n of c.nodes) nodes.set(n.id, { ...n, x: n.x + c.x, y: n.y + c.y });
    }
    width = Math.max(width, x - CLUSTER_GAP + PAD);
    y += Math.max(...row.map((c) => c.h)) + CLUSTER_GAP;
  }

  const pairs = vpcPairs(r);
  const edges: string[] = [];
  const labels: string[] = [];
  const drawn = new Set<string>();
  const taken: Box[] = [...nodes.values()].map((n) => ({ x: n.x, y: n.y, w: n.w, h: n.h }));
  for (const c of r.connections) {
    const a = nodes.get(c.from);
    const b = nodes.get(c.to);
    if (!a || !b) continue;
    let style: EdgeStyle;
    let label: string;
    if (c.kind === 'peering') {
      const state = peeringState(pairs, c.from, c.to);
      style = state === 'both' ? 'peering' : state === 'one-way' ? 'peering-one-way' : 'peering-none';
      label = state === 'both' ? 'peering' : state === 'one-way' ? 'peering (one-way routes)' : `peering (${state === 'unknown' ? 'routes unknown' : 'no routes'})`;
    } else if (c.kind === 'privatelink') {
      style = 'privatelink';
      label = `PrivateLink${portsLabel(c)}`;
    } else if (c.kind === 'privatelink-resource') {
      style = 'privatelink-resource';
      label = `resource${portsLabel(c)}`;
    } else if (c.kind.endsWith('-endpoint')) {
      style = 'endpoint';
      label = c.kind.replace(/-endpoint$/, '').replace(/-/g, ' ');
    } else {
      style = 'other';
      label = c.kind;
    }
    const key = `${c.from}|${c.to}|${label}`;
    if (drawn.has(key)) continue;
    drawn.add(key);
    const { d, mx, my } = curve(a, b, 0.5);
    const s = STYLE[style];
    edges.push(`<path d="${d}" fill="none" stroke="${s.color}" stroke-width="1.6"${s.dash ? ` stroke-dasharray="${s.dash}"` : ''} marker-end="url(#arrow-${style})"${s.both ? ` marker-start="url(#arrow-${style})"` : ''}/>`);
    const lw = textWidth(label, 11) + 8;
    // A label goes at the middle of its edge, moved down a line at a time off other labels and boxes.
    let box = { x: mx - lw / 2, y: my - 9, w: lw, h: 16 };
    for (let tries = 0; tries < 12 && taken.some((t) => overlaps(t, box)); tries++) box = { ...box, y: box.y + 18 };
    taken.push(box);
    labels.push(`<rect x="${fmt(box.x)}" y="${fmt(box.y)}" width="${lw}" height="16" rx="3" fill="#ffffff" fill-opacity="0.9"/>`);
    labels.push(`<text x="${fmt(mx)}" y="${fmt(box.y + 12)}" font-size="11" text-anchor="middle" fill="${s.color}">${esc(label)}</text>`);
  }

  const legendY = y - CLUSTER_GAP + PAD + 8;
  const legend: Array<[EdgeStyle, string]> = [
    ['peering', 'peering, routed both ways'],
    ['peering-one-way', 'peering, routes one way only'],
    ['peering-none', 'peering without routes, or unknown'],
    ['privatelink', 'PrivateLink: consumer to service, listener ports'],
    ['privatelink-resource', 'PrivateLink for VPC resources: consumer to resource, its ports'],
    ['endpoint', 'gateway or interface endpoint to an AWS service'],
  ];
  const legendParts: string[] = [];
  let lx = PAD;
  let ly = legendY;
  for (const [style, text] of legend) {
    const s = STYLE[style];
    const w = 40 + textWidth(text, 11) + 24;
    if (lx + w > Math.max(width, 600)) {
      lx = PAD;
      ly += 20;
    }
    legendParts.push(`<line x1="${lx}" y1="${ly}" x2="${lx + 32}" y2="${ly}" stroke="${s.color}" stroke-width="1.6"${s.dash ? ` stroke-dasharray="${s.dash}"` : ''} marker-end="url(#arrow-${style})"/>`);
    legendParts.push(`<text x="${lx + 40}" y="${ly + 4}" font-size="11" fill="#24292f">${esc(text)}</text>`);
    lx += w;
  }
  const height = ly + 20;
  width = Math.max(width, 600);

  const markers = (Object.keys(STYLE) as EdgeStyle[]).map((k) =>
    `<marker id="arrow-${k}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="${STYLE[k].color}"/></marker>`);
  const boxes = ordered.map((c) => [
    `<rect x="${c.x}" y="${c.y}" width="${c.w}" height="${c.h}" rx="8" fill="#f6f8fa" stroke="#d0d7de"/>`,
    `<text x="${c.x + PAD}" y="${c.y + 18}" font-size="${FONT}" font-weight="bold" fill="#57606a">${esc(c.title)}</text>`,
  ].join('\n'));
  const nodeParts = [...nodes.values()].map((n) => n.kind === 'vpc'
    ? [
      `<rect x="${n.x}" y="${n.y}" width="${n.w}" height="${n.h}" rx="4" fill="#ffffff" stroke="#1f6feb"/>`,
      `<text x="${n.x + PAD}" y="${n.y + 17}" font-size="${FONT}" font-weight="bold" fill="#24292f">${esc(n.label[0])}</text>`,
      `<text x="${n.x + PAD}" y="${n.y + 33}" font-size="11" fill="#57606a">${esc(n.label[1])}</text>`,
    ].join('\n')
    : [
      `<rect x="${n.x}" y="${n.y}" width="${n.w}" height="${n.h}" rx="14" fill="#ffffff" stroke="#1a7f37"/>`,
      `<text x="${n.x + PAD}" y="${n.y + 18}" font-size="11" fill="#24292f">${esc(n.label[0])}</text>`,
    ].join('\n'));

  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="Helvetica, Arial, sans-serif">`,
    '<title>Private connectivity of the app</title>',
    `<defs>${markers.join('')}</defs>`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    ...boxes,
    ...edges,
    ...nodeParts,
    ...labels,
    ...legendParts,
    '</svg>',
    '',
  ].join('\n');
}

interface Box { x: number; y: number; w: number; h: number }

function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

/** A cubic curve between two boxes, from border to border; side by side boxes bow outwards. */
function curve(a: Node, b: Node, t: number): { d: string; mx: number; my: number } {
  const ca = { x: a.x + a.w / 2, y: a.y + a.h / 2 };
  const cb = { x: b.x + b.w / 2, y: b.y + b.h / 2 };
  if (Math.abs(ca.x - cb.x) < 1) {
    // Same column: leave from the left side and bow out, further for nodes further apart.
    const bow = Math.min(80, 30 + Math.abs(cb.y - ca.y) * 0.25);
    const [x1, y1, x2, y2] = [a.x, ca.y, b.x, cb.y];
    const d = `M${fmt(x1)},${fmt(y1)} C${fmt(x1 - bow)},${fmt(y1)} ${fmt(x2 - bow)},${fmt(y2)} ${fmt(x2)},${fmt(y2)}`;
    return { d, mx: x1 - bow * 0.75, my: (y1 + y2) / 2 };
  }
  const right = cb.x > ca.x;
  const [x1, y1] = [right ? a.x + a.w : a.x, ca.y];
  const [x2, y2] = [right ? b.x : b.x + b.w, cb.y];
  const dx = (x2 - x1) / 2;
  const d = `M${fmt(x1)},${fmt(y1)} C${fmt(x1 + dx)},${fmt(y1)} ${fmt(x2 - dx)},${fmt(y2)} ${fmt(x2)},${fmt(y2)}`;
  // The point at t of the cubic: x and y each follow the Bezier polynomial of their controls.
  const at = (p0: number, p1: number, p2: number, p3: number) =>
    (1 - t) ** 3 * p0 + 3 * (1 - t) ** 2 * t * p1 + 3 * (1 - t) * t ** 2 * p2 + t ** 3 * p3;
  return { d, mx: at(x1, x1 + dx, x2 - dx, x2), my: at(y1, y1, y2, y2) };
}
