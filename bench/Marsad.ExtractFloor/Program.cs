using System.Text.Json;

// The floor for bench/extract-throughput.sh: the least a reader of the same JSON lines must do.
// Each line is parsed, its "text" decoded to a string, and every character of it read; no
// extraction. `marsad extract` over the same file can be no faster than this, so the ratio of
// the two says how far the reader is from the cost of its input.
if (args.Length != 1)
{
    Console.Error.WriteLine("usage: Marsad.ExtractFloor FILE.jsonl");
    return 2;
}

using var file = new FileStream(args[0], FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
var buffer = new byte[1 << 16];
var line = new MemoryStream();
long reports = 0;
long characters = 0;
var checksum = 0;

void ReadLine(ReadOnlySpan<byte> json)
{
    var reader = new Utf8JsonReader(json);
    while (reader.Read())
    {
        if (reader.TokenType == JsonTokenType.PropertyName && reader.ValueTextEquals("text"u8) && reader.Read())
        {
            var text = reader.GetString()!;
            foreach (var c in text)
            {
                // Every character is read; the checksum keeps the loop from being optimized away.
                checksum = (checksum * 31) + c;
            }

            characters += text.Length;
            reports++;
        }
    }
}

int read;
while ((read = file.Read(buffer)) > 0)
{
    var chunk = buffer.AsSpan(0, read);
    int newline;
    while ((newline = chunk.IndexOf((byte)'\n')) >= 0)
    {
        if (line.Length == 0)
        {
            ReadLine(chunk[..newline]);
        }
        else
        {
            line.Write(chunk[..newline]);
            ReadLine(line.GetBuffer().AsSpan(0, (int)line.Length));
            line.SetLength(0);
        }

        chunk = chunk[(newline + 1)..];
    }

    line.Write(chunk);
}

if (line.Length > 0)
{
    ReadLine(line.GetBuffer().AsSpan(0, (int)line.Length));
}

Console.WriteLine($"{reports} reports, {characters} characters, checksum {checksum}");
return 0;
