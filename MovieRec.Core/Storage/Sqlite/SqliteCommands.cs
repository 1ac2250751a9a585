using Microsoft.Data.Sqlite;

namespace MovieRec.Core.Storage.Sqlite;

/// <summary>Small helpers that keep the stores' SQL readable: every value goes through a parameter.</summary>
internal static class SqliteCommands
{
    public static SqliteCommand Command(this SqliteConnection connection, string sql, SqliteTransaction? transaction = null)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        return command;
    }

    public static SqliteCommand With(this SqliteCommand command, string name, object? value)
    {
        command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        return command;
    }

    /// <summary>A parameter to be given a new value for each row of a prepared, reused command.</summary>
    public static SqliteParameter Parameter(this SqliteCommand command, string name, SqliteType type)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.SqliteType = type;
        command.Parameters.Add(parameter);
        return parameter;
    }

    /// <summary>BEGIN IMMEDIATE: takes the write lock at the start, so two writers never deadlock upgrading a read lock.</summary>
    public static SqliteTransaction BeginWrite(this SqliteConnection connection) => connection.BeginTransaction(deferred: false);

    /// <summary>A deferred transaction for reads that must see one consistent snapshot.</summary>
    public static SqliteTransaction BeginRead(this SqliteConnection connection) => connection.BeginTransaction(deferred: true);

    /// <summary>A list of ids as one JSON array parameter, read with json_each: any number of ids, still parameterised.</summary>
    public static string IdsJson(IEnumerable<int> ids) =>
        System.Text.Json.JsonSerializer.Serialize(ids.Distinct().ToArray());

    public static string[] StringsFromJson(string? json) =>
        string.IsNullOrEmpty(json) ? [] : System.Text.Json.JsonSerializer.Deserialize<string[]>(json) ?? [];

    public static bool IsForeignKeyViolation(this SqliteException error) =>
        error.SqliteErrorCode == 19 && error.SqliteExtendedErrorCode == 787; // SQLITE_CONSTRAINT_FOREIGNKEY
}
