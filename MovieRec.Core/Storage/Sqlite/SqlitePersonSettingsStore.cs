using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace MovieRec.Core.Storage.Sqlite;

/// <summary>Each person's settings in the person_settings table (schema version 5).</summary>
internal sealed class SqlitePersonSettingsStore(SqliteConnections connections) : IPersonSettingsStore
{
    public async Task<PersonSettings> GetAsync(int userId, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var command = connection.Command(
                "SELECT familiar_new_step, favourite_genres, onboarding_done FROM person_settings WHERE user_id = $user_id")
            .With("$user_id", userId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken)) return PersonSettings.Default;
        return new PersonSettings(reader.GetInt32(0), JsonSerializer.Deserialize<string[]>(reader.GetString(1)) ?? [], reader.GetInt64(2) == 1);
    }

    public async Task SaveAsync(int userId, PersonSettings settings, CancellationToken cancellationToken = default)
    {
        var genres = StoreValidation.PersonSettings(settings);
        using var writing = await connections.EnterWriteAsync(cancellationToken);
        await using var connection = await connections.OpenAsync(cancellationToken);
        using var transaction = connection.BeginWrite();
        await using var upsert = connection.Command($"""
                INSERT INTO person_settings (user_id, familiar_new_step, favourite_genres, onboarding_done)
                VALUES ($user_id, $step, $genres, $done)
                ON CONFLICT (user_id) DO UPDATE SET
                    familiar_new_step = excluded.familiar_new_step,
                    favourite_genres = excluded.favourite_genres,
                    onboarding_done = excluded.onboarding_done;
                {SqlitePersonVersions.Bump};
                """, transaction)
            .With("$user_id", userId)
            .With("$step", settings.FamiliarNewStep)
            .With("$genres", JsonSerializer.Serialize(genres))
            .With("$done", settings.OnboardingDone ? 1 : 0);
        try
        {
            await upsert.ExecuteNonQueryAsync(cancellationToken);
            transaction.Commit();
        }
        catch (SqliteException error) when (error.IsForeignKeyViolation())
        {
            throw StoreValidation.UnknownUser(userId);
        }
    }
}
