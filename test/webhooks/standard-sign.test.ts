/**
 * Standard Webhooks signatures, checked with the standard's own library
 * (`standardwebhooks`): a fresh secret verifies, a changed body, id or
 * timestamp does not, and during a rotation's grace period one header carries
 * two signatures, so a receiver holding either secret accepts the message.
 * A secret from before this release (base64url) signs with the same key once
 * written in plain base64.
 */
import { Webhook } from 'standardwebhooks';
import { describe, expect, it } from 'vitest';
import { newSecret, standardHeaders, verifyStandard } from '../../src/webhooks/standard-sign.ts';

const body = '{"event":"published","paper":{"id":"p0123456789ab"}}';

function verifies(secret: string, headers: Record<string, string>, payload = body): boolean {
  try {
    new Webhook(secret).verify(payload, headers);
    return true;
  } catch {
    return false;
  }
}

describe('Standard Webhooks signing', () => {
  it('verifies with the standardwebhooks library, and nothing changed verifies', () => {
    const secret = newSecret();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    const headers = standardHeaders([secret], 'h1-1700000000000-0', body);
    expect(headers['webhook-signature']).toMatch(/^v1,[A-Za-z0-9+/]+=*$/);
    expect(verifies(secret, headers)).toBe(true);
    expect(verifies(secret, headers, `${body} `)).toBe(false);
    expect(verifies(secret, { ...headers, 'webhook-id': 'h1-other' })).toBe(false);
    expect(verifies(newSecret(), headers)).toBe(false);
    const old = standardHeaders([secret], 'h1-1', body, Date.now() - 3_600_000);
    expect(verifies(secret, old)).toBe(false);
    // LaySum's own verifier agrees with the library.
    const parts = {
      id: headers['webhook-id'] ?? '',
      timestamp: headers['webhook-timestamp'] ?? '',
      signature: headers['webhook-signature'] ?? '',
    };
    expect(verifyStandard(secret, parts, body)).toBe(true);
    expect(verifyStandard(newSecret(), parts, body)).toBe(false);
  });

  it('signs with both secrets while a rotated one is in its grace period', () => {
    const [current, previous] = [newSecret(), newSecret()];
    const headers = standardHeaders([current, previous], 'h1-1700000000000-1', body);
    expect(headers['webhook-signature']?.split(' ')).toHaveLength(2);
    expect(verifies(current, headers)).toBe(true);
    expect(verifies(previous, headers)).toBe(true);
    expect(verifies(newSecret(), headers)).toBe(false);
  });

  it('reads the base64url secrets of earlier releases with the same key', () => {
    const key = '-_8Yq3kLm0Zt-Wx_a1B2c3D4e5F6g7H8';
    const headers = standardHeaders([`whsec_${key}`], 'h1-2', body);
    const plain = `whsec_${key.replaceAll('-', '+').replaceAll('_', '/')}`;
    expect(verifies(plain, headers)).toBe(true);
  });
});
