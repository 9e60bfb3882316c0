using System.Collections.Generic;
using System.Linq;
using System.Text.Json;

namespace PiiAnalyzers.Tests.Report
{
    /// <summary>
    /// Validates a JSON document against the subset of JSON Schema (2020-12) that docs/report.schema.json uses:
    /// <c>type</c> (one or a list), <c>properties</c>, <c>required</c>, <c>additionalProperties: false</c>, <c>items</c>,
    /// <c>enum</c> of strings, <c>minimum</c> and local <c>$ref</c>s (<c>#/$defs/...</c>). A keyword it does not know
    /// makes it fail, so the schema cannot grow past what is checked.
    /// </summary>
    internal static class JsonSchemaValidator
    {
        private static readonly HashSet<string> Known = new HashSet<string>
        {
            "$schema", "$id", "$defs", "$ref", "title", "description", "type", "properties", "required", "additionalProperties", "items", "enum", "minimum",
        };

        public static List<string> Validate(JsonElement schema, JsonElement document)
        {
            var errors = new List<string>();
            Validate(schema, schema, document, "$", errors);
            return errors;
        }

        private static void Validate(JsonElement root, JsonElement schema, JsonElement value, string path, List<string> errors)
        {
            foreach (var keyword in schema.EnumerateObject())
            {
                if (!Known.Contains(keyword.Name))
                {
                    errors.Add(path + ": the schema uses '" + keyword.Name + "', which the validator does not check");
                }
            }

            if (schema.TryGetProperty("$ref", out var reference))
            {
                var target = root;
                foreach (var part in reference.GetString()!.TrimStart('#', '/').Split('/'))
                {
                    target = target.GetProperty(part);
                }

                Validate(root, target, value, path, errors);
                return;
            }

            if (schema.TryGetProperty("type", out var type))
            {
                var types = type.ValueKind == JsonValueKind.Array ? type.EnumerateArray().Select(t => t.GetString()!).ToList() : new List<string> { type.GetString()! };
                if (!types.Any(t => Is(value, t)))
                {
                    errors.Add(path + ": expected " + string.Join(" or ", types) + ", found " + value.ValueKind);
                    return;
                }
            }

            if (schema.TryGetProperty("enum", out var allowed) && !allowed.EnumerateArray().Any(a => a.ValueKind == value.ValueKind && a.ToString() == value.ToString()))
            {
                errors.Add(path + ": '" + value + "' is not one of " + allowed);
            }

            if (schema.TryGetProperty("minimum", out var minimum) && value.ValueKind == JsonValueKind.Number && value.GetDouble() < minimum.GetDouble())
            {
                errors.Add(path + ": " + value + " is below the minimum " + minimum);
            }

            if (value.ValueKind == JsonValueKind.Object)
            {
                var properties = schema.TryGetProperty("properties", out var p) ? p : default;
                if (schema.TryGetProperty("required", out var required))
                {
                    foreach (var name in required.EnumerateArray().Select(r => r.GetString()!))
                    {
                        if (!value.TryGetProperty(name, out _))
                        {
                            errors.Add(path + ": required property '" + name + "' is missing");
                        }
                    }
                }

                foreach (var property in value.EnumerateObject())
                {
                    if (properties.ValueKind == JsonValueKind.Object && properties.TryGetProperty(property.Name, out var propertySchema))
                    {
                        Validate(root, propertySchema, property.Value, path + "." + property.Name, errors);
                    }
                    else if (schema.TryGetProperty("additionalProperties", out var additional) && additional.ValueKind == JsonValueKind.False)
                    {
                        errors.Add(path + ": property '" + property.Name + "' is not in the schema");
                    }
                }
            }

            if (value.ValueKind == JsonValueKind.Array && schema.TryGetProperty("items", out var items))
            {
                var index = 0;
                foreach (var item in value.EnumerateArray())
                {
                    Validate(root, items, item, path + "[" + index++ + "]", errors);
                }
            }
        }

        private static bool Is(JsonElement value, string type) => type switch
        {
            "object" => value.ValueKind == JsonValueKind.Object,
            "array" => value.ValueKind == JsonValueKind.Array,
            "string" => value.ValueKind == JsonValueKind.String,
            "boolean" => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
            "null" => value.ValueKind == JsonValueKind.Null,
            "number" => value.ValueKind == JsonValueKind.Number,
            "integer" => value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out _),
            _ => false,
        };
    }
}
