import { For, Show } from 'solid-js';
import type { Problem } from '../../../shared/problem.js';
import { ApiError } from '../api.js';
import { lang, t, type Text } from '../i18n.js';
import './ui.css';

/** Any failure as a problem: the API's problem+json, or a local message (a Text or a string). */
export function toProblem(error: unknown): Problem {
  if (error instanceof ApiError) return error.problem;
  if (error && typeof error === 'object' && 'title_vi' in error && 'title' in error) return error as Problem;
  if (error && typeof error === 'object' && 'vi' in error && 'en' in error) {
    const text = error as Text;
    return { type: 'about:blank', status: 0, title: text.en, title_vi: text.vi };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { type: 'about:blank', status: 0, title: message, title_vi: message };
}

/**
 * A refused request or a failed step, in the UI language: the problem's title, its detail and one
 * line per field (the field's label where the page names it, then the message), each said once.
 * One `role=alert`.
 */
export function ErrorAlert(props: { error: unknown; labels?: Record<string, Text>; testId?: string }) {
  return (
    <Show when={props.error}>
      {(error) => {
        const problem = () => toProblem(error());
        const vi = () => lang() === 'vi';
        const title = () => (vi() ? problem().title_vi : problem().title);
        const detail = () => (vi() ? problem().detail_vi : problem().detail);
        // One line per distinct message, named by the field's label when the page knows it; never by
        // its code (`signedOn`, `document.links.0.id`): the messages say which field they are about.
        const lines = () => {
          const seen = new Set([detail() ?? '', title()]);
          return (problem().errors ?? []).flatMap((e) => {
            const message = vi() ? e.message_vi : e.message_en;
            const known = props.labels?.[e.field];
            const line = known && !message.includes(t(known)) ? `${t(known)}: ${message}` : message;
            if (seen.has(line) || seen.has(message)) return [];
            seen.add(line);
            return [{ field: e.field, line }];
          });
        };
        return (
          <div class="alert" role="alert" data-testid={props.testId} data-problem-type={problem().type}>
            <strong>{title()}</strong>
            <Show when={detail() && detail() !== title()}>
              <p>{detail()}</p>
            </Show>
            <Show when={lines().length}>
              <ul>
                <For each={lines()}>{(l) => <li data-field={l.field}>{l.line}</li>}</For>
              </ul>
            </Show>
          </div>
        );
      }}
    </Show>
  );
}
