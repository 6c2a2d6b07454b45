// Redocly plugin, used by `redocly build-docs` only (decorators do not run during lint).
// Our spec keeps enum descriptions the way openapi-generator reads them, as the list
// `x-enum-descriptions` in value order. Redoc shows the map `x-enumDescriptions` (value ->
// description) as a table next to the values, so the review page converts one into the other.
function enumDescriptionsForDocs() {
  return {
    Schema: {
      leave(schema) {
        const values = schema.enum;
        const descriptions = schema['x-enum-descriptions'];
        if (!Array.isArray(values) || !Array.isArray(descriptions)) {
          return;
        }
        schema['x-enumDescriptions'] = Object.fromEntries(
          values.map((value, i) => [String(value), descriptions[i] ?? '']),
        );
        delete schema['x-enum-descriptions'];
      },
    },
  };
}

export default function rtscPlugin() {
  return {
    id: 'rtsc',
    decorators: {
      oas3: {
        'enum-descriptions-for-docs': enumDescriptionsForDocs,
      },
    },
  };
}
