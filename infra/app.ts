import { App } from 'aws-cdk-lib';
import { environmentFromContext } from './environments.js';
import { PhoiHopStack } from './stack.js';

/** `npx cdk synth -c env=staging`: one stack set per environment. */
const app = new App();
const config = environmentFromContext(app.node.tryGetContext('env'));
new PhoiHopStack(app, `PhoiHop-${config.name}`, {
  config,
  env: { account: process.env.CDK_DEFAULT_ACCOUNT, region: process.env.CDK_DEFAULT_REGION ?? 'ap-southeast-1' },
});
app.synth();
