import { App } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { estimateCost } from '../../src/analysis/cost';
import { readTopology } from '../../src/analysis/topology';
import { ConnectivityGraph } from '../../src/core/graph';
import { InterfaceEndpointService, InterfaceEndpointSet } from '../../src/endpoints';
import { PRICES } from '../../src/net/prices';
import { stackIn, vpcIn } from '../peering/helpers';

/** One VPC in us-east-1 with an S3 interface endpoint set in `serviceRegion` (or the VPC's own region). */
function topologyWith(serviceRegion?: string) {
  const app = new App();
  const s = stackIn(app, 'Net');
  const vpc = vpcIn(s, 'A', '10.0.0.0/16');
  new InterfaceEndpointSet(s, 'S3', {
    vpc,
    services: [InterfaceEndpointService.of('s3')],
    subnets: { subnetType: ec2.SubnetType.PRIVATE_ISOLATED },
    serviceRegion,
  });
  return readTopology(ConnectivityGraph.of(app));
}

describe('the report: cross-region interface endpoints', () => {
  test('the link carries the service region and a note', () => {
    const t = topologyWith('us-west-2');
    const link = t.links.find((l) => l.kind === 'interface-endpoint');
    expect(link).toEqual(expect.objectContaining({
      from: 'Net/A', to: 'com.amazonaws.us-west-2.s3', serviceRegion: 'us-west-2', note: 'cross-region: service in us-west-2',
    }));
  });

  test('the cost estimate adds the inter-region rate as data to the service region', () => {
    const cost = estimateCost(topologyWith('us-west-2'));
    expect(cost.rates).toContainEqual({
      item: 'data to the service region (cross-region interface endpoints to us-west-2)',
      usd: PRICES.interRegionPerGb.usd,
      unit: PRICES.interRegionPerGb.unit,
      source: PRICES.interRegionPerGb.source,
    });
  });

  test('control: an endpoint in the VPC\'s own region has no note and no inter-region rate', () => {
    const t = topologyWith();
    const link = t.links.find((l) => l.kind === 'interface-endpoint');
    expect(link?.note).toBeUndefined();
    expect(link?.serviceRegion).toBeUndefined();
    expect(estimateCost(t).rates.map((r) => r.item)).not.toContainEqual(expect.stringMatching(/service region|inter-region/));
  });
});
