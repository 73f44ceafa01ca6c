import { createSignal } from 'solid-js';
import type { DocumentDetail } from '../../../shared/archive/schema.js';
import { t } from '../i18n.js';
import { createAction, ErrorAlert, Field, SubmitButton, FileInput, SubmitOrCancel } from '../ui/index.js';
import { deleteDocument, restoreDocument, updateDocument } from './api.js';
import { createMetadataForm, MetadataFields, metadataLabels } from './common.jsx';
import { ACCEPT, createUpload, UploadStatus } from './upload.jsx';

/** The document's details, edited in place; the version read goes along (If-Match). */
export function EditForm(props: { doc: DocumentDetail; onDone: (d?: DocumentDetail) => void }) {
  const form = createMetadataForm(props.doc);
  const action = createAction();
  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    const next = await action.run(() => updateDocument(props.doc.id, props.doc.version, form.value()));
    if (next) props.onDone(next);
  };
  return (
    <form class="archive-form" onSubmit={submit}>
      <MetadataFields form={form} documentId={props.doc.id} />
      <ErrorAlert error={action.error()} labels={metadataLabels} />
      <div class="archive-actions">
        <SubmitOrCancel label={{ vi: 'Lưu thay đổi', en: 'Save changes' }} busy={action.busy()} onCancel={() => props.onDone()} />
      </div>
    </form>
  );
}

/** A correction: a new file version (the original stays), with the reason. */
export function NewVersionForm(props: { doc: DocumentDetail; onDone: (d: DocumentDetail) => void }) {
  const [file, setFile] = createSignal<File | null>(null);
  const [note, setNote] = createSignal('');
  const upload = createUpload();
  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    const f = file();
    if (!f) return;
    const next = await upload.upload(f, { kind: 'version', documentId: props.doc.id, version: props.doc.version, note: note() });
    if (!next) return;
    setNote('');
    props.onDone(next);
  };
  return (
    <div class="archive-section">
      <h2>{t({ vi: 'Tải lên bản đính chính (phiên bản mới)', en: 'Upload a correction (new version)' })}</h2>
      <form class="archive-form" onSubmit={submit}>
        <Field label={{ vi: 'Tệp', en: 'File' }}>
          <FileInput name="version-file" accept={ACCEPT} required onFile={setFile} />
        </Field>
        <Field label={{ vi: 'Lý do đính chính', en: 'Reason for the correction' }}>
          <input name="version-note" required value={note()} onInput={(e) => setNote(e.currentTarget.value)} />
        </Field>
        <ErrorAlert error={upload.action.error()} />
        <UploadStatus upload={upload} />
        <div>
          <SubmitButton secondary label={{ vi: 'Lưu phiên bản mới', en: 'Save new version' }} busy={upload.action.busy()} />
        </div>
      </form>
    </div>
  );
}

/** Soft delete (restorable) or restore, with the reason recorded in the audit log. */
export function DeleteRestore(props: { doc: DocumentDetail; onDone: (d: DocumentDetail) => void }) {
  const [reason, setReason] = createSignal('');
  const action = createAction();
  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    const { id, version, deleted } = props.doc;
    const next = await action.run(() => (deleted ? restoreDocument(id, version, reason()) : deleteDocument(id, version, reason())));
    if (!next) return;
    setReason('');
    props.onDone(next);
  };
  return (
    <div class="archive-section">
      <h2>
        {props.doc.deleted
          ? t({ vi: 'Khôi phục văn bản', en: 'Restore the document' })
          : t({ vi: 'Xoá văn bản (có thể khôi phục)', en: 'Delete the document (restorable)' })}
      </h2>
      <form class="archive-form" onSubmit={submit}>
        <Field label={{ vi: 'Lý do (ghi vào nhật ký thay đổi)', en: 'Reason (recorded in the audit log)' }}>
          <input
            name="reason"
            required={!props.doc.deleted}
            minlength={props.doc.deleted ? 0 : 5}
            value={reason()}
            onInput={(e) => setReason(e.currentTarget.value)}
          />
        </Field>
        <ErrorAlert error={action.error()} />
        <div>
          <SubmitButton
            secondary
            label={props.doc.deleted ? { vi: 'Khôi phục', en: 'Restore' } : { vi: 'Xoá', en: 'Delete' }}
            busy={action.busy()}
            data-testid={props.doc.deleted ? 'restore' : 'delete'}
          />
        </div>
      </form>
    </div>
  );
}
