import { useEffect } from 'react';
import { getApi } from '../../api/use-api';
import { OrderList } from './OrderList';
import { OrderPage } from './OrderPage';
import { useOrders } from './orders-store';

/** Orders: the desk (filters, search, the list) or one order's page. */
export function OrdersPage() {
  const orderId = useOrders((s) => s.orderId);
  useEffect(() => {
    const orders = useOrders.getState();
    void orders.refresh();
    const api = getApi();
    // New orders and their changes come with sync; a sent or refused action changes the outbox.
    let last = '';
    const offGallery = api.on('gallery.changed', (change) => {
      if (change.kind === 'orders' || change.kind === 'other') useOrders.getState().changed();
    });
    const offSync = api.on('sync.status', (status) => {
      const key = `${status.lastSuccessAt}|${status.pendingCount}|${status.rejectedCount}`;
      if (key !== last) useOrders.getState().changed();
      last = key;
    });
    return () => {
      offGallery();
      offSync();
    };
  }, []);
  return orderId ? <OrderPage /> : <OrderList />;
}
