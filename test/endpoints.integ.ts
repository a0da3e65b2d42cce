// Integration snapshot: gateway and interface endpoint sets in a VPC with no NAT gateway.
import { integApp, integStack, integVpc } from './integ-app';
import { EndpointPolicy, GatewayEndpointSet, InterfaceEndpointService, InterfaceEndpointSet } from '../src';

const app = integApp();
const stack = integStack(app, 'Endpoints', '111111111111', 'us-east-1');
const vpc = integVpc(stack, 'Vpc', '10.0.0.0/16');
new GatewayEndpointSet(stack, 'Gateways', { vpc, policy: EndpointPolicy.restrictTo({ principalOrgIds: ['o-abcdef1234'] }) });
new InterfaceEndpointSet(stack, 'Ops', {
  vpc,
  services: [...InterfaceEndpointService.SSM_SESSION_MANAGER, ...InterfaceEndpointService.ECR_IMAGE_PULL, InterfaceEndpointService.LOGS],
});

// The same services in GovCloud: names per partition.
const gov = integStack(app, 'EndpointsGov', '111111111111', 'us-gov-west-1');
new GatewayEndpointSet(gov, 'Gateways', { vpc: integVpc(gov, 'Vpc', '10.0.0.0/16'), policy: EndpointPolicy.allowAll() });

app.synth();
