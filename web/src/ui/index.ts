/**
 * The UI kit: pages compose these; none hand-rolls a table, a dialog or an error alert. Pages in the
 * first chunk (sign-in, not found) import the parts directly, so the kit's heavier parts (the
 * locality picker, the role matrix) load with the pages that use them.
 */
export { Async } from './Async.jsx';
export { BulkBar, SelectBox } from './BulkBar.jsx';
export { createBulkChange, createSelection, type Selection } from './selection.js';
export { type Action, createAction } from './action.js';
export { type Column, DataTable, type Sort, sortRows, type Table } from './DataTable.jsx';
export { cancelText, ConfirmDialog, Dialog, FormDialog, SubmitOrCancel } from './Dialog.jsx';
export { ErrorAlert, toProblem } from './ErrorAlert.jsx';
export { FilterForm } from './FilterForm.jsx';
export { Field, Input, PasswordInput, Select, SubmitButton, TextArea, textBinder } from './Field.jsx';
export { focusHeading } from './focus.js';
export { LocalityPicker } from './LocalityPicker.jsx';
export { createPagedList, LoadMore, type Page, pageUrl } from './paged.jsx';
export { PagedTable } from './PagedTable.jsx';
export { allowed, GatedPage, RoleGate } from './RoleGate.jsx';
export { AddButton, RemoveButton } from './RowButtons.jsx';
export { BackLink } from './BackLink.jsx';
export { DateInput, FileInput } from './DateInput.jsx';
export { createDraft, type Draft, DraftNotice } from './draft.jsx';
export { RecordName, RecordPicker } from './RecordPicker.jsx';
export { describeRecord, type RecordKind, type RecordRef, recordLabel, searchRecords } from './records.js';
export { UndoNotice } from './UndoNotice.jsx';
export { downloadFile } from './download.js';
