import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { ROLE_COMMAND } from '../../src/slack/listeners/commands/index.js';

const read = (p: string) => readFileSync(new URL(p, import.meta.url), 'utf8');
// Slack's published manifest schema (slackapi/manifest-schema v0.5.0), copied from the team's reference files.
const schema = JSON.parse(read('./payloads/manifest.schema.json'));
const manifest = parse(read('../../manifest.yml'));

function validate(m: unknown): string[] {
  // strict off: the schema uses Slack's own keywords ("regex") and formats ajv does not ship.
  const check = new Ajv({ strict: false, allErrors: true, validateFormats: false }).compile(schema);
  return check(m) ? [] : (check.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
}

describe('manifest.yml', () => {
  it("validates against Slack's manifest schema", () => {
    expect(validate(manifest)).toEqual([]);
  });

  it('the schema check catches a broken manifest', () => {
    expect(validate({ ...manifest, settings: { ...manifest.settings, interactivity: {} } })).not.toEqual([]);
    expect(validate({ features: manifest.features })).not.toEqual([]);
  });

  it('declares what the app listens to', () => {
    expect(manifest.features.slash_commands.map((c: { command: string }) => c.command)).toEqual([ROLE_COMMAND]);
    expect([...manifest.oauth_config.scopes.bot].sort()).toEqual(['app_mentions:read', 'chat:write', 'chat:write.public', 'commands', 'im:history']);
    expect([...manifest.settings.event_subscriptions.bot_events].sort()).toEqual(['app_home_opened', 'app_mention', 'message.im']);
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
    expect(manifest.settings.socket_mode_enabled).toBe(true);
    expect(manifest.features.app_home.messages_tab_enabled).toBe(true);
    expect(manifest.features.app_home.home_tab_enabled).toBe(true);
  });
});

describe('manifest.http.yml', () => {
  const http = parse(read('../../manifest.http.yml'));
  const PLACEHOLDER = 'https://rolebot.example.com/slack/events';

  it("validates against Slack's manifest schema", () => {
    expect(validate(http)).toEqual([]);
  });

  it('is manifest.yml with Socket Mode off and the three request URLs set to /slack/events', () => {
    expect(http.settings.socket_mode_enabled).toBe(false);
    expect(http.features.slash_commands.map((c: { url: string }) => c.url)).toEqual([PLACEHOLDER]);
    expect(http.settings.event_subscriptions.request_url).toBe(PLACEHOLDER);
    expect(http.settings.interactivity.request_url).toBe(PLACEHOLDER);
    // everything else as in manifest.yml, so the two cannot drift apart
    const strip = (m: typeof manifest) => {
      const c = structuredClone(m);
      c.settings.socket_mode_enabled = null;
      delete c.settings.event_subscriptions.request_url;
      delete c.settings.interactivity.request_url;
      for (const cmd of c.features.slash_commands) delete cmd.url;
      return c;
    };
    expect(strip(http)).toEqual(strip(manifest));
  });
});
