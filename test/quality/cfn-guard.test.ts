import * as fs from 'fs';
import * as path from 'path';
import { CfnGuardValidator } from '@cdklabs/cdk-validator-cfnguard';
import { App, Stack, Validations } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import { adHocApp, FLAG_VARIANTS, FlagVariant, JudgedApp, JUDGED_APPS, tempDir } from './judged-apps';
import { PrivateLinkService } from '../../src';

/**
 * cfn-guard with the AWS Control Tower proactive controls that `@cdklabs/cdk-validator-cfnguard`
 * ships (binary and rules, offline), as a validation plugin of the example and integration apps.
 * The library's own resources have no finding: each is fixed, or acknowledged on the construct
 * that creates it with the reason (src/core/nag.ts). Findings on resources the apps themselves
 * add (fixture VPCs, the example's workload) are acknowledged here.
 */

/** A finding on a resource the judged app adds itself, not the library. */
interface FixtureFinding {
  /** The guard rule names (the Control Tower control is in each finding's description). */
  readonly rules: string[];
  /** Construct paths the finding may be on. */
  readonly path: RegExp;
  /** Why it stays. */
  readonly reason: string;
}

const FIXTURE_FINDINGS: FixtureFinding[] = [
  {
    rules: ['lambda_inside_vpc_check'], // CT.LAMBDA.PR.3
    path: /^[^/]+\/Custom::VpcRestrictDefaultSGCustomResourceProvider\/Handler$/,
    reason: 'The function ec2.Vpc adds to the apps\' own VPCs under @aws-cdk/aws-ec2:restrictDefaultSecurityGroup '
      + '(strips the default security group\'s rules); the library creates no VPC.',
  },
  {
    rules: ['ec2_instance_nitro_encryption_in_transit_check', 'ec2_instance_no_public_ip_check'], // CT.EC2.PR.19, CT.EC2.PR.8
    path: /^EndpointsVpc\/Worker\/Resource$/,
    reason: 'The example\'s own workload instance (a t3.micro in an isolated subnet), which stands for the user\'s.',
  },
  {
    rules: [ // CT.S3.PR.2, .4, .6, .9, .10, .11
      's3_bucket_logging_enabled_check', 's3_event_notifications_enabled_check', 's3_lifecycle_policy_check',
      's3_bucket_object_lock_enabled_check', 's3_bucket_default_encryption_kms_check', 's3_bucket_versioning_enabled_check',
    ],
    path: /^EndpointsVpc\/Reports\/Resource$/,
    reason: 'The example\'s own bucket, which the gateway endpoint policy is narrowed to; it stands for the user\'s.',
  },
];

/** One finding of the guard plugin on one construct. */
interface GuardFinding {
  readonly rule: string;
  readonly control: string;
  readonly path: string;
}

/** One finding acknowledged through `Validations.acknowledge`, with where and why. */
interface Acknowledged extends GuardFinding {
  readonly acknowledgedAt: string;
  readonly reason: string;
}

const PLUGIN = 'cdk-validator-cfnguard';

/** The guard plugin's open and acknowledged findings in the validation report of `outdir`. */
function guardReport(outdir: string): { open: GuardFinding[]; acknowledged: Acknowledged[] } {
  const file = path.join(outdir, 'validation-report.json');
  const reports: any[] = fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')).pluginReports : [];
  const report = reports.find((r) => r.pluginName === PLUGIN) ?? { violations: [], suppressedViolations: [] };
  const findings = (v: any): GuardFinding[] => v.violatingConstructs.map((c: any) => ({
    rule: v.ruleName,
    control: /^\[([^\]]+)\]/.exec(v.description)?.[1] ?? v.description,
    path: c.constructPath,
  }));
  return {
    open: (report.violations ?? []).flatMap(findings),
    acknowledged: (report.suppressedViolations ?? []).flatMap((v: any) => findings(v).map((f) => ({
      ...f, acknowledgedAt: v.acknowledgedAt, reason: v.reason,
    }))),
  };
}

/** Synthesize `app` under `variant` with the guard plugin; its findings. */
function judge(app: JudgedApp, variant: FlagVariant) {
  const outdir = tempDir('cfn-guard-');
  try {
    app.synth(outdir, variant, (a) => Validations.of(a).addPlugins(new CfnGuardValidator()));
    return guardReport(outdir);
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
}

const show = (f: GuardFinding) => `${f.control} (${f.rule}) on ${f.path}`;

/** The fixture finding that explains `f`, if any. */
const fixtureFor = (f: GuardFinding) => FIXTURE_FINDINGS.find((x) => x.rules.includes(f.rule) && x.path.test(f.path));

/** An isolated two-AZ VPC with fixed AZs (no lookup). */
function probeVpc(stack: Stack, id: string): ec2.Vpc {
  return new ec2.Vpc(stack, id, {
    ipAddresses: ec2.IpAddresses.cidr('10.0.0.0/16'),
    availabilityZones: ['us-east-1a', 'us-east-1b'],
    natGateways: 0,
    subnetConfiguration: [{ name: 'app', subnetType: ec2.SubnetType.PRIVATE_ISOLATED, cidrMask: 24 }],
  });
}

/** Two PrivateLink services (defaults, and cross-zone on) beside a plain Network Load Balancer. */
const PROBE = adHocApp('probe', (app: App) => {
  const stack = new Stack(app, 'Probe', { env: { account: '111111111111', region: 'us-east-1' } });
  const vpc = probeVpc(stack, 'Vpc');
  new PrivateLinkService(stack, 'Default', { vpc, listeners: [{ port: 443 }] });
  new PrivateLinkService(stack, 'CrossZone', { vpc, listeners: [{ port: 443 }], crossZoneEnabled: true });
  new elbv2.NetworkLoadBalancer(stack, 'Plain', { vpc });
});

describe('cfn-guard with the Control Tower proactive controls', () => {
  const results = new Map<string, ReturnType<typeof judge>>();
  const key = (variant: FlagVariant, app: JudgedApp) => `${variant.name} ${app.name}`;

  beforeAll(() => {
    for (const variant of FLAG_VARIANTS) {
      for (const app of JUDGED_APPS) results.set(key(variant, app), judge(app, variant));
    }
  }, 900_000);

  describe.each(FLAG_VARIANTS)('under $name', (variant) => {
    test.each(JUDGED_APPS.map((a) => [a.name, a] as const))('%s: no finding on a library resource', (_name, app) => {
      const { open, acknowledged } = results.get(key(variant, app))!;

      // Every open finding is on a fixture, for a reason given above.
      expect(open.filter((f) => fixtureFor(f) === undefined).map(show)).toEqual([]);
      // The library's acknowledgements are on the constructs it creates (never an app or a stack), with a reason.
      for (const a of acknowledged) {
        expect(`${show(a)} at ${a.acknowledgedAt}`).toMatch(/ at [^/]+\/.+$/);
        expect(a.reason.length).toBeGreaterThan(80);
      }
    });
  });

  test('every fixture acknowledgement is still needed', () => {
    const open = [...results.values()].flatMap((r) => r.open);
    expect(FIXTURE_FINDINGS.filter((x) => !open.some((f) => fixtureFor(f) === x)).map((x) => x.rules.join(', '))).toEqual([]);
  });

  describe('the judge is live, and the library acknowledges only its own load balancer', () => {
    let probe: ReturnType<typeof judge>;
    beforeAll(() => { probe = judge(PROBE, FLAG_VARIANTS[0]); }, 300_000);
    const on = (findings: GuardFinding[], construct: string) => findings.filter((f) => f.path.startsWith(`Probe/${construct}/`)).map((f) => f.control).sort();

    test('a plain Network Load Balancer is reported', () => {
      expect(on(probe.open, 'Plain')).toEqual(['CT.ELASTICLOADBALANCING.PR.14', 'CT.ELASTICLOADBALANCING.PR.5', 'CT.ELASTICLOADBALANCING.PR.6']);
    });

    test('a PrivateLinkService with defaults: cross-zone off, deletion protection off and no access logs, acknowledged', () => {
      expect(on(probe.open, 'Default')).toEqual([]);
      expect(on(probe.acknowledged, 'Default')).toEqual(['CT.ELASTICLOADBALANCING.PR.14', 'CT.ELASTICLOADBALANCING.PR.5', 'CT.ELASTICLOADBALANCING.PR.6']);
    });

    test('a PrivateLinkService with crossZoneEnabled passes CT.ELASTICLOADBALANCING.PR.14 without an acknowledgement', () => {
      expect(on(probe.open, 'CrossZone')).toEqual([]);
      expect(on(probe.acknowledged, 'CrossZone')).toEqual(['CT.ELASTICLOADBALANCING.PR.5', 'CT.ELASTICLOADBALANCING.PR.6']);
    });
  });
});
