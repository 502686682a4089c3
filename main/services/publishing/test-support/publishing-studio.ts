// A studio laptop for tests against the real server: catalog + sync service (test-support of
// sync) + publishing service + server answers wired exactly as main/core/library-session.ts
// wires them, and a shoot with real variants to publish.
import path from 'node:path';
import type { PublishInput } from '../../../../shared/schemas/galleries';
import type { ServerProcess } from '../../sync/test-support/server-process';
import { createStudio } from '../../sync/test-support/server-process';
import { openStudio, type Studio } from '../../sync/test-support/studio-fixture';
import { createPublishingService, type PublishingService } from '../publishing-service';
import { createServerAnswers } from '../server-answers';
import { FIXTURE_NAMES, shootWithVariants } from './shoot-with-variants';

export interface PublishingStudio extends Studio {
  publishing: PublishingService;
  shootId: string;
  photoIds: string[];
  notices: string[];
  changes: string[];
}

export async function openPublishingStudio(serverUrl: string, names: readonly string[] = FIXTURE_NAMES): Promise<PublishingStudio> {
  const notices: string[] = [];
  const changes: string[] = [];
  const late: { answers?: ReturnType<typeof createServerAnswers> } = {};
  const studio = openStudio(serverUrl, {
    onChange: (kind, galleryId) => late.answers?.activity(kind, galleryId),
    onRemark: (message) => notices.push(message),
    onDelivered: (item, response) => late.answers?.delivered(item, response),
    onRejected: (item, message) => late.answers?.rejected(item, message),
    onUploadProgress: (seq) => late.answers?.uploadProgress(seq),
  });
  const events = {
    galleryChanged: (id: string, _client: string | null, kind: string) => changes.push(`${kind}:${id}`),
    notice: (message: string) => notices.push(message),
  };
  late.answers = createServerAnswers(studio.catalog, events);
  const mediaDir = path.join(studio.dir, 'variants');
  const { shoot, photoIds } = await shootWithVariants(studio.catalog, mediaDir, names);
  const publishing = createPublishingService({
    catalog: studio.catalog,
    mediaDir,
    proofsDir: path.join(studio.dir, 'proofs'),
    serverUrl: () => studio.sync.status().serverUrl,
    now: () => new Date(),
    events: { job: () => {}, galleryChanged: events.galleryChanged },
  });
  return { ...studio, publishing, shootId: shoot.id, photoIds, notices, changes };
}

/** Pairs with a new studio account (its first code from the server's CLI). */
export async function pairNewStudio(studio: Studio, server: ServerProcess, serverUrl = server.url, name = 'Studio laptop') {
  await studio.sync.pair(serverUrl, await createStudio(server), name);
}

export function publishInputFor(studio: PublishingStudio, title: string, overrides: Partial<PublishInput> = {}): PublishInput {
  return {
    shootId: studio.shootId,
    client: { name: 'Anna Nowak', email: 'anna@example.com', phone: '+48 600 100 200', language: 'pl' },
    title,
    selection: { kind: 'all' },
    settings: {
      expiresAt: null,
      allowWebDownloads: false,
      watermark: true,
      manualValidation: true,
      retouchBeforeDelivery: false,
      autoSendDownloadLinks: false,
      saveDeterrent: false,
    },
    deliveryMethods: [
      { id: 'web', kind: 'digital_web', label: 'Web size', priceMinor: 1500, currency: 'PLN', vatRateBp: 2300, pricing: 'per_photo' },
    ],
    watermarkText: '© Studio Nowak',
    ...overrides,
  };
}
