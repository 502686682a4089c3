import { useTranslation } from 'react-i18next';
import { Icon } from '../../ui/icons';
import { ClientsPage } from '../clients/ClientsPage';
import { DeliveryPage } from '../delivery/DeliveryPage';
import { useLibrary } from '../library/library-store';
import { Toasts } from '../notices/Toasts';
import { OrdersPage } from '../orders/OrdersPage';
import { RetouchPage } from '../retouch/RetouchPage';
import { SettingsPage } from '../settings/SettingsPage';
import { ShootsPage } from '../shoots/ShootsPage';
import { OnlineIndicator } from '../sync/OnlineIndicator';
import { EmptySection } from './EmptySection';
import { sections, useNav } from './nav-store';

export function Shell() {
  const { t } = useTranslation();
  const { section, go } = useNav();
  const library = useLibrary((s) => s.library);
  return (
    <div className="shell">
      <aside className="shell__sidebar">
        <div className="brand">
          <span className="brand__mark" aria-hidden="true">
            P
          </span>
          <div>
            <div className="brand__name">{t('app.name')}</div>
            <div className="brand__library" title={library?.path}>
              {library?.name}
            </div>
          </div>
        </div>
        <nav aria-label={t('nav.label')}>
          <ul className="nav">
            {sections.map((name) => (
              <li key={name}>
                <button type="button" className="nav__item" aria-current={section === name ? 'page' : undefined} onClick={() => go(name)}>
                  <Icon name={name} />
                  <span>{t(`nav.${name}`)}</span>
                </button>
              </li>
            ))}
          </ul>
        </nav>
        <div className="shell__status">
          <OnlineIndicator />
        </div>
      </aside>
      <main className={`shell__main${section === 'shoots' ? ' shell__main--full' : ''}`}>
        {section === 'settings' ? (
          <SettingsPage />
        ) : section === 'shoots' ? (
          <ShootsPage />
        ) : section === 'clients' ? (
          <ClientsPage />
        ) : section === 'orders' ? (
          <OrdersPage />
        ) : section === 'retouch' ? (
          <RetouchPage />
        ) : section === 'delivery' ? (
          <DeliveryPage />
        ) : (
          <EmptySection section={section} />
        )}
      </main>
      <Toasts />
    </div>
  );
}
