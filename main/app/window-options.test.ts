import { describe, expect, it } from 'vitest';
import { isExternalWebLink } from './navigation-guard';
import { mainWindowOptions, secureWebPreferences } from './window-options';

describe('window security options', () => {
  it('turns on every isolation flag and off every Node bridge', () => {
    const prefs = secureWebPreferences('/app/preload/index.cjs');
    expect(prefs).toMatchObject({
      preload: '/app/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
    });
  });

  it('uses the secure preferences for the main window and shows it only when ready', () => {
    const options = mainWindowOptions('/p.cjs');
    expect(options.webPreferences).toEqual(secureWebPreferences('/p.cjs'));
    expect(options.show).toBe(false);
  });

  it('opens only http(s) links outside the app', () => {
    expect(isExternalWebLink('https://proofdesk.example/help')).toBe(true);
    expect(isExternalWebLink('file:///etc/passwd')).toBe(false);
    expect(isExternalWebLink('javascript:alert(1)')).toBe(false);
    expect(isExternalWebLink('smb://server/share')).toBe(false);
  });
});
