// Favourites (hearts) and basket: GET the list, PUT/DELETE one photo, DELETE the whole list.
// Every answer is the whole list with its count, so the page's running count is always right.
import type { FastifyInstance } from 'fastify';
import { clientOf } from '../auth/require-client';
import type { SelectionList } from '../db/types';
import { addToSelection, clearSelection, listSelection, removeFromSelection, type SelectionScope } from '../galleries/selections';
import { parseInput } from '../http/validate';
import { photoIdParams } from '../schemas/api';

const lists: [path: string, list: SelectionList][] = [
  ['favourites', 'favourite'],
  ['basket', 'basket'],
];

export async function clientSelectionRoutes(app: FastifyInstance): Promise<void> {
  const { db, now } = app.proofdesk;
  for (const [path, list] of lists) {
    const scopeOf = (request: Parameters<typeof clientOf>[0]): SelectionScope => {
      const client = clientOf(request);
      return { studioId: client.studioId, galleryId: client.galleryId, list };
    };
    const photoOf = (params: unknown) => parseInput(photoIdParams, params, 'The photo').photoId;

    app.get(`/v1/client/${path}`, async (request) => listSelection(db, scopeOf(request)));
    app.put(`/v1/client/${path}/:photoId`, async (request) => addToSelection(db, scopeOf(request), photoOf(request.params), now()));
    app.delete(`/v1/client/${path}/:photoId`, async (request) => removeFromSelection(db, scopeOf(request), photoOf(request.params), now()));
    app.delete(`/v1/client/${path}`, async (request) => clearSelection(db, scopeOf(request), now()));
  }
}
