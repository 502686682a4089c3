import { useEffect } from 'react';
import { getApi } from '../../api/use-api';
import { ClientList } from './ClientList';
import { ClientPage } from './ClientPage';
import { useClients } from './clients-store';

/** Clients & galleries: the list of clients, or one client's page with their galleries. */
export function ClientsPage() {
  const clientId = useClients((s) => s.clientId);
  useEffect(() => {
    void useClients.getState().refresh();
    return getApi().on('gallery.changed', (change) => useClients.getState().galleryChanged(change));
  }, []);
  return clientId ? <ClientPage /> : <ClientList />;
}
