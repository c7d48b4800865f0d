using Etransactions.Functions.Conversion.Documents.Ocr;
using Etransactions.Functions.Core;
using Etransactions.Functions.Health;
using Etransactions.Functions.Operations;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.AddCore();
builder.AddHealth();
builder.AddOperations();
builder.AddOcr();
builder.Build().Run();
