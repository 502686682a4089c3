// The single source of truth for everything that crosses the renderer ↔ main boundary.
// Adding a call = one entry here + one handler in main/ipc/handlers. The preload bridge,
// the renderer client, the Electron registry and the browser host routes all derive
// from these two maps, so there is no channel string anywhere else.
import { z } from 'zod';
import { appInfoSchema } from './schemas/app';
import { deliveryPrepareInput, deliveryPreviewInput, deliveryPreviewSchema, deliveryProgressSchema } from './schemas/delivery-desk';
import {
  exportCancelInput,
  exportCancelOutput,
  exportPreviewInput,
  exportPreviewSchema,
  exportResultSchema,
  exportRunInput,
  exportTargetSchema,
} from './schemas/export-desk';
import {
  clientDetailSchema,
  clientSchema,
  clientSummarySchema,
  extendExpiryInput,
  galleryChangedSchema,
  galleryDetailSchema,
  galleryIdInput,
  gallerySummarySchema,
  publishInput,
  saveClientInput,
} from './schemas/galleries';
import { jobProgressSchema } from './schemas/jobs';
import { libraryCreateInput, libraryOpenInput, librarySchema, recentLibrarySchema } from './schemas/library';
import { studioSettingsSchema } from './schemas/orders-api';
import {
  orderActInput,
  orderContactInput,
  orderDetailSchema,
  orderDismissInput,
  orderIdInput,
  orderResendInput,
  ordersListInput,
  ordersListOutput,
} from './schemas/orders-desk';
import { noticeSchema, photoDetailSchema, photoListInput, photoListOutput, photosChangedSchema, setFlagsInput } from './schemas/photos';
import { prefsPatchSchema, prefsSchema } from './schemas/prefs';
import {
  claimOutput,
  diffInput,
  diffOutput,
  downloadOriginalsInput,
  dropPreviewInput,
  dropPreviewOutput,
  openFileInput,
  retouchChangedSchema,
  retouchCreateInput,
  retouchDetailSchema,
  retouchListInput,
  retouchListOutput,
  retouchPlanInput,
  reviewInput,
  submitInput,
  taskIdInput,
  taskIdsInput,
} from './schemas/retouch-desk';
import { addShootInput, shootIdInput, shootProgressSchema, shootSchema } from './schemas/shoots';
import { pairInput, syncStatusSchema } from './schemas/sync';

const none = z.object({}).strict();

function call<I extends z.ZodType, O extends z.ZodType>(input: I, output: O, summary: string) {
  return { input, output, summary };
}

export const calls = {
  'app.info': call(none, appInfoSchema, 'Version, runtime and capabilities of this app'),
  'prefs.get': call(none, prefsSchema, 'Read the app preferences'),
  'prefs.set': call(prefsPatchSchema, prefsSchema, 'Change some preferences; answers all of them'),
  'library.current': call(none, librarySchema.nullable(), 'The open studio library, if any'),
  'library.recent': call(none, z.array(recentLibrarySchema), 'Recently opened libraries'),
  'library.create': call(libraryCreateInput, librarySchema, 'Create a studio library in a folder and open it'),
  'library.open': call(libraryOpenInput, librarySchema, 'Open an existing studio library'),
  'library.close': call(none, z.null(), 'Close the open library'),
  'dialog.pickFolder': call(
    z.object({ title: z.string().max(200).optional() }).strict(),
    z.object({ path: z.string().nullable() }),
    'Native folder picker (Electron only)',
  ),
  'shoots.list': call(none, z.array(shootSchema), 'List the shoots of the open library'),
  'shoots.add': call(addShootInput, shootSchema, 'Add and watch a shoot folder or a root of shoots'),
  'shoots.remove': call(shootIdInput, z.null(), 'Stop watching a shoot (files on disk are untouched)'),
  'shoots.pause': call(shootIdInput, shootProgressSchema, "Pause a shoot's import"),
  'shoots.resume': call(shootIdInput, shootProgressSchema, "Resume a shoot's import"),
  'shoots.cancel': call(shootIdInput, shootProgressSchema, "Cancel the rest of a shoot's import"),
  'photos.list': call(photoListInput, photoListOutput, 'List photos of a shoot for the grid'),
  'photos.get': call(z.object({ photoId: z.string().min(1) }).strict(), photoDetailSchema, 'Read one photo with its metadata'),
  'photos.setFlags': call(
    setFlagsInput,
    z.array(z.object({ photoId: z.string(), rating: z.number(), pick: z.string(), colorLabel: z.string().nullable() })),
    'Rate, pick/reject or label photos',
  ),
  'sync.status': call(none, syncStatusSchema.nullable(), 'Sync state with the hosted service (null when no library is open)'),
  'sync.pair': call(pairInput, syncStatusSchema, 'Pair this computer with the hosted service using a pairing code'),
  'sync.now': call(none, syncStatusSchema, 'Send waiting changes and fetch client activity now'),
  'sync.pairingCode': call(
    none,
    z.object({ code: z.string(), expiresAt: z.string() }),
    "A single-use code to pair another of the studio's computers (needs a connection)",
  ),
  'clients.list': call(none, z.array(clientSummarySchema), "The studio's clients with a summary of their galleries"),
  'clients.get': call(z.object({ clientId: z.string().min(1) }).strict(), clientDetailSchema, 'One client and their galleries'),
  'clients.save': call(saveClientInput, clientSchema, 'Create a client or correct their contact details'),
  'galleries.forShoot': call(
    z.object({ shootId: z.string().min(1) }).strict(),
    z.array(gallerySummarySchema),
    'Galleries made from a shoot',
  ),
  'galleries.get': call(galleryIdInput, galleryDetailSchema, "A gallery with its client's activity (views, favourites, basket, orders)"),
  'galleries.publish': call(
    publishInput,
    z.object({ galleryId: z.string(), jobId: z.string() }),
    'Publish photos of a shoot as a client gallery (proofs made now, sent on sync; progress as job.progress)',
  ),
  'galleries.unpublish': call(galleryIdInput, gallerySummarySchema, 'Take a gallery offline for the client (kept, can be published again)'),
  'galleries.republish': call(galleryIdInput, gallerySummarySchema, 'Publish an unpublished gallery again'),
  'galleries.extendExpiry': call(extendExpiryInput, gallerySummarySchema, "Change a gallery's expiry date (null: never expires)"),
  'galleries.regenerateCode': call(
    galleryIdInput,
    gallerySummarySchema,
    'A new access code; the old one and open client sessions stop working',
  ),
  'galleries.cancelPublish': call(galleryIdInput, gallerySummarySchema, 'Stop sending a gallery that is still uploading'),
  'orders.list': call(ordersListInput, ordersListOutput, 'The order desk: orders by filter, with a count per filter'),
  'orders.get': call(orderIdInput, orderDetailSchema, 'One order: photos, totals, history, e-mails and the actions possible now'),
  'orders.act': call(orderActInput, orderDetailSchema, 'Validate, mark as paid, force delivery, record a refund, cancel… (sent on sync)'),
  'orders.correctContact': call(orderContactInput, orderDetailSchema, "Correct the client's e-mail address or phone on an order"),
  'orders.resendEmail': call(orderResendInput, orderDetailSchema, "Send an order's e-mail again, to the order's current address"),
  'orders.dismissProblem': call(orderDismissInput, orderDetailSchema, 'Hide a refused action once the user has read why'),
  'delivery.preview': call(
    deliveryPreviewInput,
    deliveryPreviewSchema,
    'Match dropped files and folders to the ordered photos (nothing is sent yet)',
  ),
  'delivery.prepare': call(
    deliveryPrepareInput,
    z.object({ jobId: z.string() }),
    'Make the full-resolution and/or web files of the chosen pairs and queue them (progress as job.progress)',
  ),
  'delivery.deliver': call(orderIdInput, orderDetailSchema, 'Deliver to client: the download page link is e-mailed (sent on sync)'),
  'delivery.renewLink': call(
    z.object({ orderId: z.string().min(1), days: z.number().int().min(1).max(365).default(30) }).strict(),
    orderDetailSchema,
    'A new download link for the client (the old one stops working); e-mail it with Resend',
  ),
  'delivery.cancel': call(orderIdInput, deliveryProgressSchema, "Stop sending an order's delivery files"),
  'delivery.progress': call(orderIdInput, deliveryProgressSchema, "How far an order's delivery files have got"),
  'exports.targets': call(none, z.array(exportTargetSchema), "The programs a client's selection can be exported for, with their steps"),
  'exports.preview': call(
    exportPreviewInput,
    exportPreviewSchema,
    "What a source (all orders, favourites, basket) of the client's selection holds: names, prefix warnings, photos not here",
  ),
  'exports.run': call(
    exportRunInput,
    exportResultSchema,
    "Export the client's selection for a program: text to copy, a file saved, sidecars or copies (progress as job.progress)",
  ),
  'exports.cancel': call(exportCancelInput, exportCancelOutput, 'Stop a running sidecar or copy export'),
  'studio.settings': call(
    none,
    z.object({ settings: studioSettingsSchema, pending: z.boolean(), fresh: z.boolean() }),
    'Payment instructions, where new orders are announced, card payments (last known when offline)',
  ),
  'studio.saveSettings': call(
    studioSettingsSchema.strict(),
    z.object({ settings: studioSettingsSchema, pending: z.boolean(), fresh: z.boolean() }),
    "Change the studio's payment settings (sent on sync)",
  ),
  'retouch.list': call(retouchListInput, retouchListOutput, 'The retouch queue by filter (mine, unclaimed, sent back, due…), with counts'),
  'retouch.get': call(
    taskIdInput,
    retouchDetailSchema,
    'One retouch task: its photo, rounds, markups, history, prepared images and the actions possible now',
  ),
  'retouch.create': call(
    retouchCreateInput,
    z.object({ taskIds: z.array(z.string()) }),
    'Retouch tasks made by hand from photos, with a brief (sent on sync)',
  ),
  'retouch.plan': call(retouchPlanInput, retouchDetailSchema, "Change a task's priority or due date (sent on sync)"),
  'retouch.claim': call(
    taskIdsInput,
    claimOutput,
    'Claim tasks: a hold through the hosted service, so nobody else works on them (needs a connection)',
  ),
  'retouch.release': call(taskIdsInput, claimOutput, 'Give tasks back to the queue'),
  'retouch.resume': call(taskIdInput, retouchDetailSchema, 'Start the next round of a task that was sent back (needs a connection)'),
  'retouch.dropPreview': call(dropPreviewInput, dropPreviewOutput, 'Match dropped edited files to the tasks (nothing is sent yet)'),
  'retouch.submit': call(
    submitInput,
    z.object({ jobId: z.string() }),
    'Attach edited files to their tasks and send them to review (progress as job.progress)',
  ),
  'retouch.review': call(reviewInput, retouchDetailSchema, 'Approve a version, or send it back with markups and a comment (sent on sync)'),
  'retouch.diff': call(diffInput, diffOutput, 'The difference overlay of two images of a task (computed off the main thread, cached)'),
  'retouch.downloadOriginals': call(
    downloadOriginalsInput,
    z.object({ jobId: z.string() }),
    'Save the originals of tasks into a folder, as files or one zip (progress as job.progress)',
  ),
  'retouch.open': call(
    openFileInput,
    z.object({ path: z.string() }),
    "Open a task's original or latest version in the system's editor, or show it in its folder",
  ),
  'retouch.dismissProblem': call(taskIdInput, retouchDetailSchema, 'Hide a refused change once the user has read why'),
  'photos.retry': call(
    z.object({ photoIds: z.array(z.string().min(1)).min(1) }).strict(),
    z.null(),
    'Import photos that need attention again',
  ),
} as const;

export const events = {
  'job.progress': jobProgressSchema,
  'library.changed': librarySchema.nullable(),
  'shoot.progress': shootProgressSchema,
  'photos.changed': photosChangedSchema,
  notice: noticeSchema,
  'sync.status': syncStatusSchema,
  'gallery.changed': galleryChangedSchema,
  'retouch.changed': retouchChangedSchema,
} as const;

export type Calls = typeof calls;
export type CallName = keyof Calls;
export type CallInput<N extends CallName> = z.input<Calls[N]['input']>;
export type CallOutput<N extends CallName> = z.output<Calls[N]['output']>;
export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<N extends EventName> = z.output<Events[N]>;

export const callNames = Object.keys(calls) as CallName[];
export const eventNames = Object.keys(events) as EventName[];

export function isCallName(name: unknown): name is CallName {
  return typeof name === 'string' && Object.hasOwn(calls, name);
}
export function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && Object.hasOwn(events, name);
}

/** What the preload exposes as window.proofdesk, and what the browser host's client imitates. */
export type { ProofdeskBridge } from './bridge-type';
export { IPC_CALL_CHANNEL, IPC_EVENT_CHANNEL } from './ipc-channels';
