namespace KnovvuOrleans.Runtime;

/// <summary>Marker for every grain interface (as in Orleans).</summary>
public interface IAddressable;

/// <summary>A grain interface.</summary>
public interface IGrain : IAddressable;

/// <summary>A grain identified by a string key; the only key kind this project needs.</summary>
public interface IGrainWithStringKey : IGrain;
