// The reviewer's markup editor (issue 7 point 4), mounted as the child of a CompareView: draw
// with the marker (pen pressure), arrows, circles and numbered pins, or select one to move or
// delete it. Keys: M A C P V pick a tool, Delete removes the selected, Ctrl/⌘+Z undoes
// (Shift or Y redoes), Escape drops a shape being drawn or the selection. Emits the whole list
// in relative coordinates through onChange; comments are edited in MarkupList.
import { useEffect, useId, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import type { Markup } from '../../../../../shared/retouch/markup';
import { renumberPins } from '../../../../../shared/retouch/markup-geometry';
import { useCompareSlots, useImageSpace } from '../compare/image-space';
import { type MarkupTool, markupTools, toolKeys } from './draft';
import { emptyHistory, type MarkupHistory, record, redo, undo } from './history';
import { MarkupLayer } from './MarkupLayer';
import { MarkupTools, undoKeys } from './MarkupTools';
import { useDrawing } from './use-drawing';
import './markup.css';

export interface MarkupEditorProps {
  markups: readonly Markup[];
  onChange: (markups: Markup[]) => void;
  selectedId: string | null;
  onSelect: (id: string | null) => void;
  /** The tool to start with; default select, so a first drag looks around instead of drawing. */
  defaultTool?: MarkupTool;
}

/** The schema's limit (markupListSchema). */
export const maxMarkups = 200;
const typing = 'input, textarea, select, [contenteditable="true"]';

export function MarkupEditor({ markups, onChange, selectedId, onSelect, defaultTool = 'select' }: MarkupEditorProps) {
  const { t } = useTranslation();
  const space = useImageSpace();
  const slots = useCompareSlots();
  const idPrefix = useId();
  const [tool, setTool] = useState<MarkupTool>(defaultTool);
  const [color, setColor] = useState<Markup['color']>('red');
  const [history, setHistory] = useState<MarkupHistory>(emptyHistory);

  // The list the editor last sent. Another list of other markups arriving (the page opened
  // another version) starts a fresh history; a comment typed in the list keeps it.
  const emitted = useRef<readonly Markup[]>(markups);
  useEffect(() => {
    const ids = (list: readonly Markup[]) => list.map((m) => m.id).join('|');
    if (markups === emitted.current || ids(markups) === ids(emitted.current)) return;
    emitted.current = markups;
    setHistory(emptyHistory);
  }, [markups]);
  const emit = (next: Markup[]) => {
    emitted.current = next;
    onChange(next);
  };
  // Every editor change goes through here, so it can be undone.
  const change = (next: Markup[]) => {
    setHistory((h) => record(h, markups));
    emit(next);
  };
  const remove = () => {
    if (!selectedId || !markups.some((m) => m.id === selectedId)) return;
    change(renumberPins(markups.filter((m) => m.id !== selectedId)));
    onSelect(null);
  };
  const step = (direction: 'undo' | 'redo') => {
    const result = (direction === 'undo' ? undo : redo)(history, markups);
    if (!result) return;
    setHistory(result.history);
    emit(result.markups);
    if (selectedId && !result.markups.some((m) => m.id === selectedId)) onSelect(null);
  };
  const pickColor = (next: Markup['color']) => {
    setColor(next);
    // With a markup selected, the colour is for it too.
    const selected = markups.find((m) => m.id === selectedId);
    if (selected && selected.color !== next) change(markups.map((m) => (m.id === selected.id ? { ...m, color: next } : m)));
  };

  const drawing = useDrawing({
    space,
    tool,
    color,
    markups,
    canAdd: markups.length < maxMarkups,
    onAdd: (markup) => change([...markups, markup]),
    onSelect,
    onMove: (next, done) => {
      if (done) setHistory((h) => record(h, done.before));
      emit(next);
    },
  });

  // Keys reach the comparison's root wherever the focus is inside it. Read the latest state through a ref.
  const keys = useRef({ remove, step, cancel: drawing.cancel, setTool, onSelect });
  keys.current = { remove, step, cancel: drawing.cancel, setTool, onSelect };
  useEffect(() => {
    const root = slots.root;
    if (!root) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || (event.target as Element).closest(typing)) return;
      const k = keys.current;
      const mod = event.ctrlKey || event.metaKey;
      const key = event.key.toLowerCase();
      if (mod && key === 'z') k.step(event.shiftKey ? 'redo' : 'undo');
      else if (mod && key === 'y') k.step('redo');
      else if (mod || event.altKey) return;
      else if (event.key === 'Delete' || event.key === 'Backspace') k.remove();
      else if (event.key === 'Escape') {
        if (!k.cancel()) k.onSelect(null);
      } else {
        const picked = markupTools.find((name) => toolKeys[name].toLowerCase() === key);
        if (!picked) return;
        k.setTool(picked);
      }
      event.preventDefault();
    };
    root.addEventListener('keydown', onKey);
    return () => root.removeEventListener('keydown', onKey);
  }, [slots.root]);

  const toolName = t(`retouch.markup.tools.${tool}`);
  const full = markups.length >= maxMarkups;
  const tools = (
    <>
      <MarkupTools
        tool={tool}
        onTool={setTool}
        color={color}
        onColor={pickColor}
        canUndo={history.past.length > 0}
        onUndo={() => step('undo')}
        canDelete={selectedId !== null}
        onDelete={remove}
        idPrefix={idPrefix}
      />
      <span className="markup-tools__hint">{full ? t('retouch.markup.limit') : t('retouch.markup.hint', { keys: undoKeys() })}</span>
    </>
  );
  const cursor = tool === 'select' ? (drawing.hover ? 'pointer' : undefined) : full ? 'not-allowed' : 'crosshair';
  return (
    <>
      {slots.tools ? createPortal(tools, slots.tools) : null}
      <div
        className="markup-editor"
        data-tool={tool}
        style={{ cursor }}
        role="application"
        aria-label={t('retouch.markup.surface', { tool: toolName })}
        {...drawing.handlers}
      >
        <MarkupLayer markups={markups} selectedId={selectedId} draft={drawing.draft} />
      </div>
    </>
  );
}
