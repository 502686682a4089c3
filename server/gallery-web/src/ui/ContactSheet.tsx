// A strip of small proofs (the photos of a basket or an order), lazy-loaded at known sizes.
import { type GalleryPhoto, proofUrl } from '../api/client-api';

interface ContactSheetProps {
  photos: readonly GalleryPhoto[];
  large?: boolean;
  label?: string;
}

export function ContactSheet({ photos, large = false, label }: ContactSheetProps) {
  return (
    <ul className={large ? 'contact-sheet is-large' : 'contact-sheet'} aria-label={label}>
      {photos.map((photo) => (
        <li key={photo.id}>
          <img
            src={proofUrl(photo.id)}
            width={photo.width}
            height={photo.height}
            alt={photo.name}
            loading="lazy"
            decoding="async"
            draggable={false}
          />
        </li>
      ))}
    </ul>
  );
}
