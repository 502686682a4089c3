// Before/after comparison for the reviewer (issue 7 point 4): slider, side by side or toggle,
// with ONE zoom/pan state shared by every pane, the full-size file swapped in when zoomed
// past the screen variant, the difference overlay, and a slot for a markup layer drawn in
// the after image's pixels. Keys: Space or \ flips (toggle), 0 fit, 1 100 %, + and − zoom,
// arrows pan.
import { type KeyboardEvent, type ReactNode, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ComparePane } from './ComparePane';
import { CompareSlider } from './CompareSlider';
import { CompareToolbar } from './CompareToolbar';
import { CompareSlotsContext } from './image-space';
import { Stage, StageLayer } from './Stage';
import { type CompareImageSource, type CompareMode, type CompareOverlay, type CompareSide, compareModes } from './types';
import { usePanDrag, useWheelZoom } from './use-gestures';
import { useViewport } from './use-viewport';
import './compare.css';

export interface CompareViewProps {
  before: CompareImageSource;
  after: CompareImageSource;
  /** Controlled mode; leave out to let the view keep its own (starting at defaultMode). */
  mode?: CompareMode;
  defaultMode?: CompareMode;
  onModeChange?: (mode: CompareMode) => void;
  /** The modes offered, e.g. ['side-by-side'] when the edit was cropped. Default: all three. */
  modes?: readonly CompareMode[];
  /** The difference overlay (same size as before), drawn over the after image; omit when there is none. */
  overlay?: CompareOverlay | null;
  /** Default false: the reviewer sees the clean picture first and turns the overlay on. */
  defaultOverlayVisible?: boolean;
  /** 0..1; default 0.7. */
  defaultOverlayOpacity?: number;
  /** Extra controls at the end of the toolbar (e.g. the overlay's status, a round picker). */
  toolbar?: ReactNode;
  /** A layer in the after image's pixel coordinates (MarkupLayer, MarkupEditor), same zoom and pan. */
  children?: ReactNode;
  className?: string;
}

const typing = 'input, textarea, select, [contenteditable="true"]';
const panStep = 80;

export function CompareView(props: CompareViewProps) {
  const { before, after, children, overlay } = props;
  const { t } = useTranslation();
  const idPrefix = useId();
  const modes = props.modes?.length ? props.modes : compareModes;
  const [ownMode, setOwnMode] = useState<CompareMode>(props.defaultMode ?? modes[0] ?? 'slider');
  const wanted = props.mode ?? ownMode;
  const mode = modes.includes(wanted) ? wanted : (modes[0] ?? 'slider');
  const setMode = (next: CompareMode) => {
    setOwnMode(next);
    props.onModeChange?.(next);
  };
  const [shown, setShown] = useState<CompareSide>('after');
  const flip = () => setShown((s) => (s === 'after' ? 'before' : 'after'));
  const [overlayVisible, setOverlayVisible] = useState(props.defaultOverlayVisible ?? false);
  const [overlayOpacity, setOverlayOpacity] = useState(props.defaultOverlayOpacity ?? 0.7);

  // The after image's pixels are the shared image space: markups are drawn on the after version.
  const box = { width: after.width, height: after.height };
  const controls = useViewport(box);
  const { viewport } = controls;
  const [root, setRoot] = useState<HTMLElement | null>(null);
  const [frame, setFrame] = useState<HTMLDivElement | null>(null);
  const [tools, setTools] = useState<HTMLDivElement | null>(null);
  useWheelZoom(frame, controls);
  const drag = usePanDrag(controls.pan);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.defaultPrevented || event.metaKey || event.ctrlKey || event.altKey) return;
    const target = event.target as Element;
    if (target.closest(typing)) return;
    const onControl = target.closest('button, [role="slider"]') !== null;
    const key = event.key;
    if (key === '\\' || (key === ' ' && !onControl)) {
      if (mode !== 'toggle') return;
      flip();
    } else if (key === '0') controls.fit();
    else if (key === '1') controls.actualSize();
    else if (key === '+' || key === '=') controls.step(1);
    else if (key === '-' || key === '_' || key === '−') controls.step(-1);
    else if (key.startsWith('Arrow') && !target.closest('[role="slider"]')) {
      const step = event.shiftKey ? panStep * 4 : panStep;
      const [dx, dy] = { ArrowLeft: [step, 0], ArrowRight: [-step, 0], ArrowUp: [0, step], ArrowDown: [0, -step] }[key] ?? [0, 0];
      controls.pan(dx ?? 0, dy ?? 0);
    } else return;
    event.preventDefault();
  };

  const overlayShown = overlay && overlayVisible ? { src: overlay.src, opacity: overlayOpacity } : null;
  const shownSource = shown === 'after' ? after : before;
  const sideName = t(`retouch.compare.${shown}`);

  return (
    <CompareSlotsContext.Provider value={{ root, tools }}>
      <section
        ref={setRoot}
        className={['compare-view', `compare-view--${mode}`, props.className].filter(Boolean).join(' ')}
        aria-label={t('retouch.compare.region', { before: before.label, after: after.label })}
        // Focusable so the keys work after a click on the picture.
        // biome-ignore lint/a11y/noNoninteractiveTabindex: the region takes the comparison's keyboard shortcuts
        tabIndex={0}
        onKeyDown={onKeyDown}
        onPointerDownCapture={(e) => {
          if (!(e.target as Element).closest('button, input, textarea, select, a, [role="slider"]')) root?.focus({ preventScroll: true });
        }}
      >
        <CompareToolbar
          modes={modes}
          mode={mode}
          onMode={setMode}
          shown={shown}
          onFlip={flip}
          scale={viewport.scale}
          fitted={viewport.fitted}
          onFit={controls.fit}
          onActual={() => controls.actualSize()}
          onStep={controls.step}
          overlay={
            overlay
              ? { visible: overlayVisible, opacity: overlayOpacity, onVisible: setOverlayVisible, onOpacity: setOverlayOpacity }
              : null
          }
          toolsRef={setTools}
          extra={props.toolbar}
          idPrefix={idPrefix}
        />
        <div ref={setFrame} className="compare-view__frame" {...drag} onPointerCancel={drag.onPointerUp}>
          {mode === 'slider' ? (
            <CompareSlider before={before} after={after} box={box} viewport={viewport} overlay={overlayShown} paneRef={controls.measure} />
          ) : mode === 'side-by-side' ? (
            <div className="compare-view__pair">
              <ComparePane source={before} side="before" box={box} viewport={viewport} />
              <ComparePane source={after} side="after" box={box} viewport={viewport} overlay={overlayShown} paneRef={controls.measure}>
                {children}
              </ComparePane>
            </div>
          ) : (
            // Both stay mounted (the hidden one invisible): flipping is instant, nothing reloads.
            <div className="compare-view__stack">
              <ComparePane source={before} side="before" box={box} viewport={viewport} overlay={overlayShown} hidden={shown !== 'before'} />
              <ComparePane
                source={after}
                side="after"
                box={box}
                viewport={viewport}
                overlay={overlayShown}
                hidden={shown !== 'after'}
                paneRef={controls.measure}
              />
            </div>
          )}
          {children && mode !== 'side-by-side' ? (
            // Above both images (the slider's halves, the toggle's two), so the markup stays put.
            <div className="compare-view__layer" data-compare-pane>
              <Stage box={box} viewport={viewport}>
                <StageLayer box={box} viewport={viewport}>
                  {children}
                </StageLayer>
              </Stage>
            </div>
          ) : null}
        </div>
        <p className="compare-view__keys">
          {t('retouch.compare.keys')} {mode === 'toggle' ? t('retouch.compare.keysToggle') : null}
        </p>
        {mode === 'toggle' ? (
          <p className="visually-hidden" aria-live="polite">
            {t('retouch.compare.shown', { side: sideName, label: shownSource.label })}
          </p>
        ) : null}
      </section>
    </CompareSlotsContext.Provider>
  );
}
