// The studio's payment instructions, where new orders are announced, and card payments (issue 6
// point 2): read from the hosted service when it answers (and kept for offline use), changed
// through the outbox like every other studio change, so Settings works on a train too.
import { type StudioSettings, studioSettingsSchema } from '../../../shared/schemas/orders-api';
import type { Catalog } from '../catalog';

export const STUDIO_SETTINGS_TOPIC = 'studio-settings';
const EMPTY: StudioSettings = { paymentInstructions: '', notificationEmail: null, cardPayments: false };

export interface StudioSettingsView {
  settings: StudioSettings;
  /** A change still waiting to be sent (shown as it will be). */
  pending: boolean;
  /** False when the hosted service could not be asked just now: these are the last known settings. */
  fresh: boolean;
}

export function createStudioSettings(catalog: Catalog, read: (path: string) => Promise<unknown>) {
  const queued = () => catalog.outbox.byTopic(STUDIO_SETTINGS_TOPIC, 'pending').at(-1);
  const view = (fresh: boolean): StudioSettingsView => {
    const waiting = queued();
    const settings = waiting?.kind === 'request' ? (waiting.body as StudioSettings) : (catalog.studioSettings.get() ?? EMPTY);
    return { settings, pending: waiting !== undefined, fresh };
  };
  return {
    async get(): Promise<StudioSettingsView> {
      try {
        const parsed = studioSettingsSchema.safeParse(await read('/v1/studio/settings'));
        if (parsed.success) catalog.studioSettings.put(parsed.data);
        return view(parsed.success);
      } catch {
        return view(false);
      }
    },
    save(input: StudioSettings): StudioSettingsView {
      const settings = studioSettingsSchema.parse(input);
      catalog.transaction(() => {
        catalog.outbox.enqueue({
          method: 'PUT',
          path: '/v1/studio/settings',
          body: settings,
          label: 'Payment settings',
          topic: STUDIO_SETTINGS_TOPIC,
        });
        catalog.studioSettings.put(settings);
      });
      return view(false);
    },
  };
}
