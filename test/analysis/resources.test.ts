// PrivateLink for VPC resources in the graph and the report: a `privatelink-resource` connection
// from the consumer's VPC to the provider's, on the resource's ports, whatever the CIDR blocks.
import * as fs from 'fs';
import * as path from 'path';
import { App } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { ConnectivityGraph, ConnectivityReport, EndpointKind, InterfaceEndpointService, InterfaceEndpointSet, ReachabilityStatus } from '../../src';
import { ConnectivityReportData } from '../../src/analysis/document';
import { toMermaid } from '../../src/analysis/mermaid';
import { toSvg } from '../../src/analysis/svg';
import { PrivateLinkResource, PrivateLinkResourceEndpoint, ResourceTarget } from '../../src/resources';
import { AZ_IDS, isolatedVpc, newApp, PARTNER, stackIn, synthErrors } from '../resources/fixtures';

const IMPORTED_ARN = 'arn:aws:vpc-lattice:us-east-1:111111111111:resourceconfiguration/rcfg-0123456789abcdef0';
const SERVICE_NETWORK_ARN = 'arn:aws:vpc-lattice:us-east-1:111111111111:servicenetwork/sn-0123456789abcdef0';

/** A provider sharing a database on 5432 and 8000-8001, and a consumer whose VPC overlaps the provider's. */
function estate(context: Record<string, unknown> = {}) {
  const app = newApp({ ...AZ_IDS, ...context });
  const provider = stackIn(app, 'Provider');
  const consumer = stackIn(app, 'Consumer');
  const providerVpc = isolatedVpc(provider, 'Vpc', '10.60.0.0/16');
  const consumerVpc = isolatedVpc(consumer, 'Vpc', '10.60.0.0/16'); // the same block: PrivateLink does not care
  const db = new PrivateLinkResource(provider, 'OrdersDb', {
    vpc: providerVpc,
    target: ResourceTarget.dnsName('orders-db.internal.example.com'),
    portRanges: ['5432', '8000-8001'],
    allowedPrincipals: [new iam.AccountPrincipal(PARTNER)],
  });
  const endpoint = new PrivateLinkResourceEndpoint(consumer, 'OrdersDbEndpoint', { vpc: consumerVpc, resource: db });
  return { app, provider, consumer, providerVpc, consumerVpc, db, endpoint };
}

function reportOf(app: App): { data: ConnectivityReportData; markdown: string } {
  const dir = app.synth().directory;
  return {
    data: JSON.parse(fs.readFileSync(path.join(dir, ConnectivityReport.JSON_FILE), 'utf-8')),
    markdown: fs.readFileSync(path.join(dir, ConnectivityReport.MARKDOWN_FILE), 'utf-8'),
  };
}

describe('the graph', () => {
  test('a resource endpoint is a privatelink-resource connection (consumer → provider) and a Resource endpoint', () => {
    // GIVEN / WHEN
    const { app, consumerVpc, providerVpc, endpoint, db } = estate();
    const graph = ConnectivityGraph.of(app);

    // THEN
    const connections = graph.connections.filter((c) => c.owner === endpoint);
    expect(connections.map((c) => [c.kind, c.source, c.target, c.ports])).toEqual([
      ['privatelink-resource', consumerVpc, providerVpc, [5432, 8000, 8001]],
    ]);
    const endpoints = graph.endpoints.filter((e) => e.owner === endpoint);
    expect(endpoints.map((e) => [e.kind, e.vpc, e.serviceName])).toEqual([[EndpointKind.RESOURCE, consumerVpc, db.resourceConfigurationArn]]);
    expect(synthErrors(app)).toBe('');
  });

  test('a service-network endpoint is a ServiceNetwork endpoint named by its ARN', () => {
    // GIVEN
    const app = newApp(AZ_IDS);
    const stack = stackIn(app, 'Consumer');
    const vpc = isolatedVpc(stack, 'Vpc', '10.61.0.0/16');

    // WHEN
    const endpoint = new PrivateLinkResourceEndpoint(stack, 'Lattice', { vpc, serviceNetworkArn: SERVICE_NETWORK_ARN, portRanges: ['443'] });

    // THEN
    const graph = ConnectivityGraph.of(app);
    expect(graph.endpoints.filter((e) => e.owner === endpoint).map((e) => [e.kind, e.serviceName]))
      .toEqual([[EndpointKind.SERVICE_NETWORK, SERVICE_NETWORK_ARN]]);
    const { data } = reportOf(app);
    expect(data.connections).toEqual([{ kind: 'privatelink-resource', from: 'Consumer/Vpc', to: SERVICE_NETWORK_ARN, owner: 'Consumer/Lattice', ports: [443] }]);
  });

  test('a resource endpoint uses none of the interface endpoint quota (which counts interface and GWLB endpoints only)', () => {
    // GIVEN: a quota of one interface endpoint per VPC
    const withInterface = (extra: boolean) => {
      const e = estate();
      ConnectivityGraph.of(e.app).declareQuotas({ interfaceEndpointsPerVpc: 1 });
      new InterfaceEndpointSet(e.consumer, 'Ops', {
        vpc: e.consumerVpc,
        services: extra ? [InterfaceEndpointService.SSM, InterfaceEndpointService.SSM_MESSAGES] : [InterfaceEndpointService.SSM],
      });
      return e.app;
    };

    // WHEN / THEN: one interface endpoint and the resource endpoint fit; two interface endpoints do not
    expect(synthErrors(withInterface(false))).toBe('');
    expect(synthErrors(withInterface(true))).toMatch(/interface endpoints in VPC Consumer\/Vpc 2; a VPC may have 1 interface and Gateway Load Balancer endpoints.*\[cdk-private-connectivity:graph-interface-endpoint-quota\]/);
  });
});

describe('explain', () => {
  test('the consumer reaches the provider over the resource endpoint, on the resource\'s ports, overlap or not', () => {
    // GIVEN
    const { app, consumerVpc, providerVpc } = estate();

    // WHEN
    const answer = ConnectivityGraph.of(app).explain(consumerVpc, providerVpc);

    // THEN
    expect(answer).toMatchObject({
      reachable: true,
      status: ReachabilityStatus.REACHABLE,
      path: ['Consumer/Vpc', 'privatelink-resource Consumer/OrdersDbEndpoint', 'Provider/Vpc'],
      ports: [5432, 8000, 8001],
    });
    expect(answer.notes).toEqual(['consumer to the shared resource only, on ports 5432, 8000, 8001; overlapping CIDR blocks do not matter']);
  });

  test('the provider does not reach the consumer: the connection is one-directional', () => {
    // GIVEN
    const { app, consumerVpc, providerVpc } = estate();

    // WHEN
    const answer = ConnectivityGraph.of(app).explain(providerVpc, consumerVpc);

    // THEN
    expect(answer.status).toBe(ReachabilityStatus.UNREACHABLE);
    expect(answer.reasons).toEqual([expect.stringMatching(
      /^PrivateLink for VPC resources is one-directional: Consumer\/Vpc reaches a resource shared from Provider\/Vpc \(Consumer\/OrdersDbEndpoint\), not the reverse/)]);
  });
});

describe('the report', () => {
  test('one privatelink-resource connection, its reachability and ports; no interface endpoint counted or priced', () => {
    // GIVEN
    const { app } = estate();

    // WHEN
    const { data, markdown } = reportOf(app);

    // THEN
    expect(data.connections).toEqual([
      { kind: 'privatelink-resource', from: 'Consumer/Vpc', to: 'Provider/Vpc', owner: 'Consumer/OrdersDbEndpoint', ports: [5432, 8000, 8001] },
    ]);
    expect(data.reachability.find((r) => r.from === 'Consumer/Vpc' && r.to === 'Provider/Vpc')).toMatchObject({
      reachable: true, via: ['privatelink-resource'], ports: [5432, 8000, 8001],
    });
    expect(data.reachability.find((r) => r.from === 'Provider/Vpc' && r.to === 'Consumer/Vpc')).toMatchObject({ reachable: false });
    expect(data.quotas.filter((q) => q.quota === 'interfaceEndpointsPerVpc').map((q) => [q.subject, q.used]).sort()).toEqual([['Consumer/Vpc', 0], ['Provider/Vpc', 0]]);
    expect(data.cost.lines.filter((l) => /interface endpoints/.test(l.item))).toEqual([]);
    expect(data.cost.notes).toEqual(['1 resource or service-network endpoint(s) (PrivateLink for VPC resources): no list price in src/net/prices.ts, not included']);
    expect(markdown).toContain('privatelink-resource');
  });

  test('the diagrams draw a consumer → provider edge labelled with the ports', () => {
    // GIVEN
    const { app } = estate();
    const { data } = reportOf(app);

    // WHEN
    const mermaid = toMermaid(data);
    const svg = toSvg(data);

    // THEN
    const id = (p: string) => `v${data.vpcs.findIndex((v) => v.path === p)}`;
    expect(mermaid).toContain(`  ${id('Consumer/Vpc')} -->|"privatelink-resource :5432,8000,8001"| ${id('Provider/Vpc')}`);
    expect(svg).toContain('>resource :5432,8000,8001</text>');
    expect(svg).toContain('marker-end="url(#arrow-privatelink-resource)"');
    expect(svg).toContain('>PrivateLink for VPC resources: consumer to resource, its ports</text>');
  });

  test('a resource defined elsewhere is reached as its resource configuration ARN, on its ports', () => {
    // GIVEN
    const app = newApp(AZ_IDS);
    const stack = stackIn(app, 'Consumer', 'us-east-1', PARTNER);
    const vpc = isolatedVpc(stack, 'Vpc', '10.61.0.0/16');

    // WHEN
    new PrivateLinkResourceEndpoint(stack, 'OrdersDbEndpoint', {
      vpc,
      resource: PrivateLinkResource.fromResourceAttributes(stack, 'OrdersDb', { resourceConfigurationArn: IMPORTED_ARN, portRanges: ['5432'] }),
    });

    // THEN
    const { data } = reportOf(app);
    expect(data.connections).toEqual([{ kind: 'privatelink-resource', from: 'Consumer/Vpc', to: IMPORTED_ARN, owner: 'Consumer/OrdersDbEndpoint', ports: [5432] }]);
    expect(data.reachability.filter((r) => r.to === IMPORTED_ARN)).toEqual([{
      from: 'Consumer/Vpc',
      to: IMPORTED_ARN,
      reachable: true,
      status: 'reachable',
      via: ['privatelink-resource'],
      path: ['Consumer/Vpc', 'privatelink-resource Consumer/OrdersDbEndpoint', IMPORTED_ARN],
      ports: [5432],
      reasons: [],
    }]);
    expect(toMermaid(data)).toContain('v0 -->|"privatelink-resource :5432"| s0');
  });
});
