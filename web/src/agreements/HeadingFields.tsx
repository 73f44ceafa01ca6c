import { Show } from 'solid-js';
import { agreementKinds, kindLabels } from '../../../shared/agreements/schema.js';
import { Input, Select } from '../ui/index.js';
import type { HeadingForm } from './editor-form.js';

/**
 * The first fields of an agreement's heading, as the editor and the import review both edit them:
 * kind, number, then the year (a program) or the term (a regulation). `strict` is the editor's:
 * a draft needs its year or term, where the review leaves gaps for the person checking it.
 */
export function HeadingFields<P>(props: { form: HeadingForm<P>; set: (patch: Partial<HeadingForm<P>>) => void; strict?: boolean }) {
  // Getters: the spread props must follow the form as it changes.
  const year = (key: 'year' | 'termFrom' | 'termTo') => ({
    name: key,
    type: 'number',
    get required() {
      return props.strict;
    },
    get value() {
      return props.form[key];
    },
    onInput: (e: { currentTarget: HTMLInputElement }) => props.set({ [key]: e.currentTarget.value } as Partial<HeadingForm<P>>),
  });
  return (
    <>
      <Select
        label={{ vi: 'Loại văn bản', en: 'Kind' }}
        name="kind"
        options={agreementKinds}
        labels={kindLabels}
        value={props.form.kind}
        onValue={(kind) => props.set({ kind })}
      />
      <Input
        label={{ vi: 'Số, ký hiệu', en: 'Number and symbol' }}
        name="number"
        placeholder={props.strict ? '69/QCPH-HĐND-UBND-MTTQ' : undefined}
        value={props.form.number}
        onInput={(e) => props.set({ number: e.currentTarget.value })}
      />
      <Show
        when={props.form.kind === 'regulation'}
        fallback={<Input label={{ vi: 'Năm', en: 'Year' }} {...year('year')} min={props.strict ? '1945' : undefined} max={props.strict ? '2100' : undefined} />}
      >
        <Input label={{ vi: 'Nhiệm kỳ từ năm', en: 'Term from' }} {...year('termFrom')} />
        <Input label={{ vi: 'đến năm', en: 'to' }} {...year('termTo')} />
      </Show>
    </>
  );
}
