import { useEffect } from 'react';
import { getApi } from '../../api/use-api';
import { RetouchQueue } from './RetouchQueue';
import { useRetouch } from './retouch-store';
import { TaskPage } from './TaskPage';
import './retouch.css';

/** Retouch: the queue (filters, batch actions) or one task's page. */
export function RetouchPage() {
  const taskId = useRetouch((s) => s.taskId);
  useEffect(() => {
    void useRetouch.getState().refresh();
    const api = getApi();
    let last = '';
    // Tasks come with sync (the feed), images get prepared in the background, queued changes get sent.
    const offChanged = api.on('retouch.changed', () => useRetouch.getState().changed());
    const offSync = api.on('sync.status', (status) => {
      const key = `${status.lastSuccessAt}|${status.pendingCount}|${status.rejectedCount}`;
      if (key !== last) useRetouch.getState().changed();
      last = key;
    });
    return () => {
      offChanged();
      offSync();
    };
  }, []);
  return taskId ? <TaskPage /> : <RetouchQueue />;
}
