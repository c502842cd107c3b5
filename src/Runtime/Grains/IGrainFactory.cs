namespace KnovvuOrleans.Runtime;

/// <summary>Creates references to grains; a call through a reference activates the grain if needed.</summary>
public interface IGrainFactory
{
    TGrainInterface GetGrain<TGrainInterface>(string primaryKey) where TGrainInterface : IGrainWithStringKey;
}
