using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using MovieRec.Core.Catalog;

namespace MovieRec.Core.Storage.Sqlite;

/// <summary>
/// The database layout, versioned with PRAGMA user_version: migration N takes a file from version
/// N-1 to N, inside one transaction, so a crash mid-migration leaves the old version intact.
/// </summary>
internal static class SqliteSchema
{
    private static readonly string[] Migrations = [Version1, Version2, Version3, Version4, Version5, Version6, Version7, Version8, Version9, Version10];

    public static int CurrentVersion => Migrations.Length;

    public static async Task MigrateAsync(SqliteConnection connection, string path, ILogger logger, CancellationToken cancellationToken)
    {
        // WAL is a property of the file (it persists) and cannot be switched inside a transaction.
        await using (var wal = connection.Command("PRAGMA journal_mode = WAL;"))
        {
            var mode = (string?)await wal.ExecuteScalarAsync(cancellationToken);
            if (!string.Equals(mode, "wal", StringComparison.OrdinalIgnoreCase))
                throw new StoreException($"SQLite could not switch {path} to WAL journaling (it reports '{mode}').");
        }

        RegisterSearchFunctions(connection);
        using var transaction = connection.BeginWrite();
        var version = await ReadVersionAsync(connection, transaction, cancellationToken);
        if (version > CurrentVersion)
            throw new StoreException($"The database {path} has schema version {version}, but this build of MovieRec knows only up to {CurrentVersion}: use a newer MovieRec.");
        for (var next = version + 1; next <= CurrentVersion; next++)
        {
            await using var migrate = connection.Command(Migrations[next - 1], transaction);
            await migrate.ExecuteNonQueryAsync(cancellationToken);
            // PRAGMA takes no parameters; the version is our own integer, never input.
            await using var stamp = connection.Command($"PRAGMA user_version = {next};", transaction);
            await stamp.ExecuteNonQueryAsync(cancellationToken);
            logger.LogInformation("Migrated SQLite database {Path} to schema version {Version}", path, next);
        }
        transaction.Commit();
    }

    public static async Task<int> ReadVersionAsync(SqliteConnection connection, SqliteTransaction? transaction, CancellationToken cancellationToken)
    {
        await using var command = connection.Command("PRAGMA user_version;", transaction);
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken));
    }

    // Version 5: each person's settings (familiar/new step, favourite genres as a JSON array, the
    // first-steps flow done or skipped), one row per person who saved any; no row means the defaults.
    private const string Version5 = """
        CREATE TABLE person_settings (
            user_id           INTEGER PRIMARY KEY REFERENCES users (user_id),
            familiar_new_step INTEGER NOT NULL CHECK (familiar_new_step BETWEEN 1 AND 5),
            favourite_genres  TEXT    NOT NULL DEFAULT '[]',
            onboarding_done   INTEGER NOT NULL DEFAULT 0 CHECK (onboarding_done IN (0, 1))
        );
        """;

    // Migrations fill search keys of existing rows with the rule's one owner in code (SearchText),
    // called from SQL through these functions; a change of the rule is a new migration refilling them.
    private static void RegisterSearchFunctions(SqliteConnection connection)
    {
        connection.CreateFunction("movierec_title_key", (string title) => SearchText.TitleKey(title), isDeterministic: true);
        connection.CreateFunction("movierec_tag_key", (string tag) => SearchText.TagKey(tag), isDeterministic: true);
    }

    // Version 6: the model version every instance serves (one row, replaced by an activation), and
    // the picks an A/B experiment showed, one row per (experiment, person, movie) with its arm and
    // the first open and rating after it was shown. No foreign keys: a record of what was shown
    // outlives nothing it points at, and the picks path must not fail on it.
    private const string Version6 = """
        CREATE TABLE active_model (
            id              INTEGER PRIMARY KEY CHECK (id = 1),
            version         TEXT    NOT NULL,
            activated_at_ms INTEGER NOT NULL
        );

        CREATE TABLE experiment_picks (
            experiment   TEXT    NOT NULL,
            user_id      INTEGER NOT NULL,
            movie_id     INTEGER NOT NULL,
            arm          TEXT    NOT NULL CHECK (arm IN ('control', 'candidate')),
            shown_at_ms  INTEGER NOT NULL,
            opened_at_ms INTEGER,
            rated_at_ms  INTEGER,
            rating       REAL,
            PRIMARY KEY (experiment, user_id, movie_id)
        ) WITHOUT ROWID;
        """;

    // Version 7: search (SearchText rule version 1). movie_search is an FTS5 table with the trigram
    // tokenizer over each title's search key (rowid = movie_id), so a substring of three or more
    // characters is found from the index, and near titles by the trigrams they share; its vocabulary
    // table says how common each trigram is (SqliteTitleSearch). movies.search_key holds the same
    // key for scans in popularity order (suggestions of common text). Tags get their folded key,
    // indexed, for the tag search.
    private const string Version7 = """
        ALTER TABLE movies ADD COLUMN search_key TEXT NOT NULL DEFAULT '';
        UPDATE movies SET search_key = movierec_title_key(title);
        CREATE VIRTUAL TABLE movie_search USING fts5 (search_key, tokenize = 'trigram');
        INSERT INTO movie_search (rowid, search_key) SELECT movie_id, search_key FROM movies;
        CREATE VIRTUAL TABLE movie_search_vocab USING fts5vocab (movie_search, 'row');
        ALTER TABLE movie_tags ADD COLUMN tag_key TEXT NOT NULL DEFAULT '';
        UPDATE movie_tags SET tag_key = movierec_tag_key(tag);
        CREATE INDEX movie_tags_by_key ON movie_tags (tag_key, movie_id);
        """;

    // Version 8: scheduled retraining. store_locks holds named leases (one row while held; a
    // crashed holder's row simply expires); rating_writes counts rating upserts, written in the
    // upsert's own transaction, so "retrain after N new ratings" survives restarts and counts every
    // instance's writes; retrain_runs keeps each run's figures for the administrator page.
    private const string Version8 = """
        CREATE TABLE store_locks (
            name           TEXT    PRIMARY KEY,
            holder         TEXT    NOT NULL,
            acquired_at_ms INTEGER NOT NULL,
            expires_at_ms  INTEGER NOT NULL
        ) WITHOUT ROWID;

        CREATE TABLE rating_writes (
            id    INTEGER PRIMARY KEY CHECK (id = 1),
            count INTEGER NOT NULL
        );
        INSERT INTO rating_writes (id, count) VALUES (1, 0);

        CREATE TABLE retrain_runs (
            run_id                 INTEGER PRIMARY KEY,
            started_at_ms          INTEGER NOT NULL,
            finished_at_ms         INTEGER NOT NULL,
            trigger                TEXT    NOT NULL,
            holder                 TEXT    NOT NULL,
            outcome                TEXT    NOT NULL CHECK (outcome IN ('published', 'refused', 'failed')),
            reason                 TEXT    NOT NULL,
            ratings                INTEGER NOT NULL,
            held_out_rmse          REAL,
            bias_only_rmse         REAL,
            current_rmse           REAL,
            held_out_ndcg          REAL,
            rating_writes_at_start INTEGER NOT NULL
        );
        CREATE INDEX retrain_runs_by_start ON retrain_runs (started_at_ms DESC);
        """;

    // Version 9: whether a run's held-out RMSE is the served figure (fold-in, the blended
    // prediction) or, for runs kept before the gate judged by it, the factor model's alone.
    // Existing rows are the latter, hence the default.
    private const string Version9 = """
        ALTER TABLE retrain_runs ADD COLUMN held_out_as_served INTEGER NOT NULL DEFAULT 0;
        """;

    // Version 10: each person's version, advanced in the transaction of every write of their
    // ratings, lists or settings (SqlitePersonVersions), so that a server can keep what it read of a
    // person and check it with one row. No row means no write yet (version 0). No foreign key: the
    // row only counts, and a write to an unknown person is refused before it is reached.
    private const string Version10 = """
        CREATE TABLE person_versions (
            user_id INTEGER PRIMARY KEY,
            version INTEGER NOT NULL
        );
        """;

    // Version 4: each person's hidden movies ("not interested") and watch-list, one table keyed by
    // (person, list, movie) so that adding twice is a no-op; the list is named in the row so that a
    // new kind of list needs no new table. The key also serves "the list of one person".
    private const string Version4 = """
        CREATE TABLE person_lists (
            user_id     INTEGER NOT NULL REFERENCES users (user_id),
            list        TEXT    NOT NULL CHECK (list IN ('hidden', 'watchlist')),
            movie_id    INTEGER NOT NULL REFERENCES movies (movie_id),
            added_at_ms INTEGER NOT NULL,
            PRIMARY KEY (user_id, list, movie_id)
        ) WITHOUT ROWID;
        """;

    // Version 3: the rating order's stored key (see SqliteRatingKeys) and its reference mean. Keys
    // stay NULL until the first movie list query or reconcile refreshes the reference: the formula
    // has one owner in code, none in a migration.
    private const string Version3 = """
        CREATE TABLE rating_reference (
            id   INTEGER PRIMARY KEY CHECK (id = 1),
            mean REAL    NOT NULL
        );
        ALTER TABLE movies ADD COLUMN rating_key REAL;
        CREATE INDEX movies_by_rating ON movies (rating_key DESC, movie_id);
        """;

    // Version 2: the per-user security stamp that revocable sessions check (existing accounts get a
    // random one, which ends any cookie issued before the upgrade: those carried no stamp), and the
    // import marker a restart reads to finish an import that did not complete.
    private const string Version2 = """
        ALTER TABLE users ADD COLUMN security_stamp TEXT NOT NULL DEFAULT '';
        UPDATE users SET security_stamp = lower(hex(randomblob(16)));

        CREATE TABLE import_state (
            id              INTEGER PRIMARY KEY CHECK (id = 1),
            dataset         TEXT    NOT NULL,
            started_at_ms   INTEGER NOT NULL,
            completed_at_ms INTEGER
        );
        """;

    // Ratings and the child tables are WITHOUT ROWID: their primary key is the data's natural key,
    // so rows sit in key order and no second b-tree is kept for a rowid.
    // The movie indexes serve each list order in its usual direction (see SqliteMovieOrder).
    // Titles are stored a second time lower-cased (by .NET, for every script) to search and sort
    // without case; rating_sum is a REAL, exact for sums of half-star values.
    private const string Version1 = """
        CREATE TABLE movies (
            movie_id     INTEGER PRIMARY KEY,
            title        TEXT    NOT NULL,
            title_folded TEXT    NOT NULL,
            year         INTEGER,
            imdb_id      TEXT,
            tmdb_id      INTEGER,
            rating_count INTEGER NOT NULL DEFAULT 0,
            rating_sum   REAL    NOT NULL DEFAULT 0
        );
        CREATE INDEX movies_by_popularity ON movies (rating_count DESC, movie_id);
        CREATE INDEX movies_by_year ON movies (year DESC, movie_id);
        CREATE INDEX movies_by_title ON movies (title_folded, movie_id);

        CREATE TABLE movie_genres (
            movie_id INTEGER NOT NULL REFERENCES movies (movie_id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            genre    TEXT    NOT NULL,
            PRIMARY KEY (movie_id, position)
        ) WITHOUT ROWID;
        CREATE INDEX movie_genres_by_genre ON movie_genres (genre, movie_id);

        CREATE TABLE movie_tags (
            movie_id INTEGER NOT NULL REFERENCES movies (movie_id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            tag      TEXT    NOT NULL,
            PRIMARY KEY (movie_id, position)
        ) WITHOUT ROWID;

        CREATE TABLE users (
            user_id            INTEGER PRIMARY KEY,
            username           TEXT    NOT NULL COLLATE NOCASE,
            username_key       TEXT    NOT NULL UNIQUE,
            password_hash      TEXT,
            failed_login_count INTEGER NOT NULL DEFAULT 0,
            lockout_end_ms     INTEGER,
            created_at_ms      INTEGER NOT NULL
        );

        CREATE TABLE user_roles (
            user_id INTEGER NOT NULL REFERENCES users (user_id) ON DELETE CASCADE,
            role    TEXT    NOT NULL,
            PRIMARY KEY (user_id, role)
        ) WITHOUT ROWID;

        CREATE TABLE ratings (
            user_id   INTEGER NOT NULL REFERENCES users (user_id),
            movie_id  INTEGER NOT NULL REFERENCES movies (movie_id),
            value     REAL    NOT NULL CHECK (value BETWEEN 0.5 AND 5.0 AND value * 2 = CAST(value * 2 AS INTEGER)),
            timestamp INTEGER NOT NULL,
            PRIMARY KEY (user_id, movie_id)
        ) WITHOUT ROWID;
        CREATE INDEX ratings_by_movie ON ratings (movie_id);
        """;
}
