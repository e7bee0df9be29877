using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Marsad.Web;

/// <summary>
/// A response written straight to the body with a <see cref="Utf8JsonWriter"/>, so claims and
/// series keep the exact shape of the CLI's JSON (CODEBOOK §2) without a second model.
/// </summary>
internal sealed class JsonBody(Action<Utf8JsonWriter> write, int status = StatusCodes.Status200OK) : IResult
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public async Task ExecuteAsync(HttpContext context)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        // Written whole in memory, then sent: the writers are synchronous, the response is not.
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            write(json);
        }

        await context.Response.Body.WriteAsync(buffer.WrittenMemory, context.RequestAborted);
    }
}
