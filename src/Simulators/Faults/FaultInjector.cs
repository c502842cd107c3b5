namespace KnovvuOrleans.Simulators.Faults;

/// <summary>
/// The fault rules of one simulator, changeable at run time from any thread. Each request draws its faults once:
/// every matching <see cref="FaultKind.Delay"/> rule, then the first matching rule of another kind, in the order
/// the rules were added. Probabilities come from a random with a fixed seed, so a sequential client sees the same
/// faults on every run.
/// </summary>
public sealed class FaultInjector(int seed)
{
    private readonly Lock _gate = new();
    private readonly Random _random = new(seed);
    private readonly List<ActiveRule> _rules = [];

    // Read without the lock: requests skip the lock entirely while no rule is set (the benchmark case).
    private volatile int _ruleCount;

    /// <summary>The rules still in force (a rule with a <see cref="FaultRule.Count"/> leaves when used up).</summary>
    public IReadOnlyList<FaultRule> Rules
    {
        get
        {
            lock (_gate)
            {
                return _rules.Select(r => r.Rule).ToArray();
            }
        }
    }

    public void Add(FaultRule rule)
    {
        rule.Validate();
        lock (_gate)
        {
            _rules.Add(new ActiveRule(rule));
            _ruleCount = _rules.Count;
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _rules.Clear();
            _ruleCount = 0;
        }
    }

    internal FaultDecision Decide(string path, string? clientId)
    {
        if (_ruleCount == 0)
        {
            return FaultDecision.None;
        }

        lock (_gate)
        {
            var delay = TimeSpan.Zero;
            FaultRule? fault = null;
            for (var i = 0; i < _rules.Count; i++)
            {
                var active = _rules[i];
                var rule = active.Rule;
                if (!rule.AppliesTo(path, clientId)
                    || (rule.Kind != FaultKind.Delay && fault is not null)
                    || (rule.Probability < 1 && _random.NextDouble() >= rule.Probability))
                {
                    continue;
                }

                if (rule.Kind == FaultKind.Delay)
                {
                    delay += rule.Delay;
                }
                else
                {
                    fault = rule;
                }

                if (active.Remaining is not null && --active.Remaining == 0)
                {
                    _rules.RemoveAt(i--);
                }
            }

            _ruleCount = _rules.Count;
            return new FaultDecision(delay, fault);
        }
    }

    private sealed class ActiveRule(FaultRule rule)
    {
        public FaultRule Rule { get; } = rule;

        public int? Remaining { get; set; } = rule.Count;
    }
}
