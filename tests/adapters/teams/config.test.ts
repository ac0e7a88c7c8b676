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

  it('defaults MicrosoftAppType to SingleTenant when MicrosoftAppTenantId is given', () => {
    expect(loadConfig({ MicrosoftAppId: APP, MicrosoftAppPassword: 's3cret', MicrosoftAppTenantId: TENANT }).teams).toEqual({
      appId: APP,
      appPassword: 's3cret',
      appType: 'SingleTenant',
      tenantId: TENANT,
    });
  });

  it('still accepts an existing multi-tenant bot when MicrosoftAppType=MultiTenant is set explicitly', () => {
    expect(loadConfig({ MicrosoftAppId: APP, MicrosoftAppPassword: 's3cret', MicrosoftAppType: 'MultiTenant' }).teams).toEqual({ appId: APP, appPassword: 's3cret', appType: 'MultiTenant' });
  });

  it('refuses a MicrosoftAppId that is not a GUID, naming the variable and where to find and set it', () => {
    const message = fails({ MicrosoftAppId: 'hello', MicrosoftAppPassword: 's3cret', MicrosoftAppTenantId: TENANT });
    expect(message).toMatch(/^MicrosoftAppId \(or CLIENT_ID\) must be a GUID such as 00000000-0000-0000-0000-000000000000/);
    expect(message).toMatch(/Microsoft App ID from the Azure Bot resource \(Settings > Configuration\)/);
    expect(message).toMatch(/set it in \.env \(see \.env\.example\)/);
    expect(fails({ CLIENT_ID: '{8f1a2b3c-4d5e-4f60-8a7b-9c0d1e2f3a4b}', CLIENT_SECRET: 'x', TENANT_ID: TENANT })).toMatch(/^MicrosoftAppId \(or CLIENT_ID\) must be a GUID/);
  });

  it('refuses an app with neither a type nor a tenant id, saying new Azure bots are single-tenant', () => {
    const message = fails({ MicrosoftAppId: APP, MicrosoftAppPassword: 's3cret' });
    expect(message).toMatch(/^MicrosoftAppTenantId \(or TENANT_ID\) is required/);
    expect(message).toMatch(/MultiTenant is no longer offered for new Azure Bot resources/);
    expect(message).toMatch(/MicrosoftAppType=MultiTenant/);
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
    expect(fails({ MicrosoftAppId: APP, MicrosoftAppTenantId: TENANT })).toMatch(/^MicrosoftAppPassword \(or CLIENT_SECRET\) is required for MicrosoftAppType=SingleTenant/);
    expect(fails({ MicrosoftAppId: APP, MicrosoftAppPassword: 'x', MicrosoftAppType: 'SingleTenant' })).toMatch(/^MicrosoftAppTenantId \(or TENANT_ID\) is required for MicrosoftAppType=SingleTenant/);
    expect(fails({ MicrosoftAppPassword: 'x' })).toMatch(/^MicrosoftAppId \(or CLIENT_ID\) is required/);
    expect(fails({ MicrosoftAppId: APP, CLIENT_ID: 'other', MicrosoftAppPassword: 'x' })).toMatch(/MicrosoftAppId and CLIENT_ID are both set and differ/);
    expect(fails({ MicrosoftAppType: 'Anything' })).toMatch(/MicrosoftAppType/);
    expect(fails({ TEAMS_LOCAL: 'yes' })).toMatch(/TEAMS_LOCAL/);
  });
});
