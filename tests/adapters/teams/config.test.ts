import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config.js';
import { ConfigError } from '../../../src/core/errors.js';

const APP = '8f1a2b3c-4d5e-4f60-8a7b-9c0d1e2f3a4b';
const TENANT = '4b1e8c0a-2f3d-4e6a-9b7c-1d2e3f4a5b6c';
const fails = (env: Record<string, string>): string => {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.message;
    throw error;
  }
  throw new Error('expected a ConfigError');
};

describe('config: Teams', () => {
  it('has no Teams section and no local mode by default, and treats empty values as unset', () => {
    expect(loadConfig({})).toMatchObject({ teams: undefined, teamsLocal: false });
    expect(loadConfig({ MicrosoftAppId: '', MicrosoftAppPassword: ' ', TEAMS_LOCAL: '' })).toMatchObject({ teams: undefined, teamsLocal: false });
  });

  it('reads MicrosoftAppId and its password as a multi-tenant bot', () => {
    expect(loadConfig({ MicrosoftAppId: APP, MicrosoftAppPassword: 's3cret' }).teams).toEqual({ appId: APP, appPassword: 's3cret', appType: 'MultiTenant' });
  });

  it('accepts the CLIENT_ID / CLIENT_SECRET / TENANT_ID names, single-tenant when a tenant is given', () => {
    expect(loadConfig({ CLIENT_ID: APP, CLIENT_SECRET: 's3cret', TENANT_ID: TENANT }).teams).toEqual({
      appId: APP,
      appPassword: 's3cret',
      appType: 'SingleTenant',
      tenantId: TENANT,
    });
  });

  it('accepts a user-assigned managed identity without a password', () => {
    expect(loadConfig({ MicrosoftAppId: APP, MicrosoftAppType: 'UserAssignedMSI', MicrosoftAppTenantId: TENANT }).teams).toMatchObject({ appType: 'UserAssignedMSI' });
  });

  it('reads TEAMS_LOCAL=1 as unauthenticated local mode', () => {
    expect(loadConfig({ TEAMS_LOCAL: '1' }).teamsLocal).toBe(true);
    expect(loadConfig({ TEAMS_LOCAL: '0' }).teamsLocal).toBe(false);
  });

  it('names the variable to fix', () => {
    expect(fails({ MicrosoftAppId: APP })).toMatch(/^MicrosoftAppPassword \(or CLIENT_SECRET\) is required for MicrosoftAppType=MultiTenant/);
    expect(fails({ MicrosoftAppId: APP, MicrosoftAppPassword: 'x', MicrosoftAppType: 'SingleTenant' })).toMatch(/^MicrosoftAppTenantId \(or TENANT_ID\) is required/);
    expect(fails({ MicrosoftAppPassword: 'x' })).toMatch(/^MicrosoftAppId \(or CLIENT_ID\) is required/);
    expect(fails({ MicrosoftAppId: APP, CLIENT_ID: 'other', MicrosoftAppPassword: 'x' })).toMatch(/MicrosoftAppId and CLIENT_ID are both set and differ/);
    expect(fails({ MicrosoftAppType: 'Anything' })).toMatch(/MicrosoftAppType/);
    expect(fails({ TEAMS_LOCAL: 'yes' })).toMatch(/TEAMS_LOCAL/);
  });
});
