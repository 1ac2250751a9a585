namespace MovieRec.Web.Accounts;

/// <summary>
/// A random id made once per installation and kept beside its key ring (file installation-id).
/// It names the Data Protection application (so even a copied key ring does not decrypt another
/// installation's cookies) and rides in every sign-in cookie, checked on each request.
/// </summary>
public sealed class InstallationIdentity
{
    public const string FileName = "installation-id";

    private InstallationIdentity(string id, string keyRingFolder)
    {
        Id = id;
        KeyRingFolder = keyRingFolder;
    }

    public string Id { get; }

    public string KeyRingFolder { get; }

    /// <summary>Reads the id kept in <paramref name="keyRingFolder"/>, creating the folder and the id on first start.</summary>
    public static InstallationIdentity LoadOrCreate(string keyRingFolder)
    {
        string folder = Path.GetFullPath(keyRingFolder);
        Directory.CreateDirectory(folder);
        string file = Path.Combine(folder, FileName);
        if (File.Exists(file) && File.ReadAllText(file).Trim() is { Length: 32 } stored)
            return new InstallationIdentity(stored, folder);

        string id = Guid.NewGuid().ToString("N");
        // Written to a temporary name and renamed, so a crash never leaves half an id behind.
        string temporary = file + ".tmp";
        File.WriteAllText(temporary, id);
        File.Move(temporary, file, overwrite: true);
        return new InstallationIdentity(id, folder);
    }
}
