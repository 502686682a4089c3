// The markup editor's tool buttons, colours, undo and delete. Rendered into the comparison's
// toolbar (MarkupEditor portals it there), so they sit with the zoom controls.
import { useTranslation } from 'react-i18next';
import { type Markup, markupColors } from '../../../../../shared/retouch/markup';
import { markupInk } from './colors';
import { type MarkupTool, markupTools, toolKeys } from './draft';

export interface MarkupToolsProps {
  tool: MarkupTool;
  onTool: (tool: MarkupTool) => void;
  color: Markup['color'];
  onColor: (color: Markup['color']) => void;
  canUndo: boolean;
  onUndo: () => void;
  canDelete: boolean;
  onDelete: () => void;
  idPrefix: string;
}

export const undoKeys = () => (typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform) ? '⌘Z' : 'Ctrl+Z');

export function MarkupTools(props: MarkupToolsProps) {
  const { t } = useTranslation();
  return (
    <>
      <div className="markup-tools" role="toolbar" aria-label={t('retouch.markup.tools.label')}>
        {markupTools.map((tool) => {
          const label = t(`retouch.markup.tools.${tool}`);
          return (
            <button
              key={tool}
              type="button"
              className="button button--small markup-tools__tool"
              aria-pressed={props.tool === tool}
              aria-keyshortcuts={toolKeys[tool]}
              title={t('retouch.markup.shortcut', { tool: label, key: toolKeys[tool] })}
              onClick={() => props.onTool(tool)}
            >
              <ToolIcon tool={tool} />
              <span>{label}</span>
            </button>
          );
        })}
      </div>
      <div className="markup-colors" role="radiogroup" aria-label={t('retouch.markup.color')}>
        {markupColors.map((color) => (
          <label key={color} className="markup-colors__swatch" title={t(`retouch.markup.colors.${color}`)}>
            <input type="radio" name={`${props.idPrefix}-color`} checked={props.color === color} onChange={() => props.onColor(color)} />
            <span className="markup-colors__dot" style={{ background: markupInk[color] }} aria-hidden="true" />
            <span className="visually-hidden">{t(`retouch.markup.colors.${color}`)}</span>
          </label>
        ))}
      </div>
      <div className="markup-tools__edit">
        <button
          type="button"
          className="button button--small"
          disabled={!props.canUndo}
          title={t('retouch.markup.undoHint', { keys: undoKeys() })}
          aria-keyshortcuts="Control+Z Meta+Z"
          onClick={props.onUndo}
        >
          {t('retouch.markup.undo')}
        </button>
        <button
          type="button"
          className="button button--small"
          disabled={!props.canDelete}
          title={t('retouch.markup.deleteHint')}
          aria-keyshortcuts="Delete Backspace"
          onClick={props.onDelete}
        >
          {t('retouch.markup.delete')}
        </button>
      </div>
    </>
  );
}

const toolPaths: Record<MarkupTool, string> = {
  freehand: 'M4 17c3-1 4-6 7-6s2 5 5 5 3-4 4-6',
  arrow: 'M5 19L19 5 M10 5h9v9',
  circle: 'M12 5a7 6 0 1 0 0.01 0',
  pin: 'M12 21s6-6 6-11a6 6 0 1 0-12 0c0 5 6 11 6 11z M12 8v4',
  select: 'M6 4l12 7-5.5 1.5L10 18z',
};

function ToolIcon({ tool }: { tool: MarkupTool }) {
  return (
    <svg
      width="16"
      height="16"
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.8"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
    >
      <path d={toolPaths[tool]} />
    </svg>
  );
}
