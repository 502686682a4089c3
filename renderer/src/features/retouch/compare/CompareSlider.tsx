// Slider mode: react-compare-slider's divider over two panes that share one viewport, so the
// divider cuts the same zoomed picture. Only the divider moves it (onlyHandleDraggable):
// dragging anywhere else pans. Built from the library's parts to give the divider our label,
// and to lift it above the markup layer (which sits over both halves).
import * as Slider from 'react-compare-slider/components';
import { useReactCompareSlider } from 'react-compare-slider/hooks';
import { useTranslation } from 'react-i18next';
import { ComparePane, type ComparePaneProps } from './ComparePane';
import type { CompareImageSource } from './types';

interface CompareSliderProps extends Pick<ComparePaneProps, 'box' | 'viewport' | 'overlay' | 'paneRef'> {
  before: CompareImageSource;
  after: CompareImageSource;
}

export function CompareSlider({ before, after, box, viewport, overlay, paneRef }: CompareSliderProps) {
  const { t } = useTranslation();
  const slider = useReactCompareSlider({ onlyHandleDraggable: true, keyboardIncrement: '2%' });
  return (
    <Slider.Provider {...slider}>
      <Slider.Root className="compare-slider">
        <Slider.Item item="itemOne" className="compare-slider__item">
          {/* The overlay is on both halves: what changed shows wherever the divider is. */}
          <ComparePane source={before} side="before" box={box} viewport={viewport} overlay={overlay} paneRef={paneRef} />
        </Slider.Item>
        <Slider.Item item="itemTwo" className="compare-slider__item">
          <ComparePane source={after} side="after" box={box} viewport={viewport} overlay={overlay} labelAt="end" />
        </Slider.Item>
        <Slider.HandleRoot aria-label={t('retouch.compare.divider')} style={{ zIndex: 3 }}>
          <Slider.Handle buttonStyle={{ width: '2.5rem', height: '2.5rem' }} />
        </Slider.HandleRoot>
      </Slider.Root>
    </Slider.Provider>
  );
}
