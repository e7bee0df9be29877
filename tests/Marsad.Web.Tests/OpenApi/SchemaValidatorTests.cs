using System.Text.Json;

namespace Marsad.Tests.OpenApi;

/// <summary>The schema walker that checks live answers: it must see what a schema forbids.</summary>
public sealed class SchemaValidatorTests
{
    private static readonly JsonElement Document = JsonDocument.Parse(
        """
        {"components": {"schemas": {
          "Point": {"type": "object", "additionalProperties": false, "required": ["as_of", "value"],
                    "properties": {"as_of": {"type": ["string", "null"], "format": "date"}, "value": {"type": "integer", "minimum": 0, "maximum": 1000},
                                   "kind": {"$ref": "#/components/schemas/Kind"}}},
          "Kind": {"type": "string", "enum": ["cumulative", "period"]}
        }}}
        """).RootElement;

    [Theory]
    [InlineData("""{"as_of": "2019-01-24", "value": 5, "kind": "period"}""", "")]
    [InlineData("""{"as_of": null, "value": 5}""", "")]
    [InlineData("""{"as_of": "2019-02-30", "value": 5}""", "$.as_of: \"2019-02-30\" is not a date")]
    [InlineData("""{"as_of": "2019-01-24", "value": 5.5}""", "$.value: 5.5 is not integer")]
    [InlineData("""{"as_of": "2019-01-24", "value": -5}""", "$.value: -5 breaks minimum 0")]
    [InlineData("""{"as_of": "2019-01-24", "value": 1001}""", "$.value: 1001 breaks maximum 1000")]
    [InlineData("""{"as_of": "2019-01-24"}""", "$: required property 'value' is missing")]
    [InlineData("""{"as_of": "2019-01-24", "value": 5, "rendered": "x"}""", "$: property 'rendered' is not in the documented schema")]
    [InlineData("""{"as_of": "2019-01-24", "value": 5, "kind": "total"}""", "$.kind: \"total\" is not one of [\"cumulative\", \"period\"]")]
    public void A_value_is_checked_against_its_schema(string json, string error)
    {
        var errors = new SchemaValidator(Document).Errors(JsonDocument.Parse(json).RootElement, JsonDocument.Parse("""{"$ref": "#/components/schemas/Point"}""").RootElement);
        Assert.Equal(error, string.Join('\n', errors));
    }
}
