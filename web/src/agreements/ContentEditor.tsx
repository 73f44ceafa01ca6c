import { For, Show } from 'solid-js';
import { produce, type SetStoreFunction } from 'solid-js/store';
import { t } from '../i18n.js';
import { Field, AddButton, RemoveButton, DateInput } from '../ui/index.js';
import type { Form } from './editor-form.js';

/** The body of a draft: numbered items (programs, plans) or chapters and articles (regulations). */
export function ContentEditor(props: { form: Form; setForm: SetStoreFunction<Form>; partyOptions: { value: string; label: string }[] }) {
  const form = props.form;
  const setForm = props.setForm;
  const partyOptions = () => props.partyOptions;
  return (
    <Show
      when={form.kind === 'regulation'}
      fallback={
        <>
          <h2>{t({ vi: 'Nội dung phối hợp', en: 'Content items' })}</h2>
          <For each={form.items}>
            {(it, i) => (
              <div class="section" data-testid="item-editor">
                <div class="grid-form">
                  <label class="wide">
                    {t({ vi: 'Nội dung', en: 'Item' })} {i() + 1}
                    <input name={`item-title-${i()}`} required value={it.title} onInput={(e) => setForm('items', i(), 'title', e.currentTarget.value)} />
                  </label>
                  <label class="wide">
                    {t({ vi: 'Mô tả', en: 'Description' })}
                    <textarea
                      name={`item-description-${i()}`}
                      value={it.description}
                      onInput={(e) => setForm('items', i(), 'description', e.currentTarget.value)}
                    />
                  </label>
                  <Field label={{ vi: 'Cơ quan chủ trì', en: 'Lead agency' }}>
                    <select name={`item-lead-${i()}`} value={it.lead} onChange={(e) => setForm('items', i(), 'lead', e.currentTarget.value)}>
                      <option value="">—</option>
                      <For each={partyOptions()}>{(o) => <option value={o.value}>{o.label}</option>}</For>
                    </select>
                  </Field>
                  <Field label={{ vi: 'Cơ quan phối hợp', en: 'Cooperating' }}>
                    <select
                      multiple
                      name={`item-cooperating-${i()}`}
                      onChange={(e) =>
                        setForm(
                          'items',
                          i(),
                          'cooperating',
                          [...e.currentTarget.selectedOptions].map((o) => o.value),
                        )
                      }
                    >
                      <For each={partyOptions()}>
                        {(o) => (
                          <option value={o.value} selected={it.cooperating.includes(o.value)}>
                            {o.label}
                          </option>
                        )}
                      </For>
                    </select>
                  </Field>
                  <Field label={{ vi: 'Thời hạn', en: 'Due date' }}>
                    <DateInput name={`item-due-${i()}`} value={it.due} onValue={(v) => setForm('items', i(), 'due', v)} />
                  </Field>
                </div>
                <RemoveButton
                  label={{ vi: 'Bỏ nội dung này', en: 'Remove this item' }}
                  onClick={() => setForm('items', (l) => l.filter((_, j) => j !== i()))}
                />
              </div>
            )}
          </For>
          <p>
            <AddButton
              secondary
              testId="add-item"
              label={{ vi: 'Thêm nội dung', en: 'Add item' }}
              onClick={() =>
                setForm('items', (l) => [
                  ...l,
                  { title: '', description: '', lead: '', due: '', status: 'not_started', placeholder: false, evidence: [], cooperating: [] },
                ])
              }
            />
          </p>
        </>
      }
    >
      <h2>{t({ vi: 'Chương, điều', en: 'Chapters and articles' })}</h2>
      <For each={form.chapters}>
        {(ch, c) => (
          <div class="section">
            <label>
              {t({ vi: 'Chương', en: 'Chapter' })} {c() + 1}
              <input name={`chapter-${c()}`} value={ch.title} onInput={(e) => setForm('chapters', c(), 'title', e.currentTarget.value)} />
            </label>
            <For each={ch.articles}>
              {(art, k) => (
                <div class="row-edit">
                  <input
                    aria-label={t({ vi: 'Tên điều', en: 'Article title' })}
                    placeholder={t({ vi: 'Tên điều', en: 'Article title' })}
                    value={art.title}
                    onInput={(e) => setForm('chapters', c(), 'articles', k(), 'title', e.currentTarget.value)}
                  />
                  <textarea
                    aria-label={t({ vi: 'Nội dung điều', en: 'Article text' })}
                    value={art.text}
                    onInput={(e) => setForm('chapters', c(), 'articles', k(), 'text', e.currentTarget.value)}
                  />
                  <RemoveButton onClick={() => setForm('chapters', c(), 'articles', (l) => l.filter((_, j) => j !== k()))} />
                </div>
              )}
            </For>
            <AddButton
              label={{ vi: 'Thêm điều', en: 'Add article' }}
              onClick={() => setForm('chapters', c(), 'articles', (l) => [...l, { title: '', text: '', placeholder: false }])}
            />
          </div>
        )}
      </For>
      <AddButton
        secondary
        label={{ vi: 'Thêm chương', en: 'Add chapter' }}
        onClick={() => setForm(produce((f) => void f.chapters.push({ title: '', placeholder: false, articles: [] })))}
      />
    </Show>
  );
}
