if (args.Length > 0 && args[0] == "__store-writer") Environment.Exit(await MovieRec.Web.Cli.StoreWriterCommand.RunAsync(args[1..]));
var builder = WebApplication.CreateBuilder(args);
var app = builder.Build();

app.MapGet("/", () => "Hello World!");

app.Run();
