// One pane of the comparison: one image (screen size, full size when zoomed in), optionally
// the difference overlay and the markup layer, and a label saying which side it is.
import { type ReactNode, type Ref, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Stage, StageLayer } from './Stage';
import type { CompareImageSource, CompareSide } from './types';
import { useFullSize } from './use-full-size';
import type { Size, Viewport } from './viewport';

export interface ComparePaneProps {
  source: CompareImageSource;
  side: CompareSide;
  /** The shared image space (the after image's size): every image is fitted into it. */
  box: Size;
  viewport: Viewport;
  /** The difference overlay at this opacity (0..1), or nothing. */
  overlay?: { src: string; opacity: number } | null;
  /** The layer drawn in image coordinates (the markup). */
  children?: ReactNode;
  /** Where the side's label sits; a slider puts "after" at the right. */
  labelAt?: 'start' | 'end' | 'none';
  /** Kept mounted but invisible (the toggle's other side): flipping back is instant. */
  hidden?: boolean;
  paneRef?: Ref<HTMLDivElement>;
}

export function ComparePane({
  source,
  side,
  box,
  viewport,
  overlay,
  children,
  labelAt = 'start',
  hidden = false,
  paneRef,
}: ComparePaneProps) {
  const { t } = useTranslation();
  const full = useFullSize(source, box.width * viewport.scale);
  const [failed, setFailed] = useState<string | null>(null);
  const sideName = t(`retouch.compare.${side}`);
  const name = t('retouch.compare.paneLabel', { side: sideName, label: source.label });
  return (
    <div
      className="compare-pane"
      data-compare-pane
      data-side={side}
      data-hidden={hidden || undefined}
      aria-hidden={hidden || undefined}
      ref={paneRef}
    >
      <Stage box={box} viewport={viewport}>
        <img
          className="compare-stage__image"
          src={source.screenSrc}
          alt={name}
          draggable={false}
          onLoad={full.onScreenLoad}
          onError={() => setFailed(source.screenSrc)}
        />
        {full.requested ? (
          <img
            className="compare-stage__image compare-stage__image--full"
            src={source.fullSrc}
            alt=""
            aria-hidden="true"
            draggable={false}
            hidden={!full.showFull}
            onLoad={full.onFullLoad}
          />
        ) : null}
        {overlay ? (
          <img
            className="compare-stage__overlay"
            src={overlay.src}
            alt=""
            aria-hidden="true"
            draggable={false}
            style={{ opacity: overlay.opacity }}
          />
        ) : null}
        {children ? (
          <StageLayer box={box} viewport={viewport}>
            {children}
          </StageLayer>
        ) : null}
      </Stage>
      {labelAt !== 'none' ? (
        <span className={`compare-pane__label compare-pane__label--${labelAt}`} data-side={side}>
          <strong>{sideName}</strong> {source.label}
        </span>
      ) : null}
      {full.loading ? (
        <span className="compare-pane__note" role="status">
          {t('retouch.compare.sharpening')}
        </span>
      ) : null}
      {failed === source.screenSrc ? (
        <p className="compare-pane__error" role="alert">
          {t('retouch.compare.loadError')}
        </p>
      ) : null}
    </div>
  );
}
