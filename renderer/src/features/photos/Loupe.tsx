import { type KeyboardEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PhotoDetail } from '../../../../shared/schemas/photos';
import { mediaUrl } from '../../api';
import { getApi } from '../../api/use-api';
import { actionForKey } from './cull-actions';
import { usePhotos } from './photos-store';

function exposure(seconds: number | null): string | null {
  if (!seconds) return null;
  return seconds >= 1 ? `${seconds}s` : `1/${Math.round(1 / seconds)}s`;
}

/** The focused photo at web size, with what the camera recorded beside it. */
export function Loupe() {
  const { t } = useTranslation();
  const item = usePhotos((s) => s.itemAt(s.focus));
  const [detail, setDetail] = useState<PhotoDetail | null>(null);
  const region = useRef<HTMLElement>(null);
  useEffect(() => region.current?.focus(), []);
  useEffect(() => {
    if (!item) return;
    let current = true;
    getApi()
      .call('photos.get', { photoId: item.id })
      .then((d) => current && setDetail(d))
      .catch(() => current && setDetail(null));
    return () => {
      current = false;
    };
  }, [item]);
  if (!item) return null;
  // The same culling keys work in the loupe; up/down step one photo since there is one column.
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.metaKey || event.ctrlKey || event.altKey) return;
    const action = actionForKey(event.key);
    if (!action) return;
    event.preventDefault();
    action.perform({ columns: 1 }, { shiftKey: event.shiftKey });
    if (!usePhotos.getState().loupe) requestAnimationFrame(() => document.querySelector<HTMLElement>('[role="grid"]')?.focus());
  };
  const meta = detail?.id === item.id ? detail.metadata : null;
  // Many cameras repeat the make in the model ("Canon" + "Canon EOS 1300D").
  const camera = meta?.cameraModel?.startsWith(meta.cameraMake ?? '\u0000')
    ? meta.cameraModel
    : [meta?.cameraMake, meta?.cameraModel].filter(Boolean).join(' ');
  const facts: [string, string | null | undefined][] = [
    [
      t('loupe.captured'),
      detail?.captureTime ? `${detail.captureTime.replace('T', ' ')}${detail.captureOffset ? ` (${detail.captureOffset})` : ''}` : null,
    ],
    [t('loupe.camera'), camera || null],
    [t('loupe.lens'), meta?.lens],
    [
      t('loupe.exposure'),
      [
        exposure(meta?.exposureTime ?? null),
        meta?.aperture ? `f/${meta.aperture}` : null,
        meta?.iso ? `ISO ${meta.iso}` : null,
        meta?.focalLength ? `${meta.focalLength} mm` : null,
      ]
        .filter(Boolean)
        .join(' · ') || null,
    ],
    [t('loupe.copyright'), meta?.copyright],
    [t('loupe.creator'), meta?.creator],
    [t('loupe.keywords'), meta?.keywords.length ? meta.keywords.join(', ') : null],
    [t('loupe.size'), detail?.web ? `${detail.web.width} × ${detail.web.height} (web)` : null],
  ];
  return (
    <section ref={region} className="loupe" aria-label={t('loupe.label', { name: item.stem })} tabIndex={-1} onKeyDown={onKeyDown}>
      <div className="loupe__image">
        {detail?.id === item.id && detail.web ? (
          <img src={mediaUrl(detail.web.relPath)} alt={item.stem} />
        ) : (
          <p className="loupe__placeholder">{item.attentionReason ?? t(`photoStatus.${item.status}`)}</p>
        )}
      </div>
      <aside className="loupe__info">
        <h2>{item.stem}</h2>
        <dl className="facts">
          {facts
            .filter(([, value]) => value)
            .map(([label, value]) => (
              <div key={label} className="facts__row">
                <dt>{label}</dt>
                <dd>{value}</dd>
              </div>
            ))}
        </dl>
        <ul className="file-list">
          {detail?.id === item.id
            ? detail.files.map((f) => (
                <li key={f.path} className="mono">
                  {f.path}
                </li>
              ))
            : null}
        </ul>
        <button type="button" className="button" onClick={() => usePhotos.getState().setLoupe(false)}>
          {t('loupe.back')}
        </button>
      </aside>
    </section>
  );
}
