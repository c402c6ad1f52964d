// Sign-in with OpenID Connect (authorisation code + PKCE, openid-client): the identity is the ID
// token's `email`, else `preferred_username`; FOI_ADMINS and FOI_CONSOLE_OFFICERS decide what it may
// do. The demo's one-time link signs in on loopback only and exists only when the demo passes it.
import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import * as oidc from 'openid-client';
import { isLoopbackHost, type ConsoleSettings } from '../config/console-settings.js';
import { userOf } from './roles.js';
import { page, type ConsoleDeps } from './server.js';

export interface OneTimeSignIn {
  token: string;
  /** The identity the link signs in as (an admin). */
  identity: string;
  used?: boolean;
}

const SCOPES = 'openid email profile';

function discover(settings: ConsoleSettings): () => Promise<oidc.Configuration> {
  let pending: Promise<oidc.Configuration> | null = null;
  return () => {
    pending ??= oidc.discovery(
      settings.oidc.issuer, settings.oidc.clientId, undefined, oidc.ClientSecretPost(settings.oidc.clientSecret),
      // http:// is accepted only for a loopback issuer (checked when the settings were loaded).
      settings.oidc.issuer.protocol === 'http:' ? { execute: [oidc.allowInsecureRequests] } : undefined,
    ).catch((error: unknown) => {
      pending = null;
      throw error;
    });
    return pending;
  };
}

function fromLoopback(request: FastifyRequest): boolean {
  const address = request.socket.remoteAddress ?? '';
  return isLoopbackHost(address.replace(/^::ffff:/, ''));
}

export function addAuthRoutes(app: FastifyInstance, deps: ConsoleDeps): void {
  const { settings } = deps;
  const configuration = discover(settings);
  const redirectUri = new URL('/auth/callback', settings.consoleUrl).href;

  app.get('/sign-in', async (request, reply) => {
    if (request.user) return reply.redirect('/cases', 302);
    return page(request, reply, 'sign-in.njk');
  });

  app.get('/auth/login', async (request, reply) => {
    const config = await configuration();
    const verifier = oidc.randomPKCECodeVerifier();
    const state = oidc.randomState();
    const nonce = oidc.randomNonce();
    request.session.set('oidc', { verifier, state, nonce });
    const url = oidc.buildAuthorizationUrl(config, {
      redirect_uri: redirectUri, scope: SCOPES, code_challenge: await oidc.calculatePKCECodeChallenge(verifier), code_challenge_method: 'S256', state, nonce,
    });
    return reply.redirect(url.href, 302);
  });

  app.get('/auth/callback', async (request, reply) => {
    const pending = request.session.get('oidc');
    request.session.set('oidc', undefined);
    if (!pending) return reply.redirect('/sign-in', 302);
    const config = await configuration();
    let claims: oidc.IDToken | undefined;
    try {
      const tokens = await oidc.authorizationCodeGrant(config, new URL(request.url, settings.consoleUrl), {
        pkceCodeVerifier: pending.verifier, expectedState: pending.state, expectedNonce: pending.nonce, idTokenExpected: true,
      });
      claims = tokens.claims();
    } catch (error) {
      request.log.warn({ err: { message: (error as Error).message } }, 'sign-in failed');
      request.session.set('flash', { kind: 'error', text: 'Sign-in did not complete. Try again.' });
      return reply.redirect('/sign-in', 302);
    }
    const identity = String(claims?.email ?? claims?.preferred_username ?? '');
    if (!userOf(identity, settings)) {
      request.session.set('flash', { kind: 'error', text: 'Your account is not allowed to use the console. Ask an administrator.' });
      return reply.redirect('/sign-in', 302);
    }
    request.session.set('identity', identity.toLowerCase());
    return reply.redirect('/cases', 302);
  });

  app.post('/sign-out', async (request, reply) => {
    request.session.delete();
    return reply.redirect('/sign-in', 303);
  });

  const oneTime = deps.oneTimeSignIn;
  if (!oneTime) return;
  app.get<{ Params: { token: string } }>('/auth/one-time/:token', async (request, reply) => {
    const given = Buffer.from(request.params.token);
    const expected = Buffer.from(oneTime.token);
    const valid = given.length === expected.length && timingSafeEqual(given, expected);
    if (!valid || oneTime.used || !fromLoopback(request)) return reply.code(403).send('This sign-in link is not valid.');
    oneTime.used = true;
    request.session.set('identity', oneTime.identity);
    return reply.redirect('/cases', 302);
  });
}
