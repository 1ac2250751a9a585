using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace MovieRec.Web.Models.Experiments;

/// <summary>
/// Which arm a person is in: a SHA-256 of the experiment's name and the user id, read as a number
/// in [0, 1), below the share means the candidate. The same person lands in the same arm on every
/// request and every instance (no state, no string.GetHashCode, which differs per process), and a
/// new experiment draws its own split rather than reusing the last one's.
/// </summary>
public static class ExperimentAssignment
{
    public static bool IsCandidate(string experiment, int userId, double share)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes($"{experiment}:{userId}"), hash);
        // The top 53 bits: every such value is exact as a double.
        double position = (BinaryPrimitives.ReadUInt64BigEndian(hash) >> 11) / (double)(1UL << 53);
        return position < share;
    }
}
