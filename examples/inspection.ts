import { App, Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import * as targets from 'aws-cdk-lib/aws-elasticloadbalancingv2-targets';
import * as iam from 'aws-cdk-lib/aws-iam';
import { networkEnv, PARTNER_ACCOUNT, SECONDARY_REGION } from './env';
import { GatewayLoadBalancerService, InspectionEndpoints } from '../src';

/**
 * Inspection example (distributed ingress and egress, eu-west-1): a firewall fleet behind a Gateway Load
 * Balancer in an appliance VPC, and an application VPC whose public subnets send their internet
 * traffic, both ways, through the Gateway Load Balancer endpoint of their own Availability Zone.
 */
export function addInspectionExample(app: App): void {
  // ---- provider: the appliance VPC and its endpoint service ----
  const applianceStack = new Stack(app, 'InspectionAppliances', { env: networkEnv(SECONDARY_REGION) });
  const applianceVpc = new ec2.Vpc(applianceStack, 'Vpc', {
    ipAddresses: ec2.IpAddresses.cidr('10.50.0.0/16'),
    maxAzs: 2,
    natGateways: 0,
    subnetConfiguration: [{ name: 'appliances', subnetType: ec2.SubnetType.PRIVATE_ISOLATED, cidrMask: 24 }],
  });
  const firewall = new GatewayLoadBalancerService(applianceStack, 'Firewall', {
    vpc: applianceVpc,
    // One appliance per zone (placeholders for a firewall vendor's instances or an Auto Scaling group).
    targets: [new targets.IpTarget('10.40.0.10'), new targets.IpTarget('10.40.1.10')],
    healthCheck: { protocol: elbv2.Protocol.HTTP, port: 8080, path: '/healthz' },
    allowedPrincipals: [new iam.AccountPrincipal(PARTNER_ACCOUNT)],
    // The network team's own VPCs are the consumers here; the partner's requests would still wait
    // for acceptance if this were left at its default.
    acceptanceRequired: false,
  });

  // ---- consumer: the application VPC, inspected ----
  const appStack = new Stack(app, 'InspectionApp', { env: networkEnv(SECONDARY_REGION) });
  const appVpc = new ec2.Vpc(appStack, 'Vpc', {
    ipAddresses: ec2.IpAddresses.cidr('10.51.0.0/16'),
    maxAzs: 2,
    natGateways: 0,
    subnetConfiguration: [
      // A small public subnet per zone for the endpoints: its default route leads to the internet gateway.
      // No public IP on launch: addresses are given deliberately (Control Tower CT.EC2.PR.11).
      { name: 'inspection', subnetType: ec2.SubnetType.PUBLIC, cidrMask: 28, mapPublicIpOnLaunch: false },
      // The protected subnets: public load balancers, bastions, NAT gateways.
      { name: 'public', subnetType: ec2.SubnetType.PUBLIC, cidrMask: 24, mapPublicIpOnLaunch: false },
      { name: 'app', subnetType: ec2.SubnetType.PRIVATE_ISOLATED, cidrMask: 24 },
    ],
  });
  new InspectionEndpoints(appStack, 'Inspect', {
    vpc: appVpc,
    service: firewall,
    endpointSubnets: { subnetGroupName: 'inspection' },
    protectedSubnets: { subnetGroupName: 'public' },
  });
}
