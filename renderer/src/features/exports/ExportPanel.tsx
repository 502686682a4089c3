import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ExportDialog } from './ExportDialog';
import './exports.css';

/** Under the client's orders (seed 004): the module "Export photos from all orders". */
export function ExportPanel({ clientId, clientName }: { clientId: string; clientName: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <section className="card export-module" aria-labelledby="export-module-title">
      <div className="export-module__text">
        <h3 id="export-module-title">{t('export.panel.title')}</h3>
        <p className="muted">{t('export.panel.body', { name: clientName })}</p>
      </div>
      <button type="button" className="button button--primary" onClick={() => setOpen(true)}>
        {t('export.panel.button')}
      </button>
      {open ? <ExportDialog clientId={clientId} clientName={clientName} onClose={() => setOpen(false)} /> : null}
    </section>
  );
}
