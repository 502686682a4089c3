// The retouch queue's studio routes (shared/schemas/retouch-api.ts retouchRoutes): list, get, create
// by hand, plan, events through the task machine (its refusals as 409 sentences), a photo's original,
// the queue's files (Range) and a batch's originals as one zip. Registered inside the studio scope:
// device token and Idempotency-Key (a replayed claim or review is answered from the store, never
// applied twice).
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { createTaskBody, planTaskBody, putOriginalBody, taskEventBody } from '../../shared/schemas/retouch-api';
import { deviceOf } from '../auth/require-device';
import { deliveryZip } from '../deliveries/delivery-zip';
import { ApiError } from '../http/api-error';
import { attachment } from '../http/content-disposition';
import { sendStoredFile } from '../http/stored-file';
import { parseInput } from '../http/validate';
import { createHandTask, planTask } from '../retouch/hand-tasks';
import { originalsZipEntries } from '../retouch/originals-zip';
import { findStudioFile, putOriginal } from '../retouch/retouch-files';
import { applyTaskEventBody } from '../retouch/task-events';
import { loadTask } from '../retouch/task-store';
import { taskView, taskViews } from '../retouch/task-views';
import { photoIdParams } from '../schemas/api';

const catalogId = z.string().min(1, 'an id is required').max(100, 'ids are at most 100 characters');
const taskParams = z.object({ taskId: catalogId });
const fileParams = z.object({ sha256: z.string().regex(/^[a-f0-9]{64}$/, 'a SHA-256 in lowercase hex (64 characters)') });
const listQuery = z.object({ orderId: catalogId.optional() }).strict();
const zipQuery = z
  .object({
    tasks: z
      .string('list the tasks as ?tasks=<id>,<id>')
      .transform((s) =>
        s
          .split(',')
          .map((id) => id.trim())
          .filter((id) => id !== ''),
      )
      .pipe(z.array(catalogId).min(1, 'list at least one task as ?tasks=<id>,<id>').max(5000, 'at most 5000 tasks in one zip')),
  })
  .strict();

export async function studioRetouchRoutes(app: FastifyInstance): Promise<void> {
  const { db, storage, now, publicUrl, mail } = app.proofdesk;
  const askerOf = (request: Parameters<typeof deviceOf>[0]) => {
    const device = deviceOf(request);
    return { studioId: device.studioId, deviceId: device.deviceId, deviceName: device.deviceName };
  };

  app.get('/v1/retouch/tasks', async (request) => {
    const { studioId } = deviceOf(request);
    const { orderId } = parseInput(listQuery, request.query, 'The task list');
    let query = db.selectFrom('retouch_tasks').selectAll().where('studio_id', '=', studioId);
    if (orderId) query = query.where('order_id', '=', orderId);
    const rows = await query.orderBy('created_at', 'desc').orderBy('id', 'desc').execute();
    return { tasks: await taskViews(db, studioId, rows) };
  });

  app.get('/v1/retouch/tasks/:taskId', async (request) => {
    const { studioId } = deviceOf(request);
    const { taskId } = parseInput(taskParams, request.params, 'The task');
    return taskView(db, await loadTask(db, studioId, taskId));
  });

  app.post('/v1/retouch/tasks', async (request, reply) => {
    const body = parseInput(createTaskBody, request.body, 'The new task');
    const { view, created } = await createHandTask(db, { asker: askerOf(request), body, now: now() });
    return reply.code(created ? 201 : 200).send(view);
  });

  app.patch('/v1/retouch/tasks/:taskId', async (request) => {
    const { taskId } = parseInput(taskParams, request.params, 'The task');
    const body = parseInput(planTaskBody, request.body, 'The plan');
    return planTask(db, { asker: askerOf(request), taskId, body, now: now() });
  });

  app.post('/v1/retouch/tasks/:taskId/events', async (request) => {
    const { taskId } = parseInput(taskParams, request.params, 'The task');
    const body = parseInput(taskEventBody, request.body, 'The task action');
    const { view, orderCompleted } = await applyTaskEventBody(db, storage, {
      asker: askerOf(request),
      taskId,
      body,
      now: now(),
      publicUrl: publicUrl(),
    });
    // The order moved on to ready to deliver: its e-mails (if any) were queued with it.
    if (orderCompleted) mail.kick();
    return view;
  });

  app.put('/v1/retouch/photos/:photoId/original', async (request) => {
    const { photoId } = parseInput(photoIdParams, request.params, 'The photo');
    const file = parseInput(putOriginalBody, request.body, 'The original');
    const asker = askerOf(request);
    const tasks = await putOriginal(db, storage, {
      studioId: asker.studioId,
      photoId,
      file,
      by: { deviceId: asker.deviceId, deviceName: asker.deviceName },
      now: now(),
    });
    return { tasks };
  });

  app.route({
    method: ['GET', 'HEAD'],
    url: '/v1/retouch/files/:sha256',
    handler: async (request, reply) => {
      const { studioId } = deviceOf(request);
      const { sha256 } = parseInput(fileParams, request.params, 'The file');
      const file = await findStudioFile(db, studioId, sha256);
      // Any blob that is not an original or version of this studio's tasks reads as absent, whoever else stored it.
      if (!file) {
        throw new ApiError(
          'not_found',
          'This file is not an original or a version in this studio’s retouch queue. Reload the task and download the files it lists.',
        );
      }
      return sendStoredFile(request, reply, storage, file);
    },
  });

  app.route({
    method: ['GET', 'HEAD'],
    url: '/v1/retouch/originals.zip',
    handler: async (request, reply) => {
      const { studioId } = deviceOf(request);
      const { tasks } = parseInput(zipQuery, request.query, 'The batch to download');
      const entries = await originalsZipEntries(db, studioId, tasks);
      const zip = deliveryZip(storage, entries, new Date(now()));
      const count = entries.length === 1 ? '1 photo' : `${entries.length} photos`;
      reply
        .header('content-length', String(zip.size))
        .header('accept-ranges', 'none')
        .header('content-disposition', attachment(`Originals to retouch (${count}).zip`))
        .type('application/zip');
      if (request.method === 'HEAD') {
        zip.stream.destroy();
        return reply.send();
      }
      return reply.send(zip.stream);
    },
  });
}
