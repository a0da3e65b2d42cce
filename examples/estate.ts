/**
 * The example estate: every pattern's stacks, added to one app. examples/app.ts synthesizes it;
 * the judges, the deploy tier and the README's diagram read the same estate.
 */
import { App } from 'aws-cdk-lib';
import { addEndpointsExample } from './endpoints';
import { addHubExample } from './hub';
import { addInspectionExample } from './inspection';
import { addPeeringExample } from './peering';
import { addPrivateLinkExample } from './privatelink';
import { addResourcesExample } from './resources';

/** Add every pattern's stacks to `app`. */
export function addExampleEstate(app: App): void {
  addEndpointsExample(app);
  addHubExample(app);
  addPeeringExample(app);
  addPrivateLinkExample(app);
  addInspectionExample(app);
  addResourcesExample(app);
}
