import { z } from 'zod';
import { Role } from './common';
import { UnitRef } from './units';

export const LoginRequest = z.object({
  username: z.string().min(1).max(64),
  password: z.string().min(1).max(256),
});
export type LoginRequest = z.infer<typeof LoginRequest>;

export const SessionUser = z.object({ username: z.string(), roles: z.array(Role).min(1) });
export type SessionUser = z.infer<typeof SessionUser>;

export const LoginResponse = z.object({
  token: z.string().min(1),
  user: SessionUser,
  unit: UnitRef,
  /** Extension: when the token stops working (ISO). */
  expiresAt: z.string().optional(),
});
export type LoginResponse = z.infer<typeof LoginResponse>;

/** Socket.IO handshake `auth` object. */
export const HandshakeAuth = z.object({
  token: z.string().min(1),
  since: z.number().int().min(0).optional(),
});
export type HandshakeAuth = z.infer<typeof HandshakeAuth>;
