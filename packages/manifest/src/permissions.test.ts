import { describe, expect, it } from 'vitest';
import { describePermission, SCOPES } from './permissions.ts';

describe('describePermission', () => {
  it('says what every scope allows, each in its own words', () => {
    const sentences = SCOPES.map(describePermission);
    for (const sentence of sentences) expect(sentence).toMatch(/^[A-Z][^.]{10,}$/);
    expect(new Set(sentences).size).toBe(SCOPES.length);
    expect(describePermission('crm.contacts:write')).toBe("Add, change and delete the site's CRM contacts");
  });

  it('names the host of a network permission, and what a wildcard covers', () => {
    expect(describePermission('network:api.example.com')).toBe('Connect from its pages to api.example.com');
    expect(describePermission('network:*.hcaptcha.com')).toBe(
      'Connect from its pages to subdomains of hcaptcha.com, like api.hcaptcha.com',
    );
  });

  it('still renders a scope it does not know, without claiming what it does', () => {
    expect(describePermission('crm:everything')).toBe('Unrecognised permission "crm:everything"');
    expect(describePermission('network:http://x')).toBe('Unrecognised permission "network:http://x"');
  });
});
