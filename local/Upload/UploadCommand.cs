using System.CommandLine;
using System.Net.Http.Json;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace Etransactions.Local.Upload;

/// <summary>
/// <c>dotnet run --project local -- upload &lt;file&gt; --agency &lt;code&gt; --converter "&lt;full name&gt;" [--sign] …</c>:
/// uploads a scan for conversion as a clerk's scanner station would, to <c>scans/{agency}/{name}</c>, with
/// the metadata of the conversion contract (percent-encoded UTF-8, since blob metadata is ASCII). With
/// <c>--wait</c> it follows <c>GET /api/conversions</c> of the running host until the upload is converted,
/// rejected or failed. It writes to the invocation's output and error (the console unless a caller gives others).
/// </summary>
public static class UploadCommand
{
    private static readonly Dictionary<string, string> ContentTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        [".pdf"] = "application/pdf", [".png"] = "image/png", [".jpg"] = "image/jpeg",
        [".jpeg"] = "image/jpeg", [".tif"] = "image/tiff", [".tiff"] = "image/tiff",
    };

    public static Command Create(string root)
    {
        var file = new Argument<string>("file") { Description = "The scan: PDF, PNG, JPEG or TIFF (a relative path is read from the repository root)" };
        var agency = new Option<string>("--agency") { Description = "Agency code, e.g. 000.00.00.H26", Required = true };
        var converter = new Option<string>("--converter") { Description = "Full name of who converts", Required = true };
        var sign = new Option<bool>("--sign") { Description = "Sign the data message" };
        var purpose = new Option<string?>("--purpose") { Description = "general, administrative-procedure or certification" };
        var noQr = new Option<bool>("--no-qr") { Description = "No QR code on the first page" };
        var language = new Option<string?>("--language") { Description = "OCR languages, e.g. vie+eng" };
        var name = new Option<string?>("--name") { Description = "Path under the agency folder (default: the file's name)" };
        var wait = new Option<bool>("--wait") { Description = "Wait for the result (up to two minutes)" };
        var storage = new Option<string>("--storage") { Description = "Storage connection string", DefaultValueFactory = _ => "UseDevelopmentStorage=true" };
        var host = new Option<Uri>("--host")
        {
            Description = "The running local host",
            DefaultValueFactory = _ => new Uri("http://127.0.0.1:7071/"),
            // System.CommandLine has no parser of its own for a Uri.
            CustomParser = result =>
            {
                var given = result.Tokens[^1].Value;
                if (Uri.TryCreate(given, UriKind.Absolute, out var uri))
                {
                    return uri;
                }
                result.AddError($"--host must be an absolute URL, such as http://127.0.0.1:7071/; got \"{given}\"");
                return null;
            },
        };
        var command = new Command("upload", "Uploads a scan for conversion into a data message.") { file, agency, converter, sign, purpose, noQr, language, name, wait, storage, host };
        command.SetAction(async (parsed, cancellation) =>
        {
            var metadata = new Dictionary<string, string> { ["converter"] = Encode(parsed.GetValue(converter)!) };
            if (parsed.GetValue(purpose) is { } p) metadata["purpose"] = Encode(p);
            if (parsed.GetValue(sign)) metadata["sign"] = "true";
            if (parsed.GetValue(noQr)) metadata["qr"] = "false";
            if (parsed.GetValue(language) is { } l) metadata["language"] = Encode(l);
            var scan = new FileInfo(Path.GetFullPath(parsed.GetValue(file)!, root));
            var blobName = $"{parsed.GetValue(agency)}/{(parsed.GetValue(name) ?? scan.Name).TrimStart('/')}";
            var container = new BlobContainerClient(parsed.GetValue(storage), "scans");
            await container.CreateIfNotExistsAsync(cancellationToken: cancellation);
            await using (var content = scan.OpenRead())
            {
                await container.GetBlobClient(blobName).UploadAsync(content, new BlobUploadOptions
                {
                    Metadata = metadata,
                    HttpHeaders = new BlobHttpHeaders { ContentType = ContentTypes.GetValueOrDefault(Path.GetExtension(blobName), "application/octet-stream") },
                }, cancellation);
            }
            var status = new Uri(parsed.GetValue(host)!, $"api/conversions?blob={Uri.EscapeDataString($"scans/{blobName}")}");
            var (output, error) = (parsed.InvocationConfiguration.Output, parsed.InvocationConfiguration.Error);
            output.WriteLine($"Uploaded scans/{blobName}");
            output.WriteLine($"Status: {status}");
            return parsed.GetValue(wait) ? await WaitAsync(status, output, error, cancellation) : 0;
        });
        return command;
    }

    private static async Task<int> WaitAsync(Uri status, TextWriter output, TextWriter error, CancellationToken cancellation)
    {
        using var http = new HttpClient();
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (DateTime.UtcNow < deadline)
        {
            var answer = await TryGetAsync(http, status, cancellation);
            switch (answer?["status"]?.GetValue<string>())
            {
                case "converted":
                    output.WriteLine($"Converted: lookup code {answer["lookupCode"]}");
                    output.WriteLine($"Data message: {answer["links"]?["dataMessage"]}");
                    return 0;
                case "rejected":
                    error.WriteLine($"Rejected: {answer["reason"]?["vi"]} / {answer["reason"]?["en"]}");
                    return 1;
                case "failed":
                    error.WriteLine($"Failed: {answer["lastError"]}");
                    return 1;
            }
            await Task.Delay(1000, cancellation);
        }
        error.WriteLine("No result yet: is `dotnet run --project local` running?");
        return 1;
    }

    private static async Task<JsonObject?> TryGetAsync(HttpClient http, Uri status, CancellationToken cancellation)
    {
        try
        {
            return await http.GetFromJsonAsync<JsonObject>(status, cancellation);
        }
        catch (HttpRequestException)
        {
            return null; // not there yet, or the host not up
        }
    }

    private static string Encode(string value) => Uri.EscapeDataString(value.Normalize(System.Text.NormalizationForm.FormC));
}
