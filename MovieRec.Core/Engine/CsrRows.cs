using MovieRec.Core.Ratings;

namespace MovieRec.Core.Engine;

/// <summary>
/// Compressed sparse rows: row r holds Columns[Offsets[r] .. Offsets[r+1]) with their Values,
/// columns ascending within a row.
/// </summary>
public sealed class CsrRows
{
    public CsrRows(int[] offsets, int[] columns, float[] values)
    {
        Offsets = offsets;
        ColumnIndices = columns;
        Values = values;
    }

    public int[] Offsets { get; }
    public int[] ColumnIndices { get; }
    public float[] Values { get; }

    public int RowCount => Offsets.Length - 1;
    public int Count => ColumnIndices.Length;

    public int RowLength(int row) => Offsets[row + 1] - Offsets[row];
    public ReadOnlySpan<int> Columns(int row) => ColumnIndices.AsSpan(Offsets[row], RowLength(row));
    public ReadOnlySpan<float> RowValues(int row) => Values.AsSpan(Offsets[row], RowLength(row));

    /// <summary>
    /// Groups entries by row with a counting sort, sorts each row by column and drops repeated
    /// (row, column) pairs, keeping the entry that came last in the input.
    /// </summary>
    internal static CsrRows Group(int rowCount, int[] rows, int[] columns, ReadOnlySpan<Rating> ratings, bool keepLastDuplicate)
    {
        var offsets = new int[rowCount + 1];
        foreach (int r in rows) offsets[r + 1]++;
        for (int r = 0; r < rowCount; r++) offsets[r + 1] += offsets[r];

        // Keys sort each row by column, then by input position, so the last duplicate is last.
        var keys = new long[rows.Length];
        var next = (int[])offsets.Clone();
        for (int n = 0; n < rows.Length; n++)
            keys[next[rows[n]]++] = ((long)columns[n] << 32) | (uint)n;

        var outColumns = new int[rows.Length];
        var outValues = new float[rows.Length];
        var outOffsets = new int[rowCount + 1];
        int written = 0;
        for (int r = 0; r < rowCount; r++)
        {
            var rowKeys = keys.AsSpan(offsets[r], offsets[r + 1] - offsets[r]);
            rowKeys.Sort();
            for (int n = 0; n < rowKeys.Length; n++)
            {
                int column = (int)(rowKeys[n] >> 32);
                bool laterDuplicateFollows = n + 1 < rowKeys.Length && (int)(rowKeys[n + 1] >> 32) == column;
                if (keepLastDuplicate && laterDuplicateFollows) continue;
                outColumns[written] = column;
                outValues[written] = ratings[(int)(uint)rowKeys[n]].Value;
                written++;
            }
            outOffsets[r + 1] = written;
        }
        Array.Resize(ref outColumns, written);
        Array.Resize(ref outValues, written);
        return new CsrRows(outOffsets, outColumns, outValues);
    }

    /// <summary>The same entries grouped by column: row c of the result lists the rows holding c.</summary>
    public CsrRows Transpose(int columnCount)
    {
        var offsets = new int[columnCount + 1];
        foreach (int c in ColumnIndices) offsets[c + 1]++;
        for (int c = 0; c < columnCount; c++) offsets[c + 1] += offsets[c];
        var next = (int[])offsets.Clone();
        var columns = new int[Count];
        var values = new float[Count];
        // Walking rows in ascending order keeps each output row sorted.
        for (int r = 0; r < RowCount; r++)
        {
            for (int n = Offsets[r]; n < Offsets[r + 1]; n++)
            {
                int slot = next[ColumnIndices[n]]++;
                columns[slot] = r;
                values[slot] = Values[n];
            }
        }
        return new CsrRows(offsets, columns, values);
    }
}
