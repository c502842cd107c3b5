namespace KnovvuOrleans.Testing;

/// <summary>Waits for a condition that asynchronous work will make true; the limit only bounds a broken run.</summary>
public static class Eventually
{
    public static async Task TrueAsync(Func<bool> condition, string what, TimeSpan? limit = null)
    {
        var deadline = DateTime.UtcNow + (limit ?? TimeSpan.FromSeconds(30));
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Still not true after {(limit ?? TimeSpan.FromSeconds(30)).TotalSeconds} s: {what}");
            }

            await Task.Delay(20);
        }
    }

    /// <summary>The same for a condition that must ask something asynchronously (a grain, the database).</summary>
    public static async Task TrueAsync(Func<Task<bool>> condition, string what, TimeSpan? limit = null)
    {
        var deadline = DateTime.UtcNow + (limit ?? TimeSpan.FromSeconds(30));
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Still not true after {(limit ?? TimeSpan.FromSeconds(30)).TotalSeconds} s: {what}");
            }

            await Task.Delay(20);
        }
    }
}
