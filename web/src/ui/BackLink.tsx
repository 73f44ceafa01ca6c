import { A } from '@solidjs/router';
import { t, type Text } from '../i18n.js';

/** "← …" above a page's heading: the way back to the list or the record the page belongs to. */
export function BackLink(props: { href: string; label: Text }) {
  return (
    <p>
      <A href={props.href}>← {t(props.label)}</A>
    </p>
  );
}
