import { AppError } from '../../../shared/errors';
import type { AppInfo } from '../../../shared/schemas/app';
import type { LibrarySession } from '../../core/library-session';
import type { LibraryService } from '../../services/library';
import type { PreferencesService } from '../../services/settings';
import type { Handlers } from '../types';

export interface HandlerDeps {
  appInfo: () => AppInfo;
  prefs: PreferencesService;
  library: LibraryService;
  session: () => LibrarySession | null;
  /** Present only where a native picker exists (Electron). */
  pickFolder?: (title?: string) => Promise<string | null>;
  /** Tells other windows that flags changed (the event hub). */
  onPhotosChanged?: (shootId: string) => void;
  /** The system's file opener (Electron's shell); absent in the browser host. */
  shell?: DesktopShell;
}

export interface DesktopShell {
  /** Opens a file with its default app; answers an error message, or '' when it opened. */
  openPath(path: string): Promise<string>;
  showItemInFolder(path: string): void;
}

export function requireSession(deps: HandlerDeps): LibrarySession {
  const session = deps.session();
  if (!session) throw new AppError('not_found', 'No studio library is open. Open or create one first.');
  return session;
}

/** The handlers of one feature: every call named `<prefix>.…`. */
export type Prefixed<P extends string> = Pick<Handlers, Extract<keyof Handlers, `${P}.${string}`>>;
