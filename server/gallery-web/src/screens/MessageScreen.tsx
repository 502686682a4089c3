// A quiet full-page message: the gallery has expired, the link is cut short, or the page is
// still opening. Same paper and type as the rest, no chrome.
import { LanguageSwitch } from '../ui/LanguageSwitch';

interface MessageScreenProps {
  eyebrow?: string;
  title: string;
  lead?: string;
  detail?: string | null;
  busy?: boolean;
}

export function MessageScreen({ eyebrow, title, lead, detail, busy = false }: MessageScreenProps) {
  return (
    <div className="door">
      <div className="door-lang">
        <LanguageSwitch />
      </div>
      <main className={busy ? 'door-card is-busy' : 'door-card'} aria-labelledby="message-title" aria-busy={busy}>
        {eyebrow && <p className="eyebrow">{eyebrow}</p>}
        <h1 id="message-title">{title}</h1>
        {detail && <p className="door-lead">{detail}</p>}
        {lead && <p className="door-lead quiet">{lead}</p>}
        {busy && <span className="door-spinner" aria-hidden="true" />}
      </main>
    </div>
  );
}
