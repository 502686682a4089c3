import type { Handlers } from '../types';
import { type HandlerDeps, requireSession } from './deps';

export function shootHandlers(deps: HandlerDeps): Pick<Handlers, Extract<keyof Handlers, `shoots.${string}`>> {
  const ingest = () => requireSession(deps).ingest;
  return {
    'shoots.list': () =>
      requireSession(deps)
        .catalog.shoots.list()
        .map((s) => ({ ...s, progress: ingest().progress(s.id) })),
    'shoots.add': async (input) => {
      const shoot = await ingest().addShoot(input);
      return { ...shoot, progress: ingest().progress(shoot.id) };
    },
    'shoots.remove': async ({ shootId }) => {
      await ingest().removeShoot(shootId);
      return null;
    },
    'shoots.pause': ({ shootId }) => {
      ingest().pause(shootId);
      return ingest().progress(shootId);
    },
    'shoots.resume': ({ shootId }) => {
      ingest().resume(shootId);
      return ingest().progress(shootId);
    },
    'shoots.cancel': ({ shootId }) => {
      ingest().cancel(shootId);
      return ingest().progress(shootId);
    },
  };
}
