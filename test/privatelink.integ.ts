// Integration snapshot: a PrivateLink service and consumers in another stack, another account and another region.
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import * as iam from 'aws-cdk-lib/aws-iam';
import { integApp, integStack, integVpc } from './integ-app';
import { PrivateLinkEndpoint, PrivateLinkService } from '../src';

const app = integApp();

const provider = integStack(app, 'LinkProvider', '111111111111', 'us-east-1');
const svc = new PrivateLinkService(provider, 'Orders', {
  vpc: integVpc(provider, 'Vpc', '10.0.0.0/16'),
  listeners: [{ port: 443, targetType: elbv2.TargetType.IP }],
  allowedPrincipals: [new iam.AccountPrincipal('222222222222')],
  supportedRegions: ['eu-west-1'],
  availabilityZoneIds: [{ name: 'us-east-1a', id: 'use1-az1' }, { name: 'us-east-1b', id: 'use1-az2' }],
});

// Same account and region, another stack: plain references.
const local = integStack(app, 'LinkConsumer', '111111111111', 'us-east-1');
new PrivateLinkEndpoint(local, 'Client', { vpc: integVpc(local, 'Vpc', '10.1.0.0/16'), service: svc });

const serviceName = 'com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0';

// Another account: zones matched by AZ ID.
const partner = integStack(app, 'LinkPartner', '222222222222', 'us-east-1');
new PrivateLinkEndpoint(partner, 'Client', {
  vpc: integVpc(partner, 'Vpc', '10.0.0.0/16'),
  service: PrivateLinkService.fromServiceAttributes(partner, 'Orders', {
    serviceName,
    ports: [{ port: 443 }],
    availabilityZoneIds: ['use1-az1', 'use1-az2'],
  }),
  availabilityZoneIds: [{ name: 'us-east-1a', id: 'use1-az2' }, { name: 'us-east-1b', id: 'use1-az1' }],
});

// Another region: ServiceRegion on the endpoint.
const remote = integStack(app, 'LinkRemote', '111111111111', 'eu-west-1');
new PrivateLinkEndpoint(remote, 'Client', {
  vpc: integVpc(remote, 'Vpc', '10.2.0.0/16'),
  service: PrivateLinkService.fromServiceAttributes(remote, 'Orders', {
    serviceName,
    ports: [{ port: 443 }],
    supportedRegions: ['eu-west-1'],
  }),
});

app.synth();
