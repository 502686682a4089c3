// One markup drawn in SVG, in image pixels. Lines use vector-effect="non-scaling-stroke", so
// they keep their screen width at any zoom; arrow heads and pins are sized from the zoom for
// the same reason. Each shape has a dark halo under it (legible on a bright sky) and, when
// selected, a white glow under that.
import { memo, type ReactNode, useMemo } from 'react';
import type { PixelMarkup } from '../../../../../shared/retouch/markup-geometry';
import { haloInk, markupInk, pinText } from './colors';
import { freehandPath } from './freehand-path';

/** A pin's radius on screen, in CSS pixels (hit-testing uses the same). */
export const pinScreenRadius = 11;
const lineWidth = 2.5;
const haloWidth = 5.5;
const glowWidth = 10;
const nonScaling = { vectorEffect: 'non-scaling-stroke' } as const;

interface ShapeProps {
  markup: PixelMarkup;
  /** CSS pixels per image pixel. */
  scale: number;
  selected?: boolean;
  /** A shape still being drawn: freehand outline not finished, no glow. */
  drafting?: boolean;
}

/** Memoised: a wheel tick re-renders the layer, and unchanged shapes need not be rebuilt. */
export const MarkupShape = memo(function MarkupShape({ markup, scale, selected = false, drafting = false }: ShapeProps) {
  const ink = markupInk[markup.color];
  const layers = (d: (stroke: string, width: number) => ReactNode) => (
    <>
      {selected ? d('rgb(255 255 255 / 0.85)', glowWidth) : null}
      {d(haloInk, haloWidth)}
      {d(ink, lineWidth)}
    </>
  );
  switch (markup.kind) {
    case 'freehand':
      return <FreehandShape markup={markup} selected={selected} drafting={drafting} />;
    case 'arrow': {
      const { from, to } = markup;
      const length = Math.hypot(to.x - from.x, to.y - from.y) || 1;
      const ux = (to.x - from.x) / length;
      const uy = (to.y - from.y) / length;
      // The head keeps its screen size but never outgrows a short arrow.
      const head = Math.min(16 / scale, length * 0.6);
      const half = head * 0.55;
      const base = { x: to.x - ux * head, y: to.y - uy * head };
      const headPoints = `${to.x},${to.y} ${base.x - uy * half},${base.y + ux * half} ${base.x + uy * half},${base.y - ux * half}`;
      const shaftEnd = { x: to.x - ux * head * 0.8, y: to.y - uy * head * 0.8 };
      return (
        <g className="markup-shape" data-markup-id={markup.id}>
          {layers((stroke, width) => (
            <>
              <line
                x1={from.x}
                y1={from.y}
                x2={shaftEnd.x}
                y2={shaftEnd.y}
                stroke={stroke}
                strokeWidth={width}
                strokeLinecap="round"
                {...nonScaling}
              />
              <polygon
                points={headPoints}
                fill={stroke === ink ? ink : 'none'}
                stroke={stroke}
                strokeWidth={width}
                strokeLinejoin="round"
                {...nonScaling}
              />
            </>
          ))}
        </g>
      );
    }
    case 'circle':
      return (
        <g className="markup-shape" data-markup-id={markup.id}>
          {layers((stroke, width) => (
            <ellipse
              cx={markup.center.x}
              cy={markup.center.y}
              rx={markup.rx}
              ry={markup.ry}
              fill="none"
              stroke={stroke}
              strokeWidth={width}
              {...nonScaling}
            />
          ))}
        </g>
      );
    case 'pin': {
      const r = pinScreenRadius / scale;
      return (
        <g className="markup-shape markup-shape--pin" data-markup-id={markup.id}>
          {selected ? <circle cx={markup.at.x} cy={markup.at.y} r={r + 4 / scale} fill="rgb(255 255 255 / 0.85)" /> : null}
          <circle cx={markup.at.x} cy={markup.at.y} r={r} fill={ink} stroke={haloInk} strokeWidth={2} {...nonScaling} />
          <text
            x={markup.at.x}
            y={markup.at.y}
            fill={pinText[markup.color]}
            fontSize={(markup.n > 99 ? 9 : 12) / scale}
            fontWeight={700}
            textAnchor="middle"
            dominantBaseline="central"
          >
            {markup.n}
          </text>
        </g>
      );
    }
  }
});

/** The outline does not depend on the zoom (it is in image pixels): computed once per stroke. */
function FreehandShape({
  markup,
  selected,
  drafting,
}: {
  markup: Extract<PixelMarkup, { kind: 'freehand' }>;
  selected: boolean;
  drafting: boolean;
}) {
  const ink = markupInk[markup.color];
  const path = useMemo(() => freehandPath(markup, !drafting), [markup, drafting]);
  // Filled outline, plus a thin stroke of the same ink so a fine line drawn at 400 % still shows at fit.
  return (
    <g className="markup-shape" data-markup-id={markup.id}>
      {selected ? <path d={path} fill="none" stroke="rgb(255 255 255 / 0.85)" strokeWidth={glowWidth - 2} {...nonScaling} /> : null}
      <path d={path} fill="none" stroke={haloInk} strokeWidth={3} strokeLinejoin="round" {...nonScaling} />
      <path d={path} fill={ink} stroke={ink} strokeWidth={1.25} strokeLinejoin="round" {...nonScaling} />
    </g>
  );
}
