// The comparison's zoom and pan as plain numbers, so every pane shows the same part of the
// photo at the same scale (one state, several panes) and the maths is testable without a DOM.
// A screen point s (CSS pixels from the pane's top-left) shows image pixel i where
//   s = i * scale + offset.
// 100 % means one image pixel per CSS pixel.

export interface Size {
  width: number;
  height: number;
}
export interface Point {
  x: number;
  y: number;
}
export interface Viewport {
  scale: number;
  x: number;
  y: number;
  /** True while the whole image fits the pane; a resize then fits again instead of keeping the scale. */
  fitted: boolean;
}

export const maxScale = 4;
/** Zoom steps for + and −: the familiar ones between a small overview and 400 %. */
export const zoomSteps = [0.05, 0.1, 0.125, 0.17, 0.25, 0.33, 0.5, 0.67, 1, 1.5, 2, 3, 4] as const;

/** The scale at which the whole image fits the pane (it may enlarge a small image). */
export function fitScale(image: Size, pane: Size): number {
  if (image.width <= 0 || image.height <= 0 || pane.width <= 0 || pane.height <= 0) return 1;
  return Math.min(pane.width / image.width, pane.height / image.height);
}

/** Never smaller than the whole image in view (or 100 % for an image smaller than the pane). */
export const minScale = (image: Size, pane: Size) => Math.min(fitScale(image, pane), 1);

export function fitViewport(image: Size, pane: Size): Viewport {
  const scale = fitScale(image, pane);
  return { scale, ...centred(image, pane, scale), fitted: true };
}

function centred(image: Size, pane: Size, scale: number): Point {
  return { x: (pane.width - image.width * scale) / 2, y: (pane.height - image.height * scale) / 2 };
}

/**
 * Keeps the picture where it can be seen: an axis narrower than the pane is centred, a wider
 * one may not leave a gap at either edge. The scale is held between minScale and maxScale.
 */
export function clampViewport(viewport: Viewport, image: Size, pane: Size): Viewport {
  const scale = Math.min(maxScale, Math.max(minScale(image, pane), viewport.scale));
  const clampAxis = (offset: number, imageSide: number, paneSide: number) => {
    const shown = imageSide * scale;
    if (shown <= paneSide) return (paneSide - shown) / 2;
    return Math.min(0, Math.max(paneSide - shown, offset));
  };
  return {
    scale,
    x: clampAxis(viewport.x, image.width, pane.width),
    y: clampAxis(viewport.y, image.height, pane.height),
    fitted: viewport.fitted && scale === viewport.scale,
  };
}

/** Zooms to `scale` keeping the image point under `anchor` (a screen point) where it is. */
export function zoomAt(viewport: Viewport, scale: number, anchor: Point, image: Size, pane: Size): Viewport {
  const target = Math.min(maxScale, Math.max(minScale(image, pane), scale));
  const at = screenToImage(viewport, anchor);
  const next = { scale: target, x: anchor.x - at.x * target, y: anchor.y - at.y * target, fitted: false };
  const clamped = clampViewport(next, image, pane);
  return { ...clamped, fitted: Math.abs(target - fitScale(image, pane)) < 1e-9 };
}

/** The next zoom step up (+1) or down (−1) from the current scale, around the pane's centre. */
export function stepZoom(viewport: Viewport, direction: 1 | -1, image: Size, pane: Size): Viewport {
  const fit = fitScale(image, pane);
  // The fit scale is a step too, so stepping down always reaches "whole picture".
  const steps = [...new Set([...zoomSteps, fit])].sort((a, b) => a - b);
  const current = viewport.scale;
  const next =
    direction > 0
      ? (steps.find((s) => s > current * 1.001) ?? maxScale)
      : ([...steps].reverse().find((s) => s < current / 1.001) ?? minScale(image, pane));
  return zoomAt(viewport, next, { x: pane.width / 2, y: pane.height / 2 }, image, pane);
}

/** The scale change for one wheel event: smooth for trackpads, about ±12 % per mouse notch. */
export function wheelFactor(deltaY: number, deltaMode: number): number {
  // deltaMode 1 = lines, 2 = pages; turn both into pixels first.
  const pixels = deltaMode === 1 ? deltaY * 16 : deltaMode === 2 ? deltaY * 400 : deltaY;
  const limited = Math.max(-100, Math.min(100, pixels));
  return Math.exp(-limited * 0.0012);
}

export function panBy(viewport: Viewport, dx: number, dy: number, image: Size, pane: Size): Viewport {
  return clampViewport({ ...viewport, x: viewport.x + dx, y: viewport.y + dy }, image, pane);
}

export function screenToImage(viewport: Viewport, point: Point): Point {
  return { x: (point.x - viewport.x) / viewport.scale, y: (point.y - viewport.y) / viewport.scale };
}

export function imageToScreen(viewport: Viewport, point: Point): Point {
  return { x: point.x * viewport.scale + viewport.x, y: point.y * viewport.scale + viewport.y };
}

/**
 * A new pane size (window resize, mode change): a fitted view fits again; otherwise the image
 * point at the old centre stays at the new centre.
 */
export function resizeViewport(viewport: Viewport, image: Size, from: Size, to: Size): Viewport {
  if (viewport.fitted || from.width <= 0 || from.height <= 0) return fitViewport(image, to);
  const centre = screenToImage(viewport, { x: from.width / 2, y: from.height / 2 });
  const next = { ...viewport, x: to.width / 2 - centre.x * viewport.scale, y: to.height / 2 - centre.y * viewport.scale };
  return clampViewport(next, image, to);
}

/**
 * Whether the screen-size image would look soft: more device pixels are shown across the
 * picture than it has. Then the full-size file is worth loading (when it is larger).
 */
export function needsFullSize(displayedWidth: number, devicePixelRatio: number, screenNaturalWidth: number, fullWidth: number): boolean {
  if (screenNaturalWidth <= 0 || fullWidth <= screenNaturalWidth) return false;
  return displayedWidth * devicePixelRatio > screenNaturalWidth * 1.05;
}
