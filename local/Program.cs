using System.CommandLine;
using Etransactions.Local;

var root = RepositoryRoot.Find();
var port = new Option<int>("--port") { Description = "Port of the app's HTTP endpoint", DefaultValueFactory = _ => 7071 };
// Relative paths are read from the repository root: `dotnet run` starts the host in its project folder.
var app = new Option<string>("--app") { Description = "The functions project to run", DefaultValueFactory = _ => Path.Combine(root, "functions", "Functions.csproj") };
var data = new Option<string>("--data") { Description = "Folder of Azurite's data and the host's state", DefaultValueFactory = _ => Path.Combine(root, ".azurite") };
var noBuild = new Option<bool>("--no-build") { Description = "Run the app's existing build output" };
var freeStoragePorts = new Option<bool>("--free-storage-ports") { Description = "Start Azurite on free ports instead of 10000-10002" };

var command = new RootCommand("Runs the etransactions functions app on this machine, with Azurite and the Durable Task engine.")
{
    port, app, data, noBuild, freeStoragePorts,
};
command.Subcommands.Add(Etransactions.Local.Upload.UploadCommand.Create(root));
command.SetAction((parsed, cancellation) => LocalHost.RunAsync(new LocalHostOptions
{
    RepositoryRoot = root,
    AppProject = Path.GetFullPath(parsed.GetValue(app)!, root),
    Port = parsed.GetValue(port),
    DataDirectory = Path.GetFullPath(parsed.GetValue(data)!, root),
    Build = !parsed.GetValue(noBuild),
    AzuritePorts = parsed.GetValue(freeStoragePorts) ? AzuritePorts.Free : AzuritePorts.Standard,
    LoadSamples = true,
}, cancellation));
// Ctrl-C cancels the run; the host then stops the worker, the engine and Azurite in order, which takes a
// few seconds (System.CommandLine would end the process after two).
return await command.Parse(args).InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = TimeSpan.FromSeconds(60) });
