// Spectral function: an enum schema has x-enum-descriptions, one non-empty string per value.
export default function enumValuesDescribed(schema, _options, context) {
  const values = schema.enum;
  const descriptions = schema['x-enum-descriptions'];
  if (!Array.isArray(values)) {
    return [];
  }
  if (!Array.isArray(descriptions)) {
    return [{ message: `enum ${JSON.stringify(values)} has no x-enum-descriptions list` }];
  }
  if (descriptions.length !== values.length) {
    return [
      {
        message: `enum has ${values.length} values but ${descriptions.length} x-enum-descriptions`,
        path: [...context.path, 'x-enum-descriptions'],
      },
    ];
  }
  return descriptions
    .map((text, i) => ({ text, i }))
    .filter(({ text }) => typeof text !== 'string' || text.trim() === '')
    .map(({ i }) => ({
      message: `enum value ${JSON.stringify(values[i])} has an empty description`,
      path: [...context.path, 'x-enum-descriptions', i],
    }));
}
