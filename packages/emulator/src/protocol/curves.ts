/** PortalCurve values; every client has one wallet of each once generated. */
export const CURVES = ['SECP256K1', 'ED25519'] as const;
export type Curve = (typeof CURVES)[number];

/** A value per curve, e.g. the client's signing shares. */
export type PerCurve<T> = Record<Curve, T>;

export function mapCurves<T>(make: (curve: Curve) => T): PerCurve<T> {
  return { SECP256K1: make('SECP256K1'), ED25519: make('ED25519') };
}
