// exifr ships a UMD build (package "main") and an ESM build ("module") whose default export
// lacks `sidecar`. Node's own loader (Electron main, externalised) sees only the UMD default;
// Vite/Vitest see the ESM named exports. Pick whichever object has the full API.
import * as exifrModule from 'exifr';

type ExifrApi = Pick<typeof exifrModule, 'parse' | 'sidecar' | 'tagKeys'>;

const candidates: unknown[] = [exifrModule.default, exifrModule];
const found = candidates.find((c): c is ExifrApi => typeof (c as Partial<ExifrApi> | undefined)?.sidecar === 'function');
if (!found) throw new Error('exifr: neither the default nor the named exports provide sidecar()');

export const exifr: ExifrApi = found;
