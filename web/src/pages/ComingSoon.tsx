import { focusHeading } from '../ui/focus.js';
import { t, type Text } from '../i18n.js';

/** Navigation target of a capability not built yet; says so plainly instead of pretending. */
export function ComingSoon(props: { title: Text; issue?: number }) {
  focusHeading();
  return (
    <section>
      <h1>{t(props.title)}</h1>
      <p class="muted">
        {props.issue
          ? t({ vi: `Chức năng này đang được xây dựng (việc #${props.issue}).`, en: `This capability is being built (issue #${props.issue}).` })
          : t({ vi: 'Đường dẫn không tồn tại.', en: 'This address does not exist.' })}
      </p>
    </section>
  );
}
