using Etransactions.Functions.ApiKeys;
using Etransactions.Functions.Conversion;
using Etransactions.Functions.Core;
using Etransactions.Functions.Health;
using Etransactions.Functions.Operations;
using Etransactions.Functions.Platforms;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.AddCore();
builder.AddApiKeys();
builder.AddHealth();
builder.AddOperations();
builder.AddConversion();
builder.AddPlatforms();
builder.Build().Run();
