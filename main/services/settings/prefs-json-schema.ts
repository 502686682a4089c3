// electron-store and conf validate the settings file with JSON Schema (ajv). We derive it
// from the zod schema in shared/ so there is one definition of a valid preference.
import { z } from 'zod';
import { prefsSchema } from '../../../shared/schemas/prefs';

export type JsonSchemaProperties = Record<string, Record<string, unknown>>;

export function prefsJsonSchemaProperties(): JsonSchemaProperties {
  const schema = z.toJSONSchema(prefsSchema, { io: 'input', target: 'draft-7' }) as {
    properties: JsonSchemaProperties;
  };
  return schema.properties;
}
