import { createSignal } from 'solid-js';

/**
 * The state of one write a page runs: busy while it runs, the error it ended with. `run` returns
 * the result, or undefined when it failed (the error is then shown by an ErrorAlert).
 */
export function createAction() {
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<unknown>(null);
  const run = async <R>(work: () => Promise<R>): Promise<R | undefined> => {
    setBusy(true);
    setError(null);
    try {
      return await work();
    } catch (err) {
      setError(err);
      return undefined;
    } finally {
      setBusy(false);
    }
  };
  /** For a write whose answer the page does not need: did it succeed? */
  const attempt = async (work: () => Promise<unknown>): Promise<boolean> => {
    const done = await run(async () => {
      await work();
      return true;
    });
    return done ?? false;
  };
  return { busy, error, setError, run, attempt };
}
export type Action = ReturnType<typeof createAction>;
