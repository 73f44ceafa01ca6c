/**
 * A text the product says in both its languages, Vietnamese first. The vocabularies' texts are JSON
 * message catalogs beside their modules (e.g. ./supervision/labels.json), typed where they are
 * exported (`Record<PlanStatus, Text>`), so that a missing word fails the type check.
 *
 * A catalog of several tables is imported as a namespace, `import * as catalog from './labels.json'`,
 * and without `with { type: 'json' }`: esbuild and Vite then give each table as a named export and
 * keep only the tables a bundle uses. With the attribute esbuild gives the default export only, as
 * the standard says, and `catalog.planStatus` would be undefined in the Lambda bundle.
 */
export type Text = { vi: string; en: string };
