import { App } from 'aws-cdk-lib';
import { buildApp, buildBootstrapApp } from './build.js';

/** CDK entry (cdk.json): `npx cdk synth -c env=dev|staging|prod`, or `-c stack=bootstrap -c githubRepo=owner/name`. */
const app = new App();
if (app.node.tryGetContext('stack') === 'bootstrap') buildBootstrapApp(app);
else buildApp(app);
app.synth();
