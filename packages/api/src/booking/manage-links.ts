// Signed links that let a customer cancel or reschedule without an account: an HS256 JWT naming
// the appointment and its site, valid until the appointment starts. A rescheduled appointment is
// cancelled, so its old link stops working by itself; the new one comes with the new time.
import { TRPCError } from '@trpc/server';
import { errors as joseErrors, jwtVerify, SignJWT } from 'jose';
import { derivedKey } from '../lib/derived-key.ts';

const AUDIENCE = 'dramac-booking-manage';
const TYPE = 'dramac-booking+jwt';
const signingKey = () => derivedKey('booking-links-v1');

export interface ManageClaims {
  appointmentId: string;
  siteId: string;
}

/** The token in a customer's manage link, valid until `startsAt`. */
export function signManageToken(appointment: { id: string; siteId: string; startsAt: Date }): Promise<string> {
  return new SignJWT({ site: appointment.siteId })
    .setProtectedHeader({ alg: 'HS256', typ: TYPE })
    .setSubject(appointment.id)
    .setAudience(AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(Math.floor(appointment.startsAt.getTime() / 1000))
    .sign(signingKey());
}

/** The appointment a link names; a changed, foreign or expired link is refused with a clear reason. */
export async function verifyManageToken(token: string, now = new Date()): Promise<ManageClaims> {
  try {
    const { payload } = await jwtVerify(token, signingKey(), {
      audience: AUDIENCE,
      typ: TYPE,
      algorithms: ['HS256'],
      currentDate: now,
    });
    if (typeof payload.sub !== 'string' || typeof payload.site !== 'string') throw new Error('claims missing');
    return { appointmentId: payload.sub, siteId: payload.site };
  } catch (err) {
    if (err instanceof joseErrors.JWTExpired) {
      throw new TRPCError({
        code: 'FORBIDDEN',
        message: 'This link has expired: the appointment has started. Contact the business to change it.',
      });
    }
    throw new TRPCError({
      code: 'UNAUTHORIZED',
      message: 'This link is not valid. Use the link from your latest booking email.',
    });
  }
}
