import type { IncomingHeaders } from '@armature/core';
import { formatRemoteAddress } from '../src/format-ip';
import { addHeaderLine, commonHeaderName } from '../src/header-copy';
import { statusLine } from '../src/status-lines';

function bytes(...values: number[]): ArrayBuffer {
  return new Uint8Array(values).buffer;
}

describe('formatRemoteAddress', () => {
  it('formats like node: dotted IPv4, IPv4-mapped IPv6, compressed IPv6', () => {
    expect(formatRemoteAddress(bytes(127, 0, 0, 1))).toBe('127.0.0.1');
    expect(formatRemoteAddress(bytes(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, 10, 1, 2, 3))).toBe('::ffff:10.1.2.3');
    expect(formatRemoteAddress(bytes(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1))).toBe('::1');
    expect(formatRemoteAddress(bytes(0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1))).toBe('2001:db8::1');
    expect(formatRemoteAddress(bytes(0x20, 0x01, 0x0d, 0xb8, 0, 1, 0, 0, 0, 1, 0, 1, 0, 1, 0, 1))).toBe('2001:db8:1:0:1:1:1:1');
    expect(formatRemoteAddress(bytes(0xfe, 0x80, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0))).toBe('fe80::');
    expect(formatRemoteAddress(bytes())).toBe('');
  });
});

describe('addHeaderLine', () => {
  it("merges repeated headers with node's rules and never writes through the prototype", () => {
    const target: IncomingHeaders = {};
    for (const [name, value] of [
      ['accept', 'a'], ['accept', 'b'], ['cookie', 'x=1'], ['cookie', 'y=2'], ['host', 'one'], ['host', 'two'],
      ['set-cookie', 's=1'], ['set-cookie', 's=2'], ['__proto__', 'p'], ['tostring', 't'], ['hasOwnProperty', 'h'],
    ]) {
      addHeaderLine(target, name, value);
    }
    expect(target.accept).toBe('a, b');
    expect(target.cookie).toBe('x=1; y=2');
    expect(target.host).toBe('one');
    expect(target['set-cookie']).toEqual(['s=1', 's=2']);
    expect(Object.getPrototypeOf(target)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(target, '__proto__')?.value).toBe('p');
    expect(target.hasOwnProperty).toBe('h');
  });
});

describe('commonHeaderName', () => {
  it('returns an equal string for every name, common or not', () => {
    for (const name of ['host', 'accept', 'cookie', 'origin', 'referer', 'x-api-key', 'user-agent', 'connection', 'content-type', 'x-request-id',
      'authorization', 'cache-control', 'if-none-match', 'content-length', 'accept-encoding', 'accept-language', 'x-forwarded-for',
      'transfer-encoding', 'x-custom', 'hosts', 'x', '']) {
      const fresh = Buffer.from(name).toString('latin1');
      expect(commonHeaderName(fresh)).toBe(name);
    }
  });
});

describe('statusLine', () => {
  it('precomputes reason phrases and refuses codes that cannot be sent', () => {
    expect(statusLine(200)).toBe('200 OK');
    expect(statusLine(404)).toBe('404 Not Found');
    expect(statusLine(431)).toBe('431 Request Header Fields Too Large');
    expect(statusLine(99)).toBe('500 Internal Server Error');
    expect(statusLine(200.5)).toBe('500 Internal Server Error');
  });
});
