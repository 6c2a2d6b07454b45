// Spectral function: every property of a schema, at any depth, has a description or is a $ref.
// Runs on the unresolved document, so a $ref property is accepted here and the schema it points
// to is checked by rtsc-schema-described.
const NESTED = ['items', 'additionalProperties', 'not'];
const COMBINED = ['allOf', 'oneOf', 'anyOf'];

export default function propertiesDescribed(schema, _options, context) {
  const results = [];
  walk(schema, context.path, results);
  return results;
}

function walk(schema, path, results) {
  if (schema === null || typeof schema !== 'object' || '$ref' in schema) {
    return;
  }
  const properties = schema.properties;
  if (properties !== null && typeof properties === 'object') {
    for (const [name, property] of Object.entries(properties)) {
      const at = [...path, 'properties', name];
      if (property === null || typeof property !== 'object') {
        continue;
      }
      if (!('$ref' in property) && !(typeof property.description === 'string' && property.description.trim())) {
        results.push({ message: `property "${name}" has no description`, path: at });
      }
      walk(property, at, results);
    }
  }
  for (const key of NESTED) {
    walk(schema[key], [...path, key], results);
  }
  for (const key of COMBINED) {
    if (Array.isArray(schema[key])) {
      schema[key].forEach((member, i) => walk(member, [...path, key, i], results));
    }
  }
}
