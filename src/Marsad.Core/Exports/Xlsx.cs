using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;

namespace Marsad.Exports;

/// <summary>A sheet of a workbook: its name and its rows, the first one its header.</summary>
public sealed record Sheet(string Name, IEnumerable<IReadOnlyList<Cell>> Rows);

/// <summary>
/// Writes an Excel workbook (Office Open XML, ECMA-376): the few parts a workbook needs, zipped;
/// texts as inline strings (never formulas, so nothing in a cell can run), numbers as numbers, the
/// header row bold and frozen. Written by hand because an OpenXML library would bring megabytes to
/// write five small XML files.
/// </summary>
public static class Xlsx
{
    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string Relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private const string PackageRelationships = "http://schemas.openxmlformats.org/package/2006/relationships";
    private const string ContentTypes = "http://schemas.openxmlformats.org/package/2006/content-types";

    public static void Write(Stream output, IReadOnlyList<Sheet> sheets)
    {
        using var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        Part(zip, "[Content_Types].xml", xml =>
        {
            xml.WriteStartElement("Types", ContentTypes);
            Element(xml, ContentTypes, "Default", ("Extension", "rels"), ("ContentType", "application/vnd.openxmlformats-package.relationships+xml"));
            Element(xml, ContentTypes, "Default", ("Extension", "xml"), ("ContentType", "application/xml"));
            Element(xml, ContentTypes, "Override", ("PartName", "/xl/workbook.xml"), ("ContentType", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"));
            Element(xml, ContentTypes, "Override", ("PartName", "/xl/styles.xml"), ("ContentType", "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"));
            for (var i = 1; i <= sheets.Count; i++)
            {
                Element(xml, ContentTypes, "Override", ("PartName", $"/xl/worksheets/sheet{i}.xml"), ("ContentType", "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"));
            }
        });
        Part(zip, "_rels/.rels", xml =>
        {
            xml.WriteStartElement("Relationships", PackageRelationships);
            Element(xml, PackageRelationships, "Relationship", ("Id", "rId1"), ("Type", Relationships + "/officeDocument"), ("Target", "xl/workbook.xml"));
        });
        Part(zip, "xl/workbook.xml", xml =>
        {
            xml.WriteStartElement("workbook", Main);
            xml.WriteAttributeString("xmlns", "r", null, Relationships);
            xml.WriteStartElement("sheets", Main);
            for (var i = 1; i <= sheets.Count; i++)
            {
                xml.WriteStartElement("sheet", Main);
                xml.WriteAttributeString("name", sheets[i - 1].Name);
                xml.WriteAttributeString("sheetId", Number(i));
                xml.WriteAttributeString("id", Relationships, "rId" + Number(i));
                xml.WriteEndElement();
            }
        });
        Part(zip, "xl/_rels/workbook.xml.rels", xml =>
        {
            xml.WriteStartElement("Relationships", PackageRelationships);
            for (var i = 1; i <= sheets.Count; i++)
            {
                Element(xml, PackageRelationships, "Relationship", ("Id", "rId" + Number(i)), ("Type", Relationships + "/worksheet"), ("Target", $"worksheets/sheet{i}.xml"));
            }

            Element(xml, PackageRelationships, "Relationship", ("Id", "rId" + Number(sheets.Count + 1)), ("Type", Relationships + "/styles"), ("Target", "styles.xml"));
        });
        Part(zip, "xl/styles.xml", WriteStyles);
        for (var i = 1; i <= sheets.Count; i++)
        {
            var sheet = sheets[i - 1];
            Part(zip, $"xl/worksheets/sheet{i}.xml", xml => WriteSheet(xml, sheet));
        }
    }

    /// <summary>Style 0 is plain, style 1 bold (the header).</summary>
    private static void WriteStyles(XmlWriter xml)
    {
        xml.WriteStartElement("styleSheet", Main);
        xml.WriteStartElement("fonts", Main);
        xml.WriteAttributeString("count", "2");
        xml.WriteStartElement("font", Main);
        xml.WriteEndElement();
        xml.WriteStartElement("font", Main);
        Element(xml, Main, "b");
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteStartElement("fills", Main);
        xml.WriteAttributeString("count", "1");
        xml.WriteStartElement("fill", Main);
        Element(xml, Main, "patternFill", ("patternType", "none"));
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteStartElement("borders", Main);
        xml.WriteAttributeString("count", "1");
        Element(xml, Main, "border");
        xml.WriteEndElement();
        xml.WriteStartElement("cellXfs", Main);
        xml.WriteAttributeString("count", "2");
        Element(xml, Main, "xf", ("fontId", "0"), ("fillId", "0"), ("borderId", "0"));
        Element(xml, Main, "xf", ("fontId", "1"), ("fillId", "0"), ("borderId", "0"), ("applyFont", "1"));
        xml.WriteEndElement();
    }

    private static void WriteSheet(XmlWriter xml, Sheet sheet)
    {
        xml.WriteStartElement("worksheet", Main);
        xml.WriteStartElement("sheetViews", Main);
        xml.WriteStartElement("sheetView", Main);
        xml.WriteAttributeString("workbookViewId", "0");
        Element(xml, Main, "pane", ("ySplit", "1"), ("topLeftCell", "A2"), ("activePane", "bottomLeft"), ("state", "frozen"));
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteStartElement("sheetData", Main);
        var number = 0;
        foreach (var row in sheet.Rows)
        {
            number++;
            xml.WriteStartElement("row", Main);
            xml.WriteAttributeString("r", Number(number));
            for (var column = 0; column < row.Count; column++)
            {
                WriteCell(xml, row[column], ColumnName(column) + Number(number), header: number == 1);
            }

            xml.WriteEndElement();
        }
    }

    private static void WriteCell(XmlWriter xml, Cell cell, string reference, bool header)
    {
        if (cell.Number is null && string.IsNullOrEmpty(cell.AsText()))
        {
            return;
        }

        xml.WriteStartElement("c", Main);
        xml.WriteAttributeString("r", reference);
        if (header)
        {
            xml.WriteAttributeString("s", "1");
        }

        if (cell.Number is { } value)
        {
            xml.WriteElementString("v", Main, value.ToString("R", CultureInfo.InvariantCulture));
        }
        else
        {
            xml.WriteAttributeString("t", "inlineStr");
            xml.WriteStartElement("is", Main);
            xml.WriteStartElement("t", Main);
            xml.WriteAttributeString("xml", "space", null, "preserve");
            xml.WriteString(XmlSafe(cell.AsText()!));
            xml.WriteEndElement();
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
    }

    /// <summary>A, B, …, Z, AA, AB, …</summary>
    private static string ColumnName(int index)
    {
        var name = "";
        for (index++; index > 0; index = (index - 1) / 26)
        {
            name = (char)('A' + ((index - 1) % 26)) + name;
        }

        return name;
    }

    /// <summary>Characters XML 1.0 cannot hold (controls, lone surrogates) become U+FFFD.</summary>
    private static string XmlSafe(string text)
    {
        if (text.All(XmlConvert.IsXmlChar))
        {
            return text;
        }

        var safe = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                safe.Append(text, i++, 2);
            }
            else
            {
                safe.Append(XmlConvert.IsXmlChar(text[i]) ? text[i] : '\uFFFD');
            }
        }

        return safe.ToString();
    }

    private static void Part(ZipArchive zip, string name, Action<XmlWriter> write)
    {
        using var stream = zip.CreateEntry(name, CompressionLevel.Optimal).Open();
        using var xml = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false) });
        xml.WriteStartDocument(standalone: true);
        write(xml);
        xml.WriteEndDocument();
    }

    private static void Element(XmlWriter xml, string ns, string name, params (string Name, string Value)[] attributes)
    {
        xml.WriteStartElement(name, ns);
        foreach (var (attribute, value) in attributes)
        {
            xml.WriteAttributeString(attribute, value);
        }

        xml.WriteEndElement();
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
