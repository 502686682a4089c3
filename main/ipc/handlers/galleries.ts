import { type HandlerDeps, type Prefixed, requireSession } from './deps';

export function clientHandlers(deps: HandlerDeps): Prefixed<'clients'> {
  return {
    'clients.list': () => requireSession(deps).catalog.clients.list(),
    'clients.get': ({ clientId }) => requireSession(deps).publishing.client(clientId),
    'clients.save': (contact) => requireSession(deps).publishing.saveClient(contact),
  };
}

export function galleryHandlers(deps: HandlerDeps): Prefixed<'galleries'> {
  const publishing = () => requireSession(deps).publishing;
  return {
    'galleries.forShoot': ({ shootId }) => publishing().forShoot(shootId),
    'galleries.get': ({ galleryId }) => publishing().get(galleryId),
    'galleries.publish': (input) => {
      const { galleryId, jobId } = publishing().publish(input);
      return { galleryId, jobId };
    },
    'galleries.unpublish': ({ galleryId }) => publishing().unpublish(galleryId),
    'galleries.republish': ({ galleryId }) => publishing().republish(galleryId),
    'galleries.extendExpiry': ({ galleryId, expiresAt }) => publishing().extendExpiry(galleryId, expiresAt),
    'galleries.regenerateCode': ({ galleryId }) => publishing().regenerateCode(galleryId),
    'galleries.cancelPublish': ({ galleryId }) => publishing().cancel(galleryId),
  };
}
