/** The UI kit: pages compose these; none hand-rolls a table, a dialog or an error alert. */
export { allowed, Async, RoleGate } from './Async.jsx';
export { type Action, createAction } from './action.js';
export { type Column, DataTable, type Sort, sortRows } from './DataTable.jsx';
export { cancelText, ConfirmDialog, Dialog } from './Dialog.jsx';
export { ErrorAlert, toProblem } from './ErrorAlert.jsx';
export { Field, SubmitButton } from './Field.jsx';
export { focusHeading } from './focus.js';
export { LocalityPicker } from './LocalityPicker.jsx';
export { NavMenu } from './NavMenu.jsx';
export { createPagedList, LoadMore, type Page } from './paged.jsx';
