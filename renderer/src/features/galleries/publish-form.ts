// The publish dialog's form as the user types it (strings, checkboxes), and its conversion to
// the contract's PublishInput: prices to integer minor units, VAT to basis points, the expiry
// date to the end of that day in the user's time zone. Errors are i18n keys per field, so the
// form can show them next to the field and keep everything the user typed.
import type { PhotoSelection, PublishInput } from '../../../../shared/schemas/galleries';
import type { DeliveryMethod, deliveryKinds } from '../../../../shared/schemas/hosted-api';
import type { Language } from '../../../../shared/schemas/prefs';

export type DeliveryKind = (typeof deliveryKinds)[number];
export const currencies = ['PLN', 'EUR'] as const;
export type Currency = (typeof currencies)[number];

export interface DeliveryDraft {
  kind: DeliveryKind;
  enabled: boolean;
  price: string;
  pricing: DeliveryMethod['pricing'];
}

export interface PublishDraft {
  clientMode: 'existing' | 'new';
  clientId: string;
  name: string;
  email: string;
  phone: string;
  language: Language;
  title: string;
  selection: PhotoSelection['kind'];
  neverExpires: boolean;
  expiryDate: string;
  allowWebDownloads: boolean;
  watermark: boolean;
  watermarkText: string;
  manualValidation: boolean;
  retouchBeforeDelivery: boolean;
  autoSendDownloadLinks: boolean;
  saveDeterrent: boolean;
  delivery: DeliveryDraft[];
  currency: Currency;
  vat: string;
}

export const DEFAULT_EXPIRY_DAYS = 30;

/** yyyy-mm-dd of a date in the local time zone (what <input type="date"> speaks). */
export function dateInputValue(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The last second of that local day, as an ISO instant; null when it is not a date. */
export function endOfLocalDay(value: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(year, month - 1, day, 23, 59, 59);
  if (date.getFullYear() !== year || date.getMonth() !== month - 1 || date.getDate() !== day) return null;
  return date.toISOString();
}

/** "30", "30.5", "30,50", "1 200,00" → minor units (3000, 3050, 3050, 120000); null if not a price. */
export function parseMoney(text: string): number | null {
  const compact = text.replace(/[\s\u00a0\u202f]/g, '');
  const match = /^(\d{1,7})(?:[.,](\d{1,2}))?$/.exec(compact);
  if (!match) return null;
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
}

/** "23" or "5,5" (per cent) → basis points (2300, 550); null outside 0–100 % or with more than two decimals. */
export function parsePercentBasisPoints(text: string): number | null {
  const match = /^(\d{1,3})(?:[.,](\d{1,2}))?$/.exec(text.trim());
  if (!match) return null;
  const bp = Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
  return bp <= 10_000 ? bp : null;
}

export function defaultDraft(options: {
  title: string;
  studioName: string;
  hasClients: boolean;
  hasSelection: boolean;
  now: Date;
}): PublishDraft {
  const expiry = new Date(options.now);
  expiry.setDate(expiry.getDate() + DEFAULT_EXPIRY_DAYS);
  return {
    clientMode: options.hasClients ? 'existing' : 'new',
    clientId: '',
    name: '',
    email: '',
    phone: '',
    language: 'pl',
    title: options.title,
    selection: options.hasSelection ? 'selected' : 'all',
    neverExpires: false,
    expiryDate: dateInputValue(expiry),
    allowWebDownloads: false,
    watermark: true,
    watermarkText: `© ${options.studioName}`.slice(0, 80),
    manualValidation: false,
    retouchBeforeDelivery: false,
    autoSendDownloadLinks: true,
    saveDeterrent: true,
    delivery: [
      { kind: 'digital_full', enabled: true, price: '30', pricing: 'per_photo' },
      { kind: 'digital_web', enabled: false, price: '15', pricing: 'per_photo' },
      { kind: 'print', enabled: false, price: '20', pricing: 'per_photo' },
    ],
    currency: 'PLN',
    vat: '23',
  };
}

/** Field → i18n key of what is wrong with it. Field names follow the contract's paths. */
export type DraftErrors = Record<string, string>;

export interface BuildContext {
  shootId: string;
  selectedIds: readonly string[];
  /** The delivery method's name as the client will read it (in the client's language). */
  label: (kind: DeliveryKind) => string;
  now: Date;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function buildPublishInput(draft: PublishDraft, context: BuildContext): { input: PublishInput } | { errors: DraftErrors } {
  const errors: DraftErrors = {};
  let client: PublishInput['client'];
  if (draft.clientMode === 'existing') {
    if (!draft.clientId) errors.clientId = 'publish.errors.pickClient';
    client = { id: draft.clientId };
  } else {
    if (draft.name.trim() === '') errors['client.name'] = 'publish.errors.name';
    if (!EMAIL.test(draft.email.trim())) errors['client.email'] = 'publish.errors.email';
    client = { name: draft.name.trim(), email: draft.email.trim(), phone: draft.phone.trim() || null, language: draft.language };
  }
  if (draft.title.trim() === '') errors.title = 'publish.errors.title';

  let selection: PhotoSelection;
  if (draft.selection === 'selected') {
    if (context.selectedIds.length === 0) errors.selection = 'publish.errors.noSelection';
    selection = { kind: 'selected', photoIds: [...context.selectedIds] };
  } else selection = { kind: draft.selection };

  let expiresAt: string | null = null;
  if (!draft.neverExpires) {
    expiresAt = endOfLocalDay(draft.expiryDate);
    if (!expiresAt) errors['settings.expiresAt'] = 'publish.errors.expiryDate';
    else if (new Date(expiresAt).getTime() <= context.now.getTime()) errors['settings.expiresAt'] = 'publish.errors.expiryPast';
  }
  if (draft.watermark && draft.watermarkText.trim() === '') errors.watermarkText = 'publish.errors.watermarkText';

  const vatRateBp = parsePercentBasisPoints(draft.vat);
  if (vatRateBp === null) errors.vat = 'publish.errors.vat';
  const deliveryMethods: DeliveryMethod[] = [];
  for (const method of draft.delivery) {
    if (!method.enabled) continue;
    const priceMinor = parseMoney(method.price);
    if (priceMinor === null) errors[`delivery.${method.kind}.price`] = 'publish.errors.price';
    deliveryMethods.push({
      id: method.kind,
      kind: method.kind,
      label: context.label(method.kind),
      priceMinor: priceMinor ?? 0,
      currency: draft.currency,
      vatRateBp: vatRateBp ?? 0,
      pricing: method.pricing,
    });
  }
  if (deliveryMethods.length === 0) errors.deliveryMethods = 'publish.errors.noDelivery';
  if (Object.keys(errors).length > 0) return { errors };

  return {
    input: {
      shootId: context.shootId,
      client,
      title: draft.title.trim(),
      selection,
      settings: {
        expiresAt,
        allowWebDownloads: draft.allowWebDownloads,
        watermark: draft.watermark,
        manualValidation: draft.manualValidation,
        retouchBeforeDelivery: draft.retouchBeforeDelivery,
        autoSendDownloadLinks: draft.autoSendDownloadLinks,
        saveDeterrent: draft.saveDeterrent,
      },
      deliveryMethods,
      watermarkText: draft.watermark ? draft.watermarkText.trim() : '',
    },
  };
}
