// The comparison's controls: view mode, before/after switch (toggle mode), zoom, the
// difference overlay, and a slot where a markup editor puts its tools.
import type { ReactNode, Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { CompareMode, CompareSide } from './types';

export interface CompareToolbarProps {
  modes: readonly CompareMode[];
  mode: CompareMode;
  onMode: (mode: CompareMode) => void;
  shown: CompareSide;
  onFlip: () => void;
  scale: number;
  fitted: boolean;
  onFit: () => void;
  onActual: () => void;
  onStep: (direction: 1 | -1) => void;
  overlay: { visible: boolean; opacity: number; onVisible: (on: boolean) => void; onOpacity: (value: number) => void } | null;
  toolsRef: Ref<HTMLDivElement>;
  extra?: ReactNode;
  /** One id per view: radios of two comparisons on one page must not share a name. */
  idPrefix: string;
}

const modeKey = { slider: 'slider', 'side-by-side': 'sideBySide', toggle: 'toggle' } as const;

export function CompareToolbar(props: CompareToolbarProps) {
  const { t } = useTranslation();
  const { modes, mode, scale, overlay, idPrefix } = props;
  const percent = Math.round(scale * 100);
  return (
    <div className="compare-toolbar">
      {modes.length > 1 ? (
        <div className="segmented compare-toolbar__modes" role="radiogroup" aria-label={t('retouch.compare.mode')}>
          {modes.map((m) => (
            <label key={m} className="radio">
              <input type="radio" name={`${idPrefix}-mode`} checked={mode === m} onChange={() => props.onMode(m)} />
              {t(`retouch.compare.modes.${modeKey[m]}`)}
            </label>
          ))}
        </div>
      ) : null}
      {mode === 'toggle' ? (
        <button type="button" className="button button--small" onClick={props.onFlip} aria-keyshortcuts="Space Backslash">
          {t('retouch.compare.flip')}
        </button>
      ) : null}
      <fieldset className="compare-toolbar__zoom">
        <legend className="visually-hidden">{t('retouch.compare.zoom')}</legend>
        <button
          type="button"
          className="button button--small"
          aria-pressed={props.fitted}
          title={t('retouch.compare.fitHint')}
          aria-keyshortcuts="0"
          onClick={props.onFit}
        >
          {t('retouch.compare.fit')}
        </button>
        <button
          type="button"
          className="button button--small"
          aria-pressed={percent === 100}
          title={t('retouch.compare.actualHint')}
          aria-keyshortcuts="1"
          onClick={props.onActual}
        >
          {t('retouch.compare.actual')}
        </button>
        <button
          type="button"
          className="button button--small compare-toolbar__step"
          aria-label={t('retouch.compare.zoomOut')}
          title={t('retouch.compare.zoomOut')}
          aria-keyshortcuts="-"
          onClick={() => props.onStep(-1)}
        >
          −
        </button>
        <output className="compare-toolbar__level" aria-label={t('retouch.compare.levelLabel')} aria-live="polite">
          {t('retouch.compare.level', { percent })}
        </output>
        <button
          type="button"
          className="button button--small compare-toolbar__step"
          aria-label={t('retouch.compare.zoomIn')}
          title={t('retouch.compare.zoomIn')}
          aria-keyshortcuts="+"
          onClick={() => props.onStep(1)}
        >
          +
        </button>
      </fieldset>
      {overlay ? (
        <div className="compare-toolbar__overlay">
          <label className="checkbox">
            <input type="checkbox" checked={overlay.visible} onChange={(e) => overlay.onVisible(e.currentTarget.checked)} />
            {t('retouch.compare.overlay')}
          </label>
          <input
            type="range"
            min={0.1}
            max={1}
            step={0.05}
            value={overlay.opacity}
            disabled={!overlay.visible}
            aria-label={t('retouch.compare.overlayOpacity')}
            aria-valuetext={`${Math.round(overlay.opacity * 100)}%`}
            onChange={(e) => overlay.onOpacity(Number(e.currentTarget.value))}
          />
        </div>
      ) : null}
      <div className="compare-toolbar__tools" ref={props.toolsRef} />
      {props.extra}
    </div>
  );
}
