import { createEffect, createSignal, type JSX, onMount, splitProps, untrack } from 'solid-js';
import { t, type Text } from '../i18n.js';
import { dateText, monthText, parseDateText, parseMonthText, parseTimeText } from './date-text.js';
import './ui.css';

type Kind = 'date' | 'time' | 'month';
type Spec = { parse: (text: string) => string | null; show: (iso: string) => string; placeholder: Text; invalid: Text };

const specs: Record<Kind, Spec> = {
  date: {
    parse: parseDateText,
    show: dateText,
    placeholder: { vi: 'dd/mm/yyyy', en: 'dd/mm/yyyy' },
    invalid: { vi: 'Nhập ngày theo dạng ngày/tháng/năm, ví dụ 05/11/2026', en: 'Enter the date as day/month/year, e.g. 05/11/2026' },
  },
  time: {
    parse: parseTimeText,
    show: (iso) => iso,
    placeholder: { vi: 'hh:mm', en: 'hh:mm' },
    invalid: { vi: 'Nhập giờ theo dạng 24 giờ, ví dụ 14:30', en: 'Enter the time on a 24-hour clock, e.g. 14:30' },
  },
  month: {
    parse: parseMonthText,
    show: monthText,
    placeholder: { vi: 'mm/yyyy', en: 'mm/yyyy' },
    invalid: { vi: 'Nhập tháng theo dạng tháng/năm, ví dụ 11/2026', en: 'Enter the month as month/year, e.g. 11/2026' },
  },
};

type Props = {
  /** ISO value: yyyy-mm-dd, hh:mm or yyyy-mm; '' when empty. */
  value: string | undefined;
  onValue: (iso: string) => void;
  kind?: Kind;
  /** ISO bounds, checked as the user types (the message says them as dates). */
  min?: string | undefined;
  max?: string | undefined;
} & Omit<JSX.InputHTMLAttributes<HTMLInputElement>, 'value' | 'type' | 'min' | 'max' | 'onInput' | 'onChange'>;

/**
 * A date (or time, or month) field that shows and accepts day/month/year and a 24-hour clock in
 * both languages, whatever the browser's language (a native date input follows the browser:
 * 11/05/2026 and AM/PM in an en-US browser). The page keeps ISO values; a text that is not yet a
 * date leaves the value as it was and marks the field invalid with a message in the app's language.
 */
export function DateInput(props: Props) {
  const [own, rest] = splitProps(props, ['value', 'onValue', 'kind', 'min', 'max']);
  const spec = () => specs[own.kind ?? 'date'];
  const [text, setText] = createSignal(spec().show(own.value ?? ''));
  let input: HTMLInputElement | undefined;

  const parse = (raw: string): string | null => (raw.trim() ? spec().parse(raw) : '');
  const problem = (value: string | null): string => {
    if (value === null) return t(spec().invalid);
    if (value && own.min && value < own.min) return t({ vi: `Không được trước ${spec().show(own.min)}`, en: `Not before ${spec().show(own.min)}` });
    if (value && own.max && value > own.max) return t({ vi: `Không được sau ${spec().show(own.max)}`, en: `Not after ${spec().show(own.max)}` });
    return '';
  };
  const check = () => input?.setCustomValidity(problem(parse(text())));

  // A value set by the page (loaded record, reset) replaces the text unless the text already says it.
  createEffect(() => {
    const value = own.value ?? '';
    if (untrack(() => parse(text())) !== value) setText(spec().show(value));
    untrack(check);
  });
  onMount(check);

  return (
    <input
      {...rest}
      ref={input}
      type="text"
      inputmode={own.kind === 'month' || own.kind === 'time' ? 'numeric' : 'text'}
      autocomplete="off"
      placeholder={t(spec().placeholder)}
      data-kind={own.kind ?? 'date'}
      value={text()}
      onInput={(e) => {
        setText(e.currentTarget.value);
        const value = parse(e.currentTarget.value);
        check();
        if (value !== null && value !== (own.value ?? '')) own.onValue(value);
      }}
      onBlur={() => {
        const value = parse(text());
        if (value) setText(spec().show(value));
      }}
    />
  );
}

/**
 * A file field labelled in the app's language ("Chọn tệp…" / "Chưa chọn tệp"), not the browser's
 * ("Choose File / No file chosen"). The native input stays in the page for keyboard and screen
 * readers, visually hidden; the Field around it is its label.
 */
export function FileInput(props: {
  name: string;
  accept?: string;
  required?: boolean;
  disabled?: boolean;
  onFile: (file: File | null) => void;
  testId?: string;
}) {
  const [chosen, setChosen] = createSignal('');
  let input: HTMLInputElement | undefined;
  const mark = () => input?.setCustomValidity(props.required && !input.files?.length ? t({ vi: 'Hãy chọn một tệp', en: 'Choose a file' }) : '');
  onMount(mark);
  return (
    <span class="file-input" data-testid={props.testId}>
      <input
        ref={input}
        class="file-native"
        type="file"
        name={props.name}
        accept={props.accept}
        required={props.required}
        disabled={props.disabled}
        onChange={(e) => {
          const file = e.currentTarget.files?.[0] ?? null;
          setChosen(file?.name ?? '');
          mark();
          props.onFile(file);
        }}
      />
      <span class="button secondary small file-button" aria-hidden="true">
        {t({ vi: 'Chọn tệp…', en: 'Choose file…' })}
      </span>
      <span class="file-name">{chosen() || t({ vi: 'Chưa chọn tệp', en: 'No file chosen' })}</span>
    </span>
  );
}
