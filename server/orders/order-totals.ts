// Order money, computed on the server from the gallery's delivery method (the client's page
// only displays it). Prices are gross (VAT included), in integer minor units; the VAT part of
// a gross amount is total × rate / (1 + rate), with the rate in basis points, rounded half up.
// BigInt arithmetic keeps it exact for any price × photo count.
import type { DeliveryMethod } from '../../shared/schemas/hosted-api';
import { ApiError } from '../http/api-error';

export interface OrderTotals {
  totalMinor: number;
  vatMinor: number;
  currency: string;
}

export function vatOfGross(totalMinor: bigint, vatRateBp: number): bigint {
  const bp = BigInt(vatRateBp);
  const divisor = 10_000n + bp;
  // round(a / b) for non-negative integers, halves up: floor((2a + b) / 2b).
  return (2n * totalMinor * bp + divisor) / (2n * divisor);
}

export function orderTotals(method: DeliveryMethod, photoCount: number): OrderTotals {
  const price = BigInt(method.priceMinor);
  const total = method.pricing === 'per_photo' ? price * BigInt(photoCount) : price;
  if (total > BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new ApiError('invalid_input', 'This order is too large to price. Order fewer photos at a time.');
  }
  return { totalMinor: Number(total), vatMinor: Number(vatOfGross(total, method.vatRateBp)), currency: method.currency };
}
