// What each side of the embed channel accepts from the other: the gateway calls the host methods
// build, heights and statuses; anything else (another shape, a path that leaves the module's
// gateway, an absolute URL) is dropped before it is acted on.
import { describe, expect, it } from 'vitest';
import { EMBED_PROTOCOL, isConnect, isHello, readFrameMessage, readPageMessage } from './protocol.ts';

const ROW = '0b9f4a3e-5c1d-4e2f-9a7b-3c6d8e1f2a4b';
const request = (over: Record<string, unknown>) => ({
  type: 'request',
  id: 1,
  request: { method: 'GET', path: '/context', ...over },
});

describe('the page reads from the embed page', () => {
  it('the gateway calls the host methods make', () => {
    for (const call of [
      { method: 'GET', path: '/context' },
      { method: 'POST', path: '/events', body: { name: 'form.submitted', payload: {} } },
      {
        method: 'GET',
        path: '/data/products',
        query: [
          ['qty', 'gte.5'],
          ['order', 'created_at.desc'],
        ],
      },
      { method: 'PATCH', path: `/data/products/${ROW}`, body: { name: 'x' } },
      { method: 'DELETE', path: `/data/products/${ROW.toUpperCase()}` },
    ]) {
      expect(readFrameMessage({ type: 'request', id: 7, request: call }), call.path).toEqual({
        type: 'request',
        id: 7,
        request: call,
      });
    }
  });

  it('and no call that could reach anything else', () => {
    for (const bad of [
      { method: 'PUT' },
      { method: 'get' },
      { path: 'context' },
      { path: '//evil.example/x' },
      { path: 'https://evil.example/api' },
      { path: '/data/../../v1/sites' },
      { path: '/data/products/1/2' },
      { path: '/data/products?x=1' },
      { path: `/${'a'.repeat(300)}` },
      { query: 'qty=gte.5' },
      { query: [['qty']] },
      { query: [['qty', 5]] },
    ]) {
      expect(readFrameMessage(request(bad)), JSON.stringify(bad)).toBeNull();
    }
    expect(readFrameMessage({ ...request({}), id: 0 })).toBeNull();
    expect(readFrameMessage({ ...request({}), id: '1' })).toBeNull();
  });

  it('heights within bounds, and the two statuses', () => {
    expect(readFrameMessage({ type: 'resize', height: 412.5 })).toEqual({ type: 'resize', height: 412.5 });
    for (const height of [-1, Number.NaN, Number.POSITIVE_INFINITY, 100_001, '400']) {
      expect(readFrameMessage({ type: 'resize', height })).toBeNull();
    }
    expect(readFrameMessage({ type: 'status', state: 'connected' })).toEqual({ type: 'status', state: 'connected' });
    expect(readFrameMessage({ type: 'status', state: 'failed', message: 'x'.repeat(900) })).toMatchObject({
      message: 'x'.repeat(500),
    });
    expect(readFrameMessage({ type: 'status', state: 'pwned' })).toBeNull();
    expect(readFrameMessage({ type: 'event', name: 'form.submitted' })).toBeNull();
    expect(readFrameMessage(null)).toBeNull();
  });
});

describe('the embed page reads from the page', () => {
  it('answers to its calls, and the unreachable gateway', () => {
    expect(readPageMessage({ type: 'response', id: 3, response: { status: 201, body: { id: ROW } } })).toEqual({
      type: 'response',
      id: 3,
      response: { status: 201, body: { id: ROW } },
    });
    expect(readPageMessage({ type: 'response', id: 3, response: { status: 204 } })).toMatchObject({ response: { body: null } });
    expect(readPageMessage({ type: 'unreachable', id: 4, message: 'offline' })).toEqual({
      type: 'unreachable',
      id: 4,
      message: 'offline',
    });
    for (const bad of [
      { type: 'response', response: { status: 200 } },
      { type: 'response', id: 1, response: { status: '200' } },
      { type: 'request', id: 1, request: { method: 'GET', path: '/context' } },
      { type: 'unreachable', id: 1 },
    ]) {
      expect(readPageMessage(bad)).toBeNull();
    }
  });

  it('the handshake only in its own protocol', () => {
    expect(isHello({ protocol: EMBED_PROTOCOL, type: 'hello', title: 'Contact form' })).toBe(true);
    expect(isHello({ protocol: 'dramac-embed/0', type: 'hello', title: 'x' })).toBe(false);
    expect(isHello({ protocol: EMBED_PROTOCOL, type: 'hello' })).toBe(false);
    expect(isConnect({ protocol: EMBED_PROTOCOL, type: 'connect' })).toBe(true);
    expect(isConnect({ namespace: 'penpal', type: 'SYN' })).toBe(false);
  });
});
