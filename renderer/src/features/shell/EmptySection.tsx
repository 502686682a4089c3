import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../ui/EmptyState';
import { Icon } from '../../ui/icons';
import type { Section } from './nav-store';

/** Sections whose features have not landed yet say what will live there. */
export function EmptySection({ section }: { section: Exclude<Section, 'settings' | 'shoots' | 'clients' | 'orders' | 'retouch'> }) {
  const { t } = useTranslation();
  return (
    <section className="page" aria-labelledby={`${section}-title`}>
      <header className="page__header">
        <h1 id={`${section}-title`}>{t(`sections.${section}.title`)}</h1>
      </header>
      <EmptyState
        icon={<Icon name={section} size={40} />}
        title={t(`sections.${section}.emptyTitle`)}
        body={t(`sections.${section}.emptyBody`)}
      />
    </section>
  );
}
