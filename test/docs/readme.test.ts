/** The README's install facts an admin needs when something goes wrong, kept true by a test. */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/config.js';

const readme = readFileSync(path.join(PROJECT_ROOT, 'README.md'), 'utf8');

describe('README', () => {
  it('names the build tools better-sqlite3 needs when no prebuilt binary fits', () => {
    for (const tool of ['python3', 'make', 'g++', 'xcode-select', 'Build Tools']) expect(readme).toContain(tool);
  });

  it('points HTTP mode to a manifest with its request URLs, naming the fields to set', () => {
    expect(readme).toContain('manifest.http.yml');
    expect(existsSync(path.join(PROJECT_ROOT, 'manifest.http.yml'))).toBe(true);
    for (const field of ['features.slash_commands[0].url', 'settings.event_subscriptions.request_url', 'settings.interactivity.request_url']) expect(readme).toContain(field);
  });
});
