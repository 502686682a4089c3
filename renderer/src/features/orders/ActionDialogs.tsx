import { type FormEvent, type ReactNode, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrderDetail } from '../../../../shared/schemas/orders-desk';
import { Dialog } from '../../ui/Dialog';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { Field } from '../../ui/Field';
import { formatMoney } from '../../ui/format';
import {
  type DialogAction,
  defaultRefundDraft,
  type MarkPaidDraft,
  markPaidEvent,
  type RefundErrors,
  reasonEvent,
  refundEvent,
} from './order-forms';
import { useOrders } from './orders-store';

/** The dialog an action asks for before it is queued: how it was paid, why, how much. */
export function ActionDialog({
  order,
  action,
  maxAmountMinor,
  onClose,
}: {
  order: OrderDetail;
  action: DialogAction;
  maxAmountMinor: number | null;
  onClose(): void;
}) {
  if (action === 'mark_paid') return <MarkPaidDialog order={order} onClose={onClose} />;
  if (action === 'record_refund') return <RefundDialog order={order} maxAmountMinor={maxAmountMinor} onClose={onClose} />;
  return <ReasonDialog order={order} action={action} onClose={onClose} />;
}

/** A dialog's form: the fields, the refusal if the action was refused, Cancel and the action. */
function ActionForm({
  title,
  subtitle,
  submit,
  danger = false,
  onSubmit,
  onClose,
  keepLabel,
  children,
}: {
  title: string;
  subtitle?: string;
  submit: string;
  danger?: boolean;
  onSubmit(): Promise<void> | void;
  onClose(): void;
  keepLabel?: string;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const busy = useOrders((s) => s.busy !== null);
  const error = useOrders((s) => s.actionError);
  const close = () => {
    useOrders.getState().clearActionError();
    onClose();
  };
  return (
    <Dialog title={title} {...(subtitle ? { subtitle } : {})} size="small" onClose={close}>
      <form
        className="stack"
        noValidate
        onSubmit={(event: FormEvent) => {
          event.preventDefault();
          void onSubmit();
        }}
      >
        {children}
        {error ? <ErrorNotice message={error.message} /> : null}
        <div className="card__actions">
          <button type="button" className="button" onClick={close}>
            {keepLabel ?? t('common.cancel')}
          </button>
          <button type="submit" className={`button ${danger ? 'button--danger' : 'button--primary'}`} disabled={busy}>
            {busy ? t('common.working') : submit}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

function MarkPaidDialog({ order, onClose }: { order: OrderDetail; onClose(): void }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<MarkPaidDraft>({ method: 'offline', reference: '' });
  const amount = formatMoney(order.totalMinor, order.currency);
  return (
    <ActionForm
      title={t('orders.markPaid.title', { number: order.number })}
      subtitle={t('orders.markPaid.subtitle', { amount, name: order.clientName || order.contact.name })}
      submit={t('orders.actions.mark_paid')}
      onClose={onClose}
      onSubmit={async () => {
        if (await useOrders.getState().act(markPaidEvent(draft))) onClose();
      }}
    >
      <fieldset className="choice-group">
        <legend>{t('orders.markPaid.method')}</legend>
        <div className="segmented">
          {(['offline', 'card'] as const).map((method) => (
            <label key={method} className="radio">
              <input
                type="radio"
                name="payment-method"
                value={method}
                checked={draft.method === method}
                onChange={() => setDraft({ ...draft, method })}
              />
              {t(`orders.markPaid.methods.${method}`)}
            </label>
          ))}
        </div>
      </fieldset>
      <Field
        label={t('orders.markPaid.reference')}
        hint={t(`orders.markPaid.referenceHint.${draft.method}`)}
        value={draft.reference}
        maxLength={200}
        onChange={(e) => setDraft({ ...draft, reference: e.target.value })}
      />
      <p className="dialog__note">{t('orders.markPaid.locks')}</p>
    </ActionForm>
  );
}

function ReasonDialog({ order, action, onClose }: { order: OrderDetail; action: 'force_delivery' | 'cancel'; onClose(): void }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const name = order.clientName || order.contact.name;
  const key = action === 'cancel' ? 'cancelOrder' : 'forceDelivery';
  return (
    <ActionForm
      title={t(`orders.${key}.title`, { number: order.number })}
      submit={t(`orders.actions.${action}`)}
      danger={action === 'cancel'}
      {...(action === 'cancel' ? { keepLabel: t('orders.cancelOrder.keep') } : {})}
      onClose={onClose}
      onSubmit={async () => {
        const event = reasonEvent(action, reason);
        setMissing(!event);
        if (event && (await useOrders.getState().act(event))) onClose();
      }}
    >
      <div className="banner banner--warn">
        <span className="banner__icon" aria-hidden="true">
          !
        </span>
        <div>
          <strong>{t(`orders.${key}.warning`, { name, amount: formatMoney(order.totalMinor, order.currency) })}</strong>
          <p>{t(`orders.${key}.explain`, { name })}</p>
        </div>
      </div>
      <Field
        label={t(`orders.${key}.reason`)}
        placeholder={t(`orders.${key}.reasonPlaceholder`)}
        hint={t('orders.reasonHint')}
        value={reason}
        maxLength={2000}
        onChange={(e) => setReason(e.target.value)}
        error={missing ? t('orders.reasonMissing') : undefined}
      />
    </ActionForm>
  );
}

function RefundDialog({ order, maxAmountMinor, onClose }: { order: OrderDetail; maxAmountMinor: number | null; onClose(): void }) {
  const { t } = useTranslation();
  const dateId = useId();
  const [draft, setDraft] = useState(() => defaultRefundDraft(maxAmountMinor, new Date()));
  const [errors, setErrors] = useState<RefundErrors>({});
  const max = maxAmountMinor !== null ? formatMoney(maxAmountMinor, order.currency) : null;
  const error = (field: keyof RefundErrors) => (errors[field] ? t(`orders.refund.errors.${errors[field]}`, { max: max ?? '' }) : undefined);
  return (
    <ActionForm
      title={t('orders.refund.title', { number: order.number })}
      submit={t('orders.actions.record_refund')}
      onClose={onClose}
      onSubmit={async () => {
        const result = refundEvent(draft, { maxAmountMinor, currency: order.currency, now: new Date() });
        if ('errors' in result) {
          setErrors(result.errors);
          return;
        }
        setErrors({});
        if (await useOrders.getState().act(result.event)) onClose();
      }}
    >
      <div className="banner banner--info-plain">
        <span className="banner__icon" aria-hidden="true">
          i
        </span>
        <div>
          <strong>{t('orders.refund.outside')}</strong>
          <p>{t('orders.refund.explain', { name: order.clientName || order.contact.name })}</p>
        </div>
      </div>
      <Field
        label={t('orders.refund.amount', { currency: order.currency })}
        inputMode="decimal"
        value={draft.amount}
        hint={max ? t('orders.refund.atMost', { max }) : undefined}
        onChange={(e) => setDraft({ ...draft, amount: e.target.value })}
        error={error('amount')}
      />
      <Field
        label={t('orders.refund.reason')}
        placeholder={t('orders.refund.reasonPlaceholder')}
        value={draft.reason}
        maxLength={2000}
        onChange={(e) => setDraft({ ...draft, reason: e.target.value })}
        error={error('reason')}
      />
      <div className={`field${errors.date ? ' field--invalid' : ''}`}>
        <label htmlFor={dateId}>{t('orders.refund.date')}</label>
        <input
          id={dateId}
          type="date"
          value={draft.date}
          aria-invalid={errors.date ? true : undefined}
          aria-describedby={errors.date ? `${dateId}-error` : undefined}
          onChange={(e) => setDraft({ ...draft, date: e.target.value })}
        />
        {errors.date ? (
          <small id={`${dateId}-error`} className="field__error">
            {error('date')}
          </small>
        ) : null}
      </div>
    </ActionForm>
  );
}

/** Seed 000: a wrong address is corrected on the order before the links are resent. */
export function CorrectEmailDialog({ order, onClose }: { order: OrderDetail; onClose(): void }) {
  const { t } = useTranslation();
  const [email, setEmail] = useState(order.contact.email);
  const [phone, setPhone] = useState(order.contact.phone ?? '');
  const error = useOrders((s) => s.actionError);
  return (
    <ActionForm
      title={t('orders.contact.title', { number: order.number })}
      submit={t('orders.contact.save')}
      onClose={onClose}
      onSubmit={async () => {
        if (await useOrders.getState().correctContact(email.trim(), phone.trim() || null)) onClose();
      }}
    >
      <Field
        label={t('publish.client.email')}
        type="email"
        value={email}
        hint={t('orders.contact.hint')}
        onChange={(e) => setEmail(e.target.value)}
        error={error?.fields?.email}
      />
      <Field
        label={t('publish.client.phone')}
        type="tel"
        value={phone}
        onChange={(e) => setPhone(e.target.value)}
        error={error?.fields?.phone}
      />
    </ActionForm>
  );
}
