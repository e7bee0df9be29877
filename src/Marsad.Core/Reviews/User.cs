namespace Marsad.Reviews;

/// <summary>What an account may do: a reviewer uploads and reviews; an admin also retracts documents and manages accounts.</summary>
public enum UserRole { Reviewer, Admin }

/// <summary>An account of the API; a revoked one keeps its name in the logs and no longer signs in.</summary>
public sealed record User(string Name, UserRole Role, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt = null)
{
    public bool IsRevoked => RevokedAt is not null;
}
