// What a delivery method costs for the photos in the basket, as shown before ordering. Prices
// are gross (VAT included), as consumer prices are in the EU, so the VAT is the part of the
// total it already contains. The server computes the order's real total; the order page shows
// the server's figures, never these.
import type { DeliveryMethod } from '../api/client-api';

export interface Quote {
  totalMinor: number;
  /** The VAT contained in the total. */
  vatMinor: number;
  currency: string;
}

export function quote(method: DeliveryMethod, photoCount: number): Quote {
  const totalMinor = photoCount === 0 ? 0 : method.pricing === 'per_photo' ? method.priceMinor * photoCount : method.priceMinor;
  const vatMinor = Math.round((totalMinor * method.vatRateBp) / (10_000 + method.vatRateBp));
  return { totalMinor, vatMinor, currency: method.currency };
}
