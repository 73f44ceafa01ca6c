import type { TestProject } from 'vitest/node';
import { startDynamoLocal, type DynamoLocal } from '../../functions/local/dynamodb-local.js';
import { startS3Local, type S3Local } from '../../functions/local/s3-local.js';

let dynamo: DynamoLocal | undefined;
let s3: S3Local | undefined;

/**
 * Starts one in-memory DynamoDB Local for the run and stops it (and its java process) after; and
 * one S3-compatible server (s3rver, in this process, objects in a temporary folder).
 */
export async function setup(project: TestProject) {
  [dynamo, s3] = await Promise.all([startDynamoLocal(), startS3Local()]);
  project.provide('dynamoEndpoint', dynamo.endpoint);
  project.provide('s3Endpoint', s3.endpoint);
}

export async function teardown() {
  await Promise.all([dynamo?.stop(), s3?.stop()]);
}

declare module 'vitest' {
  export interface ProvidedContext {
    dynamoEndpoint: string;
    s3Endpoint: string;
  }
}
