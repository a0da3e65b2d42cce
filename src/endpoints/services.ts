/**
 * The catalogues of AWS services that VPC endpoints reach: gateway services (S3, DynamoDB,
 * S3 Express One Zone) and interface services, with presets for the usual groups.
 */
import { validateDnsName } from '../net/dns-name';

/**
 * An AWS service reached through a gateway endpoint.
 *
 * Only S3, DynamoDB and S3 Express One Zone have gateway endpoints (AWS PrivateLink guide,
 * "Gateway endpoints"); `of()` accepts any name so that a typo is refused at synth with a message
 * rather than at deploy.
 */
export class GatewayEndpointService {
  /** Amazon S3 (`com.amazonaws.<region>.s3`). */
  public static readonly S3 = new GatewayEndpointService('s3');
  /** Amazon DynamoDB (`com.amazonaws.<region>.dynamodb`). */
  public static readonly DYNAMODB = new GatewayEndpointService('dynamodb');
  /** Amazon S3 Express One Zone directory buckets (`com.amazonaws.<region>.s3express`). */
  public static readonly S3_EXPRESS = new GatewayEndpointService('s3express');

  /**
   * A service by short name (`s3`) or full service name (`com.amazonaws.us-east-1.s3`).
   *
   * The construct that uses it refuses a service without gateway endpoints and a region other
   * than the VPC's.
   */
  public static of(name: string): GatewayEndpointService {
    return new GatewayEndpointService(name);
  }

  /** The name as given: a short name (`s3`) or a full service name. */
  public readonly name: string;

  private constructor(name: string) {
    this.name = name;
  }
}

/**
 * An AWS service reached through an interface endpoint (AWS PrivateLink).
 *
 * The service name is built for the VPC's region and partition when the endpoint is created
 * (e.g. `com.amazonaws.eu-west-1.sns`, `cn.com.amazonaws.cn-north-1.ecr.api`).
 */
export class InterfaceEndpointService {
  /** AWS Systems Manager (`ssm`). */
  public static readonly SSM = new InterfaceEndpointService('ssm');
  /** Systems Manager Session Manager channels (`ssmmessages`). */
  public static readonly SSM_MESSAGES = new InterfaceEndpointService('ssmmessages');
  /** EC2 messages used by the SSM Agent (`ec2messages`). */
  public static readonly EC2_MESSAGES = new InterfaceEndpointService('ec2messages');
  /** Amazon EC2 API (`ec2`). */
  public static readonly EC2 = new InterfaceEndpointService('ec2');
  /** Amazon SNS (`sns`). */
  public static readonly SNS = new InterfaceEndpointService('sns');
  /** Amazon SQS (`sqs`). */
  public static readonly SQS = new InterfaceEndpointService('sqs');
  /** Amazon CloudWatch Logs (`logs`). */
  public static readonly LOGS = new InterfaceEndpointService('logs');
  /** Amazon CloudWatch metrics (`monitoring`). */
  public static readonly MONITORING = new InterfaceEndpointService('monitoring');
  /** Amazon EventBridge (`events`). */
  public static readonly EVENTS = new InterfaceEndpointService('events');
  /** AWS KMS (`kms`). */
  public static readonly KMS = new InterfaceEndpointService('kms');
  /** AWS Secrets Manager (`secretsmanager`). */
  public static readonly SECRETS_MANAGER = new InterfaceEndpointService('secretsmanager');
  /** AWS STS (`sts`). */
  public static readonly STS = new InterfaceEndpointService('sts');
  /** Amazon ECR API (`ecr.api`). */
  public static readonly ECR_API = new InterfaceEndpointService('ecr.api');
  /** Amazon ECR Docker registry (`ecr.dkr`). */
  public static readonly ECR_DKR = new InterfaceEndpointService('ecr.dkr');
  /** Amazon ECS (`ecs`). */
  public static readonly ECS = new InterfaceEndpointService('ecs');
  /** Amazon ECS agent (`ecs-agent`). */
  public static readonly ECS_AGENT = new InterfaceEndpointService('ecs-agent');
  /** Amazon ECS telemetry (`ecs-telemetry`). */
  public static readonly ECS_TELEMETRY = new InterfaceEndpointService('ecs-telemetry');
  /** AWS Lambda (`lambda`). */
  public static readonly LAMBDA = new InterfaceEndpointService('lambda');
  /** AWS Step Functions (`states`). */
  public static readonly STEP_FUNCTIONS = new InterfaceEndpointService('states');
  /** Amazon Kinesis Data Streams (`kinesis-streams`). */
  public static readonly KINESIS_STREAMS = new InterfaceEndpointService('kinesis-streams');
  /** Amazon Data Firehose (`kinesis-firehose`). */
  public static readonly KINESIS_FIREHOSE = new InterfaceEndpointService('kinesis-firehose');
  /** AWS X-Ray (`xray`). */
  public static readonly XRAY = new InterfaceEndpointService('xray');
  /** AWS CloudFormation (`cloudformation`). */
  public static readonly CLOUDFORMATION = new InterfaceEndpointService('cloudformation');
  /** Elastic Load Balancing API (`elasticloadbalancing`). */
  public static readonly ELASTIC_LOAD_BALANCING = new InterfaceEndpointService('elasticloadbalancing');
  /** Amazon EC2 Auto Scaling (`autoscaling`). */
  public static readonly AUTOSCALING = new InterfaceEndpointService('autoscaling');
  /** Amazon API Gateway private APIs (`execute-api`). */
  public static readonly EXECUTE_API = new InterfaceEndpointService('execute-api');

  /**
   * Systems Manager Session Manager: SSM, SSM_MESSAGES and EC2_MESSAGES, the three endpoints the
   * SSM Agent needs in a subnet without internet access.
   */
  public static readonly SSM_SESSION_MANAGER: InterfaceEndpointService[] = [
    InterfaceEndpointService.SSM,
    InterfaceEndpointService.SSM_MESSAGES,
    InterfaceEndpointService.EC2_MESSAGES,
  ];

  /**
   * ECR image pulls: ECR_API and ECR_DKR. Image layers come from Amazon S3, so the VPC also needs
   * an S3 gateway endpoint (a `GatewayEndpointSet`, whose narrowed policy then lets the layers through).
   */
  public static readonly ECR_IMAGE_PULL: InterfaceEndpointService[] = [
    InterfaceEndpointService.ECR_API,
    InterfaceEndpointService.ECR_DKR,
  ];

  /** CloudWatch Logs and metrics: LOGS and MONITORING. */
  public static readonly CLOUDWATCH: InterfaceEndpointService[] = [
    InterfaceEndpointService.LOGS,
    InterfaceEndpointService.MONITORING,
  ];

  /**
   * Any AWS service, by short name (`appconfig`, `bedrock-runtime`) or full service name
   * (`com.amazonaws.us-east-1.appconfig`).
   */
  public static of(name: string, options: InterfaceEndpointServiceOptions = {}): InterfaceEndpointService {
    // A private hosted zone is named after the private DNS name: RFC 1035 labels, no wildcard.
    if (options.privateDnsName !== undefined) {
      validateDnsName(options.privateDnsName, `InterfaceEndpointService.of(${JSON.stringify(name)})`, 'privateDnsName');
    }
    return new InterfaceEndpointService(name, options);
  }

  /** The name as given: a short name (`sns`) or a full service name. */
  public readonly name: string;

  /**
   * The service's private DNS name, when given (an `InterfaceEndpointHub` names its zone after it).
   * @default - the library's table, else `<short name>.<region>.<DNS suffix>`
   */
  public readonly privateDnsName?: string;

  /**
   * Whether clients call sub-domains of the private DNS name, when given.
   * @default - the library's table, else false
   */
  public readonly privateDnsSubdomains?: boolean;

  private constructor(name: string, options: InterfaceEndpointServiceOptions = {}) {
    this.name = name;
    this.privateDnsName = options.privateDnsName;
    this.privateDnsSubdomains = options.privateDnsSubdomains;
  }
}

/** Facts about an interface endpoint service the library's tables may not hold. */
export interface InterfaceEndpointServiceOptions {
  /**
   * The service's private DNS name (e.g. `bedrock-runtime.us-east-1.amazonaws.com`), as its
   * service's PrivateLink documentation gives it; an `InterfaceEndpointHub` names its zone after it.
   * Refused (`dns-name-invalid`) when it breaks RFC 1035; a trailing dot is dropped from the zone's name.
   * @default - the library's table of irregular names, else `<short name>.<region>.<DNS suffix>`
   */
  readonly privateDnsName?: string;

  /**
   * Whether clients call sub-domains of the private DNS name (the hub adds a `*` record).
   * @default - the library's table, else false
   */
  readonly privateDnsSubdomains?: boolean;
}
