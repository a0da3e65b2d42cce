// Every resource type the deploy tier can create. A type missing here fails the deploy.
import { EC2_HANDLERS } from './ec2';
import { IAM_HANDLERS } from './iam';
import { LATTICE_HANDLERS } from './lattice';
import { MISC_HANDLERS } from './misc';
import { NETWORK_HANDLERS } from './network';
import { RAM_HANDLERS } from './ram';
import { ROUTE53_HANDLERS } from './route53';
import { ResourceHandler } from './types';

export * from './types';

/** Handlers by CloudFormation type. */
export const HANDLERS: Record<string, ResourceHandler> = {
  ...EC2_HANDLERS,
  ...NETWORK_HANDLERS,
  ...IAM_HANDLERS,
  ...MISC_HANDLERS,
  ...ROUTE53_HANDLERS,
  ...LATTICE_HANDLERS,
  ...RAM_HANDLERS,
};
