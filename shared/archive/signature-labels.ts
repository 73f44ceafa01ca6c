import type { Text } from '../text.js';
import * as catalog from './signature-labels.json';
import type { SignatureProblem, SignatureStatus } from './signatures.js';

/**
 * What the web app says about a signature check, in Vietnamese and English (./signature-labels.json).
 * Kept apart from the schema (./signatures.ts) so that the API bundle carries the codes only.
 */
export const signatureProblems: Record<SignatureProblem, Text> = catalog.problem;

export const signatureStatusLabels: Record<SignatureStatus, Text> = catalog.status;
