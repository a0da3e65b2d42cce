/**
 * The AWS services an interface endpoint may reach in another region of its partition
 * (cross-region AWS PrivateLink to AWS services), and the checks of `serviceRegion`.
 *
 * Source: AWS PrivateLink guide, "Cross-region enabled AWS services"
 * (https://docs.aws.amazon.com/vpc/latest/privatelink/aws-services-cross-region-privatelink-support.html,
 * and its China edition on docs.amazonaws.cn), read {@link CROSS_REGION_SERVICES_AS_OF}.
 * Services AWS adds later are accepted through the `crossRegionServices` prop of an
 * `InterfaceEndpointSet` or the {@link CROSS_REGION_SERVICES_CONTEXT_KEY} context key.
 *
 * Internal (not re-exported by index.ts).
 */
import { Token } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { isServiceNameShaped } from './service-name';
import { fail } from '../core/errors';
import { checkRegionName } from '../core/region-names';
import { Rules } from '../core/rules';
import { show, warn } from '../core/warnings';
import { partitionOf } from '../net/regions';

/** When the table below was read from AWS's page. */
export const CROSS_REGION_SERVICES_AS_OF = '2026-11-26';

/** The page the table below comes from. */
export const CROSS_REGION_SERVICES_SOURCE = 'AWS PrivateLink guide, "Cross-region enabled AWS services"';

/** Context key: short names of further services to accept with `serviceRegion` (e.g. `["sqs"]`). */
export const CROSS_REGION_SERVICES_CONTEXT_KEY = 'cdk-private-connectivity:cross-region-services';

/** One service of the table. */
export interface CrossRegionService {
  /** The short name in the service name (`s3`, `ecr.api`). */
  readonly shortName: string;
  /** The partitions whose edition of the page lists it. */
  readonly partitions: readonly string[];
  /**
   * Whether the service name has no region (`com.amazonaws.iam`): the page lists it that way.
   * @default false
   */
  readonly global?: boolean;
}

const AWS_AND_CN = ['aws', 'aws-cn'];

/**
 * The services AWS lists as cross-region enabled, per partition edition of the page.
 * ("Cross-region enabled AWS services": Amazon S3, IAM, Amazon ECR, AWS KMS, Amazon ECS, AWS Lambda,
 * Amazon Data Firehose, Amazon Managed Service for Apache Flink, Amazon Route 53; the China edition
 * lists the same services, with kms-fips and kinesisanalytics-fips as in the global edition.)
 */
export const CROSS_REGION_SERVICES: readonly CrossRegionService[] = [
  { shortName: 's3', partitions: AWS_AND_CN },
  { shortName: 'iam', partitions: AWS_AND_CN, global: true },
  { shortName: 'ecr.api', partitions: AWS_AND_CN },
  { shortName: 'ecr.dkr', partitions: AWS_AND_CN },
  { shortName: 'kms', partitions: AWS_AND_CN },
  { shortName: 'kms-fips', partitions: AWS_AND_CN },
  { shortName: 'ecs', partitions: AWS_AND_CN },
  { shortName: 'lambda', partitions: AWS_AND_CN },
  { shortName: 'kinesis-firehose', partitions: AWS_AND_CN },
  { shortName: 'kinesisanalytics', partitions: AWS_AND_CN },
  { shortName: 'kinesisanalytics-fips', partitions: AWS_AND_CN },
  { shortName: 'route53', partitions: AWS_AND_CN, global: true },
];

/** The entry of a short name, if the table (or the extra names) holds it for `partition`. */
export function crossRegionService(shortName: string, partition: string | undefined, extra: readonly string[] = []): CrossRegionService | undefined {
  if (extra.includes(shortName)) return { shortName, partitions: partition === undefined ? [] : [partition] };
  return CROSS_REGION_SERVICES.find((s) => s.shortName === shortName && (partition === undefined || s.partitions.includes(partition)));
}

/** The short names listed for `partition` (every partition when unknown), for messages. */
export function crossRegionServiceNames(partition: string | undefined, extra: readonly string[] = []): string[] {
  const listed = CROSS_REGION_SERVICES.filter((s) => partition === undefined || s.partitions.includes(partition)).map((s) => s.shortName);
  return [...new Set([...listed, ...extra])];
}

/**
 * The extra service names of the prop and the context key, refused when not shaped like short
 * service names (a full name would never match a short one).
 */
export function extraCrossRegionServices(scope: IConstruct, prop: readonly string[] | undefined): string[] {
  const fromContext: unknown = scope.node.tryGetContext(CROSS_REGION_SERVICES_CONTEXT_KEY);
  const contextList = fromContext === undefined ? [] : fromContext;
  const check = (list: unknown, where: string): string[] => {
    if (!Array.isArray(list) || list.some((n) => typeof n !== 'string' || !isServiceNameShaped(n) || n.startsWith('com.amazonaws.'))) {
      fail(scope, Rules.ENDPOINT_SERVICE_NAME_INVALID, {
        prop: where,
        received: show(list),
        rule: 'extra cross-region services are a list of short service names, e.g. ["sqs"]',
      });
    }
    return list as string[];
  };
  return [...check(contextList, `context '${CROSS_REGION_SERVICES_CONTEXT_KEY}'`), ...check(prop ?? [], 'crossRegionServices')];
}

/** What the set does with `serviceRegion`. */
export interface ServiceRegionCheck {
  /** The service region to put on the endpoints, when it is another region than the VPC's. */
  readonly serviceRegion?: string;
  /** Whether the short names must be checked against the table (a literal other region). */
  readonly checkServices: boolean;
}

/**
 * Check `serviceRegion` against the VPC's region: a region name, of the VPC's partition. A token
 * warns (partition and services cannot be checked). The VPC's own region is not cross-region.
 */
export function checkServiceRegion(scope: IConstruct, serviceRegion: string | undefined, vpcRegion: string | undefined): ServiceRegionCheck {
  if (serviceRegion === undefined) return { checkServices: false };
  if (Token.isUnresolved(serviceRegion)) {
    warn(scope, Rules.ENDPOINT_SERVICE_REGION_UNKNOWN, {
      prop: 'serviceRegion',
      received: show(serviceRegion),
      rule: 'the partition of the service region and whether the services support cross-region access cannot be checked at synth',
    });
    return { serviceRegion, checkServices: false };
  }
  checkRegionName(scope, 'serviceRegion', serviceRegion);
  if (vpcRegion === undefined) return { serviceRegion, checkServices: true };
  if (serviceRegion === vpcRegion) return { checkServices: false };
  const [p, q] = [partitionOf(vpcRegion), partitionOf(serviceRegion)];
  if (p !== q) {
    // Partitions share no private path: each edition of "Cross-region enabled AWS services" (AWS PrivateLink
    // guide) lists the service names of its own partition only (cn.com.amazonaws.<region>.s3 in China).
    fail(scope, Rules.ENDPOINT_CROSS_REGION_PARTITION, {
      prop: 'serviceRegion',
      received: `${JSON.stringify(serviceRegion)} is in partition ${q}, the VPC in ${vpcRegion} (partition ${p})`,
      rule: 'an interface endpoint reaches AWS services in other regions of its own partition only',
    });
  }
  return { serviceRegion, checkServices: true };
}
