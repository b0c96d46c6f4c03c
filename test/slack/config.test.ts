import { describe, expect, it } from 'vitest';
import { loadConfig, loadSlackConfig } from '../../src/config.js';

describe('loadSlackConfig', () => {
  it('picks console with no Slack variables, treating blank values as unset', () => {
    expect(loadSlackConfig({})).toEqual({ mode: 'console' });
    expect(loadSlackConfig({ SLACK_BOT_TOKEN: '', SLACK_APP_TOKEN: '', PORT: '' })).toEqual({ mode: 'console' });
  });

  it('picks Socket Mode with bot and app tokens', () => {
    expect(loadSlackConfig({ SLACK_BOT_TOKEN: 'xoxb-1-2', SLACK_APP_TOKEN: 'xapp-1-A-3' })).toEqual({
      mode: 'socket',
      botToken: 'xoxb-1-2',
      appToken: 'xapp-1-A-3',
    });
  });

  it('picks HTTP with bot token and signing secret, default port 3000, API URL ending in a slash', () => {
    expect(loadSlackConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 'abcdef0123456789' })).toEqual({
      mode: 'http',
      botToken: 'xoxb-1',
      signingSecret: 'abcdef0123456789',
      port: 3000,
    });
    const c = loadSlackConfig({
      SLACK_BOT_TOKEN: 'xoxb-1',
      SLACK_SIGNING_SECRET: 'abcdef0123456789',
      PORT: '8080',
      SLACK_API_URL: 'http://127.0.0.1:9999/api',
    });
    expect(c).toMatchObject({ mode: 'http', port: 8080, apiUrl: 'http://127.0.0.1:9999/api/' });
  });

  it.each([
    [{ SLACK_BOT_TOKEN: 'xoxb-1' }, /SLACK_APP_TOKEN/],
    [{ SLACK_APP_TOKEN: 'xapp-1' }, /SLACK_BOT_TOKEN: required when SLACK_APP_TOKEN/],
    [{ SLACK_SIGNING_SECRET: 'abcdef0123456789' }, /SLACK_BOT_TOKEN: required when SLACK_SIGNING_SECRET/],
    [{ SLACK_BOT_TOKEN: 'xapp-1', SLACK_APP_TOKEN: 'xapp-1' }, /SLACK_BOT_TOKEN: must be a bot token/],
    [{ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xoxb-1' }, /SLACK_APP_TOKEN: must be an app-level token/],
    [{ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 'abcdef0123456789', PORT: 'eighty' }, /PORT: must be a number/],
    [{ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 'abcdef0123456789', PORT: '70000' }, /PORT/],
    [{ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1', SLACK_API_URL: 'slack.com/api' }, /SLACK_API_URL/],
    // a token pasted where the signing secret goes: the message says what a signing secret looks like
    [{ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 'xoxb-1234-5678' }, /SLACK_SIGNING_SECRET: .*32 hexadecimal characters/],
    [{ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 'short' }, /SLACK_SIGNING_SECRET: .*Signing Secret/],
  ])('rejects %j naming the variable', (env, message) => {
    expect(() => loadSlackConfig(env)).toThrow(message);
  });

  it('loadConfig keeps the index paths beside the Slack mode', () => {
    const c = loadConfig({ ROLEBOT_DB: '/tmp/x.db', ROLEBOT_DATA: '/tmp/docs' });
    expect(c).toEqual({ paths: { dbPath: '/tmp/x.db', dataDir: '/tmp/docs' }, slack: { mode: 'console' } });
  });
});
