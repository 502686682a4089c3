// The markup colours (shared/retouch/markup.ts names them) as drawn: strong enough to read on
// a photo, each with a dark halo so a yellow line on a bright sky still shows.
import type { Markup } from '../../../../../shared/retouch/markup';

export const markupInk: Record<Markup['color'], string> = {
  red: '#ff3b30',
  yellow: '#ffd60a',
  cyan: '#32d2f5',
  white: '#ffffff',
};
export const haloInk = 'rgb(0 0 0 / 0.55)';
/** Text on a pin of this colour. */
export const pinText: Record<Markup['color'], string> = { red: '#ffffff', yellow: '#1d1c1a', cyan: '#1d1c1a', white: '#1d1c1a' };
