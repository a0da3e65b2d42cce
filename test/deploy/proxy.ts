// The AWS view: a loopback HTTP proxy in front of moto that applies the answer-side shims (AWS
// filters, endpoint acceptance state), answers the EC2 actions moto lacks (endpoint connections)
// and, when a test asks for it, AWS timing (a peering connection that stays `provisioning` for a
// number of calls). Handlers reach AWS through it.
import * as http from 'http';
import * as net from 'net';
import { acceptEndpointConnections, describeEndpointConnections, filterPeeringConnections, queryFilters, Shims } from './shims';
import { child, findDeep, parseXml, setTextAt, textAt, toXml, XmlElement } from './xml';

/** A peering connection as a timing rule sees it. */
export interface PeeringView {
  readonly id: string;
  readonly requesterVpcId: string;
  readonly requesterCidr: string;
  readonly accepterVpcId: string;
}

/** Show matching connections in `state` for the first `calls` answers that list each of them. */
export interface PeeringStateRule {
  /** One of AWS's states (VpcPeeringConnectionStateReason): provisioning, pending-acceptance, ... */
  readonly state: string;
  readonly calls: number;
  /** Which connections. @default every connection that is active */
  readonly match?: (pcx: PeeringView) => boolean;
  /** Only answers in this Region (each Region's view of a connection moves on its own). @default every Region */
  readonly region?: string;
  /** Only answers to custom-resource handlers (those that reach the view through `handlerUrl`). @default false */
  readonly handlersOnly?: boolean;
}

const HANDLER_PREFIX = '/from-handler';

/** One request that passed through the proxy. */
export interface ProxiedCall {
  readonly action: string;
  readonly status: number;
  /** The Region the request was signed for. */
  readonly region: string;
  /** Whether a custom-resource handler made it. */
  readonly fromHandler: boolean;
  /** For DescribeVpcPeeringConnections: the status codes of the connections the answer lists. */
  readonly peeringStates?: string[];
}

/** The proxy. */
export class AwsView {
  /** Start on a free loopback port. */
  public static async start(target: string, shims: () => Shims | undefined): Promise<AwsView> {
    const view = new AwsView(target, shims);
    await new Promise<void>((res) => view.server.listen(0, '127.0.0.1', () => res()));
    return view;
  }

  public readonly calls: ProxiedCall[] = [];
  private readonly server: http.Server;
  private readonly rules: Array<{ rule: PeeringStateRule; seen: Map<string, number> }> = [];

  private constructor(private readonly target: string, private readonly shims: () => Shims | undefined) {
    this.server = http.createServer((req, res) => {
      this.handle(req, res).catch((e) => {
        res.writeHead(500, { 'content-type': 'text/plain' });
        res.end(String(e));
      });
    });
  }

  /** The proxy's URL (what handlers get as AWS_ENDPOINT_URL). */
  public get url(): string {
    return `http://127.0.0.1:${(this.server.address() as net.AddressInfo).port}`;
  }

  /** The URL handlers get as AWS_ENDPOINT_URL: the same view, with their calls told apart. */
  public get handlerUrl(): string {
    return `${this.url}${HANDLER_PREFIX}`;
  }

  /** Add an AWS timing rule for DescribeVpcPeeringConnections answers. */
  public holdPeeringState(rule: PeeringStateRule): void {
    this.rules.push({ rule, seen: new Map() });
  }

  /** Remove every timing rule. */
  public clearRules(): void {
    this.rules.length = 0;
  }

  /** Stop listening. */
  public async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((res) => this.server.close(() => res()));
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const body = await readAll(req);
    const fromHandler = (req.url ?? '').startsWith(HANDLER_PREFIX);
    if (fromHandler) req.url = req.url!.slice(HANDLER_PREFIX.length) || '/';
    const isForm = String(req.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded');
    const params = isForm ? new URLSearchParams(body.toString('utf8')) : new URLSearchParams();
    const action = params.get('Action') ?? String(req.headers['x-amz-target'] ?? `${req.method} ${req.url}`);
    const zoneAnswer = await this.route53Answer(req, body);
    if (zoneAnswer) {
      this.calls.push({ action, status: zoneAnswer.status, region: signingRegion(req), fromHandler });
      const out = Buffer.from(`<?xml version="1.0" encoding="UTF-8"?>${zoneAnswer.body}`);
      res.writeHead(zoneAnswer.status, { 'content-type': 'text/xml', 'content-length': String(out.length) });
      res.end(out);
      return;
    }
    const local = LOCAL_ACTIONS[action];
    if (local) {
      const answer = this.answerLocally(req, params, local);
      this.calls.push({ action, status: answer.status, region: signingRegion(req), fromHandler });
      res.writeHead(answer.status, { 'content-type': 'text/xml', 'content-length': String(answer.body.length) });
      res.end(answer.body);
      return;
    }
    const upstream = await forward(this.target, req, body);
    let out = upstream.body;
    let status = upstream.status;
    let peeringStates: string[] | undefined;
    if (status === 200 && (action === 'DescribeVpcPeeringConnections' || action === 'DescribeVpcEndpoints')) {
      try {
        const doc = parseXml(out.toString('utf8'));
        if (action === 'DescribeVpcPeeringConnections') peeringStates = this.peeringAnswer(doc, params, signingRegion(req), fromHandler);
        else this.endpointAnswer(doc);
        out = Buffer.from(`<?xml version="1.0" encoding="UTF-8"?>${toXml(doc)}`);
      } catch (e) {
        status = 400;
        out = errorAnswer(e as Error);
      }
    }
    if (status === 200 && action === 'AssumeRole') this.shims()?.recordAssumedRole(params.get('RoleArn') ?? '', out.toString('utf8'));
    this.calls.push({ action, status, region: signingRegion(req), fromHandler, peeringStates });
    const headers = { ...upstream.headers, 'content-length': String(out.length) };
    delete headers['transfer-encoding'];
    res.writeHead(status, headers);
    res.end(out);
  }

  /** Route 53 association calls across accounts (shims.route53Answer), for the account that signed them. */
  private async route53Answer(req: http.IncomingMessage, body: Buffer): Promise<{ status: number; body: string } | undefined> {
    const urlPath = (req.url ?? '').split('?')[0];
    if (!urlPath.startsWith('/2013-04-01/hostedzone/')) return undefined;
    const shims = this.shims();
    const key = /Credential=([^/]+)\//.exec(String(req.headers.authorization ?? ''))?.[1] ?? '';
    const caller = shims?.accountOfKey(key);
    if (!shims || !caller) return undefined;
    return shims.route53Answer(caller, req.method ?? 'GET', urlPath, body.toString('utf8'));
  }

  /** An action the emulator lacks, answered by a shim for the account that signed the request. */
  private answerLocally(req: http.IncomingMessage, params: URLSearchParams, shim: LocalShim): { status: number; body: Buffer } {
    const shims = this.shims();
    const key = /Credential=([^/]+)\//.exec(String(req.headers.authorization ?? ''))?.[1] ?? '';
    const caller = shims?.accountOfKey(key);
    try {
      if (!shims || !caller) throw new Error(`AuthFailure: AWS was not able to validate the provided access credentials (${key || 'none'})`);
      return { status: 200, body: Buffer.from(`<?xml version="1.0" encoding="UTF-8"?>${shim(shims, caller, signingRegion(req), params)}`) };
    } catch (e) {
      return { status: 400, body: errorAnswer(e as Error) };
    }
  }

  private peeringAnswer(doc: XmlElement, params: URLSearchParams, region: string, fromHandler: boolean): string[] {
    const set = findDeep(doc, 'vpcPeeringConnectionSet');
    if (!set) return [];
    for (const item of set.children) {
      const view: PeeringView = {
        id: textAt(item, 'vpcPeeringConnectionId'),
        requesterVpcId: textAt(item, 'requesterVpcInfo', 'vpcId'),
        requesterCidr: textAt(item, 'requesterVpcInfo', 'cidrBlock'),
        accepterVpcId: textAt(item, 'accepterVpcInfo', 'vpcId'),
      };
      for (const { rule, seen } of this.rules) {
        if (textAt(item, 'status', 'code') !== 'active' || (rule.match && !rule.match(view)) || (rule.region && rule.region !== region)
          || (rule.handlersOnly && !fromHandler)) continue;
        const n = (seen.get(view.id) ?? 0) + 1;
        seen.set(view.id, n);
        if (n <= rule.calls) {
          setTextAt(item, rule.state, 'status', 'code');
          if (child(child(item, 'status'), 'message')) setTextAt(item, rule.state === 'provisioning' ? 'Provisioning' : rule.state, 'status', 'message');
        }
      }
    }
    filterPeeringConnections(set, queryFilters(params));
    return set.children.map((item) => textAt(item, 'status', 'code'));
  }

  /** Endpoint state AWS shows and the emulator does not: pendingAcceptance, and what a lattice endpoint is associated with. */
  private endpointAnswer(doc: XmlElement): void {
    const shims = this.shims();
    const set = findDeep(doc, 'vpcEndpointSet');
    if (!set || !shims) return;
    for (const item of set.children) {
      const id = textAt(item, 'vpcEndpointId');
      if (shims.pendingEndpoints.has(id) && child(item, 'state')) setTextAt(item, 'pendingAcceptance', 'state');
      const lattice = shims.latticeEndpoint(id);
      // VpcEndpoint (Amazon EC2 API Reference): resourceConfigurationArn, serviceNetworkArn.
      const arns: Array<[string, string | undefined]> = [['resourceConfigurationArn', lattice?.resourceConfigurationArn], ['serviceNetworkArn', lattice?.serviceNetworkArn]];
      for (const [name, value] of arns) {
        if (!value || child(item, name)) continue;
        item.children.push({ name, attrs: '', children: [], text: '' });
        setTextAt(item, value, name);
      }
    }
  }
}

type LocalShim = (shims: Shims, caller: string, region: string, params: URLSearchParams) => string;

/** EC2 actions the emulator does not implement, answered by shims. */
const LOCAL_ACTIONS: Record<string, LocalShim> = {
  DescribeVpcEndpointConnections: describeEndpointConnections,
  AcceptVpcEndpointConnections: acceptEndpointConnections,
};

/** An EC2 query-protocol error answer for an error thrown as `Code: message`. */
function errorAnswer(e: Error): Buffer {
  const m = /^([\w.]+): (.*)$/s.exec(e.message);
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return Buffer.from(`<?xml version="1.0" encoding="UTF-8"?><Response><Errors><Error><Code>${m?.[1] ?? 'InternalError'}</Code>`
    + `<Message>${esc(m?.[2] ?? e.message)}</Message></Error></Errors><RequestID>harness</RequestID></Response>`);
}

/** The Region of a SigV4-signed request (its credential scope). */
function signingRegion(req: http.IncomingMessage): string {
  return /Credential=[^/]+\/\d{8}\/([^/]+)\//.exec(String(req.headers.authorization ?? ''))?.[1] ?? '';
}

function readAll(req: http.IncomingMessage): Promise<Buffer> {
  return new Promise((res, rej) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => res(Buffer.concat(chunks)));
    req.on('error', rej);
  });
}

function forward(target: string, req: http.IncomingMessage, body: Buffer):
Promise<{ status: number; headers: http.OutgoingHttpHeaders; body: Buffer }> {
  const url = new URL(req.url ?? '/', target);
  return new Promise((res, rej) => {
    const headers = { ...req.headers, host: url.host };
    const up = http.request(url, { method: req.method, headers }, (r) => {
      const chunks: Buffer[] = [];
      r.on('data', (c: Buffer) => chunks.push(c));
      r.on('end', () => res({ status: r.statusCode ?? 502, headers: { ...r.headers }, body: Buffer.concat(chunks) }));
    });
    up.on('error', rej);
    up.end(body);
  });
}
