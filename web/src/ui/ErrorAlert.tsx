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
 * line per field (the field's label where the page names it, then the message). One `role=alert`.
 */
export function ErrorAlert(props: { error: unknown; labels?: Record<string, Text>; testId?: string }) {
  return (
    <Show when={props.error}>
      {(error) => {
        const problem = () => toProblem(error());
        const vi = () => lang() === 'vi';
        const title = () => (vi() ? problem().title_vi : problem().title);
        const detail = () => (vi() ? problem().detail_vi : problem().detail);
        const label = (field: string) => {
          const known = props.labels?.[field];
          return known ? t(known) : field;
        };
        return (
          <div class="alert" role="alert" data-testid={props.testId} data-problem-type={problem().type}>
            <strong>{title()}</strong>
            <Show when={detail() && detail() !== title()}>
              <p>{detail()}</p>
            </Show>
            <Show when={problem().errors?.length}>
              <ul>
                <For each={problem().errors}>
                  {(e) => (
                    <li data-field={e.field}>
                      <span class="field-name">{label(e.field)}</span>: {vi() ? e.message_vi : e.message_en}
                    </li>
                  )}
                </For>
              </ul>
            </Show>
          </div>
        );
      }}
    </Show>
  );
}
