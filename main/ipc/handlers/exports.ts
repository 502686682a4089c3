// Export of a client's selection for the photographer's editor (seed 004, "Export photos from all orders").
import { type HandlerDeps, type Prefixed, requireSession } from './deps';

export function exportHandlers(deps: HandlerDeps): Prefixed<'exports'> {
  const exports = () => requireSession(deps).exports;
  return {
    'exports.targets': () => exports().targets(),
    'exports.preview': ({ clientId, source }) => exports().preview({ clientId, source }),
    'exports.run': (input) => exports().run(input),
    'exports.cancel': ({ jobId }) => ({ cancelled: exports().cancel(jobId) }),
  };
}
