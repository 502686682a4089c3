// The retouch queue (issue 7): thin translations to the session's retouch service. Opening a file
// in the system's editor or revealing it needs the desktop app's shell (main/app passes it in);
// the browser host has none, so it says where the file is instead.
import { AppError } from '../../../shared/errors';
import { type HandlerDeps, type Prefixed, requireSession } from './deps';

export function retouchHandlers(deps: HandlerDeps): Prefixed<'retouch'> {
  const retouch = () => requireSession(deps).retouch;
  return {
    'retouch.list': ({ filter, search, orderId }) => retouch().list(filter, search, orderId),
    'retouch.get': ({ taskId }) => retouch().get(taskId),
    'retouch.create': (input) => retouch().create(input),
    'retouch.plan': ({ taskId, priority, dueAt }) => retouch().plan(taskId, { priority, dueAt }),
    'retouch.claim': ({ taskIds }) => retouch().claim(taskIds),
    'retouch.release': ({ taskIds }) => retouch().release(taskIds),
    'retouch.resume': ({ taskId }) => retouch().resume(taskId),
    'retouch.dropPreview': ({ taskIds, paths }) => retouch().dropPreview(taskIds, paths),
    'retouch.submit': ({ pairs }) => ({ jobId: retouch().submit(pairs).jobId }),
    'retouch.review': (input) => retouch().review(input),
    'retouch.diff': (input) => retouch().diff(input),
    'retouch.downloadOriginals': ({ taskIds, folder, as }) => ({ jobId: retouch().downloadOriginals(taskIds, folder, as).jobId }),
    'retouch.open': async ({ taskId, file, how }) => {
      const found = await retouch().filePath(taskId, file);
      const shell = deps.shell;
      if (!shell) {
        throw new AppError(
          'unsupported',
          `The file is at ${found}. Opening it in an editor or showing it in its folder needs the Proofdesk desktop app; in this browser window, open it from there yourself.`,
        );
      }
      if (how === 'reveal') shell.showItemInFolder(found);
      else {
        const problem = await shell.openPath(found);
        if (problem) throw new AppError('io_error', `${found} could not be opened (${problem}). Open it from your editor instead.`);
      }
      return { path: found };
    },
    'retouch.dismissProblem': ({ taskId }) => retouch().dismissProblem(taskId),
  };
}
