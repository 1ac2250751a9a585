using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Text;

namespace MovieRec.Tests.Browser;

/// <summary>
/// The real web app as a separate process (`dotnet MovieRec.Web.dll --urls ...`), not an in-process
/// WebApplicationFactory: it reads its configuration from environment variables like a deployment,
/// and can be stopped politely (SIGTERM) or killed outright (SIGKILL) to test what survives a crash.
/// Everything it writes to standard output and error is kept for assertions and failure messages.
/// </summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private const int SigTerm = 15;
    private const int SigKill = 9;

    private readonly Process process;
    private readonly StringBuilder output = new();
    private readonly object outputLock = new();

    private ServerProcess(Process process, Uri baseAddress)
    {
        this.process = process;
        BaseAddress = baseAddress;
    }

    /// <summary>http://127.0.0.1:port/ (with the trailing slash, so relative URIs resolve under it).</summary>
    public Uri BaseAddress { get; }

    public string BaseUrl => BaseAddress.ToString().TrimEnd('/');

    public int ProcessId => process.Id;

    public bool HasExited => process.HasExited;

    /// <summary>Standard output and standard error so far, interleaved in arrival order.</summary>
    public string Output
    {
        get { lock (outputLock) return output.ToString(); }
    }

    /// <summary>
    /// Starts the app on a free loopback port. <paramref name="environment"/> is added to (or, with a
    /// null value, removed from) this process's environment: the app's settings as `Section__Key`.
    /// The working folder is <paramref name="workingDirectory"/> (default: a fresh temp folder), so a
    /// relative default path such as data/movierec.db never lands in the repository.
    /// </summary>
    public static ServerProcess Start(IReadOnlyDictionary<string, string?> environment, string? workingDirectory = null) =>
        Start(environment, AddressConvention.UrlsArgument, workingDirectory);

    /// <summary>The same, telling the app its address by the given ASP.NET Core convention.</summary>
    public static ServerProcess Start(IReadOnlyDictionary<string, string?> environment, AddressConvention convention, string? workingDirectory = null)
    {
        var webDll = Path.Combine(AppContext.BaseDirectory, "MovieRec.Web.dll");
        if (!File.Exists(webDll))
            throw new FileNotFoundException($"{webDll} is missing: MovieRec.Tests references MovieRec.Web to have it copied here", webDll);
        workingDirectory ??= Directory.CreateTempSubdirectory("movierec-server-").FullName;

        int port = FreeLoopbackPort();
        var baseAddress = convention == AddressConvention.None ? new Uri("http://localhost:5000/") : new Uri($"http://127.0.0.1:{port}/");
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        start.ArgumentList.Add(webDll);
        string url = baseAddress.ToString().TrimEnd('/');
        // The test host's own environment name and addresses (if any) must not leak into the app's configuration.
        foreach (string name in new[] { "ASPNETCORE_ENVIRONMENT", "DOTNET_ENVIRONMENT", "ASPNETCORE_URLS", "ASPNETCORE_HTTP_PORTS", "ASPNETCORE_HTTPS_PORTS", "URLS", "Urls" })
            start.Environment.Remove(name);
        switch (convention)
        {
            case AddressConvention.UrlsArgument:
                start.ArgumentList.Add("--urls");
                start.ArgumentList.Add(url);
                break;
            case AddressConvention.AspNetCoreUrls:
                start.Environment["ASPNETCORE_URLS"] = url;
                break;
            case AddressConvention.HttpPorts:
                // Every interface on that port; the tests reach it on the loopback.
                start.Environment["ASPNETCORE_HTTP_PORTS"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
                break;
            case AddressConvention.UrlsSetting:
                start.Environment["Urls"] = url;
                break;
        }
        foreach (var (name, value) in environment)
        {
            if (value is null) start.Environment.Remove(name);
            else start.Environment[name] = value;
        }

        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var server = new ServerProcess(process, baseAddress);
        process.OutputDataReceived += (_, line) => server.Append(line.Data);
        process.ErrorDataReceived += (_, line) => server.Append(line.Data);
        if (!process.Start()) throw new InvalidOperationException("dotnet MovieRec.Web.dll did not start");
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return server;
    }

    /// <summary>
    /// Polls <paramref name="url"/> (relative to the base address) until <paramref name="isReady"/>
    /// accepts the response body; fails with the server's output if it exits or time runs out.
    /// </summary>
    public async Task WaitUntilAsync(string url, Func<HttpStatusCode, string, bool> isReady, TimeSpan timeout)
    {
        using var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        string last = "no answer yet";
        while (deadline.Elapsed < timeout)
        {
            if (process.HasExited)
                throw new InvalidOperationException($"The server exited with code {process.ExitCode} before {url} was ready.\n{Output}");
            try
            {
                using var response = await client.GetAsync(url);
                string body = await response.Content.ReadAsStringAsync();
                if (isReady(response.StatusCode, body)) return;
                last = $"{(int)response.StatusCode} {body}";
            }
            catch (HttpRequestException error)
            {
                last = error.Message; // not listening yet
            }
            catch (TaskCanceledException)
            {
                last = "request timed out";
            }
            // Polling a process from outside has no event to wait on; a short pause keeps it cheap.
            await Task.Delay(100);
        }
        throw new TimeoutException($"{url} was not ready after {timeout.TotalSeconds:0} s (last: {last}).\n{Output}");
    }

    /// <summary>Waits until the server has written a line containing <paramref name="text"/>.</summary>
    public async Task WaitForOutputAsync(string text, TimeSpan timeout)
    {
        var deadline = Stopwatch.StartNew();
        while (!Output.Contains(text, StringComparison.Ordinal))
        {
            if (process.HasExited && !Output.Contains(text, StringComparison.Ordinal))
                throw new InvalidOperationException($"The server exited with code {process.ExitCode} without writing \"{text}\".\n{Output}");
            if (deadline.Elapsed > timeout)
                throw new TimeoutException($"The server did not write \"{text}\" within {timeout.TotalSeconds:0} s.\n{Output}");
            await Task.Delay(50);
        }
    }

    /// <summary>Waits for the process to end by itself (a start-up refusal); its exit code.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"The server was still running after {timeout.TotalSeconds:0} s.\n{Output}");
        }
        return process.ExitCode;
    }

    /// <summary>SIGKILL: the process ends at once, as in a crash or power cut; nothing is flushed.</summary>
    public async Task<int> KillAsync()
    {
        if (!process.HasExited) Signal(SigKill);
        await process.WaitForExitAsync();
        return process.ExitCode;
    }

    /// <summary>SIGTERM, the host's graceful shutdown; a SIGKILL if it has not ended within <paramref name="grace"/>.</summary>
    public async Task<int> StopAsync(TimeSpan? grace = null)
    {
        if (!process.HasExited) Signal(SigTerm);
        using var timeout = new CancellationTokenSource(grace ?? TimeSpan.FromSeconds(10));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            return await KillAsync();
        }
        return process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await KillAsync();
        }
        catch (InvalidOperationException)
        {
            // Never started: nothing to kill.
        }
        process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (outputLock) output.AppendLine(line);
    }

    private void Signal(int signal)
    {
        // Process.Kill sends SIGKILL only; SIGTERM needs libc's kill. Both go to this one process.
        if (kill(process.Id, signal) != 0 && !process.HasExited)
            throw new InvalidOperationException($"kill({process.Id}, {signal}) failed with errno {Marshal.GetLastPInvokeError()}");
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int kill(int pid, int sig);

    /// <summary>How the app is told where to listen, one per ASP.NET Core convention; None leaves its default.</summary>
    public enum AddressConvention
    {
        None,
        UrlsArgument,
        AspNetCoreUrls,
        HttpPorts,
        UrlsSetting,
    }

    /// <summary>A port no one listens on now: the OS picks it for a listener that is closed at once.</summary>
    public static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
