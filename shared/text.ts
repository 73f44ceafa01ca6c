/**
 * A text the product says in both its languages, Vietnamese first. The vocabularies' texts are JSON
 * message catalogs beside their modules (e.g. ./supervision/labels.json), typed where they are
 * exported (`Record<PlanStatus, Text>`), so that a missing word fails the type check. They are
 * imported as a namespace (`import * as catalog`): esbuild and Vite then keep only the tables a
 * bundle uses, as they did when the tables were TypeScript.
 */
export type Text = { vi: string; en: string };
