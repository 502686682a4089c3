// A reviewer's markup on a version (issue 7 point 4): freehand marker strokes, arrows, circles
// and numbered pins, each with an optional comment. Stored as vectors RELATIVE to the image
// (x and y from 0 to 1 of its width and height; stroke widths as a fraction of the width), so a
// markup drawn at 30 % zoom on the reviewer's laptop lands on the same pixels at 400 % on the
// retoucher's, and on a version of another pixel size with the same aspect.
import { z } from 'zod';

/** A coordinate as a fraction of the image side; a little outside is allowed (an arrow may start off the edge). */
const unit = z.number().min(-0.5).max(1.5);
export const relPointSchema = z.object({ x: unit, y: unit });
export type RelPoint = z.infer<typeof relPointSchema>;

const comment = z.string().trim().max(2000).default('');
const markupId = z.string().min(1).max(100);
export const markupColors = ['red', 'yellow', 'cyan', 'white'] as const;
const common = { id: markupId, comment, color: z.enum(markupColors).default('red') };

export const markupSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('freehand'),
    ...common,
    /** The pen's path; pressure 0..1 where the device gave one (perfect-freehand simulates it otherwise). */
    points: z
      .array(z.object({ x: unit, y: unit, pressure: z.number().min(0).max(1).optional() }))
      .min(1)
      .max(5000),
    /** Pen size as a fraction of the image width. */
    size: z.number().positive().max(0.2),
  }),
  z.object({ kind: z.literal('arrow'), ...common, from: relPointSchema, to: relPointSchema }),
  /** An ellipse: centre and radii as fractions of width (rx) and height (ry). */
  z.object({
    kind: z.literal('circle'),
    ...common,
    center: relPointSchema,
    rx: z.number().positive().max(2),
    ry: z.number().positive().max(2),
  }),
  /** A numbered pin: n is shown on the pin and in the comment list (1, 2, 3 … per round). */
  z.object({ kind: z.literal('pin'), ...common, n: z.number().int().positive().max(999), at: relPointSchema }),
]);
export type Markup = z.infer<typeof markupSchema>;
export type MarkupInput = z.input<typeof markupSchema>;
export type MarkupKind = Markup['kind'];
export const markupKinds = ['freehand', 'arrow', 'circle', 'pin'] as const satisfies readonly MarkupKind[];

export const markupListSchema = z.array(markupSchema).max(200, 'At most 200 markups on one version');
