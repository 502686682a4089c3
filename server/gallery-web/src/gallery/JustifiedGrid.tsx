// The gallery grid: justified rows computed from the known photo sizes. Rows off screen skip
// rendering work (content-visibility) and images load lazily, so a gallery of thousands stays
// quick without a virtualiser.
import { useMemo, useRef } from 'react';
import type { GalleryPhoto } from '../api/client-api';
import { justify } from '../layout/justify';
import { PhotoTile } from './PhotoTile';
import { useElementWidth } from './use-element-width';

/** Smaller rows and gaps on a phone, generous ones on a wide screen. */
function sizingFor(width: number) {
  if (width < 600) return { targetHeight: 230, gap: 4 };
  if (width < 1100) return { targetHeight: 300, gap: 10 };
  return { targetHeight: 360, gap: 14 };
}

/** Roughly the first screenful loads at once; the rest when scrolled near. */
const EAGER = 6;

export function JustifiedGrid({ photos, onOpen }: { photos: readonly GalleryPhoto[]; onOpen(index: number): void }) {
  const ref = useRef<HTMLDivElement>(null);
  const width = useElementWidth(ref);
  const { targetHeight, gap } = sizingFor(width);
  const rows = useMemo(() => justify(photos, { containerWidth: width, targetHeight, gap }), [photos, width, targetHeight, gap]);
  return (
    <div ref={ref} className="grid" style={{ gap }}>
      {rows.map((row) => (
        <div key={row.boxes[0]?.index} className="grid-row" style={{ height: row.height, gap, containIntrinsicHeight: row.height }}>
          {row.boxes.map((box) => {
            const photo = photos[box.index];
            return photo ? (
              <PhotoTile
                key={photo.id}
                photo={photo}
                width={box.width}
                height={box.height}
                eager={box.index < EAGER}
                onOpen={() => onOpen(box.index)}
              />
            ) : null;
          })}
        </div>
      ))}
    </div>
  );
}
