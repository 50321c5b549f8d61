using Spectre.Console.Cli;
using TaoSharp.Cli;

var app = new CommandApp();
app.Configure(CliSetup.Configure);
return await app.RunAsync(args);
