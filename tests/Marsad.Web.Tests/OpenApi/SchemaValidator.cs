using System.Globalization;
using System.Text.Json;

namespace Marsad.Tests.OpenApi;

/// <summary>
/// Checks a JSON value against a schema of an OpenAPI 3.1 document: the keywords the Marsad
/// document uses (<c>$ref</c>, <c>type</c>, <c>enum</c>, <c>properties</c>, <c>required</c>,
/// <c>additionalProperties</c>, <c>items</c>, <c>minItems</c>, <c>maxItems</c>, <c>minProperties</c>,
/// <c>minLength</c>, <c>maxLength</c>, <c>minimum</c>, <c>maximum</c>, <c>oneOf</c>, <c>format</c> date and date-time). A keyword it does not know fails
/// the check, so a schema is never passed unread.
/// </summary>
public sealed class SchemaValidator(JsonElement document)
{
    private static readonly HashSet<string> Annotations = ["description", "title", "example", "examples", "pattern"];

    /// <summary>Every way <paramref name="value"/> breaks <paramref name="schema"/>, each with its JSON path.</summary>
    public List<string> Errors(JsonElement value, JsonElement schema, string path = "$")
    {
        var errors = new List<string>();
        Check(value, schema, path, errors);
        return errors;
    }

    private void Check(JsonElement value, JsonElement schema, string path, List<string> errors)
    {
        foreach (var keyword in schema.EnumerateObject())
        {
            switch (keyword.Name)
            {
                case "$ref":
                    Check(value, Resolve(keyword.Value.GetString()!), path, errors);
                    break;
                case "type":
                    var types = keyword.Value.ValueKind == JsonValueKind.Array
                        ? keyword.Value.EnumerateArray().Select(t => t.GetString()!).ToList()
                        : [keyword.Value.GetString()!];
                    if (!types.Any(t => IsOfType(value, t)))
                    {
                        errors.Add($"{path}: {Show(value)} is not {string.Join(" or ", types)}");
                    }

                    break;
                case "enum":
                    if (!keyword.Value.EnumerateArray().Any(e => JsonElement.DeepEquals(e, value)))
                    {
                        errors.Add($"{path}: {Show(value)} is not one of {keyword.Value.GetRawText()}");
                    }

                    break;
                case "properties" when value.ValueKind == JsonValueKind.Object:
                    foreach (var property in keyword.Value.EnumerateObject())
                    {
                        if (value.TryGetProperty(property.Name, out var field))
                        {
                            Check(field, property.Value, $"{path}.{property.Name}", errors);
                        }
                    }

                    break;
                case "required" when value.ValueKind == JsonValueKind.Object:
                    foreach (var name in keyword.Value.EnumerateArray().Select(n => n.GetString()!).Where(n => !value.TryGetProperty(n, out _)))
                    {
                        errors.Add($"{path}: required property '{name}' is missing");
                    }

                    break;
                case "additionalProperties" when value.ValueKind == JsonValueKind.Object && keyword.Value.ValueKind == JsonValueKind.False:
                    var known = schema.TryGetProperty("properties", out var properties)
                        ? properties.EnumerateObject().Select(p => p.Name).ToHashSet()
                        : [];
                    foreach (var extra in value.EnumerateObject().Where(p => !known.Contains(p.Name)))
                    {
                        errors.Add($"{path}: property '{extra.Name}' is not in the documented schema");
                    }

                    break;
                case "additionalProperties" when value.ValueKind == JsonValueKind.Object && keyword.Value.ValueKind == JsonValueKind.Object:
                    var named = schema.TryGetProperty("properties", out var listed)
                        ? listed.EnumerateObject().Select(p => p.Name).ToHashSet()
                        : [];
                    foreach (var extra in value.EnumerateObject().Where(p => !named.Contains(p.Name)))
                    {
                        Check(extra.Value, keyword.Value, $"{path}.{extra.Name}", errors);
                    }

                    break;
                case "items" when value.ValueKind == JsonValueKind.Array:
                    var index = 0;
                    foreach (var item in value.EnumerateArray())
                    {
                        Check(item, keyword.Value, $"{path}[{index++}]", errors);
                    }

                    break;
                case "minItems" when value.ValueKind == JsonValueKind.Array && value.GetArrayLength() < keyword.Value.GetInt32():
                case "maxItems" when value.ValueKind == JsonValueKind.Array && value.GetArrayLength() > keyword.Value.GetInt32():
                case "minProperties" when value.ValueKind == JsonValueKind.Object && value.EnumerateObject().Count() < keyword.Value.GetInt32():
                case "minLength" when value.ValueKind == JsonValueKind.String && value.GetString()!.Length < keyword.Value.GetInt32():
                case "maxLength" when value.ValueKind == JsonValueKind.String && value.GetString()!.Length > keyword.Value.GetInt32():
                case "minimum" when value.ValueKind == JsonValueKind.Number && value.GetDouble() < keyword.Value.GetDouble():
                case "maximum" when value.ValueKind == JsonValueKind.Number && value.GetDouble() > keyword.Value.GetDouble():
                    errors.Add($"{path}: {Show(value)} breaks {keyword.Name} {keyword.Value.GetRawText()}");
                    break;
                case "oneOf":
                    var matching = keyword.Value.EnumerateArray().Count(option => Errors(value, option, path).Count == 0);
                    if (matching != 1)
                    {
                        errors.Add($"{path}: {Show(value)} matches {matching} of the oneOf schemas, not one");
                    }

                    break;
                case "format" when value.ValueKind == JsonValueKind.String:
                    if (!HasFormat(value.GetString()!, keyword.Value.GetString()!))
                    {
                        errors.Add($"{path}: {Show(value)} is not a {keyword.Value.GetString()}");
                    }

                    break;
                case "properties" or "required" or "additionalProperties" or "items" or "minItems" or "maxItems" or "minProperties" or "minLength"
                    or "maxLength" or "minimum" or "maximum" or "format":
                    break;
                default:
                    if (!Annotations.Contains(keyword.Name))
                    {
                        errors.Add($"{path}: the validator does not know the keyword '{keyword.Name}'");
                    }

                    break;
            }
        }
    }

    private JsonElement Resolve(string reference)
    {
        const string prefix = "#/components/schemas/";
        Assert.StartsWith(prefix, reference, StringComparison.Ordinal);
        return document.GetProperty("components").GetProperty("schemas").GetProperty(reference[prefix.Length..]);
    }

    private static bool IsOfType(JsonElement value, string type) => type switch
    {
        "null" => value.ValueKind == JsonValueKind.Null,
        "string" => value.ValueKind == JsonValueKind.String,
        "boolean" => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
        "integer" => value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out _),
        "number" => value.ValueKind == JsonValueKind.Number,
        "object" => value.ValueKind == JsonValueKind.Object,
        "array" => value.ValueKind == JsonValueKind.Array,
        _ => false,
    };

    private static bool HasFormat(string text, string format) => format switch
    {
        "date" => DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
        "date-time" => DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
        _ => true,
    };

    private static string Show(JsonElement value)
    {
        var text = value.GetRawText();
        return text.Length > 60 ? text[..60] + "…" : text;
    }
}
