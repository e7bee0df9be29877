namespace Marsad.Text;

/// <summary>
/// Splits normalized text into words, numbers, punctuation and line breaks in one pass.
/// A change of character class is a token boundary, so digits glued to letters come apart
/// ("و2100عنصر" → و · 2100 · عنصر, "الـ24" → ال · 24); clitics that stay on words are seen
/// through later, by the lexicon.
/// </summary>
public static class Tokenizer
{
    public static TokenList Tokenize(string text)
    {
        var tokens = new List<Token>(text.Length / 5);
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '\n')
            {
                tokens.Add(new Token(TokenKind.LineBreak, i, i + 1));
                i++;
            }
            else if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (char.IsAsciiDigit(c))
            {
                var end = ScanNumber(text, i);
                if (text.AsSpan(i, end - i).Count('.') > 1)
                {
                    AddDotted(tokens, text, i, end);
                }
                else
                {
                    tokens.Add(new Token(TokenKind.Number, i, end));
                }

                i = end;
            }
            else if (char.IsLetter(c))
            {
                var end = i + 1;
                while (end < text.Length && char.IsLetter(text[end]))
                {
                    end++;
                }

                tokens.Add(new Token(TokenKind.Word, i, end));
                i = end;
            }
            else
            {
                tokens.Add(new Token(TokenKind.Punctuation, i, i + 1));
                i++;
            }
        }

        return new TokenList([.. tokens]);
    }

    /// <summary>
    /// Digits, and inside them a separator followed by a digit: "26,950", "1.5", "٢٦٬٩٥٠" (folded
    /// to "26,950"). An Arabic comma or a single space also groups thousands when the number starts
    /// with one to three digits and every group after it has exactly three ("1 414 021 100",
    /// "١،٢٣٤،٥٦٧"). A separator at the end belongs to the sentence, not the number.
    /// </summary>
    private static int ScanNumber(string text, int start)
    {
        var end = start;
        while (end < text.Length && char.IsAsciiDigit(text[end]))
        {
            end++;
        }

        var leadingDigits = end - start;
        while (end + 1 < text.Length)
        {
            var separator = text[end];
            if (separator is ',' or '.' && char.IsAsciiDigit(text[end + 1]))
            {
                end += 2;
                while (end < text.Length && char.IsAsciiDigit(text[end]))
                {
                    end++;
                }
            }
            else if (separator is '،' or ' ' && leadingDigits <= 3 && IsGroupOfThree(text, end + 1))
            {
                end += 4;
            }
            else
            {
                break;
            }
        }

        return end;
    }

    /// <summary>"192.168.1.2", "25.01.2019": several dots make a sequence of numbers, not a decimal.</summary>
    private static void AddDotted(List<Token> tokens, string text, int start, int end)
    {
        var part = start;
        for (var at = start; at <= end; at++)
        {
            if (at == end || text[at] == '.')
            {
                tokens.Add(new Token(TokenKind.Number, part, at));
                if (at < end)
                {
                    tokens.Add(new Token(TokenKind.Punctuation, at, at + 1));
                }

                part = at + 1;
            }
        }
    }

    private static bool IsGroupOfThree(string text, int at) =>
        at + 3 <= text.Length
        && char.IsAsciiDigit(text[at]) && char.IsAsciiDigit(text[at + 1]) && char.IsAsciiDigit(text[at + 2])
        && (at + 3 == text.Length || !char.IsAsciiDigit(text[at + 3]));
}
