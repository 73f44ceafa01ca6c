import type { TestProject } from 'vitest/node';
import { startDynamoLocal, type DynamoLocal } from '../../functions/local/dynamodb-local.js';
import { startS3Local, type S3Local } from '../../functions/local/s3-local.js';
import { startSesLocal, type SesLocal } from '../../functions/local/ses-local.js';

let dynamo: DynamoLocal | undefined;
let s3: S3Local | undefined;
let ses: SesLocal | undefined;

/**
 * Starts one in-memory DynamoDB Local for the run and stops it (and its java process) after; and
 * one S3-compatible server (s3rver, in this process, objects in a temporary folder), and one SES v2
 * emulator (aws-ses-v2-local, in this process).
 */
export async function setup(project: TestProject) {
  [dynamo, s3, ses] = await Promise.all([startDynamoLocal(), startS3Local(), startSesLocal()]);
  project.provide('dynamoEndpoint', dynamo.endpoint);
  project.provide('s3Endpoint', s3.endpoint);
  // Mail goes only to this local SES v2 emulator, never out of the machine.
  project.provide('sesEndpoint', ses.endpoint);
}

export async function teardown() {
  await Promise.all([dynamo?.stop(), s3?.stop(), ses?.stop()]);
}

declare module 'vitest' {
  export interface ProvidedContext {
    dynamoEndpoint: string;
    s3Endpoint: string;
    sesEndpoint: string;
  }
}
