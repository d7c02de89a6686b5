namespace BacklogMcp.Core.Configuration;

/// <summary>A configuration problem, with a message that names the variable and shows an example.</summary>
public sealed class BacklogMcpConfigurationException(string message) : Exception(message);
