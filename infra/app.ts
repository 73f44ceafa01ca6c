import { buildApp } from './build.js';

/** CDK entry (cdk.json): `npx cdk synth -c env=dev|staging|prod`. */
buildApp().app.synth();
