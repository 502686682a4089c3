// Markup on the picture: the read-only layer, the reviewer's editor and the comment list (see README.md).

export type { MarkupTool } from './draft';
export { MarkupEditor, type MarkupEditorProps, maxMarkups } from './MarkupEditor';
export { MarkupLayer, type MarkupLayerProps } from './MarkupLayer';
export { MarkupList, type MarkupListProps } from './MarkupList';
export { type MarkupName, markupNames } from './names';
