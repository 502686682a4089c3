// One handler per contract call, grouped by feature. Handlers are thin: they validate
// nothing themselves (the registry did) and translate to a service call.
import type { Handlers } from '../types';
import { appHandlers } from './app';
import type { HandlerDeps } from './deps';
import { exportHandlers } from './exports';
import { clientHandlers, galleryHandlers } from './galleries';
import { deliveryHandlers, orderHandlers, studioHandlers } from './orders';
import { photoHandlers } from './photos';
import { retouchHandlers } from './retouch';
import { shootHandlers } from './shoots';
import { syncHandlers } from './sync';

export type { DesktopShell, HandlerDeps } from './deps';

export function createHandlers(deps: HandlerDeps): Handlers {
  return {
    ...appHandlers(deps),
    ...shootHandlers(deps),
    ...photoHandlers(deps),
    ...syncHandlers(deps),
    ...clientHandlers(deps),
    ...galleryHandlers(deps),
    ...orderHandlers(deps),
    ...deliveryHandlers(deps),
    ...studioHandlers(deps),
    ...exportHandlers(deps),
    ...retouchHandlers(deps),
  };
}
