// SDK v3 clients against the emulator, with credentials of the account they act for.
import { EC2Client } from '@aws-sdk/client-ec2';
import { ElasticLoadBalancingV2Client } from '@aws-sdk/client-elastic-load-balancing-v2';
import { IAMClient } from '@aws-sdk/client-iam';
import { Route53Client } from '@aws-sdk/client-route-53';
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';

/** Static credentials of one emulated account. */
export interface Credentials {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken?: string;
}

/** The partition of a region (aws, aws-cn, aws-us-gov). */
export function partitionOf(region: string): string {
  if (region.startsWith('cn-')) return 'aws-cn';
  if (region.startsWith('us-gov-')) return 'aws-us-gov';
  return 'aws';
}

/** Clients for one account and region, talking to `endpoint`. */
export interface Clients {
  readonly account: string;
  readonly region: string;
  readonly credentials: Credentials;
  readonly ec2: EC2Client;
  readonly elbv2: ElasticLoadBalancingV2Client;
  readonly iam: IAMClient;
  readonly route53: Route53Client;
  readonly sts: STSClient;
}

/**
 * Hands out clients per account and region. moto keys accounts by credentials: STS AssumeRole
 * into `arn:<partition>:iam::<account>:role/deploy` yields credentials of that account.
 */
export class AwsAccounts {
  private readonly creds = new Map<string, Promise<Credentials>>();
  private readonly clients = new Map<string, Clients>();
  private readonly keyOwners = new Map<string, string>();

  constructor(public readonly endpoint: string) {}

  /** Credentials of `account` (in the partition of `region`). */
  public credentials(account: string, region: string): Promise<Credentials> {
    const key = `${account}/${partitionOf(region)}`;
    let c = this.creds.get(key);
    if (!c) {
      c = this.assume(`arn:${partitionOf(region)}:iam::${account}:role/deploy`, region, {
        accessKeyId: 'harness', secretAccessKey: 'harness',
      });
      this.creds.set(key, c);
    }
    return c;
  }

  /** Assume `roleArn` with `as` credentials. */
  public async assume(roleArn: string, region: string, as: Credentials): Promise<Credentials> {
    const sts = new STSClient(this.config(region, as));
    const out = await sts.send(new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: 'deploy' }));
    const c = out.Credentials!;
    this.keyOwners.set(c.AccessKeyId!, /^arn:[^:]+:iam::(\d{12}):/.exec(roleArn)?.[1] ?? '');
    return { accessKeyId: c.AccessKeyId!, secretAccessKey: c.SecretAccessKey!, sessionToken: c.SessionToken };
  }

  /** The account whose credentials carry this access key ID (undefined for keys the harness did not hand out). */
  public accountOfKey(accessKeyId: string): string | undefined {
    return this.keyOwners.get(accessKeyId) || undefined;
  }

  /** Clients of `account` in `region`. */
  public async for(account: string, region: string): Promise<Clients> {
    const key = `${account}/${region}`;
    const found = this.clients.get(key);
    if (found) return found;
    const credentials = await this.credentials(account, region);
    return this.withCredentials(account, region, credentials, key);
  }

  /** Clients that act with the given credentials (e.g. an assumed role's). */
  public withCredentials(account: string, region: string, credentials: Credentials, cacheKey?: string): Clients {
    const cfg = this.config(region, credentials);
    const clients: Clients = {
      account,
      region,
      credentials,
      ec2: new EC2Client(cfg),
      elbv2: new ElasticLoadBalancingV2Client(cfg),
      iam: new IAMClient(cfg),
      route53: new Route53Client(cfg),
      sts: new STSClient(cfg),
    };
    if (cacheKey) this.clients.set(cacheKey, clients);
    return clients;
  }

  /** Close every client's connections and forget cached credentials. */
  public destroy(): void {
    for (const c of this.clients.values()) [c.ec2, c.elbv2, c.iam, c.route53, c.sts].forEach((x) => x.destroy());
    this.creds.clear();
    this.clients.clear();
    this.keyOwners.clear();
  }

  private config(region: string, credentials: Credentials) {
    return { region, endpoint: this.endpoint, credentials, maxAttempts: 2 };
  }
}
