import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const config = parse(readFileSync(path.join(root, 'electron-builder.yml'), 'utf8'));
const schema = JSON.parse(readFileSync(path.join(root, 'node_modules/app-builder-lib/scheme.json'), 'utf8'));

function validate(value: unknown) {
  const ajv = new Ajv({ allErrors: true, strict: false, allowUnionTypes: true });
  const check = ajv.compile(schema);
  return { ok: check(value), errors: check.errors ?? [] };
}

describe('electron-builder.yml', () => {
  it("validates against electron-builder's own JSON schema", () => {
    const { ok, errors } = validate(config);
    expect(errors).toEqual([]);
    expect(ok).toBe(true);
  });

  it('the schema check does reject a wrong config', () => {
    expect(validate({ ...config, asar: 'sometimes', nonsenseKey: 1 }).ok).toBe(false);
  });

  it('unpacks native modules from asar and never rebuilds them', () => {
    expect(config.asarUnpack).toEqual(
      expect.arrayContaining(['node_modules/better-sqlite3/**', 'node_modules/sharp/**', 'node_modules/@img/**']),
    );
    expect(config.npmRebuild).toBe(false);
  });

  it('turns off the fuses that let the app run as plain Node or be inspected', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
    });
  });
});
